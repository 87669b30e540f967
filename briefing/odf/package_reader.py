"""Reading a finished .pptx as XML parts (lxml and zipfile only, no python-pptx: only
``briefing/deck`` imports it): parts by name, their relationships, and the theme's colours.
"""

from __future__ import annotations

import colorsys
import io
import posixpath
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Iterator

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def q(name: str) -> str:
    """``a:tag`` as lxml's ``{uri}tag``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class Package:
    """The parts of a .pptx: XML parsed once, binary parts as bytes."""

    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._names = set(self._zip.namelist())
        self._xml: dict[str, etree._Element] = {}

    def xml(self, name: str) -> etree._Element:
        if name not in self._xml:
            self._xml[name] = etree.fromstring(self._zip.read(name), _PARSER)
        return self._xml[name]

    def blob(self, name: str) -> bytes:
        return self._zip.read(name)

    def rels(self, name: str) -> dict[str, tuple[str, str]]:
        """rId -> (type suffix such as ``slideLayout``, the target part's name)."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name not in self._names:
            return {}
        found: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iter(_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
        return found

    def related(self, name: str, kind: str) -> str | None:
        """The first part ``name`` relates to with relationship type ``kind``."""
        return next((t for k, t in self.rels(name).values() if k == kind), None)

    def slides(self) -> Iterator[str]:
        """The slide parts in presentation order."""
        pres = "ppt/presentation.xml"
        rels = self.rels(pres)
        for entry in self.xml(pres).iterfind("p:sldIdLst/p:sldId", NS):
            yield rels[entry.get(q("r:id")) or ""][1]


# -- colours -------------------------------------------------------------------------------------
class Colours:
    """Resolves DrawingML colour elements to ``#rrggbb`` through the theme and colour map."""

    def __init__(self, theme: etree._Element, colour_map: etree._Element | None) -> None:
        self.scheme: dict[str, str] = {}
        scheme = theme.find(".//a:clrScheme", NS)
        for slot in scheme if scheme is not None else ():
            name = etree.QName(slot).localname
            value = slot[0].get("val") or slot[0].get("lastClr") if len(slot) else None
            if value:
                self.scheme[name] = value.upper()
        self.mapping = dict(colour_map.attrib) if colour_map is not None else {}

    def of(self, holder: etree._Element | None) -> str | None:
        """The colour of a ``solidFill`` (or any element holding one colour child)."""
        if holder is None or not len(holder):
            return None
        colour = holder[0]
        tag = etree.QName(colour).localname
        if tag == "srgbClr":
            base = colour.get("val", "000000")
        elif tag == "schemeClr":
            name = colour.get("val", "tx1")
            base = self.scheme.get(self.mapping.get(name, name), "000000")
        elif tag == "sysClr":
            base = colour.get("lastClr", "000000")
        else:
            return None
        return "#" + _modified(base, colour).lower()


def _modified(hex_rgb: str, colour: etree._Element) -> str:
    """Apply DrawingML's tint, shade, lumMod and lumOff to ``hex_rgb``."""
    r, g, b = (int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for mod in colour:
        kind, value = etree.QName(mod).localname, int(mod.get("val", "100000")) / 100000
        if kind == "tint":  # towards white, in linear RGB as PowerPoint and LibreOffice do
            r, g, b = (_gamma(1 - (1 - _linear(c)) * value) for c in (r, g, b))
        elif kind == "shade":
            r, g, b = (_gamma(_linear(c) * value) for c in (r, g, b))
        elif kind in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = light * value if kind == "lumMod" else light + value
            r, g, b = colorsys.hls_to_rgb(h, min(max(light, 0.0), 1.0), s)
    return "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b))


_GAMMA = 2.3  # DrawingML's tint and shade work on linear values (LibreOffice's oox uses 2.3)


def _linear(c: float) -> float:
    return c**_GAMMA


def _gamma(c: float) -> float:
    return max(c, 0.0) ** (1 / _GAMMA)
