"""How much room text takes in the deck's own font, and where its lines break.

The planner decides sizes and page breaks before anything is drawn, so it measures text the way
PowerPoint will set it: advance widths from the font's ``hmtx`` (read once per font and cached on
disk as a small table: a Han character is 1 em in every CJK font, only the rest varies), and line
breaks by the East Asian rules the deck asks PowerPoint for (``eaLnBrk``, ``latinLnBrk="0"``):
a line may break between Han characters, never inside a Latin word or a number, closing
punctuation never starts a line and opening punctuation never ends one.

Without a font file (the GUI's first paint, a test) an estimate by Unicode width is used.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing import files

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: Characters that must not start a line (closing punctuation) or end one (opening).
NO_START = set("，。、；：！？）」』〉》】〕…‥·%％,.;:!?)]}'\"’”°℃")
NO_END = set("（「『〈《【〔([{‘“$＄")
_JOIN = set("-./:%,'’_@#&+×·")  # inside a Latin word or number: 1,000  e-payment  4.0
_METRICS_VERSION = 1


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per font
class Metrics:
    """Advance widths of one face, in em; characters not listed are ``default`` wide."""

    widths: dict[int, float]
    default: float = 1.0
    name: str = "estimate"

    def char(self, ch: str) -> float:
        found = self.widths.get(ord(ch))
        if found is not None:
            return found
        if self.name == "estimate":
            return _estimate(ch)
        return self.default

    def width(self, text: str) -> float:
        """Width of ``text`` in em."""
        return sum(self.char(ch) for ch in text)


def _estimate(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in "WF":
        return 1.0
    if ch == " ":
        return 0.25
    if ch.isupper() or ch.isdigit():
        return 0.62
    return 0.52


ESTIMATE = Metrics({}, 1.0, "estimate")


@lru_cache(maxsize=8)
def metrics_for(path: Path | None) -> Metrics:
    """The advance widths of the font at ``path`` (the estimate when None), cached on disk."""
    if path is None:
        return ESTIMATE
    stat = path.stat()
    key = f"{path.name}-{stat.st_size}-{int(stat.st_mtime)}-v{_METRICS_VERSION}.json"
    cache = files.cache_dir("metrics") / key
    sealed = files.read_sealed(cache)  # None when missing or damaged: rebuilt, never trusted
    try:
        data = json.loads(sealed) if sealed is not None else None
        if data is not None:
            widths = {int(k): float(v) for k, v in data["widths"].items()}
            return Metrics(widths, float(data["default"]), path.name)
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    metrics = _read_metrics(path)
    payload = {"default": metrics.default, "widths": metrics.widths}
    files.store_sealed(cache, json.dumps(payload, separators=(",", ":")).encode())
    return metrics


def _read_metrics(path: Path) -> Metrics:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        upm = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        widths = {cp: advances[g][0] / upm for cp, g in font.getBestCmap().items() if g in advances}
    common = max(set(widths.values()), key=list(widths.values()).count) if widths else 1.0
    rare = {cp: w for cp, w in widths.items() if w != common}
    return Metrics(rare, common, path.name)


# -- line breaking -------------------------------------------------------------------------------
def units(text: str) -> list[str]:
    """``text`` cut where a line may break: each Han character alone, Latin words and numbers
    whole, a space kept with the word before it, punctuation glued to its neighbour."""
    pieces: list[str] = []
    word = ""
    for ch in text:
        if _latin(ch) or (word and ch in _JOIN and not _wide(ch)):
            word += ch
            continue
        if word:
            pieces.append(word)
            word = ""
        if ch == " " and pieces:
            pieces[-1] += ch
        else:
            pieces.append(ch)
    if word:
        pieces.append(word)
    return _glue(pieces)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or (ch.isalnum() and not _wide(ch) and ord(ch) < 0x2E80)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _glue(pieces: list[str]) -> list[str]:
    """Closing punctuation joins the piece before it, opening punctuation the piece after."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if out and piece[0] in NO_START:
            out[-1] += piece
            continue
        if piece.rstrip() and all(ch in NO_END for ch in piece.rstrip()):
            carry += piece
            continue
        out.append(carry + piece)
        carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def wrap(text: str, width_em: float, metrics: Metrics = ESTIMATE) -> list[str]:
    """The lines ``text`` breaks into in a box ``width_em`` wide (greedy, as PowerPoint does)."""
    lines: list[str] = []
    line, used = "", 0.0
    for piece, whole, bare in _measured(text, metrics):
        if line and used + bare > width_em + 1e-6:
            lines.append(line.rstrip())
            line, used = "", 0.0
        line += piece
        used += whole
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


@lru_cache(maxsize=8192)
def _measured(text: str, metrics: Metrics) -> tuple[tuple[str, float, float], ...]:
    """``text``'s break units with their width, and their width without a trailing space."""
    return tuple((u, metrics.width(u), metrics.width(u.rstrip())) for u in units(text))


@lru_cache(maxsize=8192)
def extent(text: str, metrics: Metrics) -> tuple[float, float]:
    """``text``'s width on one line and the width of its widest unbreakable piece, in em."""
    pieces = _measured(text, metrics)
    return metrics.width(text), max((bare for _, _, bare in pieces), default=0.0)


def letters(text: str) -> int:
    """Han characters, letters and digits in ``text`` (what a reader sees as words)."""
    return sum(1 for ch in text if ch.isalnum())


def short_last_line(lines: list[str], minimum: int = 3) -> bool:
    """Whether a paragraph of several lines ends with fewer than ``minimum`` letters (「制。」)."""
    return len(lines) > 1 and letters(lines[-1]) < minimum


def split_words(lines: list[str]) -> Iterator[tuple[str, str]]:
    """Pairs of lines where a Latin word or a number runs across the break (never, with
    :func:`wrap`; used by tests on what a writer produced)."""
    for a, b in zip(lines, lines[1:], strict=False):
        if a and b and _latin(a[-1]) and _latin(b[0]):
            yield a, b


@dataclass(frozen=True)
class Fit:
    """How a paragraph sets at one size: its lines and the right margin (em) that keeps its
    last line from being one or two characters long."""

    lines: tuple[str, ...]
    margin_em: float = 0.0


def set_paragraph(text: str, width_em: float, metrics: Metrics = ESTIMATE) -> Fit:
    """Break ``text`` into lines; if the last line is too short, narrow the measure a little
    (a right margin of a few characters) so a word or two more go down with it. (The planner
    sets the same paragraph at several sizes and in several boxes: results are remembered.)"""
    return _set_paragraph(text, round(width_em, 3), metrics)


@lru_cache(maxsize=65536)
def _set_paragraph(text: str, width_em: float, metrics: Metrics) -> Fit:
    lines = wrap(text, width_em, metrics)
    if not short_last_line(lines):
        return Fit(tuple(lines))
    for margin in range(1, 7):
        narrower = wrap(text, width_em - margin, metrics)
        if len(narrower) == len(lines) and not short_last_line(narrower):
            return Fit(tuple(narrower), float(margin))
    return Fit(tuple(lines))


def line_count(text: str, width_em: float, metrics: Metrics = ESTIMATE) -> int:
    return len(set_paragraph(text, width_em, metrics).lines)


def em_for(points: float, size: float) -> float:
    """A length of ``points`` in em at type ``size``."""
    return points / size if size else math.inf
