"""Timelines: initiatives as marks on a line of years (long gaps compressed, with a break),
each labelled in a box above or below the line (placed by :mod:`.timeline_layout`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.charts.painter import em_width, split_in_two
from briefing.charts.timeline_layout import mark_xs, place_labels, positions

if TYPE_CHECKING:
    from briefing.charts.painter import Painter
    from briefing.charts.timeline_layout import LabelLayout

#: Label sizes tried, as fractions of the way from the label size down to the minimum size.
_STEPS = (0.0, 0.5, 1.0)
#: Last resorts for crowded timelines, below the minimum size: fractions of the label size.
_CROWDED = (0.76, 0.64, 0.58)


def draw_timeline(p: Painter) -> None:
    data, fig = p.data, p.figure
    top = p.title()
    top = p.legend(_legend_handles(p), [label for label, _ in data.legend], top)
    foot = p.footer(data.caption, data.x_label)
    margin_x = 0.15 / p.width_in
    ax = fig.add_axes((margin_x, 0.03 + foot, 1 - 2 * margin_x, 1 - top - foot - 0.06))
    ax.set_axis_off()
    pos, breaks = positions(data.years)
    xs = mark_xs(data.years, pos)
    x_min, x_max = min(pos.values()) - 0.7, max(pos.values()) + 0.7
    ax.set_xlim(x_min, x_max)
    layout, labels = _fit(p, ax, xs, x_min, x_max)
    height_pt = ax.get_position().height * p.height_in * 72
    above = layout.up * layout.level_h + 16
    below = layout.down * layout.level_h + layout.year_h + 10
    spare = max(height_pt - above - below, 0)
    ax.set_ylim(-below - spare / 2, above + spare / 2)
    _draw_baseline(p, ax, breaks, x_min, x_max)
    _draw_years(p, ax, pos)
    _draw_marks(p, ax, xs, labels, layout)


def _legend_handles(p: Painter) -> list[Any]:
    """A filled dot per colour; a hollow grey one for an entry without colour (planned)."""
    from matplotlib.lines import Line2D

    handles = []
    for _label, colour in p.data.legend:
        if colour:
            handles.append(
                Line2D([], [], linestyle="", marker="o", markersize=11, color=p.rgb(colour))
            )
        else:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker="o",
                    markersize=11,
                    markerfacecolor="white",
                    markeredgewidth=2.2,
                    color=p.rgb(theme.MUTED),
                )
            )
    return handles


def _fit(
    p: Painter, ax: Any, xs: list[float], x_min: float, x_max: float
) -> tuple[LabelLayout, tuple[str, ...]]:
    """The labels (wrapped or not) and their layout at the largest size that fits the axes'
    height: one line from the label size down to the minimum size, then two lines at the
    minimum size; for a timeline too crowded for that, one line below the minimum."""
    box = ax.get_position()
    width_pt = box.width * p.width_in * 72
    height_pt = box.height * p.height_in * 72
    geometry = {
        "tick_pt": p.tick_pt,
        "x_min": x_min,
        "pt_per_x": width_pt / (x_max - x_min),
        "width_pt": width_pt,
        "height_pt": height_pt,
    }
    fitted = None
    for labels, size in _attempts(p):
        widths = [p.text_width_pt(label, size) for label in labels]
        lines = max(label.count("\n") + 1 for label in labels)
        layout = place_labels(widths, xs, size=size, lines=lines, **geometry)
        fitted = layout, labels
        if layout.needed <= height_pt:
            break
    assert fitted is not None
    return fitted


def _attempts(p: Painter) -> list[tuple[tuple[str, ...], float]]:
    """(labels, size) to try, best first."""
    one_line = p.data.categories
    two_lines = tuple(split_in_two(c) if em_width(c) > 8 else c for c in one_line)
    sizes = [p.label_pt - (p.label_pt - p.min_pt) * step for step in _STEPS]
    return [
        *((one_line, size) for size in sizes),
        (two_lines, p.min_pt),
        *((one_line, p.label_pt * factor) for factor in _CROWDED),
    ]


def _draw_baseline(p: Painter, ax: Any, breaks: list[float], x_min: float, x_max: float) -> None:
    """The line of years, cut with a pair of slashes at each compressed gap."""
    line_kw = {"color": p.rgb(theme.MUTED), "linewidth": 2.2, "solid_capstyle": "butt"}
    edges = [x_min + 0.1, *[b for x in breaks for b in (x - 0.12, x + 0.12)], x_max - 0.1]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        ax.plot([a, b], [0, 0], **line_kw)
    for x in breaks:
        for dx in (-0.12, 0.12):
            ax.plot([x + dx - 0.05, x + dx + 0.05], [-7, 7], **line_kw)


def _draw_years(p: Painter, ax: Any, pos: dict[int, float]) -> None:
    for year, x in pos.items():
        ax.text(
            x,
            -9,
            str(year),
            ha="center",
            va="top",
            fontproperties=p.fp(p.tick_pt, bold=True),
            parse_math=False,
            color="#" + theme.DARK,
            zorder=6,
            bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none"},
        )


def _draw_marks(
    p: Painter, ax: Any, xs: list[float], labels: tuple[str, ...], layout: LabelLayout
) -> None:
    """Each initiative: a dot on the line (hollow when planned), a stem and its label box."""
    data = p.data
    hollow = set() if data.spec.group_by == "status" else {"planned", "draft"}
    for x, colour, status, label, (level, centre) in zip(
        xs, data.colours, data.extra, labels, layout.levels, strict=True
    ):
        rgb = p.rgb(colour)
        y = _level_y(layout, level)
        ax.plot([x, x], [0, y], color=rgb, linewidth=1.3, zorder=2)
        ax.plot(
            [x],
            [0],
            marker="o",
            markersize=12 * p.scale,
            zorder=4,
            color=rgb,
            markerfacecolor="white" if status in hollow else rgb,
            markeredgewidth=2.4,
        )
        ax.text(
            centre,
            y,
            label,
            ha="center",
            va="center",
            fontproperties=p.fp(layout.size),
            parse_math=False,
            zorder=5,
            color="#" + theme.DARK,
            bbox={
                "boxstyle": "round,pad=0.32",
                "facecolor": "white",
                "edgecolor": rgb,
                "linewidth": 1.4,
            },
        )


def _level_y(layout: LabelLayout, level: int) -> float:
    """The centre height (pt from the line) of a label on ``level``."""
    if level > 0:
        return (level - 0.5) * layout.level_h + 12
    return -layout.year_h - (-level - 0.5) * layout.level_h - 6
