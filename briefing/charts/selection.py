"""Which charts a selection of sections and initiatives shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.charts.lookup import unique

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.content.model import ChartSpec
    from briefing.content.report import Report


def chart_sections(spec: ChartSpec, report: Report) -> tuple[str, ...]:
    """The sections that make ``spec`` appear: ``spec.sections`` or those of its records."""
    if spec.sections:
        return spec.sections
    if spec.kind == "schedule":
        agenda = report.agenda_by_id(spec.agenda) if spec.agenda else report.agenda
        return (agenda.section,) if agenda is not None and agenda.section else ()
    found: list[str] = []
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
    return unique(found)


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
    return unique(found)


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
