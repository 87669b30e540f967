"""One thing the self-check found on a deck, and how to say it in the deck's languages."""

from __future__ import annotations

from dataclasses import dataclass

#: Every code the self-check reports, with its message in each language; ``{what}`` is the
#: piece of the slide concerned (a card's heading, a cell's row and column, a number …).
MESSAGES: dict[str, dict[str, str]] = {
    "overflow": {
        "zh-TW": "文字超出框：{what}",
        "en": "text overflows its box: {what}",
    },
    "over-title": {
        "zh-TW": "內容壓到標題：{what}",
        "en": "a shape runs over the title: {what}",
    },
    "over-source": {
        "zh-TW": "內容壓到資料來源列：{what}",
        "en": "a shape runs over the source line: {what}",
    },
    "empty-card": {
        "zh-TW": "空白卡片：{what}",
        "en": "an empty card: {what}",
    },
    "empty-tile": {
        "zh-TW": "空白數據方塊：{what}",
        "en": "an empty key-figure tile: {what}",
    },
    "empty-cell": {
        "zh-TW": "表格有空白儲存格：{what}",
        "en": "an empty table cell: {what}",
    },
    "empty-column": {
        "zh-TW": "表格有整欄空白：{what}",
        "en": "a table column empty in every row: {what}",
    },
    "empty-slide": {
        "zh-TW": "投影片沒有內容：{what}",
        "en": "a content slide shows nothing: {what}",
    },
    "label-collision": {
        "zh-TW": "時間軸標籤重疊或超出：{what}",
        "en": "timeline labels collide or spill: {what}",
    },
    "budget": {
        "zh-TW": "超出篇幅：{what}",
        "en": "over the length's budget: {what}",
    },
    "section-missing": {
        "zh-TW": "勾選的章節未出現在任何投影片：{what}",
        "en": "a selected section is on no slide: {what}",
    },
    "number-not-figure": {
        "zh-TW": "數字不是報告的數據紀錄：{what}",
        "en": "a number that is no figure record: {what}",
    },
}
CODES = tuple(MESSAGES)


@dataclass(frozen=True)
class Finding:
    """A problem on slide ``slide`` (1-based; None for the whole deck): ``code`` is a stable
    id (see ``CODES``), ``what`` the piece of the slide it concerns, as shown there."""

    slide: int | None
    code: str
    what: str = ""

    def text(self, language: str = "en") -> str:
        """The finding as one line, in zh-TW or en (other languages: English)."""
        messages = MESSAGES[self.code]
        message = messages.get(language, messages["en"]).format(what=self.what)
        if self.slide is None:
            return message
        if language == "zh-TW":
            return f"第 {self.slide} 張：{message}"
        return f"slide {self.slide}: {message}"

    def to_json(self) -> dict[str, object]:
        return {"slide": self.slide, "code": self.code, "what": self.what, "text": self.text()}
