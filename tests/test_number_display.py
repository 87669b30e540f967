"""Numbers on slides in the report's own scale (萬, 億, 兆; million, billion).

Imported figures hold full values in the base unit (「新臺幣3,926萬5千元」 is 39265000 元); a
slide shows them as the report does, never as a long digit string and never with a value
changed. Per form: a key-figure tile, a chart's value label and its axis unit; then a deck built
from an imported corpus report, read back with python-pptx.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from pptx import Presentation

from briefing import api
from briefing.charts import chart_data
from briefing.content import display
from briefing.content.model import ChartSpec, Figure
from briefing.content.report import load_report
from briefing.story.facts import figure_tile

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.content.report import Report

REPORTS = __import__("pathlib").Path(__file__).parent / "data" / "reports"
JP = REPORTS / "jp-disaster-2024" / "jp-disaster-2024.docx"
LONG = re.compile(r"\d{8,}")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The jp-disaster report imported into tmp, with two charts of its money and visitors."""
    folder = tmp_path_factory.mktemp("jp") / "report"
    api.import_report(JP, folder, replace=True)
    money, visits = ["s3-1-1-fig-3", "s3-4-2-fig-1"], ["s3-1-2-2-fig-2", "s3-4-1-fig-1"]
    charts = [
        {"id": "jp-money", "kind": "bar", "title": "防災經費", "figures": money},
        {"id": "jp-visits", "kind": "column", "title": "參訪人次", "figures": visits},
    ]
    (folder / "charts.yaml").write_text(yaml.safe_dump(charts, allow_unicode=True), "utf-8")
    return folder


@pytest.fixture(scope="module")
def report(imported: Path) -> Report:
    return load_report(imported)


def _figure(report: Report, as_written: str, value: float, unit: str, **more: Any) -> Figure:
    """A figure record of the imported report's first section, as the importer writes one."""
    section = report.outline[0].section.id
    fields = {"id": "f", "measure": "經費", "section": section, "qualifier": "exact"}
    return Figure(**{**fields, "as_written": as_written, "value": value, "unit": unit, **more})


def _tile(report: Report, fig: Figure, language: str = "zh-TW") -> str:
    tile = figure_tile(fig, language, api.labels(language))
    return f"{tile.qualifier}|{tile.value}|{tile.unit}"


def _chart(report: Report, figs: list[Figure], language: str) -> tuple[tuple[str, ...], str]:
    """The value labels and axis label of a bar chart of ``figs``."""
    ids = tuple(f"g{i}" for i in range(len(figs)))
    records = tuple(f.model_copy(update={"id": i}) for f, i in zip(figs, ids, strict=True))
    spec = ChartSpec(id="c", kind="bar", title="t", figures=ids)
    data = chart_data(spec, report.replace(figures=records, charts=(spec,)), language=language)
    return data.series[0].labels, data.y_label or ""


# -- tiles --------------------------------------------------------------------------------------
TILES = [  # as_written, value, unit, qualifier, zh-TW tile, en tile
    ("新臺幣3,926萬5千元", 39265000, "元", "exact", "新臺幣|3,926萬5千|元", "NT$|39.265| million"),
    ("1萬8千人", 18000, "人", "exact", "|1萬8千|人", "|18,000| people"),
    ("300億円", 3e10, "日圓", "about", "約|300|億円", "about ¥|30| billion"),
    ("30兆韓元", 3e13, "韓元", "exact", "|30|兆韓元", "₩|30| trillion"),
    ("92.0%", 92, "%", "exact", "|92.0|%", "|92.0|%"),
    ("20至30人", 20, "人", "range", "|20–30|人", "|20–30|人"),
    ("39,265,000元", 39265000, "元", "exact", "|3,926.5|萬元", "NT$|39.265| million"),
    ("2,500,000,000歐元", 2.5e9, "歐元", "exact", "|25|億歐元", "€|2.5| billion"),
    ("US$1,200,000,000", 1.2e9, "美元", "over", "超過|12|億美元", "over US$|1.2| billion"),
    ("20,000,000至30,000,000元", 2e7, "元", "range", "|2,000–3,000|萬元", "NT$|20–30| million"),
    ("€2.1 billion", 2.1e9, "歐元", "exact", "€|2.1| billion", "€|2.1| billion"),
]


@pytest.mark.parametrize(("written", "value", "unit", "qualifier", "zh", "en"), TILES)
def test_a_tile_shows_the_number_as_the_report_scales_it(
    report: Report, written: str, value: float, unit: str, qualifier: str, zh: str, en: str
) -> None:
    high = 30 if written == "20至30人" else 3e7 if written.startswith("20,000,000") else None
    fig = _figure(report, written, value, unit, qualifier=qualifier, high=high)
    assert _tile(report, fig) == zh
    assert _tile(report, fig, "en") == en


def test_a_figure_with_a_scale_of_its_own_is_shown_as_written(report: Report) -> None:
    """The bundled report's 4,000 萬新幣 stays as the report writes it, in both languages."""
    fig = _figure(report, "4,000 萬新幣", 4000, "萬新幣")
    assert _tile(report, fig) == _tile(report, fig, "en") == "|4,000|萬新幣"


