"""The menu bar and its shortcuts: File (New Ctrl+N: the start page, Open Ctrl+O, recent, Save
Ctrl+S, Save As Ctrl+Shift+S, Generate Ctrl+G, Quit), View (interface language, Find Ctrl+F,
expand/collapse) and Help."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from gui import strings
from gui.strings import LANGUAGE_NAMES, LANGUAGES, tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from gui.window import MainWindow


class Menus:
    """Builds the window's menus and keeps their texts translated."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file_menu: QMenu = bar.addMenu("")
        self.view_menu: QMenu = bar.addMenu("")
        self.help_menu: QMenu = bar.addMenu("")
        w = window
        keys = QKeySequence.StandardKey
        self.new = self._action(self.file_menu, lambda: w.show_start_page(), keys.New)
        self.open = self._action(self.file_menu, lambda: w.open_recipe(), keys.Open)
        self.recent_menu: QMenu = self.file_menu.addMenu("")
        self.import_report = self._action(self.file_menu, lambda: w.import_report(), "Ctrl+I")
        self.review = self._action(self.file_menu, lambda: w.review_drafts())
        self.file_menu.addSeparator()
        self.save = self._action(self.file_menu, w.save, keys.Save)
        self.save_as = self._action(self.file_menu, lambda: w.save_as(), "Ctrl+Shift+S")
        self.file_menu.addSeparator()
        self.generate = self._action(self.file_menu, w.generate, "Ctrl+G")
        self.file_menu.addSeparator()
        self.quit = self._action(self.file_menu, w.close, "Ctrl+Q")
        self.language_menu: QMenu = self.view_menu.addMenu("")
        self.languages = QActionGroup(window)
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], window, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _checked=False, lang=lang: w.set_ui_language(lang))
            self.languages.addAction(action)
            self.language_menu.addAction(action)
        self.details = QAction(window, checkable=True)
        self.details.setChecked(strings.details())
        self.details.toggled.connect(w.set_details)
        self.view_menu.addAction(self.details)
        self.view_menu.addSeparator()
        self.find = self._action(self.view_menu, self.focus_search, keys.Find)
        self.expand = self._action(self.view_menu, w.sectionTree.expandAll)
        self.collapse = self._action(self.view_menu, w.sectionTree.collapseAll)
        self.about = self._action(self.help_menu, self.show_about)
        self.update_recent()

    def _action(
        self,
        menu: QMenu,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Every menu text in the current interface language."""
        for menu, key in (
            (self.file_menu, "menu_file"),
            (self.view_menu, "menu_view"),
            (self.help_menu, "menu_help"),
            (self.recent_menu, "menu_recent"),
            (self.language_menu, "menu_language"),
        ):
            menu.setTitle(tr(key))
        for action, key in (
            (self.new, "act_new"),
            (self.open, "act_open"),
            (self.import_report, "act_import"),
            (self.review, "act_review"),
            (self.save, "act_save"),
            (self.save_as, "act_save_as"),
            (self.generate, "act_generate"),
            (self.quit, "act_quit"),
            (self.find, "act_find"),
            (self.expand, "act_expand"),
            (self.collapse, "act_collapse"),
            (self.about, "act_about"),
            (self.details, "act_details"),
        ):
            action.setText(tr(key))
        for action in self.languages.actions():
            action.setChecked(action.data() == strings.language())
        self.update_recent()

    def update_recent(self) -> None:
        """List the recent recipes (File ▸ Open Recent)."""
        self.recent_menu.clear()
        recent = self.window.document.recent()
        for n, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{n} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(partial(self._open_recent, path))
        if not recent:
            self.recent_menu.addAction(tr("recent_empty")).setEnabled(False)

    def _open_recent(self, path: object, _checked: bool = False) -> None:
        self.window.open_recipe(path)  # type: ignore[arg-type]

    def focus_search(self) -> None:
        """Ctrl+F: type to filter the initiatives."""
        self.window.initiativeSearch.setFocus()
        self.window.initiativeSearch.selectAll()

    def show_about(self) -> None:
        """Help ▸ About (non-blocking)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("app_title"),
            tr("about_text"),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.open()
