"""The deck settings form: title, subtitle, presenter, date, length, language, font, charts,
output file. It maps widgets to the :class:`~briefing.options.BuildOptions` fields it owns
(:meth:`SettingsPanel.changes`) and back (:meth:`SettingsPanel.set_options`); empty text means
"the default" (None), as in a recipe that leaves the field out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui.qtutil import named
from gui.strings import LANGUAGE_NAMES, tr

if TYPE_CHECKING:
    from briefing.options import BuildOptions

LENGTHS = ("brief", "standard", "full")
DECK_LANGUAGES = ("zh-TW", "en")
DATE_STYLES = ("roc", "gregorian")
CHART_STYLES = ("image", "native")


class SettingsPanel(QGroupBox):
    """The deck settings; emits :attr:`changed` on any edit and :attr:`fontChanged` when the
    font spec changes."""

    changed = Signal()
    fontChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self._font_index: int | None = None
        self._font_dirty = False
        self._build()
        self._connect()
        self.retranslate()

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout(self)
        self.titleEdit = self._line("titleEdit")
        self.subtitleEdit = self._line("subtitleEdit")
        self.presenterEdit = self._line("presenterEdit")
        self.customDateCheck = named(QCheckBox(self), "customDateCheck")
        self.dateEdit = named(QDateEdit(self), "dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("yyyy-MM-dd")
        self.dateStyleCombo = self._combo("dateStyleCombo", DATE_STYLES)
        self.datePreview = named(QLabel(self), "datePreview")
        self.lengthCombo = self._combo("lengthCombo", LENGTHS)
        self.languageCombo = self._combo("languageCombo", DECK_LANGUAGES)
        self.fontEdit = self._line("fontEdit")
        self.fontEdit.setCompleter(QCompleter(QFontDatabase.families(), self.fontEdit))
        self.fontBrowseButton = named(QPushButton(self), "fontBrowseButton")
        self.fontInfoLabel = named(QLabel(self, wordWrap=True), "fontInfoLabel")
        self.chartStyleCombo = self._combo("chartStyleCombo", CHART_STYLES)
        self.outputEdit = self._line("outputEdit")
        self.outputBrowseButton = named(QPushButton(self), "outputBrowseButton")
        date_row = _row(self.customDateCheck, self.dateEdit, self.dateStyleCombo)
        font_row = _row(self.fontEdit, self.fontBrowseButton)
        output_row = _row(self.outputEdit, self.outputBrowseButton)
        self._labels: dict[str, QLabel] = {}
        rows: tuple[tuple[str, QWidget, QWidget | None], ...] = (
            ("title_label", self.titleEdit, self.titleEdit),
            ("subtitle_label", self.subtitleEdit, self.subtitleEdit),
            ("presenter_label", self.presenterEdit, self.presenterEdit),
            ("date_label", date_row, self.customDateCheck),
            ("", self.datePreview, None),
            ("length_label", self.lengthCombo, self.lengthCombo),
            ("language_label", self.languageCombo, self.languageCombo),
            ("font_label", font_row, self.fontEdit),
            ("", self.fontInfoLabel, None),
            ("chart_label", self.chartStyleCombo, self.chartStyleCombo),
            ("output_label", output_row, self.outputEdit),
        )
        for key, field, buddy in rows:
            if not key or buddy is None:
                form.addRow(field)
                continue
            label = QLabel(self)
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
        for edit in (self.titleEdit, self.subtitleEdit, self.presenterEdit, self.outputEdit):
            edit.textChanged.connect(self.changed)
        for combo in (
            self.dateStyleCombo,
            self.lengthCombo,
            self.languageCombo,
            self.chartStyleCombo,
        ):
            combo.currentIndexChanged.connect(self.changed)
        self.customDateCheck.toggled.connect(self.dateEdit.setEnabled)
        self.customDateCheck.toggled.connect(self.changed)
        self.dateEdit.dateChanged.connect(self.changed)
        self.fontEdit.textEdited.connect(self._font_edited)
        self.fontEdit.editingFinished.connect(self._font_done)
        self.fontBrowseButton.clicked.connect(self._browse_font)
        self.outputBrowseButton.clicked.connect(self._browse_output)

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.setTitle(tr("settings_box"))
        for key, label in self._labels.items():
            label.setText(tr(key))
        self.customDateCheck.setText(tr("custom_date"))
        self.customDateCheck.setAccessibleName(tr("custom_date_name"))
        self.dateEdit.setAccessibleName(tr("date_label").replace("(&D)", "").replace("&", ""))
        self.dateStyleCombo.setAccessibleName(tr("date_style_name"))
        for combo, keys in (
            (self.dateStyleCombo, ("date_roc", "date_gregorian")),
            (self.lengthCombo, ("length_brief", "length_standard", "length_full")),
            (self.chartStyleCombo, ("chart_image", "chart_native")),
        ):
            for n, key in enumerate(keys):
                combo.setItemText(n, tr(key))
        for n, lang in enumerate(DECK_LANGUAGES):
            self.languageCombo.setItemText(n, LANGUAGE_NAMES[lang])
        self.fontEdit.setPlaceholderText(tr("font_placeholder"))
        self.fontBrowseButton.setText(tr("font_browse"))
        self.outputBrowseButton.setText(tr("output_browse"))
        for button, key in (
            (self.fontBrowseButton, "font_dialog"),
            (self.outputBrowseButton, "output_dialog"),
        ):
            button.setAccessibleName(tr(key))

    # -- options <-> widgets ----------------------------------------------------------------
    def set_options(self, options: BuildOptions, report_date: dt.date | None) -> None:
        """Show ``options`` (without emitting :attr:`changed`)."""
        blocked = [w.blockSignals(True) for w in self._inputs()]
        self.titleEdit.setText(options.title or "")
        self.subtitleEdit.setText(options.subtitle or "")
        self.presenterEdit.setText(options.presenter or "")
        self.customDateCheck.setChecked(options.date is not None)
        self.dateEdit.setEnabled(options.date is not None)
        shown = options.date or report_date or dt.date.today()
        self.dateEdit.setDate(QDate(shown.year, shown.month, shown.day))
        _select(self.dateStyleCombo, options.date_style)
        _select(self.lengthCombo, options.length)
        _select(self.languageCombo, options.language)
        _select(self.chartStyleCombo, options.chart_style)
        self.fontEdit.setText(options.font or "")
        self._font_index = options.font_index
        self.outputEdit.setText(str(options.output) if options.output else "")
        for widget, was in zip(self._inputs(), blocked, strict=True):
            widget.blockSignals(was)

    def changes(self) -> dict[str, Any]:
        """The BuildOptions fields this form sets, from the widgets."""
        return {
            "title": self.titleEdit.text().strip() or None,
            "subtitle": self.subtitleEdit.text().strip() or None,
            "presenter": self.presenterEdit.text().strip() or None,
            "date": self.dateEdit.date().toPython() if self.customDateCheck.isChecked() else None,
            "date_style": self.dateStyleCombo.currentData(),
            "length": self.lengthCombo.currentData(),
            "language": self.languageCombo.currentData(),
            "font": self.fontEdit.text().strip() or None,
            "font_index": self._font_index,
            "chart_style": self.chartStyleCombo.currentData(),
            "output": Path(self.outputEdit.text().strip())
            if self.outputEdit.text().strip()
            else None,
        }

    def set_defaults(self, *, title: str, subtitle: str, presenter: str, output: str) -> None:
        """What empty fields stand for, shown as placeholder text."""
        self.titleEdit.setPlaceholderText(title)
        self.subtitleEdit.setPlaceholderText(subtitle)
        self.presenterEdit.setPlaceholderText(presenter)
        self.outputEdit.setPlaceholderText(output)

    def set_date_preview(self, text: str) -> None:
        """The date as the cover will print it (中華民國108年8月2日)."""
        self.datePreview.setText(text)

    def set_font_info(self, text: str, error: bool = False) -> None:
        """The chosen font's name and licence bit (or why it cannot be used)."""
        self.fontInfoLabel.setText(text)
        self.fontInfoLabel.setStyleSheet("color: #C8553D;" if error else "")

    def _inputs(self) -> list[QWidget]:
        """The widgets that hold a setting (the focus chain without its buttons)."""
        buttons = (self.fontBrowseButton, self.outputBrowseButton)
        return [w for w in self.focus_chain() if w not in buttons]

    def focus_chain(self) -> list[QWidget]:
        """The form's widgets in tab order."""
        return [
            self.titleEdit,
            self.subtitleEdit,
            self.presenterEdit,
            self.customDateCheck,
            self.dateEdit,
            self.dateStyleCombo,
            self.lengthCombo,
            self.languageCombo,
            self.fontEdit,
            self.fontBrowseButton,
            self.chartStyleCombo,
            self.outputEdit,
            self.outputBrowseButton,
        ]

    # -- font and output --------------------------------------------------------------------
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

    def _browse_output(self) -> None:
        start = self.outputEdit.text() or self.outputEdit.placeholderText()
        path, _ = QFileDialog.getSaveFileName(self, tr("output_dialog"), start, tr("pptx_filter"))
        if path:
            self.outputEdit.setText(path if path.lower().endswith(".pptx") else f"{path}.pptx")


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QLineEdit | QDateEdit) else 0)
    return holder


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
