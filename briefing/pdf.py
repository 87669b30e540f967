"""A PDF beside the deck, through LibreOffice when it is installed.

The project's fonts are made visible to LibreOffice with a private fontconfig file (Debian's
LibreOffice ignores fonts embedded in a .pptx), so the PDF keeps real, searchable text in the
deck's font. Without LibreOffice the deck is still written and the caller is told plainly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

CANDIDATES = ("soffice", "libreoffice")


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
    deck: Path, *, font_dirs: list[Path], timeout: float = 180
) -> tuple[Path | None, str]:
    """Convert ``deck`` to a PDF beside it; returns (pdf path or None, a note for the user)."""
    office = find_office()
    if office is None:
        return None, "no PDF written: LibreOffice (soffice) is not installed"
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as work:
        env = dict(os.environ, FONTCONFIG_FILE=_fontconfig(Path(work), font_dirs), HOME=work)
        command = [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{work}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(deck),
        ]
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"no PDF written: LibreOffice failed ({exc})"
        produced = Path(work) / f"{deck.stem}.pdf"
        if done.returncode != 0 or not produced.exists():
            return (
                None,
                f"no PDF written: LibreOffice said {done.stderr.decode(errors='replace')[-200:]}",
            )
        target = deck.with_suffix(".pdf")
        shutil.move(str(produced), target)
    return target, ""


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
