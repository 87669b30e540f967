"""Every claim backed by the report's own words, checked when a report is loaded.

* Every paragraph occurs verbatim in the report's source text (when the folder has one).
* Every figure's ``as_written`` occurs in the section it cites.
* Every evidence quote occurs in the section it names, or in one of its record's sections.
* Every key sentence and every large quote occurs verbatim in its section.

Matching ignores white space only (the report breaks lines and spaces Latin words unevenly);
everything else must be as written. Problems are :class:`ContentError` at the file, line and
field of the record. :func:`key_point_notes` adds the softer checks of key points (shortened
from the report's clauses; hedges and attributions kept), reported by ``check`` and pinned by the
tests of the bundled report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import limits
from briefing.errors import BriefingError, ContentError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from briefing.content.model import Section
    from briefing.content.report import Report
    from briefing.content.yamlsrc import Located

_SPACE = re.compile(r"\s+")

#: Words that make a statement somebody's view or report (the whole sentence is theirs) and
#: words that make it a plan, a hope or an estimate (their clause is). A key point shortened from
#: such a sentence or clause must keep one, or the slide turns an attribution or a plan into a
#: plain fact.
ATTRIBUTIONS = ("據", "表示", "指出", "認為", "點出", "隱意", "說詞", "宣稱", "主張")
PLANS = (
    "將",
    "預計",
    "預定",
    "預估",
    "希望",
    "期望",
    "期待",
    "規劃",
    "擬",
    "草擬",
    "草案",
    "可能",
    "目標",
    "上看",
    "試辦",
    "試驗",
)
HEDGES = ATTRIBUTIONS + PLANS


def squash(text: str) -> str:
    """``text`` without white space: the form quotes and the report are compared in."""
    return _SPACE.sub("", text)


def section_text(section: Section) -> str:
    """What a section says in its own words: its title, paragraphs and table cells."""
    cells = ("\t".join(row) for table in section.tables for row in table)
    return "\n".join((section.title, *section.paragraphs, *cells))


def occurs(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text``, white space aside."""
    return squash(quote) in squash(text)


def check_evidence(report: Report) -> None:
    """Raise the first evidence problem of ``report`` (see :func:`evidence_problems`)."""
    for problem in evidence_problems(report):
        raise problem


def evidence_problems(report: Report) -> Iterator[ContentError]:
    """Every quote, figure text or paragraph that the report's own words do not back."""
    at = _Locator(report)
    texts = {e.section.id: squash(section_text(e.section)) for e in report.outline}
    yield from _paragraphs_in_source(report, at)
    for path, entry in zip(at.section_paths, report.outline, strict=True):
        sec = entry.section
        for j, sentence in enumerate(sec.key_sentences):
            if squash(sentence) not in texts[sec.id]:
                yield at.error("sections", (*path, "key_sentences", j), _missing(sentence, sec.id))
        if sec.quote is not None and squash(sec.quote.text) not in texts[sec.id]:
            yield at.error("sections", (*path, "quote", "text"), _missing(sec.quote.text, sec.id))
        yield from _quotes(at, "sections", path, sec.evidence, (sec.id,), texts)
    for i, fig in enumerate(report.figures):
        if fig.section in texts and squash(fig.as_written) not in texts[fig.section]:
            yield at.error("figures", (i, "as_written"), _missing(fig.as_written, fig.section))
        yield from _quotes(at, "figures", (i,), fig.evidence, (fig.section,), texts)
    for i, item in enumerate(report.initiatives):
        yield from _quotes(at, "initiatives", (i,), item.evidence, item.sections, texts)


def _quotes(
    at: _Locator,
    file: str,
    path: tuple[str | int, ...],
    evidence: dict[str, tuple],  # type: ignore[type-arg]
    own: Sequence[str],
    texts: dict[str, str],
) -> Iterator[ContentError]:
    for name, quotes in evidence.items():
        for j, quote in enumerate(quotes):
            where = [quote.section] if quote.section else [s for s in own if s in texts]
            if not any(squash(quote.quote) in texts.get(s, "") for s in where):
                shown = quote.section or "/".join(where)
                yield at.error(file, (*path, "evidence", name, j), _missing(quote.quote, shown))


def _paragraphs_in_source(report: Report, at: _Locator) -> Iterator[ContentError]:
    name = report.meta.source_file
    if not name:
        return
    source = report.folder / name
    try:
        text = squash(limits.read_text(source, limit=limits.MAX_DATA_BYTES, what="source text"))
    except BriefingError as exc:
        yield at.error("report", ("source_file",), f"{exc.message}: {source}")
        return
    for path, entry in zip(at.section_paths, report.outline, strict=True):
        for j, paragraph in enumerate(entry.section.paragraphs):
            if squash(paragraph) not in text:
                yield at.error(
                    "sections",
                    (*path, "paragraphs", j),
                    f"paragraph not found in the source text {name}: {_excerpt(paragraph)}",
                )


