"""Write a :class:`~briefing.story.plan.DeckPlan` into a python-pptx Presentation on the master.

Every slide uses the layout the planner chose (picked by name), keeps real title and body
placeholders, carries speaker notes and names the deck's font on every run. The planner decided
the text, the sizes and the breaks; this module draws: placeholders, cards, key figure tiles,
timelines, tables and charts (a PNG or native chart data, ready-made by the pipeline).
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing import theme
from briefing.deck.package import index_package
from briefing.deck.text import add_text, finish, layout, name_run, set_lines
from briefing.errors import DeckError
from briefing.story.typeset import (
    CARD_BAR,
    CARD_PAD,
    CELL_GAP,
    CELL_PAD,
    GAP,
    INDENT,
    LINE,
    justifiable,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pptx.presentation import Presentation as PresentationT
    from pptx.slide import Slide as PptxSlide

    from briefing.story.plan import Bullet, Card, DeckPlan, Slide, Table, Typeset, Visual

MASTER = Path(__file__).resolve().parents[2] / "templates" / "master.pptx"
BULLETS = ("•", "–", "·")


def build_presentation(
    plan: DeckPlan, visuals: Mapping[str, Visual], typeface: str, master: Path = MASTER
) -> PresentationT:
    """A Presentation holding every slide of ``plan`` (fonts are embedded afterwards)."""
    try:
        prs = Presentation(str(master))
    except Exception as exc:  # python-pptx raises several types for a bad package
        raise DeckError(f"cannot open the master template: {exc}", file=master) from None
    index_package(prs)  # slides and notes added in constant time (see deck/package.py)
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    writer = _SlideWriter(prs, typeface, visuals, plan)
    for number, spec in enumerate(plan.slides, start=1):
        if spec.layout not in layouts:
            raise DeckError(
                f"the master has no layout named {spec.layout!r} (it has: {', '.join(layouts)})",
                file=master,
            )
        writer.write(prs.slides.add_slide(layouts[spec.layout]), spec, number)
    return prs


class _SlideWriter:
    def __init__(
        self, prs: PresentationT, typeface: str, visuals: Mapping[str, Visual], plan: DeckPlan
    ) -> None:
        self.prs, self.typeface, self.visuals, self.plan = prs, typeface, visuals, plan
        self.language = plan.meta.language
        self._number_ph: dict[object, Any] = {}  # layout part -> its slide-number placeholder

    def write(self, slide: PptxSlide, spec: Slide, number: int) -> None:
        getattr(self, f"_{spec.kind}")(slide, spec)
        self._notes(slide, spec)
        if spec.kind not in ("cover", "closing"):
            self._slide_number(slide, number)
        _drop_empty_placeholders(slide)

    # -- furniture ------------------------------------------------------------------------------
    def _cover(self, slide: PptxSlide, spec: Slide) -> None:
        self._big_title(
            slide,
            spec.title,
            theme.COVER_TITLE_PT,
            theme.COVER_TITLE_BOX,
            spec.typeset.title_margin,
        )
        self._lines(_placeholder(slide, 1), [spec.subtitle], size=24, colour=theme.ACCENTS[0])
        box = self._box(slide, theme.COVER_DETAILS_BOX, "Cover details")
        lines = [b.text for b in spec.body]
        for i, line in enumerate(lines):
            paragraph = box.text_frame.paragraphs[0] if i == 0 else box.text_frame.add_paragraph()
            size = 22 if i == 0 else 20
            add_text(paragraph, line, self.typeface, self.language, size=size, colour=theme.DARK)
            layout(paragraph, size, first=i == 0, gap=0.3)
        finish(box.text_frame, self.typeface, self.language)
        if self.plan.meta.logo:
            self._logo(slide, Path(self.plan.meta.logo))

    def _closing(self, slide: PptxSlide, spec: Slide) -> None:
        self._big_title(
            slide,
            spec.title,
            theme.COVER_TITLE_PT,
            theme.COVER_TITLE_BOX,
            spec.typeset.title_margin,
        )
        self._lines(_placeholder(slide, 1), [spec.subtitle], size=24, colour=theme.MUTED)

    def _divider(self, slide: PptxSlide, spec: Slide) -> None:
        self._big_title(slide, spec.title, 40, theme.COVER_TITLE_BOX, spec.typeset.title_margin)
        body = _placeholder(slide, 1)
        if body is not None and spec.body:
            frame = body.text_frame
            frame.clear()
            for i, bullet in enumerate(spec.body):
                paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                add_text(paragraph, bullet.text, self.typeface, self.language, size=22)
                layout(
                    paragraph,
                    22,
                    first=i == 0,
                    gap=0.3,
                    bullet="•",
                    indent_em=INDENT,
                    typeface=self.typeface,
                    bullet_colour=theme.ACCENTS[0],
                )
            finish(frame, self.typeface, self.language)

    def _agenda(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        self._bullets(_placeholder(slide, 1), spec.body, spec.typeset.body, (), bullets=False)

    def _sources(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        self._bullets(_placeholder(slide, 1), spec.body, spec.typeset.body, ())

    # -- content ----------------------------------------------------------------------------------
    def _content(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        ts = spec.typeset
        self._bullets(_placeholder(slide, 1), spec.body, ts.body, ts.body_margins, ts.body_even)
        self._source(slide, spec)

    def _columns(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        ts = spec.typeset
        self._bullets(_placeholder(slide, 1), spec.body, ts.body, ts.body_margins, ts.body_even)
        if spec.chart:
            self._visual(slide, spec, theme.RIGHT_BOX)
            _remove(_placeholder(slide, 2))
        else:
            right = _placeholder(slide, 2)
            self._bullets(right, spec.right, ts.right, ts.right_margins, ts.right_even)
        self._source(slide, spec)

    _initiative = _columns

    def _figures(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        self._tiles(slide, spec)
        if spec.body:
            ts = spec.typeset
            body = _placeholder(slide, 1)
            self._bullets(body, spec.body, ts.body, ts.body_margins, ts.body_even)
        self._source(slide, spec)

    _overview = _figures

    def _points(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        self._cards(slide, spec.cards, spec.typeset, theme.BODY_BOX)
        self._source(slide, spec)

    _recommendations = _points

    def _comparison(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        box = theme.VISUAL_BOX
        if spec.body:
            self._lines(
                _placeholder(slide, 1),
                [spec.body[0].text],
                size=theme.BODY_MIN_PT,
                colour=theme.NAVY,
            )
            box = theme.UNDER_LEAD_BOX
        if spec.table is not None:
            self._draw_table(slide, spec.table, spec.typeset, box)
        self._source(slide, spec)

    def _draw_table(
        self, slide: PptxSlide, table: Table, typeset: Typeset, box: tuple[int, ...]
    ) -> None:
        left, top, width, height = box
        size = typeset.table
        rows = len(table.rows) + 1
        needed = list(typeset.rows) or [size * LINE + 2 * CELL_PAD * 72] * rows
        # rows keep the height their text needs, stretched evenly to fill the box (at most 2x)
        stretch = min(max(height / Pt(sum(needed)), 1.0), 2.0)
        heights = [Pt(h * (stretch if n else 1.0)) for n, h in enumerate(needed)]
        shape = slide.shapes.add_table(
            rows, len(table.header), Emu(left), Emu(top), Emu(width), Emu(sum(heights))
        )
        shape.name = "Table"
        grid = shape.table
        widths = table.widths or _widths(table)
        for i, fraction in enumerate(widths):
            grid.columns[i].width = Emu(round(width * fraction))
        for r, values in enumerate([table.header, *table.rows]):
            grid.rows[r].height = Emu(heights[r])
            for c, value in enumerate(values):
                cell = grid.cell(r, c)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.margin_left = cell.margin_right = Inches(CELL_PAD)
                cell.margin_top = cell.margin_bottom = Inches(CELL_PAD)
                frame = cell.text_frame
                frame.word_wrap = True
                header = r == 0
                colour = theme.LIGHT if header else theme.DARK
                set_lines(
                    frame,
                    value.split("\n"),
                    self.typeface,
                    self.language,
                    size=size,
                    bold=header,
                    colour=colour,
                    gap=CELL_GAP,
                )
                if header:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(theme.NAVY)
                elif r % 2 == 0:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(theme.PAPER)
                else:
                    cell.fill.background()

    def _timeline(self, slide: PptxSlide, spec: Slide) -> None:
        from briefing.story.itinerary import DATE_PT, DETAIL_PT, EVENT_PT, timeline_boxes

        self._header(slide, spec)
        left, top, width, height = theme.BODY_BOX
        boxes = timeline_boxes(len(spec.events))  # the boxes the self-check measured
        line_y = boxes[0].line_y if boxes else top + round(height * 0.38)
        connector = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, Emu(left), Emu(line_y), Emu(left + width), Emu(line_y)
        )
        connector.line.color.rgb = RGBColor.from_string(theme.ACCENTS[0])
        connector.line.width = Pt(3)
        connector.name = "Timeline"
        for i, (event, box) in enumerate(zip(spec.events, boxes, strict=True)):
            dot = slide.shapes.add_shape(
                MSO_SHAPE.OVAL,
                Emu(box.x + Inches(0.1)),
                Emu(line_y - Inches(0.14)),
                Inches(0.28),
                Inches(0.28),
            )
            _fill(dot, theme.ACCENTS[0])
            dot.name = f"Mark {i + 1}"
            date = self._box(slide, box.date, f"Date {i + 1}")
            date.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
            set_lines(
                date.text_frame,
                [event.when],
                self.typeface,
                self.language,
                size=DATE_PT,
                bold=True,
                colour=theme.NAVY,
            )
            body = self._box(slide, box.body, f"Event {i + 1}")
            frame = body.text_frame
            frame.clear()
            add_text(
                frame.paragraphs[0],
                event.title,
                self.typeface,
                self.language,
                size=EVENT_PT,
                colour=theme.DARK,
            )
            layout(frame.paragraphs[0], EVENT_PT, first=True)
            if event.detail:
                paragraph = frame.add_paragraph()
                add_text(
                    paragraph,
                    event.detail,
                    self.typeface,
                    self.language,
                    size=DETAIL_PT,
                    colour=theme.MUTED,
                )
                layout(paragraph, DETAIL_PT)
            finish(frame, self.typeface, self.language)
        self._source(slide, spec)

    def _quote(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        assert spec.quote is not None
        mark = self._box(slide, theme.box(0.75, 1.85, 1.0, 1.2), "Quote mark")
        set_lines(
            mark.text_frame, ["「"], self.typeface, self.language, size=72, colour=theme.ACCENTS[0]
        )
        size = spec.typeset.body
        body = _placeholder(slide, 1)
        if body is not None:
            frame = body.text_frame
            frame.clear()
            add_text(
                frame.paragraphs[0],
                spec.quote.text,
                self.typeface,
                self.language,
                size=size,
                colour=theme.NAVY,
            )
            layout(
                frame.paragraphs[0],
                size,
                first=True,
                justify=True,
                margin_em=(spec.typeset.body_margins or (0.0,))[0],
            )
            finish(frame, self.typeface, self.language)
        if spec.quote.by:
            self._lines(
                _placeholder(slide, 2),
                [f"—— {spec.quote.by}"],
                size=20,
                colour=theme.MUTED,
                align="r",
            )
        self._source(slide, spec)

    def _chart(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        left, top, width, height = theme.VISUAL_BOX
        if spec.derived:
            caption = self._box(
                slide, (left, top + height - Inches(0.4), width, Inches(0.4)), "Derived"
            )
            set_lines(
                caption.text_frame,
                [spec.derived],
                self.typeface,
                self.language,
                size=theme.MIN_PT,
                colour=theme.MUTED,
            )
            height -= Inches(0.45)
        self._visual(slide, spec, (left, top, width, height))
        self._source(slide, spec)

    def _table(self, slide: PptxSlide, spec: Slide) -> None:
        self._comparison(slide, spec)

    def _photos(self, slide: PptxSlide, spec: Slide) -> None:
        from briefing.deck.photos import draw_photos

        self._header(slide, spec)
        draw_photos(self, slide, spec)
        self._source(slide, spec)

    # -- pieces -------------------------------------------------------------------------------
    def _header(self, slide: PptxSlide, spec: Slide) -> None:
        title = _title(slide)
        if title is None:
            raise DeckError("the layout has no title placeholder")
        set_lines(
            title.text_frame,
            [spec.title],
            self.typeface,
            self.language,
            size=theme.TITLE_PT,
            bold=True,
        )
        margin = spec.typeset.title_margin
        for paragraph in title.text_frame.paragraphs:
            layout(paragraph, theme.TITLE_PT, first=True, line=1.15, margin_em=margin)
        title.text_frame.word_wrap = True
        if spec.kicker and spec.typeset.title_lines == 1:
            box = self._box(slide, theme.KICKER_BOX, "Kicker")
            set_lines(
                box.text_frame,
                [spec.kicker],
                self.typeface,
                self.language,
                size=theme.KICKER_PT,
                colour=theme.MUTED,
            )
        if spec.subtitle:
            box = self._box(slide, theme.SUBTITLE_BOX, "Subtitle")
            set_lines(
                box.text_frame,
                [spec.subtitle],
                self.typeface,
                self.language,
                size=theme.SUBTITLE_PT,
                colour=theme.ACCENTS[0],
            )

    def _big_title(
        self, slide: PptxSlide, text: str, size: float, box: tuple[int, ...], margin: float = 0.0
    ) -> None:
        title = _title(slide)
        if title is None:
            raise DeckError("the layout has no title placeholder")
        set_lines(title.text_frame, [text], self.typeface, self.language, size=size, bold=True)
        for paragraph in title.text_frame.paragraphs:
            layout(paragraph, size, first=True, line=1.15, margin_em=margin)
        title.text_frame.word_wrap = True

    def _bullets(
        self,
        shape: Any,
        items: tuple[Bullet, ...],
        size: float,
        margins: tuple[float, ...],
        even: tuple[bool, ...] = (),
        *,
        bullets: bool = True,
    ) -> None:
        """Bullets set as the planner measured them (``even``: which paragraphs justify)."""
        if shape is None:
            return
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        self._fill_bullets(frame, items, size, margins, even, show=bullets)

    def _fill_bullets(
        self,
        frame: Any,
        items: Any,
        size: float,
        margins: tuple[float, ...],
        even: tuple[bool, ...],
        *,
        show: bool,
    ) -> None:
        for i, bullet in enumerate(items):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            own = size if bullet.level == 0 else max(theme.MIN_PT, round(size * 0.85))
            colour = theme.NAVY if bullet.heading else theme.DARK
            add_text(
                paragraph,
                bullet.text,
                self.typeface,
                self.language,
                size=own,
                bold=bullet.heading,
                colour=colour,
            )
            mark = "" if bullet.heading or not show else BULLETS[min(bullet.level, 2)]
            layout(
                paragraph,
                own,
                first=i == 0,
                line=LINE,
                gap=GAP,
                justify=self.language != "en"
                and not bullet.heading
                and (even[i] if i < len(even) else True),
                margin_em=margins[i] if i < len(margins) else 0.0,
                bullet=mark,
                indent_em=INDENT * (bullet.level + 1),
                typeface=self.typeface,
                bullet_colour=theme.ACCENTS[0],
            )
        finish(frame, self.typeface, self.language)

    def _cards(
        self, slide: PptxSlide, cards: tuple[Card, ...], typeset: Typeset, box: tuple[int, ...]
    ) -> None:
        from briefing.story.typeset import grid

        size = typeset.cards
        columns, rows = grid(len(cards))
        if typeset.columns:
            columns, rows = typeset.columns, -(-len(cards) // typeset.columns)
        left, top, width, height = box
        gap = Inches(theme.GAP)
        cell_w = (width - (columns - 1) * gap) // columns
        cell_h = (height - (rows - 1) * gap) // rows
        for i, card in enumerate(cards):
            x = left + (i % columns) * (cell_w + gap)
            y = top + (i // columns) * (cell_h + gap)
            shape = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Emu(x), Emu(y), Emu(cell_w), Emu(cell_h)
            )
            shape.name = f"Card {i + 1}"
            _fill(shape, theme.PAPER)
            bar = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Emu(x), Emu(y), Inches(CARD_BAR), Emu(cell_h)
            )
            bar.name = f"Card {i + 1} accent"
            _fill(bar, theme.ACCENTS[0])
            frame = shape.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.TOP if card.text or card.tag else MSO_ANCHOR.MIDDLE
            pad = Inches(CARD_PAD)
            frame.margin_left = pad + Inches(CARD_BAR)
            frame.margin_right = frame.margin_top = frame.margin_bottom = pad
            margins, heads = typeset.card_margins, typeset.heading_margins
            margin = margins[i] if i < len(margins) else 0.0
            even = typeset.card_even[i] if i < len(typeset.card_even) else None
            head = heads[i] if i < len(heads) else 0.0
            self._card_text(frame, card, size, margin, head, even=even)

    def _card_text(
        self,
        frame: Any,
        card: Card,
        size: float,
        margin_em: float = 0.0,
        head_em: float = 0.0,
        *,
        even: bool | None = None,
    ) -> None:
        frame.clear()
        heading = frame.paragraphs[0]
        if card.number:
            add_text(
                heading,
                f"{card.number}　",
                self.typeface,
                self.language,
                size=size * 1.1,
                bold=True,
                colour=theme.ACCENTS[0],
            )
        add_text(
            heading,
            card.heading,
            self.typeface,
            self.language,
            size=size * 1.1,
            bold=True,
            colour=theme.NAVY,
        )
        layout(heading, size * 1.1, first=True, align="l", margin_em=head_em)
        if card.text:
            paragraph = frame.add_paragraph()
            add_text(
                paragraph, card.text, self.typeface, self.language, size=size, colour=theme.DARK
            )
            planned = justifiable(card.text) if even is None else even
            layout(paragraph, size, justify=self.language != "en" and planned, margin_em=margin_em)
        if card.tag:
            paragraph = frame.add_paragraph()
            add_text(
                paragraph,
                card.tag,
                self.typeface,
                self.language,
                size=theme.MIN_PT,
                colour=theme.ACCENTS[1],
            )
            layout(paragraph, theme.MIN_PT, gap=GAP * size / theme.MIN_PT)
        finish(frame, self.typeface, self.language)

    def _tiles(self, slide: PptxSlide, spec: Slide) -> None:
        tiles = spec.key_figures
        left, top, width, height = theme.FIGURES_BOX if spec.body else theme.BODY_BOX
        gap = Inches(theme.GAP)
        n = max(len(tiles), 1)
        cell = (width - (n - 1) * gap) // n
        size = spec.typeset.figure  # the figure size the planner chose
        for i, tile in enumerate(tiles):
            x = left + i * (cell + gap)
            shape = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Emu(x), Emu(top), Emu(cell), Emu(height)
            )
            shape.name = f"Key figure {i + 1}"
            _fill(shape, theme.PAPER)
            bar = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Emu(x), Emu(top), Emu(cell), Inches(0.08)
            )
            bar.name = f"Key figure {i + 1} accent"
            _fill(bar, theme.ACCENTS[i % 3])
            frame = shape.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame.margin_left = frame.margin_right = Inches(CARD_PAD)
            frame.clear()
            number = frame.paragraphs[0]
            if tile.qualifier:  # the report's hedge, at the unit's size: 超過 1萬5,000 人
                add_text(
                    number,
                    tile.qualifier,
                    self.typeface,
                    self.language,
                    size=max(theme.MIN_PT, round(size * 0.5)),
                    bold=True,
                    colour=theme.ACCENTS[i % 3],
                )
            add_text(
                number,
                tile.value,
                self.typeface,
                self.language,
                size=size,
                bold=True,
                colour=theme.ACCENTS[i % 3],
            )
            if tile.unit:
                add_text(
                    number,
                    tile.unit,
                    self.typeface,
                    self.language,
                    size=max(theme.MIN_PT, round(size * 0.5)),
                    bold=True,
                    colour=theme.ACCENTS[i % 3],
                )
            layout(number, size, first=True, line=1.1, align="ctr")
            label = frame.add_paragraph()
            add_text(label, tile.label, self.typeface, self.language, size=18, colour=theme.DARK)
            layout(label, 18, gap=0.3, align="ctr")
            if tile.note:
                note = frame.add_paragraph()
                add_text(
                    note,
                    tile.note,
                    self.typeface,
                    self.language,
                    size=theme.MIN_PT,
                    colour=theme.MUTED,
                )
                layout(note, theme.MIN_PT, gap=0.2, align="ctr")
            finish(frame, self.typeface, self.language)

    def _visual(self, slide: PptxSlide, spec: Slide, box: tuple[int, ...]) -> None:
        visual = self.visuals.get(spec.chart or "")
        if visual is None:
            raise DeckError(f"no drawing for chart {spec.chart!r}")
        left, top, width, height = box
        if visual.native is not None:
            from briefing.deck.native_chart import add_native_chart

            add_native_chart(
                slide.shapes,
                visual.native,
                left,
                top,
                width,
                height,
                typeface=self.typeface,
                title=False,
            )
            return
        picture = slide.shapes.add_picture(
            io.BytesIO(visual.png or b""), Emu(left), Emu(top), Emu(width), Emu(height)
        )
        picture.name = f"Chart {spec.chart}"
        c_nv_pr = picture._element.nvPicPr.cNvPr
        c_nv_pr.set("descr", visual.alt_text)
        c_nv_pr.set("title", spec.title)

    def _logo(self, slide: PptxSlide, path: Path) -> None:
        from briefing.deck.logo import logo_png

        png, (w, h) = logo_png(path)
        left, top, width, height = theme.LOGO_BOX
        scale = min(width / w, height / h)
        size = (round(w * scale), round(h * scale))
        picture = slide.shapes.add_picture(
            io.BytesIO(png), Emu(left + width - size[0]), Emu(top), Emu(size[0]), Emu(size[1])
        )
        picture.name = "Agency logo"
        picture._element.nvPicPr.cNvPr.set("descr", self.plan.meta.agency or "logo")

    def _box(self, slide: PptxSlide, box: tuple[int, ...], name: str) -> Any:
        shape = slide.shapes.add_textbox(*(Emu(v) for v in box))
        shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        return shape

    def _lines(
        self, shape: Any, lines: list[str], *, size: float, colour: str, align: str = ""
    ) -> None:
        if shape is None or not any(lines):
            return
        set_lines(shape.text_frame, lines, self.typeface, self.language, size=size, colour=colour)
        for paragraph in shape.text_frame.paragraphs:
            layout(paragraph, size, first=True, align=align)

    def _source(self, slide: PptxSlide, spec: Slide) -> None:
        if not spec.source:
            return
        box = self._box(slide, theme.FOOTER_BOX, "Source")
        box.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        self._lines(box, [spec.source], size=theme.SOURCE_PT, colour=theme.MUTED, align="l")

    def _notes(self, slide: PptxSlide, spec: Slide) -> None:
        if not spec.notes:
            return
        frame = slide.notes_slide.notes_text_frame
        set_lines(frame, spec.notes.split("\n"), self.typeface, self.language)

    def _slide_number(self, slide: PptxSlide, number: int) -> None:
        layout = slide.slide_layout
        if layout.part not in self._number_ph:  # looked up once per layout, not per slide
            self._number_ph[layout.part] = next(
                (
                    ph
                    for ph in layout.placeholders
                    if ph.placeholder_format.type is not None
                    and "SLIDE_NUMBER" in str(ph.placeholder_format.type)
                ),
                None,
            )
        layout_ph = self._number_ph[layout.part]
        if layout_ph is None:
            return
        ids = [int(x) for x in slide.shapes._spTree.xpath("//p:cNvPr/@id")] or [1]
        field_id = (
            "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"briefing/slidenum/{number}")).upper() + "}"
        )
        xml = (
            f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<p:nvSpPr><p:cNvPr id="{max(ids) + 1}" name="Slide Number {number}"/>'
            f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph type="sldNum" sz="quarter" idx="{layout_ph.placeholder_format.idx}"/>'
            f"</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"
            f'<a:p><a:pPr algn="r"/><a:fld id="{field_id}" type="slidenum"><a:rPr sz="1600"/>'
            f'<a:t>{number}</a:t></a:fld><a:endParaRPr sz="1600"/></a:p></p:txBody></p:sp>'
        )
        element = etree.fromstring(xml)
        for rpr in element.iter(qn("a:rPr"), qn("a:endParaRPr")):
            name_run(rpr, self.typeface)
        slide.shapes._spTree.append(element)


def _widths(table: Table) -> tuple[float, ...]:
    """Column widths by how much text each column holds (at least a sixth each)."""
    weight = [
        max(6, max(len(row[c]) for row in (table.header, *table.rows)))
        for c in range(len(table.header))
    ]
    total = sum(min(w, 60) for w in weight)
    return tuple(min(w, 60) / total for w in weight)


def _fill(shape: Any, colour: str) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(colour)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _placeholder(slide: PptxSlide, idx: int) -> Any:
    """The slide's placeholder ``idx``."""
    return _find_placeholder(slide, lambda ph: int(ph.get("idx", "0")) == idx)


