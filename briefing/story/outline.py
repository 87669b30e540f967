"""What the deck covers, in what order, at what depth: the briefing's outline.

A deck is parts (the report's top-level sections, plus the overview from its 內容摘要 and the
initiatives chosen without their section), each made of units: a unit is one section that gets
slides of its own, with the deeper selected sections *condensed* into it (shown there as a line
or a row, never dropped). The length decides the depth:

* ``brief`` (about 10 minutes): one unit per part; everything below is condensed into it.
* ``standard`` (about 20 minutes): units down to the (一) level; a (一) without sub-sections is
  condensed into its parent, so a parent shows its short children as rows of one slide. A
  short report whose deck would fall under the standard length's floor (18 slides) goes a
  level deeper, and deeper again, while that adds slides (:func:`~.planner.plan_deck`).
* ``full``: every section is a unit.

``structure`` decides the order: ``report`` keeps the report's, ``findings-first`` (結論先行)
puts the overview and the recommendations first, then the supporting parts. Parts keep the
report's numbers in either order (findings first changes the order, never the numbers), so the
title, the agenda and the source line always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.content.numbering import FORMAL

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.content.report import OutlineEntry, Report

AFTER_CLOSING = ("appendix",)


@dataclass(frozen=True)
class Unit:
    """A section that gets slides of its own, and the selected sections condensed into it."""

    entry: OutlineEntry
    condensed: tuple[OutlineEntry, ...] = ()
    own: bool = True  # False: the section only frames selected sub-sections

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.entry.section.id, *(e.section.id for e in self.condensed))

    def children(self) -> list[OutlineEntry]:
        """The condensed sections one level below the unit (the rows of its slide), and those
        ticked without the section above them (a deep sub-section is a row of its own)."""
        inside = {e.section.id for e in self.condensed}
        return [
            e for e in self.condensed if e.parent == self.entry.section.id or e.parent not in inside
        ]


@dataclass(frozen=True)
class Part:
    """A part of the deck: a top-level section of the report, the overview, or the chosen
    initiatives; ``label`` and ``title`` as the deck shows them."""

    kind: str  # abstract, initiatives, or the section's kind (content, process, visit …)
    label: str
    title: str
    units: tuple[Unit, ...] = ()
    entry: OutlineEntry | None = None

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i for u in self.units for i in u.ids)


def units_of(
    part: OutlineEntry, report: Report, selected: set[str], length: str, depth: int = 2
) -> list[Unit]:
    """The units of one top-level section for ``length`` (see the module docstring); at
    ``standard``, sections down to level ``depth`` get slides of their own."""
    below = [e for e in _subtree(report, part) if e.section.id in selected]
    if length == "brief":
        inside = [e for e in below if e is not part]
        return [_focused(Unit(part, tuple(inside), part.section.id in selected))]
    heads = [e for e in below if _gets_slide(e, selected, length, depth)]
    if part not in heads:
        heads.insert(0, part)
    by_id = {h.section.id: h for h in heads}  # once, not per entry and head (was cubic)
    condensed_of: dict[int, list[OutlineEntry]] = {id(h): [] for h in heads}
    for e in below:
        owner = _owner(e, by_id, heads[0])
        if e is not owner:
            condensed_of[id(owner)].append(e)
    units = []
    for head in heads:
        condensed = tuple(condensed_of[id(head)])
        own = head.section.id in selected
        if own or condensed or head is part:
            units.append(_focused(Unit(head, condensed, own)))
    return units


def _focused(unit: Unit) -> Unit:
    """A unit that only frames one ticked sub-section becomes that sub-section's unit: its own
    text on the slide, its parents' names in the kicker above the title."""
    if unit.own:
        return unit
    tops = unit.children()
    if len(tops) != 1:
        return unit
    top = tops[0]
    rest = tuple(e for e in unit.condensed if top.section.id in e.path[:-1])
    return Unit(top, rest, True)


def _subtree(report: Report, entry: OutlineEntry) -> Iterator[OutlineEntry]:
    """``entry`` and every section below it, depth first in report order (the part's own
    sections, without scanning the whole outline once per part)."""
    yield entry
    for child in entry.section.children:
        yield from _subtree(report, report.entry(child.id))


def _gets_slide(entry: OutlineEntry, selected: set[str], length: str, depth: int = 2) -> bool:
    if length == "full" or entry.level <= depth:
        return True
    if entry.level > depth + 1:
        return False
    return any(c.id in selected for c in entry.section.children)


def _owner(
    entry: OutlineEntry, heads: dict[str, OutlineEntry], first: OutlineEntry
) -> OutlineEntry:
    """The nearest unit head at or above ``entry`` (``heads`` by section id)."""
    for ancestor in reversed(entry.path):
        if ancestor in heads:
            return heads[ancestor]
    return first


def is_formal(label: str) -> bool:
    return bool(label) and label[0] in FORMAL
