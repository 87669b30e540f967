"""Draw a planned slide with QPainter: a 16:9 card in the deck's colours and font.

One function serves the storyboard thumbnails (``detail=False``: the slide with a kind tag and
marks) and the large preview (``detail=True``). Both draw the real content at its deck size in
the deck's font (:mod:`gui.slidedraw`: bullets, tables, timelines, tiles, cards, quotes, photos,
the chart's own picture), so overflow, empty cards and repeats show before a build; marks add
condensed sections, characters the font lacks, text that overflows and self-check findings.
Geometry and colours come from the core theme; it is close to the deck, not a render of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from briefing.api import theme
from gui.slidedraw import Ink
from gui.slideparts import draw_body, draw_bullets, draw_header
from gui.strings import kind_label, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from briefing.story.plan import Slide

MISSING_INK = "B3261E"


@dataclass(frozen=True)
class Marks:
    """What the storyboard adds to a slide: its chart picture (None: not drawn yet), how many
    sections are condensed into it, the characters on it the font lacks, and what the deck's
    self-check found on it."""

    picture: QImage | None = None
    condensed: int = 0
    missing: str = ""
    findings: tuple[str, ...] = ()  # the deck self-check's findings about this slide


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
#: The title and the box under it on the master's Title Slide, Section Header and Closing.
TITLE_BOXES = {
    "cover": (theme.COVER_TITLE_BOX, theme.COVER_SUBTITLE_BOX),
    "divider": (theme.box(0.9, 2.3, 11.5, 1.5), theme.box(0.9, 4.05, 11.5, 2.2)),
    "closing": (theme.box(0.9, 2.2, 11.5, 1.5), theme.box(0.9, 4.1, 11.5, 0.7)),
}


def colour(hex_rgb: str) -> QColor:
    """A theme colour (``1B3A5C``) as a QColor."""
    return QColor(f"#{hex_rgb}")


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
) -> bool:
    """Draw ``slide`` (the ``number``-th of the deck) into ``rect`` (16:9) with its real
    content; returns whether any of its text overflows its box (marked on the slide)."""
    marks = marks or Marks()
    card = Ink(painter, rect, family, detail)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(rect)
    painter.fillRect(rect, colour(theme.LIGHT))
    if slide.kind in _TITLE_KINDS:
        _draw_title_slide(card, slide)
    else:
        draw_header(card, slide)
        draw_body(card, slide, marks.picture)
        _draw_footer(card, slide, number)
    if not detail:
        _draw_tag(painter, card, slide, number)
    _draw_marks(painter, card, marks, card.overflow)
    painter.setClipping(False)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    alarm = bool(marks.missing or marks.findings or card.overflow)
    edge = colour(MISSING_INK) if alarm else colour(theme.MUTED)
    painter.setPen(QPen(edge, 2 if alarm else 1))
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.restore()
    return card.overflow


def _draw_title_slide(card: Ink, slide: Slide) -> None:
    """Cover and closing: a navy band down the left edge; dividers: a short accent bar (as the
    master's Title Slide and Section Header layouts draw them); the title at its deck size, the
    subtitle and the cover's details under it."""
    rect = card.rect
    if slide.kind == "divider":
        band = QRectF(
            rect.x(), rect.y() + rect.height() * 0.34, rect.width() * 0.026, rect.height() * 0.27
        )
        card.painter.fillRect(band, colour(theme.ACCENTS[0]))
    else:
        band = QRectF(rect.x(), rect.y(), rect.width() * 0.026, rect.height())
        card.painter.fillRect(band, colour(theme.NAVY))
    bottom = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    title_box, lower_box = TITLE_BOXES.get(slide.kind, TITLE_BOXES["cover"])
    size = theme.COVER_TITLE_PT if slide.kind != "divider" else 40
    title = card.box(title_box)
    card.text(title, slide.title, size, theme.NAVY, bold=True, align=bottom, line=1.15)
    if slide.kind == "divider":
        draw_bullets(card, slide.body, 22, card.box(lower_box))
        return
    accent = theme.MUTED if slide.kind == "closing" else theme.ACCENTS[0]
    card.text(card.box(lower_box), slide.subtitle, 24, accent)
    if slide.kind == "cover":
        card.text(card.box(theme.COVER_DETAILS_BOX), "\n".join(b.text for b in slide.body), 20)


def _draw_footer(card: Ink, slide: Slide, number: int) -> None:
    painter = card.painter
    painter.setPen(colour(theme.MUTED))
    painter.setFont(card.font(theme.SOURCE_PT * 0.75))
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    painter.drawText(card.box(theme.FOOTER_BOX), align, slide.source)
    painter.drawText(
        card.box(theme.NUMBER_BOX),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        str(number),
    )


def _draw_tag(painter: QPainter, card: Ink, slide: Slide, number: int) -> None:
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


def _draw_marks(painter: QPainter, card: Ink, marks: Marks, overflow: bool) -> None:
    """Top right: ``+2`` when sections are condensed into the slide, 缺字 when the font lacks
    characters on it, 滿出 when text overflows its box, 待查 with the self-check's findings
    (their words along the bottom of the large preview)."""
    rect = card.rect
    font = QFont(card.family)
    font.setPixelSize(max(9, round(min(rect.height() * 0.1, 16))))
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.3
    right = rect.right() - pad
    if card.detail and marks.findings:
        band = QRectF(rect.left(), rect.bottom() - metrics.height() * 1.4, rect.width(), 0)
        band.setBottom(rect.bottom())
        painter.fillRect(band, QColor(255, 244, 214, 235))
        painter.setPen(colour("8A5300"))
        text = tr("findings_caption", items="；".join(marks.findings))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(band.adjusted(pad, 0, -pad, 0), int(align), text)
    for text, ink in (
        (f"+{marks.condensed}" if marks.condensed else "", theme.ACCENTS[1]),
        (tr("missing_tag") if marks.missing else "", MISSING_INK),
        (tr("overflow_tag") if overflow else "", MISSING_INK),
        (f"{tr('finding_tag')} {len(marks.findings)}" if marks.findings else "", "8A5300"),
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
