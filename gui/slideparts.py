"""The parts of a body slide, drawn with their real content by :class:`gui.slidedraw.Ink`:
the header (kicker, title, subtitle), bullets and columns at the planner's type size, key-figure
tiles, cards (key points, recommendations), timelines, quotes, tables, charts and photos, each
in the deck writer's boxes (``briefing.api.theme``; see ``briefing/deck/builder.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPen

from briefing.api import card_grid, theme
from gui.slidedraw import (
    EMU_PER_PT,
    EVENT_PT,
    GAP,
    LINE,
    Ink,
    colour,
    line_count,
    picture_at,
    slide_pictures,
)

if TYPE_CHECKING:
    from briefing.story.plan import Bullet, Slide


# -- the slide body ----------------------------------------------------------------
def draw_header(ink: Ink, slide: Slide) -> None:
    """Kicker, title (wrapping to its lines), subtitle and the rule under them."""
    if slide.kicker and slide.typeset.title_lines == 1:
        ink.text(ink.box(theme.KICKER_BOX), slide.kicker, theme.KICKER_PT, theme.MUTED)
    x, y, w, h = theme.TITLE_BOX
    lines = max(1, slide.typeset.title_lines)
    title = ink.box((x, y, w, h * lines))
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    ink.text(title, slide.title, theme.TITLE_PT, theme.NAVY, bold=True, align=align, line=1.15)
    if slide.subtitle:
        ink.text(ink.box(theme.SUBTITLE_BOX), slide.subtitle, theme.SUBTITLE_PT, theme.ACCENTS[0])
    ink.fill(ink.box(theme.RULE_BOX), theme.ACCENTS[0])


def draw_body(ink: Ink, slide: Slide, picture: QImage | None) -> None:
    """Everything under the header, as the deck writer lays it out for ``slide.kind``."""
    kind, ts = slide.kind, slide.typeset
    pictures = slide_pictures(slide)
    if kind in ("figures", "overview"):
        draw_tiles(ink, slide)
        if slide.body:
            draw_bullets(ink, slide.body, ts.body, ink.box(theme.UNDER_FIGURES_BOX))
    elif kind in ("points", "recommendations"):
        draw_cards(ink, slide, ink.box(theme.BODY_BOX))
    elif kind == "timeline":
        draw_timeline(ink, slide)
    elif kind == "quote":
        draw_quote(ink, slide)
    elif slide.table is not None:
        box = theme.VISUAL_BOX
        if slide.body and kind in ("comparison", "table"):
            ink.text(ink.box(theme.LEAD_BOX), slide.body[0].text, theme.BODY_MIN_PT, theme.NAVY)
            box = theme.UNDER_LEAD_BOX
        draw_table(ink, slide, ink.box(box))
    elif kind in ("columns", "initiative"):
        draw_bullets(ink, slide.body, ts.body, ink.box(theme.LEFT_BOX))
        right = ink.box(theme.RIGHT_BOX)
        if slide.chart is not None:
            draw_picture(ink, right, picture)
        elif pictures:
            draw_photos(ink, right, pictures)
        else:
            draw_bullets(ink, slide.right, ts.right, right)
    elif slide.chart is not None:
        draw_picture(ink, ink.box(theme.VISUAL_BOX), picture)
    elif pictures:
        draw_photos(ink, ink.box(theme.VISUAL_BOX), pictures)
    else:
        draw_bullets(ink, slide.body, ts.body, ink.box(theme.BODY_BOX), kind != "agenda")
    if slide.cards and kind not in ("points", "recommendations"):
        draw_cards(ink, slide, ink.box(theme.UNDER_FIGURES_BOX))


def draw_bullets(
    ink: Ink, bullets: tuple[Bullet, ...], points: float, box: QRectF, marks: bool = True
) -> None:
    """Paragraphs down ``box`` at ``points`` (sub-bullets smaller, headings bold), spaced as
    the deck spaces them; the box is marked when they need more than its height."""
    painter = ink.painter
    y = box.top()
    need = 0.0  # in EMU at the deck's size
    for n, bullet in enumerate(bullets):
        size = points if bullet.level == 0 else max(theme.MIN_PT, points - 2)
        gap = 0.0 if n == 0 else GAP * size * EMU_PER_PT
        y += gap * ink.scale
        indent = (
            size * EMU_PER_PT * 1.1 * (bullet.level + (0 if bullet.heading or not marks else 1))
        )
        line = QRectF(box.left() + indent * ink.scale, y, box.width() - indent * ink.scale, 1e5)
        if marks and not bullet.heading:
            painter.setFont(ink.font(size))
            painter.setPen(colour(theme.ACCENTS[0] if bullet.level == 0 else theme.MUTED))
            ascent = QFontMetricsF(ink.font(size)).ascent()
            painter.drawText(
                QPointF(line.left() - size * EMU_PER_PT * 1.0 * ink.scale, y + ascent),
                "•" if bullet.level == 0 else "–",
            )
        ink_colour = theme.NAVY if bullet.heading else theme.DARK
        y += ink.text(line, bullet.text, size, ink_colour, bold=bullet.heading, line=LINE)
        width = round(line.width() / ink.scale)
        lines = line_count(ink.family, bullet.text, size, bullet.heading, width)
        need += gap + lines * LINE * size * EMU_PER_PT
    if need > ink.emu(box)[1] * 1.02:
        ink.mark_overflow(box)


def draw_tiles(ink: Ink, slide: Slide) -> None:
    """Key figures: a tile each, the number large in an accent colour, the label under it."""
    tiles = slide.key_figures
    box = ink.box(theme.FIGURES_BOX if slide.body else theme.BODY_BOX)
    gap = theme.GAP * theme.EMU_PER_INCH * ink.scale
    n = max(len(tiles), 1)
    cell = (box.width() - (n - 1) * gap) / n
    size = slide.typeset.figure
    for i, tile in enumerate(tiles):
        accent = theme.ACCENTS[i % 3]
        rect = QRectF(box.left() + i * (cell + gap), box.top(), cell, box.height())
        ink.fill(rect, theme.PAPER)
        ink.fill(
            QRectF(
                rect.left(),
                rect.top(),
                rect.width(),
                max(1.0, 0.08 * theme.EMU_PER_INCH * ink.scale),
            ),
            accent,
        )
        pad = 0.15 * theme.EMU_PER_INCH * ink.scale
        inner = rect.adjusted(pad, pad, -pad, -pad)
        number = f"{tile.qualifier}{tile.value}{tile.unit}"
        top = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.55)
        ink.text(
            top,
            number,
            size,
            accent,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
        )
        below = QRectF(inner.left(), top.bottom(), inner.width(), inner.height() * 0.45)
        label = tile.label + (f"\n{tile.note}" if tile.note else "")
        ink.text(
            below,
            label,
            18,
            theme.DARK,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        )


def draw_cards(ink: Ink, slide: Slide, box: QRectF) -> None:
    """Cards in the planner's grid: number and heading bold, text, tag; an empty card shows
    as an empty box."""
    cards = slide.cards
    columns, rows = card_grid(len(cards))
    if slide.typeset.columns:
        columns, rows = slide.typeset.columns, -(-len(cards) // slide.typeset.columns)
    gap = theme.GAP * theme.EMU_PER_INCH * ink.scale
    cell_w = (box.width() - (columns - 1) * gap) / columns
    cell_h = (box.height() - (rows - 1) * gap) / max(rows, 1)
    size = slide.typeset.cards
    pad = 0.15 * theme.EMU_PER_INCH * ink.scale
    for i, card in enumerate(cards):
        rect = QRectF(
            box.left() + (i % columns) * (cell_w + gap),
            box.top() + (i // columns) * (cell_h + gap),
            cell_w,
            cell_h,
        )
        ink.fill(rect, theme.PAPER)
        ink.fill(
            QRectF(
                rect.left(),
                rect.top(),
                max(1.0, 0.08 * theme.EMU_PER_INCH * ink.scale),
                rect.height(),
            ),
            theme.ACCENTS[0],
        )
        inner = rect.adjusted(pad + 0.08 * theme.EMU_PER_INCH * ink.scale, pad, -pad, -pad)
        heading = f"{card.number}　{card.heading}" if card.number else card.heading
        head_h = ink.text(inner, heading, size * 1.1, theme.NAVY, bold=True)
        text = "\n".join(p for p in (card.text, card.tag) if p)
        if not text:
            continue
        rest = QRectF(inner)
        rest.setTop(inner.top() + head_h + GAP * size * EMU_PER_PT * ink.scale)
        if rest.height() <= 0:
            ink.mark_overflow(rect)
        else:
            ink.text(rest, text, size)


def draw_timeline(ink: Ink, slide: Slide) -> None:
    """A line across the body, a dot per event, its date above and title below."""
    box = ink.box(theme.BODY_BOX)
    events = slide.events
    n = max(len(events), 1)
    line_y = box.top() + box.height() * 0.38
    painter = ink.painter
    painter.setPen(QPen(colour(theme.ACCENTS[0]), max(1.0, 3 * EMU_PER_PT * ink.scale)))
    painter.drawLine(box.left(), line_y, box.right(), line_y)
    step = box.width() / n
    inch = theme.EMU_PER_INCH * ink.scale
    for i, event in enumerate(events):
        x = box.left() + step * i
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(theme.ACCENTS[0]))
        painter.drawEllipse(QRectF(x + 0.1 * inch, line_y - 0.14 * inch, 0.28 * inch, 0.28 * inch))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        date = QRectF(x, box.top(), step - 0.2 * inch, line_y - box.top() - 0.2 * inch)
        ink.text(
            date,
            event.when,
            22,
            theme.NAVY,
            bold=True,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        )
        below = QRectF(
            x, line_y + 0.3 * inch, step - 0.25 * inch, box.bottom() - line_y - 0.3 * inch
        )
        text = event.title + (f"\n{event.detail}" if event.detail else "")
        ink.text(below, text, EVENT_PT)


def draw_quote(ink: Ink, slide: Slide) -> None:
    """The quote mark, the quote at the body size, and who said it."""
    if slide.quote is None:
        return
    ink.text(ink.box(theme.box(0.75, 1.85, 1.0, 1.2)), "「", 72, theme.ACCENTS[0], line=1.0)
    ink.text(ink.box(theme.QUOTE_BOX), slide.quote.text, slide.typeset.body, theme.NAVY)
    if slide.quote.by:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        ink.text(
            ink.box(theme.ATTRIBUTION_BOX), f"—— {slide.quote.by}", 20, theme.MUTED, align=right
        )


def draw_table(ink: Ink, slide: Slide, box: QRectF) -> None:
    """Header row navy, body rows banded, each cell's text at the planner's table size."""
    table = slide.table
    assert table is not None
    rows = [table.header, *table.rows]
    size = slide.typeset.table
    heights = list(slide.typeset.rows) if len(slide.typeset.rows) == len(rows) else []
    default = size * 2.0
    widths = table.widths or tuple(1 / len(table.header) for _ in table.header)
    y = box.top()
    pad = 0.08 * theme.EMU_PER_INCH * ink.scale
    for r, row in enumerate(rows):
        height = (heights[r] if heights else default) * EMU_PER_PT * ink.scale
        ink.fill(
            QRectF(box.left(), y, box.width(), height),
            theme.NAVY if r == 0 else (theme.PAPER if r % 2 else theme.LIGHT),
        )
        x = box.left()
        for c, cell in enumerate(row):
            w = box.width() * (widths[c] if c < len(widths) else 0)
            ink.text(
                QRectF(x + pad, y, max(0.0, w - 2 * pad), height),
                cell,
                size,
                theme.LIGHT if r == 0 else theme.DARK,
                bold=r == 0,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            )
            x += w
        y += height
    if y > box.bottom() + 1:
        ink.mark_overflow(box)


def draw_picture(ink: Ink, box: QRectF, picture: QImage | None, label: str = "") -> None:
    """A chart's (or photo's) picture fitted into ``box``; a quiet panel until it is drawn."""
    if picture is None or picture.isNull():
        ink.fill(box, theme.PAPER)
        if label and ink.detail:
            ink.text(box, label, 16, theme.MUTED, align=Qt.AlignmentFlag.AlignCenter)
        return
    size = picture.size().toSizeF().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(0, 0, size.width(), size.height())
    target.moveCenter(box.center())
    ink.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    ink.painter.drawImage(target, picture)


def draw_photos(ink: Ink, box: QRectF, pictures: tuple[tuple[str, str], ...]) -> None:
    """Photos side by side, each with its caption under it."""
    n = len(pictures)
    gap = theme.GAP * theme.EMU_PER_INCH * ink.scale
    cell = (box.width() - (n - 1) * gap) / n
    caption_h = 0.5 * theme.EMU_PER_INCH * ink.scale
    for i, (path, caption) in enumerate(pictures):
        rect = QRectF(box.left() + i * (cell + gap), box.top(), cell, box.height() - caption_h)
        draw_picture(ink, rect, picture_at(path), path)
        under = QRectF(rect.left(), rect.bottom(), cell, caption_h)
        ink.text(
            under,
            caption,
            theme.MIN_PT,
            theme.MUTED,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        )
