"""Generate ``templates/master.pptx``: the agency-neutral 16:9 master every deck is built on.

Run ``python tools/make_master.py`` after changing :mod:`briefing.theme`. The master keeps
python-pptx's layout names (picked by name in :mod:`briefing.story.plan`), moved to 16:9, with the
theme colours and fonts of the deck and type sizes no smaller than 16 pt.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from briefing import theme  # noqa: E402

KEEP = ("Title Slide", "Title and Content", "Section Header", "Title Only", "Blank")
FONT = "Noto Sans TC"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def main(target: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(theme.SLIDE_WIDTH), Emu(theme.SLIDE_HEIGHT)
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    master = prs.slide_master
    _theme(master)
    _text_styles(master)
    _place(master.placeholders, body=theme.BODY_BOX)
    for layout in prs.slide_layouts:
        _place(layout.placeholders, body=theme.BODY_BOX)
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    _cover(prs, layouts["Title Slide"])
    _divider(prs, layouts["Section Header"])
    _decorate_master(prs)
    prs.core_properties.title = "Briefing master"
    prs.core_properties.author = "briefing"
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    print(f"wrote {target}")


def _theme(master) -> None:
    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", "Briefing")
    colours = {"dk1": theme.DARK, "lt1": theme.LIGHT, "dk2": theme.NAVY, "lt2": theme.PAPER}
    colours.update({f"accent{i + 1}": c for i, c in enumerate(theme.ACCENTS)})
    colours.update(hlink=theme.ACCENTS[0], folHlink=theme.ACCENTS[3])
    for name, value in colours.items():
        slot = scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", "Briefing")
    for which in ("majorFont", "minorFont"):
        node = fonts.find(f"{{{A}}}{which}")
        node.find(f"{{{A}}}latin").set("typeface", FONT)
        node.find(f"{{{A}}}ea").set("typeface", FONT)
        node.find(f"{{{A}}}cs").set("typeface", FONT)
        hant = [f for f in node.findall(f"{{{A}}}font") if f.get("script") == "Hant"]
        if hant:
            hant[0].set("typeface", FONT)
        else:
            etree.SubElement(node, f"{{{A}}}font", script="Hant", typeface=FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master) -> None:
    styles = master._element.find(qn("p:txStyles"))
    sizes = {
        "p:titleStyle": [3600],
        "p:bodyStyle": [2400, 2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600],
        "p:otherStyle": [1800] * 9,
    }
    for tag, levels in sizes.items():
        style = styles.find(qn(tag))
        for i, size in enumerate(levels):
            ppr = style.find(qn(f"a:lvl{i + 1}pPr"))
            if ppr is None:
                continue
            rpr = ppr.find(qn("a:defRPr"))
            rpr.set("sz", str(size))
            if tag == "p:titleStyle":
                rpr.set("b", "1")
                _colour(rpr, "tx2")
            elif tag == "p:bodyStyle":
                _colour(rpr, "tx1")
            for slot in ("a:latin", "a:ea", "a:cs"):
                if rpr.find(qn(slot)) is None:
                    etree.SubElement(
                        rpr,
                        qn(slot),
                        typeface="+mn-" + slot[2:] if tag != "p:titleStyle" else "+mj-" + slot[2:],
                    )
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")


def _colour(rpr, scheme: str) -> None:
    for old in rpr.findall(qn("a:solidFill")):
        rpr.remove(old)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=scheme)
    rpr.insert(0, fill)


def _place(placeholders, *, body: tuple[int, int, int, int]) -> None:
    for ph in placeholders:
        kind = ph.placeholder_format.type
        name = str(kind)
        if "TITLE" in name and "CENTER" not in name and "VERTICAL" not in name:
            _box(ph, theme.TITLE_BOX)
        elif "OBJECT" in name or ("BODY" in name and ph.placeholder_format.idx == 1):
            _box(ph, body)
        elif "SLIDE_NUMBER" in name:
            _box(ph, theme.NUMBER_BOX)
        elif "FOOTER" in name:
            _box(ph, theme.FOOTER_BOX)
        elif "DATE" in name:
            _box(ph, (Inches(9.0), theme.FOOTER_BOX[1], Inches(2.5), theme.FOOTER_BOX[3]))


def _box(shape, box: tuple[int, int, int, int]) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)


def _own_design(layout) -> None:
    """Hide the master's title rule and footer line on this layout, align text left."""
    layout._element.set("showMasterSp", "0")
    for rpr in layout._element.iter(qn("a:defRPr")):
        rpr.attrib.pop("cap", None)  # python-pptx's Section Header shouts in capitals
    for ph in layout.placeholders:
        for paragraph in ph.text_frame.paragraphs:
            paragraph._p.get_or_add_pPr().set("algn", "l")
        for level in ph.text_frame._txBody.iter(*(qn(f"a:lvl{i}pPr") for i in range(1, 10))):
            level.set("algn", "l")
        body_pr = ph.text_frame._txBody.find(qn("a:bodyPr"))
        body_pr.set("anchor", "b" if ph.placeholder_format.idx == 0 else "t")


