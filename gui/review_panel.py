"""The review step after an import (File ▸ Review drafts): every record the importer drafted,
each beside the report's words and the doubt that made it a draft; accept, edit or reject one,
several (the selection) or all, then Save writes the content folder through
:func:`briefing.api.apply_review` (validated as ``check`` does, atomically).

The panel is a dialog named ``draftReview``; its list, ``draftList``, has one row per drafted
item. Keyboard: arrows move, Space / Enter accept, Delete rejects, Ctrl+E edits, the buttons'
mnemonics do the rest; every control has an accessible name, and each row's accessible text
says what it is, what was decided, and why it is a draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing import api
from briefing.errors import BriefingError
from gui import errors
from gui.import_notes import note_text
from gui.qtutil import announce, named
from gui.strings import STRINGS, plain, tr

if TYPE_CHECKING:
    from pathlib import Path

KeyRole = Qt.ItemDataRole.UserRole + 1
STATES = ("accept", "edit", "reject")


def section_kind(kind: str) -> str:
    """A section kind in words (摘要, 心得與建議 …)."""
    return choice_label("kind", kind)


def choice_label(field: str, value: str) -> str:
    """A fixed value in words: a section kind (摘要), a qualifier (約, 超過 …)."""
    key = f"section_kind_{value}" if field == "kind" else f"{field}_{value}"
    return tr(key) if key in STRINGS else value


def doubt_text(draft: api.Draft) -> str:
    """Why ``draft`` is a draft, in the interface language."""
    kind = section_kind(draft.detail) if draft.kind == "section" else ""
    key = f"doubt_{draft.doubt}"
    return tr(key, kind=kind) if key in STRINGS else draft.doubt


class DraftReview(QDialog):
    """Review the drafts of the content folder ``folder``; emits :attr:`saved` with the
    :class:`~briefing.api.ReviewResult` once the decisions are written."""

    saved = Signal(object)

    def __init__(self, folder: Path, parent: QWidget | None = None, summary: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("draftReview")
        self.folder = folder
        self.drafts: list[api.Draft] = []
        self.decisions: dict[str, str] = {}
        self.edits: dict[str, dict[str, str]] = {}
        self.intro = QLabel(self, wordWrap=True)
        self.summary = named(QLabel(summary, self, wordWrap=True), "reviewSummary")
        self.summary.setVisible(bool(summary))
        self.list = named(QListWidget(self), "draftList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.wordsLabel = QLabel(self)
        self.words = named(QPlainTextEdit(self, readOnly=True), "draftWords")
        self.doubtLabel = QLabel(self)
        self.doubt = named(QLabel(self, wordWrap=True), "draftDoubt")
        self.doubt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.editor = named(QWidget(self), "draftEditor")
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.count = named(QLabel(self), "reviewCount")
        self.buttons = {
            name: named(QPushButton(self), f"review{name.title().replace('_', '')}Button")
            for name in (
                "accept",
                "edit",
                "reject",
                "undo",
                "accept_all",
                "reject_all",
                "apply",
                "save",
                "close",
            )
        }
        self.details = named(QCheckBox(self), "reviewDetails")
        self.notes = named(QPlainTextEdit(self, readOnly=True), "importNotes")
        self.notes.setVisible(False)
        self._layout()
        self._connect()
        self.retranslate()
        self.reload()
        self.resize(900, 560)

    # -- construction -------------------------------------------------------------------------
    def _layout(self) -> None:
        side = QWidget(self)
        grid = QVBoxLayout(side)
        grid.setContentsMargins(0, 0, 0, 0)
        for widget in (self.wordsLabel, self.words, self.doubtLabel, self.doubt):
            grid.addWidget(widget, 1 if widget is self.words else 0)
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addLayout(self.form)
        editor.addWidget(self.buttons["apply"], 0, Qt.AlignmentFlag.AlignRight)
        self.editor.setVisible(False)
        grid.addWidget(self.editor)
        self.wordsLabel.setBuddy(self.words)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        actions = QGridLayout()
        for n, name in enumerate(("accept", "edit", "reject", "undo", "accept_all", "reject_all")):
            actions.addWidget(self.buttons[name], n // 4, n % 4)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.details)
        bottom.addWidget(self.buttons["save"])
        bottom.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes)
        layout.addLayout(actions)
        layout.addLayout(bottom)
        for button in self.buttons.values():
            button.setAutoDefault(False)

    def _connect(self) -> None:
        b = self.buttons
        b["accept"].clicked.connect(lambda: self.decide("accept"))
        b["reject"].clicked.connect(lambda: self.decide("reject"))
        b["undo"].clicked.connect(lambda: self.decide(None))
        b["edit"].clicked.connect(self.start_edit)
        b["apply"].clicked.connect(lambda: self.apply_edit())
        b["accept_all"].clicked.connect(lambda: self.decide_all("accept"))
        b["reject_all"].clicked.connect(lambda: self.decide_all("reject"))
        b["save"].clicked.connect(self.save)
        b["close"].clicked.connect(self.close)
        self.details.toggled.connect(self.notes.setVisible)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemActivated.connect(lambda _item: self.decide("accept"))
        self.list.installEventFilter(self)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The list's keys: Space accepts, Delete rejects, Ctrl+E (or F2) edits."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if key == Qt.Key.Key_Space and not ctrl:
                self.decide("accept")
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.decide("reject")
                return True
            if key == Qt.Key.Key_F2 or (key == Qt.Key.Key_E and ctrl):
                self.start_edit()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(tr("review_title"))
        self.intro.setText(tr("review_intro"))
        self.list.setAccessibleName(tr("review_list"))
        self.wordsLabel.setText(tr("review_words"))
        self.words.setAccessibleName(tr("review_words"))
        self.doubtLabel.setText(tr("review_doubt"))
        self.doubt.setAccessibleName(tr("review_doubt"))
        self.details.setText(tr("details_toggle"))
        self.notes.setAccessibleName(tr("details_toggle"))
        for name, button in self.buttons.items():
            button.setText(tr(f"review_{name}"))
            button.setAccessibleName(plain(tr(f"review_{name}")))
        for row in range(self.list.count()):
            self._paint_row(row)
        self._update_count()

    # -- the list -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the folder's drafts again (after a save: what is left)."""
        try:
            self.drafts = api.drafts(self.folder)
        except BriefingError as exc:
            self.drafts = []
            errors.show_error(self, exc, tr("review_failed"))
        self.decisions.clear()
        self.edits.clear()
        self.list.clear()
        for draft in self.drafts:
            item = QListWidgetItem()
            item.setData(KeyRole, draft.key)
            self.list.addItem(item)
        for row in range(self.list.count()):
            self._paint_row(row)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_count()
        self._show_current()

    def set_notes(self, notes: list[str] | tuple[str, ...]) -> None:
        """The importer's notes, worded, behind the details toggle."""
        self.notes.setPlainText("\n".join(note_text(n) for n in notes))

    def _paint_row(self, row: int) -> None:
        item, draft = self.list.item(row), self.drafts[row]
        state = self.decisions.get(draft.key)
        mark = tr(f"state_{state}") if state else tr("state_waiting")
        kind = (
            tr(f"draft_kind_{draft.kind}") if f"draft_kind_{draft.kind}" in STRINGS else draft.kind
        )
        if draft.kind == "section":
            kind += f"（{section_kind(draft.detail)}）"
        item.setText(f"{mark} · {kind} · {self._label(draft)}")
        item.setToolTip(f"{doubt_text(draft)}\n{draft.words}")
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{kind}：{self._label(draft)}；{mark}；{doubt_text(draft)}",
        )
        font = item.font()
        font.setStrikeOut(state == "reject")
        item.setFont(font)

    def _label(self, draft: api.Draft) -> str:
        edited = self.edits.get(draft.key)
        if not edited:
            return draft.label
        words = [choice_label(k, v) if k in api.FIELD_CHOICES else v for k, v in edited.items()]
        return " ".join(w for w in words if w) or draft.label

    def _update_count(self) -> None:
        states = list(self.decisions.values())
        self.count.setText(
            tr(
                "review_count",
                n=len(self.drafts),
                a=states.count("accept"),
                e=states.count("edit"),
                r=states.count("reject"),
                w=len(self.drafts) - len(states),
            )
            if self.drafts
            else tr("review_none")
        )
        self.buttons["save"].setEnabled(bool(self.decisions))

    def _rows(self) -> list[int]:
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        current = self.list.currentRow()
        return rows or ([current] if current >= 0 else [])

    def _show_current(self) -> None:
        row = self.list.currentRow()
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self.words.setPlainText(draft.words if draft else "")
        self.doubt.setText(doubt_text(draft) if draft else "")
        self.editor.setVisible(False)
        for name in ("accept", "edit", "reject", "undo"):
            self.buttons[name].setEnabled(draft is not None)

    # -- decisions ----------------------------------------------------------------------------
    def decide(self, state: str | None, rows: list[int] | None = None) -> None:
        """Accept, reject (or undo: None) the selected rows (``rows`` when given)."""
        for row in rows if rows is not None else self._rows():
            key = self.drafts[row].key
            if state is None:
                self.decisions.pop(key, None)
                self.edits.pop(key, None)
            else:
                self.decisions[key] = state
                if state == "reject":
                    self.edits.pop(key, None)
            self._paint_row(row)
        self._update_count()

    def decide_all(self, state: str) -> None:
        """Accept or reject every row (an edited row stays edited when accepting)."""
        rows = [
            r
            for r in range(len(self.drafts))
            if self.decisions.get(self.drafts[r].key) != "edit" or state == "reject"
        ]
        self.decide(state, rows)

    def start_edit(self) -> None:
        """Show the current row's fields to change."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts[row]
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        values = self.edits.get(draft.key) or draft.fields
        for name in api.EDITABLE_FIELDS[draft.kind]:
            if name in api.FIELD_CHOICES:
                box = QComboBox(self.editor)
                for value in api.FIELD_CHOICES[name]:
                    box.addItem(choice_label(name, value), value)
                box.setCurrentIndex(max(0, box.findData(values.get(name, ""))))
                widget: QLineEdit | QComboBox = box
            else:
                widget = QLineEdit(values.get(name, ""), self.editor)
            widget.setObjectName(f"draftField_{name}")
            widget.setAccessibleName(tr(f"field_{name}"))
            self.form.addRow(tr(f"field_{name}"), widget)
            self.fields[name] = widget
        self.editor.setVisible(True)
        next(iter(self.fields.values())).setFocus()

    def apply_edit(self, changes: dict[str, str] | None = None) -> None:
        """Record the edit of the current row: ``changes`` (field -> text), else the form's."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts[row]
        if changes is None:
            changes = {
                name: w.currentData() if isinstance(w, QComboBox) else w.text()
                for name, w in self.fields.items()
            }
        changed = {k: v for k, v in changes.items() if v != draft.fields.get(k, "")}
        if changed:
            self.edits[draft.key] = {**draft.fields, **changes}
            self.decisions[draft.key] = "edit"
        self.editor.setVisible(False)
        self._paint_row(row)
        self._update_count()
        self.list.setFocus()

    def save(self) -> bool:
        """Write the decisions into the content folder; False (and a dialog) on a problem."""
        accept = [k for k, s in self.decisions.items() if s == "accept"]
        reject = [k for k, s in self.decisions.items() if s == "reject"]
        edits = {k: v for k, v in self.edits.items() if self.decisions.get(k) == "edit"}
        try:
            result = api.apply_review(self.folder, accept=accept, reject=reject, edits=edits)
        except BriefingError as exc:
            errors.show_error(self, exc, tr("review_failed"))
            return False
        message = tr(
            "review_saved", kept=result.kept, removed=len(result.removed), left=result.remaining
        )
        self.summary.setText(message)
        self.summary.setVisible(True)
        announce(self, message)
        self.reload()
        self.saved.emit(result)
        return True

    def texts(self) -> list[str]:
        """Every row's text, in order."""
        return [self.list.item(r).text() for r in range(self.list.count())]
