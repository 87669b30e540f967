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

import datetime as dt
import logging
import os
import re
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import charts as charts_mod
from briefing import files, fonts, theme
from briefing.errors import BriefingError, BuildCancelled, FontError, RecipeError
from briefing.figures import apply_overrides
from briefing.plan import Visual
from briefing.planner import plan_deck, selection_problems
from briefing.recipe import (
    raw_recipe,
    read_recipe,
    recipe_problems,
    recipe_text,
    render_fields,
    report_path,
    to_options,
)
from briefing.report import Report, load_report, reference_problems
from briefing.templating import Templates
from briefing.theme import EMU_PER_INCH, VISUAL_BOX

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.model import ChartSpec
    from briefing.options import BuildOptions
    from briefing.plan import DeckPlan

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
    read = _read_recipe(Path(path), changes)
    if read.problems:
        raise read.problems[0]
    assert read.options is not None
    return read.options


@dataclass
class _RecipeRead:
    options: BuildOptions | None
    problems: list[BriefingError]
    report: Report | None


def _read_recipe(path: Path, changes: dict[str, Any]) -> _RecipeRead:
    """Everything wrong with a recipe (rendering, schema, unknown ids), and its options."""
    from briefing.options import BuildOptions

    located = read_recipe(path)
    report, problems = None, []
    try:
        report = load_report(changes.get("report") or report_path(located), check=False)
    except BriefingError as exc:
        problems.append(exc)
    problems += render_fields(located, report)
    schema = recipe_problems(located)
    problems += schema
    if problems:
        if report is not None:  # still name every unknown id the recipe lists
            raw = BuildOptions(
                sections=_ids(located.data.get("sections")),
                initiatives=_ids(located.data.get("initiatives")),
            )
            problems += _located_selection_problems(located, report, raw)
        problems.sort(key=lambda p: (p.file != located.file, p.line or 0))
        return _RecipeRead(None, problems, report)
    options = to_options(located).replace(**changes)
    if report is not None:
        problems += _located_selection_problems(located, report, options)
        problems += _recipe_chart_problems(located, report, options)
    return _RecipeRead(options, problems, report)


def _recipe_chart_problems(
    located: Any, report: Report, options: BuildOptions
) -> list[BriefingError]:
    """Charts a recipe adds must be drawable from the records they name."""
    found: list[BriefingError] = []
    for i, spec in enumerate(options.charts):
        try:
            charts_mod.chart_data(spec, report, language=options.language)
        except BriefingError as exc:
            found.append(
                RecipeError(
                    exc.message,
                    file=located.file,
                    line=located.line_of(("charts", i)),
                    field=f"charts[{i}]",
                )
            )
    return found


def _ids(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _located_selection_problems(
    located: Any, report: Report, options: BuildOptions
) -> list[BriefingError]:
    found: list[BriefingError] = []
    for problem in selection_problems(report, options):
        index = _bad_index(located.data.get(problem.field or ""), problem.message)
        path = (problem.field, index) if index is not None else (problem.field,)
        found.append(
            RecipeError(
                problem.message,
                file=located.file,
                line=located.line_of(path) if problem.field in located.data else None,
                field=f"{problem.field}[{index}]" if index is not None else problem.field,
            )
        )
    return found


def _bad_index(values: Any, message: str) -> int | None:
    match = re.search(r"id '([^']*)'", message)
    if match and isinstance(values, list) and match.group(1) in values:
        return values.index(match.group(1))
    return None


def default_output(report: Report, date: dt.date, folder: Path = Path("out")) -> Path:
    """``out/<report id>-<date>.pptx``."""
    return folder / f"{report.meta.id}-{date.isoformat()}.pptx"


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
    step = _Steps(progress, cancel)
    step("content", 0.0)
    report = report or load(options)
    deck_plan = plan(options, report)
    notes: list[str] = []
    step("charts", 0.2)
    family = fonts.load_family(options.font, index=options.font_index)
    notes += family.warnings
    visuals, chart_info = _draw_charts(deck_plan, report, options, family, step)
    step("fonts", 0.6)
    shown, bold = _deck_text(deck_plan, visuals, pictures=True)
    missing = fonts.missing_characters(family, shown, bold_texts=bold)
    _report_missing(missing, options, notes)
    regular, bold = _deck_text(deck_plan, visuals, pictures=False)  # pictures need no glyphs
    faces = fonts.prepare_faces(family, "".join(regular.values()), "".join(bold.values()))
    step("writing", 0.8)
    data = _package(deck_plan, visuals, family.name, faces, options)
    step.check()  # the last point where Cancel is honoured: after it, the deck is written
    target = options.output or default_output(report, deck_plan.meta.date)
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
        fonts=tuple(_face_info(face) for face in faces),
        missing=tuple(missing),
        charts=tuple(chart_info),
        timings=step.timings,
        figure_origins=report.figure_origins,
        size=len(data),
    )


