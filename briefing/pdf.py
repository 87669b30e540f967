"""A PDF beside the deck, through LibreOffice when it is installed.

The project's fonts are made visible to LibreOffice with a private fontconfig file (Debian's
LibreOffice ignores fonts embedded in a .pptx), so the PDF keeps real, searchable text in the
deck's font. Without LibreOffice the deck is still written and the caller is told plainly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from briefing import files

CANDIDATES = ("soffice", "libreoffice")
DEFAULT_TIMEOUT = 180.0  # seconds: a 100-slide deck converts in about 20


def find_office() -> str | None:
    """The LibreOffice executable on PATH (or in the usual places), or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in (
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
    ):
        if Path(path).exists():
            return path
    return None


def write_pdf(
    deck: Path,
    *,
    font_dirs: list[Path],
    timeout: float = DEFAULT_TIMEOUT,
    target: Path | None = None,
    notes: bool = False,
) -> tuple[Path | None, str]:
    """Convert ``deck`` (.pptx or .odp) to a PDF beside it (or at ``target``), with a notes
    page after each slide when ``notes``; returns (the PDF, or None, and a note for the user).

    Nothing here raises for LibreOffice's sake: missing, failing or slower than ``timeout``
    seconds, it is a note (the caller decides whether that is a warning or an error), and a
    PDF left from an earlier build is removed rather than left looking current. LibreOffice
    runs in a process group of its own, killed with all its children on timeout or when the
    build is interrupted; its profile and output live in a temporary folder that goes with it.
    The PDF is copied into the deck's folder and renamed into place (atomic on any file system).
    """
    target = target or deck.with_suffix(".pdf")
    office = find_office()
    if office is None:
        return None, _failed(target, "LibreOffice (soffice) is not installed")
    try:
        return _convert(office, deck, target, font_dirs, timeout, notes)
    except BaseException:  # stopped (SIGTERM, Ctrl-C) or failed outright: no stale PDF left
        _failed(target, "stopped")
        raise


def _convert(
    office: str, deck: Path, target: Path, font_dirs: list[Path], timeout: float, notes: bool
) -> tuple[Path | None, str]:
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-", ignore_cleanup_errors=True) as work:
        env = dict(os.environ, FONTCONFIG_FILE=_fontconfig(Path(work), font_dirs), HOME=work)
        try:
            code, said = _run(_command(office, Path(work), deck, notes), env, timeout)
        except subprocess.TimeoutExpired:
            return None, _failed(target, f"LibreOffice did not finish within {timeout:g} s")
        except OSError as exc:
            return None, _failed(target, f"LibreOffice could not be started ({exc})")
        produced = Path(work) / f"{deck.stem}.pdf"
        if code != 0 or not produced.is_file():
            return None, _failed(target, f"LibreOffice failed: {_last_line(said, code)}")
        try:
            files.write_atomic(target, produced.read_bytes())
        except OSError as exc:
            return None, _failed(target, f"cannot write {target}: {exc.strerror or exc}")
    return target, ""


#: LibreOffice's PDF export with notes pages (filter options as JSON, LibreOffice 7.4 and later).
NOTES_FILTER = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}'


def _command(office: str, work: Path, deck: Path, notes: bool = False) -> list[str]:
    return [
        office,
        "--headless",
        "--norestore",
        f"-env:UserInstallation={work.as_uri()}/profile",
        "--convert-to",
        NOTES_FILTER if notes else "pdf",
        "--outdir",
        str(work),
        str(deck),
    ]


def _run(command: list[str], env: dict[str, str], timeout: float) -> tuple[int, str]:
    """Run LibreOffice in a new process group; (exit status, what it printed on stderr).
    On timeout or any interruption the whole group is killed before the exception goes on."""
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **_new_group(),
    )
    try:
        _, err = process.communicate(timeout=timeout)
    except BaseException:
        _kill(process)
        raise
    _kill(process)  # helpers LibreOffice started and left behind
    return process.returncode, err.decode("utf-8", "replace")


def _new_group() -> dict[str, object]:
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's process group (POSIX) or the process (Windows), and reap it."""
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:
        process.kill()
    with contextlib.suppress(Exception):
        process.communicate(timeout=10)


def _failed(target: Path, why: str) -> str:
    """The note for a PDF not written; an older PDF beside the deck is removed."""
    note = f"no PDF written: {why}"
    if target.is_file():
        try:
            target.unlink()
        except OSError as exc:
            return (
                f"{note}; the PDF of an earlier build ({target}) is out of date and could not "
                f"be removed: {exc.strerror}"
            )
        note += f"; removed the out-of-date {target.name} of an earlier build"
    return note


def _last_line(text: str, code: int) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else f"exit status {code}"


def font_dirs(font: str | None) -> list[Path]:
    """Folders LibreOffice should see fonts in: the bundled fonts, and the folder of a font
    file the build used."""
    from briefing.fonts.family import BUNDLED_DIR

    dirs = [BUNDLED_DIR]
    if font and Path(font.split("#")[0]).exists():
        dirs.append(Path(font.split("#")[0]).resolve().parent)
    return dirs


def _fontconfig(folder: Path, font_dirs: list[Path]) -> str:
    dirs = "".join(f"<dir>{escape(str(d.resolve()))}</dir>" for d in font_dirs)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>{dirs}'
        f"<cachedir>{escape(str(folder / 'fc-cache'))}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return str(conf)
