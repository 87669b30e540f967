"""The imported report as the content format's records (plain dicts, ready for YAML): the
cover, the sections with drafted key points, and the drafted figures, initiatives and agendas.
Every machine-made record carries ``draft: true`` and the report's words as ``evidence``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from briefing.content.numbering import Number
from briefing.importing import agenda as agenda_mod
from briefing.importing.figures import find_figures
from briefing.importing.initiatives import collect, find_initiatives
from briefing.importing.keypoints import key_points
from briefing.importing.outline import Node, paren_flag

if TYPE_CHECKING:
    from briefing.content.units import UnitTable
    from briefing.importing.notes import Notes

Record = dict[str, Any]


def slug(text: str, limit: int = 60) -> str | None:
    """``text`` as an id (lower-case ASCII words joined by ``-``), or None when it has none."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    found = "-".join(words)[:limit].strip("-")
    return found if found and found[0].isalpha() else None


# -- sections ---------------------------------------------------------------------------------
def sections(roots: list[Node]) -> list[Record]:
    """The section records of the tree, with drafted key points."""
    return [_section(node, []) for node in roots]


def _section(node: Node, ancestors: list[Number | None]) -> Record:
    record: Record = {"id": node.id}
    own = Number(node.number.text) if node.number else None
    if node.number is not None:
        record["number"] = node.number.text
        paren = paren_flag(node, ancestors)
        if paren is not None:
            record["paren"] = paren
            own = Number(node.number.text, paren)
    record["title"] = node.title
    if node.kind:
        record["kind"] = node.kind
    record["draft"] = True
    if node.paragraphs:
        record["paragraphs"] = list(node.paragraphs)
        points = key_points(node.title, node.paragraphs)
        if points:
            record["key_points"] = points
    if node.children:
        record["children"] = [_section(child, [*ancestors, own]) for child in node.children]
    return record


def abstract(title: str, paragraphs: list[str]) -> Record:
    """The 內容摘要 as the section of kind ``abstract``."""
    record: Record = {"id": "abstract", "title": title, "kind": "abstract", "draft": True}
    record["paragraphs"] = paragraphs
    points = key_points(title, paragraphs)
    if points:
        record["key_points"] = points
    return record


# -- figures ---------------------------------------------------------------------------------
def figures(nodes: list[Node], table: UnitTable, notes: Notes) -> list[Record]:
    """Figure drafts for every number with a unit in the sections' paragraphs."""
    out: list[Record] = []
    for node in nodes:
        seen: set[str] = set()
        for paragraph in node.paragraphs:
            found, unitless = find_figures(paragraph, table)
            notes.extend("figures", [f"「{u}」 in 「{node.title}」" for u in unitless])
            for candidate in found:
                if candidate.as_written in seen:
                    continue
                seen.add(candidate.as_written)
                out.append(_figure(candidate, node.id, len(seen)))
    return out


def _figure(candidate: Any, section: str, n: int) -> Record:
    value = candidate.value
    record: Record = {
        "id": f"{section}-fig-{n}",
        "draft": True,
        "value": int(value) if float(value).is_integer() else value,
        "unit": candidate.unit,
        "qualifier": candidate.qualifier,
        "measure": candidate.measure,
        "as_written": candidate.as_written,
        "section": section,
    }
    evidence: Record = {"unit": candidate.as_written}
    if candidate.qualifier_text:
        evidence["qualifier"] = candidate.qualifier_text
    if candidate.when:
        record["when"] = candidate.when
        evidence["when"] = candidate.when_text
    record["evidence"] = evidence
    return record


# -- initiatives -----------------------------------------------------------------------------
def initiatives(nodes: list[Node]) -> list[Record]:
    """Initiative drafts: every candidate name, where it is named, and its first sentence."""
    found = [
        (node.id, paragraph, candidate)
        for node in nodes
        for paragraph in node.paragraphs
        for candidate in find_initiatives(paragraph)
    ]
    out: list[Record] = []
    used: set[str] = set()
    for n, item in enumerate(collect(found), start=1):
        wanted = slug(item.name_en or "") or f"initiative-{n}"
        ident = wanted if wanted not in used else f"{wanted}-{n}"
        used.add(ident)
        record: Record = {"id": ident, "draft": True, "name": item.name}
        if item.name_en:
            record["name_en"] = item.name_en
            record["evidence"] = {"name_en": item.name_en_quote}
        record["summary"] = item.summary
        record["sections"] = item.sections
        out.append(record)
    return out


