"""The parts of a cleaned report: the table of contents (kept aside to confirm headings), the
front matter (cover, 提要 page, 內容摘要) and the body from the first heading on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importing.blocks import Block, PageBreak, Paragraph
from briefing.importing.headings import (
    detect,
    is_toc_heading,
    is_toc_line,
    toc_title,
    unnumbered_kind,
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Contents:
    """The entries of the report's table of contents, squashed, with and without numbers."""

    entries: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)

    def add(self, line: str) -> None:
        self.entries.append(squash(toc_title(line)))

    def confirms(self, label: str, title: str) -> bool:
        """Whether the contents list a heading (with its number, or by its title alone)."""
        for key in (squash(label + title), squash(title)):
            if key in self.entries or any(e.endswith(key) and len(key) > 1 for e in self.entries):
                self.found.add(key)
                return True
        return False

    def missing(self) -> list[str]:
        """Entries no heading matched (for the import report)."""
        return [e for e in self.entries if not any(e.endswith(f) for f in self.found)]

    def settle(self, titles: list[str]) -> None:
        """Count the entries that end with one of the found headings' ``titles`` as found
        (a heading the builder accepted by its style or numbering is still listed)."""
        for title in titles:
            key = squash(title)
            if key and any(e.endswith(key) for e in self.entries):
                self.found.add(key)


def split_contents(blocks: list[Block]) -> tuple[list[Block], Contents]:
    """``blocks`` without the table of contents (its heading and entries), and its entries."""
    contents = Contents()
    out: list[Block] = []
    inside = False
    for block in blocks:
        if isinstance(block, Paragraph) and is_toc_heading(block.text):
            inside = True
            continue
        if isinstance(block, Paragraph) and _toc_style(block.style) and block.text.strip():
            contents.add(re.sub(r"\s+\d{1,3}$", "\t\\g<0>", block.text.strip()))
            continue
        if inside and isinstance(block, Paragraph) and _entry(block.text):
            contents.add(re.sub(r"\s+\d{1,3}$", "\t\\g<0>", block.text.strip()))
            continue
        if inside and isinstance(block, PageBreak):
            out.append(block)
            continue
        inside = False
        if isinstance(block, Paragraph) and is_toc_line(block.text):
            contents.add(block.text)  # a contents line outside a 目次 block (a stray one)
            continue
        out.append(block)
    return out, contents


def _toc_style(style: str | None) -> bool:
    """Word's and LibreOffice's styles for table-of-contents lines (toc 1, 目錄 1, Contents 1)."""
    return bool(style) and bool(re.match(r"^(toc|目錄|contents)\s*\d", style.lower()))  # type: ignore[union-attr]


def _entry(text: str) -> bool:
    """A line of a 目次: leaders or a tab before its page number, or (inside the 目次) just
    a space before it (「壹、前言 1」)."""
    return is_toc_line(text) or bool(re.search(r"\S\s+\d{1,3}$", text.strip()))


def body_start(blocks: list[Block], contents: Contents) -> int:
    """Index of the first heading of the body: the first numbered heading whose number is the
    first of its style (壹, 一, 第一章 …) or that the contents list, or a 前言-like line."""
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        heading = detect(block.text)
        if heading and (heading.first or contents.confirms(heading.label, heading.title)):
            return i
        kind = unnumbered_kind(block.text)
        if kind is not None and (kind != "abstract" or _listed(block, contents)):
            return i
    return len(blocks)


def _listed(block: Paragraph, contents: Contents) -> bool:
    """Whether an unnumbered heading opens the body: the 目次 lists it, or (with no 目次) a
    heading style marks it."""
    if contents.entries:
        return squash(block.text).rstrip("：:") in contents.entries
    return block.level is not None
