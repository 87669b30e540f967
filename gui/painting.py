"""Draw a planned slide with QPainter: a 16:9 card in the deck's colours and font.

One function serves the storyboard thumbnails (``detail=False``: title, kind tag, greyed
bullet lines, the chart picture, marks for condensed sections and missing characters) and the
large preview (``detail=True``: the real text, table rows, the chart picture). Geometry and
colours come from the core theme, so the preview sits where the deck puts things; it is a
sketch, not a render of the .pptx (charts excepted: they are the build's own pictures).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from briefing.api import theme
from gui.strings import kind_label, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from briefing.story.plan import Slide

MISSING_INK = "B3261E"


@dataclass(frozen=True)
class Marks:
    """What the storyboard adds to a slide: its chart picture (None: not drawn yet), how many
    sections are condensed into it, and the characters on it the font lacks."""

    picture: QImage | None = None
    condensed: int = 0
    missing: str = ""


KIND_COLOURS = {
    "cover": theme.NAVY,
    "closing": theme.NAVY,
    "divider": theme.ACCENTS[5],
    "agenda": theme.ACCENTS[1],
    "content": theme.ACCENTS[0],
    "initiative": theme.ACCENTS[2],
    "chart": theme.ACCENTS[3],
    "table": theme.ACCENTS[4],
    "sources": theme.MUTED,
}
_TITLE_KINDS = ("cover", "closing", "divider")


def colour(hex_rgb: str) -> QColor:
    """A theme colour (``1B3A5C``) as a QColor."""
    return QColor(f"#{hex_rgb}")


class _Card:
    """Slide coordinates (EMU) and type sizes (pt) mapped onto a rectangle."""

    def __init__(self, rect: QRectF, family: str, detail: bool) -> None:
        self.rect, self.family, self.detail = rect, family, detail
        self.scale = rect.width() / theme.SLIDE_WIDTH
        self.picture: QImage | None = None

    def box(self, emu: tuple[int, int, int, int]) -> QRectF:
        x, y, w, h = emu
        return QRectF(
            self.rect.x() + x * self.scale,
            self.rect.y() + y * self.scale,
            w * self.scale,
            h * self.scale,
        )

    def font(self, points: float, bold: bool = False, minimum: float = 0.0) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(
            max(1, round(max(points / 72 * theme.EMU_PER_INCH * self.scale, minimum)))
        )
        font.setBold(bold)
        return font


def card_rect(area: QRectF) -> QRectF:
    """The largest 16:9 rectangle centred in ``area``."""
    ratio = theme.SLIDE_WIDTH / theme.SLIDE_HEIGHT
    width = min(area.width(), area.height() * ratio)
    height = width / ratio
    return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)


def draw_slide(
    painter: QPainter,
    rect: QRectF,
    slide: Slide,
    number: int,
    family: str,
    *,
    detail: bool = False,
    marks: Marks | None = None,
) -> None:
    """Draw ``slide`` (the ``number``-th of the deck) into ``rect`` (16:9)."""
    marks = marks or Marks()
    card = _Card(rect, family, detail)
    card.picture = marks.picture
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(rect)
    painter.fillRect(rect, colour(theme.LIGHT))
    if slide.kind in _TITLE_KINDS:
        _draw_title_slide(painter, card, slide)
    else:
        _draw_body_slide(painter, card, slide)
        _draw_footer(painter, card, slide, number)
    if not detail:
        _draw_tag(painter, card, slide, number)
        _draw_marks(painter, card, marks)
    painter.setClipping(False)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    edge = colour(MISSING_INK) if marks.missing else colour(theme.MUTED)
    painter.setPen(QPen(edge, 2 if marks.missing else 1))
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.restore()


def _draw_title_slide(painter: QPainter, card: _Card, slide: Slide) -> None:
    """Cover and closing: a navy band down the left edge; dividers: a short accent bar (as the
    master's Title Slide and Section Header layouts draw them)."""
    rect = card.rect
    if slide.kind == "divider":
        band = QRectF(
            rect.x(), rect.y() + rect.height() * 0.34, rect.width() * 0.026, rect.height() * 0.27
        )
        painter.fillRect(band, colour(theme.ACCENTS[0]))
    else:
        band = QRectF(rect.x(), rect.y(), rect.width() * 0.026, rect.height())
        painter.fillRect(band, colour(theme.NAVY))
    ink = colour(theme.NAVY)
    title_box = QRectF(
        rect.x() + rect.width() * 0.08,
        rect.y() + rect.height() * 0.28,
        rect.width() * 0.84,
        rect.height() * 0.3,
    )
    painter.setPen(ink)
    painter.setFont(card.font(40, bold=True, minimum=0 if card.detail else 11))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    painter.drawText(title_box, int(flags), slide.title)
    lines = [slide.subtitle, *(b.text for b in slide.body)]
    lines = [line for line in lines if line]
    below = QRectF(
        title_box.x(),
        title_box.bottom() + rect.height() * 0.05,
        title_box.width(),
        rect.height() * 0.3,
    )
    painter.fillRect(
        QRectF(
            below.x(),
            below.y() - rect.height() * 0.025,
            rect.width() * 0.12,
            max(1.0, rect.height() * 0.008),
        ),
        colour(theme.ACCENTS[0]),
    )
    if card.detail:
        painter.setFont(card.font(20))
        painter.setPen(colour(theme.DARK))
        painter.drawText(
            below, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), "\n".join(lines)
        )
    else:
        _draw_bars(painter, below, len(lines), colour(theme.MUTED), 0.55)


