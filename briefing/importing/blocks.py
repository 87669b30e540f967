"""The one block model every reader produces: paragraphs, tables and page marks, in order.

A reader says what the file says and nothing more: a paragraph's text as written (one line of
a plain text file, one Word or ODF paragraph, one paragraph of a PDF page as the reader grouped
its lines), the heading level the document's styles or outline levels give it (None when they
say nothing), and the page it is on where the format knows pages. Deciding what is a heading,
a header line or a broken paragraph is the importer's work, not the reader's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.importing.pictures import Found


@dataclass(frozen=True)
class Paragraph:
    """A run of text. ``level`` is the heading level the document's styles or outline levels
    give it (1 = top), None when they give none; ``style`` is the style's name as written;
    ``bold`` how many characters at its start are set in bold (``len(text)``: all of it; 0
    where the format does not say, as in plain text and PDF)."""

    text: str
    level: int | None = None
    style: str | None = None
    page: int | None = None
    bold: int = 0
    line: int | None = None  # the line of a plain text file it starts on

    @property
    def all_bold(self) -> bool:
        return bool(self.text) and self.bold >= len(self.text)

    def with_text(self, text: str) -> Paragraph:
        return replace(self, text=text)


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts (merged cells repeat their text)."""

    rows: tuple[tuple[str, ...], ...]
    page: int | None = None

    @property
    def text(self) -> str:
        """Every cell, a row a line, cells separated by tabs."""
        return "\n".join("\t".join(row) for row in self.rows)


@dataclass(frozen=True)
class PageBreak:
    """The start of page ``page`` (1-based)."""

    page: int


Block = Paragraph | Table | PageBreak


@dataclass(frozen=True)
class Document:
    """What a reader found in a file: its blocks in order, and anything it noticed."""

    source: str
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = field(default=())
    pictures: tuple[Found, ...] = field(default=())  # see briefing.importing.pictures

    @property
    def pages(self) -> int:
        """How many pages the reader saw (0 when the format has none)."""
        return sum(1 for b in self.blocks if isinstance(b, PageBreak))
