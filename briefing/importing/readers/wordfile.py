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

    styles = _Styles(document)
    out: list[Block] = []
    page = 1
    for item in document.iter_inner_content():
        if isinstance(item, WordTable):
            out.append(Table(_rows(item), page=page))
            continue
        if _breaks_page(item):
            page += 1
            out.append(PageBreak(page))
        style_id = styles.paragraph_style(item)
        level, style = heading_level(item, styles, style_id), styles.name(style_id)
        bold = bold_prefix(item, styles, style_id)
        for line in item.text.split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                shown = max(0, min(bold - lead, len(line.strip())))
                out.append(Paragraph(line.strip(), level, style, page, shown))
            bold = max(0, bold - len(line) - 1)
    return out


class _Styles:
    """The document's styles by id, read once (python-docx looks a paragraph's style up
    anew on every access, which is slow for long reports)."""

    def __init__(self, document: WordDocument) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id = {s.style_id: s for s in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.style_id if default is not None else None
        self._bold: dict[str | None, bool] = {}
        self._level: dict[str | None, int | None] = {}

    def paragraph_style(self, paragraph: WordParagraph) -> str | None:
        ppr = paragraph._p.pPr
        found = ppr.find(f"{_W}pStyle") if ppr is not None else None
        return found.get(f"{_W}val") if found is not None else self.default

    def name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id)
        return style.name if style is not None else None

    def bold(self, style_id: str | None) -> bool:
        if style_id not in self._bold:
            self._bold[style_id] = _style_bold(self.by_id.get(style_id))
        return self._bold[style_id]

    def level(self, style_id: str | None) -> int | None:
        if style_id not in self._level:
            self._level[style_id] = _style_level(self.by_id.get(style_id))
        return self._level[style_id]


def bold_prefix(paragraph: WordParagraph, styles: _Styles, style_id: str | None) -> int:
    """How many characters at the start of ``paragraph`` are bold (by their run, else by the
    run's or the paragraph's style); whitespace does not break the bold start."""
    style_bold = styles.bold(style_id)
    count = 0
    for run in paragraph.runs:
        text = run.text
        rpr = run._r.rPr
        found = rpr.find(f"{_W}rStyle") if rpr is not None else None
        run_style = found.get(f"{_W}val") if found is not None else None
        bold = run.bold if run.bold is not None else styles.bold(run_style) or style_bold
        if not bold and text.strip():
            break
        count += len(text)
    return count


def _style_bold(style: object) -> bool:
    while style is not None:
        font = getattr(style, "font", None)
        if font is not None and font.bold is not None:
            return bool(font.bold)
        style = getattr(style, "base_style", None)
    return False


def heading_level(paragraph: WordParagraph, styles: _Styles, style_id: str | None) -> int | None:
    """The heading level of a paragraph: its outline level, else its style's (Heading 1 …,
    標題 1 …, or the style's own outline level); None for body text."""
    own = _outline_level(paragraph._p.pPr)
    return own if own is not None else styles.level(style_id)


def _style_level(style: object) -> int | None:
    while style is not None:
        match = _HEADING.match(getattr(style, "name", "") or "")
        if match:
            return int(match.group(1))
        level = _outline_level(style.element.pPr)  # type: ignore[attr-defined]
        if level is not None:
            return level
        style = getattr(style, "base_style", None)
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
