"""One rule for punctuation and spacing on every slide, applied on the way to the slide.

The data keeps the report's text as written (「2016 年」 beside 「2016年」, full- and half-width
brackets round the same name); slides show it one way:

* no space between a Han character and a Latin letter or digit (「2016年」, 「MyInfo平臺」);
  spaces between Latin words stay, runs of spaces become one;
* brackets that touch or hold Han text are full-width （）, brackets in Latin text half-width;
* a colon, comma, semicolon, question or exclamation mark after Han text is full-width;
  in numbers (1,000 4.0 12:00) and Latin text it stays half-width;
* full-width Latin letters and digits become half-width.

:func:`normalize` is idempotent, so text can pass through it more than once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\uff00-\uff0f\uff1a-\uff20"
)
_LATIN = r"A-Za-z0-9"
_SPACE_BETWEEN = re.compile(
    rf"(?<=[{_HAN}])[ \u00a0]+(?=[{_LATIN}$€£¥])|(?<=[{_LATIN}%$])[ \u00a0]+(?=[{_HAN}])"
)
_SPACES = re.compile(r"[ \u00a0]{2,}")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_AFTER_HAN_PUNCT = re.compile(rf"(?<=[{_HAN}])[ \t]*([,:;?!])(?![0-9])[ \t]*")


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a CJK character (ideograph, kana, bopomofo or CJK punctuation)."""
    return bool(re.match(rf"[{_HAN}]", ch))


def has_han(text: str) -> bool:
    return any(is_han(ch) for ch in text)


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """``text`` with the deck's one rule for spacing and punctuation width applied."""
    if not text:
        return text
    text = _fold_width(text)
    text = _brackets(text)
    text = _AFTER_HAN_PUNCT.sub(lambda m: _FULL[m.group(1)], text)
    text = _SPACE_BETWEEN.sub("", text)
    text = re.sub(r"[ \t\u00a0]*([（）「」『』，。、；：！？])[ \t\u00a0]*", r"\1", text)
    return _SPACES.sub(" ", text).strip()


def _fold_width(text: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" or "Ａ" <= ch <= "ｚ" else ch
        for ch in text
    )


def _brackets(text: str) -> str:
    """Pair the brackets of ``text`` and make each pair full-width when it touches or holds
    Han text, half-width otherwise; unpaired brackets follow their neighbour."""
    chars = list(text)
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(chars):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            pairs.append((stack.pop(), i))
    for start, end in pairs:
        inside = text[start + 1 : end]
        before = text[:start].rstrip()[-1:]
        after = text[end + 1 :].lstrip()[:1]
        wide = has_han(inside) or is_han(before) or is_han(after)
        chars[start], chars[end] = ("（", "）") if wide else ("(", ")")
    return "".join(chars)
