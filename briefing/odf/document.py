"""The .odp package: content.xml (the slides and their notes), styles.xml (a master page per
layout the deck uses), meta.xml, settings.xml, the pictures, the embedded fonts and the manifest,
zipped as ODF requires (``mimetype`` first and stored), every entry dated ``epoch``.

Fonts are embedded the way LibreOffice embeds them: each face a TrueType file in ``Fonts/``,
listed in the manifest, named by a ``svg:font-face-uri`` in the family's ``style:font-face`` in
both XML documents, and ``EmbedFonts`` set in settings.xml.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from briefing.odf.shapes import paragraphs, picture_path, shape_element
from briefing.odf.styles import LANGUAGES, ODF, Styles, cm, el, n, sub

if TYPE_CHECKING:
    from briefing.odf.model import Deck, Layout, Slide

MIMETYPE = "application/vnd.oasis.opendocument.presentation"
FONT_MEDIA_TYPE = "application/x-font-ttf"
VERSION = "1.3"
_ZIP_FIRST = dt.datetime(1980, 1, 1)
_NOTES_SIZE = (7560000, 10692000)  # A4 portrait, as LibreOffice's notes pages


@dataclass(frozen=True)
class FontFile:
    """A face to embed: the family it belongs to, its style and its TrueType bytes."""

    family: str
    style: str  # regular, bold …
    ttf: bytes

    @property
    def path(self) -> str:
        name = re.sub(r"[^A-Za-z0-9]+", "", self.family) or "Font"
        return f"Fonts/{name}-{self.style.capitalize()}.ttf"


@dataclass(frozen=True)
class Properties:
    title: str = ""
    subject: str = ""
    creator: str = ""
    keywords: str = ""
    language: str = "zh-TW"


def odp_bytes(
    deck: Deck, font: str, fonts: list[FontFile], props: Properties, epoch: dt.datetime
) -> bytes:
    """The .odp package of ``deck``, drawn in the family ``font`` with ``fonts`` embedded."""
    masters = _master_names(deck)
    parts = {
        "content.xml": _content(deck, font, fonts, masters),
        "styles.xml": _styles(deck, font, fonts, masters),
        "meta.xml": _meta(props, epoch),
        "settings.xml": _settings(),
    }
    binaries = {picture_path(name): data for name, data in deck.images.items()}
    binaries |= {f.path: f.ttf for f in fonts}
    manifest = _manifest(parts, binaries, fonts)
    return _zip(parts | {"META-INF/manifest.xml": manifest}, binaries, epoch)


def _master_names(deck: Deck) -> dict[str, str]:
    """Layout part -> a master page name, unique, made of the layout's name."""
    names: dict[str, str] = {}
    for number, (part, layout) in enumerate(deck.layouts.items(), start=1):
        name = re.sub(r"[^A-Za-z0-9_-]", "_", layout.name).strip("_") or f"Master{number}"
        names[part] = f"{name}_{number}" if name in names.values() else name
    return names


# -- documents ----------------------------------------------------------------------------------
def _root(tag: str) -> etree._Element:
    root = etree.Element(n(tag), nsmap=ODF)  # type: ignore[arg-type]
    root.set(n("office:version"), VERSION)
    return root


def _font_decls(font: str, fonts: list[FontFile]) -> etree._Element:
    decls = el("office:font-face-decls")
    families = dict.fromkeys([font, *(f.family for f in fonts)])
    for family in families:
        face = sub(
            decls,
            "style:font-face",
            {
                "style:name": family,
                "svg:font-family": f"'{family}'",
                "style:font-pitch": "variable",
            },
        )
        files = [f for f in fonts if f.family == family]
        if not files:
            continue
        source = sub(face, "svg:font-face-src")
        for file in files:
            uri = sub(
                source, "svg:font-face-uri", {"xlink:href": file.path, "xlink:type": "simple"}
            )
            sub(uri, "svg:font-face-format", {"svg:string": "truetype"})
    return decls


def _content(deck: Deck, font: str, fonts: list[FontFile], masters: dict[str, str]) -> bytes:
    root = _root("office:document-content")
    styles = Styles(font)
    root.append(_font_decls(font, fonts))
    root.append(styles.root)
    presentation = sub(sub(root, "office:body"), "office:presentation")
    for number, slide in enumerate(deck.slides, start=1):
        presentation.append(_page(slide, number, styles, masters))
    return _serialise(root)


