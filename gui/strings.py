"""The interface's words, in Traditional Chinese (the default) and English.

A plain table: :func:`tr` looks a key up in the current interface language and fills in
``{placeholders}`` (Qt's own words, in standard buttons and dialogs, come from Qt's translation
files: see :mod:`gui.i18n`). The deck's own words (pillar and status names) come
from the core's ``templates/labels.yaml`` instead (see :func:`briefing.api.labels`).
"""

from __future__ import annotations

import re
from typing import Any

from gui.strings_review import REVIEW_STRINGS
from gui.strings_settings import SETTINGS_STRINGS

LANGUAGES: tuple[str, ...] = ("zh-TW", "en")
LANGUAGE_NAMES = {"zh-TW": "中文（臺灣）", "en": "English"}

_current = "zh-TW"
_details = False  # View ▸ Show technical details: ids, font bits, layout names as in the deck

# key: (zh-TW, en). Mnemonics: Chinese labels end in "(&X)", English ones mark a letter of
# the word ("&File"); the letters are unique in the window (tests/test_gui_keyboard.py).
STRINGS: dict[str, tuple[str, str]] = {
    # window and menus
    "app_title": ("簡報產生器", "Briefing deck builder"),
    "untitled": ("未命名", "Untitled"),
    "menu_file": ("檔案(&F)", "&File"),
    "act_new": ("新增(&N)…", "&New…"),
    "act_open": ("開啟(&O)…", "&Open…"),
    "menu_recent": ("最近開啟(&R)", "Open &Recent"),
    "recent_empty": ("（無）", "(none)"),
    "act_import": ("匯入出國報告(&I)…", "&Import report…"),
    "import_title": ("匯入出國報告", "Import a trip report"),
    "import_filter": ("出國報告", "Trip reports"),
    "import_running": ("正在匯入 {name}…", "Importing {name}…"),
    "import_done": (
        "已匯入：{sections} 個章節、{figures} 筆數據、{initiatives} 項措施（草稿），存於 {folder}",
        "Imported: {sections} sections, {figures} figures, {initiatives} initiatives (drafts), "
        "in {folder}",
    ),
    "import_review": (
        "自動整理的重點與數據標示為「草稿」，請對照報告檢查；不確定之處列於 {file}",
        "What was drafted is marked as a draft: check it against the report. What the importer "
        "was unsure of is listed in {file}",
    ),
    "import_cancelled": ("已取消匯入，未寫入任何檔案", "Import cancelled; nothing was written"),
    "import_failed": ("無法匯入出國報告", "The report could not be imported"),
    "draft_mark": ("〔草稿〕", " [draft]"),
    "draft_tip": ("自動整理，尚待檢查", "Drafted by the importer, not yet reviewed"),
    "act_save": ("儲存(&S)", "&Save"),
    "act_save_as": ("另存新檔(&A)…", "Save &As…"),
    "act_generate": ("產生簡報(&G)", "&Generate deck"),
    "act_quit": ("結束(&Q)", "&Quit"),
    "menu_view": ("檢視(&V)", "&View"),
    "menu_language": ("介面語言(&L)", "Interface &language"),
    "act_find": ("搜尋措施(&F)", "&Find initiative"),
    "act_expand": ("展開所有章節(&E)", "&Expand all sections"),
    "act_collapse": ("收合所有章節(&C)", "&Collapse all sections"),
    "act_details": ("顯示技術細節(&T)", "Show &technical details"),
    "menu_help": ("說明(&H)", "&Help"),
    "act_about": ("關於(&A)", "&About"),
    "about_text": (
        "依出國報告產生內嵌繁體中文字型的 PowerPoint 簡報。\n簡報設定檔也可以在命令列批次產生。",
        "Builds PowerPoint briefing decks with the Traditional Chinese font embedded, "
        "from a structured trip report.\nRecipes saved here also build from the command line.",
    ),
    "open_title": ("開啟簡報設定檔", "Open recipe"),
    "save_title": ("儲存簡報設定檔", "Save recipe"),
    "recipe_filter": ("簡報設定檔 (*.yaml *.yml)", "Recipes (*.yaml *.yml)"),
    "unsaved_title": ("尚未儲存", "Unsaved changes"),
    "unsaved_text": (
        "「{name}」有尚未儲存的變更，要先儲存嗎？",
        "“{name}” has unsaved changes. Save them first?",
    ),
    "saved": ("已儲存 {path}", "Saved {path}"),
    "ready": ("就緒", "Ready"),
    # sections
    "sections_box": ("報告章節(&R)", "&Report sections"),
    "sections_tree": ("報告章節", "Report sections"),
    "select_all": ("全選", "All"),
    "select_none": ("全不選", "None"),
    "expand_all": ("展開", "Expand"),
    "collapse_all": ("收合", "Collapse"),
    "sections_count": ("已選 {n}/{total} 節", "{n} of {total} checked"),
    # initiatives
    "initiatives_box": ("推動措施(&I)", "&Initiatives"),
    "initiatives_list": ("新加坡推動措施", "Singapore initiatives"),
    "search_label": ("搜尋(&S)", "&Search"),
    "search_placeholder": ("名稱、機關、年份…（Ctrl+F）", "name, agency, year… (Ctrl+F)"),
    "pillar_label": ("類別(&P)", "Categor&y"),
    "pillar_all": ("全部", "All"),
    "suggest_button": ("勾選相關措施（{n}）", "Check related ({n})"),
    "suggest_tip": (
        "勾選所選章節討論到的措施",
        "Check the initiatives the checked sections discuss",
    ),
    "visible_all": ("全選", "All"),
    "visible_none": ("全不選", "None"),
    "col_name": ("中文名稱", "Name"),
    "col_name_en": ("英文名稱", "English name"),
    "col_pillar": ("類別", "Category"),
    "col_agency": ("推動機關", "Agency"),
    "col_year": ("年份", "Year"),
    "suggested_tip": ("★ 所勾選的章節討論此措施", "★ discussed by a checked section"),
    "initiatives_count": ("已選 {n}/{total} 項 · ★ {s}", "{n} of {total} checked · ★ {s}"),
    # storyboard
    "storyboard_box": ("簡報分鏡", "Storyboard"),
    "storyboard_count": (
        "簡報分鏡 · {n} 張投影片 · 約 {minutes:.0f} 分鐘",
        "Storyboard · {n} slides · about {minutes:.0f} min",
    ),
    "storyboard_empty": ("尚未選取任何內容", "Nothing selected"),
    "detail_name": ("投影片預覽", "Slide preview"),
    "detail_caption": (
        "第 {n} / {total} 張 · {kind} · 版面：{layout}",
        "Slide {n} of {total} · {kind} · layout: {layout}",
    ),
    "condensed_caption": ("併入本張：{names}", "Condensed into this slide: {names}"),
    "condensed_tip": ("另含 {n} 節（併入本張）", "{n} more section(s) condensed here"),
    "missing_caption": ("字型缺字：{chars}", "Not in the font: {chars}"),
    "missing_tag": ("缺字", "missing"),
    "chart_loading": ("圖表繪製中…", "Drawing the chart…"),
    "kind_cover": ("封面", "Cover"),
    "kind_agenda": ("大綱", "Agenda"),
    "kind_divider": ("篇章", "Divider"),
    "kind_content": ("內容", "Content"),
    "kind_overview": ("摘要", "Summary"),
    "kind_points": ("重點", "Key points"),
    "kind_columns": ("雙欄", "Columns"),
    "kind_figures": ("數據", "Figures"),
    "kind_comparison": ("比較", "Comparison"),
    "kind_timeline": ("時程", "Timeline"),
    "kind_recommendations": ("建議", "Recommendations"),
    "kind_quote": ("引言", "Quote"),
    "kind_initiative": ("措施", "Initiative"),
    "kind_chart": ("圖表", "Chart"),
    "kind_table": ("表格", "Table"),
    "kind_closing": ("結語", "Closing"),
    "kind_sources": ("來源", "Sources"),
    "kind_photos": ("照片", "Photos"),
}

