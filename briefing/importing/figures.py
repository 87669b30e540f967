"""Figure candidates found by pattern: a number (Arabic or Chinese numerals, with 萬, 億, 千 …),
a currency (NT$, S$, €, US$, ¥, ₩, 歐元, 美元, 新幣, 日圓 … from the unit table) or a counted
unit (人, 家, 項, % …), and a qualifier (約, 逾, 超過, 預計, 目標, 前…名).

Years (2019 年), dates, ordinals (第 5 代) and numbers inside names (4.0, 5G) are not figures.
A number with a scale but no unit is noted for the import report, not drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.content.units import UnitTable, default_table

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = "一二兩三四五六七八九十百千"
_SCALES = "千億|百億|十億|億|千萬|百萬|十萬|萬|千|兆"
_BEFORE = {
    "約": "about", "大約": "about", "近": "about", "將近": "about", "逾": "over",
    "超過": "over", "超出": "over", "高達": "exact", "達": "exact", "預計": "forecast",
    "預估": "forecast", "上看": "forecast", "目標": "target", "不到": "under",
    "未滿": "under", "前": "within",
}  # fmt: skip
_AFTER = {"以上": "over", "多": "over", "餘": "over", "以內": "within", "以下": "under"}
_EXTRA_COUNTS = (
    "個月", "小時", "分鐘", "位", "場", "台", "臺", "部", "種", "倍", "天", "週", "張", "筆", "份",
    "人次", "人年", "人月", "人日", "家次", "公里", "公頃", "公噸", "平方公里",
)  # fmt: skip
_CLAUSE_QUALIFIERS = (("預計", "forecast"), ("預估", "forecast"), ("目標", "target"))
_DATE_AFTER = re.compile(r"^\s*\d{1,2}\s*月")


@dataclass(frozen=True)
class FigureCandidate:
    """A number the report states, as found: value in ``unit`` (scale included: 4,000 萬新幣
    is 4000 in 萬新幣), the qualifier, the verbatim text and the clause it is in."""

    value: float
    unit: str
    qualifier: str
    as_written: str
    qualifier_text: str | None
    measure: str
    when: str | None
    when_text: str | None


def _pattern(table: UnitTable) -> re.Pattern[str]:
    currencies = [n for n in table.currencies if not n.isascii() or "$" in n]
    words = sorted({*currencies, *table.counts, *_EXTRA_COUNTS} - {"元"}, key=len, reverse=True)
    symbols = sorted(
        (n for n in table.currencies if "$" in n or len(n) == 1 and not n.isalnum()),
        key=len,
        reverse=True,
    )
    before = "|".join(sorted(_BEFORE, key=len, reverse=True))
    after = "|".join(_AFTER)
    unit = "|".join(re.escape(w) for w in [*words, "元"])
    return re.compile(
        rf"(?P<pre>{before})?\s*(?P<sym>{'|'.join(re.escape(s) for s in symbols)})?\s*"
        rf"(?P<num>(?:{_ARABIC})(?:\s*萬\s*(?:{_ARABIC}))?|[{_CHINESE}]+)"
        rf"\s*(?P<scale>{_SCALES})?\s*(?P<more>多|餘)?\s*(?P<unit>{unit})?\s*(?P<post>{after})?"
    )


def find_figures(
    text: str, table: UnitTable | None = None
) -> tuple[list[FigureCandidate], list[str]]:
    """The figure candidates of ``text`` (one paragraph), and numbers with a scale but no
    unit (as written) for the import report."""
    table = table or default_table()
    found: list[FigureCandidate] = []
    unitless: list[str] = []
    for match in _pattern(table).finditer(text):
        candidate = _candidate(match, text, unitless)
        if candidate is not None:
            found.append(candidate)
    return found, unitless


def _candidate(match: re.Match[str], text: str, unitless: list[str]) -> FigureCandidate | None:
    g = match.groupdict()
    num, unit = g["num"], g["unit"] or ""
    chinese = num[0] in _CHINESE
    if not _standalone(text, match.start("num"), match.start()) or (not unit and not g["sym"]):
        if g["scale"] and not chinese and _standalone(text, match.start("num"), match.start()):
            unitless.append(match.group().strip())
        return None
    value = _value(num)
    if value is None or (chinese and value == 1) or _is_date(num, unit, text[match.end() :]):
        return None
    pre = g["pre"] if g["pre"] != "前" or unit == "名" else None
    start = match.start("pre") if pre else match.start("sym") if g["sym"] else match.start("num")
    first = match.start("sym") if g["sym"] else match.start("num")
    last = match.end("unit") if unit else match.end("scale") if g["scale"] else match.end("num")
    written = text[first:last]
    qualifier = _BEFORE.get(pre or "") or _AFTER.get(g["more"] or g["post"] or "") or "exact"
    qualifier_text = text[start : match.end()].strip() if qualifier != "exact" else None
    full_unit = (g["scale"] or "") + (unit or g["sym"] or "")
    if pre == "前":
        written = text[start : match.end("unit")]
    when, when_text = _when(text, match.start())
    measure = _clause(text, match.start(), match.end())
    if qualifier == "exact":  # 預計於 2025 年前提升至 40 萬人: the clause's plan word
        word = next(((w, q) for w, q in _CLAUSE_QUALIFIERS if w in measure), None)
        if word:
            qualifier, qualifier_text = word[1], measure
    return FigureCandidate(
        value,
        full_unit,
        qualifier,
        written.strip(),
        qualifier_text,
        measure,
        when,
        when_text,
    )


def _standalone(text: str, at: int, start: int) -> bool:
    """Not part of a name or an ordinal: no letter, digit or dot right before it, no 第."""
    before = text[:at].rstrip()
    if before.endswith("第") or text[max(0, start - 1) : start] == "第":
        return False
    return not before or not (
        before[-1].isascii() and (before[-1].isalnum() or before[-1] in ".-_/")
    )


def _is_date(num: str, unit: str, rest: str) -> bool:
    """A year (2019 年, 108 年 6 月) rather than a count of years."""
    if unit != "年":
        return False
    digits = num.replace(",", "")
    return (digits.isdigit() and 1800 <= int(digits) <= 2200) or bool(_DATE_AFTER.match(rest))


def _value(num: str) -> float | None:
    text = re.sub(r"\s+", "", num).replace(",", "")
    if "萬" in text:
        high, _, low = text.partition("萬")
        return float(high) * 10_000 + float(low or 0)
    if text[0].isdigit():
        return float(text)
    return chinese_number(text)


def chinese_number(text: str) -> float | None:
    """A number in Chinese numerals (三十 -> 30, 兩百 -> 200, 一千二百 -> 1200), or None."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"兩": 2, "〇": 0}
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return float(total + current)


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: the figure's measure in the report's words."""
    stops = "。！？；，：;"
    left = max((text.rfind(s, 0, start) for s in stops), default=-1) + 1
    rights = [i for i in (text.find(s, end) for s in stops) if i >= 0]
    right = min(rights) if rights else len(text)
    return text[left:right].strip() or text[start:end]


def _when(text: str, at: int) -> tuple[str | None, str | None]:
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