def _cover(prs, layout) -> None:
    _own_design(layout)
    for ph in layout.placeholders:
        idx = ph.placeholder_format.idx
        if idx == 0:
            _box(ph, (Inches(0.9), Inches(1.9), Inches(11.5), Inches(1.6)))
        elif idx == 1:
            _box(ph, (Inches(0.9), Inches(3.55), Inches(11.5), Inches(0.8)))
    _add_rect(prs, layout, (0, 0, Inches(0.35), theme.SLIDE_HEIGHT), "tx2")
    _add_rect(prs, layout, (Inches(0.9), Inches(3.5), Inches(2.2), Inches(0.06)), "accent1")


def _divider(prs, layout) -> None:
    _own_design(layout)
    for ph in layout.placeholders:
        idx = ph.placeholder_format.idx
        if idx == 0:
            _box(ph, (Inches(0.9), Inches(2.9), Inches(11.5), Inches(1.3)))
        elif idx == 1:
            _box(ph, (Inches(0.9), Inches(4.25), Inches(11.5), Inches(0.9)))
    _add_rect(prs, layout, (0, Inches(2.55), Inches(0.35), Inches(2.0)), "accent1")


def _decorate_master(prs) -> None:
    master = prs.slide_master
    _add_rect(prs, master, (theme.TITLE_BOX[0], Inches(1.38), Inches(1.2), Inches(0.05)), "accent1")
    _add_rect(prs, master, (Inches(0.6), Inches(6.78), Inches(12.13), Emu(9525)), "bg2")


def _add_rect(prs, target, box, colour: str) -> None:
    """Draw a filled rectangle on a layout or master (made on a scratch slide, then moved)."""
    scratch = prs.slides.add_slide(prs.slide_layouts[-1])
    shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Emu(v) for v in box))
    shape.line.fill.background()
    shape.fill.solid()
    element = copy.deepcopy(shape._element)
    fill = element.find(".//" + qn("a:solidFill"))
    for child in list(fill):
        fill.remove(child)
    etree.SubElement(fill, qn("a:schemeClr"), val=colour)
    style = element.find(qn("p:style"))
    if style is not None:
        element.remove(style)
    tree = target.shapes._spTree
    ids = [int(x) for x in tree.xpath("//p:cNvPr/@id")] or [1]
    element.find(".//" + qn("p:cNvPr")).set("id", str(max(ids) + 1))
    element.find(".//" + qn("p:cNvPr")).set("name", f"Decoration {max(ids) + 1}")
    tree.insert(2, element)
    _drop_slide(prs, scratch)


def _drop_slide(prs, slide) -> None:
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        if prs.part.related_part(sld.rId) is slide.part:
            prs.part.drop_rel(sld.rId)
            ids.remove(sld)


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1] / "templates" / "master.pptx")
