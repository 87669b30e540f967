"""A choice of a few values shown all at once: radio buttons in a row or a column, each with
its own text (the deck lengths carry their slide count and minutes). Tab reaches the checked
button, the arrow keys move between them, and a label's mnemonic focuses the checked one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QRadioButton, QWidget

from gui.qtutil import named


class Choice(QWidget):
    """Radio buttons for ``values``; emits :attr:`changed` when the user picks another."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        values: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        vertical: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.values = values
        self.group = QButtonGroup(self)
        direction = (
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QRadioButton] = {}
        for n, value in enumerate(values):
            button = named(QRadioButton(self), f"{name}_{value}")
            self.group.addButton(button, n)
            layout.addWidget(button)
            self.buttons[value] = button
        if not vertical:
            layout.addStretch(1)
        self.buttons[values[0]].setChecked(True)
        self.setFocusProxy(self.buttons[values[0]])
        self.group.idToggled.connect(self._toggled)

    def value(self) -> str:
        """The checked value."""
        return self.values[max(self.group.checkedId(), 0)]

    def set_value(self, value: str) -> None:
        """Check ``value`` (unknown values check the first); no signal."""
        button = self.buttons.get(value, self.buttons[self.values[0]])
        blocked = self.group.blockSignals(True)
        button.setChecked(True)
        self.group.blockSignals(blocked)
        self.setFocusProxy(button)

    def set_text(self, value: str, text: str) -> None:
        """The words shown for ``value``."""
        self.buttons[value].setText(text)

    def set_accessible_name(self, name: str) -> None:
        """Name every button ``name: its text`` for screen readers."""
        for button in self.buttons.values():
            button.setAccessibleName(f"{name}: {button.text()}")

    def focus_chain(self) -> list[QWidget]:
        """The buttons, in order (Tab stops at the checked one only)."""
        return list(self.buttons.values())

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.setFocusProxy(self.buttons[self.values[index]])
            self.changed.emit()
