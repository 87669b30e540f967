"""The import as one call: read, clean, find the structure, draft, write.

:func:`import_report` is what ``briefing.api.import_report`` runs for the command line and the
desktop app. It reports progress by stage (``reading``, ``structure``, ``drafts``, ``writing``)
and honours a :class:`~briefing.pipeline.CancelToken` between stages; nothing is written before
the last stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import files
from briefing.content.units import default_table
from briefing.errors import ContentError, SourceError
from briefing.importing import (
    aftercheck,
    cleaning,
    itinerary,
    output,
    photofiles,
    records,
    report_text,
    sanitise,
    structure,
    writer,
)
from briefing.importing.blocks import Block, Paragraph, Table
from briefing.importing.footnotes import footnote_notes
from briefing.importing.frontmatter import read_front
from briefing.importing.headings import detect, is_toc_line, unnumbered_kind
from briefing.importing.notes import Notes
from briefing.importing.outline import build
from briefing.importing.pictures import is_caption
from briefing.importing.readers import read
from briefing.importing.refusal import has_structure, refuse
from briefing.pipeline import Steps

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.importing.outline import Node
    from briefing.pipeline import CancelToken


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the content folder, the report's id, how many sections, figures,
    initiatives and agenda items it drafted, and the notes of ``import-report.md``."""

    folder: Path
    report_id: str
    sections: int
    figures: int
    initiatives: int
    agenda_items: int
    notes: tuple[str, ...]
    photos: int = 0  # pictures written to photos/ (see photos.yaml)

    @property
    def report_file(self) -> Path:
        """The import report (what the importer was unsure of)."""
        return self.folder / writer.REPORT_FILE


def import_report(
    source: Path,
    out: Path | None = None,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: CancelToken | None = None,
    language: str = "zh-TW",
    replace: bool = False,
) -> ImportResult:
    """Import the trip report ``source`` into the content folder ``out`` (default:
    ``imported/<report id>/`` beside the source), all or nothing: the folder is written beside
    the target, checked and its standard deck planned, and only then renamed into place (see
    :mod:`~briefing.importing.output`; a folder holding files is replaced only with
    ``replace``). Raises SourceError for a file it cannot read or that holds no report,
    NoStructure (a SourceError) for one without headings, ContentError when the written folder
    fails the check; BuildCancelled when cancelled (nothing written). ``import-report.md`` is
    in ``language``."""
    source = Path(source)
    step = Steps(progress, cancel)
    notes = Notes()
    step("reading", 0.0)
    document = read(source)
    notes.extend("reading", document.notes)
    step("structure", 0.3)
    blocks, dropped = cleaning.drop_furniture(list(document.blocks))
    notes.extend("cleaning", dropped)
    blocks, contents = structure.split_contents(blocks)
    blocks = cleaning.rejoin(blocks, _stands_alone)
    start = structure.body_start(blocks, contents)
    front = read_front(blocks[:start], notes)
    before = {kind: list(items) for kind, items in notes.items.items()}
    found_text(blocks, source)
    roots = build(blocks[start:], contents, notes)
    if not has_structure(roots):  # a second try: headings with a lead sentence, unconfirmed
        notes.items = before
        roots = build(blocks[start:], contents, notes, lenient=True)
    if not has_structure(roots):
        raise refuse(source, blocks)
    contents.settle([node.title for root in roots for node in root.walk()])
    footnote_notes(document.footnotes, roots, notes)
    notes.extend("toc", [f"「{e}」" for e in contents.missing()])
    step("drafts", 0.5)
    placed = photofiles.place(document.pictures, roots, notes)
    data = _records(front, roots, source, notes, records.locator(blocks))
    if not data["sections"]:  # (its text was checked by found_text above)
        raise nothing_to_import("only a title", source)
    photofiles.prune_key_points(data["sections"], placed)
    dropped_figures: list[str] = []
    data = sanitise.records(data, dropped_figures)
    notes.extend("cleaning", dropped_figures)
    step("writing", 0.9)
    folder = out if out is not None else source.parent / "imported" / data["report"]["id"]
    counts = _counts(data)
    name = sanitise.shown_name(source.name)
    text = sanitise.source_text(_source_text(blocks))
    output.write_import(
        folder,
        source,
        lambda temp: write_checked(temp, data, name, text, notes, counts, language, placed, folder),
        replace=replace,
    )
    step.finish()
    return ImportResult(
        folder, data["report"]["id"], notes=notes.flat(language), photos=len(placed), **counts
    )


