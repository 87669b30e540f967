"""Plain text reports: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
mark, or Big5 (cp950, the Traditional Chinese Windows code page). One line is one paragraph;
a form feed starts a page."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from briefing.errors import SourceError
from briefing.importing.blocks import Block, Document, PageBreak, Paragraph, Table

if TYPE_CHECKING:
    from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ("cp950", "big5hkscs")


def read_txt(path: Path) -> Document:
    """The lines of a text file as paragraphs (blank lines dropped), form feeds as pages."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", file=path) from None
    text, encoding = decode(data, path)
    notes = () if encoding.startswith("utf-8") else (f"read as {encoding} text",)
    return Document(str(path), tuple(blocks(text)), notes)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was in; SourceError naming the line of the
    first byte that is not UTF-8 when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path), encoding
    if _looks_utf16(data):
        return _strict(data, "utf-16-le" if data[1:2] == b"\0" else "utf-16-be", path), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first = exc
    for encoding in _FALLBACKS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    line = data.count(b"\n", 0, first.start) + 1
    byte = data[first.start : first.start + 1].hex()
    raise SourceError(
        f"not UTF-8, UTF-16 or Big5 text (byte 0x{byte} cannot be read); save it as UTF-8",
        file=path,
        line=line,
    )


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of the start is NUL."""
    head = data[:200]
    return len(head) >= 4 and (
        head[1::2].count(0) > len(head) * 0.4 or head[0::2].count(0) > len(head) * 0.4
    )


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid {encoding} text ({exc.reason})", file=path) from None


def blocks(text: str) -> list[Block]:
    """Paragraphs for the non-blank lines of ``text``, and tables for runs of lines of three
    or more tab-separated cells; a form feed starts the next page."""
    out: list[Block] = []
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    first = 1
    for number, page in enumerate(pages, start=1):
        if len(pages) > 1:
            out.append(PageBreak(number))
        page_no = number if len(pages) > 1 else None
        lines = [(first + n, line.strip(" \u3000")) for n, line in enumerate(page.split("\n"))]
        first += page.count("\n")
        out += _page_blocks([(n, line) for n, line in lines if line.strip()], page_no)
    return out


def _page_blocks(lines: list[tuple[int, str]], page: int | None) -> list[Block]:
    out: list[Block] = []
    rows: list[tuple[str, ...]] = []
    for at, line in [*lines, (0, "")]:
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) >= 3:
            rows.append(cells)
            continue
        if rows:
            out.append(Table(tuple(rows), page=page) if len(rows) > 1 else _row_text(rows[0], page))
            rows = []
        if line.strip():
            out.append(Paragraph(line.strip(), page=page, line=at))
    return out


def _row_text(row: tuple[str, ...], page: int | None) -> Paragraph:
    return Paragraph("\t".join(row), page=page)
