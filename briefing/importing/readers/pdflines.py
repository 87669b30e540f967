"""A PDF page's visual lines rebuilt from its glyphs (pdfminer.six ``LTChar``).

pdfminer's own text lines split one visual line wherever the font changes or a gap opens,
and put a glyph of another font (a ○ drawn in a symbol font, a little lower) on a line of its
own: 「○○部」 came out as 「部」, 「資○料」 as 「資料」 plus a stray ○. Here every glyph whose
box overlaps a line's band belongs to that line, whatever its font; a line's glyphs are read
left to right; no space is put between two CJK glyphs (「芬 蘭 永 續」 is 「芬蘭永續」), only
between Latin words; and a line is cut into cells where a table's vertical rule or a wide gap
lies between two glyphs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any, NamedTuple

_CELL_GAP = 1.5  # a gap wider than this many font sizes separates two cells
_WORD_GAP = 0.2  # a gap wider than this many font sizes separates two Latin words


class Glyph(NamedTuple):
    """One glyph's text and box; a tuple, as a page has thousands (its height is ``size``)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float


@dataclass(frozen=True)
class Cell:
    """A run of a line's glyphs between two cell boundaries."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Line:
    """One visual line: its cells left to right (one for running text), its box (PDF
    points, y upwards) and font size."""

    cells: tuple[Cell, ...]
    y0: float
    y1: float
    size: float
    marks: tuple[str, ...] = ()  # the footnote marks taken out of it (「基礎。¹」: "1")

    @property
    def text(self) -> str:
        return "\u3000".join(cell.text for cell in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def x1(self) -> float:
        return self.cells[-1].x1


Rule = tuple[float, float, float]  # a table rule: where it is across, and its two ends


@dataclass(frozen=True)
class Page:
    """A page's lines top to bottom, its height and its horizontal rules (y, x0, x1)."""

    lines: list[Line]
    height: float
    rules: list[Rule]


def page_lines(page: Any) -> tuple[list[Line], list[Rule]]:
    """The visual lines of a pdfminer page (read with ``laparams=None``), top to bottom, and
    its horizontal rules (y, x0, x1)."""
    glyphs: list[Glyph] = []
    rules: list[Rule] = []  # vertical rules: x, y0, y1
    across: list[Rule] = []
    _collect(page, glyphs, rules, across)
    bands = _merge_small(_bands(glyphs))
    lines = [line for band in bands if (line := _line(band, rules)) is not None]
    return sorted(lines, key=lambda line: -line.y1), across


def _collect(item: Any, glyphs: list[Glyph], rules: list[Rule], across: list[Rule]) -> None:
    from pdfminer.layout import LTChar, LTCurve, LTRect

    for child in item:
        if isinstance(child, LTChar):
            text = child.get_text()
            if text and child.x1 > child.x0:
                y0, y1 = child.y0, child.y1
                glyphs.append(Glyph(text, child.x0, child.x1, y0, y1, y1 - y0))
        elif isinstance(child, LTRect) and child.x1 - child.x0 > 2 and child.y1 - child.y0 > 2:
            if getattr(child, "stroke", False):  # a framed cell: its four edges are rules
                rules += [(child.x0, child.y0, child.y1), (child.x1, child.y0, child.y1)]
                across += [(child.y0, child.x0, child.x1), (child.y1, child.x0, child.x1)]
        elif isinstance(child, LTCurve):
            if child.x1 - child.x0 <= 2 and child.y1 - child.y0 > 4:
                rules.append(((child.x0 + child.x1) / 2, child.y0, child.y1))
            elif child.y1 - child.y0 <= 2 and child.x1 - child.x0 > 4:
                across.append(((child.y0 + child.y1) / 2, child.x0, child.x1))
        elif hasattr(child, "__iter__"):
            _collect(child, glyphs, rules, across)


