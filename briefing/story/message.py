"""The one line under a slide's title that says its point.

The title keeps the section's number and name (the agenda and the source line cite it); the line
under it (``Slide.subtitle``, first, before an English name or a subject's facts) is the
section's own sentence that carries its substance, chosen by :mod:`briefing.story.ranking` and
cut at its clauses to one line. A section that only frames its sub-sections, or whose own
sentences are logistics (when and where, who attended), takes the best sentence of its
sub-sections instead; recommendations and itineraries have none (their cards and stops are
their point).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefing.story import ranking

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.content.report import Report
    from briefing.story.plan import Slide

FLOOR = 0.5  # a sentence scoring no more than this (logistics, a bare date) says no point
MIN_LENGTH = 14  # characters: a shorter line is a fragment
NO_MESSAGE = ("recommendations", "process", "appendix")


def message(
    report: Report,
    ids: tuple[str, ...],
    fits: Callable[[str], bool],
    *,
    own: bool = True,
    avoid: tuple[str, ...] = (),
) -> str:
    """The point of the slide showing sections ``ids`` (the first is the unit's own), cut to
    what ``fits``; empty when none of their sentences says one. ``avoid``: lines already on
    the slide (a quote shown large), not repeated."""
    found = candidates(report, ids, fits, own=own, avoid=avoid)
    return found[0] if found else ""


def candidates(
    report: Report,
    ids: tuple[str, ...],
    fits: Callable[[str], bool],
    *,
    own: bool = True,
    avoid: tuple[str, ...] = (),
    count: int = 3,
) -> list[str]:
    """The slide's possible message lines, best first (see :func:`message`): the section's
    own sentences, then its sub-sections'."""
    sec = report.section(ids[0])
    if sec.kind in NO_MESSAGE:
        return []
    below = [p for i in ids[1:] for p in report.section(i).paragraphs]

    def fitting(text: str) -> bool:
        if len(text) < MIN_LENGTH or text.startswith(("以", "並", "且")):
            return False  # a fragment says no point; no room is better than half a clause
        return fits(text) and not any(text in a or a in text for a in avoid)

    found: list[str] = []
    if own:
        found += ranking.top(
            sec.paragraphs, fitting, sec.title, below, FLOOR, sec.key_sentences, count
        )
    found += [
        line
        for line in ranking.top(below, fitting, sec.title, (), FLOOR, (), count)
        if line not in found
    ]
    return found[:count]


def said_once(slide: Slide, others: list[str] | tuple[str, ...] = ()) -> Slide:
    """``slide`` with a message line it does not already say (a card's point, a bullet): the
    first of its line and ``others`` (the next candidates) that is new; a fact is stated once
    on a slide."""
    line, sep, rest = slide.subtitle.partition("｜")
    if not line or not any(same(line, t) for t in _texts(slide)):
        return slide
    body = [b for b in slide.body if not b.heading]
    twin = next((b for b in body if same(line, b.text)), None)
    # the point moves up to the title's line, unless that leaves a slide of a few points,
    # which the planner pairs with its neighbour (and a merged slide has no message line)
    few = slide.kind in ("points", "content") and len(body) <= 5
    if twin is not None and len(body) > 2 and not few:
        kept = tuple(b for b in slide.body if b is not twin)
        if not any(same(line, t) for t in _texts(dataclasses.replace(slide, body=kept))):
            return dataclasses.replace(slide, body=kept)
    for other in others:  # else the next candidate the slide does not say
        if not any(same(other, t) for t in _texts(slide)):
            return dataclasses.replace(slide, subtitle=f"{other}{sep}{rest}")
    return dataclasses.replace(slide, subtitle=rest)


def _texts(slide: Slide) -> list[str]:
    """The slide's texts but its message line (a bullet that says the same stays)."""
    texts = list(slide.texts())
    if slide.subtitle in texts:
        texts.remove(slide.subtitle)
    return texts


def same(line: str, shown: str) -> bool:
    """Whether ``shown`` says ``line`` already: it holds it, is most of it, or shares most of
    its words (「我國2019年1月10日核定…」 beside 「2019年1月10日行政院核定…」)."""
    if line in shown or (shown in line and len(shown) >= 0.5 * len(line)):
        return True
    grams = {line[i : i + 2] for i in range(len(line) - 1)}
    other = {shown[i : i + 2] for i in range(len(shown) - 1)}
    return bool(grams) and len(grams & other) >= 0.7 * len(grams)
