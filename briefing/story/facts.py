"""The facts a slide may state, taken from the report's records: an initiative's stated fields,
the rows of a comparison, key figures. Only what the report's own words back (``evidence``) is
stated; the rest is named in the speaker notes as not stated.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.content import display
from briefing.story.plan import KeyFigure
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.content.model import Figure, Initiative
    from briefing.content.report import Report

_LATIN_NAME = re.compile(r"\s*[（(]\s*([A-Za-z][^（）()]*?)\s*[)）]\s*$")
# The words a report hedges a number with, right before it (超過 1 萬 5,000 人, 將上看 2400 億)
# or right after it (500 家以上); a number written with one of them is hedged already.
_HEDGE_BEFORE = re.compile(
    r"(將上看|上看|超過|逾|約|近|大約|至少|多達|高達|預計|預定|預估|估計|目標|未滿|不到|低於)\s*$"
)
_HEDGE_AFTER = re.compile(r"^\s*(以上|以下|以內|之內|多|餘|左右)")
_BOUND_BEFORE = re.compile(r"(約當|已達|達到|達|為|計有|共有|已有|共|計)\s*$")
_PLAN_WORDS = re.compile(r"預計|預估|預定|目標|希望|計畫|將")
_HEDGED = re.compile(r"上看|超過|逾|約|近|至少|多|幾|餘|以上|以下|以內|左右|未滿|不到|前|預計|預估")


@dataclass(frozen=True)
class Facts:
    """What an initiative's card, row or slide may say."""

    name: str
    name_en: str
    rows: tuple[tuple[str, str], ...]  # (label, value) of stated fields
    kicker: str
    unstated: tuple[str, ...]  # labels of fields the report does not state

    def value(self, label: str) -> str:
        return next((v for k, v in self.rows if k == label), "")


def initiative_facts(item: Initiative, report: Report, labels: Any, language: str) -> Facts:
    """The stated fields of ``item`` as (label, value) rows, a kicker (category and status)
    and the labels of the fields the report does not state."""
    stated = item.stated
    rows: list[tuple[str, str]] = []
    unstated: list[str] = []
    agencies = "、".join(item.agencies)
    for field_name, value, label in (
        ("agencies", agencies, labels.agency),
        ("year", f"{item.year}{labels.year_suffix}" if item.year else "", labels.year),
        ("status", labels.statuses[item.status] if item.status else "", labels.status),
    ):
        if value and stated(field_name):
            rows.append((label, value))
        else:
            unstated.append(label)
    category_word = report.meta.vocabulary.word("category", language)
    kicker = ""
    if item.categories and stated("categories"):
        names = [report.category_name(c, language) for c in item.categories]
        kicker = f"{category_word}{labels.colon}{'、'.join(names)}"
    else:
        unstated.append(category_word)
    name_en = item.name_en if item.name_en and stated("name_en") else ""
    if name_en and name_en in item.name:
        name_en = ""
    return Facts(item.name, name_en, tuple(rows), kicker, tuple(unstated))


def split_english(title: str) -> tuple[str, str]:
    """A heading's Chinese part and the English name in brackets at its end, if any:
    ``建立我的資訊(MyInfo)平臺`` stays whole; ``… 開發環境(Singapore Government Tech Stack, SGTS)``
    -> (``… 開發環境``, ``Singapore Government Tech Stack, SGTS``)."""
    match = _LATIN_NAME.search(title)
    if not match or match.start() == 0:
        return title, ""
    return title[: match.start()].rstrip(), match.group(1).strip()


def key_figures(report: Report, section_ids: Iterable[str], limit: int = 3) -> list[Figure]:
    """Figures worth showing large, of the given sections, in report order: amounts and counts
    with a number in them (not the dates and years a text states better), at most ``limit``."""
    wanted = set(section_ids)
    chosen: list[Figure] = []
    for fig in report.figures:
        if fig.section not in wanted or not any(ch.isdigit() for ch in fig.as_written):
            continue
        if fig.unit in ("年", "月", "日") or (1900 <= fig.value <= 2100 and fig.unit != "人"):
            continue
        if len(normalize(fig.as_written)) > 14:
            continue
        chosen.append(fig)
    return chosen[:limit]


