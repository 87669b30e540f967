"""The words a chart draws: names of kinds, statuses and agenda types, units, and the
formatting of numbers, values, dates and initiative names (pure; shared with the native chart
writer)."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from briefing import theme
from briefing.content import display

if TYPE_CHECKING:
    from briefing.content.model import Initiative

LANGUAGES = ("zh-TW", "en")

KIND_NAMES = {
    "zh-TW": {
        "timeline": "時間軸",
        "bar": "長條圖",
        "column": "直條圖",
        "pie": "圓餅圖",
        "line": "折線圖",
        "schedule": "議程時間表",
    },
    "en": {
        "timeline": "Timeline",
        "bar": "Bar chart",
        "column": "Column chart",
        "pie": "Pie chart",
        "line": "Line chart",
        "schedule": "Schedule",
    },
}
STATUS_LABELS = {
    "zh-TW": {
        "launched": "已推動",
        "trial": "試辦",
        "planned": "規劃中",
        "draft": "草案",
        "completed": "已完成",
    },
    "en": {
        "launched": "Launched",
        "trial": "Trial",
        "planned": "Planned",
        "draft": "Draft",
        "completed": "Completed",
    },
}
AGENDA_TYPE_LABELS = {
    "zh-TW": {
        "registration": "報到",
        "remarks": "致詞",
        "address": "演說",
        "panel": "座談",
        "feature": "專題",
        "conversation": "對談",
        "networking": "茶敘交流",
        "dialogue": "對話",
        "end": "結束",
    },
    "en": {
        "registration": "Registration",
        "remarks": "Remarks",
        "address": "Address",
        "panel": "Panel",
        "feature": "Feature",
        "conversation": "Conversation",
        "networking": "Networking",
        "dialogue": "Dialogue",
        "end": "End",
    },
}


def agenda_type_label(kind: str | None, language: str) -> str:
    """A session type's name in ``language`` (a type the program does not know, as written)."""
    return AGENDA_TYPE_LABELS[language].get(kind or "", kind or "")


def agenda_type_colour(kind: str | None) -> str:
    """The colour a session type is drawn in (types the program does not know: slate)."""
    return AGENDA_TYPE_COLOURS.get(kind or "", theme.ACCENTS[5])


AGENDA_TYPE_COLOURS = {
    "registration": theme.MUTED,
    "networking": theme.MUTED,
    "end": theme.MUTED,
    "remarks": theme.ACCENTS[0],
    "address": theme.ACCENTS[0],
    "panel": theme.ACCENTS[1],
    "feature": theme.ACCENTS[2],
    "conversation": theme.ACCENTS[3],
    "dialogue": theme.ACCENTS[4],
}
#: Words and punctuation of each language, by role. ``count`` is the unit a count of initiatives
#: is labelled in (English: bare numbers), ``counted`` what the axis says it counts;
#: ``bare_count`` names the unit of counted things English writes without a word (家, 座);
#: ``year_unit`` and ``time_unit`` say what a timeline's and a schedule's axis measure;
#: ``derived`` labels numbers the program computed rather than read in the report.
WORDS = {
    "zh-TW": {
        "unit": "單位：{}",
        "count": "項",
        "no_year": "年份未載",
        "source": "資料來源：",
        "colon": "：",
        "sep": "；",
        "list": "、",
        "stop": "。",
        "planned": "規劃中／草案",
        "not_stated": "報告未載明",
        "derived": "本簡報依報告內容歸類",
        "counted": "項",
        "bare_count": "個數",
        "year_unit": "單位：年",
        "time_unit": "時間（時:分）",
        "share": "（{}）",
        "to": "–",
    },
    "en": {
        "unit": "Unit: {}",
        "count": "",
        "no_year": "No year",
        "source": "Source: ",
        "colon": ": ",
        "sep": "; ",
        "list": ", ",
        "stop": ". ",
        "planned": "Planned / draft",
        "not_stated": "Not stated",
        "derived": "Counted by this briefing from the report",
        "counted": "initiatives",
        "bare_count": "count",
        "year_unit": "Unit: year",
        "time_unit": "Time (hh:mm)",
        "share": " ({})",
        "to": "–",
    },
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_NO_SPACE_UNITS = {"%", "％"}
#: Characters tick labels and separators may draw besides the data's own text.
TICK_CHARS = "0123456789,.-−:–"

_PREFIXES = {
    "zh-TW": {
        "about": "約 ",
        "target": "目標 ",
        "forecast": "預估 ",
        "under": "未滿 ",
        "nearly": "近 ",
        "up_to": "最高 ",
        "planned": "預計 ",
    },
    "en": {
        "about": "about ",
        "target": "target ",
        "forecast": "forecast ",
        "within": "up to ",
        "under": "under ",
        "nearly": "nearly ",
        "up_to": "up to ",
        "planned": "planned ",
        "at_least": "at least ",
    },
}
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "through", "via", "with", "across"}
)


