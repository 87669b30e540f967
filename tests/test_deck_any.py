"""A deck worth presenting from any report (issue 18), on the invented reports of
tests/data/decks (one per class: a long itinerary, a prose 建議, a report without 心得, a section
of 「略。」, a chapter of tables, numbered recommendations under 心得及建議 with 第一節/第二節)
and on the bundled report: the itinerary once and legible, every recommendation on a slide,
every ticked section on a slide with its text and in the notes, and the self-check in the CLI."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu

from briefing import api, cli, theme
from briefing.content.report import load_report
from briefing.options import BuildOptions
from briefing.story.coverage import all_sentences, point_of
from briefing.story.itinerary import STOPS_PER_SLIDE
from briefing.story.planner import plan_deck
from briefing.story.ranking import trim
from briefing.story.typography import normalize

DECKS = Path(__file__).parent / "data" / "decks"
INVENTED = sorted(p.name for p in DECKS.iterdir() if p.is_dir())
LENGTHS = ("brief", "standard")


def squash(text: str) -> str:
    return "".join(normalize(text).split())


def words(text: str) -> str:
    """``text`` squashed, without its closing full stop or a connective dangling at its start
    (而, 並 …): a line on a slide is the report's words cut at its clauses (issue 19)."""
    return squash(trim(text)).rstrip("。！？!?")


def shown(plan, sid: str | None = None) -> str:  # type: ignore[no-untyped-def]
    slides = [s for s in plan.slides if sid is None or sid in (*s.sections, *s.condensed)]
    return squash(" ".join(t for s in slides for t in s.texts()))


@pytest.fixture(scope="module")
def setter():  # type: ignore[no-untyped-def]
    return api.setter_for(BuildOptions())


@pytest.fixture(scope="module")
def plans(setter):  # type: ignore[no-untyped-def]
    """Every invented report planned at brief and standard: {(folder, length): (report, plan)}."""
    found = {}
    for folder in INVENTED:
        report = load_report(DECKS / folder)
        for length in LENGTHS:
            options = BuildOptions(length=length, report=DECKS / folder)
            found[folder, length] = report, plan_deck(report, options, setter=setter)
    return found


# -- the itinerary ----------------------------------------------------------------------------
@pytest.mark.parametrize("length", LENGTHS)
def test_a_long_itinerary_appears_once_and_findings_keep_their_slides(plans, length) -> None:
    report, plan = plans["long-itinerary", length]
    trip = [s for s in plan.slides if s.events or (s.table is not None and "process" in s.sections)]
    assert trip and all(s.sections == ("process",) for s in trip)  # in its own part only
    assert len(trip) <= (1 if length == "brief" else 3)
    for slide in trip:
        assert len(slide.events) <= STOPS_PER_SLIDE
        if slide.table is not None:  # no column empty in every row (no place is given)
            assert all(any(r[c] for r in slide.table.rows) for c in range(len(slide.table.header)))
    # the findings chapter is typed `process` in the data: its own points are on its slides
    for n in range(3):
        sec = report.section(f"finding-{n}")
        assert squash(sec.key_points[0]) in shown(plan, sec.id)
        assert not any(s.events for s in plan.slides if sec.id in s.sections)


def test_the_itinerary_stays_out_when_its_section_is_not_ticked(setter) -> None:
    report = load_report(DECKS / "long-itinerary")
    for length in LENGTHS:
        options = BuildOptions(
            length=length, report=DECKS / "long-itinerary", sections=("findings",)
        )
        plan = plan_deck(report, options, setter=setter)
        assert not any(s.events or s.table for s in plan.slides)


def test_a_short_itinerary_is_a_timeline(setter) -> None:
    plan = api.plan(BuildOptions(sections=("process",)))
    (timeline,) = [s for s in plan.slides if s.events]
    assert len(timeline.events) == 3 and timeline.kind == "timeline"


# -- recommendations --------------------------------------------------------------------------
RECOMMENDING = {
    "long-itinerary": "advice",
    "no-findings": "advice",
    "chapter-advice": "ch3-2",
    "prose-advice": "advice",
    "tables-chapter": "advice",
    "short-section": "reflections",
}


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("folder", INVENTED)
def test_every_recommendation_is_on_a_slide(plans, folder, length) -> None:
    report, plan = plans[folder, length]
    advice = report.section(RECOMMENDING[folder])
    text = shown(plan)
    items = advice.children or (advice,)
    for item in items:  # numbered items with their substance; prose by its sentences
        said = all_sentences(item) if not advice.children else [item.title, point_of(item)]
        for sentence in said:  # a card's text ends without its full stop (issue 19's words)
            assert words(sentence) in text, (folder, length, sentence)
    assert not any(not c.text for s in plan.slides if s.kind == "recommendations" for c in s.cards)