# -- chart labels and axes ----------------------------------------------------------------------
CHARTS = [  # values, unit, zh labels, zh axis, en labels, en axis
    ([3e10, 1.2e10], "日圓", ("300 億日圓", "120 億日圓"), "單位：億日圓",
     ("¥30 billion", "¥12 billion"), "Unit: JPY billion"),
    ([39265000, 1.2e8], "元", ("3,926.5 萬元", "12,000 萬元"), "單位：萬元",
     ("NT$39.27 million", "NT$120 million"), "Unit: TWD million"),
    ([3e13, 5e12], "韓元", ("30 兆韓元", "5 兆韓元"), "單位：兆韓元",
     ("₩30 trillion", "₩5 trillion"), "Unit: KRW trillion"),
    ([2.1e9, 5e8], "歐元", ("21 億歐元", "5 億歐元"), "單位：億歐元",
     ("€2.1 billion", "€0.5 billion"), "Unit: EUR billion"),
    ([1.5e9, 2e8], "美元", ("15 億美元", "2 億美元"), "單位：億美元",
     ("US$1.5 billion", "US$0.2 billion"), "Unit: USD billion"),
    ([4530000, 300000], "人", ("453 萬人", "30 萬人"), "單位：萬人",
     ("4.53 million people", "0.3 million people"), "Unit: million people"),
    ([92, 35], "%", ("92%", "35%"), "單位：%", ("92%", "35%"), "Unit: %"),
    ([18000, 6100], "人", ("18,000 人", "6,100 人"), "單位：人",
     ("18,000 people", "6,100 people"), "Unit: people"),
]  # fmt: skip


@pytest.mark.parametrize(("values", "unit", "zh", "zh_axis", "en", "en_axis"), CHARTS)
def test_a_chart_picks_one_scale_for_its_axis_and_labels(
    report: Report,
    values: list[float],
    unit: str,
    zh: tuple[str, ...],
    zh_axis: str,
    en: tuple[str, ...],
    en_axis: str,
) -> None:
    figs = [_figure(report, f"{v:,.0f}{unit}", v, unit) for v in values]
    assert _chart(report, figs, "zh-TW") == (zh, zh_axis)
    assert _chart(report, figs, "en") == (en, en_axis)


def test_hedged_and_ranged_chart_labels_keep_their_words(report: Report) -> None:
    figs = [
        _figure(report, "約300億円", 3e10, "日圓", qualifier="about"),
        _figure(report, "逾150億日圓", 1.5e10, "日圓", qualifier="over"),
    ]
    labels, axis = _chart(report, figs, "zh-TW")
    assert labels == ("約 300 億日圓", "150 多億日圓") and axis == "單位：億日圓"
    labels, axis = _chart(report, figs, "en")
    assert labels == ("about ¥30 billion", "¥15+ billion") and axis == "Unit: JPY billion"


def test_a_value_is_never_changed_by_its_scale() -> None:
    assert display.scaled(39265000, "zh-TW") == ("3,926.5", "萬")
    assert display.scaled(123456789, "zh-TW") == ("1.23456789", "億")
    assert display.scaled(3e13, "zh-TW") == ("30", "兆")
    assert display.scaled(2.1e9, "en") == ("2.1", "billion")
    assert display.scaled(45000, "en") == ("45,000", "")


# -- a deck built from an imported report -------------------------------------------------------
@pytest.fixture(scope="module", params=["zh-TW", "en"])
def deck(
    request: pytest.FixtureRequest, imported: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("deck") / f"jp-{request.param}.pptx"
    options = api.options_from_recipe(
        None,
        report=imported,
        output=out,
        length="full",
        language=request.param,
        chart_style="native",
    )
    return api.build(options).output


def test_an_imported_deck_shows_no_long_digit_string(deck: Path) -> None:
    """No slide, note, alt text or chart of the deck holds a run of 8+ digits, and the money
    tiles and charts are in the report's scale."""
    texts: list[str] = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            texts.append(shape._element.xpath("string(.//p:cNvPr/@descr)"))
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    with zipfile.ZipFile(deck) as package:
        charts = [package.read(n).decode() for n in package.namelist() if "charts/chart" in n]
    shown = "\n".join(texts)
    assert charts, "the two charts are drawn"
    chart_text = "\n".join(re.findall(r"<a:t>([^<]*)</a:t>", "".join(charts)))
    assert not LONG.findall((shown + chart_text).replace(",", ""))
    if "jp-zh-TW" in deck.name:
        assert "3,926萬5千" in shown and "單位：億日圓" in chart_text
    else:
        flat = shown.replace("\n", "")  # a tile in English scale, or the report's own words
        assert "NT$39.265 million" in flat or "3,926萬5千" in flat
        assert "JPY billion" in chart_text


def test_an_updated_figure_without_words_is_written_in_its_scale(
    report: Report, tmp_path: Path
) -> None:
    """A figures.csv row giving only a full value gets as_written in the report's scale, so the
    tile, the initiative slide and the notes (which quote as_written) show no digit string."""
    from briefing.content.figures import apply_overrides

    section = report.outline[0].section.id
    rows = f"id,value,unit,measure,section\nbudget,39265000,元,培訓經費,{section}\n"
    (tmp_path / "figures.csv").write_text(rows, encoding="utf-8")
    fig = apply_overrides(report, tmp_path / "figures.csv").figure("budget")
    assert (fig.as_written, fig.value) == ("3,926.5萬元", 39265000)
    assert _tile(report, fig) == "|3,926.5|萬元"
