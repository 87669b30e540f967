"""Charts drawn from the report's figure records, initiatives and agenda.

Two steps, kept apart so the data can be checked and cached without drawing:

* :func:`chart_data` turns a :class:`~briefing.content.model.ChartSpec` into plain
  :class:`ChartData`
  (categories, values, the labels drawn on the chart, colours, cited sections). It is pure and
  raises :class:`~briefing.errors.ChartError` naming the field when the spec cannot be drawn.
* :func:`render_png` draws that data with matplotlib (``Figure`` + the Agg canvas, never pyplot)
  in the deck font and caches the PNG on disk; a cache hit neither imports nor draws matplotlib.

:mod:`briefing.deck.native_chart` draws the same data as an editable PowerPoint chart.
Importing this package is cheap: matplotlib is imported inside the drawing functions only.

Modules: :mod:`.labels` (words, units, formatting), :mod:`.data` (:class:`ChartData`),
:mod:`.extract` with :mod:`.figure_data`, :mod:`.initiative_data` and :mod:`.agenda_data`
(:func:`chart_data`), :mod:`.selection` (:func:`charts_for`), :mod:`.cache`
(:func:`render_png`), :mod:`.render` (:func:`draw_figure`), :mod:`.painter` (sizes and text
helpers) and one painter module per kind: :mod:`.bars`, :mod:`.pie`, :mod:`.line`,
:mod:`.timeline` (with :mod:`.timeline_layout`), :mod:`.schedule`.
"""

from __future__ import annotations

from briefing.charts.cache import CHART_VERSION, cache_key, default_cache_dir, render_png
from briefing.charts.data import ChartData, Series
from briefing.charts.extract import chart_data
from briefing.charts.initiative_data import year_figure
from briefing.charts.labels import (
    KIND_NAMES,
    LANGUAGES,
    format_number,
    format_value,
    format_when,
    initiative_label,
    title_case,
    when_as_year,
)
from briefing.charts.render import draw_figure, render_count
from briefing.charts.selection import chart_initiatives, chart_sections, charts_for

__all__ = [
    "CHART_VERSION",
    "KIND_NAMES",
    "LANGUAGES",
    "ChartData",
    "Series",
    "cache_key",
    "chart_data",
    "chart_initiatives",
    "chart_sections",
    "charts_for",
    "default_cache_dir",
    "draw_figure",
    "format_number",
    "format_value",
    "format_when",
    "initiative_label",
    "render_count",
    "render_png",
    "title_case",
    "when_as_year",
    "year_figure",
]


def __getattr__(name: str) -> int:
    """``RENDER_COUNT``: :func:`render_count` read as an attribute (the count lives in
    :mod:`.render`, so a plain module attribute here would not follow it). Read-only."""
    if name == "RENDER_COUNT":
        return render_count()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
