"""What the deck says: the summary of findings and proposals, titles with a point, whole
recommendations, the report's numbers, exact hedges and citations, notes to speak from, the
recipes' initiatives, one date style (issue 19).

Small reports made in code test each rule on any report; the bundled report's decks are planned
once per module; the import corpus (tests/data/reports) is checked in a slow test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefing import api
from briefing.options import BuildOptions
from briefing.story import ranking, recommend
from briefing.story.notes import SPOKEN_MAX
from briefing.story.planner import plan_deck
from briefing.story.typography import normalize
from tests._reports import initiative, report, section

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reports"
FURNITURE = ("cover", "agenda", "closing", "sources")
CONNECTIVES = ("而", "並", "且", "另", "則", "亦", "惟", "但", "都")


# -- small reports ----------------------------------------------------------------------------
ABSTRACT = section(
    "abstract",
    None,
    "摘要",
    "本次赴愛沙尼亞考察數位政府，於9月4日至9月7日拜會經濟通訊部。",
    "考察發現愛沙尼亞以數位身分與資料交換層為基礎，提供99%公共服務線上辦理，值得我國參考。",
    kind="abstract",
)
BODY = section(
    "body",
    "壹",
    "考察內容",
    "考察團於9月4日上午抵達塔林，由代表處人員接待。",
    "愛沙尼亞以資料交換層整合各機關資料庫，民眾只需提供一次資料，行政效率因此大幅提升。",
    "會議於下午3時結束，雙方互贈紀念品。",
)
SPLIT_RECS = section(
    "recs",
    "貳",
    "建議",
    "一、推動資料交換平臺（中長期）：建議由數位發展部會同各部會，建立跨機關資料交換標準，並逐年擴大介接機關。",
    "二、強化數位身分（短期）：建議持續推廣行動身分識別，而非僅限臨櫃辦理。",
    "三、深化臺愛交流：值得各界一起努力，持續交流數位治理經驗。",
    kind="recommendations",
    key_points=[],
)
FINDINGS = section(
    "findings",
    "參",
    "心得",
    kind="recommendations",
    key_points=[],
    children=(
        section("f1", "一", "資料只提供一次", "民眾只需提供一次資料，政府機關間自行交換。"),
        section("f2", "二", "信任是數位政府的基礎", "愛沙尼亞民眾信任政府保護其資料。"),
    ),
)


def _tiny(**options: object):  # type: ignore[no-untyped-def]
    return plan_deck(report([ABSTRACT, BODY, SPLIT_RECS, FINDINGS]), BuildOptions(**options))


def _summary(plan):  # type: ignore[no-untyped-def]
    return next(s for s in plan.slides if s.title.startswith(("報告摘要", "Summary")))


def test_the_summary_says_the_conclusion_the_findings_and_the_recommendations_by_name() -> None:
    plan = _tiny(length="brief")
    summary = _summary(plan)
    right = [b.text for b in summary.right]
    left = [b.text for b in summary.body]

    assert plan.slides[2] is summary  # the brief leads with it
    assert "值得我國參考" in summary.subtitle  # the 摘要's conclusion, not its logistics
    assert summary.subtitle in normalize(ABSTRACT.paragraphs[1])
    assert right[1:] == ["一、推動資料交換平臺", "二、強化數位身分", "三、深化臺愛交流"]
    # each finding by what its section says, not by its heading
    assert left[1:] == [
        "民眾只需提供一次資料，政府機關間自行交換",
        "愛沙尼亞民眾信任政府保護其資料",
    ]
    assert summary.source.endswith("摘要、貳、建議、參、心得")


def test_a_report_without_an_abstract_still_opens_with_its_findings_and_proposals() -> None:
    plan = plan_deck(report([BODY, SPLIT_RECS]), BuildOptions(length="brief"))
    summary = _summary(plan)

    assert [b.text for b in summary.right][1:4] == [
        "一、推動資料交換平臺",
        "二、強化數位身分",
        "三、深化臺愛交流",
    ]


def test_recommendations_are_whole_with_an_owner_and_horizon_only_where_stated() -> None:
    plan = _tiny()
    cards = [c for s in plan.slides if s.kind == "recommendations" for c in s.cards]
    by_name = {c.heading: c for c in cards}

    first = by_name["推動資料交換平臺"]
    assert first.text == normalize(
        "建議由數位發展部會同各部會，建立跨機關資料交換標準，並逐年擴大介接機關"
    )
    assert first.tag == "中長期｜主辦：數位發展部"
    assert by_name["強化數位身分"].tag == "短期"
    assert "而非僅限臨櫃辦理" in by_name["強化數位身分"].text  # every clause
    assert by_name["深化臺愛交流"].tag == ""  # 「值得各界一起努力」 names no owner
    for card in cards:
        assert not card.text.startswith(CONNECTIVES), card.text


def test_the_section_point_is_its_substance_not_its_first_clause_or_its_logistics() -> None:
    ranked = ranking.rank(BODY.paragraphs, BODY.title)

    assert "資料交換層" in ranked[0].text
    assert ranked[0].substance > ranked[-1].substance
    assert {r.text for r in ranked[-2:]} == {
        normalize(BODY.paragraphs[0]),
        normalize(BODY.paragraphs[2]),
    }
    slide = next(s for s in _tiny().slides if s.title == "壹、考察內容")
    message = slide.subtitle.split("｜")[0]
    assert "資料交換層" in message or "行政效率" in message
    assert message in normalize(" ".join(BODY.paragraphs))  # the report's words


def test_a_line_is_cut_only_at_clauses_and_never_starts_with_a_connective() -> None:
    sentence = normalize("為因應高齡化，政府推動長照計畫，而民眾亦逐步接受居家服務，成效良好。")
    line = ranking.cut(sentence, lambda t: len(t) <= 22)

    assert line and line in sentence
    assert not line.startswith(CONNECTIVES)
    assert ranking.trim("而雲端化的服務需要持續推動。") == "雲端化的服務需要持續推動"
    assert ranking.trim("而是務實地希望") == "而是務實地希望"  # 而是 is a word of its own


def test_tables_have_no_blank_cells_and_a_cell_is_the_records_own_words() -> None:
    items = (
        initiative(
            "pdpa",
            "個人資料保護法",
            "body",
            "除了訂定個人資料保護法、網路安全法之外，新加坡於2013年成立委員會。",
            status="launched",
            evidence={"status": "除了訂定個人資料保護法"},
        ),
        initiative(
            "csa",
            "網路安全法",
            "body",
            "新加坡政府對個資保護相當仔細，除了訂定個人資料保護法、網路安全法之外，另成立委員會。",
        ),
        initiative(
            "pdpc",
            "個人資料保護委員會",
            "body",
            "新加坡於2013年成立個人資料保護委員會，專責執法。",
            year=2013,
            evidence={"year": "新加坡於2013年成立"},
        ),
        initiative("codex", "跨機關資料交換平臺", "body", "各機關透過跨機關資料交換平臺取得資料。"),
    )
    plan = plan_deck(report([BODY], initiatives=items), BuildOptions())
    table = next(s.table for s in plan.slides if s.table is not None)
    rows = {r[0].split("\n")[0]: r for r in table.rows}

    assert all(cell for row in table.rows for cell in row)  # no blank cell, no blank column
    assert "網路安全法" in rows["網路安全法"][1]  # its own clause, not the sentence's first
    assert "個資保護" not in rows["網路安全法"][1]


# -- the bundled report -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plans(report):  # type: ignore[no-untyped-def]
    options = api.options_from_recipe()
    loaded = report
    return {
        (length, structure): plan_deck(loaded, options.replace(length=length, structure=structure))
        for length in ("brief", "standard")
        for structure in ("report", "findings-first")
    }


def test_the_bundled_summary_names_every_recommendation(plans, report) -> None:  # type: ignore[no-untyped-def]
    names = [r.name for r in recommend.recommendations(report)]
    for plan in plans.values():
        shown = " ".join(b.text for b in _summary(plan).right)
        assert names and all(n in shown for n in names), names


def test_no_title_contradicts_its_source_line(plans) -> None:  # type: ignore[no-untyped-def]
    for key, plan in plans.items():
        for slide in plan.slides:
            match = re.match(r"^([壹貳參肆伍陸柒捌玖拾]、)", slide.title)
            if match and slide.source:
                cited = slide.source.split(" ", 1)[1]
                assert cited.startswith(match.group(1)), (key, slide.title, slide.source)
        agenda = next(s for s in plan.slides if s.kind == "agenda")
        dividers = [s.title for s in plan.slides if s.kind == "divider"]
        assert all(d in [b.text for b in agenda.body] for d in dividers)


def test_every_recommendation_is_on_a_slide_with_all_its_clauses(plans, report) -> None:  # type: ignore[no-untyped-def]
    recs = recommend.recommendations(report)
    for key, plan in plans.items():
        cards = {c.heading: c for s in plan.slides for c in s.cards if s.kind == "recommendations"}
        texts = " ".join(t for s in plan.slides for t in s.texts())
        for rec in recs:
            card = cards[rec.name]
            sec = report.section(rec.section)
            for sentence in sec.key_sentences:  # the report's sentences of substance
                for clause in ranking.clauses(ranking.trim(normalize(sentence))):
                    assert ranking.trim(clause) in card.text, (key, rec.name, clause)
            assert not card.text.startswith(CONNECTIVES)
        assert "主辦：臺灣各界" not in texts  # 「值得臺灣各界一起努力」 names no owner
        talent = cards["召集國際人才充實國力"]
        assert "短期來說" in talent.text and "長期來看" in talent.text
        assert "找出均衡發展不偏廢任何一方的創新大道" in cards["突破傳統窠臼積極創新發展"].text


def test_findings_first_changes_the_order_never_the_numbers(plans) -> None:  # type: ignore[no-untyped-def]
    plan = plans["brief", "findings-first"]
    agenda = [b.text for b in next(s for s in plan.slides if s.kind == "agenda").body]

    assert agenda[:3] == ["報告摘要", "伍、心得及建議", "壹、目的"]
    assert not any(s.title.startswith("參、目的") for s in plan.slides)


def test_the_brief_has_no_appendix(plans) -> None:  # type: ignore[no-untyped-def]
    for structure in ("report", "findings-first"):
        plan = plans["brief", structure]
        assert not any("附錄" in s.title or "議程" in s.title for s in plan.slides)
    assert any("議程" in s.title for s in plans["standard", "report"].slides)


def test_no_two_slides_share_notes_and_each_says_first_what_to_say(plans) -> None:  # type: ignore[no-untyped-def]
    for key, plan in plans.items():
        notes = [s.notes for s in plan.slides]
        assert len(set(notes)) == len(notes), key
        for slide in plan.slides:
            if slide.kind in FURNITURE:
                continue
            spoken = re.split(r"\n\n(?:報告原文：|出處：)", slide.notes)[0]
            assert 0 < len(spoken) <= SPOKEN_MAX, (key, slide.title, len(spoken))
            if "報告原文：" in slide.notes:
                assert slide.notes.index("報告原文：") > len(spoken) - 1


def test_notes_describe_no_chart_that_is_not_on_the_slide(plans) -> None:  # type: ignore[no-untyped-def]
    for plan in plans.values():
        for slide in plan.slides:
            if slide.chart is None:
                assert not re.search(r"(長條圖|直條圖|圓餅圖|折線圖|時間軸)：", slide.notes), (
                    slide.title
                )


def test_tiles_keep_their_hedges(plans, report) -> None:  # type: ignore[no-untyped-def]
    hedged = 0
    for plan in plans.values():
        for slide in plan.slides:
            for fid, tile in zip(slide.figures, slide.key_figures, strict=False):
                fig = report.figure(fid)
                if fig.qualifier == "exact":
                    continue
                hedged += 1
                shown = f"{tile.qualifier}{tile.value}{tile.unit}{tile.label}"
                assert re.search(r"預計|預估|目標|將|約|超過|逾|近|多|以上|上看", shown), (
                    slide.title,
                    shown,
                )
    assert hedged


def test_no_table_of_the_bundled_decks_has_a_blank_cell(plans) -> None:  # type: ignore[no-untyped-def]
    for key, plan in plans.items():
        for slide in plan.slides:
            if slide.table is not None:
                blank = [r for r in slide.table.rows if not all(c.strip() for c in r)]
                assert not blank, (key, slide.title, blank[:1])
    programme = next(s for s in plans["standard", "report"].slides if "議程" in s.title)
    assert programme.table is not None and programme.table.header[-1] == "議程／主講人"


def test_a_timeline_cites_its_section_and_where_its_places_are_stated(plans) -> None:  # type: ignore[no-untyped-def]
    slide = next(s for s in plans["standard", "report"].slides if s.kind == "timeline")
    # 貳 prints the itinerary; the meeting places it shows are stated in 壹 and 肆, not in 貳
    assert slide.source.endswith(" 貳、過程、壹、目的、肆、拜會活動")


def test_one_date_style_on_the_cover_the_timeline_and_the_tables(plans) -> None:  # type: ignore[no-untyped-def]
    style = re.compile(r"中華民國\d+年\d+月\d+日（星期[一二三四五六日]）")
    plan = plans["standard", "report"]
    cover = next(s for s in plan.slides if s.kind == "cover")
    timeline = next(s for s in plan.slides if s.kind == "timeline")
    programme = next(s for s in plan.slides if "議程" in s.title)

    sources = next(s for s in plan.slides if s.kind == "sources")

    assert any(style.fullmatch(b.text) for b in cover.body)
    assert all(style.match(e.when) for e in timeline.events)
    assert style.search(programme.title)
    assert style.search(sources.body[0].text) and style.search(cover.notes)


@pytest.fixture(scope="module")
def recipe_plans(report):  # type: ignore[no-untyped-def]
    found = {}
    for recipe in sorted((ROOT / "recipes").glob("*.yaml")):
        options = api.options_from_recipe(recipe)
        if options.initiatives is not None:  # the recipes that promise initiatives
            found[recipe.stem] = (options, api.plan(options, report))
    return found


def test_every_recipes_initiatives_are_on_a_slide_by_name(recipe_plans, report) -> None:  # type: ignore[no-untyped-def]
    for name, (options, plan) in recipe_plans.items():
        texts = " ".join(t for s in plan.slides for t in s.texts())
        for iid in options.initiatives or ():
            item = report.initiative(iid)
            names = [normalize(item.name), normalize(item.name_en or "")]
            assert any(n and n in texts for n in names), (name, iid)


def test_an_english_deck_uses_the_english_names_the_report_gives(recipe_plans, report) -> None:  # type: ignore[no-untyped-def]
    _, plan = recipe_plans["english"]
    texts = [t for s in plan.slides for t in s.texts()]
    for iid in ("myinfo", "national-digital-identity", "smart-nation-2025"):
        english = normalize(report.initiative(iid).name_en or "")
        assert any(t.startswith(english) for t in texts), english


# -- the import corpus ----------------------------------------------------------------------------
def _expected(folder: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((folder / f"{folder.name}.expected.yaml").read_text(encoding="utf-8"))


def _check_corpus_report(folder: Path, tmp: Path) -> None:
    content = tmp / folder.name
    api.import_report(folder / f"{folder.name}.docx", content)
    loaded = api.load(BuildOptions(report=content))
    if not recommend.parts(loaded):
        pytest.skip(f"{folder.name}: the importer found no 建議 part (branch import-structure)")
    plan = api.plan(BuildOptions(report=content, length="brief"), loaded)
    shown = " ".join(normalize(t) for t in _summary(plan).texts())
    for rec in _expected(folder)["recommendations"]:
        head = normalize(rec["text"]).split("：")[0]
        name = re.sub(r"[（(](中長期|短期|中期|長期)[)）]", "", head)
        assert name[:10] in shown, (folder.name, name)


def test_the_summary_of_one_imported_report_names_its_recommendations(tmp_path: Path) -> None:
    _check_corpus_report(CORPUS / "jp-disaster-2024", tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
def test_the_summary_of_every_imported_report_names_its_recommendations(
    name: str, tmp_path: Path
) -> None:
    _check_corpus_report(CORPUS / name, tmp_path)


def test_a_speakers_anecdotes_carry_no_status() -> None:
    speech = section(
        "speech",
        "一",
        "總理專題演講",
        "我們設立了國家級的感測系統平臺，蒐集交通資料。我們亦設立了金融沙盒，鼓勵創新。",
    )
    items = tuple(
        initiative(iid, name, "speech", text, status="launched", evidence={"status": text})
        for iid, name, text in (
            ("sensors", "感測系統平臺", "我們設立了國家級的感測系統平臺"),
            ("sandbox", "金融沙盒", "我們亦設立了金融沙盒"),
            ("tradenet", "貿易網絡平臺", "我們曾建立了貿易網絡平臺"),
        )
    )
    plan = plan_deck(report([speech], initiatives=items), BuildOptions())
    shown = " ".join(t for s in plan.slides for t in s.texts())

    assert "感測系統平臺" in shown
    assert "已推動" not in shown  # the speaker's claims, not the report's record of a status


def test_a_recipe_of_one_recommendation_shows_that_one_whole(report) -> None:  # type: ignore[no-untyped-def]
    options = BuildOptions(sections=("reflections-government-cloud",))
    plan = plan_deck(report, options)
    cards = [c for s in plan.slides if s.kind == "recommendations" for c in s.cards]

    assert [c.heading for c in cards] == ["持續推動政府雲端化數位服務運作"]
    assert cards[0].text.endswith("這項工作需要持續推動") and cards[0].tag == "持續推動"
