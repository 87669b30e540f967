"""The one entry point the CLI and the GUI share: load, plan, draw charts, embed fonts, write.

``build(options)`` runs the whole pipeline and returns a :class:`BuildResult`; ``plan(options)``
stops after the pure planning step (the GUI's storyboard); ``check(options)`` reports every
problem without writing anything. Long work reports progress through a callback (stage name and
fraction) and can be cancelled between steps with a :class:`CancelToken`.

Logging policy (``logging.getLogger("briefing")``): INFO for each stage and the written file,
WARNING for everything collected in ``BuildResult.warnings`` (missing characters, licence notes),
DEBUG for stage times and cache misses. Errors are raised, never logged here. The CLI shows
WARNING and up by default, ERROR only with ``--quiet``, everything with ``--verbose``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import charts as charts_mod
from briefing import files, pipeline, reading, theme
from briefing.content.figures import apply_overrides
from briefing.content.report import Report, load_report, reference_problems
from briefing.errors import BriefingError, DeckError, FontError
from briefing.fonts import family as fonts
from briefing.pipeline import STAGES, CancelToken
from briefing.recipe import (
    raw_recipe,
    recipe_text,
)
from briefing.story.plan import Visual
from briefing.story.planner import plan_deck, selection_problems
from briefing.story.templating import Templates

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from briefing.options import BuildOptions
    from briefing.story.plan import DeckPlan

__all__ = [
    "STAGES",
    "BuildResult",
    "CancelToken",
    "build",
    "bundled_font",
    "check",
    "default_output",
    "labels",
    "load",
    "load_font",
    "options_from_recipe",
    "plan",
    "raw_recipe",
    "recipe_text",
    "theme",
    "write_atomic",
]

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and what it noticed."""

    output: Path
    plan: DeckPlan
    warnings: tuple[str, ...]
    fonts: tuple[dict[str, Any], ...]
    missing: tuple[fonts.MissingChar, ...]
    charts: tuple[dict[str, Any], ...]
    timings: dict[str, float]
    figure_origins: dict[str, str] = field(default_factory=dict)
    size: int = 0

    @property
    def slide_count(self) -> int:
        return len(self.plan.slides)

    def to_json(self) -> dict[str, Any]:
        """The JSON build report (``--report FILE``)."""
        slides = [
            {
                "number": n,
                "kind": s.kind,
                "title": s.title,
                "sources": list(s.sections),
                "initiatives": list(s.initiatives),
                "figures": list(s.figures),
                "chart": s.chart,
            }
            for n, s in enumerate(self.plan.slides, start=1)
        ]
        used = {f for s in self.plan.slides for f in s.figures}
        return {
            "output": str(self.output),
            "bytes": self.size,
            "slide_count": self.slide_count,
            "slide_titles": self.plan.titles,
            "slides": slides,
            "selected": {
                "sections": list(self.plan.sections),
                "initiatives": list(self.plan.initiatives),
            },
            "charts": list(self.charts),
            "fonts": list(self.fonts),
            "missing_characters": [
                {"char": m.char, "codepoint": m.codepoint, "slides": list(m.slides), "face": m.face}
                for m in self.missing
            ],
            "figures": {
                fid: origin for fid, origin in sorted(self.figure_origins.items()) if fid in used
            },
            "warnings": list(self.warnings),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


# -- for the shells ------------------------------------------------------------------------------
# What the desktop app needs besides building, so that gui/ imports nothing deeper than api:
# ``theme`` (colours), ``raw_recipe`` / ``recipe_text`` (File ▸ Open / Save), and these.


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file through a temporary file and a rename (raises OSError)."""
    files.write_atomic(path, data)


def load_font(spec: str | None = None, index: int | None = None) -> fonts.FontFamily:
    """The deck's font family; raises FontError / FontNotFound as a build would."""
    return fonts.load_family(spec, index=index)


def bundled_font(bold: bool = False) -> Path:
    """The bundled Noto Sans TC file (regular or bold)."""
    family = fonts.load_family()
    face = family.bold if bold and family.bold is not None else family.regular
    return face.path


def labels(language: str) -> Any:
    """The deck's fixed words in ``language`` (templates/labels.yaml): pillars, statuses …"""
    return Templates(language).labels


# -- options ------------------------------------------------------------------------------------
def options_from_recipe(path: str | Path | None = None, **overrides: Any) -> BuildOptions:
    """Build options from a recipe file (or none), with command-line style overrides applied.

    Overrides of None are ignored, so a CLI can pass every option it parsed. The first problem
    with the recipe is raised as a :class:`RecipeError` naming its file, line and field.
    """
    from briefing.options import BuildOptions

    changes = {k: v for k, v in overrides.items() if v is not None}
    if path is None:
        return BuildOptions().replace(**changes)
    read = reading.read(Path(path), changes)
    if read.problems:
        raise read.problems[0]
    assert read.options is not None
    return read.options


def default_output(title: str, date: dt.date, folder: Path = Path("out")) -> Path:
    """``<folder>/<title>-<date>.pptx``: the deck's title made safe as a file name (characters
    file systems refuse become ``-``, at most 80 characters) and its date."""
    return folder / f"{files.safe_name(title, 80)}-{date.isoformat()}.pptx"


# -- pipeline -----------------------------------------------------------------------------------
def load(options: BuildOptions) -> Report:
    """The report the options name, with any figures file applied."""
    report = load_report(options.report)
    if options.figures is not None:
        report = apply_overrides(report, options.figures)
    return report


def plan(options: BuildOptions, report: Report | None = None) -> DeckPlan:
    """The deck plan only (fast: no charts, no fonts, no file)."""
    report = report or load(options)
    return plan_deck(report, options, Templates(options.language, options.templates))


def build(
    options: BuildOptions,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: CancelToken | None = None,
    report: Report | None = None,
) -> BuildResult:
    """Build the deck ``options`` describe and write it atomically."""
    step = pipeline.Steps(progress, cancel)
    step("content", 0.0)
    report = report or load(options)
    deck_plan = plan(options, report)
    target = options.output or default_output(deck_plan.meta.title, deck_plan.meta.date)
    if target.suffix.lower() != ".pptx":  # before the work, not after it
        raise DeckError("the deck must be written to a .pptx file", file=target)
    notes: list[str] = []
    step("charts", 0.2)
    family = fonts.load_family(options.font, index=options.font_index)
    notes += family.warnings
    with pipeline.ChartDrawing(deck_plan, report, options, family, step) as drawing:
        # Pictures the cache lacks are drawn in worker processes meanwhile (drawing.py).
        step("fonts", 0.3)
        shown, bold = pipeline.deck_text(deck_plan, drawing.texts, pictures=True)
        missing = fonts.missing_characters(family, shown, bold_texts=bold)
        pipeline.report_missing(missing, options, notes)
        regular, bold = pipeline.deck_text(deck_plan, drawing.texts, pictures=False)
        faces = fonts.prepare_faces(family, "".join(regular.values()), "".join(bold.values()))
        step("writing", 0.5)
        data = pipeline.package(
            deck_plan, drawing.pictures, family.name, faces, options, drawing.drawn
        )
    chart_info = drawing.info
    step.check()  # the last point where Cancel is honoured: after it, the deck is written
    from briefing.deck.package import write_atomic

    write_atomic(data, target)
    step.finish()
    for warning in notes:
        log.warning(warning)
    log.info("wrote %s (%d slides)", target, len(deck_plan.slides))
    return BuildResult(
        output=target,
        plan=deck_plan,
        warnings=tuple(notes),
        fonts=tuple(pipeline.face_info(face) for face in faces),
        missing=tuple(missing),
        charts=tuple(chart_info),
        timings=step.timings,
        figure_origins=report.figure_origins,
        size=len(data),
    )


def check(recipe: str | Path | None = None, **overrides: Any) -> list[BriefingError]:
    """Every problem with a recipe, the content, the templates and font coverage, at once,
    without writing anything (``python main.py check``)."""
    from briefing.options import BuildOptions

    changes = {k: v for k, v in overrides.items() if v is not None}
    if recipe is None:
        options: BuildOptions | None = BuildOptions().replace(**changes)
        problems: list[BriefingError] = []
    else:
        try:
            read = reading.read(Path(recipe), changes)
        except BriefingError as exc:
            return [exc]
        options, problems = read.options, read.problems
    if options is None:
        return problems
    try:
        report = load_report(options.report, check=False)
    except BriefingError as exc:
        return _unique([*problems, exc])
    content = list(reference_problems(report))
    if recipe is None:
        problems += list(selection_problems(report, options))
    if content or problems:
        return _unique(problems + content)
    return problems + _deck_problems(options, report)


def _deck_problems(options: BuildOptions, report: Report) -> list[BriefingError]:
    """Problems that show only when planning: figures file, templates, charts, fonts."""
    try:
        if options.figures is not None:
            report = apply_overrides(report, options.figures)
        deck_plan = plan(options, report)
        family = fonts.load_family(options.font, index=options.font_index)
        texts = {
            spec.id: charts_mod.chart_data(spec, report, language=options.language).text()
            for spec in deck_plan.charts.values()
        }
        visuals = {cid: Visual(alt_text="", text=text) for cid, text in texts.items()}
        shown, bold = pipeline.deck_text(deck_plan, visuals, pictures=True)
        missing = fonts.missing_characters(family, shown, bold_texts=bold)
    except BriefingError as exc:
        return [exc]
    return [FontError(line, field="font") for line in pipeline.describe_missing(missing)]


def _unique(problems: list[BriefingError]) -> list[BriefingError]:
    seen: set[str] = set()
    return [p for p in problems if not (str(p) in seen or seen.add(str(p)))]
