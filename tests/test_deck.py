"""The written deck, read back with python-pptx and lxml as a user's tools would: a briefing, not
the report's outline in bullets (the targets of the briefing-grade deck, measured on the default
deck and on every example recipe)."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu, Pt

from briefing import theme
from briefing.story.measure import ESTIMATE, set_paragraph, short_last_line
from briefing.story.typography import normalize
from tests.conftest import slide_texts

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
FURNITURE_LAYOUTS = {"Title Slide", "Agenda", "Section Header", "Closing"}


def _title(slide) -> str:  # type: ignore[no-untyped-def]
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _content(deck) -> list:  # type: ignore[no-untyped-def]
    """Content slides before the closing (not cover, agenda, dividers, sources, appendix)."""
    slides = []
    for slide in deck.slides:
        if slide.slide_layout.name == "Closing":
            break
        if slide.slide_layout.name not in FURNITURE_LAYOUTS:
            slides.append(slide)
    return slides


# -- the cover, the outline, coverage -------------------------------------------------------------
def test_the_deck_is_16_by_9_with_a_title_on_every_slide(default_deck) -> None:
    assert (default_deck.slide_width, default_deck.slide_height) == (12192000, 6858000)
    for number, slide in enumerate(default_deck.slides, start=1):
        assert _title(slide).strip(), number


def test_the_cover_shows_only_what_was_given_dated_today(default_deck, report) -> None:
    from briefing import dates

    texts = "\n".join(slide_texts(default_deck.slides[0]))

    assert _title(default_deck.slides[0]) == normalize(report.meta.title)
    assert report.meta.agency in texts
    assert "報告人" not in texts  # nobody typed a presenter: the report's author is not assumed
    assert dates.roc(dates.today()) in texts


def test_the_cover_names_the_presenter_and_date_given(tmp_path) -> None:
    import datetime as dt

    from briefing import api

    options = api.options_from_recipe(
        None,
        presenter="副處長 莊明芬",
        date=dt.date(2019, 8, 2),
        sections=("purpose",),
        output=tmp_path / "d.pptx",
    )
    texts = "\n".join(slide_texts(Presentation(str(api.build(options).output)).slides[0]))

    assert "報告人：副處長 莊明芬" in texts
    assert "中華民國108年8月2日" in texts


def test_the_agenda_matches_the_parts_and_the_appendix_follows_the_closing(default_deck) -> None:
    titles = [_title(s) for s in default_deck.slides]
    agenda = [p.text for p in default_deck.slides[1].placeholders[1].text_frame.paragraphs]
    kickers = {
        s.text_frame.text.split(" › ")[0]
        for slide in default_deck.slides
        for s in slide.shapes
        if s.name == "Kicker"
    }

    assert titles[1] == "簡報大綱"
    for part in agenda:
        assert part in titles or part in kickers, part
    closing = titles.index("簡報結束　敬請指教")
    assert any("議程" in t for t in titles[closing:])
    assert titles[-1] == "資料來源"


def test_every_section_and_initiative_is_on_a_slide(default_build, report) -> None:
    plan = default_build.plan
    covered = {s for slide in plan.slides for s in (*slide.sections, *slide.condensed)}
    initiatives = {i for slide in plan.slides for i in slide.initiatives}

    assert {e.section.id for e in report.outline} <= covered
    assert {i.id for i in report.initiatives} <= initiatives


def test_notes_hold_every_paragraph_of_every_selected_section_with_its_source(
    default_deck, report
) -> None:
    notes = "\n".join(
        s.notes_slide.notes_text_frame.text for s in default_deck.slides if s.has_notes_slide
    )
    squashed = re.sub(r"\s", "", notes)
    missing = [
        (e.section.id, p[:20])
        for e in report.outline
        for p in e.section.paragraphs
        if re.sub(r"\s", "", normalize(p)) not in squashed
    ]

    assert missing == []
    assert f"【{normalize(report.cite('summit-strategy-government'))}】" in notes


def test_every_slide_has_speaker_notes_the_cover_and_closing_included(default_deck) -> None:
    for number, slide in enumerate(default_deck.slides, start=1):
        assert slide.has_notes_slide, number
        assert slide.notes_slide.notes_text_frame.text.strip(), (number, _title(slide))


def test_no_slide_says_the_report_does_not_state_something(default_deck) -> None:
    text = "\n".join(t for s in default_deck.slides for t in slide_texts(s))

    assert "報告未載明" not in text  # said in the notes, never on a slide


# -- type -----------------------------------------------------------------------------------------
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


def test_bullets_are_drawn_in_the_deck_font_never_arial(default_build) -> None:
    with zipfile.ZipFile(default_build.output) as deck:
        fonts = Counter()
        for name in deck.namelist():
            if name.endswith(".xml") and name.startswith("ppt/"):
                root = etree.fromstring(deck.read(name))
                fonts.update(node.get("typeface") for node in root.iter(f"{A}buFont"))

    assert fonts and set(fonts) <= {"Noto Sans TC", "+mn-ea", "+mj-ea", "+mn-lt"}, fonts


def test_no_text_below_16_points(default_deck) -> None:
    for number, slide in enumerate(default_deck.slides, start=1):
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if getattr(shape, "has_table", False) and shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        size = run.font.size
                        assert size is None or size >= Pt(16), (number, run.text)


def test_one_title_size_on_every_content_slide(default_deck) -> None:
    sizes = {
        run.font.size
        for slide in _content(default_deck)
        for paragraph in slide.shapes.title.text_frame.paragraphs
        for run in paragraph.runs
    }

    assert sizes == {Pt(theme.TITLE_PT)}


def test_lines_break_the_east_asian_way_and_never_inside_a_latin_word(default_build) -> None:
    with zipfile.ZipFile(default_build.output) as deck:
        for name in deck.namelist():
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                for ppr in etree.fromstring(deck.read(name)).iter(f"{A}pPr"):
                    if ppr.get("latinLnBrk") is not None:
                        assert ppr.get("latinLnBrk") == "0" and ppr.get("eaLnBrk") == "1"


# -- a briefing, not an outline ------------------------------------------------------------------
@pytest.fixture(scope="module")
def decks(default_build, example_builds):  # type: ignore[no-untyped-def]
    """The default deck and every example recipe's deck, opened."""
    builds = {"default": default_build, **example_builds}
    return {name: (Presentation(str(b.output)), b) for name, b in builds.items()}


