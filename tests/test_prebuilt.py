"""The prebuilt subsets of the bundled font (assets/fonts/prebuilt, tools/make_prebuilt_fonts.py):
current, intact, covering every deck the bundled report gives, and never in the way of a
character outside them."""

from __future__ import annotations

import shutil
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from _fontutil import parse_eot
from fontTools.ttLib import TTFont

from briefing import api, charts, pipeline
from briefing.fonts import family as fonts
from briefing.fonts import find as fontfind
from briefing.fonts import prebuilt
from briefing.fonts.subset import subset_font
from briefing.story.plan import Visual

ROOT = Path(__file__).resolve().parents[1]
REGEN = "run: python tools/make_prebuilt_fonts.py"


@pytest.fixture
def fresh_prebuilt():  # type: ignore[no-untyped-def]
    """Forget what was read of the prebuilt files before and after a test that moves them."""
    prebuilt._load.cache_clear()
    yield
    prebuilt._load.cache_clear()


def _cmap(ttf: bytes) -> set[int]:
    return set(TTFont(BytesIO(ttf))["cmap"].getBestCmap())


def _deck_text(recipe: Path | None) -> str:
    """Every character a deck of ``recipe`` shows, chart pictures included."""
    options = api.options_from_recipe(recipe)
    report = api.load(options)
    plan = api.plan(options, report)
    visuals = {
        spec.id: Visual(
            alt_text="", text=charts.chart_data(spec, report, language=options.language).text()
        )
        for spec in plan.charts.values()
    }
    regular, bold = pipeline.deck_text(plan, visuals, pictures=True)
    return "".join(regular.values()) + "".join(bold.values())


def test_each_bundled_face_has_an_intact_current_prebuilt_subset() -> None:
    for face in (fonts.load_family().regular, fonts.load_family().bold):
        assert face is not None
        assert prebuilt.prebuilt_for(face.path) is not None, f"{face.path.name}: {REGEN}"


@pytest.mark.parametrize(
    "recipe",
    [None, *sorted((ROOT / "recipes").glob("*.yaml"))],
    ids=lambda r: getattr(r, "stem", "default"),
)
def test_the_prebuilt_subsets_hold_every_character_of_the_bundled_decks(recipe) -> None:  # type: ignore[no-untyped-def]
    found = prebuilt.prebuilt_for(fonts.load_family().regular.path)
    assert found is not None

    shown = {
        ch for ch in _deck_text(recipe) if not ch.isspace() and unicodedata.category(ch) != "Cc"
    }

    assert {ch for ch in shown if ord(ch) not in found.requested} == set(), REGEN


def test_a_subset_of_the_prebuilt_file_is_a_subset_of_the_face(tmp_path: Path) -> None:
    family = fonts.load_family()
    text = _deck_text(None)
    codepoints = {ord(ch) for ch in text + fonts.BASE_TEXT if unicodedata.category(ch) != "Cc"}
    found = prebuilt.prebuilt_for(family.regular.path)
    assert found is not None and found.serves(codepoints)

    direct = subset_font(family.regular.data(), codepoints, family=family.name, style="regular")
    [embedded, _] = fonts.prepare_faces(family, text, "標題", cache_dir=tmp_path)

    payload = parse_eot(embedded.eot)["payload"]
    assert _cmap(payload) == _cmap(direct)
    assert TTFont(BytesIO(payload))["maxp"].numGlyphs == TTFont(BytesIO(direct))["maxp"].numGlyphs


def test_a_character_outside_the_prebuilt_file_comes_from_the_face(tmp_path: Path) -> None:
    family = fonts.load_family()
    found = prebuilt.prebuilt_for(family.regular.path)
    assert found is not None
    covered = fontfind.coverage(family.regular.path, tmp_path)
    rare = chr(min(cp for cp in covered if cp > 0x4E00 and cp not in found.requested))

    [face] = fonts.prepare_faces(family, f"中{rare}", cache_dir=tmp_path)
    missing = fonts.missing_characters(family, {1: f"中{rare}\U0010fffd"}, cache_dir=tmp_path)

    assert ord(rare) in _cmap(parse_eot(face.eot)["payload"])
    assert [m.char for m in missing] == ["\U0010fffd"]


def test_a_damaged_prebuilt_file_is_ignored(tmp_path: Path, monkeypatch, fresh_prebuilt) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "prebuilt"
    shutil.copytree(prebuilt.PREBUILT_DIR, copy)
    target = copy / "NotoSansTC_400Regular.subset.ttf"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    monkeypatch.setattr(prebuilt, "PREBUILT_DIR", copy)
    monkeypatch.setattr(prebuilt, "MANIFEST", copy / "manifest.json")
    family = fonts.load_family()

    [face] = fonts.prepare_faces(family, "中文", cache_dir=tmp_path / "cache")

    assert prebuilt.prebuilt_for(family.regular.path) is None
    assert {ord("中"), ord("文")} <= _cmap(parse_eot(face.eot)["payload"])


def test_a_prebuilt_file_of_another_font_is_not_used(tmp_path: Path, fresh_prebuilt) -> None:  # type: ignore[no-untyped-def]
    impostor = tmp_path / fonts.load_family().regular.path.name
    impostor.write_bytes(fonts.load_family().bold.data())  # type: ignore[union-attr]

    assert prebuilt.prebuilt_for(impostor) is None
