"""Where a timeline's marks and labels go (pure geometry, in points; no matplotlib).

Labels are staggered above and below the line so that no two boxes overlap and no stem crosses
a box, using as few levels as possible: a small branch-and-bound search over a few candidate
positions per label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: A label's place: (level: 1, 2, … above the line, -1, -2, … below; left; right), in points.
Place = tuple[int, float, float]

_BUDGET = 40000  # search steps before settling for the best layout found so far


@dataclass(frozen=True)
class LabelLayout:
    """Labels placed at one text size: per label (in the given order) its level and centre x
    (data units); each level's height, the year row's height and the height needed (pt)."""

    size: float
    levels: list[tuple[int, float]]
    level_h: float
    year_h: float
    needed: float

    @property
    def up(self) -> int:
        """Levels used above the line."""
        return _extent(self.levels)[0]

    @property
    def down(self) -> int:
        """Levels used below the line."""
        return _extent(self.levels)[1]


def positions(years: Sequence[int]) -> tuple[dict[int, float], list[float]]:
    """Compressed x positions: gaps over two years shrink to two, with a break drawn there."""
    distinct = sorted(set(years))
    pos = {distinct[0]: 0.0}
    breaks = []
    for prev, year in zip(distinct, distinct[1:], strict=False):
        gap = year - prev
        pos[year] = pos[prev] + min(gap, 2)
        if gap > 2:
            breaks.append(pos[prev] + 1)
    return pos, breaks


def mark_xs(years: Sequence[int], pos: dict[int, float]) -> list[float]:
    """Each mark's x: marks of one year sit side by side around the year's position."""
    xs: list[float] = []
    same: dict[int, int] = {}
    counts = {y: years.count(y) for y in set(years)}
    for year in years:
        k = same.get(year, 0)
        same[year] = k + 1
        xs.append(pos[year] + (k - (counts[year] - 1) / 2) * 0.2)
    return xs


def place_labels(
    widths: Sequence[float],
    xs: Sequence[float],
    *,
    size: float,
    lines: int = 1,
    tick_pt: float,
    x_min: float,
    pt_per_x: float,
    width_pt: float,
    height_pt: float,
) -> LabelLayout:
    """Place labels of ``lines`` lines, ``widths`` points wide (text only), for marks at ``xs``
    (data units) in a box ``width_pt`` x ``height_pt``."""
    pad = size * 0.32
    level_h = size * (1.25 + 1.2 * (lines - 1)) + 2 * pad + 5
    year_h = tick_pt * 1.5 + 9
    n = len(widths)
    order = sorted(range(n), key=lambda i: xs[i])
    marks = [(xs[i] - x_min) * pt_per_x for i in order]
    max_level = max(3, min(n, int((height_pt - year_h - 26) // level_h)))
    candidates = [
        _candidates(x_pt, widths[i] + 2 * pad, pad, width_pt, max_level)
        for i, x_pt in zip(order, marks, strict=True)
    ]
    chosen = _Search(candidates, marks, gap=size * 0.6).run() or _alternate(candidates, marks)
    levels: list[tuple[int, float]] = [(0, 0.0)] * n
    for j, i in enumerate(order):
        level, left, right = chosen[j]
        levels[i] = (level, x_min + (left + right) / 2 / pt_per_x)
    needed = sum(_extent(levels)) * level_h + year_h + 26
    return LabelLayout(size, levels, level_h, year_h, needed)


def _extent(levels: Sequence[tuple[int, float]]) -> tuple[int, int]:
    """(levels above, levels below) the line."""
    up = max([lv for lv, _ in levels if lv > 0], default=0)
    down = -min([lv for lv, _ in levels if lv < 0], default=0)
    return up, down


def _candidates(x_pt: float, w: float, pad: float, width_pt: float, max_level: int) -> list[Place]:
    """Places for a box ``w`` wide for the mark at ``x_pt``, nearest levels first: centred on
    the mark, ending or starting just past it, or in between; kept inside the box."""
    lefts = (x_pt - w / 2, x_pt - w + pad + 4, x_pt - pad - 4, x_pt - 0.75 * w, x_pt - 0.25 * w)
    options = []
    for k in range(1, max_level + 1):
        for level in (k, -k):
            seen = set()
            for left in lefts:
                left = min(max(left, 0.0), max(width_pt - w, 0.0))
                if round(left, 1) not in seen:
                    seen.add(round(left, 1))
                    options.append((level, left, left + w))
    return options


def _alternate(candidates: list[list[Place]], marks: list[float]) -> list[Place]:
    """No clean layout within the budget: alternate sides, centred."""
    chosen = []
    for j, x_pt in enumerate(marks):
        w = candidates[j][0][2] - candidates[j][0][1]
        level = (j // 2 + 1) * (1 if j % 2 == 0 else -1)
        chosen.append((level, x_pt - w / 2, x_pt + w / 2))
    return chosen


class _Search:
    """Branch and bound over the candidates of each label (left to right): fewest levels in
    all, then the smallest sum of levels."""

    def __init__(self, candidates: list[list[Place]], marks: list[float], *, gap: float) -> None:
        self.candidates, self.marks, self.gap = candidates, marks, gap
        self.best: list[Place] | None = None
        self.best_cost: tuple[float, float] = (math.inf, math.inf)
        self.budget = _BUDGET

    def run(self) -> list[Place] | None:
        self._search(0, [], 0, 0, 0)
        return self.best

    def _search(self, j: int, placed: list[Place], up: int, down: int, total: int) -> None:
        if (up + down, total) >= self.best_cost or self.budget <= 0:
            return
        if j == len(self.candidates):
            self.best, self.best_cost = list(placed), (up + down, total)
            return
        for cand in self.candidates[j]:
            self.budget -= 1
            level = cand[0]
            new_up, new_down = max(up, level), max(down, -level)
            if (new_up + new_down, total + abs(level)) >= self.best_cost:
                continue
            if self._fits(j, cand, placed):
                placed.append(cand)
                self._search(j + 1, placed, new_up, new_down, total + abs(level))
                placed.pop()

    def _fits(self, j: int, cand: Place, placed: list[Place]) -> bool:
        level, left, right = cand
        x_pt, gap = self.marks[j], self.gap
        side = 1 if level > 0 else -1
        for k, (lv, a, b) in enumerate(placed):
            if lv == level and a - gap < right and left < b + gap:
                return False
            if lv * side > 0:
                if abs(lv) < abs(level) and a - 3 < x_pt < b + 3:
                    return False  # my stem would cross a nearer box
                if abs(lv) > abs(level) and left - 3 < self.marks[k] < right + 3:
                    return False  # a stem further out would cross my box
        return True
