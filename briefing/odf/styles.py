"""ODF names and the automatic styles of one XML document (content.xml or styles.xml).

Styles are made on demand from what a shape, paragraph or run needs and shared when two need
the same, as LibreOffice writes them (``gr1``, ``P1``, ``T1`` …); the styles of styles.xml
(master pages) get an ``M`` prefix so the two documents never share a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from briefing.odf.model import Bullet, Paragraph, Run

ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "smil": "urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0",
    "anim": "urn:oasis:names:tc:opendocument:xmlns:animation:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    # LibreOffice's extension namespace: a table cell's fill (see Styles.cell)
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
EMU_PER_CM = 360000
#: Han text is zh-TW and Latin text en-US, as the .pptx's runs say (``lang``/``altLang``).
#: A zh Western language makes LibreOffice break Latin words anywhere (Singap|ore).
LANGUAGES = {
    "fo:language": "en",
    "fo:country": "US",
    "style:language-asian": "zh",
    "style:country-asian": "TW",
}


def n(name: str) -> str:
    """``draw:frame`` as lxml's ``{uri}frame``."""
    prefix, local = name.split(":")
    return f"{{{ODF[prefix]}}}{local}"


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """An ODF element with prefixed attribute names."""
    element = etree.Element(n(tag), {n(k): v for k, v in (attrs or {}).items()}, nsmap=None)
    element.extend(children)
    return element


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    element = el(tag, attrs)
    parent.append(element)
    return element


def cm(emu: int) -> str:
    """An EMU length in centimetres, as ODF writes lengths."""
    return f"{emu / EMU_PER_CM:.4f}cm"


def pt(points: float) -> str:
    return f"{points:g}pt"


_ALIGN = {"l": "start", "ctr": "center", "r": "end", "just": "justify", "dist": "justify"}
_ANCHOR = {"t": "top", "ctr": "middle", "b": "bottom"}


