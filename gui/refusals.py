"""The importer's refusal of a report without headings, said for a person: ``details`` of the
core's ``NoStructure`` (a ``SourceError``) list the lines that looked like headings, why each
was refused and how to fix the file, in English; :func:`refusal_lines` gives them in the
interface language, so the error dialog shows all of them, not only the one-line message."""

from __future__ import annotations

import re

from briefing.errors import BriefingError
from gui import strings

#: The core's reasons (briefing.importing.refusal), said in Chinese.
WHY_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^no number or heading style$", "沒有編號，也沒有套用標題樣式"),
        (r"^numbered (.+?) with no 一 or 1 before it$", r"編號「\1」之前沒有「一」或「1」"),
        (
            r"^text after its colon, not bold, styled or in a 目次$",
            "冒號後接著內文，且不是粗體、沒有標題樣式、也不在目次中",
        ),
        (r"^reads as a sentence$", "讀起來是一個句子"),
    )
)
FIX_ZH = "修正方式：替標題加上編號（壹、一、（一）1.），或在 Word 中套用「標題」樣式，再重新匯入"
LINE = re.compile(r"^(?:(line|page) (\d+) )?(「.*」): (.+)$")


def refusal_lines(exc: BaseException) -> list[str]:
    """The refused lines, why and how to fix (``exc.details``), in the interface language;
    empty for an error without details."""
    details = getattr(exc, "details", None) if isinstance(exc, BriefingError) else None
    if not details:
        return []
    if strings.language() != "zh-TW":
        return [str(d) for d in details]
    return [_in_chinese(str(d)) for d in details]


def _in_chinese(detail: str) -> str:
    if detail.startswith("fix:"):
        return FIX_ZH
    match = LINE.match(detail)
    if match is None:
        return detail
    kind, number, text, why = match.groups()
    at = f"第{number}{'行' if kind == 'line' else '頁'}" if number else ""
    for pattern, replacement in WHY_ZH:
        said, count = pattern.subn(replacement, why)
        if count:
            return f"{at}{text}：{said}"
    return f"{at}{text}：{why}"
