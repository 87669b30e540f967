"""Charts drawn from the report's figure records, initiatives and agenda.

Two steps, kept apart so the data can be checked and cached without drawing:

* :func:`chart_data` turns a :class:`~briefing.model.ChartSpec` into plain :class:`ChartData`
  (categories, values, the labels drawn on the chart, colours, cited sections). It is pure and
  raises :class:`~briefing.errors.ChartError` naming the field when the spec cannot be drawn.
* :func:`render_png` draws that data with matplotlib (``Figure`` + the Agg canvas, never pyplot)
  in the deck font and caches the PNG on disk; a cache hit neither imports nor draws matplotlib.

:mod:`briefing.deck.native_chart` draws the same data as an editable PowerPoint chart.
Importing this module is cheap: matplotlib is imported inside the drawing functions only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.errors import ChartError, FontError
from briefing.model import PILLARS, STATUSES, ChartSpec

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from matplotlib.figure import Figure as MplFigure
    from matplotlib.font_manager import FontProperties

    from briefing.model import Figure, Initiative
    from briefing.report import Report

#: Part of every cache key (with a hash of this file and matplotlib's version): bump it when a
#: change elsewhere (e.g. the theme) changes what a PNG looks like.
CHART_VERSION = "1"

#: How many charts this process has drawn with matplotlib (cache hits do not count).
RENDER_COUNT = 0

LANGUAGES = ("zh-TW", "en")

KIND_NAMES = {
    "zh-TW": {
        "timeline": "時間軸",
        "bar": "長條圖",
        "column": "直條圖",
        "pie": "圓餅圖",
        "line": "折線圖",
        "schedule": "議程時間表",
    },
    "en": {
        "timeline": "Timeline",
        "bar": "Bar chart",
        "column": "Column chart",
        "pie": "Pie chart",
        "line": "Line chart",
        "schedule": "Schedule",
    },
}
PILLAR_LABELS = {
    "zh-TW": {
        "digital-economy": "數位經濟",
        "digital-government": "數位政府",
        "digital-society": "數位社會",
        "infrastructure": "數位基礎建設",
    },
    "en": {
        "digital-economy": "Digital economy",
        "digital-government": "Digital government",
        "digital-society": "Digital society",
        "infrastructure": "Digital infrastructure",
    },
}
STATUS_LABELS = {
    "zh-TW": {"launched": "已推動", "trial": "試辦", "planned": "規劃中", "draft": "草案"},
    "en": {"launched": "Launched", "trial": "Trial", "planned": "Planned", "draft": "Draft"},
}
AGENDA_TYPE_LABELS = {
    "zh-TW": {
        "registration": "報到",
        "remarks": "致詞",
        "address": "演說",
        "panel": "座談",
        "feature": "專題",
        "conversation": "對談",
        "networking": "茶敘交流",
        "dialogue": "對話",
        "end": "結束",
    },
    "en": {
        "registration": "Registration",
        "remarks": "Remarks",
        "address": "Address",
        "panel": "Panel",
        "feature": "Feature",
        "conversation": "Conversation",
        "networking": "Networking",
        "dialogue": "Dialogue",
        "end": "End",
    },
}
AGENDA_TYPE_COLOURS = {
    "registration": theme.MUTED,
    "networking": theme.MUTED,
    "end": theme.MUTED,
    "remarks": theme.ACCENTS[0],
    "address": theme.ACCENTS[0],
    "panel": theme.ACCENTS[1],
    "feature": theme.ACCENTS[2],
    "conversation": theme.ACCENTS[3],
    "dialogue": theme.ACCENTS[4],
}
_WORDS = {
    "zh-TW": {
        "unit": "單位：{}",
        "count": "項",
        "no_year": "年份未載",
        "source": "資料來源：",
        "colon": "：",
        "sep": "；",
        "list": "、",
        "stop": "。",
        "planned": "規劃中／草案",
        "share": "（{}）",
        "to": "–",
    },
    "en": {
        "unit": "Unit: {}",
        "count": "",
        "no_year": "No year",
        "source": "Source: ",
        "colon": ": ",
        "sep": "; ",
        "list": ", ",
        "stop": ". ",
        "planned": "Planned / draft",
        "share": " ({})",
        "to": "–",
    },
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Units that are scales of one another: a spec's ``unit`` converts figures between them.
_SCALES: dict[str, tuple[str, float]] = {
    "新幣": ("SGD", 1),
    "新加坡幣": ("SGD", 1),
    "S$": ("SGD", 1),
    "SGD": ("SGD", 1),
    "萬新幣": ("SGD", 1e4),
    "百萬新幣": ("SGD", 1e6),
    "億新幣": ("SGD", 1e8),
    "元": ("TWD", 1),
    "新臺幣元": ("TWD", 1),
    "萬元": ("TWD", 1e4),
    "億元": ("TWD", 1e8),
}
# English decks: units the report writes in Chinese, as (English unit, factor).
_EN_UNITS: dict[str, tuple[str, float]] = {
    "萬新幣": ("S$ million", 0.01),
    "億新幣": ("S$ billion", 0.1),
    "新幣": ("S$", 1),
    "萬元": ("NT$ million", 0.01),
    "億元": ("NT$ billion", 0.1),
    "元": ("NT$", 1),
    "家": ("", 1),
    "座": ("", 1),
    "個": ("", 1),
    "項": ("", 1),
    "件": ("", 1),
    "人": ("people", 1),
    "萬人": ("10,000 people", 1),
}
_NO_SPACE_UNITS = {"%", "％"}
# Characters tick labels and separators may draw besides the data's own text.
_TICK_CHARS = "0123456789,.-−:–"


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Series:
    """One row of values; ``labels`` are the texts drawn on its points (value + unit)."""

    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ChartData:
    """Everything a chart draws, as plain data (see :func:`chart_data`).

    ``categories``: bar/column/pie: one label per bar or wedge; line: the dates of the points;
    timeline: the initiatives' labels (``years`` gives each one's year); schedule: the session
    titles. ``colours`` are hex RGB per category (per series for line charts). ``legend`` is
    ``(label, colour)`` pairs. ``extra`` holds what one kind needs besides: timeline: each
    initiative's status; schedule: ``(start, end, type)`` of each session, times as ``HH:MM``.
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

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.language][self.kind]

    @property
    def alt_text(self) -> str:
        """What the chart shows in words: title, every value with its unit, the sources."""
        w = _WORDS[self.language]
        if self.kind == "timeline":
            items = _timeline_alt(self, w)
        elif self.kind == "schedule":
            items = [
                f"{start}{w['to']}{end} {title}"
                for title, (start, end, _type) in zip(self.categories, self.extra, strict=True)
            ]
        else:
            items = _values_alt(self, w)
        text = f"{self.kind_name}{w['colon']}{self.title}{w['stop']}"
        if items:
            text += w["sep"].join(items) + w["stop"]
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
            _TICK_CHARS,
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


