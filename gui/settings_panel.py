"""The deck settings form: title, subtitle, presenter, date, length, order, language, font,
logo, charts, output file. It maps widgets to the :class:`~briefing.options.BuildOptions`
fields it owns (:meth:`SettingsPanel.changes`) and back (:meth:`SettingsPanel.set_options`).

Nothing on the cover is invisible: the title and subtitle fields hold the words the cover will
show (the report's, until the user types others), the presenter is empty unless typed (then the
cover has no presenter line), and the date field shows the date the deck will carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gui.choices import Choice
from gui.datefield import DATE_STYLES, DateField
from gui.fields import LogoField, OutputField, PathField
from gui.qtutil import PROBLEM, named, set_problem
from gui.strings import LANGUAGE_NAMES, plain, tr

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from briefing.options import BuildOptions

LENGTHS = ("brief", "standard", "full")
STRUCTURES = ("report", "findings-first")
DECK_LANGUAGES = ("zh-TW", "en")
CHART_STYLES = ("image", "native")
#: The files a build writes (BuildOptions.formats), as the form offers them.
FORMAT_CHOICES = ("pptx", "pptx,odp", "pptx,pdf", "pptx,odp,pdf")
__all__ = [
    "CHART_STYLES",
    "FORMAT_CHOICES",
    "DATE_STYLES",
    "DECK_LANGUAGES",
    "LENGTHS",
    "SettingsPanel",
]


def effective_structure(length: str) -> str:
    """The order a deck of ``length`` gets when none is chosen (the core's rule)."""
    return "findings-first" if length == "brief" else "report"


class SettingsPanel(QGroupBox):
    """The deck settings; emits :attr:`changed` on any edit, :attr:`fontChanged` when the font
    spec changes and :attr:`submitted` on Enter in a field."""

    changed = Signal()
    fontChanged = Signal()  # noqa: N815 - Qt naming
    submitted = Signal()

    def __init__(self, output_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self._font_index: int | None = None
        self._font_dirty = False
        self._font_problem: str | None = None
        self._auto = {"title": True, "subtitle": True}
        self._defaults = {"title": "", "subtitle": ""}
        self._structure_chosen = False
        self._estimates: dict[str, tuple[int, float] | None] = {}
        self._build(output_folder)
        self._connect()
        self.retranslate()

    # -- construction -----------------------------------------------------------------------
    def _build(self, output_folder: Path) -> None:
        self.titleEdit = self._line("titleEdit")
        self.titleNote = named(QLabel(self, wordWrap=True), "titleNote")  # see set_title_note
        self.titleNote.setVisible(False)
        self.subtitleEdit = self._line("subtitleEdit")
        self.presenterEdit = self._line("presenterEdit")
        self.dateField = DateField(self)
        self.dateEdit, self.dateStyleCombo = self.dateField.edit, self.dateField.styleCombo
        self.datePreview = self.dateField.preview
        self.lengthChoice = Choice("lengthChoice", LENGTHS, self, vertical=True)
        self.structureChoice = Choice("structureChoice", STRUCTURES, self)
        self.languageCombo = self._combo("languageCombo", DECK_LANGUAGES)
        self.fontField = PathField("font", self)
        self.fontEdit, self.fontBrowseButton = self.fontField.edit, self.fontField.browseButton
        self.fontEdit.setCompleter(QCompleter(QFontDatabase.families(), self.fontEdit))
        self.fontInfoLabel = named(QLabel(self, wordWrap=True), "fontInfoLabel")
        self.fontMissingLabel = named(QLabel(self, wordWrap=True), "fontMissingLabel")
        self.fontMissingLabel.setVisible(False)
        self.fontMissingLabel.setStyleSheet(f"color: {PROBLEM};")
        self.logoField = LogoField(self)
        self.logoEdit = self.logoField.edit
        self.chartStyleCombo = self._combo("chartStyleCombo", CHART_STYLES)
        self.formatCombo = self._combo("formatCombo", FORMAT_CHOICES)
        self.outputField = OutputField(output_folder, self)
        self.outputEdit, self.outputNote = self.outputField.edit, self.outputField.note
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        rows: tuple[tuple[str, QWidget, QWidget | None], ...] = (
            ("title_label", self.titleEdit, self.titleEdit),
            ("", self.titleNote, None),
            ("subtitle_label", self.subtitleEdit, self.subtitleEdit),
            ("presenter_label", self.presenterEdit, self.presenterEdit),
            ("date_label", self.dateField, self.dateEdit),
            ("length_label", self.lengthChoice, self.lengthChoice),
            ("structure_label", self.structureChoice, self.structureChoice),
            ("language_label", self.languageCombo, self.languageCombo),
            ("font_label", self.fontField, self.fontEdit),
            ("", self.fontInfoLabel, None),
            ("", self.fontMissingLabel, None),
            ("logo_label", self.logoField, self.logoEdit),
            ("chart_label", self.chartStyleCombo, self.chartStyleCombo),
            ("format_label", self.formatCombo, self.formatCombo),
            ("output_label", self.outputField, self.outputEdit),
        )
        for key, field, buddy in rows:
            if not key or buddy is None:
                form.addRow(field)
                continue
            label = named(QLabel(self), key.replace("_label", "Label"))
            label.setBuddy(buddy)
            self._labels[key] = label
            form.addRow(label, field)

    def _line(self, name: str) -> QLineEdit:
        edit = named(QLineEdit(self), name)
        edit.setClearButtonEnabled(True)
        return edit

    def _combo(self, name: str, values: tuple[str, ...]) -> QComboBox:
        combo = named(QComboBox(self), name)
        for value in values:
            combo.addItem(value, value)
        return combo

    def _connect(self) -> None:
        # the panel sets texts with signals blocked: any change that arrives is the user's
        self.titleEdit.textChanged.connect(lambda: self._typed("title"))
        self.subtitleEdit.textChanged.connect(lambda: self._typed("subtitle"))
        for edit in (self.titleEdit, self.subtitleEdit, self.presenterEdit):
            edit.textChanged.connect(lambda _text: self.changed.emit())
        self.titleEdit.editingFinished.connect(self._title_done)
        for combo in (self.languageCombo, self.chartStyleCombo, self.formatCombo):
            combo.currentIndexChanged.connect(self.changed)
        self.languageCombo.currentIndexChanged.connect(
            lambda: self.dateField.set_language(self.languageCombo.currentData())
        )
        self.lengthChoice.changed.connect(self._length_changed)
        self.structureChoice.changed.connect(self._structure_picked)
        for field in (self.dateField, self.logoField, self.outputField):
            field.changed.connect(self.changed)
        self.fontEdit.textEdited.connect(self._font_edited)
        self.fontEdit.editingFinished.connect(self._font_done)
        self.fontBrowseButton.clicked.connect(self._browse_font)

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.setTitle(tr("settings_box"))
        for key, label in self._labels.items():
            label.setText(tr(key))
            buddy = label.buddy()
            if buddy is not None and not isinstance(buddy, Choice):
                buddy.setAccessibleName(plain(tr(key)))
        self.presenterEdit.setPlaceholderText(tr("presenter_placeholder"))
        for edit in (self.titleEdit, self.subtitleEdit):
            edit.setToolTip(tr("auto_tip"))
        self.dateField.retranslate()
        self._show_choices()
        for n, lang in enumerate(DECK_LANGUAGES):
            self.languageCombo.setItemText(n, LANGUAGE_NAMES[lang])
        for n, key in enumerate(("chart_image", "chart_native")):
            self.chartStyleCombo.setItemText(n, tr(key))
        for n, formats in enumerate(FORMAT_CHOICES):
            self.formatCombo.setItemText(n, tr("format_" + formats.replace(",", "_")))
        self.fontEdit.setPlaceholderText(tr("font_placeholder"))
        self.fontBrowseButton.setText(tr("font_browse"))
        self.fontBrowseButton.setAccessibleName(tr("font_dialog"))
        self.logoField.retranslate()
        self.outputField.retranslate()

    def _show_choices(self) -> None:
        for length in LENGTHS:
            name, estimate = tr(f"length_{length}"), self._estimates.get(length)
            self.lengthChoice.set_text(
                length,
                tr("length_estimate", name=name, n=estimate[0], minutes=estimate[1])
                if estimate
                else tr("length_pending", name=name)
                if self._estimates
                else name,
            )
        self.lengthChoice.set_accessible_name(plain(tr("length_label")))
        self.structureChoice.set_text("report", tr("structure_report"))
        self.structureChoice.set_text("findings-first", tr("structure_findings"))
        self.structureChoice.setToolTip(tr("structure_tip"))
        self.structureChoice.set_accessible_name(plain(tr("structure_label")))

    # -- options <-> widgets ----------------------------------------------------------------
    def set_options(self, options: BuildOptions) -> None:
        """Show ``options`` (without emitting :attr:`changed`)."""
        blocked = [w.blockSignals(True) for w in self._inputs()]
        for key in ("title", "subtitle"):
            value = getattr(options, key)
            self._auto[key] = value is None
            getattr(self, f"{key}Edit").setText(value if value is not None else "")
        self.presenterEdit.setText(options.presenter or "")
        self.dateField.set_value(options.date)
        self.dateField.set_style(options.date_style)
        self.dateField.set_language(options.language)
        self.lengthChoice.set_value(options.length)
        self._structure_chosen = options.structure is not None
        self.structureChoice.set_value(options.structure or effective_structure(options.length))
        _select(self.languageCombo, options.language)
        _select(self.chartStyleCombo, options.chart_style)
        formats = ",".join(options.formats)
        if self.formatCombo.findData(formats) < 0:  # a recipe's own choice, such as odp alone
            self.formatCombo.addItem(formats.replace(",", " + "), formats)
        _select(self.formatCombo, formats)
        self.fontEdit.setText(options.font or "")
        self._font_index = options.font_index
        self.logoField.set_value(options.logo)
        self.outputField.set_value(options.output)
        for widget, was in zip(self._inputs(), blocked, strict=True):
            widget.blockSignals(was)
        self.set_defaults(**self._defaults)

    def changes(self) -> dict[str, Any]:
        """The BuildOptions fields this form sets, from the widgets (the recipe's form: the
        title, subtitle and output the report gives are None, as in a recipe without them)."""
        return {
            "title": None if self._auto["title"] else self.titleEdit.text().strip() or None,
            "subtitle": None if self._auto["subtitle"] else self.subtitleEdit.text().strip(),
            "presenter": self.presenterEdit.text().strip() or None,
            "date": self.dateField.value(),
            "date_style": self.dateField.style(),
            "length": self.lengthChoice.value(),
            "structure": self.structureChoice.value() if self._structure_chosen else None,
            "language": self.languageCombo.currentData(),
            "font": self.fontEdit.text().strip() or None,
            "font_index": self._font_index,
            "chart_style": self.chartStyleCombo.currentData(),
            "formats": tuple(self.formatCombo.currentData().split(",")),
            "logo": self.logoField.value(),
            "output": self.outputField.value(),
        }

    def output_path(self) -> Path:
        """The absolute path the deck will be written to."""
        return self.outputField.path()

    def set_defaults(self, *, title: str, subtitle: str, output: Path | None = None) -> None:
        """What the cover shows while the title and subtitle are not typed (written into the
        fields themselves), and the output path while none is typed."""
        self._defaults = {"title": title, "subtitle": subtitle}
        for key, text in self._defaults.items():
            edit = getattr(self, f"{key}Edit")
            if self._auto[key] and edit.text() != text:
                blocked = edit.blockSignals(True)
                edit.setText(text)
                edit.blockSignals(blocked)
        if output is not None:
            self.outputField.set_default(output)

    def set_estimates(self, estimates: Mapping[str, tuple[int, float] | None]) -> None:
        """Slide count and minutes per length (None: still being counted)."""
        self._estimates = dict(estimates)
        self._show_choices()

    def problems(self) -> list[str]:
        """Why Generate cannot run, from this form (output, font, logo), in words."""
        found = [
            tr(key, reason=problem)
            for key, problem in (
                ("fix_date", self.dateField.problem),
                ("fix_output", self.outputField.problem),
                ("fix_font", self._font_problem),
                ("fix_logo", self.logoField.problem),
            )
            if problem
        ]
        return found

    def _inputs(self) -> list[QWidget]:
        """The widgets that hold a setting."""
        return [
            self.titleEdit,
            self.subtitleEdit,
            self.presenterEdit,
            self.dateField,
            self.lengthChoice,
            self.structureChoice,
            self.languageCombo,
            self.fontEdit,
            self.logoField,
            self.chartStyleCombo,
            self.formatCombo,
            self.outputField,
        ]

    def focus_chain(self) -> list[QWidget]:
        """The form's widgets in tab order."""
        return [
            self.titleEdit,
            self.subtitleEdit,
            self.presenterEdit,
            *self.dateField.focus_chain(),
            *self.lengthChoice.focus_chain(),
            *self.structureChoice.focus_chain(),
            self.languageCombo,
            *self.fontField.focus_chain(),
            *self.logoField.focus_chain(),
            self.chartStyleCombo,
            self.formatCombo,
            *self.outputField.focus_chain(),
        ]

    # -- edits ------------------------------------------------------------------------------
    def _typed(self, key: str) -> None:
        self._auto[key] = False
        if key == "title" and self.titleNote.isVisible() and not self.titleNote.styleSheet():
            self.set_title_note("")  # the fallback note: a title is typed again

    def set_title_note(self, text: str, warning: bool = False) -> None:
        """A line under the title: the cover cannot hold it (``warning``), or the report's
        title is used because the field was emptied; empty: none."""
        self.titleNote.setText(text)
        self.titleNote.setStyleSheet(f"color: {PROBLEM};" if warning else "")
        self.titleNote.setVisible(bool(text))
        self.titleEdit.setAccessibleDescription(text)

    def _title_done(self) -> None:
        """An emptied title goes back to the report's (the cover never has none), and says so."""
        if not self.titleEdit.text().strip() and not self._auto["title"]:
            self._auto["title"] = True
            self.set_defaults(**self._defaults)
            self.set_title_note(tr("title_fallback", title=self._defaults["title"]))
            self.changed.emit()

    def commit(self) -> None:
        """Finish an edit in progress (before Generate or Save)."""
        self._title_done()
        self._font_done()

    def _length_changed(self) -> None:
        if not self._structure_chosen:
            self.structureChoice.set_value(effective_structure(self.lengthChoice.value()))
        self.changed.emit()

    def _structure_picked(self) -> None:
        self._structure_chosen = True
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        """Enter in any field generates the deck (as a dialog's default button would)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the font ---------------------------------------------------------------------------
    def set_font_info(self, text: str, error: bool = False) -> None:
        """The chosen font's name and licence bit, or why it cannot be used (then Generate is
        off until another font is chosen)."""
        self._font_problem = text if error else None
        self.fontInfoLabel.setText(tr("font_unusable", reason=text) if error else text)
        set_problem(self.fontEdit, self.fontInfoLabel, self._font_problem)

    def set_missing(self, text: str) -> None:
        """The characters the deck shows that the font lacks (empty: none)."""
        self.fontMissingLabel.setText(text)
        self.fontMissingLabel.setVisible(bool(text))

    def _font_edited(self) -> None:
        self._font_index = None
        self._font_dirty = True

    def _font_done(self) -> None:
        if self._font_dirty:
            self._font_dirty = False
            self.changed.emit()
            self.fontChanged.emit()

    def set_font_file(self, path: str) -> None:
        """Use the font file ``path`` (as chosen in the dialog)."""
        self.fontEdit.setText(path)
        self._font_index = None
        self.changed.emit()
        self.fontChanged.emit()

    def _browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("font_dialog"), "", tr("font_filter"))
        if path:
            self.set_font_file(path)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