# -- numbers, values, dates ---------------------------------------------------------------------
def format_number(value: float) -> str:
    """``4000.0`` -> ``4,000``; ``1.5`` -> ``1.5`` (at most two decimals)."""
    if math.isnan(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(
    value: float, unit: str | None, qualifier: str = "exact", language: str = "zh-TW"
) -> str:
    """A value as the chart labels it: ``4,000 萬新幣``, ``200 多座``, ``約 3 項``, ``50+``."""
    number, unit = format_number(value), unit or ""
    if language == "en":
        text = _value_en(number + ("+" if qualifier == "over" else ""), unit)
    elif qualifier == "over":
        text = f"{number} 多{unit}"
    elif qualifier == "within":
        text = f"{number} {unit}以內".replace("  ", " ")
    elif qualifier == "at_least":
        text = f"{number} {unit}以上".replace("  ", " ")
    elif unit in _NO_SPACE_UNITS or not unit:
        text = f"{number}{unit}"
    else:
        text = f"{number} {unit}"
    prefix = _PREFIXES["en" if language == "en" else "zh-TW"].get(qualifier)
    return f"{prefix}{text}" if prefix else text


def _value_en(number: str, unit: str) -> str:
    """``S$40 million``, ``50%``, ``3 people``."""
    currency = display.prefix_symbol(unit)
    if currency:
        return f"{currency[0]}{number}" + (f" {currency[1]}" if currency[1] else "")
    if unit:
        return f"{number}{unit}" if unit in _NO_SPACE_UNITS else f"{number} {unit}"
    return number


def format_when(when: str, language: str = "zh-TW") -> str:
    """``2019-06`` -> ``2019 年 6 月`` (``Jun 2019`` in English)."""
    parts = [int(p) for p in when.split("-")]
    if language == "en":
        if len(parts) == 1:
            return str(parts[0])
        month = _MONTHS_EN[parts[1] - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"
    text = f"{parts[0]} 年"
    if len(parts) > 1:
        text += f" {parts[1]} 月"
    if len(parts) > 2:
        text += f" {parts[2]} 日"
    return text


def when_as_year(when: str) -> float:
    """``2019-06`` as a fractional year (for placing line chart points)."""
    parts = [int(p) for p in when.split("-")]
    value = float(parts[0])
    if len(parts) > 1:
        value += (parts[1] - 1) / 12
    if len(parts) > 2:
        value += (parts[2] - 1) / 365
    return value


def minutes(hhmm: str) -> int:
    """``14:05`` -> ``845`` (minutes after midnight)."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def hhmm(mins: int) -> str:
    """``845`` -> ``14:05``."""
    return f"{mins // 60:02d}:{mins % 60:02d}"


# -- names ---------------------------------------------------------------------------------------
def initiative_label(item: Initiative, language: str = "zh-TW") -> str:
    """The Chinese name plus a short English name or acronym: ``國家數位身分 (NDI)``."""
    if language == "en":
        name, acronym = _split_english(item.name_en)
        if not name:
            return item.name
        return f"{name} ({acronym})" if acronym else name
    short = _short_english(item.name_en)
    if short and short.casefold() not in item.name.casefold():
        return f"{item.name} ({short})"
    return item.name


def _short_english(name_en: str | None) -> str | None:
    """``NDI`` from ``National Digital Identity, NDI`` or ``... (NDI)``; a short name itself."""
    name, acronym = _split_english(name_en)
    if acronym:
        return acronym
    return name if name and len(name) <= 12 else None


def _split_english(name_en: str | None) -> tuple[str | None, str | None]:
    if not name_en:
        return None, None
    found = re.fullmatch(
        r"(.+?)\s*(?:\(([A-Za-z0-9&.\- ]{2,12})\)|[,;]\s*([A-Za-z0-9&.\-]{2,12}))", name_en.strip()
    )
    if found:
        return found.group(1).strip(), (found.group(2) or found.group(3)).strip()
    return name_en.strip(), None


def title_case(text: str) -> str:
    """``NETWORKING TEA`` -> ``Networking Tea`` (only for all-capital English titles)."""
    if not text.isupper():
        return text
    words = text.split(" ")
    last = len(words) - 1
    return " ".join(
        "-".join(_case_part(part, n == 0 and k == 0, n == last) for k, part in enumerate(parts))
        for n, parts in enumerate(word.split("-") for word in words)
    )


def _case_part(part: str, first: bool, last_word: bool) -> str:
    lower = part.lower()
    if any(ch.isdigit() for ch in part) or not part[:1].isalpha():
        return part if part[:1].isalpha() or not part else part.lower()
    if lower in _SMALL_WORDS and not first and not last_word:
        return lower
    return lower[:1].upper() + lower[1:]
