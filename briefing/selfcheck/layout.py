"""Does every piece of text fit the box the deck writer draws it in? Measured with the same
setter (the embedded font's widths, :mod:`briefing.story.measure`) and the same boxes
(:mod:`briefing.theme`) the planner and the writer use, so a finding here is a box that would
overflow on the slide, and no finding means the planner's own measure holds everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing import theme
from briefing.selfcheck.finding import Finding
from briefing.story import measure
from briefing.story.itinerary import stop_problems
from briefing.story.plan import Bullet
from briefing.story.typeset import LINE, SAFETY, TABLE_SAFETY, autospace, grid, pt

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.story.plan import Slide
    from briefing.story.typeset import Setter

BIG_TITLES = ("cover", "closing", "divider")
BODY_BOXES = {
    "overview": theme.UNDER_FIGURES_BOX,
    "figures": theme.UNDER_FIGURES_BOX,
    "columns": theme.LEFT_BOX,
    "initiative": theme.LEFT_BOX,
}
LEAD_FIRST = ("comparison", "table")  # their body is one lead line above the table


def layout_findings(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    """Every box of slide ``n`` whose text does not fit, and shapes over title or source."""
    if slide.kind in BIG_TITLES:
        return
    yield from _header(n, slide, setter)
    yield from _body(n, slide, setter)
    if slide.cards:
        yield from _cards(n, slide, setter)
    if slide.table is not None:
        yield from _table(n, slide, setter)
    if slide.key_figures:
        yield from _tiles(n, slide, setter)
    if slide.events:
        for stop in stop_problems(slide.events, setter):
            event = slide.events[stop]
            yield Finding(n, "label-collision", f"{event.when} {event.title}".strip())


def _header(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    ts = slide.typeset
    lines = setter.paragraph(slide.title, theme.TITLE_PT, pt(theme.TITLE_BOX[2]), bold=True).lines
    if len(lines) > 2 or (ts.title_lines == 1 and not setter.title_fits(slide.title)):
        yield Finding(n, "overflow", slide.title)
    if len(lines) > 1 and slide.subtitle:
        yield Finding(n, "over-title", slide.subtitle)
    checks = (
        (slide.subtitle, theme.SUBTITLE_PT, theme.SUBTITLE_BOX),
        (slide.kicker if ts.title_lines == 1 else "", theme.KICKER_PT, theme.KICKER_BOX),
        (slide.source, theme.SOURCE_PT, theme.FOOTER_BOX),
    )
    for text, size, box in checks:
        if text and not setter.line_fits(text, size, box[2]):
            yield Finding(n, "overflow", text)


def _body(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    ts = slide.typeset
    if slide.body and slide.kind in LEAD_FIRST:
        lead = slide.body[0].text
        if len(slide.body) > 1 or not setter.line_fits(lead, theme.BODY_MIN_PT, theme.LEAD_BOX[2]):
            yield Finding(n, "overflow", lead)
    elif slide.body:
        box = BODY_BOXES.get(slide.kind, theme.BODY_BOX)
        if not setter.block(slide.body, box, ts.body).fits:
            yield Finding(n, "overflow", _first(slide.body))
    if slide.right and not setter.block(slide.right, theme.RIGHT_BOX, ts.right).fits:
        yield Finding(n, "overflow", _first(slide.right))
    if slide.quote is not None:
        if not setter.block([Bullet(slide.quote.text)], theme.QUOTE_BOX, ts.body).fits:
            yield Finding(n, "overflow", slide.quote.text[:20])
        by = slide.quote.by
        if by and not setter.line_fits(by, theme.MIN_PT, theme.ATTRIBUTION_BOX[2]):
            yield Finding(n, "overflow", by)


def _cards(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    ts = slide.typeset
    columns, rows = grid(len(slide.cards))
    if ts.columns:
        columns, rows = ts.columns, -(-len(slide.cards) // ts.columns)
    left, top, width, height = theme.BODY_BOX
    pad = 2 * 0.16 * 72
    cell_w = (pt(width) - (columns - 1) * theme.GAP * 72) / columns - pad
    cell_h = (pt(height) - (rows - 1) * theme.GAP * 72) / rows - pad
    for card in slide.cards:
        if setter._card_height(card, ts.cards, cell_w) > cell_h * SAFETY:
            yield Finding(n, "overflow", card.heading)


def _table(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    table = slide.table
    assert table is not None
    ts = slide.typeset
    box = theme.UNDER_LEAD_BOX if slide.body else theme.VISUAL_BOX
    heights = ts.rows or setter.row_heights(table, box, ts.table)
    needed = sum(heights)
    room = pt(box[3])
    if needed > room:  # the writer keeps each row's height: the table runs down past its box
        yield Finding(n, "over-source", f"{len(table.rows)} rows")
    elif needed > room * TABLE_SAFETY:
        yield Finding(n, "overflow", f"{len(table.rows)} rows")
    widths = table.widths or setter.column_widths(table, ts.table, box)
    for row in (table.header, *table.rows):
        for cell, share in zip(row, widths, strict=False):
            room_pt = pt(box[2]) * share - 2 * 0.06 * 72
            widest = max(
                (measure.extent(p, setter.regular)[1] for p in cell.split("\n")), default=0.0
            )
            if widest * ts.table > room_pt:
                yield Finding(n, "overflow", cell)


def _tiles(n: int, slide: Slide, setter: Setter) -> Iterator[Finding]:
    tiles = slide.key_figures
    box = theme.FIGURES_BOX if slide.body else theme.BODY_BOX
    count = len(tiles)
    width = (pt(box[2]) - (count - 1) * theme.GAP * 72) / count - 2 * 0.16 * 72
    size = slide.typeset.figure
    for tile in tiles:
        number = (
            setter.bold.width(tile.value)
            + autospace(tile.value)
            + setter.bold.width(tile.qualifier + tile.unit) * 0.5
        ) * size
        label = len(setter.paragraph(tile.label, 18, width).lines) * 18 * LINE
        note = len(setter.paragraph(tile.note, 16, width).lines) * 16 * LINE if tile.note else 0
        if number > width or size * 1.1 + label + note > pt(box[3]):
            yield Finding(n, "overflow", f"{tile.qualifier}{tile.value}{tile.unit}")


def _first(bullets: tuple[Bullet, ...]) -> str:
    return bullets[0].text if bullets else ""
