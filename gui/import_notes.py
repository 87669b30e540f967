"""What the importer was unsure of (``ImportResult.notes``: ``kind: text``), for the review
step's details. The core writes the notes (and ``import-report.md``) in the interface language
(``api.import_report(..., language=)``); here each kind gets its short heading in that language.
"""

from __future__ import annotations

from gui import strings

#: kind -> (zh-TW, en) heading.
KINDS: dict[str, tuple[str, str]] = {
    "check": ("檢查發現的問題", "Problem the check found"),
    "cover": ("封面與提要欄位未找到", "Cover field not found"),
    "dates": ("無法讀取的日期", "Date not read"),
    "guessed": ("只依編號判斷的標題", "Heading guessed from its numbering"),
    "skipped": ("跳過一層的標題", "Heading that skips a level"),
    "numbering": ("編號跳號或不從一開始", "Numbering that jumps"),
    "not-headings": ("看似標題但保留為內文", "Kept as text, not a heading"),
    "toc": ("目次中有、正文中找不到的標題", "In the table of contents, not found as a heading"),
    "agenda": ("行程", "Itinerary"),
    "figures": ("數值或單位不確定的數字（未擬稿）", "Number whose value or unit is uncertain"),
    "tables": ("保留為文字的表格", "Table kept as text"),
    "left-out": ("標準簡報不會呈現的內容", "Left out of the standard deck"),
    "photos": ("未匯入或缺少圖說的圖片", "Picture not imported, or without a caption"),
    "footnotes": ("註腳（未放入章節內文）", "Footnote (kept out of the section text)"),
    "cleaning": ("整理", "Cleaning"),
    "reading": ("讀取", "Reading"),
}


def note_text(note: str) -> str:
    """``guessed: 一、發展沿革`` -> ``只依編號判斷的標題：一、發展沿革`` (the note's text as
    the core wrote it, in the interface language; an unknown kind stays as it is)."""
    kind, sep, text = note.partition(": ")
    if not sep or kind not in KINDS:
        return note
    if strings.language() == "zh-TW":
        return f"{KINDS[kind][0]}：{text}"
    return f"{KINDS[kind][1]}: {text}"
