"""OpenDocument .odt reports (odfdo), the format Taiwan's government exchanges: headings with
their outline level, paragraphs (also inside lists and sections), tables and soft page
breaks."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.errors import SourceError
from briefing.importing.blocks import Block, Document, PageBreak, Paragraph, Table

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import odfdo
    from odfdo import Element

_CONTAINERS = {"text:list", "text:list-item", "text:section", "text:list-header"}
_HEADING_STYLE = re.compile(r"^(?:Heading|標題)(?:_20_|\s)?(\d)$", re.IGNORECASE)


def read_odt(path: Path) -> Document:
    """The blocks of an .odt file in body order; SourceError when it is not one."""
    import odfdo

    try:
        document = odfdo.Document(str(path))
        body = document.body
    except Exception as exc:  # noqa: BLE001 - odfdo raises many kinds for a bad package
        raise SourceError(f"not an OpenDocument text file ({exc})", file=path) from None
    if document.get_type() != "text":
        raise SourceError(f"an OpenDocument {document.get_type()} file, not text", file=path)
    from briefing.importing.pictures import from_odt

    blocks = tuple(_blocks(body, _bold_styles(document)))
    return Document(str(path), blocks, pictures=tuple(from_odt(path)))


def _bold_styles(document: odfdo.Document) -> frozenset[str]:
    """The names of the styles (automatic or named) whose text is bold."""
    names: set[str] = set()
    for part in (document.content, document.styles):
        for style in part.get_elements("//style:style"):
            props = style.get_element("style:text-properties")
            weight = props.get_attribute("fo:font-weight") if props is not None else None
            asian = props.get_attribute("style:font-weight-asian") if props is not None else None
            if str(weight) == "bold" or str(asian) == "bold":
                names.add(str(style.get_attribute("style:name")))
    return frozenset(names)


def _blocks(body: Element, bold_styles: frozenset[str] = frozenset()) -> list[Block]:
    out: list[Block] = []
    page = [1]
    for element in _walk(body):
        found = _block(element, page)
        if bold_styles and element.tag in ("text:p", "text:h"):
            bold = _bold_prefix(element, bold_styles)
            found = [_with_bold(b, bold) for b in found]
        out += found
    return out


def _with_bold(block: Block, bold: int) -> Block:
    if isinstance(block, Paragraph) and bold:
        return replace(block, bold=min(bold, len(block.text)))
    return block


def _bold_prefix(element: Element, bold_styles: frozenset[str]) -> int:
    """How many characters at the start of a paragraph are bold (spans and the paragraph's
    own style); leading whitespace does not count against it."""
    own = str(element.get_attribute("text:style-name") or "") in bold_styles
    pieces: list[tuple[str, bool]] = [(element.text or "", own)]
    for child in element.children:
        name = str(child.get_attribute("text:style-name") or "")
        pieces.append((child.text_recursive or "", own or name in bold_styles))
        pieces.append((child.tail or "", own))
    count = 0
    for text, bold in pieces:
        if not bold and text.strip():
            break
        count += len(text) if bold or not text.strip() else 0
    whole = element.text_recursive or ""
    return max(0, count - (len(whole) - len(whole.lstrip())))


def _walk(element: Element) -> Iterator[Element]:
    """Paragraphs, headings, tables and page breaks below ``element``, in order."""
    for child in element.children:
        if child.tag in _CONTAINERS:
            yield from _walk(child)
        elif child.tag in ("text:p", "text:h", "table:table", "text:soft-page-break"):
            yield child


def _block(element: Element, page: list[int]) -> list[Block]:
    if element.tag == "text:soft-page-break" or _has_page_break(element):
        page[0] += 1
        found: list[Block] = [PageBreak(page[0])]
        return (
            found if element.tag == "text:soft-page-break" else found + _block_text(element, page)
        )
    return _block_text(element, page)


def _block_text(element: Element, page: list[int]) -> list[Block]:
    if element.tag == "table:table":
        return [Table(_rows(element), page=page[0])]
    style = element.get_attribute("text:style-name")
    style_name = str(style) if style else None
    level = _level(element, style_name)
    text = element.text_recursive or ""
    if "(" in text:  # odfdo gives a picture's text as "(Pictures/….png)"
        from briefing.importing.pictures import without_odf_pictures

        text = without_odf_pictures(text, element)
    return [
        Paragraph(line.strip(), level=level, style=style_name, page=page[0])
        for line in text.split("\n")
        if line.strip()
    ]


def _level(element: Element, style: str | None) -> int | None:
    if element.tag == "text:h":
        value = element.get_attribute("text:outline-level")
        return int(str(value)) if value else 1
    match = _HEADING_STYLE.match(style or "")
    return int(match.group(1)) if match else None


def _has_page_break(element: Element) -> bool:
    return any(child.tag == "text:soft-page-break" for child in element.children)


def _rows(table: Element) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.get_rows():
        cells = tuple((cell.text_content or "").strip() for cell in row.traverse())
        rows.append(cells)
    return tuple(rows)
