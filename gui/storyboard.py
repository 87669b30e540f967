"""The storyboard: thumbnails of the slides a selection will produce, and one slide larger.

:class:`SlideModel` adapts a core :class:`~briefing.story.plan.DeckPlan` (it keeps the plan, and
what the storyboard marks on it: section titles for condensed sections, the characters the font
lacks, chart pictures; thumbnails are painted lazily, cached per slide). :class:`Storyboard` is
a ``QListView`` in icon mode; :class:`SlideDetail` paints the current slide with the deck's
font.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QSizePolicy, QWidget

from gui.painting import Marks, card_rect, draw_slide
from gui.strings import kind_label, tr

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from PySide6.QtGui import QImage, QPaintEvent

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
        self._cache: dict[tuple[Any, ...], tuple[QPixmap, bool]] = {}
        self._names: dict[str, str] = {}
        self._missing: dict[int, str] = {}
        self._findings: dict[int, tuple[str, ...]] = {}
        self._overflow: dict[int, bool] = {}
        #: The chart picture of a chart id (None: not drawn yet); set by the window.
        self.picture: Callable[[str], QImage | None] = lambda _chart_id: None

    @property
    def plan(self) -> DeckPlan | None:
        """The plan shown (None before the first refresh or after an error)."""
        return self._plan

    def set_plan(self, plan: DeckPlan | None) -> None:
        """Show ``plan``'s slides."""
        self.beginResetModel()
        self._plan = plan
        self._overflow = {}
        self.endResetModel()

    def set_names(self, names: Mapping[str, str]) -> None:
        """Section id -> title, for the sections condensed into a slide."""
        self._names = dict(names)

    def set_missing(self, missing: Mapping[int, str]) -> None:
        """Slide number -> the characters on it the font lacks."""
        if dict(missing) != self._missing:
            self._missing = dict(missing)
            self.repaint_all()

    def set_findings(self, findings: Mapping[int, tuple[str, ...]]) -> None:
        """Slide number -> what the deck's self-check found on it (see
        :func:`gui.slidedraw.findings_by_slide`)."""
        if dict(findings) != self._findings:
            self._findings = dict(findings)
            self.repaint_all()

    def findings(self, row: int) -> tuple[str, ...]:
        """The self-check's findings about slide ``row``."""
        return self._findings.get(row + 1, ())

    def overflows(self, row: int) -> bool:
        """Whether text on slide ``row`` overflows its box (known once it is painted)."""
        if row + 1 not in self._overflow and self.slide(row) is not None:
            self.thumbnail(row)
        return self._overflow.get(row + 1, False)

    def marks(self, row: int) -> Marks:
        """What the storyboard marks on slide ``row``."""
        slide = self.slide(row)
        if slide is None:
            return Marks()
        picture = self.picture(slide.chart) if slide.chart else None
        return Marks(
            picture, len(slide.condensed), self._missing.get(row + 1, ""), self.findings(row)
        )

    def condensed_names(self, row: int) -> list[str]:
        """The titles of the sections condensed into slide ``row``."""
        slide = self.slide(row)
        return [self._names.get(s, s) for s in slide.condensed] if slide else []

    def missing(self, row: int) -> str:
        """The characters on slide ``row`` the font lacks."""
        return self._missing.get(row + 1, "")

    def chart_ready(self, chart_id: str) -> None:
        """The picture of ``chart_id`` arrived: repaint its slides."""
        for row in range(self.rowCount()):
            slide = self.slide(row)
            if slide is not None and slide.chart == chart_id:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

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
        marks = self.marks(row)
        drawn = marks.picture is not None
        key = (
            slide,
            row + 1,
            self._family,
            tr("kind_content"),
            drawn,
            marks.condensed,
            marks.missing,
            marks.findings,
        )
        if key not in self._cache:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            pixmap = QPixmap(THUMB * self._ratio)
            pixmap.setDevicePixelRatio(self._ratio)
            pixmap.fill(QColor("transparent"))
            painter = QPainter(pixmap)
            area = QRectF(0, 0, THUMB.width(), THUMB.height())
            over = draw_slide(painter, area, slide, row + 1, self._family, marks=marks)
            painter.end()
            self._cache[key] = (pixmap, over)
        pixmap, self._overflow[row + 1] = self._cache[key]
        return pixmap

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
            return self.describe(index.row())
        if role == KindRole:
            return slide.kind
        if role == SlideRole:
            return slide
        return None

    def describe(self, row: int) -> str:
        """The slide in words: number, kind, title, condensed sections, missing characters."""
        slide = self.slide(row)
        if slide is None:
            return ""
        lines = [f"{row + 1} · {kind_label(slide.kind)} · {slide.title}"]
        names = self.condensed_names(row)
        if names:
            lines.append(tr("condensed_caption", names="、".join(names)))
        if self.missing(row):
            lines.append(tr("missing_caption", chars=" ".join(self.missing(row))))
        if self._overflow.get(row + 1):
            lines.append(tr("overflow_caption"))
        if self.findings(row):
            lines.append(tr("findings_caption", items="；".join(self.findings(row))))
        return "\n".join(lines)


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
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._slide: Slide | None = None
        self._number = 0
        self._family = ""
        self._marks = Marks()

    @property
    def slide(self) -> Slide | None:
        """The slide shown (None: an empty frame)."""
        return self._slide

    def set_slide(self, slide: Slide | None, number: int = 0, marks: Marks | None = None) -> None:
        """Show ``slide``, the ``number``-th of the deck, with its chart picture."""
        self._slide, self._number, self._marks = slide, number, marks or Marks()
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
            draw_slide(
                painter,
                rect,
                self._slide,
                self._number,
                self._family,
                detail=True,
                marks=self._marks,
            )
        painter.end()
