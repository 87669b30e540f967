"""``import-report.md``: what was imported, every doubt (with its line or page in the source),
what the standard deck leaves out, and every drafted item with the report's words behind it.
In Traditional Chinese, or English with ``language="en"``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.importing.notes import KINDS

if TYPE_CHECKING:
    from briefing.importing.aftercheck import Verdict
    from briefing.importing.notes import Notes

_WORDS = {
    "zh-TW": {
        "title": "# 匯入報告：{title}",
        "summary": "由 `{source}` 以 `python main.py import` 匯入：{sections} 個章節；擬稿 "
        "{figures} 個數字、{initiatives} 項措施、{agenda_items} 個行程項目。",
        "drafts": "重點、數字、措施與行程皆為草稿（`draft: true`），取自報告原文：簡報前請逐一"
        "檢視。`python main.py check --content 資料夾` 會將每段文字與引文與 `source.txt`（匯入的"
        "原文）比對。",
        "checked": "已檢查（check）：無問題；標準簡報共 {slides} 張投影片。",
        "nothing": "未發現需要確認之處。",
        "drafted": "## 擬稿項目及其依據",
        "figures": "### 數字",
        "agenda": "### 行程",
        "initiatives": "### 措施",
        "points": "### 章節重點",
    },
    "en": {
        "title": "# Import report: {title}",
        "summary": "Imported from `{source}` by `python main.py import`: {sections} sections; "
        "{figures} figures, {initiatives} initiatives and {agenda_items} agenda items drafted.",
        "drafts": "Key points, figures, initiatives and agendas are drafts (`draft: true`), made "
        "from the report's own words: review them before a briefing. `python main.py check "
        "--content FOLDER` checks every paragraph and quote against `source.txt`, the text as "
        "imported.",
        "checked": "Checked: no problems; the standard deck has {slides} slides.",
        "nothing": "Nothing uncertain was found.",
        "drafted": "## Drafted items and the words behind them",
        "figures": "### Figures",
        "agenda": "### Itinerary",
        "initiatives": "### Initiatives",
        "points": "### Key points",
    },
}


def text(
    data: dict[str, Any],
    source: str,
    counts: dict[str, int],
    notes: Notes,
    verdict: Verdict | None = None,
    language: str = "zh-TW",
) -> str:
    """The whole import report."""
    words = _WORDS["en" if language == "en" else "zh-TW"]
    english = language == "en"
    lines = [
        words["title"].format(title=data["report"]["title"]),
        "",
        words["summary"].format(source=source, **counts),
        "",
        words["drafts"],
    ]
    if verdict is not None and not verdict.problems:
        lines += ["", words["checked"].format(slides=verdict.slides)]
    if verdict is not None:
        for zh, en in verdict.left_out:
            notes.add("left-out", zh, en=en)
        for problem in verdict.problems:
            notes.add("check", problem)
        for problem in verdict.fonts:
            notes.add(
                "check",
                f"字型缺字（建置時會警告；可改用其他字型）：{problem}",
                en=f"characters the font lacks (a build warns; choose another font): {problem}",
            )
    for kind, headings in KINDS.items():
        zh, en = (headings, headings) if isinstance(headings, str) else headings
        items = notes.texts(kind, language)
        if items:
            lines += ["", f"## {en if english else zh}", "", *(f"- {item}" for item in items)]
    if not notes.items:
        lines += ["", words["nothing"]]
    lines += ["", words["drafted"], *_drafted(data, words)]
    return "\n".join(lines) + "\n"


def _drafted(data: dict[str, Any], words: dict[str, str]) -> list[str]:
    out: list[str] = []
    figures = data.get("figures") or []
    if figures:
        out += ["", words["figures"], ""]
        out += [
            f"- `{f['id']}` {f['value']:g} {f['unit']}（{f['qualifier']}）← 「{f['as_written']}」"
            f"：{f.get('measure', '')}"
            for f in figures
        ]
    items = [(a, i) for a in data.get("agenda") or [] for i in a["items"]]
    if items:
        out += ["", words["agenda"], ""]
        for agenda, item in items:
            when = str(item.get("date", "")) + (
                f"–{item['end_date']}" if item.get("end_date") else ""
            )
            place = f"〔{item['place']}〕" if item.get("place") else ""
            out.append(
                f"- {when} {item.get('time', '')} {place}← 「{item['title']}」（{agenda['title']}）"
            )
    initiatives = data.get("initiatives") or []
    if initiatives:
        out += ["", words["initiatives"], ""]
        out += [f"- `{i['id']}` {i['name']} ← 「{i['summary']}」" for i in initiatives]
    points = [(s, p) for s in _walk(data.get("sections") or []) for p in s.get("key_points", [])]
    if points:
        out += ["", words["points"], ""]
        out += [f"- `{s['id']}` 「{p}」" for s, p in points]
    return out


def _walk(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for section in sections:
        out.append(section)
        out += _walk(section.get("children", []))
    return out
