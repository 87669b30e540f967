"""PDF reports with a text layer (pdfminer.six). There is no OCR: a scanned PDF without text,
or one whose fonts map their glyphs to no text, is refused with a clear error.

Each page's visual lines are rebuilt from its glyphs (:mod:`.pdflines`): one visual line is
one line, CJK text is not split by spaces, a ○ of another font stays where it is drawn. Lines
cut into cells by a table's rules or wide gaps make a table (a cell's wrapped lines joined);
the other lines are grouped into paragraphs from their geometry: a line continues the one
above it unless that one stopped short of the right margin, this one is indented, or the gap
between them is wider than the usual line pitch.

Running headers, footers and page numbers are dropped by position and repetition
(:mod:`.pdffurniture`); what was dropped is a note of the document. Footnotes at the foot of
a page are taken out of the text and kept as the document's footnotes (:mod:`.pdfnotes`).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.errors import SourceError
from briefing.importing.blocks import Block, Document, PageBreak, Paragraph, Table
from briefing.importing.readers.pdffurniture import without_furniture
from briefing.importing.readers.pdflines import Line, Page, Rule, page_lines
from briefing.importing.readers.pdfnotes import without_footnotes

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from briefing.importing.pictures import Found

_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")
_TOC_LINE = re.compile(r"[.…·・‧]{3,}\s*\d{1,4}\s*$")


def read_pdf(path: Path) -> Document:
    """The paragraphs and tables of a PDF's text layer, page by page; SourceError for a file
    that is not a PDF, is encrypted, or has no text."""
    read = _pages(path)
    pages = [page for page, _ in read]
    pictures = [picture for _, found in read for picture in found]
    text = "".join(line.text for page in pages for line in page.lines)
    if not text.strip():
        raise SourceError(
            "the PDF has no text layer (a scanned document?); run OCR on it first or import "
            "the Word or ODF original",
            file=path,
        )
    if len("".join(_UNMAPPED.findall(text))) * 4 > len(text):
        raise SourceError(
            "the PDF has no usable text layer: its fonts do not map their glyphs to text; "
            "import the Word or ODF original, or run OCR on it",
            file=path,
        )
    pages, notes = without_furniture(pages)
    pages, footnotes = without_footnotes(pages)
    return Document(
        str(path),
        tuple(_blocks(pages)),
        tuple(notes),
        pictures=tuple(pictures),
        footnotes=tuple(footnotes),
    )


def _pages(path: Path) -> list[tuple[Page, list[Found]]]:
    """Every page's glyphs and rules (without pdfminer's layout analysis: its text boxes are
    not used, and building them was most of the reading time) and the pictures placed on it,
    read in a child process bounded in pages, time and memory (:mod:`.pdfjob`)."""
    from briefing.importing.readers import pdfjob

    return pdfjob.pages(path, page_content)


def page_content(page: Any, number: int) -> tuple[Page, list[Found]]:
    """Page ``number``'s lines and rules, and the pictures placed on it with their captions."""
    from briefing.importing.pictures import from_pdf_page

    read = _page(page)
    return read, from_pdf_page(page, number, read.lines)


def _page(page: Any) -> Page:
    lines, rules = page_lines(page)
    return Page(lines, page.height, rules)


# -- blocks ---------------------------------------------------------------------------------------
def _blocks(pages: list[Page]) -> list[Block]:
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return [PageBreak(n) for n in range(1, len(pages) + 1)]
    frame = _Frame.of(lines)
    out: list[Block] = []
    for number, page in enumerate(pages, start=1):
        out.append(PageBreak(number))
        for group in _groups(page.lines, frame, page.rules):
            rows = _rows(group, frame, page.rules) if len(group[0].cells) > 1 else ()
            if len(rows) > 1:
                out.append(Table(rows, page=number))
            elif rows:  # one row: a line of the cover or the summary form
                out.append(Paragraph("\u3000".join(c for c in rows[0] if c), page=number))
            else:
                out += [Paragraph(text, page=number) for text in frame.paragraphs(group)]
    return out


def _groups(lines: list[Line], frame: _Frame, rules: list[Rule]) -> Iterator[list[Line]]:
    """Runs of lines: a table (a line of cells, and the lines of cells or wrapped cell text
    right under it) or running text."""
    run: list[Line] = []
    for line in lines:
        if run and len(run[0].cells) > 1:
            if len(line.cells) > 1 or _wraps(run[-1], line, frame, rules):
                run.append(line)
                continue
        elif run and len(line.cells) == 1:
            run.append(line)
            continue
        if run:
            yield run
        run = [line]
    if run:
        yield run


