"""The desktop app's entry point: ``python main.py`` or ``python main.py gui [--recipe FILE]``.

:func:`run` sets up the QApplication (organisation and application "briefing" for QSettings,
the bundled Noto Sans TC as the interface font so Chinese never shows as boxes), opens the
:class:`~gui.window.MainWindow` and returns the exit status. Start-up problems (the report,
templates, fonts, a bad ``--recipe``) open an error dialog in the window instead of a traceback;
a new user (no recipe given) meets the start page. Work still running when the window closes
is waited for, so the process ends quietly.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from briefing import api
from gui import errors
from gui.window import MainWindow
from gui.window_import import is_report

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from types import TracebackType

__all__ = ["MainWindow", "make_app", "run"]


def make_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with the bundled font registered and made the
    interface font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName("briefing")
    app.setApplicationName("briefing")
    app.setApplicationDisplayName("briefing")
    use_bundled_font(app)
    return app


def use_bundled_font(app: QApplication) -> str | None:
    """Register the bundled Noto Sans TC and make it the application font; returns the family
    (None when the file cannot be loaded: the platform's fonts are used)."""
    font_id = QFontDatabase.addApplicationFont(str(api.bundled_font()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([families[0]])
    app.setFont(font)
    return families[0]


def run(recipe: Path | None = None) -> int:
    """Open the main window and run until it closes. ``recipe`` is a recipe to open, or a
    trip report (.docx, .odt, .pdf, .txt: what "Open with" passes) to import, its review step
    open once the import is done."""
    app = make_app()
    window = MainWindow()
    _report_uncaught(window)
    window.show()
    begin(window, recipe)
    status = app.exec()
    QThreadPool.globalInstance().waitForDone()
    return status


def begin(window: MainWindow, opened: Path | None) -> None:
    """Start ``window`` with what the command line named: a recipe, a trip report (imported,
    its review step opened when the import is done), or nothing (the start page)."""
    report = opened if opened is not None and is_report(opened) else None
    window.start(None if report else opened, welcome=opened is None)
    if report is not None:
        window.import_report(report)


def _report_uncaught(window: MainWindow) -> None:
    """Unexpected errors in Qt callbacks go to the error dialog, not just the terminal."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        previous(kind, exc, tb)
        if isinstance(exc, Exception):
            errors.show_error(window, exc)

    sys.excepthook = hook
