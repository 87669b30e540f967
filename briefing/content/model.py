"""The report as data: its cover and vocabulary, sections, initiatives, figures, agendas and
chart specs.

These are frozen pydantic models: they validate what the YAML files say (unknown keys are
errors) and carry no python-pptx, Jinja, matplotlib or Qt types. Nothing here knows which
country or conference a report is about: the categories initiatives are grouped by, the
countries figures belong to and the deck's words for them come from the report itself
(:class:`Vocabulary`). :mod:`briefing.content.report` loads the models from a report folder and
adds the cross-reference and evidence checks.

Evidence: a record's ``evidence`` maps a field name to the report's verbatim words that state
it (one quote or several, each optionally naming its section). A field the report does not
state carries no evidence and is not shown on a slide (see :mod:`briefing.content.evidence`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from briefing.content.numbering import parse_number

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
When = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Clock = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9-]{0,31}$")]

Status = Literal["launched", "trial", "planned", "draft", "completed"]
SectionKind = Literal[
    "abstract", "preface", "content", "process", "visit", "recommendations", "appendix"
]
Qualifier = Literal["exact", "over", "about", "target", "forecast", "within", "under"]
ChartKind = Literal["timeline", "bar", "column", "pie", "line", "schedule"]
Horizon = Literal["short", "medium", "long", "ongoing"]

STATUSES: tuple[Status, ...] = ("launched", "trial", "planned", "draft", "completed")
HORIZONS: tuple[Horizon, ...] = ("short", "medium", "long", "ongoing")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


# -- evidence ----------------------------------------------------------------------------------
class Quote(_Model):
    """The report's own words for a fact, and the section they are in (None: any section of
    the record that cites it)."""

    quote: Text
    section: Id | None = None


def _quotes(value: Any) -> Any:
    """``evidence`` values may be a string, a {quote, section} mapping, or a list of either."""
    if not isinstance(value, dict):
        return value
    out: dict[Any, Any] = {}
    for key, item in value.items():
        items = item if isinstance(item, list | tuple) else [item]
        out[key] = [{"quote": q} if isinstance(q, str) else q for q in items]
    return out


Evidence = dict[str, tuple[Quote, ...]]


class _Evidenced(_Model):
    evidence: Evidence = Field(default_factory=dict)
    draft: bool = False  # machine-drafted (``python main.py import``), not yet reviewed

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence_forms(cls, value: object) -> object:
        return _quotes(value)

    def stated(self, field: str) -> bool:
        """Whether the report's own words for ``field`` are recorded."""
        return bool(self.evidence.get(field))


# -- the report's cover and vocabulary ---------------------------------------------------------
class Category(_Model):
    """A group the report sorts its initiatives into (a pillar, a theme, a ministry)."""

    id: Id
    name: Text
    name_en: str | None = None


class Country(_Model):
    """A country or region figures belong to: ``id`` as the report's data names it (SG, EE)."""

    id: Code
    name: Text
    name_en: str | None = None


class Vocabulary(_Model):
    """The report's own words for what the deck shows: never built into the program.

    ``initiatives`` names the report's initiatives as a group (新加坡重點推動措施, 愛沙尼亞及芬蘭
    重點措施), ``category`` what they are grouped by (策略支柱), ``programme`` and ``itinerary``
    the appendix tables; each has an English twin for English decks.
    """

    initiatives: Text = "重點措施"
    initiatives_en: Text = "Key initiatives"
    category: Text = "類別"
    category_en: Text = "Category"
    programme: Text = "議程"
    programme_en: Text = "Programme"
    itinerary: Text = "行程"
    itinerary_en: Text = "Itinerary"
    categories: tuple[Category, ...] = ()
    countries: tuple[Country, ...] = ()

    def word(self, name: str, language: str) -> str:
        """``initiatives``, ``category``, ``programme`` or ``itinerary`` in ``language``."""
        return str(getattr(self, f"{name}_en" if language == "en" else name))


