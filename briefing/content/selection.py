"""What a deck covers: the sections and initiatives a recipe selects, resolved against a report.

Rules: selecting a section selects its sub-sections unless some of them are listed explicitly
(then only those); either list may be omitted; omitting both selects everything. Unknown ids are
errors that name the valid ids nearest to the typo, and so is a selection of nothing at all
(``sections: []`` and ``initiatives: []``), which would make a deck of a cover and a closing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.errors import RecipeError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.content.report import Report


@dataclass(frozen=True)
class Selection:
    """Selected ids in report order."""

    sections: tuple[str, ...]
    initiatives: tuple[str, ...]


def nearest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid ids closest to a mistyped one (best first, possibly empty)."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(value, choices, n=n, cutoff=0.5)
    if not close:
        close = [c for c in choices if value and (value in c or c in value)][:n]
    return close


def unknown_ids(requested: Sequence[str], valid: Iterable[str]) -> list[tuple[str, list[str]]]:
    """``(id, nearest valid ids)`` for every requested id that does not exist."""
    valid = list(valid)
    known = set(valid)
    return [(item, nearest(item, valid)) for item in requested if item not in known]


def describe_unknown(kind: str, item: str, close: list[str]) -> str:
    """One-line message for an unknown id, with suggestions."""
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown {kind} id {item!r}{hint} (see: python main.py list {kind}s)"


def resolve(
    report: Report, sections: Sequence[str] | None, initiatives: Sequence[str] | None
) -> Selection:
    """Expand a recipe's lists into the selected ids, in report order.

    Ids must already be known to exist (the recipe checks them and reports typos).
    """
    if sections is None and initiatives is None:
        return Selection(
            tuple(e.section.id for e in report.outline), tuple(i.id for i in report.initiatives)
        )
    chosen: set[str] = set()
    for section_id in sections or ():
        chosen.add(section_id)
        below = report.descendants(section_id)
        if not any(item in below for item in sections or ()):
            chosen.update(below)
    ordered = tuple(e.section.id for e in report.outline if e.section.id in chosen)
    picked = set(initiatives or ())
    selection = Selection(ordered, tuple(i.id for i in report.initiatives if i.id in picked))
    if not selection.sections and not selection.initiatives:
        raise RecipeError(NOTHING_SELECTED, field="sections")
    return selection


NOTHING_SELECTED = (
    "nothing selected: name at least one section or initiative (or leave out both lists for "
    "the full briefing)"
)
