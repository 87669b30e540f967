""":func:`chart_data`: the data a chart spec plots, taken from the report (pure; no drawing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.charts.agenda_data import schedule_data
from briefing.charts.figure_data import figure_data
from briefing.charts.initiative_data import grouped_data, timeline_data
from briefing.charts.labels import KIND_NAMES, LANGUAGES
from briefing.charts.lookup import Where
from briefing.errors import ChartError

if TYPE_CHECKING:
    from briefing.charts.data import ChartData
    from briefing.content.model import ChartSpec
    from briefing.content.report import Report


def chart_data(spec: ChartSpec, report: Report, *, language: str = "zh-TW") -> ChartData:
    """The data ``spec`` plots, taken from ``report``'s records (pure; no drawing).

    Raises :class:`ChartError` naming the spec field when a record is missing, a timeline
    initiative has no year, figures mix units without ``spec.unit``, or the kind is unknown.
    """
    if language not in LANGUAGES:
        raise ChartError(f"unknown language {language!r} (use zh-TW or en)", field="language")
    where = Where(spec, report)
    kind = spec.kind
    if kind not in KIND_NAMES["en"]:
        raise where.error(
            f"unknown chart kind {kind!r} (use one of {', '.join(KIND_NAMES['en'])})", "kind"
        )
    if kind == "schedule":
        return schedule_data(spec, report, language, where)
    if kind == "timeline":
        return timeline_data(spec, report, language, where)
    if spec.group_by is not None:
        if kind == "line":
            raise where.error(
                "a line chart plots figures over time; group_by needs bar, column or pie",
                "group_by",
            )
        return grouped_data(spec, report, language, where)
    if not spec.figures:
        raise where.error(f"a {kind} chart needs figures (or initiatives with group_by)", "figures")
    return figure_data(spec, report, language, where)
