"""Generate ``templates/master.pptx``: the agency-neutral 16:9 master every deck is built on.

Run ``python tools/make_master.py`` after changing :mod:`briefing.theme`. The master holds the
layout vocabulary the planner chooses from (picked by name, see ``briefing.story.plan.LAYOUTS``):
Title Slide, Agenda, Section Header, Title and Content, Two Columns, Key Figures, Key Points,
Comparison, Timeline, Recommendations, Quote, Title Only, Closing, Blank and Photos (one to
four pictures with captions, drawn by the deck writer). Every layout keeps
real title and body placeholders where text goes; cards, tiles and timeline marks are drawn by
the deck writer as editable shapes. Type is no smaller than 16 pt; bullets are drawn in the
deck's font (the theme's), never Arial.
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
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from briefing import theme  # noqa: E402
from briefing.theme import box  # noqa: E402

FONT = "Noto Sans TC"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

#: name -> (the python-pptx layout it starts from, body placeholders: idx -> box)
LAYOUTS = {
    "Title Slide": ("Title Slide", {}),
    "Agenda": ("Title and Content", {1: theme.BODY_BOX}),
    "Section Header": ("Section Header", {}),
    "Title and Content": ("Title and Content", {1: theme.BODY_BOX}),
    "Two Columns": ("Title and Content", {1: theme.LEFT_BOX, 2: theme.RIGHT_BOX}),
    "Key Figures": ("Title and Content", {1: theme.UNDER_FIGURES_BOX}),
    "Key Points": ("Title Only", {}),
    "Comparison": ("Title and Content", {1: theme.LEAD_BOX}),
    "Timeline": ("Title Only", {}),
    "Recommendations": ("Title Only", {}),
    "Quote": ("Title and Content", {1: theme.QUOTE_BOX, 2: theme.ATTRIBUTION_BOX}),
    "Title Only": ("Title Only", {}),
    "Closing": ("Title Slide", {}),
    "Blank": ("Blank", {}),
    "Photos": ("Title Only", {}),  # last, so the layouts before it keep their parts
}


def main(target: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(theme.SLIDE_WIDTH), Emu(theme.SLIDE_HEIGHT)
    sources = {layout.name: layout for layout in prs.slide_layouts}
    made = [_layout_from(prs, sources[src], name) for name, (src, _) in LAYOUTS.items()]
    for layout in list(prs.slide_layouts):
        if layout not in made:
            prs.slide_layouts.remove(layout)
    master = prs.slide_master
    _theme(master)
    _text_styles(master)
    _place(master.placeholders)
    for layout in prs.slide_layouts:
        _shape_layout(prs, layout, LAYOUTS[layout.name][1])
    _decorate_master(prs)
    prs.core_properties.title = "Briefing master"
    prs.core_properties.author = "briefing"
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    print(f"wrote {target} ({len(prs.slide_layouts)} layouts)")


# -- layouts -------------------------------------------------------------------------------------
def _layout_from(prs, source, name: str):
    """``source`` itself for its first use, a copy of it (a new layout part) after that."""
    used = getattr(source, "_briefing_used", False)
    if not used:
        source._briefing_used = True
        source.name = name
        return source
    master = prs.slide_master
    package = prs.part.package
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    element = copy.deepcopy(source._element)
    part = SlideLayoutPart(partname, source.part.content_type, package, element)
    part.relate_to(master.part, RT.SLIDE_MASTER)
    rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    ids = master._element.get_or_add_sldLayoutIdLst()
    used_ids = [int(x) for x in prs.part._element.xpath("//@id") if str(x).isdigit()]
    used_ids += [int(s.get("id")) for s in ids.sldLayoutId_lst]
    new = ids._add_sldLayoutId()
    new.set("id", str(max([2147483648, *used_ids]) + 1))
    new.set(qn("r:id"), rid)
    layout = next(lo for lo in prs.slide_layouts if lo.part is part)
    layout.name = name
    return layout


def _shape_layout(prs, layout, bodies: dict[int, tuple[int, int, int, int]]) -> None:
    name = layout.name
    _keep_bodies(layout, bodies)
    _place(layout.placeholders)
    for idx, where in bodies.items():
        _box(_placeholder(layout, idx), where)
    if name in ("Title Slide", "Closing"):
        _cover(prs, layout, closing=name == "Closing")
    elif name == "Section Header":
        _divider(prs, layout)
    elif name == "Quote":
        _quote(layout)
    elif name == "Blank":
        layout._element.set("showMasterSp", "0")
    for ph in layout.placeholders:
        _no_insets(ph)


def _keep_bodies(layout, bodies: dict[int, tuple[int, int, int, int]]) -> None:
    """Remove body placeholders the layout does not use; add a copy of the first body for each
    extra index it needs."""
    tree = layout.shapes._spTree
    body_like = [
        ph
        for ph in layout.placeholders
        if ph.placeholder_format.idx not in (0, 10, 11, 12)
        and layout.name not in ("Title Slide", "Closing", "Section Header")
    ]
    template = body_like[0]._element if body_like else None
    for ph in body_like:
        if ph.placeholder_format.idx not in bodies:
            tree.remove(ph._element)
    present = {ph.placeholder_format.idx for ph in layout.placeholders}
    for idx in bodies:
        if idx not in present and template is not None:
            element = copy.deepcopy(template)
            element.find(".//" + qn("p:ph")).set("idx", str(idx))
            c_nv_pr = element.find(".//" + qn("p:cNvPr"))
            ids = [int(x) for x in tree.xpath("//p:cNvPr/@id")]
            c_nv_pr.set("id", str(max(ids) + 1))
            c_nv_pr.set("name", f"Content Placeholder {idx}")
            tree.append(element)


def _placeholder(layout, idx: int):
    return next(ph for ph in layout.placeholders if ph.placeholder_format.idx == idx)


def _place(placeholders) -> None:
    for ph in placeholders:
        kind = str(ph.placeholder_format.type)
        if "TITLE" in kind and "CENTER" not in kind and "VERTICAL" not in kind:
            _box(ph, theme.TITLE_BOX)
            body_pr = ph.text_frame._txBody.find(qn("a:bodyPr"))
            body_pr.set("anchor", "b")
        elif "OBJECT" in kind or ("BODY" in kind and ph.placeholder_format.idx == 1):
            _box(ph, theme.BODY_BOX)
        elif "SLIDE_NUMBER" in kind:
            _box(ph, theme.NUMBER_BOX)
        elif "FOOTER" in kind:
            _box(ph, theme.FOOTER_BOX)
        elif "DATE" in kind:
            _box(ph, box(9.0, 6.82, 2.5, 0.45))


def _box(shape, where: tuple[int, int, int, int]) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in where)


def _no_insets(ph) -> None:
    """Text boxes without side insets: the box's width is the text's width, as the planner
    measured it."""
    body_pr = ph.text_frame._txBody.find(qn("a:bodyPr"))
    for side in ("lIns", "rIns"):
        body_pr.set(side, "0")
    body_pr.set("tIns", "0")
    body_pr.set("bIns", "0")


def _own_design(layout) -> None:
    """Hide the master's title rule and footer line on this layout, align text left."""
    layout._element.set("showMasterSp", "0")
    for rpr in layout._element.iter(qn("a:defRPr")):
        rpr.attrib.pop("cap", None)  # python-pptx's Section Header shouts in capitals
    for ph in layout.placeholders:
        for level in ph.text_frame._txBody.iter(*(qn(f"a:lvl{i}pPr") for i in range(1, 10))):
            level.set("algn", "l")
        for paragraph in ph.text_frame.paragraphs:
            paragraph._p.get_or_add_pPr().set("algn", "l")


