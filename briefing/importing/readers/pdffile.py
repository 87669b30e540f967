"""PDF reports with a text layer (pdfminer.six). There is no OCR: a scanned PDF without text
is refused with a clear error.

A PDF knows lines, not paragraphs, so this reader groups a page's lines back into paragraphs
from their geometry: a line continues the one above it unless that one stopped short of the
right margin, this one is indented, or the gap between them is wider than the usual line
pitch. Headers, footers and paragraphs broken across pages are left to the cleaning step.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.errors import SourceError
from briefing.importing.blocks import Block, Document, PageBreak, Paragraph

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from briefing.importing.pictures import Found

_CID = re.compile(r"\(cid:\d+\)")
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")  # pdfminer's gap spaces beside a space glyph


@dataclass(frozen=True)
class Line:
    """One line of a page: its text and box (PDF points, y upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    height: float


def read_pdf(path: Path) -> Document:
    """The paragraphs of a PDF's text layer, page by page; SourceError for a file that is not
    a PDF, is encrypted, or has no text."""
    pictures: list[Found] = []
    pages = _pages(path, pictures)
    text = "".join(line.text for page in pages for line in page)
    if not text.strip():
        raise SourceError(
            "the PDF has no text layer (a scanned document?); run OCR on it first or import "
            "the Word or ODF original",
            file=path,
        )
    if len(_CID.findall(text)) * 4 > len(text):
        raise SourceError("the PDF's fonts do not map their glyphs to text", file=path)
    return Document(str(path), tuple(_blocks(pages)), pictures=tuple(pictures))


def _pages(path: Path, pictures: list[Found] | None = None) -> list[list[Line]]:
    """Each page's lines; the pictures placed on the pages are added to ``pictures``."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    from briefing.importing.pictures import from_pdf_page

    try:
        pages = []
        for page in extract_pages(str(path), laparams=LAParams()):
            pages.append(_lines(page))
            if pictures is not None:
                pictures += from_pdf_page(page, len(pages))
        return pages
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for a bad file
        raise SourceError(f"cannot read the PDF ({type(exc).__name__}: {exc})", file=path) from None


def _lines(page: object) -> list[Line]:
    from pdfminer.layout import LTTextContainer, LTTextLine

    found: list[Line] = []

    def visit(item: object) -> None:
        if isinstance(item, LTTextLine):
            text = _SPACES.sub(" ", item.get_text().strip())
            if text:
                found.append(Line(text, item.x0, item.x1, item.y0, item.height))
        elif isinstance(item, LTTextContainer):
            for child in item:
                visit(child)

    for item in page:  # type: ignore[attr-defined]
        visit(item)
    return sorted(found, key=lambda line: (-round(line.y0), line.x0))


def _blocks(pages: list[list[Line]]) -> list[Block]:
    lines = [line for page in pages for line in page]
    frame = _Frame.of(lines)
    out: list[Block] = []
    for number, page in enumerate(pages, start=1):
        out.append(PageBreak(number))
        out += [Paragraph(text, page=number) for text in frame.paragraphs(page)]
    return out


@dataclass(frozen=True)
class _Frame:
    """The text block of the document: left and right margins, line height and pitch."""

    left: float
    right: float
    height: float
    pitch: float

    @classmethod
    def of(cls, lines: list[Line]) -> _Frame:
        height = statistics.median(line.height for line in lines)
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
        """The page's lines grouped into paragraphs."""
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
        return above.y0 - line.y0 <= self.pitch * 1.3


def _join(lines: list[Line]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text += (" " if _latin(text[-1]) and _latin(line.text[0]) else "") + line.text
    return text


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()
