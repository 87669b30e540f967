"""Drawing slide text as the deck sets it: :class:`Ink` maps deck boxes (EMU) and sizes (pt)
onto a card, lays text out in the deck's font with the deck's line spacing, and marks text that
does not fit its box (the parts themselves are in :mod:`gui.slideparts`).

Thumbnails and the large preview draw the same things at two scales. Whether a text fits its
box is measured once at the deck's own size (:func:`overflows`, cached), so a thumbnail marks
overflow as the large preview does. :func:`slide_pictures` reads ``Slide.pictures`` and
:func:`deck_findings` runs ``api.self_check`` and sorts its findings by slide.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from briefing import api
from briefing.api import theme
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.options import BuildOptions
    from briefing.selfcheck import Finding
    from briefing.story.plan import DeckPlan, Slide


EMU_PER_PT = 12700
MEASURE_PX_PER_PT = 4.0  # the scale overflow is measured at (font sizes in whole pixels)
TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
WRAP = Qt.TextFlag.TextWordWrap
OVERFLOW_INK = "B3261E"
EVENT_PT = 22
LINE = 1.25  # line height × size, as the deck sets paragraphs (briefing.deck.text.layout)
GAP = 0.45  # space before a paragraph × size


def colour(hex_rgb: str) -> QColor:
    return QColor(f"#{hex_rgb}")


# -- what the core gives the storyboard ---------------------------------------------------------
def slide_pictures(slide: Slide) -> tuple[tuple[str, str], ...]:
    """The photos on ``slide`` as (path, caption); paths are absolute in the plan."""
    return tuple((p.path, p.caption or "") for p in slide.pictures)


def deck_findings(
    plan: DeckPlan, language: str, options: BuildOptions | None = None
) -> dict[int, tuple[str, ...]]:
    """The deck self-check's findings about ``plan`` (``api.self_check``) by slide, in
    ``language``; none when the check itself fails on bad input."""
    try:
        return findings_by_slide(api.self_check(plan, options), language)
    except BriefingError:
        return {}


def findings_by_slide(findings: Iterable[Finding], language: str) -> dict[int, tuple[str, ...]]:
    """Self-check findings by slide number (1-based), each said in ``language``; those about
    the whole deck (no slide) under 0."""
    out: dict[int, list[str]] = {}
    for finding in findings:
        out.setdefault(finding.slide or 0, []).append(finding.text(language))
    return {n: tuple(texts) for n, texts in out.items()}


@lru_cache(maxsize=64)
def picture_at(path: str) -> QImage:
    """The photo at ``path`` (cached; a null image when it cannot be read)."""
    return QImage(path)


# -- measuring ----------------------------------------------------------------
@lru_cache(maxsize=16384)
def line_count(family: str, text: str, points: float, bold: bool, width: int) -> int:
    """How many lines ``text`` (its ``\\n`` included) takes at ``points`` in a ``width`` EMU
    wide box, laid out at a fixed scale in the deck's font."""
    font = QFont(family)
    font.setPixelSize(max(1, round(points * MEASURE_PX_PER_PT)))
    font.setBold(bold)
    px = width * MEASURE_PX_PER_PT / EMU_PER_PT
    return sum(len(_lines(font, part, px)) for part in text.split("\n"))


def overflows(
    family: str, text: str, points: float, bold: bool, width: int, height: int, line: float = LINE
) -> bool:
    """Whether ``text`` at ``points`` (wrapped, ``line`` × size apart, as the deck sets it)
    needs more than a ``width`` × ``height`` EMU box."""
    if not text:
        return False
    need = line_count(family, text, points, bold, width) * line * points * EMU_PER_PT
    return need > height * 1.02


def _lines(font: QFont, text: str, width: float) -> list[tuple[int, int, float]]:
    """Where ``text`` breaks in ``width`` pixels: (start, length, natural width) per line."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    out = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        out.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    return out or [(0, 0, 0.0)]


class Ink:
    """A painter on one slide card: deck boxes (EMU) and sizes (pt) to the card's pixels; it
    remembers whether any text overflowed its box."""

    def __init__(self, painter: QPainter, rect: QRectF, family: str, detail: bool) -> None:
        self.painter, self.rect, self.family, self.detail = painter, rect, family, detail
        self.scale = rect.width() / theme.SLIDE_WIDTH
        self.overflow = False

    def box(self, emu: tuple[int, int, int, int]) -> QRectF:
        x, y, w, h = emu
        s = self.scale
        return QRectF(self.rect.x() + x * s, self.rect.y() + y * s, w * s, h * s)

    def emu(self, box: QRectF) -> tuple[int, int]:
        return round(box.width() / self.scale), round(box.height() / self.scale)

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        px = points / 72 * theme.EMU_PER_INCH * self.scale
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    def text(
        self,
        box: QRectF,
        text: str,
        points: float,
        ink: str = theme.DARK,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = TOP,
        line: float = LINE,
    ) -> float:
        """Draw ``text`` wrapped in ``box``, its lines ``line`` × size apart as in the deck;
        mark it when it does not fit. Returns the height it takes (pixels)."""
        if not text:
            return 0.0
        font = self.font(points, bold)
        pitch = points * line * EMU_PER_PT * self.scale
        lines = [
            (part[start : start + length], natural)
            for part in text.split("\n")
            for start, length, natural in _lines(font, part, box.width())
        ]
        height = pitch * len(lines)
        y = box.top()
        if align & Qt.AlignmentFlag.AlignBottom:
            y = box.bottom() - height
        elif align & Qt.AlignmentFlag.AlignVCenter:
            y = box.center().y() - height / 2
        painter = self.painter
        painter.setFont(font)
        painter.setPen(colour(ink))
        ascent = QFontMetricsF(font).ascent()
        lead = (pitch - QFontMetricsF(font).height()) / 2
        for shown, natural in lines:
            x = box.left()
            if align & Qt.AlignmentFlag.AlignHCenter:
                x = box.center().x() - natural / 2
            elif align & Qt.AlignmentFlag.AlignRight:
                x = box.right() - natural
            painter.drawText(QPointF(x, y + lead + ascent), shown)
            y += pitch
        if overflows(self.family, text, points, bold, *self.emu(box), line=line):
            self.mark_overflow(box)
        return height

    def mark_overflow(self, box: QRectF) -> None:
        self.overflow = True
        pen = QPen(colour(OVERFLOW_INK), 2 if self.detail else 1, Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(box)

    def fill(self, box: QRectF, hex_rgb: str) -> None:
        self.painter.fillRect(box, colour(hex_rgb))