def _wraps(above: Line, line: Line, frame: _Frame, rules: list[Rule]) -> bool:
    """Whether ``line`` is more text of the cells of the table row ``above``: under its
    cells, with no rule between them (or, in a table without rules, close under it)."""
    if not all(any(c.x0 - 2 <= cell.x0 <= c.x1 for c in above.cells) for cell in line.cells):
        return False
    if rules:
        return not any(
            line.y1 - 1 <= y <= above.y0 + 1 and x0 <= line.x0 <= x1 for y, x0, x1 in rules
        )
    return above.y0 - line.y1 <= frame.height * 0.4


def _rows(lines: list[Line], frame: _Frame, rules: list[Rule]) -> tuple[tuple[str, ...], ...]:
    """Table rows; a line that wraps the cells of the row above adds its text to them (after a
    line break when the cell's last line stopped short: two people in one cell)."""
    rows: list[list[str]] = []
    ends: list[list[float]] = []  # where each cell's last line ends
    right = _column_rights(lines)
    row_line: Line | None = None
    for line in lines:
        fewer = len(line.cells) < len(row_line.cells) if row_line is not None else False
        if row_line is not None and (fewer or rules) and _wraps(row_line, line, frame, rules):
            spans = [(c.x0, c.x1) for c in row_line.cells]
            for cell in line.cells:
                at = next((i for i, (x0, x1) in enumerate(spans) if x0 - 2 <= cell.x0 <= x1), None)
                if at is None:
                    continue
                short = ends[-1][at] < right.get(round(spans[at][0]), 0) - line.size * 2
                rows[-1][at] += ("\n" if short and rows[-1][at] else "") + cell.text
                ends[-1][at] = cell.x1
            continue
        rows.append([cell.text for cell in line.cells])
        ends.append([cell.x1 for cell in line.cells])
        row_line = line
    width = max(len(row) for row in rows)
    return tuple(tuple(row + [""] * (width - len(row))) for row in rows)


def _column_rights(lines: list[Line]) -> dict[int, float]:
    """How far right each column's text reaches (columns keyed by where they start)."""
    starts = sorted({round(c.x0) for line in lines if len(line.cells) > 1 for c in line.cells})
    right: dict[int, float] = {}
    for line in lines:
        for cell in line.cells:
            start = max((x for x in starts if x <= cell.x0 + 2), default=None)
            if start is not None:
                right[start] = max(right.get(start, 0.0), cell.x1)
    return right


@dataclass(frozen=True)
class _Frame:
    """The text block of the document: left and right margins, line height and pitch."""

    left: float
    right: float
    height: float
    pitch: float

    @classmethod
    def of(cls, lines: list[Line]) -> _Frame:
        height = statistics.median(line.y1 - line.y0 for line in lines)
        pitches = [a.y0 - b.y0 for a, b in zip(lines, lines[1:], strict=False)]
        usual = [p for p in pitches if 0 < p < height * 3]
        return cls(
            left=statistics.median_low(
                sorted(line.x0 for line in lines)[: max(1, len(lines) // 2)]
            ),
            right=max(line.x1 for line in lines),
            height=height,
            pitch=statistics.median(usual) if usual else height * 1.2,
        )

    def paragraphs(self, page: list[Line]) -> Iterator[str]:
        """The lines grouped into paragraphs."""
        current: list[Line] = []
        for line in page:
            if current and not self.continues(current[-1], line):
                yield _join(current)
                current = []
            current.append(line)
        if current:
            yield _join(current)

    def continues(self, above: Line, line: Line) -> bool:
        """Whether ``line`` carries on the paragraph ``above`` ends."""
        if above.x1 < self.right - self.height * 1.5:  # the line above stopped short
            return False
        if line.x0 > self.left + self.height * 0.8:  # indented: a new paragraph
            return False
        if abs(line.size - above.size) > 0.5:  # another font size: a heading, a caption
            return False
        if _TOC_LINE.search(above.text):  # 第一章　緒論……1: a contents line ends there
            return False
        return above.y0 - line.y0 <= self.pitch * 1.3


def _join(lines: list[Line]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text += (" " if _latin(text[-1]) and _latin(line.text[0]) else "") + line.text
    return text


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()
