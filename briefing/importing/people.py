"""Travellers as the cover and the 提要 write them: ``姓名職稱：林志遠　副組長`` with more people
on the lines below, ``羅世昌副司長、方靜宜科長`` with no space between name and title,
``楊凱文副研究員（國家實驗研究院）`` with the agency in brackets, and the 提要's table of
出國人員姓名／服務機關／單位／職稱／電話 (as a table, or as lines of ``/``-separated values).
"""

from __future__ import annotations

import re

#: Column names of the 提要's traveller and contact tables, and the field each one fills.
COLUMNS = {
    "姓名": "name", "出國人員姓名": "name", "出國人員": "name", "聯絡人": "name",
    "服務機關": "agency", "出國計畫主辦機關": "agency", "計畫主辦機關": "agency",
    "主辦機關": "agency", "單位": "unit", "服務單位": "unit", "職稱": "title",
    "電話": "phone", "聯絡電話": "phone",
}  # fmt: skip
_TITLES = (
    "主任委員|主任秘書|專門委員|簡任技正|簡任視察|正工程司|副工程司|副研究員|助理研究員|"
    "研究員|工程司|工程員|司長|處長|組長|科長|局長|署長|部長|次長|主委|委員|主任|專員|技正|"
    "技士|技佐|秘書|參事|參議|視察|稽核|科員|辦事員|分析師|管理師|教授|講師|執行長|董事長|"
    "總經理|經理|隊長|課長|股長|所長|院長|校長|館長|主席|代表|督導|技監|會長|理事長"
)
_NAME_TITLE = re.compile(rf"^(.{{2,4}}?)((?:副|代理)?(?:{_TITLES}))$")
_AGENCY = re.compile(r"^(.*?)[(（]([^()（）]+)[)）]$")
_SPLIT = re.compile(r"[、，,;；\n]\s*")


def column_names(line: str) -> list[str] | None:
    """The fields of a line of ``/``-separated column names (出國人員姓名/服務機關/…), or
    None; a colon after them is allowed."""
    parts = [p.strip() for p in re.split(r"[/／]", line.strip().rstrip("：:"))]
    if len(parts) >= 2 and all(p in COLUMNS for p in parts):
        return [COLUMNS[p] for p in parts]
    return None


def column_row(cells: list[str]) -> bool:
    """Whether a table row holds only column names (a traveller table's header)."""
    names = [re.sub(r"\s+", "", c) for c in cells if c.strip()]
    return len(names) >= 3 and all(n in COLUMNS for n in names)


def split_people(value: str, order: str = "name-title") -> list[dict[str, str]]:
    """The people a cover field lists: ``林志遠　副組長、陳怡君 科長``, one a line or separated
    by 、 ，; ``order`` is ``name-title`` (姓名職稱) or ``title-name`` (職稱姓名)."""
    out: list[dict[str, str]] = []
    for text in _SPLIT.split(value):
        person = one_person(text, order)
        if person:
            out.append(person)
    return out


def one_person(text: str, order: str = "name-title") -> dict[str, str] | None:
    """One ``name title`` (or ``title name``) entry, with an agency in brackets after it."""
    text = text.strip()
    if not text:
        return None
    person: dict[str, str] = {}
    bracket = _AGENCY.match(text)
    if bracket and bracket.group(1).strip():
        text, person["agency"] = bracket.group(1).strip(), bracket.group(2).strip()
    if "\u3000" in text or "  " in text:
        parts = [p.strip() for p in re.split(r"\u3000+|\s{2,}", text) if p.strip()]
        first, rest = parts[0], " ".join(parts[1:])
        name, title = (first, rest) if order == "name-title" else (parts[-1], " ".join(parts[:-1]))
    elif " " in text:
        name, title = text.rsplit(" ", 1) if order == "name-title" else text.split(" ", 1)[::-1]
    else:
        joined = _NAME_TITLE.match(text)
        name, title = (joined.group(1), joined.group(2)) if joined else (text, "")
    if order == "name-title" and " " in text and "\u3000" not in text and _titled(name):
        name, title = text, ""
    person["name"] = name.strip()
    if title.strip():
        person["title"] = title.strip()
    return person


def _titled(name: str) -> bool:
    return bool(re.search(rf"(?:{_TITLES})$", name))


def looks_like_person(line: str) -> bool:
    """Whether a line under a 姓名職稱 field is one more person: short, no label, no date,
    no sentence; a name and a title."""
    text = line.strip()
    if not text or len(text) > 40 or re.search(r"[：:。，]|\d", text):
        return False
    person = one_person(text)
    return bool(person and person.get("title")) and len(person["name"]) <= 20
