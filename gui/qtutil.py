"""Small widget helpers shared by the panels."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QObject)


def named(obj: W, name: str) -> W:
    """``obj`` with its objectName set (what tests and accessibility tools find it by)."""
    obj.setObjectName(name)
    return obj


def column(*widgets: QWidget, grow: QWidget | None = None) -> QWidget:
    """``widgets`` stacked in a new widget; ``grow`` takes the spare height (None: a stretch
    at the bottom does)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is grow else 0)
    if grow is None:
        layout.addStretch(1)
    return holder
