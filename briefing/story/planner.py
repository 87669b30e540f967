"""From a report and build options to a :class:`~briefing.story.plan.DeckPlan` (pure, no I/O but
reading templates).

The deck follows the shape of an official's trip-report briefing: cover, 簡報大綱, a divider per
part, content slides from the key points (the report's paragraphs go to the speaker notes),
one slide per selected initiative right after the section that discusses it, charts beside the
text they support, 敬請指教, then the appendix and the sources. ``length`` decides how deep the
outline goes: ``brief`` gives a slide per part and sub-part, ``standard`` down to (一)(二), ``full``
every heading; deeper headings are listed on their ancestor's slide.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from briefing import dates
from briefing.charts import chart_data, chart_initiatives, chart_sections, charts_for
from briefing.content.selection import describe_unknown, resolve, unknown_ids
from briefing.errors import RecipeError
from briefing.story import textfit
from briefing.story.plan import Bullet, DeckMeta, DeckPlan, Slide, Table
from briefing.story.templating import RenderedSlide, Templates
from briefing.theme import BODY_BOX

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from briefing.content.model import ChartSpec, Initiative
    from briefing.content.report import OutlineEntry, Report
    from briefing.options import BuildOptions

DEPTH = {"brief": 1, "standard": 3, "full": 5}
POINTS_PER_CHILD = {"brief": 0, "standard": 1, "full": 2}
MAX_POINTS = {"brief": 4, "standard": 8, "full": 8}  # a section's own key points on its slide
MAX_BULLETS = {"brief": 6, "standard": 7, "full": 7}  # bullets on one page before （續）
PROGRAMME_ROWS = 6
AFTER_CLOSING = ("appendix",)


def plan_deck(
    report: Report, options: BuildOptions, templates: Templates | None = None
) -> DeckPlan:
    """The slides ``options`` asks for, in order. Raises RecipeError for unknown ids."""
    check_selection(report, options)
    templates = templates or Templates(options.language, options.templates)
    return _Planner(report, options, templates).plan()


def check_selection(report: Report, options: BuildOptions) -> None:
    """Refuse unknown section, initiative or chart ids, naming the nearest valid ones."""
    for problem in selection_problems(report, options):
        raise problem


def selection_problems(report: Report, options: BuildOptions) -> Iterator[RecipeError]:
    """Every unknown id in the options' selection."""
    where = {"file": options.source_file}
    valid_sections = [e.section.id for e in report.outline]
    for item, close in unknown_ids(options.sections or (), valid_sections):
        yield RecipeError(describe_unknown("section", item, close), field="sections", **where)
    valid_initiatives = [i.id for i in report.initiatives]
    for item, close in unknown_ids(options.initiatives or (), valid_initiatives):
        yield RecipeError(describe_unknown("initiative", item, close), field="initiatives", **where)


