"""Draw :class:`~briefing.charts.ChartData` as an editable PowerPoint chart (python-pptx).

PowerPoint draws bar, column, pie and line charts itself; a timeline or a schedule has no
native chart type, so :func:`add_native_chart` raises :class:`ChartError` for them and the
caller falls back to the PNG from :func:`briefing.charts.render_png`.

Chart text names the deck's embedded typeface in ``a:ea`` and ``a:cs`` (python-pptx's
``chart.font.name`` sets only ``a:latin``), in the chart space's ``c:txPr`` and on every run, with
the language of the text (``zh-TW`` for Chinese, else the deck's: ``en-US`` in English decks).
``a:latin`` names :data:`LATIN_TYPEFACE` instead, so that the chart draws in every renderer:

Aspose.Slides (off Windows, where System.Drawing is libgdiplus) measures a chart's axes, legend,
title and pie labels by asking System.Drawing for the em height of their *latin* font. For a font
embedded in the deck that call fails ("Font '?' cannot be found", the same for a font Aspose
embeds itself) and Aspose leaves the whole chart blank. Any typeface that is not embedded works
(it is substituted); naming the deck font only in ``a:ea`` and ``a:cs`` draws every Chinese
character in the embedded font everywhere, and digits and Latin letters in Arial, which every
PowerPoint has and LibreOffice replaces by its metric twin. Picture charts draw everything in the
deck font.

What a chart's numbers are, in words, is always on it: the value axis title (``單位：萬新幣``),
the data labels' number format (``4,000 萬新幣``) and, for counts the program made, a caption in
the chart title's slot (:attr:`ChartData.caption <briefing.charts.ChartData.caption>`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING, Any

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from briefing import theme
from briefing.charts import Series, format_value
from briefing.content import display
from briefing.errors import ChartError

if TYPE_CHECKING:
    from pptx.shapes.graphfrm import GraphicFrame
    from pptx.shapes.shapetree import SlideShapes

    from briefing.charts import ChartData

CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pie": XL_CHART_TYPE.PIE,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
LANGS = {"zh-TW": "zh-TW", "en": "en-US"}  # deck language -> the text's lang tag
TEXT_PT = 16  # the deck's rule: no text below 16 pt on a slide
TITLE_PT = 20
#: The ``a:latin`` typeface of chart text: never the embedded deck font (see the module's doc).
LATIN_TYPEFACE = "Arial"
_GRID = "DDE3EA"
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def add_native_chart(
    shapes: SlideShapes,
    data: ChartData,
    left: int,
    top: int,
    width: int,
    height: int,
    *,
    typeface: str,
    title: bool = True,
) -> GraphicFrame:
    """Add ``data`` as a native chart at the given box (EMU) and return its graphic frame.

    ``title`` False leaves the chart without a title of its own (the slide's title says it).
    Raises :class:`ChartError` for kinds PowerPoint cannot draw natively (timeline, schedule).
    """
    chart_type = CHART_TYPES.get(data.kind)
    if chart_type is None:
        raise ChartError(
            f"PowerPoint has no native {data.kind} chart; draw it as an image",
            field=f"charts.{data.spec.id}.kind",
        )
    alt_text = data.alt_text
    if data.kind == "bar":
        # PowerPoint stacks bar categories bottom-up; feed them reversed so the first is on
        # top (reversing the axis instead moves the value axis to the top in some viewers).
        data = _reversed(data)
    elif data.kind == "pie":  # a wedge of nothing is only a "0 (0%)" label on another's
        data = _without_zeros(data)
    chart_data = CategoryChartData(number_format=number_format(data))
    chart_data.categories = list(data.categories)
    for series in data.series:
        chart_data.add_series(series.name, [None if math.isnan(v) else v for v in series.values])
    frame = shapes.add_chart(chart_type, Emu(left), Emu(top), Emu(width), Emu(height), chart_data)
    frame.name = f"Chart {data.spec.id}"
    c_nv_pr = frame._element.nvGraphicFramePr.cNvPr
    c_nv_pr.set("descr", alt_text)
    c_nv_pr.set("title", data.title)
    chart = frame.chart

    chart.font.size = Pt(TEXT_PT)
    chart.font.color.rgb = RGBColor.from_string(theme.DARK)
    lang = LANGS[data.language]
    paragraph = chart._chartSpace.get_or_add_txPr().p_lst[0]
    _set_typeface(paragraph.get_or_add_pPr().get_or_add_defRPr(), typeface, lang)
    end = paragraph.find(qn("a:endParaRPr"))
    if end is not None:
        end.set("lang", lang)

    _unsigned_axis_ids(chart._chartSpace)
    _title(chart, data, typeface, title)

    plot = chart.plots[0]
    if data.kind == "pie":
        _style_pie(chart, plot, data, typeface)
    else:
        _style_category_chart(chart, plot, data, typeface)
    return frame


def _unsigned_axis_ids(chart_space: Any) -> None:
    """python-pptx's chart template writes negative axis ids; the schema wants an unsigned
    int and PowerPoint accepts only 0..2**31-1, so keep the low 31 bits (still distinct)."""
    for node in chart_space.iter(qn("c:axId"), qn("c:crossAx")):
        value = int(node.get("val"))
        if value < 0:
            node.set("val", str(value & 0x7FFFFFFF))


def _title(chart: Any, data: ChartData, typeface: str, show: bool) -> None:
    """The chart title: ``data.title`` when ``show``, then the caption lines (what the program
    counted; a pie's unit when its labels are bare numbers). No title when there is neither."""
    lines = [(data.title, True)] if show else []
    lines += [(text, False) for text in _caption_lines(data)]
    if not lines:
        chart.has_title = False
        chart._chartSpace.chart.get_or_add_autoTitleDeleted().set("val", "1")
        return
    chart.has_title = True
    title_frame = chart.chart_title.text_frame
    title_frame.text = "\n".join(text for text, _ in lines)
    for paragraph, (text, main) in zip(title_frame.paragraphs, lines, strict=True):
        lang = _lang_of(text, data.language)
        _set_typeface(paragraph._p.get_or_add_pPr().get_or_add_defRPr(), typeface, lang)
        for run in paragraph.runs:
            run.font.size = Pt(TITLE_PT if main else TEXT_PT)
            run.font.bold = main
            run.font.color.rgb = RGBColor.from_string(theme.NAVY if main else theme.MUTED)
            _set_typeface(run._r.get_or_add_rPr(), typeface, lang)


def _caption_lines(data: ChartData) -> list[str]:
    lines = [data.y_label] if data.kind == "pie" and not data.unit and data.y_label else []
    return lines + ([data.caption] if data.caption else [])


def number_format(data: ChartData) -> str:
    """An Excel number format showing the values with the chart's unit: ``#,##0" 萬新幣"``."""
    base = _base_format(data)
    unit = data.unit or ""
    if not unit:
        return base
    if data.language == "en" and display.prefix_symbol(unit):
        prefix, rest = display.prefix_symbol(unit) or ("", "")
        return _quoted(prefix) + base + (_quoted(" " + rest) if rest else "")
    return base + _quoted(unit if unit in ("%", "％") else " " + unit)


def _reversed(data: ChartData) -> ChartData:
    series = tuple(
        Series(s.name, s.values[::-1], s.labels[::-1] if s.labels else ()) for s in data.series
    )
    colours = data.colours[::-1] if len(data.colours) == len(data.categories) else data.colours
    return dataclasses.replace(
        data, categories=data.categories[::-1], series=series, colours=colours
    )


def _without_zeros(data: ChartData) -> ChartData:
    """``data`` without the categories whose first series' value is zero or missing."""
    keep = [i for i, v in enumerate(data.series[0].values) if not math.isnan(v) and v > 0]

    def pick(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(items[i] for i in keep) if len(items) == len(data.categories) else items

    series = tuple(Series(s.name, pick(s.values), pick(s.labels)) for s in data.series)
    return dataclasses.replace(
        data, categories=pick(data.categories), series=series, colours=pick(data.colours)
    )


def _base_format(data: ChartData) -> str:
    """``#,##0`` with as many decimals (up to two) as the values need."""
    decimals = 0
    for series in data.series:
        for value in series.values:
            if not math.isnan(value) and not float(value).is_integer():
                decimals = max(decimals, len(f"{value:.2f}".rstrip("0").split(".")[1]))
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def _style_category_chart(chart, plot, data: ChartData, typeface: str) -> None:  # noqa: ANN001
    single = len(data.series) == 1
    chart.has_legend = not single
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    if data.kind in ("bar", "column"):
        plot.gap_width = 60
        plot.vary_by_categories = False
    for j, series in enumerate(chart.series):
        colour = theme.ACCENTS[j % len(theme.ACCENTS)]
        if data.kind == "line":
            line_colour = data.colours[j] if single else colour
            series.format.line.color.rgb = RGBColor.from_string(line_colour)
            series.format.line.width = Pt(2.5)
            series.smooth = False
            continue
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        if single:
            for i, point in enumerate(series.points):
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = RGBColor.from_string(data.colours[i])
    _data_labels(plot, chart, data, typeface)

    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor.from_string(_GRID)
    value_axis.format.line.fill.background()
    value_axis.minimum_scale = 0
    if data.kind == "bar":  # room past the longest bar for its label
        value_axis.maximum_scale = nice_ceiling(_max_value(data) * 1.3)
    # the unit is in the axis title; ticks need decimals only when the values have them
    tick_format = _base_format(data)
    value_axis.tick_labels.number_format = "#,##0" if tick_format == "#,##0" else "General"
    value_axis.tick_labels.number_format_is_linked = False
    if data.y_label:
        _axis_title(value_axis, data.y_label, typeface, data.language)
        if data.kind != "bar":  # horizontal text beside a vertical axis: no rotation
            _horizontal_title(value_axis.axis_title._element)
    category_axis = chart.category_axis
    category_axis.format.line.color.rgb = RGBColor.from_string(theme.MUTED)
    category_axis.has_major_gridlines = False


def _axis_title(axis: Any, text: str, typeface: str, language: str) -> None:
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(TEXT_PT)
            run.font.bold = False
            _set_typeface(run._r.get_or_add_rPr(), typeface, _lang_of(text, language))


def _style_pie(chart, plot, data: ChartData, typeface: str) -> None:  # noqa: ANN001
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    plot.vary_by_categories = True
    for i, point in enumerate(chart.series[0].points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = RGBColor.from_string(data.colours[i])
    _data_labels(plot, chart, data, typeface, share=True)
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END


def _data_labels(  # noqa: ANN001
    plot, chart, data: ChartData, typeface: str, *, share: bool = False
) -> None:
    """Value labels in the chart's number format; a label with a qualifier ("200 多座",
    "目標 50 座") becomes that point's own text, as does a pie label with its share."""
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format(data)
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(TEXT_PT)
    if data.kind in ("bar", "column"):
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    elif data.kind == "line":
        labels.position = XL_LABEL_POSITION.ABOVE
    for series, source in zip(chart.series, data.series, strict=True):
        total = sum(v for v in source.values if not math.isnan(v))
        for i, (value, text) in enumerate(zip(source.values, source.labels, strict=True)):
            if math.isnan(value):
                continue
            if share and total:
                text += _share(value / total, data.language)
            elif text == format_value(value, data.unit, "exact", data.language):
                continue
            frame = series.points[i].data_label.text_frame
            frame.text = text
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TEXT_PT)
                    _set_typeface(run._r.get_or_add_rPr(), typeface, _lang_of(text, data.language))


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at
    least ``value``; 1 for nothing to show."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    steps = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
    return next(power * m for m in steps if power * m >= value * (1 - 1e-9))


def _max_value(data: ChartData) -> float:
    return max((v for s in data.series for v in s.values if not math.isnan(v)), default=0.0)


def _share(fraction: float, language: str) -> str:
    return f"（{fraction:.0%}）" if language == "zh-TW" else f" ({fraction:.0%})"


def _lang_of(text: str, language: str) -> str:
    """The lang tag of a text: ``zh-TW`` when it has Chinese characters, else the deck's."""
    return "zh-TW" if _CJK.search(text) else LANGS[language]


def _set_typeface(rpr: etree._Element, typeface: str, lang: str) -> None:
    """``a:latin`` = :data:`LATIN_TYPEFACE`, ``a:ea`` and ``a:cs`` = ``typeface``, and ``lang``
    (the other language as ``altLang``) on run properties (``a:rPr`` or ``a:defRPr``), keeping
    the schema's child order."""
    rpr.set("lang", lang)
    rpr.set("altLang", "en-US" if lang == "zh-TW" else "zh-TW")
    for tag in ("a:latin", "a:ea", "a:cs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    # CT_TextCharacterProperties: ln, fill, effect, highlight, uLnTx/uLn, uFillTx/uFill,
    # latin, ea, cs, sym, hlinkClick, hlinkMouseOver, rtl, extLst
    after = {qn(t) for t in ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")}
    anchor = next((child for child in rpr if child.tag in after), None)
    for tag in ("a:latin", "a:ea", "a:cs"):
        element = (
            etree.SubElement(rpr, qn(tag)) if anchor is None else _insert_before(rpr, anchor, tag)
        )
        element.set("typeface", LATIN_TYPEFACE if tag == "a:latin" else typeface)


def _insert_before(parent: etree._Element, anchor: etree._Element, tag: str) -> etree._Element:
    element = parent.makeelement(qn(tag), {})
    anchor.addprevious(element)
    return element


def _horizontal_title(title: etree._Element) -> None:
    """Lay an axis title horizontally (``a:bodyPr rot="0" vert="horz"``)."""
    rich = title.find(f"{qn('c:tx')}/{qn('c:rich')}")
    if rich is None:
        return
    body = rich.find(qn("a:bodyPr"))
    if body is None:
        body = rich.makeelement(qn("a:bodyPr"), {})
        rich.insert(0, body)
    body.set("rot", "0")
    body.set("vert", "horz")
