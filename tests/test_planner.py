"""The planner: which slides a selection gives, in which layout, at which length, in which
order. Small reports made in code test each choice; the bundled report tests the whole."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.errors import RecipeError
from briefing.options import BuildOptions
from briefing.story import planner
from briefing.story.measure import short_last_line
from briefing.story.planner import plan_deck
from briefing.story.typography import normalize
from tests._reports import initiative, itinerary, report, section

ALL = BuildOptions()


def _kinds(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.kind for s in plan.slides]


def _slide(plan, kind: str):  # type: ignore[no-untyped-def]
    return next(s for s in plan.slides if s.kind == kind)


# -- layouts chosen by the shape of the content -------------------------------------------------
def test_recommendations_become_numbered_cards_with_their_substance_and_horizon() -> None:
    recs = section(
        "reflections",
        "伍",
        "心得及建議",
        kind="recommendations",
        key_points=[],
        children=(
            section(
                "rec-talent",
                "一",
                "延攬國際人才",
                "短期來說，吸引國際人才進入臺灣是最直接的方式，本會研擬之法案刻正審議。",
                key_sentences=("短期來說，吸引國際人才進入臺灣是最直接的方式",),
                horizon="short",
                evidence={"horizon": "短期來說"},
            ),
            section("rec-cloud", "二", "推動政府雲端化", "這項工作需要持續推動。"),
        ),
    )
    plan = plan_deck(report([recs]), ALL)
    slide = _slide(plan, "recommendations")

    assert [c.number for c in slide.cards] == ["一", "二"]
    assert slide.cards[0].text == normalize("短期來說，吸引國際人才進入臺灣是最直接的方式")
    assert slide.cards[0].tag == "短期"
    assert slide.cards[1].tag == ""  # the report gives no horizon there: none is shown
    assert slide.layout == "Recommendations"


def test_the_trips_process_with_an_itinerary_is_a_timeline() -> None:
    process = section("process", "貳", "過程", "9 月 4 日拜會經濟通訊部。", kind="process")
    plan = plan_deck(report([process], agendas=(itinerary("process"),)), ALL)
    slide = _slide(plan, "timeline")

    days = ["9月4日（星期一）", "9月5日（星期二）", "9月7日（星期四）"]  # the cover's date style
    assert [e.when for e in slide.events] == [f"中華民國112年{d}" for d in days]
    assert slide.events[2].detail == "赫爾辛基"


def test_an_itinerary_printed_in_the_appendix_is_a_table_there() -> None:
    process = section("process", "貳", "過程", "9 月 4 日拜會經濟通訊部。", kind="process")
    table = section("schedule", "一", "考察行程表", key_points=[])
    appendix = section("appendix", "參", "附錄", key_points=[], kind="appendix", children=(table,))
    trip = itinerary("schedule")
    plan = plan_deck(report([process, appendix], agendas=(trip,)), ALL)
    after = plan.slides[[s.kind for s in plan.slides].index("closing") + 1 :]
    tables = [s for s in after if s.table is not None]

    assert len(tables) == 1 and not any(s.cards for s in after)
    assert tables[0].table.header == ("時間", "項目", "地點")
    assert [r[1:] for r in tables[0].table.rows] == [(i.title, i.place) for i in trip.items]
    assert tables[0].table.rows[0][0] == "中華民國112年9月4日（星期一）"  # no time: the day
    assert "schedule" in tables[0].sections


def test_a_lone_appendix_item_is_a_slide_of_text_not_one_box() -> None:
    note = section("contacts", "一", "聯絡窗口", "經濟通訊部數位政府處，負責電子服務。")
    appendix = section("appendix", "參", "附錄", key_points=[], kind="appendix", children=(note,))
    body = section("body", "壹", "考察內容", "該國推動數位政府。")
    plan = plan_deck(report([body, appendix]), ALL)
    last = plan.slides[-1] if plan.slides[-1].kind != "sources" else plan.slides[-2]

    assert last.kind == "content" and not last.cards
    assert [b.text for b in last.body] == ["一、聯絡窗口：經濟通訊部數位政府處，負責電子服務。"]


def test_things_a_section_is_about_carry_their_own_points_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(planner, "STANDARD_FLOOR", 0)  # this tiny report at the (一) depth
    left = section("portal", "(一)", "服務入口", "該局營運服務入口，整合線上服務。")
    right = section("exchange", "(二)", "跨境交換", "兩國共同成立研究所，維運資料交換層。")
    finland = section("finland", "二", "芬蘭資料交換", key_points=[], children=(left, right))
    estonia = section(
        "estonia",
        "一",
        "愛沙尼亞數位身分",
        *(f"愛沙尼亞數位身分的第 {n} 項特點，說明其作法與成效。" for n in range(1, 6)),
    )
    top = section("visits", "貳", "考察內容", key_points=[], children=(estonia, finland))
    items = (
        initiative("dvv", "數位暨人口資料局", "portal", "該局營運服務入口。"),
        initiative("niis", "北歐互通研究所", "exchange", "兩國共同成立研究所。"),
    )
    plan = plan_deck(report([top], initiatives=items), ALL.replace(length="standard"))
    slide = next(s for s in plan.slides if "finland" in s.sections and s.content)
    shown = slide.texts()

    assert slide.cards, "each sub-section a card: its name with its point"
    assert [c.heading for c in slide.cards] == ["服務入口", "跨境交換"]
    for point in ("該局營運服務入口", "兩國共同成立研究所"):
        assert sum(point in t for t in shown) == 1


def test_a_section_with_a_quote_shows_it_large() -> None:
    speech = section(
        "speech",
        "參",
        "總理演講",
        "總理表示，數位國家不是炫耀科技，而是解決人民的問題。",
        quote={"text": "數位國家不是炫耀科技，而是解決人民的問題", "by": "總理"},
    )
    slide = _slide(plan_deck(report([speech]), ALL), "quote")

    assert slide.quote is not None and slide.quote.by == "總理"
    assert slide.layout == "Quote"


def test_a_section_about_several_initiatives_compares_them_in_a_table() -> None:
    text = "該國推出電子居民、X-Road 與數位身分證三項服務，由資訊系統局推動。"
    sec = section("services", "一", "數位服務", text)
    items = tuple(
        initiative(i, name, "services", text, agencies=("資訊系統局",), evidence=evidence)
        for i, name, evidence in (
            ("e-residency", "電子居民", {"agencies": "由資訊系統局推動"}),
            ("x-road", "X-Road", {}),
            ("id-card", "數位身分證", {}),
        )
    )
    plan = plan_deck(report([sec], initiatives=items), ALL)
    slide = _slide(plan, "comparison")
    cells = [c for row in slide.table.rows for c in row]

    assert [row[0] for row in slide.table.rows] == ["電子居民", "X-Road", "數位身分證"]
    assert set(slide.initiatives) == {"e-residency", "x-road", "id-card"}
    # one row in three states its agency: no column of blanks, the fact goes under its point
    assert "推動機關" not in slide.table.header
    assert sum("推動機關：資訊系統局" in c for c in cells) == 1


def test_a_section_about_one_initiative_carries_its_facts_and_makes_no_row() -> None:
    text = "2018 年 6 月副總理公布「數位政府藍圖」，期望建立數位為核心的公共服務。"
    sec = section("blueprint", "二", "數位政府藍圖", text)
    item = initiative(
        "dgb",
        "數位政府藍圖",
        "blueprint",
        text,
        name_en="Digital Government Blueprint",
        year=2018,
        evidence={"year": "2018 年 6 月副總理公布", "name_en": "數位政府藍圖"},
    )
    plan = plan_deck(report([sec], initiatives=(item,)), ALL)
    slide = next(s for s in plan.slides if "blueprint" in s.sections and s.content)

    assert slide.table is None and not slide.right
    assert "2018年" in slide.subtitle and "Digital Government Blueprint" in slide.subtitle
    assert slide.initiatives == ("dgb",)


def test_numbers_become_key_figures_and_are_not_repeated_as_points() -> None:
    text = "截至 2019 年 6 月採用電子支付的商店從最初 22 家推廣至 500 家，成效顯著。"
    sec = section(
        "pay",
        "一",
        "電子支付",
        text,
        key_points=["採用電子支付的商店推廣至 500 家", "成效顯著"],
    )
    fig = {"unit": "家", "measure": "採用電子支付的商店", "section": "pay"}
    figures = (
        {"id": "pay-2018", "value": 22, "as_written": "22 家", **fig},
        {"id": "pay-2019", "value": 500, "as_written": "500 家", "when": "2019-06", **fig},
    )
    from briefing.content.model import Figure

    plan = plan_deck(report([sec], figures=tuple(Figure(**f) for f in figures)), ALL)
    slide = _slide(plan, "figures")

    assert [(f.value, f.unit) for f in slide.key_figures] == [("22", "家"), ("500", "家")]
    assert [b.text for b in slide.body] == ["成效顯著"]
    assert slide.figures == ("pay-2018", "pay-2019")


def test_a_key_figure_says_no_more_than_the_report_and_not_its_number_twice() -> None:
    text = (
        "創新週預計邀請各國專家超過 1 萬 5,000 人。迄今累計投入約 5,000 萬歐元。"
        "國內已有 99% 之公共服務可於線上辦理。"
    )
    sec = section("week", "一", "創新週", text)
    figures = (
        {
            "id": "attendance",
            "value": 15000,
            "unit": "人",
            "qualifier": "over",
            "measure": "創新週預計邀請出席人數",
            "as_written": "1 萬 5,000 人",
            "evidence": {"qualifier": "預計邀請各國專家超過 1 萬 5,000 人"},
        },
        {
            "id": "invested",
            "value": 5000,
            "unit": "萬歐元",
            "qualifier": "about",
            "measure": "迄今累計投入約 5,000 萬歐元",
            "as_written": "約 5,000 萬歐元",
        },
        {
            "id": "online",
            "value": 99,
            "unit": "%",
            "qualifier": "target",  # no quote: the deck's own word for a target
            "measure": "國內已有 99% 之公共服務可於線上辦理",
            "as_written": "99%",
        },
    )
    from briefing.content.model import Figure

    plan = plan_deck(
        report([sec], figures=tuple(Figure(section="week", **f) for f in figures)), ALL
    )
    tiles = _slide(plan, "figures").key_figures

    shown = [(t.qualifier, t.value, t.unit, t.label) for t in tiles]
    assert shown == [
        ("超過", "1萬5,000", "人", "創新週預計邀請出席人數"),
        ("", "約5,000", "萬歐元", "迄今累計投入"),
        ("預計", "99", "%", "公共服務可於線上辦理"),
    ]


def test_a_few_short_points_are_cards_and_many_long_ones_bullets_on_pages() -> None:
    few = section("few", "壹", "目的", "掌握經驗。", "交流心得。")
    long_points = [
        f"第 {n} 項重點說明該國推動數位轉型的具體作法與成效，並與我國比較" for n in range(14)
    ]
    many = section("many", "貳", "觀察", "。".join(long_points) + "。", key_points=long_points)
    plan = plan_deck(report([few, many]), ALL)
    pages = [s for s in plan.slides if "many" in s.sections and s.kind == "content"]

    assert _slide(plan, "points").layout == "Key Points"
    assert len(pages) >= 2 and pages[1].title.endswith("（續）")
    assert sum(len(p.body) for p in pages) == len(long_points)


# -- every ticked section, at every length --------------------------------------------------------
def _deep_report():  # type: ignore[no-untyped-def]
    leaf = [
        section(f"leaf-{n}", str(n), f"細項{n}", f"細項 {n} 的說明，包括作法。")
        for n in range(1, 4)
    ]
    mid = section("mid", "一", "中層", "中層的說明。", children=tuple(leaf))
    side = section("side", "二", "旁支", "旁支的說明。")
    top = section("top", "壹", "考察重點", "考察重點的說明。", children=(mid, side))
    other = section("other", "貳", "其他", "其他的說明。")
    return report([top, other])


@pytest.mark.parametrize("length", ["brief", "standard", "full"])
def test_every_ticked_section_is_on_a_slide_at_every_length(length: str) -> None:
    rep = _deep_report()
    plan = plan_deck(rep, BuildOptions(length=length))
    shown = {s for slide in plan.slides for s in (*slide.sections, *slide.condensed)}

    assert {e.section.id for e in rep.outline} <= shown
    text = "".join("".join(s.texts()) + s.notes for s in plan.slides)
    for entry in rep.outline:
        assert normalize(entry.section.title) in text, (length, entry.section.id)


def test_at_brief_a_part_condenses_its_sub_sections_into_cards() -> None:
    plan = plan_deck(_deep_report(), BuildOptions(length="brief"))
    slide = next(s for s in plan.slides if "top" in s.sections and s.content)

    assert slide.kind == "points"
    assert slide.cards[0].heading == "一、中層"
    assert "細項1" in slide.cards[0].tag
    assert {"mid", "leaf-1", "leaf-3"} <= set(slide.condensed)


def test_a_part_condensed_to_one_card_is_a_slide_of_text() -> None:
    only = section("only", "一", "唯一小節", "唯一小節的說明。")
    top = section("top", "壹", "考察重點", "考察重點的說明。", children=(only,))
    plan = plan_deck(report([top]), BuildOptions(length="brief"))
    slide = next(s for s in plan.slides if "top" in s.sections and s.content)

    assert slide.kind == "content" and not slide.cards
    assert any("唯一小節" in b.text for b in slide.body)


def test_the_agenda_lists_exactly_the_parts_shown_numbered_as_shown(report) -> None:
    for options in (
        BuildOptions(length="brief", sections=("purpose", "reflections")),
        BuildOptions(length="standard"),
        BuildOptions(structure="findings-first"),
    ):
        plan = plan_deck(report, options)
        agenda = [b.text for b in _slide(plan, "agenda").body]
        parts = [s.title for s in plan.slides if s.kind == "divider"]
        shown = [s.title for s in plan.slides if s.content and not s.kicker]
        shown += [s.kicker.split(" › ")[0] for s in plan.slides if s.kicker]

        assert all(p in agenda for p in parts), (options, parts, agenda)
        assert all(any(o.startswith(a) for o in shown + parts) for a in agenda), (agenda,)


def test_findings_first_opens_with_the_overview_and_the_recommendations(report) -> None:
    plan = plan_deck(report, BuildOptions(structure="findings-first"))
    agenda = [b.text for b in _slide(plan, "agenda").body]

    assert agenda[:2] == ["報告摘要", "伍、心得及建議"]  # the order changes, never the numbers
    assert plan.structure == "findings-first"
    first_content = [s for s in plan.slides if s.content][:2]
    assert first_content[0].title == "報告摘要"
    assert first_content[1].kind == "recommendations"


def test_a_brief_is_findings_first_by_default_and_the_standard_in_report_order(report) -> None:
    assert plan_deck(report, BuildOptions(length="brief")).structure == "findings-first"
    assert plan_deck(report, BuildOptions()).structure == "report"


@pytest.mark.parametrize(
    ("length", "low", "high", "minutes"),
    [("brief", 8, 12, (7, 13)), ("standard", 18, 30, (15, 28))],
)
def test_lengths_are_briefings_of_a_known_duration(report, length, low, high, minutes) -> None:
    plan = plan_deck(report, BuildOptions(length=length))

    assert low <= len(plan.slides) <= high
    assert minutes[0] <= plan.minutes <= minutes[1]


def test_the_full_deck_puts_one_slide_per_initiative_after_the_closing(report) -> None:
    plan = plan_deck(report, BuildOptions(length="full"))
    kinds = _kinds(plan)
    closing = kinds.index("closing")

    after = plan.slides[closing:]
    assert {i for s in after for i in s.initiatives} >= {i.id for i in report.initiatives}
    assert closing < kinds.index("initiative")
    assert "initiative" not in kinds[:closing]
    assert len(plan.slides) > len(plan_deck(report, BuildOptions()).slides)


def test_initiatives_chosen_without_their_sections_get_a_table_per_category(report) -> None:
    plan = plan_deck(report, BuildOptions(initiatives=("myinfo", "singpass")))
    tables = [s for s in plan.slides if s.kind == "comparison"]

    assert plan.sections == ()
    assert {i for s in tables for i in s.initiatives} == {"myinfo", "singpass"}
    word = report.meta.vocabulary.initiatives
    assert word in [b.text for b in _slide(plan, "agenda").body]
    assert len(plan.slides) < 10


def test_no_slide_shows_a_field_the_report_does_not_state(report) -> None:
    plan = plan_deck(report, BuildOptions(length="full"))
    shown = "\n".join(t for s in plan.slides for t in s.texts())

    assert "報告未載明" not in shown
    appendix = plan.slides[[s.kind for s in plan.slides].index("closing") :]
    for item in report.initiatives:
        slide = next(s for s in appendix if item.id in s.initiatives)
        text = "\n".join(b.text for b in slide.right)
        assert (item.year is not None and item.stated("year")) == (f"{item.year}年" in text), (
            item.id
        )


# -- type and text -------------------------------------------------------------------------------
def test_long_titles_keep_the_title_size_and_move_their_english_name_down(report) -> None:
    plan = plan_deck(report, BuildOptions(length="full"))
    long = next(s for s in plan.slides if "SGTS" in s.subtitle and s.kind != "initiative")

    assert "Singapore Government Tech Stack" not in long.title
    assert all(s.typeset.title_lines == 1 for s in plan.slides)


def test_no_paragraph_is_planned_to_end_with_one_or_two_characters(report) -> None:
    from briefing import api, theme
    from briefing.story.typeset import INDENT, pt

    options = BuildOptions()
    setter = api.setter_for(options)
    plan = plan_deck(report, options, setter=setter)
    short = []
    for slide in plan.slides:
        if slide.kind not in ("content", "columns", "figures", "overview"):
            continue
        box = {"figures": theme.UNDER_FIGURES_BOX, "overview": theme.UNDER_FIGURES_BOX}.get(
            slide.kind, theme.LEFT_BOX if slide.kind == "columns" else theme.BODY_BOX
        )
        for n, bullet in enumerate(slide.body):
            size = slide.typeset.body
            margin = (slide.typeset.body_margins or (0.0,) * len(slide.body))[n]
            width = pt(box[2]) / size - INDENT - margin
            lines = setter.paragraph(bullet.text, size, width * size).lines
            if short_last_line(list(lines)):
                short.append((slide.title, bullet.text))

    assert short == []


def test_slide_text_follows_one_rule_for_spacing_and_brackets(report) -> None:
    plan = plan_deck(report, BuildOptions())
    text = "\n".join(t for s in plan.slides for t in s.texts())

    assert "2016 年" not in text and "2016年" in text
    assert "(GovTech)" not in text  # brackets beside Han text are full-width
    assert all(normalize(t) == t for s in plan.slides for t in s.texts())


def test_english_decks_have_english_furniture_and_keep_the_reports_words(report) -> None:
    plan = plan_deck(
        report,
        BuildOptions(
            language="en", initiatives=("myinfo",), sections=("summit-strategy-government",)
        ),
    )
    titles = plan.titles

    assert titles[1] == "Agenda" and "Thank you" in titles
    assert any("（二）數位政府藍圖" in t for t in titles)  # the report's text as written
    assert any(t == "Merchants accepting Singapore e-payment" for t in titles)
    assert "report is written in Chinese" in plan.slides[0].notes


def test_unknown_ids_name_the_nearest_valid_ones(report) -> None:
    with pytest.raises(RecipeError, match="unknown section id 'purpos'; did you mean purpose"):
        plan_deck(report, BuildOptions(sections=("purpos",)))
    with pytest.raises(RecipeError, match="unknown initiative id 'myinf'; did you mean myinfo"):
        plan_deck(report, BuildOptions(initiatives=("myinf",)))


def test_the_plan_is_plain_data(report) -> None:
    plan = plan_deck(report, ALL)

    assert all(dataclasses.is_dataclass(s) for s in plan.slides)
    assert all(type(b.text) is str for s in plan.slides for b in s.body)
    assert "pptx" not in type(plan).__module__
    hash(plan.slides[5])  # slides are values: the storyboard caches thumbnails by slide


def test_a_short_reports_standard_deck_goes_a_level_deeper_to_reach_the_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report too short for 18 slides at the (一) depth gives its (一) sections slides of
    their own, rather than a deck of a few crowded slides; a long one is left as it was."""
    parts = [
        section(
            f"p{k}",
            m,
            f"考察主題{m}",
            key_points=[],
            children=tuple(
                section(
                    f"s{n}-p{k}", f"({n})", f"第{n}項作法", f"第{n}項作法的說明，包括目標與成效。"
                )
                for n in range(1, 6)
            ),
        )
        for k, m in enumerate(("一", "二", "三"), start=1)
    ]
    top = section("visits", "壹", "考察內容", key_points=[], children=tuple(parts))
    deep = plan_deck(report([top]), ALL.replace(length="standard"))
    monkeypatch.setattr(planner, "STANDARD_FLOOR", 0)
    shallow = plan_deck(report([top]), ALL.replace(length="standard"))

    shown = {s for slide in deep.slides for s in slide.sections}
    assert len(deep.slides) >= planner.STANDARD_FLOOR or all(
        f"s{n}-p{k}" in shown for n in range(1, 6) for k in (1, 2, 3)
    )
    assert len(deep.slides) > len(shallow.slides)
    assert any(slide.sections[:1] == ("s1-p1",) for slide in deep.slides)  # a slide of its own
