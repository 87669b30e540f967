"""Chart data from initiatives: counts grouped by category, status or year, and the timeline.

Counts are the program's own arithmetic over the report's records, not figures the report
states: the chart says so (``caption``, :data:`WORDS` ``derived``) and cites the sections it
counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing import theme
from briefing.charts.data import ChartData, Series
from briefing.charts.labels import (
    STATUS_LABELS,
    WORDS,
    format_value,
    initiative_label,
)
from briefing.charts.lookup import lookup, spec_label, spec_title, unique
from briefing.content.model import STATUSES

#: The most sections a count cites one by one; beyond it, their ancestors are cited.
MAX_CITED = 6

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.charts.lookup import Where
    from briefing.content.model import ChartSpec, Figure, Initiative
    from briefing.content.report import Report

    #: (key, label) of each group, the keys of an initiative, and the colour of each key.
    _Groups = tuple[list[tuple[str, str]], Callable[[Initiative], Sequence[str]], dict[str, str]]


def grouped_data(spec: ChartSpec, report: Report, language: str, where: Where) -> ChartData:
    """How many initiatives (``spec.initiatives``, or all) fall in each group of ``group_by``."""
    explicit = bool(spec.initiatives)
    items: list[Initiative] = (
        [lookup(report, "initiatives", iid, where, i) for i, iid in enumerate(spec.initiatives)]
        if explicit
        else list(report.initiatives)
    )
    if spec.figures:
        raise where.error("group_by counts initiatives; remove figures or group_by", "figures")
    groups, keys, colour_of = _groups(spec, report, items, language, explicit, where)
    counts = {g: 0 for g, _ in groups}
    for item in items:
        for key in keys(item):  # an initiative in three categories counts in each
            counts[key] += 1
    w = WORDS[language]
    unit = spec.unit or w["count"] or None
    values = tuple(float(counts[g]) for g, _ in groups)
    labels = tuple(format_value(v, unit, "exact", language) for v in values)
    name = spec_label(spec, "series", language) or (
        "措施數" if language == "zh-TW" else "Initiatives"
    )
    return ChartData(
        spec=spec,
        kind=spec.kind,
        title=spec_title(spec, language),
        categories=tuple(spec_label(spec, g, language) or label for g, label in groups),
        series=(Series(name, values, labels),),
        unit=unit,
        sources=cited_sections(report, [i.sections[0] for i in items]),
        initiative_ids=tuple(i.id for i in items),
        colours=tuple(colour_of[g] for g, _ in groups),
        x_label=spec.x_label,
        y_label=spec.y_label or w["unit"].format(unit or w["counted"]),
        language=language,
        caption=w["derived"],
    )


def cited_sections(report: Report, section_ids: Sequence[str]) -> tuple[str, ...]:
    """The citations of the sections ``section_ids`` (in report order): each section itself, or,
    when that makes more than :data:`MAX_CITED`, its ancestor at the report's second level
    (``參、二、``), or else at the first (``參、``)."""
    order = {e.section.id: n for n, e in enumerate(report.outline)}
    chosen = unique(section_ids)
    for level in (2, 1):
        if len(chosen) <= MAX_CITED:
            break
        chosen = unique(_ancestor(report, sid, level) for sid in chosen)
    return tuple(report.cite(sid) for sid in sorted(chosen, key=order.__getitem__))


def _ancestor(report: Report, section_id: str, level: int) -> str:
    """``section_id``'s ancestor at ``level`` (1 = 壹、), or itself when it is that high."""
    path = report.entry(section_id).path
    return path[min(level, len(path)) - 1]


def _groups(
    spec: ChartSpec,
    report: Report,
    items: Sequence[Initiative],
    language: str,
    explicit: bool,
    where: Where,
) -> _Groups:
    none = WORDS[language]["not_stated"]
    if spec.group_by == "category":
        cats = report.meta.vocabulary.categories
        if not cats:
            raise where.error(
                "the report declares no categories (vocabulary.categories)", "group_by"
            )
        groups = [(c.id, report.category_name(c.id, language)) for c in cats]
        colours = {c.id: theme.category_colour(n) for n, c in enumerate(cats)}
        if any(not i.categories for i in items):
            groups.append(("none", none))
            colours["none"] = theme.MUTED
        return groups, lambda i: i.categories or ("none",), colours
    if spec.group_by == "status":
        groups = [(s, STATUS_LABELS[language][s]) for s in STATUSES]
        colours = {s: theme.ACCENTS[n] for n, s in enumerate(STATUSES)}
        if any(i.status is None for i in items):
            groups.append(("none", none))
            colours["none"] = theme.MUTED
        return groups, lambda i: (i.status or "none",), colours
    return _year_groups(items, language, explicit, where)


