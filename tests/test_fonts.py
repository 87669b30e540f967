"""Tests for briefing.fonts.family (and its helpers eot, subset, find), on tiny real fonts."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest
from _fontutil import BIG5_BIT, CHARS, LATIN1_BIT, build_collection, build_font, load, parse_eot
from fontTools.ttLib import TTFont

from briefing.errors import FontError, FontNotFound
from briefing.files import store_sealed
from briefing.fonts import family as fonts
from briefing.fonts import find as fontfind
from briefing.fonts.eot import EOT_MAGIC, EOT_VERSION, charset, wrap_eot
from briefing.fonts.subset import subset_font

if TYPE_CHECKING:
    from pathlib import Path


# ----------------------------------------------------------------------------- fixtures
@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def font_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "fonts"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def windows_cmap(font: TTFont) -> dict[int, str]:
    tables = [t for t in font["cmap"].tables if t.platformID == 3 and t.platEncID in (1, 10)]
    assert tables, "no Windows Unicode cmap"
    merged: dict[int, str] = {}
    for table in tables:
        merged.update(table.cmap)
    return merged


def name(font: TTFont, name_id: int) -> str:
    return font["name"].getName(name_id, 3, 1, 0x409).toUnicode()


# ----------------------------------------------------------------------------- EOT
@pytest.mark.parametrize(("subset", "flags"), [(True, 0x1), (False, 0x0)])
def test_wrap_eot_header_parses_back(subset: bool, flags: int) -> None:
    ttf = build_font(weight=700, fs_type=0x8)

    eot = wrap_eot(ttf, subset=subset)

    h = parse_eot(eot)
    with load(ttf) as font:
        os2, head = font["OS/2"], font["head"]
        assert h["EOTSize"] == len(eot)
        assert h["FontDataSize"] == len(ttf)
        assert h["header_end"] == h["EOTSize"] - h["FontDataSize"]
        assert h["payload"] == ttf
        assert (h["Version"], h["Flags"], h["Magic"]) == (EOT_VERSION, flags, EOT_MAGIC)
        assert h["PANOSE"] == bytes([2, 11, 0, 0, 0, 0, 0, 0, 0, 0])
        assert (h["Weight"], h["fsType"], h["Italic"]) == (700, 0x8, 0)
        assert h["UnicodeRange"] == [getattr(os2, f"ulUnicodeRange{i}") for i in range(1, 5)]
        assert h["CodePageRange"] == [LATIN1_BIT | BIG5_BIT, 0]
        assert h["CheckSumAdjustment"] == head.checkSumAdjustment
    assert h["Charset"] == 1
    assert h["Reserved"] == [0, 0, 0, 0]
    assert h["paddings"] == [0] * 6
    assert (h["FamilyName"], h["StyleName"], h["FullName"]) == (
        "Tiny Sans",
        "Regular",
        "Tiny Sans Regular",
    )
    assert h["VersionName"] == "Version 1.000"
    assert h["RootString"] == ""
    assert h["RootStringCheckSum"] == 0x50475342  # sum of no bytes XOR 0x50475342
    assert (h["SignatureSize"], h["EUDCFlags"], h["EUDCFontSize"]) == (0, 0, 0)


def test_wrap_eot_name_sizes_are_even_utf16() -> None:
    eot = wrap_eot(build_font("字型 Sans"), subset=True)

    h = parse_eot(eot)

    assert h["FamilyName"] == "字型 Sans"
    assert len(h["FamilyNameBytes"]) == 2 * len("字型 Sans")


# ----------------------------------------------------------------------------- prepare_faces
def test_prepare_faces_subsets_to_text_plus_base(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "tiny.ttf", build_font()), cache_dir=cache)

    [face] = fonts.prepare_faces(family, "中A", cache_dir=cache)

    assert (face.family, face.style, face.subset) == ("Tiny Sans", "regular", True)
    h = parse_eot(face.eot)
    assert h["FamilyName"] == "Tiny Sans"
    assert h["Flags"] == 0x1
    with load(h["payload"]) as font:
        assert font.sfntVersion == "\x00\x01\x00\x00"
        assert "glyf" in font
        assert "loca" in font
        cmap = windows_cmap(font)
        assert {ord("中"), ord("A"), ord("。"), ord("，"), ord("a"), 0x20} <= set(cmap)
        assert ord("文") not in cmap  # neither requested nor in the base set
        assert font["maxp"].numGlyphs == face.glyphs
        assert font["glyf"][cmap[ord("中")]].numberOfContours == 1
    assert face.ttf_bytes == h["FontDataSize"]
    assert face.glyphs < 16


def test_prepare_faces_describes_p_font_attributes(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "tiny.ttf", build_font()), cache_dir=cache)

    [face] = fonts.prepare_faces(family, "中", cache_dir=cache)

    assert face.charset == -120  # Big5 (136) as a signed byte
    assert face.pitch_family == 0x22  # swiss | variable pitch
    assert face.panose == bytes([2, 11, 0, 0, 0, 0, 0, 0, 0, 0])
    assert face.fs_type == 0


@pytest.mark.parametrize(
    ("codepages", "expected"),
    [(BIG5_BIT | (1 << 17), -120), (1 << 17, -128), (1 << 18, -122), (LATIN1_BIT, 0), (0, 1)],
)
def test_charset_follows_code_pages(codepages: int, expected: int) -> None:
    with load(build_font(codepages=codepages)) as font:
        assert charset(font["OS/2"]) == expected


@pytest.mark.parametrize("seed", range(5))
def test_subset_covers_any_text_from_the_cmap(seed: int, font_dir: Path, cache: Path) -> None:
    rng = random.Random(seed)
    text = "".join(rng.sample(CHARS, rng.randint(1, len(CHARS))))
    family = fonts.load_family(write(font_dir, "tiny.ttf", build_font()), cache_dir=cache)

    [face] = fonts.prepare_faces(family, text, cache_dir=cache)

    with load(parse_eot(face.eot)["payload"]) as font:
        assert {ord(c) for c in text} <= set(windows_cmap(font))


def test_non_bmp_characters_get_a_3_10_cmap(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(
        write(font_dir, "ext.ttf", build_font(chars="中𠀀")), cache_dir=cache
    )

    [face] = fonts.prepare_faces(family, "𠀀", cache_dir=cache)

    with load(parse_eot(face.eot)["payload"]) as font:
        sub = font["cmap"].getcmap(3, 10)
        assert sub is not None
        assert 0x20000 in sub.cmap
        assert ord("中") not in sub.cmap


def test_windows_cmap_is_added_when_missing(font_dir: Path, cache: Path) -> None:
    with load(build_font()) as font:
        font["cmap"].tables = [t for t in font["cmap"].tables if t.platformID == 0]
        path = font_dir / "unicode-only.ttf"
        font.save(str(path))
    family = fonts.load_family(path, cache_dir=cache)

    [face] = fonts.prepare_faces(family, "文", cache_dir=cache)

    with load(parse_eot(face.eot)["payload"]) as out:
        assert ord("文") in out["cmap"].getcmap(3, 1).cmap


def test_cff_font_is_converted_to_truetype(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "tiny.otf", build_font(cff=True)), cache_dir=cache)

    [face] = fonts.prepare_faces(family, "中文", cache_dir=cache)

    with load(parse_eot(face.eot)["payload"]) as font:
        assert font.sfntVersion == "\x00\x01\x00\x00"
        assert "CFF " not in font
        assert font["maxp"].tableVersion == 0x00010000
        assert font["head"].glyphDataFormat == 0
        cmap = windows_cmap(font)
        for ch in "中文":
            glyph = font["glyf"][cmap[ord(ch)]]
            assert glyph.numberOfContours == 1
            assert len(glyph.coordinates) > 3  # the cubic curve became quadratic segments
            assert font["hmtx"][cmap[ord(ch)]] == (1000, glyph.xMin)


# ----------------------------------------------------------------------------- licence policy
@pytest.mark.parametrize("fs_type", [0x0, 0x8, 0x4 | 0x8])
def test_installable_and_editable_fonts_embed_quietly(
    fs_type: int, font_dir: Path, cache: Path
) -> None:
    path = write(font_dir, "tiny.ttf", build_font(fs_type=fs_type))
    write(font_dir, "tiny-bold.ttf", build_font(style="Bold", weight=700, fs_type=fs_type))

    family = fonts.load_family(path, cache_dir=cache)

    assert family.warnings == ()
    assert len(fonts.prepare_faces(family, "中", "文", cache_dir=cache)) == 2


def test_preview_and_print_font_embeds_with_a_warning(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "tiny.ttf", build_font(fs_type=0x4))

    family = fonts.load_family(path, cache_dir=cache)

    assert any("Preview & Print" in w and "'Tiny Sans'" in w for w in family.warnings)
    [face] = fonts.prepare_faces(family, "中", cache_dir=cache)
    assert parse_eot(face.eot)["fsType"] == 0x4


@pytest.mark.parametrize(
    ("fs_type", "why"), [(0x2, "Restricted License"), (0x200, "bitmap embedding only")]
)
def test_restricted_fonts_are_refused(fs_type: int, why: str, font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "locked.ttf", build_font("Locked Sans", fs_type=fs_type))

    with pytest.raises(
        FontError, match=rf"font 'Locked Sans' \(locked.ttf\).*{why}.*cannot be embedded"
    ):
        fonts.load_family(path, cache_dir=cache)


def test_prepare_faces_refuses_a_restricted_face(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "locked.ttf", build_font("Locked Sans", fs_type=0x2))
    face = fonts.FontFace("Locked Sans", "regular", path, 0x2)

    with pytest.raises(FontError, match="font 'Locked Sans'.*cannot be embedded"):
        fonts.prepare_faces(fonts.FontFamily("Locked Sans", face, None), "中", cache_dir=cache)


def test_restricted_bold_sibling_is_skipped_with_a_warning(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "tiny.ttf", build_font())
    write(font_dir, "tiny-bold.ttf", build_font(style="Bold", weight=700, fs_type=0x2))

    family = fonts.load_family(path, cache_dir=cache)

    assert family.bold is None
    assert any("Restricted License" in w and "tiny-bold.ttf" in w for w in family.warnings)


def test_no_subsetting_font_is_embedded_whole(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(
        write(font_dir, "whole.ttf", build_font(fs_type=0x100)), cache_dir=cache
    )

    [face] = fonts.prepare_faces(family, "中", cache_dir=cache)

    assert face.subset is False
    h = parse_eot(face.eot)
    assert h["Flags"] == 0
    with load(h["payload"]) as font:
        assert {ord(c) for c in CHARS} <= set(windows_cmap(font))
        assert font["maxp"].numGlyphs == len(set(CHARS)) + 2


def test_variable_font_is_refused(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "var.ttf", build_font("Var Sans", variable=True))

    with pytest.raises(FontError, match="font 'Var Sans'.*variable font.*cannot be embedded"):
        fonts.load_family(path, cache_dir=cache)


# ----------------------------------------------------------------------------- finding faces
def test_bold_sibling_with_its_own_family_name_is_renamed(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "tiny.ttf", build_font(typographic="Tiny Sans"))
    write(
        font_dir,
        "tiny-b.ttf",
        build_font("Tiny Sans Bold", "Regular", weight=700, typographic="Tiny Sans"),
    )
    write(font_dir, "other-b.ttf", build_font("Other Sans", "Bold", weight=700))

    family = fonts.load_family(path, cache_dir=cache)
    faces = fonts.prepare_faces(family, "中", "文", cache_dir=cache)

    assert family.bold is not None
    assert family.bold.path.name == "tiny-b.ttf"
    assert family.bold.family == "Tiny Sans"
    assert [f.style for f in faces] == ["regular", "bold"]
    h = parse_eot(faces[1].eot)
    assert (h["FamilyName"], h["StyleName"]) == ("Tiny Sans", "Bold")
    with load(h["payload"]) as font:
        assert (name(font, 1), name(font, 2)) == ("Tiny Sans", "Bold")
        assert font["OS/2"].fsSelection & 0x20
        assert font["head"].macStyle & 0x1


def test_ribbi_bold_sibling_keeps_its_names(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "a.ttf", build_font())
    write(font_dir, "b.ttf", build_font(style="Bold", weight=700))

    family = fonts.load_family(path, cache_dir=cache)
    [_, bold] = fonts.prepare_faces(family, "中", "文", cache_dir=cache)

    with load(parse_eot(bold.eot)["payload"]) as font:
        assert (name(font, 1), name(font, 2), name(font, 6)) == (
            "Tiny Sans",
            "Bold",
            "TinySans-Bold",
        )


def test_family_without_bold_warns_and_merges_bold_text(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "tiny.ttf", build_font()), cache_dir=cache)

    faces = fonts.prepare_faces(family, "中", "文", cache_dir=cache)

    assert family.bold is None
    assert any("no bold face" in w for w in family.warnings)
    [face] = faces
    with load(parse_eot(face.eot)["payload"]) as font:
        assert {ord("中"), ord("文")} <= set(windows_cmap(font))


def test_bold_face_is_skipped_without_bold_text(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "a.ttf", build_font())
    write(font_dir, "b.ttf", build_font(style="Bold", weight=700))
    family = fonts.load_family(path, cache_dir=cache)

    faces = fonts.prepare_faces(family, "中", " ", cache_dir=cache)

    assert [f.style for f in faces] == ["regular"]


def test_bold_file_given_as_the_font_warns(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "b.ttf", build_font(style="Bold", weight=700))

    family = fonts.load_family(path, cache_dir=cache)

    assert family.bold is None
    assert any("is bold (weight 700)" in w for w in family.warnings)


@pytest.mark.parametrize("how", ["suffix", "keyword"])
def test_collection_face_by_index(how: str, font_dir: Path, cache: Path) -> None:
    ttc = build_collection([build_font("Tiny A"), build_font("Tiny B")], font_dir / "pair.ttc")

    if how == "suffix":
        family = fonts.load_family(f"{ttc}#1", cache_dir=cache)
    else:
        family = fonts.load_family(ttc, index=1, cache_dir=cache)

    assert family.name == "Tiny B"
    assert family.regular.path.parent == cache / "faces"
    assert family.regular.data()[:4] == b"\x00\x01\x00\x00"
    with TTFont(family.regular.path) as font:
        assert name(font, 1) == "Tiny B"
    [face] = fonts.prepare_faces(family, "中", cache_dir=cache)
    assert parse_eot(face.eot)["FamilyName"] == "Tiny B"


def test_collection_face_index_out_of_range(font_dir: Path, cache: Path) -> None:
    ttc = build_collection([build_font("Tiny A"), build_font("Tiny B")], font_dir / "pair.ttc")

    with pytest.raises(FontError, match=r"pair.ttc' has 2 face\(s\); face index 5 does not exist"):
        fonts.load_family(ttc, index=5, cache_dir=cache)


def test_missing_font_file(tmp_path: Path, cache: Path) -> None:
    missing = tmp_path / "nope.ttf"

    with pytest.raises(FontNotFound, match="nope.ttf' does not exist") as info:
        fonts.load_family(missing, cache_dir=cache)

    assert isinstance(info.value, FileNotFoundError)


def test_not_a_font_file(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "junk.ttf", b"this is not a font at all")

    with pytest.raises(FontError, match="junk.ttf' cannot be read"):
        fonts.load_family(path, cache_dir=cache)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home folder, so the user font folders are ours."""
    home = tmp_path / "home"
    home.mkdir()
    for var in ("HOME", "USERPROFILE", "LOCALAPPDATA"):
        monkeypatch.setenv(var, str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home


@pytest.mark.parametrize("query", ["小黑體", "tiny hei", "TINY HEI"])
def test_installed_family_found_by_english_or_localized_name(
    query: str, home: Path, cache: Path
) -> None:
    user_dir = next(d for d in fontfind.font_dirs() if home in d.parents)
    user_dir.mkdir(parents=True)
    write(user_dir, "hei.ttf", build_font("Tiny Hei", localized="小黑體"))
    write(user_dir, "hei-bold.ttf", build_font("Tiny Hei", "Bold", weight=700, localized="小黑體"))

    family = fonts.load_family(query, cache_dir=cache)

    assert family.name == "Tiny Hei"
    assert family.bold is not None
    assert family.bold.path.name == "hei-bold.ttf"
    assert (cache / "font-index-v1.json").is_file()


def test_unknown_family_lists_where_it_looked(home: Path, cache: Path) -> None:
    with pytest.raises(FontNotFound, match=r"font 'No Such Font' is not installed \(looked in: .*"):
        fonts.load_family("No Such Font", cache_dir=cache)


def test_font_index_is_reused(font_dir: Path, cache: Path) -> None:
    write(font_dir, "a.ttf", build_font("Index Sans"))
    first = fontfind.scan([font_dir], recursive=False, cache_dir=cache)
    (font_dir / "a.ttf").unlink()
    (font_dir / "a.ttf").write_bytes(b"")  # same path, new stamp: must be re-read (and skipped)

    second = fontfind.scan([font_dir], recursive=False, cache_dir=cache)

    assert [f.family for f in first] == ["Index Sans"]
    assert second == []


# ----------------------------------------------------------------------------- missing characters
def test_missing_characters_report(font_dir: Path, cache: Path) -> None:
    path = write(font_dir, "a.ttf", build_font(blank="口"))
    write(font_dir, "b.ttf", build_font(style="Bold", weight=700, chars="中文AB"))
    family = fonts.load_family(path, cache_dir=cache)

    missing = fonts.missing_characters(
        family,
        {1: "中文 X\t\u3000\u200b\n", 3: "𠀀字口", 5: "𠀀"},
        bold_texts={2: "中字"},
        cache_dir=cache,
    )

    assert [(m.char, m.codepoint, m.slides, m.face) for m in missing] == [
        ("X", "U+0058", (1,), "Tiny Sans"),
        ("字", "U+5B57", (2,), "Tiny Sans Bold"),
        ("口", "U+53E3", (3,), "Tiny Sans"),
        ("𠀀", "U+20000", (3, 5), "Tiny Sans"),
    ]
    assert str(missing[3]) == "「𠀀」 (U+20000) on slides 3, 5 is not in Tiny Sans"
    assert str(missing[1]) == "「字」 (U+5B57) on slide 2 is not in Tiny Sans Bold"
    assert len(list((cache / "coverage").iterdir())) == 2  # regular and bold, kept on disk


def test_missing_characters_without_bold_face_checks_regular(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "a.ttf", build_font()), cache_dir=cache)

    missing = fonts.missing_characters(family, {}, bold_texts={4: "中Z"}, cache_dir=cache)

    assert [(m.char, m.face) for m in missing] == [("Z", "Tiny Sans")]


