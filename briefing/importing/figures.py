"""Figure candidates found in a paragraph or a table cell: an amount (Arabic or Chinese
numerals, mixed scales such as 3,926萬5千; see :mod:`briefing.importing.amounts`), a currency
before it (NT$, 新臺幣, US$, €) or a unit after it (元, 美元, 歐元, 日圓, 円, 韓元, 澳幣, 人, 家,
人次, 人年, %, 成, 公尺 …), and the report's hedge as the qualifier (約 about, 近 nearly,
逾/超過/餘/高於 over, 以上 at_least, 上看/最高 up_to, 預計/目標 planned, 20至30人 range).

The value is the full plain value in the base unit: 3,926萬5千元 is 39,265,000 元, 八成 is 80 %,
€2.1 billion is 2,100,000,000 歐元 (money is written in the currency's word of the unit table,
元 for TWD). Dates and years (2019年, 102年度, 二○二七年), times, numbering (第1週, 圖1, 表2-1),
numbers in names (G7, 5G, 法國2030), phone numbers and codes are not figures. A number whose
value or unit is uncertain (a scale with no unit, a bare 100年, a fraction) is a :class:`Doubt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.content.units import UnitTable, default_table
from briefing.importing.amounts import BIG_SCALES, Amount, read_amount, year_kind
from briefing.importing.hedges import BEFORE, clause, qualifier, when
from briefing.importing.readings import BETWEEN_GRADES, graded, reading

_SYMBOLS = {
    "NT$": "TWD", "US$": "USD", "S$": "SGD", "A$": "AUD", "HK$": "HKD", "C$": "CAD",
    "NZ$": "NZD", "€": "EUR", "¥": "JPY", "₩": "KRW", "£": "GBP", "$": "USD",
}  # fmt: skip
_PREFIX_WORDS = (
    "新臺幣", "新台幣", "臺幣", "台幣", "美金", "美元", "日幣", "日圓", "歐元", "澳幣", "韓幣",
    "新幣", "人民幣", "港幣", "英鎊", "加幣",
)  # fmt: skip  # 美金100萬元: the 元 is the dollar's
# counters Chinese numerals may count with (兩座, 十餘種, 四大); idioms such as 二次 or 兩國 are
# not figures
_CHINESE_COUNTERS = (
    "座", "項", "種", "家", "個", "名", "人", "階段", "類", "處", "棟", "場", "位", "所", "件",
    "條", "隊", "倍", "天", "週", "年", "成", "大",
)  # fmt: skip
_ONE_COUNTERS = ("座", "棟", "處")  # 一座 is a count; 一項, 一個 are mostly words
_RANGE = re.compile(r"\s?(?:至|到|~|～|-|–|—)\s?")
_ORDINAL_BEFORE = re.compile(r"(?:第|(?<![代發列報外])表|(?<!試)圖|附件|附錄|No\.?|#)\s*$", re.I)
_DAY_COUNT_BEFORE = re.compile(r"(?:共|計|期|歷時|連續)\s*$")


@dataclass(frozen=True)
class FigureCandidate:
    """A number the report states, as found: the full value (``high`` the top of a range) in
    ``unit``, the qualifier, the verbatim text, the clause it is in and the year it is of."""

    value: float
    unit: str
    qualifier: str
    as_written: str
    qualifier_text: str | None
    measure: str
    when: str | None
    when_text: str | None
    high: float | None = None


@dataclass(frozen=True)
class Doubt:
    """A number the importer would not draft: what is written and why."""

    as_written: str
    reason: str


@dataclass(frozen=True)
class _Found:
    """A number read with its unit: where it starts (currency included) and ends."""

    start: int
    end: int
    value: float
    unit: str
    after: str | None = None  # 多, 餘, 以上 …


_NOT_A_FIGURE = Doubt("", "")  # a date or a year: dropped without a note


class _Units:
    """The unit words of a unit table, longest first."""

    def __init__(self, table: UnitTable) -> None:
        self.table = table
        words = {n for n in table.currencies if not n.isascii()} | set(table.counts)
        words |= {"元", "円", "%", "％", "成"}
        self.words = sorted(words - set(table.scales), key=len, reverse=True)

    def after(self, text: str, at: int) -> str | None:
        at = at + 1 if text[at : at + 1] == " " else at
        return next((w for w in self.words if text.startswith(w, at)), None)


_CACHE: dict[int, _Units] = {}


def _units(table: UnitTable) -> _Units:
    """The unit words of ``table``, sorted once per table (the default one, mostly)."""
    found = _CACHE.get(id(table))
    if found is None or found.table is not table:
        if len(_CACHE) > 8:
            _CACHE.clear()
        found = _CACHE[id(table)] = _Units(table)
    return found


def find_figures(
    text: str, table: UnitTable | None = None, table_unit: str | None = None
) -> tuple[list[FigureCandidate], list[Doubt]]:
    """The figure candidates of ``text`` (a paragraph or a table cell) and the numbers it is
    unsure of. ``table_unit`` is the unit a table's caption or column gives its bare numbers
    (``新臺幣千元``)."""
    units = _units(table or default_table())
    found: list[FigureCandidate] = []
    doubts: list[Doubt] = []
    at, last_end = 0, 0
    while at < len(text):
        amount = read_amount(text, at) if _starts_number(text, at) else None
        if amount is None:
            at += 1
            continue
        result, end = _figure(text, amount, units, table_unit, last_end)
        if isinstance(result, Doubt) and result.as_written:
            doubts.append(result)
        elif isinstance(result, FigureCandidate):
            found.append(result)
            last_end = end
        at = max(end, at + 1)
    return found + _half(text), doubts


def _half(text: str) -> list[FigureCandidate]:
    """半數 is 50 % (超過半數之就業機會)."""
    out: list[FigureCandidate] = []
    for match in re.finditer("半數", text):
        start = match.start()
        kind, hedge_text = qualifier(text, start, match.end(), None, 0)
        hedge = next((w for w in BEFORE if text[:start].endswith(w)), "")
        year, year_text = when(text, start)
        measure = clause(text, start, match.end())
        out.append(
            FigureCandidate(50, "%", kind, hedge + "半數", hedge_text, measure, year, year_text)
        )
    return out


def _starts_number(text: str, at: int) -> bool:
    """A number starts at ``at`` (not in the middle of one, a name or a code)."""
    before = text[at - 1 : at]
    if before and (before.isdigit() or before in ".,:/-_" or before.isascii() and before.isalpha()):
        return False
    return text[at].isdigit() or (
        text[at] in "〇○零一二兩三四五六七八九十百千" and (not before or before not in _WORD_BEFORE)
    )


_WORD_BEFORE = "〇○零一二兩三四五六七八九十百千萬億第統唯單同逐數幾上成"  # 數十家 is no count


def _figure(
    text: str, amount: Amount, units: _Units, table_unit: str | None, last_end: int
) -> tuple[FigureCandidate | Doubt | None, int]:
    """The figure (or doubt) whose number is ``amount``, and where it ends."""
    if graded(text, amount.end) and not amount.chinese and not amount.scaled:
        return _reading(text, amount, last_end) or (None, amount.end)  # 第4級, 6級
    if _not_a_figure(text, amount):
        return None, amount.end
    first = _read(text, amount, units, _prefix(text, amount.start), table_unit)
    if isinstance(first, Doubt):
        return first, amount.end
    if first is None:
        return _unitless(text, amount, units, last_end)
    top = _range_end(text, first, units)
    return _candidate(text, first, top, last_end), (top or first).end


def _not_a_figure(text: str, amount: Amount) -> bool:
    """Numbering, names and codes: 第1週, 圖1, 表2-1, G7, 5G, 02-2345-6789, 1.1.1, 14:00."""
    before = text[max(0, amount.start - 6) : amount.start]
    after = text[amount.end : amount.end + 1]
    if _ORDINAL_BEFORE.search(before) or (after.isascii() and after.isalpha()):
        return True
    if after in ("-", ".", "/", ":", "：") and text[amount.end + 1 : amount.end + 2].isdigit():
        return not _RANGE.match(text, amount.end) or after != "-" or _looks_like_code(text, amount)
    return amount.digit_run and not text.startswith("年", amount.end)


def _looks_like_code(text: str, amount: Amount) -> bool:
    """02-2345-6789, 2017-09-18: digits joined by hyphens more than once, or a leading 0."""
    tail = re.match(r"[\d-]+", text[amount.start :])
    written = tail.group() if tail else ""
    return written.count("-") >= 2 or written.startswith("0") or len(written) > 9


def _prefix(text: str, at: int) -> tuple[int, str | None]:
    """Where the currency written before ``at`` starts, and its ISO code."""
    before = text[:at].rstrip(" ")
    code = re.search(r"(?<![A-Za-z])([A-Z]{3})$", before)
    if code and code.group(1) in default_table().symbols:  # USD 3 million
        return code.start(1), code.group(1)
    for symbol in sorted(_SYMBOLS, key=len, reverse=True):
        if before.endswith(symbol):
            return len(before) - len(symbol), _SYMBOLS[symbol]
    for word in _PREFIX_WORDS:
        if before.endswith(word):
            return len(before) - len(word), default_table().currencies.get(word)
    return at, None


def _read(
    text: str, amount: Amount, units: _Units, head: tuple[int, str | None], table_unit: str | None
) -> _Found | Doubt | None:
    """The number at ``amount`` with its currency or unit, or None when it has neither."""
    start, currency = head
    end, value = amount.end, amount.value
    if text[end : end + 1] == " " and text[end + 1 : end + 2] in ("多", "餘"):
        end += 1  # 200 多項
    after = next((w for w in ("多", "餘") if text.startswith(w, end)), None)
    end += len(after or "")
    if after and text[end : end + 1] in BIG_SCALES and not amount.scaled:  # 10餘萬人
        value, end = value * BIG_SCALES[text[end]], end + 1
    unit = units.after(text, end)
    iso = re.match(r" ?([A-Z]{3})\b", text[end:])
    if unit is None and iso and iso.group(1) in units.table.symbols:  # 300 USD
        return _Found(start, end + iso.end(), value, units.table.word(iso.group(1)), after)
    if text.startswith("分之", amount.end):
        return _fraction(text, amount, start)
    if amount.chinese and not _chinese_counts(text, amount, unit):
        return None
    if amount.chinese and unit is None:  # 四大優先領域; 四大體驗區 counts 區
        unit = _big_counter(text, end, units)
        if unit == "國":
            return None  # 七大工業國 is a name (G7)
        stop = text.index(unit, end) + len(unit) if unit != "大" else end + 1
        return _Found(start, stop, value, unit)
    if unit is not None:
        end = text.index(unit, end) + len(unit)
    if unit == "成":
        value, unit = value * 10, "%"
    elif unit == "年" and (year := _year(text, amount, end)) is not None:
        return year
    elif unit == "日" and not _DAY_COUNT_BEFORE.search(text[: amount.start]):
        return _NOT_A_FIGURE  # 6月28日, 13日: a date, not a count of days (日份 is a unit)
    post = next(
        (w for w in ("以上", "以內", "以下", "左右", "上下") if text.startswith(w, end)), None
    )
    after = after or post
    code = currency or (units.table.currencies.get(unit) if unit else None)
    if code:
        if unit and currency and units.table.currencies.get(unit) not in (None, currency, "TWD"):
            return Doubt(text[start:end], "two currencies")
        return _Found(start, end, value, units.table.word(code), after)
    if unit:
        return _Found(start, end, value, "%" if unit == "％" else unit, after)
    if table_unit and not amount.chinese:
        return _in_table_unit(text, amount, table_unit, units)
    return None


def _fraction(text: str, amount: Amount, start: int) -> _Found | Doubt | None:
    """百分之五十 is 50 %; any other fraction (十萬分之一, 三分之一) is a doubt."""
    part = read_amount(text, amount.end + 2)
    if part is None:
        return None
    if text[amount.start : amount.end] == "百":
        return _Found(start, part.end, part.value, "%")
    return Doubt(text[amount.start : part.end], "a fraction")


def _big_counter(text: str, at: int, units: _Units) -> str:
    """The counter of 四大…: a counter word ending the next three characters (四大體驗區 ->
    區), else 大 itself."""
    for size in (3, 2):
        tail = text[at + 1 : at + 1 + size]
        word = next((w for w in units.words if len(tail) == size and tail.endswith(w)), None)
        if word and word not in ("%", "％", "成", "年") and re.fullmatch(r"[\u4e00-\u9fff]+", tail):
            return word
    return "大"


def _chinese_counts(text: str, amount: Amount, unit: str | None) -> bool:
    """Chinese numerals count only before their counters (兩座, 十餘種, 八成, 近百家, 四大),
    and 一 only before 座, 棟, 處; 二次 and 兩國 are words."""
    written = text[amount.start : amount.end]
    if unit is None and text.startswith("大", amount.end):
        return amount.value > 1
    if unit is None or not any(unit.startswith(c) for c in _CHINESE_COUNTERS):
        return False
    if written in ("百", "千", "萬"):
        return bool(re.search(r"(?:近|逾|約|上看)$", text[: amount.start]))
    return amount.value != 1 or unit in _ONE_COUNTERS


def _year(text: str, amount: Amount, end: int) -> Doubt | None:
    """None for a count of years (3年, 逾100年); a year or a date is no figure (2019年, 102
    年度, 113年6月, 二○二七年, 民國84年) and a bare 100年 may be either, so it is a doubt."""
    kind = year_kind(
        text, amount, end, hedged=any(text[: amount.start].endswith(w) for w in BEFORE)
    )
    if kind == "year":
        return _NOT_A_FIGURE
    return Doubt(text[amount.start : end], "a year or a count of years") if kind else None


def _in_table_unit(text: str, amount: Amount, table_unit: str, units: _Units) -> _Found | None:
    """A bare number in a table whose caption or column states the unit: 12,580,000 under
    單位：新臺幣千元 is 12,580,000,000 元. A year (2019) in such a table is a row's label."""
    if re.fullmatch(r"(?:19|20)\d\d", text[amount.start : amount.end]):
        return None
    written = table_unit.strip()
    code = next(
        (c for name, c in units.table.currencies.items() if not name.isascii() and name in written),
        None,
    )
    rest = written
    for name in sorted(units.table.currencies, key=len, reverse=True):
        rest = rest.replace(name, "")
    scale = units.table.scales.get(rest, 1.0) if rest else 1.0
    if code is None:
        parsed = units.table.parse(written)
        if parsed.base not in units.table.counts:
            return None
        return _Found(amount.start, amount.end, amount.value * parsed.scale, parsed.base)
    if rest and rest not in units.table.scales:
        return None
    return _Found(amount.start, amount.end, amount.value * scale, units.table.word(code))


