"""What the user gets is what they chose: the cover's fields, the date, the order and logo
settings, the lengths' counts, and what the storyboard shows (condensed sections, characters
the font lacks, the charts themselves, layout names)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from pptx import Presentation
from PySide6.QtGui import QColor, QImage
from test_gui_fixtures import (
    BUILD_TIMEOUT,
    _private_places,
    check,
    documents,
    section_index,
    select,
    settings,
    settle,
    window,
)

from briefing import api
from gui import datefield
from gui.datefield import parse_date

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from gui.window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["_private_places", "documents", "settings", "window"]  # fixtures
TODAY = dt.date.today()


def cover_texts(path: Path) -> list[str]:
    cover = Presentation(str(path)).slides[0]
    return [shape.text_frame.text for shape in cover.shapes if shape.has_text_frame]


# -- the cover ------------------------------------------------------------------------------
def test_the_presenter_is_empty_unless_typed_and_the_cover_then_has_none(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.settings.setValue("deck/presenter", "上一位 報告人")  # an old habit of prefs
    window.start_from(None)
    select(window, sections=("purpose",), initiatives=())
    window.outputEdit.setText(str(tmp_path / "deck.pptx"))

    empty = window.presenterEdit.text()
    window.generate()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)
    texts = "\n".join(cover_texts(tmp_path / "deck.pptx"))

    assert empty == ""
    assert window.current_options().presenter is None
    assert "報告人" not in texts and "上一位" not in texts
    window.presenterEdit.setText("科長 王小明")
    settle(qtbot, window)
    assert "報告人：科長 王小明" in window.storyboard.model_.slide(0).body[1].text


def test_the_title_and_subtitle_fields_hold_what_the_cover_shows(
    window: MainWindow, qtbot: QtBot
) -> None:
    plan = window.storyboard.model_.plan
    shown = (window.titleEdit.text(), window.subtitleEdit.text())

    window.languageCombo.setCurrentIndex(window.languageCombo.findData("en"))
    settle(qtbot, window)
    english = (window.titleEdit.text(), window.storyboard.model_.plan.meta.title)
    window.titleEdit.setText("我的標題")
    window.languageCombo.setCurrentIndex(window.languageCombo.findData("zh-TW"))
    settle(qtbot, window)

    assert plan is not None and shown == (plan.meta.title, plan.meta.subtitle)
    assert shown == ("出席2019年智慧國家高峰會", "出國報告簡報")
    assert english[0] == english[1] and english[0] != shown[0]  # follows the deck language
    assert window.titleEdit.text() == "我的標題"  # typed: kept
    assert window.storyboard.model_.plan.meta.title == "我的標題"
    assert window.titleEdit.placeholderText() == ""


def test_an_emptied_title_shows_the_reports_again(window: MainWindow) -> None:
    window.titleEdit.setText("")
    window.titleEdit.editingFinished.emit()

    assert window.titleEdit.text() == "出席2019年智慧國家高峰會"
    assert window.recipe_options().title is None


# -- the date -------------------------------------------------------------------------------
def test_the_date_is_today_until_one_is_chosen(window: MainWindow) -> None:
    assert window.dateEdit.text() == TODAY.isoformat()
    assert window.settingsPanel.datePreview.text().endswith("（今天）")
    assert window.current_options().date is None
    assert window.storyboard.model_.plan.meta.date == TODAY


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("2025-03-05", dt.date(2025, 3, 5)),
        ("2025/3/5", dt.date(2025, 3, 5)),
        ("114/3/5", dt.date(2025, 3, 5)),
        ("民國114年3月5日", dt.date(2025, 3, 5)),
        ("２０２５．３．５", dt.date(2025, 3, 5)),
        ("20250305", dt.date(2025, 3, 5)),
        ("2025-13-40", None),
        ("2025-02-30", None),
        ("3/5", None),
        ("", None),
    ],
)
def test_dates_are_read_as_people_write_them(typed: str, date: dt.date | None) -> None:
    assert parse_date(typed) == date


def test_a_typed_date_updates_the_printed_date_at_once(window: MainWindow, qtbot: QtBot) -> None:
    window.dateEdit.selectAll()
    qtbot.keyClicks(window.dateEdit, "114/3/5")
    live = window.settingsPanel.datePreview.text()
    window.dateEdit.editingFinished.emit()

    assert live == "中華民國114年3月5日（星期三）"
    assert window.dateEdit.text() == "2025-03-05"
    assert window.current_options().date == dt.date(2025, 3, 5)


def test_a_date_that_does_not_exist_stops_generate_with_the_reason(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.dateEdit.selectAll()
    qtbot.keyClicks(window.dateEdit, "2025-13-40")

    assert "無法辨識的日期" in window.settingsPanel.datePreview.text()
    assert not window.generateButton.isEnabled()
    assert window.buildPanel.hintLabel.text().startswith("日期：")


def test_the_calendar_opens_at_the_date_and_its_today_button_returns_to_today(
    window: MainWindow, qtbot: QtBot
) -> None:
    field = window.settingsPanel.dateField
    field.pick(dt.date(2019, 8, 2))

    field.open_calendar()
    opened = (field.calendar.isVisible(), field.calendar.selectedDate().toPython())
    field.calendar.todayButton.click()

    assert opened == (True, dt.date(2019, 8, 2))
    assert not field.calendar.isVisible()
    assert field.value() is None and window.dateEdit.text() == TODAY.isoformat()
    assert field.calendar.todayButton.text() == "今天"


def test_up_and_down_change_the_day_and_page_keys_the_month(
    window: MainWindow, qtbot: QtBot
) -> None:
    field = window.settingsPanel.dateField
    field.pick(dt.date(2025, 1, 31))

    qtbot.keyClick(window.dateEdit, datefield.Qt.Key.Key_PageUp)
    after_month = field.value()
    qtbot.keyClick(window.dateEdit, datefield.Qt.Key.Key_Up)

    assert after_month == dt.date(2025, 2, 28)
    assert field.value() == dt.date(2025, 3, 1)


# -- order, logo, length --------------------------------------------------------------------
def test_the_order_shows_what_the_deck_gets_and_is_saved_only_when_chosen(
    window: MainWindow, qtbot: QtBot
) -> None:
    choice = window.settingsPanel.structureChoice
    window.lengthChoice.buttons["brief"].click()
    settle(qtbot, window)
    shown_for_brief = choice.value()
    options = window.recipe_options()

    choice.buttons["report"].click()
    settle(qtbot, window)

    assert shown_for_brief == "findings-first"  # what a brief gets when none is chosen
    assert options.structure is None
    assert window.recipe_options().structure == "report"
    assert window.storyboard.model_.plan.structure == "report"
    assert choice.buttons["findings-first"].text() == "結論先行"


def test_a_logo_must_be_a_png_or_svg_that_exists(window: MainWindow, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1B3A5C"))
    assert image.save(str(logo))

    window.settingsPanel.logoEdit.setText(str(tmp_path / "logo.gif"))
    wrong_kind = window.buildPanel.hintLabel.text()
    window.settingsPanel.logoEdit.setText(str(tmp_path / "nowhere.png"))
    missing = window.buildPanel.hintLabel.text()
    window.settingsPanel.logoEdit.setText(str(logo))

    assert wrong_kind == "機關標誌：標誌須為 PNG 或 SVG 檔"
    assert missing.startswith("機關標誌：找不到標誌檔")
    assert window.generateButton.isEnabled()
    assert window.current_options().logo == logo


def test_each_length_shows_its_slide_count_and_minutes(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.estimates.pending(), timeout=5000)
    options = window.current_options()
    expected = {}
    for length in ("brief", "standard", "full"):
        plan = api.plan(options.replace(length=length))
        expected[length] = (len(plan.slides), plan.minutes)

    texts = {k: b.text() for k, b in window.lengthChoice.buttons.items()}

    assert texts["brief"] == f"精簡　{expected['brief'][0]} 張 · 約 {expected['brief'][1]:.0f} 分鐘"
    for length, (slides, minutes) in expected.items():
        assert f"{slides} 張 · 約 {minutes:.0f} 分鐘" in texts[length]


def test_the_storyboard_refresh_plans_only_the_length_on_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.lengthChoice.buttons["full"].click()
    planned: list[str] = []
    real_plan = api.plan

    def counting(options, report=None):  # noqa: ANN001, ANN202 - a spy around the real plan
        planned.append(options.length)
        return real_plan(options, report)

    monkeypatch.setattr(api, "plan", counting)
    check(window.sectionTree.model(), section_index(window, "purpose"), on=False)
    for _ in range(5):
        window.refresh()
    during = list(planned)
    qtbot.waitUntil(lambda: not window.estimates.pending(), timeout=5000)

    assert during == ["full"] * 5  # the other lengths wait for a pause
    assert sorted(planned[5:]) == ["brief", "standard"]  # then they are planned
    assert all(window.estimates.values().values())


# -- the storyboard -------------------------------------------------------------------------
def test_slides_with_condensed_sections_are_marked_with_their_titles(
    window: MainWindow,
) -> None:
    plan = window.storyboard.model_.plan
    assert plan is not None
    slides = list(plan.slides)
    slides[3] = dataclasses.replace(slides[3], condensed=("purpose", "process"))
    model = window.storyboard.model_
    model.set_plan(dataclasses.replace(plan, slides=tuple(slides)))
    window.storyboard.setCurrentIndex(model.index(3))

    assert model.marks(3).condensed == 2
    assert "併入本張：壹、目的、貳、過程" in model.describe(3)
    assert "併入本張：壹、目的、貳、過程" in window.detailCaption.text()
    assert model.marks(2).condensed == 0


def test_layout_names_are_in_the_interface_language(window: MainWindow) -> None:
    window.storyboard.setCurrentIndex(window.storyboard.model_.index(0))
    chinese = window.detailCaption.text()
    window.set_ui_language("en")
    english = window.detailCaption.text()
    window.set_ui_language("zh-TW")

    count = window.storyboard.model_.rowCount()
    assert chinese == f"第 1 / {count} 張 · 封面 · 版面：標題投影片"
    assert english == f"Slide 1 of {count} · Cover · layout: Title Slide"


def test_chart_slides_show_the_chart_the_build_draws(window: MainWindow, qtbot: QtBot) -> None:
    model = window.storyboard.model_
    row = next(r for r in range(model.rowCount()) if model.slide(r).chart)
    chart_id = model.slide(row).chart

    model.thumbnail(row)  # painting asks for the picture
    qtbot.waitUntil(lambda: model.marks(row).picture is not None, timeout=60_000)
    picture = model.marks(row).picture
    box = model.plan.chart_boxes[chart_id]
    png = api.chart_preview(window.current_options(), window._report, chart_id, box=box)
    drawn = QImage.fromData(png)
    thumb = model.thumbnail(row).toImage()
    colours = {thumb.pixelColor(x, y).name() for x in range(20, 170, 7) for y in range(40, 90, 5)}

    assert abs(picture.width() / picture.height() - drawn.width() / drawn.height()) < 0.01
    assert len(colours) > 4  # the chart's own colours, not a blank frame or an icon
    window.storyboard.setCurrentIndex(model.index(row))
    assert window.slideDetail._marks.picture is picture
    assert chart_id not in window.detailCaption.text()


def test_characters_the_font_lacks_show_as_the_user_types(window: MainWindow, qtbot: QtBot) -> None:
    window.presenterEdit.setText("科長 王𠀋明")
    settle(qtbot, window)
    model = window.storyboard.model_

    assert model.missing(0) == "𠀋"
    assert model.marks(0).missing == "𠀋"
    assert "U+2000B" in window.settingsPanel.fontMissingLabel.text()
    assert "第 1 張" in window.settingsPanel.fontMissingLabel.text()
    assert window.settingsPanel.fontMissingLabel.isVisible()
    window.presenterEdit.setText("科長 王小明")
    settle(qtbot, window)
    assert model.missing(0) == "" and not window.settingsPanel.fontMissingLabel.isVisible()
