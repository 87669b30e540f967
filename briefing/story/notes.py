"""Speaker notes to speak from: first what to say, then the report's own paragraphs.

Every slide with content gets notes in two parts:

1. **what to say** (about a minute, 200–400 characters): the slide's own lines in the order it
   shows them (its message, points, cards, rows, figures, stops, quote), each a sentence; when
   that is short of 200 characters, the best sentences of the slide's sections (the report's
   words) are added; it is cut at a sentence (or clause) to at most 400;
2. under 「報告原文：」, the paragraphs of the slide's sections with their citations, as the
   templates wrote them, at most ``ORIGINAL_LIMIT`` characters (the rest is named, not copied);
   a slide whose paragraphs an earlier slide already carries points to it instead, so no two
   slides share their notes.

Nothing is written that the slide or the report does not say: the spoken part is made of the
slide's lines and the report's sentences only.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from briefing.story import ranking
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from briefing.content.report import Report
    from briefing.story.plan import Slide

SPOKEN_MIN = 200
SPOKEN_MAX = 400
ORIGINAL_LIMIT = 4000  # a long speech (3,300) whole; a brief slide of a whole chapter (9,000) not
LEAVE_AS_IS = ("cover", "agenda", "closing", "sources")
_STOPS = "。！？；，、：:.;,"


def finish(slides: list[Slide], labels: Any, report: Report) -> list[Slide]:
    """``slides`` with notes in two parts (see the module docstring), none alike."""
    out: list[Slide] = []
    seen: dict[str, int] = {}
    for number, slide in enumerate(slides, 1):
        if slide.kind in LEAVE_AS_IS:
            out.append(slide)
            continue
        head, original, tail = _split(slide.notes, labels)
        spoken = spoken_part(slide, report, head)
        original = _bounded(original, labels, slide)
        if original and original in seen:
            original = f"{labels.original_same}{seen[original]}{labels.original_same_close}"
        elif original:
            seen[original] = number
        parts = [spoken]
        if original:
            parts.append(f"{labels.original}\n{original}")
        if tail:
            parts.append(tail)
        notes = "\n\n".join(p for p in parts if p)
        out.append(dataclasses.replace(slide, notes=notes))
    return _unique(out)


def _split(notes: str, labels: Any) -> tuple[str, str, str]:
    """A template's notes as (what it says first, the report's paragraphs, the 出處 line)."""
    lines = notes.splitlines()
    source = str(labels.notes_source)
    tail = [ln for ln in lines if ln.startswith(source)]
    lines = [ln for ln in lines if not ln.startswith(source)]
    text = "\n".join(lines).strip()
    at = text.find("【")
    if at < 0:
        return text, "", "\n".join(tail)
    return text[:at].strip(), text[at:].strip(), "\n".join(tail)


def lines_of(slide: Slide) -> list[str]:
    """The slide's own lines, in the order it shows them."""
    found: list[str] = []
    message = slide.subtitle.partition("｜")[0]
    if message and slide.kind not in ("table",):
        found.append(message)
    found += [b.text for b in (*slide.body, *slide.right) if not b.heading]
    for card in slide.cards:
        head = f"{card.number}、{card.heading}" if card.number else card.heading
        found.append(f"{head}：{card.text}" if card.text else head)
    if slide.table is not None:
        join = " " if slide.kind == "table" else "："  # a programme's time and session
        for row in slide.table.rows:
            cells = [c.split("\n")[0] for c in row[:2] if c]
            found.append(join.join(cells))
    for fig in slide.key_figures:
        found.append(f"{fig.label}：{fig.qualifier}{fig.value}{fig.unit}")
    for event in slide.events:
        found.append(f"{event.when} {event.title}")
    if slide.quote is not None:
        by = f"{slide.quote.by}：" if slide.quote.by else ""
        found.append(f"{by}「{slide.quote.text}」")
    out: list[str] = []
    for line in (normalize(x) for x in found if x):
        grams = _grams(line)
        if any(len(grams & _grams(o)) >= 0.8 * max(1, len(grams)) for o in out):
            continue  # said already, in other words of the report
        out.append(line)
    return out


def spoken_part(slide: Slide, report: Report, head: str = "") -> str:
    """What to say on ``slide``: 200–400 characters of its lines and its sections' sentences."""
    items = ([head] if head else []) + lines_of(slide)
    if len(_join(items)) < SPOKEN_MIN:
        paragraphs = [p for s in slide.sections for p in _paragraphs(report, s)]
        shown = _grams(" ".join(items))
        for scored in ranking.rank(paragraphs):
            line = ranking.trim(scored.text)
            if any(line in i or i in line for i in items):
                continue
            if len(_grams(line) & shown) < 0.2 * max(1, len(_grams(line))):
                continue  # about something the slide does not show
            if len(_join([*items, line])) > SPOKEN_MAX:
                continue
            items.append(line)
            if len(_join(items)) >= SPOKEN_MIN:
                break
    return _bounded_spoken(items)


def _paragraphs(report: Report, sid: str) -> tuple[str, ...]:
    try:
        return report.section(sid).paragraphs
    except (KeyError, LookupError):
        return ()


def _join(items: list[str]) -> str:
    return "".join(_sentence(i) for i in items)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(_STOPS)
    if text.startswith("（") and text.endswith("）"):
        return text  # （承上頁）
    return f"{text}。" if text else ""


def _grams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].isalnum()}


def _bounded_spoken(items: list[str]) -> str:
    """The items as sentences, up to ``SPOKEN_MAX`` characters: whole items while they fit,
    then the first that does not, cut at a clause."""
    out = ""
    for item in items:
        piece = _sentence(item)
        if len(out) + len(piece) <= SPOKEN_MAX:
            out += piece
            continue
        room = SPOKEN_MAX - len(out) - 1
        if room >= 20:
            cut = ranking.cut(item, lambda t, r=room: len(t) <= r)
            out += _sentence(cut) if cut else ""
        break
    return out


def _bounded(original: str, labels: Any, slide: Slide) -> str:
    """The report's paragraphs up to ``ORIGINAL_LIMIT`` characters, cut at a paragraph; the
    rest named by the sections it is in."""
    if len(original) <= ORIGINAL_LIMIT:
        return original
    kept, size = [], 0
    for paragraph in original.split("\n\n"):
        if size + len(paragraph) > ORIGINAL_LIMIT and kept:
            break
        kept.append(paragraph)
        size += len(paragraph) + 2
    rest = original[len("\n\n".join(kept)) :]
    cites = [c.split("】")[0] for c in rest.split("【")[1:]]
    where = "、".join(dict.fromkeys(cites)) or (slide.source.split(" ", 1)[-1])
    return "\n\n".join(kept) + f"\n\n{labels.original_more}{where}）"


def _unique(slides: list[Slide]) -> list[Slide]:
    """No two slides with the same notes: a repeat names the slide it repeats."""
    seen: dict[str, int] = {}
    out = []
    for number, slide in enumerate(slides, 1):
        notes = slide.notes
        if notes and notes in seen:
            notes = f"{notes}\n（{slide.title}）"
        seen.setdefault(notes, number)
        out.append(dataclasses.replace(slide, notes=notes) if notes != slide.notes else slide)
    return out
