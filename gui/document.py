"""The recipe the window edits: File ▸ New / Open / Save / Save As, recent files, and the
unsaved-changes prompt.

The window owns the widgets; :class:`Document` owns which recipe file they came from, what it
said (so an unchanged recipe saves back unchanged) and whether there are unsaved changes
(the recipe text differs from what was last loaded or saved).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing import api
from briefing.errors import BriefingError, RecipeError
from gui.fields import dialog_start
from gui.strings import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from briefing.options import BuildOptions

DATE_VALUE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*[\"']?(\d{4}-\d{1,2}-\d{1,2})\b")
#: Why Python refuses a date, in words (datetime's messages).
DATE_REASONS = {
    "month must be in 1..12": "date_bad_month",
    "day is out of range for month": "date_bad_day",
}
RECENT_KEY = "recent"
RECENT_LIMIT = 8
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Document:
    """One recipe being edited (or an untitled one)."""

    def __init__(self, parent: QWidget, settings: QSettings, folder: Path) -> None:
        self._parent, self._settings, self._home = parent, settings, folder
        self.path: Path | None = None
        self.raw: dict[str, Any] = {}
        self.loaded: BuildOptions | None = None
        self._baseline = ""
        #: Asks whether to save unsaved changes: returns SAVE, DISCARD or CANCEL (tests
        #: replace it; the default shows a modal question).
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved

    # -- identity and state -----------------------------------------------------------------
    @property
    def name(self) -> str:
        """The recipe's file name, or 未命名."""
        return self.path.name if self.path is not None else tr("untitled")

    def reset(
        self, options: BuildOptions, path: Path | None, raw: dict[str, Any] | None = None
    ) -> None:
        """Now editing ``options``, loaded from ``path`` (None: an untitled recipe, maybe
        started from an example whose fields as written are ``raw``)."""
        self.path = path
        self.raw = api.raw_recipe(path) if path is not None else dict(raw or {})
        self.loaded = options

    def mark_clean(self, options: BuildOptions) -> None:
        """``options`` (what the widgets now say) count as saved."""
        self._baseline = self.text(options)

    def text(self, options: BuildOptions, path: Path | None = None) -> str:
        """The recipe YAML ``options`` saves as (at ``path``, default: the current file)."""
        return api.recipe_text(options, path or self.path, self.raw, self.loaded)

    def dirty(self, options: BuildOptions) -> bool:
        """Whether ``options`` differ from what was last loaded or saved."""
        return self.text(options) != self._baseline

    # -- files ------------------------------------------------------------------------------
    def write(self, options: BuildOptions, path: Path) -> None:
        """Write the recipe for ``options`` to ``path`` (through a temporary file)."""
        api.write_atomic(path, self.text(options, path).encode("utf-8"))
        self.path = path
        self.raw = api.raw_recipe(path)
        self.loaded = options
        self._baseline = self.text(options)
        self.remember(path)

    def ask_open_path(self) -> Path | None:
        """The recipe to open, from a file dialog (None: cancelled)."""
        start = dialog_start(Path(self._folder()) / "briefing.yaml", self._home)
        path, _ = QFileDialog.getOpenFileName(
            self._parent, tr("open_title"), str(Path(start).parent), tr("recipe_filter")
        )
        return Path(path) if path else None

    def ask_save_path(self) -> Path | None:
        """Where to save, from a file dialog (None: cancelled)."""
        start = str(self.path) if self.path else dialog_start(self._default_name(), self._home)
        path, _ = QFileDialog.getSaveFileName(
            self._parent, tr("save_title"), start, tr("recipe_filter")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith((".yaml", ".yml")) else f"{path}.yaml")

    def _default_name(self) -> Path:
        """Where an untitled recipe is offered to be saved."""
        title = self.loaded.title if self.loaded is not None and self.loaded.title else ""
        stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", title).strip(" .") or "briefing"
        return Path(self._folder()) / f"{stem}.yaml"

    def _folder(self) -> str:
        """Where the file dialogs start: the last recipe's folder, else the user's own
        briefing folder (never the program's)."""
        return str(self._settings.value("dirs/recipes", str(self._home)))

    # -- reading ----------------------------------------------------------------------------
    def read(self, path: Path) -> BuildOptions:
        """The options of the recipe at ``path``; every problem is a RecipeError (an empty
        file too: it would silently build the whole report)."""
        try:
            if not api.raw_recipe(path):
                raise RecipeError(tr("error_empty_recipe"), file=path)
            return api.options_from_recipe(path)
        except BriefingError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. PyYAML's ValueError for 2025-13-40
            raise unreadable(path, exc) from exc

    # -- recent files -----------------------------------------------------------------------
    def recent(self) -> list[Path]:
        """Recently opened or saved recipes that still exist, newest first."""
        value = self._settings.value(RECENT_KEY, [])
        items = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [Path(p) for p in items if p and Path(p).is_file()]

    def remember(self, path: Path) -> None:
        """Put ``path`` at the top of the recent list."""
        path = path.absolute()
        items = [str(path)] + [str(p) for p in self.recent() if p != path]
        self._settings.setValue(RECENT_KEY, items[:RECENT_LIMIT])
        self._settings.setValue("dirs/recipes", str(path.parent))

    # -- unsaved changes --------------------------------------------------------------------
    def _ask_unsaved(self) -> str:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            self._parent,
            tr("unsaved_title"),
            tr("unsaved_text", name=self.name),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        return {
            QMessageBox.StandardButton.Save: SAVE,
            QMessageBox.StandardButton.Discard: DISCARD,
        }.get(answer, CANCEL)


def unreadable(path: Path, exc: Exception) -> RecipeError:
    """A recipe the YAML reader itself fails on, said plainly: a date that does not exist
    (``2025-13-40``) names its line and field."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for number, line in enumerate(lines, start=1):
        match = DATE_VALUE.match(line)
        if match is None:
            continue
        try:
            dt.date.fromisoformat("-".join(f"{int(p):02d}" for p in match.group(2).split("-")))
        except ValueError as bad:
            reason = tr(DATE_REASONS[str(bad)]) if str(bad) in DATE_REASONS else str(bad)
            message = tr("error_bad_date", value=match.group(2), reason=reason)
            return RecipeError(message, file=path, line=number, field=match.group(1))
    return RecipeError(tr("error_unreadable", reason=exc), file=path)
