"""The interface's words, in Traditional Chinese (the default) and English.

A plain table, no Qt translation files: :func:`tr` looks a key up in the current interface
language and fills in ``{placeholders}``. The deck's own words (pillar and status names) come
from the core's ``templates/labels.yaml`` instead (see :func:`briefing.api.labels`).
"""

from __future__ import annotations

from typing import Any

LANGUAGES: tuple[str, ...] = ("zh-TW", "en")
LANGUAGE_NAMES = {"zh-TW": "中文（臺灣）", "en": "English"}

_current = "zh-TW"

# key: (zh-TW, en)
STRINGS: dict[str, tuple[str, str]] = {
    # window and menus
    "app_title": ("簡報產生器", "Briefing deck builder"),
    "untitled": ("未命名", "Untitled"),
    "menu_file": ("檔案(&F)", "&File"),
    "act_new": ("新增(&N)", "&New"),
    "act_open": ("開啟(&O)…", "&Open…"),
    "menu_recent": ("最近開啟(&R)", "Open &Recent"),
    "recent_empty": ("（無）", "(none)"),
    "act_save": ("儲存(&S)", "&Save"),
    "act_save_as": ("另存新檔(&A)…", "Save &As…"),
    "act_generate": ("產生簡報(&G)", "&Generate deck"),
    "act_quit": ("結束(&Q)", "&Quit"),
    "menu_view": ("檢視(&V)", "&View"),
    "menu_language": ("介面語言(&L)", "Interface &language"),
    "act_find": ("搜尋措施(&F)", "&Find initiative"),
    "act_expand": ("展開所有章節(&E)", "&Expand all sections"),
    "act_collapse": ("收合所有章節(&C)", "&Collapse all sections"),
    "menu_help": ("說明(&H)", "&Help"),
    "act_about": ("關於(&A)", "&About"),
    "about_text": (
        "依出國報告產生內嵌繁體中文字型的 PowerPoint 簡報。\n與命令列 python main.py "
        "build 使用相同的設定檔。",
        "Builds PowerPoint briefing decks with the Traditional Chinese font embedded, "
        "from a structured trip report.\n"
        "Uses the same recipes as python main.py build.",
    ),
    "open_title": ("開啟簡報設定檔", "Open recipe"),
    "save_title": ("儲存簡報設定檔", "Save recipe"),
    "recipe_filter": ("簡報設定檔 (*.yaml *.yml)", "Recipes (*.yaml *.yml)"),
    "unsaved_title": ("尚未儲存", "Unsaved changes"),
    "unsaved_text": (
        "「{name}」有尚未儲存的變更，要先儲存嗎？",
        "“{name}” has unsaved changes. Save them first?",
    ),
    "error_title": ("錯誤", "Error"),
    "saved": ("已儲存 {path}", "Saved {path}"),
    "ready": ("就緒", "Ready"),
    # sections
    "sections_box": ("報告章節(&R)", "&Report sections"),
    "sections_tree": ("報告章節", "Report sections"),
    "select_all": ("全選", "All"),
    "select_none": ("全不選", "None"),
    "expand_all": ("展開", "Expand"),
    "collapse_all": ("收合", "Collapse"),
    "sections_count": ("已勾選 {n} / {total} 節", "{n} of {total} sections"),
    # initiatives
    "initiatives_box": ("新加坡推動措施(&I)", "Singapore &initiatives"),
    "initiatives_list": ("新加坡推動措施", "Singapore initiatives"),
    "search_label": ("搜尋(&S)", "&Search"),
    "search_placeholder": ("名稱、機關、年份…（Ctrl+F）", "name, agency, year… (Ctrl+F)"),
    "pillar_label": ("策略支柱(&P)", "&Pillar"),
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
    "col_pillar": ("策略支柱", "Pillar"),
    "col_agency": ("推動機關", "Agency"),
    "col_year": ("年份", "Year"),
    "suggested_tip": ("★ 所勾選的章節討論此措施", "★ discussed by a checked section"),
    "initiatives_count": (
        "已勾選 {n} / {total} 項 · ★ 相關 {s} 項",
        "{n} of {total} checked · ★ {s} related",
    ),
    # storyboard
    "storyboard_box": ("簡報分鏡", "Storyboard"),
    "storyboard_count": ("簡報分鏡 · {n} 張投影片", "Storyboard · {n} slides"),
    "storyboard_empty": ("尚未選取任何內容", "Nothing selected"),
    "detail_name": ("投影片預覽", "Slide preview"),
    "detail_caption": (
        "第 {n} / {total} 張 · {kind} · 版面：{layout}",
        "Slide {n} of {total} · {kind} · layout: {layout}",
    ),
    "kind_cover": ("封面", "Cover"),
    "kind_agenda": ("大綱", "Agenda"),
    "kind_divider": ("篇章", "Divider"),
    "kind_content": ("內容", "Content"),
    "kind_initiative": ("措施", "Initiative"),
    "kind_chart": ("圖表", "Chart"),
    "kind_table": ("表格", "Table"),
    "kind_closing": ("結語", "Closing"),
    "kind_sources": ("來源", "Sources"),
    # settings
    "settings_box": ("簡報設定", "Deck settings"),
    "title_label": ("標題(&T)", "&Title"),
    "subtitle_label": ("副標題(&U)", "S&ubtitle"),
    "presenter_label": ("報告人(&E)", "Pr&esenter"),
    "date_label": ("日期(&D)", "&Date"),
    "custom_date": ("指定", "Set"),
    "custom_date_name": ("指定簡報日期", "Set the deck date"),
    "date_style_name": ("日期格式", "Date style"),
    "date_roc": ("民國", "ROC (民國)"),
    "date_gregorian": ("西元", "Gregorian"),
    "length_label": ("長度(&L)", "&Length"),
    "length_brief": ("精簡", "Brief"),
    "length_standard": ("標準", "Standard"),
    "length_full": ("完整", "Full"),
    "language_label": ("簡報語言(&A)", "Deck l&anguage"),
    "font_label": ("字型(&O)", "F&ont"),
    "font_placeholder": (
        "Noto Sans TC（內建）或已安裝字型名稱",
        "Noto Sans TC (bundled) or a family",
    ),
    "font_browse": ("字型檔(&B)…", "&Browse…"),
    "font_dialog": ("選擇字型檔", "Choose a font file"),
    "font_filter": ("字型 (*.ttf *.otf *.ttc *.otc)", "Fonts (*.ttf *.otf *.ttc *.otc)"),
    "font_loading": ("正在讀取字型…", "Reading the font…"),
    "font_info": (
        "{name}（{faces}）· fsType 0x{fs:04X}：{licence}",
        "{name} ({faces}) · fsType 0x{fs:04X}: {licence}",
    ),
    "faces_both": ("常規＋粗體", "regular + bold"),
    "faces_regular": ("僅常規", "regular only"),
    "licence_installable": ("可安裝嵌入", "installable"),
    "licence_editable": ("可編輯嵌入", "editable"),
    "licence_preview": ("僅供預覽及列印（簡報將唯讀）", "preview & print (deck opens read-only)"),
    "licence_restricted": ("限制嵌入（無法嵌入）", "restricted (cannot embed)"),
    "licence_no_subset": ("不可子集化（嵌入整個字型）", "no subsetting (whole font embedded)"),
    "licence_bitmap": ("僅點陣（無法嵌入）", "bitmap only (cannot embed)"),
    "chart_label": ("圖表(&C)", "&Charts"),
    "chart_image": ("圖片", "Images"),
    "chart_native": ("原生圖表（可編輯）", "Native (editable)"),
    "output_label": ("輸出檔(&Y)", "Output file (&Y)"),
    "output_browse": ("瀏覽(&W)…", "Bro&wse…"),
    "output_dialog": ("簡報儲存位置", "Save the deck as"),
    "pptx_filter": ("PowerPoint 簡報 (*.pptx)", "PowerPoint decks (*.pptx)"),
    # build
    "generate": ("產生簡報(&G)", "&Generate"),
    "cancel": ("取消(&X)", "Cancel (&X)"),
    "progress_name": ("產生進度", "Build progress"),
    "stage_content": ("整理內容", "Content"),
    "stage_charts": ("繪製圖表", "Charts"),
    "stage_fonts": ("嵌入字型", "Fonts"),
    "stage_writing": ("寫入檔案", "Writing"),
    "stage_done": ("完成", "Done"),
    "cancelling": ("正在取消…", "Cancelling…"),
    "built": ("已產生 {path}", "Wrote {path}"),
    "built_count": (
        "{n} 張投影片 · {size:.1f} MB · {seconds:.1f} 秒",
        "{n} slides · {size:.1f} MB · {seconds:.1f} s",
    ),
    "warnings_none": ("沒有警告。", "No warnings."),
    "warnings_count": ("{n} 則警告：", "{n} warning(s):"),
    "warnings_name": ("產生警告", "Build warnings"),
    "open_deck": ("開啟簡報(&K)", "Open dec&k"),
    "show_folder": ("開啟資料夾(&J)", "Show in folder (&J)"),
    "cancelled": ("已取消，未寫入任何檔案。", "Cancelled; nothing was written."),
    "failed": ("產生失敗，未寫入任何檔案。", "Failed; nothing was written."),
    "nothing_selected": (
        "請至少勾選一個章節或一項措施。",
        "Check at least one section or initiative.",
    ),
    "no_report": ("無法讀取報告。", "The report could not be loaded."),
}


def language() -> str:
    """The current interface language (``zh-TW`` or ``en``)."""
    return _current


def set_language(lang: str) -> None:
    """Switch the interface language; unknown languages fall back to zh-TW."""
    global _current  # noqa: PLW0603 - one process-wide interface language
    _current = lang if lang in LANGUAGES else "zh-TW"


def tr(key: str, **values: Any) -> str:
    """The text for ``key`` in the current language, with ``values`` filled in."""
    text = STRINGS[key][LANGUAGES.index(_current)]
    return text.format(**values) if values else text


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
