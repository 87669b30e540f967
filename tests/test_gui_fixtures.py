"""Fixtures and helpers the desktop-app tests share (imported by each tests/test_gui*.py).

Everything runs headless (QT_QPA_PLATFORM=offscreen) with pytest-qt. Every window gets a
temporary QSettings file and a temporary output folder (its "Documents/briefing"), and
QSettings' default locations point into a temporary folder, so nothing is written to the real
home; the font and chart caches go to a temporary folder too. This module holds no tests.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from gui import errors
from gui.app import use_bundled_font
from gui.document import DISCARD
from gui.models import IdRole
from gui.window import MainWindow
from gui.worker import Op

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

SECTIONS = ("purpose", "summit-strategy-government", "reflections-talent")
INITIATIVES = ("govtech", "myinfo")
BUILD_TIMEOUT = 60_000


@pytest.fixture(scope="module", autouse=True)
def _private_places(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings defaults and the caches in temporary folders, never the real home."""
    folder = tmp_path_factory.mktemp("gui-home")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        yield


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """The window's default output folder (what Documents/briefing is for a user)."""
    return tmp_path / "Documents" / "briefing"


def open_window(qtbot: QtBot, settings: QSettings, documents: Path) -> MainWindow:
    """A shown, started window whose replace prompts are answered yes and recorded in
    ``win.replace_asked``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_bundled_font(app)  # as gui.app.make_app does: Chinese in the app's own font
    win = MainWindow(settings, output_folder=documents)
    win.document.ask_unsaved = lambda: DISCARD
    win.replace_asked = []  # type: ignore[attr-defined]
    win.ask_replace = lambda path: win.replace_asked.append(path) or True  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=20_000)
    return win


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, documents: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, settings, documents)
    yield win
    win.cancel()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=BUILD_TIMEOUT)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors passed to show_error, instead of dialogs."""
    caught: list[BaseException] = []
    monkeypatch.setattr(errors, "hook", lambda _parent, exc: caught.append(exc))
    return caught


def check(model, index, on: bool = True) -> None:  # noqa: ANN001
    """What a click on a check box does: setData with Qt.CheckStateRole."""
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    assert model.setData(index, state, Qt.ItemDataRole.CheckStateRole)


def section_index(win: MainWindow, section_id: str):  # noqa: ANN201
    return win.sectionTree.model().index_of(section_id)


def initiative_index(win: MainWindow, initiative_id: str):  # noqa: ANN201
    model = win.initiativeList.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(IdRole) == initiative_id:
            return model.index(row, 0)
    raise AssertionError(f"no initiative {initiative_id} in the list")


def select(win: MainWindow, sections=SECTIONS, initiatives=INITIATIVES) -> None:  # noqa: ANN001
    """Check exactly these sections and initiatives, through the models' setData."""
    win.sectionsPanel.selectNoneButton.click()
    win.initiativesPanel.noneButton.click()
    for section_id in sections:
        check(win.sectionTree.model(), section_index(win, section_id))
    for initiative_id in initiatives:
        check(win.initiativeList.model(), initiative_index(win, initiative_id))


def write_recipe(folder: Path, name: str = "recipe.yaml", **fields: object) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix in (".part", ".pptx")]


def settle(qtbot: QtBot, win: MainWindow) -> None:
    """Let the debounced storyboard refresh run now."""
    win.refresh()
    qtbot.waitUntil(lambda: not Op.busy(), timeout=20_000)
