"""The main window: what to cover (left), the storyboard (middle), deck settings and Generate
(right). It turns widgets into one :class:`~briefing.options.BuildOptions` and hands it to
``briefing.api``: ``plan`` for the storyboard (debounced, on a loaded Report), ``build`` in a
worker for Generate. No deck logic lives here.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from briefing import api
from briefing.errors import BriefingError, BuildCancelled, RecipeError
from gui import errors, prefs, strings
from gui.build_panel import BuildPanel
from gui.deckfont import DeckFont
from gui.document import CANCEL, SAVE, Document
from gui.menus import Menus
from gui.qtutil import column, named
from gui.selection_panel import InitiativesPanel, SectionsPanel
from gui.settings_panel import SettingsPanel
from gui.storyboard import SlideDetail, Storyboard
from gui.strings import kind_label, tr
from gui.worker import Op

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from briefing.content.report import Report
    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan

DEBOUNCE_MS = 150


class MainWindow(QMainWindow):
    """The desktop app's one window. Call :meth:`start` after showing it."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("briefing", "briefing")
        strings.set_language(str(self.settings.value("ui/language", "zh-TW")))
        self.document = Document(self, self.settings)
        self._report: Report | None = None
        self._report_key: tuple[Any, ...] | None = None
        self._base: BuildOptions = api.options_from_recipe()
        self._loaded_selection: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self._token: api.CancelToken | None = None
        self.plan_seconds = 0.0
        self._build_ui()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._connect()
        self.retranslate()
        prefs.restore_geometry(self, self.settings, self._splitters)

    # -- construction -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.sectionsPanel = SectionsPanel(self)
        self.initiativesPanel = InitiativesPanel(self)
        self.sectionTree, self.initiativeList = self.sectionsPanel.tree, self.initiativesPanel.list
        self.initiativeSearch = self.initiativesPanel.search
        self.pillarFilter = self.initiativesPanel.pillarFilter
        self.storyboard = Storyboard(self)
        self.slideDetail = SlideDetail(self)
        self.storyboardLabel = named(QLabel(self), "storyboardLabel")
        self.storyboardLabel.setBuddy(self.storyboard)
        self.detailCaption = named(QLabel(self), "detailCaption")
        self.settingsPanel = SettingsPanel(self)
        self.buildPanel = BuildPanel(self)
        self.deckFont = DeckFont(self)
        for name in (
            "titleEdit",
            "subtitleEdit",
            "presenterEdit",
            "dateEdit",
            "outputEdit",
            "fontEdit",
            "lengthCombo",
            "languageCombo",
            "chartStyleCombo",
        ):
            setattr(self, name, getattr(self.settingsPanel, name))
        self.generateButton = self.buildPanel.generateButton
        self.cancelButton = self.buildPanel.cancelButton
        self.progressBar = self.buildPanel.progressBar
        left = named(QSplitter(Qt.Orientation.Vertical, self), "leftSplitter")
        left.addWidget(self.sectionsPanel)
        left.addWidget(self.initiativesPanel)
        middle = named(QSplitter(Qt.Orientation.Vertical, self), "middleSplitter")
        middle.addWidget(column(self.storyboardLabel, self.storyboard, grow=self.storyboard))
        middle.addWidget(column(self.slideDetail, self.detailCaption, grow=self.slideDetail))
        right = column(self.settingsPanel, self.buildPanel)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "mainSplitter")
        for n, widget in enumerate((left, middle, right)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(n, (3, 5, 3)[n])
        self._splitters = (self.splitter, left, middle)
        self.setCentralWidget(self.splitter)
        self.menus = Menus(self)
        chain = [
            *self.sectionsPanel.focus_chain(),
            *self.initiativesPanel.focus_chain(),
            self.storyboard,
            *self.settingsPanel.focus_chain(),
            *self.buildPanel.focus_chain(),
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.sectionsPanel.model.checksChanged.connect(self.schedule_refresh)
        self.initiativesPanel.model.checksChanged.connect(self.schedule_refresh)
        self.settingsPanel.changed.connect(self.schedule_refresh)
        self.settingsPanel.fontChanged.connect(lambda: self.load_font(loud=False))
        self.deckFont.loaded.connect(self._font_loaded)
        self.deckFont.failed.connect(lambda text: self.settingsPanel.set_font_info(text, True))
        self.buildPanel.generateRequested.connect(self.generate)
        self.buildPanel.cancelRequested.connect(self.cancel)
        self.storyboard.selectionModel().currentChanged.connect(self._show_slide)

    def retranslate(self) -> None:
        """Every text in the current interface language (View ▸ Interface language)."""
        self.menus.retranslate()
        for panel in (
            self.sectionsPanel,
            self.initiativesPanel,
            self.settingsPanel,
            self.buildPanel,
        ):
            panel.retranslate()
        self.storyboard.setAccessibleName(tr("storyboard_box"))
        self.slideDetail.setAccessibleName(tr("detail_name"))
        self._update_title()
        self._update_counts()

    def set_ui_language(self, lang: str) -> None:
        """Switch the interface language (the deck's language is a deck setting)."""
        strings.set_language(lang)
        self.settings.setValue("ui/language", strings.language())
        self.retranslate()
        self._load_labels()
        self.storyboard.model_.repaint_all()
        self._show_slide()
        self.load_font()

    def _load_labels(self) -> None:
        """The report's own categories (its pillars, themes …), in the interface language."""
        report = self._report
        names = {}
        if report is not None:
            language = strings.language()
            names = {
                c.id: report.category_name(c.id, language)
                for c in report.meta.vocabulary.categories
            }
        self.initiativesPanel.set_pillar_labels(names)

    # -- start-up ---------------------------------------------------------------------------
    def start(self, recipe: Path | None = None) -> None:
        """Load the report (or ``recipe``) and show its storyboard; errors open a dialog."""
        self._load_labels()
        self.new_document(ask=False)
        if recipe is not None:
            self.open_recipe(recipe, ask=False)
        if self.deckFont.key is None:  # the report failed: still check the font
            self.load_font(loud=True)

    # -- documents --------------------------------------------------------------------------
    def new_document(self, ask: bool = True) -> bool:
        """File ▸ New: the full report with the remembered deck settings."""
        if ask and not self.maybe_save():
            return False
        try:
            options = api.options_from_recipe().replace(**prefs.read_prefs(self.settings))
        except (TypeError, BriefingError):
            options = api.options_from_recipe()
        return self._set_document(options, None)

    def open_recipe(self, path: Path | str | None = None, ask: bool = True) -> bool:
        """File ▸ Open: show what the recipe at ``path`` says (errors: a dialog, no change)."""
        if ask and not self.maybe_save():
            return False
        path = Path(path) if path is not None else self.document.ask_open_path()
        if path is None:
            return False
        try:
            options = api.options_from_recipe(path)
        except BriefingError as exc:
            errors.show_error(self, exc)
            return False
        if self._set_document(options, path):
            self.document.remember(path)
            self.menus.update_recent()
            return True
        return False

    def save(self) -> bool:
        """File ▸ Save (Save As for an untitled recipe)."""
        return self.save_as(self.document.path) if self.document.path else self.save_as()

    def save_as(self, path: Path | str | None = None) -> bool:
        """File ▸ Save As: write the recipe the widgets describe."""
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

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if self._report is None or not self.document.dirty(self.recipe_options()):
            return True
        answer = self.document.ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer != CANCEL

    def _set_document(self, options: BuildOptions, path: Path | None) -> bool:
        """Show ``options`` (from ``path``); on a load or plan error nothing changes."""
        key = (options.report, options.figures)
        try:
            report = self._report if key == self._report_key and self._report else api.load(options)
            plan = api.plan(options, report)
        except BriefingError as exc:
            errors.show_error(self, exc)
            self._update_counts()
            return False
        if report is not self._report:
            self._report, self._report_key = report, key
            self.sectionsPanel.model.set_report(report)
            self.initiativesPanel.model.set_report(report)
            self._load_labels()
        self._base = options
        self.sectionsPanel.model.set_checked(plan.sections)
        self.initiativesPanel.model.set_checked(plan.initiatives)
        self._loaded_selection = (frozenset(plan.sections), frozenset(plan.initiatives))
        self.settingsPanel.set_options(options, report.meta.report_date)
        self.document.reset(options, path)
        self.document.mark_clean(self.recipe_options())
        self._show_plan(plan, self.current_options(), 0.0)
        if (options.font, options.font_index) != self.deckFont.key:
            self.load_font(loud=True)
        return True

    # -- options ----------------------------------------------------------------------------
    def current_options(self) -> BuildOptions:
        """What Generate builds: every checked section id (children included)."""
        return self._options(compact=False)

    def recipe_options(self) -> BuildOptions:
        """What File ▸ Save writes: the same selection in its shortest form."""
        return self._options(compact=True)

    def _options(self, compact: bool) -> BuildOptions:
        sections_model = self.sectionsPanel.model
        initiatives = self.initiativesPanel.model.checked_ids()
        sections = sections_model.compact_ids() if compact else sections_model.checked_ids()
        chosen = (frozenset(sections_model.checked_ids()), frozenset(initiatives))
        if chosen == self._loaded_selection:  # unchanged: keep the recipe's own lists
            picked: dict[str, Any] = {
                "sections": self._base.sections,
                "initiatives": self._base.initiatives,
            }
        elif sections and not initiatives:
            picked = {"sections": sections, "initiatives": None}
        elif initiatives and not sections:
            picked = {"sections": None, "initiatives": initiatives}
        else:
            picked = {"sections": sections, "initiatives": initiatives}
        return self._base.replace(**self.settingsPanel.changes(), **picked)

    def has_selection(self) -> bool:
        """Whether anything is checked in either list."""
        return bool(
            self.sectionsPanel.model.checked_ids() or self.initiativesPanel.model.checked_ids()
        )

    # -- storyboard -------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Re-plan after the selection or settings settle (debounced)."""
        self._timer.start()
        self._update_counts()
        self._update_title()

    def refresh(self) -> None:
        """Plan the deck the widgets describe and show it (no .pptx is built)."""
        self._timer.stop()
        if self._report is None:
            return
        options = self.current_options()
        start = time.perf_counter()
        try:
            plan = api.plan(options, self._report)
        except BriefingError as exc:
            self.storyboard.model_.set_plan(None)
            self.buildPanel.set_ready(False, errors.error_text(exc))
            return
        self._show_plan(plan, options, time.perf_counter() - start)

    def _show_plan(self, plan: DeckPlan, options: BuildOptions, seconds: float) -> None:
        self.plan_seconds = seconds
        row = max(self.storyboard.currentIndex().row(), 0)
        self.storyboard.model_.set_plan(plan)
        model = self.storyboard.model_
        if model.rowCount():
            self.storyboard.setCurrentIndex(model.index(min(row, model.rowCount() - 1)))
        self._show_slide()
        assert self._report is not None
        self.settingsPanel.set_defaults(
            title=plan.meta.title if options.title is None else "",
            subtitle=plan.meta.subtitle if options.subtitle is None else "",
            presenter=plan.meta.presenter if options.presenter is None else "",
            output=str(api.default_output(plan.meta.title, plan.meta.date)),
        )
        self.settingsPanel.set_date_preview(plan.meta.date_text)
        self.initiativesPanel.model.suggest_for(self.sectionsPanel.model.checked_ids())
        self._update_counts()
        self._update_title()

    def _show_slide(self, *_: Any) -> None:
        model, row = self.storyboard.model_, self.storyboard.currentIndex().row()
        slide = model.slide(row)
        self.slideDetail.set_slide(slide, row + 1)
        total = model.rowCount()
        self.detailCaption.setText(
            tr(
                "detail_caption",
                n=row + 1,
                total=total,
                kind=kind_label(slide.kind),
                layout=slide.layout,
            )
            if slide
            else ""
        )

    def _update_counts(self) -> None:
        count = self.storyboard.model_.rowCount()
        self.storyboardLabel.setText(tr("storyboard_count", n=count))
        if self._report is None:
            self.buildPanel.set_ready(False, tr("no_report"))
        elif not self.has_selection():
            self.buildPanel.set_ready(False, tr("nothing_selected"))
        else:
            self.buildPanel.set_ready(True)
        self.menus.generate.setEnabled(self.generateButton.isEnabled())

    def _update_title(self) -> None:
        dirty = self._report is not None and self.document.dirty(self.recipe_options())
        self.setWindowTitle(f"{self.document.name}[*] — {tr('app_title')}")
        self.setWindowModified(dirty)

    # -- fonts ------------------------------------------------------------------------------
    def load_font(self, loud: bool = False) -> None:
        """Read the chosen font in the background; show its licence bit and draw the preview
        with it. ``loud``: problems open a dialog (start-up, recipes), else show inline."""
        changes = self.settingsPanel.changes()
        self.settingsPanel.set_font_info(tr("font_loading"))
        self.deckFont.load(changes["font"], changes["font_index"], loud=loud)

    def _font_loaded(self, family: str, description: str) -> None:
        self.settingsPanel.set_font_info(description)
        self.slideDetail.set_font_family(family)
        self.storyboard.model_.set_font_family(family, self.devicePixelRatioF())

    # -- build ------------------------------------------------------------------------------
    def generate(self) -> None:
        """Build the deck in the background (Generate, Ctrl+G)."""
        if self._token is not None or self._report is None:
            return
        if not self.has_selection():
            self.buildPanel.set_ready(False, tr("nothing_selected"))
            return
        options, report = self.current_options(), self._report
        token = api.CancelToken()
        self._token, started = token, time.perf_counter()
        self.buildPanel.started()
        self.menus.generate.setEnabled(False)
        prefs.write_prefs(self.settings, self.settingsPanel.changes())
        Op(
            self, lambda ctx: api.build(options, progress=ctx.progress, cancel=token, report=report)
        ).progress(self.buildPanel.set_progress).success(
            lambda result: self._built(result, time.perf_counter() - started)
        ).failure(self._build_failed).run_in_background()

    def cancel(self) -> None:
        """Stop the running build at its next step; nothing is written."""
        if self._token is not None:
            self._token.cancel()
            self.buildPanel.cancelling()

    def building(self) -> bool:
        """Whether a build is running."""
        return self._token is not None

    def _built(self, result: api.BuildResult, seconds: float) -> None:
        self._token = None
        self.buildPanel.finished(result, seconds)
        self._update_counts()
        self.statusBar().showMessage(tr("built", path=result.output), 10000)

    def _build_failed(self, exc: Exception) -> None:
        self._token = None
        cancelled = isinstance(exc, BuildCancelled)
        self.buildPanel.stopped(cancelled)
        self._update_counts()
        if not cancelled:
            errors.show_error(self, exc)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self.cancel()
        prefs.save_geometry(self, self.settings, self._splitters)
        prefs.write_prefs(self.settings, self.settingsPanel.changes())
        event.accept()
