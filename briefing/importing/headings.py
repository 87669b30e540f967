"""Headings found by their numbering, and the table of contents (目次, 目錄) told apart from
them.

A heading is a line that starts with a section number in one of the styles Taiwan's reports
use (壹、 一、 (一) 1. (1) A. 第一章 第一節, with half- or full-width brackets, with or without
a space after) followed by a short title that does not read as a sentence. A line of the table
of contents (a title, dot leaders or a tab, a page number) and a bare page number are never
headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.content.numbering import CHINESE, FORMAL, Number, parse_number
from briefing.importing.cleaning import is_page_number

_CN = "一二三四五六七八九十"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "chapter",
        re.compile(rf"^(第\s*[{CHINESE}{FORMAL}0-9０-９]+\s*[章節篇])[\s　、:：.．]*(.*)$"),
    ),
    ("formal", re.compile(rf"^([{FORMAL}]+)\s*[、.．]\s*(.+)$")),
    ("chinese", re.compile(rf"^([{_CN}]+)\s*[、.．]\s*(.+)$")),
    ("chinese-paren", re.compile(rf"^([(（]\s*[{_CN}]+\s*[)）])\s*[、.．]?\s*(.+)$")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])\s*(.+)$")),
    ("arabic-paren", re.compile(r"^([(（]\s*[0-9０-９]{1,2}\s*[)）])\s*[、.．]?\s*(.+)$")),
    ("latin", re.compile(r"^([A-Z])\s*[.．、]\s*(.+)$")),
    ("latin-paren", re.compile(r"^([(（]\s*[A-Za-z]\s*[)）])\s*(.+)$")),
)
#: The usual order of numbering styles, outermost first: a heading whose style is more than one
#: step below its parent's skips a level.
ORDER = (
    "chapter-章", "chapter-篇", "formal", "chapter-節", "chinese", "chinese-paren",
    "arabic", "arabic-paren", "latin", "latin-paren",
)  # fmt: skip
_LEADER = re.compile(
    r"(?:[.．·‧…‥⋯_\-]{2,}|\t|\s{2,}|　)\s*(\d{1,4}|[ivxlc]{1,6})\s*$", re.IGNORECASE
)
_SENTENCE = re.compile(r"[。！？；;，]|[、,：:]$")
_HAN = re.compile(r"[\u3400-\u9fff]")
TOC_TITLES = {"目錄", "目次", "目 錄", "目 次", "圖目錄", "表目錄", "圖次", "表次", "contents"}
FIRSTS = {"壹", "一", "1", "A", "a", "第一章", "第一節", "第一篇", "第1章", "第1節"}
UNNUMBERED = {
    "摘要": "abstract", "內容摘要": "abstract", "前言": "preface", "緒論": "preface",
    "緒言": "preface", "序言": "preface", "結論": "recommendations", "結語": "recommendations",
    "心得與建議": "recommendations", "心得及建議": "recommendations", "建議": "recommendations",
    "附錄": "appendix", "附件": "appendix", "參考資料": "appendix", "參考文獻": "appendix",
}  # fmt: skip


@dataclass(frozen=True)
class Heading:
    """A numbered heading: its number (bare, as :mod:`briefing.content.numbering` stores it),
    the numbering style (``formal``, ``chinese-paren``, ``chapter-節`` …), its label as printed
    and its title."""

    number: Number
    style: str
    label: str
    title: str

    @property
    def first(self) -> bool:
        """Whether the number is the first of its style (壹, 一, 1, A, 第一章)."""
        return self.number.text in FIRSTS

    @property
    def rank(self) -> int:
        return ORDER.index(self.style) if self.style in ORDER else len(ORDER)


def detect(text: str) -> Heading | None:
    """The heading ``text`` is, or None: body text, a table-of-contents line, a page number,
    a numbered sentence (one that ends or runs on like prose) are not headings."""
    text = text.strip()
    if not text or is_page_number(text) or is_toc_line(text):
        return None
    for style, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _heading(style, text[: match.start(2)].strip(), match.group(2).strip())
    return None


def _heading(style: str, label: str, title: str) -> Heading | None:
    if style != "chapter" and not _title_like(title):
        return None
    if style == "chapter" and title and not _title_like(title):
        return None
    try:
        number = parse_number(re.sub(r"\s+", "", label))
    except ValueError:
        return None
    if style == "chapter":
        style = f"chapter-{number.text[-1]}"
    return Heading(number, style, label, title)


def _title_like(title: str) -> bool:
    """A short title: not a sentence, not only digits and punctuation, not too long."""
    if not title or _SENTENCE.search(title) or not re.search(r"[^\W\d_]", title):
        return False
    return len(_HAN.findall(title)) <= 40 and len(title) <= 120


def is_toc_line(text: str) -> bool:
    """Whether ``text`` is a table-of-contents entry: a title then dot leaders, a tab or wide
    space, and a page number."""
    text = text.strip()
    return bool(_LEADER.search(text)) and bool(re.search(r"[^\W\d_]", text))


def toc_title(text: str) -> str:
    """The title part of a table-of-contents line (leaders and page number dropped)."""
    return _LEADER.sub("", text.strip()).strip()


def is_toc_heading(text: str) -> bool:
    """Whether ``text`` is the heading of a table of contents (目錄, 目次, 目　錄 …)."""
    squashed = re.sub(r"\s+", " ", text.replace("　", " ")).strip().lower()
    return squashed in TOC_TITLES or squashed.replace(" ", "") in TOC_TITLES


def unnumbered_kind(text: str) -> str | None:
    """The section kind of an unnumbered heading line (前言, 結論, 附錄 …), or None."""
    return UNNUMBERED.get(re.sub(r"[\s　:：]", "", text))