class Traveller(_Model):
    name: Text
    title: str | None = None
    agency: str | None = None
    unit: str | None = None
    phone: str | None = None


class Contact(_Model):
    agency: str | None = None
    name: Text
    phone: str | None = None


class Conference(_Model):
    name: Text
    name_en: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    venue: str | None = None
    organisers: tuple[Text, ...] = ()
    week_name: str | None = None
    week_name_en: str | None = None
    week_start: dt.date | None = None
    week_end: dt.date | None = None


class ReportMeta(_Model):
    """The report's cover and 提要 page (行政院出國報告綜合處理要點, 附件一), and its vocabulary."""

    id: Id
    title: Text
    title_en: str | None = None
    plan_name: str | None = None  # 計畫名稱, where the cover names the plan beside the report
    short_title: str | None = None
    category: str | None = None  # 出國類別: 開會, 考察, 進修 …
    document_type: str | None = None
    conference: Conference | None = None
    agency: str | None = None  # 服務機關
    unit: str | None = None
    destination: str | None = None  # 派赴國家／地區
    trip_start: dt.date | None = None
    trip_end: dt.date | None = None
    report_date: dt.date | None = None
    report_date_note: str | None = None
    system_id: str | None = None  # 系統識別號
    pages: int | None = Field(default=None, ge=1)
    classification: str | None = None
    keywords: tuple[Text, ...] = ()
    travellers: tuple[Traveller, ...] = ()
    contact: Contact | None = None
    source_file: str | None = None
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)


# -- sections ----------------------------------------------------------------------------------
class SectionQuote(_Model):
    """A sentence worth showing large (a lesson, a speaker's line), verbatim, with who said it
    as the report puts it."""

    text: Text
    by: str | None = None


class Section(_Evidenced):
    """One heading of the report with its own paragraphs and, recursively, its sub-sections.

    ``number`` is stored bare (``一``, not ``一、``); ``paren`` is set only when the report
    prints it in parentheses where the usual rule would not (see
    :mod:`briefing.content.numbering`). A section without a number (摘要, 前言) is fine.

    ``key_points`` are short phrases for slides, shortened from the report's own clauses;
    ``key_sentences`` are one or two sentences quoted verbatim (a recommendation's substance);
    ``quote`` a sentence to show large. ``horizon`` and ``owner`` say when and by whom a
    recommendation is to be carried out, where the report says so (with evidence).
    """

    id: Id
    number: str | None = None
    paren: bool | None = None
    title: Text
    kind: SectionKind | None = None
    paragraphs: tuple[Text, ...] = ()
    key_points: tuple[Text, ...] = ()
    key_sentences: tuple[Text, ...] = ()
    quote: SectionQuote | None = None
    horizon: Horizon | None = None
    owner: str | None = None
    children: tuple[Section, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: object) -> object:
        """Accept the number as printed (``一、``, ``(一)``, ``1.``) and store it bare; a
        number printed in parentheses keeps that as ``paren``."""
        if not isinstance(data, dict) or data.get("number") is None:
            return data
        raw = data["number"]
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            return data
        if not raw.strip():
            return {**data, "number": None}
        number = parse_number(raw)  # ValueError -> a validation error at the number
        data = {**data, "number": number.text}
        if number.paren and data.get("paren") is None:
            data["paren"] = True
        return data


# -- initiatives, figures ----------------------------------------------------------------------
class Initiative(_Evidenced):
    """A programme, platform, blueprint, office, law or trial the report describes.

    Every field but ``name``, ``summary`` and ``sections`` is optional: what the report does not
    state stays empty. Facts with several values are lists (three categories, three agencies
    that signed a trial). ``sections`` are where the report discusses it, the main one first.
    """

    id: Id
    name: Text
    name_en: str | None = None
    categories: tuple[Id, ...] = ()
    agencies: tuple[Text, ...] = ()
    year: int | None = Field(default=None, ge=1800, le=2200)
    status: Status | None = None
    summary: Text
    figures: tuple[Id, ...] = ()
    sections: tuple[Id, ...] = Field(min_length=1)


