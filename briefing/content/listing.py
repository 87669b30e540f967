"""The report's ids and records as rows, for ``python main.py list`` (and anyone who needs a
table of what a recipe may name)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.content.report import Report


def rows(report: Report, what: str) -> list[dict[str, Any]]:
    """``sections``, ``initiatives``, ``figures`` or ``charts`` of ``report`` as JSON-ready rows."""
    return LISTINGS[what](report)


def sections(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "id": e.section.id,
            "number": e.label,
            "title": e.section.title,
            "parent": e.parent,
            "level": e.level,
        }
        for e in report.outline
    ]


def _records(items: str, fields: tuple[str, ...]) -> Callable[[Report], list[dict[str, Any]]]:
    """A listing of one kind of record: the named fields, as JSON-ready values."""
    return lambda report: [
        item.model_dump(mode="json", include=set(fields)) for item in getattr(report, items)
    ]


LISTINGS = {
    "sections": sections,
    "initiatives": _records(
        "initiatives",
        ("id", "name", "name_en", "categories", "agencies", "year", "status", "sections"),
    ),
    "figures": _records(
        "figures",
        ("id", "value", "unit", "measure", "when", "as_written", "section", "initiative"),
    ),
    "charts": _records("charts", ("id", "kind", "title", "figures", "initiatives")),
}
