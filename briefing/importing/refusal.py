"""A report without a heading structure is refused, never imported in silence: the error names
the lines that looked like headings, why each one was refused, and how to fix the file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.errors import SourceError
from briefing.importing.blocks import Paragraph
from briefing.importing.headings import detect, is_toc_line
from briefing.importing.notes import place, where_of

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.importing.blocks import Block
    from briefing.importing.outline import Node

FIX = (
    "how to fix: number the headings (壹、 一、 （一） 1. or 第一章), or give them Word's "
    "Heading 1-3 styles, or put the standard headings (前言, 目的, 過程, 心得, 建議, 附錄) on "
    "lines of their own; a heading ends at its colon only when text follows on a new paragraph"
)
_LIMIT = 12


class NoStructure(SourceError):
    """No heading structure: ``details`` are the lines that looked like headings, each with
    why it was refused, then how to fix the file."""

    def __init__(self, source: Path, details: list[str]) -> None:
        super().__init__(
            f"no heading structure found ({len(details) - 1} lines looked like headings and "
            "were refused); nothing was written",
            file=source,
        )
        self.details = details


def has_structure(roots: list[Node]) -> bool:
    """Whether the body has at least one heading the importer accepted (the 前言 it opens for
    text before the first heading does not count)."""
    return any(
        not (root.guessed and root.number is None and root.title == "前言") for root in roots
    ) or any(root.children for root in roots)


def refuse(source: Path, blocks: list[Block]) -> NoStructure:
    """The error for a report with no heading structure, listing the lines that looked like
    headings (at most a dozen) and why each was refused."""
    found: list[str] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or is_toc_line(block.text):
            continue
        why = _why_not(block)
        if why:
            at = place(where_of(block), "en") if where_of(block) else ""
            found.append(f"{at}「{block.text[:30]}」: {why}")
        if len(found) >= _LIMIT:
            break
    return NoStructure(source, [*found, FIX])


def _why_not(block: Paragraph) -> str | None:
    text = block.text.strip()
    if not text or len(text) > 40 or re.search(r"[。；]$", text):
        return None
    heading = detect(text)
    if heading is not None and heading.lead:
        return "text follows its colon, and it is neither bold, nor styled, nor in a 目次"
    if heading is not None:
        return f"numbered {heading.label.strip()} but no heading numbered 一 or 1 of its style"
    if re.match(r"^[壹貳參肆伍陸一二三四五六七八九十0-9０-９(（]", text):
        return "its number is not followed by a short title (it reads as a sentence)"
    if re.search(r"[，,、]", text):
        return None
    return "no number, no heading style, and not a standard heading (前言, 目的, 心得, 建議 …)"
