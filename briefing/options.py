"""The one options object a build takes, and the recipe fields it mirrors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import datetime as dt

    from briefing.model import ChartSpec

Length = Literal["brief", "standard", "full"]
Language = Literal["zh-TW", "en"]
ChartStyle = Literal["image", "native"]
DateStyle = Literal["roc", "gregorian"]


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """Everything a build needs besides the report itself. Unknown keys are refused.

    ``sections`` / ``initiatives`` of None mean "not given"; both None is the full briefing.
    ``date`` None means the report date. ``output`` None means ``out/<report>-<date>.pptx``.
    """

    report: Path | None = None
    title: str | None = None
    subtitle: str | None = None
    presenter: str | None = None
    date: dt.date | None = None
    date_style: DateStyle = "roc"
    language: Language = "zh-TW"
    length: Length = "standard"
    sections: tuple[str, ...] | None = None
    initiatives: tuple[str, ...] | None = None
    output: Path | None = None
    font: str | None = None
    font_index: int | None = None
    chart_style: ChartStyle = "image"
    charts: tuple[ChartSpec, ...] = ()
    figures: Path | None = None
    templates: Path | None = None
    strict: bool = False
    source_file: str | None = None  # the recipe this came from, for messages
    epoch: dt.datetime | None = field(default=None)  # document timestamps (reproducible builds)

    def __post_init__(self) -> None:
        for name in ("report", "output", "figures", "templates"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))
        for name in ("sections", "initiatives"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

    def replace(self, **changes: Any) -> BuildOptions:
        """A copy with some options changed; unknown names raise TypeError."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown build option(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)
