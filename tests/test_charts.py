"""Charts: data taken from the report's records, PNGs drawn in the deck font, the PNG cache,
native PowerPoint charts, and which charts a selection shows. Real matplotlib and python-pptx."""

from __future__ import annotations

import io
import math
import warnings
from collections import Counter
from pathlib import Path

import pytest

from briefing import charts, theme
from briefing.charts import ChartData, chart_data, charts_for, render_png
from briefing.content.model import ChartSpec
from briefing.errors import ChartError

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
BOLD = ROOT / "assets" / "fonts" / "NotoSansTC_700Bold.ttf"
# The deck's chart box (placed 1:1 on a 13.33 in slide), as briefing.api computes it.
WIDTH_IN = theme.VISUAL_BOX[2] / theme.EMU_PER_INCH
HEIGHT_IN = theme.VISUAL_BOX[3] / theme.EMU_PER_INCH
DPI = 200

DEFAULT_CHARTS = (
    "sg-digital-government-timeline",
    "initiatives-by-pillar",
    "e-payment-merchants",
    "sg-5g-smart-estates-funding",
    "tw-data-centre-consolidation",
    "summit-programme",
)
FIGURE_CHARTS = (
    "e-payment-merchants",
    "sg-5g-smart-estates-funding",
    "tw-data-centre-consolidation",
)


def _png_size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


# -- the default charts.yaml ----------------------------------------------------------------------
def test_default_charts_are_the_six(report) -> None:
    assert [c.id for c in report.charts] == list(DEFAULT_CHARTS)


@pytest.mark.parametrize("chart_id", FIGURE_CHARTS)
def test_figure_chart_values_are_the_records(report, chart_id: str) -> None:
    spec = report.chart(chart_id)
    data = chart_data(spec, report)
    records = [report.figure(fid) for fid in spec.figures]
    assert data.figure_ids == spec.figures
    assert len(data.series) == 1
    assert data.series[0].values == tuple(f.value for f in records)
    assert data.unit == records[0].unit
    assert data.sources == tuple(dict.fromkeys(report.cite(f.section) for f in records))
    for record, label in zip(records, data.series[0].labels, strict=True):
        assert charts.format_number(record.value) in label
        assert record.unit in label


def test_e_payment_chart_plots_the_merchant_counts(report) -> None:
    data = chart_data(report.chart("e-payment-merchants"), report)
    first, second = (report.figure(f) for f in data.figure_ids)
    assert (first.when, second.when) == ("2018", "2019-06")
    assert data.series[0].values == (first.value, second.value)
    assert data.series[0].labels == (f"{first.as_written}", f"{second.as_written}")


def test_money_chart_is_in_wan_sgd_on_the_axis(report) -> None:
    data = chart_data(report.chart("sg-5g-smart-estates-funding"), report)
    assert data.kind == "bar"
    assert data.unit == "萬新幣"
    assert data.y_label == "單位：萬新幣"
    assert all(label.endswith(" 萬新幣") for label in data.series[0].labels)
    assert [report.figure(f).as_written for f in data.figure_ids] == list(data.series[0].labels)


def test_data_centre_chart_keeps_the_qualifiers(report) -> None:
    data = chart_data(report.chart("tw-data-centre-consolidation"), report)
    before, target = (report.figure(f) for f in data.figure_ids)
    assert (before.qualifier, target.qualifier) == ("over", "target")
    assert data.series[0].labels[0] == before.as_written  # "200 多座"
    assert "目標" in data.series[0].labels[1]
    assert charts.format_number(target.value) in data.series[0].labels[1]


