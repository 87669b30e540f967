"""Every claim of the bundled report's data is backed by the report's own words.

These tests read the data as an editor would: each evidence quote is found, verbatim, where it
says; each field a slide may show has such a quote; numbers that are not exact carry the
report's qualifying words; key points and summaries are the report's clauses, shortened, with
its hedges and attributions kept.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest

from briefing.content.evidence import (
    dropped_hedges,
    extractive_coverage,
    key_point_notes,
    section_text,
    squash,
)
from briefing.content.report import DEFAULT_REPORT, load_report
from briefing.errors import ContentError

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.content.model import Initiative, Quote
    from briefing.content.report import Report

#: Fields an initiative slide shows only when the report states them.
STATED_FIELDS = ("name_en", "categories", "agencies", "year", "status")
#: Words of the report that make a number something other than exact, by qualifier.
QUALIFYING_WORDS = {
    "over": ("超過", "多", "幾"),
    "about": ("約",),
    "target": ("預計", "預定", "希望", "目標"),
    "forecast": ("上看", "預估"),
    "within": ("前三名", "以內"),
    "under": ("未滿", "不到"),
}
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _texts(report: Report) -> dict[str, str]:
    return {e.section.id: squash(section_text(e.section)) for e in report.outline}


def _where(quote: Quote, own: tuple[str, ...]) -> tuple[str, ...]:
    return (quote.section,) if quote.section else own


def _initiative_text(report: Report, item: Initiative) -> str:
    """The report's words about an initiative: its sections and those its evidence names, in
    report order."""
    named = {q.section for quotes in item.evidence.values() for q in quotes if q.section}
    wanted = set(item.sections) | named
    return "".join(
        squash(section_text(e.section)) for e in report.outline if e.section.id in wanted
    )


# -- quotes ---------------------------------------------------------------------------------------
def test_every_evidence_quote_occurs_verbatim_where_it_says(report) -> None:
    texts = _texts(report)
    records = [(f"section {e.section.id}", e.section, (e.section.id,)) for e in report.outline]
    records += [(f"figure {f.id}", f, (f.section,)) for f in report.figures]
    records += [(f"initiative {i.id}", i, i.sections) for i in report.initiatives]
    missing = [
        (name, field, quote.quote)
        for name, record, own in records
        for field, quotes in record.evidence.items()
        for quote in quotes
        if not any(squash(quote.quote) in texts[s] for s in _where(quote, own))
    ]

    assert sum(len(q) for _, r, _ in records for q in r.evidence.values()) > 150
    assert missing == []


def test_key_sentences_and_quotes_are_verbatim(report) -> None:
    texts = _texts(report)
    sentences = [(e.section.id, s) for e in report.outline for s in e.section.key_sentences]
    quotes = [(e.section.id, e.section.quote.text) for e in report.outline if e.section.quote]

    assert len(sentences) >= 15
    assert [x for x in sentences + quotes if squash(x[1]) not in texts[x[0]]] == []


@pytest.mark.parametrize(
    ("file", "line", "wrong", "field"),
    [
        (
            "initiatives.yaml",
            "    year: 預定於 2020 年推出NDI平臺\n",
            "    year: 預定於 2021 年推出NDI平臺\n",
            r"\[\d+\]\.evidence\.year\[0\]",
        ),
        (
            "figures.yaml",
            "    qualifier: 人生時刻的應用程式下載已超過 13,000 次\n",
            "    qualifier: 人生時刻的應用程式下載已超過 31,000 次\n",
            r"\[\d+\]\.evidence\.qualifier\[0\]",
        ),
        (
            "sections.yaml",
            "    horizon: 這項工作需要持續推動\n",
            "    horizon: 這項工作需要長期推動\n",
            r"\[\d+\]\.children\[\d+\]\.evidence\.horizon\[0\]",
        ),
    ],
)
def test_a_wrong_quote_is_refused_at_its_file_line_and_field(
    tmp_path: Path, file: str, line: str, wrong: str, field: str
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(DEFAULT_REPORT, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(line) == 1
    path.write_text(text.replace(line, wrong), encoding="utf-8")

    with pytest.raises(ContentError, match="not in the report's words") as caught:
        load_report(folder)

    assert caught.value.file is not None and caught.value.file.endswith(file)
    assert caught.value.line == text[: text.index(line)].count("\n") + 1
    assert re.fullmatch(field, caught.value.field or "")
    assert squash(wrong.split(":", 1)[1])[:10] in squash(str(caught.value))


# -- initiatives ----------------------------------------------------------------------------------
def test_no_initiative_field_has_a_value_without_evidence(report) -> None:
    unbacked = [
        (i.id, name)
        for i in report.initiatives
        for name in STATED_FIELDS
        if getattr(i, name) not in (None, (), "") and not i.stated(name)
    ]
    stray = [
        (i.id, name)
        for i in report.initiatives
        for name in i.evidence
        if name not in STATED_FIELDS or getattr(i, name) in (None, (), "")
    ]

    assert unbacked == []
    assert stray == []  # no evidence for a field that is empty or not shown


def test_each_quote_states_the_value_it_backs(report) -> None:
    wrong = []
    for item in report.initiatives:
        quotes = {name: squash("".join(q.quote for q in qs)) for name, qs in item.evidence.items()}
        if item.year is not None and str(item.year) not in quotes.get("year", ""):
            wrong.append((item.id, "year"))
        agencies = quotes.get("agencies", "")
        wrong += [(item.id, a) for a in item.agencies if squash(a) not in agencies]
        if item.name_en and squash(item.name_en) not in quotes.get("name_en", ""):
            wrong.append((item.id, "name_en"))

    assert wrong == []


def test_categories_come_from_the_records_own_headings_or_the_abstract(report) -> None:
    """A pillar is stated where the initiative is discussed: its own sections, a heading above
    them (數位政府藍圖 for its 具體工作), or the abstract's words on the whole plan."""
    astray = []
    for item in report.initiatives:
        near = {s for sid in item.sections for s in report.entry(sid).path} | {"abstract"}
        astray += [
            (item.id, s)
            for q in item.evidence.get("categories", ())
            for s in _where(q, item.sections)
            if s not in near
        ]

    assert astray == []


