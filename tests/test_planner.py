"""The deck plan: which slides a selection gives, in which order, from which sections."""

from __future__ import annotations

import pytest

from briefing.errors import RecipeError
from briefing.options import BuildOptions
from briefing.story.planner import plan_deck


def test_the_full_plan_has_the_shape_of_a_briefing(report) -> None:
    plan = plan_deck(report, BuildOptions())
    kinds = [s.kind for s in plan.slides]

    assert kinds[:3] == ["cover", "agenda", "divider"]
    assert kinds[-1] == "sources"
    assert kinds.count("closing") == 1
    assert kinds.count("initiative") == len(report.initiatives)
    # one divider per part 壹…陸 (a divider that carries initiatives frames those placed apart)
    assert len([s for s in plan.slides if s.kind == "divider" and not s.initiatives]) == 6


def test_a_section_selects_its_sub_sections(report) -> None:
    plan = plan_deck(report, BuildOptions(sections=("summit-strategy",), initiatives=()))

    assert set(report.descendants("summit-strategy")) <= set(plan.sections)
    assert "visit" not in plan.sections


def test_listing_a_sub_section_selects_only_that_one(report) -> None:
    plan = plan_deck(
        report, BuildOptions(sections=("summit-strategy", "summit-strategy-government"))
    )

    assert "summit-strategy-government" in plan.sections
    assert "summit-strategy-economy" not in plan.sections


def test_initiatives_only_make_a_shorter_deck(report) -> None:
    plan = plan_deck(report, BuildOptions(initiatives=("myinfo", "singpass")))
    titles = plan.titles

    assert [s.kind for s in plan.slides].count("initiative") == 2
    assert plan.sections == ()
    assert any(t.startswith("我的資訊") for t in titles)
    assert len(plan.slides) < 12


def test_an_initiative_follows_the_section_that_discusses_it(report) -> None:
    plan = plan_deck(report, BuildOptions())
    kinds_titles = [(s.kind, s.title, s.sections) for s in plan.slides]
    myinfo = next(
        i for i, s in enumerate(plan.slides) if "myinfo" in s.initiatives and s.kind == "initiative"
    )
    blueprint = max(
        i
        for i, s in enumerate(plan.slides[:myinfo])
        if s.kind == "content" and "summit-strategy-government" in s.sections
    )

    assert blueprint < myinfo, kinds_titles


def test_every_content_slide_cites_its_section(report) -> None:
    plan = plan_deck(report, BuildOptions())

    for slide in plan.slides:
        if slide.kind in ("content", "initiative", "chart", "table"):
            assert slide.source.startswith("資料來源：出國報告 "), slide.title
            assert slide.sections, slide.title


def test_lengths_change_the_number_of_slides(report) -> None:
    parts = tuple(e.section.id for e in report.outline if e.level == 1)
    counts = {
        length: len(
            plan_deck(report, BuildOptions(length=length, sections=parts, initiatives=())).slides
        )
        for length in ("brief", "standard", "full")
    }

    assert counts["brief"] < counts["standard"] < counts["full"]


def test_unknown_ids_name_the_nearest_valid_ones(report) -> None:
    with pytest.raises(RecipeError, match="unknown section id 'purpos'; did you mean purpose"):
        plan_deck(report, BuildOptions(sections=("purpos",)))
    with pytest.raises(RecipeError, match="unknown initiative id 'myinf'; did you mean myinfo"):
        plan_deck(report, BuildOptions(initiatives=("myinf",)))


def test_the_plan_is_plain_data(report) -> None:
    import dataclasses

    plan = plan_deck(report, BuildOptions())
    slide = plan.slides[5]

    assert dataclasses.is_dataclass(slide)
    assert all(type(b.text) is str for s in plan.slides for b in s.body)
    assert "pptx" not in type(plan).__module__


def test_english_decks_use_half_width_punctuation_and_english_chart_titles(report) -> None:
    plan = plan_deck(
        report,
        BuildOptions(
            language="en", initiatives=("myinfo",), sections=("summit-strategy-government",)
        ),
    )
    myinfo = next(s for s in plan.slides if s.kind == "initiative")
    chart_titles = [s.title for s in plan.slides if s.kind == "chart"]

    assert myinfo.title == "我的資訊 (MyInfo)"
    assert myinfo.subtitle == "Pillar: Digital government | Status: Launched"
    assert "：" not in "".join(b.text for b in myinfo.body if b.text.startswith("Agency"))
    assert "Merchants accepting Singapore e-payment" in chart_titles
    assert not any("\u4e00" <= ch <= "\u9fff" for t in chart_titles for ch in t)


def test_a_brief_of_a_sub_section_still_shows_its_part(report) -> None:
    plan = plan_deck(
        report, BuildOptions(length="brief", sections=("summit-strategy",), initiatives=())
    )
    part = next(s for s in plan.slides if s.title.startswith("參、"))

    assert [b.text for b in part.body] == ["二、數位轉型策略"]
    assert "summit-strategy" in part.sections
