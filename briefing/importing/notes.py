"""What the importer was unsure of, by kind, for ``import-report.md`` and the shells."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of note, in the order the import report lists them, with their headings.
KINDS = {
    "cover": "Cover and 提要 fields not found or not read",
    "dates": "Dates it could not read",
    "guessed": "Headings guessed from their numbering alone (not in the 目次, no heading style)",
    "skipped": "Headings that skip a level",
    "numbering": "Numbering that jumps or does not start at one",
    "not-headings": "Lines that look like headings but were kept as text",
    "toc": "Table of contents entries not found as headings",
    "figures": "Figures without a unit (not drafted)",
    "tables": "Tables kept as text",
    "photos": "Pictures not imported, or without a caption",
    "cleaning": "Cleaning",
    "reading": "Reading",
}


@dataclass
class Notes:
    """Notes by kind (see :data:`KINDS`)."""

    items: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, text: str) -> None:
        self.items.setdefault(kind, []).append(text)

    def extend(self, kind: str, texts: list[str] | tuple[str, ...]) -> None:
        for text in texts:
            self.add(kind, text)

    def flat(self) -> tuple[str, ...]:
        """Every note as ``kind: text``, in the order of :data:`KINDS`."""
        return tuple(f"{kind}: {text}" for kind in KINDS for text in self.items.get(kind, ()))
