"""Units as data: scales (萬, 億, 千 …), currencies and counted things, from ``units.yaml``.

A figure's ``unit`` is text as the report writes it (``萬歐元``, ``億新幣``, ``人``, ``大支柱``).
:func:`parse_unit` splits it into a scale and a base (``萬歐元`` -> 10,000 × ``歐元``, the
currency EUR); :func:`convert` turns a value from one unit into another of the same base, and
raises ValueError when they are not scales of one thing, so a chart can never draw 500 萬歐元
as 500 億歐元. The table ships in ``briefing/content/units.yaml``; a report folder may add a
``units.yaml`` of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TABLE = Path(__file__).with_name("units.yaml")


@dataclass(frozen=True)
class Unit:
    """A unit split into a scale and a base: ``萬歐元`` is ``Unit('萬歐元', 1e4, '歐元', 'EUR')``.

    ``currency`` is the ISO code (None for counted things); ``key`` is what two units must share
    to be converted into each other (the currency, else the base as written).
    """

    text: str
    scale: float
    base: str
    currency: str | None = None

    @property
    def key(self) -> str:
        return self.currency or self.base


@dataclass(frozen=True)
class UnitTable:
    scales: dict[str, float]
    currencies: dict[str, str]  # written name -> ISO code
    symbols: dict[str, str]  # ISO code -> symbol for English decks
    counts: dict[str, str]  # counted word -> English word
    words: dict[str, str] = field(default_factory=dict)  # ISO code -> word after a full value

    def word(self, code: str) -> str:
        """How a full value in currency ``code`` is written: ``元`` for TWD, ``歐元`` for EUR
        (39,265,000 元; 2,100,000,000 歐元)."""
        return self.words.get(code, code)

    def parse(self, text: str) -> Unit:
        """``text`` split into scale and base (scale 1 and the whole text when no scale fits)."""
        written = text.strip()
        for prefix in sorted(self.scales, key=len, reverse=True):
            rest = written[len(prefix) :]
            if written.startswith(prefix) and rest and _known_base(self, rest):
                return Unit(written, self.scales[prefix], rest, self.currencies.get(rest))
        if written in self.scales:  # a bare 萬 or 億 counts things
            return Unit(written, self.scales[written], "", None)
        return Unit(written, 1.0, written, self.currencies.get(written))

    def with_extra(self, data: dict[str, Any]) -> UnitTable:
        extra = _table(data)
        return UnitTable(
            {**self.scales, **extra.scales},
            {**self.currencies, **extra.currencies},
            {**self.symbols, **extra.symbols},
            {**self.counts, **extra.counts},
            {**self.words, **extra.words},
        )


def _known_base(table: UnitTable, base: str) -> bool:
    return bool(base) and (base in table.currencies or base in table.counts or len(base) <= 4)


@lru_cache(maxsize=1)
def default_table() -> UnitTable:
    """The units shipped with the program."""
    return _table(yaml.safe_load(TABLE.read_text(encoding="utf-8")))


def _table(data: dict[str, Any]) -> UnitTable:
    currencies: dict[str, str] = {}
    symbols: dict[str, str] = {}
    words: dict[str, str] = {}
    for code, entry in (data.get("currencies") or {}).items():
        names = [str(n) for n in entry.get("names", ())]
        for name in names:
            currencies[name] = str(code)
        currencies[str(code)] = str(code)
        symbols[str(code)] = str(entry.get("symbol", code))
        words[str(code)] = str(entry.get("word") or (names[0] if names else code))
    return UnitTable(
        scales={str(k): float(v) for k, v in (data.get("scales") or {}).items()},
        currencies=currencies,
        symbols=symbols,
        counts={str(k): str(v) for k, v in (data.get("counts") or {}).items()},
        words=words,
    )


def parse_unit(text: str, table: UnitTable | None = None) -> Unit:
    """``text`` as a :class:`Unit` (with the default table unless one is given)."""
    return (table or default_table()).parse(text)


def convertible(a: str, b: str, table: UnitTable | None = None) -> bool:
    """Whether values in unit ``a`` can be shown in unit ``b`` (same currency or base)."""
    return a == b or parse_unit(a, table).key == parse_unit(b, table).key


def convert(value: float, source: str, target: str, table: UnitTable | None = None) -> float:
    """``value`` in unit ``source`` expressed in unit ``target``; ValueError if they differ in
    kind (``萬歐元`` to ``新幣``, or ``大支柱`` to ``人``)."""
    if source == target:
        return value
    a, b = parse_unit(source, table), parse_unit(target, table)
    if a.key != b.key:
        raise ValueError(f"cannot express {source!r} in {target!r}")
    return value * a.scale / b.scale


def smallest(units: list[str], table: UnitTable | None = None) -> str:
    """Of units that are scales of one thing, the one with the smallest scale (values then stay
    whole numbers: 500 萬歐元 and 2 億歐元 plot as 500 and 20,000 萬歐元)."""
    return min(units, key=lambda u: parse_unit(u, table).scale)


_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def english(text: str, table: UnitTable | None = None) -> tuple[str, float]:
    """How an English deck writes values in unit ``text``: ``(unit, factor)``.

    ``萬新幣`` -> ``("S$ million", 0.01)`` (4,000 萬新幣 is S$40 million); ``億歐元`` ->
    ``("€ billion", 0.1)``; ``人`` -> ``("people", 1)``; a unit the table does not know stays as
    written.
    """
    table = table or default_table()
    unit = table.parse(text)
    if unit.currency:
        word = table.symbols.get(unit.currency, unit.currency)
    elif unit.base in table.counts:
        word = table.counts[unit.base]
    elif not unit.base:
        word = ""
    else:
        return text, 1.0
    if unit.scale == 1:
        return word, 1.0
    # money in the smallest English scale at or above the unit's (萬新幣: S$ 0.01 million),
    # counts in the largest at or below it (萬人: 10 thousand people)
    if unit.currency:
        above = [(s, n) for s, n in _EN_SCALES if s >= unit.scale]
        size, name = min(above) if above else _EN_SCALES[0]
    else:
        below = [(s, n) for s, n in _EN_SCALES if s <= unit.scale]
        size, name = max(below) if below else _EN_SCALES[-1]
    label = f"{word} {name}" if unit.currency else f"{name} {word}"
    return label.strip(), unit.scale / size
