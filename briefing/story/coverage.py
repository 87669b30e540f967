"""Every selected section says something on its slide: what a section shows when the report's
data gives it no key point (a report just imported, a section of one short paragraph).

The fallback is the report's own words, never a summary: a section's first sentence (of each
paragraph, for its own slide), whole when short. ``略。`` is a section's text too: it is shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.content.model import Section
    from briefing.story.outline import Unit
    from briefing.story.plan import Slide

LONGEST = 90  # characters of a fallback point
MAX_FALLBACK = 4  # sentences a section without key points shows on its own slide
_LEAD_IN = re.compile(r"如下[。：:]?$")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


def sentences(text: str) -> list[str]:
    """``text`` cut after each 。！？ (the report's own sentences, as written)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def first_sentence(text: str) -> str:
    """The first sentence of ``text``; one longer than ``LONGEST`` characters (a table or a
    list run together) is cut after its last clause that fits, marked 「…」 (the notes keep
    it whole)."""
    found = sentences(text)
    sentence = found[0] if found else text.strip()
    if len(sentence) <= LONGEST:
        return sentence
    head = sentence[:LONGEST]
    cut = max(head.rfind(mark) for mark in "，、；：\t ")
    return (head[:cut] if cut > LONGEST // 3 else head).rstrip("，、；：\t ") + "…"


def point_of(section: Section) -> str:
    """The one line a section shows where it is a row, a card or a line of its parent: its
    first key point or key sentence, else the first sentence of its text."""
    for items in (section.key_points, section.key_sentences):
        if items:
            return items[0]
    for paragraph in section.paragraphs:
        if paragraph.strip():
            return first_sentence(paragraph)
    return ""


def points_of(section: Section) -> list[str]:
    """What a section shows on its own slide: its key points, else the first sentence of each
    paragraph (at most ``MAX_FALLBACK``; a lead-in to its sub-sections, 「…如下。」, aside)."""
    if section.key_points:
        return list(section.key_points)
    found = [first_sentence(p) for p in section.paragraphs if p.strip()]
    if section.children:
        found = [s for s in found if not _LEAD_IN.search(s)]
    return found[:MAX_FALLBACK]


def substance_of(section: Section) -> str:
    """A recommendation's text when the data gives none: its first paragraph, whole when it is
    one or two sentences, else its first sentence."""
    for paragraph in section.paragraphs:
        if paragraph.strip():
            said = sentences(paragraph)
            whole = paragraph.strip()
            return whole if len(said) <= 2 and len(whole) <= LONGEST else first_sentence(whole)
    return ""


def all_sentences(section: Section) -> list[str]:
    """Every sentence of a section's text, in order (a prose recommendation, said whole)."""
    return [s for p in section.paragraphs for s in sentences(p)]


def carry_headings(made: list[tuple[Unit, list[Slide]]]) -> list[Slide]:
    """The units' slides in order; a heading with no text of its own (第一節 over its 一、二、)
    makes no slide, and is shown on the first slide after it, whose kicker names it."""
    import dataclasses

    slides: list[Slide] = []
    pending: list[str] = []
    for unit, own in made:
        if not own:
            pending += unit.ids
            continue
        if pending:
            first = own[0]
            sections = tuple(dict.fromkeys((*first.sections, *pending)))
            own = [dataclasses.replace(first, sections=sections), *own[1:]]
            pending = []
        slides += own
    return slides