# ----------------------------------------------------------------------------- cache
def test_second_prepare_reuses_the_cached_subset(font_dir: Path, cache: Path) -> None:
    data = build_font()
    family = fonts.load_family(write(font_dir, "a.ttf", data), cache_dir=cache)
    [first] = fonts.prepare_faces(family, "中", cache_dir=cache)
    [cached] = list((cache / "subsets").iterdir())
    # Replace the cached subset by a different (valid, sealed) font: a hit must return it.
    impostor = subset_font(data, [ord("字")], family="Tiny Sans", style="regular")
    store_sealed(cached, impostor)

    [second] = fonts.prepare_faces(family, "中", cache_dir=cache)

    assert parse_eot(first.eot)["payload"] != impostor
    assert parse_eot(second.eot)["payload"] == impostor
    assert list((cache / "subsets").iterdir()) == [cached]


def test_corrupt_cache_entry_is_rebuilt(font_dir: Path, cache: Path) -> None:
    family = fonts.load_family(write(font_dir, "a.ttf", build_font()), cache_dir=cache)
    [first] = fonts.prepare_faces(family, "中", cache_dir=cache)
    [cached] = list((cache / "subsets").iterdir())
    cached.write_bytes(b"garbage")

    [second] = fonts.prepare_faces(family, "中", cache_dir=cache)

    assert second.eot == first.eot
    assert cached.read_bytes()[:4] == b"\x00\x01\x00\x00"


