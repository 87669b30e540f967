"""Damaged cache entries (font subsets, chart pictures, font coverage) are rebuilt, never
embedded and never blamed on the font: each is sealed with its SHA-256 when written."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import TYPE_CHECKING

import pytest
from _fontutil import build_collection, build_font, parse_eot
from fontTools.ttLib import TTFont
from PIL import Image

from briefing import api
from briefing.files import read_sealed, store_sealed
from briefing.fonts import family as fonts

if TYPE_CHECKING:
    from pathlib import Path


def _build(target: Path) -> api.BuildResult:
    """A short deck with one chart picture (the e-payment merchants column chart)."""
    options = api.options_from_recipe(
        None, sections=("visit-e-payment",), initiatives=(), output=target
    )
    return api.build(options)


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "flipped":
        data[len(data) // 3] ^= 0x5A
        path.write_bytes(bytes(data))
    else:  # an unsealed file that looks right at the start
        path.write_bytes(bytes(data[:64]) + b"\0" * 100)


def _entries(cache: Path) -> list[Path]:
    kinds = ("charts", "fonts/subsets", "fonts/coverage")
    return sorted(
        p for kind in kinds for p in (cache / "briefing" / kind).rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    "how",
    [
        pytest.param("truncated", marks=pytest.mark.slow),
        "flipped",
        pytest.param("unsealed", marks=pytest.mark.slow),
    ],
)
def test_a_damaged_cache_is_rebuilt_and_the_deck_is_sound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = _build(tmp_path / "first.pptx")
    entries = _entries(tmp_path / "cache")
    assert any(p.suffix == ".png" for p in entries) and any(p.suffix == ".ttf" for p in entries)
    for path in entries:
        _damage(path, how)

    second = _build(tmp_path / "second.pptx")

    assert second.warnings == first.warnings
    with zipfile.ZipFile(second.output) as deck:
        fonts = [deck.read(n) for n in deck.namelist() if n.endswith(".fntdata")]
        pictures = [deck.read(n) for n in deck.namelist() if n.startswith("ppt/media/")]
    assert fonts and pictures
    cmaps = [TTFont(BytesIO(parse_eot(eot)["payload"]))["cmap"].getBestCmap() for eot in fonts]
    assert ord("新") in cmaps[0]  # the regular face: the notes say 新加坡
    assert all(len(cmap) > 50 for cmap in cmaps)
    for png in (p for p in pictures if p.startswith(b"\x89PNG")):
        Image.open(BytesIO(png)).verify()
    assert all(read_sealed(path) is not None for path in _entries(tmp_path / "cache"))


def test_a_sealed_entry_reads_back_and_a_tampered_one_does_not(tmp_path: Path) -> None:
    path = tmp_path / "entry.bin"
    store_sealed(path, b"payload")
    assert read_sealed(path) == b"payload"

    path.write_bytes(path.read_bytes().replace(b"payload", b"paylead"))

    assert read_sealed(path) is None
    assert read_sealed(tmp_path / "missing.bin") is None


def test_a_damaged_face_extracted_from_a_collection_is_extracted_again(tmp_path: Path) -> None:
    ttc = build_collection([build_font("Tiny A"), build_font("Tiny B")], tmp_path / "pair.ttc")
    cache = tmp_path / "cache"
    face = fonts.load_family(ttc, index=1, cache_dir=cache).regular.path
    good = face.read_bytes()
    face.write_bytes(good[: len(good) // 2])

    again = fonts.load_family(ttc, index=1, cache_dir=cache).regular.path

    assert again == face and face.read_bytes() == good
    assert fonts.prepare_faces(
        fonts.load_family(ttc, index=1, cache_dir=cache), "中", cache_dir=cache
    )


def test_a_cached_subset_is_found_without_reading_the_font(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.ttf").write_bytes(build_font())
    family = fonts.load_family(tmp_path / "a.ttf", cache_dir=tmp_path / "cache")
    [first] = fonts.prepare_faces(family, "中文", cache_dir=tmp_path / "cache")

    def unread(_face: fonts.FontFace) -> bytes:
        raise AssertionError("the font file was read for a cached subset")

    monkeypatch.setattr(fonts.FontFace, "data", unread)
    [second] = fonts.prepare_faces(family, "中文", cache_dir=tmp_path / "cache")

    assert second.eot == first.eot
