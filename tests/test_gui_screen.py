"""The app on real laptops and for every user: the window fits small and scaled screens, the
whole interface speaks the chosen language (Qt's own words too), mnemonics and accessible
names are clean, the keyboard reaches everything, and builds are announced."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)
from test_gui_fixtures import (
    BUILD_TIMEOUT,
    _private_places,
    documents,
    open_window,
    settings,
    window,
)

from gui import i18n, window_build
from gui.fields import dialog_start
from gui.models import IdRole
from gui.window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui
__all__ = ["_private_places", "documents", "settings", "window"]  # fixtures
INPUTS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QPlainTextEdit, QProgressBar)


# -- small and scaled screens ---------------------------------------------------------------
def test_the_window_fits_a_1366_by_768_laptop_at_150_percent_and_more(window: MainWindow) -> None:
    hint, minimum = window.minimumSizeHint(), window.minimumSize()

    assert minimum.width() <= 1000 and minimum.height() <= 600
    # 1600x1000 at 200 %: 800x500 logical pixels, a title bar and a panel included
    assert max(hint.width(), minimum.width()) <= 780
    assert max(hint.height(), minimum.height()) <= 460
    assert window.settingsScroll.widget() is window.settingsPanel
    assert window.settingsScroll.widgetResizable()


def test_a_window_saved_off_screen_comes_back_on_a_screen(
    qtbot: QtBot, settings: QSettings, documents: Path
) -> None:
    first = MainWindow(settings, output_folder=documents)
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.move(6000, 4000)  # a monitor that is gone
    first.close()

    second = MainWindow(settings, output_folder=documents)
    qtbot.addWidget(second)
    second.show()
    area = QGuiApplication.primaryScreen().availableGeometry()

    assert area.contains(second.frameGeometry().topLeft())
    assert second.width() <= area.width() and second.height() <= area.height()


# -- the interface language -----------------------------------------------------------------
def test_qt_speaks_the_interface_language_and_switches_with_it(window: MainWindow) -> None:
    chinese = QCoreApplication.translate("QPlatformTheme", "Cancel")
    menu = window.titleEdit.createStandardContextMenu()
    menu_texts = [a.text() for a in menu.actions() if a.text()]
    window.set_ui_language("en")
    english = QCoreApplication.translate("QPlatformTheme", "Cancel")
    installed_en = i18n.installed()
    window.set_ui_language("zh-TW")

    assert i18n.installed() is not None
    assert chinese == "取消" and english == "Cancel"
    assert installed_en is None
    assert any(text.startswith("複製") for text in menu_texts)
    assert window.locale().name() == "zh_TW"


def test_file_dialogs_speak_chinese_even_where_qts_file_has_gaps(window: MainWindow) -> None:
    dialog = QFileDialog(window, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    folder = QCoreApplication.translate("QFileSystemModel", "Folder", "All other platforms")

    assert labels == ["尋找於(&L)：", "檔名(&N)：", "檔案類型(&T)："]
    assert folder == "資料夾"
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "儲存"  # Qt's own still


def test_file_dialogs_open_in_the_users_folder_never_the_programs(
    window: MainWindow, documents: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "gone" / "deck.pptx"

    start = dialog_start(missing, documents)

    assert start == str(documents / "deck.pptx")
    assert documents.is_dir()  # made for the file about to be saved there
    assert dialog_start(tmp_path / "deck.pptx", documents) == str(tmp_path / "deck.pptx")
    assert Path(window.document._folder()) == documents


def mnemonic_texts(win: MainWindow) -> list[str]:
    """The texts that carry a window-wide mnemonic: labels with buddies, buttons, group
    boxes and the menu bar."""
    texts = [label.text() for label in win.findChildren(QLabel) if label.buddy()]
    texts += [b.text() for b in win.findChildren(QPushButton) if b.isVisibleTo(win)]
    texts += [g.title() for g in win.findChildren(QGroupBox)]
    texts += [a.text() for a in win.menuBar().actions()]
    return [t for t in texts if "&" in t.replace("&&", "")]


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_mnemonics_are_unique_and_in_the_languages_own_style(window: MainWindow, lang: str) -> None:
    window.set_ui_language(lang)
    texts = mnemonic_texts(window)
    letters = [re.search(r"&(\w)", t).group(1).upper() for t in texts]
    window.set_ui_language("zh-TW")

    assert len(letters) == len(set(letters)), sorted(zip(letters, texts, strict=True))
    if lang == "en":
        assert not [t for t in texts if "(&" in t]
    else:
        assert all(re.search(r"\(&\w\)", t) for t in texts), texts


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says (Qt's accessible interface, as AT-SPI reads it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_every_input_has_an_accessible_name_without_mnemonic_markers(
    window: MainWindow, lang: str
) -> None:
    window.set_ui_language(lang)
    inputs = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, INPUTS) and not isinstance(w, QHeaderView)
    ]
    names = {w: spoken_name(w) for w in inputs if w.isVisibleTo(window)}
    unnamed = [w.objectName() or type(w).__name__ for w, name in names.items() if not name]
    marked = [name for name in names.values() if "&" in name]
    window.set_ui_language("zh-TW")

    assert unnamed == []
    assert marked == []
    assert window.outputEdit.accessibleName() in ("輸出檔", "Output file")
    assert window.fontEdit.accessibleName() in ("字型", "Font")


# -- the keyboard ---------------------------------------------------------------------------
def test_alt_d_goes_to_the_date(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.titleEdit.setFocus()

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)

    assert QGuiApplication.focusObject() is window.dateEdit


def test_after_filtering_the_first_initiative_is_current_and_space_ticks_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.initiativesPanel.noneButton.click()
    window.initiativeSearch.setFocus()

    qtbot.keyClicks(window.initiativeSearch, "myinfo")
    qtbot.keyClick(window.initiativeSearch, Qt.Key.Key_Down)
    current = window.initiativeList.currentIndex()
    qtbot.keyClick(window.initiativeList, Qt.Key.Key_Space)

    assert window.initiativeList.hasFocus()
    assert current.data(IdRole) == "myinfo"
    assert window.initiativesPanel.model.checked_ids() == ("myinfo",)


def test_the_focus_ring_follows_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.presenterEdit.setFocus()
    qtbot.waitUntil(lambda: window.focusRing.target is window.presenterEdit, timeout=2000)
    ring = window.focusRing.geometry()
    field = window.presenterEdit.rect().translated(window.presenterEdit.mapTo(window, QPoint()))

    assert window.focusRing.isVisible()
    assert ring.contains(field)
    assert ring.width() - field.width() <= 8
    window.generateButton.setFocus()
    qtbot.waitUntil(lambda: window.focusRing.target is window.generateButton, timeout=2000)


# -- announcements --------------------------------------------------------------------------
def test_a_finished_build_is_announced(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    real = window_build.announce

    def listening(widget, text: str) -> None:  # noqa: ANN001 - a spy around the real call
        said.append(text)
        real(widget, text)

    monkeypatch.setattr(window_build, "announce", listening)
    window.sectionsPanel.selectNoneButton.click()
    window.initiativesPanel.noneButton.click()
    window.initiativeSearch.setText("myinfo")
    window.initiativesPanel.allButton.click()
    window.outputEdit.setText(str(tmp_path / "deck.pptx"))

    window.generate()
    qtbot.waitUntil(lambda: not window.building(), timeout=BUILD_TIMEOUT)

    assert said == [f"簡報已產生：{tmp_path / 'deck.pptx'}"]
    assert window.statusBar().currentMessage() == said[0]


def test_a_second_window_starts_in_the_remembered_language(
    qtbot: QtBot, settings: QSettings, documents: Path
) -> None:
    settings.setValue("ui/language", "en")
    win = open_window(qtbot, settings, documents)

    assert win.generateButton.text() == "&Generate"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    win.set_ui_language("zh-TW")
