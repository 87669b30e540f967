"""The imported records held to the rules ``check`` applies to a content folder, before they
are written: the importer cleans what it can without changing the report's words, and the
written folder is then checked whole (:mod:`briefing.importing.output`).

- Characters a slide cannot hold (C0 controls other than tab and line breaks, NUL, U+FFFE,
  U+FFFF, lone surrogates) are dropped; line and paragraph separators (U+2028, U+2029, U+0085,
  vertical tab, form feed) become a space. The source text gets the same treatment, so every
  paragraph is still found in it.
- A paragraph longer than ``MAX_TEXT`` is split at sentence ends (every piece is the report's
  own text, in order); another text that long is refused by the check, naming its field.
- A figure whose value is not a finite number (``inf``, ``nan``) is dropped with a note; a
  duplicate figure id gets ``-2``, ``-3`` …
- The report's file name, quoted in the YAML headers, is shown with such characters (and
  newlines, which would end the comment) replaced.
"""

from __future__ import annotations

import math
import re
from typing import Any

from briefing import limits

_DROP = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile("[\x0b\x0c\u2028\u2029\x85]")
_SENTENCE = re.compile(r"(?<=[。！？；.!?;])")


def clean(text: str) -> str:
    """``text`` without the characters a slide cannot hold (separators made spaces)."""
    return _DROP.sub("", _SPACE.sub(" ", text))


def shown_name(name: str) -> str:
    """A file name as it may appear in a one-line comment: control characters, line breaks
    and separators shown as ``?``."""
    return re.sub("[\x00-\x1f\x7f\u2028\u2029\x85\ufffe\uffff\ud800-\udfff]", "?", name)


def source_text(text: str) -> str:
    """The imported text as written to ``source.txt``: cleaned, line breaks kept."""
    return "\n".join(clean(line) for line in text.split("\n"))


def records(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """``data`` (file stem -> records) cleaned as above; what was dropped goes to ``notes``."""
    cleaned = _strings(data)
    cleaned["figures"] = _figures(cleaned.get("figures") or [], notes)
    return cleaned


def _strings(value: Any, key: str | None = None) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _strings(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_strings(v) for v in value]
        if key == "paragraphs":
            return [piece for item in items for piece in split(item)]
        return items
    return value


def split(text: object, limit: int = limits.MAX_TEXT) -> list[Any]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence end where
    there is one (else at the limit); anything but a string unchanged."""
    if not isinstance(text, str) or len(text) <= limit:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        ends = [m.start() for m in _SENTENCE.finditer(rest, 1, limit + 1)]
        cut = ends[-1] if ends and ends[-1] > limit // 4 else limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:]
    pieces.append(rest.strip())
    return [p for p in pieces if p]


def _figures(figures: list[Any], notes: list[str]) -> list[Any]:
    kept: list[Any] = []
    seen: set[str] = set()
    for figure in figures:
        value = figure.get("value") if isinstance(figure, dict) else None
        if isinstance(value, float) and not math.isfinite(value):
            notes.append(f"figure {figure.get('id')!r} dropped: its value {value} is not a number")
            continue
        if isinstance(figure, dict) and isinstance(figure.get("id"), str):
            figure = dict(figure, id=_unique(figure["id"], seen))
        kept.append(figure)
    return kept


def _unique(name: str, seen: set[str]) -> str:
    found, n = name, 1
    while found in seen:
        n += 1
        found = f"{name}-{n}"
    seen.add(found)
    return found
