"""Itineraries written as text: a dated line a stop (「107/09/16　桃園機場—法蘭克福」,
「9月2日（星期一）　臺北→首爾：…」, 「10/15-10/16　臺北—雪梨—坎培拉：…」), days counted
(「第一天（11月6日，星期日）　地點：…」, resolved against the trip's first day when the line gives
no date), or prose (「9月19日至20日出席…，並於20日下午與…」). Each item keeps the date (and
the end of a range), the place and what was done, in the report's words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.importing import rocdates

Item = dict[str, Any]

_CN = "一二三四五六七八九十"
_DAY = re.compile(rf"^第\s*([{_CN}0-9]+)\s*天")
_WEEKDAY = re.compile(r"^\s*[(（]\s*(?:星期|週|周|禮拜)?[一二三四五六日天]\s*[)）]")
_DATE_HEAD = re.compile(
    r"^\s*(?:(?:中華)?民國\s*)?"
    r"(?:\d{2,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}(?![/\d])|\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*/\s*\d{1,2})"
    r"(?:\s*(?:[-－–—~～〜]|至|到)\s*(?:\d{2,4}\s*[/.\-年]\s*)?(?:\d{1,2}\s*[/月]\s*)?\d{1,2}\s*日?)?"
)
_PLACE_SEP = re.compile(r"[：:]")
_MOVES = re.compile(r"[—－\-→⇒➔>~～、]")
_TIME_WORD = re.compile(r"^(上午|下午|中午|晚間|晚上|傍晚|凌晨|早上|清晨)")
_CONNECTOR = re.compile(r"[，,；;。]\s*(?:本團|並|另|隨即|旋即)?\s*(?:於|在)?\s*$")


def starts_with_date(text: str) -> bool:
    """Whether ``text`` begins with a date or a day number (a line of an itinerary)."""
    return bool(_DATE_HEAD.match(text) or _DAY.match(text.strip()))


def from_lines(paragraphs: list[str], trip: tuple[dt.date, dt.date] | None) -> list[Item]:
    """Items for the dated lines (or 第N天 lines) of a section; [] when fewer than two."""
    year = trip[0].year if trip else None
    items = [item for text in paragraphs if (item := dated_line(text, year, trip))]
    return items if len(items) >= 2 else []


def dated_line(text: str, year: int | None, trip: tuple[dt.date, dt.date] | None) -> Item | None:
    """The item of one line that starts with a date or a day number, or None."""
    text = text.strip()
    item: Item = {}
    day = _DAY.match(text)
    rest = text
    if day:
        item["day"] = re.sub(r"\s+", "", day.group(0))
        rest = text[day.end() :]
        bracket = re.match(r"^\s*[(（]([^()（）]*)[)）]", rest)
        inside = bracket.group(1) if bracket else ""
        when = rocdates.read_days(inside, year) if inside and year else None
        if when is None and trip is not None:
            n = _day_number(day.group(1))
            when = (trip[0] + dt.timedelta(days=n - 1),) * 2 if 0 < n <= 366 else None
        rest = rest[bracket.end() :] if bracket else rest
    else:
        head = _DATE_HEAD.match(text)
        if head is None or year is None and not rocdates.read_date(head.group(0)):
            return None
        when = rocdates.read_days(head.group(0), year or 2000)
        rest = text[head.end() :]
        weekday = _WEEKDAY.match(rest)
        rest = rest[weekday.end() :] if weekday else rest
    if not when or not rest.strip():
        return None
    item["date"] = when[0]
    if when[1] != when[0]:
        item["end_date"] = when[1]
    return _what(item, rest.strip(" \u3000\t"))


def _day_number(text: str) -> int:
    return int(text) if text.isdigit() else rocdates.cn_number(text)


_CLOCK = re.compile(
    r"^\s*([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:\s*[-－–~～至]\s*([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d))?\s*"
)


def _what(item: Item, rest: str) -> Item | None:
    """Time, place and activity of the text after the date: a time of day (09:00-17:30)
    first, then 「地點：活動」, 「地點，活動」 for a short place, 「地點（活動）」, else all of
    it as the activity."""
    clock = _CLOCK.match(rest)
    if clock:
        item["time"] = f"{int(clock.group(1)):02d}:{clock.group(2)}"
        if clock.group(3):
            item["end"] = f"{int(clock.group(3)):02d}:{clock.group(4)}"
        rest = rest[clock.end() :]
    colon = _PLACE_SEP.search(rest)
    comma = rest.find("，")
    if colon and (comma < 0 or colon.start() < comma) and colon.start() <= 25:
        place, title = rest[: colon.start()].strip(), rest[colon.end() :].strip()
    elif 0 < comma <= 15 and (_MOVES.search(rest[:comma]) or comma <= 6):
        place, title = rest[:comma].strip(), rest[comma + 1 :].strip()
    elif re.match(r"^[^（(，。]{2,20}[（(][^()（）]+[)）]$", rest) and _MOVES.search(rest):
        at = re.search(r"[（(]", rest).start()  # type: ignore[union-attr]
        place, title = rest[:at].strip(), rest[at:].strip()
    else:
        place, title = "", rest
    if not title:
        return None
    item["title"] = title
    if place:
        item["place"] = place
    return item


# -- prose -----------------------------------------------------------------------------------
_MENTION = re.compile(
    r"(?:(?:中華)?民國\s*)?(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?:\s*(?:至|到|[-－~～])\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?"
    r"|(?<![0-9月])\d{1,2}\s*日(?=\s*(?:上午|下午|中午|晚間|晚上|傍晚|凌晨|早上|全日|起))"
)
_ARRIVE = re.compile(r"(?:抵達|前往|飛抵|轉往|返抵)([\u4e00-\u9fff]{2,6}?)(?:[，。；、]|$)")


def from_prose(paragraphs: list[str], trip: tuple[dt.date, dt.date] | None) -> list[Item]:
    """Items for an itinerary told as prose: every date the paragraph names opens an item
    that runs to the next date (or to a 下午 clause in a day begun 上午)."""
    if trip is None:
        return []
    for text in paragraphs:
        mentions = list(_MENTION.finditer(text))
        if len(mentions) >= 3:
            return _prose_items(text, mentions, trip)
    return []


def _prose_items(
    text: str, mentions: list[re.Match[str]], trip: tuple[dt.date, dt.date]
) -> list[Item]:
    items: list[Item] = []
    last: dt.date = trip[0]
    place = ""
    for n, mention in enumerate(mentions):
        end = mentions[n + 1].start() if n + 1 < len(mentions) else len(text)
        when = _mention_days(mention.group(0), last)
        if when is None:
            continue
        last = when[0]
        segment = _CONNECTOR.sub("", text[mention.end() : end]).strip()
        for piece in _day_parts(segment):
            arrived = _ARRIVE.findall(piece)
            place = arrived[-1] if arrived else place
            item: Item = {"date": when[0], "title": piece.strip("，,；;。 ")}
            if when[1] != when[0]:
                item["end_date"] = when[1]
            if place:
                item["place"] = place
            if item["title"]:
                items.append(item)
    return items


def _mention_days(text: str, last: dt.date) -> tuple[dt.date, dt.date] | None:
    folded = rocdates.fold(text)
    if "月" not in folded and "年" not in folded:
        day = re.search(r"\d{1,2}", folded)
        try:
            on = last.replace(day=int(day.group())) if day else None
        except ValueError:
            return None
        return (on, on) if on else None
    return rocdates.read_days(folded, last.year)


def _day_parts(segment: str) -> list[str]:
    """A day's text (without the time of day it starts with), split at a 下午／晚間 clause
    when the day began with 上午."""
    first = _TIME_WORD.match(segment)
    body = segment[first.end() :] if first else segment
    if not first or first.group(1) != "上午":
        return [body]
    later = re.search(r"[，；;]\s*(下午|晚間|晚上)", body)
    if not later:
        return [body]
    return [body[: later.start()], body[later.end() :]]