def _missing(quote: str, where: str) -> str:
    return f"not in the report's words of section {where!r}: {_excerpt(quote)}"


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"「{text[:limit]}…」" if len(text) > limit else f"「{text}」"


class _Locator:
    """File, line and field of a record in the report's YAML files."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.section_paths = _section_paths(report)

    def error(self, file: str, path: tuple[str | int, ...], message: str) -> ContentError:
        located: Located | None = self.report.sources.get(file)
        return ContentError(
            message,
            file=located.file if located else self.report.folder / f"{file}.yaml",
            line=located.line_of(path) if located else None,
            field=_dotted(path),
        )


def _section_paths(report: Report) -> list[tuple[str | int, ...]]:
    """The YAML path of every section, in outline order."""
    paths: list[tuple[str | int, ...]] = []

    def visit(items: Sequence[Section], prefix: tuple[str | int, ...]) -> None:
        for i, sec in enumerate(items):
            paths.append((*prefix, i))
            visit(sec.children, (*prefix, i, "children"))

    visit(report.sections, ())
    return paths


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# -- key points ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyPointNote:
    """A key point that strays from the report's words: where, and how."""

    section: str
    index: int
    point: str
    problem: str

    def __str__(self) -> str:
        return f"{self.section}.key_points[{self.index}]: {self.problem}: {_excerpt(self.point)}"


_CONTENT = re.compile(r"[\w\u3400-\u9fff]")


def key_point_notes(report: Report, *, coverage: float = 0.85) -> list[KeyPointNote]:
    """Key points that are not shortened from the report's own clauses (less than ``coverage``
    of their letters in runs of two or more found, in order, in the section), or that drop a
    hedge (將, 預計, 表示 …) of the sentence they come from."""
    notes: list[KeyPointNote] = []
    for entry in report.outline:
        sec = entry.section
        text = squash(section_text(sec))
        for i, point in enumerate(sec.key_points):
            covered, spans = extractive_coverage(point, text)
            if covered < coverage:
                notes.append(KeyPointNote(sec.id, i, point, "not in the report's words"))
                continue
            dropped = dropped_hedges(point, text, spans)
            if dropped:
                problem = f"drops the report's {'、'.join(dropped)}"
                notes.append(KeyPointNote(sec.id, i, point, problem))
    return notes


def extractive_coverage(point: str, text: str) -> tuple[float, list[tuple[int, int]]]:
    """How much of ``point`` (letters and Han characters) is found in ``text`` as runs of two
    or more characters, in order; and where in ``text`` those runs are."""
    target = squash(point)
    letters = len(_CONTENT.findall(target)) or 1
    found, spans, pos, i = 0, [], 0, 0
    while i < len(target):
        best, best_at = 0, -1
        for length in range(len(target) - i, 1, -1):
            at = text.find(target[i : i + length], pos)
            if at >= 0:
                best, best_at = length, at
                break
        if best:
            found += len(_CONTENT.findall(target[i : i + best]))
            spans.append((best_at, best_at + best))
            pos, i = best_at + best, i + best
        else:
            i += 1
    return found / letters, spans


def dropped_hedges(point: str, text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Hedges a key point leaves out: attributions of the sentences it was taken from, and plan
    words of the clauses it was taken from (words inside 「」 names do not count)."""
    sentences = {_around(text, a, b, _SENTENCE_END) for a, b in spans if b - a >= 2}
    clauses = {_around(text, a, b, _CLAUSE_END) for a, b in spans if b - a >= 2}
    kept = squash(point)
    found = [w for w in ATTRIBUTIONS if any(_said(w, s) for s in sentences)]
    found += [w for w in PLANS if any(_said(w, c) for c in clauses)]
    return [w for w in found if w not in kept]


def _around(text: str, start: int, end: int, stops: str) -> str:
    """The sentence or clause (ending at one of ``stops``) around ``text[start:end]``."""
    return text[_back(text, start, stops) : _ahead(text, end, stops)]


_SENTENCE_END = "。！？!?；;"
_CLAUSE_END = _SENTENCE_END + "，,："


def _back(text: str, at: int, stops: str) -> int:
    while at > 0 and text[at - 1] not in stops:
        at -= 1
    return at


def _ahead(text: str, at: int, stops: str) -> int:
    while at < len(text) and text[at - 1 : at] not in stops:
        at += 1
    return at


def _said(word: str, source: str) -> bool:
    """Whether ``word`` occurs in ``source`` outside 「」 names."""
    return word in re.sub(r"「[^」]*」", "", source)
