"""What a row, card or cell says about one thing: only the record's own evidence.

* an initiative's point is the clause of its summary that names it (the shortest run of
  clauses that does), not the summary's first clause, which may be about something else
  (「網路安全法」 is named in a sentence about personal data and the PDPC);
* a section's point is the key point that carries the section's substance and names its subject
  (:func:`briefing.story.ranking.best_point`, the subject's names counting up);
* a speaker's anecdote is not a record of what was done: initiatives known only from a speech
  (a section titled 演講, 致詞 …) show no status.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.story import ranking
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from briefing.content.model import Initiative, Section
    from briefing.content.report import Report

SPEECH = ("演講", "演說", "致詞", "談話", "座談", "對談")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
POINT_LIMIT = 40  # characters: a table cell's point


def names(name: str, name_en: str | None = None) -> list[str]:
    """The ways the report names a thing: its name, without a bracketed English part, its
    English name and its Latin abbreviations (NDI, CODEX)."""
    found = [normalize(name)]
    head = re.split(r"[（(]", normalize(name))[0].strip()
    if head:
        found.append(head)
    for text in (name, name_en or ""):
        found += [w for w in _LATIN.findall(text) if sum(c.isupper() for c in w) >= 2]
    if name_en:
        found.append(normalize(name_en))
    return [n for n in dict.fromkeys(found) if len(n) >= 2]


def record_point(item: Initiative, limit: int = POINT_LIMIT) -> str:
    """The run of clauses of ``item``'s summary that names it, as short as it can be; the
    summary's best sentence cut to ``limit`` when no clause names it."""
    called = names(item.name, item.name_en)
    summary = normalize(item.summary)
    best = ""
    for sentence in ranking.sentences([summary]):
        parts = ranking.clauses(sentence)
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                text = ranking.trim("".join(parts[start:end]))
                if not any(n in text for n in called) or len(text) > limit:
                    continue
                if len(text) >= 6 and (not best or len(text) < len(best)):
                    best = text
        if best:
            return best
    return ranking.best([summary], lambda t: len(t) <= limit)


def section_point(section: Section) -> str:
    """The key point (or, without them, the sentence) that carries a section's substance,
    a point naming the section's subject counting up."""
    called = names(section.title)
    points = [normalize(p) for p in section.key_points]
    naming = [p for p in points if any(n in p for n in called[1:] or called)]
    if points:
        return ranking.best_point(naming or points, section.paragraphs, section.title)
    if section.key_sentences:
        return ranking.best_point(section.key_sentences, section.paragraphs, section.title)
    return ranking.best(section.paragraphs, lambda t: len(t) <= POINT_LIMIT * 2, section.title)


def from_speech(item: Initiative, report: Report) -> bool:
    """Whether ``item`` is known only from a speech (every section citing it is one)."""
    titles = [report.section(s).title for s in item.sections]
    return bool(titles) and all(any(w in t for w in SPEECH) for t in titles)