@dataclass
class _Planner:
    report: Report
    options: BuildOptions
    templates: Templates
    slides: list[Slide] = field(default_factory=list)
    placed_initiatives: set[str] = field(default_factory=set)
    placed_charts: set[str] = field(default_factory=set)

    def plan(self) -> DeckPlan:
        sel = resolve(self.report, self.options.sections, self.options.initiatives)
        self.selected, self.chosen = set(sel.sections), set(sel.initiatives)
        self.charts = self._charts()
        meta = self._meta()
        # A part appears when it or any section below it is selected (a recipe may pick
        # 四、李顯龍總理專題演講 alone: its part 參 still frames it).
        touched = {
            part
            for e in self.report.outline
            if e.section.id in self.selected
            for part in e.path[:1]
        }
        parts = [
            e
            for e in self.report.outline
            if e.level == 1 and e.section.id in touched and e.section.kind != "abstract"
        ]
        main = [p for p in parts if p.section.kind not in AFTER_CLOSING]
        self._add("cover", deck=meta, report=self.report.meta)
        if parts:
            self._add("agenda", parts=[_part(p) for p in parts], body_kind="agenda")
        for part in main:
            if part.section.kind == "recommendations":
                self._leftovers()  # facts first, then what Taiwan should do
            self._part(part)
        self._leftovers()
        self._add("closing", deck=meta)
        for part in parts:
            if part.section.kind in AFTER_CLOSING:
                self._part(part)
        self._add_sources()
        return DeckPlan(
            meta=meta,
            slides=tuple(self.slides),
            sections=sel.sections,
            initiatives=sel.initiatives,
            charts={c.id: c for c in self.charts if c.id in self.placed_charts},
            length=self.options.length,
            structure=self.options.structure
            or ("findings-first" if self.options.length == "brief" else "report"),
        )

    # -- slides -------------------------------------------------------------------------------
    def _part(self, part: OutlineEntry) -> None:
        depth = DEPTH[self.options.length]
        if depth > 1:  # a brief goes straight to each part's one slide
            self._add(
                "divider",
                entry=part,
                cite=self.report.cite(part.section.id),
                sections=(part.section.id,),
            )
        units = [
            e
            for e in self.report.outline
            if e.section.id in self.selected and part.section.id in e.path and e.level <= depth
        ]
        if depth == 1 and not units:  # only sub-sections chosen: the part's slide lists them
            units = [part]
        for unit in units:
            below = (
                [
                    e
                    for e in self.report.outline
                    if e.section.id in self.selected and unit.section.id in e.path[:-1]
                ]
                if unit.level == depth
                else []
            )
            self._unit(unit, [e for e in below if e.level == depth + 1], below)

    def _unit(
        self, entry: OutlineEntry, folded: list[OutlineEntry], covered: list[OutlineEntry]
    ) -> None:
        """The slide of one section, then the initiatives and charts of it and of the
        deeper sections it ``covered``."""
        own = entry.section.id in self.selected  # False: a part framing chosen sub-sections
        ids = (entry.section.id, *(f.section.id for f in covered))
        if self.report.agenda is not None and self.report.agenda.section in ids:
            self._programme(entry)
        elif entry.level > 1 or entry.section.key_points or folded:
            parent = self.report.entry(entry.parent) if entry.parent else None
            heading = (
                "".join(self.report.entry(i).heading + " › " for i in entry.path[:-1])[:-3]
                if parent
                else ""
            )
            self._add(
                "content",
                entry=entry,
                folded=folded,
                cite=self.report.cite(entry.section.id),
                parent_heading=heading,
                sections=ids,
                points_per_child=POINTS_PER_CHILD[self.options.length],
                max_points=MAX_POINTS[self.options.length] if own else 0,
                detailed=self._detailed(ids),
            )
        for initiative in self.report.initiatives:
            if initiative.id in self.chosen and initiative.sections[0] in ids:
                self._initiative(initiative)
        for chart in self.charts:
            if chart.id not in self.placed_charts and set(chart_sections(chart, self.report)) & set(
                ids
            ):
                self._chart(chart)

    def _detailed(self, ids: tuple[str, ...]) -> set[str]:
        """Sections whose initiative gets a slide right after: listed by title only."""
        return {
            i.sections[0]
            for i in self.report.initiatives
            if i.id in self.chosen and i.sections[0] in ids
        }

    def _initiative(self, initiative: Initiative) -> None:
        if initiative.id in self.placed_initiatives:
            return
        self.placed_initiatives.add(initiative.id)
        figures = [self.report.figure(f) for f in initiative.figures]
        cites = [self.report.cite(s) for s in initiative.sections]
        self._add(
            "initiative",
            initiative=initiative,
            facts=initiative_facts(initiative, self.report, self.templates.labels, self.options),
            figures=figures,
            cites=cites,
            cite_of=self.report.cite,
            sections=initiative.sections,
            initiatives=(initiative.id,),
            figure_ids=initiative.figures,
        )

    def _chart(self, spec: ChartSpec) -> None:

        self.placed_charts.add(spec.id)
        data = chart_data(spec, self.report, language=self.options.language)
        cites = [self.report.cite(s) for s in chart_sections(spec, self.report)]
        self._add(
            "chart",
            chart=spec,
            title=data.title,  # in the deck's language (labels "en:title")
            alt_text=data.alt_text,
            cites=cites,
            sections=chart_sections(spec, self.report),
            figure_ids=spec.figures,
            initiatives=spec.initiatives,
            chart_id=spec.id,
        )

    def _programme(self, entry: OutlineEntry) -> None:
        agenda = self.report.agenda
        assert agenda is not None
        cite = self.report.cite(agenda.section) if agenda.section else ""
        word = self.report.meta.vocabulary.word("programme", self.options.language)
        text = self.templates.render("programme", agenda=agenda, cite=cite, programme_word=word)
        labels = self.templates.labels
        rows = [
            (
                item.time or "",
                string.capwords(item.title) if item.title.isupper() else item.title,
                item.speaker or "",
            )
            for item in agenda.items
        ]
        pages = [rows[i : i + PROGRAMME_ROWS] for i in range(0, len(rows), PROGRAMME_ROWS)]
        for n, page in enumerate(pages):
            table = Table(
                (labels.time, labels.session, labels.speaker), tuple(page), (0.1, 0.5, 0.4)
            )
            title = text.title + (labels.continued if n else "")
            self.slides.append(
                Slide(
                    "table",
                    title,
                    text.subtitle,
                    (),
                    text.notes if not n else f"{labels.continued}\n\n{text.source}",
                    text.source,
                    sections=(entry.section.id,),
                    table=table,
                )
            )
        for chart in self.charts:
            if chart.kind == "schedule" and chart.id not in self.placed_charts:
                self._chart(chart)

    def _leftovers(self) -> None:
        """Initiatives (and charts) chosen without the section that discusses them."""
        rest = [
            i
            for i in self.report.initiatives
            if i.id in self.chosen and i.id not in self.placed_initiatives
        ]
        charts = [
            c
            for c in self.charts
            if c.id not in self.placed_charts
            and set(chart_initiatives(c, self.report)) & self.chosen
        ]
        if not rest and not charts:
            return
        title = self.report.meta.vocabulary.word("initiatives", self.options.language)
        self.slides.append(Slide("divider", title, initiatives=tuple(i.id for i in rest)))
        for initiative in rest:
            self._initiative(initiative)
        for chart in charts:
            self._chart(chart)

    def _add_sources(self) -> None:
        cited = [e for e in self.report.outline if e.section.id in self.selected and e.level == 1]
        self._add(
            "sources",
            report=self.report.meta,
            cites=[self.report.cite(e.section.id) for e in cited],
        )

    def _add(
        self,
        kind: str,
        *,
        sections: Iterable[str] = (),
        initiatives: Iterable[str] = (),
        figure_ids: Iterable[str] = (),
        chart_id: str | None = None,
        body_kind: str = "",
        **context: object,
    ) -> None:
        text = self.templates.render(kind, **context)
        slide = Slide(
            kind,
            text.title,
            text.subtitle,
            text.body,
            text.notes,
            text.source,  # type: ignore[arg-type]
            sections=tuple(sections),
            initiatives=tuple(initiatives),
            figures=tuple(figure_ids),
            chart=chart_id,
        )
        if kind == "content" and not slide.body and self.slides:
            self._merge_into_previous(slide)
            return
        self.slides.extend(self._paginate(slide, text))

    def _merge_into_previous(self, slide: Slide) -> None:
        """A section with nothing for a slide (photo captions, say) still keeps its text
        and its place: it goes to the speaker notes of the slide before it."""
        last = self.slides[-1]
        notes = "\n\n".join(part for part in (last.notes, slide.notes) if part)
        self.slides[-1] = replace(last, notes=notes, sections=(*last.sections, *slide.sections))

    def _paginate(self, slide: Slide, text: RenderedSlide) -> list[Slide]:
        if slide.kind in ("cover", "closing", "divider", "chart") or not slide.body:
            return [slide]
        limit = MAX_BULLETS[self.options.length]
        pages = _split(list(slide.body), limit)
        more = self.templates.labels.continued
        return [
            replace(
                slide,
                body=tuple(page),
                title=slide.title + (more if n else ""),
                notes=slide.notes if n == 0 else f"{more}\n\n{text.source}".strip(),
            )
            for n, page in enumerate(pages)
        ]

    # -- facts --------------------------------------------------------------------------------
    def _meta(self) -> DeckMeta:
        meta, opts, labels = self.report.meta, self.options, self.templates.labels
        date = opts.date or dates.today()
        presenter = opts.presenter
        title = opts.title or (meta.title if opts.language != "en" else meta.title_en or meta.title)
        return DeckMeta(
            title=title,
            subtitle=opts.subtitle if opts.subtitle is not None else labels.subtitle,
            presenter=presenter or "",
            agency=meta.agency or "",
            date=date,
            date_text=dates.display(date, opts.date_style, opts.language),
            language=opts.language,
            report_title=meta.title,
            keywords=meta.keywords,
        )

    def _charts(self) -> list[ChartSpec]:
        return charts_for(self.report, self.selected, self.chosen, self.options.charts)


