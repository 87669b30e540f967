"""The trip's itinerary on slides: a timeline when it fits, otherwise a paged table or a
day-by-day summary, shown once, with the section the report prints it in.

The timeline's geometry lives here (the deck writer draws from :func:`timeline_boxes`, the
self-check measures the same boxes), so a label that would wrap past its box or run into its
neighbour is known before anything is drawn. A timeline holds at most ``STOPS_PER_SLIDE`` stops;
an itinerary that would need more than ``MAX_TIMELINE_PAGES`` timeline slides (or, in a brief,
more than one) becomes a table of date, place and what was done (a column no stop fills is left
out), or in a brief one row per day.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing import dates, theme
from briefing.content.evidence import occurs, section_text
from briefing.story import cells
from briefing.story.plan import Event, Table
from briefing.story.typeset import GAP, LINE, SAFETY, pt
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from briefing.content.model import Agenda, AgendaItem
    from briefing.story.plan import Slide
    from briefing.story.typeset import Setter

STOPS_PER_SLIDE = 5
MAX_TIMELINE_PAGES = 3
DATE_PT = 22  # the date above the line, bold
EVENT_PT = 20  # what was done, below the line
DETAIL_PT = 16  # the place, under it
LINE_AT = 0.38  # the line's height in the body box, as a share of it
DAY_ROWS = 7  # rows of a day-by-day table per slide
ITEM_ROWS = 7  # rows of an itinerary table per slide
NOT_GIVEN = "—"
_TIME = re.compile(r"\s+\d{1,2}[:：]\d{2}.*$")  # a stop's time after its date


@dataclass(frozen=True)
class StopBoxes:
    """Where one stop of a timeline is drawn (EMU): its mark, its date above the line, and
    what was done (and where) below it."""

    x: int
    line_y: int
    date: tuple[int, int, int, int]
    body: tuple[int, int, int, int]


def timeline_boxes(count: int) -> list[StopBoxes]:
    """The boxes of ``count`` stops spread over the body area (the writer draws these)."""
    left, top, width, height = theme.BODY_BOX
    n = max(count, 1)
    line_y = top + round(height * LINE_AT)
    step = width // n
    gap, below = theme.inches(0.2), theme.inches(0.3)
    boxes = []
    for i in range(count):
        x = left + step * i
        date = (x, top, step - gap, line_y - top - gap)
        body = (x, line_y + below, step - theme.inches(0.25), top + height - line_y - below)
        boxes.append(StopBoxes(x, line_y, date, body))
    return boxes


def stop_problems(events: tuple[Event, ...] | list[Event], setter: Setter) -> list[int]:
    """The (0-based) stops whose date or text would not fit their boxes: a date wrapping past
    its box, a word wider than the column, or text running below the slide's body area (where
    it would collide with the source line or its neighbour's text)."""
    bad = []
    for n, (event, boxes) in enumerate(zip(events, timeline_boxes(len(events)), strict=True)):
        if not _fits(event.when, DATE_PT, boxes.date, setter, bold=True):
            bad.append(n)
            continue
        parts = [(event.title, EVENT_PT), (event.detail, DETAIL_PT)]
        height = sum(_height(t, s, boxes.body[2], setter) for t, s in parts if t)
        height += GAP * DETAIL_PT if event.detail else 0.0
        widest = max(_widest(t, s, setter) for t, s in parts if t) if event.title else 0.0
        if height > pt(boxes.body[3]) * SAFETY or widest > pt(boxes.body[2]):
            bad.append(n)
    return bad


def _fits(text: str, size: float, box: tuple[int, int, int, int], setter: Setter, *, bold: bool):
    lines = setter.paragraph(text, size, pt(box[2]), bold=bold).lines
    widest = _widest(text, size, setter, bold=bold)
    return len(lines) * size * LINE <= pt(box[3]) and widest <= pt(box[2])


def _height(text: str, size: float, width: int, setter: Setter) -> float:
    return len(setter.paragraph(text, size, pt(width)).lines) * size * LINE


def _widest(text: str, size: float, setter: Setter, *, bold: bool = False) -> float:
    from briefing.story import measure

    metrics = setter.bold if bold else setter.regular
    return measure.extent(text, metrics)[1] * size


# -- what the itinerary becomes ----------------------------------------------------------------
def events_of(agenda: Agenda, language: str, style: str = "roc") -> list[Event]:
    """One event per stop: its day (in the deck's date ``style``) and time, what was done,
    where."""
    found = []
    for item in agenda.items:
        day = agenda.day_of(item)
        when = day_label(day, item.time, language, style) if day else (item.time or "")
        found.append(Event(normalize(when), normalize(item.title), normalize(item.place or "")))
    return found


