"""The written deck, read back with python-pptx and lxml as a user's tools would."""

from __future__ import annotations

import zipfile

from lxml import etree
from pptx.util import Pt

from tests.conftest import slide_texts

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_the_deck_is_16_by_9_with_a_title_on_every_slide(default_deck) -> None:
    assert (default_deck.slide_width, default_deck.slide_height) == (12192000, 6858000)
    for number, slide in enumerate(default_deck.slides, start=1):
        assert slide.shapes.title is not None, number
        assert slide.shapes.title.text_frame.text.strip(), number


def test_the_cover_shows_only_what_was_given_dated_today(default_deck, report) -> None:
    from briefing import dates

    texts = "\n".join(slide_texts(default_deck.slides[0]))

    assert default_deck.slides[0].shapes.title.text_frame.text == report.meta.title
    assert report.meta.agency in texts
    assert "報告人" not in texts  # nobody typed a presenter: the report's author is not assumed
    assert dates.roc(dates.today()) in texts


def test_the_cover_names_the_presenter_and_date_given(tmp_path) -> None:
    from pptx import Presentation

    from briefing import api

    options = api.options_from_recipe(
        None,
        presenter="副處長 莊明芬",
        date=__import__("datetime").date(2019, 8, 2),
        sections=("purpose",),
        output=tmp_path / "d.pptx",
    )
    texts = "\n".join(slide_texts(Presentation(str(api.build(options).output)).slides[0]))

    assert "報告人：副處長 莊明芬" in texts
    assert "中華民國108年8月2日" in texts


def test_agenda_dividers_and_closing_follow_the_outline(default_deck, report) -> None:
    titles = [s.shapes.title.text_frame.text for s in default_deck.slides]
    parts = [e.heading for e in report.outline if e.level == 1 and e.section.number]

    assert titles[1] == "簡報大綱"
    assert "\n".join(slide_texts(default_deck.slides[1])).count("、") >= len(parts)
    for part in parts:
        assert part in titles
    assert "簡報結束　敬請指教" in titles
    assert titles.index("簡報結束　敬請指教") < titles.index("陸、附錄")


def test_every_section_and_initiative_is_covered(default_build, report) -> None:
    plan = default_build.plan
    covered_sections = {s for slide in plan.slides for s in slide.sections}
    covered_initiatives = {i for slide in plan.slides for i in slide.initiatives}

    numbered = {e.section.id for e in report.outline if e.section.kind != "abstract"}
    assert numbered <= covered_sections
    assert {i.id for i in report.initiatives} <= covered_initiatives


def test_initiative_slides_state_only_what_the_report_backs(default_deck, report) -> None:
    titles = {s.shapes.title.text_frame.text: s for s in default_deck.slides}
    myinfo = next(i for i in report.initiatives if i.name_en == "MyInfo")
    unbacked = next(i for i in report.initiatives if not i.stated("agencies"))
    slide = next(s for t, s in titles.items() if t.startswith(myinfo.name))
    text = "\n".join(slide_texts(slide))
    other = next(s for t, s in titles.items() if t.startswith(unbacked.name))

    assert myinfo.stated("agencies") and myinfo.agencies[0] in text
    assert str(myinfo.year) in text
    assert "數位政府" in text
    assert "資料來源：出國報告" in text
    assert "推動機關" not in "\n".join(slide_texts(other))
    assert "報告未載明" not in text


def test_notes_hold_the_paragraphs_and_their_source(default_deck, report) -> None:
    entry = next(e for e in report.outline if e.section.title == "數位政府藍圖")
    slide = next(s for s in default_deck.slides if s.shapes.title.text_frame.text == entry.heading)
    notes = slide.notes_slide.notes_text_frame.text

    assert entry.section.paragraphs[0] in notes
    assert "出處：出國報告 參、二、(二)數位政府藍圖" in notes


def test_every_slide_has_speaker_notes_except_the_closing(default_deck, report) -> None:
    apart = report.meta.vocabulary.initiatives  # divider of initiatives placed apart: no notes yet
    for number, slide in enumerate(default_deck.slides, start=1):
        title = slide.shapes.title.text_frame.text
        if title.startswith("簡報結束") or "（續）" in title or title == apart:
            continue
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), number


def test_every_run_names_the_font_in_latin_ea_and_cs_with_lang(default_build) -> None:
    with zipfile.ZipFile(default_build.output) as deck:
        slides = [
            n
            for n in deck.namelist()
            if n.startswith(("ppt/slides/slide", "ppt/notesSlides/")) and n.endswith(".xml")
        ]
        runs = 0
        for name in slides:
            root = etree.fromstring(deck.read(name))
            for rpr in root.iter(f"{A}rPr"):
                runs += 1
                assert rpr.get("lang") == "zh-TW", name
                for slot in ("latin", "ea", "cs"):
                    node = rpr.find(f"{A}{slot}")
                    assert node is not None and node.get("typeface") == "Noto Sans TC", name
    assert runs > 300


def test_no_text_below_16_points(default_deck) -> None:
    for number, slide in enumerate(default_deck.slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size is None or run.font.size >= Pt(16), (number, run.text)


def test_bullets_fit_their_box(default_build) -> None:
    from briefing.story import textfit
    from briefing.theme import BODY_BOX

    for slide in default_build.plan.slides:
        if slide.kind in ("content", "initiative", "agenda", "sources"):
            assert textfit.fit_size(slide.body, BODY_BOX) is not None, slide.title


def test_the_programme_table_comes_from_the_agenda(default_deck, report) -> None:
    rows = []
    for slide in default_deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]

    assert [r[0] for r in rows] == [i.time for i in report.agenda.items]
