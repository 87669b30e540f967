"""Recipes: YAML files that say what deck to build, for recurring briefings.

A recipe is safe-loaded, its text fields may use ``{{ today }}``, ``{{ today_roc }}`` and
``{{ report.* }}`` (rendered in a sandbox), paths in it are relative to the recipe's folder
(``output`` is relative to the current folder), and every mistake is reported with the file,
line and field. :func:`load_recipe` gives a :class:`BuildOptions`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import TemplateError as JinjaError
from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing import dates, files, limits
from briefing.content.validation import message_of, validate, validation_problems
from briefing.content.yamlsrc import Located, load_yaml
from briefing.errors import RecipeError
from briefing.options import INTERNAL, RECIPE_FIELDS, BuildOptions
from briefing.sandbox import BoundedEnvironment, LimitExceeded, budget, render_bounded

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.content.report import Report

_TEMPLATED = ("title", "subtitle", "presenter", "date", "output")
_PATHS = ("report", "figures", "templates", "logo")


_ADAPTER = TypeAdapter(BuildOptions)


def variables(report: Report | None) -> dict[str, Any]:
    """What recipe fields may refer to."""
    now = dates.today()
    values: dict[str, Any] = {
        "today": now.isoformat(),
        "today_roc": dates.roc_short(now),
        "year": now.year,
        "month": now.month,
        "roc_year": dates.roc_year(now.year),
    }
    if report is not None:
        meta = report.meta.model_dump(mode="json")
        meta["report_date_roc"] = dates.roc_short(report.meta.report_date)
        values["report"] = meta
    return values


def read_recipe(path: str | Path) -> Located:
    """The recipe's raw YAML (a mapping), with line numbers."""
    located = load_yaml(path, error=RecipeError, limit=limits.MAX_RECIPE_BYTES)
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        raise RecipeError(
            "a recipe must be a mapping of fields (title:, sections:, ...)",
            file=located.file,
            line=1,
        )
    return located


def report_path(located: Located) -> Path | None:
    """The ``report:`` folder a raw recipe names, resolved against the recipe's folder."""
    value = located.data.get("report")
    return _resolve(located, value) if isinstance(value, str) else None


def render_fields(located: Located, report: Report | None) -> list[RecipeError]:
    """Render ``{{ ... }}`` in the recipe's text fields, in place; the problems, per field."""
    context = variables(report)
    problems = []
    for key in _TEMPLATED:
        value = located.data.get(key)
        if isinstance(value, str) and "{" in value:
            try:
                located.data[key] = _render(value, context)
            except RecipeError as exc:
                problems.append(
                    RecipeError(
                        f"cannot fill in {limits.excerpt(value)}: {exc.message}",
                        file=located.file,
                        line=located.line_of((key,)),
                        field=key,
                    )
                )
    return problems


_ENV = BoundedEnvironment()


def _render(value: str, context: dict[str, Any]) -> str:
    """``value`` with ``{{ … }}`` filled in, within the sandbox's bounds; RecipeError (no
    location) on any problem, including text a slide cannot hold."""
    try:
        with budget():
            template = _ENV.from_string(value)
            text = render_bounded(template.root_render_func(template.new_context(context)))
    except JinjaError as exc:
        raise RecipeError(exc.message or type(exc).__name__) from None
    except RecursionError:
        raise RecipeError("nested without end") from None
    except (LimitExceeded, MemoryError) as exc:
        raise RecipeError(str(exc) or "too large") from None
    except (TypeError, ValueError, LookupError, ArithmeticError, AttributeError) as exc:
        raise RecipeError(f"{type(exc).__name__}: {exc}") from None
    return limits.check_text(text, error=RecipeError)


def to_options(located: Located) -> BuildOptions:
    """Validate a rendered recipe and turn it into build options (paths resolved)."""
    for problem in _internal_keys(located):
        raise problem
    options = validate(_ADAPTER, located, RecipeError)
    font = options.font
    if font and files.looks_like_font_path(font):
        font = str(_resolve(located, font))
    return options.replace(
        **{key: _resolve(located, getattr(options, key)) for key in _PATHS},
        output=options.output.expanduser() if options.output else None,
        font=font,
        source_file=located.file,
    )


#: Command-line spellings of the options whose names differ.
_OPTION_NAMES = {"report": "--content", "output": "--out"}