def timeline_pages(events: list[Event], setter: Setter, brief: bool) -> list[list[Event]] | None:
    """The stops cut into timeline slides (whole days together where possible), or None when
    a timeline would not do: too many slides, or a stop that fits no box."""
    limit = 1 if brief else MAX_TIMELINE_PAGES
    for per in range(STOPS_PER_SLIDE, 1, -1):
        pages = _by_day(events, per)
        if len(pages) > limit:
            return None
        if all(not stop_problems(page, setter) for page in pages):
            return pages
    return None


def _by_day(events: list[Event], per: int) -> list[list[Event]]:
    """Stops in pages of at most ``per``: whole days together when they fit, a long day cut."""
    days: dict[str, list[Event]] = {}
    for event in events:
        days.setdefault(_TIME.sub("", event.when), []).append(event)  # the date, in any style
    pages: list[list[Event]] = []
    for stops in days.values():
        if pages and len(pages[-1]) + len(stops) <= per:
            pages[-1] += stops
            continue
        pages += [list(stops[n : n + per]) for n in range(0, len(stops), per)]
    return pages


def item_table(agenda: Agenda, labels: Any, language: str, style: str = "roc") -> Table:
    """Every stop as a row: day and time, what was done, where (see :func:`fold_partial`)."""
    header = (labels.time, labels.item, labels.place)
    rows = tuple(
        (_when(agenda, item, language, style), item.title, item.place or "")
        for item in agenda.items
    )
    sep = " / " if language == "en" else "／"  # 項目／地點 where only some stops give one
    table = fold_partial(Table(header, rows), into=1, sep=sep)
    places = (len(table.header) - 1,) if len(table.header) == 3 else ()
    return dataclasses.replace(table, unbroken=(0, *places))


def fold_partial(table: Table, into: int, sep: str = "") -> Table:
    """No blank cells: a column no row fills is left out, and one only some rows fill goes
    under column ``into``'s text as a second line (the first column, the time, stays); with
    ``sep``, column ``into``'s header names what it now holds (議程／主講人)."""
    keep, fold = [], []
    for c in range(len(table.header)):
        filled = sum(1 for row in table.rows if row[c].strip())
        if c in (0, into) or filled == len(table.rows):
            keep.append(c)
        elif filled:
            fold.append(c)
    rows = []
    for row in table.rows:
        cells = []
        for c in keep:
            extra = [row[f] for f in fold if row[f].strip()] if c == into else []
            cell = "\n".join([row[c], *extra]) if row[c].strip() else "\n".join(extra)
            cells.append(normalize(cell) or NOT_GIVEN)  # a time the report does not give
        rows.append(tuple(cells))
    header = list(table.header)
    if sep and fold:
        header[into] = sep.join([header[into], *(header[f] for f in fold)])
    return Table(tuple(header[c] for c in keep), tuple(rows))


def day_table(
    agenda: Agenda, labels: Any, language: str, most: int = 0, style: str = "roc"
) -> Table:
    """One row per day: the date, what was done that day (in the report's words; with
    ``most``, that many stops and 「…」, the rest being in the notes), and where."""
    days: dict[Any, list[AgendaItem]] = {}
    for item in agenda.items:
        days.setdefault(agenda.day_of(item), []).append(item)
    rows = []
    for day, items in days.items():
        when = day_label(day, None, language, style) if day else ""
        titles = list(dict.fromkeys(i.title for i in items))
        done = labels.list_sep.join(titles[:most] if most else titles)
        if most and len(titles) > most:
            done += "…"
        places = "、".join(dict.fromkeys(i.place for i in items if i.place))
        rows.append((when, done, places))
    header = (labels.time, labels.item, labels.place)
    keep = [c for c in range(3) if any(r[c] for r in rows)]
    return Table(
        tuple(header[c] for c in keep),
        tuple(tuple(normalize(r[c]) for c in keep) for r in rows),
        unbroken=tuple(n for n, c in enumerate(keep) if c in (0, 2)),  # dates, place names
    )


def day_label(day: Any, time: str | None, language: str, style: str = "roc") -> str:
    """A stop's day (and time) in the deck's one date ``style`` (as on its cover:
    :func:`briefing.dates.display`, 「中華民國108年6月24日（星期一） 19:00」), ``24 Jun 19:00``
    in English decks."""
    text = f"{day.day} {day:%b}" if language == "en" else dates.display(day, style, language)
    return f"{text} {time}" if time else text


def _when(agenda: Agenda, item: AgendaItem, language: str, style: str) -> str:
    day = agenda.day_of(item)
    if day is None:
        return item.time or ""
    return day_label(day, None, language, style) + (f"\n{item.time}" if item.time else "")


def single_day(agenda: Agenda, language: str, style: str = "roc") -> str:
    """The agenda's one day in the deck's date style (a programme's title), or empty."""
    days = agenda.days
    return dates.display(days[0], style, language) if len(days) == 1 else ""


