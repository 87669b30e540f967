"""The desktop app (gui/): models, storyboard, Generate in a worker, recipes, errors.

Fixtures and helpers: tests/test_gui_fixtures.py.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

pytest.importorskip("PySide6")

from pptx import Presentation
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from test_gui_fixtures import (
    BUILD_TIMEOUT,
    INITIATIVES,
    SECTIONS,
    _private_places,
    check,
    documents,
    initiative_index,
    leftovers,
    section_index,
    select,
    settings,
    shown,
    window,
    write_recipe,
)

from briefing import api
from briefing.errors import ContentError, DeckError, RecipeError
from briefing.story.typography import normalize
from gui import errors
from gui.document import CANCEL
from gui.models import IdRole
from gui.window import MainWindow
from gui.worker import Op
from tests.conftest import slide_texts

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui
__all__ = ["_private_places", "documents", "settings", "shown", "window"]  # fixtures


# -- the report's sections ------------------------------------------------------------------
def test_section_tree_follows_the_report_numbering(window: MainWindow) -> None:
    model = window.sectionTree.model()
    report = api.load(api.options_from_recipe())

    top = [model.index(row, 0).data() for row in range(model.rowCount())]
    summit = section_index(window, "summit")
    children = [model.index(row, 0, summit).data() for row in range(model.rowCount(summit))]

    assert top == [e.heading for e in report.outline if e.level == 1]
    assert top[0] == "內容摘要" and top[1].startswith("壹、") and top[-1].startswith("陸、")
    assert children[:2] == ["一、政府組織調整", "二、數位轉型策略"]


def test_checking_a_parent_checks_its_children_and_shows_partial_state(window: MainWindow) -> None:
    model = window.sectionTree.model()
    window.sectionsPanel.selectNoneButton.click()
    summit = section_index(window, "summit")

    check(model, summit)
    all_checked = {
        model.index(r, 0, summit).data(Qt.ItemDataRole.CheckStateRole)
        for r in range(model.rowCount(summit))
    }
    check(model, section_index(window, "summit-organisation"), on=False)

    assert all_checked == {Qt.CheckState.Checked}
    assert summit.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert "summit-organisation" not in model.checked_ids()
    assert "summit-strategy-economy-e-invoice" in model.checked_ids()


def test_a_sub_section_checked_alone_leaves_its_part_partly_checked(window: MainWindow) -> None:
    model = window.sectionTree.model()
    window.sectionsPanel.selectNoneButton.click()

    check(model, section_index(window, "summit-strategy-government"))

    assert (
        section_index(window, "summit").data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.PartiallyChecked
    )
    assert model.checked_ids()[0] == "summit-strategy-government"
    assert "summit" not in model.checked_ids()
    assert model.compact_ids() == ("summit-strategy-government",)
    check(model, section_index(window, "summit-strategy-government"), on=False)
    assert model.checked_ids() == ()


# -- initiatives ----------------------------------------------------------------------------
def test_search_and_pillar_filter(window: MainWindow, qtbot: QtBot) -> None:
    view = window.initiativeList.model()
    total = view.rowCount()

    qtbot.keyClicks(window.initiativeSearch, "govtech")
    found = [view.index(r, 0).data(IdRole) for r in range(view.rowCount())]
    window.initiativeSearch.clear()
    window.pillarFilter.setCurrentIndex(window.pillarFilter.findData("digital-society"))
    pillars = {view.index(r, 0).data(IdRole) for r in range(view.rowCount())}
    report = api.load(api.options_from_recipe())

    assert found == ["govtech"]
    assert window.pillarFilter.itemText(0) == "全部" and window.pillarFilter.count() == 5
    assert pillars == {i.id for i in report.initiatives if "digital-society" in i.categories}
    assert 0 < view.rowCount() < total


def test_checked_sections_suggest_the_initiatives_they_discuss(
    window: MainWindow, qtbot: QtBot
) -> None:
    select(window, sections=("summit-strategy-government",), initiatives=())
    report = api.load(api.options_from_recipe())
    checked = set(window.sectionTree.model().checked_ids())
    expected = {i.id for i in report.initiatives if checked & set(i.sections)}
    model = window.initiativesPanel.model

    qtbot.waitUntil(lambda: set(model.suggested_ids()) == expected, timeout=2000)
    myinfo = initiative_index(window, "myinfo")
    bold = myinfo.data(Qt.ItemDataRole.FontRole)
    window.initiativesPanel.suggestButton.click()

    assert "myinfo" in expected and bold is not None and bold.bold()
    assert set(model.checked_ids()) == expected


# -- storyboard -----------------------------------------------------------------------------
def test_storyboard_follows_the_selection_without_building(
    window: MainWindow, qtbot: QtBot
) -> None:
    storyboard = window.storyboard.model()
    full = storyboard.rowCount()

    select(window)
    qtbot.waitUntil(lambda: 0 < storyboard.rowCount() < full, timeout=3000)
    titles = [storyboard.index(r).data() for r in range(storyboard.rowCount())]
    window.storyboard.setCurrentIndex(storyboard.index(2))

    assert "壹、目的" in titles
    assert any("數位政府藍圖" in t for t in titles)
    assert "govtech" in {i for s in window.storyboard.model_.plan.slides for i in s.initiatives}
    assert window.slideDetail.slide is not None
    assert window.slideDetail.slide.title == titles[2]
    assert window.slideDetail.font_family() == "Noto Sans TC"
    assert not storyboard.index(0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert window.infoBar.output is None  # planned, not built


# -- generate -------------------------------------------------------------------------------
def test_generate_writes_the_chosen_file(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    select(window)
    window.outputEdit.setText(str(target))
    report = api.load(api.options_from_recipe())

    qtbot.mouseClick(window.generateButton, Qt.MouseButton.LeftButton)
    assert window.building() and window.cancelButton.isEnabled()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    text = "\n".join(t for s in Presentation(str(target)).slides for t in slide_texts(s))
    for section_id in SECTIONS:
        assert normalize(report.entry(section_id).section.title) in text
    for initiative_id in INITIATIVES:
        assert report.initiative(initiative_id).name in text
    assert str(target) in window.infoBar.messageLabel.text()
    assert window.infoBar.isVisible() and window.infoBar.output == target
    assert window.progressBar.value() == 100
    assert window.infoBar.openButton.isEnabled()
    assert sorted(p.name for p in leftovers(tmp_path)) == ["deck.pptx"]


def test_generate_right_after_an_edit_builds_what_is_on_screen(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "edited.pptx"
    window.outputEdit.setText(str(target))
    window.refresh()  # a plan on screen …
    window.titleEdit.setText("臨時改過的標題")  # … then an edit, its refresh still pending

    qtbot.mouseClick(window.generateButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    cover = slide_texts(Presentation(str(target)).slides[0])
    assert "臨時改過的標題" in cover
    assert window.storyboard.model_.rowCount() == len(Presentation(str(target)).slides)


def test_cancel_stops_the_build_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "cancelled.pptx"
    window.outputEdit.setText(str(target))

    qtbot.mouseClick(window.generateButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert window.progressBar.format() == "已取消，未寫入任何檔案。"
    assert window.statusBar().currentMessage() == "已取消，未寫入任何檔案。"
    assert not window.infoBar.isVisible()
    assert window.generateButton.isEnabled()


def test_nothing_checked_disables_generate_with_a_message(window: MainWindow, qtbot: QtBot) -> None:
    window.sectionsPanel.selectNoneButton.click()
    window.initiativesPanel.noneButton.click()

    window.generate()  # Ctrl+G while disabled does nothing either

    assert not window.generateButton.isEnabled()
    assert not window.menus.generate.isEnabled()
    assert window.buildPanel.hintLabel.text() == "請至少勾選一個章節或一項措施。"
    assert not window.building()


def test_a_failed_build_says_so_plainly_and_unlocks_the_inputs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "deck.pptx"
    window.outputEdit.setText(str(target))
    window.generate()
    assert not window.settingsScroll.isEnabled()  # locked while it runs
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)
    window.titleEdit.setText("改過的標題")

    window._build_failed(DeckError("cannot write the deck: No space left on device", file=target))
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]

    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "無法產生簡報"
    assert boxes[0].text() == "cannot write the deck: No space left on device"
    assert "deck.pptx" in boxes[0].informativeText()
    assert window.progressBar.format() == "產生失敗，未寫入任何檔案。"
    assert window.statusBar().currentMessage() == "簡報產生失敗"
    assert not window.infoBar.isVisible()
    assert window.settingsScroll.isEnabled() and window.sectionsPanel.isEnabled()
    boxes[0].close()


# -- recipes --------------------------------------------------------------------------------
def test_a_recipe_fills_the_widgets_and_saves_back_unchanged(
    window: MainWindow, tmp_path: Path
) -> None:
    fields = {
        "title": "新加坡智慧國家考察",
        "presenter": "科長 王小明",
        "length": "brief",
        "sections": ["purpose", "summit-strategy"],
        "initiatives": ["govtech", "myinfo"],
        "output": str(tmp_path / "out" / "deck.pptx"),
    }
    recipe = write_recipe(tmp_path, **fields)

    assert window.open_recipe(recipe)
    model = window.sectionTree.model()
    assert window.titleEdit.text() == fields["title"]
    assert window.presenterEdit.text() == fields["presenter"]
    assert window.lengthChoice.value() == "brief"
    assert window.outputEdit.text() == fields["output"]
    assert (
        section_index(window, "summit-strategy-government").data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    assert (
        section_index(window, "summit").data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.PartiallyChecked
    )
    assert set(window.initiativesPanel.model.checked_ids()) == {"govtech", "myinfo"}
    assert not window.isWindowModified()
    assert "summit-strategy-economy" in model.checked_ids()

    copy = tmp_path / "copy.yaml"
    assert window.save_as(copy)
    assert yaml.safe_load(copy.read_text(encoding="utf-8")) == fields


def test_an_edited_recipe_saves_the_same_recipe_the_cli_builds(
    window: MainWindow, tmp_path: Path
) -> None:
    recipe = write_recipe(tmp_path, sections=["purpose"])
    window.open_recipe(recipe)

    window.titleEdit.setText("新標題")
    check(window.sectionTree.model(), section_index(window, "reflections-talent"))
    assert window.isWindowModified() or window.document.dirty(window.recipe_options())
    assert window.save()

    saved = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    options = api.options_from_recipe(recipe)
    assert saved == {
        "title": "新標題",
        "sections": ["purpose", "reflections-talent"],
    }
    assert api.plan(options).titles == api.plan(window.current_options()).titles
    assert not window.document.dirty(window.recipe_options())


def test_templated_fields_and_relative_paths_survive_a_save(
    window: MainWindow, tmp_path: Path
) -> None:
    report = Path(api.load(api.options_from_recipe()).folder)
    relative = os.path.relpath(report, tmp_path)
    recipe = write_recipe(
        tmp_path, title="{{ report.short_title }}簡報", report=relative, sections=["purpose"]
    )
    window.open_recipe(recipe)

    window.save_as(tmp_path / "again.yaml")
    (tmp_path / "sub").mkdir()
    window.save_as(tmp_path / "sub" / "moved.yaml")

    again = yaml.safe_load((tmp_path / "again.yaml").read_text(encoding="utf-8"))
    moved = yaml.safe_load((tmp_path / "sub" / "moved.yaml").read_text(encoding="utf-8"))
    assert again == {
        "title": "{{ report.short_title }}簡報",
        "report": relative,
        "sections": ["purpose"],
    }
    assert (tmp_path / "sub" / moved["report"]).resolve() == report.resolve()


def test_a_bad_recipe_shows_an_error_dialog_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "never.pptx"
    recipe = write_recipe(
        tmp_path, title="壞的", sections=["purpose", "summit-stratgy"], output=str(target)
    )
    before = window.current_options()

    assert not window.open_recipe(recipe)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]

    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "無法開啟簡報設定檔"
    assert "'summit-stratgy'" in boxes[0].text()
    assert "「二、數位轉型策略」" in boxes[0].text()  # the suggestion, by its title
    assert "python main.py" not in boxes[0].text()
    assert boxes[0].informativeText() == "位置：recipe.yaml 第 4 行 · 欄位「章節 2」"
    assert window.current_options() == before
    assert window.titleEdit.text() == "出席2019年智慧國家高峰會"
    boxes[0].close()
    window.outputEdit.setText(str(tmp_path / "current.pptx"))
    window.generate()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)
    assert not target.exists()
    assert (tmp_path / "current.pptx").exists()


def test_unsaved_changes_prompt_can_cancel_open(window: MainWindow, tmp_path: Path) -> None:
    other = write_recipe(tmp_path, title="另一份")
    window.titleEdit.setText("改過")
    asked: list[bool] = []
    window.document.ask_unsaved = lambda: asked.append(True) or CANCEL

    opened = window.open_recipe(other)

    assert asked == [True] and not opened
    assert window.titleEdit.text() == "改過"
    assert window.isWindowModified()


# -- errors, start-up, language, keyboard, settings -----------------------------------------
def test_show_error_speaks_plainly_where_the_cli_prints_one_line(window: MainWindow) -> None:
    exc = RecipeError(
        "unknown section id 'x'; did you mean purpose? (see: python main.py list sections)",
        file="r.yaml",
        line=3,
        field="sections[0]",
    )

    box = errors.show_error(window, exc)

    assert box is not None and box.isVisible()
    assert box.text() == "報告中沒有這個章節：'x'；您是不是要選 「壹、目的」？"
    assert box.informativeText() == "位置：r.yaml 第 3 行 · 欄位「章節 1」"
    assert errors.error_text(exc).startswith("error: r.yaml:3: sections[0]: unknown section id")
    box.close()


def test_start_up_errors_open_a_dialog_not_a_traceback(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch, shown: list
) -> None:
    def broken(_options: object) -> None:
        raise ContentError("report folder not found", file="content/")

    monkeypatch.setattr(api, "load", broken)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=20_000)

    assert [errors.error_text(e) for e in shown] == ["error: content/: report folder not found"]
    assert not win.generateButton.isEnabled()


def test_the_font_shows_its_licence_bit(window: MainWindow, qtbot: QtBot) -> None:
    assert "可安裝" in window.settingsPanel.fontInfoLabel.text()
    assert "fsType" not in window.settingsPanel.fontInfoLabel.text()  # jargon: only on request
    window.menus.details.setChecked(True)  # View ▸ Show technical details
    qtbot.waitUntil(lambda: "fsType 0x0000" in window.settingsPanel.fontInfoLabel.text())
    window.menus.details.setChecked(False)
    qtbot.waitUntil(lambda: "fsType" not in window.settingsPanel.fontInfoLabel.text())

    window.fontEdit.setText("No Such Font Family 123")
    window.settingsPanel._font_dirty = True
    window.fontEdit.editingFinished.emit()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=20_000)

    assert "這台電腦沒有安裝字型「No Such Font Family 123」" in (
        window.settingsPanel.fontInfoLabel.text()
    )
    assert window.current_options().font == "No Such Font Family 123"
    assert not window.generateButton.isEnabled()  # the reason is beside the field
    assert "字型" in window.buildPanel.hintLabel.text()


def test_date_style_toggle_maps_to_the_options(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.settingsPanel
    panel.dateStyleCombo.setCurrentIndex(panel.dateStyleCombo.findData("gregorian"))
    window.dateEdit.selectAll()
    qtbot.keyClicks(window.dateEdit, "2019-08-02")

    options = window.current_options()

    assert panel.datePreview.text() == "2019年8月2日（星期五）"  # the deck's one date style
    assert options.date_style == "gregorian"
    assert options.date is not None and options.date.isoformat() == "2019-08-02"


def test_the_interface_switches_to_english(window: MainWindow) -> None:
    window.set_ui_language("en")

    assert window.generateButton.text() == "&Generate"
    assert window.pillarFilter.itemText(0) == "All"
    assert (
        window.initiativeList.model().headerData(
            0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
        )
        == "Name"
    )
    assert window.settings.value("ui/language") == "en"
    window.set_ui_language("zh-TW")
    assert window.generateButton.text() == "產生簡報(&G)"


def test_every_control_has_a_label_or_accessible_name(window: MainWindow) -> None:
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    controls = [
        window.sectionTree,
        window.initiativeList,
        window.initiativeSearch,
        window.pillarFilter,
        window.storyboard,
        window.titleEdit,
        window.dateEdit,
        window.outputEdit,
        window.fontEdit,
        *window.lengthChoice.buttons.values(),
        window.languageCombo,
        window.chartStyleCombo,
        window.progressBar,
        window.settingsPanel.dateStyleCombo,
    ]

    unnamed = [c.objectName() for c in controls if c not in buddies and not c.accessibleName()]
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.menus.new))}

    assert unnamed == []
    assert {"Ctrl+G", "Ctrl+F", "Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S"} <= shortcuts


def test_ctrl_f_focuses_the_search(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.menus.find.trigger()
    assert window.initiativeSearch.hasFocus() or window.focusWidget() is window.initiativeSearch


def test_geometry_and_language_persist(qtbot: QtBot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(780, 560)
    first.set_ui_language("en")
    first.close()

    second = MainWindow(settings)
    qtbot.addWidget(second)

    assert (second.width(), second.height()) == (780, 560)
    assert second.generateButton.text() == "&Generate"


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    main = threading.get_ident()
    seen: dict[str, int] = {}

    def op(ctx: object) -> int:
        seen["op"] = threading.get_ident()
        ctx.progress("charts", 0.5)  # type: ignore[attr-defined]
        return 42

    results: list[int] = []
    Op(None, op).progress(lambda s, f: seen.setdefault("progress", threading.get_ident())).success(
        results.append
    ).run_in_background()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)

    assert seen["op"] != main
    assert seen["progress"] == main


def test_qt_calls_keep_references_to_none_and_true(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void Qt call and one to
    True per signal emit, aborting the app after a few thousand calls; requirements.txt pins
    6.11.3, which does not. This fails if a PySide6 with that bug is installed."""
    probe = QObject()
    none, true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        probe.setObjectName("probe")  # a Qt call that returns nothing
        probe.objectNameChanged.emit("probe")

    assert sys.getrefcount(None) >= none - 100
    assert sys.getrefcount(True) >= true - 100


def test_keyboard_toggles_checks_and_tabs_in_reading_order(
    window: MainWindow, qtbot: QtBot
) -> None:
    tree = window.sectionTree
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))

    qtbot.keyClick(tree, Qt.Key.Key_Space)
    order = []
    widget = tree
    for _ in range(12):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while (
            not widget.isEnabled()
            or widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisible()
        ):
            widget = widget.nextInFocusChain()

    assert tree.currentIndex().data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert (
        order.index("sectionTree")
        < order.index("initiativeSearch")
        < order.index("initiativeList")
        < order.index("storyboard")
        < order.index("titleEdit")
    )