def _page(slide: Slide, number: int, styles: Styles, masters: dict[str, str]) -> etree._Element:
    page = el(
        "draw:page",
        {
            "draw:name": f"page{number}",
            "draw:style-name": styles.page(slide.background),
            "draw:master-page-name": masters[slide.layout],
        },
    )
    for shape in slide.shapes:
        element = shape_element(shape, styles, number)
        if element is not None:
            page.append(element)
    notes = sub(page, "presentation:notes", {"draw:style-name": styles.page(None)})
    width, height = _NOTES_SIZE
    sub(
        notes,
        "draw:page-thumbnail",
        {
            "draw:style-name": styles.image(),
            "draw:page-number": str(number),
            "presentation:class": "page",
            "svg:x": cm(width // 8),
            "svg:y": cm(height // 12),
            "svg:width": cm(width * 3 // 4),
            "svg:height": cm(width * 3 // 4 * 9 // 16),
        },
    )
    frame = sub(
        notes,
        "draw:frame",
        {
            "draw:style-name": styles.graphic(None, None, 0),
            "presentation:class": "notes",
            "svg:x": cm(width // 10),
            "svg:y": cm(height * 5 // 11),
            "svg:width": cm(width * 8 // 10),
            "svg:height": cm(height * 5 // 11),
        },
    )
    box = sub(frame, "draw:text-box")
    if slide.notes is not None:
        box.extend(paragraphs(slide.notes, styles, number))
    return page


def _styles(deck: Deck, font: str, fonts: list[FontFile], masters: dict[str, str]) -> bytes:
    root = _root("office:document-styles")
    root.append(_font_decls(font, fonts))
    common = sub(root, "office:styles")
    default = sub(common, "style:default-style", {"style:family": "graphic"})
    sub(
        default,
        "style:text-properties",
        {
            "style:font-name": font,
            "style:font-name-asian": font,
            "style:font-name-complex": font,
            **LANGUAGES,
        },
    )
    styles = Styles(font, prefix="M")
    root.append(styles.root)
    layout = sub(styles.root, "style:page-layout", {"style:name": "PM1"})
    sub(
        layout,
        "style:page-layout-properties",
        {
            "fo:margin-top": "0cm",
            "fo:margin-bottom": "0cm",
            "fo:margin-left": "0cm",
            "fo:margin-right": "0cm",
            "fo:page-width": cm(deck.width),
            "fo:page-height": cm(deck.height),
            "style:print-orientation": "landscape" if deck.width > deck.height else "portrait",
        },
    )
    master_styles = sub(root, "office:master-styles")
    for name, layout_info in deck.layouts.items():
        master_styles.append(_master(layout_info, masters[name], styles))
    return _serialise(root)


def _master(layout: Layout, name: str, styles: Styles) -> etree._Element:
    master = el(
        "style:master-page",
        {
            "style:name": name,
            "style:display-name": layout.name,
            "style:page-layout-name": "PM1",
            "draw:style-name": styles.page(layout.background),
        },
    )
    for shape in layout.shapes:
        element = shape_element(shape, styles, 0)
        if element is not None:
            master.append(element)
    return master


def _meta(props: Properties, epoch: dt.datetime) -> bytes:
    root = _root("office:document-meta")
    meta = sub(root, "office:meta")
    stamp = epoch.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    values = [
        ("meta:generator", "briefing"),
        ("dc:title", props.title),
        ("dc:subject", props.subject),
        ("meta:initial-creator", props.creator),
        ("dc:creator", props.creator),
        ("meta:creation-date", stamp),
        ("dc:date", stamp),
        ("dc:language", props.language),
    ]
    for tag, value in values:
        if value:
            sub(meta, tag).text = value
    for keyword in filter(None, props.keywords.split("、")):
        sub(meta, "meta:keyword").text = keyword
    return _serialise(root)


def _settings() -> bytes:
    root = _root("office:document-settings")
    items = sub(
        sub(root, "office:settings"),
        "config:config-item-set",
        {"config:name": "ooo:configuration-settings"},
    )
    for name in (
        "EmbedFonts",
        "EmbedOnlyUsedFonts",
        "EmbedLatinScriptFonts",
        "EmbedAsianScriptFonts",
        "EmbedComplexScriptFonts",
    ):
        item = sub(items, "config:config-item", {"config:name": name, "config:type": "boolean"})
        item.text = "true"
    return _serialise(root)


def _manifest(parts: dict[str, bytes], binaries: dict[str, bytes], fonts: list[FontFile]) -> bytes:
    root = etree.Element(n("manifest:manifest"), nsmap={"manifest": ODF["manifest"]})
    root.set(n("manifest:version"), VERSION)

    def entry(path: str, media_type: str, **extra: str) -> None:
        attrs = {n("manifest:full-path"): path, n("manifest:media-type"): media_type}
        attrs |= {n(f"manifest:{k}"): v for k, v in extra.items()}
        etree.SubElement(root, n("manifest:file-entry"), attrs)

    entry("/", MIMETYPE, version=VERSION)
    for path in parts:
        entry(path, "text/xml")
    font_paths = {f.path for f in fonts}
    for path in binaries:
        entry(path, FONT_MEDIA_TYPE if path in font_paths else _image_type(path))
    return _serialise(root)


def _image_type(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower()
    return {"jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml"}.get(
        suffix, f"image/{suffix}"
    )


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _zip(parts: dict[str, bytes], binaries: dict[str, bytes], epoch: dt.datetime) -> bytes:
    stamp = max(epoch.replace(tzinfo=None), _ZIP_FIRST).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", stamp)
        archive.writestr(mimetype, MIMETYPE.encode("ascii"), compress_type=zipfile.ZIP_STORED)
        for path, data in {**parts, **binaries}.items():
            info = zipfile.ZipInfo(path, stamp)
            method = zipfile.ZIP_STORED if path.endswith(".png") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=method)
    return out.getvalue()
