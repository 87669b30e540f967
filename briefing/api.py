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
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import charts as charts_mod
from briefing import dates, files, outputs, pipeline, reading, theme
from briefing.content.evidence import evidence_problems
from briefing.content.figures import apply_overrides
from briefing.content.report import Report, load_report, reference_problems, schema_problems
from briefing.content.review import CHOICES as FIELD_CHOICES
from briefing.content.review import EDITABLE as EDITABLE_FIELDS
from briefing.content.review import SECTION_KINDS, Draft, ReviewResult, draft_count, drafts
from briefing.content.review_write import apply_review
from briefing.errors import BriefingError, ChartError, DeckError, FontError
from briefing.fonts import family as fonts
from briefing.importing import ImportResult
from briefing.pdf import DEFAULT_TIMEOUT as DEFAULT_PDF_TIMEOUT
from briefing.pipeline import STAGES, CancelToken
from briefing.recipe import (
    raw_recipe,
    recipe_text,
)
from briefing.story import measure
from briefing.story.plan import Visual
from briefing.story.planner import plan_deck, selection_problems
from briefing.story.templating import Templates
from briefing.story.typeset import Setter
from briefing.story.typeset import grid as card_grid

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from briefing.options import BuildOptions
    from briefing.selfcheck import Finding
    from briefing.story.plan import DeckPlan

__all__ = [
    "STAGES",
    "EDITABLE_FIELDS",
    "FIELD_CHOICES",
    "SECTION_KINDS",
    "BuildResult",
    "CancelToken",
    "Draft",
    "ReviewResult",
    "apply_review",
    "draft_count",
    "drafts",
    "ImportResult",
    "build",
    "bundled_font",
    "card_grid",
    "chart_preview",
    "check",
    "check_deck",
    "check_output",
    "date_text",
    "default_output",
    "import_report",
    "examples",
    "labels",
    "load",
    "load_font",
    "missing_characters",
    "options_from_recipe",
    "output_of",
    "plan",
    "raw_recipe",
    "recipe_text",
    "self_check",
    "theme",
    "write_atomic",
]

log = logging.getLogger("briefing")