class Styles:
    """The automatic styles of one document, shared where equal."""

    def __init__(self, font: str, prefix: str = "") -> None:
        self.font, self.prefix = font, prefix
        self.root = el("office:automatic-styles")
        self._known: dict[tuple[object, ...], str] = {}
        self._counts: dict[str, int] = {}

    def _name(self, kind: str) -> str:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        return f"{self.prefix}{kind}{self._counts[kind]}"

    def _style(self, key: tuple[object, ...], kind: str, family: str) -> tuple[str, bool]:
        """The name for ``key``; True when the style must still be filled in."""
        if key in self._known:
            return self._known[key], False
        name = self._name(kind)
        self._known[key] = name
        return name, True

    def _new(self, name: str, family: str) -> etree._Element:
        return sub(self.root, "style:style", {"style:name": name, "style:family": family})

    # -- pages and shapes ------------------------------------------------------------------------
    def page(self, background: str | None) -> str:
        name, new = self._style(("page", background), "dp", "drawing-page")
        if new:
            props = {"draw:fill": "solid", "draw:fill-color": background} if background else {}
            props |= {"presentation:display-page-number": "false"} if not self.prefix else {}
            sub(self._new(name, "drawing-page"), "style:drawing-page-properties", props)
        return name

    def graphic(
        self,
        fill: str | None,
        line: str | None,
        width: int,
        insets: tuple[int, int, int, int] = (0, 0, 0, 0),
        anchor: str = "t",
        wrap: bool = True,
    ) -> str:
        key = ("graphic", fill, line, width, insets, anchor, wrap)
        name, new = self._style(key, "gr", "graphic")
        if new:
            props = {
                "draw:fill": "solid" if fill else "none",
                "draw:stroke": "solid" if line else "none",
                "draw:textarea-vertical-align": _ANCHOR.get(anchor, "top"),
                "draw:textarea-horizontal-align": "justify",
                "draw:auto-grow-height": "false",
                "draw:auto-grow-width": "false",
                "fo:wrap-option": "wrap" if wrap else "no-wrap",
                "fo:padding-left": cm(insets[0]),
                "fo:padding-top": cm(insets[1]),
                "fo:padding-right": cm(insets[2]),
                "fo:padding-bottom": cm(insets[3]),
                "draw:shadow": "hidden",
            }
            if fill:
                props["draw:fill-color"] = fill
            if line:
                props |= {"svg:stroke-color": line, "svg:stroke-width": cm(width)}
            sub(self._new(name, "graphic"), "style:graphic-properties", props)
        return name

    def image(self) -> str:
        name, new = self._style(("image",), "gr", "graphic")
        if new:
            props = {"draw:fill": "none", "draw:stroke": "none", "draw:shadow": "hidden"}
            sub(self._new(name, "graphic"), "style:graphic-properties", props)
        return name

    # -- text --------------------------------------------------------------------------------------
    def paragraph(self, para: Paragraph) -> str:
        """A paragraph's style; a bulleted one's indents are its list style's (as LibreOffice
        writes them: the label's width and the space before it)."""
        margin, indent = (0, 0) if para.bullet is not None else (para.margin_left, para.indent)
        key = (
            "paragraph",
            para.align,
            margin,
            indent,
            para.line_points,
            para.line_percent,
            para.before,
            para.after,
            para.end_size,
        )
        name, new = self._style(key, "P", "paragraph")
        if not new:
            return name
        props = {
            "fo:text-align": _ALIGN.get(para.align, "start"),
            "fo:margin-left": cm(margin),
            "fo:margin-right": "0cm",
            "fo:text-indent": cm(indent),
            "fo:margin-top": pt(para.before),
            "fo:margin-bottom": pt(para.after),
            "style:text-autospace": "none",  # PowerPoint adds no space between Han and Latin
            "style:punctuation-wrap": "hanging",
            "style:line-break": "strict",
        }
        if para.line_points:
            props["fo:line-height"] = pt(para.line_points)
        elif para.line_percent:
            props["fo:line-height"] = f"{para.line_percent:g}%"
        style = self._new(name, "paragraph")
        sub(style, "style:paragraph-properties", props)
        sub(style, "style:text-properties", self._text_props(para.end_size, False, False, None))
        return name

    def text(self, run: Run) -> str:
        key = ("text", run.size, run.bold, run.italic, run.colour)
        name, new = self._style(key, "T", "text")
        if new:
            props = self._text_props(run.size, run.bold, run.italic, run.colour)
            sub(self._new(name, "text"), "style:text-properties", props)
        return name

    def _text_props(
        self, size: float, bold: bool, italic: bool, colour: str | None
    ) -> dict[str, str]:
        weight = "bold" if bold else "normal"
        posture = "italic" if italic else "normal"
        props = {
            "style:font-name": self.font,
            "style:font-name-asian": self.font,
            "style:font-name-complex": self.font,
            "fo:font-size": pt(size),
            "style:font-size-asian": pt(size),
            "style:font-size-complex": pt(size),
            "fo:font-weight": weight,
            "style:font-weight-asian": weight,
            "style:font-weight-complex": weight,
            "fo:font-style": posture,
            "style:font-style-asian": posture,
            **LANGUAGES,
        }
        if colour:
            props["fo:color"] = colour
        return props

    def bullets(self, bullet: Bullet, para: Paragraph) -> str:
        """A list style whose first level draws ``bullet`` in the deck's font."""
        key = ("list", bullet, para.margin_left, para.indent)
        name, new = self._style(key, "L", "list")
        if not new:
            return name
        style = sub(self.root, "text:list-style", {"style:name": name})
        level = sub(
            style,
            "text:list-level-style-bullet",
            {"text:level": "1", "text:bullet-char": bullet.char},
        )
        sub(
            level,
            "style:list-level-properties",
            {
                "text:space-before": cm(max(para.margin_left + para.indent, 0)),
                "text:min-label-width": cm(max(-para.indent, 0)),
            },
        )
        props = {"style:font-name": self.font, "fo:font-size": f"{bullet.size_percent}%"}
        if bullet.colour:
            props["fo:color"] = bullet.colour
        sub(level, "style:text-properties", props)
        return name

    # -- tables ------------------------------------------------------------------------------------
    def column(self, width: int) -> str:
        name, new = self._style(("column", width), "co", "table-column")
        if new:
            props = {"style:column-width": cm(width)}
            sub(self._new(name, "table-column"), "style:table-column-properties", props)
        return name

    def row(self, height: int) -> str:
        name, new = self._style(("row", height), "ro", "table-row")
        if new:
            props = {"style:min-row-height": cm(height)}
            sub(self._new(name, "table-row"), "style:table-row-properties", props)
        return name

    def cell(self, fill: str | None, insets: tuple[int, int, int, int], anchor: str) -> str:
        """A table cell's style, written twice over as LibreOffice 7.x needs it.

        ODF 1.3 gives a cell only ``style:table-cell-properties`` (``fo:background-color``,
        padding, vertical alignment, borders), which current LibreOffice reads; LibreOffice 7.x
        reads an Impress cell's fill, padding and alignment only from
        ``loext:graphic-properties`` and its borders from ``style:paragraph-properties``, as it
        writes them itself (without them 7.4 draws its default blue table design). The loext
        element is foreign, so the document is an ODF 1.3 extended document: valid against the
        schema once foreign elements are set aside.
        """
        name, new = self._style(("cell", fill, insets, anchor), "ce", "table-cell")
        if not new:
            return name
        style = self._new(name, "table-cell")
        padding = {
            "fo:padding-left": cm(insets[0]),
            "fo:padding-top": cm(insets[1]),
            "fo:padding-right": cm(insets[2]),
            "fo:padding-bottom": cm(insets[3]),
        }
        border = {"fo:border": "0.5pt solid #ffffff"}
        graphic = {"draw:fill": "solid", "draw:fill-color": fill} if fill else {"draw:fill": "none"}
        graphic["draw:textarea-vertical-align"] = _ANCHOR.get(anchor, "top")
        sub(style, "loext:graphic-properties", graphic | padding)
        props = {"style:vertical-align": _ANCHOR.get(anchor, "top"), **padding, **border}
        props["fo:background-color"] = fill or "transparent"
        sub(style, "style:table-cell-properties", props)
        sub(style, "style:paragraph-properties", border)
        return name
