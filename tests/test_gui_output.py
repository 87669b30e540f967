"""Output that cannot surprise: where decks go by default, the path checked as it is typed,
the replace prompt, the result bar that never outlives what it describes, inputs locked during
a build, and quitting mid-build."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from pptx import Presentation
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from test_gui_fixtures import (
    BUILD_TIMEOUT,
    _private_places,
    check,
    documents,
    section_index,
    settings,
    settle,
    shown,
    window,
)

from briefing import api
from briefing.errors import BuildCancelled, DeckError
from gui import window_build
from gui.strings import tr
from gui.worker import Op

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from gui.window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["_private_places", "documents", "settings", "shown", "window"]  # fixtures
ROOT = Path(__file__).resolve().parents[1]


def small(win: MainWindow, target: Path) -> None:
    """A quick deck: one initiative, written to ``target``."""
    win.sectionsPanel.selectNoneButton.click()
    win.initiativesPanel.noneButton.click()
    win.initiativeSearch.setText("myinfo")
    win.initiativesPanel.allButton.click()
    win.initiativeSearch.clear()
    win.outputEdit.setText(str(target))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> api.BuildResult:
    """One real build result, to show in the result bar."""
    target = tmp_path_factory.mktemp("built") / "deck.pptx"
    return api.build(api.options_from_recipe(initiatives=("myinfo",), output=target))


# -- where decks go -------------------------------------------------------------------------
def test_decks_go_to_documents_under_a_name_from_the_title_and_date(
    window: MainWindow, documents: Path
) -> None:
    today = dt.date.today()
    expected = api.default_output("出席2019年智慧國家高峰會", today, documents)

    first = window.outputEdit.text()
    window.titleEdit.setText("數位政府")
    window.refresh()
    renamed = documents / f"數位政府-{today.isoformat()}.pptx"

    assert first == str(expected)
    assert expected.is_absolute() and expected.parent == documents
    assert window.outputEdit.text() == str(renamed)
    assert window.settingsPanel.outputNote.text() == f"將寫入：{renamed}"
    assert window.current_options().output == renamed
    assert window.recipe_options().output is None  # a saved recipe keeps the CLI default


def test_a_typed_relative_path_is_shown_and_written_absolute(
    window: MainWindow, documents: Path
) -> None:
    window.outputEdit.setText("季報/第一季.pptx")
    window.refresh()

    assert window.current_options().output == documents / "季報" / "第一季.pptx"
    assert window.settingsPanel.outputNote.text() == f"將寫入：{documents / '季報' / '第一季.pptx'}"
    assert window.recipe_options().output == Path("季報/第一季.pptx")
    assert window.outputEdit.text() == "季報/第一季.pptx"  # the title no longer renames it


def test_saving_a_recipe_starts_in_the_documents_folder(
    window: MainWindow, documents: Path
) -> None:
    assert window.document._folder() == str(documents)


# -- the path checked as it is typed --------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("deck.ppt", "檔名須以 .pptx 結尾"),
        ("a|b.pptx", "檔名不能含有「|」"),
        ("a:b?.pptx", "檔名不能含有「:」、「?」"),
        ("CON.pptx", "「CON.pptx」是系統保留的名稱"),
        ("{folder}", "這是資料夾，請加上檔名"),
        ("{file}/deck.pptx", "不是資料夾"),
    ],
)
def test_the_output_is_checked_as_it_is_typed(
    window: MainWindow, tmp_path: Path, typed: str, reason: str
) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    text = typed.format(folder=tmp_path, file=tmp_path / "plain.txt")

    window.outputEdit.setText(text)

    assert reason in window.settingsPanel.outputNote.text()
    assert window.outputEdit.property("problem") is True
    assert not window.generateButton.isEnabled()
    assert reason in window.buildPanel.hintLabel.text()
    window.outputEdit.setText(str(tmp_path / "fine.pptx"))
    assert window.generateButton.isEnabled() and window.buildPanel.hintLabel.isHidden()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_output_folder_that_cannot_be_written_is_refused(
    window: MainWindow, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        window.outputEdit.setText(str(locked / "new" / "deck.pptx"))
        assert "無法寫入資料夾" in window.settingsPanel.outputNote.text()
        assert not window.generateButton.isEnabled()
    finally:
        locked.chmod(0o700)


def test_an_emptied_output_follows_the_title_again(window: MainWindow, documents: Path) -> None:
    window.outputEdit.setText("")
    window.outputEdit.editingFinished.emit()

    assert window.outputEdit.text().startswith(str(documents))
    assert window.settingsPanel.outputField.auto


# -- replacing a file -----------------------------------------------------------------------
def test_replacing_a_file_asks_first_and_no_keeps_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the deck from last week")
    small(window, target)
    window.ask_replace = lambda path: window.replace_asked.append(path) or False

    window.generate()

    assert window.replace_asked == [target]
    assert not window.building()
    assert target.read_bytes() == b"the deck from last week"


def test_the_replace_prompt_asks_in_the_interface_language(
    window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "deck.pptx"
    seen: list[tuple[str, list[str]]] = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(50, answer_no)
    replace = window_build.ask_replace(window, target)

    assert not replace
    assert seen[0][0] == f"檔案已存在，要取代嗎？\n{target}"
    assert sorted(seen[0][1]) == sorted(["是(&Y)", "否(&N)"])  # Qt's own words, translated


def test_a_new_file_is_written_without_asking(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "deck.pptx"
    small(window, target)

    window.generate()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    assert window.replace_asked == []
    cover = Presentation(str(target)).slides[0]
    assert cover.shapes.title.text == "出席2019年智慧國家高峰會"


# -- the result bar -------------------------------------------------------------------------
def test_the_result_bar_shows_the_absolute_path_and_its_buttons(
    window: MainWindow, built: api.BuildResult
) -> None:
    window._built(built, 1.5)

    assert window.infoBar.isVisible()
    assert str(built.output.absolute()) in window.infoBar.messageLabel.text()
    assert window.infoBar.openButton.text() == "開啟簡報(&K)"
    assert window.infoBar.folderButton.text() == "在資料夾中顯示(&W)"
    assert window.statusBar().currentMessage() == f"簡報已產生：{built.output.absolute()}"


@pytest.mark.parametrize(
    "change",
    [
        "title",
        "section",
        "length",
        "new",
        "cancelled",
        "failed",
    ],
)
def test_the_result_bar_goes_as_soon_as_the_screen_changes(
    window: MainWindow, built: api.BuildResult, shown: list, change: str
) -> None:
    window._built(built, 1.5)
    assert window.infoBar.isVisible()

    if change == "title":
        window.titleEdit.setText("別的標題")
    elif change == "section":
        check(window.sectionTree.model(), section_index(window, "purpose"), on=False)
    elif change == "length":
        window.lengthChoice.buttons["brief"].click()
    elif change == "new":
        window.start_from(None)
    elif change == "cancelled":
        window._build_failed(BuildCancelled())
    else:
        window._build_failed(DeckError("disk full", file=built.output))

    assert not window.infoBar.isVisible()
    assert window.infoBar.output is None


def test_the_result_bar_stays_through_a_language_switch(
    window: MainWindow, built: api.BuildResult
) -> None:
    """The interface's language is not the deck's: the deck written is still the one shown."""
    window._built(built, 1.5)
    window.set_ui_language("en")
    try:
        assert window.infoBar.isVisible() and window.infoBar.output is not None
        assert window.infoBar.messageLabel.text().startswith("✔ ")
        assert "已產生" not in window.infoBar.messageLabel.text()
        assert window.infoBar.openButton.text() == tr("open_deck")
    finally:
        window.set_ui_language("zh-TW")
    assert "已產生" in window.infoBar.messageLabel.text()


# -- during a build -------------------------------------------------------------------------
def test_inputs_are_locked_while_a_build_runs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    small(window, tmp_path / "deck.pptx")
    settle(qtbot, window)
    before = window.current_options()

    window.generate()
    locked = [
        not w.isEnabled()
        for w in (window.sectionsPanel, window.initiativesPanel, window.settingsScroll)
    ]
    menus = [window.menus.open.isEnabled(), window.menus.new.isEnabled()]
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    assert locked == [True, True, True]
    assert menus == [False, False]
    assert window.settingsScroll.isEnabled() and window.menus.open.isEnabled()
    assert window.current_options() == before


def test_enter_in_a_setting_generates(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    small(window, tmp_path / "deck.pptx")

    qtbot.keyClick(window.presenterEdit, Qt.Key.Key_Return)
    started = window.building()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    assert started
    assert (tmp_path / "deck.pptx").exists()


def test_closing_the_window_mid_build_cancels_it_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "deck.pptx"
    window.outputEdit.setText(str(target))  # the whole report: a long build

    window.generate()
    window.close()
    running = QThreadPool.globalInstance().activeThreadCount()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=BUILD_TIMEOUT)

    assert not window.isVisible()
    assert running == 0  # close waited for the cancelled build
    assert not window.building()
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


QUIT_MID_BUILD = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from gui import app
from gui.window import MainWindow

start = MainWindow.start

def start_and_quit(self, *args, **kwargs):
    start(self, *args, **kwargs)
    self.document.ask_unsaved = lambda: "discard"
    self.outputEdit.setText({target!r})
    self.generate()
    QTimer.singleShot(300, self.close)

MainWindow.start = start_and_quit
status = app.run(None)
print("status", status)
"""


@pytest.mark.slow  # starts the app in a process of its own and quits it mid-build
def test_quitting_during_a_build_leaves_no_traceback_on_the_terminal(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    script = QUIT_MID_BUILD.format(root=str(ROOT), target=str(target))

    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr, done.stderr
    assert "status 0" in done.stdout
    assert not target.exists()