def _words(slide) -> set[str]:  # type: ignore[no-untyped-def]
    """Pairs of characters of what the slide says (not its title, kicker or source line)."""
    texts = []
    for shape in slide.shapes:
        if shape.name in ("Source", "Kicker", "Subtitle") or shape.name.startswith("Slide Number"):
            continue
        if shape == slide.shapes.title:
            continue
        texts += slide_texts_of(shape)
    text = re.sub(r"\s", "", "".join(texts))
    return {text[i : i + 2] for i in range(len(text) - 1)}


def slide_texts_of(shape) -> list[str]:  # type: ignore[no-untyped-def]
    found = [shape.text_frame.text] if shape.has_text_frame else []
    if getattr(shape, "has_table", False) and shape.has_table:
        found += [c.text for row in shape.table.rows for c in row.cells]
    return found


def test_no_two_neighbouring_slides_say_the_same_thing(decks) -> None:
    repeats = []
    for name, (deck, _) in decks.items():
        slides = _content(deck)
        for a, b in zip(slides, slides[1:], strict=False):
            wa, wb = _words(a), _words(b)
            if wa and wb and len(wa & wb) / min(len(wa), len(wb)) > 0.6:
                repeats.append((name, _title(a), _title(b)))

    assert repeats == []


def test_no_filler_lines(decks) -> None:
    filler = []
    for name, (deck, _) in decks.items():
        for slide in deck.slides:
            for text in slide_texts(slide):
                for line in text.split("\n"):
                    if "報告未載明" in line or "not stated" in line:
                        filler.append((name, line))
                    match = re.search(r"（([^）]{1,8})）[：:]\s*\1", line)
                    if match:
                        filler.append((name, line))

    assert filler == []


def test_the_standard_deck_uses_five_layouts_or_more(decks) -> None:
    deck, _ = decks["default"]
    layouts = {s.slide_layout.name for s in deck.slides}

    assert len(layouts) >= 5, layouts
    assert {"Key Points", "Comparison", "Recommendations"} <= layouts


def _text_height(shape, metrics) -> float:  # type: ignore[no-untyped-def]
    """The height (pt) of a text frame's paragraphs as set, by their sizes and spacing."""
    width = Emu(shape.width).pt
    height = 0.0
    for n, paragraph in enumerate(shape.text_frame.paragraphs):
        size = next((r.font.size.pt for r in paragraph.runs if r.font.size), 18.0)
        ppr = paragraph._p.pPr
        indent = Emu(int(ppr.get("marL", "0"))).pt if ppr is not None else 0.0
        lines = set_paragraph(paragraph.text, (width - indent) / size, metrics).lines
        height += len(lines) * size * 1.25 + (0.45 * size if n else 0)
    return height