def test_smart_nation_2025_spans_the_three_pillars_of_the_abstract(report) -> None:
    plan = report.initiative("smart-nation-2025")
    (quote,) = plan.evidence["categories"]

    assert plan.categories == ("digital-economy", "digital-government", "digital-society")
    assert quote.section == "abstract"
    for category in plan.categories:
        assert f"「{report.category_name(category)}」" in quote.quote


def test_govtech_is_set_up_as_section_three_one_says(report) -> None:
    govtech = report.initiative("govtech")
    (agencies,) = govtech.evidence["agencies"]

    assert govtech.agencies == ("新加坡總理公署",)
    assert agencies.section == "summit-organisation"
    assert "另設立新加坡政府資訊局技術局" in squash(agencies.quote)
    assert "Government Technology Agency of Singapore" in agencies.quote


def test_summaries_are_the_reports_clauses_with_their_hedges(report) -> None:
    strays = []
    for item in report.initiatives:
        text = _initiative_text(report, item)
        for sentence in filter(None, re.split(r"(?<=。)", item.summary)):
            covered, spans = extractive_coverage(sentence, text)
            dropped = dropped_hedges(sentence, text, spans)
            if covered < 0.9 or dropped:
                strays.append((item.id, round(covered, 2), dropped, sentence))

    assert strays == []


def test_the_myinfo_summary_keeps_who_said_it(report) -> None:
    assert "研討會主講人特別點出" in report.initiative("myinfo").summary


def test_summary_numbers_occur_in_the_initiatives_own_sections(report) -> None:
    invented = [
        (item.id, n)
        for item in report.initiatives
        for n in _NUMBER.findall(item.summary)
        if n not in _initiative_text(report, item)
    ]

    assert invented == []


