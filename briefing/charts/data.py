"""What a chart draws, as plain data: :class:`Series` and :class:`ChartData` (pure; no
matplotlib). :func:`briefing.charts.chart_data` builds it from a report."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.charts.labels import KIND_NAMES, STATUS_LABELS, TICK_CHARS, WORDS

if TYPE_CHECKING:
    from briefing.content.model import ChartSpec


@dataclass(frozen=True)
class Series:
    """One row of values; ``labels`` are the texts drawn on its points (value + unit)."""

    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ChartData:
    """Everything a chart draws, as plain data (see :func:`~briefing.charts.chart_data`).

    ``categories``: bar/column/pie: one label per bar or wedge; line: the dates of the points;
    timeline: the initiatives' labels (``years`` gives each one's year); schedule: the session
    titles. ``colours`` are hex RGB per category (per series for line charts). ``legend`` is
    ``(label, colour)`` pairs. ``extra`` holds what one kind needs besides: timeline: each
    initiative's status; schedule: ``(start, end, type)`` of each session, times as ``HH:MM``.
    ``caption`` is a line drawn on the chart under the plot, or None: for counts the program
    made (``spec.derived``), the words saying so (``WORDS[language]["derived"]``).
    """

    spec: ChartSpec
    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str | None
    sources: tuple[str, ...] = ()
    figure_ids: tuple[str, ...] = ()
    initiative_ids: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    extra: tuple[Any, ...] = ()
    colours: tuple[str, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()
    x_label: str | None = None
    y_label: str | None = None
    language: str = "zh-TW"
    caption: str | None = None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.language][self.kind]

    @property
    def alt_text(self) -> str:
        """What the chart shows in words: title, every value with its unit, the sources."""
        w = WORDS[self.language]
        if self.kind == "timeline":
            items = _timeline_alt(self, w)
        elif self.kind == "schedule":
            items = _schedule_alt(self, w)
        else:
            items = _values_alt(self, w)
        text = f"{self.kind_name}{w['colon']}{self.title}{w['stop']}"
        if self.y_label and not self.unit and self.kind not in ("timeline", "schedule"):
            text += self.y_label + w["stop"]  # the values are bare numbers: say their unit
        if items:
            text += w["sep"].join(items) + w["stop"]
        if self.caption:
            text += self.caption + w["stop"]
        if self.sources:
            text += w["source"] + w["sep"].join(self.sources) + w["stop"]
        return text.rstrip()

    def text(self) -> str:
        """Every character the chart may draw (for font subsetting and coverage checks)."""
        parts: list[str] = [
            self.title,
            *self.categories,
            self.unit or "",
            self.x_label or "",
            self.y_label or "",
            self.caption or "",
            TICK_CHARS,
            "%()（）：: ",
        ]
        for s in self.series:
            parts.extend((s.name, *s.labels))
        parts.extend(label for label, _ in self.legend)
        parts.extend(str(y) for y in self.years)
        if self.kind == "schedule":
            parts.extend(f"{a}{b}" for a, b, _ in self.extra)
        return "".join(sorted(set("".join(parts)) - {"\n"}))

    def to_json(self) -> str:
        """A canonical JSON text of the data (the cache key's main part)."""
        payload = {
            "spec": self.spec.model_dump(mode="json"),
            "kind": self.kind,
            "title": self.title,
            "categories": self.categories,
            "unit": self.unit,
            "sources": self.sources,
            "series": [
                [s.name, [_json_number(v) for v in s.values], s.labels] for s in self.series
            ],
            "figure_ids": self.figure_ids,
            "initiative_ids": self.initiative_ids,
            "years": self.years,
            "extra": self.extra,
            "colours": self.colours,
            "legend": self.legend,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "language": self.language,
            "caption": self.caption,
        }
        return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_number(value: float) -> float | None:
    return None if math.isnan(value) else value


def _values_alt(data: ChartData, w: dict[str, str]) -> list[str]:
    items = []
    many = len(data.series) > 1
    for s in data.series:
        total = sum(v for v in s.values if not math.isnan(v))
        for cat, value, label in zip(data.categories, s.values, s.labels, strict=True):
            if math.isnan(value):
                continue
            text = f"{s.name} {cat}" if many else cat
            text += f"{w['colon']}{label}"
            if data.kind == "pie" and total:
                text += w["share"].format(f"{value / total:.0%}")
            items.append(text)
    return items


def _timeline_alt(data: ChartData, w: dict[str, str]) -> list[str]:
    by_year: dict[int, list[str]] = {}
    for label, year, status in zip(data.categories, data.years, data.extra, strict=True):
        if status in ("planned", "draft"):
            label += w["share"].format(STATUS_LABELS[data.language][status])
        by_year.setdefault(year, []).append(label)
    suffix = " 年" if data.language == "zh-TW" else ""
    return [f"{year}{suffix}{w['colon']}{w['list'].join(names)}" for year, names in by_year.items()]


def _schedule_alt(data: ChartData, w: dict[str, str]) -> list[str]:
    return [
        f"{start}{w['to']}{end} {title}"
        for title, (start, end, _type) in zip(data.categories, data.extra, strict=True)
    ]
