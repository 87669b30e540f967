"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers; validation errors then cannot say *where* a value
is wrong. :func:`load_yaml` composes the node tree once, builds plain Python data from it and a
``{path: line}`` map (paths are tuples of mapping keys and list indices, as pydantic reports them
in ``ValidationError.errors()[i]["loc"]``), and refuses duplicate keys, which PyYAML accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Sequence

Path_ = tuple[str | int, ...]

# libyaml's C parser when PyYAML has it (ten times faster), the pure-Python one otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Data loaded from one YAML file plus the line (1-based) of every node in it."""

    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of the deepest node on ``path`` that exists in the file."""
        parts = tuple(path)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), None)


def load_yaml(
    path: str | Path, *, error: type[BriefingError] = BriefingError, text: str | None = None
) -> Located:
    """Load one YAML file safely; raise ``error`` naming the file and line on any problem."""
    shown = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise error("file not found", file=shown) from None
        except UnicodeDecodeError as exc:
            raise error(f"not UTF-8 text ({exc.reason})", file=shown) from None
        except OSError as exc:
            raise error(f"cannot read: {exc.strerror}", file=shown) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = Located(data=None, file=shown)
        located.data = _build(loader, node, (), located) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(f"invalid YAML: {exc.problem or exc.context}", file=shown, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", file=shown) from None
    finally:
        loader.dispose()
    return located


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, out: Located) -> Any:
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list | dict):
                raise yaml.MarkedYAMLError(
                    problem="a key must be a plain value", problem_mark=key_node.start_mark
                )
            if key in result:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark
                )
            result[key] = _build(loader, value_node, (*path, key), out)
            out.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), out) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
