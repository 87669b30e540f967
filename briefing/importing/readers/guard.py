"""Bounds on a report to import, checked where it enters (before python-docx, odfdo or
pdfminer see it), so that no file, however made, can make an import read, unpack, expand or
parse without end. Each bound is a named limit in :mod:`briefing.limits`; going over one is a
SourceError (exit 2) that names the bound and says how to proceed.

- :func:`check_file`: a regular file (no FIFO, device or socket), no larger than
  ``MAX_REPORT_BYTES`` (``MAX_REPORT_TEXT_BYTES`` for plain text).
- :func:`check_package`: a .docx/.odt zip with at most ``MAX_ZIP_MEMBERS`` members, unpacking
  to at most ``MAX_ZIP_UNPACKED`` bytes, no member growing more than ``MAX_ZIP_RATIO`` times,
  no XML part over ``MAX_XML_PART``; its XML parts hold no DOCTYPE (so no entities), at most
  ``MAX_XML_NODES`` elements, ``MAX_TABLE_CELLS`` table cells once ODF repeats and Word column
  spans are expanded, and ``MAX_REPORT_CHARS`` of ODF repeated spaces.
- :func:`check_text`: at most ``MAX_REPORT_CHARS`` characters of text extracted in all.

PDF pages and time are bounded by :mod:`briefing.importing.readers.pdfjob`.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import TYPE_CHECKING

from briefing import limits
from briefing.errors import SourceError
from briefing.importing.blocks import Paragraph, Table

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from briefing.importing.blocks import Document

_RESAVE = "save the report again from Word or LibreOffice (or split it) and import that"
_TEXT = (".txt", ".text", "")
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ROW, _CELLS = (
    f"{{{_ODF_TABLE}}}table-row",
    (
        f"{{{_ODF_TABLE}}}table-cell",
        f"{{{_ODF_TABLE}}}covered-table-cell",
    ),
)
_ROWS_REPEATED = f"{{{_ODF_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_ODF_TABLE}}}number-columns-repeated"
_COLUMN = f"{{{_ODF_TABLE}}}table-column"
_SPACES, _SPACE_COUNT = f"{{{_ODF_TEXT}}}s", f"{{{_ODF_TEXT}}}c"
_WORD_CELL, _GRID_SPAN, _WORD_VAL = f"{{{_WORD}}}tc", f"{{{_WORD}}}gridSpan", f"{{{_WORD}}}val"


def read_bounded(path: Path, reader: Callable[[Path], Document]) -> Document:
    """``reader(path)`` with every bound checked: the file before it is opened, the package
    before it is unpacked, the text once read. Anything the reader's library raises for a
    malformed file becomes a SourceError naming the file (exit 2, never an internal error)."""
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".odt"):
        check_package(path, suffix)
    try:
        document = reader(path)
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed file fails in the library, any way
        kind = {".docx": "Word .docx", ".odt": "OpenDocument .odt", ".pdf": "PDF"}
        raise SourceError(
            f"cannot read this {kind.get(suffix, 'text')} file ({type(exc).__name__}: {exc}); "
            "open it in Word or LibreOffice and save it again",
            file=path,
        ) from None
    return check_text(document, path)


def check_file(path: Path) -> None:
    """Refuse a report that is not a regular file, or is larger than its format's bound."""
    limits.require_regular(path, error=SourceError, what="report file")
    text = path.suffix.lower() in _TEXT
    bound = limits.MAX_REPORT_TEXT_BYTES if text else limits.MAX_REPORT_BYTES
    size = path.stat().st_size
    if size > bound:
        name = "MAX_REPORT_TEXT_BYTES" if text else "MAX_REPORT_BYTES"
        advice = "split the report, or import the part a briefing needs"
        raise SourceError(
            limits.over(name, f"the file is {size:,} bytes", f"{bound:,}", advice), file=path
        )


def check_package(path: Path, what: str) -> None:
    """Refuse a .docx/.odt package (``what`` names it) over any zip or XML bound above;
    a file that is not a zip at all is left to the reader, which says so."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        members = archive.infolist()
        _check_members(path, members)
        count = _Count()
        for info in members:
            if not info.is_dir() and (_is_xml(info) or _starts_like_xml(archive, info)):
                if info.file_size > limits.MAX_XML_PART:  # XML under another name
                    found = f"{info.filename!r} is {info.file_size:,} bytes of XML"
                    bound = f"{limits.MAX_XML_PART:,}"
                    raise SourceError(limits.over("MAX_XML_PART", found, bound, _RESAVE), file=path)
                _scan_xml(path, archive, info, count)


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > limits.MAX_ZIP_MEMBERS:
        found = f"the package has {len(members):,} members"
        raise SourceError(
            limits.over("MAX_ZIP_MEMBERS", found, f"{limits.MAX_ZIP_MEMBERS:,}", _RESAVE),
            file=path,
        )
    total = sum(info.file_size for info in members)
    if total > limits.MAX_ZIP_UNPACKED:
        found = f"the package unpacks to {total:,} bytes"
        raise SourceError(
            limits.over("MAX_ZIP_UNPACKED", found, f"{limits.MAX_ZIP_UNPACKED:,}", _RESAVE),
            file=path,
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > limits.MAX_ZIP_RATIO:
            found = f"{info.filename!r} grows {ratio:,.0f} times when unpacked (a zip bomb?)"
            raise SourceError(
                limits.over("MAX_ZIP_RATIO", found, f"{limits.MAX_ZIP_RATIO} times", _RESAVE),
                file=path,
            )
        if _is_xml(info) and info.file_size > limits.MAX_XML_PART:
            found = f"{info.filename!r} is {info.file_size:,} bytes of XML"
            raise SourceError(
                limits.over("MAX_XML_PART", found, f"{limits.MAX_XML_PART:,}", _RESAVE),
                file=path,
            )


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith((".xml", ".rels"))


def _starts_like_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a member not named .xml is XML all the same (a part its package names by
    content type, which the reader would parse): its first bytes are ``<``, maybe after a
    byte-order mark and white space."""
    try:
        with archive.open(info) as stream:
            head = stream.read(64)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return False  # the reader says what is wrong, if it reads the member
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


