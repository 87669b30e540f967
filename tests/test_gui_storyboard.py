"""The storyboard draws every kind of slide with its real content (text at the deck's size in
its font, tables, timelines, tiles, cards, quotes, photos), marks text that overflows its box,
and marks the deck self-check's findings on the slide they concern."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from briefing.api import theme
from briefing.story.plan import (
    Bullet,
    Card,
    DeckMeta,
    DeckPlan,
    Event,
    KeyFigure,
    Picture,
    Quote,
    Slide,
    Table,
    Typeset,
)
from gui.app import use_bundled_font
from gui.painting import TITLE_BOXES, Marks, draw_slide
from gui.slidedraw import deck_findings, slide_pictures
from gui.storyboard import SlideModel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

W, H = 640, 360
LONG = "數位身分與資料交換平臺之推動經驗，可供我國參考並分階段規劃辦理"
BULLETS = tuple(Bullet(f"{n} 項：{LONG}") for n in range(4))
CARDS = tuple(Card(f"重點 {n}", LONG[: 12 + n]) for n in range(4))
FIGURES = (
    KeyFigure("500", "家", "採用電子支付的商店"),
    KeyFigure("25", "萬人", "行動身分使用者", qualifier="約"),
)
EVENTS = (Event("9月4日", "拜會經濟事務暨通訊部"), Event("9月5日", "參訪電子居民計畫辦公室"))
TABLE = Table(("項目", "重點"), (("數位身分", LONG), ("資料交換", LONG[:10])), (0.3, 0.7))


@pytest.fixture(scope="module")
def family() -> str:
    app = QApplication.instance() or QApplication([])
    found = use_bundled_font(app)  # type: ignore[arg-type]
    assert found
    return found


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("photos") / "visit.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2E7D32"))
    image.save(str(path))
    return path


def kinds(photo: Path) -> dict[str, Slide]:
    """One slide of every kind, with content."""
    head = {"title": "考察內容", "kicker": "參、考察過程", "source": "資料來源：報告 第三章"}
    return {
        "cover": Slide(
            "cover",
            "赴愛沙尼亞及芬蘭考察數位政府服務",
            subtitle="出國報告",
            body=(Bullet("數位發展部"),),
        ),
        "agenda": Slide(
            "agenda", "簡報大綱", body=tuple(Bullet(t) for t in ("目的", "過程", "建議"))
        ),
        "overview": Slide("overview", **head, key_figures=FIGURES),
        "divider": Slide("divider", "參、考察內容", body=(Bullet(LONG),)),
        "content": Slide("content", **head, body=BULLETS),
        "points": Slide("points", **head, cards=CARDS),
        "columns": Slide(
            "columns", **head, body=BULLETS[:2], right=(Bullet("右欄", heading=True), Bullet(LONG))
        ),
        "figures": Slide("figures", **head, key_figures=FIGURES, body=(Bullet(LONG),)),
        "comparison": Slide("comparison", **head, body=(Bullet("兩國比較"),), table=TABLE),
        "timeline": Slide("timeline", **head, events=EVENTS),
        "recommendations": Slide(
            "recommendations",
            **head,
            cards=tuple(dataclasses.replace(c, number=str(n)) for n, c in enumerate(CARDS, 1)),
        ),
        "quote": Slide("quote", **head, quote=Quote(LONG, "該部官員")),
        "initiative": Slide("initiative", **head, body=BULLETS[:2], right=(Bullet(LONG),)),
        "chart": Slide("chart", **head, chart="spend"),
        "table": Slide("table", **head, table=TABLE),
        "closing": Slide("closing", "簡報結束　敬請指教", subtitle="數位發展部"),
        "sources": Slide("sources", "資料來源", body=(Bullet(LONG),)),
        "photos": Slide(
            "content", **head, pictures=(Picture(str(photo), "塔林市政府", "市政府", "參"),)
        ),
    }


def render(
    slide: Slide, family: str, marks: Marks | None = None, size: tuple[int, int] = (W, H)
) -> tuple[QImage, bool]:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    over = draw_slide(painter, QRectF(0, 0, *size), slide, 3, family, detail=True, marks=marks)
    painter.end()
    return image, over


def ink(image: QImage, box: tuple[int, int, int, int]) -> int:
    """Pixels in the deck box ``box`` (EMU) that are not the white background."""
    scale = image.width() / theme.SLIDE_WIDTH
    x, y, w, h = (round(v * scale) for v in box)
    white = QColor("white").rgb()
    return sum(
        1
        for px in range(x, min(x + w, image.width()), 2)
        for py in range(y, min(y + h, image.height()), 2)
        if image.pixel(px, py) != white
    )


def test_every_kind_draws_its_content_in_the_body(family: str, photo: Path) -> None:
    chart = QImage(400, 225, QImage.Format.Format_RGB32)
    chart.fill(QColor("#E8833A"))
    for name, slide in kinds(photo).items():
        marks = Marks(picture=chart) if slide.chart else None
        image, _over = render(slide, family, marks)
        box = TITLE_BOXES[slide.kind][1] if slide.kind in TITLE_BOXES else theme.BODY_BOX
        bare = dataclasses.replace(Slide(slide.kind, slide.title), kicker=slide.kicker)
        blank, _ = render(bare, family, Marks())
        drawn, before = ink(image, box), ink(blank, box)
        assert drawn > before + 40, f"{name}: {drawn} inked pixels, {before} without content"


def test_text_is_drawn_at_the_decks_size(family: str) -> None:
    """A 24 pt body line is as tall on the card as 24 pt is on a 13.33-inch slide."""
    slide = Slide(
        "content", "標題", body=(Bullet("國國國國國國國國國國"),), typeset=Typeset(body=24)
    )
    image, _ = render(slide, family)
    scale = W / theme.SLIDE_WIDTH
    x, y, w, h = theme.BODY_BOX
    rows = [
        py
        for py in range(round(y * scale), round((y + h) * scale))
        if any(
            image.pixel(px, py) != QColor("white").rgb()
            for px in range(round(x * scale) + 40, round((x + w) * scale))
        )
    ]
    expected = 24 * 12700 * scale  # the em at 24 pt, in pixels
    assert rows and 0.75 * expected < (rows[-1] - rows[0]) < 1.1 * expected


def test_overflow_is_marked_where_the_deck_would_overflow(family: str) -> None:
    fits = Slide("content", "標題", body=BULLETS[:3])
    spills = Slide("content", "標題", body=tuple(Bullet(LONG * 2) for _ in range(9)))
    cover = Slide("cover", "出席" + "國際數位政府與智慧城市發展論壇暨雙邊合作會議" * 7)
    assert render(fits, family)[1] is False
    assert render(spills, family)[1] is True
    assert render(cover, family)[1] is True  # a title far too long for the cover


def test_findings_are_marked_on_their_slide_and_said(family: str, qtbot: QtBot) -> None:
    """The real self-check finds the empty card on slide 2; the storyboard marks that slide
    and says the finding in the interface language."""
    import datetime as dt

    meta = DeckMeta("t", "", "", "", dt.date(2024, 1, 1), "", "zh-TW", "")
    plain_slide = Slide("content", "標題", body=(Bullet("一點"),))
    empty_card = Slide("points", "重點", cards=(CARDS[0], Card("", "")))
    plan = DeckPlan(meta, (plain_slide, empty_card))
    by_slide = deck_findings(plan, "zh-TW")
    assert set(by_slide) == {2}
    assert any("空白卡片" in text for text in by_slide[2])
    assert any("empty card" in text for text in deck_findings(plan, "en")[2])
    plain, _ = render(empty_card, family)
    marked, _ = render(empty_card, family, Marks(findings=by_slide[2]))
    assert plain != marked
    model = SlideModel()
    model.set_plan(plan)
    model.set_findings(by_slide)
    assert "空白卡片" in model.describe(1) and "空白卡片" not in model.describe(0)


def test_photo_slides_give_their_pictures(photo: Path) -> None:
    assert slide_pictures(Slide("content", "x")) == ()
    slide = kinds(photo)["photos"]
    assert slide_pictures(slide) == ((str(photo), "塔林市政府"),)
