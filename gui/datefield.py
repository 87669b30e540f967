"""The deck's date: a field you type a date into as you would write it (``2025-03-05``,
``2025/3/5``, ``114/3/5``, ``民國114年3月5日``), a calendar that opens at the field's date with a
Today button, the ROC or Gregorian style, and the date as the cover will print it, updated at
every keystroke. Up and Down change the day, Page Up and Page Down the month.

Until the user picks a date the deck is dated the day it is built (today): the field shows
today's date and the line below says so; :meth:`DateField.value` is then None, as in a recipe
without ``date:``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from briefing import api
from gui.qtutil import named, set_problem
from gui.strings import tr

DATE_STYLES = ("roc", "gregorian")
EARLIEST, LATEST = dt.date(1912, 1, 1), dt.date(2199, 12, 31)  # from 民國元年
_WRITTEN = re.compile(r"(\d{2,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ROC_PREFIX = re.compile(r"^(?:中華)?民國\s*")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` names (Gregorian or ROC years, ``-``, ``/``, ``.`` or 年月日), or None
    when it names none between 1912 and 2199."""
    written = unicodedata.normalize("NFKC", text).strip()
    roc = bool(_ROC_PREFIX.match(written))
    written = _ROC_PREFIX.sub("", written)
    match = _WRITTEN.fullmatch(written) or _COMPACT.fullmatch(written)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if roc or year < 1000:
        year += 1911
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if EARLIEST <= date <= LATEST else None


def _today() -> dt.date:
    return dt.date.today()


class TodayCalendar(QCalendarWidget):
    """The pop-up calendar, with a Today button under the month."""

    picked = Signal(object)  # a datetime.date, or None for "today"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateCalendar")
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.todayButton = named(QPushButton(self), "calendarTodayButton")
        self.todayButton.setAutoDefault(False)
        layout = self.layout()
        if layout is not None:
            layout.addWidget(self.todayButton)
        self.todayButton.clicked.connect(lambda: self._pick(None))
        self.clicked.connect(lambda date: self._pick(date.toPython()))
        self.activated.connect(lambda date: self._pick(date.toPython()))

    def open_at(self, date: dt.date, below: QWidget) -> None:
        """Show the calendar under ``below`` (on its screen), at ``date``."""
        self.setSelectedDate(QDate(date.year, date.month, date.day))
        self.setCurrentPage(date.year, date.month)
        hint = self.sizeHint()  # the calendar's own, without the Today button
        self.resize(
            max(hint.width(), 280), hint.height() + self.todayButton.sizeHint().height() + 8
        )
        spot = below.mapToGlobal(QPoint(0, below.height()))
        screen = QGuiApplication.screenAt(spot) or below.screen()
        area = screen.availableGeometry()
        x = min(max(spot.x(), area.left()), area.right() - self.width())
        y = spot.y()
        if y + self.height() > area.bottom():  # no room below: open above the field
            y = spot.y() - below.height() - self.height()
        self.move(x, max(y, area.top()))
        self.show()
        self.setFocus()

    def _pick(self, date: dt.date | None) -> None:
        self.hide()
        self.picked.emit(date)


