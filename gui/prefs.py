"""What the app remembers between runs (QSettings, organisation and application "briefing"):
window geometry and splitters, the interface language, recent recipes, and the deck settings
a user tends to keep (presenter, length, language, chart style, date style, font)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gui.settings_panel import CHART_STYLES, DATE_STYLES, DECK_LANGUAGES, LENGTHS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

PREFS = ("presenter", "length", "language", "chart_style", "date_style", "font")
CHOICES = {
    "length": LENGTHS,
    "language": DECK_LANGUAGES,
    "chart_style": CHART_STYLES,
    "date_style": DATE_STYLES,
}
DEFAULT_SIZE = (1440, 900)


def read_prefs(settings: QSettings) -> dict[str, Any]:
    """The remembered deck settings, as BuildOptions fields (bad values are dropped)."""
    values = {key: settings.value(f"deck/{key}") for key in PREFS}
    return {
        key: value
        for key, value in values.items()
        if isinstance(value, str) and value and (key not in CHOICES or value in CHOICES[key])
    }


def write_prefs(settings: QSettings, options: Mapping[str, Any]) -> None:
    """Remember the deck settings of ``options`` (BuildOptions fields)."""
    for key in PREFS:
        settings.setValue(f"deck/{key}", options.get(key) or "")


def restore_geometry(
    window: QMainWindow, settings: QSettings, splitters: Iterable[QSplitter]
) -> None:
    """Give ``window`` and its splitters the size they had last time."""
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    for splitter in splitters:
        state = settings.value(f"window/{splitter.objectName()}")
        if state is not None:
            splitter.restoreState(state)


def save_geometry(window: QMainWindow, settings: QSettings, splitters: Iterable[QSplitter]) -> None:
    """Remember the window's size and its splitters."""
    settings.setValue("window/geometry", window.saveGeometry())
    for splitter in splitters:
        settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
    settings.sync()