def _bands(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines: a glyph joins the line whose band its vertical middle lies
    in (a smaller or lower glyph of another font included)."""
    bands: list[list[Glyph]] = []
    tops: list[tuple[float, float]] = []  # each band's y0, y1
    for glyph in sorted(glyphs, key=lambda g: -(g.y0 + g.y1) / 2):
        middle = (glyph.y0 + glyph.y1) / 2
        for i in range(len(bands) - 1, max(-1, len(bands) - 4), -1):
            low, high = tops[i]
            if low <= middle <= high:
                bands[i].append(glyph)
                break
        else:
            bands.append([glyph])
            tops.append((glyph.y0 + glyph.size * 0.15, glyph.y1 - glyph.size * 0.15))
    return bands


def _merge_small(bands: list[list[Glyph]]) -> list[list[Glyph]]:
    """Bands of a few small glyphs only (a footnote mark, a ○ of a smaller font) joined to
    the band they overlap."""
    sizes = [g.size for band in bands for g in band if g.text.strip()]
    if not sizes:
        return bands
    usual = statistics.median(sizes)

    def small(band: list[Glyph]) -> bool:
        return len(band) <= 3 and all(g.size < usual * 0.8 for g in band)

    out: list[list[Glyph]] = []
    for band in bands:
        if out and small(band) and _overlap(band, out[-1]):
            out[-1].extend(band)
            continue
        if out and small(out[-1]) and _overlap(out[-1], band):
            band = out.pop() + band
        out.append(band)
    return out


def _overlap(a: list[Glyph], b: list[Glyph]) -> bool:
    low, high = (
        max(min(g.y0 for g in a), min(g.y0 for g in b)),
        min(max(g.y1 for g in a), max(g.y1 for g in b)),
    )
    return high > low


def _line(glyphs: list[Glyph], rules: list[tuple[float, float, float]]) -> Line | None:
    glyphs.sort(key=lambda g: g.x0)
    size = statistics.median(g.size for g in glyphs if g.text.strip()) if glyphs else 0
    glyphs, marks = _without_note_marks(glyphs, size)
    y0, y1 = min(g.y0 for g in glyphs), max(g.y1 for g in glyphs)
    between = [x for x, r0, r1 in rules if r0 <= (y0 + y1) / 2 <= r1]
    cells: list[Cell] = []
    run: list[Glyph] = []
    for glyph in glyphs:
        if run and _cell_boundary(run[-1], glyph, size, between):
            cells.append(_cell(run, size))
            run = []
        run.append(glyph)
    if run:
        cells.append(_cell(run, size))
    cells = [c for c in cells if c.text]
    return Line(tuple(cells), y0, y1, size, marks) if cells else None


def _without_note_marks(glyphs: list[Glyph], size: float) -> tuple[list[Glyph], tuple[str, ...]]:
    """The line without its footnote marks (small raised digits after the text: 「基礎。¹」),
    which a Word or ODF reader does not give as text either, and the marks (「12」 for two
    digits side by side)."""
    if not any(g.size < size * 0.75 and g.text.isdigit() for g in glyphs):
        return glyphs, ()
    normal = [g for g in glyphs if g.size >= size * 0.75]
    if len(normal) < 2:
        return glyphs, ()
    base = statistics.median(g.y0 for g in normal)

    def mark(g: Glyph) -> bool:
        return g.text.isdigit() and g.size < size * 0.75 and g.y0 > base + size * 0.25

    marks: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if mark(glyph):
            near = previous is not None and glyph.x0 - previous.x1 < size * 0.2
            if marks and near and previous is not None and mark(previous):
                marks[-1] += glyph.text
            else:
                marks.append(glyph.text)
        previous = glyph
    return [g for g in glyphs if not mark(g)], tuple(marks)


def _cell_boundary(left: Glyph, right: Glyph, size: float, rules: list[float]) -> bool:
    last = left
    if not right.text.strip() and not last.text.strip():
        return False
    gap = right.x0 - last.x1
    return gap > size * _CELL_GAP or any(last.x1 - 1 <= x <= right.x0 + 1 for x in rules)


def _cell(glyphs: list[Glyph], size: float) -> Cell:
    """The glyphs' text. A space glyph is kept, but not in letter-spaced CJK (「芬 蘭 永 續」 is
    「芬蘭永續」); a gap with no space glyph is a space only between two Latin words."""
    out = ""
    previous: Glyph | None = None
    space = False
    for glyph in glyphs:
        if not glyph.text.strip():
            if glyph.text == "\u3000":
                out += "\u3000"
            space = space or glyph.text in (" ", "\u00a0")
            continue
        if previous is not None and out and not out.endswith("\u3000"):
            gap = glyph.x0 - previous.x1
            if space or (gap > size * _WORD_GAP and not _wide(out[-1]) and not _wide(glyph.text)):
                out += " "
        out += glyph.text
        previous, space = glyph, False
    return Cell(_closed_up(out.strip(" \u3000")), glyphs[0].x0, glyphs[-1].x1)


_SPACED_CJK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\uffef]) (?=[\u2e80-\u9fff\uf900-\uffef])")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\uffef]")


def _closed_up(text: str) -> str:
    """``text`` without the spaces of letter-spaced CJK (a space after most CJK characters),
    and without a space between CJK and Latin that only a gap made; 「第一章 行程」 keeps its
    one space."""
    spaced = len(_SPACED_CJK.findall(text))
    if spaced >= 2 and spaced * 2 >= len(_CJK.findall(text)) - 1:
        return _SPACED_CJK.sub("", text)
    return text


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80 or char in "○●◎□■△▲◆◇★☆"