def test_timeline_years_are_the_records(report) -> None:
    spec = report.chart("sg-digital-government-timeline")
    data = chart_data(spec, report)
    items = [report.initiative(i) for i in data.initiative_ids]
    assert set(data.initiative_ids) == set(spec.initiatives)
    assert data.years == tuple(i.year for i in items)
    assert list(data.years) == sorted(data.years)
    assert all(i.categories[0] == "digital-government" for i in items)
    # every year is stated by a figure record of its initiative
    assert len(data.figure_ids) == len(items)
    for item, fid in zip(items, data.figure_ids, strict=True):
        record = report.figure(fid)
        assert record.initiative == item.id
        assert item.year in (record.value, record.year)
    assert data.years[0] == report.initiative("singpass").year
    assert data.years[-1] == report.initiative("national-digital-identity").year
    ndi = data.initiative_ids.index("national-digital-identity")
    assert "NDI" in data.categories[ndi]
    assert data.extra[ndi] == "planned"
    assert data.colours == (theme.category_colour(1),) * len(items)  # the second category


def test_category_chart_counts_the_initiatives_in_each_of_their_categories(report) -> None:
    data = chart_data(report.chart("initiatives-by-pillar"), report)
    counts = Counter(c for i in report.initiatives for c in i.categories)
    ids = [c.id for c in report.meta.vocabulary.categories]
    assert data.categories[:4] == ("數位經濟", "數位政府", "數位社會", "數位基礎建設")
    assert data.series[0].values[:4] == tuple(float(counts[c]) for c in ids)
    assert data.colours[:4] == tuple(theme.category_colour(n) for n in range(4))
    assert data.spec.derived
    english = chart_data(report.chart("initiatives-by-pillar"), report, language="en")
    assert english.categories[0] == "Digital economy"
    assert english.series[0].values == data.series[0].values


def test_schedule_is_the_agenda(report) -> None:
    data = chart_data(report.chart("summit-programme"), report)
    items = report.agenda.items
    sessions = [i for i in items if i.type != "end"]
    assert len(data.categories) == len(sessions)
    assert [start for start, _, _ in data.extra] == [i.time for i in sessions]
    assert [end for _, end, _ in data.extra] == [i.time for i in items[1:]]
    assert data.extra[0][0] == "13:00" and data.extra[-1][1] == "18:15"
    assert [t for _, _, t in data.extra] == [i.type for i in sessions]
    for title, item in zip(data.categories, sessions, strict=True):
        assert title.casefold() == item.title.casefold()
    assert data.sources == (report.cite(report.agenda.section),)


@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_alt_text_names_every_value(report, chart_id: str) -> None:
    data = chart_data(report.chart(chart_id), report)
    alt = data.alt_text
    assert alt.startswith(f"{data.kind_name}：{data.title}")
    for series in data.series:
        for label in series.labels:
            assert label in alt
    for category in data.categories:
        assert category in alt
    for source in data.sources:
        assert source in alt
    for fid in data.figure_ids:
        record = report.figure(fid)
        if data.kind == "timeline":  # the record states the year
            assert f"{record.year} 年：" in alt
        else:
            assert charts.format_number(record.value) in alt


def test_alt_text_example(report) -> None:
    data = chart_data(report.chart("e-payment-merchants"), report)
    first, second = (report.figure(f) for f in data.figure_ids)
    assert f"：{first.as_written}；" in data.alt_text
    assert f"：{second.as_written}。" in data.alt_text
    assert data.alt_text.endswith(f"資料來源：{report.cite(first.section)}。")


# -- drawing --------------------------------------------------------------------------------------
@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_renders_at_the_exact_size_without_warnings(report, chart_id: str, tmp_path) -> None:
    data = chart_data(report.chart(chart_id), report)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "Glyph ... missing from font"
        png = render_png(
            data,
            font=FONT,
            bold_font=BOLD,
            width_in=WIDTH_IN,
            height_in=HEIGHT_IN,
            dpi=DPI,
            cache_dir=tmp_path,
        )
    assert _png_size(png) == (round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI))


