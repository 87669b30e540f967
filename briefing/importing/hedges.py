"""The hedge a report writes with a number, read as the figure's qualifier (約 about, 近
nearly, 逾/超過/餘/高於 over, 以上 at_least, 上看/最高 up_to, 預計/目標 planned), the clause the
number is in (its measure) and the year the sentence names.
"""

from __future__ import annotations

import re

# the hedge written right before the number (or its currency): word -> qualifier
BEFORE = {
    "約": "about", "大約": "about", "約占": "about", "近": "nearly", "將近": "nearly",
    "逾": "over", "超過": "over", "超出": "over", "高於": "over", "多於": "over",
    "上看": "up_to", "最高": "up_to", "最多": "up_to", "預計": "planned", "預估": "planned",
    "目標": "planned", "不到": "under", "未滿": "under", "低於": "under", "少於": "under",
}  # fmt: skip
# hedges that reach a number further on in the same clause (預計投入NT$ 5億元)
CLAUSE = ("上看", "最高", "預計", "預估", "目標")
AFTER = {
    "以上": "at_least", "以內": "within", "以下": "under", "多": "over", "餘": "over",
    "左右": "about", "上下": "about",
}  # fmt: skip
STOPS = "。！？；，：;"


def qualifier(
    text: str, start: int, end: int, after: str | None, last_end: int
) -> tuple[str, str | None]:
    """The qualifier of the number at ``text[start:end]`` and the words that state it: the
    hedge right before the number, one after it (``after``: 以上, 餘), or a plan or a ceiling
    named earlier in its clause (after ``last_end``, where the number before it ended)."""
    clause_start = max([last_end, *(text.rfind(s, 0, start) + 1 for s in STOPS)])
    before = text[clause_start:start].rstrip(" ")
    for word in sorted(BEFORE, key=len, reverse=True):
        if before.endswith((word, word + "達", word + "至", word + "可達")):
            return BEFORE[word], text[clause_start:end].strip()
    if after:
        return AFTER[after], text[start : end + 2].strip()
    whole = text[max((text.rfind(s, 0, start) + 1 for s in STOPS), default=0) : start]
    for word in CLAUSE:
        if word in whole:
            return BEFORE[word], text[clause_start:end].strip()
    return "exact", None


def clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: the figure's measure in the report's words."""
    left = max((text.rfind(s, 0, start) for s in STOPS), default=-1) + 1
    rights = [i for i in (text.find(s, end) for s in STOPS) if i >= 0]
    right = min(rights) if rights else len(text)
    return text[left:right].strip() or text[start:end]


def when(text: str, at: int) -> tuple[str | None, str | None]:
    """The Gregorian year the sentence around ``at`` names, and its words, or (None, None)."""
    sentence_start = max((text.rfind(s, 0, at) for s in "。！？；"), default=-1) + 1
    ends = [i for i in (text.find(s, at) for s in "。！？；") if i >= 0]
    end = min(ends) if ends else len(text)
    clause_end = min((i for i in (text.find(s, at, end) for s in "，,") if i >= 0), default=end)
    # the year of the number's own clause, or one named before it in the sentence: in
    # 「目前使用者約 25 萬人，政府預計於 2025 年前…」 the 25 萬 is not of 2025
    years = list(re.finditer(r"((?:19|20)\d{2})\s*年", text[sentence_start:clause_end]))
    match = years[-1] if years else None
    return (match.group(1), match.group(0)) if match else (None, None)
