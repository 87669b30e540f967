"""The self-check of a deck plan, run before a deck is handed over (``build``, ``check`` and
the app's storyboard): text that overflows its box, shapes over the title or the source line,
empty cards, tiles, cells and columns, timeline labels that collide, the length's budget,
selected sections on no slide, numbers that are no figure record.

It reads the plan only (no python-pptx), measuring with the setter the planner used, so what
it reports is what the writer would draw. See ``docs/self-check.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.selfcheck.content import (
    budget_findings,
    coverage_findings,
    empty_findings,
    number_findings,
)
from briefing.selfcheck.finding import CODES, MESSAGES, Finding
from briefing.selfcheck.layout import layout_findings

if TYPE_CHECKING:
    from briefing.story.plan import DeckPlan
    from briefing.story.typeset import Setter

__all__ = ["CODES", "MESSAGES", "Finding", "check_plan"]


def check_plan(plan: DeckPlan, setter: Setter | None = None) -> list[Finding]:
    """Every finding on ``plan``, slide by slide, then the deck-wide ones (budget, coverage).
    ``setter`` measures text (the deck font's widths); without one, an estimate is used."""
    if setter is None:
        from briefing.story.typeset import Setter

        setter = Setter()
    found: list[Finding] = []
    for n, slide in enumerate(plan.slides, start=1):
        found += layout_findings(n, slide, setter)
        found += empty_findings(n, slide)
        found += number_findings(n, slide, plan.figure_texts)
    found += budget_findings(plan)
    found += coverage_findings(plan)
    return list(dict.fromkeys(found))
