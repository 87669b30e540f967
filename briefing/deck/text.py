"""Runs that name the deck's font in every slot PowerPoint looks at.

python-pptx's ``font.name`` sets only ``a:latin``; Han characters are drawn with ``a:ea`` and
would fall through to the viewer's East Asian default (新細明體) without it. Every run written
here carries ``a:latin``, ``a:ea`` and ``a:cs`` naming the embedded family and ``lang="zh-TW"``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Pt

if TYPE_CHECKING:
    from pptx.text.text import TextFrame, _Paragraph, _Run

LANG = "zh-TW"
ALT_LANG = "en-US"


#: The ``a:rPr`` of the first run styled each way, copied into later runs styled the same way
#: (a tenth of the cost of styling through python-pptx's proxies; the XML is the same).
_STYLED: dict[tuple[str, float | None, bool, str | None], etree._Element] = {}


def style_run(
    run: _Run,
    typeface: str,
    *,
    size: float | None = None,
    bold: bool = False,
    colour: str | None = None,
) -> None:
    """Set size, weight, colour, language and the latin/ea/cs typefaces of one run."""
    key, r = (typeface, size, bold, colour), run._r
    if r.rPr is not None or key not in _STYLED:
        fresh = r.rPr is None
        _style_run(run, typeface, size=size, bold=bold, colour=colour)
        if fresh:
            _STYLED[key] = copy.deepcopy(r.rPr)
        return
    r.insert(0, copy.deepcopy(_STYLED[key]))


def _style_run(
    run: _Run, typeface: str, *, size: float | None, bold: bool, colour: str | None
) -> None:
    font = run.font
    if size is not None:
        font.size = Pt(size)
    font.bold = bold or None
    if colour is not None:
        font.color.rgb = _rgb(colour)
    name_run(run._r.get_or_add_rPr(), typeface)


def name_run(rpr: etree._Element, typeface: str) -> None:
    """Write lang and the three typeface slots on an ``a:rPr`` / ``a:defRPr`` / ``a:endParaRPr``."""
    rpr.set("lang", LANG)
    rpr.set("altLang", ALT_LANG)
    for slot in ("a:latin", "a:ea", "a:cs"):
        node = rpr.find(qn(slot))
        if node is None:
            node = etree.SubElement(rpr, qn(slot))
        node.set("typeface", typeface)
    _order(rpr)


def add_text(paragraph: _Paragraph, text: str, typeface: str, **style: object) -> _Run:
    """Append a styled run to ``paragraph``."""
    run = paragraph.add_run()
    run.text = text
    style_run(run, typeface, **style)  # type: ignore[arg-type]
    return run


def set_lines(frame: TextFrame, lines: list[str], typeface: str, **style: object) -> None:
    """Replace the text of ``frame`` with one paragraph per line, all styled alike."""
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        add_text(paragraph, line, typeface, **style)
    finish(frame, typeface)


def finish(frame: TextFrame, typeface: str) -> None:
    """Name the font on every paragraph's end-of-paragraph properties too (typing after the
    last character in PowerPoint then continues in the embedded font)."""
    for paragraph in frame.paragraphs:
        end = paragraph._p.get_or_add_endParaRPr()
        name_run(end, typeface)


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