def _unitless(
    text: str, amount: Amount, units: _Units, last_end: int
) -> tuple[FigureCandidate | Doubt | None, int]:
    """A number with no unit of its own: the low end of a range (20至30人), a measure
    written before it (芮氏規模7.2), a doubt when it has a scale (4億), else nothing."""
    link = _RANGE.match(text, amount.end)
    second = read_amount(text, link.end()) if link else None
    if link and second and second.chinese == amount.chinese and not amount.chinese:
        top = _read(text, second, units, _prefix(text, second.start), None)
        if isinstance(top, _Found):
            low = amount.value if amount.scaled else amount.value * _scale_of(text, second)
            if low < top.value:
                first = _Found(_prefix(text, amount.start)[0], amount.end, low, top.unit)
                return _candidate(text, first, top, last_end), top.end
    read = _reading(text, amount, last_end) if not amount.chinese else None
    if read is not None:
        return read
    if amount.scaled and not amount.chinese:
        return Doubt(text[amount.start : amount.end], "a scale without a unit"), amount.end
    return None, amount.end


def _reading(
    text: str, amount: Amount, last_end: int
) -> tuple[FigureCandidate | Doubt, int] | None:
    """A reading on a named scale (:mod:`~briefing.importing.readings`): a figure whose unit
    is the scale's word, a doubt between two grades (震度6強); None for no reading."""
    found = reading(text, amount.start, amount.end)
    if found is not None and found.between:
        return Doubt(text[found.start : found.end], BETWEEN_GRADES), found.end
    if found is None or amount.scaled:
        return None
    at = _Found(found.start, found.end, amount.value, found.unit)
    figure = _candidate(text, at, None, last_end)
    if found.hedge in BEFORE:  # 規模約7.3: the hedge is inside the reading
        figure = replace(figure, qualifier=BEFORE[found.hedge], qualifier_text=figure.as_written)
    return figure, found.end


