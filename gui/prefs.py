"""What the app remembers between runs (QSettings, organisation and application "briefing"):
window geometry and splitters, the interface language, recent recipes, and the deck settings
a user tends to keep (length, language, chart style, date style, font). The presenter is not
remembered: a name left over from another briefing must never reach a cover unseen.

Also where decks go by default (the user's Documents folder, ``briefing`` inside it) and how
a window is kept on a screen that exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication

from gui.settings_panel import CHART_STYLES, DATE_STYLES, DECK_LANGUAGES, LENGTHS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

PREFS = ("length", "language", "chart_style", "date_style", "font")
CHOICES = {
    "length": LENGTHS,
    "language": DECK_LANGUAGES,
    "chart_style": CHART_STYLES,
    "date_style": DATE_STYLES,
}
DEFAULT_SIZE = (1440, 900)
#: The smallest window (logical pixels): fits a 1600x1000 screen at 200 % scaling.
MIN_SIZE = (760, 440)
FRAME = (8, 36)  # a window manager's frame, assumed until the window is shown


def default_output_folder() -> Path:
    """``Documents/briefing`` in the user's home (where decks and recipes go by default)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "briefing"


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
    """Give ``window`` and its splitters the size and place they had last time, inside a
    screen that is there now (a window saved on a second monitor comes back on this one).

    The place is the window's own rectangle (``normalGeometry``, frame excluded), set back
    as it was: a frame-based geometry moves the window down by its title bar on every launch
    under some X11 window managers until the status bar leaves the screen."""
    rect = settings.value("window/rect")
    if isinstance(rect, QRect) and rect.isValid():
        window.setGeometry(inside_screen(rect, window))
        if settings.value("window/maximized") in (True, "true"):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        geometry = settings.value("window/geometry")  # as older versions saved it
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(*DEFAULT_SIZE)
    for splitter in splitters:
        state = settings.value(f"window/{splitter.objectName()}")
        if state is not None:
            splitter.restoreState(state)
    fit_to_screen(window)


def inside_screen(rect: QRect, window: QMainWindow) -> QRect:
    """``rect`` (a window's own area) moved and shrunk so that it, with room for a frame,
    lies on the screen nearest to it."""
    screen = QGuiApplication.screenAt(rect.center()) or window.screen()
    if screen is None:
        return rect
    area = screen.availableGeometry()
    width = max(min(rect.width(), area.width() - FRAME[0]), window.minimumWidth())
    height = max(min(rect.height(), area.height() - FRAME[1]), window.minimumHeight())
    left = min(max(rect.left(), area.left() + FRAME[0] // 2), area.right() - width - FRAME[0] // 2)
    top = min(max(rect.top(), area.top() + FRAME[1]), area.bottom() - height - FRAME[0] // 2)
    return QRect(max(left, area.left()), max(top, area.top()), width, height)


def fit_to_screen(window: QMainWindow) -> None:
    """Shrink and move ``window`` so that all of it, frame included, is on one screen. The
    frame counts as at least :data:`FRAME` (a window manager may not have told Qt its size
    yet, just after the window is shown); call it again once it has."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), FRAME[0])
    extra_h = max(frame.height() - window.height(), FRAME[1])
    width = max(min(window.width(), area.width() - extra_w), window.minimumWidth())
    height = max(min(window.height(), area.height() - extra_h), window.minimumHeight())
    window.resize(width, height)
    left = min(max(frame.left(), area.left()), area.right() - (width + extra_w) + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - (height + extra_h) + 1)
    target = QPoint(max(left, area.left()), max(top, area.top()))
    if target != frame.topLeft():
        window.move(target)


def save_geometry(window: QMainWindow, settings: QSettings, splitters: Iterable[QSplitter]) -> None:
    """Remember the window's own rectangle (frame excluded), whether it is maximised, and its
    splitters."""
    settings.setValue("window/rect", window.normalGeometry())
    settings.setValue("window/maximized", window.isMaximized())
    settings.setValue("window/geometry", window.saveGeometry())
    for splitter in splitters:
        settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
    settings.sync()