def test_default_cache_dir_honours_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))

    assert tmp_path in fonts.default_cache_dir().parents


# ----------------------------------------------------------------------------- bundled font
def test_bundled_noto_sans_tc(cache: Path) -> None:
    family = fonts.load_family(cache_dir=cache)

    faces = fonts.prepare_faces(
        family, "簡報大綱 壹、目的 Smart Nation 2019", "出國報告簡報", cache_dir=cache
    )

    assert family.name == fonts.BUNDLED_FAMILY
    assert family.bold is not None
    assert family.warnings == ()
    assert fonts.load_family("noto sans tc", cache_dir=cache) == family
    assert [(f.family, f.style) for f in faces] == [
        ("Noto Sans TC", "regular"),
        ("Noto Sans TC", "bold"),
    ]
    for face, chars in zip(faces, ["簡報目的", "出國報告"], strict=True):
        assert (face.charset, face.pitch_family, len(face.panose)) == (-120, 34, 10)
        assert face.glyphs < 600
        assert len(face.eot) < 200_000
        h = parse_eot(face.eot)
        assert h["FamilyName"] == "Noto Sans TC"
        with load(h["payload"]) as font:
            assert {ord(c) for c in chars} <= set(windows_cmap(font))
    assert [str(m) for m in fonts.missing_characters(family, {2: "中𠀀"}, cache_dir=cache)] == [
        "「𠀀」 (U+20000) on slide 2 is not in Noto Sans TC"
    ]


def test_font_that_cannot_be_subset_raises_font_error(font_dir: Path, cache: Path) -> None:
    with load(build_font("Broken Sans")) as font:
        del font["OS/2"]
        path = font_dir / "broken.ttf"
        font.save(str(path))
    family = fonts.load_family(path, cache_dir=cache)

    with pytest.raises(FontError, match=r"font 'Broken Sans' \(broken.ttf\) cannot be subset"):
        fonts.prepare_faces(family, "中", cache_dir=cache)


def test_folder_is_not_a_font(tmp_path: Path, cache: Path) -> None:
    with pytest.raises(FontNotFound, match="is a folder, not a font file"):
        fonts.load_family(tmp_path, cache_dir=cache)