# ---------------------------------------------------------------------------------------------
# Formatting helpers (shared with the native chart writer)
# ---------------------------------------------------------------------------------------------
def format_number(value: float) -> str:
    """``4000.0`` -> ``4,000``; ``1.5`` -> ``1.5`` (at most two decimals)."""
    if math.isnan(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(
    value: float, unit: str | None, qualifier: str = "exact", language: str = "zh-TW"
) -> str:
    """A value as the chart labels it: ``4,000 萬新幣``, ``200 多座``, ``約 3 項``, ``50+``."""
    number = format_number(value)
    unit = unit or ""
    if language == "en":
        if qualifier == "over":
            number += "+"
        currency = re.fullmatch(r"(S\$|NT\$)(?: (.+))?", unit)
        if currency:  # S$40 million
            text = f"{currency.group(1)}{number}" + (
                f" {currency.group(2)}" if currency.group(2) else ""
            )
        elif unit:
            text = f"{number}{unit}" if unit in _NO_SPACE_UNITS else f"{number} {unit}"
        else:
            text = number
        prefix = {"about": "about ", "target": "target ", "forecast": "forecast "}.get(qualifier)
        return f"{prefix}{text}" if prefix else text
    if qualifier == "over":
        text = f"{number} 多{unit}"
    elif unit in _NO_SPACE_UNITS or not unit:
        text = f"{number}{unit}"
    else:
        text = f"{number} {unit}"
    prefix = {"about": "約 ", "target": "目標 ", "forecast": "預估 "}.get(qualifier)
    return f"{prefix}{text}" if prefix else text


def format_when(when: str, language: str = "zh-TW") -> str:
    """``2019-06`` -> ``2019 年 6 月`` (``Jun 2019`` in English)."""
    parts = [int(p) for p in when.split("-")]
    if language == "en":
        if len(parts) == 1:
            return str(parts[0])
        month = _MONTHS_EN[parts[1] - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"
    text = f"{parts[0]} 年"
    if len(parts) > 1:
        text += f" {parts[1]} 月"
    if len(parts) > 2:
        text += f" {parts[2]} 日"
    return text


def when_as_year(when: str) -> float:
    """``2019-06`` as a fractional year (for placing line chart points)."""
    parts = [int(p) for p in when.split("-")]
    value = float(parts[0])
    if len(parts) > 1:
        value += (parts[1] - 1) / 12
    if len(parts) > 2:
        value += (parts[2] - 1) / 365
    return value


def initiative_label(item: Initiative, language: str = "zh-TW") -> str:
    """The Chinese name plus a short English name or acronym: ``國家數位身分 (NDI)``."""
    if language == "en":
        name, acronym = _split_english(item.name_en)
        if not name:
            return item.name
        return f"{name} ({acronym})" if acronym else name
    short = _short_english(item.name_en)
    if short and short.casefold() not in item.name.casefold():
        return f"{item.name} ({short})"
    return item.name


def _short_english(name_en: str | None) -> str | None:
    """``NDI`` from ``National Digital Identity, NDI`` or ``... (NDI)``; a short name itself."""
    name, acronym = _split_english(name_en)
    if acronym:
        return acronym
    return name if name and len(name) <= 12 else None


def _split_english(name_en: str | None) -> tuple[str | None, str | None]:
    if not name_en:
        return None, None
    found = re.fullmatch(
        r"(.+?)\s*(?:\(([A-Za-z0-9&.\- ]{2,12})\)|[,;]\s*([A-Za-z0-9&.\-]{2,12}))", name_en.strip()
    )
    if found:
        return found.group(1).strip(), (found.group(2) or found.group(3)).strip()
    return name_en.strip(), None


_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "through",
    "via",
    "with",
    "across",
}


def title_case(text: str) -> str:
    """``NETWORKING TEA`` -> ``Networking Tea`` (only for all-capital English titles)."""
    if not text.isupper():
        return text
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        parts = word.split("-")
        fixed = []
        for k, part in enumerate(parts):
            lower = part.lower()
            if any(ch.isdigit() for ch in part) or not part[:1].isalpha():
                fixed.append(part if part[:1].isalpha() or not part else part.lower())
            elif lower in _SMALL_WORDS and (n or k) and n != len(words) - 1:
                fixed.append(lower)
            else:
                fixed.append(lower[:1].upper() + lower[1:])
        out.append("-".join(fixed))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# chart_data
# ---------------------------------------------------------------------------------------------
def chart_data(spec: ChartSpec, report: Report, *, language: str = "zh-TW") -> ChartData:
    """The data ``spec`` plots, taken from ``report``'s records (pure; no drawing).

    Raises :class:`ChartError` naming the spec field when a record is missing, a timeline
    initiative has no year, figures mix units without ``spec.unit``, or the kind is unknown.
    """
    if language not in LANGUAGES:
        raise ChartError(f"unknown language {language!r} (use zh-TW or en)", field="language")
    where = _Where(spec, report)
    kind = spec.kind
    if kind not in KIND_NAMES["en"]:
        raise where.error(
            f"unknown chart kind {kind!r} (use one of {', '.join(KIND_NAMES['en'])})", "kind"
        )
    if kind == "schedule":
        return _schedule_data(spec, report, language, where)
    if kind == "timeline":
        return _timeline_data(spec, report, language, where)
    if spec.group_by is not None:
        if kind == "line":
            raise where.error(
                "a line chart plots figures over time; group_by needs bar, column or pie",
                "group_by",
            )
        return _grouped_data(spec, report, language, where)
    if not spec.figures:
        raise where.error(f"a {kind} chart needs figures (or initiatives with group_by)", "figures")
    return _figure_data(spec, report, language, where)


class _Where:
    """Builds ChartErrors that point at the spec's line in charts.yaml when it came from there."""

    def __init__(self, spec: ChartSpec, report: Report) -> None:
        self.spec = spec
        self.index: int | None = None
        self.located = report.sources.get("charts")
        for i, known in enumerate(report.charts):
            if known is spec or known == spec:
                self.index = i
                break

    def error(self, message: str, *path: str | int) -> ChartError:
        field = f"{self.spec.id}." + _dotted(path) if path else self.spec.id
        if self.index is not None and self.located is not None:
            line = self.located.line_of((self.index, *path))
            return ChartError(
                f"chart {self.spec.id!r}: {message}",
                file=self.located.file,
                line=line,
                field=f"charts[{self.index}]." + _dotted(path),
            )
        return ChartError(f"chart {self.spec.id!r}: {message}", field=f"charts.{field}")


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _lookup(report: Report, what: str, item_id: str, where: _Where, index: int) -> Any:
    getter = report.figure if what == "figures" else report.initiative
    try:
        return getter(item_id)
    except KeyError:
        from briefing.selection import nearest

        known = [x.id for x in (report.figures if what == "figures" else report.initiatives)]
        close = nearest(item_id, known)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        kind = "figure" if what == "figures" else "initiative"
        raise where.error(f"unknown {kind} id {item_id!r}{hint}", what, index) from None


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _label(spec: ChartSpec, key: str, language: str) -> str | None:
    if language == "en" and f"en:{key}" in spec.labels:
        return spec.labels[f"en:{key}"]
    return spec.labels.get(key)


def _title(spec: ChartSpec, language: str) -> str:
    return (_label(spec, "title", language) if language == "en" else None) or spec.title


def _axis_labels(
    spec: ChartSpec,
    unit: str | None,
    language: str,
) -> tuple[str | None, str | None]:
    y_label = spec.y_label or (_WORDS[language]["unit"].format(unit) if unit else None)
    return spec.x_label, y_label


def _figure_data(spec: ChartSpec, report: Report, language: str, where: _Where) -> ChartData:
    records: list[Figure] = [
        _lookup(report, "figures", fid, where, i) for i, fid in enumerate(spec.figures)
    ]
    unit, values = _common_unit(spec, records, where)
    qualifiers = [f.qualifier for f in records]
    if language == "en" and unit in _EN_UNITS:
        unit, factor = _EN_UNITS[unit]
        values = [v * factor for v in values]
    shown_unit = unit or None
    measures = _unique(f.measure for f in records)
    sources = _unique(report.cite(f.section) for f in records)
    initiatives = _unique(f.initiative for f in records if f.initiative)

    if spec.kind == "line":
        for i, f in enumerate(records):
            if f.when is None:
                raise where.error(
                    f"figure {f.id!r} has no date (when) to place it on a line", "figures", i
                )
        whens_of = [str(f.when) for f in records]
        order = sorted(range(len(records)), key=lambda i: when_as_year(whens_of[i]))
        whens = tuple(whens_of[i] for i in order)
        if len(set(whens)) < len(whens):
            raise where.error("two figures of a line chart have the same date", "figures")
        categories = tuple(
            _label(spec, records[i].id, language) or format_when(whens_of[i], language)
            for i in order
        )
        name = _label(spec, "series", language) or (
            measures[0] if len(measures) == 1 else _title(spec, language)
        )
        series = Series(
            name,
            tuple(values[i] for i in order),
            tuple(format_value(values[i], unit, qualifiers[i], language) for i in order),
        )
        x_label, y_label = _axis_labels(spec, shown_unit, language)
        return ChartData(
            spec=spec,
            kind=spec.kind,
            title=_title(spec, language),
            categories=categories,
            series=(series,),
            unit=shown_unit,
            sources=sources,
            figure_ids=tuple(spec.figures[i] for i in order),
            initiative_ids=initiatives,
            colours=(theme.ACCENTS[0],),
            x_label=x_label,
            y_label=y_label,
            language=language,
            extra=whens,
        )

    dated = (
        len(records) > 1
        and all(f.when for f in records)
        and len({f.when for f in records}) == len(records)
    )
    over_time = dated and len(measures) == 1
    categories = []
    for f in records:
        label = _label(spec, f.id, language)
        if label is None:
            label = format_when(str(f.when), language) if over_time else f.measure
        categories.append(label)
    labels = tuple(
        format_value(v, unit, q, language) for v, q in zip(values, qualifiers, strict=True)
    )
    name = measures[0] if len(measures) == 1 else _title(spec, language)
    if dated and spec.kind != "pie":
        colours = (theme.ACCENTS[0],) * len(records)
    else:
        colours = tuple(theme.ACCENTS[i % len(theme.ACCENTS)] for i in range(len(records)))
    x_label, y_label = _axis_labels(spec, shown_unit, language)
    return ChartData(
        spec=spec,
        kind=spec.kind,
        title=_title(spec, language),
        categories=tuple(categories),
        series=(Series(name, tuple(values), labels),),
        unit=shown_unit,
        sources=sources,
        figure_ids=spec.figures,
        initiative_ids=initiatives,
        colours=colours,
        x_label=x_label,
        y_label=y_label,
        language=language,
    )


def _common_unit(
    spec: ChartSpec, records: Sequence[Figure], where: _Where
) -> tuple[str | None, list[float]]:
    units = _unique(f.unit for f in records)
    if spec.unit is None:
        if len(units) > 1:
            raise where.error(
                f"figures mix units ({', '.join(units)}); give the chart a unit "
                "or plot them in separate charts",
                "unit",
            )
        return (units[0] if units else None), [f.value for f in records]
    values = []
    target = _SCALES.get(spec.unit)
    for f in records:
        source = _SCALES.get(f.unit)
        if f.unit != spec.unit and target and source and source[0] == target[0]:
            values.append(f.value * source[1] / target[1])
        else:
            values.append(f.value)
    return spec.unit, values


def _grouped_data(spec: ChartSpec, report: Report, language: str, where: _Where) -> ChartData:
    explicit = bool(spec.initiatives)
    items: list[Initiative] = (
        [_lookup(report, "initiatives", iid, where, i) for i, iid in enumerate(spec.initiatives)]
        if explicit
        else list(report.initiatives)
    )
    if spec.figures:
        raise where.error("group_by counts initiatives; remove figures or group_by", "figures")
    groups: list[tuple[str, str]]  # (key, label)
    if spec.group_by == "pillar":
        groups = [(p, PILLAR_LABELS[language][p]) for p in PILLARS]
        key: Callable[[Initiative], str] = lambda i: i.pillar  # noqa: E731
        colour_of = dict(theme.PILLAR_COLOURS)
    elif spec.group_by == "status":
        groups = [(s, STATUS_LABELS[language][s]) for s in STATUSES]
        key = lambda i: i.status  # noqa: E731
        colour_of = {s: theme.ACCENTS[n] for n, s in enumerate(STATUSES)}
    else:
        for n, item in enumerate(items):
            if item.year is None and explicit:
                raise where.error(
                    f"initiative {item.id!r} has no year to group by", "initiatives", n
                )
        years = sorted({i.year for i in items if i.year is not None})
        groups = [(str(y), str(y) + (" 年" if language == "zh-TW" else "")) for y in years]
        if any(i.year is None for i in items):
            groups.append(("none", _WORDS[language]["no_year"]))
        key = lambda i: str(i.year) if i.year is not None else "none"  # noqa: E731
        colour_of = {g: theme.ACCENTS[0] for g, _ in groups}
        colour_of["none"] = theme.MUTED
    counts = {g: 0 for g, _ in groups}
    for item in items:
        counts[key(item)] += 1
    unit = spec.unit or _WORDS[language]["count"] or None
    values = tuple(float(counts[g]) for g, _ in groups)
    labels = tuple(format_value(v, unit, "exact", language) for v in values)
    name = _label(spec, "series", language) or ("措施數" if language == "zh-TW" else "Initiatives")
    y_label = spec.y_label or (
        _WORDS[language]["unit"].format(unit)
        if unit
        else ("Number of initiatives" if language == "en" else None)
    )
    if spec.sections and not explicit:  # all initiatives: cite the sections the chart is for
        sources = _unique(report.cite(sid) for sid in spec.sections)
    else:
        sources = _unique(report.cite(i.sections[0]) for i in items)
    return ChartData(
        spec=spec,
        kind=spec.kind,
        title=_title(spec, language),
        categories=tuple(_label(spec, g, language) or label for g, label in groups),
        series=(Series(name, values, labels),),
        unit=unit,
        sources=sources,
        initiative_ids=tuple(i.id for i in items),
        colours=tuple(colour_of[g] for g, _ in groups),
        x_label=spec.x_label,
        y_label=y_label,
        language=language,
    )


def _timeline_data(spec: ChartSpec, report: Report, language: str, where: _Where) -> ChartData:
    if spec.figures:
        raise where.error("a timeline places initiatives by year; it takes no figures", "figures")
    if spec.initiatives:
        items = []
        for n, iid in enumerate(spec.initiatives):
            item = _lookup(report, "initiatives", iid, where, n)
            if item.year is None:
                raise where.error(
                    f"initiative {iid!r} has no year to place it on the timeline", "initiatives", n
                )
            items.append(item)
    else:
        items = [i for i in report.initiatives if i.year is not None]
    if not items:
        raise where.error("no initiative with a year to draw", "initiatives")
    items.sort(key=lambda i: i.year)  # stable: report order within a year
    by_status = spec.group_by == "status"
    colours = tuple(
        theme.ACCENTS[STATUSES.index(i.status)] if by_status else theme.PILLAR_COLOURS[i.pillar]
        for i in items
    )
    if by_status:
        legend = tuple(
            (STATUS_LABELS[language][s], theme.ACCENTS[n])
            for n, s in enumerate(STATUSES)
            if any(i.status == s for i in items)
        )
    else:
        legend = tuple(
            (PILLAR_LABELS[language][p], theme.PILLAR_COLOURS[p])
            for p in PILLARS
            if any(i.pillar == p for i in items)
        )
        if any(i.status in ("planned", "draft") for i in items):
            legend += ((_WORDS[language]["planned"], ""),)
    labels = tuple(_label(spec, i.id, language) or initiative_label(i, language) for i in items)
    years = tuple(int(i.year) for i in items)  # type: ignore[arg-type]
    dated = [year_figure(report, i) for i in items]
    sources = _unique(
        report.cite(f.section if f else i.sections[0]) for i, f in zip(items, dated, strict=True)
    )
    return ChartData(
        spec=spec,
        kind="timeline",
        title=_title(spec, language),
        categories=labels,
        series=(Series("year", tuple(float(y) for y in years), tuple(str(y) for y in years)),),
        unit=None,
        sources=sources,
        figure_ids=tuple(f.id for f in dated if f),
        initiative_ids=tuple(i.id for i in items),
        years=years,
        extra=tuple(i.status for i in items),
        colours=colours,
        legend=legend,
        x_label=spec.x_label,
        y_label=spec.y_label,
        language=language,
    )


def year_figure(report: Report, item: Initiative) -> Figure | None:
    """The figure record stating the initiative's year (its section is the citation): a year
    figure (unit 年) of that year, else a figure of the initiative dated in that year."""
    records = []
    for fid in item.figures:
        try:
            records.append(report.figure(fid))
        except KeyError:
            continue
    for figure in records:
        if figure.unit == "年" and item.year in (figure.value, figure.year):
            return figure
    return next((f for f in records if f.year == item.year), None)


def _schedule_data(spec: ChartSpec, report: Report, language: str, where: _Where) -> ChartData:
    agenda = report.agenda
    if agenda is None:
        raise where.error("the report has no agenda (agenda.yaml)", "kind")
    items = sorted(agenda.items, key=lambda i: i.minutes)
    rows: list[tuple[str, str, str, str]] = []  # title, start, end, type
    for n, item in enumerate(items):
        if item.type == "end" and n == len(items) - 1:
            break
        end = items[n + 1].time if n + 1 < len(items) else _hhmm(item.minutes + 30)
        rows.append((item.title, item.time, end, item.type))
    if not rows:
        raise where.error("the agenda has no sessions to draw", "kind")
    durations = tuple(float(_minutes(e) - _minutes(s)) for _, s, e, _ in rows)
    types = _unique(t for *_, t in rows)
    colour_labels: dict[str, list[str]] = {}
    for t in types:
        colour_labels.setdefault(AGENDA_TYPE_COLOURS[t], []).append(AGENDA_TYPE_LABELS[language][t])
    sep = "／" if language == "zh-TW" else " / "
    return ChartData(
        spec=spec,
        kind="schedule",
        title=_title(spec, language),
        categories=tuple(title_case(r[0]) for r in rows),
        series=(
            Series(
                "minutes",
                durations,
                tuple(f"{s}{_WORDS[language]['to']}{e}" for _, s, e, _ in rows),
            ),
        ),
        unit=None,
        sources=(report.cite(agenda.section),),
        extra=tuple((s, e, t) for _, s, e, t in rows),
        colours=tuple(AGENDA_TYPE_COLOURS[t] for *_, t in rows),
        legend=tuple((sep.join(labels), colour) for colour, labels in colour_labels.items()),
        x_label=spec.x_label,
        y_label=spec.y_label,
        language=language,
    )


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# ---------------------------------------------------------------------------------------------
# Which charts a selection shows
# ---------------------------------------------------------------------------------------------
def chart_sections(spec: ChartSpec, report: Report) -> tuple[str, ...]:
    """The sections that make ``spec`` appear: ``spec.sections`` or those of its records."""
    if spec.sections:
        return spec.sections
    found: list[str] = []
    if spec.kind == "schedule":
        if report.agenda is not None:
            found.append(report.agenda.section)
        return _unique(found)
    for fid in spec.figures:
        try:
            found.append(report.figure(fid).section)
        except KeyError:
            continue
    if spec.group_by and not spec.initiatives:  # counts every initiative
        found.extend(i.sections[0] for i in report.initiatives)
    for iid in spec.initiatives:
        try:
            found.append(report.initiative(iid).sections[0])
        except KeyError:
            continue
    return _unique(found)


def chart_initiatives(spec: ChartSpec, report: Report) -> tuple[str, ...]:
    """The initiatives a chart is about: its own list plus those of its figures."""
    found = list(spec.initiatives)
    for fid in spec.figures:
        try:
            figure = report.figure(fid)
        except KeyError:
            continue
        if figure.initiative:
            found.append(figure.initiative)
    return _unique(found)


def charts_for(
    report: Report,
    selected_sections: Iterable[str],
    selected_initiatives: Iterable[str],
    extra: Sequence[ChartSpec] = (),
) -> list[ChartSpec]:
    """The charts a selection shows, in ``report.charts`` order, then ``extra``.

    A chart shows when one of its sections (``spec.sections``; by default the sections of its
    figures, the first section of each of its initiatives, or the agenda's section for a
    schedule) is selected, or when one of the initiatives it names (directly or through its
    figures) is selected. A spec in ``extra`` with the id of a report chart replaces it.
    """
    sections, initiatives = set(selected_sections), set(selected_initiatives)
    replaced = {spec.id: spec for spec in extra}
    ordered = [replaced.pop(spec.id, spec) for spec in report.charts]
    ordered.extend(replaced.values())
    return [
        spec
        for spec in ordered
        if sections.intersection(chart_sections(spec, report))
        or initiatives.intersection(chart_initiatives(spec, report))
    ]


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------
def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/briefing/charts`` (``~/.cache/briefing/charts`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing" / "charts"


_FONT_HASHES: dict[tuple[str, int, int], str] = {}


def _font_hash(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError as exc:
        raise FontError(f"cannot read font: {exc.strerror}", file=path) from None
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _FONT_HASHES:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _FONT_HASHES[key] = digest.hexdigest()
    return _FONT_HASHES[key]


@functools.cache
def _code_version() -> str:
    """This module's source and matplotlib's version: a PNG drawn by other code is stale."""
    from importlib import metadata

    try:
        mpl = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:  # pragma: no cover - matplotlib is a dependency
        mpl = "?"
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"{source}/{mpl}"


def cache_key(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None,
    width_in: float,
    height_in: float,
    dpi: int,
) -> str:
    """The sha256 naming a rendered PNG in the cache."""
    payload = json.dumps(
        {
            "data": data.to_json(),
            "font": _font_hash(Path(font)),
            "bold": _font_hash(Path(bold_font)) if bold_font else None,
            "size": [round(width_in, 6), round(height_in, 6)],
            "dpi": dpi,
            "version": CHART_VERSION,
            "code": _code_version(),
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def render_png(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None = None,
    width_in: float,
    height_in: float,
    dpi: int = 200,
    cache_dir: Path | None = None,
) -> bytes:
    """The chart as a PNG of exactly ``round(width_in*dpi)`` x ``round(height_in*dpi)`` pixels.

    Every text is drawn with ``font`` (the title with ``bold_font`` when given). PNGs are cached
    under ``cache_dir`` (default :func:`default_cache_dir`); a hit returns the stored bytes
    without importing matplotlib.
    """
    if width_in <= 0 or height_in <= 0 or dpi <= 0:
        raise ChartError(f"bad chart size {width_in} x {height_in} in at {dpi} dpi", field="size")
    font = Path(font)
    bold = Path(bold_font) if bold_font else None
    key = cache_key(
        data, font=font, bold_font=bold, width_in=width_in, height_in=height_in, dpi=dpi
    )
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = folder / key[:2] / f"{key}.png"
    try:
        return target.read_bytes()
    except OSError:
        pass
    png = _render(data, font=font, bold_font=bold, width_in=width_in, height_in=height_in, dpi=dpi)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(png)
        os.replace(tmp, target)
    except OSError:
        pass  # an unwritable cache only costs time
    return png


def _render(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None,
    width_in: float,
    height_in: float,
    dpi: int,
) -> bytes:
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = draw_figure(
        data, font=font, bold_font=bold_font, width_in=width_in, height_in=height_in, dpi=dpi
    )
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


def draw_figure(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None = None,
    width_in: float,
    height_in: float,
    dpi: int = 200,
) -> MplFigure:
    """The matplotlib Figure for ``data`` (drawn once, so every text has its final layout)."""
    global RENDER_COUNT
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    for path in (font, bold_font):
        if path is not None and not Path(path).is_file():
            raise FontError("font file not found", file=path)
    # A hair over the exact pixel count so Agg's int() truncation lands on round(w*dpi).
    width_px, height_px = round(width_in * dpi), round(height_in * dpi)
    size = ((width_px + 0.01) / dpi, (height_px + 0.01) / dpi)
    with mpl.rc_context(_RC):
        figure = MplFigure(figsize=size, dpi=dpi, facecolor="white")
        FigureCanvasAgg(figure)
        painter = _Painter(
            figure, data, Path(font), Path(bold_font) if bold_font else None, width_in, height_in
        )
        _DRAW[data.kind](painter)
    RENDER_COUNT += 1
    return figure


_RC = {
    "axes.unicode_minus": False,
    "text.usetex": False,
    "axes.edgecolor": "#" + theme.MUTED,
    "axes.labelcolor": "#" + theme.DARK,
    "text.color": "#" + theme.DARK,
    "xtick.color": "#" + theme.MUTED,
    "ytick.color": "#" + theme.MUTED,
    "xtick.labelcolor": "#" + theme.DARK,
    "ytick.labelcolor": "#" + theme.DARK,
    "axes.linewidth": 1.0,
    "figure.constrained_layout.h_pad": 0.06,
    "figure.constrained_layout.w_pad": 0.08,
}
_GRID = "#DDE3EA"


class _Painter:
    """Fonts, sizes and text helpers for one drawing."""

    def __init__(
        self,
        figure: MplFigure,
        data: ChartData,
        font: Path,
        bold: Path | None,
        width_in: float,
        height_in: float,
    ) -> None:
        self.figure = figure
        self.data = data
        self.font = font
        self.bold = bold or font
        self.width_in = width_in
        self.height_in = height_in
        # Sizes are set for the deck's 11.5 x 5.2 in picture (placed at 1:1 on the slide).
        self.scale = max(0.5, min(1.6, width_in / 11.5, height_in / 5.2))
        self.title_pt = 22 * self.scale
        self.label_pt = 16 * self.scale
        self.tick_pt = 14 * self.scale
        self._renderer: Any = None

    def fp(self, size: float | None = None, *, bold: bool = False) -> FontProperties:
        from matplotlib.font_manager import FontProperties

        return FontProperties(
            fname=str(self.bold if bold else self.font), size=size or self.label_pt
        )

    def rgb(self, hex_colour: str) -> tuple[float, float, float]:
        return theme.rgb(hex_colour)

    @property
    def renderer(self) -> Any:
        if self._renderer is None:
            self._renderer = self.figure.canvas.get_renderer()
        return self._renderer

    def text_width_pt(self, text: str, size: float, *, bold: bool = False) -> float:
        """How wide ``text`` is when drawn (points)."""
        probe = self.figure.text(
            0, 0, text, fontproperties=self.fp(size, bold=bold), parse_math=False
        )
        box = probe.get_window_extent(self.renderer)
        probe.remove()
        return box.width * 72 / self.figure.dpi

    def title(self) -> float:
        """Draw the title top left; return the figure fraction of the band it uses."""
        pad = 0.12 / self.height_in
        self.figure.text(
            0.12 / self.width_in,
            1 - pad,
            self.data.title,
            ha="left",
            va="top",
            fontproperties=self.fp(self.title_pt, bold=True),
            parse_math=False,
            color="#" + theme.NAVY,
        )
        return pad + self.title_pt * 1.45 / 72 / self.height_in

    def legend(self, handles: list[Any], labels: list[str], top: float) -> float:
        """A one-row legend at the top right (below the title if it does not fit beside it);
        returns the figure fraction used from the top."""
        if not handles:
            return top
        size = self.tick_pt
        legend_w = sum(self.text_width_pt(lbl, size) + 3.2 * size for lbl in labels) / 72
        title_w = self.text_width_pt(self.data.title, self.title_pt, bold=True) / 72
        beside = title_w + legend_w + 0.5 <= self.width_in
        y = 1 - 0.1 / self.height_in if beside else 1 - top
        self.figure.legend(
            handles,
            labels,
            loc="upper right",
            bbox_to_anchor=(1 - 0.08 / self.width_in, y),
            ncol=len(handles),
            frameon=False,
            prop=self.fp(size),
            handlelength=1.2,
            handletextpad=0.5,
            columnspacing=1.4,
            borderaxespad=0.1,
        )
        return top if beside else top + size * 1.8 / 72 / self.height_in

    def style_axes(self, ax: Any, *, grid: str | None) -> None:
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if grid:
            ax.grid(axis=grid, color=_GRID, linewidth=0.9)
            ax.set_axisbelow(True)
        ax.tick_params(length=0 if grid else 4, pad=6)

    def value_ticks(self, vmax: float, headroom: float = 1.18) -> tuple[list[float], float]:
        from matplotlib.ticker import MaxNLocator

        whole = vmax >= 5 or all(
            float(v).is_integer() for s in self.data.series for v in s.values if not math.isnan(v)
        )
        top = (vmax if vmax > 0 else 1) * headroom
        ticks = [
            t
            for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=whole).tick_values(
                0, top
            )
            if 0 <= t <= top
        ]
        return ticks, top

    def set_ticks(
        self,
        ax: Any,
        axis: str,
        ticks: Sequence[float],
        labels: Sequence[str],
        size: float | None = None,
    ) -> None:
        setter = ax.set_xticks if axis == "x" else ax.set_yticks
        setter(
            list(ticks),
            list(labels),
            fontproperties=self.fp(size or self.tick_pt),
            parse_math=False,
        )


def _wrap(text: str, max_em: float) -> str:
    """Wrap ``text`` into lines of about ``max_em`` ems (CJK = 1 em, Latin about 0.56)."""
    if _em(text) <= max_em or "\n" in text:
        return text
    word = r"[(（「]?[A-Za-z0-9&.,'’\-/]+[)）」,]?\s*|[(（「]?.[)）」、，。：；]?"
    tokens: list[str] = []
    for group in re.findall(r"[(（][^)）]*[)）]\s*|[^(（]+|.", text):
        # a bracketed phrase that fits on a line stays whole
        if group[0] in "(（" and _em(group.rstrip()) <= max_em:
            tokens.append(group)
        else:
            tokens.extend(re.findall(word, group))
    lines, line = [], ""
    for token in tokens:
        if line and _em(line + token.rstrip()) > max_em:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(line for line in lines if line)


def _em(text: str) -> float:
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        elif ch.isupper():
            width += 0.66
        else:
            width += 0.56
    return width


# -- bar / column -------------------------------------------------------------------------------
def _draw_bars(p: _Painter) -> None:
    data, fig = p.data, p.figure
    horizontal = data.kind == "bar"
    top = p.title()
    n, m = len(data.categories), len(data.series)
    handles, names = [], []
    if m > 1:
        from matplotlib.patches import Patch

        handles = [Patch(color=p.rgb(theme.ACCENTS[i % 6])) for i in range(m)]
        names = [s.name for s in data.series]
    top = p.legend(handles, names, top)
    fig.set_layout_engine("constrained", rect=(0, 0, 1, 1 - top))
    ax = fig.add_subplot()
    p.style_axes(ax, grid="x" if horizontal else "y")
    width = 0.62 if m == 1 else 0.8 / m
    vmax = max((v for s in data.series for v in s.values if not math.isnan(v)), default=0)
    ticks, limit = p.value_ticks(vmax, headroom=1.28 if horizontal else 1.16)
    for j, s in enumerate(data.series):
        offset = (j - (m - 1) / 2) * width
        positions = [i + offset for i in range(n)]
        colours = [p.rgb(c) for c in data.colours] if m == 1 else p.rgb(theme.ACCENTS[j % 6])
        if horizontal:
            ax.barh(positions, s.values, height=width, color=colours)
        else:
            ax.bar(positions, s.values, width=width, color=colours)
        for pos, value, label in zip(positions, s.values, s.labels, strict=True):
            if math.isnan(value):
                continue
            if horizontal:
                ax.annotate(
                    label,
                    (value, pos),
                    xytext=(6, 0),
                    textcoords="offset points",
                    ha="left",
                    va="center",
                    fontproperties=p.fp(p.label_pt),
                    parse_math=False,
                    annotation_clip=False,
                )
            else:
                ax.annotate(
                    label,
                    (pos, value),
                    xytext=(0, 5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontproperties=p.fp(p.label_pt),
                    parse_math=False,
                    annotation_clip=False,
                )
    labels = [format_number(t) for t in ticks]
    if horizontal:
        ax.set_xlim(0, limit)
        p.set_ticks(ax, "x", ticks, labels)
        ax.set_ylim(n - 0.5, -0.5)
        max_em = 0.32 * p.width_in * 72 / p.tick_pt
        p.set_ticks(ax, "y", range(n), [_wrap(c, max_em) for c in data.categories], p.label_pt)
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
    else:
        ax.set_ylim(0, limit)
        p.set_ticks(ax, "y", ticks, labels)
        ax.set_xlim(-0.6, n - 0.4)
        slot_em = (p.width_in - 1.2) * 72 / max(n, 1) * 0.92 / p.label_pt
        p.set_ticks(ax, "x", range(n), [_wrap(c, slot_em) for c in data.categories], p.label_pt)
        ax.spines["left"].set_visible(False)
        if data.y_label:
            ax.set_title(
                data.y_label,
                loc="left",
                fontproperties=p.fp(p.tick_pt),
                pad=8,
                parse_math=False,
                color="#" + theme.MUTED,
            )
        if data.x_label:
            ax.set_xlabel(data.x_label, fontproperties=p.fp(p.tick_pt), parse_math=False)


# -- pie -----------------------------------------------------------------------------------------
def _draw_pie(p: _Painter) -> None:
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
    total = sum(values)
    ax = fig.add_axes((0.02, 0.03, 0.96, 1 - top - 0.05))
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
    unit_pt = ax.get_position().height * p.height_in * 72 / 2.6
    line = p.label_pt * 1.5 / unit_pt  # one label line in data units
    w = _WORDS[data.language]
    # Labels beside the ring, spread apart on each side so none overlap.
    labels: list[list[Any]] = []  # side, label y, wedge x, wedge y, text
    done = 0.0
    for i, value in zip(keep, values, strict=True):
        angle = math.radians(90 - (done + value / 2) / total * 360)
        done += value
        x, y = math.cos(angle), math.sin(angle)
        share = w["share"].format(f"{value / total:.0%}")
        text = f"{data.categories[i]}{w['colon']}{s.labels[i]}{share}"
        labels.append([1 if x >= 0 else -1, 1.12 * y, x, y, text])
    for side in (1, -1):
        group = sorted((lb for lb in labels if lb[0] == side), key=lambda lb: -lb[1])
        for upper, lower in zip(group, group[1:], strict=False):
            lower[1] = min(lower[1], upper[1] - line)
        if group and group[-1][1] < -1.25 + line / 2:
            group[-1][1] = -1.25 + line / 2
            for lower, upper in zip(group[::-1], group[-2::-1], strict=False):
                upper[1] = max(upper[1], lower[1] + line)
    for side, label_y, x, y, text in labels:
        ax.annotate(
            text,
            xy=(x, y),
            xytext=(side * 1.2, label_y),
            ha="left" if side > 0 else "right",
            va="center",
            fontproperties=p.fp(p.label_pt),
            parse_math=False,
            arrowprops={"arrowstyle": "-", "color": p.rgb(theme.MUTED), "linewidth": 1,
                        "shrinkA": 0, "shrinkB": 3},
        )
    if data.unit:
        ax.text(
            0,
            0,
            f"{format_number(total)}\n{data.unit}",
            ha="center",
            va="center",
            fontproperties=p.fp(p.title_pt, bold=True),
            parse_math=False,
            color="#" + theme.NAVY,
            linespacing=1.1,
        )


# -- line ----------------------------------------------------------------------------------------
def _draw_line(p: _Painter) -> None:
    from matplotlib.lines import Line2D

    data, fig = p.data, p.figure
    top = p.title()
    handles = [Line2D([], [], color=p.rgb(c), marker="o", linewidth=2.5) for c in data.colours]
    top = p.legend(handles if len(data.series) > 1 else [], [s.name for s in data.series], top)
    fig.set_layout_engine("constrained", rect=(0, 0, 1, 1 - top))
    ax = fig.add_subplot()
    p.style_axes(ax, grid="y")
    xs = [when_as_year(w) for w in data.extra]
    vmax = max((v for s in data.series for v in s.values if not math.isnan(v)), default=0)
    ticks, limit = p.value_ticks(vmax, headroom=1.2)
    for s, colour in zip(data.series, data.colours, strict=True):
        points = [
            (x, v, lbl)
            for x, v, lbl in zip(xs, s.values, s.labels, strict=True)
            if not math.isnan(v)
        ]
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
        for x, v, lbl in points:
            ax.annotate(
                lbl,
                (x, v),
                xytext=(0, 10),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontproperties=p.fp(p.label_pt),
                parse_math=False,
                annotation_clip=False,
            )
    span = (max(xs) - min(xs)) or 1.0
    ax.set_xlim(min(xs) - span * 0.12, max(xs) + span * 0.12)
    ax.set_ylim(0, limit)
    p.set_ticks(ax, "y", ticks, [format_number(t) for t in ticks])
    p.set_ticks(ax, "x", xs, list(data.categories), p.label_pt)
    ax.spines["left"].set_visible(False)
    if data.y_label:
        ax.set_title(
            data.y_label,
            loc="left",
            fontproperties=p.fp(p.tick_pt),
            pad=8,
            parse_math=False,
            color="#" + theme.MUTED,
        )
    if data.x_label:
        ax.set_xlabel(data.x_label, fontproperties=p.fp(p.tick_pt), parse_math=False)


# -- timeline ------------------------------------------------------------------------------------
def _timeline_positions(years: Sequence[int]) -> tuple[dict[int, float], list[float]]:
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


def _draw_timeline(p: _Painter) -> None:
    from matplotlib.lines import Line2D

    data, fig = p.data, p.figure
    top = p.title()
    handles, names = [], []
    for label, colour in data.legend:
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
        names.append(label)
    top = p.legend(handles, names, top)
    margin_x = 0.15 / p.width_in
    ax = fig.add_axes((margin_x, 0.03, 1 - 2 * margin_x, 1 - top - 0.06))
    ax.set_axis_off()
    pos, breaks = _timeline_positions(data.years)
    # Marks of one year sit side by side.
    xs: list[float] = []
    same: dict[int, int] = {}
    counts = {y: data.years.count(y) for y in set(data.years)}
    for year in data.years:
        k = same.get(year, 0)
        same[year] = k + 1
        xs.append(pos[year] + (k - (counts[year] - 1) / 2) * 0.2)
    x_min, x_max = min(pos.values()) - 0.7, max(pos.values()) + 0.7
    ax.set_xlim(x_min, x_max)
    box = ax.get_position()
    width_pt = box.width * p.width_in * 72
    height_pt = box.height * p.height_in * 72
    pt_per_x = width_pt / (x_max - x_min)

    layout = None
    for factor in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58):
        size = p.label_pt * factor
        layout = _place_labels(p, data.categories, xs, size, x_min, pt_per_x, width_pt)
        if layout["needed"] <= height_pt:
            break
    assert layout is not None
    size, levels, level_h, year_h = (
        layout["size"],
        layout["levels"],
        layout["level_h"],
        layout["year_h"],
    )
    up = max([lv for lv, _ in levels if lv > 0], default=0)
    down = -min([lv for lv, _ in levels if lv < 0], default=0)
    above = up * level_h + 16
    below = down * level_h + year_h + 10
    spare = max(height_pt - above - below, 0)
    ax.set_ylim(-below - spare / 2, above + spare / 2)

    def level_y(level: int) -> float:
        if level > 0:
            return (level - 0.5) * level_h + 12
        return -year_h - (-level - 0.5) * level_h - 6

    # Baseline with breaks.
    line_kw = {"color": p.rgb(theme.MUTED), "linewidth": 2.2, "solid_capstyle": "butt"}
    edges = [x_min + 0.1, *[b for x in breaks for b in (x - 0.12, x + 0.12)], x_max - 0.1]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        ax.plot([a, b], [0, 0], **line_kw)
    for x in breaks:
        for dx in (-0.12, 0.12):
            ax.plot([x + dx - 0.05, x + dx + 0.05], [-7, 7], **line_kw)
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
    hollow = set() if data.spec.group_by == "status" else {"planned", "draft"}
    for x, colour, status, label, (level, centre) in zip(
        xs, data.colours, data.extra, data.categories, levels, strict=True
    ):
        rgb = p.rgb(colour)
        y = level_y(level)
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
            fontproperties=p.fp(size),
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


def _place_labels(
    p: _Painter,
    labels: Sequence[str],
    xs: Sequence[float],
    size: float,
    x_min: float,
    pt_per_x: float,
    width_pt: float,
) -> dict[str, Any]:
    """Stagger the labels above and below the line so that no two boxes overlap and no stem
    crosses a box, using as few levels as possible (a small branch-and-bound search)."""
    pad = size * 0.32
    level_h = size * 1.25 + 2 * pad + 5
    year_h = p.tick_pt * 1.5 + 9
    gap = size * 0.6
    n = len(labels)
    order = sorted(range(n), key=lambda i: xs[i])
    marks = [(xs[i] - x_min) * pt_per_x for i in order]
    max_level = max(3, min(6, n))
    candidates: list[list[tuple[int, float, float]]] = []
    for i, x_pt in zip(order, marks, strict=True):
        w = p.text_width_pt(labels[i], size) + 2 * pad
        # centred on the mark, ending or starting just past it, or in between
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
        candidates.append(options)

    def fits(
        j: int,
        cand: tuple[int, float, float],
        placed: list[tuple[int, float, float]],
    ) -> bool:
        level, left, right = cand
        x_pt = marks[j]
        side = 1 if level > 0 else -1
        for k, (lv, a, b) in enumerate(placed):
            if lv == level and a - gap < right and left < b + gap:
                return False
            if lv * side > 0:
                if abs(lv) < abs(level) and a - 3 < x_pt < b + 3:
                    return False  # my stem would cross a nearer box
                if abs(lv) > abs(level) and left - 3 < marks[k] < right + 3:
                    return False  # a stem further out would cross my box
        return True

    best: list[Any] = [None, (math.inf, math.inf)]
    budget = [40000]

    def search(
        j: int, placed: list[tuple[int, float, float]], up: int, down: int, total: int
    ) -> None:
        if (up + down, total) >= best[1] or budget[0] <= 0:
            return
        if j == n:
            best[0], best[1] = list(placed), (up + down, total)
            return
        for cand in candidates[j]:
            budget[0] -= 1
            level = cand[0]
            new_up, new_down = max(up, level), max(down, -level)
            if (new_up + new_down, total + abs(level)) >= best[1]:
                continue
            if fits(j, cand, placed):
                placed.append(cand)
                search(j + 1, placed, new_up, new_down, total + abs(level))
                placed.pop()

    search(0, [], 0, 0, 0)
    chosen = best[0]
    if chosen is None:  # no clean layout within the budget: alternate sides, centred
        chosen = []
        for j, x_pt in enumerate(marks):
            w = candidates[j][0][2] - candidates[j][0][1]
            level = (j // 2 + 1) * (1 if j % 2 == 0 else -1)
            chosen.append((level, x_pt - w / 2, x_pt + w / 2))
    levels: list[tuple[int, float]] = [(0, 0.0)] * n
    for j, i in enumerate(order):
        level, left, right = chosen[j]
        levels[i] = (level, x_min + (left + right) / 2 / pt_per_x)
    up = max([lv for lv, _ in levels if lv > 0], default=0)
    down = -min([lv for lv, _ in levels if lv < 0], default=0)
    needed = (up + down) * level_h + year_h + 26
    return {"size": size, "levels": levels, "level_h": level_h, "year_h": year_h, "needed": needed}


# -- schedule ------------------------------------------------------------------------------------
def _draw_schedule(p: _Painter) -> None:
    from matplotlib.patches import Patch

    data, fig = p.data, p.figure
    top = p.title()
    top = p.legend(
        [Patch(color=p.rgb(c)) for _, c in data.legend], [label for label, _ in data.legend], top
    )
    fig.set_layout_engine("constrained", rect=(0, 0, 1, 1 - top))
    ax = fig.add_subplot()
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    starts = [_minutes(s) for s, _, _ in data.extra]
    ends = [_minutes(e) for _, e, _ in data.extra]
    first, last = min(starts), max(ends)
    n = len(starts)
    ax.set_xlim(first, last)
    ax.set_ylim(n - 0.5, -0.5)
    hours = [m for m in range(first - first % 60, last + 1, 60) if first <= m <= last]
    half = [m + 30 for m in hours if first <= m + 30 <= last]
    ax.set_xticks(half, minor=True)
    ax.grid(axis="x", which="both", color=_GRID, linewidth=0.9)
    ax.set_axisbelow(True)
    p.set_ticks(ax, "x", hours, [_hhmm(m) for m in hours])
    p.set_ticks(ax, "y", range(n), [s for s, _, _ in data.extra])
    ax.tick_params(axis="both", which="both", length=0, pad=6)
    fig.get_layout_engine().execute(fig)
    fig.set_layout_engine("none")  # keep the axes where the labels were measured for
    box = ax.get_position()
    width_pt = box.width * p.width_in * 72
    row_pt = box.height * p.height_in * 72 / n
    pt_per_min = width_pt / (last - first)
    size = min(p.tick_pt, row_pt * 0.5)
    for row, (title, colour, start, end) in enumerate(
        zip(data.categories, data.colours, starts, ends, strict=True)
    ):
        ax.barh(row, end - start, left=start, height=0.68, color=p.rgb(colour))
        bar_pt = (end - start) * pt_per_min
        text_size = size
        w = p.text_width_pt(title, text_size)
        room_right = (last - end) * pt_per_min
        room_left = (start - first) * pt_per_min
        if w + 12 <= bar_pt:
            x, ha, colour_text = start + 6 / pt_per_min, "left", "white"
        elif w + 8 <= room_right:
            x, ha, colour_text = end + 6 / pt_per_min, "left", "#" + theme.DARK
        elif w + 8 <= room_left:
            x, ha, colour_text = start - 6 / pt_per_min, "right", "#" + theme.DARK
        else:  # shrink to the widest room
            room = max(room_right, room_left)
            text_size = size * max(room - 10, 1) / w
            if room == room_right:
                x, ha = end + 6 / pt_per_min, "left"
            else:
                x, ha = start - 6 / pt_per_min, "right"
            colour_text = "#" + theme.DARK
        ax.text(
            x,
            row,
            title,
            ha=ha,
            va="center",
            fontproperties=p.fp(text_size),
            parse_math=False,
            color=colour_text,
            clip_on=False,
        )


_DRAW: dict[str, Callable[[_Painter], None]] = {
    "bar": _draw_bars,
    "column": _draw_bars,
    "pie": _draw_pie,
    "line": _draw_line,
    "timeline": _draw_timeline,
    "schedule": _draw_schedule,
}
