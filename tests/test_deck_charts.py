"""Charts inside the deck: pictures with alt text, native charts with the records' numbers in
the embedded font, and charts added by a recipe from data alone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from fontTools.ttLib import TTFont
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing import api

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _eot_font(blob: bytes) -> TTFont:
    """The TrueType font inside an EOT part (header length = EOTSize - FontDataSize)."""
    total, data_size = int.from_bytes(blob[0:4], "little"), int.from_bytes(blob[4:8], "little")
    return TTFont(io.BytesIO(blob[total - data_size :]))


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
        chart_parts = [n for n in package.namelist() if n.startswith("ppt/charts/chart")]
        regular = _eot_font(package.read("ppt/fonts/font1.fntdata"))
        cmap = regular.getBestCmap()
        for name in chart_parts:
            root = etree.fromstring(package.read(name))
            eas = [e.get("typeface") for e in root.iter(f"{A}ea")]
            assert eas and set(eas) == {"Noto Sans TC"}, name
            ids = [int(n.get("val")) for n in root.iter(f"{C}axId", f"{C}crossAx")]
            assert all(0 <= i <= 2**31 - 1 for i in ids), (name, ids)  # what PowerPoint takes
            assert root.find(f"{C}chart/{C}title") is None, name  # the slide title says it
            text = "".join(t.text or "" for t in root.iter(f"{C}v", f"{A}t"))
            missing = {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
            assert missing == set(), (name, missing)


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
        None, initiatives=("singapore-e-payment",), font=str(font), output=tmp_path / "deck.pptx"
    )

    result = api.build(options)  # pytest turns any matplotlib glyph warning into a failure

    assert len(result.missing) > 50
    assert len(result.warnings) <= 3
    assert any("characters on" in w and "not in Tiny Sans" in w for w in result.warnings)
    chart_text = next(c["alt_text"] for c in result.charts)
    assert chart_text  # the chart was drawn, its missing characters counted with the rest
    assert {m.char for m in result.missing} & set("電子支付採用商家數")