# -- agendas ---------------------------------------------------------------------------------
def agendas(nodes: list[Node], trip: tuple[Any, Any] | None, notes: Notes) -> list[Record]:
    """Agenda drafts from itinerary or programme tables, else from a 行程 section's dated
    lines (or 第N天 lines), else from its prose; tables that are no agenda are noted."""
    year = trip[0].year if trip else None
    drafts: list[agenda_mod.AgendaDraft] = []
    for node in nodes:
        for table in node.tables:
            draft = agenda_mod.from_table(table, node.id, node.title, year)
            if draft is None:
                notes.add(
                    "tables",
                    f"「{node.title}」中一個 {len(table.rows)} 列的表格",
                    en=f"a table of {len(table.rows)} rows in 「{node.title}」",
                    where=f"p{table.page}" if table.page else "",
                )
            else:
                drafts.append(draft)
    if not any(d.kind == "itinerary" for d in drafts):
        found = _text_itinerary(nodes, trip)
        if found is not None:
            drafts.append(found)
        else:
            notes.add(
                "agenda",
                "未找到行程（沒有行程表、以日期起首的行或含日期的敘述）",
                en="no itinerary found (no table, dated lines or dated prose)",
            )
    return _agenda_records(drafts)


def _text_itinerary(
    nodes: list[Node], trip: tuple[Any, Any] | None
) -> agenda_mod.AgendaDraft | None:
    """The first section (行程 sections first) whose lines or prose give an itinerary."""
    from briefing.importing import itinerary  # here: the import block is busy in other branches

    ordered = [
        n
        for n in sorted(nodes, key=lambda n: 0 if n.kind == "process" or "行程" in n.title else 1)
        if n.kind not in ("recommendations", "abstract")
    ]
    for node in ordered:
        items = itinerary.from_lines(node.paragraphs, trip)
        if items:
            return agenda_mod.AgendaDraft("itinerary", node.id, node.title, items)
    for node in ordered:  # a date alone on its line, what was done in the paragraph after it
        draft = agenda_mod.from_date_lines(node.paragraphs, node.id, node.title)
        if draft is not None:
            return draft
    for node in ordered:
        items = itinerary.from_prose(node.paragraphs, trip)
        if items:
            return agenda_mod.AgendaDraft("itinerary", node.id, node.title, items)
    return None


def _agenda_records(drafts: list[agenda_mod.AgendaDraft]) -> list[Record]:
    out: list[Record] = []
    used: set[str] = set()
    for draft in drafts:
        ident = draft.kind if draft.kind not in used else f"{draft.kind}-{len(out) + 1}"
        used.add(ident)
        out.append(
            {
                "id": ident,
                "kind": draft.kind,
                "draft": True,
                "section": draft.section,
                "title": draft.title,
                "items": draft.items,
            }
        )
    return out


# -- the cover ---------------------------------------------------------------------------------
def report_meta(meta: Record, report_id: str, agendas: list[Record]) -> Record:
    """report.yaml: the cover fields found, the source text, and the report's vocabulary."""
    from briefing.content.model import ReportMeta

    given = {k: v for k, v in meta.items() if v not in (None, "", [])}
    record: Record = {"id": report_id}
    record.update({k: given[k] for k in ReportMeta.model_fields if k in given})
    record["source_file"] = "source.txt"
    record["vocabulary"] = vocabulary(meta.get("destination"), agendas)
    return record


def vocabulary(destination: str | None, agendas: list[Record]) -> Record:
    """The deck's words for this report: its initiatives named after the destination
    (愛沙尼亞、芬蘭 -> 愛沙尼亞及芬蘭重點措施), its agendas by their own headings."""
    words: Record = {}
    if destination:
        places = [p for p in re.split(r"[、,，/／及與和]\s*", destination) if p.strip()]
        joined = "、".join(places[:-1]) + ("及" if len(places) > 1 else "") + places[-1]
        words["initiatives"] = f"{joined}重點措施"
    for agenda in agendas:
        words.setdefault(agenda["kind"], agenda["title"])
    return words
