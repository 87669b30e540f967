"""Key points drafted from each paragraph: the report's own clauses, never other words.

A point is the start of a paragraph's first sentence, whole clauses only, long enough to say
something; it grows clause by clause until it keeps every hedge (將, 預計, 表示 …) that
:func:`briefing.content.evidence.key_point_notes` asks of it, and is dropped if it cannot.
"""

from __future__ import annotations

import re

from briefing.content.evidence import ATTRIBUTIONS, dropped_hedges, extractive_coverage, squash
from briefing.importing.agenda import DATE_LINE

_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
_CLAUSE = re.compile(r"[^。！？!?；，：]+[。！？!?；，：]?")
_ENDS = "。！？!?；;，,：: "
MIN_CHARS = 14
MAX_CHARS = 70


def key_points(title: str, paragraphs: list[str], limit: int = 5) -> list[str]:
    """Up to ``limit`` key points, one from each paragraph that yields one, in order."""
    text = squash("\n".join((title, *paragraphs)))
    points: list[str] = []
    for paragraph in paragraphs:
        if DATE_LINE.match(paragraph):  # a day of the itinerary, not a point
            continue
        point = from_paragraph(paragraph, text)
        if point and point not in points:
            points.append(point)
        if len(points) >= limit:
            break
    return points


def from_paragraph(paragraph: str, text: str) -> str | None:
    """The key point of one paragraph (``text``: its section's squashed words), or None."""
    for sentence in _SENTENCE.findall(paragraph)[:2]:
        point = _from_sentence(sentence.strip(), text)
        if point:
            return point
    return None


def _from_sentence(sentence: str, text: str) -> str | None:
    point = ""
    for clause in _CLAUSE.findall(sentence):
        point += clause
        candidate = point.strip().rstrip(_ENDS)
        if len(squash(candidate)) < MIN_CHARS or candidate.endswith(ATTRIBUTIONS):
            continue  # too short to say something, or only who says it
        if len(candidate) > MAX_CHARS:
            return None
        covered, spans = extractive_coverage(candidate, text)
        if covered >= 0.99 and not dropped_hedges(candidate, text, spans):
            return candidate
    return None
