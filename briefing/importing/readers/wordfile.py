"""Word .docx reports (python-docx): paragraphs with the heading level their style or outline
level gives, tables, and explicit page breaks. A soft line break splits a paragraph into
lines, as a plain text file would have them."""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

from briefing.errors import SourceError
from briefing.importing.blocks import Block, Document, PageBreak, Paragraph, Table

if TYPE_CHECKING:
    from pathlib import Path

    from docx.document import Document as WordDocument
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph as WordParagraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|標題)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path) -> Document:
    """The blocks of a .docx file, in body order; SourceError when it is not a Word file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"not a Word .docx file ({exc})", file=path) from None
    from briefing.importing.pictures import from_docx

    return Document(str(path), tuple(_blocks(document)), pictures=tuple(from_docx(document)))


def _blocks(document: WordDocument) -> list[Block]:
    from docx.table import Table as WordTable

    out: list[Block] = []
    page = 1
    for item in document.iter_inner_content():
        if isinstance(item, WordTable):
            out.append(Table(_rows(item), page=page))
            continue
        if _breaks_page(item):
            page += 1
            out.append(PageBreak(page))
        level, style = heading_level(item), item.style.name if item.style is not None else None
        out += [
            Paragraph(line.strip(), level=level, style=style, page=page)
            for line in item.text.split("\n")
            if line.strip()
        ]
    return out


def heading_level(paragraph: WordParagraph) -> int | None:
    """The heading level of a paragraph: its outline level, else its style's (Heading 1 …,
    標題 1 …, or the style's own outline level); None for body text."""
    own = _outline_level(paragraph._p.pPr)
    if own is not None:
        return own
    style = paragraph.style
    while style is not None:
        match = _HEADING.match(style.name or "")
        if match:
            return int(match.group(1))
        level = _outline_level(style.element.pPr)
        if level is not None:
            return level
        style = style.base_style
    return None


def _outline_level(ppr: object) -> int | None:
    """``w:outlineLvl`` of a paragraph-properties element (0-8, 9 = body text) as 1-9."""
    if ppr is None:
        return None
    found = ppr.find(f"{_W}outlineLvl")  # type: ignore[attr-defined]
    if found is None:
        return None
    value = int(found.get(f"{_W}val", "9"))
    return value + 1 if value < 9 else None


def _breaks_page(paragraph: WordParagraph) -> bool:
    """Whether a paragraph starts a page (page break before it, or a page break in it)."""
    if paragraph.paragraph_format.page_break_before:
        return True
    return any(br.get(f"{_W}type") == "page" for br in paragraph._p.iter(f"{_W}br"))


def _rows(table: WordTable) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cell.text.strip() for cell in row.cells) for row in table.rows)
