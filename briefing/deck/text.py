"""Runs and paragraphs that name the deck's font in every slot PowerPoint looks at.

python-pptx's ``font.name`` sets only ``a:latin``; Han characters are drawn with ``a:ea`` and
would fall through to the viewer's East Asian default (新細明體) without it. Every run written
here carries ``a:latin``, ``a:ea`` and ``a:cs`` naming the embedded family, and ``lang``:
``zh-TW`` for Chinese text, ``en-US`` for English text of an English deck. Paragraphs are set
the way the planner measured them (:mod:`briefing.story.typeset`): exact line spacing and space
before, bullets in the deck's own font, East Asian line breaking, Chinese body text justified.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Pt

if TYPE_CHECKING:
    from pptx.text.text import TextFrame, _Paragraph, _Run

LANG = "zh-TW"
ALT_LANG = "en-US"
_HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def lang_of(text: str, deck_language: str) -> str:
    """``en-US`` for text without Han characters in an English deck, else ``zh-TW``."""
    return ALT_LANG if deck_language == "en" and not _HAN.search(text) else LANG


#: The ``a:rPr`` of the first run styled each way, copied into later runs styled the same way
#: (a tenth of the cost of styling through python-pptx's proxies; the XML is the same).
_STYLED: dict[tuple[str, float | None, bool, str | None, str], etree._Element] = {}


def style_run(
    run: _Run,
    typeface: str,
    *,
    size: float | None = None,
    bold: bool = False,
    colour: str | None = None,
    lang: str = LANG,
) -> None:
    """Set size, weight, colour, language and the latin/ea/cs typefaces of one run."""
    key, r = (typeface, size, bold, colour, lang), run._r
    if r.rPr is not None or key not in _STYLED:
        fresh = r.rPr is None
        _style_run(run, typeface, size=size, bold=bold, colour=colour, lang=lang)
        if fresh:
            _STYLED[key] = copy.deepcopy(r.rPr)
        return
    r.insert(0, copy.deepcopy(_STYLED[key]))


def _style_run(
    run: _Run, typeface: str, *, size: float | None, bold: bool, colour: str | None, lang: str
) -> None:
    font = run.font
    if size is not None:
        font.size = Pt(size)
    font.bold = bold  # b="0" too: no table or placeholder style may make it bold unasked
    if colour is not None:
        font.color.rgb = _rgb(colour)
    name_run(run._r.get_or_add_rPr(), typeface, lang)


def name_run(rpr: etree._Element, typeface: str, lang: str = LANG) -> None:
    """Write lang and the three typeface slots on an ``a:rPr`` / ``a:defRPr`` / ``a:endParaRPr``."""
    rpr.set("lang", lang)
    rpr.set("altLang", ALT_LANG if lang == LANG else LANG)
    for slot in ("a:latin", "a:ea", "a:cs"):
        node = rpr.find(qn(slot))
        if node is None:
            node = etree.SubElement(rpr, qn(slot))
        node.set("typeface", typeface)
    _order(rpr)


def add_text(
    paragraph: _Paragraph, text: str, typeface: str, language: str = "zh-TW", **style: object
) -> _Run:
    """Append a styled run to ``paragraph``."""
    run = paragraph.add_run()
    run.text = text
    style_run(run, typeface, lang=lang_of(text, language), **style)  # type: ignore[arg-type]
    return run


def set_lines(
    frame: TextFrame,
    lines: list[str],
    typeface: str,
    language: str = "zh-TW",
    *,
    gap: float = 0.45,
    **style: object,
) -> None:
    """Replace the text of ``frame`` with one paragraph per line, all styled alike (``gap``:
    the space before each paragraph after the first, × size)."""
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        add_text(paragraph, line, typeface, language, **style)
        size = float(style.get("size") or 18)  # type: ignore[arg-type]
        layout(paragraph, size, first=i == 0, gap=gap)
    finish(frame, typeface)


def layout(
    paragraph: _Paragraph,
    size: float,
    *,
    first: bool = False,
    line: float = 1.25,
    gap: float = 0.45,
    justify: bool = False,
    margin_em: float = 0.0,
    bullet: str = "",
    indent_em: float = 0.0,
    typeface: str = "",
    bullet_colour: str = "",
    align: str = "",
) -> None:
    """Paragraph properties as the planner measured them: exact line spacing (``line`` x size),
    space before (``gap`` x size, none for the first), East Asian line breaking, a right margin
    of ``margin_em``, and a hanging bullet ``indent_em`` wide drawn in ``typeface``.

    A paragraph without properties of its own gets a copy of the ``a:pPr`` made the first time
    these arguments were seen (a tenth of the cost; the XML is the same)."""
    key = (size, first, line, gap, justify, margin_em, bullet, indent_em, typeface)
    key += (bullet_colour, align)
    p = paragraph._p
    ppr = p.pPr
    if ppr is None and key in _LAID_OUT:
        p.insert(0, copy.deepcopy(_LAID_OUT[key]))
        return
    fresh = ppr is None
    ppr = p.get_or_add_pPr()
    for child in list(ppr):
        if child.tag in (qn("a:lnSpc"), qn("a:spcBef"), qn("a:buNone"), qn("a:buChar")):
            ppr.remove(child)
    ppr.set("eaLnBrk", "1")
    ppr.set("latinLnBrk", "0")
    ppr.set("hangingPunct", "1")
    if align or justify:
        ppr.set("algn", align or "just")
    if margin_em:
        ppr.set("marR", str(Pt(margin_em * size)))
    indent = Pt(indent_em * size) if bullet else 0
    ppr.set("marL", str(int(indent)))
    ppr.set("indent", str(-int(indent)))
    spacing = etree.SubElement(ppr, qn("a:lnSpc"))
    etree.SubElement(spacing, qn("a:spcPts"), val=str(round(line * size * 100)))
    before = etree.SubElement(ppr, qn("a:spcBef"))
    etree.SubElement(before, qn("a:spcPts"), val=str(0 if first else round(gap * size * 100)))
    if bullet:
        if bullet_colour:
            colour = etree.SubElement(ppr, qn("a:buClr"))
            etree.SubElement(colour, qn("a:srgbClr"), val=bullet_colour)
        etree.SubElement(ppr, qn("a:buSzPct"), val="100000")
        etree.SubElement(ppr, qn("a:buFont"), typeface=typeface)
        etree.SubElement(ppr, qn("a:buChar"), char=bullet)
    else:
        etree.SubElement(ppr, qn("a:buNone"))
    _order_ppr(ppr)
    if fresh:
        _LAID_OUT[key] = copy.deepcopy(ppr)


#: The ``a:pPr`` made for each set of :func:`layout` arguments, copied into later paragraphs.
_LAID_OUT: dict[tuple[Any, ...], etree._Element] = {}


# CT_TextParagraphProperties child order.
_PPR_ORDER = [
    "a:lnSpc",
    "a:spcBef",
    "a:spcAft",
    "a:buClrTx",
    "a:buClr",
    "a:buSzTx",
    "a:buSzPct",
    "a:buSzPts",
    "a:buFontTx",
    "a:buFont",
    "a:buNone",
    "a:buAutoNum",
    "a:buChar",
    "a:buBlip",
    "a:tabLst",
    "a:defRPr",
    "a:extLst",
]
_PPR_RANK = {qn(tag): i for i, tag in enumerate(_PPR_ORDER)}


def _order_ppr(ppr: etree._Element) -> None:
    for child in sorted(ppr, key=lambda el: _PPR_RANK.get(el.tag, len(_PPR_RANK))):
        ppr.append(child)


def finish(frame: TextFrame, typeface: str, language: str = "zh-TW") -> None:
    """Name the font on every paragraph's end-of-paragraph properties too (typing after the
    last character in PowerPoint then continues in the embedded font)."""
    for p in frame._txBody.iterchildren(qn("a:p")):
        text = "".join(t.text or "" for t in p.iter(qn("a:t")))
        lang = lang_of(text, language)
        if p.find(qn("a:endParaRPr")) is None and (typeface, lang) in _ENDS:
            p.append(copy.deepcopy(_ENDS[typeface, lang]))
            continue
        end = p.get_or_add_endParaRPr()
        name_run(end, typeface, lang)
        if len(end) == 3 and len(end.attrib) == 2:  # only what name_run wrote: reusable
            _ENDS[typeface, lang] = copy.deepcopy(end)


_ENDS: dict[tuple[str, str], etree._Element] = {}


# CT_TextCharacterProperties child order: ln, fill, effect, highlight, uLnTx/uLn, uFillTx/uFill,
# latin, ea, cs, sym, hlinkClick, hlinkMouseOver, rtl, extLst.
_ORDER = [
    "a:ln",
    "a:noFill",
    "a:solidFill",
    "a:gradFill",
    "a:blipFill",
    "a:pattFill",
    "a:grpFill",
    "a:effectLst",
    "a:effectDag",
    "a:highlight",
    "a:uLnTx",
    "a:uLn",
    "a:uFillTx",
    "a:uFill",
    "a:latin",
    "a:ea",
    "a:cs",
    "a:sym",
    "a:hlinkClick",
    "a:hlinkMouseOver",
    "a:rtl",
    "a:extLst",
]
_RANK = {qn(tag): i for i, tag in enumerate(_ORDER)}


def _order(rpr: etree._Element) -> None:
    children = sorted(rpr, key=lambda el: _RANK.get(el.tag, len(_RANK)))
    for child in children:
        rpr.append(child)


def _rgb(hex_colour: str):  # type: ignore[no-untyped-def]
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)