def _cover(prs, layout, *, closing: bool) -> None:
    _own_design(layout)
    title, subtitle = _placeholder(layout, 0), _placeholder(layout, 1)
    if closing:
        _box(title, box(0.9, 2.2, 11.5, 1.5))
        _box(subtitle, box(0.9, 4.1, 11.5, 0.7))
    else:
        _box(title, theme.COVER_TITLE_BOX)
        _box(subtitle, theme.COVER_SUBTITLE_BOX)
    title.text_frame._txBody.find(qn("a:bodyPr")).set("anchor", "b")
    subtitle.text_frame._txBody.find(qn("a:bodyPr")).set("anchor", "t")
    _add_rect(prs, layout, (0, 0, Emu(theme.inches(0.35)), theme.SLIDE_HEIGHT), "tx2")
    rule_top = 3.88 if closing else 3.35
    _add_rect(prs, layout, box(0.9, rule_top, 2.2, 0.06), "accent1")


def _divider(prs, layout) -> None:
    _own_design(layout)
    title, subtitle = _placeholder(layout, 0), _placeholder(layout, 1)
    _box(title, box(0.9, 2.3, 11.5, 1.5))
    _box(subtitle, box(0.9, 4.05, 11.5, 2.2))
    title.text_frame._txBody.find(qn("a:bodyPr")).set("anchor", "b")
    subtitle.text_frame._txBody.find(qn("a:bodyPr")).set("anchor", "t")
    _add_rect(prs, layout, box(0, 2.3, 0.35, 1.5), "accent1")
    _add_rect(prs, layout, box(0.9, 3.9, 2.2, 0.05), "accent1")


