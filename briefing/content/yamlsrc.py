"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers; validation errors then cannot say *where* a value
is wrong. :func:`load_yaml` composes the node tree once, builds plain Python data from it and a
``{path: line}`` map (paths are tuples of mapping keys and list indices, as pydantic reports them
in ``ValidationError.errors()[i]["loc"]``), and refuses duplicate keys, which PyYAML accepts.

Loading is bounded (:mod:`briefing.limits`): the file is read no further than its size limit,
aliases may not refer to themselves and may not expand into more than ``MAX_YAML_NODES`` values
(a 2 KB "billion laughs" file is refused in milliseconds), values nest at most
``MAX_YAML_DEPTH`` deep, and every text is checked for characters XML cannot hold and for its
length, so each problem is reported at its own line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from briefing import limits
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

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
    path: str | Path,
    *,
    error: type[BriefingError] = BriefingError,
    text: str | None = None,
    limit: int = limits.MAX_DATA_BYTES,
) -> Located:
    """Load one YAML file safely; raise ``error`` naming the file and line on any problem.

    ``limit`` is the largest file read, in bytes (``text``, when given, is not read again).
    """
    shown = str(path)
    if text is None:
        text = limits.read_text(path, limit=limit, error=error, what="file")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = Located(data=None, file=shown)
        builder = _Builder(loader, located)
        located.data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(f"invalid YAML: {exc.problem or exc.context}", file=shown, line=line) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: at its line
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"invalid YAML: the character U+{char:04X} is not allowed in a YAML file"
        raise error(message, file=shown, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", file=shown) from None
    except _Refused as exc:
        raise error(exc.message, file=shown, line=exc.line, field=exc.field) from None
    finally:
        loader.dispose()
    return located


class _Refused(Exception):
    """A value the loader will not build, with its line and field."""

    def __init__(self, message: str, node: yaml.Node, path: Path_) -> None:
        super().__init__(message)
        self.message, self.line = message, node.start_mark.line + 1
        self.field = _dotted(path) or None


class _Builder:
    """Plain data from a node tree, within :mod:`briefing.limits`: every alias expansion
    counts against ``MAX_YAML_NODES``, an alias inside itself is refused, and so is text that
    XML cannot hold or that is too long."""

    def __init__(self, loader: yaml.SafeLoader, out: Located) -> None:
        self.loader, self.out = loader, out
        self.built = 0
        self.open: set[int] = set()  # the nodes being built: seeing one again is a cycle

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.built += 1
        if self.built > limits.MAX_YAML_NODES:
            raise _Refused(
                f"more than {limits.MAX_YAML_NODES:,} values (aliases expanded); "
                "is an alias repeated over and over?",
                node,
                path,
            )
        if len(path) > limits.MAX_YAML_DEPTH:
            raise _Refused(f"nested more than {limits.MAX_YAML_DEPTH} levels deep", node, path)
        if id(node) in self.open:
            raise _Refused("an alias refers to a value that contains it (a cycle)", node, path)
        self.out.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        try:
            self.loader.flatten_mapping(node)
        except RecursionError:
            raise _Refused("a merge (<<) refers to the mapping it is in", node, path) from None
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a key must be a plain value", key_node, path)
            key = self._scalar(key_node, path)
            if key in result:
                raise _Refused(f"duplicate key {limits.excerpt(key)}", key_node, path)
            result[key] = self.build(value_node, (*path, key))
            self.out.lines[(*path, key)] = key_node.start_mark.line + 1
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError as exc:  # 2019-13-01, an integer of 5,000 digits
            shown = limits.excerpt(str(node.value), 20)
            raise _Refused(f"not a valid {_kind(node)} ({shown}): {exc}", node, path) from None
        if isinstance(value, str):
            problem = limits.text_problem(value)
            if problem is not None:
                raise _Refused(problem, node, path)
        return value


def _kind(node: yaml.ScalarNode) -> str:
    """``date``, ``int`` … from a scalar's resolved tag."""
    return node.tag.rsplit(":", 1)[-1].replace("timestamp", "date")


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
