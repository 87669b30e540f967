"""Line charts: figures over time, one line per series, each point labelled with its value."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from briefing.charts.labels import format_number, when_as_year
from briefing.charts.painter import vmax_of, wrap

if TYPE_CHECKING:
    from briefing.charts.painter import Painter


def draw_line(p: Painter) -> None:
    from matplotlib.lines import Line2D

    data, fig = p.data, p.figure
    top = p.title()
    handles = [Line2D([], [], color=p.rgb(c), marker="o", linewidth=2.5) for c in data.colours]
    top = p.legend(handles if len(data.series) > 1 else [], [s.name for s in data.series], top)
    foot = p.footer(data.caption)
    fig.set_layout_engine("constrained", rect=(0, foot, 1, 1 - top - foot))
    ax = fig.add_subplot()
    p.style_axes(ax, grid="y")
    xs = [when_as_year(w) for w in data.extra]
    ticks, limit = p.value_ticks(vmax_of(data), headroom=1.2)
    for s, colour in zip(data.series, data.colours, strict=True):
        points = [
            (x, v, label)
            for x, v, label in zip(xs, s.values, s.labels, strict=True)
            if not math.isnan(v)
        ]
        _draw_points(p, ax, points, colour)
    ax.set_ylim(0, limit)
    p.set_ticks(ax, "y", ticks, [format_number(t) for t in ticks])
    p.set_ticks(ax, "x", xs, list(data.categories), p.label_pt)
    p.settle_layout()
    axes_pt = ax.get_position().width * p.width_in * 72
    labels = _x_labels(p, xs, axes_pt)
    p.set_ticks(ax, "x", xs, labels, p.label_pt)
    ax.set_xlim(*_x_limits(p, xs, labels, axes_pt))
    ax.spines["left"].set_visible(False)
    if data.y_label:
        p.axis_caption(ax, data.y_label)
    if data.x_label:
        ax.set_xlabel(data.x_label, fontproperties=p.fp(p.tick_pt), parse_math=False)


def _x_labels(p: Painter, xs: list[float], axes_pt: float) -> list[str]:
    """The dates, wrapped to the narrowest gap between two points."""
    order = sorted(xs)
    span = (order[-1] - order[0]) or 1.0
    gaps = [b - a for a, b in zip(order, order[1:], strict=False)] or [span]
    room_em = min(gaps) / (span * 1.24) * axes_pt * 0.92 / p.label_pt
    return [wrap(c, max(room_em, 4.0)) for c in p.data.categories]


def _x_limits(
    p: Painter, xs: list[float], labels: list[str], axes_pt: float
) -> tuple[float, float]:
    """x limits with room past the first and last point (12% of the span, or half the label
    under the point, so it does not run past the axes into the value ticks)."""
    span = (max(xs) - min(xs)) or 1.0
    half = {
        x: p.text_width_pt(label, p.label_pt) / 2 + 6 for x, label in zip(xs, labels, strict=True)
    }
    left_pt, right_pt = half[min(xs)], half[max(xs)]
    left = right = span * 0.12
    for _ in range(3):  # the margins change the scale they are measured in
        units_per_pt = (span + left + right) / axes_pt
        left = max(span * 0.12, left_pt * units_per_pt)
        right = max(span * 0.12, right_pt * units_per_pt)
    return min(xs) - left, max(xs) + right


def _draw_points(p: Painter, ax: Any, points: list[tuple[float, float, str]], colour: str) -> None:
    """One series: the line through its points, hollow markers, a value label above each."""
    ax.plot(
        [x for x, _, _ in points],
        [v for _, v, _ in points],
        color=p.rgb(colour),
        linewidth=2.5,
        marker="o",
        markersize=9,
        markerfacecolor="white",
        markeredgewidth=2.5,
    )
    for x, v, label in points:
        p.annotate(ax, label, (x, v), (0, 10), ha="center", va="bottom")
