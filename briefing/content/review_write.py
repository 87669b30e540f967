"""Writing a review's decisions into an imported content folder (see
:mod:`briefing.content.review`): accepted and edited records lose ``draft``, rejected ones go
with every reference to them, and the folder is validated as ``check`` does before any file
is replaced, each atomically."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from briefing import files
from briefing.content.review import (
    CHOICES,
    EDITABLE,
    Record,
    ReviewResult,
    draft_count,
    read_folder,
    record_list,
)
from briefing.errors import BriefingError, ContentError
from briefing.importing.rocdates import read_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


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
    data = read_folder(folder)
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
        items = record_list((data.get("report") or {}).get(field_name))
        return items[int(n)] if n.isdigit() and int(n) < len(items) else None
    if name == "agenda":
        agenda_id, _, n = rest.rpartition(":")
        for agenda in record_list(data.get("agenda")):
            items = record_list(agenda.get("items"))
            if (
                str(agenda.get("id", "programme")) == agenda_id
                and n.isdigit()
                and int(n) < len(items)
            ):
                return items[int(n)]
        return None
    if name == "sections":
        return _section(record_list(data.get("sections")), rest)
    return next((r for r in record_list(data.get(name)) if str(r.get("id")) == rest), None)


def _section(records: list[Record], section_id: str) -> Record | None:
    for record in records:
        if str(record.get("id")) == section_id:
            return record
        found = _section(record_list(record.get("children")), section_id)
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
    for agenda in record_list(data.get("agenda")):
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
            data[name] = [r for r in record_list(data[name]) if str(r.get("id")) != rest]
            gone.setdefault(name, set()).add(rest)
        removed.add(key)
    travellers = sorted(
        (int(k.rsplit(":", 1)[1]) for k in keys if k.startswith("report:travellers:")), reverse=True
    )
    people = record_list((data.get("report") or {}).get("travellers"))
    for n in travellers:
        if n < len(people):
            del people[n]
            removed.add(f"report:travellers:{n}")
    if travellers and "report" in data:
        data["report"]["travellers"] = people or None
        if not people:
            del data["report"]["travellers"]
    for agenda in record_list(data.get("agenda")):
        drop = by_agenda.get(str(agenda.get("id", "programme")), set())
        agenda["items"] = [i for n, i in enumerate(agenda["items"]) if n not in drop]
        removed |= {f"agenda:{agenda.get('id', 'programme')}:{n}" for n in drop}
    for agenda in record_list(data.get("agenda")):
        if not agenda["items"]:
            gone["agenda"].add(str(agenda.get("id", "programme")))
    if "agenda" in data:
        data["agenda"] = [a for a in record_list(data["agenda"]) if a["items"]]
    _drop_references(data, gone)
    removed |= {f"figures:{f}" for f in gone["figures"]}
    return removed


def _cut_section(data: dict[str, Any], section_id: str) -> set[str]:
    """Remove a section (with its sub-sections); the ids removed."""

    def ids(record: Record) -> set[str]:
        found = {str(record.get("id"))}
        for child in record_list(record.get("children")):
            found |= ids(child)
        return found

    def cut(records: list[Record]) -> tuple[list[Record], set[str]]:
        kept, cut_ids = [], set()
        for record in records:
            if str(record.get("id")) == section_id:
                cut_ids |= ids(record)
                continue
            if record.get("children"):
                record["children"], inner = cut(record_list(record["children"]))
                cut_ids |= inner
                if not record["children"]:
                    del record["children"]
            kept.append(record)
        return kept, cut_ids

    data["sections"], found = cut(record_list(data.get("sections")))
    return found


def _drop_references(data: dict[str, Any], gone: dict[str, set[str]]) -> None:
    """Take removed ids out of every list that names them; a figure of a removed section goes
    with it; a chart left with nothing to draw goes too."""
    sections, initiatives = gone["sections"], gone["initiatives"]
    figures = [f for f in record_list(data.get("figures")) if f.get("section") in sections]
    gone["figures"] |= {str(f.get("id")) for f in figures}
    if "figures" in data:
        data["figures"] = [f for f in record_list(data["figures"]) if f not in figures]
    for fig in record_list(data.get("figures")):
        if fig.get("initiative") in initiatives:
            del fig["initiative"]
    for item in record_list(data.get("initiatives")):
        _filter(item, "sections", sections)
        _filter(item, "figures", gone["figures"])
        for quotes in (item.get("evidence") or {}).values():
            for quote in quotes if isinstance(quotes, list) else [quotes]:
                if isinstance(quote, dict) and quote.get("section") in sections:
                    del quote["section"]
    for agenda in record_list(data.get("agenda")):
        if agenda.get("section") in sections:
            del agenda["section"]
    charts = record_list(data.get("charts"))
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
