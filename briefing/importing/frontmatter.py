"""The front matter of a 出國報告 (行政院出國報告綜合處理要點, 附件一): the cover (出國類別,
服務機關, 姓名職稱, 派赴國家／地區, 出國期間, 報告日期) and the 提要 page (系統識別號, 頁數,
關鍵詞, 內容摘要 …), read from the lines before the first heading.

A line may hold several ``label：value`` fields; a line of ``/``-separated column names
(出國人員姓名/服務機關/單位/職稱/電話) is read with the lines of values under it. The
內容摘要 and everything after it up to the body is the abstract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.importing import people, rocdates
from briefing.importing.blocks import Block, Paragraph, Table

if TYPE_CHECKING:
    from briefing.importing.notes import Notes

FIELDS: dict[str, str] = {
    "出國報告名稱": "title", "報告名稱": "title", "計畫名稱": "plan_name",
    "出國計畫名稱": "plan_name", "出國類別": "category", "服務機關": "agency",
    "服務單位": "unit", "姓名職稱": "person:name-title", "姓名／職稱": "person:name-title",
    "姓名/職稱": "person:name-title", "職稱／姓名": "person:title-name",
    "職稱/姓名": "person:title-name", "職稱姓名": "person:title-name",
    "出國人員": "person:name-title", "考察人員": "person:name-title",
    "參訪人員": "person:name-title", "出國人員姓名": "person:name-title",
    "派赴國家／地區": "destination", "派赴國家/地區": "destination", "派赴國家": "destination",
    "派赴國家地區": "destination", "派赴國家(地區)": "destination",
    "派赴國家（地區）": "destination", "考察地點": "destination", "參訪地點": "destination",
    "出國地點": "destination", "出國地區": "destination!", "出國國家": "destination",
    "前往地區": "destination", "計畫主辦機關": "contact:agency",
    "出國計畫主辦機關": "contact:agency", "聯絡人": "contact:name", "聯絡電話": "contact:phone",
    "出國期間": "trip", "出國日期": "trip", "考察日期": "trip",
    "考察期間": "trip", "參訪日期": "trip", "參訪期間": "trip", "報告日期": "report_date",
    "系統識別號": "system_id", "頁數": "pages", "關鍵詞": "keywords", "關鍵字": "keywords",
    "分類號/目": "classification", "分類號／目": "classification",
}  # fmt: skip
_NAMES = "|".join(re.escape(k) for k in sorted(FIELDS, key=len, reverse=True))
_LABEL = re.compile(rf"({_NAMES})\s*[：:]")
_LABEL_ALONE = re.compile(rf"^({_NAMES})[\s\u3000]+(?=\S)")  # a label without its colon
_ANY_LABEL = re.compile(r"^[^\s：:，。]{1,8}\s*[：:]")
_PAGES = re.compile(r"頁數\s*[：:]?\s*(\d+)")
_ABSTRACT = re.compile(r"^\s*(內容摘要|摘要)\s*[：:]?\s*(.*)$")
_PERSON_FIELD = re.compile(
    "("
    + "|".join(re.escape(k) for k, v in FIELDS.items() if v.startswith("person:"))
    + r")\s*[：:]"
)
_DATE_LINE = r"(?:中華)?(?:民國)?\s*[0-9〇○零一二三四五六七八九十]{2,4}\s*年.{1,8}日"
_DOC_TYPE = re.compile(r"出國(?:人員)?報告(?:書)?$")
_CHECKED = re.compile(r"[■☑✓✔Vv]\s*\d*\s*([\u4e00-\u9fff]{2,4})")


@dataclass
class FrontMatter:
    """What the cover and 提要 page say: ``meta`` as report.yaml fields, and the abstract."""

    meta: dict[str, Any] = field(default_factory=dict)
    abstract: list[str] = field(default_factory=list)
    abstract_title: str = "內容摘要"
    lines: list[str] = field(default_factory=list)


def read_front(blocks: list[Block], notes: Notes) -> FrontMatter:
    """The cover and 提要 fields of the lines before the body."""
    front = FrontMatter()
    lines = [_spaced_label(line) for line in _lines(blocks)]
    front.lines = lines
    i = 0
    while i < len(lines):
        line = lines[i]
        abstract = _ABSTRACT.match(line)
        if abstract:
            front.abstract_title = abstract.group(1)
            front.abstract = ([abstract.group(2)] if abstract.group(2) else []) + lines[i + 1 :]
            break
        joined = 0
        if _bare(line) in FIELDS and i + 1 < len(lines) and not _ANY_LABEL.match(lines[i + 1]):
            line, joined = f"{_bare(line)}：{lines[i + 1]}", 1  # the value on the next line
        taken = joined + _read_line(line, lines[i + 1 + joined :], front, notes)
        if taken == joined and _PERSON_FIELD.search(line):
            taken = joined
            while i + 1 + taken < len(lines) and people.looks_like_person(lines[i + 1 + taken]):
                _add_people(front, lines[i + 1 + taken], "name-title")
                taken += 1
        i += 1 + taken
    _title(front, lines)
    _agency_from_tables(front, notes)
    if "contact" in front.meta and not front.meta["contact"].get("name"):
        del front.meta["contact"]  # a 主辦機關 without a 聯絡人 is no contact
    _missing(front, notes)
    return front


def _lines(blocks: list[Block]) -> list[str]:
    """Paragraph texts, and table rows as lines: ``label：value`` for two-cell rows, a
    traveller table's header and rows as ``/``-separated lines."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += _table_lines(block)
    return out


