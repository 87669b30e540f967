"""Charts inside the deck: pictures with alt text, native charts with the records' numbers, their
unit and what the program counted in words, text in the embedded font and in its language, and
charts added by a recipe from data alone. Decks are read back with python-pptx and lxml."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from briefing import api
from briefing.charts import chart_data
from briefing.charts.labels import WORDS
from briefing.content.model import ChartSpec
from briefing.deck.native_chart import LATIN_TYPEFACE, add_native_chart
from briefing.errors import ChartError

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
FONT = "Noto Sans TC"
FIGURE_CHARTS = (
    "e-payment-merchants",
    "sg-5g-smart-estates-funding",
    "tw-data-centre-consolidation",
)
NATIVE_CHARTS = (*FIGURE_CHARTS, "initiatives-by-pillar")
#: What each native chart of the default deck says its numbers are, as a user reads it.
UNITS = {
    ("e-payment-merchants", "zh-TW"): ["單位：家", '" 家"'],
    ("e-payment-merchants", "en"): ["Unit: count"],
    ("sg-5g-smart-estates-funding", "zh-TW"): ["單位：萬新幣", '" 萬新幣"'],
    ("sg-5g-smart-estates-funding", "en"): ["Unit: S$ million", '"S$"', '" million"'],
    ("tw-data-centre-consolidation", "zh-TW"): ["單位：座", "200 多座", "目標 50 座"],
    ("tw-data-centre-consolidation", "en"): ["Unit: count"],
    ("initiatives-by-pillar", "zh-TW"): ["單位：項", '" 項"'],
    ("initiatives-by-pillar", "en"): ["Unit: initiatives"],
}
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")


def _eot_font(blob: bytes) -> TTFont:
    """The TrueType font inside an EOT part (header length = EOTSize - FontDataSize)."""
    total, data_size = int.from_bytes(blob[0:4], "little"), int.from_bytes(blob[4:8], "little")
    return TTFont(io.BytesIO(blob[total - data_size :]))


def _native_deck(report, specs, language="zh-TW", *, title=True):  # type: ignore[no-untyped-def]
    """A deck of one native chart per spec (or chart id), saved and read back."""
    prs = Presentation()
    for spec in specs:
        spec = report.chart(spec) if isinstance(spec, str) else spec
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        data = chart_data(spec, report, language=language)
        add_native_chart(
            slide.shapes,
            data,
            Inches(0.6),
            Inches(1.5),
            Inches(12.13),
            Inches(5.05),
            typeface=FONT,
            title=title,
        )
    buffer = io.BytesIO()
    prs.save(buffer)
    buffer.seek(0)
    return Presentation(buffer)


def _space(deck, n=0):  # type: ignore[no-untyped-def]
    """The c:chartSpace of the chart on slide ``n``, parsed from its saved XML."""
    return etree.fromstring(deck.slides[n].shapes[0].chart.part.blob)


def _words(space: etree._Element) -> str:
    """Every text a chart shows or formats with: runs, number formats, cached strings."""
    texts = [t.text or "" for t in space.iter(f"{A}t", f"{C}v", f"{C}formatCode")]
    texts += [n.get("formatCode", "") for n in space.iter(f"{C}numFmt")]
    return "\n".join(texts)


def _title_text(space: etree._Element) -> str | None:
    title = space.find(f"{C}chart/{C}title")
    if title is None:
        return None
    return "\n".join("".join(t.text or "" for t in p.iter(f"{A}t")) for p in title.iter(f"{A}p"))


# -- in the built deck ----------------------------------------------------------------------------
def test_every_chart_of_the_default_deck_is_drawn_once_with_alt_text(
    default_deck, default_build, report
) -> None:
    pictures = [
        shape
        for slide in default_deck.slides
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    descriptions = [p._element.nvPicPr.cNvPr.get("descr") for p in pictures]

    charts = [p for p in pictures if p.name.startswith("Chart ")]
    assert sorted(p.name[6:] for p in charts) == sorted(default_build.plan.charts)
    assert len(charts) >= 1  # a few numbers are key figures; the programme is a table
    assert all(descriptions)
    timeline = next(d for d in descriptions if "SingPass" in d)
    assert "2003" in timeline and "2020" in timeline  # every value, in words


def test_a_few_numbers_are_key_figures_with_their_labels(default_deck, report) -> None:
    tiles = {
        shape.text_frame.text
        for slide in default_deck.slides
        for shape in slide.shapes
        if shape.name.startswith("Key figure") and shape.has_text_frame
    }

    payment = report.chart("e-payment-merchants")
    assert {"22家", "500家"} <= {t.split("\n")[0] for t in tiles}
    assert any(
        payment.labels["e-payment-merchants-2018"] in t.replace("（", "(") or "咖啡館" in t
        for t in tiles
    )


def test_the_full_deck_labels_its_one_counted_chart(tmp_path: Path) -> None:
    result = api.build(api.options_from_recipe(None, length="full", output=tmp_path / "f.pptx"))
    deck = Presentation(str(result.output))
    descriptions = [
        shape._element.nvPicPr.cNvPr.get("descr") or ""
        for slide in deck.slides
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]

    counted = [d for d in descriptions if WORDS["zh-TW"]["derived"] in d]
    assert len(counted) == 1 and "數位經濟" in counted[0]  # the pillar chart, and only it


def test_native_charts_hold_the_records_and_use_the_embedded_font(tmp_path: Path, report) -> None:
    target = tmp_path / "native.pptx"
    result = api.build(
        api.options_from_recipe(None, output=target, chart_style="native", length="full")
    )
    deck = Presentation(str(target))
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    funding = report.chart("sg-5g-smart-estates-funding")

    assert len(charts) >= 4
    values = {v for chart in charts for plot in chart.plots for s in plot.series for v in s.values}
    for figure_id in funding.figures:
        assert report.figure(figure_id).value in values
    assert {c["style"] for c in result.charts} == {"native", "image"}  # timeline stays a picture

    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        chart_parts = [n for n in names if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
        regular = _eot_font(package.read("ppt/fonts/font1.fntdata"))
        cmap = regular.getBestCmap()
        for name in chart_parts:
            root = etree.fromstring(package.read(name))
            assert {e.get("typeface") for e in root.iter(f"{A}ea", f"{A}cs")} == {FONT}, name
            assert {e.get("typeface") for e in root.iter(f"{A}latin")} == {LATIN_TYPEFACE}, name
            ids = [int(n.get("val")) for n in root.iter(f"{C}axId", f"{C}crossAx")]
            assert all(0 <= i <= 2**31 - 1 for i in ids), (name, ids)  # what PowerPoint takes
            # the slide title says what the chart is; a chart title only says who counted
            assert _title_text(root) in (None, WORDS["zh-TW"]["derived"]), name
            text = "".join(t.text or "" for t in root.iter(f"{C}v", f"{A}t"))
            chinese = {ch for ch in text if _CJK.match(ch)}  # drawn in a:ea: the embedded font
            assert {ch for ch in chinese if ord(ch) not in cmap} == set(), name


def test_an_english_native_deck_says_units_and_counts_in_english(tmp_path: Path) -> None:
    target = tmp_path / "en.pptx"
    options = api.options_from_recipe(
        None,
        output=target,
        chart_style="native",
        language="en",
        length="full",  # the full deck draws every chart (a brief shows few numbers as figures)
        sections=("summit-strategy", "reflections"),
        initiatives=("singapore-e-payment",),
    )

    api.build(options)

    deck = Presentation(str(target))
    spaces = {
        shape.name: etree.fromstring(shape.chart.part.blob)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
    }
    assert {"Chart initiatives-by-pillar", "Chart e-payment-merchants"} <= set(spaces)
    for name, space in spaces.items():
        default = space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr")
        assert default.get("lang") == "en-US", name
    pillar = spaces["Chart initiatives-by-pillar"]
    assert _title_text(pillar) == WORDS["en"]["derived"]
    assert "Unit: initiatives" in _words(pillar)
    assert "Unit: count" in _words(spaces["Chart e-payment-merchants"])


def test_a_recipe_adds_a_chart_from_data_alone(tmp_path: Path) -> None:
    recipe = tmp_path / "r.yaml"
    recipe.write_text(
        "sections: [summit-pm-speech]\ninitiatives: []\n"
        f"output: {tmp_path / 'deck.pptx'}\n"
        "charts:\n"
        "  - id: fintech-festival-reach\n"
        "    kind: column\n"
        "    title: 金融科技觀摩會規模\n"
        "    figures: [fintech-festival-countries, fintech-festival-attendance]\n",
        encoding="utf-8",
    )

    problems = api.check(recipe)
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{recipe}:5: charts[0]: ")
    assert "cannot be shown in" in str(problems[0])
    recipe.write_text(
        recipe.read_text(encoding="utf-8").replace("fintech-festival-countries, ", ""),
        encoding="utf-8",
    )
    result = api.build(api.options_from_recipe(recipe))

    slide = next(s for s in result.plan.slides if s.chart == "fintech-festival-reach")
    assert slide.title == "金融科技觀摩會規模"
    assert "45,000" in slide.notes


def test_a_font_without_chinese_is_reported_once_per_face_not_per_glyph(tmp_path: Path) -> None:
    from _fontutil import build_font

    font = tmp_path / "TinySans-Regular.ttf"
    font.write_bytes(build_font(chars="".join(map(chr, range(0x21, 0x7F)))))
    options = api.options_from_recipe(
        None, initiatives=("myinfo",), font=str(font), output=tmp_path / "deck.pptx"
    )

    result = api.build(options)  # pytest turns any matplotlib glyph warning into a failure

    assert len(result.missing) > 50
    assert len(result.warnings) <= 3
    assert any("characters on" in w and "not in Tiny Sans" in w for w in result.warnings)
    chart_text = next(c["alt_text"] for c in result.charts)
    assert chart_text  # the chart was drawn, its missing characters counted with the rest
    assert {m.char for m in result.missing} & set("新加坡數位政府里程碑")


# -- native charts, one at a time -----------------------------------------------------------------
@pytest.mark.parametrize("chart_id", NATIVE_CHARTS)
def test_native_chart_values_are_the_records(report, chart_id: str) -> None:
    deck = _native_deck(report, [chart_id])
    frame = deck.slides[0].shapes[0]
    assert frame.has_chart
    chart = frame.chart
    data = chart_data(report.chart(chart_id), report)
    categories = list(chart.plots[0].categories)
    values = list(chart.series[0].values)
    if data.kind == "bar":  # fed bottom-up so the first category shows on top
        categories.reverse()
        values.reverse()
    assert tuple(categories) == data.categories
    if data.figure_ids:
        assert tuple(values) == tuple(report.figure(f).value for f in data.figure_ids)
    else:
        assert tuple(values) == data.series[0].values
    assert chart.chart_title.text_frame.text.split("\n")[0] == data.title
    assert data.unit in chart.plots[0].data_labels.number_format
    assert frame._element.nvGraphicFramePr.cNvPr.get("descr") == data.alt_text


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("chart_id", NATIVE_CHARTS)
def test_native_chart_names_its_unit(report, chart_id: str, language: str) -> None:
    deck = _native_deck(report, [chart_id], language, title=False)

    words = _words(_space(deck))

    for expected in UNITS[chart_id, language]:
        assert expected in words


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("kind", ["column", "bar", "pie"])
def test_native_counts_say_the_program_counted(report, kind: str, language: str) -> None:
    spec = ChartSpec(id="g", kind=kind, title="措施", group_by="status")
    deck = _native_deck(report, [spec, "e-payment-merchants"], language, title=False)
    derived = WORDS[language]["derived"]

    counted, stated = _space(deck, 0), _space(deck, 1)

    assert _title_text(counted).split("\n")[-1] == derived  # on the chart, in the title's slot
    assert derived in deck.slides[0].shapes[0]._element.nvGraphicFramePr.cNvPr.get("descr")
    assert _title_text(stated) is None
    assert derived not in _words(stated)


def test_native_pie_leaves_out_empty_wedges_and_says_its_unit(report) -> None:
    spec = ChartSpec(id="g", kind="pie", title="措施", group_by="status")
    data = chart_data(spec, report, language="en")
    empty = [c for c, v in zip(data.categories, data.series[0].values, strict=True) if v == 0]

    chart = _native_deck(report, [spec], "en", title=False).slides[0].shapes[0].chart

    assert empty  # no initiative of the report is "completed"
    assert set(chart.plots[0].categories).isdisjoint(empty)
    assert len(list(chart.plots[0].categories)) == len(data.categories) - len(empty)
    # the labels are bare numbers in English, so the unit is a line of the chart's title
    assert _title_text(_space_of(chart)).split("\n")[0] == "Unit: initiatives"


def _space_of(chart) -> etree._Element:  # type: ignore[no-untyped-def]
    return etree.fromstring(chart.part.blob)


def test_native_bar_leaves_room_for_its_labels(report) -> None:
    data = chart_data(report.chart("sg-5g-smart-estates-funding"), report, language="en")

    chart = _native_deck(report, ["sg-5g-smart-estates-funding"], "en").slides[0].shapes[0].chart

    top = max(data.series[0].values)
    assert top * 1.2 <= chart.value_axis.maximum_scale <= top * 2
    # S$1.5 million needs a decimal in the labels, not on every tick (0.0, 5.0, ...)
    assert chart.plots[0].data_labels.number_format.startswith('"S$"#,##0.0')
    assert chart.value_axis.tick_labels.number_format == "General"


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_native_chart_text_is_at_least_16_pt(report, language: str) -> None:
    deck = _native_deck(report, NATIVE_CHARTS, language)

    for n in range(len(NATIVE_CHARTS)):
        space = _space(deck, n)
        sizes = [int(sz) for sz in re.findall(r'\bsz="(\d+)"', etree.tostring(space).decode())]
        assert sizes and min(sizes) >= 1600  # hundredths of a point
        assert space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr").get("sz") == "1600"


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_native_chart_text_is_tagged_with_its_language(report, language: str) -> None:
    deck_lang = {"zh-TW": "zh-TW", "en": "en-US"}[language]
    chinese_axis = report.chart("e-payment-merchants").model_copy(update={"y_label": "單位：家"})
    deck = _native_deck(report, [*NATIVE_CHARTS, chinese_axis], language)

    for n in range(len(NATIVE_CHARTS) + 1):
        space = _space(deck, n)
        assert space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr").get("lang") == deck_lang
        for run in space.iter(f"{A}r"):
            text = run.findtext(f"{A}t")
            expected = "zh-TW" if _CJK.search(text) else deck_lang
            assert run.find(f"{A}rPr").get("lang") == expected, text


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("kind", ["column", "bar", "pie", "line"])
def test_native_chart_text_names_no_embedded_font_in_latin(report, kind: str, language) -> None:
    """What makes Aspose.Slides draw a native chart: it measures the axes, legend, title and pie
    labels through System.Drawing with the text's *latin* typeface, which fails for a font
    embedded in the deck ("Font '?' cannot be found") and leaves the whole chart blank. So the
    chart's default text (``c:txPr``, which every part inherits) and every run name a system
    typeface in ``a:latin``, and the deck font in ``a:ea`` and ``a:cs``, where Chinese is."""
    spec = report.chart("e-payment-merchants").model_copy(update={"kind": kind})
    counted = ChartSpec(id="g", kind="bar" if kind == "line" else kind, title="t", group_by="year")
    deck = _native_deck(report, [spec, counted], language)

    for n in range(2):
        space = _space(deck, n)
        default = space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr")
        assert default.find(f"{A}latin").get("typeface") == LATIN_TYPEFACE
        for props in space.iter(f"{A}defRPr", f"{A}rPr"):
            latin = props.find(f"{A}latin")
            assert latin is None or latin.get("typeface") == LATIN_TYPEFACE
            if latin is not None:
                assert props.find(f"{A}ea").get("typeface") == FONT
                assert props.find(f"{A}cs").get("typeface") == FONT
        assert FONT not in {e.get("typeface") for e in space.iter(f"{A}latin")}


def test_native_chart_keeps_qualified_labels(report) -> None:
    deck = _native_deck(report, ["tw-data-centre-consolidation"])
    chart = deck.slides[0].shapes[0].chart
    data = chart_data(report.chart("tw-data-centre-consolidation"), report)
    texts = [
        chart.series[0].points[i].data_label.text_frame.text
        if chart.series[0].points[i].data_label.has_text_frame
        else None
        for i in range(2)
    ]
    assert texts == list(data.series[0].labels)  # "200 多座", "目標 50 座"


@pytest.mark.parametrize("kind", ["pie", "line"])
def test_native_pie_and_line(report, kind: str) -> None:
    spec = report.chart("e-payment-merchants").model_copy(update={"kind": kind})

    chart = _native_deck(report, [spec]).slides[0].shapes[0].chart

    assert tuple(chart.series[0].values) == tuple(report.figure(f).value for f in spec.figures)


@pytest.mark.parametrize("chart_id", ["sg-digital-government-timeline", "summit-programme"])
def test_native_chart_refuses_timeline_and_schedule(report, chart_id: str) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    with pytest.raises(ChartError, match="no native"):
        add_native_chart(
            slide.shapes,
            chart_data(report.chart(chart_id), report),
            0,
            0,
            100,
            100,
            typeface=FONT,
        )
    assert len(slide.shapes) == 0
