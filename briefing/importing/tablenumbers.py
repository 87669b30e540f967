"""The texts of a section numbers are read from, each with the unit its table gives bare
numbers: paragraphs (a 「單位：新臺幣千元」 line gives its unit to the table cells a PDF or a
text file writes as lines after it), and table cells (a caption's 單位, a 單位 row, or a column
header's unit in brackets: 「金額（新台幣元）」).

A table's unit line is never itself a figure (新臺幣千元 is not 「1000 元」).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.content.units import default_table

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.importing.blocks import Table
    from briefing.importing.outline import Node

_UNIT_LINE = re.compile(r"單位\s*[:：]\s*([^\s）)，,。；;]+)")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:單位\s*[:：]\s*)?([^（()）\s]{1,8})\s*[)）]\s*$")
_LABEL_COLUMN = re.compile(
    r"^\s*(?:年|年度|年份|日期|時間|項次|編號|序號|代碼|代號|電話|No\.?|#)\s*$", re.I
)
_PROSE = re.compile(r"[。；，]")
_NUMBERS_LAST = re.compile(r"(?:^|\s)\d[\d,.]*(?:\s+\d[\d,.]*)*\s*$")  # 海岸 1,850,400 2,010,000
_CELL_LINE = 40  # a longer line, or one with clause punctuation, ends a table written as lines


def numbered_texts(node: Node) -> Iterator[tuple[str, str | None]]:
    """Every paragraph and table cell of ``node`` with the unit its table states (or None)."""
    unit: str | None = None
    for text in node.paragraphs:
        stated = _UNIT_LINE.search(text)
        if stated:
            unit = stated.group(1)
            yield _without_unit_line(text), None
            continue
        if unit and (len(text) > _CELL_LINE or _PROSE.search(text)):
            unit = None
        yield text, unit if unit and _NUMBERS_LAST.search(text) else None
    captions = [m.group(1) for p in node.paragraphs for m in _UNIT_LINE.finditer(p)]
    caption = captions[0] if len(set(captions)) == 1 and len(node.tables) == 1 else None
    for table in node.tables:
        yield from _cells(table, caption)


def _without_unit_line(text: str) -> str:
    return _UNIT_LINE.sub("", text)


def _cells(table: Table, caption: str | None) -> Iterator[tuple[str, str | None]]:
    rows = [list(row) for row in table.rows]
    if not rows:
        return
    unit = caption
    for row in rows:
        stated = next((_UNIT_LINE.search(c) for c in row if _UNIT_LINE.search(c)), None)
        if stated:
            unit = stated.group(1)
    header = rows[0]
    columns = [_header_unit(cell) for cell in header]
    labels = [bool(_LABEL_COLUMN.search(cell)) and not columns[j] for j, cell in enumerate(header)]
    seen: set[str] = set()
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell in seen and row.count(cell) > 1 or _UNIT_LINE.search(cell):
                continue  # a merged cell repeats its text
            seen.add(cell)
            column = columns[j] if j < len(columns) and i > 0 else None
            if j < len(labels) and labels[j]:
                yield cell, None  # a year, a date or a serial number, not an amount
                continue
            yield cell, column or (unit if i > 0 else None)
        seen.clear()


def _header_unit(cell: str) -> str | None:
    """The unit a column header names in brackets (金額（新台幣元）), not a note (（草案）)."""
    found = _HEADER_UNIT.search(cell)
    if not found:
        return None
    unit, table = found.group(1), default_table()
    known = any(n in unit for n in table.currencies if not n.isascii()) or (
        table.parse(unit).base in table.counts
    )
    return unit if known else None


def table_rows(node: Node) -> list[list[list[str]]]:
    """The node's tables as rows of cell texts, for the section record."""
    return [[list(row) for row in table.rows] for table in node.tables]
