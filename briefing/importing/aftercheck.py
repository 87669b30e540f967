"""After an import is written: the folder loaded again and checked as ``python main.py check``
checks it, and the standard deck planned, to say what that deck leaves out.

An import that writes a folder ``check`` refuses has failed: :func:`verify` returns the
problems (the importer turns them into an error naming the folder). Characters the deck's
font lacks are the one exception: the report's text is kept as written, so they are listed
for the user (another font, or ``strict: false`` builds with a warning), not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


@dataclass
class Verdict:
    """What check said about the folder, and what the standard deck leaves out (Chinese and
    English lines)."""

    problems: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)  # characters the deck's font lacks
    left_out: list[tuple[str, str]] = field(default_factory=list)
    slides: int = 0


def verify(folder: Path) -> Verdict:
    """Check ``folder`` as ``check --content FOLDER`` does, then plan its standard deck."""
    from briefing import api
    from briefing.errors import BriefingError, FontError

    verdict = Verdict()
    problems = api.check(None, report=folder)
    verdict.problems = [str(p) for p in problems if not isinstance(p, FontError)]
    verdict.fonts = [str(p) for p in problems if isinstance(p, FontError)]
    if verdict.problems:
        return verdict
    try:
        options = api.options_from_recipe(None).replace(report=folder)
        report = api.load(options)
        plan = api.plan(options, report)
    except BriefingError as exc:
        verdict.problems.append(str(exc))
        return verdict
    verdict.slides = len(plan.slides)
    verdict.left_out = _left_out(report, plan)
    return verdict


def _left_out(report: Any, plan: Any) -> list[tuple[str, str]]:
    shown_sections = {s for slide in plan.slides for s in (*slide.sections, *slide.condensed)}
    shown_figures = {f for slide in plan.slides for f in slide.figures}
    shown_initiatives = {i for slide in plan.slides for i in slide.initiatives}
    out: list[tuple[str, str]] = []
    missing = [s for s in _walk(report.sections) if s.id not in shown_sections]
    for section in missing:
        out.append(
            (
                f"章節「{section.title}」（{section.id}）",
                f"section 「{section.title}」 ({section.id})",
            )
        )
    unused = [f for f in report.figures if f.id not in shown_figures]
    if unused:
        shown = _sample([f.as_written for f in unused], 8)
        out.append(
            (
                f"{len(unused)} 個數字未上投影片（如 {shown}）",
                f"{len(unused)} figures on no slide ({shown})",
            )
        )
    idle = [i for i in report.initiatives if i.id not in shown_initiatives]
    if idle:
        names = _sample([i.name for i in idle], 6)
        out.append(
            (
                f"{len(idle)} 項措施未上投影片（{names}）",
                f"{len(idle)} initiatives on no slide ({names})",
            )
        )
    if report.agendas and not any(slide.kind == "timeline" for slide in plan.slides):
        out.append(("行程（未排入時間軸投影片）", "the itinerary (no timeline slide)"))
    return out


def _walk(sections: Any) -> list[Any]:
    out: list[Any] = []
    for section in sections:
        out.append(section)
        out += _walk(section.children)
    return out


def _sample(names: list[str], most: int) -> str:
    """The first ``most`` of ``names``, joined, with 「…」 when there are more."""
    return "、".join(names[:most]) + ("…" if len(names) > most else "")