@pytest.mark.parametrize("size", [(12.13, 5.05, 200), (6.0, 3.4, 220), (9.99, 4.01, 300)])
def test_odd_sizes_are_exact(report, size, tmp_path) -> None:
    width, height, dpi = size
    data = chart_data(report.chart("sg-5g-smart-estates-funding"), report)
    png = render_png(data, font=FONT, width_in=width, height_in=height, dpi=dpi, cache_dir=tmp_path)
    assert _png_size(png) == (round(width * dpi), round(height * dpi))


@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_every_text_is_in_the_deck_font(report, chart_id: str) -> None:
    from matplotlib.text import Text

    data = chart_data(report.chart(chart_id), report)
    figure = charts.draw_figure(
        data, font=FONT, bold_font=BOLD, width_in=WIDTH_IN, height_in=HEIGHT_IN
    )
    drawn = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text()]
    assert drawn
    allowed = set(data.text())
    for text in drawn:
        assert Path(text.get_fontproperties().get_file()) in (FONT, BOLD), text.get_text()
        assert set(text.get_text()) - {"\n"} <= allowed, text.get_text()


@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_the_font_covers_every_character(report, chart_id: str) -> None:
    from fontTools.ttLib import TTFont

    with TTFont(FONT) as font:
        cmap = font.getBestCmap()
    for language in ("zh-TW", "en"):
        text = chart_data(report.chart(chart_id), report, language=language).text()
        assert [ch for ch in text if ord(ch) not in cmap and not ch.isspace()] == []


def test_timeline_labels_do_not_overlap(report) -> None:
    from matplotlib.text import Text

    for language in ("zh-TW", "en"):
        data = chart_data(report.chart("sg-digital-government-timeline"), report, language=language)
        figure = charts.draw_figure(
            data, font=FONT, bold_font=BOLD, width_in=WIDTH_IN, height_in=HEIGHT_IN
        )
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        labels = {c.replace(" ", "") for c in data.categories}
        boxes = [
            t.get_bbox_patch().get_window_extent(renderer)
            for t in figure.findobj(Text)
            if t.get_text().replace("\n", "").replace(" ", "") in labels
        ]
        assert len(boxes) == len(data.categories)
        for i, a in enumerate(boxes):
            assert a.x0 >= 0 and a.x1 <= figure.bbox.width  # not clipped
            assert a.y0 >= 0 and a.y1 <= figure.bbox.height
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (a, b)


def _drawn_texts(data: ChartData, *, title: bool = False):  # type: ignore[no-untyped-def]
    """The figure at the deck size and its visible, non-empty texts."""
    from matplotlib.text import Text

    figure = charts.draw_figure(
        data,
        font=FONT,
        bold_font=BOLD,
        width_in=WIDTH_IN,
        height_in=HEIGHT_IN,
        dpi=DPI,
        title=title,
    )
    figure.canvas.draw()
    return figure, [t for t in figure.findobj(Text) if t.get_visible() and t.get_text()]


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_no_text_is_below_16_pt_at_the_deck_size(report, chart_id: str, language: str) -> None:
    data = chart_data(report.chart(chart_id), report, language=language)

    for title in (False, True):
        _, texts = _drawn_texts(data, title=title)

        assert texts
        small = {(t.get_text(), round(t.get_fontsize(), 2)) for t in texts if t.get_fontsize() < 16}
        assert small == set()


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_texts_neither_overlap_nor_leave_the_picture(report, chart_id: str, language: str) -> None:
    from matplotlib.text import Text

    data = chart_data(report.chart(chart_id), report, language=language)
    figure, texts = _drawn_texts(data, title=True)
    renderer = figure.canvas.get_renderer()

    # the text itself (an annotation's extent would include its arrow), or its box if drawn
    boxes = [
        (
            t.get_text(),
            t.get_bbox_patch().get_window_extent(renderer)
            if t.get_bbox_patch()
            else Text.get_window_extent(t, renderer),
        )
        for t in texts
    ]
    for i, (text, box) in enumerate(boxes):
        assert box.x0 >= -0.5 and box.y0 >= -0.5, text
        assert box.x1 <= figure.bbox.width + 0.5 and box.y1 <= figure.bbox.height + 0.5, text
        for other, other_box in boxes[i + 1 :]:
            assert not box.overlaps(other_box), (text, other)


