"""The storyboard: thumbnails of the slides a selection will produce, and one slide larger.

:class:`SlideModel` adapts a core :class:`~briefing.story.plan.DeckPlan` (it keeps the plan, nothing
else, and paints thumbnails lazily, cached per slide). :class:`Storyboard` is a ``QListView`` in
icon mode; :class:`SlideDetail` paints the current slide with the deck's font.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QSizePolicy, QWidget

from gui.painting import card_rect, draw_slide
from gui.strings import kind_label, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from briefing.story.plan import DeckPlan, Slide

Index = QModelIndex | QPersistentModelIndex
KindRole = Qt.ItemDataRole.UserRole + 1
SlideRole = Qt.ItemDataRole.UserRole + 2
THUMB = QSize(176, 99)
_CACHE_LIMIT = 600


class SlideModel(QAbstractListModel):
    """The slides of a deck plan: title as text, a painted thumbnail as decoration."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: DeckPlan | None = None
        self._family = ""
        self._ratio = 1.0
        self._cache: dict[tuple[Slide, int, str, str], QPixmap] = {}

    @property
    def plan(self) -> DeckPlan | None:
        """The plan shown (None before the first refresh or after an error)."""
        return self._plan

    def set_plan(self, plan: DeckPlan | None) -> None:
        """Show ``plan``'s slides."""
        self.beginResetModel()
        self._plan = plan
        self.endResetModel()

    def set_font_family(self, family: str, pixel_ratio: float = 1.0) -> None:
        """Paint thumbnails with ``family`` (the deck's font) at ``pixel_ratio``."""
        if (family, pixel_ratio) != (self._family, self._ratio):
            self._family, self._ratio = family, pixel_ratio
            self.repaint_all()

    def repaint_all(self) -> None:
        """Paint every thumbnail again (after a font or interface language change)."""
        self._cache.clear()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0), self.index(self.rowCount() - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def titles(self) -> list[str]:
        """The slide titles, in order."""
        return list(self._plan.titles) if self._plan is not None else []

    def slide(self, row: int) -> Slide | None:
        """The slide at ``row`` (None when out of range)."""
        slides = self._plan.slides if self._plan is not None else ()
        return slides[row] if 0 <= row < len(slides) else None

    def thumbnail(self, row: int) -> QPixmap:
        """The painted thumbnail of slide ``row`` (cached)."""
        slide = self.slide(row)
        assert slide is not None
        key = (slide, row + 1, self._family, tr("kind_content"))
        if key not in self._cache:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            pixmap = QPixmap(THUMB * self._ratio)
            pixmap.setDevicePixelRatio(self._ratio)
            pixmap.fill(QColor("transparent"))
            painter = QPainter(pixmap)
            draw_slide(
                painter, QRectF(0, 0, THUMB.width(), THUMB.height()), slide, row + 1, self._family
            )
            painter.end()
            self._cache[key] = pixmap
        return self._cache[key]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._plan is None else len(self._plan.slides)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slide = self.slide(index.row()) if index.isValid() else None
        if slide is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return slide.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(index.row())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{index.row() + 1} · {kind_label(slide.kind)} · {slide.title}"
        if role == KindRole:
            return slide.kind
        if role == SlideRole:
            return slide
        return None


class Storyboard(QListView):
    """Thumbnails in rows, wrapping to the view's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyboard")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 12, THUMB.height() + 30))
        self.setSpacing(4)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.model_ = SlideModel(self)
        self.setModel(self.model_)

    def titles(self) -> list[str]:
        """The titles of the slides shown."""
        return self.model_.titles()


class SlideDetail(QWidget):
    """One slide, large, drawn with the deck's font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideDetail")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._slide: Slide | None = None
        self._number = 0
        self._family = ""

    @property
    def slide(self) -> Slide | None:
        """The slide shown (None: an empty frame)."""
        return self._slide

    def set_slide(self, slide: Slide | None, number: int = 0) -> None:
        """Show ``slide``, the ``number``-th of the deck."""
        self._slide, self._number = slide, number
        self.setAccessibleDescription(slide.title if slide else "")
        self.update()

    def set_font_family(self, family: str) -> None:
        """Draw with ``family`` (registered with QFontDatabase from the deck's font file)."""
        self._family = family
        self.update()

    def font_family(self) -> str:
        """The family the slide is drawn with."""
        return self._family

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        rect = card_rect(QRectF(self.rect()).adjusted(8, 8, -8, -8))
        if self._slide is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawRect(rect)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), tr("storyboard_empty"))
        else:
            draw_slide(painter, rect, self._slide, self._number, self._family, detail=True)
        painter.end()