class Figure(_Evidenced):
    """A number the report states: the only place slides and charts take numbers from.

    ``as_written`` is the report's own text for it and must occur in ``section``.
    """

    id: Id
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    measure: Text
    when: When | None = None
    as_written: Text
    section: Id
    initiative: Id | None = None
    country: Code | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("a figure's value must be a finite number")
        return value

    @field_validator("when", mode="before")
    @classmethod
    def _when_as_text(cls, value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value) if isinstance(value, int) else value

    @field_validator("when")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        """``2019-13`` or ``2019-02-30`` match the pattern but are no date."""
        if value is not None:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            dt.date(*parts[:3])  # ValueError -> a validation error at ``when``
        return value

    @property
    def year(self) -> int | None:
        """The year the figure refers to, or None."""
        return int(self.when[:4]) if self.when else None


# -- agendas -----------------------------------------------------------------------------------
class AgendaSegment(_Model):
    id: Id
    title: Text
    description: str | None = None


class AgendaItem(_Model):
    """One session of a programme or one stop of an itinerary. ``type`` is free text (panel,
    visit, 拜會 …); the known ones are drawn in their own colours."""

    date: dt.date | None = None
    end_date: dt.date | None = None  # the last day of an item that spans days (10/3～10/7)
    day: str | None = None  # the report's own day label (第一天)
    time: Clock | None = None
    end: Clock | None = None
    type: str | None = None
    title: Text
    speaker: str | None = None
    place: str | None = None
    segment: Id | None = None

    @property
    def minutes(self) -> int | None:
        """Minutes since midnight, or None without a time."""
        if self.time is None:
            return None
        hours, minutes = self.time.split(":")
        return int(hours) * 60 + int(minutes)


class Agenda(_Model):
    """A conference programme (one day, timed sessions) or a trip's itinerary (several days).

    ``date`` is the day of items that give none. ``section`` is where the report prints it.
    """

    id: Id = "programme"
    kind: Literal["programme", "itinerary"] = "programme"
    draft: bool = False  # machine-drafted (``python main.py import``), not yet reviewed
    section: Id | None = None
    date: dt.date | None = None
    title: Text
    segments: tuple[AgendaSegment, ...] = ()
    items: tuple[AgendaItem, ...] = Field(min_length=1)

    def day_of(self, item: AgendaItem) -> dt.date | None:
        return item.date or self.date

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The distinct days of the agenda, in order."""
        found = [d for d in (self.day_of(i) for i in self.items) if d is not None]
        return tuple(dict.fromkeys(found))


# -- charts ------------------------------------------------------------------------------------
class ChartSpec(_Model):
    """A chart described by data: what it plots and where its numbers come from.

    ``figures`` plots figure records (bar, column, pie, line); ``initiatives`` with ``group_by``
    counts initiatives, without it places them on a timeline by year; ``schedule`` draws an
    agenda (``agenda``: its id, default the first programme). ``sections`` says which selected
    sections make the chart appear (default: the sections of the records it plots).
    """

    id: Id
    kind: ChartKind
    title: Text
    figures: tuple[Id, ...] = ()
    initiatives: tuple[Id, ...] = ()
    group_by: Literal["category", "status", "year"] | None = None
    agenda: Id | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    unit: str | None = None
    x_label: str | None = None
    y_label: str | None = None
    sections: tuple[Id, ...] = ()
    style: Literal["auto", "image", "native"] = "auto"
    note: str | None = None

    @property
    def derived(self) -> bool:
        """Whether the chart's numbers are computed by the program (counts by group), not
        stated by the report."""
        return self.group_by is not None


# -- photos ------------------------------------------------------------------------------------
class Photo(_Model):
    """A picture of the report (``photos.yaml``): its file inside the content folder (a PNG or
    JPEG), its caption as the report writes it (圖1：…; empty when the report gives none) and
    the section it sits in. See :mod:`briefing.content.photos`."""

    id: Id
    file: Text
    caption: str = ""
    section: Id
    draft: bool = False
