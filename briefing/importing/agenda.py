"""Agendas from the report: an itinerary or programme table (dates, times, titles, places),
or the dated lines of a 過程 section (``108 年 6 月 24 日(星期一)`` and what follows).
Every agenda is a draft for a person to check."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.importing import rocdates

if TYPE_CHECKING:
    import datetime as dt

    from briefing.importing.blocks import Table

_ROLES = (
    ("date", re.compile(r"^(日期|日\s*期|date|day|日程)$", re.IGNORECASE)),
    ("time", re.compile(r"^(時間|時\s*間|時段|time)$", re.IGNORECASE)),
    ("place", re.compile(r"(地點|城市|地區|venue|place|location)", re.IGNORECASE)),
    ("speaker", re.compile(r"(講者|主講|與談|speaker)", re.IGNORECASE)),
    ("type", re.compile(r"^(類型|性質|type)$", re.IGNORECASE)),
    (
        "title",
        re.compile(
            r"(行程|活動|內容|議程|主題|拜會|參訪|議題|session|title|programme|agenda)",
            re.IGNORECASE,
        ),
    ),
)
_TIME = re.compile(r"([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)")
DATE_LINE = re.compile(
    r"^\s*(?:(?:中華)?民國)?\s*\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
    r"(?:[(（]\s*(?:星期|週|周)?[一二三四五六日天]\s*[)）])?\s*$"
)


@dataclass
class AgendaDraft:
    """An agenda as found: kind (``programme`` or ``itinerary``), its section and items."""

    kind: str
    section: str
    title: str
    items: list[dict[str, Any]] = field(default_factory=list)


def from_table(table: Table, section: str, title: str, year: int | None) -> AgendaDraft | None:
    """The agenda in ``table`` when its header names a date or time column and a title one."""
    if len(table.rows) < 2:
        return None
    roles = _roles(table.rows[0])
    if "title" not in roles.values() or not {"date", "time"} & set(roles.values()):
        return None
    items: list[dict[str, Any]] = []
    day: dt.date | None = None
    for row in table.rows[1:]:
        item, day = _item(row, roles, day, year)
        if item:
            items.append(item)
    if not items:
        return None
    days = {i.get("date") for i in items if i.get("date")}
    kind = "itinerary" if len(days) > 1 or "行程" in title else "programme"
    return AgendaDraft(kind, section, title, items)


def _roles(header: tuple[str, ...]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for i, cell in enumerate(header):
        text = re.sub(r"\s+", "", cell)
        for role, pattern in _ROLES:
            if pattern.search(text) and role not in roles.values():
                roles[i] = role
                break
    return roles


def _item(
    row: tuple[str, ...], roles: dict[int, str], day: dt.date | None, year: int | None
) -> tuple[dict[str, Any] | None, dt.date | None]:
    cells = {role: row[i].strip() for i, role in roles.items() if i < len(row)}
    last: dt.date | None = None
    if cells.get("date"):
        days = rocdates.read_days(cells["date"], year) if year else None
        day, last = days if days else (_day(cells["date"], year) or day, None)
    item: dict[str, Any] = {"date": day} if day else {}
    if last is not None and day is not None and last != day:
        item["end_date"] = last
    times = _TIME.findall(cells.get("time", "") or cells.get("date", ""))
    if times:
        item["time"] = f"{int(times[0][0]):02d}:{times[0][1]}"
    if len(times) > 1:
        item["end"] = f"{int(times[1][0]):02d}:{times[1][1]}"
    for role in ("type", "place", "speaker"):
        if cells.get(role):
            item[role] = cells[role]
    title = cells.get("title", "")
    if not title:
        return None, day
    item["title"] = title
    return item, day


def _day(text: str, year: int | None) -> dt.date | None:
    full = rocdates.read_date(text)
    if full or year is None:
        return full
    return rocdates.read_month_day(text, year)


def from_date_lines(paragraphs: list[str], section: str, title: str) -> AgendaDraft | None:
    """An itinerary from a section's date lines, each item titled by the first clause of the
    paragraph after it; None when the section has fewer than two date lines."""
    items: list[dict[str, Any]] = []
    for i, text in enumerate(paragraphs):
        if not DATE_LINE.match(text):
            continue
        day = rocdates.read_date(text)
        follow = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        clause = re.split(r"[，。；：,;]", follow, maxsplit=1)[0].strip()
        if day and clause and not DATE_LINE.match(follow):
            items.append({"date": day, "title": clause})
    if len({i["date"] for i in items}) < 2:
        return None
    return AgendaDraft("itinerary", section, title, items)
