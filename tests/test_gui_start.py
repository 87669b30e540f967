"""Beginning and opening: the start page with the example briefings, recipes that cannot be
read (a date that does not exist, an empty file, a bad ``--recipe``), recent files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox
from test_gui_fixtures import (
    _private_places,
    documents,
    settings,
    window,
    write_recipe,
)

from briefing import api
from gui.worker import Op

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from gui.window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["_private_places", "documents", "settings", "window"]  # fixtures
ROOT = Path(__file__).resolve().parents[1]


def error_box(win: MainWindow) -> QMessageBox:
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]


# -- the start page -------------------------------------------------------------------------
def test_the_start_page_offers_the_examples_with_their_counts(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = window.show_start_page()
    qtbot.waitUntil(lambda: not any("計算中" in t for t in page.texts()), timeout=20_000)
    texts = page.texts()
    expected = []
    for stem in ("senior-brief", "full-briefing", "digital-government", "english"):
        plan = api.plan(api.options_from_recipe(ROOT / "recipes" / f"{stem}.yaml"))
        expected.append((plan.meta.title, len(plan.slides), plan.minutes))

    assert page.isVisible()
    assert texts[0].split("\n")[0] == "匯入我的出國報告…"  # one's own report comes first
    assert texts[1] == "完整報告（自行勾選）"
    assert [t.split("\n")[0] for t in texts[2:]] == [
        "長官簡報（結論先行）",
        "完整簡報",
        "數位政府專題",
        "英文簡報",
    ]
    for text, (title, slides, minutes) in zip(texts[2:], expected, strict=True):
        assert text.split("\n")[1] == f"{title} · {slides} 張投影片 · 約 {minutes:.0f} 分鐘"
    page.reject()


def test_an_example_opens_as_a_new_briefing_that_writes_to_documents(
    window: MainWindow, qtbot: QtBot, documents: Path
) -> None:
    page = window.show_start_page()
    page.list.setCurrentRow(2)  # the brief for senior officials

    page.accept()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=20_000)

    assert window.document.path is None and window.document.name == "未命名"
    assert window.titleEdit.text() == "新加坡智慧國家經驗重點報告"
    assert window.lengthChoice.value() == "brief"
    assert window.current_options().output.parent == documents
    assert set(window.initiativesPanel.model.checked_ids()) == {
        "national-digital-identity",
        "myinfo",
        "singapore-government-tech-stack",
    }
    assert "{{ today }}" in window.document.text(window.recipe_options())  # kept as written


def test_the_start_page_remembers_whether_to_show_itself(window: MainWindow) -> None:
    page = window.show_start_page()
    page.showCheck.setChecked(False)
    page.reject()

    assert window.settings.value("ui/start_page") in (False, "false")


# -- recipes that cannot be read ------------------------------------------------------------
def test_a_date_that_does_not_exist_is_a_clear_error_not_an_internal_one(
    window: MainWindow, tmp_path: Path
) -> None:
    recipe = tmp_path / "bad-date.yaml"
    recipe.write_text("title: 季報\ndate: 2025-13-40\n", encoding="utf-8")
    before = window.current_options()

    opened = window.open_recipe(recipe)
    box = error_box(window)

    assert not opened
    assert box.windowTitle() == "無法開啟簡報設定檔"
    assert box.text() == "日期「2025-13-40」不存在（月份須為 1 至 12）"
    assert box.informativeText() == "位置：bad-date.yaml 第 2 行 · 欄位「日期」"
    assert box.detailedText() == str(recipe)
    assert window.current_options() == before
    box.close()


def test_an_empty_recipe_is_reported_not_opened_as_the_whole_report(
    window: MainWindow, tmp_path: Path
) -> None:
    recipe = tmp_path / "empty.yaml"
    recipe.write_text("# nothing yet\n", encoding="utf-8")

    opened = window.open_recipe(recipe)
    box = error_box(window)

    assert not opened
    assert box.text() == "設定檔是空的：沒有任何欄位，不會開啟。"
    assert window.document.path is None
    box.close()


BAD_RECIPE_AT_START = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from gui.window import MainWindow
import main

start = MainWindow.start

def start_and_look(self, *args, **kwargs):
    start(self, *args, **kwargs)
    def look():
        boxes = [b for b in self.findChildren(QMessageBox) if b.isVisible()]
        print("window shown:", self.isVisible())
        print("slides:", self.storyboard.model_.rowCount())
        for box in boxes:
            print("dialog:", box.windowTitle(), "|", box.text(), "|", box.informativeText())
        QApplication.instance().quit()
    QTimer.singleShot(500, look)

MainWindow.start = start_and_look
code = main.main(["gui", "--recipe", {recipe!r}], gui=main.open_app)
print("exit:", code)
"""


def test_gui_with_a_bad_recipe_opens_the_window_with_the_error_shown(tmp_path: Path) -> None:
    recipe = write_recipe(tmp_path, "bad.yaml", sections=["purpose"], length="medium")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    script = BAD_RECIPE_AT_START.format(root=str(ROOT), recipe=str(recipe))

    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "window shown: True" in done.stdout
    slides = len(api.plan(api.options_from_recipe()).slides)
    assert f"slides: {slides}" in done.stdout  # the whole report, ready to use
    assert "dialog: 無法開啟簡報設定檔 | " in done.stdout
    assert "位置：bad.yaml 第 3 行 · 欄位「長度」" in done.stdout
    assert "exit: 0" in done.stdout
    assert "Traceback" not in done.stderr


# -- recent files ---------------------------------------------------------------------------
def test_recent_files_drop_entries_that_no_longer_exist(window: MainWindow, tmp_path: Path) -> None:
    kept = write_recipe(tmp_path, "kept.yaml", sections=["purpose"])
    gone = write_recipe(tmp_path, "gone.yaml", sections=["purpose"])
    window.open_recipe(gone)
    window.open_recipe(kept)
    gone.unlink()

    window.menus.update_recent()
    listed = [a.text() for a in window.menus.recent_menu.actions()]

    assert window.document.recent() == [kept.absolute()]
    assert listed == ["&1 kept.yaml"]