def test_findings_of_chapter_advice_are_points_not_group_cards(plans) -> None:
    _, plan = plans["chapter-advice", "standard"]
    headings = [c.heading for s in plan.slides for c in s.cards]
    assert not any(h.replace("　", "").endswith(("心得", "建議")) for h in headings)
    assert squash("數位服務的成功取決於法制、人才與民眾信任。") in shown(plan, "ch3-1")


# -- every selected section is shown ----------------------------------------------------------
def _walk(report, setter, ids, lengths=LENGTHS) -> list[str]:  # type: ignore[no-untyped-def]
    """Each section ticked alone: the sections with no slide, no text of theirs on it, or their
    first paragraph missing from the notes."""
    homes = {a.section for a in report.agendas}
    bad = []
    for length in lengths:
        for sid in ids:
            entry = report.entry(sid)
            options = BuildOptions(length=length, sections=(sid,), report=report.folder)
            plan = plan_deck(report, options, setter=setter)
            if sid in plan.omitted:
                continue
            slides = [s for s in plan.slides if sid in (*s.sections, *s.condensed)]
            kids = [e.section for e in report.outline if sid in e.path[:-1]]
            wants = [point_of(entry.section), *entry.section.key_points]
            wants += [*entry.section.key_sentences, *(point_of(k) for k in kids)]
            wants += [s for k in kids for s in k.key_sentences]
            if entry.section.quote is not None:
                wants.append(entry.section.quote.text)
            text = "".join(shown(plan, i) for i in (sid, *(k.id for k in kids)))
            agenda = ({sid, *(k.id for k in kids)} & homes) and any(
                s.events or s.table for s in slides
            )
            clauses = [  # or a whole clause of its own text (a card's substance, cut)
                c
                for p in entry.section.paragraphs
                for c in re.split("[，。；：]", p)
                if len(c) >= 12
            ]
            clauses += [k.title for k in kids if len(k.title) >= 6]  # its findings as cards
            on_slide = agenda or any(w and words(w) in text for w in [*wants, *clauses])
            tiles = [f.value for s in slides for f in s.key_figures]  # its numbers as tiles
            on_slide = on_slide or any(t in squash(w) for t in tiles for w in wants if w)
            if not any(wants):  # a heading without text (an appendix item): its name
                on_slide = squash(entry.section.title) in text
            first = next((p for p in entry.section.paragraphs if p.strip()), "")
            notes = squash(" ".join(s.notes for s in slides))
            if not slides or not on_slide or (first and squash(first) not in notes):
                bad.append(f"{length} {sid}")
    return bad


