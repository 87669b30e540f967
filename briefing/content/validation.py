"""Turn pydantic validation errors into :class:`BriefingError` with file, line and field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing.limits import excerpt

if TYPE_CHECKING:
    from briefing.content.yamlsrc import Located
    from briefing.errors import BriefingError

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def validate(
    adapter: TypeAdapter[T], located: Located, error: type[BriefingError], *, root: tuple = ()
) -> T:
    """Validate ``located.data`` with ``adapter``; the first problem becomes ``error``."""
    try:
        return adapter.validate_python(located.data)
    except ValidationError as exc:
        raise to_briefing_error(exc, located, error, root=root) from None


def validation_problems(
    adapter: TypeAdapter[Any], located: Located, error: type[BriefingError]
) -> list[BriefingError]:
    """Every problem of ``located.data`` (empty when it is valid), for ``check``."""
    try:
        adapter.validate_python(located.data)
    except ValidationError as exc:
        return [_one(item, located, error, ()) for item in exc.errors(include_url=False)]
    return []


def to_briefing_error(
    exc: ValidationError, located: Located, error: type[BriefingError], *, root: tuple = ()
) -> BriefingError:
    """The first error of ``exc``, located in the YAML file."""
    return _one(exc.errors(include_url=False)[0], located, error, root)


def _one(item: Any, located: Located, error: type[BriefingError], root: tuple) -> BriefingError:
    raw = tuple(item["loc"])
    loc = (*root, *(p for i, p in enumerate(raw) if not _is_union_tag(p, raw[i - 1] if i else 0)))
    field = _field_name(loc)
    message = _message(item)
    return error(message, file=located.file, line=located.line_of(loc), field=field or None)


def _is_union_tag(part: object, before: object) -> bool:
    # pydantic adds the tried type's name to loc for unions ("int", "function-after[...]"),
    # right after the field's name; a field called "date" follows an index or nothing.
    if not isinstance(part, str):
        return False
    return "[" in part or (part in {"int", "float", "str", "date"} and isinstance(before, str))


def _field_name(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(item: Any) -> str:
    kind = item["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    value = item.get("input")
    shown = f" (got {excerpt(value)})" if isinstance(value, str | int | float) else ""
    return f"{message_of(item)}{shown}"


def message_of(item: Any) -> str:
    """pydantic's message for one error, without its "Value error, " prefix."""
    return str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
