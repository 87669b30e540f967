"""Numbers in the report's own scale, for whatever a slide shows (tiles, chart labels, axes).

An imported figure keeps its full value in its base unit (「新臺幣3,926萬5千元」 is ``39265000``
元); a slide never shows that as a long digit string. This module says how to write it:

* :func:`split_written` splits a report's words for a number into what stands before it (a
  currency: 新臺幣, €), the number as written (``3,926萬5千``, ``20–30``) and the unit after it;
* :func:`scaled` writes a value in the largest Chinese scale it fills (``3,926.5`` ``萬``,
  ``25`` ``億``) or in million / billion for English decks, every digit of the value kept;
* :func:`chart_scale` picks one scale for a chart's axis from its values.

Pure functions on text and numbers (no python-pptx, no matplotlib).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from briefing.content import units

if TYPE_CHECKING:
    from briefing.content.model import Figure

ZH_SCALES = ((1e12, "兆"), (1e8, "億"), (1e4, "萬"))
EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: From these values on, a chart in a unit without a scale is drawn in a larger one
#: (zh-TW: 100,000 元 -> 10 萬元; en: 1,000,000 -> 1 million).
THRESHOLD = {"zh-TW": 1e5, "en": 1e6}
#: A run of this many digits (commas aside) is no way to show a number on a slide.
LONG_DIGITS = 8

_SCALE_CHARS = "千百萬億兆"
_NUMBER_END = re.compile(r"^(.*\d)(\D*)$")
_LONG = re.compile(rf"\d{{{LONG_DIGITS},}}")
_RANGE = re.compile(r"([\d千百萬億兆])\s*(?:至|到|~|～|－|-|—)\s*(?=\d)")
# Currency words and symbols that may stand before a number (新臺幣3,926萬5千元, €2.1 billion)
_PREFIX_SYMBOLS = ("NT$", "US$", "S$", "HK$", "A$", "C$", "NZ$", "CN¥", "€", "¥", "£", "₩", "₹")
_PREFIX_SYMBOL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in _PREFIX_SYMBOLS) + r")(?: (.+))?$"
)


@dataclass(frozen=True)
class Written:
    """A number as a slide shows it: ``before`` (a currency word), ``number``, ``unit``."""

    before: str
    number: str
    unit: str

    @property
    def text(self) -> str:
        return self.before + self.number + self.unit


def long_digits(text: str) -> bool:
    """Whether ``text`` holds a run of 8 or more digits (``39,265,000`` counts)."""
    return bool(_LONG.search(text.replace(",", "")))


def split_written(value: str, unit: str, table: units.UnitTable | None = None) -> Written:
    """A tile's number and unit split the way the report groups them.

    ``value`` and ``unit`` are the report's words cut at the last digit (``新臺幣3,926萬5`` and
    ``千元``): a scale that ends a compound number moves to the number (``3,926萬5千`` ``元``),
    a currency written before the number moves out of it (``新臺幣``), and a range reads
    low–high (``20至30`` -> ``20–30``). Other numbers are returned as they were.
    """
    table = table or units.default_table()
    before = ""
    if unit[:1] and unit[0] in _SCALE_CHARS and any(c in _SCALE_CHARS for c in value):
        value, unit = value + unit[0], unit[1:]
    first = next((i for i, ch in enumerate(value) if ch.isdigit()), 0)
    head = value[:first].strip()
    if head and (head in table.currencies or head in _PREFIX_SYMBOLS):
        before, value = value[:first], value[first:]
    value = _RANGE.sub(r"\1–", value) if _RANGE.search(value) else value
    return Written(before, value, unit)


def tile_number(
    fig: Figure, written: str, language: str, table: units.UnitTable | None = None
) -> Written:
    """What a key-figure tile shows for ``fig`` (``written`` is its as_written, normalised).

    The report's own number where it gives one (``3,926萬5千`` ``元``, ``20–30`` ``人``); the
    value in the largest fitting scale where the words are a long digit string
    (``39,265,000 元`` -> ``3,926.5`` ``萬元``), or, in an English deck, where the report counts
    in 萬 and 億 (``300億円`` -> ``¥`` ``30`` `` billion``). A figure in a unit with a scale of
    its own (``4,000 萬新幣``) is shown as written.
    """
    match = _NUMBER_END.match(written)
    value, unit = (match.group(1), match.group(2)) if match else (written, "")
    shown = split_written(value, unit, table)
    full = units.parse_unit(fig.unit, table).scale == 1
    chinese_scale = any(c in "萬億兆" for c in shown.number + shown.unit[:1])
    if not full or not (long_digits(shown.number) or (language == "en" and chinese_scale)):
        return shown
    top = fig.value if fig.high is None else max(abs(fig.value), abs(fig.high))
    tile = scaled_figure(top, fig.unit, language, table)
    if fig.high is not None:  # low–high in the scale of the high, the unit once
        scale, _ = scale_of(top, language)
        low, high = decimal_text(fig.value, scale), decimal_text(fig.high, scale)
        tile = Written(tile.before, f"{low}–{high}", tile.unit)
    return tile


def decimal_text(value: float, scale: float = 1.0) -> str:
    """``value / scale`` with thousands separators and every digit it has (no rounding):
    ``39265000 / 1e4`` -> ``3,926.5``."""
    exact = Decimal(repr(float(value))) / Decimal(repr(float(scale)))
    exact = exact.normalize()
    whole, _, fraction = f"{exact:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or '0'):,}"
    return sign + whole + ("." + fraction if fraction else "")


def scale_of(value: float, language: str) -> tuple[float, str]:
    """The largest scale ``value`` fills: ``(1e8, '億')``; ``(1.0, '')`` below the smallest."""
    scales = EN_SCALES if language == "en" else ZH_SCALES
    size = abs(value)
    return next(((s, name) for s, name in scales if size >= s), (1.0, ""))


def scaled(value: float, language: str) -> tuple[str, str]:
    """``value`` in the largest fitting scale: ``39265000`` -> (``3,926.5``, ``萬``);
    ``2.5e9`` in English -> (``2.5``, ``billion``)."""
    scale, name = scale_of(value, language)
    return decimal_text(value, scale), name


def scaled_figure(
    value: float, unit: str, language: str, table: units.UnitTable | None = None
) -> Written:
    """A value in a unit without a scale written for a slide: ``3,926.5`` ``萬元`` (zh-TW);
    ``S$`` ``2.1`` `` billion`` or ``4.53`` `` million people`` (en)."""
    table = table or units.default_table()
    number, name = scaled(value, language)
    parsed = table.parse(unit)
    if language != "en":
        return Written("", number, f"{name}{unit}")
    if parsed.currency:
        symbol = table.symbols.get(parsed.currency, parsed.currency)
        return Written(symbol, number, f" {name}".rstrip())
    word = table.counts.get(parsed.base, unit)
    tail = " ".join(w for w in (name, word) if w)
    return Written("", number, f" {tail}" if tail else "")


def chart_scale(
    values: list[float], unit: str | None, language: str, table: units.UnitTable | None = None
) -> tuple[str, float, str] | None:
    """One scale for a chart's labels and axis, from its largest value: ``(label unit, factor,
    axis unit)``: ``("億日圓", 1e-8, "億日圓")``; in English ``("¥ billion", 1e-9, "JPY
    billion")`` (labels ``¥30 billion``, never ``¥100 million``) or ``("million people", 1e-6,
    …)``. None when the unit has a scale of its own (萬新幣) or the values read as they are."""
    table = table or units.default_table()
    if not unit or not values:
        return None
    parsed = table.parse(unit)
    language = "en" if language == "en" else "zh-TW"
    top = max(abs(v) for v in values)
    if parsed.scale != 1 or top < THRESHOLD[language]:
        return None
    size, name = _exact_scale(values, top, language)
    if language != "en":
        return f"{name}{unit}", 1 / size, f"{name}{unit}"
    if parsed.currency:
        symbol = table.symbols.get(parsed.currency, parsed.currency)
        return f"{symbol} {name}", 1 / size, f"{parsed.currency} {name}"
    word = table.counts.get(parsed.base, unit)
    text = f"{name} {word}".strip()
    return text, 1 / size, text


def _exact_scale(values: list[float], top: float, language: str) -> tuple[float, str]:
    """The largest scale the top value fills in which every value still reads exactly with two
    decimals (39,265,000 and 120,000,000 元 -> 萬: 3,926.5 and 12,000, not 0.39 億); the
    smallest such scale when none does."""
    scales = [(s, n) for s, n in (EN_SCALES if language == "en" else ZH_SCALES) if s <= top]
    for size, name in scales:
        if all(abs(round(v / size, 2) * size - v) <= abs(v) * 1e-12 for v in values):
            return size, name
    return scales[-1]


def prefix_symbol(unit: str) -> tuple[str, str] | None:
    """``("€", "billion")`` for an English unit written with its symbol before the number
    (``€ billion``), so a label reads ``€2.1 billion``; None for other units."""
    match = _PREFIX_SYMBOL.match(unit)
    return (match.group(1), match.group(2) or "") if match else None
