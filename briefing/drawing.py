"""The deck's charts, drawn while the rest of a build goes on.

:class:`ChartDrawing` reads every chart picture it can from the cache and, on a machine with two
cores or more, has worker processes draw the missing ones (one on two cores, two on more:
drawing is CPU-bound, threads would take turns; see :func:`start_method`) while the build checks
and subsets the font and writes the slides. The deck writer gets a stand-in picture for each one
still being drawn (a 1 x 1 PNG naming the chart, placed at the chart's size), and
:meth:`ChartDrawing.drawn` gives the drawn pictures that replace them before the deck is saved
(:func:`briefing.deck.package.replace_images`), so the writer never waits for matplotlib.
Otherwise (one core, or a build already running in a worker process such as ``--jobs``) the
pictures are drawn here, when the writer first asks for them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import struct
import sys
import warnings
import zlib
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefing import charts as charts_mod
from briefing.charts.cache import cached_png, render_png
from briefing.charts.render import prepare_worker
from briefing.story.plan import Visual
from briefing.theme import EMU_PER_INCH, RIGHT_BOX, VISUAL_BOX

if TYPE_CHECKING:
    from concurrent.futures import Future

    from briefing.content.model import ChartSpec
    from briefing.content.report import Report
    from briefing.fonts.family import FontFamily
    from briefing.options import BuildOptions
    from briefing.pipeline import Steps
    from briefing.story.plan import DeckPlan

log = logging.getLogger("briefing")
NATIVE_KINDS = ("bar", "column", "pie", "line")


def chart_box(where: str) -> tuple[int, int, int, int]:
    """The box (EMU) a chart is drawn for: ``right`` beside text, else a slide of its own."""
    return RIGHT_BOX if where == "right" else VISUAL_BOX


def chart_style(spec: ChartSpec, options: BuildOptions) -> str:
    """ "native" (an editable PowerPoint chart) or "image" (a picture) for ``spec``."""
    wanted = spec.style if spec.style != "auto" else options.chart_style
    return "native" if wanted == "native" and spec.kind in NATIVE_KINDS else "image"


class ChartDrawing:
    """The deck's charts being drawn (a context manager; leaving it stops the workers).

    :attr:`texts` has every chart's visual without a picture still to draw (what the font steps
    need) and :attr:`info` its build-report entry, at once; :attr:`pictures` is what the deck
    writer places; :meth:`drawn` the pictures that replace the stand-ins.
    """

    def __init__(
        self,
        deck_plan: DeckPlan,
        report: Report,
        options: BuildOptions,
        family: FontFamily,
        step: Steps,
    ) -> None:
        self.texts: dict[str, Visual] = {}
        self.info: list[dict[str, Any]] = []
        self._todo: dict[str, Any] = {}  # chart id -> (ChartData, drawing) of pictures to draw
        boxes = deck_plan.chart_boxes
        for spec in deck_plan.charts.values():
            step.check()
            data = charts_mod.chart_data(spec, report, language=options.language)
            drawing = _drawing_options(family, chart_box(boxes.get(spec.id, "visual")))
            self._describe(spec, data, chart_style(spec, options), drawing)
        self.pictures = _Pictures(self.texts, self._todo)

    def _describe(self, spec: ChartSpec, data: Any, style: str, drawing: dict[str, Any]) -> None:
        png = cached_png(data, **drawing) if style == "image" else None
        if style == "image" and png is None:
            self._todo[spec.id] = (data, drawing)
        native = data if style == "native" else None
        text = data.text()
        self.texts[spec.id] = Visual(alt_text=data.alt_text, png=png, native=native, text=text)
        self.info.append(
            {
                "id": spec.id,
                "kind": spec.kind,
                "title": spec.title,
                "style": style,
                "figures": list(spec.figures),
                "alt_text": data.alt_text,
            }
        )

    def __enter__(self) -> ChartDrawing:
        # The building process keeps a core for itself: one worker on two cores (a second
        # would only take turns with it and pay for loading matplotlib again), two on more.
        workers = min(2, (os.cpu_count() or 1) - 1, len(self._todo))
        if workers >= 1 and multiprocessing.parent_process() is None:
            self.pictures.start(_worker_pool(workers))
        return self

    def __exit__(self, *exc: object) -> None:
        self.pictures.stop()

    def drawn(self) -> dict[bytes, bytes]:
        """Stand-in PNG -> drawn PNG of every stand-in the deck writer placed (waits for the
        workers drawing them)."""
        return self.pictures.drawn()


class _Pictures(Mapping[str, Visual]):
    """Chart id -> the visual to place: finished, or with a stand-in while workers draw it
    (a picture no worker draws is drawn here, when first asked for)."""

    def __init__(self, texts: dict[str, Visual], todo: dict[str, Any]):
        self._visuals, self._todo = texts, todo
        self._done: dict[str, Visual] = {}
        self._futures: dict[str, Future[bytes]] = {}
        self._pool: ProcessPoolExecutor | None = None

    def start(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool
        todo = self._todo.items()
        self._futures = {cid: pool.submit(_render, *job) for cid, job in todo}

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def drawn(self) -> dict[bytes, bytes]:
        """Stand-in -> drawn PNG of the stand-ins handed out (waits for their workers)."""
        placed = [cid for cid in self._futures if cid in self._done]
        return {stand_in(cid): self._result(cid) for cid in placed}

    def _result(self, chart_id: str) -> bytes:
        """A worker's picture; drawn here when the worker died (its errors are raised)."""
        try:
            return self._futures[chart_id].result()
        except BrokenProcessPool as exc:
            log.warning("a chart worker stopped (%s); drawing %s here", exc, chart_id)
            return _render(*self._todo[chart_id])

    def __getitem__(self, chart_id: str) -> Visual:
        if chart_id not in self._todo:
            return self._visuals[chart_id]
        if chart_id not in self._done:
            png = (
                stand_in(chart_id) if chart_id in self._futures else _render(*self._todo[chart_id])
            )
            self._done[chart_id] = replace(self._visuals[chart_id], png=png)
        return self._done[chart_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._visuals)

    def __len__(self) -> int:
        return len(self._visuals)