def _scale_of(text: str, amount: Amount) -> float:
    """The scale an amount's number carries (3至5億元: the 億 of 5億 is the 3's too)."""
    written = text[amount.start : amount.end]
    if amount.chinese or not amount.scaled or re.search(r"\d\s?[萬億兆]\s?\d", written):
        return 1.0
    digits = re.match(r"[\d,.]+", written)
    base = float(digits.group().replace(",", "")) if digits else 0.0
    return amount.value / base if base else 1.0


def _range_end(text: str, first: _Found, units: _Units) -> _Found | None:
    """The top of a range written after ``first`` (3%至5%, 約60%至70%)."""
    link = _RANGE.match(text, first.end)
    amount = read_amount(text, link.end()) if link else None
    if amount is None or amount.chinese:
        return None
    second = _read(text, amount, units, _prefix(text, amount.start), None)
    if not isinstance(second, _Found) or second.unit != first.unit:
        return None
    return second if second.value > first.value else None


def _candidate(text: str, found: _Found, top: _Found | None, last_end: int) -> FigureCandidate:
    """The candidate for ``found`` (up to ``top`` for a range), with its hedge."""
    start, end = found.start, (top or found).end
    kind, hedge_text = (
        ("range", None) if top else qualifier(text, start, found.end, found.after, last_end)
    )
    if found.unit == "名" and text[start - 1 : start] == "前" and top is None:  # 前三名
        start, kind, hedge_text = start - 1, "within", None
    year, year_text = when(text, start)
    return FigureCandidate(
        value=found.value,
        unit=found.unit,
        qualifier=kind,
        as_written=text[start:end].strip(),
        qualifier_text=hedge_text,
        measure=clause(text, start, end),
        when=year,
        when_text=year_text,
        high=top.value if top is not None else None,
    )
