"""Reading a chart spec against the report: records by id, the spec's own labels, and errors
that point at the spec's line in charts.yaml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.charts.labels import WORDS
from briefing.errors import ChartError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.content.model import ChartSpec
    from briefing.content.report import Report


class Where:
    """Builds ChartErrors that point at the spec's line in charts.yaml when it came from there."""

    def __init__(self, spec: ChartSpec, report: Report) -> None:
        self.spec = spec
        self.index: int | None = None
        self.located = report.sources.get("charts")
        for i, known in enumerate(report.charts):
            if known is spec or known == spec:
                self.index = i
                break

    def error(self, message: str, *path: str | int) -> ChartError:
        field = f"{self.spec.id}." + _dotted(path) if path else self.spec.id
        if self.index is not None and self.located is not None:
            line = self.located.line_of((self.index, *path))
            return ChartError(
                f"chart {self.spec.id!r}: {message}",
                file=self.located.file,
                line=line,
                field=f"charts[{self.index}]." + _dotted(path),
            )
        return ChartError(f"chart {self.spec.id!r}: {message}", field=f"charts.{field}")


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def lookup(report: Report, what: str, item_id: str, where: Where, index: int) -> Any:
    """The figure (``what="figures"``) or initiative with ``item_id``; a ChartError suggesting
    near ids when there is none."""
    getter = report.figure if what == "figures" else report.initiative
    try:
        return getter(item_id)
    except KeyError:
        from briefing.content.selection import nearest

        known = [x.id for x in (report.figures if what == "figures" else report.initiatives)]
        close = nearest(item_id, known)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        kind = "figure" if what == "figures" else "initiative"
        raise where.error(f"unknown {kind} id {item_id!r}{hint}", what, index) from None


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """``items`` without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


def spec_label(spec: ChartSpec, key: str, language: str) -> str | None:
    """The spec's label for ``key`` (``en:key`` first in English decks), or None."""
    if language == "en" and f"en:{key}" in spec.labels:
        return spec.labels[f"en:{key}"]
    return spec.labels.get(key)


def spec_title(spec: ChartSpec, language: str) -> str:
    return (spec_label(spec, "title", language) if language == "en" else None) or spec.title


def axis_labels(spec: ChartSpec, unit: str | None, language: str) -> tuple[str | None, str | None]:
    """``(x_label, y_label)``: the spec's, the y label defaulting to ``單位：<unit>``."""
    y_label = spec.y_label or (WORDS[language]["unit"].format(unit) if unit else None)
    return spec.x_label, y_label
