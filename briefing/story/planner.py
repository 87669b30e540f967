"""From a report and build options to a :class:`~briefing.story.plan.DeckPlan` (pure, no I/O but
reading templates and font metrics).

The deck is a briefing, not the report's outline in bullets: cover, 簡報大綱, an overview from
the report's 內容摘要, the parts in the order ``structure`` asks (the report's, or findings first:
overview, recommendations, then the supporting parts), each part's units shaped by their content
(:mod:`briefing.story.shaping`), 敬請指教, then the appendix (the programme once; one slide per
initiative at full length) and the sources. ``length`` decides the depth
(:mod:`briefing.story.outline`); every ticked section is on some slide at every length. The
typesetting pass (:mod:`briefing.story.typeset`) then decides titles, sizes and breaks.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing import dates, theme
from briefing.charts import charts_for
from briefing.content.selection import describe_unknown, resolve, unknown_ids
from briefing.errors import RecipeError
from briefing.story import notes as notes_mod
from briefing.story import photos as photos_mod
from briefing.story import recommend
from briefing.story import summary as summary_mod
from briefing.story.breaks import big_title, heading_margins, title_margin
from briefing.story.budget import fit_budget
from briefing.story.coverage import carry_headings, points_of
from briefing.story.itinerary import fold_partial, item_table, single_day, table_pages
from briefing.story.outline import AFTER_CLOSING, Part, Unit, units_of
from briefing.story.plan import Bullet, DeckMeta, DeckPlan, Slide, Table, Typeset
from briefing.story.shaping import Shaper
from briefing.story.templating import Templates
from briefing.story.typeset import Setter, pt
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.content.model import Agenda, Initiative
    from briefing.content.report import OutlineEntry, Report
    from briefing.options import BuildOptions

PROGRAMME_ROWS = 7
DIVIDER_FROM = 4  # a part of this many slides or more opens with a divider
STANDARD_FLOOR = 18  # the fewest slides a standard deck aims at (18–30, at most 30 minutes)
MAX_DEPTH = 5  # the deepest outline level a short report's standard deck opens up


def plan_deck(
    report: Report,
    options: BuildOptions,
    templates: Templates | None = None,
    setter: Setter | None = None,
) -> DeckPlan:
    """The slides ``options`` asks for, in order. Raises RecipeError for unknown ids."""
    check_selection(report, options)
    templates = templates or Templates(options.language, options.templates)
    setter = setter or Setter()
    planned, depth = _Planner(report, options, templates, setter).plan(), 2
    if options.length != "standard":
        return planned
    while len(planned.slides) < STANDARD_FLOOR and depth < MAX_DEPTH:  # a short report:
        deeper = _Planner(report, options, templates, setter, depth=depth + 1).plan()  # deeper
        if len(deeper.slides) <= len(planned.slides):
            break
        planned, depth = deeper, depth + 1
    if len(planned.slides) < STANDARD_FLOOR:  # then short sections keep a slide of their own
        apart = _Planner(report, options, templates, setter, depth=depth, pair=False).plan()
        if len(apart.slides) > len(planned.slides):
            planned = apart
    if len(planned.slides) < STANDARD_FLOOR:  # and a part of two slides opens with a divider,
        framed = _Planner(  # as briefings usually do (a divider per part)
            report, options, templates, setter, depth=depth, pair=False, divider_from=2
        ).plan()
        if len(framed.slides) > len(planned.slides):
            planned = framed
    return planned


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
    setter: Setter
    summary: Slide | None = None  # 報告摘要, kept by the budget
    depth: int = 2  # the deepest level that gets slides of its own at standard length
    pair: bool = True  # two short sibling sections may share a slide of two columns
    divider_from: int = DIVIDER_FROM  # a part of this many slides opens with a divider

    def plan(self) -> DeckPlan:
        sel = resolve(self.report, self.options.sections, self.options.initiatives)
        self.selected, self.chosen = set(sel.sections), list(sel.initiatives)
        self.length = self.options.length
        self.structure = self.options.structure or (
            "findings-first" if self.length == "brief" else "report"
        )
        placement, leftovers = self._placement()
        charts = charts_for(self.report, self.selected, set(self.chosen), self.options.charts)
        self.shaper = Shaper(
            self.report, self.options, self.templates, self.setter, placement, charts
        )
        meta = self._meta()
        main, after = self._parts(leftovers)
        omitted: tuple[str, ...] = ()
        if self.length == "brief" and any(p.kind != "abstract" for p in main):
            # a brief shows no appendix (the programme is in standard and full only)
            omitted = tuple(i for p in after for i in p.ids)
            after = []
        blank = [p for p in main + after if self._blank(p)]  # a heading with nothing under it
        if blank:  # has nothing to show: not on the agenda either
            omitted += tuple(i for p in blank for i in p.ids)
            main = [p for p in main if p not in blank]
            after = [p for p in after if p not in blank]
        self.shaper.assign_charts([u for p in main + after for u in p.units])
        slides: list[Slide] = [self._cover(meta)]
        shown = main + after
        if shown:
            slides.append(self._agenda(shown))
        for part in main:
            slides += self._part(part)
        slides += self._unshown(slides)  # every initiative asked for is on a slide, by name
        slides.append(self._closing(meta))
        for part in after:
            slides += self._part(part)
        slides += self._initiative_appendix()
        if self.length != "brief":  # a brief cites its sources on each slide
            slides.append(self._sources())
        if self.length == "standard":
            slides = photos_mod.within_budget(slides)  # photos are the first to go
        slides = fit_budget(slides, self.report, self.length, self.summary)  # by weight
        if self.length == "brief":  # a photo slide only where the budget still allows it
            heads = {p.entry.section.id: p.heading for p in shown if p.entry is not None}
            slides = photos_mod.with_brief_photos(
                slides,
                self.report,
                self.selected,
                lambda ps, top: self._photos(ps, heads.get(top) or self.report.cite(top)),
            )
        slides = [self._typeset(s) for s in slides]
        slides = notes_mod.finish(slides, self.templates.labels, self.report)
        shown = {s.chart for s in slides if s.chart}
        return DeckPlan(
            meta=meta,
            slides=tuple(slides),
            charts={c.id: c for c in charts if c.id in shown},
            sections=sel.sections,
            initiatives=sel.initiatives,
            length=self.length,
            structure=self.structure,
            figure_texts=tuple(dict.fromkeys(f.as_written for f in self.report.figures)),
            omitted=omitted,
        )

    # -- what goes where ----------------------------------------------------------------------
    def _placement(self) -> tuple[dict[str, list[str]], list[Initiative]]:
        """Each chosen initiative goes with the first selected section that discusses it;
        those whose sections are all unselected are the leftovers."""
        placement: dict[str, list[str]] = {}
        leftovers = []
        for iid in self.chosen:
            item = self.report.initiative(iid)
            home = next((s for s in item.sections if s in self.selected), None)
            if home is None:
                leftovers.append(item)
            else:
                placement.setdefault(home, []).append(iid)
        return placement, leftovers

    def _parts(self, leftovers: list[Initiative]) -> tuple[list[Part], list[Part]]:
        tops = [
            e
            for e in self.report.outline
            if e.level == 1
            and e.section.kind != "abstract"
            and (e.section.id in self.selected or any(d in self.selected for d in self._below(e)))
        ]
        vocab = self.report.meta.vocabulary
        labels = self.templates.labels
        main, after = [], []
        if self.report.abstract is not None:
            abstract = next(e for e in self.report.outline if e.section.kind == "abstract")
            main.append(Part("abstract", "", labels.overview, (Unit(abstract),), abstract))
        elif recommend.parts(self.report):  # no 摘要: the summary of findings and proposals
            main.append(Part("abstract", "", labels.overview, ()))
        for entry in tops:
            units = self._units(entry)
            part = Part(
                entry.section.kind or "content", entry.label, entry.section.title, units, entry
            )
            (after if entry.section.kind in AFTER_CLOSING else main).append(part)
        if leftovers:
            word = vocab.word("initiatives", self.options.language)
            main.append(Part("initiatives", "", word, ()))
            self.leftovers = leftovers
        if self.structure == "findings-first":  # the order changes, the report's numbers stay
            first = [p for p in main if p.kind in ("abstract", "recommendations")]
            main = first + [p for p in main if p not in first]
        elif leftovers:  # facts first, then what to do: the initiatives before recommendations
            rec = next((p for p in main if p.kind == "recommendations"), None)
            if rec is not None:
                main.remove(main[-1])
                main.insert(main.index(rec), Part("initiatives", "", word, ()))
        return main, after

    def _blank(self, part: Part) -> bool:
        """Whether a part of the report says nothing at all: no text, key point or quote in
        any of its selected sections, and no agenda, figure, photo or initiative in them."""
        if part.entry is None or part.kind in ("abstract", "initiatives"):
            return False
        ids = set(part.ids)
        for sid in ids:
            sec = self.report.section(sid)
            if any(p.strip() for p in sec.paragraphs) or sec.key_points or sec.quote:
                return False
        report = self.report
        held = [a.section for a in report.agendas] + [f.section for f in report.figures]
        held += [p.section for p in report.photos] + [
            s for i in report.initiatives for s in i.sections
        ]
        return not ids & set(held)

    def _units(self, entry: OutlineEntry) -> tuple[Unit, ...]:
        kind = entry.section.kind
        length = self.length
        if kind in ("recommendations", "appendix") and length != "full":
            length = "brief"  # all in one unit: cards of recommendations, the appendix table
        return tuple(units_of(entry, self.report, self.selected, length, self.depth))

    def _below(self, entry: OutlineEntry) -> list[str]:
        return self.report.descendants(entry.section.id)

    # -- parts --------------------------------------------------------------------------------
    def _part(self, part: Part) -> list[Slide]:
        if part.kind == "abstract":
            self.summary = self._overview(part)
            return [self.summary]
        if part.kind == "initiatives":
            return self._leftover_slides(part)
        if part.kind == "appendix":
            return self._appendix(part)
        made: list[tuple[Unit, list[Slide]]] = []
        for unit in part.units:
            if not unit.own and not unit.condensed:
                continue  # a heading above ticked sub-sections: their slides name it
            if self.length == "brief":
                made.append((unit, self._brief(part, unit)))
                continue
            divider = unit.entry is part.entry and len(part.units) > 1 and unit.own
            shaped = [] if divider else self.shaper.unit(part, unit)  # (else: on its divider)
            photos = photos_mod.photos_in(self.report, unit.ids, self.selected)
            shaped += self._photos(photos, unit.entry.label + unit.entry.section.title, part)
            if shaped or not divider:
                made.append((unit, shaped))
        made = carry_headings(made)
        slides = self._pair(made) if self.pair else made
        own = part.units[0].entry is part.entry and part.units[0].own and len(part.units) > 1
        if self.length != "brief" and (len(slides) >= self.divider_from or own):
            slides.insert(0, self._divider(part))
        return slides

    def _brief(self, part: Part, unit: Unit) -> list[Slide]:
        if part.kind == "recommendations" or not unit.children():
            return self.shaper.unit(part, unit)
        if self.shaper.itinerary_in(unit):
            return self.shaper.timeline(part, unit)
        return self.shaper.condensed_cards(part, unit)

    def _photos(self, photos: Any, heading: str, part: Part | None = None) -> list[Slide]:
        """Photo slides (:mod:`briefing.story.photos`) titled ``heading``（照片）."""
        kicker = part.heading if part is not None else ""
        slides = photos_mod.photo_slides(
            self.report, self.templates, photos, heading, kicker, self.shaper.cites
        )
        return slides if self.length == "full" else slides[:1]  # the first four, but at full

    def _pair(self, slides: list[Slide]) -> list[Slide]:
        """Two neighbouring slides of a few points each (sibling sections) become one slide
        of two columns."""
        out: list[Slide] = []
        for slide in slides:
            prev = out[-1] if out else None
            if prev is not None and _pairable(prev) and _pairable(slide):
                merged = self._merge(prev, slide)
                if merged is not None:
                    out[-1] = merged
                    continue
            out.append(slide)
        return out

    def _merge(self, a: Slide, b: Slide) -> Slide | None:
        title = f"{_plain(a.title)}／{_plain(b.title)}"
        if not self.setter.title_fits(title):
            return None
        left = (Bullet(a.title, heading=True), *_as_bullets(a))
        right = (Bullet(b.title, heading=True), *_as_bullets(b))
        fits = all(
            self.setter.best(side, box).fits
            for side, box in ((left, theme.LEFT_BOX), (right, theme.RIGHT_BOX))
        )
        if not fits:
            return None
        notes = f"{a.notes}\n\n{b.notes}".strip()
        return Slide(
            "columns",
            title,
            kicker=a.kicker,
            body=left,
            right=right,
            notes=notes,
            source=self._source_for((*a.sections, *b.sections)),
            sections=(*a.sections, *b.sections),
            initiatives=(*a.initiatives, *b.initiatives),
            condensed=(*a.condensed, *b.condensed),
        )

    def _source_for(self, ids: tuple[str, ...]) -> str:
        labels = self.templates.labels
        cites = self.shaper.cites(ids)
        return f"{labels.source_prefix}{labels.report_prefix} {'、'.join(cites)}"

    # -- furniture ----------------------------------------------------------------------------
    def _meta(self) -> DeckMeta:
        meta, opts, labels = self.report.meta, self.options, self.templates.labels
        date = opts.date or dates.today()
        title = opts.title or (meta.title if opts.language != "en" else meta.title_en or meta.title)
        return DeckMeta(
            title=normalize(title),
            subtitle=normalize(opts.subtitle if opts.subtitle is not None else labels.subtitle),
            presenter=normalize(opts.presenter or ""),
            agency=normalize(meta.agency or ""),
            date=date,
            date_text=dates.display(date, opts.date_style, opts.language),
            language=opts.language,
            report_title=meta.title,
            keywords=meta.keywords,
            logo=str(opts.logo) if opts.logo else None,
        )

    def _cover(self, meta: DeckMeta) -> Slide:
        style = self.options.date_style
        text = self.templates.render("cover", deck=meta, report=self.report.meta, date_style=style)
        return Slide("cover", text.title, text.subtitle, text.body, text.notes)

    def _agenda(self, parts: list[Part]) -> Slide:
        items = [{"label": p.label, "title": p.title} for p in parts]
        text = self.templates.render("agenda", parts=items)
        return Slide("agenda", text.title, body=text.body, notes=text.notes)

    def _overview(self, part: Part) -> Slide:
        """The summary: the 摘要's conclusion as its message, the findings and the
        recommendations by name (:mod:`briefing.story.summary`)."""
        sec = part.entry.section if part.entry else None
        setter = self.setter
        found = summary_mod.summarize(
            self.report,
            lambda t: setter.line_fits(t, theme.SUBTITLE_PT, theme.SUBTITLE_BOX[2]),
            lambda t: setter.line_fits(t, theme.BODY_MIN_PT, theme.LEFT_BOX[2] * 1.9),
        )
        said = found.conclusion  # the message line: not said twice
        own = [normalize(p) for p in points_of(sec)] if sec else []  # a first sentence at least
        points = [p for p in own if not (said and said in p)][:4]
        left, right = summary_mod.columns(
            found,
            self.templates.labels,
            self.options.language,
            points,
            lambda body, box: setter.best(body, box).fits,
        )
        ids = ((sec.id,) if sec else ()) + found.sections
        order = {e.section.id: n for n, e in enumerate(self.report.outline)}
        parts = sorted(dict.fromkeys(self.report.entry(i).path[0] for i in ids), key=order.get)
        text = self.templates.render(
            "overview",
            heading=part.heading,
            points=[],
            blocks=self.shaper.blocks(ids),
            cites=self.shaper.cites(tuple(parts)),
        )
        return Slide(
            "columns" if right else "content",
            text.title,
            subtitle=found.conclusion,
            kicker=text.kicker,
            body=left,
            right=right,
            notes=text.notes,
            source=text.source,
            sections=ids,
        )

    def _divider(self, part: Part) -> Slide:
        entry = part.entry
        own = part.units[0].own and part.units[0].entry is entry if part.units else False
        points = [normalize(p) for p in points_of(entry.section)][:3] if own and entry else []
        shown = [u for u in part.units if u.entry is not entry]
        contents = [f"{u.entry.label}{u.entry.section.title}" for u in shown]
        text = self.templates.render(
            "divider",
            heading=part.heading,
            points=points,
            contents=[normalize(c) for c in contents],
            blocks=self.shaper.blocks((entry.section.id,)) if entry and own else [],
            cites=[self.report.cite(entry.section.id)] if entry else [],
        )
        return Slide(
            "divider",
            text.title,
            body=text.body,
            notes=text.notes,
            sections=(entry.section.id,) if entry else (),
        )

    def _closing(self, meta: DeckMeta) -> Slide:
        text = self.templates.render("closing", deck=meta, report=self.report.meta)
        return Slide("closing", text.title, text.subtitle, notes=text.notes)

    def _sources(self) -> Slide:
        # the top-level sections with anything selected in or below them, in report order
        cites = [
            self.report.cite(e.section.id)
            for e in self.report.outline
            if e.level == 1
            and (e.section.id in self.selected or any(d in self.selected for d in self._below(e)))
        ]
        text = self.templates.render(
            "sources", report=self.report.meta, cites=cites, date_style=self.options.date_style
        )
        return Slide("sources", text.title, body=text.body, notes=text.notes)

    # -- initiatives and appendix ---------------------------------------------------------------
    def _leftover_slides(self, part: Part) -> list[Slide]:
        """Initiatives chosen without the sections that discuss them: a comparison table per
        category (a slide each at full length, in the appendix)."""
        items = getattr(self, "leftovers", [])
        groups: dict[str, list[Initiative]] = {}
        for item in items:
            key = item.categories[0] if item.categories and item.stated("categories") else ""
            groups.setdefault(key, []).append(item)
        slides = []
        for key, group in groups.items():
            name = self.report.category_name(key, self.options.language) if key else ""
            slides += self.shaper.initiative_table(part, group, name)
        if self.length != "brief":
            slides += self.shaper.initiative_charts({i.id for i in items}, part.heading)
        return slides

    def _unshown(self, slides: list[Slide]) -> list[Slide]:
        """A table of the chosen initiatives no slide is about or names (their section
        condensed to a line in a brief, say), so that a recipe's initiatives are all shown."""
        texts = [t for s in slides for t in s.texts()]
        asked = self.options.initiatives is not None  # a recipe's list: each shown by name
        about = set() if asked else {i for s in slides for i in s.initiatives}
        english = self.options.language == "en"

        def named(item: Initiative) -> bool:  # by its name in the deck's language
            if english and item.name_en:  # an English deck heads a row with the English name
                return any(t.startswith(normalize(item.name_en)) for t in texts)
            return any(normalize(item.name) in t for t in texts)

        chosen = [self.report.initiative(i) for i in self.chosen]
        missing = [item for item in chosen if item.id not in about and not named(item)]
        if not missing:
            return []
        word = self.report.meta.vocabulary.word("initiatives", self.options.language)
        return self.shaper.initiative_table(Part("initiatives", "", word, ()), missing, "")

    def _initiative_appendix(self) -> list[Slide]:
        if self.length != "full":
            return []
        return [self.shaper.initiative_slide(self.report.initiative(i)) for i in self.chosen]

    def _appendix(self, part: Part) -> list[Slide]:
        """The appendix: each agenda printed in it once (as a table: editable, in the report's
        own casing), the other appendix items named beside the first, or on slides of their
        own when there is no agenda."""
        selected_ids = set(part.ids)
        agendas = [a for a in self.report.agendas if a.section in selected_ids]
        shown = {a.section for a in agendas}
        others = [
            e
            for e in self.report.outline
            if e.section.id in selected_ids and e.level > 1 and e.section.id not in shown
        ]
        slides: list[Slide] = []
        for n, agenda in enumerate(agendas):
            slides += self._agenda_table(part, agenda, others if n == 0 else [])
            for chart in self.shaper.charts:
                if chart.kind == "schedule" and (chart.agenda or "programme") == agenda.id:
                    self.shaper.placed_charts.add(chart.id)  # an agenda is shown once
        if not agendas and others:
            slides += self.shaper.appendix_cards(part, others)
        if not slides and part.entry is not None and part.entry.section.id in selected_ids:
            slides += self.shaper.appendix_cards(part, [part.entry])  # its own text, or name
        return slides

    def _agenda_table(self, part: Part, agenda: Agenda, others: list[OutlineEntry]) -> list[Slide]:
        """A programme (time, type, session, speaker) or an itinerary (day and time, stop,
        place) as a table, paged."""
        from briefing.charts.labels import agenda_type_label

        language = self.options.language
        labels = self.templates.labels
        word = self.report.meta.vocabulary.word(agenda.kind, language)
        if agenda.kind == "itinerary":
            table = item_table(agenda, labels, language, self.options.date_style)
        else:
            rows = tuple(
                (item.time or "", agenda_type_label(item.type, language), item.title)
                + (item.speaker or "",)
                for item in agenda.items
            )
            header = (labels.time, labels.session_type, labels.session, labels.speaker)
            sep = " / " if language == "en" else "／"  # 議程／主講人: what its second line is
            table = fold_partial(Table(header, rows), into=2, sep=sep)  # no blank cells
        day = single_day(agenda, language, self.options.date_style)  # the deck's one style
        also = [normalize(f"{e.label}{e.section.title}") for e in others]
        slides = []
        pages = table_pages(table, self.setter, theme.VISUAL_BOX, PROGRAMME_ROWS)
        for n, page in enumerate(pages):
            text = self.templates.render(
                "programme",
                agenda=agenda,
                programme_word=word,
                day=day,
                kicker=part.heading,
                page=n,
                also=also,
                cite="、".join(self.shaper.cites((agenda.section,))) if agenda.section else "",
                blocks=self.shaper.blocks(tuple(e.section.id for e in others)) if n == 0 else [],
            )
            own = (part.entry.section.id,) if part.entry else ()
            sections = (*own, agenda.section or "", *(e.section.id for e in others))
            sections = tuple(s for s in dict.fromkeys(sections) if s)
            slides.append(
                Slide(
                    "table",
                    text.title,
                    subtitle=text.subtitle,
                    kicker=text.kicker,
                    notes=text.notes,
                    source=text.source,
                    sections=tuple(sections),
                    table=page,
                    condensed=tuple(e.section.id for e in others),
                )
            )
        return slides

    # -- typesetting ----------------------------------------------------------------------------
    def _typeset(self, slide: Slide) -> Slide:
        setter = self.setter
        if slide.kind in ("cover", "closing", "divider"):
            return big_title(setter, slide)
        title, subtitle, lines = setter.title(slide.title, slide.subtitle)
        subtitle, left_out = setter.one_line(subtitle, theme.SUBTITLE_PT, theme.SUBTITLE_BOX[2])
        notes = f"{slide.notes}\n{left_out}".strip() if left_out else slide.notes
        sizes: dict[str, Any] = {"title_lines": lines}
        if lines > 1:
            width = pt(theme.TITLE_BOX[2])
            sizes["title_margin"] = title_margin(setter, title, theme.TITLE_PT, width)
        body_box = _BODY_BOXES.get(slide.kind, theme.BODY_BOX)
        if slide.kind == "columns" and slide.chart:
            body_box = theme.LEFT_BOX
        if slide.body:
            fit = setter.best(slide.body, body_box)
            sizes["body"], sizes["body_margins"] = fit.size, fit.margins
            sizes["body_even"] = fit.even
        if slide.right:
            fit = setter.best(slide.right, theme.RIGHT_BOX)
            if slide.body and fit.size != sizes.get("body"):  # two columns, one size
                size = min(fit.size, sizes["body"])
                left = setter.block(slide.body, body_box, size)
                sizes["body"], sizes["body_margins"] = size, left.margins
                sizes["body_even"] = left.even
                fit = setter.block(slide.right, theme.RIGHT_BOX, size)
            sizes["right"], sizes["right_margins"] = fit.size, fit.margins
            sizes["right_even"] = fit.even
        if slide.cards:
            sizes["cards"], sizes["columns"], _ = setter.best_cards(slide.cards, theme.BODY_BOX)
            sizes["card_margins"] = setter.card_margins(
                slide.cards, sizes["columns"], theme.BODY_BOX, sizes["cards"]
            )
            sizes["card_even"] = setter.card_even(
                slide.cards, sizes["columns"], theme.BODY_BOX, sizes["cards"]
            )
            width = setter.card_width(sizes["columns"], theme.BODY_BOX)
            sizes["heading_margins"] = heading_margins(setter, slide.cards, width, sizes["cards"])
        table = slide.table
        if table is not None:
            box = _table_box(slide)
            sizes["table"], widths = setter.table(table, box)
            table = dataclasses.replace(table, widths=widths)
            sizes["rows"] = setter.row_heights(table, box, sizes["table"])
        if slide.key_figures:
            count = len(slide.key_figures)
            tile = (theme.CONTENT_WIDTH - (count - 1) * theme.GAP) / count * 72 - 24
            values = [(f.value, f.qualifier + f.unit) for f in slide.key_figures]
            sizes["figure"] = setter.figure_size(values, tile)
        if slide.quote is not None:
            fit = setter.best([Bullet(slide.quote.text)], theme.QUOTE_BOX, (36, 32, 30, 28, 24))
            sizes["body"], sizes["body_margins"] = fit.size, fit.margins
        if slide.pictures:
            sizes["captions"] = photos_mod.caption_lines(setter, slide.pictures)
        typeset = Typeset(**sizes)
        return dataclasses.replace(
            slide, title=title, subtitle=subtitle, typeset=typeset, table=table, notes=notes
        )


_BODY_BOXES = {
    "overview": theme.UNDER_FIGURES_BOX,
    "figures": theme.UNDER_FIGURES_BOX,
    "columns": theme.LEFT_BOX,
    "initiative": theme.LEFT_BOX,
    "comparison": theme.LEAD_BOX,
}


def _table_box(slide: Slide) -> tuple[int, int, int, int]:
    return theme.UNDER_LEAD_BOX if slide.body else theme.VISUAL_BOX


def _pairable(slide: Slide) -> bool:
    items = len(slide.body) + len(slide.cards)
    return slide.kind in ("points", "content") and 0 < items <= 4 and not slide.title.endswith("）")


def _as_bullets(slide: Slide) -> tuple[Bullet, ...]:
    if slide.cards:
        return tuple(Bullet(f"{c.heading}：{c.text}" if c.text else c.heading) for c in slide.cards)
    return slide.body


def _plain(title: str) -> str:
    return title
