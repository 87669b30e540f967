"""Footnotes in the import report: the content folder has no place for them, so they are kept
out of the section text (the readers take them out) and listed in ``import-report.md`` with
their page and the section whose text cites them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.importing.blocks import Footnote
    from briefing.importing.notes import Notes
    from briefing.importing.outline import Node


def footnote_notes(footnotes: tuple[Footnote, ...], roots: list[Node], notes: Notes) -> None:
    """A note of each footnote: 「第4頁：1 衛生福利部…。（見「第一節　研究背景」）」."""
    nodes = [node for root in roots for node in root.walk()]
    for footnote in footnotes:
        where = f"p{footnote.page}" if footnote.page else ""
        text = f"{footnote.mark} {footnote.text}"
        node = _citing(footnote.cited, nodes)
        if node is None:
            notes.add("footnotes", text, where=where)
        else:
            zh, en = f"{text}（見「{node.title}」）", f"{text} (in 「{node.title}」)"
            notes.add("footnotes", zh, en=en, where=where)


def _citing(cited: str, nodes: list[Node]) -> Node | None:
    """The section whose paragraph holds ``cited`` (a line of it, in a PDF), spaces aside."""
    words = _squashed(cited)
    if len(words) < 4:
        return None
    for node in nodes:
        if any(words in _squashed(paragraph) for paragraph in node.paragraphs):
            return node
    return None


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)