def _part(entry: OutlineEntry) -> dict[str, str]:
    return {"label": entry.label, "title": entry.section.title, "id": entry.section.id}


def _split(bullets: list[Bullet], limit: int) -> list[list[Bullet]]:
    """Cut bullets into pages that fit the body box at 20 pt (18 pt at worst), keeping
    sub-bullets with the bullet they belong to."""
    groups: list[list[Bullet]] = []
    for bullet in bullets:
        if bullet.level == 0 or not groups or len(groups[-1]) >= limit:
            groups.append([bullet])
        else:
            groups[-1].append(bullet)
    pages: list[list[Bullet]] = [[]]
    for group in groups:
        candidate = pages[-1] + group
        fits = textfit.fit_size(candidate, BODY_BOX, sizes=(20,)) is not None
        if pages[-1] and (len(candidate) > limit or not fits):
            pages.append(list(group))
        else:
            pages[-1] = candidate
    return [page for page in pages if page]


def initiative_facts(
    initiative: Initiative, report: Report, labels: Any, options: BuildOptions
) -> dict[str, Any]:
    """What an initiative's slide may state: only fields the report's own words back (its
    ``evidence``); the others are named in ``unstated`` for the speaker notes."""
    language = options.language
    rows: list[tuple[str, str]] = []
    unstated: list[str] = []
    stated = initiative.stated
    agencies = labels.list_sep.join(initiative.agencies)
    for name, value, shown in (
        ("agencies", agencies, labels.agency),
        ("year", f"{initiative.year}{labels.year_suffix}" if initiative.year else "", labels.year),
    ):
        if value and stated(name):
            rows.append((shown, value))
        else:
            unstated.append(shown)
    category = report.meta.vocabulary.word("category", language)
    kicker = []
    if initiative.categories and stated("categories"):
        names = [report.category_name(c, language) for c in initiative.categories]
        kicker.append(f"{category}{labels.colon}{'、'.join(names)}")
    else:
        unstated.append(category)
    if initiative.status and stated("status"):
        kicker.append(f"{labels.status}{labels.colon}{labels.statuses[initiative.status]}")
    else:
        unstated.append(labels.status)
    name_en = initiative.name_en if stated("name_en") else None
    if name_en and name_en in initiative.name:
        name_en = None
    return {
        "rows": rows,
        "kicker": labels.sep.join(kicker),
        "unstated": unstated,
        "name_en": name_en,
    }
