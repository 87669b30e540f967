"""Schedules: the agenda's sessions as bars on a time axis, one row each, titled in or beside
the bar. A title too long for one line goes on two (its row grows to hold them): text never
shrinks below the tick size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.charts.labels import hhmm, minutes
from briefing.charts.painter import GRID, split_in_two, wrap

if TYPE_CHECKING:
    from briefing.charts.painter import Painter

_BAR = 0.68  # a bar's height, in rows
_LINE = 0.5  # the height each line after the first adds to a row, in rows


@dataclass(frozen=True)
class _Title:
    """A session title placed: its text (with line breaks), anchor x (minutes), alignment and
    colour."""

    text: str
    x: float
    ha: str
    colour: str

    @property
    def lines(self) -> int:
        return self.text.count("\n") + 1


def draw_schedule(p: Painter) -> None:
    from matplotlib.patches import Patch

    data, fig = p.data, p.figure
    band = p.title()
    top = p.legend(
        [Patch(color=p.rgb(c)) for _, c in data.legend], [label for label, _ in data.legend], band
    )
    # the time unit heads the column of start times, beside the legend (else at the bottom)
    beside = top > band and p.caption_beside_legend(data.x_label, band)
    foot = p.footer(data.caption, None if beside else data.x_label)
    fig.set_layout_engine("constrained", rect=(0, foot, 1, 1 - top - foot))
    ax = fig.add_subplot()
    starts = [minutes(s) for s, _, _ in data.extra]
    ends = [minutes(e) for _, e, _ in data.extra]
    _time_axes(p, ax, min(starts), max(ends))
    p.settle_layout()
    fig.set_layout_engine("none")  # keep the axes where the labels were measured for
    titles = _Titles(p, ax, starts, ends).place()
    rows, bottom = _rows([t.lines for t in titles], line=_line_rows(p, ax, titles))
    ax.set_ylim(bottom, -0.5)
    p.set_ticks(ax, "y", rows, [s for s, _, _ in data.extra])
    ax.tick_params(axis="y", length=0, pad=6)
    for y, start, end, colour in zip(rows, starts, ends, data.colours, strict=True):
        ax.barh(y, end - start, left=start, height=_BAR, color=p.rgb(colour))
    for y, title in zip(rows, titles, strict=True):
        ax.text(
            title.x,
            y,
            title.text,
            ha=title.ha,
            va="center",
            fontproperties=p.fp(p.tick_pt),
            parse_math=False,
            color=title.colour,
            clip_on=False,
            linespacing=1.1,
        )


def _time_axes(p: Painter, ax: Any, first: int, last: int) -> None:
    """Hours along x (a grid line each half hour), start times down y (placed later)."""
    n = len(p.data.extra)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlim(first, last)
    ax.set_ylim(n - 0.5, -0.5)
    hours = [m for m in range(first - first % 60, last + 1, 60) if first <= m <= last]
    half = [m + 30 for m in hours if first <= m + 30 <= last]
    ax.set_xticks(half, minor=True)
    ax.grid(axis="x", which="both", color=GRID, linewidth=0.9)
    ax.set_axisbelow(True)
    p.set_ticks(ax, "x", hours, [hhmm(m) for m in hours])
    p.set_ticks(ax, "y", range(n), [s for s, _, _ in p.data.extra])
    ax.tick_params(axis="both", which="both", length=0, pad=6)


def _line_rows(p: Painter, ax: Any, titles: list[_Title]) -> float:
    """How much of a row each extra line of a title needs so that lines never overlap their
    neighbours: with ``n`` rows and ``e`` extra lines the axis holds ``n + e·step`` rows, and a
    line of text is ``1.2·tick`` points tall."""
    axis_pt = ax.get_position().height * p.height_in * 72
    line_pt = 1.2 * p.tick_pt
    extra = sum(t.lines - 1 for t in titles)
    share = extra * line_pt / axis_pt
    if share >= 0.9:  # no room to grow: keep the drawing (the overlap test would say so)
        return _LINE
    total = len(titles) / (1 - share)
    return line_pt * total / axis_pt


def _rows(lines: list[int], line: float = _LINE) -> tuple[list[float], float]:
    """The centre of each row and the bottom edge of the last, in rows from the top (the top
    edge is -0.5): a row with more lines is taller, by ``line`` rows a line (at least
    ``_LINE``: a short chart gives each line more of a row)."""
    centres, edge = [], -0.5
    step = max(_LINE, line)
    for count in lines:
        height = 1.0 + step * (count - 1)
        centres.append(edge + height / 2)
        edge += height
    return centres, edge


class _Titles:
    """Places each session's title on one line inside its bar when it fits, else beside it
    where there is room (right, then left); a longer title goes beside its bar on two lines,
    or is wrapped to the wider room."""

    def __init__(self, p: Painter, ax: Any, starts: list[int], ends: list[int]) -> None:
        self.p, self.starts, self.ends = p, starts, ends
        self.first, self.last = min(starts), max(ends)
        width_pt = ax.get_position().width * p.width_in * 72
        self.pt_per_min = width_pt / (self.last - self.first)
        self.gap = 6 / self.pt_per_min  # between a bar and its title, in minutes

    def place(self) -> list[_Title]:
        return [self._place(row, title) for row, title in enumerate(self.p.data.categories)]

    def _place(self, row: int, text: str) -> _Title:
        start, end, w = self.starts[row], self.ends[row], self._width(text)
        if w + 2 * self.gap <= end - start:
            return _Title(text, start + self.gap, "left", "white")
        placed = self._beside(row, text) or self._beside(row, split_in_two(text))
        if placed is not None:
            return placed
        room_right, room_left = self.last - end, start - self.first
        room_em = (max(room_right, room_left) - 2 * self.gap) * self.pt_per_min / self.p.tick_pt
        side = "right" if room_right >= room_left else "left"
        return self._title(row, wrap(text, max(room_em, 1.0)), side)

    def _width(self, text: str) -> float:
        """``text``'s width in minutes (its widest line)."""
        return float(self.p.text_width_pt(text, self.p.tick_pt) / self.pt_per_min)

    def _beside(self, row: int, text: str) -> _Title | None:
        """The title right of the bar, else left of it, where it fits; None where neither."""
        w = self._width(text) + 2 * self.gap
        if w <= self.last - self.ends[row]:
            return self._title(row, text, "right")
        if w <= self.starts[row] - self.first:
            return self._title(row, text, "left")
        return None

    def _title(self, row: int, text: str, side: str) -> _Title:
        dark = "#" + theme.DARK
        if side == "right":
            return _Title(text, self.ends[row] + self.gap, "left", dark)
        return _Title(text, self.starts[row] - self.gap, "right", dark)
