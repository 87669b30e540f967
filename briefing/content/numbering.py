"""Section numbers as reports print them, in every style Taiwan's government reports use.

Numbers are stored bare (``壹``, ``一``, ``1``, ``A``, ``第一章``), without the punctuation
around them; :func:`parse_number` takes what a writer or an importer found (``一、``, ``(一)``,
``（一）``, ``1.``, ``1、``, ``(1)``, ``第一章``) and returns the bare number plus whether it was
written in parentheses. :func:`label` prints a number back: the form follows the number's class
and the classes used by its ancestors, because reports skip levels:

* ``壹、`` (formal numerals) and ``第一章`` / ``第一節`` (chapters, sections) always look alike;
* the first Chinese numeral on the way down prints ``一、``, a Chinese numeral below another
  one prints ``(一)``; likewise ``1.`` then ``(1)``, and ``A.`` then ``(A)``.

So 參 → 二 → (一) → 1. → (1) and 第一章 → 第一節 → 一、 → (一) both come out as printed. A
number written in parentheses where this rule would not put them keeps them (``paren``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

FORMAL = "壹貳參叁肆伍陸柒捌玖拾"
CHINESE = "〇零一二三四五六七八九十百"
CHAPTER = re.compile(rf"^第[{CHINESE}{FORMAL}0-9]+[章節篇部條款項]$")

_OPEN = "(（"
_CLOSE = ")）"
_TRAILING = "、.．,，:：　 "


@dataclass(frozen=True)
class Number:
    """A bare section number and whether it was written in parentheses (None: not said)."""

    text: str
    paren: bool | None = None

    @property
    def kind(self) -> str:
        return number_kind(self.text)


def number_kind(text: str) -> str:
    """``formal``, ``chapter``, ``chinese``, ``arabic``, ``latin`` or ``other``."""
    if CHAPTER.match(text):
        return "chapter"
    if text and all(ch in FORMAL for ch in text):
        return "formal"
    if text and all(ch in CHINESE for ch in text):
        return "chinese"
    if text.isdigit():
        return "arabic"
    if len(text) <= 2 and text.isascii() and text.isalpha():
        return "latin"
    return "other"


def parse_number(raw: str) -> Number:
    """The bare number of ``raw`` (``(一)`` -> ``一`` in parentheses; ``1.`` -> ``1``).

    Full-width digits and letters become half-width (``１`` -> ``1``). Raises ValueError when
    nothing is left or the brackets do not match.
    """
    text = _fold_width(raw.strip())
    paren: bool | None = None
    if text[:1] in _OPEN:
        if text[-1:] not in _CLOSE:
            raise ValueError(f"unbalanced parentheses in section number {raw!r}")
        text, paren = text[1:-1].strip(), True
    else:
        stripped = text.rstrip(_TRAILING)
        if stripped != text:
            paren = False
        text = stripped
    if not text:
        raise ValueError(f"section number {raw!r} has no number in it")
    if any(ch in _OPEN + _CLOSE + "、" for ch in text):
        raise ValueError(f"section number {raw!r} is not one number")
    return Number(text, paren)


def _fold_width(text: str) -> str:
    """Full-width ASCII digits and letters to half-width; everything else as written."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" or "Ａ" <= ch <= "ｚ" else ch
        for ch in text
    )


def label(number: Number | None, ancestors: Sequence[Number | None] = ()) -> str:
    """The printed label of ``number`` below ``ancestors`` (outermost first); "" for none.

    >>> label(Number("一"), [Number("參")])
    '一、'
    >>> label(Number("一"), [Number("參"), Number("二")])
    '(一)'
    >>> label(Number("第一節"), [Number("第一章")])
    '第一節\u3000'
    """
    if number is None:
        return ""
    kind = number.kind
    if kind == "formal":
        return f"{number.text}、"
    if kind == "chapter":
        return f"{number.text}\u3000"
    nested = any(
        a is not None and a.kind == kind and not _parenthesised(a, i, ancestors)
        for i, a in enumerate(ancestors)
    )
    paren = number.paren if number.paren is not None else nested
    if paren:
        return f"({number.text})"
    if kind == "chinese":
        return f"{number.text}、"
    if kind in ("arabic", "latin"):
        return f"{number.text}."
    return f"{number.text} "


def _parenthesised(number: Number, index: int, ancestors: Sequence[Number | None]) -> bool:
    """Whether ancestor ``index`` itself prints in parentheses (then it does not count as the
    bare form a deeper number of its kind must differ from)."""
    if number.paren is not None:
        return number.paren
    return any(a is not None and a.kind == number.kind for a in ancestors[:index])
