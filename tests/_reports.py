"""Small reports made in code, for testing what the planner does with each shape of content.

Every quote and key point is taken from the section's own text, so the reports pass the same
evidence checks a real one does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from briefing.content.model import (
    Agenda,
    AgendaItem,
    Category,
    Figure,
    Initiative,
    ReportMeta,
    Section,
    Vocabulary,
)
from briefing.content.report import Report


def section(id: str, number: str | None, title: str, *paragraphs: str, **more: Any) -> Section:
    """A section whose key points default to the first clause of each paragraph."""
    points = more.pop("key_points", None)
    if points is None:
        points = [p.split("，")[0].rstrip("。") for p in paragraphs]
    return Section(
        id=id, number=number, title=title, paragraphs=paragraphs, key_points=points, **more
    )


def report(
    sections: list[Section],
    initiatives: tuple[Initiative, ...] = (),
    figures: tuple[Figure, ...] = (),
    agendas: tuple[Agenda, ...] = (),
    **meta: Any,
) -> Report:
    fields: dict[str, Any] = {
        "id": "tiny",
        "title": "赴愛沙尼亞考察數位政府",
        "agency": "國家發展委員會",
        "vocabulary": Vocabulary(
            initiatives="愛沙尼亞重點措施",
            category="面向",
            categories=(
                Category(id="government", name="數位政府"),
                Category(id="economy", name="數位經濟"),
            ),
        ),
    }
    fields.update(meta)
    return Report(
        folder=Path("."),
        meta=ReportMeta(**fields),
        sections=tuple(sections),
        initiatives=initiatives,
        figures=figures,
        agendas=agendas,
    )


def initiative(id: str, name: str, section_id: str, text: str, **more: Any) -> Initiative:
    return Initiative(id=id, name=name, summary=text, sections=(section_id,), **more)


def itinerary(section_id: str) -> Agenda:
    return Agenda(
        id="trip",
        kind="itinerary",
        section=section_id,
        title="考察行程",
        items=(
            AgendaItem(date=dt.date(2023, 9, 4), title="拜會經濟通訊部", place="塔林"),
            AgendaItem(date=dt.date(2023, 9, 5), title="參訪電子居民計畫", place="塔林"),
            AgendaItem(date=dt.date(2023, 9, 7), title="拜會芬蘭財政部", place="赫爾辛基"),
        ),
    )
