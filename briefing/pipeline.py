"""The steps of a build below :func:`briefing.api.build`: progress and cancellation, drawing
the charts (:class:`~briefing.drawing.ChartDrawing`, in worker processes while the rest goes
on), collecting the text each face must draw, reporting characters the font lacks, and
packaging the .pptx (python-pptx is imported only there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from briefing import dates
from briefing.drawing import (  # noqa: F401 - the stages
    ChartDrawing,
    chart_box,
    chart_style,
    start_method,
)
from briefing.errors import BuildCancelled, DeckError, FontError
from briefing.limits import bad_character

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from briefing.fonts import family as fonts
    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan, Visual

log = logging.getLogger("briefing")

STAGES = ("content", "charts", "fonts", "writing")
STAGE_NAMES = {
    "content": "reading the report and planning the slides",
    "charts": "drawing the charts",
    "fonts": "checking and subsetting the font",
    "writing": "writing the deck",
}
Progress = "Callable[[str, float], None]"


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


def deck_text(
    deck_plan: DeckPlan, visuals: Mapping[str, Visual], *, pictures: bool = False
) -> tuple[dict[int, str], dict[int, str]]:
    """Slide number -> text drawn in the regular face, and in the bold face.

    Native chart text is always included; the text inside chart pictures only with
    ``pictures`` (it must be in the font, but is not typed in the deck).
    """
    regular: dict[int, str] = {}
    bold: dict[int, str] = {}
    for n, slide in enumerate(deck_plan.slides, start=1):
        bold_parts = slide.bold_texts()
        plain = [*slide.texts(), slide.notes, str(n), BULLET_TEXT]
        visual = visuals.get(slide.chart or "")
        if visual is not None and (pictures or visual.native is not None):
            plain.append(visual.text)
        regular[n] = "".join(plain)
        bold[n] = "".join(bold_parts)
    return regular, bold


#: Bullets, quote marks and separators the deck writer draws besides the plan's text.
BULLET_TEXT = "•–·「—｜／"


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
    drawn: Callable[[], dict[bytes, bytes]] | None = None,
) -> bytes:
    """The .pptx bytes: slides on the master, fonts embedded, dated properties.

    ``visuals`` may hold stand-in pictures for charts still being drawn (see
    :class:`~briefing.drawing.ChartDrawing`): ``drawn`` then gives stand-in -> drawn picture,
    waiting for them, and the drawn ones replace the stand-ins before the deck is saved.
    """
    from briefing.deck import builder, package
    from briefing.deck.embed import embed_fonts, set_theme_fonts

    with collector_paused():
        prs = builder.build_presentation(deck_plan, visuals, typeface)  # type: ignore[arg-type]
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
        if drawn is not None:
            package.replace_images(prs, drawn())
        return package.to_bytes(prs, epoch)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused (as it was before, after).

    Everything a deck is made of lives until the deck is saved, so the collector finds
    nothing to free while it is written (peak memory is the same), but its passes over a
    growing heap made each slide of a 1,000-slide deck cost a fifth more than one of a
    100-slide deck.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_characters(*texts: dict[int, str]) -> None:
    """Refuse a slide whose text a slide cannot hold (a control character from a caller that
    skipped the input checks, such as a form field), naming the slide."""
    for by_slide in texts:
        for number, text in by_slide.items():
            problem = bad_character(text)
            if problem is not None:
                raise DeckError(f"slide {number}: a character a slide cannot hold ({problem})")
