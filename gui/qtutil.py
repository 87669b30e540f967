"""Small widget helpers shared by the panels."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

W = TypeVar("W", bound=QObject)

#: The colour of problems (a field's frame, the text saying what is wrong).
PROBLEM = "#B3261E"


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


def set_problem(field: QWidget, note: QLabel | None, problem: str | None) -> None:
    """Mark ``field`` as wrong (a red frame, the reason as its accessible description and in
    ``note``, in red) or as fine again (``problem`` None)."""
    field.setProperty("problem", problem is not None)
    field.setAccessibleDescription(problem or "")
    field.setStyleSheet(f"border: 2px solid {PROBLEM}; border-radius: 3px;" if problem else "")
    if note is not None:
        note.setStyleSheet(f"color: {PROBLEM};" if problem else "")


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text`` (a finished or failed build), politely."""
    event = QAccessibleAnnouncementEvent(widget, text)
    QAccessible.updateAccessibility(event)


def placeholders_as_placeholders(widget: QWidget) -> None:
    """Keep hints (placeholder text) lighter than values when fields are disabled, as during
    a build: Qt's default palette draws a disabled field's placeholder darker than its text."""
    palette = widget.palette()
    disabled = QPalette.ColorGroup.Disabled
    text = palette.color(disabled, QPalette.ColorRole.Text)
    hint = QColor(text)
    hint.setHsl(text.hslHue(), text.hslSaturation(), min(235, text.lightness() + 30))
    palette.setColor(disabled, QPalette.ColorRole.PlaceholderText, hint)
    widget.setPalette(palette)
