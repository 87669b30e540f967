"""Load a report folder (report.yaml, sections.yaml, initiatives.yaml, figures.yaml, agenda.yaml,
charts.yaml) into a validated :class:`Report` with lookups by id.

Loading refuses schema errors, duplicate ids, ids that point nowhere and quotes the report does
not contain (:mod:`briefing.content.evidence`), naming the file, line and field. Only
``report.yaml`` and ``sections.yaml`` are required. The bundled report lives in
``assets/reports/smart-nation-summit-2019``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from briefing.content import units as units_mod
from briefing.content.model import (
    Agenda,
    ChartSpec,
    Figure,
    Initiative,
    Photo,
    ReportMeta,
    Section,
)
from briefing.content.numbering import Number
from briefing.content.numbering import label as number_label
from briefing.content.validation import validate, validation_problems
from briefing.content.yamlsrc import Located, load_yaml
from briefing.errors import ContentError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REPORT = ROOT / "assets" / "reports" / "smart-nation-summit-2019"


@dataclass(frozen=True)
class OutlineEntry:
    """Where a section sits: its depth (1 = 壹…陸), parent id and numbered label."""

    section: Section
    level: int
    parent: str | None
    path: tuple[str, ...]  # ids from the top-level section down to this one
    label: str  # the number as the report prints it: 壹、 一、 (一) 1. (1) 第一章 (or "")

    @property
    def heading(self) -> str:
        """Label and title, e.g. ``(二)數位政府藍圖``."""
        return f"{self.label}{self.section.title}"


@dataclass(frozen=True)
class Report:
    """A validated report with lookups by id. Build it with :func:`load_report`."""

    folder: Path
    meta: ReportMeta
    sections: tuple[Section, ...]
    initiatives: tuple[Initiative, ...]
    figures: tuple[Figure, ...]
    agendas: tuple[Agenda, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    units: units_mod.UnitTable = field(default_factory=units_mod.default_table, repr=False)
    figure_origins: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Located] = field(default_factory=dict, repr=False)
    photos: tuple[Photo, ...] = ()

    @cached_property
    def _outline(self) -> dict[str, OutlineEntry]:
        return {e.section.id: e for e in _walk(self.sections, 1, None, ())}

    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:
        return {
            "initiatives": _by_id(self.initiatives),
            "figures": _by_id(self.figures),
            "charts": _by_id(self.charts),
        }

    # -- lookups ---------------------------------------------------------------------------
    @property
    def agenda(self) -> Agenda | None:
        """The conference programme (the first agenda of kind ``programme``), or None."""
        return next((a for a in self.agendas if a.kind == "programme"), None)

    @property
    def itinerary(self) -> Agenda | None:
        """The trip's itinerary (the first agenda of kind ``itinerary``), or None."""
        return next((a for a in self.agendas if a.kind == "itinerary"), None)

    def agenda_by_id(self, agenda_id: str) -> Agenda:
        return next(a for a in self.agendas if a.id == agenda_id)

    @property
    def abstract(self) -> Section | None:
        """The report's 內容摘要 (the section of kind ``abstract``), or None."""
        return next((e.section for e in self.outline if e.section.kind == "abstract"), None)

    def category_name(self, category_id: str, language: str = "zh-TW") -> str:
        """A category's name in ``language`` (its id when the report does not declare it)."""
        for cat in self.meta.vocabulary.categories:
            if cat.id == category_id:
                return (cat.name_en or cat.name) if language == "en" else cat.name
        return category_id

    @property
    def outline(self) -> tuple[OutlineEntry, ...]:
        """Every section, depth first in report order."""
        return tuple(self._outline.values())

    def entry(self, section_id: str) -> OutlineEntry:
        return self._outline[section_id]

    def section(self, section_id: str) -> Section:
        return self._outline[section_id].section

    def initiative(self, initiative_id: str) -> Initiative:
        return self._index["initiatives"][initiative_id]

    def figure(self, figure_id: str) -> Figure:
        return self._index["figures"][figure_id]

    def chart(self, chart_id: str) -> ChartSpec:
        return self._index["charts"][chart_id]

    def cite(self, section_id: str) -> str:
        """The full numbered path of a section: ``參、二、(二)數位政府藍圖`` (an unnumbered
        section by its title, under its numbered ancestors)."""
        entry = self._outline[section_id]
        labels = "".join(self._outline[i].label for i in entry.path)
        return f"{labels}{entry.section.title}"

    def descendants(self, section_id: str) -> list[str]:
        """Ids of every section below ``section_id`` (not itself), in report order."""
        return [e.section.id for e in self.outline if section_id in e.path[:-1]]

    def replace(self, **changes: Any) -> Report:
        """A copy with some fields replaced (used to apply figure overrides)."""
        return dataclasses.replace(self, **changes)


