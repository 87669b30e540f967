"""Amounts as the report writes them, read into their full value: Arabic digits with commas
(12,580,000), Chinese numerals (兩, 十餘, 八成, 近百), and mixed scales (3,926萬5千 =
39,265,000; 143萬7,616 = 1,437,616; 5.2兆; 2.1 billion).

:func:`read_amount` reads one amount at a position and says where it ends; it knows nothing of
units or hedges (see :mod:`briefing.importing.figures`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
CHINESE_DIGITS = "〇○零一二兩三四五六七八九"
CHINESE = re.compile(rf"[{CHINESE_DIGITS}十百千]+")
BIG_SCALES = {"萬": 1e4, "億": 1e8, "兆": 1e12}
SMALL_SCALES = {"千": 1e3, "百": 1e2}
ENGLISH_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ENGLISH = re.compile(r"\s?(thousand|million|billion|trillion)\b", re.IGNORECASE)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"兩": 2, "〇": 0, "○": 0}


@dataclass(frozen=True)
class Amount:
    """An amount read from ``text[start:end]``: its full value, whether it was written in
    Chinese numerals, and whether it carried a scale (萬, 億, billion …)."""

    value: float
    start: int
    end: int
    chinese: bool
    scaled: bool
    digit_run: bool = False  # 二○二七: digits one by one, as years are written


def read_amount(text: str, at: int) -> Amount | None:
    """The amount that starts at ``text[at]``, or None when none does."""
    first = _group(text, at)
    if first is None:
        return None
    value, end, chinese, run = first
    total, current, scaled = 0.0, value, False
    while True:
        pos = _skip_space(text, end)
        scale = BIG_SCALES.get(text[pos : pos + 1])
        if scale is None or run:
            break
        total, current, scaled, end = total + current * scale, 0.0, True, pos + 1
        nxt = _group(text, _skip_space(text, end))
        if nxt is None or _fraction_follows(text, nxt[1]):
            break
        current, end, chinese = nxt[0], nxt[1], chinese or nxt[2]
        if text[end : end + 1] in SMALL_SCALES and not nxt[2]:  # 萬5千
            current *= SMALL_SCALES[text[end]]
            end += 1
    if not scaled and not chinese and text[end : end + 1] == "千" and text[end + 1 : end + 2]:
        current, end, scaled = current * 1e3, end + 1, True  # 5千元
    english = _ENGLISH.match(text, end)
    if english and not chinese and not scaled:
        current *= ENGLISH_SCALES[english.group(1).lower()]
        end, scaled = english.end(), True
    return Amount(total + current, at, end, chinese, scaled, run)


def _group(text: str, at: int) -> tuple[float, int, bool, bool] | None:
    """One run of digits or of Chinese numerals: value, end, whether Chinese, whether a
    run of single digits (二○二七)."""
    arabic = ARABIC.match(text, at)
    if arabic:
        return float(arabic.group().replace(",", "")), arabic.end(), False, False
    chinese = CHINESE.match(text, at)
    if not chinese:
        return None
    run = chinese.group()
    if len(run) >= 3 and all(c in CHINESE_DIGITS for c in run):
        return float("".join(str(_DIGITS[c]) for c in run)), chinese.end(), True, True
    value = chinese_number(run)
    return (value, chinese.end(), True, False) if value is not None else None


def _skip_space(text: str, at: int) -> int:
    """``at`` past one space (3,926 萬 5 千元 is written with spaces too)."""
    return at + 1 if text[at : at + 1] in (" ", "\u3000") else at


def _fraction_follows(text: str, at: int) -> bool:
    return text.startswith("分之", at)


def chinese_number(text: str) -> float | None:
    """A number in Chinese numerals (三十 -> 30, 兩百 -> 200, 一千二百 -> 1200, 百 -> 100), or
    None."""
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return float(total + current)


# -- years -------------------------------------------------------------------------------------
_DATE_AFTER_YEAR = re.compile(
    r"^\s?(?:度|初|底|中|起|迄|止|間|代|以來|\s?[\d一二三四五六七八九十]{1,3}\s?月)"
)
_ROC_YEAR_AFTER = re.compile(
    r"\s?(?:版|上半|下半|第|春|夏|秋|冬|匯率|預算|決算|前後|以前|以後|至今|迄今)"
)
_YEAR_BEFORE = ("於", "在", "自", "從", "迄", "至", "到", "~", "～", "-", "－", "—")  # 111至116年
_ERAS = ("民國", "西元", "公元", "令和", "平成", "昭和", "大正")  # 令和5年 is a year


def year_kind(text: str, amount: Amount, end: int, hedged: bool = False) -> str | None:
    """What ``amount`` followed by 年 (up to ``end``) is: ``"year"`` for a year or a date
    (2019年, 102年度, 113年6月, 二○二七年, 民國84年, 111至116年, 108年版), ``"doubt"`` for a bare
    30–1799 年 that may be an ROC year or a count (重現期100年), None for a count of years (3年,
    3至30年, ``hedged`` 逾100年)."""
    before = text[: amount.start].rstrip(" ")
    if 1800 <= amount.value <= 2200 or amount.digit_run or before.endswith(_ERAS):
        return "year"
    low = re.search(r"(\d+)\s?[至到~～\-－—]$", before)  # 3至30年 counts
    if low and int(low.group(1)) < 30:
        return None
    if _DATE_AFTER_YEAR.match(text[end:]) or before.endswith(_YEAR_BEFORE):
        return "year"
    if 30 <= amount.value < 1800 and _ROC_YEAR_AFTER.match(text[end:]):
        return "year"  # 108年版, 108年上半年, 以113年匯率
    return "doubt" if 30 <= amount.value < 1800 and not hedged else None
