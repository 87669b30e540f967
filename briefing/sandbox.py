"""The Jinja environment slide templates and recipe fields render in: a sandbox with bounds.

Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` stops templates from reaching Python
internals, but not from working without end: two nested ``range(100000)`` loops run 10^10
times, ``{{ 'x' * 10**10 }}`` asks for 10 GB. :class:`BoundedEnvironment` adds, per render
(:func:`budget`):

- at most ``MAX_LOOP_ITERATIONS`` loop iterations, counted in every ``{% for %}`` body and
  filter (recursive loops included), by a call the parser puts there;
- no string, list or number larger than ``MAX_TEMPLATE_OUTPUT`` characters (or bits) from
  ``*``, ``**``, ``+``, ``~``, ``%``, ``format`` and the padding filters, checked *before* it
  is made;
- at most ``MAX_TEMPLATE_OUTPUT`` characters of output (:func:`render_bounded`).

Going over a bound raises :class:`LimitExceeded`, which callers report as a template error
with its file and line. ``lipsum`` (lorem ipsum of any length) is not available.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import re
import string
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, nodes
from jinja2 import filters as jinja_filters
from jinja2.sandbox import SandboxedEnvironment

from briefing.limits import MAX_LOOP_ITERATIONS, MAX_TEMPLATE_OUTPUT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from jinja2.runtime import Context


class LimitExceeded(Exception):  # noqa: N818 - reads as what happened, like StopIteration
    """A template asked for more work or output than :mod:`briefing.limits` allows."""


class _Budget:
    """Loop iterations left in one render."""

    def __init__(self, iterations: int) -> None:
        self.left = iterations

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise LimitExceeded(
                f"more than {MAX_LOOP_ITERATIONS:,} loop iterations in one template; "
                "are loops nested too deep?"
            )


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("budget", default=None)


@contextlib.contextmanager
def budget(iterations: int = MAX_LOOP_ITERATIONS) -> Iterator[None]:
    """Run the renders inside the ``with`` on one budget of loop iterations."""
    token = _budget.set(_Budget(iterations))
    try:
        yield
    finally:
        _budget.reset(token)


def render_bounded(pieces: Iterable[str], limit: int = MAX_TEMPLATE_OUTPUT) -> str:
    """The text a template's render function yields, stopped past ``limit`` characters."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > limit:
            raise LimitExceeded(f"a template wrote more than {limit:,} characters")
        out.append(piece)
    return "".join(out)


class BoundedEnvironment(SandboxedEnvironment):
    """A sandbox with strict undefined variables, no autoescaping and the bounds above."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        options.setdefault("undefined", StrictUndefined)
        options.setdefault("autoescape", False)
        super().__init__(**options)
        self.globals.pop("lipsum", None)
        for name, keyword in _SIZED_FILTERS.items():
            self.filters[name] = _sized(self.filters[name], keyword)
        self.filters["replace"] = _bounded_replace
        self.filters["format"] = _bounded_format

    # -- parse time: count every loop iteration, bound every ``~`` ---------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            tick = nodes.EnvironmentAttribute("tick")  # a property: cheaper than a call
            loop.body.insert(0, nodes.ExprStmt(tick, lineno=loop.lineno))
            if loop.test is not None:
                loop.test = nodes.And(tick, loop.test, lineno=loop.lineno)
        for concat in list(tree.find_all(nodes.Concat)):
            concat.nodes = [
                nodes.Call(
                    nodes.EnvironmentAttribute("bounded_concat"), concat.nodes, [], None, None
                )
            ]
        tree.set_environment(self)
        return tree

    @property
    def tick(self) -> bool:
        """One loop iteration (read by compiled templates); True, to sit in a loop test."""
        current = _budget.get()
        if current is not None:
            current.spend()
        return True

    def bounded_concat(self, *parts: Any) -> str:
        """``a ~ b ~ c`` (called from compiled templates), refused when too long."""
        texts = [str(p) for p in parts]
        _check_size(sum(len(t) for t in texts), "joined text")
        return "".join(texts)

    # -- run time: operators and calls ----------------------------------------------------
    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format_spec(value.__self__)
        return wrapped

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if getattr(__obj, "__name__", "") in _PADDING and isinstance(
            getattr(__obj, "__self__", None), str
        ):
            _check_size(max([0, *(a for a in args if isinstance(a, int))]), "padding")
        return super().call(__context, __obj, *args, **kwargs)


_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_SIZED_FILTERS: dict[str, str] = {
    # filter name: its size argument (the first after the value, or this keyword)
    "center": "width",
    "indent": "width",
    "wordwrap": "width",
    "truncate": "length",
    "batch": "linecount",
    "slice": "slices",
}
_WIDTH = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


def _check_size(size: int, what: str) -> None:
    if size > MAX_TEMPLATE_OUTPUT:
        raise LimitExceeded(f"a {what} of {size:,} is more than a template may make")


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**``, ``+`` and ``%`` whose result would be too large, before it is
    made."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            size = _length(seq)
            if size is not None and isinstance(count, int):
                _check_size(size * count, "repeated text or list")
        if isinstance(left, int) and isinstance(right, int):
            _check_size(left.bit_length() + right.bit_length(), "number (in bits)")
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        bits = right * math.log2(abs(left)) if abs(left) > 1 else 0
        _check_size(int(bits), "number (in bits)")
    elif operator == "+":
        sizes = (_length(left), _length(right))
        if None not in sizes:
            _check_size(sum(s for s in sizes if s is not None), "joined text or list")
    elif operator == "%" and isinstance(left, str):
        _check_percent(left)


def _check_percent(text: str) -> None:
    for width, precision in _WIDTH.findall(text):
        for number in (width, precision):
            if number.isdigit():
                _check_size(int(number), "formatted width")


def _check_format_spec(text: str) -> None:
    """Widths in a ``str.format`` string (``{:>999999999}``)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format reports it
    for _, _, spec, _ in parsed:
        for number in re.findall(r"\d+", spec or ""):
            _check_size(int(number), "formatted width")


def _sized(function: Callable[..., Any], keyword: str) -> Callable[..., Any]:
    """``function`` (a filter) with its size argument checked first."""
    first = 2 if getattr(function, "jinja_pass_arg", None) is not None else 1  # after value

    def checked(*args: Any, **kwargs: Any) -> Any:
        given = [*args[first : first + 1], kwargs.get(keyword)]
        for value in given:
            if isinstance(value, int):
                _check_size(value, "width")
        return function(*args, **kwargs)

    if hasattr(function, "jinja_pass_arg"):
        checked.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return checked


def _bounded_replace(eval_ctx: Any, text: str, old: str, new: str, count: int | None = None) -> str:
    """Jinja's ``replace`` filter, refused when the result would be too long."""
    source, old_text, new_text = str(text), str(old), str(new)
    times = source.count(old_text) if old_text else len(source) + 1
    if count is not None:
        times = min(times, count)
    _check_size(len(source) + times * max(len(new_text) - len(old_text), 0), "replaced text")
    return str(jinja_filters.do_replace(eval_ctx, text, old, new, count))


def _bounded_format(value: str, *args: Any, **kwargs: Any) -> str:
    """Jinja's ``format`` filter with ``%`` widths checked."""
    _check_percent(str(value))
    return jinja_filters.do_format(value, *args, **kwargs)


_bounded_replace.jinja_pass_arg = jinja_filters.do_replace.jinja_pass_arg  # type: ignore[attr-defined]