_SPACED = re.compile(r"^((?:[\u4e00-\u9fff][ \u3000]+){1,7}[\u4e00-\u9fff])(?=\s*(?:[：:]|$))")


def _spaced_label(line: str) -> str:
    """A label written with spaces between its characters (「報　告　日　期：」) closed up."""
    spaced = _SPACED.match(line.strip())
    if spaced and re.sub(r"\s+", "", spaced.group(1)) in FIELDS:
        return re.sub(r"\s+", "", spaced.group(1)) + line.strip()[spaced.end() :]
    return line


def _table_lines(table: Table) -> list[str]:
    out: list[str] = []
    width = 0
    for row in table.rows:
        cells = [c for c in dict.fromkeys(row) if c]
        if people.column_row(list(row)):
            width = len(row)
            out.append("/".join(re.sub(r"\s+", "", c) for c in row))
        elif width and len(row) == width and len(cells) >= 2 and not _LABEL.search(row[0]):
            out.append("／".join(c.strip() for c in row))
        elif len(cells) == 2 and _bare(cells[0]) in FIELDS:
            width = 0
            out.append(f"{_bare(cells[0])}：{cells[1]}")
        else:
            width = 0
            out += cells
    return out


def _bare(label: str) -> str:
    return re.sub(r"\s+", "", label).rstrip("：:")


def _read_line(line: str, after: list[str], front: FrontMatter, notes: Notes) -> int:
    """Read the fields of ``line``; returns how many following lines it consumed."""
    columns = people.column_names(line)
    if columns:
        return _read_rows(columns, after, front, contact="聯絡人" in line)
    inline = re.match(r"^([^：:]+)[：:]\s*(.+)$", line)
    if inline and people.column_names(inline.group(1)) and re.search(r"[/／]", inline.group(2)):
        cols = people.column_names(inline.group(1)) or []
        _read_rows(cols, [inline.group(2)], front, contact="聯絡人" in inline.group(1))
        return 0
    alone = _LABEL_ALONE.match(line)
    if alone and not _LABEL.search(line):
        line = f"{alone.group(1)}：{line[alone.end() :]}"
    pages = _PAGES.search(line)
    if pages and "pages" not in front.meta:
        front.meta["pages"] = int(pages.group(1))
    if _DOC_TYPE.search(line) and "document_type" not in front.meta and "：" not in line:
        front.meta["document_type"] = line.strip()
    found = list(_LABEL.finditer(line))
    if not found and len(line.strip()) <= 24 and re.fullmatch(_DATE_LINE, line.strip()):
        _report_date(line, front.meta, notes)  # the cover's date line, with no label
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(line)
        value = _unbracket(line[match.end() : end].strip())
        _field(FIELDS[match.group(1)], value, front, notes)
    return 0