def check_overrides(changes: Mapping[str, Any]) -> None:
    """Refuse options given on the command line (or by a caller) that a recipe could not hold:
    text a slide cannot hold, values too long, dates out of range. The RecipeError names the
    option (``--title``)."""
    for key, value in changes.items():
        for _, text in limits.strings(str(value) if isinstance(value, Path) else value):
            problem = limits.text_problem(text)
            if problem is not None:
                raise RecipeError(problem, field=_option(key))
    fields = {k: v for k, v in changes.items() if k in RECIPE_FIELDS}
    try:
        _ADAPTER.validate_python(fields)
    except ValidationError as exc:
        item = exc.errors(include_url=False)[0]
        key = str(item["loc"][0]) if item["loc"] else ""
        value = item.get("input")
        shown = f" (got {limits.excerpt(value)})" if isinstance(value, str | int) else ""
        raise RecipeError(f"{message_of(item)}{shown}", field=_option(key)) from None


def _option(key: str) -> str:
    return _OPTION_NAMES.get(key, "--" + key.replace("_", "-"))


def recipe_problems(located: Located) -> list[RecipeError]:
    """Every schema problem of a raw recipe (for ``check``)."""
    found = validation_problems(_ADAPTER, located, RecipeError)
    return [*_internal_keys(located), *found]  # type: ignore[list-item]


def _internal_keys(located: Located) -> list[RecipeError]:
    return [
        RecipeError("unknown field", file=located.file, line=located.line_of((key,)), field=key)
        for key in INTERNAL
        if key in located.data
    ]


def dump_recipe(options: BuildOptions) -> str:
    """The YAML text of a recipe that builds ``options`` (the GUI's File ▸ Save)."""
    data: dict[str, Any] = {}
    defaults = BuildOptions()
    for key in RECIPE_FIELDS:
        value = getattr(options, key)
        if value == getattr(defaults, key) and key not in ("sections", "initiatives"):
            continue
        if key in ("sections", "initiatives") and value is None:
            continue
        data[key] = _plain(value)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    return value


def _resolve(located: Located, value: str | Path | None) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else (Path(located.file).parent / path)


# -- saving -------------------------------------------------------------------------------------
_PATH_FIELDS = ("report", "figures", "templates", "logo")


def raw_recipe(path: str | Path) -> dict[str, Any]:
    """A recipe's fields as written (before ``{{ … }}`` is filled in)."""
    return dict(read_recipe(path).data)


def recipe_text(
    options: BuildOptions,
    path: Path | None,
    raw: Mapping[str, Any] | None = None,
    loaded: BuildOptions | None = None,
) -> str:
    """The recipe YAML for ``options``, to be saved at ``path``.

    ``dump_recipe`` writes paths as the options hold them (resolved against the recipe that was
    opened), so the report, figures, templates and font paths are rewritten relative to the
    folder the recipe is saved in. Fields the user did not change keep the text the recipe had,
    so ``{{ today }}`` stays a template and a relative path keeps its spelling.
    """
    raw = raw or {}
    changes: dict[str, Any] = {}
    folder = (path.parent if path is not None else Path.cwd()).absolute()
    for key in _PATH_FIELDS:
        value = getattr(options, key)
        if value is not None:
            changes[key] = Path(_rebase(str(value), raw.get(key), folder))
    if options.font and files.looks_like_font_path(options.font):
        changes["font"] = _rebase(options.font, raw.get("font"), folder)
    text = dump_recipe(options.replace(**changes))
    if loaded is None:
        return text
    data = yaml.safe_load(text) or {}
    kept = {
        key: raw[key]
        for key in _TEMPLATED
        if key in data
        and isinstance(raw.get(key), str)
        and "{" in raw[key]
        and getattr(options, key) == getattr(loaded, key)
    }
    if not kept:
        return text
    data.update(kept)
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def _rebase(value: str, written: Any, folder: Path) -> str:
    """``value`` (a path, maybe with a ``#N`` face suffix) as a recipe in ``folder`` writes it."""
    base, sep, face = value.rpartition("#") if "#" in value else (value, "", "")
    target = os.path.abspath(base)
    if isinstance(written, str):
        spelled, suffix = (
            (written.rsplit("#", 1)[0], written[written.rindex("#") :])
            if "#" in written
            else (written, "")
        )
        same = os.path.abspath(folder / Path(spelled).expanduser()) == target
        if same and suffix == f"{sep}{face}":
            return written
    try:
        rel = os.path.relpath(target, folder)
    except ValueError:  # another drive (Windows)
        rel = target
    return f"{rel}{sep}{face}"
