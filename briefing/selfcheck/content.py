"""Checks of what a deck says: nothing empty, the length's budget, every selected section on a
slide, and every number on a slide a figure record of the report (dates aside)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.selfcheck.finding import Finding

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.story.plan import DeckPlan, Slide

#: (most slides, most minutes) per length; ``full`` has none (its appendix is for questions).
BUDGETS: dict[str, tuple[int, int]] = {"brief": (12, 12), "standard": (30, 30)}
#: A heading that is only a section's number and name (「第一節 心得」, 「二、建議」).
_SECTION_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十百0-9]+[章節篇]|[一二三四五六七八九十]+、"
    r"|（[一二三四五六七八九十]+）|\(?[0-9]+[.)、])"
)
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")
_DATE_AFTER = tuple("年月日時點分秒週季號期屆次版代")
_ORDINAL_BEFORE = ("第", "民國")
_LATIN = re.compile(r"[A-Za-z]")
_TIME = re.compile(r"\d{1,2}[:：]\d{2}")
_LABEL_BEFORE = ("圖", "表", "附件", "附錄", "註")
_RANGE_TO_DATE = re.compile(r"\s?[至到~～\-–]\s?\d+(?:[,.]\d+)*\s?[年月日時點分]")
_DAY = re.compile(r"\d{1,2}/\d{1,2}(?!\d)")  # 10/15
_DAY_END = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}$")


def empty_findings(n: int, slide: Slide) -> Iterator[Finding]:
    """Cards, tiles, cells and columns with nothing in them, and content slides that show
    nothing but their title."""
    if slide.content and not _shows_anything(slide):
        yield Finding(n, "empty-slide", slide.title)
    said = any(c.text or c.tag for c in slide.cards)  # cards of a heading each are a list
    for card in slide.cards:
        if not card.heading.strip() and not card.text.strip():
            yield Finding(n, "empty-card", card.number or "?")
        elif not (card.text or card.tag) and (slide.kind == "recommendations" or said):
            yield Finding(n, "empty-card", card.heading)
    for tile in slide.key_figures:
        if not tile.value.strip() or not tile.label.strip():
            yield Finding(n, "empty-tile", tile.value or tile.label)
    if slide.table is not None:
        yield from _table(n, slide)


def _table(n: int, slide: Slide) -> Iterator[Finding]:
    table = slide.table
    assert table is not None
    empty_columns = {
        c
        for c in range(len(table.header))
        if table.rows and not any(r[c].strip() for r in table.rows)
    }
    for c in sorted(empty_columns):
        yield Finding(n, "empty-column", table.header[c])
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row):
            if c not in empty_columns and not cell.strip():
                yield Finding(n, "empty-cell", f"{r}／{table.header[c]}")


def _shows_anything(slide: Slide) -> bool:
    return bool(
        slide.body
        or slide.right
        or slide.cards
        or slide.key_figures
        or slide.events
        or slide.quote
        or slide.table
        or slide.chart
        or slide.pictures  # a photo slide (briefing.story.photos)
    )


def budget_findings(plan: DeckPlan) -> Iterator[Finding]:
    """The slide count and the estimated minutes against the length's budget."""
    budget = BUDGETS.get(plan.length)
    if budget is None:
        return
    slides, minutes = budget
    if len(plan.slides) > slides:
        yield Finding(None, "budget", f"{len(plan.slides)} > {slides} slides")
    if plan.minutes > minutes:
        yield Finding(None, "budget", f"{plan.minutes:.0f} > {minutes} min")


def coverage_findings(plan: DeckPlan) -> Iterator[Finding]:
    """Selected sections no slide shows (as its own, a row, a card or a line)."""
    shown = {s for slide in plan.slides for s in (*slide.sections, *slide.condensed)}
    for sid in plan.sections:
        if sid not in shown and sid not in plan.omitted:
            yield Finding(None, "section-missing", sid)


def number_findings(n: int, slide: Slide, figure_texts: tuple[str, ...]) -> Iterator[Finding]:
    """Numbers in the slide's text that no figure record states (dates, times, ordinals and
    numbers inside names such as 5G or 4.0 aside)."""
    if not slide.content:
        return
    for text in _body_texts(slide):
        covered = _covered(text, figure_texts)
        for match in _NUMBER.finditer(text):
            start, end = match.span()
            if any(a <= start and end <= b for a, b in covered) or _exempt(text, start, end):
                continue
            yield Finding(n, "number-not-figure", _around(text, start, end))


def _body_texts(slide: Slide) -> list[str]:
    """The slide's text a reader takes as statements (not title, kicker, source or numbering)."""
    parts = [b.text for b in (*slide.body, *slide.right) if not b.heading]
    parts += [c.text for c in slide.cards]
    parts += [c.heading for c in slide.cards if not _SECTION_HEADING.match(c.heading)]
    if slide.table is not None:
        parts += [cell for row in slide.table.rows for cell in row]
    parts += [e.title for e in slide.events] + [e.detail for e in slide.events]
    parts += [f.label for f in slide.key_figures]
    if slide.quote is not None:
        parts.append(slide.quote.text)
    return [p for p in parts if p and any(ch.isdigit() for ch in p)]


def _covered(text: str, figure_texts: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    squeezed = text.replace(" ", "")
    for written in figure_texts:
        for m in re.finditer(re.escape(written), text):
            spans.append(m.span())
        bare = written.replace(" ", "")
        if bare != written and bare in squeezed:  # the typography pass may drop a space
            for m in re.finditer(r"\s?".join(map(re.escape, bare)), text):
                spans.append(m.span())
    return spans


def _exempt(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a date, a time, an ordinal, a label (圖2,
    表2-1, 3.1.1, a list number) or part of a name (5G, Session 1, 工業4.0), not a quantity."""
    number = text[start:end]
    after = text[end : end + 1]
    before = text[max(0, start - 2) : start]
    if re.fullmatch(r"\d+\.0|\d+(?:\.\d+){2,}", number):  # 工業4.0; an outline number 3.1.1
        return True
    if after in _DATE_AFTER or before.endswith(_ORDINAL_BEFORE + _LABEL_BEFORE):
        return True
    if _RANGE_TO_DATE.match(text, end) or _DAY.match(text, start) or _DAY_END.search(text, 0, end):
        return True  # 111至116年, 10/15-10/16
    if len(number) == 4 and number[:2] in ("19", "20"):  # a year: 2019, 2020–2025
        return True
    if any(_TIME.match(text, k) for k in range(max(0, start - 3), start + 1)):  # 9:30
        return True
    near = text[max(0, start - 2) : start] + text[end : end + 2]
    if _LATIN.search(near):  # inside a name: 5G, B2B, ISO 27001, Session 1, 14 Nov
        return True
    if re.search(r"[圖表]\d+[-–.]$", text[:start]):  # 表2-1
        return True
    opening = start == 0 or text[start - 1] in "（(；;。\n、 　：:"
    return opening and (after in ".、)）" or not after or "." in number)  # 1. (1) 5.1導入


def _around(text: str, start: int, end: int) -> str:
    return text[max(0, start - 6) : end + 4]