def _unbracket(value: str) -> str:
    """``value`` without a closing bracket that closes one opened before its label."""
    while value[-1:] in ")）" and value.count("(") + value.count("（") < value.count(
        ")"
    ) + value.count("）"):
        value = value[:-1].strip()
    return value


def _read_rows(columns: list[str], after: list[str], front: FrontMatter, *, contact: bool) -> int:
    taken = 0
    for line in after:
        values = [v.strip() for v in re.split(r"[/／]", line)]
        if len(values) != len(columns) or _LABEL.search(line):
            break
        record = dict(zip(columns, values, strict=True))
        taken += 1
        if contact:
            kept = ("agency", "name", "phone")
            front.meta["contact"] = {k: v for k, v in record.items() if k in kept and v}
        else:
            _add_traveller(front, {k: v for k, v in record.items() if v})
    return taken


#: How an organisation's name ends: such a "name" (a cover table whose agency cell slid under
#: 姓名職稱, say) is an agency, never a traveller.
_ORGANISATION = re.compile(r"(部|署|局|處|會|院|府|所|館|中心|公司|大學|學校|協會|組|課|科|室)$")


def is_organisation(name: str) -> bool:
    """Whether ``name`` reads as an organisation's name rather than a person's."""
    return len(name) >= 3 and _ORGANISATION.search(name) is not None


def _add_traveller(front: FrontMatter, person: dict[str, str]) -> None:
    if is_organisation(person.get("name", "")):
        return
    people: list[dict[str, str]] = front.meta.setdefault("travellers", [])
    for known in people:
        if known["name"] == person.get("name"):
            known.update({k: v for k, v in person.items() if v})
            return
    if person.get("name"):
        people.append({**person, "draft": True})  # read off the cover: to be reviewed


def _field(name: str, value: str, front: FrontMatter, notes: Notes) -> None:
    if not value:
        return
    meta = front.meta
    if name.startswith("person:"):
        _add_people(front, value, name.split(":")[1])
    elif name.startswith("contact:"):
        meta.setdefault("contact", {}).setdefault(name.split(":")[1], value)
    elif name == "destination!":
        meta["destination"] = value
    elif name == "trip":
        _trip(value, meta, notes)
    elif name == "report_date":
        _report_date(value, meta, notes)
    elif name == "keywords":
        meta.setdefault("keywords", [k for k in re.split(r"[、,，;；/／]\s*", value) if k.strip()])
    elif name == "category":
        meta.setdefault("category", _category(value))
    elif name == "pages":
        digits = re.search(r"\d+", value)
        if digits:
            meta.setdefault("pages", int(digits.group()))
    elif name == "title":
        meta.setdefault("title", value)
    else:
        meta.setdefault(name, value)


def _category(value: str) -> str:
    """出國類別 as written: ``其他：開會`` -> 開會; a ticked box wins; else the value."""
    if "其他" in value and re.search(r"其他\s*[：:]\s*(\S+)", value):
        return re.search(r"其他\s*[：:]\s*(\S+)", value).group(1)  # type: ignore[union-attr]
    checked = _CHECKED.search(value)
    return checked.group(1) if checked else value


def _add_people(front: FrontMatter, value: str, order: str) -> None:
    for person in people.split_people(value, order):
        _add_traveller(front, person)


def _trip(value: str, meta: dict[str, Any], notes: Notes) -> None:
    found = rocdates.read_range(value)
    if found is None:
        notes.add("dates", f"出國期間「{value}」無法判讀", en=f"出國期間「{value}」: not a date")
        return
    meta.setdefault("trip_start", found[0])
    meta.setdefault("trip_end", found[1])


