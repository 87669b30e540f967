"""What a reader sees on an imported report's deck (docs/visual-review.md): classes of defect
found by rendering every slide of the corpus decks, each checked on the deck's XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from briefing import theme
from briefing.story.typeset import justifiable

REPORTS = Path(__file__).parent / "data" / "reports"
LONG_LATIN = re.compile(r"[A-Za-z][A-Za-z.'-]{5,}")


@pytest.fixture(scope="module")
def nl_deck(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The Netherlands report (a card whose text holds "Adaptation Pathways"), imported from
    its .docx and built as the standard deck once."""
    from briefing import api

    where = tmp_path_factory.mktemp("nl")
    source = REPORTS / "nl-water-2022" / "nl-water-2022.docx"
    api.import_report(source, where / "content")
    target = where / "standard.pptx"
    options = api.options_from_recipe(
        None, report=where / "content", length="standard", output=target
    )
    api.build(options)
    return Presentation(str(target))


def test_a_long_latin_word_keeps_text_ragged() -> None:
    assert not justifiable("建議引進調適路徑（Adaptation Pathways）方法")
    assert justifiable("建議每年選派 2 至 3 名同仁參加 IHE 課程")


def _spread(deck) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(slide, text) of every justified paragraph holding a long Latin word."""
    spread = []
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                ppr = paragraph._p.pPr
                just = ppr is not None and ppr.get("algn") == "just"
                if just and LONG_LATIN.search(paragraph.text):
                    spread.append((number, paragraph.text[:30]))
    return spread


def test_the_default_deck_spreads_no_long_latin_word(default_deck) -> None:  # type: ignore[no-untyped-def]
    assert not _spread(default_deck)


@pytest.mark.slow
def test_no_justified_paragraph_spreads_a_long_latin_word(nl_deck) -> None:  # type: ignore[no-untyped-def]
    """Justified text whose line ends before a long English word leaves gaps between the
    Chinese characters (「路　徑　（　Adaptation」), on cards as in bullets."""
    assert not _spread(nl_deck)
    assert any(
        "Adaptation" in s.text_frame.text
        for sl in nl_deck.slides
        for s in sl.shapes
        if s.has_text_frame
    )


def test_no_planned_card_text_ends_with_one_or_two_characters(default_build) -> None:  # type: ignore[no-untyped-def]
    """Card text is set at its card's measure (padding and accent bar off) with the right
    margin the planner chose, so no card ends on a lone character (「擔任解／說」)."""
    from briefing import api
    from briefing.story.measure import short_last_line

    setter = api.setter_for(api.options_from_recipe(None))
    short, carded = [], 0
    for slide in default_build.plan.slides:
        ts = slide.typeset
        for n, card in enumerate(slide.cards):
            if not card.text:
                continue
            carded += 1
            margin = ts.card_margins[n]
            width = setter.card_width(ts.columns, theme.BODY_BOX) - margin * ts.cards
            if short_last_line(list(setter.paragraph(card.text, ts.cards, width).lines)):
                short.append(card.text)
    assert carded and short == []


def test_the_writer_sets_each_card_at_its_planned_margin(default_build, default_deck) -> None:  # type: ignore[no-untyped-def]
    written = []
    for planned, slide in zip(default_build.plan.slides, default_deck.slides, strict=True):
        cards = [s for s in slide.shapes if s.name.startswith("Card ") and "accent" not in s.name]
        for card, shape in zip(planned.cards, cards, strict=True):
            if card.text:
                ppr = shape.text_frame.paragraphs[1]._p.pPr
                written.append(int(ppr.get("marR", "0")))
    planned = [
        round(m * s.typeset.cards * 12700)
        for s in default_build.plan.slides
        for c, m in zip(s.cards, s.typeset.card_margins, strict=True)
        if c.text
    ]
    assert any(planned) and len(written) == len(planned)
    assert all(abs(a - b) <= 1 for a, b in zip(written, planned, strict=True))


def test_a_tile_leaves_room_for_the_gaps_between_chinese_and_digits() -> None:
    """「超過 1萬8千 人」 measured 225 pt of a 251 pt tile at 48 pt, but renderers put a
    quarter-em gap wherever Chinese meets a digit, and the unit fell under the number."""
    from briefing import api
    from briefing.options import BuildOptions
    from briefing.story.typeset import SAFETY, autospace

    setter = api.setter_for(BuildOptions())
    assert autospace("1萬8千") == 0.75 and autospace("20–30") == 0
    tile = 250.32  # three tiles across the body
    size = setter.figure_size([("1萬8千", "超過人")], tile)
    drawn = setter.bold.width("1萬8千") + autospace("1萬8千") + setter.bold.width("超過人") * 0.5
    assert size < 48 and drawn * size <= tile * SAFETY
    assert setter.figure_size([("20–30", "人")], tile) == 48


def test_the_self_check_finds_a_tile_too_narrow_for_its_gaps(default_build) -> None:  # type: ignore[no-untyped-def]
    """At 48 pt, three tiles of 「超過 1萬8千 人」 overflow once the renderers' gaps are counted."""
    import dataclasses

    from briefing import api
    from briefing.options import BuildOptions
    from briefing.selfcheck import check_plan
    from briefing.story.plan import KeyFigure, Slide, Typeset

    tile = KeyFigure("1萬8千", "人", "東京消防廳轄有職員", qualifier="超過")
    slide = Slide("figures", "數據", key_figures=(tile,) * 3, typeset=Typeset(figure=48))
    plan = dataclasses.replace(default_build.plan, slides=(default_build.plan.slides[0], slide))
    found = check_plan(plan, api.setter_for(BuildOptions()))
    assert [(f.slide, f.code) for f in found if f.code == "overflow"] == [(2, "overflow")]


def test_a_continuation_page_never_holds_one_point_alone_when_one_can_move_over() -> None:
    from briefing.story.plan import Bullet
    from briefing.story.typeset import Setter

    setter = Setter()
    point = "我國大學技術移轉單位多屬行政單位，人員流動率高，專業能力累積不易" * 2
    bullets = [Bullet(f"{n}、{point}") for n in range(1, 40)]
    box = theme.BODY_BOX
    first = len(setter.pages(bullets, box)[0])
    pages = setter.pages(bullets[: first + 1], box)  # one point more than a page holds
    assert [len(p) for p in pages] == [first - 1, 2]
    assert all(setter.block(p, box, theme.BODY_MIN_PT).fits for p in pages)
