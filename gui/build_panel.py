"""Generate, Cancel, the progress bar, and what the last build wrote (path, slide count,
warnings, buttons to open the deck or its folder)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.qtutil import named
from gui.strings import tr

if TYPE_CHECKING:
    from briefing.api import BuildResult

STAGE_KEYS = {
    "content": "stage_content",
    "charts": "stage_charts",
    "fonts": "stage_fonts",
    "writing": "stage_writing",
    "done": "stage_done",
}


class BuildPanel(QWidget):
    """The Generate area; the window connects :attr:`generateRequested` and
    :attr:`cancelRequested` and reports back through :meth:`started` … :meth:`finished`."""

    generateRequested = Signal()  # noqa: N815 - Qt naming
    cancelRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildPanel")
        self._output: Path | None = None
        self._stage = ""
        self._busy = False
        self._ready = True
        self.generateButton = named(QPushButton(self), "generateButton")
        self.generateButton.setDefault(True)
        self.cancelButton = named(QPushButton(self), "cancelButton")
        self.progressBar = named(QProgressBar(self, minimum=0, maximum=100), "progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(True)
        self.hintLabel = named(QLabel(self, wordWrap=True), "hintLabel")
        self.resultLabel = named(QLabel(self, wordWrap=True), "resultLabel")
        self.warningsView = named(QPlainTextEdit(self, readOnly=True), "warningsView")
        self.warningsView.setMaximumBlockCount(500)
        self.warningsView.setFixedHeight(96)
        self.openButton = named(QPushButton(self), "openDeckButton")
        self.folderButton = named(QPushButton(self), "showFolderButton")
        for button in (self.cancelButton, self.openButton, self.folderButton):
            button.setEnabled(False)
        self._layout()
        self.generateButton.clicked.connect(self.generateRequested)
        self.cancelButton.clicked.connect(self.cancelRequested)
        self.openButton.clicked.connect(self.open_deck)
        self.folderButton.clicked.connect(self.show_folder)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.generateButton, 1)
        top.addWidget(self.cancelButton)
        links = QHBoxLayout()
        links.addWidget(self.openButton)
        links.addWidget(self.folderButton)
        links.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.hintLabel)
        layout.addWidget(self.resultLabel)
        layout.addWidget(self.warningsView)
        layout.addLayout(links)

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.generateButton.setText(tr("generate"))
        self.generateButton.setToolTip("Ctrl+G")
        self.cancelButton.setText(tr("cancel"))
        self.progressBar.setAccessibleName(tr("progress_name"))
        self.warningsView.setAccessibleName(tr("warnings_name"))
        self.openButton.setText(tr("open_deck"))
        self.folderButton.setText(tr("show_folder"))
        if self._stage:
            self.set_progress(self._stage, self.progressBar.value() / 100)

    def set_ready(self, ready: bool, hint: str = "") -> None:
        """Enable Generate (when something is selected), or say why not."""
        self._ready = ready
        self.generateButton.setEnabled(ready and not self._busy)
        self.hintLabel.setText(hint)
        self.hintLabel.setVisible(bool(hint))

    # -- a build ----------------------------------------------------------------------------
    def started(self) -> None:
        """A build began: Cancel on, Generate off, progress at 0."""
        self._busy = True
        self.generateButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.set_progress("content", 0.0)

    def set_progress(self, stage: str, fraction: float) -> None:
        """Show ``stage`` (content, charts, fonts, writing) at ``fraction``."""
        self._stage = stage
        self.progressBar.setValue(round(fraction * 100))
        self.progressBar.setFormat(f"{tr(STAGE_KEYS.get(stage, 'stage_content'))} · %p%")

    def cancelling(self) -> None:
        """Cancel was pressed; the build stops at its next step."""
        self.cancelButton.setEnabled(False)
        self.progressBar.setFormat(tr("cancelling"))

    def finished(self, result: BuildResult, seconds: float) -> None:
        """Show what the build wrote."""
        self._stop()
        self.set_progress("done", 1.0)
        self._output = Path(result.output)
        self.resultLabel.setText(
            f"{tr('built', path=result.output)}\n"
            + tr("built_count", n=result.slide_count, size=result.size / 1e6, seconds=seconds)
        )
        warnings = list(result.warnings)
        head = tr("warnings_count", n=len(warnings)) if warnings else tr("warnings_none")
        self.warningsView.setPlainText("\n".join([head, *warnings]))
        self.openButton.setEnabled(True)
        self.folderButton.setEnabled(True)

    def stopped(self, cancelled: bool) -> None:
        """The build was cancelled or failed; nothing was written."""
        self._stop()
        self._stage = ""
        self.progressBar.setValue(0)
        self.progressBar.setFormat(tr("cancelled") if cancelled else tr("failed"))
        self.resultLabel.setText(tr("cancelled") if cancelled else tr("failed"))

    def _stop(self) -> None:
        self._busy = False
        self.cancelButton.setEnabled(False)
        self.generateButton.setEnabled(self._ready)

    @property
    def output(self) -> Path | None:
        """The deck the last successful build wrote."""
        return self._output

    def open_deck(self) -> None:
        """Open the written deck in the default application."""
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output.resolve())))

    def show_folder(self) -> None:
        """Open the folder holding the written deck."""
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output.resolve().parent)))

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in tab order."""
        return [
            self.generateButton,
            self.cancelButton,
            self.warningsView,
            self.openButton,
            self.folderButton,
        ]
