"""The GUI's one way to show an error (like Anki's ``show_exception``), in plain words.

The core's messages are written for the command line: they name ids (``'summit-stratgy'``)
and point at commands (``see: python main.py list sections``). :func:`plain_message` turns
ids into the report's own titles (「二、數位轉型策略」) and drops the command-line advice;
:func:`where` says which file, line and field, in words. The command line keeps its one-line
``error: FILE:LINE: field: message`` (:func:`error_text`, also the text of
``--debug``-style details here).

:func:`show_error` opens the box window-modal with :meth:`QMessageBox.open`, so it never blocks
the caller (or a test); tests may also replace :data:`hook` to collect errors instead.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefing.errors import BriefingError
from gui import strings
from gui.refusals import refusal_lines
from gui.strings import tr
from gui.strings_settings import FIELD_NAMES

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from PySide6.QtWidgets import QWidget

log = logging.getLogger("briefing.gui")

#: When set, called instead of showing a dialog (for tests and embedding).
hook: Callable[[QWidget | None, BaseException], None] | None = None

_names: dict[str, str] = {}
CLI_HINT = re.compile(
    r"\s*\((?:see:?\s*)?[^()]*(?:python main\.py|--[a-z])[^()]*\)"
    r"|;?\s*see:?\s*python main\.py[^;.)]*"
)
QUOTED_ID = re.compile(r"'([A-Za-z0-9][A-Za-z0-9_.-]*)'")
SUGGESTION = re.compile(r"did you mean ([^?]+)\?")
FIELD = re.compile(r"^([A-Za-z_]+)(?:\[(\d+)\])?(.*)$")
KINDS_ZH = {"section": "章節", "initiative": "措施", "chart": "圖表", "figure": "數據"}
#: The core's most common messages, said in Chinese (others stay as the core wrote them).
PHRASES_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (
            r"^unknown (\w+) id (.+?); did you mean (.+)\?$",
            r"報告中沒有這個\1：\2；您是不是要選 \3？",
        ),
        (r"^unknown (\w+) id (.+)$", r"報告中沒有這個\1：\2"),
        (
            r"^Input should be a valid date.*$",
            "應為有效的日期（例：2025-03-05 或 民國114年3月5日）",
        ),
        (
            r"^not a date: (.+?)(?:; write .*)?$",
            r"「\1」不是日期：請寫成 2025-03-05 或 民國114年3月5日",
        ),
        (
            r"^not a valid date \('?([^)']*)'?\): month must be in 1\.\.12$",
            r"日期「\1」不存在（月份須為 1 至 12）",
        ),
        (
            r"^not a valid date \('?([^)']*)'?\): day is out of range for month$",
            r"日期「\1」不存在（該月沒有這一天）",
        ),
        (r"^not a valid date \('?([^)']*)'?\): (.+)$", r"日期「\1」不存在（\2）"),
        (r"^Input should be a valid integer.*$", "應為整數"),
        (r"^Input should be a valid (?:string|str).*$", "應為文字"),
        (
            r"^Input should be a valid (?:list|tuple|array).*$",
            "應為清單（- 開頭的多行，或 [a, b]）",
        ),
        (r"^(?:Extra inputs are not permitted|unknown field)$", "不認得的欄位"),
        (r"^Field required$", "缺少此欄位"),
        (r"^Input should be (.+) \(got (.+)\)$", r"應為 \1（目前是 \2）"),  # the general one last
        (
            r"^no heading structure found.*$",
            "報告沒有可辨認的章節標題，無法匯入；下列各行看似標題，但未被採用：",
        ),
        (r"^(?:file )?not found(?:: (.+))?$", r"找不到檔案 \1"),
        (r"^invalid YAML: (.+)$", r"YAML 格式錯誤：\1"),
        (
            r"^font '(.+)' is not installed \(looked in: (.+)\)$",
            r"這台電腦沒有安裝字型「\1」（已找過：\2）；可選擇字型檔",
        ),
        (
            r"^「(.+)」 \((U\+[0-9A-F]+)\) on slides? ([\d, ]+) is not in (.+)$",
            r"第 \3 張的「\1」(\2) 不在字型 \4 中",
        ),
    )
)


def set_names(names: Mapping[str, str]) -> None:
    """Ids of the report's sections, initiatives and charts -> their titles, for messages."""
    _names.clear()
    _names.update(names)


def error_text(exc: BaseException) -> str:
    """The line the CLI prints for ``exc``: ``error: …`` or ``internal error: Type: …``."""
    if isinstance(exc, BriefingError):
        return f"error: {exc}"
    return f"internal error: {type(exc).__name__}: {exc}"


def plain_message(exc: BaseException) -> str:
    """What went wrong, for a person: titles instead of ids, no command-line advice."""
    return plain_text(exc.message if isinstance(exc, BriefingError) else str(exc))


def plain_text(text: str) -> str:
    """A message or warning of the core, for a person (see :func:`plain_message`)."""
    text = CLI_HINT.sub("", text).strip()
    text = SUGGESTION.sub(lambda m: f"did you mean {_suggestions(m.group(1))}?", text)
    text = QUOTED_ID.sub(lambda m: _title(m.group(1), quoted=True), text)
    return _in_chinese(text) if strings.language() == "zh-TW" else text


def _in_chinese(text: str) -> str:
    for pattern, replacement in PHRASES_ZH:
        said, count = pattern.subn(replacement, text)
        if count:
            for kind, word in KINDS_ZH.items():
                said = said.replace(f"這個{kind}", f"這個{word}")
            return said.replace(" or ", " 或 ").replace("', '", "'、'").strip()
    return text


def where(exc: BaseException) -> str:
    """``recipe.yaml 第 3 行 · 欄位「章節」第 1 項`` (empty when the error has no place)."""
    if not isinstance(exc, BriefingError):
        return ""
    parts = []
    if exc.file:
        name = Path(exc.file).name or exc.file
        parts.append(tr("error_line", file=name, line=exc.line) if exc.line else name)
    if exc.field:
        parts.append(tr("error_field", field=field_name(exc.field)))
    return " · ".join(parts)


def field_name(field: str) -> str:
    """``sections[0]`` -> ``章節 1`` (the first item of the sections list), in words."""
    match = FIELD.match(field)
    if match is None or match.group(1) not in FIELD_NAMES:
        return field
    index = strings.LANGUAGES.index(strings.language())
    name = FIELD_NAMES[match.group(1)][index]
    number = f" {int(match.group(2)) + 1}" if match.group(2) is not None else ""
    return f"{name}{number}{match.group(3)}"


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox | None:
    """Show ``exc`` to the user; returns the (already open, non-blocking) message box.
    ``title``: what failed (無法開啟簡報設定檔 …), default 錯誤."""
    if hook is not None:
        hook(parent, exc)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title or tr("error_title"),
        "",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if isinstance(exc, BriefingError):
        box.setText(plain_message(exc))
        place = where(exc)
        lines = refusal_lines(exc) + ([tr("error_where", where=place)] if place else [])
        if lines:
            box.setInformativeText("\n".join(lines))
        if exc.file:
            box.setDetailedText(str(exc.file))
    else:
        log.error("internal error", exc_info=exc)
        box.setText(tr("error_internal"))
        box.setInformativeText(f"{type(exc).__name__}: {exc}")
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.open()
    return box


def _title(item: str, *, quoted: bool) -> str:
    name = _names.get(item)
    if name is None:
        return f"'{item}'" if quoted else item
    return f"「{name}」"


def _suggestions(listed: str) -> str:
    items = [item.strip() for item in listed.split(",")]
    return "、".join(_title(item, quoted=False) for item in items)
