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
