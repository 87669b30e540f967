"""Bar (horizontal) and column (vertical) charts, one bar per category and series."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.charts.labels import format_number
from briefing.charts.painter import vmax_of, wrap

if TYPE_CHECKING:
    from briefing.charts.data import Series
    from briefing.charts.painter import Painter


def draw_bars(p: Painter) -> None:
    data, fig = p.data, p.figure
    horizontal = data.kind == "bar"
    top = p.title()
    m = len(data.series)
    handles, names = [], []
    if m > 1:
        from matplotlib.patches import Patch

        handles = [Patch(color=p.rgb(theme.ACCENTS[i % 6])) for i in range(m)]
        names = [s.name for s in data.series]
    top = p.legend(handles, names, top)
    foot = p.footer(data.caption)
    fig.set_layout_engine("constrained", rect=(0, foot, 1, 1 - top - foot))
    ax = fig.add_subplot()
    p.style_axes(ax, grid="x" if horizontal else "y")
    width = 0.62 if m == 1 else 0.8 / m
    ticks, limit = p.value_ticks(vmax_of(data), headroom=1.28 if horizontal else 1.16)
    for j, s in enumerate(data.series):
        _draw_series(p, ax, j, s, width)
    if horizontal:
        _bar_axes(p, ax, ticks, limit)
    else:
        _column_axes(p, ax, ticks, limit)


def _draw_series(p: Painter, ax: Any, j: int, s: Series, width: float) -> None:
    """Series ``j``'s bars, each with its value label past the end."""
    data = p.data
    m = len(data.series)
    offset = (j - (m - 1) / 2) * width
    positions = [i + offset for i in range(len(data.categories))]
    colours = [p.rgb(c) for c in data.colours] if m == 1 else p.rgb(theme.ACCENTS[j % 6])
    horizontal = data.kind == "bar"
    if horizontal:
        ax.barh(positions, s.values, height=width, color=colours)
    else:
        ax.bar(positions, s.values, width=width, color=colours)
    for pos, value, label in zip(positions, s.values, s.labels, strict=True):
        if math.isnan(value):
            continue
        if horizontal:
            p.annotate(ax, label, (value, pos), (6, 0), ha="left", va="center")
        else:
            p.annotate(ax, label, (pos, value), (0, 5), ha="center", va="bottom")


def _bar_axes(p: Painter, ax: Any, ticks: list[float], limit: float) -> None:
    """Values along x, categories down y (the first on top), wrapped to a third of the width."""
    data, n = p.data, len(p.data.categories)
    ax.set_xlim(0, limit)
    p.set_ticks(ax, "x", ticks, [format_number(t) for t in ticks])
    ax.set_ylim(n - 0.5, -0.5)
    max_em = 0.32 * p.width_in * 72 / p.label_pt
    p.set_ticks(ax, "y", range(n), [wrap(c, max_em) for c in data.categories], p.label_pt)
    ax.spines["left"].set_color("#" + theme.MUTED)
    ax.spines["bottom"].set_visible(False)
    if data.y_label:
        ax.set_xlabel(
            data.y_label,
            fontproperties=p.fp(p.tick_pt),
            loc="right",
            parse_math=False,
            color="#" + theme.MUTED,
        )
    if data.x_label:
        ax.set_ylabel(data.x_label, fontproperties=p.fp(p.tick_pt), parse_math=False)


def _column_axes(p: Painter, ax: Any, ticks: list[float], limit: float) -> None:
    """Values up y (the unit above the axis), categories along x wrapped to their slot."""
    data, n = p.data, len(p.data.categories)
    ax.set_ylim(0, limit)
    p.set_ticks(ax, "y", ticks, [format_number(t) for t in ticks])
    ax.set_xlim(-0.6, n - 0.4)
    slot_em = (p.width_in - 1.2) * 72 / max(n, 1) * 0.92 / p.label_pt
    p.set_ticks(ax, "x", range(n), [wrap(c, slot_em) for c in data.categories], p.label_pt)
    ax.spines["left"].set_visible(False)
    if data.y_label:
        p.axis_caption(ax, data.y_label)
    if data.x_label:
        ax.set_xlabel(data.x_label, fontproperties=p.fp(p.tick_pt), parse_math=False)
