"""The self-check (briefing.selfcheck): clean on the bundled report's decks and on the invented
reports of tests/data/decks, and it finds each kind of problem when one is there."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing import api
from briefing.options import BuildOptions
from briefing.selfcheck import CODES, Finding, check_plan
from briefing.story.plan import Bullet, Card, Event, KeyFigure, Slide, Table

DECKS = Path(__file__).parent / "data" / "decks"
INVENTED = sorted(p.name for p in DECKS.iterdir() if p.is_dir())
LIMITS = {"brief": (8, 12, 12), "standard": (18, 30, 30)}


@pytest.fixture(scope="module")
def setter():  # type: ignore[no-untyped-def]
    return api.setter_for(BuildOptions())


@pytest.fixture(scope="module")
def bundled(setter):  # type: ignore[no-untyped-def]
    report = api.load(BuildOptions())
    return {
        length: api.plan(BuildOptions(length=length), report) for length in ("brief", "standard")
    }


def _plan(folder: str | None, length: str, **more):  # type: ignore[no-untyped-def]
    options = BuildOptions(length=length, report=DECKS / folder if folder else None, **more)
    return api.plan(options)


@pytest.mark.parametrize("length", ["brief", "standard"])
def test_the_bundled_decks_are_clean_and_within_budget(bundled, setter, length) -> None:
    plan = bundled[length]
    assert check_plan(plan, setter) == []
    low, high, minutes = LIMITS[length]
    assert low <= len(plan.slides) <= high
    assert plan.minutes <= minutes


def test_the_bundled_full_deck_is_clean(setter) -> None:
    assert check_plan(_plan(None, "full"), setter) == []


@pytest.mark.parametrize("folder", INVENTED)
def test_every_invented_report_gives_clean_decks_within_budget(setter, folder) -> None:
    for length in ("brief", "standard"):
        plan = _plan(folder, length)
        found = check_plan(plan, setter)
        assert found == [], [f.text() for f in found]
        assert len(plan.slides) <= LIMITS[length][1] and plan.minutes <= LIMITS[length][2]
        if length == "brief":
            assert not any(s.kind == "sources" for s in plan.slides)


# -- it finds what is there -------------------------------------------------------------------
def _with(plan, *slides: Slide, **changes):  # type: ignore[no-untyped-def]
    """``plan`` with ``slides`` after its cover (and its typesetting as the planner would)."""
    return dataclasses.replace(plan, slides=(plan.slides[0], *slides), **changes)


def _codes(found: list[Finding]) -> set[str]:
    return {f.code for f in found}


def test_overflowing_text_and_a_long_source_line_are_found(bundled, setter) -> None:
    long = "新加坡政府推動數位轉型相關工作，仍有相當多的課題需要克服。" * 3
    body = tuple(Bullet(long) for _ in range(8))
    slide = Slide("content", "過多的文字", body=body, source="資料來源：" + "出國報告 參、二" * 20)
    found = check_plan(_with(bundled["standard"], slide), setter)
    assert [f.slide for f in found if f.code == "overflow"] == [2, 2]


def test_empty_cards_cells_columns_and_tiles_are_found(bundled, setter) -> None:
    cards = Slide(
        "recommendations", "心得及建議", cards=(Card("第一節　心得"), Card("第二節　建議"))
    )
    table = Slide(
        "comparison",
        "比較",
        table=Table(("項目", "重點", "地點"), (("甲", "", ""), ("乙", "說明", ""))),
    )
    tiles = Slide("figures", "數據", key_figures=(KeyFigure("500", "家", ""),))
    found = check_plan(_with(bundled["standard"], cards, table, tiles), setter)
    assert [(f.slide, f.code, f.what) for f in found if f.code.startswith("empty")] == [
        (2, "empty-card", "第一節　心得"),
        (2, "empty-card", "第二節　建議"),
        (3, "empty-column", "地點"),
        (3, "empty-cell", "1／重點"),
        (4, "empty-tile", "500"),
    ]


def test_a_timeline_of_27_stops_collides(bundled, setter) -> None:
    events = tuple(Event(f"5月{8 + n // 5}日（一）", "拜會數位服務署並交換意見") for n in range(27))
    found = check_plan(_with(bundled["standard"], Slide("timeline", "行程", events=events)), setter)
    assert "label-collision" in _codes(found)
    few = Slide("timeline", "行程", events=events[:4])
    assert "label-collision" not in _codes(check_plan(_with(bundled["standard"], few), setter))


def test_budget_coverage_and_numbers_are_found(bundled, setter) -> None:
    plan = bundled["brief"]
    over = dataclasses.replace(plan, slides=plan.slides * 2)
    assert any(f.code == "budget" and f.slide is None for f in check_plan(over, setter))
    missing = dataclasses.replace(plan, sections=(*plan.sections, "no-such-section"))
    found = check_plan(missing, setter)
    assert [f.what for f in found if f.code == "section-missing"] == ["no-such-section"]
    said = Slide("content", "數字", body=(Bullet("受理 1,234 件，2019年起試辦，工業4.0與5G"),))
    found = check_plan(_with(plan, said), setter)
    numbers = [f.what for f in found if f.code == "number-not-figure"]
    assert len(numbers) == 1 and "1,234" in numbers[0]  # a year, 4.0 and 5G are not figures
    stated = _with(plan, said, figure_texts=("1,234 件",))
    assert "number-not-figure" not in _codes(check_plan(stated, setter))


def test_findings_speak_both_languages() -> None:
    finding = Finding(3, "empty-card", "第一節　心得")
    assert finding.text("en") == "slide 3: an empty card: 第一節　心得"
    assert finding.text("zh-TW") == "第 3 張：空白卡片：第一節　心得"
    assert Finding(None, "budget", "13 > 12 slides").text("en").startswith("over the length")
    assert {"overflow", "over-title", "empty-card", "empty-cell", "empty-column"} <= set(CODES)
    assert {"label-collision", "budget", "section-missing", "number-not-figure"} <= set(CODES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.slide = 4  # type: ignore[misc]


def test_api_self_check_is_the_core_check(bundled) -> None:
    assert api.self_check(bundled["brief"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "10/15-10/16 臺北",
        "（111至116年）",
        "表2-1　韓國與我國比較",
        "3.1.1 水務局",
        "Session 1 - Governance",
        "參考資料：1.東京都",
        "5G與工業4.0",
        "上午9:30開幕",
        "第3屆會議",
    ],
)
def test_dates_labels_and_names_are_not_quantities(bundled, setter, text) -> None:
    said = Slide("content", "數字", body=(Bullet(text),))
    found = check_plan(_with(bundled["brief"], said), setter)
    assert "number-not-figure" not in _codes(found)


@pytest.mark.parametrize("text", ["病床約1,300床", "每場次20至30人", "選定2條河川"])
def test_quantities_without_a_record_are_found(bundled, setter, text) -> None:
    said = Slide("content", "數字", body=(Bullet(text),))
    found = check_plan(_with(bundled["brief"], said), setter)
    assert "number-not-figure" in _codes(found)
