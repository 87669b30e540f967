"""Running headers, footers and page numbers of a PDF, found by where they are and how they
repeat, not by what they say: a line is furniture only in a page's top or bottom tenth, outside
the text block every other line is in, and only when its text (digits aside) comes back on a
third of the pages, or it is a page number. A bare number is a page number only when it counts
with the pages (page + k, one k on two pages at least); ``- 3 -``, ``第 3 頁`` and ``3/24`` say
so themselves. A table cell holding ``350`` is never dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.importing.readers.pdflines import Line, Page

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—_~－]*(?:第\s*)?\d{1,4}\s*頁?(?:\s*[/／,，]\s*(?:共\s*)?\d{1,4}\s*頁?)?"
    r"[\s\-–—_~－]*$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BARE = re.compile(r"^\s*(\d{1,4})\s*$")
_MARGIN = 0.1  # the top and bottom tenth of a page are its header and footer bands


def without_furniture(pages: list[Page]) -> tuple[list[Page], list[str]]:
    """The pages without running headers, footers and page numbers, and a note of each kind
    of line dropped."""
    kinds = _candidates(pages)
    body = [line for page in pages for line in page.lines if id(line) not in kinds]
    top = max((line.y1 for line in body), default=float("inf"))
    bottom = min((line.y0 for line in body), default=float("-inf"))
    dropped: Counter[str] = Counter()
    out: list[Page] = []
    for page in pages:
        kept: list[Line] = []
        for line in page.lines:
            kind = kinds.get(id(line))
            outside = line.y0 >= top - 1 or line.y1 <= bottom + 1
            if kind and outside and _set_apart(line, page, kinds):
                dropped[kind] += 1
            else:
                kept.append(line)
        out.append(Page(kept, page.height, page.rules))
    return out, [f"dropped {n} {what}" for what, n in dropped.items()]


def _set_apart(line: Line, page: Page, kinds: dict[int, str]) -> bool:
    """Whether a wide gap parts ``line`` from the page's text: a running header sits well
    above the first line of text (or above another header line that does), a footer well
    below the last; a page's first line of text whose shape repeats does not."""
    upper = line.y0 >= page.height / 2
    inner = [o for o in page.lines if (o.y1 <= line.y0 if upper else o.y0 >= line.y1)]
    if not inner:  # nothing else on the page: only a page number is surely furniture
        return kinds.get(id(line)) == "page numbers"
    near = max(inner, key=lambda o: o.y1) if upper else min(inner, key=lambda o: o.y0)
    gap = line.y0 - near.y1 if upper else near.y0 - line.y1
    if gap >= (line.y1 - line.y0) * 1.5:
        return True
    return id(near) in kinds and _set_apart(near, page, kinds)


def _candidates(pages: list[Page]) -> dict[int, str]:
    """Margin lines that are page numbers or repeat: line id -> what it is."""
    repeated = _repeated(pages)
    counting = _counting(pages)
    found: dict[int, str] = {}
    for page in pages:
        for line in page.lines:
            if not _in_margin(line, page):
                continue
            bare = _BARE.match(line.text)
            if (bare and id(line) in counting) or (not bare and _PAGE_NUMBER.match(line.text)):
                found[id(line)] = "page numbers"
            elif not bare and _shape(line.text) in repeated:
                found[id(line)] = f"running header or footer 「{line.text[:30]}」"
    return found


def _counting(pages: list[Page]) -> set[int]:
    """Ids of bare margin numbers whose value runs with the page."""
    seen: list[tuple[int, int]] = []  # value - page index, line id
    for index, page in enumerate(pages):
        for line in page.lines:
            bare = _BARE.match(line.text)
            if bare and _in_margin(line, page):
                seen.append((int(bare.group(1)) - index, id(line)))
    offsets = Counter(offset for offset, _ in seen)
    return {ident for offset, ident in seen if offsets[offset] >= 2}


def _in_margin(line: Line, page: Page) -> bool:
    return line.y0 >= page.height * (1 - _MARGIN) or line.y1 <= page.height * _MARGIN


def _repeated(pages: list[Page]) -> set[str]:
    """Shapes (digits as #) of margin lines found on a third of the pages, two at least."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_shape(line.text) for line in page.lines if _in_margin(line, page)})
    least = max(2, len(pages) // 3)
    return {shape for shape, n in seen.items() if n >= least}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
