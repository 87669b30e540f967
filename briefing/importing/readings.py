"""Readings on a named scale: 震度7, 規模7.3, 芮氏規模6.8, 第4級, 6級地震.

A reading is a figure whose unit is the scale's word as the report writes it (震度7 is 7 震度,
芮氏規模6.8 is 6.8 芮氏規模, 第4級 is 4 級): nothing is added that the report does not say (not
which agency's scale it is). The scale word comes before the number (達, 為 or a hedge between
at most: 規模約7.3 is about 7.3 規模) or 級 right after it; a number with a unit of its own
(市場規模約5.2兆美元) is an amount, not a reading, and is read as one before this is asked. A
reading between two grades (震度6強, 震度5弱) is no number a slide can show as a figure: it is a
doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BEFORE = re.compile(
    r"(芮氏規模|里氏規模|地震規模|規模|震度)(達|為|約|近|逾|超過|高於|最高|上看|預估)?\s?$"
)
_GRADE = "級"
_NOT_GRADE = ("距", "數", "別")  # 級距, 級數, 級別 are words, not a grade
_HALF_GRADES = ("強", "弱")
BETWEEN_GRADES = "a reading between two grades of its scale (強/弱)"


@dataclass(frozen=True)
class Reading:
    """Where a reading starts and ends in its text (scale word and 第 included), its unit;
    ``between`` for a reading between two grades (震度6強), a doubt."""

    start: int
    end: int
    unit: str
    between: bool = False
    hedge: str | None = None  # a hedge between the scale word and the number (規模約7.3)


def graded(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is a grade (6級, 第4級; not 6級距)."""
    return text.startswith(_GRADE, end) and text[end + 1 : end + 2] not in _NOT_GRADE


def reading(text: str, start: int, end: int) -> Reading | None:
    """The reading whose number is ``text[start:end]``, None when the number is no reading."""
    stop = end + 1 if graded(text, end) else end
    before = _BEFORE.search(text[:start])
    if before:
        if text[stop : stop + 1] in _HALF_GRADES:
            return Reading(before.start(), stop + 1, before.group(1), between=True)
        return Reading(before.start(), stop, before.group(1), hedge=before.group(2))
    if stop > end:
        first = start - 1 if text[start - 1 : start] == "第" else start
        return Reading(first, stop, _GRADE)
    return None