#: The master's layout names (PowerPoint's own names in a zh-TW Office where it has them).
LAYOUT_NAMES: dict[str, str] = {
    "Title Slide": "標題投影片",
    "Agenda": "議程",
    "Section Header": "章節標題",
    "Title and Content": "標題及內容",
    "Key Figures": "關鍵數字",
    "Two Columns": "兩欄",
    "Comparison": "比較",
    "Timeline": "時間軸",
    "Recommendations": "建議",
    "Quote": "引言",
    "Title Only": "只有標題",
    "Key Points": "重點",
    "Title, Content and Pictures": "標題、內容及圖片",
    "Pictures": "圖片",
    "Photos": "照片",
    "Closing": "結語",
}


STRINGS.update(SETTINGS_STRINGS)
STRINGS.update(REVIEW_STRINGS)


def language() -> str:
    """The current interface language (``zh-TW`` or ``en``)."""
    return _current


def set_language(lang: str) -> None:
    """Switch the interface language; unknown languages fall back to zh-TW."""
    global _current  # noqa: PLW0603 - one process-wide interface language
    _current = lang if lang in LANGUAGES else "zh-TW"


def details() -> bool:
    """Whether technical details (ids, ``fsType``) are shown (View ▸ Show technical details)."""
    return _details


def set_details(on: bool) -> None:
    """Show or hide technical details."""
    global _details  # noqa: PLW0603 - one process-wide switch, like the language
    _details = bool(on)


def tr(key: str, **values: Any) -> str:
    """The text for ``key`` in the current language, with ``values`` filled in."""
    text = STRINGS[key][LANGUAGES.index(_current)]
    return text.format(**values) if values else text


def plain(text: str) -> str:
    """``text`` without its mnemonic marker (``產生簡報(&G)`` -> ``產生簡報``, ``&Generate``
    -> ``Generate``): what accessible names and messages show."""
    return re.sub(r"\(&.\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def layout_label(layout: str) -> str:
    """A master layout's name in the interface language."""
    return LAYOUT_NAMES.get(layout, layout) if _current == "zh-TW" else layout


def kind_label(kind: str) -> str:
    """The short name of a slide kind (封面, 內容 …)."""
    key = f"kind_{kind}"
    return tr(key) if key in STRINGS else kind


def licence_text(fs_type: int) -> str:
    """What an OS/2 ``fsType`` allows, in words (the least restrictive usage bit wins, as in
    the OpenType spec and the core's licence policy)."""
    usage = fs_type & 0x000F
    if fs_type & 0x0200:
        parts = [tr("licence_bitmap")]
    elif usage == 0:
        parts = [tr("licence_installable")]
    elif usage & 0x0008:
        parts = [tr("licence_editable")]
    elif usage & 0x0004:
        parts = [tr("licence_preview")]
    else:
        parts = [tr("licence_restricted")]
    if fs_type & 0x0100:
        parts.append(tr("licence_no_subset"))
    return ("、" if _current == "zh-TW" else ", ").join(parts)