def write_checked(
    folder: Path,
    data: dict[str, Any],
    source: str,
    text: str,
    notes: Notes,
    counts: dict[str, int],
    language: str = "zh-TW",
    photos: Sequence[Any] = (),
    shown_as: Path | None = None,
) -> None:
    """Write the content files, check the folder as ``check`` would and plan its standard
    deck, then write ``import-report.md`` saying what check found and what the deck leaves
    out. ContentError when check finds problems (they are in the import report). ``folder``
    may be a temporary folder that is renamed into place once this returns. ``photos`` are
    the pictures placed in sections (:func:`briefing.importing.photofiles.place`), written and
    checked with the rest. Problems name ``shown_as`` (the target) instead of ``folder``."""
    draft = report_text.text(data, source, counts, notes, None, language)
    writer.write_folder(folder, data, source, text, draft)
    photofiles.write(folder, photos, data["report"]["title"], source)
    verdict = aftercheck.verify(folder)
    final = report_text.text(data, source, counts, notes, verdict, language)
    files.write_atomic(folder / writer.REPORT_FILE, final.encode("utf-8"))
    if verdict.problems:  # said of the folder the user named, not of a temporary one
        first = verdict.problems[0].replace(str(folder), str(shown_as or folder))
        raise ContentError(
            f"the imported folder fails check: {first} (and "
            f"{len(verdict.problems) - 1} more); nothing was written",
            file=shown_as or folder,
        )


def found_text(blocks: list[Block], source: Path) -> None:
    """SourceError (exit 2) when the report holds no paragraphs a briefing could be made from:
    an empty, title-only or table-only report, a PDF whose glyphs map to no text."""
    texts = [b.text for b in blocks if isinstance(b, Paragraph) and b.text.strip()]
    if len(texts) < 2:
        raise nothing_to_import("only a title" if texts else "no paragraphs of text", source)


def nothing_to_import(found: str, source: Path) -> SourceError:
    """The error for a report that holds ``found`` and nothing a briefing could be made from."""
    return SourceError(
        f"found {found} to import (an empty report, or one of tables or pictures only?); "
        "import the report's full text",
        file=source,
    )


def _stands_alone(paragraph: Paragraph) -> bool:
    """Paragraphs that never join another: headings, contents lines, styled headings."""
    text = paragraph.text
    return (
        paragraph.level is not None
        or detect(text) is not None
        or is_toc_line(text)
        or unnumbered_kind(text) is not None
        or is_caption(text)
        or itinerary.starts_with_date(text)
    )


def _records(
    front: Any,
    roots: list[Node],
    source: Path,
    notes: Notes,
    where: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    nodes = [n for root in roots for n in root.walk()]
    meta = dict(front.meta)
    meta.setdefault("title", source.stem)
    start, end = meta.get("trip_start"), meta.get("trip_end")
    trip = (start, end or start) if isinstance(start, dt.date) else None
    if trip is None and isinstance(meta.get("report_date"), dt.date):
        trip = (meta["report_date"], meta["report_date"])
    agendas = records.agendas(nodes, trip, notes)
    sections = records.sections(roots)
    _mark_process(sections, {a["section"] for a in agendas if a["kind"] == "itinerary"})
    if front.abstract and not any(r.get("kind") == "abstract" for r in sections):
        sections.insert(0, records.abstract(front.abstract_title, front.abstract))
    abstract_node = [_abstract_node(front)] if front.abstract else []
    return {
        "report": records.report_meta(meta, _report_id(meta, source), agendas),
        "sections": sections,
        "initiatives": records.initiatives(abstract_node + nodes),
        "figures": records.figures(abstract_node + nodes, default_table(), notes, where),
        "agenda": agendas,
    }


def _mark_process(sections: list[dict[str, Any]], ids: set[str]) -> None:
    """The section an itinerary was read from is the trip's process (a timeline in the deck),
    unless its heading already gave it a kind."""
    for record in sections:
        if record["id"] in ids and record.get("kind") in (None, "content"):
            record["kind"] = "process"
        _mark_process(record.get("children", []), ids)


def _abstract_node(front: Any) -> Node:
    from briefing.importing.outline import Node

    return Node(title=front.abstract_title, paragraphs=list(front.abstract), id="abstract")


def _report_id(meta: dict[str, Any], source: Path) -> str:
    """From the English title, else the file's name, else the trip's month."""
    for text in (meta.get("title_en"), source.stem):
        found = records.slug(text or "")
        if found:
            return found
    when = meta.get("trip_start") or meta.get("report_date")
    return f"report-{when:%Y-%m}" if isinstance(when, dt.date) else "report"


def _counts(data: dict[str, Any]) -> dict[str, int]:
    def count(items: list[dict[str, Any]]) -> int:
        return sum(1 + count(i.get("children", [])) for i in items)

    return {
        "sections": count(data["sections"]),
        "figures": len(data["figures"]),
        "initiatives": len(data["initiatives"]),
        "agenda_items": sum(len(a["items"]) for a in data["agenda"]),
    }


def _source_text(blocks: list[Block]) -> str:
    """The text as imported, a paragraph or a table row a line (what ``check`` verifies
    every paragraph and quote against)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += ["\t".join(row) for row in block.rows]
    return "\n".join(lines) + "\n"
