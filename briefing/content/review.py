"""Reviewing an imported content folder: what the importer drafted (``draft: true``), and the
reviewer's decisions written back.

:func:`drafts` lists every drafted record (sections with their kind, travellers, itinerary or
programme entries, figures, initiatives, photos), each with the report's own words and the
doubt that made it a draft (a code; the shells word it). :func:`apply_review` accepts (clears
``draft``), edits and rejects them (a rejected record goes, and so do the references to it),
validates the result as ``check`` does, and only then replaces the changed files atomically
(:mod:`briefing.content.review_write`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import yaml

from briefing.content.model import Qualifier, SectionKind
from briefing.errors import BriefingError, ContentError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

Record = dict[str, Any]
#: The content files a review reads and may rewrite, in the order drafts are listed.
FILES = ("report", "sections", "agenda", "figures", "initiatives", "photos", "charts")
#: What a reviewer may edit, by kind of draft.
EDITABLE: dict[str, tuple[str, ...]] = {
    "section": ("title", "kind"),
    "traveller": ("name", "title"),
    "agenda_item": ("date", "time", "place", "title"),
    "figure": ("value", "unit", "qualifier", "measure"),
    "initiative": ("name", "name_en", "summary"),
    "photo": ("caption", "alt"),
}
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
#: Fields whose value is one of a fixed set (the rest are free text).
CHOICES: dict[str, tuple[str, ...]] = {"kind": SECTION_KINDS, "qualifier": QUALIFIERS}


@dataclass(frozen=True)
class Draft:
    """One drafted record. ``key`` names it for :func:`apply_review` (``figures:s1-fig-1``,
    ``agenda:itinerary:2``, ``report:travellers:0``); ``words`` are the report's words it was
    drafted from (the line of ``source.txt`` where they stand, when found); ``doubt`` is why it
    is a draft (a code: ``heading``, ``section_kind``, ``key_points``, ``traveller``,
    ``agenda_row``, ``figure``, ``figure_hedge``, ``initiative``, ``photo``)."""

    key: str
    kind: str
    id: str
    label: str
    words: str
    doubt: str
    detail: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewResult:
    """What :func:`apply_review` did: records kept (accepted or edited), removed (rejected and
    those that went with them), and drafts still waiting."""

    kept: int
    removed: tuple[str, ...]
    remaining: int
    written: tuple[Path, ...]


# -- reading -------------------------------------------------------------------------------------
def read_folder(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in FILES:
        path = folder / f"{name}.yaml"
        if path.is_file():
            try:
                data[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise ContentError(f"cannot read it for the review: {exc}", file=path) from exc
    return data


def _source_lines(folder: Path, data: Mapping[str, Any]) -> list[str]:
    report = data.get("report") or {}
    name = report.get("source_file") if isinstance(report, dict) else None
    path = folder / str(name or "source.txt")
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return []


def words_for(lines: list[str], *needles: str | tuple[str, ...]) -> str:
    """The first line of the source holding the first needle found (a tuple: all its parts),
    else the needle itself."""
    for needle in needles:
        parts = needle if isinstance(needle, tuple) else (needle,)
        wanted = [" ".join(str(p).split()) for p in parts if p]
        if not wanted:
            continue
        for line in lines:
            flat = " ".join(line.split())
            if all(w in flat for w in wanted):
                return line
    first = next((n for n in needles if n), "")
    return " ".join(first) if isinstance(first, tuple) else str(first)


def drafts(folder: str | Path) -> list[Draft]:
    """Every drafted record of the content folder, in the order a reviewer meets them."""
    folder = Path(folder)
    data = read_folder(folder)
    lines = _source_lines(folder, data)
    found: list[Draft] = []
    report = data.get("report") or {}
    for n, person in enumerate(record_list(report.get("travellers") if report else None)):
        if person.get("draft"):
            found.append(_traveller(n, person, lines))
    found += list(_sections(record_list(data.get("sections")), lines))
    for agenda in record_list(data.get("agenda")):
        if agenda.get("draft"):
            found += [
                _agenda_item(agenda, n, item, lines) for n, item in enumerate(agenda["items"])
            ]
    found += [_figure(fig, lines) for fig in record_list(data.get("figures")) if fig.get("draft")]
    found += [
        _initiative(item, lines)
        for item in record_list(data.get("initiatives"))
        if item.get("draft")
    ]
    found += [
        _photo(n, p, lines) for n, p in enumerate(record_list(data.get("photos"))) if p.get("draft")
    ]
    return found


def draft_count(folder: str | Path) -> int:
    """How many drafted records the folder still has (0 for a folder that cannot be read)."""
    try:
        return len(drafts(folder))
    except BriefingError:
        return 0


def record_list(value: Any) -> list[Record]:
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _text(record: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    return {n: "" if record.get(n) is None else str(record.get(n)) for n in names}


def _traveller(n: int, person: Record, lines: list[str]) -> Draft:
    label = " ".join(str(person.get(k) or "") for k in ("name", "title")).strip()
    return Draft(
        f"report:travellers:{n}",
        "traveller",
        str(person.get("name", "")),
        label,
        words_for(lines, str(person.get("name", ""))),
        "traveller",
        fields=_text(person, EDITABLE["traveller"]),
    )


def _sections(records: list[Record], lines: list[str]) -> Iterator[Draft]:
    for record in records:
        if record.get("draft"):
            kind = str(record.get("kind") or "content")
            heading = " ".join(str(record.get(k) or "") for k in ("number", "title")).strip()
            doubt = "section_kind" if kind != "content" else "heading"
            if kind == "content" and record.get("key_points"):
                doubt = "key_points"
            paragraphs = record.get("paragraphs") or []
            words = words_for(lines, str(record.get("title", "")))
            if paragraphs:
                words = f"{words}\n{paragraphs[0]}"
            yield Draft(
                f"sections:{record['id']}",
                "section",
                str(record["id"]),
                heading,
                words,
                doubt,
                detail=kind,
                fields=_text(record, EDITABLE["section"]) | {"kind": kind},
            )
        yield from _sections(record_list(record.get("children")), lines)


def _agenda_item(agenda: Record, n: int, item: Record, lines: list[str]) -> Draft:
    when = " ".join(str(item.get(k) or "") for k in ("date", "time")).strip()
    label = " ".join(
        p for p in (when, str(item.get("place") or ""), str(item.get("title", ""))) if p
    )
    return Draft(
        f"agenda:{agenda.get('id', 'programme')}:{n}",
        "agenda_item",
        f"{agenda.get('id', 'programme')}#{n + 1}",
        label,
        words_for(lines, (str(item.get("time") or ""), str(item.get("title", "")))),
        "agenda_row",
        detail=str(agenda.get("kind") or "programme"),
        fields=_text(item, EDITABLE["agenda_item"]),
    )


def _figure(fig: Record, lines: list[str]) -> Draft:
    evidence = fig.get("evidence") or {}
    hedge = isinstance(evidence, dict) and bool(evidence.get("qualifier"))
    value = f"{fig.get('value', '')} {fig.get('unit', '')}".strip()
    return Draft(
        f"figures:{fig['id']}",
        "figure",
        str(fig["id"]),
        f"{value} · {fig.get('measure', '')}",
        words_for(lines, str(fig.get("measure") or ""), str(fig.get("as_written") or "")),
        "figure_hedge" if hedge else "figure",
        detail=str(fig.get("qualifier") or ""),
        fields=_text(fig, EDITABLE["figure"]),
    )


def _initiative(item: Record, lines: list[str]) -> Draft:
    return Draft(
        f"initiatives:{item['id']}",
        "initiative",
        str(item["id"]),
        str(item.get("name", "")),
        str(item.get("summary") or words_for(lines, str(item.get("name", "")))),
        "initiative",
        fields=_text(item, EDITABLE["initiative"]),
    )


def _photo(n: int, photo: Record, lines: list[str]) -> Draft:
    caption = str(photo.get("caption") or photo.get("path") or "")
    return Draft(
        f"photos:{photo.get('id', n)}",
        "photo",
        str(photo.get("id", n)),
        caption,
        words_for(lines, caption),
        "photo",
        detail=str(photo.get("path") or ""),
        fields=_text(photo, EDITABLE["photo"]),
    )