def load_report(folder: str | Path | None = None, *, check: bool = True) -> Report:
    """Load and check the report in ``folder`` (default: the bundled report).

    With ``check=False`` duplicate and dangling ids are left for :func:`reference_problems`
    to list (``python main.py check`` reports them all at once).
    """
    folder = Path(folder) if folder is not None else DEFAULT_REPORT
    if not folder.is_dir():
        raise ContentError("report folder not found", file=folder)
    sources: dict[str, Located] = {}
    values = {
        name: _load(folder / f"{name}.yaml", adapter, sources, optional=name in _OPTIONAL)
        for name, adapter in _FILES.items()
    }
    report = Report(
        folder=folder,
        meta=values["report"],
        sections=values["sections"],
        initiatives=values["initiatives"] or (),
        figures=values["figures"] or (),
        agendas=values["agenda"] or (),
        charts=values["charts"] or (),
        units=_units(folder),
        figure_origins={f.id: "report" for f in values["figures"] or ()},
        sources=sources,
        photos=values["photos"] or (),
    )
    if check:
        check_references(report)
        from briefing.content.evidence import check_evidence

        check_evidence(report)
    return report


def schema_problems(folder: str | Path | None = None) -> list[ContentError]:
    """Every unreadable file and schema problem of a report folder, all at once (empty when
    every file validates), for ``python main.py check``."""
    folder = Path(folder) if folder is not None else DEFAULT_REPORT
    if not folder.is_dir():
        return [ContentError("report folder not found", file=folder)]
    problems: list[ContentError] = []
    for name, adapter in _FILES.items():
        try:
            located = _located(folder / f"{name}.yaml", optional=name in _OPTIONAL)
        except ContentError as exc:
            problems.append(exc)
            continue
        if located is not None:
            problems += validation_problems(adapter, located, ContentError)  # type: ignore[misc]
    return problems


def _units(folder: Path) -> units_mod.UnitTable:
    """The program's unit table, plus the report folder's own ``units.yaml`` when it has one."""
    extra = folder / "units.yaml"
    table = units_mod.default_table()
    if not extra.exists():
        return table
    located = load_yaml(extra, error=ContentError)
    if not isinstance(located.data, dict):
        raise ContentError("expected scales:, currencies: or counts:", file=extra, line=1)
    return table.with_extra(located.data)


_FILES: dict[str, TypeAdapter[Any]] = {
    "report": TypeAdapter(ReportMeta),
    "sections": TypeAdapter(tuple[Section, ...]),
    "initiatives": TypeAdapter(tuple[Initiative, ...]),
    "figures": TypeAdapter(tuple[Figure, ...]),
    "agenda": TypeAdapter(tuple[Agenda, ...]),
    "charts": TypeAdapter(tuple[ChartSpec, ...]),
    "photos": TypeAdapter(tuple[Photo, ...]),
}
_OPTIONAL = {"initiatives", "figures", "agenda", "charts", "photos"}


def _load(
    path: Path, adapter: TypeAdapter[Any], sources: dict[str, Located], *, optional: bool = False
) -> Any:
    located = _located(path, optional=optional)
    if located is None:
        return None
    sources[path.stem] = located
    return validate(adapter, located, ContentError)


def _located(path: Path, *, optional: bool) -> Located | None:
    """One file's YAML with its lines (None for a missing optional file)."""
    if optional and not path.exists():
        return None
    located = load_yaml(path, error=ContentError)
    if path.stem == "agenda" and isinstance(located.data, dict):  # one agenda, not a list
        located = Located(
            [located.data], located.file, {(0, *k): v for k, v in located.lines.items()}
        )
    if optional and located.data is None:  # an empty file: nothing of that kind
        located.data = []
    return located


def check_references(report: Report) -> None:
    """Refuse duplicate ids and ids that point to nothing, naming file, line and field."""
    problems = list(reference_problems(report))
    if problems:
        raise problems[0]


