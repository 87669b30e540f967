"""Chart data from figure records: bar, column and pie charts of values, line charts over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.charts.data import ChartData, Series
from briefing.charts.labels import WORDS, format_value, format_when, when_as_year
from briefing.charts.lookup import axis_labels, lookup, spec_label, spec_title, unique
from briefing.content import display, units

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.charts.lookup import Where
    from briefing.content.model import ChartSpec, Figure
    from briefing.content.report import Report


def figure_data(spec: ChartSpec, report: Report, language: str, where: Where) -> ChartData:
    """The figures of ``spec`` in one unit (converted for English decks)."""
    records: list[Figure] = [
        lookup(report, "figures", fid, where, i) for i, fid in enumerate(spec.figures)
    ]
    unit, values = common_unit(spec, records, where, report.units)
    named = unit  # what the axis names as the unit
    rescaled = None if spec.unit else display.chart_scale(values, unit, language, report.units)
    if rescaled:  # a unit the chart names (charts.yaml unit:) is kept as asked
        unit, factor, named = rescaled  # one scale: 單位：億日圓, Unit: JPY billion
        values = [v * factor for v in values]
    elif language == "en" and unit:
        unit, factor = units.english(unit, report.units)
        values = [v * factor for v in values]
        # English counts 家 and 座 by the bare number: the axis still says what it counts
        named = unit or spec_label(spec, "unit", language) or WORDS[language]["bare_count"]
    x_label, y_label = axis_labels(spec, named or None, language)
    common: dict[str, Any] = {
        "spec": spec,
        "kind": spec.kind,
        "title": spec_title(spec, language),
        "unit": unit or None,
        "sources": unique(report.cite(f.section) for f in records),
        "initiative_ids": unique(f.initiative for f in records if f.initiative),
        "x_label": x_label,
        "y_label": y_label,
        "language": language,
    }
    if spec.kind == "line":
        return _line_data(records, unit, values, where, common)
    return _category_data(records, unit, values, common)


def _line_data(
    records: Sequence[Figure],
    unit: str | None,
    values: Sequence[float],
    where: Where,
    common: dict[str, Any],
) -> ChartData:
    spec, language = common["spec"], common["language"]
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
        spec_label(spec, records[i].id, language) or format_when(whens_of[i], language)
        for i in order
    )
    measures = unique(f.measure for f in records)
    name = spec_label(spec, "series", language) or (
        measures[0] if len(measures) == 1 else common["title"]
    )
    series = Series(
        name,
        tuple(values[i] for i in order),
        tuple(format_value(values[i], unit, records[i].qualifier, language) for i in order),
    )
    return ChartData(
        **common,
        categories=categories,
        series=(series,),
        figure_ids=tuple(spec.figures[i] for i in order),
        colours=(theme.ACCENTS[0],),
        extra=whens,
    )


def _category_data(
    records: Sequence[Figure], unit: str | None, values: Sequence[float], common: dict[str, Any]
) -> ChartData:
    spec, language = common["spec"], common["language"]
    measures = unique(f.measure for f in records)
    dated = (
        len(records) > 1
        and all(f.when for f in records)
        and len({f.when for f in records}) == len(records)
    )
    over_time = dated and len(measures) == 1
    categories = []
    for f in records:
        label = spec_label(spec, f.id, language)
        if label is None:
            label = format_when(str(f.when), language) if over_time else f.measure
        categories.append(label)
    labels = tuple(
        format_value(v, unit, f.qualifier, language) for v, f in zip(values, records, strict=True)
    )
    name = measures[0] if len(measures) == 1 else common["title"]
    if dated and spec.kind != "pie":
        colours = (theme.ACCENTS[0],) * len(records)
    else:
        colours = tuple(theme.ACCENTS[i % len(theme.ACCENTS)] for i in range(len(records)))
    return ChartData(
        **common,
        categories=tuple(categories),
        series=(Series(name, tuple(values), labels),),
        figure_ids=spec.figures,
        colours=colours,
    )


def common_unit(
    spec: ChartSpec, records: Sequence[Figure], where: Where, table: units.UnitTable | None = None
) -> tuple[str | None, list[float]]:
    """The unit the chart plots in and each record's value in it.

    Records in scales of one currency or count are converted (500 萬歐元 and 2 億歐元 plot as 500
    and 20,000 萬歐元); records that are not scales of one thing, or of ``spec.unit``, are an
    error naming the chart, never a wrong bar.
    """
    written = unique(f.unit for f in records)
    target = spec.unit or (units.smallest(written, table) if written else None)
    if target is None:
        return None, [f.value for f in records]
    values = []
    for n, f in enumerate(records):
        try:
            values.append(units.convert(f.value, f.unit, target, table))
        except ValueError:
            others = ", ".join(u for u in written if u != f.unit) or target
            raise where.error(
                f"figure {f.id!r} is in {f.unit!r}, which cannot be shown in {target!r} "
                f"beside {others}; plot it in a chart of its own",
                "figures",
                n,
            ) from None
    return target, values
