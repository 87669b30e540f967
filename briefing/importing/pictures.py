"""Pictures in a report, in document order, each with its caption and the text before it.

Readers call one function each (:func:`from_docx`, :func:`from_odt`, :func:`from_pdf_page`); what
they find rides on :attr:`briefing.importing.blocks.Document.pictures`. A picture's caption is a
paragraph of its own that starts 圖1：, 圖3-1, 照片1, 相片, Figure 2 … (:data:`CAPTION`): the one
right after the picture (below it), else the one right before it (above). Pictures side by side
(a run of pictures, then their captions, as a table of photos gives them) take the captions after
them in order. A picture without a caption keeps the text before it (``anchor``) so that the
importer can still tell its section (:mod:`briefing.importing.photofiles`).

Nothing is decoded here: a reader only hands over the bytes (bounded), or says why it cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing import images

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from docx.document import Document as WordDocument

#: A caption line: 圖1：… 圖 3-1 … 照片1　… 相片二、… Figure 2. … Photo 3: …
CAPTION = re.compile(
    r"^\s*(?:圖片|圖|照片|相片|Figure|Fig\.?|Photo|Picture)\s*"
    r"[0-9０-９一二三四五六七八九十]+(?:\s*[-－–.．]\s*[0-9０-９]+)*"
    r"\s*(?:[：:、.．　\s]|$)",
    re.IGNORECASE,
)
MAX_CAPTION = 120  # characters: a longer paragraph is text, not a caption

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_V = "{urn:schemas-microsoft-com:vml}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"


@dataclass(frozen=True)
class Found:
    """A picture as a reader found it: its bytes (None when unreadable: ``problem`` says why),
    where it is in the file (``name``), its caption as written (or None) and whether that is
    ``below`` or ``above`` it, the paragraph before it, and its page where the format has pages."""

    data: bytes | None
    name: str
    caption: str | None = None
    position: str | None = None
    anchor: str = ""
    page: int | None = None
    problem: str = ""


def is_caption(text: str) -> bool:
    """Whether a paragraph is a picture's caption (圖1：…, 照片1　…)."""
    return len(text.strip()) <= MAX_CAPTION and bool(CAPTION.match(text))


# -- pairing pictures with captions --------------------------------------------------------------
def pair(stream: Sequence[str | Found]) -> list[Found]:
    """The pictures of ``stream`` (paragraph texts and pictures in document order) with their
    captions and anchors."""
    used: set[int] = set()
    out: list[Found] = []
    i = 0
    while i < len(stream):
        if not isinstance(stream[i], Found):
            i += 1
            continue
        run = i
        while i < len(stream) and isinstance(stream[i], Found):
            i += 1
        pictures = [p for p in stream[run:i] if isinstance(p, Found)]
        out += _captioned(stream, run, i, pictures, used)
    return out


def _captioned(
    stream: Sequence[str | Found], start: int, end: int, pictures: list[Found], used: set[int]
) -> list[Found]:
    after = _captions(stream, range(end, min(len(stream), end + len(pictures))), used)
    before = _captions(stream, range(start - 1, max(-1, start - 1 - len(pictures)), -1), used)
    before.reverse()
    anchor = next(
        (t for t in reversed(stream[:start]) if isinstance(t, str) and not is_caption(t)), ""
    ) or next((t for t in stream[end:] if isinstance(t, str) and not is_caption(t)), "")
    if after:
        found, position = after, "below"
    elif len(before) == len(pictures):
        found, position = before, "above"
    else:
        found, position = [], None
    out = []
    for n, picture in enumerate(pictures):
        if n < len(found):
            index, text = found[n]
            used.add(index)
            out.append(replace(picture, caption=text, position=position, anchor=anchor))
        else:
            out.append(replace(picture, anchor=anchor))
    return out


def _captions(stream: Sequence[str | Found], where: range, used: set[int]) -> list[tuple[int, str]]:
    """The caption paragraphs in a row at the indexes ``where`` (stopping at anything else)."""
    found = []
    for index in where:
        item = stream[index]
        if not isinstance(item, str) or index in used or not is_caption(item):
            break
        found.append((index, item.strip()))
    return found


# -- Word --------------------------------------------------------------------------------------
def from_docx(document: WordDocument) -> list[Found]:
    """The pictures of a Word document's body (paragraphs, tables, text boxes) with captions."""
    stream: list[str | Found] = []
    body = document.element.body
    for paragraph in body.iter(f"{_W}p"):
        if _in_fallback(paragraph):
            continue  # the VML copy of a drawing PowerPoint and Word also write as DrawingML
        stream += _word_pictures(document, paragraph)
        text = "".join(t.text or "" for t in _own(paragraph, f"{_W}t", f"{_W}p")).strip()
        if text:
            stream.append(text)
    return pair(stream)