# -- figures --------------------------------------------------------------------------------------
def test_every_figure_that_is_not_exact_has_the_reports_qualifying_words(report) -> None:
    unbacked = []
    for fig in report.figures:
        if fig.qualifier == "exact":
            continue
        quotes = [squash(q.quote) for q in fig.evidence.get("qualifier", ())]
        words = QUALIFYING_WORDS[fig.qualifier]
        if not any(squash(fig.as_written) in q and any(w in q for w in words) for q in quotes):
            unbacked.append(fig.id)

    assert sum(f.qualifier != "exact" for f in report.figures) >= 8
    assert unbacked == []


def test_facts_stated_only_in_the_abstract_cite_it(report) -> None:
    texts = _texts(report)

    def only_in_abstract(words: str) -> bool:
        return {s for s, text in texts.items() if squash(words) in text} == {"abstract"}

    figures = [f.id for f in report.figures if only_in_abstract(f.as_written)]
    uncited = [f for f in figures if report.figure(f).section != "abstract"]
    uncited += [
        (i.id, name)
        for i in report.initiatives
        for name, quotes in i.evidence.items()
        for q in quotes
        if only_in_abstract(q.quote) and q.section != "abstract"
    ]

    assert {"sg-egov-ranking-top-three", "smart-nation-2025-plan-length"} <= set(figures)
    assert uncited == []


def test_the_top_three_ranking_is_within_three_and_stated_only_in_the_abstract(report) -> None:
    ranking = report.figure("sg-egov-ranking-top-three")

    assert (ranking.value, ranking.qualifier, ranking.section) == (3, "within", "abstract")
    assert ranking.when is None  # 歷年: no one year


# -- sections -------------------------------------------------------------------------------------
def test_no_key_point_strays_from_the_reports_words(report) -> None:
    assert [str(n) for n in key_point_notes(report)] == []


def test_the_abstract_gives_the_overview_three_to_five_points(report) -> None:
    assert report.abstract is not None
    assert 3 <= len(report.abstract.key_points) <= 5


def test_key_points_fit_a_slide_line(report) -> None:
    long = [
        p
        for e in report.outline
        for p in e.section.key_points
        if len(re.findall(r"[\u3400-\u9fff]", p)) > 30
    ]

    assert long == []


def test_each_recommendation_has_its_substance_and_backed_horizon(report) -> None:
    recommendations = [
        e.section
        for e in report.outline
        if e.parent and report.entry(e.parent).section.kind == "recommendations"
    ]
    horizons = {s.id: s.horizon for s in recommendations if s.horizon}

    assert len(recommendations) == 4
    assert all(1 <= len(s.key_sentences) <= 2 for s in recommendations)
    assert horizons == {"reflections-talent": "short", "reflections-government-cloud": "ongoing"}
    for section in recommendations:
        for name in ("horizon", "owner"):
            assert (getattr(section, name) is None) == (not section.stated(name)), section.id


def test_the_prime_ministers_speech_has_a_quote_by_him(report) -> None:
    quote = report.section("summit-pm-speech").quote

    assert quote is not None and quote.by == "李顯龍總理"
    assert quote.by in section_text(report.section("summit-pm-speech"))


# -- the itinerary --------------------------------------------------------------------------------
def test_the_itinerary_is_the_three_days_of_the_process(report) -> None:
    itinerary = report.itinerary
    process = squash(section_text(report.section("process")))
    visit = squash(section_text(report.section("visit")))

    assert itinerary is not None and itinerary.section == "process"
    assert [d.isoformat() for d in itinerary.days] == ["2019-06-24", "2019-06-25", "2019-06-26"]
    assert (itinerary.days[0], itinerary.days[-1]) == (report.meta.trip_start, report.meta.trip_end)
    for item in itinerary.items:
        covered, _ = extractive_coverage(item.title, process)
        assert covered >= 0.9, item.title
    visit_item = next(i for i in itinerary.items if i.type == "拜會")
    assert (visit_item.time, visit_item.end) == ("12:00", "14:00")
    assert squash(visit_item.place or "") in visit
