"""The words of the draft review, the start page's import entry, import notes and the smaller
messages added with them, in Traditional Chinese and English (merged into
:data:`gui.strings.STRINGS`)."""

from __future__ import annotations

REVIEW_STRINGS: dict[str, tuple[str, str]] = {
    "review_title": ("檢查草稿", "Review the drafts"),
    "act_review": ("檢查草稿(&D)…", "Review &drafts…"),
    "review_intro": (
        "以下是匯入時自動整理的內容，每一項旁邊是報告的原文與存疑的原因。"
        "請逐項接受、修改或刪除，再按「儲存」寫回內容資料夾。",
        "What the import drafted, each beside the report's words and the reason for doubt. "
        "Accept, edit or reject each, then Save to write the content folder.",
    ),
    "details_toggle": ("顯示詳細資料", "Show details"),
    "review_list": ("草稿清單", "Drafted items"),
    "review_words": ("報告原文", "The report's words"),
    "review_doubt": ("存疑原因", "Why it is a draft"),
    "review_count": (
        "共 {n} 項草稿：已接受 {a}、已修改 {e}、將刪除 {r}、未檢查 {w}",
        "{n} drafts: {a} accepted, {e} edited, {r} to remove, {w} unreviewed",
    ),
    "review_none": ("沒有待檢查的草稿。", "No drafts to review."),
    "review_accept": ("接受(&A)", "&Accept"),
    "review_edit": ("修改(&E)…", "&Edit…"),
    "review_reject": ("刪除(&R)", "&Reject"),
    "review_undo": ("復原(&U)", "&Undo"),
    "review_accept_all": ("全部接受(&L)", "Accept a&ll"),
    "review_reject_all": ("全部刪除(&J)", "Re&ject all"),
    "review_save": ("儲存(&S)", "&Save"),
    "review_close": ("關閉(&C)", "&Close"),
    "review_apply": ("套用修改(&P)", "A&pply edit"),
    "review_saved": (
        "已寫回內容資料夾：接受 {kept} 項、刪除 {removed} 項，尚有 {left} 項草稿",
        "Content folder saved: {kept} kept, {removed} removed, {left} drafts left",
    ),
    "review_failed": ("無法儲存檢查結果", "The review could not be saved"),
    "state_waiting": ("未檢查", "unreviewed"),
    "state_accept": ("✓ 接受", "✓ accept"),
    "state_edit": ("✎ 已修改", "✎ edited"),
    "state_reject": ("✗ 刪除", "✗ reject"),
    "draft_kind_section": ("章節", "Section"),
    "draft_kind_traveller": ("出國人員", "Traveller"),
    "draft_kind_agenda_item": ("行程", "Itinerary entry"),
    "draft_kind_figure": ("數據", "Figure"),
    "draft_kind_initiative": ("措施／主題", "Initiative"),
    "draft_kind_photo": ("照片", "Photo"),
    "doubt_heading": (
        "標題只依編號或版面判斷，請確認它確實是章節標題",
        "A heading recognised by its numbering or layout: check that it is one",
    ),
    "doubt_section_kind": (
        "章節種類（{kind}）依標題文字判斷",
        "The section's kind ({kind}) was guessed from its heading",
    ),
    "doubt_key_points": (
        "重點摘自各段的第一句，請確認或改寫（保留報告用語）",
        "Key points are the paragraphs' first clauses: confirm or shorten (keep the words)",
    ),
    "doubt_traveller": ("姓名與職稱取自封面，請核對", "Name and title read off the cover"),
    "doubt_agenda_row": (
        "日期、時間與地點依行程表的欄位判斷",
        "Date, time and place read off the itinerary's columns",
    ),
    "doubt_figure": (
        "數字依樣式找出：請核對數值、單位與所量之事",
        "A number found by its pattern: check value, unit and what it measures",
    ),
    "doubt_figure_hedge": (
        "數字依樣式找出，含限定詞（約、超過、預計…）：請核對限定詞是否保留",
        "A number found by its pattern, with a hedge (about, over, planned…): check it is kept",
    ),
    "doubt_initiative": (
        "名稱取自「」或英文名稱前的文字，可能是機關或一般名詞而非措施",
        "A name in 「」 or before an English name: it may be an agency, not an initiative",
    ),
    "doubt_photo": ("照片說明取自報告的圖說", "The caption is the report's own"),
    "field_title": ("標題", "Title"),
    "field_kind": ("種類", "Kind"),
    "field_name": ("姓名／名稱", "Name"),
    "field_name_en": ("英文名稱", "English name"),
    "field_summary": ("摘要", "Summary"),
    "field_date": ("日期", "Date"),
    "field_time": ("時間", "Time"),
    "field_place": ("地點", "Place"),
    "field_value": ("數值", "Value"),
    "field_unit": ("單位", "Unit"),
    "field_qualifier": ("限定詞", "Qualifier"),
    "field_measure": ("所量之事", "What it measures"),
    "field_caption": ("圖說", "Caption"),
    "field_alt": ("替代文字", "Alt text"),
    "qualifier_exact": ("確數", "exact"),
    "qualifier_over": ("超過", "over"),
    "qualifier_about": ("約", "about"),
    "qualifier_target": ("目標", "target"),
    "qualifier_forecast": ("預計", "forecast"),
    "qualifier_within": ("以內", "within"),
    "qualifier_under": ("未滿", "under"),
    "section_kind_content": ("內容", "content"),
    "section_kind_abstract": ("摘要", "abstract"),
    "section_kind_process": ("過程", "process"),
    "section_kind_recommendations": ("心得與建議", "recommendations"),
    "section_kind_appendix": ("附錄", "appendix"),
    "section_kind_preface": ("前言", "preface"),
    "section_kind_visit": ("參訪紀要", "visit"),
    "drafts_left": (
        "尚有 {n} 項草稿未檢查（檔案 ▸ 檢查草稿）",
        "{n} drafts not yet reviewed (File ▸ Review drafts)",
    ),
    # the start page
    "start_import": ("匯入我的出國報告…", "Import my trip report…"),
    "start_import_detail": (
        "Word (.docx)、ODF (.odt)、PDF 或純文字 (.txt)；也可以把檔案拖曳到視窗上",
        "Word (.docx), ODF (.odt), PDF or text (.txt); or drop the file on the window",
    ),
    "start_examples": ("或從範例開始：", "Or start from an example:"),
    "drop_refused": (
        "只能匯入 .docx、.odt、.pdf 或 .txt 檔",
        "Only .docx, .odt, .pdf or .txt files can be imported",
    ),
    # opening results
    "open_failed": (
        "系統無法開啟「{path}」：沒有可開啟此類檔案的程式，或檔案已不存在。",
        "The system could not open “{path}”: no program opens this kind of file, or it is gone.",
    ),
    "cover_too_long": (
        "標題 {n} 個字，封面放不下（約 {limit} 字以內）",
        "The title has {n} characters: too long for the cover (about {limit} at most)",
    ),
    "title_fallback": (
        "標題空白時使用報告標題：{title}",
        "An empty title uses the report's: {title}",
    ),
    "finding_tag": ("待查", "check"),
    "overflow_tag": ("滿出", "overflow"),
    "overflow_caption": (
        "有文字超出版面框（虛線框處），產生後會被裁切或縮小",
        "Some text overflows its box (dashed): it will be cut or shrunk in the deck",
    ),
    "findings_caption": ("自我檢查：{items}", "Self-check: {items}"),
}