def _draw_body_slide(painter: QPainter, card: _Card, slide: Slide) -> None:
    title_box = card.box(theme.TITLE_BOX)
    painter.setPen(colour(theme.NAVY))
    font = card.font(28, bold=True, minimum=0 if card.detail else 10)
    painter.setFont(font)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if card.detail:
        painter.drawText(title_box, int(align | Qt.TextFlag.TextWordWrap), slide.title)
    else:  # one line in a thumbnail
        title = QFontMetricsF(font).elidedText(
            slide.title, Qt.TextElideMode.ElideRight, title_box.width()
        )
        painter.drawText(title_box, int(align), title)
    rule = QRectF(
        title_box.x(),
        title_box.bottom() + card.rect.height() * 0.005,
        title_box.width(),
        max(1.0, card.rect.height() * 0.006),
    )
    painter.fillRect(rule, colour(theme.ACCENTS[0]))
    if slide.table is not None:
        _draw_table(painter, card, slide)
    elif slide.chart is not None:
        _draw_chart(painter, card.box(theme.VISUAL_BOX), card)
    elif card.detail:
        _draw_bullets(painter, card, slide)
    else:
        body = card.box(theme.BODY_BOX)
        lengths = [min(1.0, 0.25 + len(b.text) / 60) for b in slide.body]
        _draw_bars(
            painter,
            body,
            len(slide.body),
            colour(theme.MUTED),
            lengths,
            [b.level for b in slide.body],
        )


def _draw_bullets(painter: QPainter, card: _Card, slide: Slide) -> None:
    body = card.box(theme.BODY_BOX)
    y = body.top()
    for bullet in slide.body:
        font = card.font(20 if bullet.level == 0 else 18)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        indent = body.width() * 0.035 * (bullet.level + 1)
        text_box = QRectF(body.left() + indent, y, body.width() - indent, body.bottom() - y)
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        used = metrics.boundingRect(text_box, wrap, bullet.text)
        painter.setPen(colour(theme.ACCENTS[0] if bullet.level == 0 else theme.MUTED))
        painter.drawText(
            QPointF(body.left() + indent - metrics.horizontalAdvance("• "), y + metrics.ascent()),
            "•" if bullet.level == 0 else "–",
        )
        painter.setPen(colour(theme.DARK))
        painter.drawText(text_box, wrap, bullet.text)
        y += used.height() + metrics.height() * 0.35
        if y > body.bottom():
            break