def _report_date(value: str, meta: dict[str, Any], notes: Notes) -> None:
    date = rocdates.read_date(value)
    if date is None:
        notes.add("dates", f"報告日期「{value}」無法判讀", en=f"報告日期「{value}」: not a date")
    elif "report_date" not in meta:
        meta["report_date"] = date
    elif meta["report_date"] != date:
        meta.setdefault("report_date_note", f"報告日期另見「{value}」")
        notes.add(
            "cover",
            f"兩個報告日期：{meta['report_date']} 與「{value}」（採用前者）",
            en=f"two report dates: {meta['report_date']} and 「{value}」 (kept the first)",
        )


def _title(front: FrontMatter, lines: list[str]) -> None:
    """The title: 出國報告名稱 when given, else the cover's first line that is no field;
    an English name after it (in brackets, or a line of its own) is ``title_en``."""
    meta = front.meta
    title = meta.get("title") or _cover_title(lines)
    if not title:
        return
    english = re.search(r"\s*[(（]([A-Za-z][^()（）]*)[)）]\s*$", title)
    if english:
        title = title[: english.start()].strip()
        meta.setdefault("title_en", english.group(1).strip())
    meta["title"] = title
    if "title_en" not in meta:
        key = re.sub(r"\s+", "", title)
        ends = [n for n, line in enumerate(lines) if line.strip() and key.endswith(_squashed(line))]
        at = ends[0] if ends else -1
        after = lines[at + 1] if 0 <= at < len(lines) - 1 else ""
        bracketed = re.fullmatch(r"[(（]([A-Za-z][^()（）]*)[)）]", after.strip())
        plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'&:\-–]{5,150}", after.strip())
        if bracketed:
            meta["title_en"] = bracketed.group(1).strip()
        elif plain:
            meta["title_en"] = plain.group(0).strip()


def _squashed(text: str) -> str:
    squashed = re.sub(r"\s+", "", text)
    return squashed if len(squashed) >= 4 else "\0"  # short lines end no title


def _cover_title(lines: list[str]) -> str | None:
    """The cover's first line that is no field (「單位：…」 is one) and no document type; a
    title broken over two lines is joined again."""
    for n, line in enumerate(lines[:12]):
        text = line.strip()
        if not _title_line(text):
            continue
        after = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if _continues_title(text, after):
            return text + after
        return text
    return None


def _continues_title(text: str, after: str) -> bool:
    return (
        bool(after)
        and _title_line(after)
        and not re.search(r"[。，；]$", text)
        and len(text) + len(after) <= 60
        and not after[:1].isascii()  # an English subtitle is no second line of the title
    )


def _title_line(text: str) -> bool:
    if _LABEL.search(text) or _ANY_LABEL.match(text) or _LABEL_ALONE.match(text):
        return False
    if _DOC_TYPE.search(text) or text.startswith(("(", "（")) or "提要" in text:
        return False
    if rocdates.read_date(text) or people.looks_like_person(text):
        return False
    return len(text) <= 80 and bool(re.search(r"[\u4e00-\u9fffA-Za-z]", text))


def _agency_from_tables(front: FrontMatter, notes: Notes) -> None:
    """服務機關 from the 提要's traveller table (the agency most travellers are from) or its
    contact, when the cover's could not be read."""
    meta = front.meta
    if "agency" in meta:
        return
    agencies = [p["agency"] for p in meta.get("travellers", []) if p.get("agency")]
    agency = (
        max(agencies, key=agencies.count) if agencies else meta.get("contact", {}).get("agency")
    )
    if agency:
        meta["agency"] = agency
        notes.add(
            "cover",
            f"封面的服務機關無法讀取，採用提要中出國人員的服務機關「{agency}」",
            en=f"the cover's 服務機關 could not be read; took 「{agency}」 from the 提要",
        )


def _missing(front: FrontMatter, notes: Notes) -> None:
    names = {
        "title": "出國報告名稱 (title)", "agency": "服務機關", "destination": "派赴國家／地區",
        "trip_start": "出國期間", "report_date": "報告日期", "travellers": "姓名職稱",
    }  # fmt: skip
    for key, shown in names.items():
        if key not in front.meta:
            notes.add("cover", f"未找到{shown}", en=f"{shown} not found")