def _word_pictures(document: WordDocument, paragraph: object) -> Iterator[Found]:
    seen: set[str] = set()
    for element in _own(paragraph, (f"{_A}blip", f"{_V}imagedata"), f"{_W}p"):
        rid = element.get(f"{_R}embed") or element.get(f"{_R}id")
        if element.get(f"{_R}link") and not rid:
            yield Found(None, "a linked picture", problem="linked, not embedded in the file")
            continue
        if not rid or rid in seen:
            continue
        seen.add(rid)
        part = document.part.related_parts.get(rid)
        blob = getattr(part, "blob", None)
        name = str(getattr(part, "partname", rid)).lstrip("/")
        if blob is None:
            yield Found(None, name, problem="its part is missing from the file")
        elif len(blob) > images.MAX_SOURCE_BYTES:
            yield Found(None, name, problem=f"{len(blob):,} bytes, too large")
        else:
            yield Found(blob, name)


def _own(element: object, tags: str | tuple[str, ...], stop: str | tuple[str, ...]) -> Iterator:  # type: ignore[type-arg]
    """Descendants of ``element`` with one of ``tags`` whose nearest ``stop`` ancestor is
    ``element`` itself (a nested paragraph's words and pictures are its own)."""
    wanted = (tags,) if isinstance(tags, str) else tags
    stops = (stop,) if isinstance(stop, str) else stop
    for node in element.iter(*wanted):  # type: ignore[attr-defined]
        parent = node.getparent()
        while parent is not None and parent.tag not in stops:
            if parent.tag == _MC_FALLBACK:
                break
            parent = parent.getparent()
        if parent is element:
            yield node


def _in_fallback(element: object) -> bool:
    return any(a.tag == _MC_FALLBACK for a in element.iterancestors())  # type: ignore[attr-defined]


# -- OpenDocument ------------------------------------------------------------------------------
def from_odt(path: Path) -> list[Found]:
    """The pictures of an .odt file's text (paragraphs, tables, frames) with captions."""
    import zipfile

    from lxml import etree

    try:
        with zipfile.ZipFile(path) as package:
            return pair(_odf_stream(package, etree))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        return [Found(None, "content.xml", problem=f"cannot look for pictures ({exc})")]


def _odf_stream(package: Any, etree: Any) -> list[str | Found]:
    info = package.getinfo("content.xml")
    if info.file_size > images.MAX_SOURCE_BYTES:
        return [Found(None, "content.xml", problem="content.xml too large to look at")]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(package.read(info), parser)
    stream: list[str | Found] = []
    for paragraph in root.iter(f"{_TEXT}p", f"{_TEXT}h"):
        for image in _own(paragraph, f"{_DRAW}image", (f"{_TEXT}p", f"{_TEXT}h")):
            stream.append(_odf_picture(package, image))
        text = _odf_text(paragraph).strip()
        if text:
            stream.append(text)
    return stream


def without_odf_pictures(text: str, element: object) -> str:
    """A paragraph's text as odfdo gives it, without the ``(Pictures/….png)`` it writes for each
    picture in it."""
    for image in element.get_elements("descendant::draw:image"):  # type: ignore[attr-defined]
        href = image.get_attribute("xlink:href")
        if href:
            text = text.replace(f"({href})", "")
    return text


def _odf_picture(package: object, image: object) -> Found:
    href = image.get(f"{_XLINK}href") or ""  # type: ignore[attr-defined]
    if not href:
        return Found(None, "an inline picture", problem="kept inside the XML, not as a file")
    if "://" in href or href.startswith(("/", "..")):
        return Found(None, href[:60], problem="linked, not embedded in the file")
    try:
        info = package.getinfo(href.removeprefix("./"))  # type: ignore[attr-defined]
    except KeyError:
        return Found(None, href, problem="missing from the file")
    if info.file_size > images.MAX_SOURCE_BYTES:
        return Found(None, href, problem=f"{info.file_size:,} bytes, too large")
    return Found(package.read(info), href)  # type: ignore[attr-defined]


def _odf_text(element: object) -> str:
    """A paragraph's own words (not those of paragraphs or frames inside it)."""
    parts = [element.text or ""]  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag in (f"{_TEXT}p", f"{_TEXT}h", f"{_DRAW}frame", f"{_TEXT}note"):
            pass
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# -- PDF ---------------------------------------------------------------------------------------
def from_pdf_page(page: object, number: int) -> list[Found]:
    """The pictures placed on one page of pdfminer's layout, each with the caption line right
    below it (or above it) and the text line before it."""
    from pdfminer.layout import LTFigure, LTImage, LTTextContainer, LTTextLine

    pictures: list[object] = []
    lines: list[object] = []

    def visit(item: object) -> None:
        if isinstance(item, LTImage):
            if item.width >= 36 and item.height >= 36:  # not a rule, a bullet or a logo dot
                pictures.append(item)
        elif isinstance(item, LTTextLine):
            if item.get_text().strip():
                lines.append(item)
        elif isinstance(item, LTFigure | LTTextContainer):
            for child in item:  # type: ignore[attr-defined]
                visit(child)

    for item in page:  # type: ignore[attr-defined]
        visit(item)
    out = []
    for picture in sorted(pictures, key=lambda p: (-p.y1, p.x0)):  # type: ignore[attr-defined]
        found = _pdf_picture(picture, number)
        out.append(_pdf_caption(found, picture, lines))
    return out


