"""What the report finds and proposes, in its own words: its findings (心得) and its
recommendations (建議), each recommendation whole.

A recommendation is a sub-section of a 建議 (or 心得及建議) part, or a numbered paragraph of
one (「一、推動…（中長期）：建議由…」), or, in a prose 建議, a paragraph. Its text is every part of
it (the short- and the long-term half, the problem and what must be done): the section's
``key_sentences`` when it has them, else its sentences that say what to do, each without a
connective dangling at its start (而, 並, 且, 另 …). An owner is shown only where the report
names one (建議由…, 由…負責); a horizon only where its word (短期, 中長期 …) is in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.story import ranking
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.content.model import Section
    from briefing.content.report import Report

_NUMBER = r"[一二三四五六七八九十]+|\d+"
_NUMBERED = re.compile(
    rf"^\s*(?:[（(]({_NUMBER})[)）]|(\d+(?:\.\d+)+)[、.．\s]?|({_NUMBER})[、.．])\s*(.+)$", re.S
)  # 一、… 1. … （一）… 5.1 …
_VERBS = (
    "會同|結合|偕同|邀集|邀請|負責|主辦|辦理|盤點|研議|研擬|研訂|推動|輔導|協調|督導|規劃|檢討"
    "|擬訂|評估|建立|成立|訂定|編列|補助|強化|持續|研究|引進|與"
)
_OWNER = re.compile(
    rf"建議由(.{{2,24}}?)(?=(?:{_VERBS})(?![處司科組署局部會室院所中])|，|。)"
    r"|由(.{2,24}?)(?:負責|主辦)"
)
_HORIZON = re.compile(r"中長期|短中期|短期|中期|長期")
_HORIZON_PAREN = re.compile(r"[（(](中長期|短中期|短期|中期|長期)[)）]")
_TO_DO = ("建議", "宜", "應", "須", "需要", "必須", "值得", "持續", "短期", "長期", "找出")


@dataclass(frozen=True)
class Recommendation:
    """One recommendation as the deck shows it."""

    number: str  # the report's number (一, 2), bare
    name: str  # its heading, or the words before its colon
    text: str  # every part of it, the report's words
    horizons: tuple[str, ...]  # the report's horizon words, in the order it gives them
    owner: str  # the body the report names with 建議由…, or empty
    section: str  # the section it is in


def is_recommendations(section: Section) -> bool:
    title = section.title
    return section.kind == "recommendations" and ("建議" in title or "心得" not in title)


def is_findings(section: Section) -> bool:
    return section.kind == "recommendations" and "心得" in section.title


def parts(report: Report) -> list[Section]:
    """The report's 心得 and 建議 parts: top-level sections of kind ``recommendations``, or,
    where one holds a 心得 and a 建議 sub-section (肆、心得與建議 → 一、心得, 二、建議), those."""
    found = []
    for entry in report.outline:
        sec = entry.section
        if entry.level != 1 or sec.kind != "recommendations":
            continue
        inner = [c for c in sec.children if role_title(c.title)]
        if inner and len(inner) == len(sec.children):
            found += [c.model_copy(update={"kind": "recommendations"}) for c in inner]
        else:
            found.append(sec)
    return found


def role_title(title: str) -> bool:
    """A heading that names the role of its text only: 心得, 建議, 心得與建議, 具體建議."""
    bare = re.sub(r"[與及和、\s]|具體|事項|檢討", "", title)
    return bool(bare and re.search("心得|建議", bare) and not re.sub("心得|建議", "", bare))


def recommendations(report: Report, section_ids: set[str] | None = None) -> list[Recommendation]:
    """Every recommendation of the report (of ``section_ids`` when given), in order."""
    found: list[Recommendation] = []
    for part in parts(report):
        if not is_recommendations(part):
            continue
        for rec in of_section(part):
            if section_ids is None or rec.section in section_ids:
                found.append(rec)
    return found


def of_unit(
    part: Section, items: Sequence[Section], *, own: bool = True, item: bool = False
) -> list[Recommendation]:
    """The recommendations a slide of ``part`` shows (:mod:`briefing.story.advice` decides
    which): one per ticked item, a sub-section, or, without any, its numbered paragraphs;
    with ``item``, ``part`` is itself one recommendation (ticked alone)."""
    if items:
        return [of_child(c) for c in items]
    if item:
        return [of_child(part)] if own else []
    return of_section(part) if own else []


def is_numbered(part: Section) -> bool:
    """Whether ``part`` numbers its recommendations in its paragraphs (一、… （一）… 1. …)."""
    return any(_NUMBERED.match(normalize(p)) for p in part.paragraphs)


def of_section(part: Section) -> list[Recommendation]:
    """The recommendations of one 建議 part: its sub-sections, or its numbered paragraphs, or
    (prose) its paragraphs."""
    if part.children:
        return [of_child(c) for c in part.children]
    numbered = [m for p in part.paragraphs if (m := _NUMBERED.match(normalize(p)))]
    if numbered:
        return [
            _of_paragraph(m.group(1) or m.group(2) or m.group(3), m.group(4), part.id)
            for m in numbered
        ]
    return [
        _of_paragraph(str(n + 1), normalize(p), part.id, named=False)
        for n, p in enumerate(part.paragraphs)
        if len(normalize(p)) >= 8
    ]


def of_child(child: Section) -> Recommendation:
    """A recommendation that is a sub-section: its title and every part of its substance."""
    pieces = [normalize(s) for s in child.key_sentences]
    if not pieces:
        said = ranking.sentences(child.paragraphs)
        pieces = [s for s in said if any(w in s for w in _TO_DO)]
        if not pieces:
            pieces = [r.text for r in ranking.rank(child.paragraphs, child.title)[:1]]
    text = "；".join(t for t in (ranking.trim(p) for p in pieces) if t)
    return Recommendation(
        number=child.number or "",
        name=normalize(child.title),
        text=text,
        horizons=_horizons(text, child),
        owner=_owner(text, child),
        section=child.id,
    )


def _of_paragraph(number: str, body: str, section: str, *, named: bool = True) -> Recommendation:
    head, colon, rest = body.partition("：")
    if not named or not colon or len(head) > 30:
        head, rest = ranking.trim(ranking.clauses(body)[0]), body
    horizons = tuple(dict.fromkeys(_HORIZON.findall(head + rest)))
    name = _HORIZON_PAREN.sub("", head).strip()
    text = ranking.trim(rest)
    owner = _owner(text, None)
    return Recommendation(number, name, text, horizons, owner, section)


def _horizons(text: str, child: Section) -> tuple[str, ...]:
    """The horizon words in the text; the section's stated horizon (持續推動) when its evidence
    is in the text and no word is."""
    found = list(dict.fromkeys(_HORIZON.findall(f"{child.title}{text}")))
    if not found and child.horizon and child.stated("horizon"):
        quotes = [normalize(q.quote) for q in child.evidence.get("horizon", ())]
        if any(q and (q in text or q in normalize(" ".join(child.paragraphs))) for q in quotes):
            found.append(_HORIZON_WORDS.get(child.horizon, ""))
    return tuple(w for w in found if w)


_HORIZON_WORDS = {"short": "短期", "medium": "中期", "long": "中長期", "ongoing": "持續推動"}


def _owner(text: str, child: Section | None) -> str:
    """The body the report names as owner (建議由 X …, 由 X 負責), or empty: 「值得臺灣各界
    一起努力」 names no owner."""
    for source in (text, normalize(" ".join(child.paragraphs)) if child else ""):
        if match := _OWNER.search(source):
            return (match.group(1) or match.group(2)).strip()
    return ""


def findings(report: Report, section_ids: set[str] | None = None) -> list[tuple[str, str]]:
    """The report's findings, one line each, as (section id, line): the sub-sections of a 心得
    part by their titles; a 心得 part without sub-sections, its top-ranked sentences."""
    found: list[tuple[str, str]] = []
    for part in parts(report):
        if not is_findings(part) or is_recommendations(part):
            continue
        if part.children:
            found += [(c.id, normalize(c.title)) for c in part.children]
        else:
            ranked = ranking.rank(part.paragraphs, part.title)[:3]
            found += [(part.id, ranking.trim(r.text)) for r in ranked]
    return [(s, line) for s, line in found if section_ids is None or s in section_ids]


def horizon_label(word: str, labels: object) -> str:
    """The deck's word for a horizon the report states (the report's word in a Chinese deck)."""
    words = getattr(labels, "horizons", {}) or {}
    reverse = {"短期": "short", "中期": "medium", "長期": "long", "中長期": "long"}
    key = reverse.get(word)
    if key is None and word == "持續推動":
        key = "ongoing"
    if key is None or "短期" in words.values():
        return word
    return str(words.get(key, word))