@pytest.fixture(scope="module")
def imported(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The invented report of tests/data (第一章／第一節 style), imported as a user would."""
    out = tmp_path_factory.mktemp("imported") / "estonia"
    api.import_report(Path(__file__).parent / "data" / "invented-estonia-finland-2023.txt", out)
    return load_report(out)


def test_sections_ticked_alone_are_shown_sample(setter, imported) -> None:
    report = load_report()
    sample = [e.section.id for e in report.outline][::6]  # every level, in a few seconds
    assert _walk(report, setter, sample) == []
    for invented in (load_report(DECKS / "short-section"), load_report(DECKS / "chapter-advice")):
        assert _walk(invented, setter, [e.section.id for e in invented.outline]) == []
    assert _walk(imported, setter, [e.section.id for e in imported.outline][::3]) == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Two reports of the corpus, imported as a user would: a .docx and a .pdf."""
    reports = Path(__file__).parent / "data" / "reports"
    found = []
    for name, suffix in (("jp-disaster-2024", ".docx"), ("kr-smarthealth-2019", ".pdf")):
        out = tmp_path_factory.mktemp("corpus") / name
        api.import_report(reports / name / f"{name}{suffix}", out)
        found.append(load_report(out))
    return found


@pytest.mark.slow
def test_every_section_ticked_alone_is_shown(setter, imported, corpus) -> None:
    for folder in (None, *INVENTED):
        report = load_report(DECKS / folder if folder else None)
        assert _walk(report, setter, [e.section.id for e in report.outline]) == []
    for report in (imported, *corpus):
        assert _walk(report, setter, [e.section.id for e in report.outline]) == []


@pytest.mark.parametrize("length", ["brief", "standard", "full"])
def test_the_imported_report_gives_a_clean_deck(setter, imported, length) -> None:
    from briefing.selfcheck import check_plan

    options = BuildOptions(length=length, report=imported.folder)
    plan = plan_deck(imported, options, setter=setter)
    assert [f.text() for f in check_plan(plan, setter)] == []


def test_a_one_paragraph_section_is_shown(plans) -> None:
    for length in LENGTHS:
        _, plan = plans["short-section", length]
        assert "略。" in shown(plan, "process")


# -- the self-check in the CLI, and a deck read back ------------------------------------------
@pytest.fixture(scope="module")
def numbered(tmp_path_factory):  # type: ignore[no-untyped-def]
    """short-section with a key point stating a number that is no figure record."""
    folder = tmp_path_factory.mktemp("numbered") / "report"
    shutil.copytree(DECKS / "short-section", folder)
    sections = yaml.safe_load((folder / "sections.yaml").read_text(encoding="utf-8"))
    sections[2]["key_points"] = ["研習課程共 12 堂"]
    (folder / "sections.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True), "utf-8")
    return folder


def _run(args: list[str]) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_check_plans_the_deck_and_strict_fails_on_findings(numbered) -> None:
    code, out, err = _run(["check", "--content", str(DECKS / "long-itinerary")])
    assert code == 0 and out.strip().endswith("ok") and not err
    code, out, err = _run(["check", "--content", str(numbered)])
    assert code == 0 and "1 self-check finding" in out
    assert err.startswith("warning: slide ") and "12" in err
    code, out, err = _run(["check", "--content", str(numbered), "--strict"])
    assert code == 2 and "error:" in err


def test_build_reports_findings_and_strict_writes_nothing(numbered, tmp_path) -> None:
    target, report = tmp_path / "deck.pptx", tmp_path / "build.json"
    code, _, err = _run(
        ["build", "--content", str(numbered), "--out", str(target), "--report", str(report)]
    )
    assert code == 0 and target.exists() and "warning: slide " in err
    found = json.loads(report.read_text(encoding="utf-8"))["self_check"]
    assert [f["code"] for f in found] == ["number-not-figure"] and found[0]["slide"] > 0
    strict = tmp_path / "strict.pptx"
    code, _, err = _run(["build", "--content", str(numbered), "--out", str(strict), "--strict"])
    assert code == 2 and not strict.exists() and "self-check" in err


def test_the_long_itinerary_deck_keeps_its_tables_above_the_source_line(tmp_path) -> None:
    target = tmp_path / "long.pptx"
    result = api.build(BuildOptions(report=DECKS / "long-itinerary", output=target))
    assert result.self_check == ()
    footer_top = theme.FOOTER_BOX[1]
    tables = 0
    for slide in Presentation(str(target)).slides:
        for shape in slide.shapes:
            if shape.has_table:
                tables += 1
                assert shape.top + shape.height <= footer_top
                header = [c.text for c in shape.table.rows[0].cells]
                body = [[c.text for c in r.cells] for r in shape.table.rows][1:]
                columns = list(zip(*body, strict=True))
                assert all(any(cell.strip() for cell in col) for col in columns), header
            if shape.name.startswith("Date "):
                assert Emu(shape.width).inches > 1.5  # a handful of stops, never 27
    assert tables >= 1


# -- budgets ------------------------------------------------------------------------------------
def test_the_budget_drops_the_lightest_slides_and_keeps_every_section() -> None:
    from briefing.story.budget import fit_budget, minutes
    from briefing.story.plan import Bullet, Slide

    report = load_report()
    kinds = ("appendix", "abstract")
    ids = [e.section.id for e in report.outline if e.level == 1 and e.section.kind not in kinds]
    slides = [Slide("cover", "封面"), Slide("agenda", "簡報大綱")]
    for n, sid in enumerate(ids * 3):  # each part on three slides, a divider before each
        if n < len(ids):
            slides.append(Slide("divider", f"部分{n}", sections=(sid,)))
        body = tuple(Bullet(f"第{n}頁重點{k}") for k in range(3))
        slides.append(Slide("content", f"頁{n}", body=body, notes=f"備忘{n}", sections=(sid,)))
    slides.append(Slide("closing", "敬請指教"))
    fitted = fit_budget(slides, report, "brief")

    assert len(fitted) <= 12 and round(minutes(fitted)) <= 12
    shown = {s for slide in fitted for s in slide.sections}
    assert shown == set(ids)  # every section still on a slide
    kept = {sid: sum(1 for f in fitted if f.sections == (sid,)) for sid in ids}
    assert kept["reflections"] == max(kept.values()) > min(kept.values())  # by weight
    assert [f.title for f in fitted if f.content][0] == "頁0"  # not by order: the first stays
    assert not any(s.kind == "divider" for s in fitted)
    dropped = [s for s in slides if s.content and s.title not in [f.title for f in fitted]]
    notes = " ".join(s.notes for s in fitted)
    assert dropped and all(s.notes in notes for s in dropped)  # said in the notes instead
