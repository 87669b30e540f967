"""The deck plan: what every slide says and how it is laid out, as plain data (no python-pptx,
no Jinja types).

:func:`briefing.story.planner.plan_deck` makes a :class:`DeckPlan`; the GUI previews it as a
storyboard, tests inspect it, and :mod:`briefing.deck` draws it. The planner decides everything
(which layout, what text, which type size, where a paragraph breaks); the writer only draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import datetime as dt

    from briefing.content.model import ChartSpec

SlideKind = Literal[
    "cover",
    "agenda",
    "overview",
    "divider",
    "content",
    "points",
    "columns",
    "figures",
    "comparison",
    "timeline",
    "recommendations",
    "quote",
    "initiative",
    "chart",
    "table",
    "closing",
    "sources",
    "photos",
]

#: The master layout (picked by name) of each kind of slide.
LAYOUTS: dict[str, str] = {
    "cover": "Title Slide",
    "agenda": "Agenda",
    "overview": "Key Figures",
    "divider": "Section Header",
    "content": "Title and Content",
    "points": "Key Points",
    "columns": "Two Columns",
    "figures": "Key Figures",
    "comparison": "Comparison",
    "timeline": "Timeline",
    "recommendations": "Recommendations",
    "quote": "Quote",
    "initiative": "Two Columns",
    "chart": "Title Only",
    "table": "Comparison",
    "closing": "Closing",
    "sources": "Title and Content",
    "photos": "Photos",
}
#: Kinds that carry no content of their own (furniture): not counted as content slides.
FURNITURE = ("cover", "agenda", "divider", "closing", "sources")

#: Estimated speaking time, in minutes: a base per kind of slide (a moment for a title slide,
#: longer for a quote or a chart one talks through) plus ``PER_ITEM`` for each point, card, row,
#: figure or date on it (about ten seconds each). Slides after 敬請指教 (the appendix) are there
#: for questions and are not counted.
MINUTES: dict[str, float] = {
    "cover": 0.25,
    "agenda": 0.25,
    "divider": 0.1,
    "closing": 0.25,
    "sources": 0.0,
    "quote": 0.75,
    "chart": 0.9,
    "recommendations": 0.6,
    "photos": 0.3,  # plus PER_ITEM a picture
}
BASE_MINUTES = 0.4
PER_ITEM = 0.12
ITEM_WEIGHT = {"recommendations": 2.5}
CARD_WEIGHT = 2.5  # a card condensing a sub-section is a paragraph of talk, not a line


@dataclass(frozen=True)
class Bullet:
    """One paragraph of body text; level 0 is a top bullet, 1 a sub-bullet. ``heading`` makes
    it a bold run-in heading (a column's title) rather than a bullet."""

    text: str
    level: int = 0
    heading: bool = False


@dataclass(frozen=True)
class Table:
    """A table: a header row and body rows of text, column widths as fractions."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    size: float = 0.0  # one type size for every page of a paged table (0: the largest that fits)
    unbroken: tuple[int, ...] = ()  # columns whose lines are never broken (the itinerary's dates)


@dataclass(frozen=True)
class Card:
    """A box of text: a recommendation, a key point, a sub-section condensed to one line."""

    heading: str
    text: str = ""
    tag: str = ""  # a small label: horizon, owner, category
    number: str = ""  # shown large before the heading (recommendations)


@dataclass(frozen=True)
class KeyFigure:
    """One big number with what it measures: ``500`` ``家`` 「採用電子支付的商店與攤家」."""

    value: str
    unit: str
    label: str
    note: str = ""  # when, or the figure it grew from
    qualifier: str = ""  # the report's hedge before the number: 超過, 約, 預計, 上看 …


@dataclass(frozen=True)
class Event:
    """A dated step of a timeline or itinerary."""

    when: str
    title: str
    detail: str = ""


@dataclass(frozen=True)
class Picture:
    """A photo of the report on a slide: the image file (PNG or JPEG), its caption as the
    report writes it (shown under it; empty when the report gives none), its alt text and the
    section it comes from."""

    path: str
    caption: str
    alt: str
    section: str


@dataclass(frozen=True)
class Quote:
    text: str
    by: str = ""


@dataclass(frozen=True)
class Typeset:
    """Type sizes (pt) the planner chose, and right margins (em) that keep each paragraph's
    last line from being one or two characters long (by block and paragraph index)."""

    body: float = 24
    right: float = 24
    cards: float = 20
    table: float = 18
    figure: float = 44
    columns: int = 0  # cards per row (0: the usual grid for their number)
    rows: tuple[float, ...] = ()  # the height (pt) each table row needs at ``table``
    title_lines: int = 1
    body_margins: tuple[float, ...] = ()
    right_margins: tuple[float, ...] = ()
    body_even: tuple[bool, ...] = ()  # justify paragraph n of the body (else ragged right)
    right_even: tuple[bool, ...] = ()
    card_margins: tuple[float, ...] = ()  # right margin (em) of card n's text
    heading_margins: tuple[float, ...] = ()  # right margin (em) of card n's heading
    card_even: tuple[bool, ...] = ()  # justify card n's text (its lines would not stretch far)
    title_margin: float = 0.0  # right margin (em) of a title of two lines (no lone last char)
    captions: tuple[int, ...] = ()  # lines each picture's caption takes at theme.CAPTION_PT


@dataclass(frozen=True)
class Slide:
    """One slide: its text, where its facts come from, and what it shows besides text.

    ``kicker`` is the small line above the title (where in the deck this is), ``subtitle`` the
    smaller second line under it (an English name, a qualifier). ``body`` is the main text,
    ``right`` the second column; ``cards``, ``key_figures``, ``events``, ``quote``, ``table`` and
    ``chart`` are what the layout shows besides, ``pictures`` the photos of a photo slide.
    ``sections`` are the sections the slide's facts come from (the source line cites them);
    ``condensed`` those shown here as a line instead of a slide of their own.
    """

    kind: SlideKind
    title: str
    subtitle: str = ""
    body: tuple[Bullet, ...] = ()
    notes: str = ""
    source: str = ""
    sections: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    chart: str | None = None
    table: Table | None = None
    kicker: str = ""
    right: tuple[Bullet, ...] = ()
    cards: tuple[Card, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    events: tuple[Event, ...] = ()
    quote: Quote | None = None
    condensed: tuple[str, ...] = ()
    derived: str = ""  # a caption saying the numbers are the briefing's own count
    typeset: Typeset = field(default_factory=Typeset)
    layout_name: str = ""
    pictures: tuple[Picture, ...] = ()  # a photo slide's pictures, drawn with their captions

    @property
    def layout(self) -> str:
        """Name of the master layout this slide uses."""
        return self.layout_name or LAYOUTS[self.kind]

    @property
    def minutes(self) -> float:
        """The estimated speaking time of this slide (see ``MINUTES``)."""
        base = MINUTES.get(self.kind, BASE_MINUTES)
        if self.kind in FURNITURE:
            return base
        cards = sum(CARD_WEIGHT if c.tag else 1.0 for c in self.cards)
        items = sum(1 for b in self.body if b.level == 0) + cards
        items += sum(1 for b in self.right if b.heading) + len(self.key_figures)
        items += len(self.events) + (len(self.table.rows) if self.table else 0)
        items += len(self.pictures)
        return base + PER_ITEM * items * ITEM_WEIGHT.get(self.kind, 1.0)

    @property
    def content(self) -> bool:
        """Whether the slide carries content (not cover, agenda, divider, closing, sources)."""
        return self.kind not in FURNITURE

    def texts(self) -> list[str]:
        """Every piece of text the slide shows (not the notes)."""
        parts = [self.kicker, self.title, self.subtitle, self.source, self.derived]
        parts += [b.text for b in (*self.body, *self.right)]
        if self.table is not None:
            parts += [*self.table.header, *(cell for row in self.table.rows for cell in row)]
        for card in self.cards:
            parts += [card.number, card.heading, card.text, card.tag]
        for fig in self.key_figures:
            parts += [fig.qualifier, fig.value, fig.unit, fig.label, fig.note]
        for event in self.events:
            parts += [event.when, event.title, event.detail]
        if self.quote is not None:
            parts += [self.quote.text, self.quote.by]
        parts += [p.caption for p in self.pictures]
        return [p for p in parts if p]

    def bold_texts(self) -> list[str]:
        """The texts drawn in the bold face (titles, headings, big numbers, table headers)."""
        parts = [self.title]
        parts += [b.text for b in (*self.body, *self.right) if b.heading]
        parts += [c.heading for c in self.cards] + [c.number for c in self.cards]
        parts += [f.qualifier + f.value + f.unit for f in self.key_figures] + [
            e.when for e in self.events
        ]
        if self.table is not None:  # a table style may make any row bold (a total row, say)
            parts += [*self.table.header, *(cell for row in self.table.rows for cell in row)]
        return [p for p in parts if p]


@dataclass(frozen=True)
class Visual:
    """What a chart slide shows, ready for the deck writer: a PNG (with its alt text), or
    native chart data (a :class:`briefing.charts.ChartData`) drawn as a PowerPoint chart."""

    alt_text: str
    png: bytes | None = None
    native: Any = None
    text: str = ""  # every character the chart shows (checked against the font)


@dataclass(frozen=True)
class DeckMeta:
    """Cover facts and document properties."""

    title: str
    subtitle: str
    presenter: str
    agency: str
    date: dt.date
    date_text: str
    language: str
    report_title: str
    keywords: tuple[str, ...] = ()
    logo: str | None = None  # path of the agency logo (PNG or SVG)


@dataclass(frozen=True)
class DeckPlan:
    """Slides in order, the charts they show (by id), and what was selected."""

    meta: DeckMeta
    slides: tuple[Slide, ...]
    charts: dict[str, ChartSpec] = field(default_factory=dict)
    sections: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    length: str = "standard"
    structure: str = "report"
    figure_texts: tuple[str, ...] = ()  # every figure record's ``as_written`` (self-check)
    omitted: tuple[str, ...] = ()  # selected sections left out on purpose (a brief's appendix)

    @property
    def titles(self) -> list[str]:
        return [s.title for s in self.slides]

    @property
    def minutes(self) -> float:
        """The estimated speaking time of the deck up to 敬請指教, in minutes (the appendix is
        for questions)."""
        spoken = []
        for slide in self.slides:
            spoken.append(slide)
            if slide.kind == "closing":
                break
        return round(sum(s.minutes for s in spoken))

    @property
    def chart_boxes(self) -> dict[str, str]:
        """Chart id -> the layout box it is drawn in (``visual`` or ``right``)."""
        return {
            s.chart: ("right" if s.kind == "columns" else "visual") for s in self.slides if s.chart
        }
