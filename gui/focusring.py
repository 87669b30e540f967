"""A focus ring that can be seen: a 2-pixel outline in the theme's accent colour around the
widget that has the keyboard focus, whatever the platform style draws (Fusion's own hint is a
faint tint). One transparent overlay per window follows the focus and the focused widget's
moves; it never takes mouse clicks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

RING = QColor("#1565C0")
WIDTH = 2


class FocusRing(QWidget):
    """Draws the ring over ``window``'s focused child."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def target(self) -> QWidget | None:
        """The widget the ring is drawn around (None: hidden)."""
        return self._target

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            widget.removeEventFilter(self)
        inside = new is not None and new is not self and self._window.isAncestorOf(new)
        self._target = new if inside else None
        self._watched = []
        widget = self._target
        while widget is not None and widget is not self._window:  # it moves when they do
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched in self._watched and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self.follow()
        return False

    def follow(self) -> None:
        """Put the ring around the focused widget's visible part (or hide it)."""
        target = self._target
        if target is None or not target.isVisible():
            self.hide()
            return
        shown = self._visible_rect(target)
        if shown.isEmpty():
            self.hide()
            return
        self.setGeometry(shown.adjusted(-WIDTH - 1, -WIDTH - 1, WIDTH + 1, WIDTH + 1))
        self.raise_()
        self.show()
        self.update()

    def _visible_rect(self, target: QWidget) -> QRect:
        """``target``'s rectangle in window coordinates, cut to the scroll areas around it."""
        top_left = target.mapTo(self._window, QPoint(0, 0))
        rect = QRect(top_left, target.size())
        parent = target.parentWidget()
        while parent is not None and parent is not self._window:
            if isinstance(parent, QAbstractScrollArea):
                view = parent.viewport()
                rect &= QRect(view.mapTo(self._window, QPoint(0, 0)), view.size())
            parent = parent.parentWidget()
        return rect

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(RING, WIDTH))
        inset = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(inset, inset, -inset, -inset), 3, 3)
        painter.end()