def _pdf_caption(found: Found, picture: object, lines: list[object]) -> Found:
    p = picture
    beside = [ln for ln in lines if ln.x1 > p.x0 and ln.x0 < p.x1]  # type: ignore[attr-defined]
    below = sorted(
        (ln for ln in beside if ln.y1 <= p.y0 + 2),  # type: ignore[attr-defined]
        key=lambda ln: p.y0 - ln.y1,  # type: ignore[attr-defined]
    )
    above = sorted(
        (ln for ln in beside if ln.y0 >= p.y1 - 2),  # type: ignore[attr-defined]
        key=lambda ln: ln.y0 - p.y1,  # type: ignore[attr-defined]
    )
    reach = 3 * max((ln.height for ln in beside), default=12)  # type: ignore[attr-defined]
    for where, candidates, gap in (
        ("below", below, lambda ln: p.y0 - ln.y1),  # type: ignore[attr-defined]
        ("above", above, lambda ln: ln.y0 - p.y1),  # type: ignore[attr-defined]
    ):
        if candidates and gap(candidates[0]) <= reach:
            line = _line_text(candidates[0])
            if is_caption(line):
                anchor = _line_text(above[0]) if above and where == "below" else ""
                return replace(found, caption=line, position=where, anchor=anchor)
    anchor = _line_text(above[0]) if above else (_line_text(below[0]) if below else "")
    return replace(found, anchor=anchor)


def _line_text(line: object) -> str:
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", line.get_text().strip())  # type: ignore[attr-defined]


def _pdf_picture(image: object, page: int) -> Found:
    """The bytes of a PDF image as a PNG or JPEG (see :func:`pdf_image`)."""
    name = f"page {page} {getattr(image, 'name', '')}".strip()
    try:
        data = pdf_image(image)
    except images.BadImage as exc:
        return Found(None, name, page=page, problem=str(exc))
    return Found(data, name, page=page)


def pdf_image(image: object) -> bytes:
    """A PDF image stream as file bytes: a JPEG as stored (DCTDecode), JPEG 2000 as stored, or
    8-bit grey, RGB or CMYK (and 1-bit) pixels as a PNG; BadImage for other kinds."""
    stream = image.stream  # type: ignore[attr-defined]
    width, height = (int(v) for v in image.srcsize)  # type: ignore[attr-defined]
    if width <= 0 or height <= 0 or width * height > images.MAX_SOURCE_PIXELS:
        raise images.BadImage(f"{width} × {height} pixels, out of bounds")
    raw = stream.get_rawdata() if stream.get_rawdata() is not None else b""
    if len(raw) > images.MAX_SOURCE_BYTES:
        raise images.BadImage(f"{len(raw):,} bytes, too large")
    filters = [str(getattr(f, "name", f)) for f, _ in stream.get_filters()]
    if filters and filters[-1] in ("DCTDecode", "DCT", "JPXDecode"):
        return stream.get_data() if len(filters) > 1 else raw
    mode = _pdf_mode(image)
    if mode is None:
        raise images.BadImage("a PDF image in a colour space the importer does not read")
    try:
        pixels = stream.get_data()
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for bad streams
        raise images.BadImage(f"cannot decode the PDF image ({exc})") from None
    return images.from_pixels(mode, (width, height), pixels).data


def _pdf_mode(image: object) -> str | None:
    from pdfminer.pdftypes import resolve1

    bits = image.bits  # type: ignore[attr-defined]
    spaces = image.colorspace or []  # type: ignore[attr-defined]
    space = resolve1(spaces[0]) if spaces else None
    name = str(getattr(space, "name", space))
    if isinstance(space, list) and space:
        name = str(getattr(space[0], "name", space[0]))
        if name == "ICCBased" and len(space) > 1:
            n = resolve1(space[1]).get("N", 3)
            name = {1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}.get(n, "")
    if bits == 1 and name == "DeviceGray":
        return "1"
    if bits != 8:
        return None
    return {"DeviceRGB": "RGB", "DeviceGray": "L", "DeviceCMYK": "CMYK"}.get(name)
