"""The bar across the top of the window after a build: the deck's absolute path, its slide
count, size and time, any warnings, and 開啟簡報 / 在資料夾中顯示. It describes one build only,
so the window hides it as soon as anything on screen changes (an input, New, Cancel, a failed
build, the interface language)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from gui import errors
from gui.qtutil import named
from gui.strings import plain, tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.api import BuildResult


class InfoBar(QFrame):
    """What the last build wrote; hidden until a build succeeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#infoBar { background: #E6F2EA; border: 1px solid #8CC09E; border-radius: 4px; }"
        )
        self._output: Path | None = None
        self._shown: tuple[BuildResult, float, int] | None = None  # redrawn in a new language
        #: Opens a file or folder in the system's program (False: it could not at once; a
        #: later failure calls :meth:`open_failed`).
        self.opener: Callable[[Path], bool] = self._system_open
        self.messageLabel = named(QLabel(self, wordWrap=True), "resultLabel")
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.openButton = named(QPushButton(self), "openDeckButton")
        self.folderButton = named(QPushButton(self), "showFolderButton")
        self.closeButton = named(QToolButton(self), "closeResultButton")
        self.closeButton.setText("×")
        self.warningsView = named(QPlainTextEdit(self, readOnly=True), "warningsView")
        self.warningsView.setMaximumBlockCount(500)
        self.warningsView.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        for button in (self.openButton, self.folderButton):
            button.setAutoDefault(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 4, 4)
        grid.addWidget(self.messageLabel, 0, 0)
        grid.addWidget(self.openButton, 0, 1)
        grid.addWidget(self.folderButton, 0, 2)
        grid.addWidget(self.closeButton, 0, 3)
        grid.addWidget(self.warningsView, 1, 0, 1, 4)
        grid.setColumnStretch(0, 1)
        self.openButton.clicked.connect(self.open_deck)
        self.folderButton.clicked.connect(self.show_folder)
        self.closeButton.clicked.connect(self.clear)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.openButton.setText(tr("open_deck"))
        self.openButton.setAccessibleName(plain(tr("open_deck")))
        self.folderButton.setText(tr("show_folder"))
        self.folderButton.setAccessibleName(plain(tr("show_folder")))
        self.closeButton.setAccessibleName(tr("close_bar"))
        self.closeButton.setToolTip(tr("close_bar"))
        self.warningsView.setAccessibleName(tr("warnings_name"))
        self.setAccessibleName(tr("result_name"))
        if self._shown is not None:  # a language switch keeps the result, in the new words
            self.show_result(*self._shown)

    def show_result(self, result: BuildResult, seconds: float, drafts: int = 0) -> None:
        """Show what ``result`` wrote (its absolute path), its warnings, and how many drafts
        it was built from that nobody has reviewed yet."""
        self._shown = (result, seconds, drafts)
        self._output = Path(result.output).absolute()
        warnings = [errors.plain_text(w) for w in result.warnings]
        counts = tr("built_count", n=result.slide_count, size=result.size / 1e6, seconds=seconds)
        if warnings:
            counts += " · " + tr("warnings_count", n=len(warnings))
        if drafts:
            counts += "\n⚠ " + tr("drafts_left", n=drafts)
        self.messageLabel.setText(f"✔ {tr('built', path=self._output)}\n{counts}")
        self.warningsView.setPlainText("\n".join(warnings))
        self.warningsView.setVisible(bool(warnings))
        self.setVisible(True)

    def clear(self) -> None:
        """Forget the last build (the screen no longer describes it)."""
        self._output = None
        self._shown = None
        self.messageLabel.clear()
        self.warningsView.clear()
        self.setVisible(False)

    @property
    def output(self) -> Path | None:
        """The deck the last successful build wrote (None: no build, or it is out of date)."""
        return self._output

    def open_deck(self) -> None:
        """Open the written deck in the default application."""
        if self._output is not None:
            self._open(self._output)

    def show_folder(self) -> None:
        """Open the folder holding the written deck."""
        if self._output is not None:
            self._open(self._output.parent)

    def _open(self, path: Path) -> bool:
        """Open ``path`` in the system's program; say so when the system cannot."""
        if path.exists() and self.opener(path):
            return True
        self.open_failed(path)
        return False

    def _system_open(self, path: Path) -> bool:
        """The desktop's opener. On Linux and the BSDs ``xdg-open`` is run and watched: Qt
        reports success as soon as it starts, even when it then finds no program."""
        opener = shutil.which("xdg-open")
        if sys.platform in ("win32", "darwin") or opener is None:
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        process = QProcess(self)
        told: list[bool] = []

        def failed(*_: object) -> None:
            if not told:
                told.append(True)
                self.open_failed(path)

        process.errorOccurred.connect(failed)
        process.finished.connect(lambda code, _status: failed() if code else None)
        process.finished.connect(process.deleteLater)
        process.start(opener, [str(path)])
        return True

    def open_failed(self, path: Path) -> None:
        """Say that the system could not open ``path`` (a dialog and the status bar)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, plain(tr("open_deck")), tr("open_failed", path=path)
        )
        box.setParent(self.window(), box.windowFlags())
        box.setObjectName("openFailedBox")
        box.open()
        status = getattr(self.window(), "statusBar", None)
        if status is not None:
            status().showMessage(tr("open_failed", path=path), 15000)

    def focus_chain(self) -> list[QWidget]:
        """The bar's widgets in tab order."""
        return [self.openButton, self.folderButton, self.closeButton, self.warningsView]
