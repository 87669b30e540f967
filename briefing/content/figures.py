"""Updated figures: a YAML or CSV file that overrides or adds figure records.

A monthly deck picks up new numbers without touching the report. A row whose ``id`` exists
changes only the fields it gives; a new id must be a whole record (``value``, ``unit``,
``measure``, ``section``). ``as_written`` defaults to the value and unit. The build report says
where each figure came from.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from briefing.content.model import Figure
from briefing.content.report import check_references
from briefing.content.yamlsrc import Located, load_yaml
from briefing.errors import ContentError

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.content.report import Report

_NUMERIC = ("value",)


def apply_overrides(report: Report, path: Path) -> Report:
    """``report`` with the figure records of ``path`` applied."""
    rows = read_rows(path)
    figures = {f.id: f for f in report.figures}
    origins = dict(report.figure_origins)
    initiatives = {i.id: i for i in report.initiatives}
    adapter = TypeAdapter(Figure)
    for row, line in rows:
        fid = row.get("id")
        if not fid:
            raise ContentError("every figure row needs an id", file=path, line=line, field="id")
        merged = {**(figures[fid].model_dump() if fid in figures else {}), **row}
        if "as_written" not in row and "value" in row:
            merged["as_written"] = _as_written(merged)
        try:
            figure = adapter.validate_python(merged)
        except ValidationError as exc:
            item = exc.errors(include_url=False)[0]
            field = ".".join(str(p) for p in item["loc"])
            raise ContentError(item["msg"], file=path, line=line, field=field) from None
        if fid not in figures and figure.initiative in initiatives:
            owner = initiatives[figure.initiative]
            initiatives[owner.id] = owner.model_copy(update={"figures": (*owner.figures, fid)})
        figures[fid] = figure
        origins[fid] = f"{path}:{line}"
    updated = report.replace(
        figures=tuple(figures.values()),
        figure_origins=origins,
        initiatives=tuple(initiatives.values()),
    )
    check_references(updated)
    return updated


def read_rows(path: Path) -> list[tuple[dict[str, Any], int]]:
    """``(row, line)`` pairs from a YAML list of mappings or a CSV with a header row."""
    if not path.exists():
        raise ContentError("figures file not found", file=path)
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    located = load_yaml(path, error=ContentError)
    data = located.data
    if isinstance(data, dict) and "figures" in data:
        data = data["figures"]
        located = Located(
            data,
            located.file,
            {k[1:]: v for k, v in located.lines.items() if k[:1] == ("figures",)},
        )
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ContentError("expected a list of figure records", file=path, line=1)
    return [(row, located.line_of((i,)) or 1) for i, row in enumerate(data)]


def _csv_rows(path: Path) -> list[tuple[dict[str, Any], int]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = []
        for row in reader:
            clean = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
            for key in _NUMERIC:
                if key in clean:
                    clean[key] = _number(clean[key], path, reader.line_num, key)
            rows.append((clean, reader.line_num))
    return rows


def _number(text: str, path: Path, line: int, field: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise ContentError(f"not a number: {text!r}", file=path, line=line, field=field) from None


def _as_written(record: dict[str, Any]) -> str:
    value = float(record["value"])
    number = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    unit = record.get("unit", "")
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()
