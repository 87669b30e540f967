"""What the importer was unsure of (``ImportResult.notes``: ``kind: text``), in the interface
language: each kind's heading and the importer's English phrases worded (the review step's
details; ``import-report.md`` keeps the importer's own words)."""

from __future__ import annotations

import re

from gui import strings

#: kind -> (zh-TW, en) heading.
KINDS: dict[str, tuple[str, str]] = {
    "cover": ("封面與提要欄位未找到", "Cover field not found"),
    "dates": ("無法讀取的日期", "Date not read"),
    "guessed": ("只依編號判斷的標題", "Heading guessed from its numbering"),
    "skipped": ("跳過一層的標題", "Heading that skips a level"),
    "numbering": ("編號跳號或不從一開始", "Numbering that jumps"),
    "not-headings": ("看似標題但保留為內文", "Kept as text, not a heading"),
    "toc": ("目次中有、正文中找不到的標題", "In the table of contents, not found as a heading"),
    "figures": ("沒有單位的數字（未整理）", "Number without a unit (not drafted)"),
    "tables": ("保留為文字的表格", "Table kept as text"),
    "cleaning": ("整理", "Cleaning"),
    "reading": ("讀取", "Reading"),
}

#: The importer's English phrases, worded in Chinese.
PHRASES_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(「.+」) under (「.+」)$", r"\1（在\2之下）"),
        (r"^(「.+」) opens a level without its first number$", r"\1開始新的一層，卻沒有第一號"),
        (r"^(「.+」) follows (.+)$", r"\1接在 \2 之後"),
        (r"^(「.+」): no 一 or 1 of its style before it$", r"\1：之前沒有同樣式的「一」或「1」"),
        (r"^(「.+」) \(no number\)$", r"\1（無編號）"),
        (r"^a table of (\d+) rows in (「.+」)$", r"\2中一個 \1 列的表格"),
        (r"^(「.+」) in (「.+」)$", r"\2中的\1"),
        (r"^dropped (\d+) header or footer (「.+」)$", r"刪去 \1 處頁首或頁尾\2"),
        (r"^dropped (\d+) page numbers$", r"刪去 \1 個頁碼"),
        (r"^dropped (\d+) pictographs.*$", r"刪去 \1 個圖示符號（🕒 …）"),
        (r"^read as (.+) text$", r"以 \1 編碼讀取的文字檔"),
        (r"^(.+) not found$", r"「\1」"),
    )
)


def note_text(note: str) -> str:
    """``guessed: 一、發展沿革`` -> ``只依編號判斷的標題：一、發展沿革`` (English: the
    heading and the importer's words)."""
    kind, sep, text = note.partition(": ")
    if not sep or kind not in KINDS:
        return note
    zh = strings.language() == "zh-TW"
    if zh:
        for pattern, replacement in PHRASES_ZH:
            text, count = pattern.subn(replacement, text)
            if count:
                break
    heading = KINDS[kind][0 if zh else 1]
    return f"{heading}：{text}" if zh else f"{heading}: {text}"
