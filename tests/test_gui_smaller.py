"""The smaller points of issue 20, each as a class: the cover's title, no silent fallback,
ROC dates in recipes, hints during a build, failed opens, the window's place, default names
cut at a word, words instead of jargon, and the examples' minutes."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMessageBox
from test_gui_fixtures import settle, write_recipe

from briefing import api
from briefing.errors import RecipeError
from briefing.story.plan import LAYOUTS
from gui import errors, prefs, strings
from gui.models import IdRole
from gui.strings import STRINGS, layout_label, tr
from gui.window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

pytest_plugins = ["test_gui_fixtures"]  # window, documents, shown, settings
ROOT = Path(__file__).resolve().parents[1]


def test_a_title_the_cover_cannot_hold_is_warned(window: MainWindow, qtbot: QtBot) -> None:
    note = window.settingsPanel.titleNote
    assert not note.isVisible()
    window.titleEdit.setText("出席國際數位政府與智慧城市發展論壇暨雙邊合作會議之考察" * 4)
    settle(qtbot, window)
    assert note.isVisible() and "封面放不下" in note.text()
    assert "封面放不下" in window.titleEdit.accessibleDescription()
    window.titleEdit.setText("出席2019年智慧國家高峰會")
    settle(qtbot, window)
    assert not note.isVisible()


def test_an_emptied_title_says_the_reports_is_used(window: MainWindow, qtbot: QtBot) -> None:
    window.titleEdit.setText("")
    window.titleEdit.editingFinished.emit()
    note = window.settingsPanel.titleNote
    assert note.isVisible()
    assert note.text() == f"標題空白時使用報告標題：{window.titleEdit.text()}"
    window.titleEdit.setText("新標題")  # typing again: the note goes
    assert not note.isVisible()


@pytest.mark.parametrize("written", ["民國113年9月4日", "113年9月4日", "113/09/04", "2024-09-04"])
def test_an_roc_date_in_a_recipe_is_accepted(tmp_path: Path, written: str) -> None:
    recipe = write_recipe(tmp_path, date=written)
    assert api.options_from_recipe(recipe).date == dt.date(2024, 9, 4)


def test_a_date_that_is_not_one_is_said_in_chinese(tmp_path: Path) -> None:
    recipe = write_recipe(tmp_path, date="113年2月30日")
    with pytest.raises(RecipeError) as caught:
        api.options_from_recipe(recipe)
    said = errors.plain_message(caught.value)
    assert said.startswith("「113年2月30日」不是日期") and "民國" in said
    assert not re.search(r"[A-Za-z]{4,}", said)  # no English left in it


def _darkest(edit: QLineEdit) -> int:
    image = edit.grab().toImage()
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(6, image.width() - 30)
        for y in range(4, image.height() - 4)
    )


def test_hints_stay_lighter_than_values_while_a_build_locks_the_form(window: MainWindow) -> None:
    window._lock(True)  # what Generate does while the build runs
    try:
        assert not window.presenterEdit.isEnabled()
        hint = window.presenterEdit  # empty: its placeholder shows
        value = window.titleEdit  # the report's title, a value
        assert not hint.text() and hint.placeholderText()
        assert _darkest(hint) > _darkest(value)
    finally:
        window._lock(False)


def test_a_deck_the_system_cannot_open_is_said(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK")
    bar = window.infoBar
    bar.opener = lambda _path: False  # no program for .pptx on this system
    bar._output = deck
    bar.open_deck()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    boxes += window.findChildren(QMessageBox, "openFailedBox")
    shown = [b for b in boxes if b.isVisible()]
    assert shown and "無法開啟" in shown[-1].text() and str(deck) in shown[-1].text()
    assert "無法開啟" in window.statusBar().currentMessage()
    for box in shown:
        box.close()
    opened: list[Path] = []
    bar.opener = lambda path: opened.append(path) or True
    bar.show_folder()
    assert opened == [tmp_path]


def test_the_window_comes_back_inside_the_screen_and_does_not_creep(
    qtbot: QtBot, settings: QSettings
) -> None:
    """What the window does on closing and opening (gui.prefs), on a plain main window."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    settings.setValue("window/rect", QRect(area.right() + 900, area.bottom() + 700, 1200, 800))

    def reopen() -> QMainWindow:
        window = QMainWindow()
        window.setMinimumSize(*prefs.MIN_SIZE)
        qtbot.addWidget(window)
        prefs.restore_geometry(window, settings, ())
        window.show()
        prefs.save_geometry(window, settings, ())
        window.close()
        return window

    first = reopen()
    assert area.contains(first.geometry())  # saved off the screen, back on it
    places = [reopen().geometry() for _ in range(3)]
    assert places[0] == places[1] == places[2]  # the same place each time, no creeping


def test_default_names_are_cut_where_a_word_ends() -> None:
    title = "赴愛沙尼亞及芬蘭考察數位政府服務暨參加二〇二三年歐洲數位身分與跨境資料交換國際研討會"
    name = api.default_output(title, dt.date(2023, 11, 20)).name
    assert name == "赴愛沙尼亞及芬蘭考察數位政府服務暨參加二〇二三年歐洲數位身分-2023-11-20.pptx"
    assert api.default_output("長" * 100, dt.date(2023, 11, 20)).name.startswith("長" * 40 + "-")


def test_every_layout_has_a_chinese_name() -> None:
    strings.set_language("zh-TW")
    for layout in set(LAYOUTS.values()):
        assert not re.search(r"[A-Za-z]", layout_label(layout)), layout


def test_section_ids_show_only_with_the_details_toggle(window: MainWindow) -> None:
    index = window.sectionTree.model().index(1, 0)
    section_id = index.data(IdRole)
    assert section_id not in str(index.data(Qt.ItemDataRole.ToolTipRole))
    window.menus.details.setChecked(True)
    try:
        assert section_id in str(index.data(Qt.ItemDataRole.ToolTipRole))
    finally:
        window.menus.details.setChecked(False)


def test_the_examples_minutes_agree_with_their_plans() -> None:
    strings.set_language("zh-TW")
    for recipe in api.examples():
        plan = api.plan(api.options_from_recipe(recipe))
        key = f"example_{recipe.stem}"
        said = " ".join([STRINGS[key][0] if key in STRINGS else "", plan.meta.subtitle])
        for minutes in re.findall(r"(\d+)\s*分鐘", said):
            assert int(minutes) == round(plan.minutes), (recipe.name, said, plan.minutes)
    assert tr("example_senior-brief") == "長官簡報（結論先行）"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xdg-open is the Linux opener")
def test_an_opener_that_finds_no_program_is_said_too(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt reports success once xdg-open starts; its exit status is what tells."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "xdg-open"
    fake.write_text("#!/bin/sh\necho 'xdg-open: no method available' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK")
    window.infoBar._output = deck
    window.infoBar.open_deck()
    qtbot.waitUntil(lambda: "無法開啟" in window.statusBar().currentMessage(), timeout=10_000)
    boxes = window.findChildren(QMessageBox, "openFailedBox")
    assert any(b.isVisible() and str(deck) in b.text() for b in boxes)
    for box in boxes:
        box.close()


def test_the_file_dialogs_type_column_says_folder_in_chinese(
    window: MainWindow, tmp_path: Path
) -> None:
    """What the dialog's 型態 column shows comes from the icon provider, not the model."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    provider = QFileIconProvider()
    (tmp_path / "report.docx").write_bytes(b"")
    assert provider.type(QFileInfo(str(tmp_path))) == "資料夾"
    assert "File" not in provider.type(QFileInfo(str(tmp_path / "report.docx")))
