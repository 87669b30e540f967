"""Generate, Cancel, the progress bar, and why Generate is off when it is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.qtutil import PROBLEM, named
from gui.strings import plain, tr

STAGE_KEYS = {
    "content": "stage_content",
    "charts": "stage_charts",
    "fonts": "stage_fonts",
    "writing": "stage_writing",
    "done": "stage_done",
}


class BuildPanel(QWidget):
    """The Generate area; the window connects :attr:`generateRequested` and
    :attr:`cancelRequested` and reports back through :meth:`started` … :meth:`stopped`."""

    generateRequested = Signal()  # noqa: N815 - Qt naming
    cancelRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildPanel")
        self._stage = ""
        self._busy = False
        self._ready = True
        self.generateButton = named(QPushButton(self), "generateButton")
        self.generateButton.setDefault(True)
        self.cancelButton = named(QPushButton(self), "cancelButton")
        self.cancelButton.setEnabled(False)
        self.progressBar = named(QProgressBar(self, minimum=0, maximum=100), "progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(True)
        self.hintLabel = named(QLabel(self, wordWrap=True), "hintLabel")
        self.hintLabel.setStyleSheet(f"color: {PROBLEM};")
        self.hintLabel.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.generateButton, 1)
        top.addWidget(self.cancelButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.hintLabel)
        self.generateButton.clicked.connect(self.generateRequested)
        self.cancelButton.clicked.connect(self.cancelRequested)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.generateButton.setText(tr("generate"))
        self.generateButton.setToolTip("Ctrl+G")
        self.generateButton.setAccessibleName(plain(tr("generate")))
        self.cancelButton.setText(tr("cancel"))
        self.cancelButton.setToolTip(tr("cancel_tip"))
        self.progressBar.setAccessibleName(tr("progress_name"))
        if self._stage:
            self.set_progress(self._stage, self.progressBar.value() / 100)

    def set_ready(self, ready: bool, hint: str = "") -> None:
        """Enable Generate, or say why it is off."""
        self._ready = ready
        self.generateButton.setEnabled(ready and not self._busy)
        self.generateButton.setAccessibleDescription(hint)
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

    def finished(self) -> None:
        """The build wrote its deck."""
        self._stop()
        self.set_progress("done", 1.0)

    def stopped(self, cancelled: bool, failed: str = "") -> None:
        """The build (or an import) was cancelled or failed; nothing was written. ``failed``:
        what the bar says of a failure (default: the build failed)."""
        self._stop()
        self._stage = ""
        self.progressBar.setValue(0)
        self.progressBar.setFormat(tr("cancelled") if cancelled else failed or tr("failed"))

    def idle(self) -> None:
        """Other background work (an import) ended: Generate back on, the bar cleared."""
        self._stop()
        self.reset()

    def reset(self) -> None:
        """Inputs changed: the bar no longer describes the last build."""
        if not self._busy:
            self._stage = ""
            self.progressBar.setValue(0)
            self.progressBar.setFormat("%p%")

    def _stop(self) -> None:
        self._busy = False
        self.cancelButton.setEnabled(False)
        self.generateButton.setEnabled(self._ready)

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in tab order."""
        return [self.generateButton, self.cancelButton]
