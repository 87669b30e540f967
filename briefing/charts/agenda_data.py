"""Chart data from the agenda: the schedule of sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.charts.data import ChartData, Series
from briefing.charts.labels import (
    WORDS,
    agenda_type_colour,
    agenda_type_label,
    hhmm,
    minutes,
    title_case,
)
from briefing.charts.lookup import spec_title, unique

if TYPE_CHECKING:
    from briefing.charts.lookup import Where
    from briefing.content.model import AgendaItem, ChartSpec
    from briefing.content.report import Report


def schedule_data(spec: ChartSpec, report: Report, language: str, where: Where) -> ChartData:
    """Each session of the agenda as ``(start, end, type)``, ending when the next one starts."""
    agenda = report.agenda_by_id(spec.agenda) if spec.agenda else report.agenda
    if agenda is None:
        raise where.error("the report has no programme (agenda.yaml)", "kind")
    if len(agenda.days) > 1:
        raise where.error(
            f"agenda {agenda.id!r} spans {len(agenda.days)} days; a schedule draws one day",
            "agenda",
        )
    if any(i.time is None for i in agenda.items):
        raise where.error(f"agenda {agenda.id!r} has items without a time to draw", "agenda")
    rows = _sessions(sorted(agenda.items, key=lambda i: i.minutes or 0))
    if not rows:
        raise where.error("the agenda has no sessions to draw", "kind")
    durations = tuple(float(minutes(e) - minutes(s)) for _, s, e, _ in rows)
    to = WORDS[language]["to"]
    return ChartData(
        spec=spec,
        kind="schedule",
        title=spec_title(spec, language),
        categories=tuple(title_case(r[0]) for r in rows),
        series=(Series("minutes", durations, tuple(f"{s}{to}{e}" for _, s, e, _ in rows)),),
        unit=None,
        sources=(report.cite(agenda.section),) if agenda.section else (),
        extra=tuple((s, e, t) for _, s, e, t in rows),
        colours=tuple(agenda_type_colour(t) for *_, t in rows),
        legend=_legend(rows, language),
        x_label=spec.x_label or WORDS[language]["time_unit"],
        y_label=spec.y_label,
        language=language,
    )


def _sessions(items: list[AgendaItem]) -> list[tuple[str, str, str, str]]:
    """(title, start, end, type) of each session; a closing "end" item is no session."""
    rows: list[tuple[str, str, str, str]] = []
    for n, item in enumerate(items):
        if item.type == "end" and n == len(items) - 1:
            break
        start = item.time or "00:00"
        end = item.end or (items[n + 1].time if n + 1 < len(items) else None)
        rows.append((item.title, start, end or hhmm(minutes(start) + 30), item.type or ""))
    return rows


def _legend(rows: list[tuple[str, str, str, str]], language: str) -> tuple[tuple[str, str], ...]:
    """One entry per colour, naming the session types drawn in it: ``報到／茶敘交流``."""
    colour_labels: dict[str, list[str]] = {}
    for t in unique(t for *_, t in rows):
        colour_labels.setdefault(agenda_type_colour(t), []).append(agenda_type_label(t, language))
    sep = "／" if language == "zh-TW" else " / "
    return tuple((sep.join(labels), colour) for colour, labels in colour_labels.items())
