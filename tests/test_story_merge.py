"""Where issue 18's layout meets issue 19's words (the story merge): the itinerary in the deck's
one date style, recommendations routed by shape and worded whole (numbered 5.1 paragraphs, 心得
and 建議 sub-sections of their own text), photo slides through the self-check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.content.report import load_report
from briefing.options import BuildOptions
from briefing.story.planner import plan_deck
from tests._reports import itinerary, report, section

DECKS = Path(__file__).parent / "data" / "decks"
ROC = re.compile(r"中華民國\d+年\d+月\d+日（星期[一二三四五六日]）")
GREGORIAN = re.compile(r"\d{4}年\d+月\d+日（星期[一二三四五六日]）")

PROCESS = section("process", "壹", "考察過程", "考察團於9月4日抵達塔林。", kind="process")
DOTTED = section(
    "advice",
    "5",
    "建議",
    "5.1 導入風險導向防洪標準（中長期）：建議由本署河川海岸組研究以淹水風險為基礎之防洪保護"
    "標準，並納入流域綜合治理計畫之修正。",
    "5.2 推動都市藍綠基盤設施（短期）：建議參考鹿特丹水廣場，輔導地方政府設置滯洪設施。",
    kind="recommendations",
    key_points=[],
)
SPLIT = section(
    "closing",
    "肆",
    "心得與建議",
    kind="recommendations",
    key_points=[],
    children=(
        section("f", "一", "心得", "愛沙尼亞以資料交換層整合各機關資料庫，行政效率大幅提升。"),
        section(
            "r",
            "二",
            "建議",
            "一、推動資料交換平臺：建議由數位發展部建立跨機關資料交換標準。",
            "二、強化數位身分：建議持續推廣行動身分識別。",
            key_points=[],
        ),
    ),
)


@pytest.mark.parametrize(
    ("style", "pattern"), [("roc", ROC), ("gregorian", GREGORIAN)], ids=["roc", "gregorian"]
)
def test_the_timeline_dates_are_in_the_decks_one_style(style: str, pattern: re.Pattern) -> None:  # type: ignore[type-arg]
    tiny = report([PROCESS], agendas=(itinerary("process"),))
    plan = plan_deck(tiny, BuildOptions(date_style=style))  # type: ignore[arg-type]
    (timeline,) = [s for s in plan.slides if s.kind == "timeline"]
    assert len(timeline.events) == 3 and all(pattern.fullmatch(e.when) for e in timeline.events)
    cover = next(s for s in plan.slides if s.kind == "cover")
    assert any(pattern.fullmatch(b.text) for b in cover.body)


def test_a_long_itinerary_table_is_dated_in_the_decks_style() -> None:
    folder = DECKS / "long-itinerary"
    plan = plan_deck(load_report(folder), BuildOptions(report=folder))
    tables = [s.table for s in plan.slides if s.table is not None and s.sections == ("process",)]
    dated = [row[0] for table in tables for row in table.rows if row[0] != "—"]
    assert dated and all(ROC.match(cell) for cell in dated)


def test_numbered_paragraphs_5_1_are_cards_with_their_number_owner_and_horizon() -> None:
    plan = plan_deck(report([DOTTED]), BuildOptions())
    cards = [c for s in plan.slides if s.kind == "recommendations" for c in s.cards]
    assert [(c.number, c.heading) for c in cards] == [
        ("5.1", "導入風險導向防洪標準"),
        ("5.2", "推動都市藍綠基盤設施"),
    ]
    assert cards[0].tag == "中長期｜主辦：本署河川海岸組"  # the body, not the clause after it
    assert "並納入流域綜合治理計畫之修正" in cards[0].text
    summary = next(s for s in plan.slides if s.title == "報告摘要")
    assert [b.text for b in summary.right][1:] == [
        "5.1導入風險導向防洪標準",
        "5.2推動都市藍綠基盤設施",
    ]


@pytest.mark.parametrize("length", ["brief", "standard"])
def test_findings_and_recommendations_of_their_own_text_are_points_and_numbered_cards(
    length: str,
) -> None:
    plan = plan_deck(report([PROCESS, SPLIT]), BuildOptions(length=length))
    cards = [c for s in plan.slides if s.kind == "recommendations" for c in s.cards]
    assert [(c.number, c.heading) for c in cards] == [
        ("一", "推動資料交換平臺"),
        ("二", "強化數位身分"),
    ]
    assert cards[0].tag == "主辦：數位發展部"
    finding = [s for s in plan.slides if "f" in s.sections and s.kind != "recommendations"]
    said = " ".join(t for s in finding for t in s.texts() if s.title != "報告摘要")
    assert "資料交換層" in said  # the 心得 is said as a point, not a card among the recommendations


def test_the_budget_keeps_the_summary_and_every_section_on_a_slide_of_its_own() -> None:
    from briefing.story.budget import fit_budget
    from briefing.story.plan import Bullet, Slide

    report = load_report()
    ids = [e.section.id for e in report.outline if e.level == 1 and e.section.kind != "appendix"]
    named = tuple(e.section.id for e in report.outline if e.parent == "reflections")
    summary = Slide("columns", "報告摘要", body=(Bullet("重點"),), sections=("abstract", *named))
    slides = [Slide("cover", "封面"), Slide("agenda", "簡報大綱"), summary]
    for n, sid in enumerate([i for i in ids if i != "abstract"] * 3):
        body = tuple(Bullet(f"第{n}頁重點{k}") for k in range(3))
        slides.append(Slide("content", f"頁{n}", body=body, notes=f"備忘{n}", sections=(sid,)))
    slides.append(Slide("content", "建議", body=(Bullet("建議"),), sections=named))
    slides.append(Slide("closing", "敬請指教"))
    fitted = fit_budget(slides, report, "brief", summary)

    assert len(fitted) <= 12 and fitted[2].title == "報告摘要"  # (its notes may hold others)
    assert any(s.title == "建議" for s in fitted)  # named on the summary is not shown


def test_a_part_with_nothing_under_it_is_left_out_of_the_agenda_and_named_omitted() -> None:
    from briefing import api

    empty = section("trip", "貳", "過程", key_points=[])
    body = section("body", "參", "心得", "德國政府補助再生能源，電網業者表示將擴充輸電線路。")
    plan = plan_deck(report([PROCESS, empty, body]), BuildOptions())
    agenda = next(s for s in plan.slides if s.kind == "agenda")

    assert "貳、過程" not in [b.text for b in agenda.body] and "trip" in plan.omitted
    assert "參、心得" in [b.text for b in agenda.body]
    assert not [f for f in api.self_check(plan) if f.code == "section-missing"]


def test_a_programme_under_a_long_english_heading_cites_it_within_the_source_line() -> None:
    import datetime as dt

    from briefing import api
    from briefing.content.model import Agenda, AgendaItem

    long = (
        "Programme of the 24th APEC SME Ministerial Meeting (22 September 2017, Ho Chi Minh City)"
    )
    appendix = section(
        "appendix",
        "伍",
        "附錄",
        kind="appendix",
        key_points=[],
        children=(section("programme", "一", long, key_points=[]),),
    )
    items = tuple(
        AgendaItem(time=f"1{n}:00", title=f"Session {n}: SME Digitalisation") for n in range(4)
    )
    programme = Agenda(section="programme", date=dt.date(2017, 9, 22), title="議程", items=items)
    plan = plan_deck(report([PROCESS, appendix], agendas=(programme,)), BuildOptions())
    tables = [s for s in plan.slides if s.table is not None and "programme" in s.sections]

    assert tables and all(s.source.startswith("資料來源：") for s in tables)
    assert not [f for f in api.self_check(plan) if f.code == "overflow"]
