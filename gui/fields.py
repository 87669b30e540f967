"""File fields of the settings form: the output deck (checked as it is typed) and the agency
logo. Each is a line edit, a Browse button and a line under them saying where the file will be
written, or what is wrong with it.

:func:`output_problem` and :func:`logo_problem` are plain checks (no Qt): they answer at every
keystroke, before any build, what a build would refuse or fail to write.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui import strings
from gui.qtutil import named, set_problem
from gui.strings import tr

#: Characters Windows refuses in a file name (a deck may be copied there), and its reserved names.
BAD_CHARS = '<>:"|?*'
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))} | {
    f"LPT{n}" for n in range(1, 10)
}
LOGO_SUFFIXES = (".png", ".svg")


def quote_chars(chars: list[str]) -> str:
    """Characters a message names, each quoted (「:」、「?」; control characters by code)."""
    shown = [c if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in chars]
    if strings.language() == "zh-TW":
        return "、".join(f"「{c}」" for c in shown)
    return ", ".join(f"“{c}”" for c in shown)


def output_problem(path: Path) -> str | None:
    """Why a deck cannot be written to ``path`` (absolute), in words; None when it can."""
    name = path.name
    if not name:
        return tr("output_empty")
    if path.is_dir():
        return tr("output_is_folder")
    bad = sorted({c for c in name if c in BAD_CHARS or ord(c) < 32})
    if bad:
        return tr("output_bad_name", chars=quote_chars(bad))
    if path.suffix.lower() != ".pptx":
        return tr("output_suffix")
    if name.split(".")[0].upper() in RESERVED:
        return tr("output_reserved", name=name)
    if len(name.encode("utf-8")) > 250:
        return tr("output_long")
    return _folder_problem(path)


def _folder_problem(path: Path) -> str | None:
    """Whether the folder of ``path`` exists and is writable, or can be created."""
    if path.exists() and not os.access(path, os.W_OK):
        return tr("output_file_locked")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return tr("output_not_folder", path=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return tr("output_read_only", path=folder)
    return None


def logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the agency logo, in words; None when it can."""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return tr("logo_kind")
    if not path.is_file():
        return tr("logo_missing", path=path)
    return None


def dialog_start(path: Path, home: Path) -> str:
    """Where a file dialog opens for ``path``: there when its folder exists, else in the
    default folder ``home`` (created: files go there), never the program's folder."""
    if path.parent.is_dir():
        return str(path)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        return str(Path.home() / path.name)
    return str(home / path.name)


class PathField(QWidget):
    """A path: line edit and Browse button, with a note below (where it goes, or a problem)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(self), f"{name}Edit")
        self.edit.setClearButtonEnabled(True)
        self.browseButton = named(QPushButton(self), f"{name}BrowseButton")
        self.browseButton.setAutoDefault(False)
        self.note = named(QLabel(self, wordWrap=True), f"{name}Note")
        self.note.setVisible(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.browseButton, 0, 1)
        grid.addWidget(self.note, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self._problem: str | None = None
        self.edit.textChanged.connect(self._text_changed)

    def _text_changed(self) -> None:
        self._typed()
        self.changed.emit()

    def _typed(self) -> None:
        """The user changed the text (the field's own changes come with signals blocked)."""

    @property
    def problem(self) -> str | None:
        """What is wrong with the path (None: nothing)."""
        return self._problem

    def show_note(self, text: str, problem: bool) -> None:
        """Show ``text`` under the field; a problem marks the field (red, and in its
        accessible description)."""
        self._problem = text if problem else None
        self.note.setText(text)
        self.note.setVisible(bool(text))
        set_problem(self.edit, self.note, text if problem else None)

    def focus_chain(self) -> list[QWidget]:
        """The field's widgets in tab order."""
        return [self.edit, self.browseButton]


class OutputField(PathField):
    """The deck to write. Until the user types a path it follows the deck's title and date
    (the name :func:`briefing.api.default_output` gives, in the default folder) and the field
    shows that path itself, never a grey placeholder. A relative path is taken from the
    default folder; the note always shows the absolute path."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__("output", parent)
        self.folder = folder
        self._default = ""
        self._auto = True
        self.edit.editingFinished.connect(self._done)
        self.changed.connect(self.check)
        self.browseButton.clicked.connect(self._browse)

    @property
    def auto(self) -> bool:
        """Whether the path follows the title and date (nothing typed)."""
        return self._auto

    def set_value(self, path: Path | None) -> None:
        """Show ``path`` (None: follow the title and date again), without emitting changed."""
        self._auto = path is None
        if path is not None:
            self._set_text(str(path))

    def set_default(self, path: Path) -> None:
        """The path to show while nothing is typed."""
        self._default = str(path)
        if self._auto and self.edit.text() != self._default:
            self._set_text(self._default)

    def value(self) -> Path | None:
        """What a recipe saves: the path as typed, None while it follows the title."""
        text = self.edit.text().strip()
        return None if self._auto or not text else Path(text)

    def path(self) -> Path:
        """The absolute path a build writes to."""
        path = Path(os.path.expanduser(self.edit.text().strip()))
        return path if path.is_absolute() else Path(os.path.abspath(self.folder / path))

    def check(self) -> str | None:
        """Check the path as typed; show where it goes or what is wrong."""
        path = self.path()
        problem = output_problem(path) if self.edit.text().strip() else tr("output_empty")
        self.show_note(problem or tr("output_will_write", path=path), problem is not None)
        return problem

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.browseButton.setText(tr("output_browse"))
        self.browseButton.setAccessibleName(tr("output_dialog"))
        self.edit.setToolTip(tr("auto_tip"))
        self.check()

    def _set_text(self, text: str) -> None:
        blocked = self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.blockSignals(blocked)
        self.check()

    def _typed(self) -> None:
        self._auto = False

    def _done(self) -> None:
        """An emptied field follows the title and date again."""
        if not self.edit.text().strip():
            self._auto = True
            self._set_text(self._default)
            self.changed.emit()

    def _browse(self) -> None:
        start = dialog_start(self.path(), self.folder)
        path, _ = QFileDialog.getSaveFileName(self, tr("output_dialog"), start, tr("pptx_filter"))
        if path:
            self._auto = False
            self.edit.setText(path if path.lower().endswith(".pptx") else f"{path}.pptx")


class LogoField(PathField):
    """The optional agency logo (a PNG or SVG file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("logo", parent)
        self.changed.connect(self.check)
        self.browseButton.clicked.connect(self._browse)

    def set_value(self, path: Path | None) -> None:
        """Show ``path`` (None: no logo), without emitting changed."""
        blocked = self.edit.blockSignals(True)
        self.edit.setText(str(path) if path else "")
        self.edit.blockSignals(blocked)
        self.check()

    def value(self) -> Path | None:
        """The logo file (None: no logo)."""
        text = self.edit.text().strip()
        return Path(os.path.expanduser(text)) if text else None

    def check(self) -> str | None:
        """Check the file; show what is wrong with it (nothing when it is fine or empty)."""
        path = self.value()
        problem = logo_problem(path) if path is not None else None
        self.show_note(problem or "", problem is not None)
        return problem

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.browseButton.setText(tr("logo_browse"))
        self.browseButton.setAccessibleName(tr("logo_dialog"))
        self.edit.setPlaceholderText(tr("logo_placeholder"))
        self.check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("logo_dialog"), "", tr("logo_filter"))
        if path:
            self.edit.setText(path)
