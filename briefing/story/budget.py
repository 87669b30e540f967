"""The length's budget, for any report: a brief is at most 12 slides and 12 minutes, a standard
deck at most 30 slides and 30 minutes (``full`` has none: its appendix is for questions).

When a deck is over, slides go by weight, the lightest first, never by order: dividers (the
agenda names their parts), then the appendix, then charts whose numbers are said elsewhere, the
itinerary, background (a chart goes early only when its numbers and initiatives are on
other slides); findings (心得) and recommendations (建議) and the summary stay. A slide
goes only when every section it shows is on another slide too (every ticked section stays on a
slide), and what it said goes to the speaker notes of the slide before it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from briefing.content.report import Report
    from briefing.story.plan import Slide

#: (most slides, most minutes) per length.
LIMITS: dict[str, tuple[int, float]] = {"brief": (12, 12.0), "standard": (30, 30.0)}
HEAVY = {"recommendations": 3.0, "abstract": 3.0}
FINDING_WORDS = ("心得", "發現", "結論", "建議")
CONTINUED = ("（續）", " (cont.)")
MOVED_NOTES = "（本頁內容因篇幅併入備忘稿）"


def fit_budget(
    slides: list[Slide], report: Report, length: str, summary: Slide | None = None
) -> list[Slide]:
    """``slides`` within the budget of ``length`` (as close as coverage allows); ``summary``
    (the 報告摘要 slide, which names the findings and recommendations) always stays, and
    naming a section there does not make that section's own slide one that can go."""
    limit = LIMITS.get(length)
    if limit is None:
        return slides
    slides = list(slides)
    kept = next((i for i, s in enumerate(slides) if s is summary), None)
    while _over(slides, limit):
        closing = _closing(slides)
        held = slides[kept] if kept is not None else None  # (its notes may have grown)
        shown = _counts(slides, lambda o: (*o.sections, *o.condensed), skip=held)
        stated = _counts(slides, lambda o: (*o.figures, *o.initiatives))
        candidates = [
            (weight(s, report, after=i > closing, elsewhere=_said_elsewhere(s, stated)), -i, i)
            for i, s in enumerate(slides)
            if _removable(i, slides, held, shown)
        ]
        if not candidates:
            break
        _, _, drop = min(candidates)
        slides = _drop(slides, drop)
        if kept is not None and drop < kept:
            kept -= 1
    return slides


def weight(slide: Slide, report: Report, *, after: bool = False, elsewhere: bool = False) -> float:
    """How much a slide matters to the briefing (see the module docstring); ``elsewhere``:
    every number and initiative it shows is on another slide too."""
    if slide.kind == "divider":
        return 0.0
    if after:
        return 0.1
    if (slide.chart or slide.key_figures) and elsewhere:
        return 0.3
    if slide.events or (slide.table is not None and not slide.initiatives and not slide.body):
        return 0.5
    best = 1.0
    for sid in slide.sections:
        for aid in report.entry(sid).path:
            sec = report.section(aid)
            best = max(best, HEAVY.get(sec.kind or "", 1.0))
            if any(w in sec.title for w in FINDING_WORDS):
                best = max(best, 2.5)
    return best


def minutes(slides: list[Slide]) -> float:
    total = 0.0
    for slide in slides:
        total += slide.minutes
        if slide.kind == "closing":
            break
    return total


def _over(slides: list[Slide], limit: tuple[int, float]) -> bool:
    return len(slides) > limit[0] or round(minutes(slides)) > limit[1]


def _closing(slides: list[Slide]) -> int:
    return next((i for i, s in enumerate(slides) if s.kind == "closing"), len(slides))


def _counts(
    slides: list[Slide], items: Callable[[Slide], Iterable[str]], skip: Slide | None = None
) -> Counter[str]:
    """On how many slides (``skip`` aside) each item appears: counted once a deck, so the
    budget stays linear in the slides (a slide per section of a 10,000-section report)."""
    found: Counter[str] = Counter()
    for slide in slides:
        if slide is not skip:
            found.update(set(items(slide)))
    return found


def _removable(i: int, slides: list[Slide], summary: Slide | None, shown: Counter[str]) -> bool:
    """Whether slide ``i`` may go: every section it shows is on another slide (``shown``
    counts the slides showing each section, the summary aside, this one included)."""
    slide = slides[i]
    if not (slide.content or slide.kind == "divider") or slide.kind == "overview":
        return False
    if slide is summary or _paged(i, slides):  # half a table or list of cards would mislead
        return False
    return all(shown[s] >= 2 for s in {*slide.sections, *slide.condensed})


def _said_elsewhere(slide: Slide, stated: Counter[str]) -> bool:
    """Whether the figures and initiatives of ``slide`` are all on other slides too."""
    mine = {*slide.figures, *slide.initiatives}
    return bool(mine) and all(stated[x] >= 2 for x in mine)


def _paged(i: int, slides: list[Slide]) -> bool:
    """Whether slide ``i`` is one page of several (its title, or the next one's, goes on)."""

    def base(slide: Slide) -> str:
        for mark in CONTINUED:
            if slide.title.endswith(mark):
                return slide.title[: -len(mark)]
        return slide.title

    after = slides[i + 1] if i + 1 < len(slides) else None
    if slides[i].title.endswith(CONTINUED):
        return True
    return after is not None and after.title.endswith(CONTINUED) and base(after) == base(slides[i])


def _drop(slides: list[Slide], i: int) -> list[Slide]:
    """``slides`` without slide ``i``; its notes go to the content slide before it."""
    gone = slides[i]
    rest = slides[:i] + slides[i + 1 :]
    if gone.notes and gone.kind != "divider":
        host = next((j for j in range(i - 1, -1, -1) if rest[j].content), None)
        if host is not None:
            notes = f"{rest[host].notes}\n\n{MOVED_NOTES}{gone.title}\n{gone.notes}".strip()
            rest[host] = dataclasses.replace(rest[host], notes=notes)
    return rest
