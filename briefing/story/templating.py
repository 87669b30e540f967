"""Jinja templates that turn report content into slide text.

One template per kind of slide (``templates/slides/<kind>.j2``) with named blocks: ``title``,
``subtitle``, ``body``, ``notes``, ``source``. Templates render text, never OOXML, in a
:class:`~jinja2.sandbox.SandboxedEnvironment` with :class:`~jinja2.StrictUndefined`, so a
misspelt variable is an error that names the template file and line. A user folder given with
``templates:`` is searched first (a :class:`~jinja2.ChoiceLoader`), so an agency can override one
slide kind without copying the rest. ``templates/labels.yaml`` holds the fixed words of the deck
(簡報大綱, 敬請指教 …) in each language.

Body syntax: one line per bullet; ``- `` may start a bullet; two spaces of indent per sub-level.

Safety (see ``docs/security.md``): templates render in :class:`briefing.sandbox.BoundedEnvironment`
(bounded loops and output); ``{% include %}`` and ``{% import %}`` find files only inside the
template folders, following no link out of them; a slide template is rendered block by block, so
``{% extends %}`` and anything else outside its blocks is refused with a message rather than
silently ignored; every block's text is checked for characters a slide cannot hold.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import BaseLoader, ChoiceLoader, nodes
from jinja2.loaders import split_template_path

from briefing import dates, limits
from briefing.content.yamlsrc import load_yaml
from briefing.errors import TemplateError
from briefing.sandbox import BoundedEnvironment, LimitExceeded, budget, render_bounded
from briefing.story.plan import Bullet
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from briefing.content.model import Figure

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
BLOCKS = ("title", "kicker", "subtitle", "body", "notes", "source")


@dataclass(frozen=True)
class RenderedSlide:
    """The text blocks of one rendered slide template."""

    title: str
    subtitle: str
    body: tuple[Bullet, ...]
    notes: str
    source: str
    kicker: str = ""


class Templates:
    """The slide templates and labels for one language (and optional user folder)."""

    def __init__(self, language: str = "zh-TW", user_dir: Path | None = None) -> None:
        self.language = language
        folders = [str(user_dir)] if user_dir is not None else []
        if user_dir is not None and not user_dir.is_dir():
            raise TemplateError("template folder not found", file=user_dir)
        self.env = _environment(tuple(folders))
        self.labels = _labels(language, user_dir)

    def render(self, kind: str, **context: Any) -> RenderedSlide:
        """Render ``slides/<kind>.j2`` with ``context``; errors name the template and line."""
        name = f"slides/{kind}.j2"
        values = {"label": self.labels, "lang": self.language, **context}
        template = None
        try:
            template = self.env.get_template(name)
            ctx = template.new_context(values, shared=False)
            with budget():
                parts = {block: _render_block(template, block, ctx) for block in BLOCKS}
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                exc.message or "syntax error", file=_shown(exc.filename, name), line=exc.lineno
            ) from None
        except _TEMPLATE_FAULTS as exc:
            file, line = _template_frame(sys.exc_info()[2], template, name)
            if line is None and not isinstance(exc, _ALWAYS_OURS):
                raise  # not raised inside a template: a bug of the program's, not the template's
            raise TemplateError(_describe(exc, name), file=file, line=line) from None
        _check_output(parts, template)
        return RenderedSlide(
            title=normalize(_one_line(parts["title"])),
            subtitle=normalize(_one_line(parts["subtitle"])),
            body=parse_body(parts["body"]),
            notes=_paragraphs(parts["notes"]),
            source=normalize(_one_line(parts["source"])),
            kicker=normalize(_one_line(parts["kicker"])),
        )


#: What a template can do wrong at run time. Besides Jinja's own errors, Python's pass through
#: Jinja (slicing with an undefined value, a filter given the wrong type, 1/0), and so do the
#: sandbox's bounds and a template that includes itself (RecursionError).
_TEMPLATE_FAULTS = (
    jinja2.TemplateError,
    LimitExceeded,
    RecursionError,
    MemoryError,
    TypeError,
    ValueError,
    LookupError,
    ArithmeticError,
    AttributeError,
)


#: Faults that are the template's even when no template line is on the traceback.
_ALWAYS_OURS = (jinja2.TemplateError, LimitExceeded, RecursionError)


def _describe(exc: BaseException, name: str) -> str:
    """The one-line message for a template fault raised while rendering ``name``."""
    if isinstance(exc, jinja2.TemplateNotFound):
        return "template not found" if exc.name == name else f"not found: {exc.name}"
    if isinstance(exc, jinja2.TemplateError):
        return exc.message or str(exc)
    if isinstance(exc, RecursionError):
        return "templates include or call each other without end"
    if isinstance(exc, LimitExceeded | MemoryError):
        return str(exc) or "too large"
    return f"{type(exc).__name__}: {exc}"


def parse_body(text: str) -> tuple[Bullet, ...]:
    """Body text to bullets: one per non-blank line, level from the indent (2 spaces)."""
    bullets = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        line = line[2:].strip() if line.startswith("- ") else line
        bullets.append(Bullet(normalize(line), min(indent // 2, 4)))
    return tuple(bullets)


def figure_text(figure: Figure) -> str:
    """A figure as the report writes it, with its qualifier: ``超過 1 萬 5,000 人``."""
    return figure.as_written


def figure_when(figure: Figure, language: str = "zh-TW") -> str:
    """``（2019 年 6 月）`` for a figure, or nothing when its text already says the year."""
    if not figure.when or figure.when[:4] in figure.as_written:
        return ""
    text = when_text(figure.when, language)
    return f"（{text}）" if language != "en" else f" ({text})"


def format_number(value: float) -> str:
    """``4000.0`` -> ``4,000``; keeps decimals only when there are any."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def when_text(when: str | None, language: str = "zh-TW") -> str:
    """``2019-06`` -> ``2019 年 6 月`` (``June 2019`` in English)."""
    if not when:
        return ""
    parts = [int(p) for p in when.split("-")]
    if language == "en":
        months = [
            "",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        return " ".join(
            str(p)
            for p in ([parts[2]] if len(parts) > 2 else [])
            + ([months[parts[1]]] if len(parts) > 1 else [])
            + [parts[0]]
        )
    units = ("年", "月", "日")
    return " ".join(f"{p} {u}" for p, u in zip(parts, units, strict=False))


class _FolderLoader(BaseLoader):
    """Templates from one folder and nothing outside it: ``..`` is refused (by Jinja's
    ``split_template_path``) and so is a file whose real path, links followed, leaves the
    folder; files are read within ``MAX_TEMPLATE_BYTES`` and must be UTF-8."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        filename = os.path.join(self.folder, *split_template_path(template))
        if not os.path.isfile(filename):
            raise jinja2.TemplateNotFound(template)
        _inside(filename, self.folder)
        text = limits.read_text(
            filename, limit=limits.MAX_TEMPLATE_BYTES, error=TemplateError, what="template"
        )
        mtime = os.path.getmtime(filename)
        return text, filename, lambda: _unchanged(filename, mtime)


def _inside(filename: str, folder: str) -> None:
    """Refuse ``filename`` when its real path (links followed) is outside ``folder``."""
    real = os.path.realpath(filename)
    if os.path.commonpath([real, folder]) != folder:
        raise TemplateError(
            f"links to {real}, outside the template folder; templates may use only files "
            "inside their folder",
            file=filename,
        )


def _unchanged(filename: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(filename) == mtime
    except OSError:
        return False


class _SlideEnvironment(BoundedEnvironment):
    """The bounded sandbox, refusing in slide templates what block-by-block rendering would
    silently ignore."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if name is not None and name.startswith("slides/"):
            for node in tree.body:
                problem = _outside_blocks(node)
                if problem is not None:
                    raise jinja2.TemplateSyntaxError(problem, node.lineno, name, filename)
        return tree


def _outside_blocks(node: nodes.Node) -> str | None:
    """Why ``node``, at the top of a slide template, would have no effect (None: it is fine)."""
    if isinstance(node, nodes.Block):
        return None
    if isinstance(node, nodes.Extends):
        return (
            "{% extends %} is not supported in slide templates: each template's blocks are "
            "rendered on their own; copy the blocks you need into this template"
        )
    if isinstance(node, nodes.Output) and all(
        isinstance(n, nodes.TemplateData) and not n.data.strip() for n in node.nodes
    ):
        return None
    what = type(node).__name__.lower().replace("assign", "set").replace("fromimport", "from")
    return (
        f"{{% {what} %}} (or text) outside a block has no effect in a slide template: "
        "only the blocks title, subtitle, body, notes and source are rendered; move it into "
        "the block that uses it"
    )


@lru_cache(maxsize=8)
def _environment(user_folders: tuple[str, ...]) -> BoundedEnvironment:
    folders = [*user_folders, str(TEMPLATES_DIR)]
    env = _SlideEnvironment(
        loader=ChoiceLoader([_FolderLoader(folder) for folder in folders]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        roc=dates.roc,
        roc_short=dates.roc_short,
        deck_date=dates.display,  # {{ d | deck_date(date_style, lang) }}: the deck's one style
        number=format_number,
        when=when_text,
        figure=figure_text,
        figure_when=figure_when,
    )
    return env


def _labels(language: str, user_dir: Path | None) -> Mapping[str, str]:
    """The bundled labels of ``language``, with those of the user's labels.yaml over them (a
    labels file written for an older version still works when new labels are added)."""
    path = TEMPLATES_DIR / "labels.yaml"
    table = _label_table(path, language)
    if user_dir is not None and (user_dir / "labels.yaml").exists():
        path = user_dir / "labels.yaml"
        _inside(str(path), os.path.realpath(user_dir))
        table = {**table, **_label_table(path, language, bundled=table)}
    return _Labels(table, str(path))


def _label_table(
    path: Path, language: str, bundled: dict[str, Any] | None = None
) -> dict[str, Any]:
    located = load_yaml(path, error=TemplateError)
    table = located.data.get(language) if isinstance(located.data, dict) else None
    if not isinstance(table, dict):
        raise TemplateError(f"no labels for language {language!r}", file=path)
    if bundled is not None:  # a user's labels: each of the kind the bundled one is
        for key, value in table.items():
            problem = _label_problem(value, bundled.get(key))
            if problem is not None:
                line = located.line_of((language, key))
                raise TemplateError(problem, file=path, line=line, field=f"{language}.{key}")
    return table


def _label_problem(value: Any, bundled: Any) -> str | None:
    """What is wrong with a user's label ``value`` where the bundled one is ``bundled``: text
    where text belongs, a mapping of texts where the bundled label is one."""
    if isinstance(bundled, dict):
        if not isinstance(value, dict):
            return f"must be a mapping of texts (like the bundled one), not {_kind(value)}"
        wrong = next((k for k, v in value.items() if not isinstance(v, str)), None)
        return None if wrong is None else f"{wrong}: must be text, not {_kind(value[wrong])}"
    return None if isinstance(value, str) else f"must be text, not {_kind(value)}"


def _kind(value: Any) -> str:
    names = {list: "a list", dict: "a mapping", bool: "true/false", type(None): "empty"}
    return names.get(type(value), f"a {type(value).__name__}")


class _Labels(dict):  # type: ignore[type-arg]
    """Label lookup that fails loudly (with the labels file) on a missing key."""

    def __init__(self, table: dict[str, str], file: str) -> None:
        super().__init__(table)
        self.file = file

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise TemplateError(f"no label {key!r}", file=self.file) from None


def _render_block(template: jinja2.Template, block: str, ctx: Any) -> str:
    render = template.blocks.get(block)
    return render_bounded(render(ctx)) if render else ""


def _check_output(parts: dict[str, str], template: jinja2.Template | None) -> None:
    """Refuse a block whose text a slide cannot hold, naming the template and the block."""
    for block, text in parts.items():
        problem = limits.bad_character(text)
        if problem is not None:
            file = _shown(template.filename if template else None, "template")
            raise TemplateError(
                f"wrote a character a slide cannot hold ({problem})", file=file, field=block
            )


def _template_frame(
    tb: Any, template: jinja2.Template | None, fallback: str
) -> tuple[str, int | None]:
    """File and template line of the innermost traceback frame inside a template.

    Blocks are called directly (not through ``render``), so Jinja has not rewritten the
    traceback: map the compiled code's line back with ``get_corresponding_lineno``.
    """
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if template is not None and filename == template.filename:
            found = (_shown(filename, fallback), template.get_corresponding_lineno(tb.tb_lineno))
        elif filename.endswith(".j2"):
            found = (_shown(filename, fallback), tb.tb_lineno)
        tb = tb.tb_next
    return found


def _shown(filename: str | None, fallback: str) -> str:
    if not filename:
        return fallback
    path = Path(filename)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _paragraphs(text: str) -> str:
    lines = [normalize(line.strip()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
