"""The bar across the top of the window after a build: the deck's absolute path, its slide
count, size and time, any warnings, and 開啟簡報 / 在資料夾中顯示. It describes one build only,
so the window hides it as soon as anything on screen changes (an input, New, Cancel, a failed
build, the interface language)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from gui import errors
from gui.qtutil import named
from gui.strings import plain, tr

if TYPE_CHECKING:
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

    def show_result(self, result: BuildResult, seconds: float) -> None:
        """Show what ``result`` wrote (its absolute path) and its warnings."""
        self._output = Path(result.output).absolute()
        warnings = [errors.plain_text(w) for w in result.warnings]
        counts = tr("built_count", n=result.slide_count, size=result.size / 1e6, seconds=seconds)
        if warnings:
            counts += " · " + tr("warnings_count", n=len(warnings))
        self.messageLabel.setText(f"✔ {tr('built', path=self._output)}\n{counts}")
        self.warningsView.setPlainText("\n".join(warnings))
        self.warningsView.setVisible(bool(warnings))
        self.setVisible(True)

    def clear(self) -> None:
        """Forget the last build (the screen no longer describes it)."""
        self._output = None
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
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output)))

    def show_folder(self) -> None:
        """Open the folder holding the written deck."""
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output.parent)))

    def focus_chain(self) -> list[QWidget]:
        """The bar's widgets in tab order."""
        return [self.openButton, self.folderButton, self.closeButton, self.warningsView]
