"""Footnotes at the foot of a PDF page, taken out of the body text.

A page's footnotes are the lines at its bottom (the lower two fifths, after running footers
and page numbers are gone) set in smaller type than the document's body text, set apart from
the text above them by a gap wider than a body line's, the first starting with a mark number
(「2 韓國保健社會研究院，…」) that the page's text cites (a small raised digit, dropped from the
text by :mod:`.pdflines`). A smaller line under a footnote that starts with no number
wraps it (「…, 2019 (amended」 / 「2023).」). A line of table cells is never a footnote.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from briefing.importing.blocks import Footnote
from briefing.importing.readers.pdflines import Line, Page

_MARK = re.compile(r"^([0-9]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})[\s.、)）]\s*(\S.*)$")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SMALLER = 0.9  # a footnote's type is at most this much of the body text's
_FOOT = 0.4  # footnotes sit in the page's lower two fifths


def without_footnotes(pages: list[Page]) -> tuple[list[Page], list[Footnote]]:
    """The pages without their footnote lines, and the footnotes, page by page."""
    sizes = [line.size for page in pages for line in page.lines]
    if not sizes:
        return pages, []
    body = statistics.median(sizes)
    out: list[Page] = []
    found: list[Footnote] = []
    for number, page in enumerate(pages, start=1):
        start = _first_note(page, body)
        if start is None:
            out.append(page)
            continue
        cited = _cited(page.lines[:start])
        found += [
            replace(note, cited=cited.get(note.mark, ""))
            for note in _notes(page.lines[start:], number)
        ]
        out.append(Page(page.lines[:start], page.height, page.rules))
    return out, found


def _first_note(page: Page, body: float) -> int | None:
    """Where the page's footnote lines start (an index into its lines), None without any."""
    start = len(page.lines)
    while start > 0 and _small_foot(page.lines[start - 1], page, body):
        start -= 1
    while start < len(page.lines) and not _MARK.match(page.lines[start].text):
        start += 1  # small lines before the first mark belong to the text above
    if start >= len(page.lines) or start == 0:
        return None
    above, first = page.lines[start - 1], page.lines[start]
    if above.y0 - first.y1 < body * 0.8:  # no gap: small type of the text, not footnotes
        return None
    cited = {mark for line in page.lines[:start] for mark in line.marks}
    mark = _MARK.match(first.text)
    return start if mark and mark.group(1).translate(_SUPERSCRIPT) in cited else None


def _cited(lines: list[Line]) -> dict[str, str]:
    """Each mark of the page's text: the line it is in, with the line above when it is short
    (「鍰。¹」 ends a paragraph), enough to find the section that cites it."""
    cited: dict[str, str] = {}
    for at, line in enumerate(lines):
        text = line.text if len(line.text) >= 10 or at == 0 else lines[at - 1].text + line.text
        cited.update(dict.fromkeys(line.marks, text))
    return cited


def _small_foot(line: Line, page: Page, body: float) -> bool:
    return len(line.cells) == 1 and line.size <= body * _SMALLER and line.y1 <= page.height * _FOOT


def _notes(lines: list[Line], page: int) -> list[Footnote]:
    """The footnotes of a page's footnote lines: a line with a mark starts one, a line
    without continues the one above."""
    notes: list[tuple[str, str]] = []
    for line in lines:
        mark = _MARK.match(line.text)
        if mark:
            notes.append((mark.group(1).translate(_SUPERSCRIPT), mark.group(2).strip()))
        elif notes:
            text = notes[-1][1]
            space = " " if text[-1:].isascii() and line.text[:1].isascii() else ""
            notes[-1] = (notes[-1][0], text + space + line.text.strip())
    return [Footnote(mark, text, page) for mark, text in notes]
