"""The steps of a build below :func:`briefing.api.build`: progress and cancellation, drawing
the charts, collecting the text each face must draw, reporting characters the font lacks, and
packaging the .pptx (python-pptx is imported only there).
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefing import charts as charts_mod
from briefing import dates
from briefing.charts.cache import cached_png, render_png
from briefing.charts.render import prepare_worker
from briefing.errors import BuildCancelled, FontError
from briefing.story.plan import Visual
from briefing.theme import EMU_PER_INCH, VISUAL_BOX

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.content.model import ChartSpec
    from briefing.content.report import Report
    from briefing.fonts import family as fonts
    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan

log = logging.getLogger("briefing")

STAGES = ("content", "charts", "fonts", "writing")
STAGE_NAMES = {
    "content": "reading the report and planning the slides",
    "charts": "drawing the charts",
    "fonts": "checking and subsetting the font",
    "writing": "writing the deck",
}
Progress = "Callable[[str, float], None]"
NATIVE_KINDS = ("bar", "column", "pie", "line")


class CancelToken:
    """Set from any thread to stop a build at the next step; nothing is written."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise BuildCancelled("build cancelled")


# -- steps --------------------------------------------------------------------------------------
class Steps:
    """Progress reporting, cancellation points and stage timings."""

    def __init__(
        self, progress: Callable[[str, float], None] | None, cancel: CancelToken | None
    ) -> None:
        self.progress, self.cancel = progress, cancel
        self.timings: dict[str, float] = {}
        self._stage, self._start = "", time.perf_counter()

    def __call__(self, stage: str, fraction: float) -> None:
        self.check()
        now = time.perf_counter()
        if self._stage:
            self.timings[self._stage] = self.timings.get(self._stage, 0.0) + now - self._start
        if stage != self._stage:
            log.info("%s …", STAGE_NAMES.get(stage, stage))
        self._stage, self._start = stage, now
        if self.progress is not None:
            self.progress(stage, fraction)

    def check(self) -> None:
        if self.cancel is not None:
            self.cancel.check()

    def finish(self) -> None:
        """Close the last stage (no cancellation point: the deck is already written)."""
        now = time.perf_counter()
        self.timings[self._stage] = self.timings.get(self._stage, 0.0) + now - self._start
        log.debug("stage times: %s", ", ".join(f"{k} {v:.2f} s" for k, v in self.timings.items()))
        if self.progress is not None:
            self.progress("done", 1.0)


def draw_charts(
    deck_plan: DeckPlan,
    report: Report,
    options: BuildOptions,
    family: fonts.FontFamily,
    step: Steps,
) -> tuple[dict[str, Visual], list[dict[str, Any]]]:
    """Every chart of the plan drawn (pictures) or described (native charts), and what the
    build report says of each; :class:`ChartDrawing` draws while other work goes on."""
    with ChartDrawing(deck_plan, report, options, family, step) as drawing:
        return {cid: drawing.pictures[cid] for cid in drawing.texts}, drawing.info


class ChartDrawing:
    """The deck's charts, drawn while the rest of the build goes on (a context manager).

    :attr:`texts` has every chart's visual without its picture (what the font steps need) and
    :attr:`info` its build-report entry, at once. :attr:`pictures` maps a chart id to its
    finished visual: native charts and pictures the cache holds at once, and pictures to draw
    when they are drawn. With two or more to draw, on a machine with two cores or more, they
    are drawn by up to two worker processes started on entry (drawing is CPU-bound: threads
    would take turns; see :func:`start_method`), in deck order, while this process checks and
    subsets the font and writes the slides; the deck writer waits only for a picture that is
    not drawn yet.
    Otherwise (and in a build that already runs in a worker process, such as ``--jobs``) this
    process draws each picture when it is first asked for. Leaving the context stops the
    workers.
    """

    def __init__(
        self,
        deck_plan: DeckPlan,
        report: Report,
        options: BuildOptions,
        family: fonts.FontFamily,
        step: Steps,
    ) -> None:
        self._drawing = _drawing_options(family)
        self.texts: dict[str, Visual] = {}
        self.info: list[dict[str, Any]] = []
        self._todo: dict[str, Any] = {}  # chart id -> ChartData of pictures to draw
        for spec in deck_plan.charts.values():
            step.check()
            data = charts_mod.chart_data(spec, report, language=options.language)
            self._describe(spec, data, chart_style(spec, options))
        self.pictures = _Pictures(self.texts, self._todo, self._drawing)

    def _describe(self, spec: ChartSpec, data: Any, style: str) -> None:
        png = cached_png(data, **self._drawing) if style == "image" else None
        if style == "image" and png is None:
            self._todo[spec.id] = data
        native = data if style == "native" else None
        self.texts[spec.id] = Visual(
            alt_text=data.alt_text, png=png, native=native, text=data.text()
        )
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
        workers = min(2, os.cpu_count() or 1, len(self._todo))
        if workers >= 2 and multiprocessing.parent_process() is None:
            self.pictures.start(_worker_pool(workers))
        return self

    def __exit__(self, *exc: object) -> None:
        self.pictures.stop()


