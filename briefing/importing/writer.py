"""Writing an imported report: the content folder's YAML files (readable, UTF-8, with a header
saying they were imported and what to review), the extracted text as ``source.txt`` and
``import-report.md`` listing what the importer was unsure of."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from briefing import files

if TYPE_CHECKING:
    from pathlib import Path


REPORT_FILE = "import-report.md"
SOURCE_FILE = "source.txt"

_HEADERS = {
    "report": "the cover and 提要 fields found; check every one against the report's cover.",
    "sections": "the report's headings and text; key_points are drafts taken from each "
    "paragraph's first clauses: shorten or replace them, keep the report's words.",
    "figures": "numbers found by pattern, all draft: true; check value, unit, qualifier and "
    "measure, delete those a briefing does not need.",
    "initiatives": "names found in 「」 or before an English name, all draft: true; keep the "
    "real initiatives, add categories, agencies, year and status with evidence.",
    "agenda": "the itinerary or programme found, draft: true; check dates and times.",
}


def write_folder(
    folder: Path, data: dict[str, Any], source: str, source_text: str, report: str
) -> None:
    """Write the content files in ``data`` (name -> records; empty ones are skipped), the
    text imported from ``source`` and the import report into ``folder`` (created if need
    be)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, records in data.items():
        target = folder / f"{name}.yaml"
        if not records:
            target.unlink(missing_ok=True)  # left from an earlier import of the same report
            continue
        files.write_atomic(
            target, _yaml(name, records, data["report"]["title"], source).encode("utf-8")
        )
    files.write_atomic(folder / SOURCE_FILE, source_text.encode("utf-8"))
    files.write_atomic(folder / REPORT_FILE, report.encode("utf-8"))


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the same text, 6 × faster


def _yaml(name: str, records: Any, title: str, source: str) -> str:
    title = " ".join(title.split())  # a comment is one line, whatever the title holds
    header = (
        f"# {title}: imported by `python main.py import` from {source}.\n"
        f"# Review: {_HEADERS[name]}\n"
        "# Records marked draft: true are machine-made; set draft: false once reviewed.\n"
    )
    body = yaml.dump(
        records,
        Dumper=_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    return header + body