@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_without_title_the_chart_draws_none(report, chart_id: str, tmp_path) -> None:
    data = chart_data(report.chart(chart_id), report)

    _, with_title = _drawn_texts(data, title=True)
    _, without = _drawn_texts(data, title=False)

    def titles(texts):  # type: ignore[no-untyped-def]
        return [t for t in texts if t.get_text().replace("\n", " ") == data.title]

    assert [t.get_fontsize() > 16 for t in titles(with_title)] == [True]
    assert titles(without) == []
    assert data.alt_text.startswith(f"{data.kind_name}：{data.title}")
    key = {
        "font": FONT,
        "bold_font": BOLD,
        "width_in": WIDTH_IN,
        "height_in": HEIGHT_IN,
        "dpi": DPI,
    }
    assert charts.cache_key(data, **key) != charts.cache_key(data, **key, title=False)


def test_a_long_title_wraps_instead_of_leaving_the_picture(report) -> None:
    data = chart_data(report.chart("tw-data-centre-consolidation"), report, language="en")

    figure, texts = _drawn_texts(data, title=True)

    title = next(t for t in texts if t.get_text().replace("\n", " ") == data.title)
    assert "\n" in title.get_text()
    assert title.get_window_extent(figure.canvas.get_renderer()).x1 <= figure.bbox.width


def test_a_long_session_title_goes_on_two_lines(report) -> None:
    data = chart_data(report.chart("summit-programme"), report)

    _, texts = _drawn_texts(data)

    wrapped = [t.get_text() for t in texts if "\n" in t.get_text()]
    assert wrapped
    assert all(w.replace("\n", " ") in data.categories for w in wrapped)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("National Digital Identity (NDI)", "National Digital\nIdentity (NDI)"),
        ("海運寬頻通訊應用試驗", "海運寬頻通\n訊應用試驗"),
        ("政府技術局 (GovTech)", "政府技術局\n(GovTech)"),
        ("Short", "Short"),
    ],
)
def test_split_in_two_balances_the_lines(text: str, expected: str) -> None:
    from briefing.charts.painter import split_in_two

    assert split_in_two(text) == expected


def test_cache_hit_returns_the_same_bytes_without_drawing(report, tmp_path) -> None:
    data = chart_data(report.chart("e-payment-merchants"), report)
    kwargs = {
        "font": FONT,
        "bold_font": BOLD,
        "width_in": WIDTH_IN,
        "height_in": HEIGHT_IN,
        "dpi": DPI,
        "cache_dir": tmp_path,
    }
    before = charts.render_count()
    first = render_png(data, **kwargs)
    assert charts.render_count() == before + 1
    assert list(tmp_path.rglob("*.png"))
    second = render_png(data, **kwargs)
    assert second == first
    assert charts.render_count() == before + 1  # no drawing on a hit
    render_png(data, **{**kwargs, "dpi": 240})  # another size is another entry
    assert charts.render_count() == before + 2
    render_png(data, **{**kwargs, "title": False})  # so is a chart without its title
    assert charts.render_count() == before + 3
    other = chart_data(report.chart("e-payment-merchants"), report, language="en")
    render_png(other, **kwargs)
    assert charts.render_count() == before + 4
    assert charts.render_count() == charts.RENDER_COUNT  # the attribute reads the same count


