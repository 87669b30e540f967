"""Where a deck's lines break (docs/visual-review.md, round 3): an itinerary's dates, titles
and card text, checked on the plan the deck writer draws."""

from __future__ import annotations

import pytest

from briefing import theme


@pytest.fixture(scope="module")
def setter():  # type: ignore[no-untyped-def]
    from briefing import api
    from briefing.options import BuildOptions

    return api.setter_for(BuildOptions())


def _long_itinerary() -> tuple[str, ...]:
    """An invented ten-day trip, stops of uneven length (a short last page would set larger)."""
    rows = []
    for day in range(11, 21):
        when = f"中華民國 113 年 5 月 {day} 日（星期{'一二三四五六日'[day % 7]}）"
        long = "拜會巴伐利亞邦經濟部技職教育司並參觀所屬職業訓練中心之雙軌制訓練工廠"
        title = long if day < 16 else "參訪訓練中心"
        rows.append((when, f"{title}\n柏林—慕尼黑"))
    return tuple(rows)


def test_every_page_of_an_itinerary_table_has_one_size_and_dates_on_one_line(setter) -> None:  # type: ignore[no-untyped-def]
    """de-vocational 貳 (續): the shorter continuation page picked a larger size and its date
    column, capped at a quarter of the box, wrapped every date (「（星期／五）」)."""
    from briefing.story.itinerary import table_pages
    from briefing.story.plan import Table
    from briefing.story.typeset import CELL_PAD, pt

    table = Table(("時間", "項目／地點"), _long_itinerary(), unbroken=(0,))
    box = theme.VISUAL_BOX
    pages = table_pages(table, setter, box, 6)
    assert len(pages) > 1
    planned = [setter.table(p, box) for p in pages]
    assert len({size for size, _ in planned}) == 1
    assert len({widths for _, widths in planned}) == 1
    size, widths = planned[0]
    column = pt(box[2]) * widths[0] - 2 * CELL_PAD * 72
    for page in pages:
        for row in page.rows:
            assert len(setter.paragraph(row[0], size, column).lines) == 1, row[0]


def _lone_last(setter, size: float, width: float) -> str:  # type: ignore[no-untyped-def]
    """An invented title that, set bold at ``size`` in ``width`` pt, ends on one character."""
    from briefing.story.measure import wrap
    from briefing.story.typeset import SAFETY

    words = "赴北歐考察離岸風電與智慧電網產業發展及人才培育交流合作參訪報告"
    for end in range(8, len(words) + 1):
        lines = wrap(words[:end], width * SAFETY / size, setter.bold)  # as without a margin
        if len(lines) > 1 and len(lines[-1]) == 1:
            return words[:end]
    raise AssertionError("no length of the phrase ends on one character")


def test_a_cover_title_of_two_lines_never_ends_on_one_character(setter, default_build) -> None:  # type: ignore[no-untyped-def]
    """il-startup 封面 「…參訪報／告」: the cover title gets a right margin that takes a few
    characters down with the last, and the writer sets it."""
    import dataclasses

    from briefing.deck.builder import build_presentation
    from briefing.story.breaks import big_title
    from briefing.story.measure import letters
    from briefing.story.typeset import SAFETY, pt

    width = pt(theme.COVER_TITLE_BOX[2])
    title = _lone_last(setter, theme.COVER_TITLE_PT, width)
    cover = dataclasses.replace(default_build.plan.slides[0], title=title)
    assert cover.kind == "cover"
    margin = big_title(setter, cover).typeset.title_margin
    narrower = width * SAFETY - margin * theme.COVER_TITLE_PT
    lines = setter.paragraph(title, theme.COVER_TITLE_PT, narrower, bold=True).lines
    assert margin > 0 and letters(lines[-1]) >= 3
    plan = dataclasses.replace(default_build.plan, slides=(big_title(setter, cover),))
    deck = build_presentation(plan, {}, "Noto Sans TC")
    title_shape = deck.slides[0].shapes.title
    ppr = title_shape.text_frame.paragraphs[0]._p.pPr
    assert int(ppr.get("marR")) == round(margin * theme.COVER_TITLE_PT * 12700)


def test_a_card_heading_of_two_lines_never_ends_on_one_character(setter) -> None:  # type: ignore[no-untyped-def]
    """de-vocational 肆 card 二 「訓練師制度心／得」."""
    from briefing.story.breaks import heading_margins
    from briefing.story.measure import letters
    from briefing.story.plan import Card

    size, width = 20.0, setter.card_width(3, theme.BODY_BOX)
    heading = _lone_last(setter, size * 1.1, width - setter.bold.width("二　") * size * 1.1)
    (margin,) = heading_margins(setter, [Card(heading, "", number="二")], width, size)
    assert margin > 0
    from briefing.story.typeset import SAFETY

    narrower = (width - setter.bold.width("二　") * size * 1.1) * SAFETY - margin * size * 1.1
    lines = setter.paragraph(heading, size * 1.1, narrower, bold=True).lines
    assert letters(lines[-1]) >= 3


def test_a_card_keeps_room_for_a_hanging_comma_and_never_spreads_a_line(setter) -> None:  # type: ignore[no-untyped-def]
    """de-vocational 伍 cards 二 and 四: a 「，」 at a line's end was drawn past the card's edge;
    card 一's line before 「助， 108 年」 was spread 「成 效 良 好 …」."""
    from briefing.story.plan import Card
    from briefing.story.typeset import HANG

    text = "建議參考德國制度，研訂企業訓練師培訓課程及認證機制，短期先於本署各分署辦理試辦班"
    cards = [Card("建立認證制度", text), Card("補助", "提高成效良好之單位補助，108年度起實施")]
    margins = setter.card_margins(cards, 2, theme.BODY_BOX, 22)
    assert all(m >= HANG for m in margins)
    assert setter.card_even(cards, 2, theme.BODY_BOX, 22) == (True, False)


def test_an_itinerary_never_breaks_a_place_name(setter) -> None:  # type: ignore[no-untyped-def]
    """il-startup 行程 「臺北—香港—特／拉維夫」: the place column is at least as wide as its
    longest name, so a route breaks only after a dash."""
    from briefing.story.plan import Table
    from briefing.story.typeset import CELL_PAD, pt

    rows = tuple(
        (f"中華民國 105 年 11 月 {d} 日", "參訪新創聚落及加速器並與創投業者座談" * 6, place)
        for d, place in ((6, "臺北—香港—本古里昂國際機場"), (7, "耶路撒冷"), (8, "海法"))
    )
    table = Table(("時間", "項目", "地點"), rows, unbroken=(0, 2))
    size, widths = setter.table(table, theme.VISUAL_BOX)
    column = pt(theme.VISUAL_BOX[2]) * widths[2] - 2 * CELL_PAD * 72
    assert setter.regular.width("本古里昂國際機場") * size <= column