#: The example recipes shipped with the program (``recipes/``).
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "recipes"


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
    outputs: tuple[Path, ...] = ()  # every file written (.pptx, .odp, .pdf)
    self_check: tuple[Finding, ...] = ()  # what the self-check found (briefing.selfcheck)

    @property
    def slide_count(self) -> int:
        return len(self.plan.slides)

    def to_json(self) -> dict[str, Any]:
        """The JSON build report (``--report FILE``)."""
        slides = [
            {
                "number": n,
                "kind": s.kind,
                "layout": s.layout,
                "title": s.title,
                "condensed": list(s.condensed),
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
            "outputs": [str(p) for p in self.outputs],
            "bytes": self.size,
            "slide_count": self.slide_count,
            "minutes": self.plan.minutes,
            "length": self.plan.length,
            "structure": self.plan.structure,
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
            "self_check": [f.to_json() for f in self.self_check],
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


def import_report(
    source: str | Path,
    out: str | Path | None = None,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: CancelToken | None = None,
    language: str = "zh-TW",
    replace: bool = False,
) -> ImportResult:
    """Import a trip report (.docx, .odt, .pdf or .txt) into a content folder: ``out``, or
    ``imported/<report id>/`` beside the source, checked and planned as a build would before it
    is renamed into place; a folder that holds files is replaced (all at once) only with
    ``replace``. Raises SourceError (a BriefingError) for a file it cannot read, that holds no
    report or has no heading structure (``NoStructure``, whose ``details`` list the refused
    lines), BuildCancelled when cancelled; see :mod:`briefing.importing`.
    ``import-report.md`` is in ``language`` (zh-TW or en)."""
    from briefing.importing import import_report as run

    target = Path(out) if out is not None else None
    return run(
        Path(source), target, progress=progress, cancel=cancel, language=language, replace=replace
    )


def date_text(date: dt.date, style: str = "roc", language: str = "zh-TW") -> str:
    """The date as the cover prints it (``中華民國108年8月2日``, ``2019年8月2日``, ``2 August
    2019``)."""
    return dates.display(date, style, language)


def examples() -> tuple[Path, ...]:
    """The example recipes shipped with the program, by file name."""
    return tuple(sorted(EXAMPLES_DIR.glob("*.yaml")))


def missing_characters(
    family: fonts.FontFamily, deck_plan: DeckPlan
) -> tuple[fonts.MissingChar, ...]:
    """The characters ``deck_plan``'s slides and notes show that ``family`` lacks, each with
    the slides it is on (chart pictures not included: they are drawn by a build)."""
    regular, bold = pipeline.deck_text(deck_plan, {}, pictures=False)
    return tuple(fonts.missing_characters(family, regular, bold_texts=bold))


def chart_preview(
    options: BuildOptions, report: Report, chart_id: str, *, box: str = "visual"
) -> bytes:
    """The PNG a build puts on the slide of chart ``chart_id``, drawn with the deck's font
    (the same picture and cache as :func:`build`, so a preview also speeds up the build).
    ``box`` is where the plan puts it (:attr:`DeckPlan.chart_boxes`): a slide of its own
    (``visual``) or beside text (``right``)."""
    specs = {spec.id: spec for spec in (*report.charts, *options.charts)}
    if chart_id not in specs:
        raise ChartError(f"unknown chart id {chart_id!r}", field="charts")
    data = charts_mod.chart_data(specs[chart_id], report, language=options.language)
    family = fonts.load_family(options.font, index=options.font_index)
    width, height = pipeline.chart_box(box)[2:]
    with warnings.catch_warnings():  # missing glyphs are reported by missing_characters
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        return charts_mod.render_png(
            data,
            font=family.regular.path,
            bold_font=family.bold.path if family.bold else None,
            width_in=width / theme.EMU_PER_INCH,
            height_in=height / theme.EMU_PER_INCH,
            dpi=200,
            title=False,
        )


# -- options ------------------------------------------------------------------------------------
def options_from_recipe(path: str | Path | None = None, **overrides: Any) -> BuildOptions:
    """Build options from a recipe file (or none), with command-line style overrides applied.

    Overrides of None are ignored, so a CLI can pass every option it parsed. The first problem
    with the recipe is raised as a :class:`RecipeError` naming its file, line and field.
    """

    changes = {k: v for k, v in overrides.items() if v is not None}
    if path is None:
        return reading.without_recipe(changes)
    read = reading.read(Path(path), changes)
    if read.problems:
        raise read.problems[0]
    assert read.options is not None
    return read.options


def default_output(
    title: str, date: dt.date, folder: Path = Path("out"), name: str | None = None
) -> Path:
    """``<folder>/<title>-<date>.pptx``: the deck's title made safe as a file name (characters
    file systems refuse become ``-``, at most 120 bytes) and its date. ``name`` (a batch passes
    the recipe's file name when two recipes' decks would share a title) goes between them:
    ``<title>-<name>-<date>.pptx``. The whole name stays within 200 bytes."""
    parts = [files.safe_name(title, 120)]
    if name:
        parts.append(files.safe_name(name, 60))
    return folder / f"{'-'.join(parts)}-{date.isoformat()}.pptx"


def output_of(options: BuildOptions, report: Report | None = None) -> Path:
    """Where a build of ``options`` writes its deck: ``options.output``, or the default name
    from the planned title and date (see :func:`default_output`)."""
    if options.output is not None:
        return options.output
    meta = plan(options, report).meta
    return default_output(meta.title, meta.date)


# -- pipeline -----------------------------------------------------------------------------------
def load(options: BuildOptions) -> Report:
    """The report the options name, with any figures file applied."""
    report = load_report(options.report)
    if options.figures is not None:
        report = apply_overrides(report, options.figures)
    return report


def plan(options: BuildOptions, report: Report | None = None) -> DeckPlan:
    """The deck plan only (fast: no charts drawn, no font subset, no file), measured in the
    deck's font (its widths are read once and cached; the estimate if it cannot be read)."""
    report = report or load(options)
    templates = Templates(options.language, options.templates)
    return plan_deck(report, options, templates, setter_for(options))


def _check_logo(path: Path | None) -> None:
    """A bad logo is refused before anything is drawn (see briefing.deck.logo)."""
    from briefing.deck.logo import check_logo

    check_logo(path)


def self_check(plan: DeckPlan, options: BuildOptions | None = None) -> list[Finding]:
    """The self-check's findings on ``plan`` (:mod:`briefing.selfcheck`): overflow, shapes over
    title or source line, empty cards, tiles, cells and columns, colliding timeline labels, the
    budget, selected sections on no slide, numbers that are no figure record. Text is measured
    in the font ``options`` name (the bundled one by default), as the planner measured it."""
    from briefing.options import BuildOptions
    from briefing.selfcheck import check_plan

    return check_plan(plan, setter_for(options or BuildOptions()))


def setter_for(options: BuildOptions) -> Setter:
    """Text measuring in the font ``options`` name (the bundled one by default)."""
    try:
        family = fonts.load_family(options.font, index=options.font_index)
    except BriefingError:
        return Setter()  # the build reports the font problem itself
    bold = family.bold.path if family.bold is not None else family.regular.path
    return Setter(measure.metrics_for(family.regular.path), measure.metrics_for(bold))


def build(
    options: BuildOptions,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: CancelToken | None = None,
    report: Report | None = None,
    planned: DeckPlan | None = None,
    pdf_timeout: float = DEFAULT_PDF_TIMEOUT,
    pdf_required: bool = True,
) -> BuildResult:
    """Build the deck ``options`` describe and write it atomically, in each of
    ``options.formats`` (see :mod:`briefing.outputs`). ``report`` and ``planned`` (the plan
    :func:`plan` made of ``options`` and ``report``) save reading and planning again when the
    caller has them (the desktop app shows the plan before it builds). A PDF LibreOffice cannot
    make is a DeckError after the other files are written, or a warning when not
    ``pdf_required`` (the CLI's ``--pdf`` without ``--strict``)."""
    step = pipeline.Steps(progress, cancel)
    step("content", 0.0)
    _check_logo(options.logo)  # a bad logo is refused at once
    report = report or load(options)
    deck_plan = planned if planned is not None else plan(options, report)
    target = options.output or default_output(deck_plan.meta.title, deck_plan.meta.date)
    if target.suffix.lower().lstrip(".") not in ("pptx", *options.formats):  # the base name
        check_output(target, suffix=outputs.main_output(target, options.formats).suffix)
    for path in outputs.paths(target, options.formats).values():
        check_output(path, suffix=path.suffix)  # before the work, not after it
    findings = tuple(self_check(deck_plan, options))
    if findings and options.strict:  # nothing is written
        raise DeckError(_strict_message(findings), field="self-check")
    notes: list[str] = []
    step("charts", 0.2)
    family = fonts.load_family(options.font, index=options.font_index)
    notes += family.warnings
    with pipeline.ChartDrawing(deck_plan, report, options, family, step) as drawing:
        # Pictures the cache lacks are drawn in worker processes meanwhile (drawing.py).
        step("fonts", 0.3)
        shown, bold = pipeline.deck_text(deck_plan, drawing.texts, pictures=True)
        pipeline.check_characters(shown, bold)
        missing = fonts.missing_characters(family, shown, bold_texts=bold)
        pipeline.report_missing(missing, options, notes)
        regular, bold = pipeline.deck_text(deck_plan, drawing.texts, pictures=False)
        faces = fonts.prepare_faces(family, "".join(regular.values()), "".join(bold.values()))
        step("writing", 0.5)
        data = pipeline.package(
            deck_plan, drawing.pictures, family.name, faces, options, drawing.drawn
        )
    chart_info = drawing.info
    from briefing.deck.package import verify

    verify(data, len(deck_plan.slides), target=target)
    made = {"pptx": data}
    if {"odp", "pdf"} & set(options.formats):
        epoch = options.epoch or pipeline.epoch_of(deck_plan.meta.date)
        charts = _native_pictures(options, report, deck_plan, chart_info)
        made["odp"] = outputs.odp_data(data, family.name, faces, epoch, charts)
    step.check()  # the last point where Cancel is honoured: after it, the deck is written
    written = outputs.write_files(target, options.formats, made)
    if "pdf" in options.formats:
        pdf = outputs.make_pdf(target, made["odp"], options, written, pdf_timeout, pdf_required)
        written += [pdf] if isinstance(pdf, Path) else []
        notes += [pdf] if isinstance(pdf, str) else []
    step.finish()
    for warning in notes:
        log.warning(warning)
    for finding in findings:
        log.warning(finding.text("en"))
    log.info("wrote %s (%d slides)", ", ".join(map(str, written)), len(deck_plan.slides))
    return BuildResult(
        output=outputs.main_output(target, options.formats),
        plan=deck_plan,
        warnings=tuple(notes),
        fonts=tuple(pipeline.face_info(face) for face in faces),
        missing=tuple(missing),
        charts=tuple(chart_info),
        timings=step.timings,
        figure_origins=report.figure_origins,
        size=written[0].stat().st_size if written else len(data),
        outputs=tuple(written),
        self_check=findings,
    )


def _native_pictures(
    options: BuildOptions, report: Report, deck_plan: DeckPlan, charts: list[dict[str, Any]]
) -> dict[str, bytes]:
    """The picture of each native chart, by its shape name, for the .odp."""
    boxes = deck_plan.chart_boxes
    return {
        f"Chart {c['id']}": chart_preview(
            options, report, c["id"], box=boxes.get(c["id"], "visual")
        )
        for c in charts
        if c["style"] == "native"
    }


def _strict_message(findings: tuple[Finding, ...] | list[Finding]) -> str:
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    return f"the self-check found {findings[0].text('en')}{more}"


def check_output(target: Path, what: str = "deck", suffix: str = ".pptx") -> None:
    """Refuse an output path before any work: not a ``suffix`` file, a folder, or in a folder
    that cannot be written (DeckError naming the path)."""
    if target.suffix.lower() != suffix:
        raise DeckError(f"the {what} must be written to a {suffix} file", file=target)
    problem = files.write_problem(target)
    if problem == files.A_FOLDER:
        raise DeckError(f"the output path is a folder; name a {suffix} file", file=target)
    if problem is not None:
        raise DeckError(f"cannot write the {what}: {problem}", file=target)


def check(recipe: str | Path | None = None, **overrides: Any) -> list[BriefingError]:
    """Every problem with a recipe, the content, the templates and font coverage, at once,
    without writing anything (with ``strict``, the self-check's findings too)."""
    return check_deck(recipe, **overrides)[0]


def check_deck(
    recipe: str | Path | None = None, **overrides: Any
) -> tuple[list[BriefingError], list[Finding]]:
    """:func:`check`'s problems, and the self-check's findings on the deck the options plan
    (``python main.py check``: "ok" means the deck will be clean). With ``strict`` the
    findings are problems too."""

    changes = {k: v for k, v in overrides.items() if v is not None}
    if recipe is None:
        try:
            options: BuildOptions | None = reading.without_recipe(changes)
        except BriefingError as exc:
            return [exc], []
        problems: list[BriefingError] = []
    else:
        try:
            read = reading.read(Path(recipe), changes)
        except BriefingError as exc:
            return [exc], []
        options, problems = read.options, read.problems
    if options is None:
        return problems, []
    try:
        report = load_report(options.report, check=False)
    except BriefingError as exc:  # every schema problem of every file, not just the first
        return _unique([*problems, *(schema_problems(options.report) or [exc])]), []
    content = list(reference_problems(report)) or list(evidence_problems(report))
    if recipe is None:
        problems += list(selection_problems(report, options))
    if content or problems:
        return _unique(problems + content), []
    deck, findings = _deck_problems(options, report)
    if options.strict:
        deck += [DeckError(f.text("en"), field="self-check") for f in findings]
    return problems + deck, findings


def _deck_problems(
    options: BuildOptions, report: Report
) -> tuple[list[BriefingError], list[Finding]]:
    """Problems that show only when planning: figures file, templates, charts, fonts; and
    the self-check's findings on the planned deck."""
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
        return [exc], []
    found = [FontError(line, field="font") for line in pipeline.describe_missing(missing)]
    return found, self_check(deck_plan, options)


def _unique(problems: list[BriefingError]) -> list[BriefingError]:
    seen: set[str] = set()
    return [p for p in problems if not (str(p) in seen or seen.add(str(p)))]
