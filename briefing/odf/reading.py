"""The finished .pptx read into :mod:`briefing.odf.model`: the shapes python-pptx wrote, with
what they inherit from their layout and master resolved (a placeholder's position, its text
size, colour and insets), so the .odp shows the same slides as the .pptx without an office suite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from briefing.odf.model import Body, Cell, Deck, Layout, Shape, Slide, Table
from briefing.odf.package_reader import NS, Colours, Package, q
from briefing.odf.text_reading import TextReader

if TYPE_CHECKING:
    from collections.abc import Mapping

#: The ODF presentation class of a .pptx placeholder type (None: no type, a body/object).
PLACEHOLDER_CLASS = {
    "title": "title",
    "ctrTitle": "title",
    "subTitle": "subtitle",
    "body": "outline",
    None: "outline",
    "obj": "outline",
    "sldNum": "page-number",
    "dt": "date-time",
    "ftr": "footer",
}
_TITLE_TYPES = ("title", "ctrTitle")
_BODY_TYPES = ("body", "subTitle", "obj", None)
_SHAPES = ("sp", "pic", "graphicFrame", "cxnSp", "grpSp")


def read_deck(data: bytes, charts: Mapping[str, bytes] | None = None) -> Deck:
    """The slides of the .pptx ``data``, resolved. ``charts`` maps a native chart's shape name
    to the picture of the chart to show instead (ODF has charts, but not PowerPoint's)."""
    package = Package(data)
    size = package.xml("ppt/presentation.xml").find("p:sldSz", NS)
    deck = Deck(int(size.get("cx", "12192000")), int(size.get("cy", "6858000")))
    for name in package.slides():
        layout_name = package.related(name, "slideLayout") or ""
        reader = _SlideReader(package, name, layout_name, deck, charts or {})
        deck.slides.append(reader.slide())
        if layout_name not in deck.layouts:  # by part: two layouts may share a name
            deck.layouts[layout_name] = reader.layout()
    return deck


class _SlideReader:
    """One slide with its layout and master."""

    def __init__(
        self, package: Package, name: str, layout: str, deck: Deck, charts: Mapping[str, bytes]
    ) -> None:
        self.package, self.name, self.deck, self.charts = package, name, deck, charts
        self.layout_part = layout
        self.master_part = package.related(layout, "slideMaster") or ""
        self.slide_xml = package.xml(name)
        self.layout_xml = package.xml(layout)
        self.master_xml = package.xml(self.master_part)
        theme = package.xml(package.related(self.master_part, "theme") or "")
        self.colours = Colours(theme, self.master_xml.find("p:clrMap", NS))
        self.text = TextReader(self.colours)
        self.layout_title = self.layout_xml.find("p:cSld", NS).get("name") or "Layout"

    # -- slides and layouts --------------------------------------------------------------------
    def slide(self) -> Slide:
        shapes = tuple(self._shapes(self.slide_xml, self.name, placeholders=True))
        notes = None
        notes_part = self.package.related(self.name, "notesSlide")
        if notes_part is not None:
            notes = self._notes(self.package.xml(notes_part))
        return Slide(self.layout_part, shapes, notes, self._background(self.slide_xml))

    def layout(self) -> Layout:
        shapes: list[Shape] = []
        if self.layout_xml.get("showMasterSp", "1") not in ("0", "false"):
            shapes += self._shapes(self.master_xml, self.master_part, placeholders=False)
        shapes += self._shapes(self.layout_xml, self.layout_part, placeholders=False)
        shapes += self._placeholders()
        background = self._background(self.layout_xml) or self._background(self.master_xml)
        return Layout(self.layout_title, tuple(shapes), background)

    def _placeholders(self) -> list[Shape]:
        """The layout's title and text placeholders, as empty placeholder frames of its master
        page (where a slide added in LibreOffice puts its title and text)."""
        found = []
        for sp in self.layout_xml.iterfind("p:cSld/p:spTree/p:sp", NS):
            ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
            kind = ph.get("type") if ph is not None else "none"
            if kind not in (*_TITLE_TYPES, *_BODY_TYPES):
                continue
            master = _find_placeholder(self.master_xml, _master_type(kind), None)
            box = self._box(sp, [master] if master is not None else [])
            if box is not None:
                name = sp.find("p:nvSpPr/p:cNvPr", NS).get("name", "")
                found.append(Shape("placeholder", name, box, placeholder=PLACEHOLDER_CLASS[kind]))
        return found

    def _background(self, root: etree._Element) -> str | None:
        bg = root.find("p:cSld/p:bg", NS)
        if bg is None:
            return None
        fill = bg.find("p:bgPr/a:solidFill", NS)
        if fill is not None:
            return self.colours.of(fill)
        ref = bg.find("p:bgRef", NS)
        return self.colours.of(ref) if ref is not None else None

    def _shapes(self, root: etree._Element, part: str, *, placeholders: bool) -> list[Shape]:
        tree = root.find("p:cSld/p:spTree", NS)
        found: list[Shape] = []
        for element in tree.iter(*(q(f"p:{tag}") for tag in _SHAPES)):
            ph = element.find("./*/p:nvPr/p:ph", NS)
            if ph is not None and not placeholders:
                continue  # placeholders of a layout or master are not drawn on slides
            shape = self._shape(element, part, ph)
            if shape is not None:
                found.append(shape)
        return found

    def _notes(self, notes: etree._Element) -> Body | None:
        for sp in notes.iterfind("p:cSld/p:spTree/p:sp", NS):
            ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph is not None and ph.get("type") == "body":
                return self.text.body(sp.find("p:txBody", NS), [], default_size=12.0, style=None)
        return None

    # -- one shape -----------------------------------------------------------------------------
    def _shape(self, el: etree._Element, part: str, ph: etree._Element | None) -> Shape | None:
        tag = etree.QName(el).localname
        if tag == "grpSp":
            return None  # python-pptx groups are not used by the deck writer; children iterate
        inherited = self._inherited(ph) if ph is not None else []
        box = self._box(el, inherited)
        if box is None and el.find("p:txBody", NS) is None:
            return None
        box = box or (0, 0, self.deck.width, self.deck.height)  # text is never dropped
        names = el.find("./*/p:cNvPr", NS)
        name = names.get("name", "") if names is not None else ""
        if tag == "pic":
            return self._picture(el, part, box, names)
        if tag == "graphicFrame":
            table = el.find(".//a:tbl", NS)
            if table is not None:
                return Shape("table", name, box, table=self._table(table))
            if name not in self.charts:
                return None
            target = f"ppt/media/{name.replace(' ', '-')}.png"
            self.deck.images[target] = self.charts[name]
            title, descr = names.get("title", ""), names.get("descr", "")
            return Shape("picture", name, box, image=target, title=title, description=descr)
        return self._sp(el, tag, name, box, ph, inherited)

    def _inherited(self, ph: etree._Element) -> list[etree._Element]:
        """The layout's and then the master's placeholder a slide placeholder inherits from."""
        kind, idx = ph.get("type"), ph.get("idx")
        found = []
        layout_ph = _find_placeholder(self.layout_xml, kind, idx)
        if layout_ph is not None:
            found.append(layout_ph)
            lph = layout_ph.find("p:nvSpPr/p:nvPr/p:ph", NS)
            kind = lph.get("type", kind) if lph is not None else kind
        master_ph = _find_placeholder(self.master_xml, _master_type(kind), None)
        if master_ph is not None:
            found.append(master_ph)
        return found

    def _box(
        self, el: etree._Element, inherited: list[etree._Element]
    ) -> tuple[int, int, int, int] | None:
        for source in (el, *inherited):
            xfrm = source.find("p:spPr/a:xfrm", NS)
            if xfrm is None:
                xfrm = source.find("p:xfrm", NS)
            if xfrm is not None and xfrm.find("a:off", NS) is not None:
                off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
                return (
                    int(off.get("x", "0")),
                    int(off.get("y", "0")),
                    int(ext.get("cx", "0")),
                    int(ext.get("cy", "0")),
                )
        return None

    def _picture(
        self, el: etree._Element, part: str, box: tuple[int, int, int, int], names: etree._Element
    ) -> Shape | None:
        blip = el.find("p:blipFill/a:blip", NS)
        rid = blip.get(q("r:embed")) if blip is not None else None
        target = self.package.rels(part).get(rid or "", ("", ""))[1]
        if not target:
            return None
        self.deck.images.setdefault(target, self.package.blob(target))
        return Shape(
            "picture",
            names.get("name", ""),
            box,
            image=target,
            title=names.get("title", ""),
            description=names.get("descr", ""),
        )

    def _sp(
        self,
        el: etree._Element,
        tag: str,
        name: str,
        box: tuple[int, int, int, int],
        ph: etree._Element | None,
        inherited: list[etree._Element],
    ) -> Shape:
        sp_pr = el.find("p:spPr", NS)
        geometry = sp_pr.find("a:prstGeom", NS) if sp_pr is not None else None
        preset = geometry.get("prst", "rect") if geometry is not None else "rect"
        style = el.find("p:style", NS)
        fill = self._fill(sp_pr, style)
        line, width = self._line(sp_pr, style)
        xfrm = sp_pr.find("a:xfrm", NS) if sp_pr is not None else None
        flip = (
            (xfrm.get("flipH") == "1", xfrm.get("flipV") == "1")
            if xfrm is not None
            else (False,) * 2
        )
        if tag == "cxnSp" or preset in ("line", "straightConnector1"):
            return Shape("line", name, box, line=line or fill, line_width=width, flip=flip)
        body = None
        text = el.find("p:txBody", NS)
        if text is not None:
            chain = self._text_chain(ph, inherited)
            body = self.text.body(text, chain, style=style, inherited=inherited)
        kind = "ellipse" if preset == "ellipse" else "rect"
        if ph is not None or (fill is None and line is None):
            kind = "text" if body is not None and kind == "rect" else kind
        placeholder = PLACEHOLDER_CLASS.get(ph.get("type")) if ph is not None else None
        return Shape(kind, name, box, fill, line, width, flip, body, placeholder)

    def _fill(self, sp_pr: etree._Element | None, style: etree._Element | None) -> str | None:
        if sp_pr is not None:
            if sp_pr.find("a:noFill", NS) is not None:
                return None
            solid = sp_pr.find("a:solidFill", NS)
            if solid is not None:
                return self.colours.of(solid)
        ref = style.find("a:fillRef", NS) if style is not None else None
        if ref is not None and ref.get("idx", "0") != "0":
            return self.colours.of(ref)
        return None

    def _line(
        self, sp_pr: etree._Element | None, style: etree._Element | None
    ) -> tuple[str | None, int]:
        ln = sp_pr.find("a:ln", NS) if sp_pr is not None else None
        width = int(ln.get("w", "12700")) if ln is not None else 12700
        if ln is not None and ln.find("a:noFill", NS) is not None:
            return None, 0
        if ln is not None and ln.find("a:solidFill", NS) is not None:
            return self.colours.of(ln.find("a:solidFill", NS)), width
        ref = style.find("a:lnRef", NS) if style is not None else None
        if ref is not None and ref.get("idx", "0") != "0":
            return self.colours.of(ref), width
        return None, 0

    # -- tables --------------------------------------------------------------------------------
    def _table(self, tbl: etree._Element) -> Table:
        columns = tuple(int(c.get("w", "0")) for c in tbl.iterfind("a:tblGrid/a:gridCol", NS))
        rows = []
        for tr in tbl.iterfind("a:tr", NS):
            cells = []
            for tc in tr.iterfind("a:tc", NS):
                tc_pr = tc.find("a:tcPr", NS)
                body = self.text.body(tc.find("a:txBody", NS), [], cell=tc_pr, style=None)
                fill = None
                if tc_pr is not None and tc_pr.find("a:solidFill", NS) is not None:
                    fill = self.colours.of(tc_pr.find("a:solidFill", NS))
                merged = tc.get("hMerge") == "1" or tc.get("vMerge") == "1"
                cells.append(Cell(body, fill, int(tc.get("gridSpan", "1")), merged))
            rows.append((int(tr.get("h", "0")), tuple(cells)))
        return Table(columns, tuple(rows))

    # -- text ----------------------------------------------------------------------------------
    def _text_chain(
        self, ph: etree._Element | None, inherited: list[etree._Element]
    ) -> list[etree._Element]:
        """The list styles a shape's paragraphs inherit from, nearest first."""
        chain = [s.find("p:txBody/a:lstStyle", NS) for s in inherited]
        styles = self.master_xml.find("p:txStyles", NS)
        if ph is None:
            chain.append(self.package.xml("ppt/presentation.xml").find("p:defaultTextStyle", NS))
        elif styles is not None:
            kind = ph.get("type")
            which = (
                "titleStyle"
                if kind in _TITLE_TYPES
                else "bodyStyle"
                if kind in _BODY_TYPES
                else "otherStyle"
            )
            chain.append(styles.find(f"p:{which}", NS))
        return [c for c in chain if c is not None]


def _find_placeholder(
    root: etree._Element, kind: str | None, idx: str | None
) -> etree._Element | None:
    """The placeholder shape of ``root`` with this idx (when given) or else this type."""
    candidates = []
    for sp in root.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None:
            candidates.append((sp, ph))
    if kind in _TITLE_TYPES or idx is None:
        for sp, ph in candidates:
            if ph.get("type") == kind or (kind is None and ph.get("type") in (None, "body")):
                return sp
    for sp, ph in candidates:
        if idx is not None and ph.get("idx") == idx:
            return sp
    return None


def _master_type(kind: str | None) -> str:
    if kind in _TITLE_TYPES:
        return "title"
    return "body" if kind in _BODY_TYPES else kind or "body"
