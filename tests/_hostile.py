"""Helpers for the hostile-input tests: run the CLI in-process and prove that a refusal was
exit 2, one located line, quick, and left every file as it was."""

from __future__ import annotations

import hashlib
import io
import re
import time
from pathlib import Path

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "assets" / "reports" / "smart-nation-summit-2019"
TEMPLATES = ROOT / "templates"
#: Seconds a refusal may take (generous: the machine may be busy; the hostile inputs these
#: guard against took minutes or forever).
QUICK = 30.0


def run(*argv: str) -> tuple[int, str, str]:
    """``python main.py ARGV`` in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def files_in(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file below ``folder``: relative path -> (mode, sha256 of its bytes)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(folder))] = (path.stat().st_mode, digest)
    return found


def refused(folder: Path, argv: list[str], pattern: str) -> str:
    """Run the CLI and check what a user must see for bad input: exit 2, exactly one line
    ``error: …`` matching ``pattern``, within ``QUICK`` seconds, and no file under ``folder``
    written, changed or removed. Returns the line."""
    before = files_in(folder)
    start = time.monotonic()

    code, out, err = run(*argv)

    elapsed = time.monotonic() - start
    lines = err.splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), lines[0]
    assert re.search(pattern, lines[0]), f"{pattern!r} not in {lines[0]!r}"
    assert len(lines[0]) < 600, lines[0]
    assert "Traceback" not in err and out == ""
    assert files_in(folder) == before
    assert elapsed < QUICK, f"took {elapsed:.1f} s"
    return lines[0]


def previous_deck(folder: Path) -> Path:
    """A file standing for the deck of an earlier build, which a refusal must leave alone."""
    deck = folder / "out" / "deck.pptx"
    deck.parent.mkdir(parents=True, exist_ok=True)
    deck.write_bytes(b"the previous deck")
    return deck


def report_copy(folder: Path, **replace: str) -> Path:
    """A copy of the bundled report folder with some of its files' text replaced."""
    target = folder / "report"
    target.mkdir(parents=True, exist_ok=True)
    for source in BUNDLED.iterdir():
        if source.is_file():
            (target / source.name).write_bytes(source.read_bytes())
    for name, text in replace.items():
        (target / name).write_text(text, encoding="utf-8")
    return target
