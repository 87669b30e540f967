"""Shapes of :mod:`briefing.odf.model` as ODF drawing elements: text frames, rectangles and
ellipses with their text, lines, pictures (``Pictures/…`` in the package) and tables.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from briefing.odf.styles import cm, el, sub

if TYPE_CHECKING:
    from lxml import etree

    from briefing.odf.model import Body, Paragraph, Shape, Table
    from briefing.odf.styles import Styles


def picture_path(part: str) -> str:
    """Where a .pptx picture part is stored in the .odp."""
    return f"Pictures/{posixpath.basename(part)}"


def shape_element(shape: Shape, styles: Styles, page: int) -> etree._Element | None:
    """The ODF element drawing ``shape`` (None for a shape ODF cannot show)."""
    x, y, w, h = shape.box
    geometry = {"svg:x": cm(x), "svg:y": cm(y), "svg:width": cm(w), "svg:height": cm(h)}
    named = {"draw:name": shape.name} if shape.name else {}
    if shape.kind == "line":
        return _line(shape, styles)
    if shape.kind == "picture":
        frame = el("draw:frame", {"draw:style-name": styles.image(), **named, **geometry})
        href = picture_path(shape.image or "")
        sub(
            frame,
            "draw:image",
            {
                "xlink:href": href,
                "xlink:type": "simple",
                "xlink:show": "embed",
                "xlink:actuate": "onLoad",
            },
        )
        if shape.title:
            sub(frame, "svg:title").text = shape.title
        if shape.description:
            sub(frame, "svg:desc").text = shape.description
        return frame
    if shape.kind == "placeholder":  # an empty placeholder of a master page
        attrs = {"draw:style-name": styles.graphic(None, None, 0), **named, **geometry}
        attrs |= {"presentation:class": shape.placeholder or "outline"}
        attrs["presentation:placeholder"] = "true"
        frame = el("draw:frame", attrs)
        sub(frame, "draw:text-box")
        return frame
    if shape.kind == "table" and shape.table is not None:
        frame = el("draw:frame", {"draw:style-name": styles.image(), **named, **geometry})
        frame.append(_table(shape.table, styles, page))
        return frame
    body = shape.body
    insets = body.insets if body is not None else (0, 0, 0, 0)
    anchor = body.anchor if body is not None else "t"
    wrap = body.wrap if body is not None else True
    style = styles.graphic(shape.fill, shape.line, shape.line_width, insets, anchor, wrap)
    attrs = {"draw:style-name": style, **named, **geometry}
    if shape.kind in ("rect", "ellipse"):
        plain = styles.graphic(shape.fill, shape.line, shape.line_width)
        element = el(f"draw:{shape.kind}", {**attrs, "draw:style-name": plain})
        if body is None or not any(p.runs for p in body.paragraphs):
            return element
        # LibreOffice does not wrap the text of a draw:rect: the text goes in a frame on it
        attrs["draw:style-name"] = styles.graphic(None, None, 0, insets, anchor, wrap)
        return el("draw:g", {}, element, _text_frame(attrs, body, styles, page))
    if shape.placeholder:
        attrs["presentation:class"] = shape.placeholder
    return _text_frame(attrs, body, styles, page)


def _text_frame(
    attrs: dict[str, str], body: Body | None, styles: Styles, page: int
) -> etree._Element:
    frame = el("draw:frame", attrs)
    box = sub(frame, "draw:text-box")
    if body is not None:
        box.extend(paragraphs(body, styles, page))
    return frame


def _line(shape: Shape, styles: Styles) -> etree._Element:
    x, y, w, h = shape.box
    x1, x2 = (x + w, x) if shape.flip[0] else (x, x + w)
    y1, y2 = (y + h, y) if shape.flip[1] else (y, y + h)
    style = styles.graphic(None, shape.line or "#000000", shape.line_width or 12700)
    attrs = {"draw:style-name": style, "svg:x1": cm(x1), "svg:y1": cm(y1)}
    attrs |= {"svg:x2": cm(x2), "svg:y2": cm(y2)}
    if shape.name:
        attrs["draw:name"] = shape.name
    return el("draw:line", attrs)


def paragraphs(body: Body, styles: Styles, page: int) -> list[etree._Element]:
    """``text:p`` elements (in a one-item ``text:list`` when bulleted) for ``body``."""
    out = []
    for para in body.paragraphs:
        p = _paragraph(para, styles, page)
        if para.bullet is None:
            out.append(p)
            continue
        listed = el("text:list", {"text:style-name": styles.bullets(para.bullet, para)})
        sub(listed, "text:list-item").append(p)
        out.append(listed)
    return out


def _paragraph(para: Paragraph, styles: Styles, page: int) -> etree._Element:
    p = el("text:p", {"text:style-name": styles.paragraph(para)})
    for run in para.runs:
        if run.line_break:
            sub(p, "text:line-break")
            continue
        span = sub(p, "text:span", {"text:style-name": styles.text(run)})
        if run.field == "slidenum":
            number = sub(span, "text:page-number", {"text:select-page": "current"})
            number.text = str(page)
        else:
            _add_text(span, run.text)
    return p


def _add_text(span: etree._Element, text: str) -> None:
    """Text with runs of spaces and tabs as ODF writes them (``text:s``, ``text:tab``)."""
    last: etree._Element | None = None
    buffer = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\t" or (ch == " " and (i == 0 or text[i - 1] == " ")):
            _flush(span, last, buffer)
            buffer = ""
            if ch == "\t":
                last = sub(span, "text:tab")
            else:
                count = 1
                while i + count < len(text) and text[i + count] == " ":
                    count += 1
                last = sub(span, "text:s", {"text:c": str(count)} if count > 1 else {})
                i += count
                continue
        else:
            buffer += ch
        i += 1
    _flush(span, last, buffer)


def _flush(span: etree._Element, last: etree._Element | None, buffer: str) -> None:
    if not buffer:
        return
    if last is None:
        span.text = (span.text or "") + buffer
    else:
        last.tail = (last.tail or "") + buffer


def _table(table: Table, styles: Styles, page: int) -> etree._Element:
    element = el("table:table")
    for width in table.columns:
        sub(element, "table:table-column", {"table:style-name": styles.column(width)})
    for height, cells in table.rows:
        row = sub(element, "table:table-row", {"table:style-name": styles.row(height)})
        for cell in cells:
            if cell.merged:
                sub(row, "table:covered-table-cell")
                continue
            attrs = {"table:style-name": styles.cell(cell.fill, cell.body.insets, cell.body.anchor)}
            if cell.span > 1:
                attrs["table:number-columns-spanned"] = str(cell.span)
            sub(row, "table:table-cell", attrs).extend(paragraphs(cell.body, styles, page))
    return element
