"""Qt item models over the core's lists: the report outline and the Singapore initiatives.

The models own no report data: they index ``report.outline`` and ``report.initiatives`` (core
objects) and keep only which ids are checked. Check states follow Qt's tri-state convention:
checking a section checks it and everything below it, a section is partly checked when only
some of it is. A sub-section checked alone leaves its ancestors partly checked but not
selected: the deck then shows that sub-section under its part's divider, without the part's
own points or the charts of its other sections. :meth:`SectionModel.checked_ids` is what the
build receives (every checked id, children included; the core then takes exactly those),
:meth:`SectionModel.compact_ids` the shortest list that selects the same (the recipe form, as a
person writes it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from gui import strings
from gui.strings import tr

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from briefing.content.model import Initiative
    from briefing.content.report import OutlineEntry, Report

Index = QModelIndex | QPersistentModelIndex
CHECKED, PARTIAL, UNCHECKED = (
    Qt.CheckState.Checked,
    Qt.CheckState.PartiallyChecked,
    Qt.CheckState.Unchecked,
)
IdRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
PillarRole = Qt.ItemDataRole.UserRole + 3
SUGGESTED_BACKGROUND = QColor("#FFF4DC")


def check_state(value: Any) -> Qt.CheckState:
    """A check state from what views and tests pass to ``setData`` (enum or int)."""
    return value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))


class SectionModel(QAbstractItemModel):
    """The report's sections as a checkable tree, in the report's order and numbering."""

    checksChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: tuple[OutlineEntry, ...] = ()
        self._children: dict[str | None, list[OutlineEntry]] = {None: []}
        self._row: dict[str, int] = {}
        self._by_id: dict[str, OutlineEntry] = {}
        self._below: dict[str, frozenset[str]] = {}
        self._checked: set[str] = set()

    def set_report(self, report: Report | None) -> None:
        """Show ``report``'s outline (nothing when None); clears the checks."""
        self.beginResetModel()
        self._entries = report.outline if report is not None else ()
        self._children = {None: []}
        self._by_id = {e.section.id: e for e in self._entries}
        for entry in self._entries:
            siblings = self._children.setdefault(entry.parent, [])
            self._row[entry.section.id] = len(siblings)
            siblings.append(entry)
        ids = [e.section.id for e in self._entries]
        self._below = {
            e.section.id: frozenset(
                i for i, o in zip(ids, self._entries, strict=True) if e.section.id in o.path[:-1]
            )
            for e in self._entries
        }
        self._checked = set()
        self.endResetModel()

    # -- selection --------------------------------------------------------------------------
    def checked_ids(self) -> tuple[str, ...]:
        """Every checked section id, in report order (partly checked parents included)."""
        return tuple(e.section.id for e in self._entries if e.section.id in self._checked)

    def compact_ids(self) -> tuple[str, ...]:
        """The shortest list the core expands to :meth:`checked_ids` (a checked section
        stands for all of its sub-sections)."""
        out: list[str] = []

        def visit(entries: list[OutlineEntry]) -> None:
            for entry in entries:
                sid = entry.section.id
                if sid in self._checked and self._below[sid] <= self._checked:
                    out.append(sid)
                    continue
                if sid in self._checked:
                    out.append(sid)
                visit(self._children.get(sid, []))

        visit(self._children[None])
        return tuple(out)

    def set_checked(self, ids: Iterable[str]) -> None:
        """Check exactly ``ids`` (as the core resolved them); unknown ids are ignored."""
        self._update(lambda: self._replace({i for i in ids if i in self._below}))

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every section."""
        self.set_checked(self._below if checked else ())

    def total(self) -> int:
        """How many sections the report has."""
        return len(self._entries)

    def state(self, section_id: str) -> Qt.CheckState:
        """The tri-state of one section."""
        mine = section_id in self._checked
        below = self._below[section_id]
        if mine and below <= self._checked:
            return CHECKED
        return PARTIAL if mine or below & self._checked else UNCHECKED

    def entry(self, index: Index) -> OutlineEntry | None:
        """The outline entry behind ``index``."""
        return index.internalPointer() if index.isValid() else None

    def index_of(self, section_id: str) -> QModelIndex:
        """The index of a section id (invalid when unknown)."""
        entry = self._by_id.get(section_id)
        return self.createIndex(self._row[section_id], 0, entry) if entry else QModelIndex()

    def _replace(self, ids: set[str]) -> None:
        self._checked = ids

    def _toggle(self, entry: OutlineEntry, on: bool) -> None:
        sid = entry.section.id
        if on:
            self._checked |= {sid, *self._below[sid]}
        else:
            self._checked -= {sid, *self._below[sid]}

    def _update(self, change: Any) -> None:
        before = {e.section.id: self.state(e.section.id) for e in self._entries}
        change()
        for entry in self._entries:
            if self.state(entry.section.id) != before[entry.section.id]:
                index = self.index_of(entry.section.id)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()

    # -- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        entry = self.entry(parent)
        children = self._children.get(entry.section.id if entry else None, [])
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        entry = self.entry(index)
        if entry is None or entry.parent is None:
            return QModelIndex()
        return self.index_of(entry.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        entry = self.entry(parent)
        return len(self._children.get(entry.section.id if entry else None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            draft = tr("draft_mark") if entry.section.draft else ""
            return entry.heading + draft
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.state(entry.section.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            points = "\n".join(f"• {p}" for p in entry.section.key_points[:4])
            draft = f"\n{tr('draft_tip')}" if entry.section.draft else ""
            shown_id = f"{entry.section.id}\n" if strings.details() else ""
            return f"{shown_id}{points}{draft}".strip()
        if role == IdRole:
            return entry.section.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        entry = self.entry(index)
        if entry is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = check_state(value) != UNCHECKED
        self._update(lambda: self._toggle(entry, on))
        return True


class InitiativeModel(QAbstractTableModel):
    """The report's initiatives as a checkable table; suggested ones (discussed by a checked
    section) are shown bold, on a tint while they are not checked."""

    checksChanged = Signal()  # noqa: N815 - Qt naming
    COLUMNS = ("col_name", "col_name_en", "col_pillar", "col_agency", "col_year")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: tuple[Initiative, ...] = ()
        self._checked: set[str] = set()
        self._suggested: frozenset[str] = frozenset()
        self._pillars: Mapping[str, str] = {}
        self._category_word = ""

    def set_report(self, report: Report | None) -> None:
        """Show ``report``'s initiatives (nothing when None); clears the checks."""
        self.beginResetModel()
        self._items = report.initiatives if report is not None else ()
        self._checked, self._suggested = set(), frozenset()
        self.endResetModel()

    def set_category_word(self, word: str) -> None:
        """The report's word for its categories, as the column's header ("" for the generic)."""
        self._category_word = word
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def set_pillar_labels(self, pillars: Mapping[str, str]) -> None:
        """Pillar id -> shown name (from the core's labels, in the interface language)."""
        self._pillars = dict(pillars)
        self._changed_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def checked_ids(self) -> tuple[str, ...]:
        """Checked initiative ids, in report order."""
        return tuple(i.id for i in self._items if i.id in self._checked)

    def set_checked(self, ids: Iterable[str]) -> None:
        """Check exactly ``ids``."""
        known = {i.id for i in self._items}
        self._checked = {i for i in ids if i in known}
        self._changed_all()
        self.checksChanged.emit()

    def check(self, ids: Iterable[str], on: bool = True) -> None:
        """Check (or uncheck) ``ids`` in addition to the current checks."""
        ids = set(ids)
        self.set_checked(self._checked | ids if on else self._checked - ids)

    def suggest_for(self, section_ids: Iterable[str]) -> None:
        """Mark the initiatives that any of ``section_ids`` discusses."""
        chosen = set(section_ids)
        suggested = frozenset(i.id for i in self._items if chosen & set(i.sections))
        if suggested != self._suggested:
            self._suggested = suggested
            self._changed_all()

    def suggested_ids(self) -> tuple[str, ...]:
        """Suggested initiative ids, in report order."""
        return tuple(i.id for i in self._items if i.id in self._suggested)

    def _changed_all(self) -> None:
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1)
            )

    def _text(self, item: Initiative, column: int) -> str:
        values = (
            item.name,
            item.name_en or "",
            "、".join(self._pillars.get(c, c) for c in item.categories),
            "、".join(item.agencies),
            str(item.year) if item.year else "",
        )
        return values[column]

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.COLUMNS[section : section + 1] == ("col_pillar",) and self._category_word:
                return self._category_word
            return tr(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        suggested = item.id in self._suggested
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(item, column)
            return text + tr("draft_mark") if column == 0 and item.draft else text
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return CHECKED if item.id in self._checked else UNCHECKED
        if role == Qt.ItemDataRole.FontRole and suggested:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and suggested and item.id not in self._checked:
            return QBrush(SUGGESTED_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{item.name} {item.name_en or ''}\n{item.summary}"
            return f"{tr('suggested_tip')}\n{tip}" if suggested else tip
        if role == IdRole:
            return item.id
        if role == PillarRole:
            return item.categories
        if role == SearchRole:
            return " ".join(self._text(item, c) for c in range(len(self.COLUMNS))).casefold()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.check([self._items[index.row()].id], check_state(value) == CHECKED)
        return True


class InitiativeFilter(QSortFilterProxyModel):
    """Rows whose texts contain the search words, in the chosen pillar (None = all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._pillar: str | None = None

    def set_text(self, text: str) -> None:
        """Keep rows containing every word of ``text`` (any column, any case)."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pillar(self, pillar: str | None) -> None:
        """Keep rows of one pillar (None: all pillars)."""
        self.beginFilterChange()
        self._pillar = pillar
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(row, 0, parent)
        if self._pillar and self._pillar not in (index.data(PillarRole) or ()):
            return False
        text = index.data(SearchRole) or ""
        return all(word in text for word in self._words)
