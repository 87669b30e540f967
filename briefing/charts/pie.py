"""Pie charts, drawn as a ring: each wedge labelled beside the ring with its value and share,
the total in the middle."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.charts.labels import WORDS, format_number
from briefing.errors import ChartError

if TYPE_CHECKING:
    from briefing.charts.painter import Painter

#: A label beside the ring: [side (1 right, -1 left), label y, wedge x, wedge y, text].
_Label = list[Any]
_MARGIN = 8.0  # pt kept free at the figure's sides
_MIN_RING = 0.75  # the least share of the height-bound ring kept before labels wrap


def draw_pie(p: Painter) -> None:
    data, fig = p.data, p.figure
    top = p.title()
    s = data.series[0]
    keep = [i for i, v in enumerate(s.values) if not math.isnan(v) and v > 0]
    if not keep:
        raise ChartError(
            f"chart {data.spec.id!r}: nothing to draw (all values are zero)",
            field=f"charts.{data.spec.id}",
        )
    values = [s.values[i] for i in keep]
    foot = p.footer(data.caption, None if data.unit else data.y_label)
    labels, unit_pt = _fit(p, keep, values, top + foot)
    ax = fig.add_axes(_ring_box(p, unit_pt, top, foot))
    ax.set_axis_off()
    ax.pie(
        values,
        colors=[p.rgb(data.colours[i]) for i in keep],
        startangle=90,
        counterclock=False,
        wedgeprops={"width": 0.46, "edgecolor": "white", "linewidth": 2},
    )
    ax.set_ylim(-1.3, 1.3)
    ax.set_xlim(-1.3, 1.3)
    ax.set_aspect("equal", adjustable="box")  # a square box; labels may sit outside it
    lines = max(text.count("\n") + 1 for *_, text in labels)
    _spread(labels, p.label_pt * (1.5 + 1.2 * (lines - 1)) / unit_pt)
    _draw_labels(p, ax, labels)
    if data.unit:
        _total(p, ax, sum(values))


def _fit(
    p: Painter, keep: list[int], values: list[float], top: float
) -> tuple[list[_Label], float]:
    """The labels and the size of one data unit (the ring's radius, pt): the ring as large as
    the height allows and the labels beside it allow; labels go on two lines (category, then
    value) when one line would shrink the ring below :data:`_MIN_RING` of that."""
    area_w = 0.96 * p.width_in * 72
    by_height = (1 - top - 0.05) * p.height_in * 72 / 2.6
    for two_lines in (False, True):
        labels = _labels(p, keep, values, two_lines=two_lines)
        widest = max(p.text_width_pt(text, p.label_pt) for *_, text in labels)
        by_width = (area_w / 2 - widest - _MARGIN) / 1.2
        if by_width >= _MIN_RING * by_height:
            break
    return labels, max(min(by_height, by_width), 0.4 * by_height)


def _ring_box(
    p: Painter, unit_pt: float, top: float, foot: float
) -> tuple[float, float, float, float]:
    """The axes (figure fractions) of a ring ``unit_pt`` to a data unit: ±1.3 units, centred
    between the title band (``top``) and the footer (``foot``)."""
    width = 2.6 * unit_pt / 72 / p.width_in
    height = 2.6 * unit_pt / 72 / p.height_in
    bottom = 0.03 + foot + (1 - top - foot - 0.05 - height) / 2
    return (0.5 - width / 2, bottom, width, height)


def _labels(p: Painter, keep: list[int], values: list[float], *, two_lines: bool) -> list[_Label]:
    """A label at the middle of each wedge: ``category：value（share）``, or the category over
    ``value（share）``."""
    data, s = p.data, p.data.series[0]
    w = WORDS[data.language]
    total = sum(values)
    labels: list[_Label] = []
    done = 0.0
    for i, value in zip(keep, values, strict=True):
        angle = math.radians(90 - (done + value / 2) / total * 360)
        done += value
        x, y = math.cos(angle), math.sin(angle)
        share = w["share"].format(f"{value / total:.0%}")
        between = "\n" if two_lines else w["colon"]
        text = f"{data.categories[i]}{between}{s.labels[i]}{share}"
        labels.append([1 if x >= 0 else -1, 1.12 * y, x, y, text])
    return labels


def _spread(labels: list[_Label], line: float) -> None:
    """Move labels apart on each side so that they are at least ``line`` apart, pushing them
    back up when the lowest would fall off the bottom."""
    for side in (1, -1):
        group = sorted((lb for lb in labels if lb[0] == side), key=lambda lb: -lb[1])
        for upper, lower in zip(group, group[1:], strict=False):
            lower[1] = min(lower[1], upper[1] - line)
        if group and group[-1][1] < -1.25 + line / 2:
            group[-1][1] = -1.25 + line / 2
            for lower, upper in zip(group[::-1], group[-2::-1], strict=False):
                upper[1] = max(upper[1], lower[1] + line)


def _draw_labels(p: Painter, ax: Any, labels: list[_Label]) -> None:
    """Each label beside the ring, with a thin line to its wedge."""
    for side, label_y, x, y, text in labels:
        ax.annotate(
            text,
            xy=(x, y),
            xytext=(side * 1.2, label_y),
            ha="left" if side > 0 else "right",
            va="center",
            fontproperties=p.fp(p.label_pt),
            parse_math=False,
            arrowprops={
                "arrowstyle": "-",
                "color": p.rgb(theme.MUTED),
                "linewidth": 1,
                "shrinkA": 0,
                "shrinkB": 3,
            },
        )


def _total(p: Painter, ax: Any, total: float) -> None:
    """The total and unit in the middle of the ring."""
    ax.text(
        0,
        0,
        f"{format_number(total)}\n{p.data.unit}",
        ha="center",
        va="center",
        fontproperties=p.fp(p.title_pt, bold=True),
        parse_math=False,
        color="#" + theme.NAVY,
        linespacing=1.1,
    )
