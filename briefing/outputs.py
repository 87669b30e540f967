"""The files one build writes: the .pptx, the .odp and the .pdf, any combination
(``formats``), all with the same base name.

The .odp is written directly from the checked .pptx bytes (:mod:`briefing.odf`); the PDF is
made by LibreOffice from the .odp (a temporary one when no .odp was asked for), because every
LibreOffice honours the fonts embedded in an .odp. Every file goes through a temporary file and
a rename: a build that fails leaves the previous files as they were. The .pptx and .odp are
made in memory before anything is written, so only the PDF, which needs LibreOffice, can fail
after them; that failure names what to install and what was written.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import files
from briefing.errors import DeckError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from briefing.fonts.family import EmbeddedFace
    from briefing.options import BuildOptions

FORMATS = ("pptx", "odp", "pdf")
INSTALL = (
    "install LibreOffice (https://www.libreoffice.org/download/; Debian/Ubuntu: "
    "apt install libreoffice-impress) or leave pdf out of --format"
)


def paths(target: Path, formats: Sequence[str]) -> dict[str, Path]:
    """Format -> the file written for it: ``target`` with that suffix."""
    return {fmt: target.with_suffix(f".{fmt}") for fmt in formats}


def main_output(target: Path, formats: Sequence[str]) -> Path:
    """The file a build reports as its output: the .pptx, else the first format asked for."""
    chosen = "pptx" if "pptx" in formats else formats[0]
    return target.with_suffix(f".{chosen}")


def odp_data(
    pptx: bytes,
    typeface: str,
    faces: Sequence[EmbeddedFace],
    epoch: dt.datetime,
    charts: Mapping[str, bytes] | None = None,
) -> bytes:
    """The .odp of the finished deck (raises DeckError if it cannot be made); ``charts`` are
    the pictures of its native charts, by shape name."""
    from briefing.odf import odp_from_pptx

    try:
        return odp_from_pptx(pptx, typeface, faces, epoch, charts)
    except (ValueError, KeyError) as exc:
        raise DeckError(f"cannot write the .odp: {exc}") from exc


def write_files(target: Path, formats: Sequence[str], data: dict[str, bytes]) -> list[Path]:
    """Write the .pptx and .odp asked for, atomically; returns the paths written."""
    written = []
    for fmt, path in paths(target, formats).items():
        if fmt not in data:
            continue
        try:
            files.write_atomic(path, data[fmt])
        except OSError as exc:
            raise DeckError(f"cannot write the {fmt}: {exc.strerror or exc}", file=path) from None
        written.append(path)
    return written


def write_pdf(
    target: Path,
    odp: bytes,
    *,
    font_dirs: list[Path],
    timeout: float,
    notes: bool,
) -> tuple[Path | None, str]:
    """Make ``target``.pdf with LibreOffice from the .odp bytes ``odp``: (the PDF or None, a
    note saying why not). The .odp is converted from a temporary folder of its own."""
    from briefing.pdf import write_pdf as convert

    pdf = target.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="briefing-odp-", ignore_cleanup_errors=True) as work:
        source = Path(work) / f"{target.stem}.odp"
        source.write_bytes(odp)
        return convert(source, font_dirs=font_dirs, timeout=timeout, target=pdf, notes=notes)


def make_pdf(
    target: Path,
    odp: bytes,
    options: BuildOptions,
    written: list[Path],
    timeout: float,
    required: bool,
) -> Path | str:
    """The PDF made by LibreOffice from the .odp, or the warning saying why there is none when
    not ``required``; when required, a DeckError (exit 2) naming what to install."""
    from briefing.pdf import font_dirs

    pdf, note = write_pdf(
        target, odp, font_dirs=font_dirs(options.font), timeout=timeout, notes=options.pdf_notes
    )
    if pdf is not None:
        return pdf
    if required:
        raise pdf_failed(note, written)
    return note


def pdf_failed(note: str, written: list[Path]) -> DeckError:
    """The error (exit 2) for a PDF that was asked for and could not be made."""
    how = f"; {INSTALL}" if "not installed" in note else ""
    done = f" (the deck was written: {', '.join(p.name for p in written)})" if written else ""
    return DeckError(f"{note}{how}{done}", file=written[0] if written else None, field="formats")
