"""The deck plan: what every slide says, as plain data (no python-pptx, no Jinja types).

:func:`briefing.story.planner.plan_deck` makes a :class:`DeckPlan`; the GUI previews it as a
storyboard, tests inspect it, and :mod:`briefing.deck` writes it to a .pptx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import datetime as dt

    from briefing.content.model import ChartSpec

SlideKind = Literal[
    "cover", "agenda", "divider", "content", "initiative", "chart", "table", "closing", "sources"
]

# The master layout each kind of slide uses, picked by name.
LAYOUTS: dict[str, str] = {
    "cover": "Title Slide",
    "agenda": "Title and Content",
    "divider": "Section Header",
    "content": "Title and Content",
    "initiative": "Title and Content",
    "chart": "Title Only",
    "table": "Title Only",
    "closing": "Title Slide",
    "sources": "Title and Content",
}


#: Estimated speaking time per slide kind, in minutes: a title slide is shown, not talked
#: through; a slide of facts takes about a minute, a table or a chart a little more.
MINUTES: dict[str, float] = {
    "cover": 0.25,
    "agenda": 0.5,
    "divider": 0.1,
    "closing": 0.25,
    "sources": 0.25,
    "chart": 1.25,
    "table": 1.25,
}


@dataclass(frozen=True)
class Bullet:
    """One line of body text; level 0 is a top bullet, 1 a sub-bullet."""

    text: str
    level: int = 0


@dataclass(frozen=True)
class Table:
    """A simple table: a header row and body rows of text, column widths as fractions."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Slide:
    """One slide: its text, where its facts come from, and what it shows besides text."""

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
    condensed: tuple[str, ...] = ()  # sections shown here as a line instead of a slide

    @property
    def layout(self) -> str:
        """Name of the master layout this slide uses."""
        return LAYOUTS[self.kind]

    def texts(self) -> list[str]:
        """Every piece of text the slide shows (not the notes)."""
        parts = [self.title, self.subtitle, self.source, *(b.text for b in self.body)]
        if self.table is not None:
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

    @property
    def titles(self) -> list[str]:
        return [s.title for s in self.slides]

    @property
    def minutes(self) -> float:
        """The estimated speaking time of the deck, in minutes."""
        return round(sum(MINUTES.get(s.kind, 1.0) for s in self.slides), 1)
