"""The charts themselves in the storyboard: the picture a build puts on each chart slide
(:func:`briefing.api.chart_preview`, drawn once in a worker and cached on disk, so the build
then finds it ready), kept here as a scaled QImage per chart id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from briefing import api
from gui.worker import Op

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.content.report import Report
    from briefing.options import BuildOptions

WIDTH = 960  # pixels kept per chart: enough for the large preview, light for thumbnails


class ChartPreviews(QObject):
    """Chart pictures for the current deck settings; emits :attr:`ready` with a chart id when
    its picture arrives. One chart is drawn at a time."""

    ready = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._key: tuple[Any, ...] | None = None
        self._source: tuple[BuildOptions, Report] | None = None
        self._images: dict[str, QImage | None] = {}
        self._queue: list[str] = []
        self._running = False
        self._generation = 0

    def set_source(
        self, options: BuildOptions, report: Report, boxes: dict[str, str] | None = None
    ) -> None:
        """Draw charts for ``options`` (font, language, extra charts) and ``report``, each in
        the box the plan puts it in (``boxes``: chart id -> ``visual`` or ``right``)."""
        boxes = boxes or {}
        key = (
            options.font,
            options.font_index,
            options.language,
            options.charts,
            id(report),
            tuple(sorted(boxes.items())),
        )
        self._source = (options, report)
        self._boxes = boxes
        if key != self._key:
            self._key = key
            self._generation += 1
            self._images.clear()
            self._queue.clear()
            self._running = False

    def image(self, chart_id: str) -> QImage | None:
        """The chart's picture, or None (then it is drawn and :attr:`ready` follows)."""
        if chart_id in self._images:
            return self._images[chart_id]
        if chart_id not in self._queue and self._source is not None:
            self._queue.append(chart_id)
            self._next()
        return None

    def _next(self) -> None:
        if self._running or not self._queue or self._source is None:
            return
        self._running = True
        chart_id, generation = self._queue.pop(0), self._generation
        options, report = self._source
        box = getattr(self, "_boxes", {}).get(chart_id, "visual")
        Op(
            self._window, lambda _ctx: api.chart_preview(options, report, chart_id, box=box)
        ).success(lambda png: self._done(generation, chart_id, png)).failure(
            lambda _exc: self._done(generation, chart_id, None)
        ).run_in_background()

    def _done(self, generation: int, chart_id: str, png: bytes | None) -> None:
        if generation != self._generation:
            return
        self._running = False
        image = QImage.fromData(png) if png else QImage()
        if not image.isNull() and image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        self._images[chart_id] = None if image.isNull() else image
        self.ready.emit(chart_id)
        self._next()
