"""From a unit of the outline to its slides, the layout chosen by the shape of the content.

* recommendations → numbered cards with each recommendation's substance (and its horizon or
  owner where the report gives one);
* the trip's process with an itinerary → a timeline;
* a section with a sentence worth showing large → a quote;
* a section with several sub-sections or initiatives → a comparison table (one row each), its
  key point as the lead line; with one → two columns (its points beside the initiative);
* a section with numbers → key figures over its points;
* a section with a chart → its points beside the chart;
* otherwise its points: as cards when they are few, as bullets at the size that fills the area.

Every slide cites the sections its facts come from, and its notes hold every paragraph of them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing import theme
from briefing.story import cells, message, ranking, recommend
from briefing.story import facts as facts_mod
from briefing.story.advice import advice_slides, is_advice
from briefing.story.coverage import point_of, points_of, substance_of
from briefing.story.plan import Bullet, Card, KeyFigure, Quote, Slide, Table, Typeset
from briefing.story.typography import normalize

if TYPE_CHECKING:
    from briefing.content.model import ChartSpec, Initiative, Section
    from briefing.content.report import OutlineEntry, Report
    from briefing.options import BuildOptions
    from briefing.story.outline import Part, Unit
    from briefing.story.templating import Templates
    from briefing.story.typeset import Setter

MAX_CARDS = 6
BESIDE_TEXT = ("bar", "column", "pie")  # charts legible at half width; timelines need it all
MAX_ROWS = 7
POINTS_AS_CARDS = 4  # this many short points or fewer are shown as cards
SHORT_POINT = 26  # characters
NOT_STATED_CELL = "—"  # a table cell whose fact the report does not state


@dataclass
class Shaper:
    """Makes the slides of units and parts; remembers what it placed (each chart, initiative and
    figure once)."""

    report: Report
    options: BuildOptions
    templates: Templates
    setter: Setter
    placement: dict[str, list[str]]  # section id -> initiative ids shown with it
    charts: list[ChartSpec]
    placed_charts: set[str] = field(default_factory=set)
    chart_home: dict[str, str] = field(default_factory=dict)  # chart id -> unit section id
    itinerary_placed: bool = False  # the itinerary is shown once
    next_lines: dict[str, list[str]] = field(default_factory=dict)  # message -> next ones

    @property
    def labels(self) -> Any:
        return self.templates.labels

    @property
    def language(self) -> str:
        return self.options.language

    # -- units --------------------------------------------------------------------------------
    def unit(self, part: Part, unit: Unit) -> list[Slide]:
        """The slides of one unit, then a slide for each chart of its sections not shown yet."""
        slides = self._unit(part, unit)
        if self.itinerary_in(unit, condensed=True) and self.options.length != "brief":
            slides += self.timeline(part, unit)
        if self.options.length != "brief":
            while (chart := self.chart_for(unit.ids)) is not None:
                slides.append(self.chart(chart, kicker=part.heading))
        return slides

    def _unit(self, part: Part, unit: Unit) -> list[Slide]:
        sec = unit.entry.section
        kind = sec.kind or (part.entry.section.kind if part.entry else None)
        if is_advice(sec, kind):  # numbered items, groups or prose: always on a slide
            return advice_slides(self, part, unit)
        if self.itinerary_in(unit):  # where the report prints it, never by a guessed kind
            return self.timeline(part, unit)
        rows = self.rows(unit)
        points = self.points(unit)
        if sec.quote is not None and unit.own and not unit.children():
            quote = [self.quote(part, unit)]
            if len(rows) >= 3:
                return quote + self.comparison(part, unit, [], rows)
            return quote + ([self.columns(part, unit, points, rows)] if rows else [])
        if len(rows) >= 4 or (len(rows) == 3 and len(points) <= 2):
            return self.comparison(part, unit, points, rows)
        if rows and not points and 2 <= len(rows) <= MAX_CARDS and all(r.point for r in rows):
            slide = self.row_cards(part, unit, rows)
            if self.setter.best_cards(slide.cards, theme.BODY_BOX)[2]:
                return [
                    slide
                ]  # each thing with its point, not points in one column, names in another
        if rows:
            for compact in (False, True):
                slide = self.columns(part, unit, points, rows, compact=compact)
                if self._columns_fit(slide):
                    return [slide]
            if len(rows) >= 2:
                return self.comparison(part, unit, points, rows)  # too much for two columns
            return [slide]
        figures = facts_mod.key_figures(self.report, unit.ids) if unit.own else []
        if figures:
            return self.figures_paged(part, unit, points, figures)
        chart = self.chart_for(unit.ids)
        if chart is not None and points and chart.kind in BESIDE_TEXT:
            return [self.chart_beside(part, unit, points, chart)]
        if chart is not None:  # the section's own points, then its chart
            return self.text(part, unit, points) + [self.chart(chart, kicker=part.heading)]
        return self.text(part, unit, points)

    def points(self, unit: Unit) -> list[str]:
        sec = unit.entry.section
        own = points_of(sec) if unit.own else []
        lines = [normalize(p) for p in own]
        for child in unit.children():
            if not self._child_is_row(child):
                point = self.point(child.section)
                text = f"{child.label}{child.section.title}"
                name = facts_mod.split_english(child.section.title)[0]
                if point and normalize(point).startswith(normalize(name)):
                    text = f"{child.label}{point}"  # 「（一）行動身分（Mobile-ID）結合…」
                elif point:
                    text = f"{text}：{point}"
                lines.append(normalize(text))
        return lines

    def rows(self, unit: Unit) -> list[Row]:
        """One row per condensed sub-section that is about something (it has sub-sections of
        its own or an initiative), and per initiative the unit discusses directly."""
        rows = [self.child_row(c, unit) for c in unit.children() if self._child_is_row(c)]
        shown = {i for r in rows for i in r.initiatives}
        subject = self.subject(unit)
        for iid in self.placement.get(unit.entry.section.id, ()):
            if iid not in shown and (subject is None or iid != subject.id):
                item = self.report.initiative(iid)
                rows.append(self.initiative_row(item, within=unit.entry.section.paragraphs))
        return rows

    def subject(self, unit: Unit) -> Initiative | None:
        """The initiative a section is about (its title names it: 數位政府藍圖 is the blueprint):
        its facts go on the section's own slide, not in a row of its own."""
        title = facts_mod.split_english(unit.entry.section.title)[0]
        for iid in self.placement.get(unit.entry.section.id, ()):
            item = self.report.initiative(iid)
            if item.name in title or title in item.name:
                return item
        return None

    def subject_line(self, unit: Unit) -> str:
        """The subject initiative's English name and stated facts, for the subtitle line."""
        item = self.subject(unit)
        if item is None:
            return ""
        facts = facts_mod.initiative_facts(item, self.report, self.labels, self.language)
        said = normalize(" ".join(p for i in unit.ids for p in self.report.section(i).paragraphs))
        said += normalize(unit.entry.section.title)
        where = {q.section for q in item.evidence.get("name_en", ())}
        # the English name where these sections give it: a detail cites its own section
        own = None in where or bool(where & set(unit.ids)) or normalize(facts.name_en) in said
        parts = [facts.name_en] if facts.name_en and own else []
        parts += [f"{k}{self.labels.colon}{v}" for k, v in facts.rows]
        return "｜".join(p for p in parts if p)

    def _child_is_row(self, child: OutlineEntry) -> bool:
        has_kids = any(True for _ in child.section.children)
        return has_kids or bool(self.placement.get(child.section.id))

    def point(self, section: Section) -> str:
        """The one line a section shows as a row, a card or a line of its parent: the point
        the ranking finds its substance in (:func:`cells.section_point`), else its first
        sentence (a section whose data has no key point still says something)."""
        return cells.section_point(section) or point_of(section)

    def child_row(self, child: OutlineEntry, unit: Unit) -> Row:
        heading, english = facts_mod.split_english(child.section.title)
        point = self.point(child.section)
        below = [e for e in unit.condensed if child.section.id in e.path[:-1]]
        inits = [i for s in (child, *below) for i in self.placement.get(s.section.id, ())]
        if below and not point:
            point = "、".join(facts_mod.split_english(e.section.title)[0] for e in below)
        item = self.report.initiative(inits[0]) if len(inits) == 1 else None
        facts = self.facts(item) if item else None
        named = item is not None and (item.name in heading or heading in item.name)
        return self._english_first(
            Row(
                normalize(heading),
                normalize(english or (facts.name_en if facts and named else "")),
                normalize(point or ""),
                facts,
                tuple(inits),
                (child.section.id, *(e.section.id for e in below)),
            )
        )

    def facts(self, item: Initiative) -> facts_mod.Facts:
        """``item``'s stated facts; no status for what is known only from a speech."""
        facts = facts_mod.initiative_facts(item, self.report, self.labels, self.language)
        if cells.from_speech(item, self.report):
            rows = tuple((k, v) for k, v in facts.rows if k != self.labels.status)
            facts = dataclasses.replace(facts, rows=rows)
        return facts

    def initiative_row(self, item: Initiative, within: tuple[str, ...] = ()) -> Row:
        """An initiative as a row: its point in the words of the section shown (``within``)
        where they name it, else in its record's summary."""
        facts = self.facts(item)
        point = cells.naming_clause(" ".join(within), item) if within else ""
        return self._english_first(
            Row(
                normalize(item.name),
                normalize(facts.name_en),
                normalize(point or cells.record_point(item)),
                facts,
                (item.id,),
                item.sections[:1],
            )
        )

    def _english_first(self, row: Row) -> Row:
        """In an English deck, a row is headed by the English name the report gives."""
        if self.language != "en" or not row.english:
            return row
        return dataclasses.replace(row, heading=row.english, english=row.heading)

    def _name(self, title: str) -> str:
        """A section's name as the deck shows it: in an English deck, the English name the
        report gives it (in its title's brackets, or as the initiative it is about)."""
        head, english = facts_mod.split_english(title)
        if self.language != "en":
            return head
        if english:
            return english
        for item in self.report.initiatives:
            if item.name_en and item.stated("name_en") and (item.name == head):
                return item.name_en
        return head

    # -- layouts ------------------------------------------------------------------------------
    def comparison(self, part: Part, unit: Unit, points: list[str], rows: list[Row]) -> list[Slide]:
        slides: list[Slide] = []
        sec = unit.entry.section
        candidates = [normalize(s) for s in sec.key_sentences] + points
        fitting = [
            c for c in candidates if self.setter.line_fits(c, theme.BODY_MIN_PT, theme.LEAD_BOX[2])
        ]  # of those that fit, the one the ranking puts first, not the first
        lead = ranking.best_point(fitting, sec.paragraphs, sec.title)
        rest = [p for p in points if p != lead]
        if rest and self.options.length == "full":  # the full deck keeps every point on a slide
            slides += self.text(part, unit, rest)
        header, columns = self._table_columns(rows)
        pages = self._table_pages(rows, header, columns, theme.UNDER_LEAD_BOX)
        if len(pages) > 1 and lead:  # the table needs the lead's room more than the lead
            wider = self._table_pages(rows, header, columns, theme.VISUAL_BOX)
            if len(wider) < len(pages):
                lead, pages = "", wider
        if len(pages) > 1:  # English names make two lines of a row: keep them for the notes
            plain = [dataclasses.replace(r, english="") for r in rows]
            box = theme.UNDER_LEAD_BOX if lead else theme.VISUAL_BOX
            shorter = self._table_pages(plain, header, columns, box)
            if len(shorter) < len(pages):
                pages = shorter
        if len(pages) > 1:  # agencies some rows name: in the notes rather than a page more
            lean_header, lean = self._table_columns(rows, agencies=False)
            for box in (theme.UNDER_LEAD_BOX, theme.VISUAL_BOX) if lead else (theme.VISUAL_BOX,):
                leaner = self._table_pages(rows, lean_header, lean, box)
                if len(leaner) < len(pages):
                    header, columns, pages = lean_header, lean, leaner
                    lead = lead if box == theme.UNDER_LEAD_BOX else ""
                    break
        for n, page in enumerate(pages):
            table = Table(header, tuple(tuple(col(r) for col in columns) for r in page), ())
            text = self._render(part, unit, points=[lead] if lead else [], page=n)
            slide = self._slide(
                "comparison",
                text,
                unit,
                table=table,
                initiatives=tuple(i for r in page for i in r.initiatives),
                extra_sections=tuple(s for r in page for s in r.sections),
            )
            slides.append(slide)
        return slides

    def _table_pages(
        self, rows: list[Row], header: tuple[str, ...], columns: list[Any], box: Any
    ) -> list[list[Row]]:
        """Rows cut into pages whose table fits ``box`` at a readable size."""
        pages: list[list[Row]] = [[]]
        for row in rows:
            candidate = [*pages[-1], row]
            table = Table(header, tuple(tuple(col(r) for col in columns) for r in candidate))
            fits = self.setter.table_fits(table, box, theme.TABLE_SIZES[-1])
            if pages[-1] and (len(candidate) > MAX_ROWS or not fits):
                pages.append([row])
            else:
                pages[-1] = candidate
        if len(pages) > 1 and len(pages[-1]) == 1 and len(pages[-2]) > 2:
            pages[-1].insert(0, pages[-2].pop())  # no page of one row
        return pages

    def _table_columns(
        self, rows: list[Row], *, agencies: bool = True
    ) -> tuple[tuple[str, ...], list[Any]]:
        """項目 and 重點, and a column for each fact every row states (no column of blanks);
        facts some rows state go under the row's point (agencies too, unless not ``agencies``:
        then the notes hold them)."""
        labels = self.labels
        header = [labels.item, labels.point]
        fact_labels = (labels.agency, labels.year, labels.status)
        stated = {k: sum(1 for r in rows if r.facts and r.facts.value(k)) for k in fact_labels}
        wide = [k for k in fact_labels if stated[k] == len(rows)]  # no column of blanks
        narrow = [k for k in fact_labels if k not in wide and stated[k]]
        if not agencies:
            narrow = [k for k in narrow if k != labels.agency]

        def point(r: Row) -> str:
            extra = [
                f"{k}{labels.colon}{r.facts.value(k)}"
                for k in narrow
                if r.facts and r.facts.value(k)
            ]
            return "\n".join([r.point, "；".join(extra)] if extra else [r.point])

        columns: list[Any] = [
            lambda r: f"{r.heading}\n{r.english}" if r.english else r.heading,
            point,
        ]
        for label in wide:
            header.append(label)
            columns.append(lambda r, k=label: _stated(r, k, labels.not_stated))
        return tuple(header), columns

    def columns(
        self, part: Part, unit: Unit, points: list[str], rows: list[Row], *, compact: bool = False
    ) -> Slide:
        """The section's points beside the things it is about (``compact``: their names and
        key points only; the English names and facts are in the notes)."""
        left = [Bullet(p) for p in points] or [Bullet(r.point) for r in rows if r.point]
        said = [b.text for b in left]  # a point is said once: left, or under its row
        own = "\n".join(unit.entry.section.paragraphs)
        right: list[Bullet] = []
        for row in rows:
            right.append(Bullet(whole_name(row.heading, row.point, own), heading=True))
            if row.english and not compact and row.english not in row.point:
                right.append(Bullet(row.english, level=1))
            if row.point and not any(message.same(row.point, p) for p in said):
                right.append(Bullet(row.point))
            if row.facts and not compact:
                facts = [f"{k}{self.labels.colon}{v}" for k, v in row.facts.rows]
                right += [Bullet(f) for f in facts if not any(f in p for p in said)]
        text = self._render(part, unit, points=[])
        return self._slide(
            "columns",
            text,
            unit,
            body=tuple(left),
            right=tuple(right),
            initiatives=tuple(i for r in rows for i in r.initiatives),
            extra_sections=tuple(s for r in rows for s in r.sections),
        )

    def row_cards(self, part: Part, unit: Unit, rows: list[Row]) -> Slide:
        """The things a section is about as cards: name, key point, English name and facts."""
        cards = []
        for row in rows:
            facts = [f"{k}{self.labels.colon}{v}" for k, v in row.facts.rows] if row.facts else []
            tag = self.labels.sep.join(x for x in (row.english, *facts) if x)
            cards.append(Card(row.heading, row.point, normalize(tag)))
        text = self._render(part, unit, points=[])
        return self._slide(
            "points",
            text,
            unit,
            cards=tuple(cards),
            initiatives=tuple(i for r in rows for i in r.initiatives),
            extra_sections=tuple(s for r in rows for s in r.sections),
        )

    def _columns_fit(self, slide: Slide) -> bool:
        sizes = theme.BODY_SIZES
        return (
            self.setter.best(slide.body, theme.LEFT_BOX, sizes).fits
            and self.setter.best(slide.right, theme.RIGHT_BOX, sizes).fits
        )

    def figures_paged(
        self, part: Part, unit: Unit, points: list[str], figures: list[Any]
    ) -> list[Slide]:
        """Key figures over the points that fit under them; the other points follow on
        slides of their own."""
        kept = [p for p in points if not any(facts_mod.states_figure(p, f) for f in figures)]
        bullets = [Bullet(p) for p in kept]
        if self.setter.best(bullets, theme.UNDER_FIGURES_BOX).fits:
            return [self.figures(part, unit, points, figures)]
        pages = self.setter.pages(bullets, theme.UNDER_FIGURES_BOX)
        first = [b.text for b in pages[0]]
        slides = [self.figures(part, unit, first, figures)]
        rest = [b for page in pages[1:] for b in page]
        for n, page in enumerate(self.setter.pages(rest, theme.BODY_BOX), start=1):
            text = self._render(part, unit, points=[b.text for b in page], page=n)
            slides.append(self._slide("content", text, unit))
        return slides

    def figures(self, part: Part, unit: Unit, points: list[str], figures: list[Any]) -> Slide:
        tiles = tuple(facts_mod.figure_tile(f, self.language, self.labels) for f in figures)
        kept = [p for p in points if not any(facts_mod.states_figure(p, f) for f in figures)]
        text = self._render(part, unit, points=kept)
        return self._slide(
            "figures",
            text,
            unit,
            key_figures=tiles,
            figure_ids=tuple(f.id for f in figures),
        )

    def chart_beside(self, part: Part, unit: Unit, points: list[str], chart: ChartSpec) -> Slide:
        from briefing.charts import chart_data

        text = self._render(part, unit, points=points)
        slide = self._slide(
            "columns",
            text,
            unit,
            chart=chart.id,
            figure_ids=chart.figures,
            initiatives=chart.initiatives,
            derived=self.labels.derived if chart.derived else "",
        )
        alt = chart_data(chart, self.report, language=self.language).alt_text
        return dataclasses.replace(slide, notes=f"{alt}\n\n{slide.notes}")  # the chart too

    def chart(self, chart: ChartSpec, *, kicker: str = "") -> Slide:
        """A chart on a slide of its own; a few figures (22 → 500 家) as key figures instead,
        except in the full deck."""
        self.placed_charts.add(chart.id)
        wants_charts = self.options.chart_style == "native"  # editable charts were asked for
        if self.options.length != "full" and not wants_charts and _as_figures(chart):
            return self._chart_slide("figures", chart, kicker, key_figures=self._tiles(chart))
        derived = self.labels.derived if chart.derived else ""
        return self._chart_slide("chart", chart, kicker, chart=chart.id, derived=derived)

    def _chart_slide(self, kind: str, spec: ChartSpec, kicker: str, **fields: Any) -> Slide:
        """A slide of ``spec``'s figures: its title, notes and sources from the chart template."""
        from briefing.charts import chart_data, chart_sections

        data = chart_data(spec, self.report, language=self.language)
        sections = chart_sections(spec, self.report)
        alt = data.alt_text
        if kind != "chart":  # the figures as tiles: the notes describe no chart
            alt = re.sub(r"^[^：:。]{1,16}[：:]\s*", "", alt, count=1)
        text = self.templates.render(
            "chart",
            chart=spec,
            title=data.title,
            alt_text=alt,
            cites=self.cites(sections),
            kicker=kicker,
        )
        return Slide(
            kind,
            text.title,
            kicker=text.kicker,
            notes=text.notes,
            source=text.source,
            sections=tuple(sections),
            figures=spec.figures,
            initiatives=spec.initiatives,
            **fields,
        )

    def _tiles(self, chart: ChartSpec) -> tuple[KeyFigure, ...]:
        """The chart's two or three figures as key figures, labelled as the chart labels them."""
        from briefing.charts.lookup import spec_label

        tiles = []
        for fid in chart.figures:
            fig = self.report.figure(fid)
            tile = facts_mod.figure_tile(fig, self.language, self.labels)
            label = spec_label(chart, fid, self.language)
            if label:
                tile = dataclasses.replace(tile, label=normalize(label))
            tile = cells.keep_hedge(tile, fig, self.labels)
            tiles.append(facts_mod.with_label(tile, fig, self.language))
        return tuple(tiles)

    def assign_charts(self, units: list[Unit]) -> None:
        """Give each chart to the unit that holds most of the sections it draws on (the first
        such unit on a tie): a chart shows once, with the part of the report it is about."""
        from briefing.charts import chart_sections

        for chart in self.charts:
            wanted = set(chart_sections(chart, self.report))
            scores = [
                (
                    bool(wanted & set(u.ids)),
                    self._beside_text(u, chart),
                    len(wanted & set(u.ids)),
                    -n,
                    u.entry.section.id,
                )
                for n, u in enumerate(units)
            ]
            best = max(scores, default=(False, False, 0, 0, ""))
            if best[0]:
                self.chart_home[chart.id] = best[-1]

    def _beside_text(self, unit: Unit, chart: ChartSpec | None = None) -> bool:
        """Whether the unit's slide is its points alone (a chart can stand beside them)."""
        if chart is not None and chart.kind not in BESIDE_TEXT:
            return False
        sec = unit.entry.section
        if not unit.own or sec.quote is not None or is_advice(sec, sec.kind):
            return False
        if self.itinerary_in(unit):  # its slide is the itinerary
            return False
        if facts_mod.key_figures(self.report, unit.ids):
            return False
        return not self.rows(unit) and bool(sec.key_points)

    def chart_for(self, ids: tuple[str, ...]) -> ChartSpec | None:
        for chart in self.charts:
            if chart.id in self.placed_charts or chart.kind == "schedule":
                continue
            if chart.derived and self.options.length != "full":
                continue  # the program's own count: detail for the full deck
            if self.chart_home.get(chart.id) == ids[0]:
                self.placed_charts.add(chart.id)
                return chart
        return None

    def initiative_charts(self, ids: set[str], kicker: str) -> list[Slide]:
        """Charts about the given initiatives (directly or through their figures) not shown."""
        from briefing.charts import chart_initiatives

        found = []
        for chart in self.charts:
            if (
                chart.id not in self.placed_charts
                and chart.kind != "schedule"
                and not chart.derived
                and ids & set(chart_initiatives(chart, self.report))
            ):
                found.append(self.chart(chart, kicker=kicker))
        return found

    def quote(self, part: Part, unit: Unit) -> Slide:
        sec = unit.entry.section
        assert sec.quote is not None
        text = self._render(part, unit, points=[])
        by = sec.quote.by or ""
        return self._slide(
            "quote", text, unit, quote=Quote(normalize(sec.quote.text), normalize(by))
        )

    def itinerary_in(self, unit: Unit, *, condensed: bool = False) -> bool:
        """Whether the itinerary (not shown yet) belongs to ``unit``'s own section (or, with
        ``condensed``, to a section condensed into it)."""
        from briefing.story.itinerary import home_of

        if self.itinerary_placed or (home := home_of(self.report)) is None:
            return False
        if condensed:
            return home in unit.ids[1:]
        return home == unit.entry.section.id and unit.own

    def timeline(self, part: Part, unit: Unit) -> list[Slide]:
        """The itinerary: timeline slides of a few stops each, or a paged table."""
        from briefing.story.itinerary import itinerary_slides

        return itinerary_slides(self, part, unit)

    def recommendations(self, part: Part, unit: Unit, *, item: bool = False) -> list[Slide]:
        """Numbered cards, one per recommendation (:mod:`briefing.story.advice` routes a unit
        here; ``item``: the unit is one recommendation), each in the words
        :mod:`briefing.story.recommend` gives it: whole, with an owner and a horizon only where
        the report states them."""
        cards = []
        kids = {c.section.id: c for c in unit.children()}
        items = [c.section for c in unit.children()]  # the selected ones only
        recs = recommend.of_unit(unit.entry.section, items, own=unit.own, item=item)
        for rec in recs:
            child = kids.get(rec.section)
            tags = [recommend.horizon_label(h, self.labels) for h in rec.horizons]
            if rec.owner:
                tags.append(f"{self.labels.owner}{self.labels.colon}{rec.owner}")
            placed = self._placed_under(child, unit) if child else []
            named = [self.report.initiative(i).name for i in placed]
            if named:
                tags.append(f"{self.labels.related}{'、'.join(named)}")
            cards.append(
                Card(
                    heading=rec.name,
                    text=normalize(rec.text),
                    tag="｜".join(tags),
                    number=rec.number,
                )
            )
        per = self._cards_per_slide(cards, limit=4, at_least=theme.BODY_MIN_PT)
        per = -(-len(cards) // -(-len(cards) // per)) if cards else per  # pages alike: 3+2
        slides = []
        for n in range(0, len(cards), per):
            page = tuple(cards[n : n + per])
            ids = tuple(dict.fromkeys(r.section for r in recs[n : n + per]))
            shown = [kids[i] for i in ids if i in kids]
            inits = tuple(i for c in shown for i in self._placed_under(c, unit))
            text = self._render(part, unit, points=[], page=n // per)
            slides.append(
                self._slide(
                    "recommendations",
                    text,
                    unit,
                    cards=page,
                    extra_sections=ids,
                    initiatives=(*self.placement.get(unit.entry.section.id, ()), *inits),
                )
            )
        return slides

    def _placed_under(self, child: OutlineEntry, unit: Unit) -> list[str]:
        """Initiatives shown with ``child`` or a section condensed below it."""
        ids = [child.section.id] + [
            e.section.id for e in unit.condensed if child.section.id in e.path[:-1]
        ]
        return [i for s in ids for i in self.placement.get(s, ())]

    def text(
        self, part: Part, unit: Unit, points: list[str], *, cards_ok: bool = True
    ) -> list[Slide]:
        """Points as cards (a few short ones) or bullets (cut into pages that fit)."""
        if not points:
            points = [
                normalize(_first(unit.entry.section.key_sentences) or point_of(unit.entry.section))
            ]
            points = [p for p in points if p]
        if not points:
            return []
        short = all(len(p) <= SHORT_POINT * 2 for p in points)
        if cards_ok and 2 <= len(points) <= POINTS_AS_CARDS and short:
            cards = tuple(_point_card(p) for p in points)
            text = self._render(part, unit, points=[])
            return [self._slide("points", text, unit, cards=cards)]
        bullets = [Bullet(p) for p in points]
        pages = self.setter.pages(bullets, theme.BODY_BOX)
        slides = []
        for n, page in enumerate(pages):
            text = self._render(part, unit, points=[b.text for b in page], page=n)
            slides.append(self._slide("content", text, unit))
        return slides

    # -- brief, initiatives, appendix ---------------------------------------------------------
    def condensed_cards(self, part: Part, unit: Unit) -> list[Slide]:
        """A part condensed to one card per sub-section: its key point, and what it covers."""
        cards = []
        for child in unit.children():
            below = [e for e in unit.condensed if child.section.id in e.path[:-1]]
            point = self.point(child.section) or next(
                (p for e in below if (p := self.point(e.section))), ""
            )  # a heading without text of its own: the first point under it
            covered = [self._name(e.section.title) for e in below if e.parent == child.section.id]
            sep = "、" if self.language != "en" else ", "
            tag = f"{self.labels.includes}{sep.join(covered)}" if covered else ""
            heading = f"{child.label}{self._name(child.section.title)}"
            cards.append(Card(normalize(heading), normalize(point), normalize(tag)))
        if not cards:
            return self.unit(part, unit)
        if len(cards) == 1:  # one card is a slide of text, not a box on an empty slide
            card = cards[0]
            lines = [f"{card.heading}：{card.text}" if card.text else card.heading, card.tag]
            own = [normalize(p) for p in unit.entry.section.key_points] if unit.own else []
            return self.text(part, unit, [*own, *[x for x in lines if x]], cards_ok=False)
        per = self._cards_per_slide(cards)
        slides = []
        kids = unit.children()
        for n in range(0, len(cards), per):
            text = self._render(part, unit, points=[], page=n // per)
            ids = tuple(
                e.section.id
                for c in kids[n : n + per]
                for e in (c, *[d for d in unit.condensed if c.section.id in d.path[:-1]])
            )
            inits = tuple(i for s in ids for i in self.placement.get(s, ()))
            slides.append(
                self._slide(
                    "points",
                    text,
                    unit,
                    cards=tuple(cards[n : n + per]),
                    extra_sections=ids,
                    initiatives=inits,
                )
            )
        return slides

    def initiative_table(self, part: Part, items: list[Initiative], category: str) -> list[Slide]:
        """Initiatives chosen without their sections: one comparison per category."""
        rows = [self.initiative_row(i) for i in items]
        header, columns = self._table_columns(rows)
        slides = []
        for n in range(0, len(rows), MAX_ROWS):
            page = rows[n : n + MAX_ROWS]
            sections = tuple(dict.fromkeys(s for r in page for s in r.sections))
            text = self.templates.render(
                "section",
                heading=part.title,
                kicker="",
                subtitle=category,
                points=[],
                page=n // MAX_ROWS,
                blocks=[],
                cites=self.cites(sections),
                extra=[
                    f"{r.heading}：{self.report.initiative(r.initiatives[0]).summary}" for r in page
                ],
            )
            table = Table(header, tuple(tuple(col(r) for col in columns) for r in page), ())
            slides.append(
                Slide(
                    "comparison",
                    text.title,
                    subtitle=text.subtitle,
                    notes=text.notes,
                    source=text.source,
                    sections=sections,
                    initiatives=tuple(i for r in page for i in r.initiatives),
                    table=table,
                )
            )
        return slides

    def initiative_slide(self, item: Initiative) -> Slide:
        """One initiative on a slide of its own (the appendix of a full deck)."""
        facts = facts_mod.initiative_facts(item, self.report, self.labels, self.language)
        figures = [self.report.figure(f) for f in item.figures]
        left = [Bullet(normalize(s)) for s in _sentences(item.summary)]
        for fig in figures:
            if not any(facts_mod.states_figure(b.text, fig) for b in left):
                label = facts_mod.tile_label(fig.measure, fig.as_written)
                before, after = facts_mod.hedge(fig, self.labels)
                stated = f"{label}{self.labels.colon}{before}{fig.as_written}{after}"
                left.append(Bullet(normalize(stated)))
        right = [Bullet(f"{k}{self.labels.colon}{v}") for k, v in facts.rows]
        if facts.kicker:
            right.append(Bullet(facts.kicker))
        cites = self.cites(item.sections)
        text = self.templates.render(
            "initiative",
            initiative=item,
            facts=facts,
            figures=figures,
            cites=cites,
            cite_of=self.report.cite,
        )
        return Slide(
            "initiative" if right else "content",
            text.title,
            subtitle=normalize(facts.name_en),
            kicker=text.kicker,
            body=tuple(left),
            right=tuple(right),
            notes=text.notes,
            source=text.source,
            sections=item.sections,
            initiatives=(item.id,),
            figures=tuple(f.id for f in figures),
        )

    def appendix_cards(self, part: Part, entries: list[OutlineEntry]) -> list[Slide]:
        cards = tuple(
            Card(
                normalize(f"{e.label}{e.section.title}"),
                normalize(substance_of(e.section) or point_of(e.section)),
            )
            for e in entries
        )
        unit = part.units[0]
        ids = tuple(e.section.id for e in entries)
        if len(cards) == 1 or not all(c.text for c in cards):  # lines, not boxes left empty
            lines = [
                f"{c.heading}{self.labels.colon}{c.text}" if c.text else c.heading for c in cards
            ]
            slides = self.text(part, unit, lines, cards_ok=False)
            return [dataclasses.replace(s, sections=(*s.sections, *ids)) for s in slides]
        per = self._cards_per_slide(list(cards))
        slides = []
        for n in range(0, len(cards), per):  # every item, paged
            text = self._render(part, unit, points=[], page=n // per)
            page = cards[n : n + per]
            slides.append(self._slide("points", text, unit, cards=page, extra_sections=ids))
        return slides

    # -- pieces -------------------------------------------------------------------------------
    def _cards_per_slide(
        self, cards: list[Card], limit: int = MAX_CARDS, at_least: float = 0
    ) -> int:
        """The most cards a slide takes (up to ``limit``) with every page fitting, each at
        ``at_least`` points (a recommendation's text at body size)."""
        if at_least:
            for per in range(min(limit, len(cards)), 0, -1):
                pages = [cards[i : i + per] for i in range(0, len(cards), per)]
                sizes = [self.setter.best_cards(page, theme.BODY_BOX) for page in pages]
                if all(fits and size >= at_least for size, _, fits in sizes):
                    return per
        for per in range(min(limit, len(cards)), 0, -1):
            if all(
                self.setter.best_cards(cards[i : i + per], theme.BODY_BOX)[2]
                for i in range(0, len(cards), per)
            ):
                return per
        return 1

    def _render(self, part: Part, unit: Unit, *, points: list[str], page: int = 0) -> Any:
        entry = unit.entry
        heading = f"{entry.label}{entry.section.title}" if entry is not part.entry else part.heading
        kicker = self.kicker(part, unit)
        sec = entry.section
        said = (normalize(sec.quote.text),) if sec.quote is not None and unit.own else ()
        subject = self.subject_line(unit)
        moved = self.setter.title(heading)[1]  # an English name the title moves down
        english = subject.split("｜")[0] if subject and self.labels.colon not in subject else ""
        rest = "｜".join(x for x in (english, moved) if x)  # the message leaves room for them;
        # the subject's facts follow it as far as the line holds (the rest go to the notes)

        def fits(text: str) -> bool:
            line = f"{text}｜{rest}" if rest else text
            return self.setter.line_fits(line, theme.SUBTITLE_PT, theme.SUBTITLE_BOX[2])

        lines = message.candidates(self.report, unit.ids, fits, own=unit.own, avoid=said)
        point = lines[0] if lines else ""
        self.next_lines[point] = lines[1:]  # tried in turn when the slide says the first
        subtitle = "｜".join(x for x in (point, subject) if x)
        return self.templates.render(
            "section",
            heading=heading,
            kicker=kicker,
            subtitle=subtitle,
            points=points,
            page=page,
            blocks=self.blocks(unit.ids) if page == 0 else [],
            cites=self.cites(unit.ids),
        )

    def kicker(self, part: Part, unit: Unit) -> str:
        if unit.entry is part.entry:
            return ""
        path = [self.report.entry(i) for i in unit.entry.path[1:-1]]
        return " › ".join([part.heading, *(f"{e.label}{e.section.title}" for e in path)])

    def blocks(self, ids: tuple[str, ...]) -> list[dict[str, Any]]:
        """The paragraphs of ``ids`` for the speaker notes, each with its section's citation."""
        found = []
        for sid in ids:
            sec = self.report.section(sid)
            if sec.paragraphs:
                found.append({"cite": self.report.cite(sid), "paragraphs": list(sec.paragraphs)})
        return found

    def cites(self, ids: Any) -> list[str]:
        """Citations for the source line, short enough for one line: full paths, or numbers
        only, or the common parent."""
        ids = list(dict.fromkeys(ids))
        top = [i for i in ids if not any(a in ids for a in self.report.entry(i).path[:-1])]
        full = [self.report.cite(i) for i in top]
        line = "、".join(full)
        prefix = f"{self.labels.source_prefix}{self.labels.report_prefix} "
        if self.setter.line_fits(normalize(prefix + line), theme.SOURCE_PT, theme.FOOTER_BOX[2]):
            return full
        numbers = [self._numbers(i) for i in top]
        line = normalize(prefix + "、".join(numbers))
        if self.setter.line_fits(line, theme.SOURCE_PT, theme.FOOTER_BOX[2]):
            return numbers
        common = self.report.entry(top[0]).path[:1]
        return [self._numbers(common[0]) + self.labels.and_more]

    def _numbers(self, sid: str) -> str:
        entry = self.report.entry(sid)
        labels = "".join(self.report.entry(i).label for i in entry.path)
        return labels.rstrip("、　 ") or entry.section.title

    def _slide(self, kind: str, text: Any, unit: Unit, **fields: Any) -> Slide:
        extra = fields.pop("extra_sections", ())
        figure_ids = fields.pop("figure_ids", ())
        sections = tuple(dict.fromkeys((*unit.ids, *extra)))
        body = fields.pop("body", None)
        subject = self.subject(unit)
        if subject is not None:
            fields["initiatives"] = (subject.id, *fields.get("initiatives", ()))
        slide = Slide(
            kind,  # type: ignore[arg-type]
            text.title,
            subtitle=text.subtitle,
            kicker=text.kicker,
            body=body if body is not None else text.body,
            notes=text.notes,
            source=text.source,
            sections=sections,
            figures=tuple(figure_ids),
            condensed=tuple(e.section.id for e in unit.condensed),
            **fields,
        )
        first = slide.subtitle.partition("｜")[0]
        return message.said_once(slide, self.next_lines.get(first, ()))


def whole_name(name: str, point: str, text: str = "") -> str:
    """``name`` as the report writes it: a name cut one character into a word (「色列…」, where
    the report only ever writes 「以色列」) gets that character back."""
    at = point.find(name)
    if at < 1 or len(name) < 2 or not "\u4e00" <= point[at - 1] <= "\u9fff":
        return name
    if at > 1 and point[at - 2] not in "，；：。「（ ":
        return name  # not at a clause's start: the character before is a word of its own
    written = f"{point}\n{text}"
    before = [written[m.start() - 1] if m.start() else "" for m in re.finditer(name[:2], written)]
    if len(before) >= 2 and set(before) == {point[at - 1]}:
        return point[at - 1] + name
    return name


@dataclass(frozen=True)
class Row:
    """One row of a comparison: a sub-section or an initiative, its key point and facts."""

    heading: str
    english: str
    point: str
    facts: facts_mod.Facts | None
    initiatives: tuple[str, ...]
    sections: tuple[str, ...]


def _as_figures(chart: ChartSpec) -> bool:
    """Whether a chart is two or three numbers better shown as key figures."""
    return chart.kind in ("bar", "column") and 2 <= len(chart.figures) <= 3 and not chart.derived


def _stated(row: Row, label: str, not_stated: str) -> str:
    """A fact of the row, or a dash where the report does not state it (the notes say so in
    words: ``not_stated``); never a blank cell that reads as data left out."""
    value = row.facts.value(label) if row.facts else ""
    return value or NOT_STATED_CELL


def _first(items: tuple[str, ...] | list[str]) -> str:
    return items[0] if items else ""


def _first_sentence(text: str) -> str:
    for stop in ("。", "；"):
        if stop in text:
            return text.split(stop, 1)[0] + "。"
    return text


def _first_clause(text: str, limit: int = 40) -> str:
    """The summary's first sentence, or its first clause when the sentence is long."""
    sentence = _first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    for stop in ("，", "、"):
        head = sentence.split(stop, 1)[0]
        if 8 <= len(head) <= limit:
            return head
    return sentence


def _sentences(text: str) -> list[str]:
    parts = [s.rstrip("；，、：;,: ") + "。" for s in text.split("。") if s.strip()]
    return parts or [text]


def _point_card(point: str) -> Card:
    """A key point as a card: a short heading before a colon, or the whole point."""
    for mark in ("：", ":"):
        head, sep, rest = point.partition(mark)
        if sep and 2 <= len(head) <= 12 and rest:
            return Card(heading=head, text=rest)
    return Card(heading=point)


def replace_typeset(slide: Slide, **changes: Any) -> Slide:
    return dataclasses.replace(slide, typeset=dataclasses.replace(slide.typeset, **changes))


__all__ = ["Row", "Shaper", "Typeset", "replace_typeset"]
