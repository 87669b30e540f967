"""What a row, card or cell says about one thing: only the record's own evidence.

* an initiative's point is the clause of its summary that names it (the shortest run of
  clauses that does), not the summary's first clause, which may be about something else
  (「網路安全法」 is named in a sentence about personal data and the PDPC);
* a section's point is the key point that carries the section's substance and names its subject
  (:func:`briefing.story.ranking.best_point`, the subject's names counting up);
* a speaker's anecdote is not a record of what was done: initiatives known only from a speech
  (a section titled 演講, 致詞 …) show no status;
* a key figure keeps the report's qualifier (預計, 約, 超過 …) whatever label it is given, and a
  detail on a slide (a stop's place) cites the section that states it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from briefing.story import facts as facts_mod
from briefing.story import ranking
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.content.model import Figure, Initiative, Section
    from briefing.content.report import Report
    from briefing.story.plan import KeyFigure

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
        found += [w for w in _LATIN.findall(text) if w.isupper()]  # NDI, CODEX; not PayNow
    if name_en:
        found.append(normalize(name_en))
    return [n for n in dict.fromkeys(found) if len(n) >= 2]


def record_point(item: Initiative, limit: int = POINT_LIMIT) -> str:
    """The run of clauses of ``item``'s summary that names it, as short as it can be; the
    summary's best sentence cut to ``limit`` when no clause names it."""
    summary = normalize(item.summary)
    found = naming_clause(summary, item, limit)
    return found or ranking.best([summary], lambda t: len(t) <= limit)


def naming_clause(text: str, item: Initiative, limit: int = POINT_LIMIT) -> str:
    """The shortest run of clauses of ``text`` that names ``item`` (at least 6 characters,
    at most ``limit``), or empty."""
    called = names(item.name, item.name_en)
    best = ""
    for sentence in ranking.sentences([normalize(text)])[: ranking.MAX_SENTENCES]:
        parts = ranking.clauses(sentence)[: ranking.MAX_CLAUSES]
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                text = ranking.trim("".join(parts[start:end]))
                if len(text) > limit:
                    break  # a longer run is longer still
                if not any(n in text for n in called):
                    continue
                if len(text) >= 6 and (not best or len(text) < len(best)):
                    best = text
        if best:
            return best
    return ""


def section_point(section: Section) -> str:
    """The key point (or, without them, the sentence) that carries a section's substance,
    a point naming the section's subject counting up."""
    called = names(section.title)
    points = [normalize(p) for p in section.key_points]
    naming = [p for p in points if any(n in p for n in called[1:] or called)]
    if points:
        point = ranking.best_point(naming or points, section.paragraphs, section.title)
        return whole_clause(point, section.paragraphs)
    if section.key_sentences:
        point = ranking.best_point(section.key_sentences, section.paragraphs, section.title)
        return whole_clause(point, section.paragraphs)
    return ranking.best(section.paragraphs, lambda t: len(t) <= POINT_LIMIT * 2, section.title)


def whole_clause(point: str, paragraphs: Iterable[str], limit: int = POINT_LIMIT * 2) -> str:
    """``point`` ending where its sentence does, or at the sentence's next semicolon: a key
    point cut at a comma (「業者指出，以色列市場小」) says half of what the report says; kept
    as it is when the whole is longer than ``limit``."""
    for sentence in ranking.sentences(paragraphs):
        if not sentence.startswith(point) or len(sentence) == len(point):
            continue
        rest = sentence[len(point) :]
        if rest[0] in "；。！？":
            return point  # it ends where the report's sentence (or clause group) does
        stop = min((rest.find(m) for m in "；。！？" if m in rest), default=len(rest))
        whole = ranking.trim(point + rest[:stop])
        return whole if len(whole) <= limit else point
    return point


def from_speech(item: Initiative, report: Report) -> bool:
    """Whether ``item`` is known only from a speech (every section citing it is one)."""
    titles = [report.section(s).title for s in item.sections]
    return bool(titles) and all(any(w in t for w in SPEECH) for t in titles)


def keep_hedge(tile: KeyFigure, fig: Figure, labels: Any) -> KeyFigure:
    """``tile`` with the report's qualifier before its number when its label (a chart's, say)
    no longer says it: a target or an approximation never shows as an exact count
    (「預計 50 座」, not 「50 座」)."""
    if fig.qualifier == "exact" or tile.qualifier:
        return tile
    shown = f"{tile.value}{tile.unit}{tile.label}"
    if _HEDGE_WORDS.search(shown):
        return tile
    before, after = facts_mod.hedge(fig, labels)
    if not before and not after:
        before = normalize(getattr(labels, "qualifiers", {}).get(fig.qualifier) or "")
    return dataclasses.replace(tile, qualifier=before, unit=tile.unit + after)


_HEDGE_WORDS = re.compile(
    r"預計|預估|預定|目標|將|上看|超過|逾|約|近|至少|多|餘|以上|以下|左右|未滿|不到"
)


def sections_stating(report: Report, texts: list[str], skip: tuple[str, ...] = ()) -> list[str]:
    """The sections whose own paragraphs state any of ``texts`` (a place, a name), in report
    order: what a slide showing them must cite."""
    wanted = [normalize(t) for t in texts if t and len(normalize(t)) >= 4]
    found = []
    for entry in report.outline:
        sid = entry.section.id
        if sid in skip:
            continue
        body = normalize(" ".join(entry.section.paragraphs))
        if any(t in body for t in wanted):
            found.append(sid)
    return found