class DateField(QWidget):
    """Date, calendar, Today, date style, and the printed date below; emits :attr:`changed`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._explicit = False
        self._date = _today()
        self._language = "zh-TW"
        self.edit = named(QLineEdit(self), "dateEdit")
        self.edit.setMaxLength(20)
        digits = self.edit.fontMetrics().horizontalAdvance("2026-12-31")
        self.edit.setMinimumWidth(digits + 16)  # the whole date, always
        self.calendarButton = named(QToolButton(self), "dateCalendarButton")
        self.calendarButton.setText("▾")
        self.calendar = TodayCalendar(self)
        self.todayButton = named(QToolButton(self), "dateTodayButton")
        self.styleCombo = named(QComboBox(self), "dateStyleCombo")
        for style in DATE_STYLES:
            self.styleCombo.addItem(style, style)
        self.preview = named(QLabel(self, wordWrap=True), "datePreview")
        self._layout()
        self.setFocusProxy(self.edit)
        self._show(self._date)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.calendarButton.clicked.connect(self.open_calendar)
        self.calendar.picked.connect(self._picked)
        self.styleCombo.currentIndexChanged.connect(self._style_changed)
        self.todayButton.clicked.connect(self.reset_to_today)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.calendarButton, 0, 1)
        grid.addWidget(self.todayButton, 0, 2)
        grid.addWidget(self.styleCombo, 0, 3)
        grid.addWidget(self.preview, 1, 0, 1, 4)
        grid.setColumnStretch(0, 1)

    # -- value ------------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        """The chosen date; None while the deck is dated the day it is built."""
        return self._date if self._explicit else None

    def date(self) -> dt.date:
        """The date the field shows (today when none is chosen)."""
        return self._date

    def set_value(self, date: dt.date | None) -> None:
        """Show ``date`` (None: today, following the day of the build); no signal."""
        self._explicit = date is not None
        self._show(date or _today())

    def style(self) -> str:
        """``roc`` or ``gregorian``."""
        return str(self.styleCombo.currentData())

    def set_style(self, style: str) -> None:
        """Print the date in ``style``; no signal."""
        blocked = self.styleCombo.blockSignals(True)
        self.styleCombo.setCurrentIndex(max(self.styleCombo.findData(style), 0))
        self.styleCombo.blockSignals(blocked)
        self._show_preview()

    def set_language(self, language: str) -> None:
        """The deck's language (an English deck prints ``2 August 2019``)."""
        self._language = language
        self._show_preview()

    @property
    def problem(self) -> str | None:
        """Why the typed text is not a date (None: it is one)."""
        return self.edit.property("dateProblem") or None

    def reset_to_today(self) -> None:
        """Date the deck the day it is built again."""
        self.set_value(None)
        self.changed.emit()

    def pick(self, date: dt.date) -> None:
        """Choose ``date`` (as the calendar or a typed date does)."""
        self._explicit = True
        self._show(date)
        self.changed.emit()

    def open_calendar(self) -> None:
        """Open the calendar at the field's date."""
        self.calendar.open_at(self._date, self.edit)

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.todayButton.setText(tr("date_today"))
        self.todayButton.setToolTip(tr("date_today_tip"))
        self.todayButton.setAccessibleName(tr("date_today_tip"))
        self.calendarButton.setAccessibleName(tr("date_calendar"))
        self.calendarButton.setToolTip(tr("date_calendar"))
        self.calendar.todayButton.setText(tr("date_today"))
        self.edit.setToolTip(tr("date_tip"))
        self.styleCombo.setAccessibleName(tr("date_style_name"))
        self.styleCombo.setItemText(0, tr("date_roc"))
        self.styleCombo.setItemText(1, tr("date_gregorian"))
        self._show_preview()

    def focus_chain(self) -> list[QWidget]:
        """The field's widgets in tab order."""
        return [self.edit, self.calendarButton, self.todayButton, self.styleCombo]

    # -- internals --------------------------------------------------------------------------
    def _show(self, date: dt.date) -> None:
        self._date = date
        blocked = self.edit.blockSignals(True)
        self.edit.setText(date.isoformat())
        self.edit.blockSignals(blocked)
        self._mark(None)
        self._show_preview()

    def _typed(self, text: str) -> None:
        date = parse_date(text)
        if date is None:
            self._mark(tr("date_unknown"))
            self.changed.emit()
            return
        self._mark(None)
        self._explicit, self._date = True, date
        self._show_preview()
        self.changed.emit()

    def _tidy(self) -> None:
        """Once typing is done, show a good date the usual way (114/3/5 -> 2025-03-05)."""
        if parse_date(self.edit.text()) is not None and self.edit.text() != self._date.isoformat():
            self._show(self._date)

    def _picked(self, date: dt.date | None) -> None:
        self.edit.setFocus()
        if date is None:
            self.reset_to_today()
        else:
            self.pick(date)

    def _mark(self, problem: str | None) -> None:
        self.edit.setProperty("dateProblem", problem or "")
        set_problem(self.edit, self.preview, problem)
        if problem:
            self.preview.setText(problem)

    def _style_changed(self) -> None:
        self._show_preview()
        self.changed.emit()

    def _show_preview(self) -> None:
        if self.problem:
            return
        text = api.date_text(self._date, self.style(), self._language)
        self.preview.setText(text if self._explicit else tr("date_is_today", text=text))

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt naming
        """Up / Down: a day later / earlier; Page Up / Down: a month; Alt+Down: the
        calendar."""
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            step = _STEPS.get(event.key())
            if (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            ):
                self.open_calendar()
                return True
            if step is not None:
                self.pick(_add(self._date, *step))
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


_STEPS = {
    Qt.Key.Key_Up: (1, 0),
    Qt.Key.Key_Down: (-1, 0),
    Qt.Key.Key_PageUp: (0, 1),
    Qt.Key.Key_PageDown: (0, -1),
}


def _add(date: dt.date, days: int, months: int) -> dt.date:
    """``date`` moved by ``days`` and ``months`` (the day kept within the month), in range."""
    if months:
        total = date.year * 12 + date.month - 1 + months
        year, month = divmod(total, 12)
        month += 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        date = dt.date(year, month, min(date.day, last))
    date += dt.timedelta(days=days)
    return min(max(date, EARLIEST), LATEST)
