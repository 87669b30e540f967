"""Round 3 visual-review fixes (vq5): each test fails without its fix (invented content)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from briefing.options import BuildOptions
from briefing.story import cells, message, ranking, summary
from briefing.story.plan import Bullet, Slide
from briefing.story.planner import plan_deck
from briefing.story.shaping import whole_name
from tests._reports import initiative, itinerary, report, section

if TYPE_CHECKING:
    from briefing.content.report import Report


def test_a_message_line_never_repeats_a_bullet_of_its_slide() -> None:
    line = "本市自2020年起推動「海港再生計畫」及「青年返鄉方案」"
    body = (Bullet(line), Bullet("本次參訪旨在瞭解港區之營運模式"), Bullet("參訪團由局長率隊"))
    slide = message.said_once(Slide("columns", "目的", subtitle=line, body=body))
    shown = [slide.subtitle, *(b.text for b in slide.body)]
    assert shown.count(line) == 1


def test_a_glossed_name_cut_after_its_first_character_gets_it_back() -> None:
    point = "以色列研發支出占國內生產毛額（GDP）比率達4.3%"
    text = "以色列新創生態系完整。以色列創新署提供補助。"
    name = "色列研發支出占國內生產毛額"
    assert whole_name(name, point, text) == "以色列研發支出占國內生產毛額"
    assert whole_name("海港再生計畫", "推動「海港再生計畫」", text) == "海港再生計畫"
    # a word of its own before the name (在), the name written without it elsewhere
    text = "海港再生計畫由市府推動。"
    assert whole_name("海港再生計畫", "在海港再生計畫（HRP）下", text) == "海港再生計畫"


def test_a_line_never_opens_with_a_connective_of_consequence() -> None:
    for word in ("爰", "故", "是以", "因此"):
        assert ranking.trim(f"{word}建議檢討港區土地之使用與管理") == "建議檢討港區土地之使用與管理"


def _summary_report() -> Report:
    findings = section(
        "s4",
        "肆",
        "心得",
        children=(
            section("s4-1", "一", "港區心得", "港區再生須以公私協力推動，方能兼顧財務與公共利益。"),
            section("s4-2", "二", "人才心得", "青年返鄉之關鍵在於穩定就業機會與住房支持。"),
        ),
        kind="recommendations",
    )
    advice = section(
        "s5",
        "伍",
        "建議",
        children=(section("s5-1", "一", "一", "建立港區土地活化機制，由市府統籌推動。"),),
        kind="recommendations",
    )
    return report([findings, advice])


def test_the_summary_shows_what_each_finding_says_and_names_a_bare_numbered_advice() -> None:
    found = summary.summarize(_summary_report(), lambda t: len(t) <= 40, lambda t: len(t) <= 30)
    lines = [line for _, line in found.findings]
    assert "港區心得" not in lines and "人才心得" not in lines
    assert any("公私協力" in line for line in lines)
    labels = SimpleNamespace(summary_recommendations="建議事項", summary_findings="主要心得")
    _, right = summary.columns(found, labels, "zh-TW", [], lambda b, box: True)
    assert [b.text for b in right[1:]] == ["一、建立港區土地活化機制"]


def test_the_itinerary_cites_only_the_section_it_is_printed_in() -> None:
    """Stops the itinerary's own section states cite it alone, though other sections mention
    the same places (a detail stated only elsewhere cites there: test_message)."""
    tiny = report(
        [
            section("s1", None, "摘要", "本團赴塔林與赫爾辛基，拜會經濟通訊部及芬蘭財政部。"),
            section(
                "s2",
                "壹",
                "考察行程",
                "本團行程如下表。",
                kind="process",
                tables=[  # the itinerary as printed: its stops are this section's words
                    [["日期", "地點", "行程"], ["9/4", "塔林", "拜會經濟通訊部"]],
                    [["9/5", "塔林", "參訪電子居民計畫"], ["9/7", "赫爾辛基", "拜會芬蘭財政部"]],
                ],
            ),
            section("s3", "貳", "考察內容", "赫爾辛基之數位服務由財政部統籌推動。"),
        ],
        agendas=(itinerary("s2"),),
    )
    for length in ("brief", "standard"):
        plan = plan_deck(tiny, BuildOptions(length=length))
        trip = [s for s in plan.slides if s.events or s.table is not None]
        assert trip, length
        for slide in trip:
            assert slide.source.endswith("考察行程"), slide.source


def test_a_card_point_cut_at_a_comma_ends_where_its_sentence_does() -> None:
    text = "座談中業者指出，港區市場小，新創自成立之初即以全球市場為目標；另觀光產業成長迅速。"
    sec = section("s1", "四", "業者座談", text, key_points=["座談中業者指出，港區市場小"])
    assert (
        cells.section_point(sec) == "座談中業者指出，港區市場小，新創自成立之初即以全球市場為目標"
    )
    whole = section("s2", "五", "港區", "港區再生由市府推動。", key_points=["港區再生由市府推動"])
    assert cells.section_point(whole) == "港區再生由市府推動"


def test_the_purpose_slide_names_each_term_whole_and_says_its_message_once() -> None:
    text = (
        "本市自2020年起推動「青年返鄉方案」。港區土地占全市面積（LAR）比率達4.3%，"
        "居全國之冠，其港區再生之經驗值得參考。"
    )
    purpose = section(
        "s1", "壹", "目的", text, "本次參訪旨在瞭解港區之營運模式。", "參訪團由局長率隊。"
    )
    terms = (
        initiative("a", "青年返鄉方案", "s1", text),
        initiative("b", "區土地占全市面積", "s1", text, name_en="LAR"),  # cut by an importer
    )
    plan = plan_deck(report([purpose], initiatives=terms), BuildOptions(length="brief"))
    slide = next(s for s in plan.slides if s.title.endswith("目的"))
    right = [b.text for b in slide.right]
    assert "港區土地占全市面積" in right and "區土地占全市面積" not in right
    assert right.count("LAR") == 0
    shown = [b.text for b in (*slide.body, *slide.right)]
    assert not any(message.same(slide.subtitle, t) for t in shown if slide.subtitle)