def _used(slide, metrics) -> float:  # type: ignore[no-untyped-def]
    """The share of the body area (below the title, above the source line) the slide uses."""
    top, bottom = Emu(theme.BODY_BOX[1]).pt, Emu(theme.BODY_BOX[1] + theme.BODY_BOX[3]).pt
    used = top
    for shape in slide.shapes:
        shape_top = Emu(shape.top or 0).pt
        if shape.name in ("Source", "Kicker", "Subtitle") or shape_top < top - 12:
            continue
        if shape.is_placeholder and shape.has_text_frame:
            end = shape_top + _text_height(shape, metrics)
        else:
            end = shape_top + Emu(shape.height or 0).pt
        used = max(used, min(end, bottom))
    return (used - top) / (bottom - top)


def test_content_slides_fill_their_body_area(decks) -> None:
    thin = []
    total = 0
    for name, (deck, _) in decks.items():
        for slide in _content(deck):
            total += 1
            if _used(slide, ESTIMATE) < 0.5:
                thin.append((name, _title(slide)))

    assert len(thin) <= 0.15 * total, thin


def test_no_planned_paragraph_ends_with_one_or_two_characters(decks) -> None:
    from briefing import api
    from briefing.story.typeset import INDENT, pt

    short = []
    for name, (_, build) in decks.items():
        setter = api.setter_for(api.options_from_recipe(None))
        for slide in build.plan.slides:
            if slide.kind != "content":
                continue
            for n, bullet in enumerate(slide.body):
                size = slide.typeset.body
                margin = (slide.typeset.body_margins or (0.0,) * len(slide.body))[n]
                width = pt(theme.BODY_BOX[2]) / size - INDENT - margin
                if short_last_line(list(setter.paragraph(bullet.text, size, width * size).lines)):
                    short.append((name, bullet.text))

    assert short == []


def test_source_lines_stay_on_one_line(decks) -> None:
    from briefing import api

    setter = api.setter_for(api.options_from_recipe(None))
    long = [
        (name, s.source)
        for name, (_, build) in decks.items()
        for s in build.plan.slides
        if s.source and not setter.line_fits(s.source, theme.SOURCE_PT, theme.FOOTER_BOX[2])
    ]

    assert long == []


def test_the_programme_appears_once_as_the_report_writes_it(decks, report) -> None:
    for name in ("default", "full-briefing"):
        deck, build = decks[name]
        rows, described = [], []
        for slide in deck.slides:
            for shape in slide.shapes:
                table = getattr(shape, "has_table", False) and shape.has_table
                if table and shape.table.rows[0].cells[0].text == "時間":
                    rows += [[c.text for c in r.cells] for r in list(shape.table.rows)[1:]]
                if shape.name == "Chart summit-programme":
                    described.append(shape._element.nvPicPr.cNvPr.get("descr"))
        sessions = [i for i in report.agenda.items if i.type != "end"]

        assert bool(rows) + len(described) == 1 or (rows and not described), name
        if rows:  # the table: every item, its own casing (a speaker on the line under it)
            assert [r[2].split("\n")[0] for r in rows] == [i.title for i in report.agenda.items]
            speakers = [i.speaker for i in report.agenda.items if i.speaker]
            assert all(any(s in r[2] for r in rows) for s in speakers), name
        else:  # the chart: every session, its own casing, in the alt text
            assert all(i.title in described[0] for i in sessions), name


def test_the_bold_face_draws_every_bold_character_and_every_table(decks) -> None:
    """Titles, headings, key figures and table cells (a table style may make any row bold) are
    drawn by the embedded bold face: every one of their characters is in its cmap."""
    from _fontutil import load, parse_eot

    missing = {}
    for name, (_, build) in decks.items():
        with zipfile.ZipFile(build.output) as package:
            bold = load(parse_eot(package.read("ppt/fonts/font2.fntdata"))["payload"])
            cmap = set(bold.getBestCmap())
            bold.close()
            for member in package.namelist():
                if not (member.startswith("ppt/slides/slide") and member.endswith(".xml")):
                    continue
                root = etree.fromstring(package.read(member))
                for run in root.iter(f"{A}r"):
                    rpr = run.find(f"{A}rPr")
                    in_table = any(p.tag == f"{A}tc" for p in run.iterancestors())
                    if (rpr is not None and rpr.get("b") == "1") or in_table:
                        text = run.findtext(f"{A}t") or ""
                        lost = {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
                        if lost:
                            missing[(name, member)] = "".join(sorted(lost))

    assert missing == {}
