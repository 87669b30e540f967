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

FIX = "fix: number the headings (壹、一、（一）1.) or give them Heading styles"
_LIMIT = 12
_PLAIN = "no number or heading style"
_SHOWN = 2  # refused lines named in the one-line error (all of them are in ``details``)


class NoStructure(SourceError):
    """No heading structure. The message (one line, as every error) names the first lines
    that looked like headings, why each was refused, and how to fix the file; ``details``
    lists all of them (at most a dozen) for the desktop app."""

    def __init__(self, source: Path, refused: list[tuple[str, str, str]]) -> None:
        first = sorted(refused, key=lambda r: r[2] == _PLAIN)[:_SHOWN]  # numbered ones first
        shown = ", ".join(f"{at}「{text[:12]}」({why})" for at, text, why in first)
        more = f" and {len(refused) - _SHOWN} more" if len(refused) > _SHOWN else ""
        found = f"; refused: {shown}{more}" if refused else "; no line looked like one"
        super().__init__(f"no heading structure found{found}; {FIX}", file=source)
        self.details = [f"{at}「{text}」: {why}" for at, text, why in refused] + [FIX]


def has_structure(roots: list[Node]) -> bool:
    """Whether the body has at least one heading the importer accepted (the 前言 it opens for
    text before the first heading does not count)."""
    return any(
        not (root.guessed and root.number is None and root.title == "前言") for root in roots
    ) or any(root.children for root in roots)


def refuse(source: Path, blocks: list[Block]) -> NoStructure:
    """The error for a report with no heading structure, with the lines that looked like
    headings (at most a dozen) and why each was refused."""
    refused: list[tuple[str, str, str]] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or is_toc_line(block.text):
            continue
        why = _why_not(block)
        if why:
            at = place(where_of(block), "en").rstrip(": ") if where_of(block) else ""
            refused.append((f"{at} " if at else "", block.text[:30], why))
        if len(refused) >= _LIMIT:
            break
    return NoStructure(source, refused)


def _why_not(block: Paragraph) -> str | None:
    text = block.text.strip()
    if not text or len(text) > 40 or re.search(r"[。；]$", text):
        return None
    heading = detect(text)
    if heading is not None and heading.lead:
        return "text after its colon, not bold, styled or in a 目次"
    if heading is not None:
        return f"numbered {heading.label.strip()} with no 一 or 1 before it"
    if re.match(r"^[壹貳參肆伍陸一二三四五六七八九十0-9０-９(（]", text):
        return "reads as a sentence"
    if re.search(r"[，,、]", text):
        return None
    return _PLAIN
