"""Reviewing an imported content folder: what the importer drafted (``draft: true``), and the
reviewer's decisions written back.

:func:`drafts` lists every drafted record (sections with their kind, travellers, itinerary or
programme entries, figures, initiatives, photos), each with the report's own words and the
doubt that made it a draft (a code; the shells word it). :func:`apply_review` accepts (clears
``draft``), edits and rejects them (a rejected record goes, and so do the references to it),
validates the result as ``check`` does, and only then replaces the changed files atomically.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import yaml

from briefing import files
from briefing.content.model import Qualifier, SectionKind
from briefing.errors import BriefingError, ContentError
from briefing.importing.rocdates import read_date

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
def _read(folder: Path) -> dict[str, Any]:
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
    data = _read(folder)
    lines = _source_lines(folder, data)
    found: list[Draft] = []
    report = data.get("report") or {}
    for n, person in enumerate(_records(report.get("travellers") if report else None)):
        if person.get("draft"):
            found.append(_traveller(n, person, lines))
    found += list(_sections(_records(data.get("sections")), lines))
    for agenda in _records(data.get("agenda")):
        if agenda.get("draft"):
            found += [
                _agenda_item(agenda, n, item, lines) for n, item in enumerate(agenda["items"])
            ]
    found += [_figure(fig, lines) for fig in _records(data.get("figures")) if fig.get("draft")]
    found += [
        _initiative(item, lines) for item in _records(data.get("initiatives")) if item.get("draft")
    ]
    found += [
        _photo(n, p, lines) for n, p in enumerate(_records(data.get("photos"))) if p.get("draft")
    ]
    return found


def draft_count(folder: str | Path) -> int:
    """How many drafted records the folder still has (0 for a folder that cannot be read)."""
    try:
        return len(drafts(folder))
    except BriefingError:
        return 0


def _records(value: Any) -> list[Record]:
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
        yield from _sections(_records(record.get("children")), lines)


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


# -- writing -------------------------------------------------------------------------------------
def apply_review(
    folder: str | Path,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    edits: Mapping[str, Mapping[str, str]] | None = None,
) -> ReviewResult:
    """Write the reviewer's decisions into ``folder``: ``accept`` and ``edits`` (key -> field ->
    new text; an edit accepts too) clear ``draft``; ``reject`` removes the records and the
    references to them. The result is validated like ``check`` (schema, ids, every quote in the
    report's words) before any file is replaced; a problem raises ContentError naming the file
    and field, and leaves the folder as it was."""
    folder = Path(folder)
    data = _read(folder)
    edits = dict(edits or {})
    accepted = set(accept) | set(edits)
    rejected = set(reject)
    kept = 0
    for key in accepted - rejected:
        record = _find(data, key)
        if record is None:
            raise ContentError(f"no drafted record {key!r} to accept", file=folder)
        for name, value in (edits.get(key) or {}).items():
            _set(record, name, value)
        if not key.startswith("agenda:"):  # an entry has no flag: its agenda has
            record.pop("draft", None)
        kept += 1
    _settle_agendas(data, accepted | rejected)
    removed = _remove(data, rejected)
    written = _write_checked(folder, data)
    return ReviewResult(kept, tuple(sorted(removed)), draft_count(folder), written)


def _find(data: dict[str, Any], key: str) -> Record | None:
    name, _, rest = key.partition(":")
    if name == "report":
        field_name, _, n = rest.partition(":")
        items = _records((data.get("report") or {}).get(field_name))
        return items[int(n)] if n.isdigit() and int(n) < len(items) else None
    if name == "agenda":
        agenda_id, _, n = rest.rpartition(":")
        for agenda in _records(data.get("agenda")):
            items = _records(agenda.get("items"))
            if (
                str(agenda.get("id", "programme")) == agenda_id
                and n.isdigit()
                and int(n) < len(items)
            ):
                return items[int(n)]
        return None
    if name == "sections":
        return _section(_records(data.get("sections")), rest)
    return next((r for r in _records(data.get(name)) if str(r.get("id")) == rest), None)


def _section(records: list[Record], section_id: str) -> Record | None:
    for record in records:
        if str(record.get("id")) == section_id:
            return record
        found = _section(_records(record.get("children")), section_id)
        if found is not None:
            return found
    return None


def _set(record: Record, name: str, value: str) -> None:
    allowed = {f for names in EDITABLE.values() for f in names}
    if name not in allowed:
        raise ContentError(f"{name!r} cannot be edited in a review", field=name)
    text = value.strip()
    if name == "value":
        record[name] = _number(text)
    elif name == "date":
        record[name] = _date(text)
    elif name in CHOICES and text not in CHOICES[name]:
        raise ContentError(f"unknown {name} {text!r}", field=name)
    elif text:
        record[name] = text
    else:
        record.pop(name, None)


def _number(text: str) -> int | float:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise ContentError(f"not a number: {text!r}", field="value") from None
    return int(number) if number.is_integer() else number


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        found = read_date(text)
        if found is None:
            raise ContentError(f"not a date: {text!r}", field="date") from None
        return found


def _settle_agendas(data: dict[str, Any], decided: set[str]) -> None:
    """An agenda is reviewed once every entry of it is accepted or rejected."""
    for agenda in _records(data.get("agenda")):
        keys = {f"agenda:{agenda.get('id', 'programme')}:{n}" for n in range(len(agenda["items"]))}
        if agenda.get("draft") and keys <= decided:
            agenda.pop("draft", None)


def _remove(data: dict[str, Any], keys: set[str]) -> set[str]:
    """Remove the records named by ``keys`` and what points to them; returns every key removed
    (a section's sub-sections and figures go with it; an agenda with no entry left goes)."""
    gone: dict[str, set[str]] = {n: set() for n in ("sections", "figures", "initiatives", "agenda")}
    removed: set[str] = set()
    by_agenda: dict[str, set[int]] = {}
    for key in sorted(keys):
        name, _, rest = key.partition(":")
        if name == "agenda":
            agenda_id, _, n = rest.rpartition(":")
            by_agenda.setdefault(agenda_id, set()).add(int(n))
        elif name == "report":
            continue  # travellers: below, by index
        elif name == "sections":
            gone["sections"] |= _cut_section(data, rest)
        elif name in data:
            data[name] = [r for r in _records(data[name]) if str(r.get("id")) != rest]
            gone.setdefault(name, set()).add(rest)
        removed.add(key)
    travellers = sorted(
        (int(k.rsplit(":", 1)[1]) for k in keys if k.startswith("report:travellers:")), reverse=True
    )
    people = _records((data.get("report") or {}).get("travellers"))
    for n in travellers:
        if n < len(people):
            del people[n]
            removed.add(f"report:travellers:{n}")
    if travellers and "report" in data:
        data["report"]["travellers"] = people or None
        if not people:
            del data["report"]["travellers"]
    for agenda in _records(data.get("agenda")):
        drop = by_agenda.get(str(agenda.get("id", "programme")), set())
        agenda["items"] = [i for n, i in enumerate(agenda["items"]) if n not in drop]
        removed |= {f"agenda:{agenda.get('id', 'programme')}:{n}" for n in drop}
    for agenda in _records(data.get("agenda")):
        if not agenda["items"]:
            gone["agenda"].add(str(agenda.get("id", "programme")))
    if "agenda" in data:
        data["agenda"] = [a for a in _records(data["agenda"]) if a["items"]]
    _drop_references(data, gone)
    removed |= {f"figures:{f}" for f in gone["figures"]}
    return removed


def _cut_section(data: dict[str, Any], section_id: str) -> set[str]:
    """Remove a section (with its sub-sections); the ids removed."""

    def ids(record: Record) -> set[str]:
        found = {str(record.get("id"))}
        for child in _records(record.get("children")):
            found |= ids(child)
        return found

    def cut(records: list[Record]) -> tuple[list[Record], set[str]]:
        kept, cut_ids = [], set()
        for record in records:
            if str(record.get("id")) == section_id:
                cut_ids |= ids(record)
                continue
            if record.get("children"):
                record["children"], inner = cut(_records(record["children"]))
                cut_ids |= inner
                if not record["children"]:
                    del record["children"]
            kept.append(record)
        return kept, cut_ids

    data["sections"], found = cut(_records(data.get("sections")))
    return found


def _drop_references(data: dict[str, Any], gone: dict[str, set[str]]) -> None:
    """Take removed ids out of every list that names them; a figure of a removed section goes
    with it; a chart left with nothing to draw goes too."""
    sections, initiatives = gone["sections"], gone["initiatives"]
    figures = [f for f in _records(data.get("figures")) if f.get("section") in sections]
    gone["figures"] |= {str(f.get("id")) for f in figures}
    if "figures" in data:
        data["figures"] = [f for f in _records(data["figures"]) if f not in figures]
    for fig in _records(data.get("figures")):
        if fig.get("initiative") in initiatives:
            del fig["initiative"]
    for item in _records(data.get("initiatives")):
        _filter(item, "sections", sections)
        _filter(item, "figures", gone["figures"])
        for quotes in (item.get("evidence") or {}).values():
            for quote in quotes if isinstance(quotes, list) else [quotes]:
                if isinstance(quote, dict) and quote.get("section") in sections:
                    del quote["section"]
    for agenda in _records(data.get("agenda")):
        if agenda.get("section") in sections:
            del agenda["section"]
    charts = _records(data.get("charts"))
    for chart in charts:
        _filter(chart, "sections", sections)
        _filter(chart, "figures", gone["figures"])
        _filter(chart, "initiatives", initiatives)
        if chart.get("agenda") in gone["agenda"]:
            chart["_gone"] = True
    if charts:
        data["charts"] = [c for c in charts if not c.pop("_gone", False)]


def _filter(record: Record, name: str, ids: set[str]) -> None:
    value = record.get(name)
    if isinstance(value, list):
        record[name] = [v for v in value if v not in ids]
        if not record[name]:
            del record[name]


def _write_checked(folder: Path, data: dict[str, Any]) -> tuple[Path, ...]:
    """Validate ``data`` in a scratch copy of the folder (as ``check`` would), then replace the
    files that changed, each atomically. Problems name the real folder's files."""
    from briefing.content.evidence import evidence_problems
    from briefing.content.report import load_report

    texts = {name: _dump(folder / f"{name}.yaml", data[name]) for name in data}
    changed = {
        name: text
        for name, text in texts.items()
        if (folder / f"{name}.yaml").read_text(encoding="utf-8") != text
    }
    with tempfile.TemporaryDirectory(prefix="briefing-review-") as scratch:
        copy = Path(scratch) / folder.name
        shutil.copytree(folder, copy)
        for name, text in changed.items():
            (copy / f"{name}.yaml").write_text(text, encoding="utf-8")
        try:
            report = load_report(copy)
            problem = next(iter(evidence_problems(report)), None)
        except BriefingError as exc:
            problem = exc
        if problem is not None:
            file = str(problem.file or "").replace(str(copy), str(folder))
            raise ContentError(problem.message, file=file, line=problem.line, field=problem.field)
    written = []
    for name, text in changed.items():
        path = folder / f"{name}.yaml"
        files.write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return tuple(written)


def _dump(path: Path, records: Any) -> str:
    """The YAML of ``records`` under the file's own header comments."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(
        records, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
    return "\n".join([*header, body]) if header else body
