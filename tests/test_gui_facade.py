"""The facade functions briefing.api offers the desktop app (no Qt): the chart pictures of the
storyboard are the build's own, cover dates print as the planner prints them, characters a
font lacks are found from a plan, and the example recipes are listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing import api
from briefing.errors import ChartError

ROOT = Path(__file__).resolve().parents[1]


def test_a_chart_preview_is_the_picture_the_build_puts_on_the_slide(default_build) -> None:  # noqa: ANN001
    deck = Presentation(str(default_build.output))
    options = api.options_from_recipe()
    report = api.load(options)
    compared = 0
    for number, slide in enumerate(default_build.plan.slides):
        if slide.chart is None:
            continue
        pictures = [s for s in deck.slides[number].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        blobs = {p.image.blob for p in pictures}

        box = default_build.plan.chart_boxes[slide.chart]
        preview = api.chart_preview(options, report, slide.chart, box=box)

        assert preview in blobs, slide.chart
        compared += 1
    assert compared >= 1


def test_an_unknown_chart_is_a_chart_error() -> None:
    options = api.options_from_recipe()

    with pytest.raises(ChartError, match="unknown chart id 'no-such-chart'"):
        api.chart_preview(options, api.load(options), "no-such-chart")


@pytest.mark.parametrize(
    ("style", "language", "text"),
    [
        ("roc", "zh-TW", "中華民國108年8月2日（星期五）"),  # one date style, with its weekday
        ("gregorian", "zh-TW", "2019年8月2日（星期五）"),
        ("roc", "en", "2 August 2019"),
    ],
)
def test_the_cover_date_prints_as_the_plan_prints_it(style: str, language: str, text: str) -> None:
    date = dt.date(2019, 8, 2)
    plan = api.plan(api.options_from_recipe(date=date, date_style=style, language=language))

    assert api.date_text(date, style, language) == text == plan.meta.date_text


def test_missing_characters_are_found_in_a_plan_with_their_slides() -> None:
    options = api.options_from_recipe(presenter="王𠀋明", sections=("purpose",))
    plan = api.plan(options)

    missing = api.missing_characters(api.load_font(), plan)

    assert [(m.char, m.codepoint, m.slides) for m in missing] == [("𠀋", "U+2000B", (1,))]


def test_the_examples_are_the_recipes_folder() -> None:
    assert [p.name for p in api.examples()] == sorted(
        p.name for p in (ROOT / "recipes").glob("*.yaml")
    )
    assert {p.stem for p in api.examples()} >= {
        "senior-brief",
        "full-briefing",
        "digital-government",
        "english",
    }
