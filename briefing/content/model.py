"""The report as data: sections, Singapore initiatives, figures, the agenda, chart specs.

These are frozen pydantic models: they validate what the YAML files say (unknown keys are
errors) and carry no python-pptx, Jinja, matplotlib or Qt types.
:mod:`briefing.content.report` loads them from a report folder and adds the cross-reference
checks (duplicate and dangling ids).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
When = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]

Pillar = Literal["digital-economy", "digital-government", "digital-society", "infrastructure"]
Status = Literal["launched", "trial", "planned", "draft"]
SectionKind = Literal["content", "process", "visit", "recommendations", "appendix"]
Qualifier = Literal["exact", "over", "about", "target", "forecast"]
ChartKind = Literal["timeline", "bar", "column", "pie", "line", "schedule"]

PILLARS: tuple[Pillar, ...] = (
    "digital-economy",
    "digital-government",
    "digital-society",
    "infrastructure",
)
STATUSES: tuple[Status, ...] = ("launched", "trial", "planned", "draft")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Traveller(_Model):
    name: Text
    title: Text
    agency: Text
    unit: Text
    phone: str | None = None


class Contact(_Model):
    agency: Text
    name: Text
    phone: str | None = None


class Conference(_Model):
    name: Text
    name_en: str | None = None
    start: dt.date
    end: dt.date
    venue: str | None = None
    organisers: tuple[Text, ...] = ()
    week_name: str | None = None
    week_name_en: str | None = None
    week_start: dt.date | None = None
    week_end: dt.date | None = None


class ReportMeta(_Model):
    """The report's cover and 提要 page."""

    id: Id
    title: Text
    title_en: str | None = None
    short_title: str | None = None
    category: Text
    document_type: str | None = None
    conference: Conference
    agency: Text
    unit: Text
    destination: Text
    trip_start: dt.date
    trip_end: dt.date
    report_date: dt.date
    report_date_note: str | None = None
    pages: int | None = None
    classification: str | None = None
    keywords: tuple[Text, ...] = ()
    travellers: tuple[Traveller, ...] = Field(min_length=1)
    contact: Contact | None = None
    abstract: tuple[Text, ...] = ()
    source_file: str | None = None


class Section(_Model):
    """One heading of the report with its own paragraphs and, recursively, its sub-sections."""

    id: Id
    number: Text
    title: Text
    kind: SectionKind | None = None
    paragraphs: tuple[Text, ...] = ()
    key_points: tuple[Text, ...] = ()
    children: tuple[Section, ...] = ()

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class Initiative(_Model):
    """A Singapore programme, platform, blueprint, office, law or trial the report describes."""

    id: Id
    name: Text
    name_en: str | None = None
    pillar: Pillar
    agency: str | None = None
    year: int | None = Field(default=None, ge=1950, le=2100)
    status: Status
    summary: Text
    figures: tuple[Id, ...] = ()
    sections: tuple[Id, ...] = Field(min_length=1)


class Figure(_Model):
    """A number the report states: the only place slides and charts take numbers from."""

    id: Id
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    measure: Text
    when: When | None = None
    as_written: Text
    section: Id
    initiative: Id | None = None
    country: Literal["SG", "TW"] = "SG"

    @field_validator("when", mode="before")
    @classmethod
    def _when_as_text(cls, value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value) if isinstance(value, int) else value

    @property
    def year(self) -> int | None:
        """The year the figure refers to, or None."""
        return int(self.when[:4]) if self.when else None


class AgendaSegment(_Model):
    id: Id
    title: Text
    description: str | None = None


class AgendaItem(_Model):
    time: Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}$")]
    type: Literal[
        "registration",
        "remarks",
        "address",
        "panel",
        "feature",
        "conversation",
        "networking",
        "dialogue",
        "end",
    ]
    title: Text
    speaker: str | None = None
    segment: Id | None = None

    @property
    def minutes(self) -> int:
        """Minutes since midnight."""
        hours, minutes = self.time.split(":")
        return int(hours) * 60 + int(minutes)


class Agenda(_Model):
    section: Id
    date: dt.date
    title: Text
    segments: tuple[AgendaSegment, ...] = ()
    items: tuple[AgendaItem, ...] = Field(min_length=1)


class ChartSpec(_Model):
    """A chart described by data: what it plots and where its numbers come from.

    ``figures`` plots figure records (bar, column, pie, line); ``initiatives`` with ``group_by``
    counts initiatives, without it places them on a timeline by year; ``schedule`` draws the
    appendix agenda. ``sections`` says which selected sections make the chart appear (default:
    the sections of the records it plots).
    """

    id: Id
    kind: ChartKind
    title: Text
    figures: tuple[Id, ...] = ()
    initiatives: tuple[Id, ...] = ()
    group_by: Literal["pillar", "status", "year"] | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    unit: str | None = None
    x_label: str | None = None
    y_label: str | None = None
    sections: tuple[Id, ...] = ()
    style: Literal["auto", "image", "native"] = "auto"
    note: str | None = None
