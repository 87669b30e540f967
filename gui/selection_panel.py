"""What the deck covers: the report's sections (a checkable tree) and the Singapore initiatives
(a checkable, searchable list, with the ones the checked sections discuss marked ★)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui import strings
from gui.models import IdRole, InitiativeFilter, InitiativeModel, SectionModel
from gui.qtutil import named
from gui.strings import plain, tr

if TYPE_CHECKING:
    from collections.abc import Mapping


def _button(parent: QWidget, name: str) -> QToolButton:
    """A small text button (narrower than a push button, so the column fits a small
    screen)."""
    button = named(QToolButton(parent), name)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class SectionsPanel(QGroupBox):
    """The section tree with Select all / none and Expand / Collapse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionsPanel")
        self.model = SectionModel(self)
        self.tree = named(QTreeView(self), "sectionTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.selectAllButton = _button(self, "sectionsAllButton")
        self.selectNoneButton = _button(self, "sectionsNoneButton")
        self.expandButton = _button(self, "expandButton")
        self.collapseButton = _button(self, "collapseButton")
        buttons = QHBoxLayout()
        for button in (
            self.selectAllButton,
            self.selectNoneButton,
            self.expandButton,
            self.collapseButton,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.selectAllButton.clicked.connect(lambda: self.model.set_all(True))
        self.selectNoneButton.clicked.connect(lambda: self.model.set_all(False))
        self.expandButton.clicked.connect(self.tree.expandAll)
        self.collapseButton.clicked.connect(self.tree.collapseAll)
        self.model.checksChanged.connect(self._count)
        self.model.modelReset.connect(lambda: self.tree.expandToDepth(0))
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.tree.setAccessibleName(tr("sections_tree"))
        self.selectAllButton.setText(tr("select_all"))
        self.selectNoneButton.setText(tr("select_none"))
        self.expandButton.setText(tr("expand_all"))
        self.collapseButton.setText(tr("collapse_all"))
        for button, key in (
            (self.selectAllButton, "select_all"),
            (self.selectNoneButton, "select_none"),
        ):
            button.setAccessibleName(f"{tr('sections_tree')}: {tr(key)}")
        self._count()

    def _count(self) -> None:
        """The title says how many are checked (a line saved on small screens)."""
        count = tr("sections_count", n=len(self.model.checked_ids()), total=self.model.total())
        self.setTitle(f"{tr('sections_box')} · {count}")

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in tab order."""
        return [
            self.tree,
            self.selectAllButton,
            self.selectNoneButton,
            self.expandButton,
            self.collapseButton,
        ]


class InitiativesPanel(QGroupBox):
    """The initiative list with a search box, a pillar filter and "check related"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initiativesPanel")
        self.model = InitiativeModel(self)
        self.proxy = InitiativeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = named(QLineEdit(self, clearButtonEnabled=True), "initiativeSearch")
        self.pillarFilter = named(QComboBox(self), "pillarFilter")
        self.searchLabel = QLabel(self)
        self.searchLabel.setBuddy(self.search)
        self.pillarLabel = QLabel(self)
        self.pillarLabel.setBuddy(self.pillarFilter)
        self.list = named(QTreeView(self), "initiativeList")
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.suggestButton = _button(self, "suggestButton")
        self.allButton = _button(self, "initiativesAllButton")
        self.noneButton = _button(self, "initiativesNoneButton")
        self._layout()
        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.pillarFilter.currentIndexChanged.connect(
            lambda _: self._filter_pillar(self.pillarFilter.currentData())
        )
        self.suggestButton.clicked.connect(self.check_suggested)
        self.allButton.clicked.connect(lambda: self._check_visible(True))
        self.noneButton.clicked.connect(lambda: self._check_visible(False))
        self.model.checksChanged.connect(self._count)
        self.model.dataChanged.connect(self._count)
        self.model.modelReset.connect(self._fit_columns)
        self.retranslate()

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.searchLabel, 0, 0)
        grid.addWidget(self.search, 0, 1)
        grid.addWidget(self.pillarLabel, 0, 2)
        grid.addWidget(self.pillarFilter, 0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)
        self.pillarFilter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pillarFilter.setMinimumContentsLength(4)
        buttons = QHBoxLayout()
        for button in (self.suggestButton, self.allButton, self.noneButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_words(self, group: str, category: str) -> None:
        """The report's own words for its initiatives and what groups them (新加坡重點推動措施,
        策略支柱), shown instead of the generic ones; empty strings restore those."""
        self._words = {"group": group, "category": category}
        self.model.set_category_word(category)
        self.retranslate()

    def _word(self, which: str, key: str, letter: str) -> str:
        """The report's word with a mnemonic in the interface's style, or the generic label."""
        word = getattr(self, "_words", {}).get(which, "")
        if not word:
            return tr(key)
        return f"{word}(&{letter})" if strings.language() == "zh-TW" else f"&{word}"

    def set_pillar_labels(self, pillars: Mapping[str, str]) -> None:
        """Pillar names for the list and the filter (from the core's labels)."""
        self.model.set_pillar_labels(pillars)
        current = self.pillarFilter.currentData()
        self.pillarFilter.blockSignals(True)
        self.pillarFilter.clear()
        self.pillarFilter.addItem(tr("pillar_all"), None)
        for pillar, name in pillars.items():
            self.pillarFilter.addItem(name, pillar)
        self.pillarFilter.setCurrentIndex(max(self.pillarFilter.findData(current), 0))
        self.pillarFilter.blockSignals(False)

    def retranslate(self) -> None:
        """Set every text in the current interface language."""
        self.list.setAccessibleName(tr("initiatives_list"))
        self.search.setAccessibleName(plain(tr("search_label")))
        self.pillarFilter.setAccessibleName(plain(tr("pillar_label")))
        self.searchLabel.setText(tr("search_label"))
        self.pillarLabel.setText(self._word("category", "pillar_label", "P"))
        self.search.setPlaceholderText(tr("search_placeholder"))
        self.suggestButton.setToolTip(tr("suggest_tip"))
        self.allButton.setText(tr("visible_all"))
        self.noneButton.setText(tr("visible_none"))
        for button, key in ((self.allButton, "visible_all"), (self.noneButton, "visible_none")):
            button.setAccessibleName(f"{tr('initiatives_list')}: {tr(key)}")
        if self.pillarFilter.count():
            self.pillarFilter.setItemText(0, tr("pillar_all"))
        self._count()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self.current_first()

    def _filter_pillar(self, pillar: str | None) -> None:
        self.proxy.set_pillar(pillar)
        self.current_first()

    def current_first(self) -> None:
        """Make the first row left by a filter the current one, so Space ticks it."""
        first = self.proxy.index(0, 0)
        if first.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            rows = QItemSelectionModel.SelectionFlag.Rows
            self.list.selectionModel().setCurrentIndex(first, flags | rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """Down or Enter in the search box goes to the list (its first row is current)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.current_first()
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def check_suggested(self) -> None:
        """Check every initiative the checked sections discuss."""
        self.model.check(self.model.suggested_ids())

    def _check_visible(self, on: bool) -> None:
        ids = [self.proxy.index(r, 0).data(IdRole) for r in range(self.proxy.rowCount())]
        self.model.check(ids, on)

    def _count(self) -> None:
        suggested = self.model.suggested_ids()
        self.suggestButton.setText(tr("suggest_button", n=len(suggested)))
        self.suggestButton.setEnabled(bool(set(suggested) - set(self.model.checked_ids())))
        count = tr(
            "initiatives_count",
            n=len(self.model.checked_ids()),
            total=self.model.rowCount(),
            s=len(suggested),
        )
        self.setTitle(f"{self._word('group', 'initiatives_box', 'I')} · {count}")

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            self.list.resizeColumnToContents(column)
        self.list.setColumnWidth(0, min(self.list.columnWidth(0), 260))
        self.list.setColumnWidth(1, min(self.list.columnWidth(1), 220))

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in tab order."""
        return [
            self.search,
            self.pillarFilter,
            self.list,
            self.suggestButton,
            self.allButton,
            self.noneButton,
        ]
