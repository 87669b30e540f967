"""What the importer was unsure of, by kind, for ``import-report.md`` and the shells.

A note is written in Traditional Chinese, with an English text beside it where the importer's
own wording differs (``en``), and where it is in the source (``where``: a line of a text file,
a page). :meth:`Notes.flat` gives them in the import report's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of note, in the order the import report lists them, with their headings
#: (Traditional Chinese, English; one string serves both).
KINDS: dict[str, tuple[str, str] | str] = {
    "check": ("檢查（check）發現的問題", "Problems check found"),
    "cover": ("封面及提要欄位：未找到或未能讀取", "Cover and 提要 fields not found or not read"),
    "dates": ("無法判讀的日期", "Dates it could not read"),
    "guessed": (
        "僅依編號判斷的標題（目次未列、亦無標題樣式）",
        "Headings guessed from their numbering alone (not in the 目次, no heading style)",
    ),
    "skipped": ("跳層的標題", "Headings that skip a level"),
    "numbering": ("編號不連續或未由一起始", "Numbering that jumps or does not start at one"),
    "not-headings": (
        "看似標題但保留為內文的段落",
        "Lines that look like headings but were kept as text",
    ),
    "toc": ("目次中未找到對應標題的項目", "Table of contents entries not found as headings"),
    "agenda": ("行程", "Itinerary"),
    "figures": ("未附單位的數字（未擬稿）", "Figures without a unit (not drafted)"),
    "tables": ("保留為內文的表格", "Tables kept as text"),
    "left-out": ("標準簡報不會呈現的內容", "What the standard deck leaves out"),
    "photos": ("未匯入或缺少圖說的圖片", "Pictures not imported, or without a caption"),
    "cleaning": ("清理", "Cleaning"),
    "reading": ("讀取", "Reading"),
}


@dataclass(frozen=True)
class Note:
    """One note: its text (Chinese), its English text (None: the same), where it is."""

    text: str
    en: str | None = None
    where: str = ""

    def shown(self, language: str = "zh-TW") -> str:
        text = self.en if language == "en" and self.en else self.text
        return f"{place(self.where, language)}{text}" if self.where else text


def place(where: str, language: str = "zh-TW") -> str:
    """``L12`` -> 第12行：/ line 12: ; ``p3`` -> 第3頁：/ page 3: ."""
    kind, number = where[:1], where[1:]
    if language == "en":
        return f"{'line' if kind == 'L' else 'page'} {number}: "
    return f"第{number}{'行' if kind == 'L' else '頁'}："


def where_of(block: object) -> str:
    """The location code of a block: its line in a text file, else its page, else ""."""
    line = getattr(block, "line", None)
    if line:
        return f"L{line}"
    page = getattr(block, "page", None)
    return f"p{page}" if page else ""


@dataclass
class Notes:
    """Notes by kind (see :data:`KINDS`)."""

    items: dict[str, list[Note]] = field(default_factory=dict)

    def add(self, kind: str, text: str, *, en: str | None = None, where: str = "") -> None:
        self.items.setdefault(kind, []).append(Note(text, en, where))

    def extend(self, kind: str, texts: list[str] | tuple[str, ...]) -> None:
        for text in texts:
            self.add(kind, text)

    def texts(self, kind: str, language: str = "zh-TW") -> list[str]:
        return [note.shown(language) for note in self.items.get(kind, ())]

    def flat(self, language: str = "zh-TW") -> tuple[str, ...]:
        """Every note as ``kind: text``, in the order of :data:`KINDS`."""
        return tuple(f"{kind}: {text}" for kind in KINDS for text in self.texts(kind, language))
