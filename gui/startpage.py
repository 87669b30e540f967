"""File ▸ New (and the first thing a new user sees): first, import one's own trip report
(.docx, .odt, .pdf, .txt: the row 匯入我的出國報告, or a file dropped on the page); then the
whole bundled report or one of the example briefings in ``recipes/`` (the brief, the full
briefing, digital government, English), each with its slide count and speaking minutes.

The counts are planned in a worker after the page opens. An example opens as a new, untitled
briefing (saving it asks where, in the user's own folder), writing its deck to the user's
output folder rather than the program's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing import api
from briefing.errors import BriefingError
from gui.qtutil import named
from gui.strings import STRINGS, plain, tr
from gui.window_import import dropped_report
from gui.worker import Op

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QDragEnterEvent, QDropEvent

#: The examples in the order a new user meets them (others follow by name).
ORDER = ("senior-brief", "full-briefing", "digital-government", "english")
PathRole = Qt.ItemDataRole.UserRole + 1
Estimate = tuple[str, int, float]
#: The choice of the first row: ask for a trip report to import.
IMPORT = "import"
FIRST_EXAMPLE = 2  # rows before the examples: import, the whole report


def examples() -> list[Path]:
    """The example recipes, in :data:`ORDER`."""
    found = api.examples()
    rank = {stem: n for n, stem in enumerate(ORDER)}
    return sorted(found, key=lambda p: (rank.get(p.stem, len(ORDER)), p.name))


def estimate(path: Path) -> Estimate | None:
    """The example's deck title, slide count and minutes (None: it cannot be planned)."""
    try:
        options = api.options_from_recipe(path)
        plan = api.plan(options)
    except BriefingError:
        return None
    return plan.meta.title, len(plan.slides), plan.minutes


class StartPage(QDialog):
    """The choice of how to begin; emits :attr:`chosen` with :data:`IMPORT` (ask for a report
    to import), a dropped report's path, a recipe path, or None (the whole report)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None, show_at_start: bool) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setWindowTitle(tr("start_title"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro = QLabel(tr("start_intro"), self, wordWrap=True)
        self.list = named(QListWidget(self), "exampleList")
        self.list.setAccessibleName(tr("start_list"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.showCheck = named(QCheckBox(tr("start_show"), self), "startShowCheck")
        self.showCheck.setChecked(show_at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.startButton = named(
            buttons.addButton(tr("start_open"), QDialogButtonBox.ButtonRole.AcceptRole),
            "startButton",
        )
        self.startButton.setAccessibleName(plain(tr("start_open")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.showCheck)
        layout.addWidget(buttons)
        self._fill()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.setAcceptDrops(True)
        self.resize(560, 420)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_report(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = dropped_report(event)
        if path is None:
            return
        event.acceptProposedAction()
        super().accept()
        self.chosen.emit(path)

    def _fill(self) -> None:
        self._add(tr("start_import"), IMPORT, tr("start_import_detail"))
        bold = self.list.item(0).font()
        bold.setBold(True)
        self.list.item(0).setFont(bold)
        self._add(tr("start_blank"), None, "")
        paths = examples()
        for path in paths:
            key = f"example_{path.stem}"
            self._add(tr(key) if key in STRINGS else path.stem, path, tr("start_counting"))
        self.list.setCurrentRow(0)
        self.list.setFocus()
        Op(self, lambda _ctx: [estimate(p) for p in paths]).success(self._counted).failure(
            lambda _exc: None
        ).run_in_background()

    def _add(self, label: str, path: Path | None, detail: str) -> None:
        item = QListWidgetItem(f"{label}\n{detail}" if detail else label)
        item.setData(PathRole, path)
        item.setData(Qt.ItemDataRole.UserRole, label)
        self.list.addItem(item)

    def _counted(self, estimates: list[Estimate | None]) -> None:
        for row, found in enumerate(estimates, start=FIRST_EXAMPLE):
            item = self.list.item(row)
            label = item.data(Qt.ItemDataRole.UserRole)
            if found is None:
                item.setText(f"{label}\n—")
                continue
            title, slides, minutes = found
            counts = tr("start_estimate", n=slides, minutes=minutes)
            item.setText(f"{label}\n{title} · {counts}")

    def choice(self) -> Path | str | None:
        """The current row's choice: :data:`IMPORT`, a recipe, or None (the whole report)."""
        item = self.list.currentItem()
        return item.data(PathRole) if item is not None else None

    def accept(self) -> None:
        """Start from the current row."""
        choice = self.choice()
        super().accept()
        self.chosen.emit(choice)

    def texts(self) -> list[str]:
        """Every row's text (what the list shows)."""
        return [self.list.item(row).text() for row in range(self.list.count())]