def _quote(layout) -> None:
    for idx, anchor, align in ((1, "ctr", "l"), (2, "t", "r")):
        ph = _placeholder(layout, idx)
        body_pr = ph.text_frame._txBody.find(qn("a:bodyPr"))
        body_pr.set("anchor", anchor)
        lst = ph.text_frame._txBody.find(qn("a:lstStyle"))
        level = etree.SubElement(lst, qn("a:lvl1pPr"), marL="0", indent="0", algn=align)
        etree.SubElement(level, qn("a:buNone"))


# -- master --------------------------------------------------------------------------------------
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
        for slot in ("latin", "ea", "cs"):
            node.find(f"{{{A}}}{slot}").set("typeface", FONT)
        hant = [f for f in node.findall(f"{{{A}}}font") if f.get("script") == "Hant"]
        if hant:
            hant[0].set("typeface", FONT)
        else:
            etree.SubElement(node, f"{{{A}}}font", script="Hant", typeface=FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master) -> None:
    styles = master._element.find(qn("p:txStyles"))
    sizes = {
        "p:titleStyle": [theme.TITLE_PT * 100],
        "p:bodyStyle": [2400, 2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600],
        "p:otherStyle": [1800] * 9,
    }
    for tag, levels in sizes.items():
        style = styles.find(qn(tag))
        for i, size in enumerate(levels):
            ppr = style.find(qn(f"a:lvl{i + 1}pPr"))
            if ppr is None:
                continue
            ppr.set("eaLnBrk", "1")
            ppr.set("latinLnBrk", "0")
            ppr.set("hangingPunct", "1")
            for bullet_font in ppr.findall(qn("a:buFont")):
                bullet_font.set("typeface", "+mn-ea")  # the theme's font, never Arial
            rpr = ppr.find(qn("a:defRPr"))
            rpr.set("sz", str(size))
            rpr.set("lang", "zh-TW")
            if tag == "p:titleStyle":
                rpr.set("b", "1")
                _colour(rpr, "tx2")
            elif tag == "p:bodyStyle":
                _colour(rpr, "tx1")
            prefix = "+mj-" if tag == "p:titleStyle" else "+mn-"
            for slot in ("a:latin", "a:ea", "a:cs"):
                if rpr.find(qn(slot)) is None:
                    etree.SubElement(rpr, qn(slot), typeface=prefix + slot[2:])
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")


def _colour(rpr, scheme: str) -> None:
    for old in rpr.findall(qn("a:solidFill")):
        rpr.remove(old)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=scheme)
    rpr.insert(0, fill)


def _decorate_master(prs) -> None:
    master = prs.slide_master
    _add_rect(prs, master, theme.RULE_BOX, "accent1")
    _add_rect(
        prs, master, (theme.inches(0.6), theme.inches(6.78), theme.inches(12.13), 9525), "bg2"
    )


def _add_rect(prs, target, where, colour: str) -> None:
    """Draw a filled rectangle on a layout or master (made on a scratch slide, then moved)."""
    scratch = prs.slides.add_slide(prs.slide_layouts[0])
    shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Emu(v) for v in where))
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