def test_cache_honours_xdg_cache_home(report, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert charts.default_cache_dir() == tmp_path / "briefing" / "charts"
    data = chart_data(report.chart("tw-data-centre-consolidation"), report)
    render_png(data, font=FONT, width_in=4, height_in=3)
    assert list((tmp_path / "briefing" / "charts").rglob("*.png"))


def test_cache_key_depends_on_font_and_size(report, tmp_path) -> None:
    data = chart_data(report.chart("e-payment-merchants"), report)
    key = charts.cache_key(data, font=FONT, bold_font=None, width_in=1, height_in=1, dpi=200)
    assert key != charts.cache_key(
        data, font=BOLD, bold_font=None, width_in=1, height_in=1, dpi=200
    )
    assert key != charts.cache_key(
        data, font=FONT, bold_font=BOLD, width_in=1, height_in=1, dpi=200
    )
    assert key != charts.cache_key(
        data, font=FONT, bold_font=None, width_in=2, height_in=1, dpi=200
    )


def test_importing_charts_does_not_import_matplotlib() -> None:
    import subprocess
    import sys

    code = (
        "import sys, briefing.charts; "
        "print(any(m == 'matplotlib' or m.startswith('matplotlib.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# -- other kinds and languages --------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["pie", "line", "bar", "column"])
def test_other_kinds_of_the_same_figures(report, kind: str, tmp_path) -> None:
    spec = report.chart("e-payment-merchants").model_copy(update={"kind": kind, "id": "x"})
    data = chart_data(spec, report)
    values = tuple(report.figure(f).value for f in spec.figures)
    assert data.series[0].values == values
    png = render_png(data, font=FONT, width_in=8, height_in=4.5, cache_dir=tmp_path)
    assert _png_size(png) == (1600, 900)


def test_english_labels(report) -> None:
    data = chart_data(report.chart("sg-digital-government-timeline"), report, language="en")
    assert "National Digital Identity (NDI)" in data.categories
    assert data.alt_text.startswith("Timeline: ")
    money = chart_data(report.chart("sg-5g-smart-estates-funding"), report, language="en")
    assert money.unit == "S$ million"
    records = [report.figure(f) for f in money.figure_ids]
    assert money.series[0].values == tuple(f.value / 100 for f in records)  # 萬 -> million
    assert money.series[0].labels[0] == f"S${charts.format_number(records[0].value / 100)} million"


# -- errors ---------------------------------------------------------------------------------------
def test_unknown_kind_is_a_chart_error(report) -> None:
    spec = ChartSpec.model_construct(
        **{**ChartSpec(id="x", kind="bar", title="t").__dict__, "kind": "radar"}
    )
    with pytest.raises(ChartError, match="unknown chart kind 'radar'") as info:
        chart_data(spec, report)
    assert info.value.field == "charts.x.kind"


def test_units_that_are_not_scales_of_one_thing_are_an_error(report) -> None:
    spec = ChartSpec(
        id="mixed",
        kind="column",
        title="t",
        figures=("e-payment-merchants-2019", "tw-computer-rooms-before"),
    )
    with pytest.raises(ChartError, match="is in '座', which cannot be shown in '家'") as info:
        chart_data(spec, report)
    assert info.value.field == "charts.mixed.figures[1]"
    # naming a unit does not make 座 into 個: still an error, never a mislabelled bar
    with pytest.raises(ChartError, match="cannot be shown in '個'"):
        chart_data(spec.model_copy(update={"unit": "個"}), report)


def test_scales_of_one_currency_plot_in_the_smallest(report) -> None:
    euros = (
        report.figure("open-5g-ecosystem-funding").model_copy(
            update={"id": "a", "value": 500, "unit": "萬歐元", "as_written": "500 萬歐元"}
        ),
        report.figure("open-5g-ecosystem-funding").model_copy(
            update={"id": "b", "value": 2, "unit": "億歐元", "as_written": "2 億歐元"}
        ),
    )
    changed = report.replace(figures=(*report.figures, *euros))
    data = chart_data(ChartSpec(id="e", kind="bar", title="t", figures=("a", "b")), changed)
    english = chart_data(
        ChartSpec(id="e", kind="bar", title="t", figures=("a", "b")), changed, language="en"
    )

    assert data.unit == "萬歐元"
    assert data.series[0].values == (500.0, 20_000.0)
    assert english.unit == "€ million"
    assert english.series[0].values == (5.0, 200.0)


def test_chart_unit_converts_scaled_currency(report) -> None:
    spec = report.chart("sg-5g-smart-estates-funding").model_copy(update={"unit": "新幣"})
    data = chart_data(spec, report)
    assert data.series[0].values == tuple(report.figure(f).value * 10_000 for f in spec.figures)


def test_missing_records_and_years_are_chart_errors(report) -> None:
    with pytest.raises(ChartError, match="unknown figure id 'e-payment-merchants-2017'") as info:
        chart_data(
            ChartSpec(id="x", kind="bar", title="t", figures=("e-payment-merchants-2017",)), report
        )
    assert info.value.field == "charts.x.figures[0]"
    assert "did you mean" in info.value.message
    no_year = next(i for i in report.initiatives if i.year is None)
    with pytest.raises(ChartError, match="has no year") as info:
        chart_data(
            ChartSpec(id="t", kind="timeline", title="t", initiatives=("singpass", no_year.id)),
            report,
        )
    assert info.value.field == "charts.t.initiatives[1]"
    undated = next(f for f in report.figures if f.when is None)
    with pytest.raises(ChartError, match="no date"):
        chart_data(ChartSpec(id="l", kind="line", title="t", figures=(undated.id,)), report)
    with pytest.raises(ChartError, match="needs figures"):
        chart_data(ChartSpec(id="e", kind="pie", title="t"), report)


def test_errors_in_charts_yaml_point_at_the_line(report) -> None:
    spec = report.chart("tw-data-centre-consolidation")
    broken = report.replace(
        figures=tuple(f for f in report.figures if f.id != "tw-cloud-data-centres-2020")
    )
    with pytest.raises(ChartError) as info:
        chart_data(spec, broken)
    assert info.value.file is not None and info.value.file.endswith("charts.yaml")
    assert info.value.line is not None
    assert info.value.field == f"charts[{DEFAULT_CHARTS.index(spec.id)}].figures[1]"


# -- selection ------------------------------------------------------------------------------------
def test_charts_for_picks_charts_by_selection(report) -> None:
    def all_ids(sections, initiatives=(), extra=()):
        return [c.id for c in charts_for(report, sections, initiatives, extra)]

    def ids(sections, initiatives=(), extra=()):  # the counting chart aside (checked below)
        return [c for c in all_ids(sections, initiatives, extra) if c != "initiatives-by-pillar"]

    everything = [e.section.id for e in report.outline]
    assert all_ids(everything) == list(DEFAULT_CHARTS)
    # a chart counting every initiative shows with any section it counted
    for item in report.initiatives:
        assert "initiatives-by-pillar" in all_ids([item.sections[0]])
    assert "initiatives-by-pillar" not in all_ids(["appendix-summit-agenda"])
    assert ids([]) == []
    assert ids(["reflections-government-cloud"]) == ["tw-data-centre-consolidation"]
    assert ids(["appendix-summit-agenda"]) == ["summit-programme"]
    assert ids(["summit-economy-smart-estates"]) == ["sg-5g-smart-estates-funding"]
    assert ids(["summit-strategy-government-e-payment"]) == ["e-payment-merchants"]
    assert ids(["visit-e-payment"]) == ["e-payment-merchants"]
    # an initiative the chart is about selects it too (here through its figures)
    # the report gives e-payment no start year, so it is not on the timeline
    assert ids([], ["singapore-e-payment"]) == ["e-payment-merchants"]
    assert ids([], ["myinfo"]) == ["sg-digital-government-timeline"]
    assert ids([], ["smart-estates"]) == ["sg-5g-smart-estates-funding"]
    # extra charts come last; one with a report chart's id replaces it
    extra = ChartSpec(id="more", kind="column", title="t", figures=("sg-digital-services",))
    assert ids(["summit-strategy-government-moments-of-life"], extra=[extra]) == ["more"]
    moved = report.chart("summit-programme").model_copy(update={"sections": ("purpose",)})
    assert ids(["purpose"], extra=[moved]) == ["summit-programme"]
    assert ids(["appendix-summit-agenda"], extra=[moved]) == []


def test_default_sections_of_a_chart(report) -> None:
    spec = report.chart("sg-5g-smart-estates-funding")
    assert charts.chart_sections(spec, report) == tuple(
        report.figure(f).section for f in spec.figures
    )
    schedule = ChartSpec(id="s", kind="schedule", title="t")
    assert charts.chart_sections(schedule, report) == (report.agenda.section,)


# -- plain data ---------------------------------------------------------------------------------
def test_chart_data_is_plain_and_hashable(report) -> None:
    data = chart_data(report.chart("summit-programme"), report)
    assert isinstance(data, ChartData)
    assert hash(data.to_json())
    assert not any(math.isnan(v) for s in data.series for v in s.values)


def test_cache_hit_in_a_fresh_process_does_not_import_matplotlib(report, tmp_path) -> None:
    import subprocess
    import sys

    data = chart_data(report.chart("tw-data-centre-consolidation"), report)
    png = render_png(data, font=FONT, width_in=4, height_in=3, cache_dir=tmp_path)
    code = f"""
import sys
from pathlib import Path
from briefing import charts
from briefing.content.report import load_report
report = load_report()
data = charts.chart_data(report.chart("tw-data-centre-consolidation"), report)
png = charts.render_png(data, font=Path({str(FONT)!r}), width_in=4, height_in=3,
                        cache_dir=Path({str(tmp_path)!r}))
sys.stdout.buffer.write(png)
assert charts.render_count() == 0
assert not any(m.startswith("matplotlib") for m in sys.modules), "matplotlib imported"
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True)
    assert out.stdout == png


@pytest.mark.parametrize(
    ("kind", "group_by", "language"),
    [
        ("pie", "status", "zh-TW"),
        ("column", "year", "zh-TW"),
        ("bar", "status", "en"),
        ("pie", "category", "en"),
        ("timeline", "status", "zh-TW"),
        ("timeline", None, "en"),
    ],
)
def test_grouped_and_all_initiative_charts(report, kind, group_by, language, tmp_path) -> None:
    spec = ChartSpec(id="g", kind=kind, title="措施", group_by=group_by)
    data = chart_data(spec, report, language=language)
    if kind == "timeline":
        assert len(data.categories) == sum(1 for i in report.initiatives if i.year is not None)
    elif group_by == "category":  # an initiative counts once in each of its categories
        assert sum(data.series[0].values) == sum(
            max(1, len(i.categories)) for i in report.initiatives
        )
    else:
        assert sum(data.series[0].values) == len(report.initiatives)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = render_png(
            data,
            font=FONT,
            bold_font=BOLD,
            width_in=WIDTH_IN,
            height_in=HEIGHT_IN,
            cache_dir=tmp_path,
        )
    assert _png_size(png) == (round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI))


# -- units and counts -----------------------------------------------------------------------------
#: The words that say what each default chart's numbers are, drawn on the picture.
DRAWN_UNITS = {
    "sg-digital-government-timeline": {"zh-TW": "單位：年", "en": "Unit: year"},
    "initiatives-by-pillar": {"zh-TW": "單位：項", "en": "Unit: initiatives"},
    "e-payment-merchants": {"zh-TW": "單位：家", "en": "Unit: count"},
    "sg-5g-smart-estates-funding": {"zh-TW": "單位：萬新幣", "en": "Unit: S$ million"},
    "tw-data-centre-consolidation": {"zh-TW": "單位：座", "en": "Unit: count"},
    "summit-programme": {"zh-TW": "時間（時:分）", "en": "Time (hh:mm)"},
}


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize("chart_id", DEFAULT_CHARTS)
def test_every_picture_chart_draws_its_unit(report, chart_id: str, language: str) -> None:
    data = chart_data(report.chart(chart_id), report, language=language)

    _, texts = _drawn_texts(data)  # as the deck draws it: the slide shows the title

    assert DRAWN_UNITS[chart_id][language] in [t.get_text() for t in texts]


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_a_pie_of_bare_numbers_draws_its_unit_under_the_ring(report, language: str) -> None:
    spec = ChartSpec(id="g", kind="pie", title="措施", group_by="status")
    data = chart_data(spec, report, language=language)

    _, texts = _drawn_texts(data)
    drawn = [t.get_text() for t in texts]

    if language == "zh-TW":  # every label says 項, and so does the total in the ring
        assert all(label.endswith(" 項") for label in data.series[0].labels)
        assert any(text.endswith("\n項") for text in drawn)
    else:
        launched = sum(1 for i in report.initiatives if i.status == "launched")
        assert data.series[0].labels[0] == str(launched)
        assert "Unit: initiatives" in drawn


def test_english_counts_name_what_they_count(report) -> None:
    spec = report.chart("e-payment-merchants")
    named = spec.model_copy(update={"labels": {**spec.labels, "en:unit": "merchants"}})

    bare = chart_data(spec, report, language="en")
    data = chart_data(named, report, language="en")

    assert bare.series[0].labels == ("22", "500")  # 家 has no English word
    assert bare.y_label == "Unit: count"
    assert data.y_label == "Unit: merchants"
    assert "Unit: merchants" in data.alt_text


@pytest.mark.parametrize("language", ["zh-TW", "en"])
@pytest.mark.parametrize(("kind", "group_by"), [("column", "category"), ("bar", "year")])
def test_counts_say_the_program_counted(report, kind: str, group_by: str, language: str) -> None:
    spec = ChartSpec(id="g", kind=kind, title="措施", group_by=group_by)
    derived = charts.labels.WORDS[language]["derived"]

    data = chart_data(spec, report, language=language)
    _, texts = _drawn_texts(data)

    assert spec.derived
    assert data.caption == derived
    assert derived in [t.get_text() for t in texts]
    assert f"{derived}{charts.labels.WORDS[language]['stop']}" in data.alt_text
    assert set(derived) <= set(data.text())  # its characters go into the font subset


@pytest.mark.parametrize("chart_id", [c for c in DEFAULT_CHARTS if c != "initiatives-by-pillar"])
def test_charts_of_stated_numbers_do_not_say_counted(report, chart_id: str) -> None:
    derived = charts.labels.WORDS["zh-TW"]["derived"]

    data = chart_data(report.chart(chart_id), report)
    _, texts = _drawn_texts(data)

    assert data.caption is None
    assert derived not in data.alt_text
    assert all(derived not in t.get_text() for t in texts)


def test_a_count_cites_each_section_it_counted(report) -> None:
    ids = ("myinfo", "singpass", "smart-estates")
    spec = ChartSpec(id="g", kind="column", title="t", initiatives=ids, group_by="status")

    data = chart_data(spec, report)

    sections = {report.initiative(i).sections[0] for i in ids}
    order = [e.section.id for e in report.outline]
    assert data.sources == tuple(report.cite(s) for s in sorted(sections, key=order.index))


def test_a_count_of_many_sections_cites_their_parents(report) -> None:
    from briefing.charts.initiative_data import MAX_CITED

    data = chart_data(report.chart("initiatives-by-pillar"), report)

    assert 1 < len(data.sources) <= MAX_CITED
    for item in report.initiatives:  # every counted initiative is under a cited section
        path = report.entry(item.sections[0]).path
        assert any(report.cite(s) in data.sources for s in path), item.id
    assert report.cite("summit") in data.sources  # the part that holds most of them
