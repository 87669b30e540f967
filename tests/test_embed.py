"""Tests for briefing.deck.embed: font parts and p:embeddedFontLst in real python-pptx decks."""

from __future__ import annotations

import dataclasses
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from _fontutil import build_font, parse_eot
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from briefing.deck.embed import CT_FONTDATA, RT_FONT, embed_fonts, set_theme_fonts
from briefing.fonts import family as fonts

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


# ----------------------------------------------------------------------------- fixtures
@pytest.fixture
def faces(tmp_path: Path) -> list[fonts.EmbeddedFace]:
    """Regular and bold faces of a tiny family, ready to embed."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "a.ttf").write_bytes(build_font())
    (folder / "b.ttf").write_bytes(build_font(style="Bold", weight=700))
    family = fonts.load_family(folder / "a.ttf", cache_dir=tmp_path / "cache")
    return fonts.prepare_faces(family, "中文", "字", cache_dir=tmp_path / "cache")


def saved(prs: Presentation) -> zipfile.ZipFile:
    buf = BytesIO()
    prs.save(buf)
    return zipfile.ZipFile(buf)


def xml(package: zipfile.ZipFile, member: str) -> etree._Element:
    return etree.fromstring(package.read(member))


def children(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def font_rels(package: zipfile.ZipFile) -> dict[str, str]:
    rels = xml(package, "ppt/_rels/presentation.xml.rels")
    return {
        r.get("Id"): r.get("Target")
        for r in rels.findall("rel:Relationship", NS)
        if r.get("Type") == RT_FONT
    }


# ----------------------------------------------------------------------------- embed_fonts
def test_font_parts_content_type_and_relationships(faces: list[fonts.EmbeddedFace]) -> None:
    prs = Presentation()

    embed_fonts(prs, faces)

    package = saved(prs)
    types = xml(package, "[Content_Types].xml")
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    assert defaults["fntdata"] == CT_FONTDATA == "application/x-fontdata"
    assert sorted(font_rels(package).values()) == ["fonts/font1.fntdata", "fonts/font2.fntdata"]
    assert package.read("ppt/fonts/font1.fntdata") == faces[0].eot
    assert package.read("ppt/fonts/font2.fntdata") == faces[1].eot


def test_embedded_font_list_order_and_attributes(faces: list[fonts.EmbeddedFace]) -> None:
    prs = Presentation()

    embed_fonts(prs, faces)

    package = saved(prs)
    pres = xml(package, "ppt/presentation.xml")
    kids = children(pres)
    assert kids.index("embeddedFontLst") == kids.index("notesSz") + 1
    assert kids.index("embeddedFontLst") < kids.index("defaultTextStyle")
    assert (pres.get("embedTrueTypeFonts"), pres.get("saveSubsetFonts")) == ("1", "1")
    [entry] = pres.findall("p:embeddedFontLst/p:embeddedFont", NS)
    assert children(entry) == ["font", "regular", "bold"]
    assert dict(entry.find("p:font", NS).attrib) == {
        "typeface": "Tiny Sans",
        "panose": "020B0000000000000000",
        "pitchFamily": "34",
        "charset": "-120",
    }
    rels = font_rels(package)
    targets = [rels[entry.find(f"p:{slot}", NS).get(qn("r:id"))] for slot in ("regular", "bold")]
    assert targets == ["fonts/font1.fntdata", "fonts/font2.fntdata"]
    assert parse_eot(package.read("ppt/fonts/font2.fntdata"))["Weight"] == 700


def test_reopened_deck_keeps_the_font_parts(faces: list[fonts.EmbeddedFace]) -> None:
    prs = Presentation()
    embed_fonts(prs, faces)
    buf = BytesIO()
    prs.save(buf)

    again = Presentation(BytesIO(buf.getvalue()))

    entry = again.element.find("p:embeddedFontLst/p:embeddedFont", NS)
    rid = entry.find("p:regular", NS).get(qn("r:id"))
    part = again.part.related_part(rid)
    assert part.content_type == CT_FONTDATA
    assert part.blob == faces[0].eot


def test_embedding_twice_replaces_the_typeface(faces: list[fonts.EmbeddedFace]) -> None:
    prs = Presentation()
    embed_fonts(prs, faces)

    embed_fonts(prs, faces[:1])

    package = saved(prs)
    entries = xml(package, "ppt/presentation.xml").findall(".//p:embeddedFont", NS)
    assert [children(e) for e in entries] == [["font", "regular"]]
    assert len(font_rels(package)) == 1
    assert [n for n in package.namelist() if n.endswith(".fntdata")] == ["ppt/fonts/font1.fntdata"]


def test_two_families_get_two_entries(faces: list[fonts.EmbeddedFace]) -> None:
    other = dataclasses.replace(faces[0], family="Other Sans")
    prs = Presentation()

    embed_fonts(prs, [*faces, other])

    pres = xml(saved(prs), "ppt/presentation.xml")
    typefaces = [f.get("typeface") for f in pres.iterfind(".//p:embeddedFont/p:font", NS)]
    assert typefaces == ["Tiny Sans", "Other Sans"]


def test_font_list_is_last_when_no_successor_exists(faces: list[fonts.EmbeddedFace]) -> None:
    prs = Presentation()
    prs.element.remove(prs.element.find(qn("p:defaultTextStyle")))

    embed_fonts(prs, faces)

    assert children(prs.element)[-2:] == ["notesSz", "embeddedFontLst"]


def test_no_faces_changes_nothing() -> None:
    prs = Presentation()

    embed_fonts(prs, [])

    assert prs.element.find(qn("p:embeddedFontLst")) is None
    assert prs.element.get("embedTrueTypeFonts") is None


def test_unknown_style_is_rejected(faces: list[fonts.EmbeddedFace]) -> None:
    with pytest.raises(ValueError, match="face style 'oblique'"):
        embed_fonts(Presentation(), [dataclasses.replace(faces[0], style="oblique")])


# ----------------------------------------------------------------------------- theme
def theme_fonts(package: zipfile.ZipFile) -> dict[str, tuple[str, str, str | None]]:
    scheme = xml(package, "ppt/theme/theme1.xml").find(".//a:fontScheme", NS)
    out = {}
    for which in ("majorFont", "minorFont"):
        fonts_ = scheme.find(f"a:{which}", NS)
        hant = [
            f.get("typeface") for f in fonts_.findall("a:font", NS) if f.get("script") == "Hant"
        ]
        out[which] = (
            fonts_.find("a:latin", NS).get("typeface"),
            fonts_.find("a:ea", NS).get("typeface"),
            hant[0] if len(hant) == 1 else None,
        )
    return out


def test_set_theme_fonts_points_major_and_minor_at_the_family() -> None:
    prs = Presentation()

    set_theme_fonts(prs, "Tiny Sans")

    expected = ("Tiny Sans", "Tiny Sans", "Tiny Sans")
    assert theme_fonts(saved(prs)) == {"majorFont": expected, "minorFont": expected}


def test_set_theme_fonts_adds_a_missing_hant_entry() -> None:
    prs = Presentation()
    theme = prs.slide_masters[0].part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    root = etree.fromstring(theme.blob)
    for font in root.iterfind(".//a:font[@script='Hant']", NS):
        font.getparent().remove(font)
    theme.blob = etree.tostring(root)

    set_theme_fonts(prs, "Tiny Sans")

    package = saved(prs)
    assert theme_fonts(package)["minorFont"] == ("Tiny Sans", "Tiny Sans", "Tiny Sans")
    minor = xml(package, "ppt/theme/theme1.xml").find(".//a:minorFont", NS)
    names = children(minor)
    assert names[:3] == ["latin", "ea", "cs"]
    assert set(names[3:]) == {"font"}


# ----------------------------------------------------------------------------- acceptance
def _deck_with_text(family: fonts.FontFamily, runs: list[tuple[str, bool]]) -> Presentation:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(3))
    paragraph = box.text_frame.paragraphs[0]
    for text, bold in runs:
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(24)
        run.font.bold = bold
        rpr = run._r.get_or_add_rPr()
        rpr.set("lang", "zh-TW")
        for slot in ("a:latin", "a:ea", "a:cs"):
            etree.SubElement(rpr, qn(slot), typeface=family.name)
    return prs
