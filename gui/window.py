"""The main window: what to cover (left), the storyboard (middle), deck settings and Generate
(right), and the result of the last build across the top. It turns widgets into one
:class:`~briefing.options.BuildOptions` and hands it to ``briefing.api``: ``plan`` for the
storyboard (debounced, on a loaded Report), ``build`` in a worker for Generate. No deck logic
lives here; opening and saving recipes is in :mod:`gui.window_documents`, building in
:mod:`gui.window_build`, the deck's font in :mod:`gui.window_fonts`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QScrollArea, QSplitter, QWidget

from briefing import api
from briefing.errors import BriefingError
from gui import errors, i18n, prefs, strings
from gui.build_panel import BuildPanel
from gui.deckfont import DeckFont
from gui.document import Document
from gui.estimates import LengthEstimates
from gui.focusring import FocusRing
from gui.infobar import InfoBar
from gui.menus import Menus
from gui.previews import ChartPreviews
from gui.qtutil import column, named, placeholders_as_placeholders
from gui.selection_panel import InitiativesPanel, SectionsPanel
from gui.settings_panel import SettingsPanel
from gui.slidedraw import deck_findings
from gui.storyboard import SlideDetail, Storyboard
from gui.strings import kind_label, layout_label, tr
from gui.window_build import BuildActions
from gui.window_documents import DocumentActions
from gui.window_fonts import FontActions
from gui.window_import import ImportActions

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.content.report import Report
    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan, Slide

DEBOUNCE_MS = 150
#: About how many characters the cover's title holds at its size (two lines of 40 pt).
COVER_TITLE_CHARACTERS = 40


class MainWindow(DocumentActions, BuildActions, FontActions, ImportActions, QMainWindow):
    """The desktop app's one window. Call :meth:`start` after showing it."""

    def __init__(
        self, settings: QSettings | None = None, output_folder: Path | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("briefing", "briefing")
        self.output_folder = output_folder or prefs.default_output_folder()
        self._use_language(str(self.settings.value("ui/language", "zh-TW")))
        strings.set_details(self.settings.value("ui/details", False) in (True, "true"))
        self.document = Document(self, self.settings, self.output_folder)
        self._report: Report | None = None
        self._report_key: tuple[Any, ...] | None = None
        self._base: BuildOptions = api.options_from_recipe()
        self._loaded_selection: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self._token: api.CancelToken | None = None
        self._plan_problem = ""
        self._gaps: dict[Slide, str] = {}
        self._gap_family: object = None
        self.plan_seconds = 0.0
        self.refresh_seconds = 0.0
        self._build_ui()
        self._planned: tuple[Any, BuildOptions | None, DeckPlan | None] = (None, None, None)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._connect()
        self.retranslate()
        self.setMinimumSize(*prefs.MIN_SIZE)
        self.setAcceptDrops(True)  # a trip report dropped on the window is imported
        placeholders_as_placeholders(self)
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
        self.storyboardLabel = named(QLabel(self, wordWrap=True), "storyboardLabel")
        self.storyboardLabel.setBuddy(self.storyboard)
        self.detailCaption = named(QLabel(self, wordWrap=True), "detailCaption")
        self.settingsPanel = SettingsPanel(self.output_folder, self)
        self.buildPanel = BuildPanel(self)
        self.infoBar = InfoBar(self)
        self.deckFont = DeckFont(self)
        self.estimates = LengthEstimates(self)
        self.previews = ChartPreviews(self)
        self.storyboard.model_.picture = self.previews.image
        panel = self.settingsPanel
        self.titleEdit, self.subtitleEdit = panel.titleEdit, panel.subtitleEdit
        self.presenterEdit, self.dateEdit = panel.presenterEdit, panel.dateEdit
        self.outputEdit, self.fontEdit = panel.outputEdit, panel.fontEdit
        self.lengthChoice, self.languageCombo = panel.lengthChoice, panel.languageCombo
        self.chartStyleCombo = panel.chartStyleCombo
        self.generateButton = self.buildPanel.generateButton
        self.cancelButton = self.buildPanel.cancelButton
        self.progressBar = self.buildPanel.progressBar
        self.setCentralWidget(self._columns())
        self.menus = Menus(self)
        self.focusRing = FocusRing(self)
        self._chain_focus()

    def _columns(self) -> QWidget:
        left = named(QSplitter(Qt.Orientation.Vertical, self), "leftSplitter")
        left.addWidget(self.sectionsPanel)
        left.addWidget(self.initiativesPanel)
        middle = named(QSplitter(Qt.Orientation.Vertical, self), "middleSplitter")
        middle.addWidget(column(self.storyboardLabel, self.storyboard, grow=self.storyboard))
        middle.addWidget(column(self.slideDetail, self.detailCaption, grow=self.slideDetail))
        self.settingsScroll = named(QScrollArea(self), "settingsScroll")
        self.settingsScroll.setWidget(self.settingsPanel)
        self.settingsScroll.setWidgetResizable(True)
        self.settingsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.settingsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.settingsScroll.verticalScrollBar().sizeHint().width()
        self.settingsScroll.setMinimumWidth(self.settingsPanel.minimumSizeHint().width() + bar)
        right = column(self.settingsScroll, self.buildPanel, grow=self.settingsScroll)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "mainSplitter")
        for n, widget in enumerate((left, middle, right)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(n, (3, 5, 3)[n])
            self.splitter.setCollapsible(n, False)
        self._splitters = (self.splitter, left, middle)
        return column(self.infoBar, self.splitter, grow=self.splitter)

    def _chain_focus(self) -> None:
        chain = [
            *self.infoBar.focus_chain(),
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
        self.settingsPanel.submitted.connect(self.generate)
        self.deckFont.loaded.connect(self._font_loaded)
        self.deckFont.failed.connect(self._font_failed)
        self.buildPanel.generateRequested.connect(self.generate)
        self.buildPanel.cancelRequested.connect(self.cancel)
        self.storyboard.selectionModel().currentChanged.connect(self._show_slide)
        self.estimates.changed.connect(
            lambda: self.settingsPanel.set_estimates(self.estimates.values())
        )
        self.previews.ready.connect(self._chart_ready)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)

    def retranslate(self) -> None:
        """Every text in the current interface language (View ▸ Interface language)."""
        self.menus.retranslate()
        for panel in (
            self.sectionsPanel,
            self.initiativesPanel,
            self.settingsPanel,
            self.buildPanel,
            self.infoBar,
        ):
            panel.retranslate()
        self.storyboard.setAccessibleName(tr("storyboard_box"))
        self.slideDetail.setAccessibleName(tr("detail_name"))
        self.settingsScroll.setAccessibleName(tr("settings_box"))
        self._update_title()
        self._update_counts()

    def set_ui_language(self, lang: str) -> None:
        """Switch the interface language (the deck's language is a deck setting); Qt's own
        words (standard buttons, context menus, file dialogs) switch with it."""
        self._use_language(lang)
        self.settings.setValue("ui/language", strings.language())
        self.retranslate()  # the 已產生 bar stays, in the new language
        self._load_labels()
        self.storyboard.model_.repaint_all()
        self._show_slide()
        self.load_font()

    def set_details(self, on: bool) -> None:
        """View ▸ Show technical details: ids in tooltips, the font's fsType, importer notes
        as written (remembered)."""
        strings.set_details(on)
        self.settings.setValue("ui/details", bool(on))
        self.retranslate()
        self.load_font()

    def _use_language(self, lang: str) -> None:
        strings.set_language(lang)
        i18n.use_language(strings.language())
        self.setLocale(i18n.locale(strings.language()))

    def _load_labels(self) -> None:
        """The report's own categories (its pillars, themes …), in the interface language,
        and the titles messages use instead of ids."""
        report = self._report
        if report is None:
            self.initiativesPanel.set_pillar_labels({})
            self.initiativesPanel.set_words("", "")
            return
        language = strings.language()
        vocabulary = report.meta.vocabulary
        self.initiativesPanel.set_words(
            vocabulary.word("initiatives", language), vocabulary.word("category", language)
        )
        self.initiativesPanel.set_pillar_labels(
            {c.id: report.category_name(c.id, language) for c in report.meta.vocabulary.categories}
        )
        sections = {e.section.id: e.heading for e in report.outline}
        self.storyboard.model_.set_names(sections)
        errors.set_names(
            {
                **{c.id: c.title for c in report.charts},
                **{i.id: i.name for i in report.initiatives},
                **sections,
            }
        )

    # -- options ----------------------------------------------------------------------------
    def current_options(self) -> BuildOptions:
        """What Generate builds: every checked section id (children included), written to
        the absolute path the output field shows."""
        return self._options(compact=False).replace(output=self.settingsPanel.output_path())

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
        """An input changed: the last build's result no longer describes the screen; re-plan
        once the selection or settings settle (debounced)."""
        self.infoBar.clear()
        self.buildPanel.reset()
        self._timer.start()
        self._update_counts()
        self._update_title()

    def refresh(self) -> None:
        """Plan the deck the widgets describe and show it (no .pptx is built)."""
        self._timer.stop()
        if self._report is None:
            return
        start = time.perf_counter()
        options = self.current_options()
        try:
            plan = api.plan(options, self._report)
        except BriefingError as exc:
            self.storyboard.model_.set_plan(None)
            self.estimates.clear()
            self._plan_problem = errors.plain_message(exc)
            self._update_counts()
            return
        self.plan_seconds = time.perf_counter() - start
        self._planned = (self._report, _without_output(options), plan)
        self._show_plan(plan, options)
        self.refresh_seconds = time.perf_counter() - start

    def planned(self, options: BuildOptions) -> DeckPlan | None:
        """The plan on screen, if it is the plan of ``options`` (wherever the deck goes)."""
        report, planned_options, plan = self._planned
        same = report is self._report and planned_options == _without_output(options)
        return plan if same and not self._timer.isActive() else None

    def _show_plan(self, plan: DeckPlan, options: BuildOptions) -> None:
        assert self._report is not None
        self._plan_problem = ""
        self.previews.set_source(options, self._report, plan.chart_boxes)
        row = max(self.storyboard.currentIndex().row(), 0)
        model = self.storyboard.model_
        model.set_plan(plan)
        model.set_findings(deck_findings(plan, strings.language(), options))
        if model.rowCount():
            self.storyboard.setCurrentIndex(model.index(min(row, model.rowCount() - 1)))
        self.settingsPanel.set_defaults(
            title=plan.meta.title,
            subtitle=plan.meta.subtitle,
            output=api.default_output(plan.meta.title, plan.meta.date, self.output_folder),
        )
        self._check_characters()
        self._check_cover(plan)
        self._show_slide()
        self.estimates.update(options, self._report, plan)
        self.initiativesPanel.model.suggest_for(self.sectionsPanel.model.checked_ids())
        self._update_counts()
        self._update_title()

    def _check_cover(self, plan: DeckPlan) -> None:
        """Warn under the title when the cover cannot hold it (the cover's text overflows)."""
        panel, model = self.settingsPanel, self.storyboard.model_
        cover = next((n for n, s in enumerate(plan.slides) if s.kind == "cover"), None)
        if cover is not None and model.overflows(cover):
            limit = COVER_TITLE_CHARACTERS
            panel.set_title_note(tr("cover_too_long", n=len(plan.meta.title), limit=limit), True)
        elif panel.titleNote.styleSheet():  # a warning that no longer holds
            panel.set_title_note("")

    def _show_slide(self, *_: Any) -> None:
        model, row = self.storyboard.model_, self.storyboard.currentIndex().row()
        slide = model.slide(row)
        self.slideDetail.set_slide(slide, row + 1, model.marks(row))
        if slide is None:
            self.detailCaption.setText("")
            return
        lines = [
            tr(
                "detail_caption",
                n=row + 1,
                total=model.rowCount(),
                kind=kind_label(slide.kind),
                layout=layout_label(slide.layout),
            )
        ]
        if slide.condensed:
            lines.append(tr("condensed_caption", names="、".join(model.condensed_names(row))))
        if model.missing(row):
            lines.append(tr("missing_caption", chars=" ".join(model.missing(row))))
        if model.overflows(row):
            lines.append(tr("overflow_caption"))
        if model.findings(row):
            lines.append(tr("findings_caption", items="；".join(model.findings(row))))
        self.detailCaption.setText("\n".join(lines))

    def _chart_ready(self, chart_id: str) -> None:
        self.storyboard.model_.chart_ready(chart_id)
        slide = self.slideDetail.slide
        if slide is not None and slide.chart == chart_id:
            self._show_slide()

    def _update_counts(self) -> None:
        plan = self.storyboard.model_.plan
        minutes = plan.minutes if plan is not None else 0.0
        count = self.storyboard.model_.rowCount()
        self.storyboardLabel.setText(tr("storyboard_count", n=count, minutes=minutes))
        reasons = self.problems()
        self.buildPanel.set_ready(not reasons, "\n".join(reasons))
        self.menus.generate.setEnabled(self.generateButton.isEnabled())

    def problems(self) -> list[str]:
        """Why Generate is off, in words (empty: it is on)."""
        if self._report is None:
            return [tr("no_report")]
        if not self.has_selection():
            return [tr("nothing_selected")]
        found = self.settingsPanel.problems()
        if self._plan_problem:
            found.append(tr("fix_plan", reason=self._plan_problem))
        return found

    def _update_title(self) -> None:
        dirty = self._report is not None and self.document.dirty(self.recipe_options())
        self.setWindowTitle(f"{self.document.name}[*] — {tr('app_title')}")
        self.setWindowModified(dirty)


def _without_output(options: BuildOptions) -> BuildOptions:
    return options.replace(output=None)
