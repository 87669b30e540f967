"""Readers: one per file format, each turning a trip report into the block model
(:mod:`briefing.importing.blocks`). :func:`read` picks the reader by the file's suffix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.errors import SourceError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from briefing.importing.blocks import Document

FORMATS = (".docx", ".odt", ".pdf", ".txt")


def read(path: Path) -> Document:
    """The blocks of the report in ``path`` (.docx, .odt, .pdf or .txt); SourceError for a
    missing file, another format, or a file its reader cannot read."""
    if path.is_dir():
        raise SourceError("this is a folder; name a report file", file=path)
    if not path.exists():
        raise SourceError("file not found", file=path)
    from briefing.importing.readers import guard  # here: the PDF reader's child needs none

    return guard.read_bounded(path, _reader(path))


def _reader(path: Path) -> Callable[[Path], Document]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from briefing.importing.readers.wordfile import read_docx

        return read_docx
    if suffix == ".odt":
        from briefing.importing.readers.odffile import read_odt

        return read_odt
    if suffix == ".pdf":
        from briefing.importing.readers.pdffile import read_pdf

        return read_pdf
    if suffix in (".txt", ".text", ""):
        from briefing.importing.readers.textfile import read_txt

        return read_txt
    shown = suffix or "(none)"
    if suffix == ".doc":
        raise SourceError("a Word 97-2003 .doc file: save it as .docx or .odt first", file=path)
    raise SourceError(f"cannot import {shown} files; use {', '.join(FORMATS)}", file=path)
