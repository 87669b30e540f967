"""The summary slide: what the trip found and what it proposes, in the report's words.

* its message line: the 摘要's conclusion (the abstract's sentence the ranking puts first, later
  sentences and words of outcome weighing more: a summary ends with what was learnt);
* left, the findings: each sub-section of a 心得 part by its top-ranked sentence (its title
  when it has no text), or, where 心得 and 建議
  share a part, each sub-section's own finding (its quote, or its top-ranked sentence that is
  not the recommendation);
* right, the recommendations by number and name (its first clause when the heading is only a
  number).

A report without a 心得 part shows the abstract's key points on the left instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.story import ranking, recommend
from briefing.story.plan import Bullet
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.content.model import Section
    from briefing.content.report import Report

OUTCOME = ("經驗", "借鏡", "參考", "心得", "建議", "發現", "顯示", "值得", "可供", "成果", "掌握")
MAX_LINES = 5


@dataclass(frozen=True)
class Summary:
    conclusion: str
    findings: tuple[tuple[str, str], ...]  # (section id, line)
    recommendations: tuple[recommend.Recommendation, ...]

    @property
    def sections(self) -> tuple[str, ...]:
        ids = [s for s, _ in self.findings] + [r.section for r in self.recommendations]
        return tuple(dict.fromkeys(ids))


def conclusion(abstract: Section | None, fits: Callable[[str], bool]) -> str:
    """The abstract's conclusion: its best sentence, later ones and words of outcome counting
    more, cut to what ``fits``."""
    if abstract is None:
        return ""
    ranked = ranking.rank(abstract.paragraphs, abstract.title)
    total = max(1, len(ranked))

    def weight(s: ranking.Scored) -> float:
        outcome = sum(1 for w in OUTCOME if w in s.text)
        return s.score + s.order / total + outcome * 0.6

    for scored in sorted(ranked, key=weight, reverse=True):
        line = ranking.cut(scored.text, fits, OUTCOME)
        if line:
            return line
    return ""


def findings(report: Report, fits: Callable[[str], bool]) -> list[tuple[str, str]]:
    """One line per finding (see the module docstring)."""
    found = [_said(report, sid, line, fits) for sid, line in recommend.findings(report)]
    for part in recommend.parts(report):
        if recommend.is_findings(part) and recommend.is_recommendations(part):
            for child in part.children:
                line = _finding_of(child, fits)
                if line:
                    found.append((child.id, line))
    lines = []
    for sid, line in found:
        line = line if fits(line) else ranking.cut(line, fits)
        if line:
            lines.append((sid, line))
    return lines[:MAX_LINES]


def _said(report: Report, sid: str, line: str, fits: Callable[[str], bool]) -> tuple[str, str]:
    """A finding by what its section says (its top-ranked sentence), not by its heading; the
    heading where the section has no sentence of its own."""
    section = report.section(sid)
    if line != normalize(section.title):
        return sid, line  # a sentence already
    said = ranking.best(section.paragraphs, fits, section.title)
    return sid, said or line


def _finding_of(child: Section, fits: Callable[[str], bool]) -> str:
    rec = recommend.of_child(child)
    if child.quote is not None:
        line = ranking.cut(normalize(child.quote.text), fits)
        if line:
            return line
    for scored in ranking.rank(child.paragraphs, child.title):
        if ranking.trim(scored.text) in rec.text:
            continue  # the recommendation is said on the right
        line = ranking.cut(scored.text, fits)
        if line:
            return line
    return ""


def summarize(
    report: Report, line_fits: Callable[[str], bool], column_fits: Callable[[str], bool]
) -> Summary:
    """The summary of ``report``: its conclusion cut to one line (``line_fits``), findings and
    recommendation names cut to a line of a column (``column_fits``)."""
    return Summary(
        conclusion=conclusion(report.abstract, line_fits),
        findings=tuple(findings(report, column_fits)),
        recommendations=tuple(recommend.recommendations(report)),
    )


def columns(
    summary: Summary,
    labels: Any,
    language: str,
    points: list[str],
    fits: Callable[[list[Bullet], tuple[int, int, int, int]], bool],
) -> tuple[tuple[Bullet, ...], tuple[Bullet, ...]]:
    """The summary's two columns: findings (or, without them, the abstract's ``points``) and
    the recommendations by number and name; findings dropped from the end until both fit."""
    stop = "、" if language != "en" else ". "
    right: list[Bullet] = []
    if summary.recommendations:
        right.append(Bullet(labels.summary_recommendations, heading=True))
        right += [
            Bullet(normalize(_numbered(r.number, _name(r), stop))) for r in summary.recommendations
        ]
    lines = [line for _, line in summary.findings]
    left: list[Bullet] = []
    if lines:
        left.append(Bullet(labels.summary_findings, heading=True))
    left += [Bullet(normalize(p)) for p in (lines or points)]
    while len(left) > 2 and not fits(left, theme.LEFT_BOX if right else theme.BODY_BOX):
        left.pop()
    return tuple(left), tuple(right)


def _name(rec: recommend.Recommendation) -> str:
    """A recommendation's name, or its first clause when its heading is only its number."""
    bare = rec.name.strip(" 、.．()（）")
    if bare and bare != rec.number.strip(" 、.．()（）"):
        return rec.name
    return ranking.trim(ranking.clauses(rec.text)[0]) if rec.text else rec.name


def _numbered(number: str, name: str, stop: str) -> str:
    """「一、名稱」, or as the report writes a dotted number, 「5.1 名稱」."""
    if not number:
        return name
    return f"{number} {name}" if "." in number else f"{number}{stop}{name}"
