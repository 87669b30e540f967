"""Headings found by their numbering, and the table of contents (目次, 目錄) told apart from
them.

A heading is a line that starts with a section number in one of the styles Taiwan's reports
use (壹、 一、 (一) 1. (1) A. 第一章 第一節 1.1 1.1.1 附錄一, with half- or full-width brackets,
with or without a space after) followed by a short title that does not read as a sentence. A
colon after the title is not part of it (「壹、目的：」); text after the colon is the heading's
lead sentence (「一、參訪心得：本次參訪…」), which the outline accepts only where the heading
is confirmed (a heading style, bold, the 目次). A line of the table of contents (a title, dot
leaders or a tab, a page number) and a bare page number are never headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.content.numbering import CHINESE, FORMAL, Number, parse_number
from briefing.importing.cleaning import is_page_number

_CN = "一二三四五六七八九十"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("appendix", re.compile(rf"^((?:附錄|附件)\s*[{_CN}0-9０-９A-Z]+)\s*[、.．:：\s　]\s*(.+)$")),
    ("decimal", re.compile(r"^([0-9]{1,2}(?:[.．][0-9]{1,2}){1,3})[.．]?(?![0-9])\s*(.+)$")),
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
    "appendix", "chapter-章", "chapter-篇", "formal", "chapter-節", "chinese", "chinese-paren",
    "arabic", "decimal-2", "decimal-3", "decimal-4", "arabic-paren", "latin", "latin-paren",
)  # fmt: skip
_LEADER = re.compile(
    r"(?:[.．·‧…‥⋯_\-]{2,}|\t|\s{2,}|　)\s*(\d{1,4}|[ivxlc]{1,6})\s*$", re.IGNORECASE
)
_SENTENCE = re.compile(r"[。！？；;，]|[、,：:]$")
_HAN = re.compile(r"[\u3400-\u9fff]")
TOC_TITLES = {"目錄", "目次", "目 錄", "目 次", "圖目錄", "表目錄", "圖次", "表次", "contents"}
FIRSTS = {"壹", "一", "1", "A", "a", "第一章", "第一節", "第一篇", "第1章", "第1節"}
UNNUMBERED = {
    "摘要": "abstract", "內容摘要": "abstract", "報告內容摘要": "abstract", "報告摘要": "abstract",
    "前言": "preface", "緒論": "preface", "緒言": "preface", "序言": "preface", "緣起": "preface",
    "背景": "preface", "目的": "preface", "出國目的": "preface", "計畫緣起": "preface",
    "過程": "process", "行程": "process", "經過": "process", "出國行程": "process",
    "考察行程": "process", "參訪行程": "process", "考察過程": "process", "參訪過程": "process",
    "會議過程": "process", "研習過程": "process", "實習過程": "process", "行程紀要": "process",
    "心得": "recommendations", "結論": "recommendations", "結語": "recommendations",
    "心得與建議": "recommendations", "心得及建議": "recommendations", "建議": "recommendations",
    "建議事項": "recommendations", "心得與建議事項": "recommendations",
    "附錄": "appendix", "附件": "appendix", "參考資料": "appendix", "參考文獻": "appendix",
}  # fmt: skip
_COLON = re.compile(r"[：]|(?<![0-9]):(?![0-9])")


@dataclass(frozen=True)
class Heading:
    """A numbered heading: its number (bare, as :mod:`briefing.content.numbering` stores it),
    the numbering style (``formal``, ``chinese-paren``, ``chapter-節`` …), its label as printed
    and its title."""

    number: Number
    style: str
    label: str
    title: str
    lead: str = ""
    whole: str = ""

    @property
    def first(self) -> bool:
        """Whether the number is the first of its style (壹, 一, 1, A, 第一章, 1.1, 附錄一)."""
        text = re.sub(r"^(附錄|附件)", "", self.number.text)
        return text in FIRSTS or re.split(r"[.．]", text)[-1] == "1" and "." in text

    @property
    def shown(self) -> str:
        """The heading as printed (label and title, without a lead sentence)."""
        return f"{self.label}{self.title}"

    def without_lead(self) -> Heading:
        """This heading with the whole line after its number as the title."""
        return Heading(self.number, self.style, self.label, self.whole or self.title)

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
    title = re.sub(r"\s*[：:]+\s*$", "", title)
    whole, lead = title, ""
    colon = _COLON.search(title)
    if colon:
        before, after = title[: colon.start()].strip(), title[colon.end() :].strip()
        if before and _title_like(before) and len(before) <= 40:
            title, lead = before, after
            whole = whole if _title_like(whole) else ""
    if style != "chapter" and not _title_like(title):
        return None
    if style == "chapter" and title and not _title_like(title):
        return None
    if style == "decimal" and re.match(r"[%％年月日萬億元個人次倍]", title):
        return None
    try:
        number = _number(label)
    except ValueError:
        return None
    if style == "chapter":
        style = f"chapter-{number.text[-1]}"
    elif style == "decimal":
        style = f"decimal-{number.text.count('.') + 1}"
    return Heading(number, style, label, title, lead, whole)


def _number(label: str) -> Number:
    bare = re.sub(r"\s+", "", label).replace("．", ".")
    if re.match(r"^(附錄|附件)", bare):
        return Number(bare.rstrip("、.:：　"), False)
    return parse_number(bare)


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


def is_decimal(style: str | None) -> bool:
    return bool(style) and style.startswith("decimal")  # type: ignore[union-attr]