class _Pictures(Mapping[str, Visual]):
    """Chart id -> finished visual; a picture still being drawn is waited for, one not being
    drawn is drawn here, when first asked for."""

    def __init__(self, texts: dict[str, Visual], todo: dict[str, Any], drawing: dict[str, Any]):
        self._visuals, self._todo, self._drawing = texts, todo, drawing
        self._done: dict[str, Visual] = {}
        self._futures: dict[str, Future[bytes]] = {}
        self._pool: ProcessPoolExecutor | None = None

    def start(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool
        self._futures = {
            cid: pool.submit(_render, data, self._drawing) for cid, data in self._todo.items()
        }

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def __getitem__(self, chart_id: str) -> Visual:
        if chart_id not in self._todo:
            return self._visuals[chart_id]
        if chart_id not in self._done:
            future = self._futures.get(chart_id)
            png = future.result() if future else _render(self._todo[chart_id], self._drawing)
            self._done[chart_id] = replace(self._visuals[chart_id], png=png)
        return self._done[chart_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._visuals)

    def __len__(self) -> int:
        return len(self._visuals)


def _drawing_options(family: fonts.FontFamily) -> dict[str, Any]:
    """How every chart picture is drawn: the deck's faces, the deck's chart box, 200 dpi."""
    return {
        "font": family.regular.path,
        "bold_font": family.bold.path if family.bold else None,
        "width_in": VISUAL_BOX[2] / EMU_PER_INCH,
        "height_in": VISUAL_BOX[3] / EMU_PER_INCH,
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


def chart_style(spec: ChartSpec, options: BuildOptions) -> str:
    wanted = spec.style if spec.style != "auto" else options.chart_style
    return "native" if wanted == "native" and spec.kind in NATIVE_KINDS else "image"


def deck_text(
    deck_plan: DeckPlan, visuals: dict[str, Visual], *, pictures: bool = False
) -> tuple[dict[int, str], dict[int, str]]:
    """Slide number -> text drawn in the regular face, and in the bold face.

    Native chart text is always included; the text inside chart pictures only with
    ``pictures`` (it must be in the font, but is not typed in the deck).
    """
    regular: dict[int, str] = {}
    bold: dict[int, str] = {}
    for n, slide in enumerate(deck_plan.slides, start=1):
        bold_parts = [slide.title]
        if slide.table is not None:
            bold_parts += list(slide.table.header)
        plain = [t for t in slide.texts() if t not in bold_parts]
        plain += [slide.notes, str(n)]
        visual = visuals.get(slide.chart or "")
        if visual is not None and (pictures or visual.native is not None):
            plain.append(visual.text)
        regular[n] = "".join(plain)
        bold[n] = "".join(bold_parts)
    return regular, bold


MISSING_LISTED = 8  # characters listed one per line per face before a summary line


def report_missing(
    missing: list[fonts.MissingChar], options: BuildOptions, notes: list[str]
) -> None:
    if missing and options.strict:
        raise FontError(
            "; ".join(str(m) for m in missing[:5])
            + (f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""),
            field="font",
        )
    notes += describe_missing(missing)


def describe_missing(missing: list[fonts.MissingChar]) -> list[str]:
    """One line per missing character, or a summary per face when there are many (a font
    without Chinese would otherwise print hundreds of lines)."""
    lines: list[str] = []
    for face in dict.fromkeys(m.face for m in missing):
        of_face = [m for m in missing if m.face == face]
        if len(of_face) <= MISSING_LISTED:
            lines += [str(m) for m in of_face]
            continue
        slides = sorted({n for m in of_face for n in m.slides})
        examples = "".join(m.char for m in of_face[:12])
        lines.append(
            f"{len(of_face)} characters on {len(slides)} slide(s) are not in {face}, "
            f"e.g. 「{examples}」 ({of_face[0].codepoint} …); choose a font that covers "
            "Traditional Chinese (--report lists each one)"
        )
    return lines


def face_info(face: fonts.EmbeddedFace) -> dict[str, Any]:
    return {
        "family": face.family,
        "style": face.style,
        "glyphs": face.glyphs,
        "ttf_bytes": face.ttf_bytes,
        "bytes": len(face.eot),
        "subset": face.subset,
    }


def epoch_of(date: dt.date) -> dt.datetime:
    """Document timestamps: SOURCE_DATE_EPOCH when set, else the deck's date at 09:00 UTC."""
    return dates.source_date_epoch() or dt.datetime.combine(date, dt.time(9, 0), tzinfo=dt.UTC)


def package(
    deck_plan: DeckPlan,
    visuals: Mapping[str, Visual],
    typeface: str,
    faces: list[fonts.EmbeddedFace],
    options: BuildOptions,
) -> bytes:
    """The .pptx bytes: slides on the master, fonts embedded, dated properties. ``visuals``
    may be :attr:`ChartDrawing.pictures`, whose pictures the writer waits for as it comes to
    them."""
    from briefing.deck import builder, package
    from briefing.deck.embed import embed_fonts, set_theme_fonts

    prs = builder.build_presentation(deck_plan, visuals, typeface)
    set_theme_fonts(prs, typeface)
    embed_fonts(prs, faces)
    epoch = options.epoch or epoch_of(deck_plan.meta.date)
    meta = deck_plan.meta
    package.set_properties(
        prs,
        title=meta.title,
        author=meta.presenter or meta.agency,
        subject=meta.report_title,
        keywords="、".join(meta.keywords),
        epoch=epoch,
    )
    return package.to_bytes(prs, epoch)
