"""Reading a recipe against its report: its options, or every problem it has, each with the
recipe's file, line and field (``{{ … }}`` not filled in, schema, unknown ids, charts that
cannot be drawn). :func:`briefing.api.options_from_recipe` raises the first problem;
:func:`briefing.api.check` reports them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import charts as charts_mod
from briefing.content.report import Report, load_report
from briefing.content.selection import resolve
from briefing.errors import BriefingError, RecipeError
from briefing.options import BuildOptions
from briefing.recipe import (
    check_overrides,
    read_recipe,
    recipe_problems,
    render_fields,
    report_path,
    to_options,
)
from briefing.story.planner import selection_problems


@dataclass
class RecipeRead:
    options: BuildOptions | None
    problems: list[BriefingError]
    report: Report | None


def without_recipe(changes: dict[str, Any]) -> BuildOptions:
    """Build options from command-line style ``changes`` alone (checked as a recipe would be)."""
    check_overrides(changes)
    return BuildOptions().replace(**changes)


def read(path: Path, changes: dict[str, Any]) -> RecipeRead:
    """Everything wrong with a recipe (rendering, schema, unknown ids), and its options.

    A bad command-line option (``changes``) is raised, not listed: it is no fault of the
    recipe's."""
    check_overrides(changes)
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
        return RecipeRead(None, problems, report)
    options = to_options(located).replace(**changes)
    if report is not None:
        unknown = _located_selection_problems(located, report, options)
        problems += unknown or _empty_selection(located, report, options)
        problems += _recipe_chart_problems(located, report, options)
    problems += _missing_files(located, options)
    return RecipeRead(options, problems, report)


def _empty_selection(located: Any, report: Report, options: BuildOptions) -> list[BriefingError]:
    """A selection of nothing, at the recipe's ``sections:`` (or ``initiatives:``) line."""
    try:
        resolve(report, options.sections, options.initiatives)
    except RecipeError as exc:
        key = "sections" if "sections" in located.data else "initiatives"
        line = located.line_of((key,)) if key in located.data else None
        return [RecipeError(exc.message, file=located.file, line=line, field=key)]
    return []


def _missing_files(located: Any, options: BuildOptions) -> list[BriefingError]:
    """Files the recipe names that are not there, reported at the recipe's line."""
    named = {"figures": options.figures, "templates": options.templates}
    if "font" in located.data and options.font and Path(options.font).is_absolute():
        named["font"] = Path(options.font.split("#")[0])
    return [
        RecipeError(
            f"not found: {path}", file=located.file, line=located.line_of((key,)), field=key
        )
        for key, path in named.items()
        if key in located.data and path is not None and not path.exists()
    ]


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