def reference_problems(report: Report) -> Iterator[ContentError]:
    """Every duplicate or dangling id in ``report``."""
    paths = _section_paths(report)
    src = report.sources.get
    yield from _duplicates(src("sections"), [_id_at(report.sections, p) for p in paths], paths)
    section_ids = [e.section.id for e in report.outline]
    for name in ("initiatives", "figures", "charts"):
        items = getattr(report, name)
        yield from _duplicates(
            src(name), [x.id for x in items], [(i, "id") for i in range(len(items))]
        )
    sections, initiatives = set(section_ids), {i.id for i in report.initiatives}
    figures = {f.id for f in report.figures}
    for i, item in enumerate(report.initiatives):
        yield from _dangling(src("initiatives"), (i, "sections"), item.sections, sections)
        yield from _dangling(src("initiatives"), (i, "figures"), item.figures, figures)
    for i, fig in enumerate(report.figures):
        yield from _dangling(src("figures"), (i, "section"), fig.section, sections)
        yield from _dangling(src("figures"), (i, "initiative"), fig.initiative, initiatives)
    vocabulary = report.meta.vocabulary
    categories = {c.id for c in vocabulary.categories}
    countries = {c.id for c in vocabulary.countries}
    for i, item in enumerate(report.initiatives):
        yield from _dangling(src("initiatives"), (i, "categories"), item.categories, categories)
        for name, quotes in item.evidence.items():
            for j, quote in enumerate(quotes):
                where = (i, "evidence", name, j)
                yield from _dangling(src("initiatives"), where, quote.section, sections)
    for i, fig in enumerate(report.figures):
        if fig.country is not None:
            yield from _dangling(src("figures"), (i, "country"), fig.country, countries)
    agenda_ids = [a.id for a in report.agendas]
    yield from _duplicates(
        src("agenda"), agenda_ids, [(i, "id") for i in range(len(report.agendas))]
    )
    for i, chart in enumerate(report.charts):
        yield from _dangling(src("charts"), (i, "figures"), chart.figures, figures)
        yield from _dangling(src("charts"), (i, "initiatives"), chart.initiatives, initiatives)
        yield from _dangling(src("charts"), (i, "sections"), chart.sections, sections)
        yield from _dangling(src("charts"), (i, "agenda"), chart.agenda, set(agenda_ids))
    for i, agenda in enumerate(report.agendas):
        yield from _dangling(src("agenda"), (i, "section"), agenda.section, sections)
    for i, photo in enumerate(report.photos):
        yield from _dangling(src("photos"), (i, "section"), photo.section, sections)
    from briefing.content.photos import photo_problems

    yield from photo_problems(report)


def _section_paths(report: Report) -> list[tuple[str | int, ...]]:
    paths: list[tuple[str | int, ...]] = []

    def visit(items: Sequence[Section], prefix: tuple[str | int, ...]) -> None:
        for i, sec in enumerate(items):
            paths.append((*prefix, i, "id"))
            visit(sec.children, (*prefix, i, "children"))

    visit(report.sections, ())
    return paths


def _id_at(sections: Sequence[Section], path: tuple[str | int, ...]) -> str:
    """The id of the section at ``path`` (``(0, "children", 2, "id")``) in the tree."""
    section: Any = sections
    for part in path[:-1]:
        section = section[part] if isinstance(part, int) else getattr(section, part)
    return str(section.id)


def _duplicates(
    located: Located | None, ids: list[str], paths: list[tuple[str | int, ...]]
) -> Iterator[ContentError]:
    seen: set[str] = set()
    for item_id, path in zip(ids, paths, strict=True):
        if item_id in seen:
            yield _at(located, path, f"duplicate id {item_id!r}")
        seen.add(item_id)


def _dangling(
    located: Located | None,
    path: tuple[str | int, ...],
    refs: Sequence[str] | str | None,
    known: set[str],
) -> Iterator[ContentError]:
    if refs is None:
        return
    many = not isinstance(refs, str)
    for j, ref in enumerate([refs] if isinstance(refs, str) else refs):
        if ref not in known:
            where = (*path, j) if many else path
            yield _at(located, where, f"unknown id {ref!r}{_suggest(ref, known)}")


def _at(located: Located | None, path: tuple[str | int, ...], message: str) -> ContentError:
    return ContentError(
        message,
        file=located.file if located else None,
        line=located.line_of(path) if located else None,
        field=_dotted(path),
    )


def _suggest(ref: str, known: set[str]) -> str:
    from briefing.content.selection import nearest

    close = nearest(ref, known)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk(
    sections: Sequence[Section],
    level: int,
    parent: Section | None,
    path: tuple[str, ...],
    numbers: tuple[Number | None, ...] = (),
) -> Iterator[OutlineEntry]:
    for sec in sections:
        here = (*path, sec.id)
        number = Number(sec.number, sec.paren) if sec.number else None
        text = number_label(number, numbers)
        yield OutlineEntry(sec, level, parent.id if parent else None, here, text)
        yield from _walk(sec.children, level + 1, sec, here, (*numbers, number))


def label(section: Section, ancestors: Sequence[Section] = ()) -> str:
    """The printed number of ``section`` below ``ancestors`` (outermost first), e.g. ``(二)``;
    see :mod:`briefing.content.numbering`."""
    numbers = [Number(a.number, a.paren) if a.number else None for a in ancestors]
    own = Number(section.number, section.paren) if section.number else None
    return number_label(own, numbers)


def _by_id(items: Sequence[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}
