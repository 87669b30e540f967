"""The one options object a build takes. A recipe file is these options written in YAML:
:mod:`briefing.recipe` validates recipes against this very class (pydantic reads the
dataclass), so a field is declared once, here."""

from __future__ import annotations

import dataclasses
import datetime as dt  # noqa: TC003 - pydantic resolves the annotations at run time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, StringConstraints

from briefing.content.model import ChartSpec, Id  # noqa: TC001 - as above
from briefing.limits import MAX_PROPERTY

#: The years a deck may be dated: the ROC calendar starts in 1912, a zip file cannot store a
#: date after 2107.
FIRST_YEAR, LAST_YEAR = 1912, 2107


def _deck_date(value: dt.date) -> dt.date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"a deck's date must be in the years {FIRST_YEAR} to {LAST_YEAR}")
    return value


def _written_date(value: object) -> object:
    """A date written as text: ISO (``2024-09-04``) or as the ROC writes it (``民國113年9月4日``,
    ``113/09/04``, ``2024年9月4日``); other values are left to pydantic."""
    if not isinstance(value, str) or "{{" in value:
        return value
    from briefing.importing.rocdates import read_date

    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        found = read_date(text)
    if found is None:
        raise ValueError(f"not a date: {text}; write 2024-09-04 or 民國113年9月4日")
    return found


DeckDate = Annotated[dt.date, BeforeValidator(_written_date), AfterValidator(_deck_date)]
#: A line of the cover that is also a document property (python-pptx's 255-character limit).
Line = Annotated[str, StringConstraints(max_length=MAX_PROPERTY)]

Length = Literal["brief", "standard", "full"]
Structure = Literal["report", "findings-first"]
Language = Literal["zh-TW", "en"]
ChartStyle = Literal["image", "native"]
DateStyle = Literal["roc", "gregorian"]
Format = Literal["pptx", "odp", "pdf"]


def _formats(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        raise ValueError("name at least one of pptx, odp, pdf")
    return tuple(dict.fromkeys(value))  # each once, in the order given


def _split(value: Any) -> Any:
    return [part.strip() for part in value.split(",")] if isinstance(value, str) else value


#: ``[pptx, odp]`` or ``pptx,odp``: each once, at least one.
Formats = Annotated[tuple[Format, ...], BeforeValidator(_split), AfterValidator(_formats)]


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """Everything a build needs besides the report itself. Unknown keys are refused.

    ``sections`` / ``initiatives`` of None mean "not given"; both None is the full briefing.
    ``date`` None means today. ``output`` None means ``out/<report>-<date>.pptx``.
    ``structure`` None means findings-first (結論先行) for a brief, the report's order otherwise.
    ``formats``: the files written (pptx, odp, pdf, any combination) with ``output``'s base name.
    ``source_file`` and ``epoch`` are set by the program, never by a recipe.
    """

    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid", str_strip_whitespace=True
    )

    report: Path | None = None
    title: Line | None = None
    subtitle: Line | None = None
    presenter: Line | None = None
    date: DeckDate | None = None
    date_style: DateStyle = "roc"
    language: Language = "zh-TW"
    length: Length = "standard"
    structure: Structure | None = None  # None: findings-first for brief, report otherwise
    sections: tuple[Id, ...] | None = None
    initiatives: tuple[Id, ...] | None = None
    output: Path | None = None
    font: str | None = None
    font_index: int | None = None
    chart_style: ChartStyle = "image"
    charts: tuple[ChartSpec, ...] = ()
    figures: Path | None = None
    templates: Path | None = None
    logo: Path | None = None
    strict: bool = False
    formats: Formats = ("pptx",)  # files written, with the same base name (briefing.outputs)
    pdf_notes: bool = False  # the PDF has a notes page after each slide
    source_file: str | None = None  # the recipe this came from, for messages
    epoch: dt.datetime | None = field(default=None)  # document timestamps (reproducible builds)

    def __post_init__(self) -> None:
        for name in ("report", "output", "figures", "templates", "logo"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))
        for name in ("sections", "initiatives", "formats"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

    def replace(self, **changes: Any) -> BuildOptions:
        """A copy with some options changed; unknown names raise TypeError."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown build option(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)


#: Options only the program sets; everything else is a recipe field.
INTERNAL = ("source_file", "epoch")
RECIPE_FIELDS = tuple(f.name for f in dataclasses.fields(BuildOptions) if f.name not in INTERNAL)
