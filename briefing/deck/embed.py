"""Embedding fonts in a python-pptx presentation, which has no API for it (python-pptx #355).

What PowerPoint itself writes, built on python-pptx's package (OPC) layer:

* one ``/ppt/fonts/fontN.fntdata`` part per face (EOT bytes, content type
  ``application/x-fontdata``; python-pptx writes the ``Default`` entry for the extension),
  related from the presentation part with the ``.../relationships/font`` type;
* ``p:embeddedFontLst`` in ``presentation.xml`` at its place in the CT_Presentation sequence
  (after ``p:notesSz``), one ``p:embeddedFont`` per typeface: ``p:font`` with typeface, panose,
  pitchFamily and charset (a signed byte), then the ``regular``/``bold``/... slots in order;
* ``embedTrueTypeFonts="1"`` and, for subsets, ``saveSubsetFonts="1"`` on ``p:presentation``.

:func:`set_theme_fonts` points the theme's major and minor fonts (latin, ea and the ``Hant``
script font) at the embedded typeface, so text that names no font is drawn with it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart
from pptx.oxml.ns import qn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pptx.presentation import Presentation

    from briefing.fonts.family import EmbeddedFace

RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
CT_FONTDATA = "application/x-fontdata"
FONT_PARTNAME = "/ppt/fonts/font%d.fntdata"
SLOTS = ("regular", "bold", "italic", "boldItalic")

# CT_Presentation children that come after p:embeddedFontLst
_AFTER_FONT_LIST = tuple(
    qn(f"p:{tag}")
    for tag in (
        "custShowLst",
        "photoAlbum",
        "custDataLst",
        "kinsoku",
        "defaultTextStyle",
        "modifyVerifier",
        "extLst",
    )
)
_THEME_SLOTS = ("a:latin", "a:ea", "a:cs")
_HANT = "Hant"


def embed_fonts(prs: Presentation, faces: Sequence[EmbeddedFace]) -> None:
    """Embed ``faces`` (from :func:`briefing.fonts.family.prepare_faces`) in ``prs``.

    Faces are grouped by family into one ``p:embeddedFont`` each; a typeface already embedded
    is replaced, so calling this twice leaves one copy. Nothing happens for no faces.
    """
    if not faces:
        return
    pres = prs.element
    font_list = _get_or_add_font_list(pres)
    for family, group in _by_family(faces).items():
        _remove_typeface(prs, font_list, family)
        _add_embedded_font(prs, font_list, group)
    pres.set("embedTrueTypeFonts", "1")
    if any(face.subset for face in faces):
        pres.set("saveSubsetFonts", "1")


def _by_family(faces: Sequence[EmbeddedFace]) -> dict[str, dict[str, EmbeddedFace]]:
    """{family: {slot: face}}, in first-seen order; a later face for a slot wins."""
    groups: dict[str, dict[str, EmbeddedFace]] = {}
    for face in faces:
        if face.style not in SLOTS:
            raise ValueError(f"face style {face.style!r} is not one of {', '.join(SLOTS)}")
        groups.setdefault(face.family, {})[face.style] = face
    return groups


def _get_or_add_font_list(pres: etree._Element) -> etree._Element:
    """The ``p:embeddedFontLst`` of ``pres``, inserted in schema order when missing."""
    existing = pres.find(qn("p:embeddedFontLst"))
    if existing is not None:
        return existing
    successor = next((child for child in pres if child.tag in _AFTER_FONT_LIST), None)
    font_list = etree.SubElement(pres, qn("p:embeddedFontLst"))
    if successor is not None:
        successor.addprevious(font_list)
    return font_list


def _remove_typeface(prs: Presentation, font_list: etree._Element, family: str) -> None:
    """Drop the ``p:embeddedFont`` for ``family`` and the relationships of its slots."""
    for entry in font_list.findall(qn("p:embeddedFont")):
        font = entry.find(qn("p:font"))
        if font is None or font.get("typeface", "").casefold() != family.casefold():
            continue
        rids = [slot.get(qn("r:id")) for slot in entry if slot.get(qn("r:id"))]
        font_list.remove(entry)
        for rid in rids:
            prs.part.drop_rel(rid)


def _add_embedded_font(
    prs: Presentation, font_list: etree._Element, slots: dict[str, EmbeddedFace]
) -> None:
    """Append a ``p:embeddedFont`` for one family, adding a font part for each face."""
    first = slots.get("regular") or next(iter(slots.values()))
    entry = etree.SubElement(font_list, qn("p:embeddedFont"))
    etree.SubElement(
        entry,
        qn("p:font"),
        typeface=first.family,
        panose=first.panose.hex().upper(),
        pitchFamily=str(first.pitch_family),
        charset=str(first.charset),
    )
    for slot in SLOTS:
        if slot in slots:
            rid = prs.part.relate_to(_font_part(prs, slots[slot].eot), RT_FONT)
            etree.SubElement(entry, qn(f"p:{slot}")).set(qn("r:id"), rid)


def _font_part(prs: Presentation, eot: bytes) -> Part:
    package = prs.part.package
    partname = package.next_partname(FONT_PARTNAME)
    return Part(partname, CT_FONTDATA, package, eot)


# ----------------------------------------------------------------------------- theme
def set_theme_fonts(prs: Presentation, typeface: str) -> None:
    """Make ``typeface`` the major and minor latin, ea and ``Hant`` fonts of every slide
    master's theme (complex-script fonts are left alone)."""
    seen: set[str] = set()
    for master in prs.slide_masters:
        theme = master.part.part_related_by(RT.THEME)
        if str(theme.partname) in seen:
            continue
        seen.add(str(theme.partname))
        _edit_theme(theme, typeface)


def _edit_theme(theme: Part, typeface: str) -> None:
    if isinstance(theme, XmlPart):
        _set_font_scheme(theme._element, typeface)
        return
    root = etree.fromstring(theme.blob)
    _set_font_scheme(root, typeface)
    theme.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_font_scheme(theme: etree._Element, typeface: str) -> None:
    for collection in ("a:majorFont", "a:minorFont"):
        for fonts in theme.iter(qn(collection)):
            _set_collection(fonts, typeface)


def _set_collection(fonts: etree._Element, typeface: str) -> None:
    """Set latin and ea (adding them, and cs, when missing) and the Hant script font."""
    previous = None
    for tag in _THEME_SLOTS:
        slot = fonts.find(qn(tag))
        if slot is None:
            slot = etree.SubElement(fonts, qn(tag), typeface="")
            if previous is None:
                fonts.insert(0, slot)
            else:
                previous.addnext(slot)
        if tag != "a:cs":
            _retarget(slot, typeface)
        previous = slot
    _set_script_font(fonts, previous, typeface)


def _set_script_font(fonts: etree._Element, cs: etree._Element, typeface: str) -> None:
    for font in fonts.findall(qn("a:font")):
        if font.get("script") == _HANT:
            font.set("typeface", typeface)
            return
    scripts = fonts.findall(qn("a:font"))
    anchor = scripts[-1] if scripts else cs
    hant = etree.SubElement(fonts, qn("a:font"), script=_HANT, typeface=typeface)
    anchor.addnext(hant)


def _retarget(slot: etree._Element, typeface: str) -> None:
    """Point a theme font at ``typeface``, dropping the old font's panose/pitch/charset."""
    for attr in ("panose", "pitchFamily", "charset"):
        slot.attrib.pop(attr, None)
    slot.set("typeface", typeface)