def _draw_table(painter: QPainter, card: _Card, slide: Slide) -> None:
    table = slide.table
    assert table is not None
    box = card.box(theme.VISUAL_BOX)
    rows = [table.header, *table.rows]
    height = min(box.height() / max(len(rows), 1), card.rect.height() * 0.075)
    widths = table.widths or tuple(1 / len(table.header) for _ in table.header)
    painter.setFont(card.font(14))
    for r, row in enumerate(rows):
        y = box.top() + r * height
        fill = theme.NAVY if r == 0 else (theme.PAPER if r % 2 else theme.LIGHT)
        painter.fillRect(QRectF(box.left(), y, box.width(), height), colour(fill))
        x = box.left()
        for c, cell in enumerate(row):
            w = box.width() * (widths[c] if c < len(widths) else 0)
            if card.detail:
                painter.setPen(colour(theme.LIGHT if r == 0 else theme.DARK))
                painter.drawText(
                    QRectF(x + 4, y, w - 8, height),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    cell,
                )
            else:
                _draw_bars(
                    painter,
                    QRectF(x + 2, y + height * 0.3, w - 4, height * 0.4),
                    1,
                    colour(theme.PAPER if r == 0 else theme.MUTED),
                    0.7,
                )
            x += w


def _draw_chart(painter: QPainter, box: QRectF, card: _Card) -> None:
    """The chart's own picture, fitted into the visual box; a quiet frame until it is drawn."""
    picture = card.picture
    if picture is None or picture.isNull():
        painter.fillRect(box, colour(theme.PAPER))
        if card.detail:
            painter.setPen(colour(theme.MUTED))
            painter.setFont(card.font(16))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), tr("chart_loading"))
        return
    size = picture.size().toSizeF().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(0, 0, size.width(), size.height())
    target.moveCenter(box.center())
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, picture)


def _draw_footer(painter: QPainter, card: _Card, slide: Slide, number: int) -> None:
    if not card.detail:
        return
    painter.setPen(colour(theme.MUTED))
    painter.setFont(card.font(12))
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    painter.drawText(card.box(theme.FOOTER_BOX), align, slide.source)
    painter.drawText(
        card.box(theme.NUMBER_BOX),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        str(number),
    )


def _draw_tag(painter: QPainter, card: _Card, slide: Slide, number: int) -> None:
    """The slide number and a coloured kind tag in the thumbnail's bottom corners."""
    rect = card.rect
    font = QFont(card.family)
    font.setPixelSize(max(9, round(rect.height() * 0.1)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    text = kind_label(slide.kind)
    pad = metrics.height() * 0.3
    tag = QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad * 0.6)
    tag.moveBottomRight(QPointF(rect.right() - pad, rect.bottom() - pad))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(KIND_COLOURS.get(slide.kind, theme.MUTED)))
    painter.drawRoundedRect(tag, pad, pad)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QColor("white"))
    painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.setPen(colour(theme.MUTED))
    painter.drawText(
        QRectF(rect.left() + pad, tag.top(), tag.width() * 2, tag.height()),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        str(number),
    )


def _draw_marks(painter: QPainter, card: _Card, marks: Marks) -> None:
    """Top right of a thumbnail: ``+2`` when sections are condensed into the slide, and
    缺字 when the font lacks characters on it."""
    rect = card.rect
    font = QFont(card.family)
    font.setPixelSize(max(9, round(rect.height() * 0.1)))
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.3
    right = rect.right() - pad
    for text, ink in (
        (f"+{marks.condensed}" if marks.condensed else "", theme.ACCENTS[1]),
        (tr("missing_tag") if marks.missing else "", MISSING_INK),
    ):
        if not text:
            continue
        tag = QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * pad, metrics.height())
        tag.moveTopRight(QPointF(right, rect.top() + pad))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(ink))
        painter.drawRoundedRect(tag, pad, pad)
        painter.setPen(QColor("white"))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
        right = tag.left() - pad
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw_bars(
    painter: QPainter,
    box: QRectF,
    count: int,
    ink: QColor,
    lengths: float | list[float],
    levels: list[int] | None = None,
) -> None:
    """Greyed text lines: ``count`` bars down ``box`` (thumbnails)."""
    if count <= 0:
        return
    shown = min(count, 6)
    pitch = min(box.height() / shown, box.height() * 0.16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    for n in range(shown):
        length = lengths[n] if isinstance(lengths, list) else lengths
        indent = box.width() * 0.05 * (levels[n] if levels else 0)
        bar = QRectF(
            box.left() + indent,
            box.top() + n * pitch + pitch * 0.3,
            (box.width() - indent) * length,
            max(1.0, pitch * 0.38),
        )
        painter.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