def _title(slide: PptxSlide) -> Any:
    """The slide's title placeholder (``title`` or ``ctrTitle``)."""
    return _find_placeholder(slide, lambda ph: ph.get("type") in ("title", "ctrTitle"))


def _find_placeholder(slide: PptxSlide, wanted: Any) -> Any:
    """The first placeholder whose ``p:ph`` is ``wanted``, found with lxml (python-pptx builds a
    proxy and reads the format of every placeholder on the way), or None."""
    shapes = slide.shapes
    for sp in shapes._spTree.iterchildren(qn("p:sp")):
        ph = sp.find(_PH_PATH)
        if ph is not None and wanted(ph):
            return shapes._shape_factory(sp)
    return None


def _remove(shape: Any) -> None:
    if shape is not None:
        shape._element.getparent().remove(shape._element)


def _drop_empty_placeholders(slide: PptxSlide) -> None:
    # Read with lxml: python-pptx's placeholder proxies cost 0.6 ms a slide to look at.
    tree = slide.shapes._spTree
    for sp in list(tree.iterchildren(qn("p:sp"))):
        if sp.find(_PH_PATH) is None:
            continue
        if not "".join(t.text or "" for t in sp.iter(qn("a:t"))).strip():
            tree.remove(sp)


_PH_PATH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
