"""The main window's recipes: start-up, File ▸ New (the start page), Open, Save, Save As and
the unsaved-changes prompt. A mixin of :class:`gui.window.MainWindow`; every error while
opening a recipe (bad YAML, a date that does not exist, an empty file) is a dialog, never a
traceback, and leaves the window as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer

from briefing import api
from briefing.errors import BriefingError, RecipeError
from gui import errors, prefs
from gui.document import CANCEL, SAVE
from gui.startpage import IMPORT, StartPage
from gui.strings import tr
from gui.window_import import is_report

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from briefing.content.report import Report
    from briefing.options import BuildOptions
    from gui.document import Document
    from gui.window import MainWindow

START_KEY = "ui/start_page"
FRAME_SETTLED_MS = 400  # by then a window manager has framed the window


class DocumentActions:
    """Opening and saving recipes (mixed into MainWindow)."""

    settings: QSettings
    document: Document
    _report: Report | None
    _report_key: tuple[Any, ...] | None
    _base: BuildOptions
    _loaded_selection: tuple[frozenset[str], frozenset[str]]
    startPage: StartPage | None = None  # noqa: N815 - Qt naming

    # -- start-up ---------------------------------------------------------------------------
    def start(self: MainWindow, recipe: Path | None = None, welcome: bool = False) -> None:
        """Load the report (or ``recipe``) and show its storyboard; errors open a dialog.
        ``welcome``: show the start page too (unless the user turned it off)."""
        self._load_labels()
        self.new_document(ask=False)
        if recipe is not None:
            self.open_recipe(recipe, ask=False)
        elif welcome and self.settings.value(START_KEY, True) not in (False, "false"):
            self.show_start_page()
        if self.deckFont.key is None:  # the report failed: still check the font
            self.load_font(loud=True)
        prefs.fit_to_screen(self)
        QTimer.singleShot(FRAME_SETTLED_MS, self, lambda: prefs.fit_to_screen(self))  # framed

    def show_start_page(self: MainWindow) -> StartPage:
        """File ▸ New: start from the whole report or an example (non-blocking)."""
        shown = self.settings.value(START_KEY, True) not in (False, "false")
        page = StartPage(self, shown)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.chosen.connect(self.start_from)
        page.finished.connect(
            lambda _result: self.settings.setValue(START_KEY, page.showCheck.isChecked())
        )
        self.startPage = page
        page.open()
        return page

    def start_from(self: MainWindow, example: Path | str | None) -> bool:
        """Begin a new briefing: import a trip report (``IMPORT``: ask for it; or a report's
        path), the whole report (None) or a copy of an example recipe."""
        if example == IMPORT or (isinstance(example, Path) and is_report(example)):
            self.import_report(None if example == IMPORT else example)
            return True
        if not self.maybe_save():
            return False
        if example is None:
            return self.new_document(ask=False)
        try:
            options = self.document.read(example)
        except BriefingError as exc:
            errors.show_error(self, exc, tr("error_recipe"))
            return False
        raw = {k: v for k, v in api.raw_recipe(example).items() if k != "output"}
        return self._set_document(options.replace(output=None), None, raw)

    # -- documents --------------------------------------------------------------------------
    def new_document(self: MainWindow, ask: bool = True) -> bool:
        """The whole report with the remembered deck settings."""
        if ask and not self.maybe_save():
            return False
        try:
            options = api.options_from_recipe().replace(**prefs.read_prefs(self.settings))
        except (TypeError, BriefingError):
            options = api.options_from_recipe()
        return self._set_document(options, None)

    def open_recipe(self: MainWindow, path: Path | str | None = None, ask: bool = True) -> bool:
        """File ▸ Open: show what the recipe at ``path`` says (errors: a dialog, no change)."""
        if ask and not self.maybe_save():
            return False
        path = Path(path) if path is not None else self.document.ask_open_path()
        if path is None:
            return False
        try:
            options = self.document.read(path)
        except BriefingError as exc:
            errors.show_error(self, exc, tr("error_recipe"))
            return False
        if self._set_document(options, path):
            self.document.remember(path)
            self.menus.update_recent()
            return True
        return False

    def save(self: MainWindow) -> bool:
        """File ▸ Save (Save As for an untitled recipe)."""
        return self.save_as(self.document.path) if self.document.path else self.save_as()

    def save_as(self: MainWindow, path: Path | str | None = None) -> bool:
        """File ▸ Save As: write the recipe the widgets describe."""
        self.settingsPanel.commit()
        target = Path(path) if path is not None else self.document.ask_save_path()
        if target is None:
            return False
        try:
            self.document.write(self.recipe_options(), target)
        except (OSError, BriefingError) as exc:
            if isinstance(exc, OSError):
                exc = RecipeError(f"cannot write the recipe: {exc.strerror or exc}", file=target)
            errors.show_error(self, exc)
            return False
        self.menus.update_recent()
        self._update_title()
        self.statusBar().showMessage(tr("saved", path=target), 5000)
        return True

    def maybe_save(self: MainWindow) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if self._report is None or not self.document.dirty(self.recipe_options()):
            return True
        answer = self.document.ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer != CANCEL

    def _set_document(
        self: MainWindow,
        options: BuildOptions,
        path: Path | None,
        raw: dict[str, Any] | None = None,
    ) -> bool:
        """Show ``options`` (from ``path``); on a load or plan error nothing changes."""
        key = (options.report, options.figures)
        try:
            report = self._report if key == self._report_key and self._report else api.load(options)
            plan = api.plan(options, report)
        except BriefingError as exc:
            errors.show_error(self, exc, tr("error_recipe"))
            self._update_counts()
            return False
        if report is not self._report:
            self._report, self._report_key = report, key
            self.sectionsPanel.model.set_report(report)
            self.initiativesPanel.model.set_report(report)
            self._load_labels()
        self._base = options
        self.infoBar.clear()
        self.buildPanel.reset()
        self.sectionsPanel.model.set_checked(plan.sections)
        self.initiativesPanel.model.set_checked(plan.initiatives)
        self._loaded_selection = (frozenset(plan.sections), frozenset(plan.initiatives))
        self.settingsPanel.set_options(options)
        self._timer.stop()
        self._show_plan(plan, self.current_options())
        self.document.reset(options, path, raw)
        self.document.mark_clean(self.recipe_options())
        self._update_title()
        if (options.font, options.font_index) != self.deckFont.key:
            self.load_font(loud=True)
        return True
