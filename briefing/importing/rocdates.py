"""Dates as 出國報告 write them, read back: ROC (民國) and Gregorian years, with 年月日, slashes,
dots or dashes, and ranges joined by a dash, a tilde or 至.

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
    r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日|(?P<m2>\d{1,2})\s*/\s*(?P<d2>\d{1,2})(?![\d/])"
)
_DAY = re.compile(r"^\s*(?P<d>\d{1,2})\s*日")
_RANGE = re.compile(r"\s*(?:[-－–—~～〜]|至|到|起至)\s*")


def fold(text: str) -> str:
    """Full-width digits and punctuation as half-width (１１２／９ -> 112/9)."""
    return unicodedata.normalize("NFKC", text)


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
