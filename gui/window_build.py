"""The main window's Generate: ask before replacing a file, lock the inputs while the build
runs (so the deck is what the screen shows), report the result in the info bar and to screen
readers, and cancel cleanly when the window closes mid-build. A mixin of
:class:`gui.window.MainWindow`."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from briefing import api
from briefing.errors import BuildCancelled
from gui import errors, prefs
from gui.qtutil import announce
from gui.strings import tr
from gui.worker import Op

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent

    from gui.window import MainWindow

CLOSE_WAIT_MS = 60_000  # the longest a closing window waits for a cancelled build's step


def ask_replace(parent: MainWindow, path: Path) -> bool:
    """「檔案已存在，要取代嗎？」 (Qt's own Yes / No, in the interface language)."""
    answer = QMessageBox.question(
        parent,
        tr("replace_title"),
        f"{tr('replace_text')}\n{path}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class BuildActions:
    """Generate, Cancel and closing (mixed into MainWindow)."""

    _token: api.CancelToken | None
    #: Asks whether to replace an existing deck (tests replace it; the default asks).
    ask_replace: Callable[[Path], bool]

    def generate(self: MainWindow) -> None:
        """Build the deck in the background (Generate, Ctrl+G, Enter in a setting)."""
        if self._token is not None or self._report is None:
            return
        self.settingsPanel.commit()
        planned = self.planned(self.current_options())
        if planned is None:  # the screen is not up to date: plan what the build will write
            self.refresh()
        if not self.generateButton.isEnabled():
            return
        options, report = self.current_options(), self._report
        planned = planned or self.planned(options)
        assert options.output is not None
        if options.output.exists() and not self._replace_ok(options.output):
            return
        token = api.CancelToken()
        self._token, started = token, time.perf_counter()
        self._lock(True)
        self.infoBar.clear()
        self.buildPanel.started()
        prefs.write_prefs(self.settings, self.settingsPanel.changes())
        Op(
            self,
            lambda ctx: api.build(
                options, progress=ctx.progress, cancel=token, report=report, planned=planned
            ),
        ).progress(self.buildPanel.set_progress).success(
            lambda result: self._built(result, time.perf_counter() - started)
        ).failure(self._build_failed).run_in_background()

    def _replace_ok(self: MainWindow, path: Path) -> bool:
        ask = getattr(self, "ask_replace", None)
        return ask(path) if ask is not None else ask_replace(self, path)

    def cancel(self: MainWindow) -> None:
        """Stop the running build at its next step; nothing is written."""
        if self._token is not None:
            self._token.cancel()
            self.buildPanel.cancelling()

    def building(self: MainWindow) -> bool:
        """Whether a build is running."""
        return self._token is not None

    def _lock(self: MainWindow, locked: bool) -> None:
        """While a build runs the inputs it was started from cannot change."""
        for widget in (self.sectionsPanel, self.initiativesPanel, self.settingsScroll):
            widget.setEnabled(not locked)
        for action in (self.menus.new, self.menus.open, self.menus.import_report):
            action.setEnabled(not locked)
        self.menus.recent_menu.setEnabled(not locked)

    def _built(self: MainWindow, result: api.BuildResult, seconds: float) -> None:
        self._token = None
        self._lock(False)
        self.buildPanel.finished()
        drafts = api.draft_count(self._report.folder) if self._report is not None else 0
        self.infoBar.show_result(result, seconds, drafts)
        self._update_counts()
        message = tr("announce_built", path=self.infoBar.output)
        self.statusBar().showMessage(message, 15000)
        announce(self, message)

    def _build_failed(self: MainWindow, exc: Exception) -> None:
        self._token = None
        self._lock(False)
        cancelled = isinstance(exc, BuildCancelled)
        self.buildPanel.stopped(cancelled)
        self.infoBar.clear()
        self._update_counts()
        message = tr("cancelled") if cancelled else tr("announce_failed")
        self.statusBar().showMessage(message, 15000)
        announce(self, message)
        if not cancelled and self.isVisible():
            errors.show_error(self, exc, tr("error_build"))

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self: MainWindow, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes; a running build is cancelled and waited for, so the
        program ends without a half-written file or a traceback."""
        if not self.maybe_save():
            event.ignore()
            return
        prefs.save_geometry(self, self.settings, self._splitters)
        prefs.write_prefs(self.settings, self.settingsPanel.changes())
        if self.building():
            self.cancel()
            self.hide()
            QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
        event.accept()
