"""Dates as officials write them: the ROC (民國) calendar and Gregorian."""

from __future__ import annotations

import datetime as dt
import os

from briefing.errors import BriefingError

WEEKDAYS = "一二三四五六日"


def roc_year(year: int) -> int:
    """The ROC year of a Gregorian year (2019 -> 108)."""
    return year - 1911


def roc(date: dt.date, *, day: bool = True) -> str:
    """``中華民國108年8月2日`` (or ``中華民國108年8月`` without the day)."""
    text = f"中華民國{roc_year(date.year)}年{date.month}月"
    return f"{text}{date.day}日" if day else text


def roc_short(date: dt.date) -> str:
    """``108年8月2日``."""
    return f"{roc_year(date.year)}年{date.month}月{date.day}日"


def gregorian(date: dt.date) -> str:
    """``2019年8月2日``."""
    return f"{date.year}年{date.month}月{date.day}日"


def english(date: dt.date) -> str:
    """``2 August 2019``."""
    return f"{date.day} {date:%B %Y}"


def weekday(date: dt.date) -> str:
    """``（星期五）``."""
    return f"（星期{WEEKDAYS[date.weekday()]}）"


def display(date: dt.date, style: str = "roc", language: str = "zh-TW") -> str:
    """A date as every slide of a deck shows it (the cover, a timeline, a table): ROC with its
    weekday by default (``中華民國108年8月2日（星期五）``), Gregorian on request
    (``2019年8月2日（星期五）``), ``2 August 2019`` in English decks. One style per deck."""
    if language == "en":
        return english(date)
    return (roc(date) if style == "roc" else gregorian(date)) + weekday(date)


def source_date_epoch() -> dt.datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` names (reproducible builds), or None when unset.
    A moment past what a deck can be dated (2107) is bad input, naming the variable."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    try:
        moment = dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (OverflowError, ValueError, OSError):
        moment = None
    if moment is None or moment.year > 2107:
        raise BriefingError(
            f"{value[:20]} seconds is past the year 2107, the last a deck can be dated",
            field="SOURCE_DATE_EPOCH",
        )
    return moment


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds)."""
    epoch = source_date_epoch()
    return epoch.date() if epoch is not None else dt.date.today()
