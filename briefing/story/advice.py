"""Recommendations always on a slide, whatever shape the report gives them.

* numbered items (一、二、… under 建議, or under 心得及建議, as sub-sections or as numbered
  paragraphs) → numbered cards, paged;
* 心得及建議 split into groups (第一節 心得, 第二節 建議, or 一、心得 and 二、建議 of their own
  text) → the findings as points or cards, the recommendations of the 建議 group as numbered
  cards (never a card per group);
* a prose 建議 (paragraphs, no items) → its sentences, paged.

Which words a card says is :mod:`briefing.story.recommend`'s business (through
:meth:`briefing.story.shaping.Shaper.recommendations`); this module decides which sections are
the items and what layout they get.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.story import recommend
from briefing.story.coverage import all_sentences, points_of
from briefing.story.outline import Unit
from briefing.story.plan import Bullet
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from briefing.content.model import Section
    from briefing.content.report import OutlineEntry, Report
    from briefing.story.outline import Part
    from briefing.story.plan import Slide

ADVICE_WORDS = ("建議",)


def is_advice(section: Section, kind: str | None) -> bool:
    """Whether a section holds recommendations: so marked, or titled so (建議, 心得及建議)."""
    return kind == "recommendations" or any(w in section.title for w in ADVICE_WORDS)


def advice_slides(shaper: Any, part: Part, unit: Unit) -> list[Slide]:
    """The slides of a unit of recommendations (see the module docstring)."""
    kids = unit.children()
    if not kids:
        if unit.own and recommend.is_numbered(unit.entry.section):
            return shaper.recommendations(part, unit)
        if unit.own and _an_item(shaper.report, unit.entry):  # one ticked alone: its card
            return shaper.recommendations(part, unit, item=True)
        return prose(shaper, part, unit)
    groups = [k for k in kids if _below(unit, k) or recommend.role_title(k.section.title)]
    if not groups:
        return shaper.recommendations(part, unit)
    slides: list[Slide] = []
    for kid in kids:
        sub = Unit(kid, tuple(_below(unit, kid)), True)
        if is_advice(kid.section, None):  # its items, its numbered paragraphs or its prose
            slides += advice_slides(shaper, part, sub)
        elif sub.condensed:
            slides += shaper.condensed_cards(part, sub)
        else:  # findings (心得): their points
            slides += shaper.text(part, sub, [normalize(p) for p in points_of(kid.section)])
    if slides and unit.own:  # the group's own heading and lead-in belong to the first slide
        first = slides[0]
        sections = tuple(dict.fromkeys((unit.entry.section.id, *first.sections)))
        slides[0] = dataclasses.replace(first, sections=sections)
    return slides


def prose(shaper: Any, part: Part, unit: Unit) -> list[Slide]:
    """A recommendation written as prose: its sentences as points, cut into pages that fit."""
    said = [normalize(s) for s in all_sentences(unit.entry.section)] if unit.own else []
    if not said:
        return shaper.text(part, unit, [])
    pages = shaper.setter.pages([Bullet(s) for s in said], theme.BODY_BOX)
    slides = []
    for n, page in enumerate(pages):
        text = shaper._render(part, unit, points=[b.text for b in page], page=n)
        slides.append(shaper._slide("content", text, unit))
    return slides


def _an_item(report: Report, entry: OutlineEntry) -> bool:
    """Whether ``entry`` is one recommendation of a 建議 (or 心得及建議) part or group, not a
    group of its own (建議事項) nor a finding."""
    if entry.parent is None or recommend.role_title(entry.section.title):
        return False
    parent = report.section(entry.parent)
    return "建議" in parent.title or (
        parent.kind == "recommendations" and "心得" not in parent.title
    )


def _below(unit: Unit, entry: OutlineEntry) -> list[OutlineEntry]:
    return [e for e in unit.condensed if entry.section.id in e.path[:-1]]
