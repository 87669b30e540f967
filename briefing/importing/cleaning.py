"""Cleaning what readers found: page headers, footers and page numbers dropped; paragraphs
broken at a line's or a page's end joined again. The text is otherwise kept as written.

A paragraph is taken to carry on into the next one when the first stops without closing its
sentence, reads as prose (it has clause punctuation) and the next one is not a heading, a
field (``時間：…``) or a date line; or when the next one begins with punctuation no line can
begin with (``，``). Two Latin words are joined with a space, anything else without.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.importing.blocks import Block, PageBreak, Paragraph

if TYPE_CHECKING:
    from collections.abc import Callable

PAGE_NUMBER = re.compile(
    r"^[\s\-–—_~－]*(?:(?:第\s*)?\d{1,4}\s*頁?(?:\s*[/／,，]\s*(?:共\s*)?\d{1,4}\s*頁?)?"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6}|[IVXLC]{1,6})[\s\-–—_~－]*$",
    re.IGNORECASE,
)
_BARE = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6})\s*$")
_DIGITS = re.compile(r"^\s*\d{1,4}\s*$")
_ROMAN = re.compile(r"^\s*(?:[ivxlc]{1,6}|[IVXLC]{1,6})\s*$")
_SENTENCE_END = "。！？!?；："
_CLOSERS = '」』）)"”’'
_NO_LINE_START = "，。、；：？！）」』,.;:?!%％…"
_PROSE = re.compile(r"[，、,；]")
_FIELD = re.compile(r"^[^\s\d，。、：:]{2,12}[：:]")
_PICTOGRAPH = re.compile("[\U0001f000-\U0001faff\ufe0f]")
_BULLET = re.compile(r"^[●•◆■□▪︎※＊*\-–—]")


def is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number (``3``, ``- 3 -``, ``第 3 頁``, ``3/24``, ``iv``)."""
    return bool(PAGE_NUMBER.match(text.strip()))


def drop_furniture(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """``blocks`` without page numbers and without the header and footer lines that repeat at
    the top or bottom of pages; and a note for each kind of line dropped.

    A page number written as one (``- 3 -``, ``第 3 頁``, ``3/24``) goes wherever it is; a bare
    number (``3``) only where pages begin or end and its pages count up with it: a table cell
    or a line holding only ``350`` is the report's number, not furniture."""
    repeated = _repeated_edges(blocks)
    numbered = _bare_page_numbers(blocks)
    kept: list[Block] = []
    dropped: Counter[str] = Counter()
    for block in blocks:
        if isinstance(block, Paragraph) and _PICTOGRAPH.search(block.text):
            dropped["pictographs (🕒 …)"] += 1
            block = block.with_text(_PICTOGRAPH.sub("", block.text).strip())
        if isinstance(block, Paragraph):
            bare = _BARE.match(block.text)
            if not block.text or (
                is_page_number(block.text) and (not bare or id(block) in numbered)
            ):
                dropped["page numbers"] += 1
                continue
            if _shape(block.text) in repeated:
                dropped[f"header or footer 「{block.text[:30]}」"] += 1
                continue
        kept.append(block)
    notes = [f"dropped {n} {what}" for what, n in dropped.items()]
    return kept, notes


def _bare_page_numbers(blocks: list[Block]) -> set[int]:
    """The ids of bare numbers at a page's first or last two paragraphs whose value runs with
    the page (page + k, for one k on two pages at least; numbering may restart once)."""
    found: list[tuple[int, int, int]] = []  # page index, value, block id
    page, paragraphs = 0, []
    for block in [*blocks, PageBreak(0)]:
        if isinstance(block, PageBreak):
            edges = {id(p): p for p in (*paragraphs[:2], *paragraphs[-2:])}
            found += [(page, int(p.text), i) for i, p in edges.items() if _DIGITS.match(p.text)]
            found += [(page, -1, i) for i, p in edges.items() if _ROMAN.match(p.text)]
            page, paragraphs = page + 1, []
        elif isinstance(block, Paragraph):
            paragraphs.append(block)
    offsets = Counter(value - page for page, value, _ in found if value >= 0)
    runs = {k for k, n in offsets.items() if n >= 2}
    romans = [i for _, value, i in found if value < 0]
    return {i for page, value, i in found if value - page in runs} | (
        set(romans) if len(romans) >= 2 else set()
    )


def _repeated_edges(blocks: list[Block]) -> set[str]:
    """Shapes (digits as #) of the first and last lines of pages that repeat on at least a
    third of the pages, and on two pages at least."""
    pages: list[list[Paragraph]] = [[]]
    for block in blocks:
        if isinstance(block, PageBreak):
            pages.append([])
        elif isinstance(block, Paragraph):
            pages[-1].append(block)
    pages = [p for p in pages if p]
    if len(pages) < 3:
        return set()
    edges: Counter[str] = Counter()
    for page in pages:
        shapes = {
            _shape(p.text)
            for p in (*page[:2], *page[-2:])
            if len(p.text) <= 60 and not _BARE.match(p.text)
        }
        edges.update(shapes)
    least = max(2, len(pages) // 3)
    return {shape for shape, n in edges.items() if n >= least}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def rejoin(blocks: list[Block], stands_alone: Callable[[Paragraph], bool]) -> list[Block]:
    """``blocks`` with paragraphs broken at a line's or a page's end joined again;
    ``stands_alone(paragraph)`` says which paragraphs never join (headings, table-of-contents
    lines). Page marks between two halves of a paragraph are kept after it."""
    out: list[Block] = []
    pending: list[Block] = []  # page marks seen since the last paragraph
    for block in blocks:
        if isinstance(block, PageBreak):
            pending.append(block)
            continue
        last = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(last, Paragraph)
            and not stands_alone(last)
            and not stands_alone(block)
            and continues(last.text, block.text)
        ):
            out[-1] = last.with_text(join(last.text, block.text))
            continue
        out += pending
        pending = []
        out.append(block)
    return out + pending


def continues(before: str, after: str) -> bool:
    """Whether paragraph ``after`` is the rest of paragraph ``before``."""
    if not before or not after:
        return False
    if after[0] in _NO_LINE_START:
        return True
    if _closed(before) or _BULLET.match(after) or _FIELD.match(after) or _FIELD.match(before):
        return False
    return bool(_PROSE.search(before)) and len(before) >= 12


def _closed(text: str) -> bool:
    """Whether ``text`` ends a sentence (a closing quote or bracket after one counts too)."""
    stripped = text.rstrip(_CLOSERS)
    return text[-1] in _SENTENCE_END or (stripped != text and stripped[-1:] in _SENTENCE_END)


def join(before: str, after: str) -> str:
    """Two halves of a paragraph as one: a space between Latin words, nothing otherwise."""
    if before[-1].isascii() and after[0].isascii() and after[0] not in ",.;:?!)%":
        return f"{before} {after}"
    return before + after