class _Count:
    """What the XML parts of one package add up to."""

    def __init__(self) -> None:
        self.nodes = 0
        self.cells = 0
        self.spaces = 0
        self.row_cells = 0


def _scan_xml(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, count: _Count) -> None:
    """Parse one XML part as a stream (entities never resolved, nothing fetched), counting
    elements, expanded table cells and repeated spaces against their bounds."""
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
    )
    first = True
    try:
        with archive.open(info) as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                parser.feed(chunk)
                for event, element in parser.read_events():
                    if first:
                        first = False
                        _no_doctype(path, info, element)
                    if event == "start":
                        _counted(path, element, count)
                    else:
                        _ended(path, element, count)
                        element.clear(keep_tail=True)
            parser.close()
    except etree.XMLSyntaxError:
        return  # counted up to the mistake; the reader says what is wrong, if it reads the part
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:  # damaged
        raise SourceError(f"{info.filename!r} cannot be unpacked ({exc})", file=path) from None


def _no_doctype(path: Path, info: zipfile.ZipInfo, element: object) -> None:
    docinfo = element.getroottree().docinfo  # type: ignore[attr-defined]
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise SourceError(
            f"{info.filename!r} declares a DOCTYPE (entities), which Word and LibreOffice "
            "never write; save the report again from Word or LibreOffice",
            file=path,
        )


def _counted(path: Path, element: object, count: _Count) -> None:
    count.nodes += 1
    if count.nodes > limits.MAX_XML_NODES:
        found = f"the document has over {limits.MAX_XML_NODES:,} XML elements"
        raise SourceError(
            limits.over("MAX_XML_NODES", found, f"{limits.MAX_XML_NODES:,}", _RESAVE), file=path
        )
    tag, get = element.tag, element.get  # type: ignore[attr-defined]
    if tag in _CELLS:
        count.row_cells += _number(get(_COLUMNS_REPEATED))
    elif tag == _COLUMN:
        _add_cells(path, count, _number(get(_COLUMNS_REPEATED)))
    elif tag == _WORD_CELL:
        _add_cells(path, count, 1)
    elif tag == _GRID_SPAN:
        _add_cells(path, count, _number(get(f"{{{_WORD}}}val")) - 1)
    elif tag == _SPACES:
        count.spaces += _number(get(_SPACE_COUNT))
        if count.spaces > limits.MAX_REPORT_CHARS:
            found = "the document repeats spaces (text:s text:c) beyond"
            raise SourceError(
                limits.over(
                    "MAX_REPORT_CHARS", found, f"{limits.MAX_REPORT_CHARS:,} characters", _RESAVE
                ),
                file=path,
            )


def _ended(path: Path, element: object, count: _Count) -> None:
    if element.tag == _ROW:  # type: ignore[attr-defined]
        rows = _number(element.get(_ROWS_REPEATED))  # type: ignore[attr-defined]
        _add_cells(path, count, max(count.row_cells, 1) * rows)
        count.row_cells = 0


def _add_cells(path: Path, count: _Count, cells: int) -> None:
    count.cells += max(cells, 0)
    if count.cells > limits.MAX_TABLE_CELLS:
        found = (
            f"its tables hold over {limits.MAX_TABLE_CELLS:,} cells once repeated rows, "
            "columns and spans are counted"
        )
        raise SourceError(
            limits.over("MAX_TABLE_CELLS", found, f"{limits.MAX_TABLE_CELLS:,}", _RESAVE),
            file=path,
        )


def _number(value: str | None) -> int:
    """A repeat count: 1 when absent; a count that is not a number counts as huge (the
    reader would fail on it later, after expanding what it could)."""
    if value is None:
        return 1
    try:
        return int(value)
    except ValueError:
        return 1 if not value.strip() else limits.MAX_TABLE_CELLS + 1


def check_text(document: Document, path: Path) -> Document:
    """``document`` unchanged, or SourceError when its text is over ``MAX_REPORT_CHARS`` or
    its paragraphs and table rows over ``MAX_REPORT_BLOCKS``."""
    rows = sum(len(b.rows) if isinstance(b, Table) else 1 for b in document.blocks)
    if rows > limits.MAX_REPORT_BLOCKS:
        found = f"the report has {rows:,} paragraphs and table rows"
        advice = "split the report, or import the part a briefing needs"
        raise SourceError(
            limits.over("MAX_REPORT_BLOCKS", found, f"{limits.MAX_REPORT_BLOCKS:,}", advice),
            file=path,
        )
    total = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            total += len(block.text)
        elif isinstance(block, Table):
            total += sum(len(cell) for row in block.rows for cell in row)
        if total > limits.MAX_REPORT_CHARS:
            found = f"the report has over {limits.MAX_REPORT_CHARS:,} characters of text"
            advice = "split the report, or import the part a briefing needs"
            raise SourceError(
                limits.over("MAX_REPORT_CHARS", found, f"{limits.MAX_REPORT_CHARS:,}", advice),
                file=path,
            )
    return document
