"""Updated figures: a YAML or CSV file that overrides or adds figure records.

A monthly deck picks up new numbers without touching the report. A row whose ``id`` exists
changes only the fields it gives; a new id must be a whole record (``value``, ``unit``,
``measure``, ``section``). ``as_written`` defaults to the value and unit. The build report says
where each figure came from.
"""

from __future__ import annotations

import csv
import io
import math
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from briefing import limits
from briefing.content import display
from briefing.content.model import Figure
from briefing.content.report import check_references
from briefing.content.selection import nearest
from briefing.content.units import parse_unit
from briefing.content.validation import message_of
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
            merged["as_written"] = _as_written(merged) or merged.get("as_written")
        try:
            figure = adapter.validate_python(merged)
        except ValidationError as exc:
            item = exc.errors(include_url=False)[0]
            field = ".".join(str(p) for p in item["loc"])
            raise ContentError(message_of(item), file=path, line=line, field=field) from None
        _check_row_references(figure, report, path, line)
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


def _check_row_references(figure: Figure, report: Report, path: Path, line: int) -> None:
    """A row's section, initiative and country must exist: reported at the row, in the
    figures file (not at the report's own figures.yaml)."""
    known = {
        "section": {e.section.id for e in report.outline},
        "initiative": {i.id for i in report.initiatives},
        "country": {c.id for c in report.meta.vocabulary.countries},
    }
    for field, ids in known.items():
        value = getattr(figure, field)
        if value is not None and value not in ids:
            close = nearest(value, ids)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            message = f"unknown {field} id {limits.excerpt(value)}{hint}"
            raise ContentError(message, file=path, line=line, field=field)


def read_rows(path: Path) -> list[tuple[dict[str, Any], int]]:
    """``(row, line)`` pairs from a YAML list of mappings or a CSV with a header row."""
    if not path.exists():
        raise ContentError("figures file not found", file=path)
    if path.is_dir():
        raise ContentError("this is a folder; name a figures file (.yaml or .csv)", file=path)
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
    """Rows of a UTF-8 CSV file read within the size limit; a field too long for the csv
    module or for a slide, or holding a character XML cannot, is an error at its line."""
    text = limits.read_text(path, limit=limits.MAX_DATA_BYTES, error=ContentError, what="CSV file")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        for row in reader:
            rows.append((_csv_row(row, path, reader.line_num), reader.line_num))
    except csv.Error as exc:
        raise ContentError(f"not valid CSV: {exc}", file=path, line=reader.line_num + 1) from None
    return rows


def _csv_row(row: dict[Any, Any], path: Path, line: int) -> dict[str, Any]:
    if None in row:  # more cells than the header has names
        raise ContentError("more cells than the header row has columns", file=path, line=line)
    clean = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
    for key, value in clean.items():
        limits.check_text(value, error=ContentError, file=path, line=line, field=key)
    for key in _NUMERIC:
        if key in clean:
            clean[key] = _number(clean[key], path, line, key)
    return clean


def _number(text: str, path: Path, line: int, field: str) -> float:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        value = None
    if value is None or value != value or value in (float("inf"), float("-inf")):
        message = f"not a finite number: {limits.excerpt(text)}"
        raise ContentError(message, file=path, line=line, field=field) from None
    return value


def _as_written(record: dict[str, Any]) -> str | None:
    """The value and unit as a report would write them; None when the value is no number
    (validation then says so, at the row)."""
    try:
        value = float(record["value"])
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(value):
        return None
    number = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    unit = record.get("unit", "")
    if display.long_digits(number) and parse_unit(str(unit)).scale == 1:
        return display.scaled_figure(value, str(unit), "zh-TW").text  # 3,926.5萬元
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()
