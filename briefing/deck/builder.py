"""Write a :class:`~briefing.story.plan.DeckPlan` into a python-pptx Presentation on the master.

Every slide uses a layout picked by name, keeps real title placeholders, carries speaker notes
and names the deck's font on every run. Charts arrive ready-made (a PNG or native chart data)
from :mod:`briefing.api`; this module only places them.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

from briefing import theme
from briefing.deck.package import index_package
from briefing.deck.text import add_text, finish, name_run, set_lines
from briefing.errors import DeckError
from briefing.story import textfit

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationT
    from pptx.slide import Slide as PptxSlide

    from briefing.story.plan import DeckPlan, Slide, Table, Visual

MASTER = Path(__file__).resolve().parents[2] / "templates" / "master.pptx"


def build_presentation(
    plan: DeckPlan, visuals: dict[str, Visual], typeface: str, master: Path = MASTER
) -> PresentationT:
    """A Presentation holding every slide of ``plan`` (fonts are embedded afterwards)."""
    try:
        prs = Presentation(str(master))
    except Exception as exc:  # python-pptx raises several types for a bad package
        raise DeckError(f"cannot open the master template: {exc}", file=master) from None
    index_package(prs)  # slides and notes added in constant time (see deck/package.py)
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    writer = _SlideWriter(prs, typeface, visuals)
    for number, spec in enumerate(plan.slides, start=1):
        if spec.layout not in layouts:
            raise DeckError(
                f"the master has no layout named {spec.layout!r} (it has: {', '.join(layouts)})",
                file=master,
            )
        writer.write(prs.slides.add_slide(layouts[spec.layout]), spec, number)
    return prs


class _SlideWriter:
    def __init__(self, prs: PresentationT, typeface: str, visuals: dict[str, Visual]) -> None:
        self.prs, self.typeface, self.visuals = prs, typeface, visuals
        self._number_ph: dict[object, Any] = {}  # layout part -> its slide-number placeholder

    def write(self, slide: PptxSlide, spec: Slide, number: int) -> None:
        getattr(self, f"_{spec.kind}", self._content)(slide, spec)
        self._notes(slide, spec)
        if spec.kind not in ("cover", "closing"):
            self._slide_number(slide, number)
        _drop_empty_placeholders(slide)

    # -- kinds --------------------------------------------------------------------------------
    def _cover(self, slide: PptxSlide, spec: Slide) -> None:
        self._title(slide, spec.title, sizes=(40, 36, 32, 28))
        self._placeholder_lines(slide, 1, [spec.subtitle], size=24, colour=theme.ACCENTS[0])
        lines = [b.text for b in spec.body]
        box = slide.shapes.add_textbox(Inches(0.9), Inches(4.55), Inches(11.5), Inches(2.0))
        box.name = "Cover details"
        set_lines(box.text_frame, lines, self.typeface, size=20, colour=theme.DARK)
        box.text_frame.word_wrap = True

    def _closing(self, slide: PptxSlide, spec: Slide) -> None:
        self._title(slide, spec.title, sizes=(40, 36))
        self._placeholder_lines(slide, 1, [spec.subtitle], size=24, colour=theme.MUTED)

    def _divider(self, slide: PptxSlide, spec: Slide) -> None:
        self._title(slide, spec.title, sizes=(40, 36, 32, 28))
        if spec.subtitle:
            self._placeholder_lines(slide, 1, [spec.subtitle], size=20, colour=theme.MUTED)

    def _content(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        body = _placeholder(slide, 1)
        if body is None:
            raise DeckError(f"layout {spec.layout!r} has no body placeholder")
        size = textfit.fit_size(spec.body, theme.BODY_BOX) or 18
        frame = body.text_frame
        frame.clear()
        for i, bullet in enumerate(spec.body):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.level = bullet.level
            add_text(
                paragraph,
                bullet.text,
                self.typeface,
                size=size if bullet.level == 0 else max(16, round(size * 0.85)),
            )
        finish(frame, self.typeface)
        _autofit(frame)
        self._source(slide, spec)

    _agenda = _content
    _initiative = _content
    _sources = _content

    def _chart(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        visual = self.visuals.get(spec.chart or "")
        if visual is None:
            raise DeckError(f"no drawing for chart {spec.chart!r}")
        left, top, width, height = theme.VISUAL_BOX
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
        else:
            import io

            picture = slide.shapes.add_picture(
                io.BytesIO(visual.png or b""), Emu(left), Emu(top), Emu(width), Emu(height)
            )
            picture.name = f"Chart {spec.chart}"
            c_nv_pr = picture._element.nvPicPr.cNvPr
            c_nv_pr.set("descr", visual.alt_text)
            c_nv_pr.set("title", spec.title)
        self._source(slide, spec)

    def _table(self, slide: PptxSlide, spec: Slide) -> None:
        self._header(slide, spec)
        assert spec.table is not None
        _write_table(slide, spec.table, self.typeface)
        self._source(slide, spec)

    # -- pieces -------------------------------------------------------------------------------
    def _header(self, slide: PptxSlide, spec: Slide) -> None:
        self._title(slide, spec.title)
        if spec.subtitle:
            box = slide.shapes.add_textbox(*(Emu(v) for v in theme.KICKER_BOX))
            box.name = "Kicker"
            frame = box.text_frame
            frame.word_wrap = True
            set_lines(frame, [spec.subtitle], self.typeface, size=16, colour=theme.MUTED)

    def _title(
        self, slide: PptxSlide, text: str, sizes: tuple[int, ...] = (36, 32, 28, 24)
    ) -> None:
        title = slide.shapes.title
        if title is None:
            raise DeckError("the layout has no title placeholder")
        box = (title.left, title.top, title.width, title.height)
        set_lines(
            title.text_frame,
            [text],
            self.typeface,
            size=textfit.title_size(text, box, sizes),
            bold=True,
        )
        title.text_frame.word_wrap = True

    def _placeholder_lines(
        self, slide: PptxSlide, idx: int, lines: list[str], **style: Any
    ) -> None:
        shape = _placeholder(slide, idx)
        if shape is not None and any(lines):
            set_lines(shape.text_frame, lines, self.typeface, **style)

    def _source(self, slide: PptxSlide, spec: Slide) -> None:
        if not spec.source:
            return
        box = slide.shapes.add_textbox(*(Emu(v) for v in theme.FOOTER_BOX))
        box.name = "Source"
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        set_lines(frame, [spec.source], self.typeface, size=theme.SOURCE_PT, colour=theme.MUTED)

    def _notes(self, slide: PptxSlide, spec: Slide) -> None:
        if not spec.notes:
            return
        frame = slide.notes_slide.notes_text_frame
        set_lines(frame, spec.notes.split("\n"), self.typeface)

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


def _write_table(slide: PptxSlide, table: Table, typeface: str) -> None:
    left, top, width, _ = theme.VISUAL_BOX
    rows = len(table.rows) + 1
    row_height = Inches(0.7)
    shape = slide.shapes.add_table(
        rows, len(table.header), Emu(left), Emu(top), Emu(width), Emu(row_height * rows)
    )
    shape.name = "Table"
    grid = shape.table
    widths = table.widths or tuple(1 / len(table.header) for _ in table.header)
    for i, fraction in enumerate(widths):
        grid.columns[i].width = Emu(round(width * fraction))
    for r, values in enumerate([table.header, *table.rows]):
        grid.rows[r].height = Emu(row_height)
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = Inches(0.08)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            frame = cell.text_frame
            frame.word_wrap = True
            set_lines(
                frame,
                [value],
                typeface,
                size=16,
                bold=r == 0,
                colour=theme.LIGHT if r == 0 else theme.DARK,
            )
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(theme.NAVY)
            for paragraph in frame.paragraphs:
                paragraph.alignment = PP_ALIGN.LEFT


def _placeholder(slide: PptxSlide, idx: int) -> Any:
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == idx:
            return shape
    return None


def _autofit(frame: Any) -> None:
    """Ask PowerPoint to shrink text that a user later makes longer."""
    body_pr = frame._txBody.find(qn("a:bodyPr"))
    for old in body_pr:
        if old.tag in (qn("a:noAutofit"), qn("a:spAutoFit"), qn("a:normAutofit")):
            body_pr.remove(old)
    etree.SubElement(body_pr, qn("a:normAutofit"))


def _drop_empty_placeholders(slide: PptxSlide) -> None:
    # Read with lxml: python-pptx's placeholder proxies cost 0.6 ms a slide to look at.
    tree = slide.shapes._spTree
    for sp in list(tree.iterchildren(qn("p:sp"))):
        if sp.find(_PH_PATH) is None:
            continue
        if not "".join(t.text or "" for t in sp.iter(qn("a:t"))).strip():
            tree.remove(sp)


_PH_PATH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
