"""The facts a slide may state, taken from the report's records: an initiative's stated fields,
the rows of a comparison, key figures. Only what the report's own words back (``evidence``) is
stated; the rest is named in the speaker notes as not stated.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.story.plan import KeyFigure
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.content.model import Figure, Initiative
    from briefing.content.report import Report

_NUMBER_END = re.compile(r"^(.*\d)(\D*)$")
_LATIN_NAME = re.compile(r"\s*[（(]\s*([A-Za-z][^（）()]*?)\s*[)）]\s*$")


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


def figure_tile(fig: Figure, language: str) -> KeyFigure:
    """``4,000 萬新幣`` as a tile: the number large, the unit after it, the measure below."""
    written = normalize(fig.as_written)
    match = _NUMBER_END.match(written)
    value, unit = (match.group(1), match.group(2)) if match else (written, "")
    label = normalize(_measure_without_value(fig.measure, fig.as_written))
    return with_label(KeyFigure(value=value, unit=unit, label=label), fig, language)


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
