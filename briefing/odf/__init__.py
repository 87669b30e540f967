"""The deck as an OpenDocument presentation (.odp), written directly (no office suite).

The finished .pptx is the source of truth: :mod:`briefing.odf.reading` reads the shapes
python-pptx wrote (positions, text runs, tables, pictures, notes) with what they inherit from
their layout and master, and :mod:`briefing.odf.document` writes them as ODF draw frames on
master pages made from the layouts, with the deck's subset faces embedded as TrueType the way
LibreOffice embeds fonts (which LibreOffice 7.4 honours, where it ignores a .pptx's fonts).
Only lxml and zipfile are used here; python-pptx stays in ``briefing/deck``.
"""

from __future__ import annotations

import io
import struct
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from briefing.odf.document import FontFile, Properties, odp_bytes
from briefing.odf.reading import read_deck

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from briefing.fonts.family import EmbeddedFace

__all__ = ["FontFile", "font_files", "odp_from_pptx"]

_EOT_COMPRESSED, _EOT_XOR = 0x4, 0x10000000


def odp_from_pptx(
    pptx: bytes,
    typeface: str,
    faces: Sequence[EmbeddedFace],
    epoch: dt.datetime,
    charts: Mapping[str, bytes] | None = None,
) -> bytes:
    """The .odp of the .pptx ``pptx``: the same slides, drawn in ``typeface``, with ``faces``
    (the subsets embedded in the .pptx, so the same licence decisions) embedded as TrueType;
    native charts as the pictures ``charts`` gives by shape name (``Chart <id>``)."""
    deck = read_deck(pptx, charts)
    return odp_bytes(deck, typeface, font_files(faces), _properties(pptx), epoch)


def font_files(faces: Sequence[EmbeddedFace]) -> list[FontFile]:
    """The TrueType font inside each face's EOT wrapper (uncompressed, as the deck writes it)."""
    files = []
    for face in faces:
        size, data_size, _version, flags = struct.unpack_from("<4I", face.eot, 0)
        if flags & (_EOT_COMPRESSED | _EOT_XOR) or size != len(face.eot):
            raise ValueError(f"{face.family} {face.style}: not a plain EOT wrapper")
        files.append(FontFile(face.family, face.style, face.eot[size - data_size :]))
    return files


_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}


def _properties(pptx: bytes) -> Properties:
    """Title, subject, author and keywords as the .pptx states them (docProps/core.xml)."""
    with zipfile.ZipFile(io.BytesIO(pptx)) as archive:
        try:
            core = etree.fromstring(archive.read("docProps/core.xml"))
        except KeyError:
            return Properties()

    def text(path: str) -> str:
        return core.findtext(path, "", _CORE).strip()

    return Properties(
        title=text("dc:title"),
        subject=text("dc:subject"),
        creator=text("dc:creator"),
        keywords=text("cp:keywords"),
        language=text("dc:language") or "zh-TW",
    )
