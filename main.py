"""briefing: PowerPoint briefing decks from a structured trip report.

python main.py build            # the full default briefing into ./out/
python main.py --help           # every command and option
python main.py                  # the desktop app
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from briefing.cli import Exit, main

if TYPE_CHECKING:
    from pathlib import Path


def open_app(recipe: Path | None, err: TextIO) -> int:
    """Start the desktop app (PySide6 is imported only here)."""
    if _no_screen():
        print(
            "error: no screen to show the desktop app on (DISPLAY is not set); the command "
            "line works without one: python main.py build --help",
            file=err,
        )
        return Exit.BAD_INPUT
    missing = _missing_qt_libraries()
    if missing:
        print(missing, file=err)
        return Exit.BAD_INPUT
    try:
        from gui.app import run
    except ImportError as exc:
        print(
            f"error: the desktop app needs PySide6 ({exc}); the command line works "
            "without it: python main.py build",
            file=err,
        )
        return Exit.BAD_INPUT
    return run(recipe)


def _no_screen() -> bool:
    """On Linux and the BSDs Qt needs X11 or Wayland (or an explicit QT_QPA_PLATFORM);
    without one it aborts the process instead of raising."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _missing_qt_libraries() -> str:
    """What to install when Qt's X11 plugin cannot load (empty when it can): checked before
    Qt is imported, because Qt aborts the process instead of raising."""
    from gui import platform_check

    if not platform_check.uses_xcb():
        return ""
    packages = platform_check.missing_packages()
    return platform_check.advice(packages) if packages else ""


if __name__ == "__main__":
    sys.exit(main(gui=open_app))