def table_pages(
    table: Table, setter: Setter, box: tuple[int, int, int, int], most: int
) -> list[Table]:
    """``table`` cut into pages of at most ``most`` rows that fit ``box`` at the smallest
    table size (a page never ends up with a single row when the one before can spare one)."""
    pages: list[list[tuple[str, ...]]] = [[]]
    for row in table.rows:
        candidate = [*pages[-1], row]
        trial = dataclasses.replace(table, rows=tuple(candidate))
        fits = setter.table_fits(trial, box, theme.TABLE_SIZES[-1])
        if pages[-1] and (len(candidate) > most or not fits):
            pages.append([row])
        else:
            pages[-1] = candidate
    if len(pages) > 1:  # as many pages, rows shared alike (7 + 4 → 6 + 5): one type size
        even = _even(list(table.rows), len(pages))
        if all(
            setter.table_fits(dataclasses.replace(table, rows=tuple(p)), box, theme.TABLE_SIZES[-1])
            for p in even
        ):
            pages = even
    if len(pages) > 1 and len(pages[-1]) == 1 and len(pages[-2]) > 2:
        pages[-1].insert(0, pages[-2].pop())
    tables = [dataclasses.replace(table, rows=tuple(p)) for p in pages if p]
    if len(tables) < 2:
        return tables
    # one type size and one set of widths on every page (a shorter page must not set larger,
    # squeezing its dates onto two lines): the smallest any page needs, widths from every row
    size = min(setter.table(t, box)[0] for t in tables)
    widths = table.widths or setter.column_widths(table, size, box)
    return [dataclasses.replace(t, size=size, widths=widths) for t in tables]


def _even(rows: list[Any], count: int) -> list[list[Any]]:
    size, extra = divmod(len(rows), count)
    pages, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < extra else 0)
        pages.append(rows[start:end])
        start = end
    return pages


def itinerary_slides(shaper: Any, part: Any, unit: Any) -> list[Any]:
    """The itinerary's slides for ``unit`` (the section the report prints it in): timeline
    slides when the stops fit a few, else the stops (a brief: the days) as a paged table."""
    agenda = shaper.report.itinerary
    assert agenda is not None
    shaper.itinerary_placed = True
    language, style = shaper.options.language, shaper.options.date_style
    brief = shaper.options.length == "brief"
    events = events_of(agenda, language, style)
    pages = timeline_pages(events, shaper.setter, brief)
    slides = []
    if pages is not None:
        for n, page in enumerate(pages):
            text = shaper._render(part, unit, points=[], page=n)
            slides.append(shaper._slide("timeline", text, unit, events=tuple(page)))
    else:
        tables = _tables(agenda, shaper, language, shaper.options.length, style)
        for n, table in enumerate(tables):
            text = shaper._render(part, unit, points=[], page=n)
            slides.append(shaper._slide("table", text, unit, body=(), table=table))
    details = [e.detail for e in events]
    if agenda.section:  # its stops are the report's words in the section it is printed in;
        own = shaper.report.section(agenda.section)  # a detail said only elsewhere cites there
        details = [d for d in details if d and not occurs(d, section_text(own))]
    if not details:
        return slides
    return [_citing_places(shaper, slide, details) for slide in slides]


def _citing_places(shaper: Any, slide: Slide, places: list[str]) -> Slide:
    """``slide`` with a source line that also cites the sections its places come from (the
    visit, the purpose); the slide still shows only its own section (coverage, budgets)."""
    stating = cells.sections_stating(shaper.report, places, skip=slide.sections)
    if not stating:
        return slide
    cites = "、".join(shaper.cites((*slide.sections, *stating)))
    labels = shaper.labels
    return dataclasses.replace(
        slide, source=f"{labels.source_prefix}{labels.report_prefix} {cites}"
    )


def _tables(agenda: Agenda, shaper: Any, language: str, length: str, style: str) -> list[Table]:
    """The first of: every stop as a row, one row per day, one row per day with its first
    stops only, that takes no more than the length's pages (a brief: one)."""
    limit = {"brief": 1, "standard": MAX_TIMELINE_PAGES}.get(length, 0)
    labels, setter, box = shaper.labels, shaper.setter, theme.VISUAL_BOX
    stops = table_pages(item_table(agenda, labels, language, style), setter, box, ITEM_ROWS)
    if not limit or (len(stops) <= limit and length != "brief"):
        return stops
    widest = max(len(agenda.items), 1)
    days: list[Table] = []
    for most in range(widest, 0, -1):
        table = day_table(agenda, labels, language, most if most < widest else 0, style)
        days = table_pages(table, setter, box, DAY_ROWS)
        if len(days) <= limit:
            return days
    return days if len(days) < len(stops) else stops


def home_of(report: Any) -> str | None:
    """The section the itinerary belongs to: the one the report prints it in, else the first
    top-level section of kind ``process``."""
    agenda = report.itinerary
    if agenda is None:
        return None
    if agenda.section:
        return agenda.section
    first = next((e for e in report.outline if e.level == 1 and e.section.kind == "process"), None)
    return first.section.id if first is not None else None