def figure_tile(fig: Figure, language: str, labels: Any = None) -> KeyFigure:
    """``4,000 萬新幣`` as a tile: the number large, the unit after it, the measure below, and
    the report's hedge before it (``超過`` 1萬5,000人): a tile never states a forecast or an
    approximation as an exact count."""
    shown = display.tile_number(fig, normalize(fig.as_written), language)
    value, unit = shown.number, shown.unit
    before, after = hedge(fig, labels)
    glue = " " if language == "en" else ""
    before = glue.join(w for w in (before.strip(), shown.before.strip()) if w)
    label = tile_label(fig.measure, fig.as_written)
    if fig.qualifier in ("target", "forecast", "planned") and _PLAN_WORDS.search(label):
        before = ""  # 「政府預計於 2025 年前將使用者提升至」 says it is a plan already
    tile = KeyFigure(value=value, unit=unit + after, label=label, qualifier=before)
    return with_label(tile, fig, language)


def tile_label(measure: str, as_written: str) -> str:
    """What a tile says under its number: the measure without the number it shows.

    A measure that is the report's sentence stating the number loses the number and the
    words bound to it: 「迄今累計投入約 5,000 萬歐元」 -> 「迄今累計投入」, 「國內已有超過 99% 之
    公共服務可於線上辦理」 -> 「公共服務可於線上辦理」; one that goes on past the number
    (「…則已吸引逾 10 萬人申請」) stays whole. A number in brackets is dropped:
    「整合之跨機關資訊系統數（十幾項）」 -> 「整合之跨機關資訊系統數」."""
    text, written = normalize(measure), normalize(as_written)
    head, found, tail = text.partition(written)
    if found and not re.search(rf"[（(]\s*{re.escape(written)}\s*[)）]", text):
        head = _BOUND_BEFORE.sub("", _HEDGE_BEFORE.sub("", head)).rstrip()
        tail = _HEDGE_AFTER.sub("", tail).strip().rstrip("，。；")
        if tail[:1] in ("之", "的") and len(tail) >= 5:
            return tail[1:]
        if not tail and len(head) >= 2:
            return head
        return text
    return normalize(_measure_without_value(measure, as_written))


def hedge(fig: Figure, labels: Any = None) -> tuple[str, str]:
    """The words to show before and after ``fig``'s number so that it says no more than the
    report: none for an exact figure or one written with its hedge (「200 多項」, 「前三名」);
    else the report's own word next to the number in the quote that backs the qualifier
    (「…超過 1 萬 5,000 人」 -> 超過), or the deck's word for the qualifier (labels.qualifiers)."""
    if fig.qualifier == "exact" or _HEDGED.search(fig.as_written):
        return "", ""
    written = normalize(fig.as_written)
    for quote in fig.evidence.get("qualifier", ()):
        text = normalize(quote.quote)
        at = text.find(written)
        if at < 0:
            continue
        if match := _HEDGE_BEFORE.search(text[:at]):
            return match.group(1), ""
        if match := _HEDGE_AFTER.match(text[at + len(written) :]):
            return "", match.group(1)
    words = labels.qualifiers if labels is not None else {}
    return normalize(words.get(fig.qualifier) or ""), ""


def with_label(tile: KeyFigure, fig: Figure, language: str) -> KeyFigure:
    """``tile`` with the figure's date as its note, unless its number or label already says
    the year (a fact is not stated twice on a slide)."""
    note = ""
    shown = tile.value + tile.unit + tile.label
    if fig.when and fig.when[:4] not in shown:
        year, *rest = fig.when.split("-")
        note = f"{year}年{int(rest[0])}月" if rest and language != "en" else year
    return dataclasses.replace(tile, note=note)


def _measure_without_value(measure: str, as_written: str) -> str:
    """A measure without the value repeated in it: 「整合之跨機關資訊系統數（十幾項）」 ->
    「整合之跨機關資訊系統數」 (the tile shows 十幾項 already)."""
    for form in (as_written, normalize(as_written)):
        measure = re.sub(rf"\s*[（(]\s*{re.escape(form)}\s*[)）]", "", measure)
    return measure.strip()


def states_figure(text: str, fig: Figure) -> bool:
    """Whether ``text`` already states ``fig`` (its words as written)."""
    return normalize(fig.as_written) in normalize(text)


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, as written (up to its first 。)."""
    head, stop, _ = text.partition("。")
    return head + stop
