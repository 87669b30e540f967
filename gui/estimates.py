"""Slide count and speaking minutes for every deck length, shown beside the length choice.

The storyboard plans the length on screen at once; the other lengths are planned afterwards,
one per turn of the event loop once the inputs have been still for a moment, so typing never
waits for three plans (:data:`DELAY_MS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from briefing import api
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.content.report import Report
    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan

LENGTHS = ("brief", "standard", "full")
DELAY_MS = 400
Estimate = tuple[int, float]
#: Settings that change the cover only, never how many slides there are.
COVER_ONLY = {
    "title": None,
    "subtitle": None,
    "presenter": None,
    "date": None,
    "date_style": "roc",
    "logo": None,
    "output": None,
}


class LengthEstimates(QObject):
    """Estimates per length for the current inputs; emits :attr:`changed` as they come in."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key: BuildOptions | None = None
        self._options: BuildOptions | None = None
        self._report: Report | None = None
        self._values: dict[str, Estimate | None] = {}
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._plan_next)

    def update(self, options: BuildOptions, report: Report, plan: DeckPlan) -> None:
        """The inputs are now ``options`` (planned as ``plan``): keep what still holds, plan
        the other lengths soon."""
        key = options.replace(length="standard", **COVER_ONLY)
        if key != self._key or report is not self._report:
            self._key, self._report, self._values = key, report, {}
        self._options = options
        self._values[options.length] = (len(plan.slides), plan.minutes)
        self._timer.start(DELAY_MS)
        self.changed.emit()

    def clear(self) -> None:
        """No estimates (no report, or the plan failed)."""
        self._key, self._values = None, {}
        self._timer.stop()
        self.changed.emit()

    def values(self) -> dict[str, Estimate | None]:
        """Slides and minutes per length (None: not planned yet, or it cannot be)."""
        if not self._values:
            return {}
        return {length: self._values.get(length) for length in LENGTHS}

    def pending(self) -> bool:
        """Whether some length is still to be planned."""
        return bool(self._values) and any(length not in self._values for length in LENGTHS)

    def _plan_next(self) -> None:
        missing = [length for length in LENGTHS if length not in self._values]
        if not missing or self._options is None or self._report is None:
            return
        length = missing[0]
        try:
            plan = api.plan(self._options.replace(length=length), self._report)
        except BriefingError:
            self._values[length] = None
        else:
            self._values[length] = (len(plan.slides), plan.minutes)
        self.changed.emit()
        if len(missing) > 1:
            self._timer.start(0)