def stand_in(chart_id: str) -> bytes:
    """A 1 x 1 white PNG naming ``chart_id`` (a ``tEXt`` chunk): the picture placed while the
    chart is being drawn, unique to the chart."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1 x 1, 8-bit greyscale
    note = b"briefing-chart\0" + chart_id.encode("utf-8")
    pixels = zlib.compress(b"\0\xff")
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        chunk(k, d)
        for k, d in ((b"IHDR", header), (b"tEXt", note), (b"IDAT", pixels), (b"IEND", b""))
    )


def _drawing_options(family: FontFamily, box: tuple[int, int, int, int]) -> dict[str, Any]:
    """How a chart picture is drawn: the deck's faces, the size of its box, 200 dpi."""
    return {
        "font": family.regular.path,
        "bold_font": family.bold.path if family.bold else None,
        "width_in": box[2] / EMU_PER_INCH,
        "height_in": box[3] / EMU_PER_INCH,
        "dpi": 200,
        "title": False,
    }


def _render(data: Any, drawing: dict[str, Any]) -> bytes:
    """One chart picture, drawn and cached (in this process or a worker)."""
    with warnings.catch_warnings():
        # A glyph the font lacks is reported once, by the coverage check, with its slide;
        # matplotlib's own warning would repeat it on the console.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        return render_png(data, **drawing)


def _worker_pool(workers: int) -> ProcessPoolExecutor:
    """Chart-drawing processes with matplotlib loaded and ready (see
    :func:`briefing.charts.render.prepare_worker`), started as :func:`start_method` says."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=prepare_worker,
    )


def start_method() -> str:
    """How worker processes start: "fork" on Linux when this process runs one thread (the
    command line): a forked worker has every module loaded already, and all of a fork pool's
    workers are started before its manager thread is; otherwise "spawn" (a fresh interpreter:
    safe beside the GUI's threads, and what Windows and macOS do anyway)."""
    if sys.platform == "linux" and _threads() == 1:
        return "fork"
    return "spawn"


def _threads() -> int:
    """How many threads this process runs (Linux; 0 when it cannot tell)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0