def _year_groups(
    items: Sequence[Initiative], language: str, explicit: bool, where: Where
) -> _Groups:
    for n, item in enumerate(items):
        if item.year is None and explicit:
            raise where.error(f"initiative {item.id!r} has no year to group by", "initiatives", n)
    years = sorted({i.year for i in items if i.year is not None})
    groups = [(str(y), str(y) + (" 年" if language == "zh-TW" else "")) for y in years]
    if any(i.year is None for i in items):
        groups.append(("none", WORDS[language]["no_year"]))
    colour_of = {g: theme.ACCENTS[0] for g, _ in groups}
    colour_of["none"] = theme.MUTED
    return groups, lambda i: (str(i.year) if i.year is not None else "none",), colour_of


def timeline_data(spec: ChartSpec, report: Report, language: str, where: Where) -> ChartData:
    """The initiatives (``spec.initiatives``, or all with a year) placed by year."""
    items = _timeline_items(spec, report, where)
    by_status = spec.group_by == "status"
    colours = tuple(_timeline_colour(report, i, by_status) for i in items)
    labels = tuple(spec_label(spec, i.id, language) or initiative_label(i, language) for i in items)
    years = tuple(int(i.year) for i in items)  # type: ignore[arg-type]
    dated = [year_figure(report, i) for i in items]
    sources = unique(
        report.cite(f.section if f else i.sections[0]) for i, f in zip(items, dated, strict=True)
    )
    return ChartData(
        spec=spec,
        kind="timeline",
        title=spec_title(spec, language),
        categories=labels,
        series=(Series("year", tuple(float(y) for y in years), tuple(str(y) for y in years)),),
        unit=None,
        sources=sources,
        figure_ids=tuple(f.id for f in dated if f),
        initiative_ids=tuple(i.id for i in items),
        years=years,
        extra=tuple(i.status for i in items),
        colours=colours,
        legend=_timeline_legend(report, items, language, by_status),
        x_label=spec.x_label or WORDS[language]["year_unit"],
        y_label=spec.y_label,
        language=language,
    )


def _timeline_items(spec: ChartSpec, report: Report, where: Where) -> list[Initiative]:
    if spec.figures:
        raise where.error("a timeline places initiatives by year; it takes no figures", "figures")
    if spec.initiatives:
        items = []
        for n, iid in enumerate(spec.initiatives):
            item = lookup(report, "initiatives", iid, where, n)
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
    return items


def _timeline_colour(report: Report, item: Initiative, by_status: bool) -> str:
    if by_status:
        return theme.ACCENTS[STATUSES.index(item.status)] if item.status else theme.MUTED
    cats = [c.id for c in report.meta.vocabulary.categories]
    first = item.categories[0] if item.categories else None
    return theme.category_colour(cats.index(first)) if first in cats else theme.MUTED


def _timeline_legend(
    report: Report, items: Sequence[Initiative], language: str, by_status: bool
) -> tuple[tuple[str, str], ...]:
    """Statuses or categories present, plus a hollow mark's meaning ("" colour) when needed."""
    if by_status:
        return tuple(
            (STATUS_LABELS[language][s], theme.ACCENTS[n])
            for n, s in enumerate(STATUSES)
            if any(i.status == s for i in items)
        )
    cats = report.meta.vocabulary.categories
    legend = tuple(
        (report.category_name(c.id, language), theme.category_colour(n))
        for n, c in enumerate(cats)
        if any(i.categories[:1] == (c.id,) for i in items)
    )
    if any(i.status in ("planned", "draft") for i in items):
        legend += ((WORDS[language]["planned"], ""),)
    return legend


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
