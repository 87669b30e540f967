"""Dates as 出國報告 write them, read back: ROC (民國) and Gregorian years, with 年月日, slashes,
dots or dashes, in Arabic or Chinese numerals (一○八年六月二十四日, ○ as zero), and ranges
joined by a dash, a tilde or 至 (108年6月24日至28日, 6/24-6/28, 111.10.2～111.10.15).
:func:`date_spans` and :func:`is_date_at` say where a text holds dates, so that nothing else
(the figures) reads a year or a day as a number.

>>> read_date("中華民國112年9月6日")
datetime.date(2023, 9, 6)
>>> read_range("112/09/06 至 112/09/15")
(datetime.date(2023, 9, 6), datetime.date(2023, 9, 15))
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ROC_OFFSET = 1911
_Y = r"(?:中華)?(?:民國)?\s*(?P<y>\d{2,4})\s*"
_FULL = re.compile(
    rf"{_Y}(?:年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日?"
    rf"|[/.\-]\s*(?P<m2>\d{{1,2}})\s*[/.\-]\s*(?P<d2>\d{{1,2}})(?!\d))"
)
_MONTH_DAY = re.compile(
    r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日|(?P<m2>\d{1,2})\s*[/.]\s*(?P<d2>\d{1,2})(?![\d/.])"
)
_DAY = re.compile(r"^\s*(?P<d>\d{1,2})\s*日")
_RANGE = re.compile(r"\s*(?:[-－–—~～〜]|至|到|起至)\s*")


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "Ｏ": 0}
_CN = "〇○零Ｏ一二三四五六七八九十"
_CN_DATE_PART = re.compile(rf"([{_CN}]{{1,4}})(?=\s*[年月日])")


def fold(text: str) -> str:
    """Full-width digits and punctuation as half-width (１１２／９ -> 112/9), and the Chinese
    numerals of a date as digits (一○七年十二月二十日 -> 107年12月20日)."""
    return _CN_DATE_PART.sub(
        lambda m: str(cn_number(m.group(1))), unicodedata.normalize("NFKC", text)
    )


def cn_number(text: str) -> int:
    """A number in Chinese numerals: digit by digit (一○七 -> 107) or with 十 (二十四 -> 24)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_DIGITS.get(char, 0)
    return value


_N = rf"[0-9０-９{_CN}]"
_SPANS = re.compile(
    "|".join(
        (
            rf"(?:中華)?民國\s*{_N}{{2,4}}\s*年(?:\s*度)?(?:\s*{_N}{{1,3}}\s*月(?:\s*{_N}{{1,3}}\s*日)?)?",
            r"(?<![0-9])(?:1[89]|20)[0-9]{2}\s*年(?:\s*度)?(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?",
            r"(?<![0-9])(?:[6-9][0-9]|1[0-4][0-9])\s*年(?=\s*(?:度|起|底|初|[0-9]{1,2}\s*月))"
            r"(?:\s*度)?(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?",
            rf"[{_CN}]{{3,4}}\s*年(?:\s*[{_CN}]{{1,3}}\s*月(?:\s*[{_CN}]{{1,3}}\s*日)?)?",
            r"(?<![0-9.])[0-9]{2,4}\s*[/.\-]\s*[0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}(?![0-9])",
            r"(?<![0-9.,])[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*[日號]?",
            r"(?<![0-9.,])[0-9]{1,2}\s*月(?=[份底初中間])",
            r"(?<![0-9.,/])[01]?[0-9]/[0-3]?[0-9](?![0-9/%])",
            r"(?<=[至到~～\-－–])\s*[0-9]{1,2}\s*日",
            r"(?<![0-9])(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?![0-9])",
        )
    )
)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a date, a year (2017年, 民國108年, 106年度), a month and day or a
    time of day, as (start, end) positions in ``text`` as written."""
    return [m.span() for m in _SPANS.finditer(text)]


def is_date_at(text: str, pos: int) -> bool:
    """Whether position ``pos`` of ``text`` is inside a date, year or time (a number there is
    no figure)."""
    return any(start <= pos < end for start, end in date_spans(text))


def year_of(written: int) -> int:
    """A written year as Gregorian: below 1000 it is an ROC year (112 -> 2023)."""
    return written + ROC_OFFSET if written < 1000 else written


def read_date(text: str) -> dt.date | None:
    """The first full date (year, month and day) in ``text``, or None."""
    match = _FULL.search(fold(text))
    return _date(match) if match else None


def _date(match: re.Match[str], year: int | None = None) -> dt.date | None:
    groups = match.groupdict()
    y = year if year is not None else year_of(int(groups["y"]))
    month = groups.get("m") or groups.get("m2")
    day = groups.get("d") or groups.get("d2")
    try:
        return dt.date(y, int(month or 0), int(day or 0))
    except ValueError:
        return None


def read_range(text: str) -> tuple[dt.date, dt.date] | None:
    """A date range (``112年9月6日至9月15日``, ``2023/9/6-2023/9/15``, ``9月6日至15日``), or
    a single date as a range of one day; None when ``text`` holds no full date."""
    text = fold(text)
    first = _FULL.search(text)
    if not first:
        return None
    start = _date(first)
    if start is None:
        return None
    rest = text[first.end() :]
    sep = _RANGE.match(rest)
    if not sep:
        return start, start
    tail = rest[sep.end() :]
    return start, _end_of(tail, start) or start


def _end_of(tail: str, start: dt.date) -> dt.date | None:
    """The end date written after a range's separator, taking year and month from ``start``
    where it leaves them out."""
    full = _FULL.match(tail)
    if full:
        return _date(full)
    month_day = _MONTH_DAY.match(tail.strip())
    if month_day:
        return _date(month_day, start.year)
    day = _DAY.match(tail)
    if day:
        try:
            return start.replace(day=int(day.group("d")))
        except ValueError:
            return None
    return None


def read_month_day(text: str, year: int) -> dt.date | None:
    """A date written without its year (``9月6日``, ``9/6``) in ``year``, or None."""
    text = fold(text)
    full = read_date(text)
    if full:
        return full
    match = _MONTH_DAY.search(text)
    return _date(match, year) if match else None


def read_days(text: str, year: int) -> tuple[dt.date, dt.date] | None:
    """The first date of ``text`` and, when a range follows it, its end: full dates and
    dates without a year (``9月4日至5日``, ``10/3～10/7``, ``6/24-6/28``) in ``year``."""
    folded = fold(text)
    full = _FULL.search(folded)
    if full and (_date(full) is None or int(full.group("y")) < 50):
        full = None  # 10/15-10/16 is no year 10
    month_day = _MONTH_DAY.search(folded)
    if full and (month_day is None or full.start() <= month_day.start()):
        start, rest = _date(full), folded[full.end() :]
    elif month_day:
        start, rest = _date(month_day, year), folded[month_day.end() :]
    else:
        return None
    if start is None:
        return None
    sep = _RANGE.match(rest)
    end = _end_of(rest[sep.end() :], start) if sep else None
    return start, end if end and end >= start else start