def _package(
    deck_plan: DeckPlan,
    visuals: dict[str, Visual],
    typeface: str,
    faces: list[fonts.EmbeddedFace],
    options: BuildOptions,
) -> bytes:
    """The .pptx bytes: slides on the master, fonts embedded, dated properties."""
    from briefing.deck import builder, package
    from briefing.deck.embed import embed_fonts, set_theme_fonts

    prs = builder.build_presentation(deck_plan, visuals, typeface)
    set_theme_fonts(prs, typeface)
    embed_fonts(prs, faces)
    epoch = options.epoch or _epoch(deck_plan.meta.date)
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
            read = _read_recipe(Path(recipe), changes)
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
        shown, bold = _deck_text(deck_plan, visuals, pictures=True)
        missing = fonts.missing_characters(family, shown, bold_texts=bold)
    except BriefingError as exc:
        return [exc]
    return [FontError(line, field="font") for line in describe_missing(missing)]


def _unique(problems: list[BriefingError]) -> list[BriefingError]:
    seen: set[str] = set()
    return [p for p in problems if not (str(p) in seen or seen.add(str(p)))]


# -- steps --------------------------------------------------------------------------------------
class _Steps:
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


def _draw_charts(
    deck_plan: DeckPlan,
    report: Report,
    options: BuildOptions,
    family: fonts.FontFamily,
    step: _Steps,
) -> tuple[dict[str, Visual], list[dict[str, Any]]]:
    visuals: dict[str, Visual] = {}
    info: list[dict[str, Any]] = []
    specs = list(deck_plan.charts.values())
    width_in, height_in = VISUAL_BOX[2] / EMU_PER_INCH, VISUAL_BOX[3] / EMU_PER_INCH
    for n, spec in enumerate(specs):
        step("charts", 0.2 + 0.4 * n / max(len(specs), 1))
        data = charts_mod.chart_data(spec, report, language=options.language)
        style = _chart_style(spec, options)
        if style == "native":
            visuals[spec.id] = Visual(alt_text=data.alt_text, native=data, text=data.text())
        else:
            with warnings.catch_warnings():
                # A glyph the font lacks is reported once, by the coverage check, with its
                # slide; matplotlib's own warning would repeat it on the console.
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                png = charts_mod.render_png(
                    data,
                    font=family.regular.path,
                    bold_font=family.bold.path if family.bold else None,
                    width_in=width_in,
                    height_in=height_in,
                    dpi=200,
                    title=False,
                )
            visuals[spec.id] = Visual(alt_text=data.alt_text, png=png, text=data.text())
        info.append(
            {
                "id": spec.id,
                "kind": spec.kind,
                "title": spec.title,
                "style": style,
                "figures": list(spec.figures),
                "alt_text": data.alt_text,
            }
        )
    return visuals, info


def _chart_style(spec: ChartSpec, options: BuildOptions) -> str:
    wanted = spec.style if spec.style != "auto" else options.chart_style
    return "native" if wanted == "native" and spec.kind in NATIVE_KINDS else "image"


def _deck_text(
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


def _report_missing(
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


def _face_info(face: fonts.EmbeddedFace) -> dict[str, Any]:
    return {
        "family": face.family,
        "style": face.style,
        "glyphs": face.glyphs,
        "ttf_bytes": face.ttf_bytes,
        "bytes": len(face.eot),
        "subset": face.subset,
    }


def _epoch(date: dt.date) -> dt.datetime:
    """Document timestamps: SOURCE_DATE_EPOCH when set, else the deck's date at 09:00 UTC."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    return dt.datetime.combine(date, dt.time(9, 0), tzinfo=dt.UTC)
