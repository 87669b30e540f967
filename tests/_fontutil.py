"""Tiny real fonts for the font tests, built with fontTools' FontBuilder (no binaries committed),
and an EOT header parser written from the W3C submission, independent of briefing.fonts.eot."""

from __future__ import annotations

import struct
from io import BytesIO
from typing import TYPE_CHECKING, Any

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

if TYPE_CHECKING:
    from pathlib import Path

CHARS = "中文字ABCabc123。，"
BIG5_BIT = 1 << 20
LATIN1_BIT = 1 << 0


def build_font(
    family: str = "Tiny Sans",
    style: str = "Regular",
    *,
    chars: str = CHARS,
    weight: int = 400,
    fs_type: int = 0,
    cff: bool = False,
    typographic: str | None = None,
    localized: str | None = None,
    variable: bool = False,
    codepages: int = LATIN1_BIT | BIG5_BIT,
    blank: str = "",
) -> bytes:
    """A font mapping space and ``chars`` to distinct outlined glyphs (``blank`` ones empty).

    ``typographic`` adds name IDs 16/17, ``localized`` a zh-TW name ID 1, ``variable`` an fvar
    table; ``cff`` makes an OTTO font with cubic outlines.
    """
    cps = sorted({ord(c) for c in chars + blank if c != " "})
    order = [".notdef", "space", *(f"u{cp:04X}" for cp in cps)]
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", **{cp: f"u{cp:04X}" for cp in cps}})
    blanks = {f"u{ord(c):04X}" for c in blank} | {"space"}
    _outlines(fb, order, blanks, cff, family, style)
    fb.setupHorizontalMetrics({name: (1000 if name.startswith("u") else 500, 0) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable(_names(family, style, typographic, localized), mac=False)
    bold = weight >= 600
    fb.setupOS2(
        usWeightClass=weight,
        fsType=fs_type,
        fsSelection=0x20 if bold else 0x40,
        ulCodePageRange1=codepages,
        sTypoAscender=880,
        sTypoDescender=-120,
        usWinAscent=880,
        usWinDescent=120,
    )
    os2 = fb.font["OS/2"]
    os2.panose.bFamilyType, os2.panose.bSerifStyle = 2, 11
    fb.font["head"].macStyle = 1 if bold else 0
    fb.setupPost()
    if variable:
        fb.setupFvar(axes=[("wght", 100, weight, 900, "Weight")], instances=[])
    buf = BytesIO()
    fb.save(buf)
    return buf.getvalue()


def _names(
    family: str, style: str, typographic: str | None, localized: str | None
) -> dict[str, Any]:
    names: dict[str, Any] = {
        "familyName": {"en": family, "zh-TW": localized} if localized else family,
        "styleName": style,
        "uniqueFontIdentifier": f"{family}-{style}",
        "fullName": f"{family} {style}",
        "psName": f"{family}-{style}".replace(" ", ""),
        "version": "Version 1.000",
    }
    if typographic:
        names["typographicFamily"] = typographic
        names["typographicSubfamily"] = style
    return names


def _outlines(
    fb: FontBuilder, order: list[str], blanks: set[str], cff: bool, family: str, style: str
) -> None:
    if cff:
        strings = {name: _cubic(i, name in blanks) for i, name in enumerate(order)}
        ps = f"{family}-{style}".replace(" ", "")
        fb.setupCFF(ps, {"FullName": f"{family} {style}"}, strings, {})
    else:
        fb.setupGlyf({name: _box(i, name in blanks) for i, name in enumerate(order)})


def _box(i: int, blank: bool) -> Any:
    pen = TTGlyphPen(None)
    if not blank:
        pen.moveTo((100, 0))
        pen.lineTo((100, 500 + 10 * i))
        pen.lineTo((600, 500 + 10 * i))
        pen.lineTo((600, 0))
        pen.closePath()
    return pen.glyph()


def _cubic(i: int, blank: bool) -> Any:
    width = 1000 if i > 1 else 500
    pen = T2CharStringPen(width, None)
    if not blank:
        pen.moveTo((100, 0))
        pen.curveTo((100, 400 + 10 * i), (600, 400 + 10 * i), (600, 0))
        pen.closePath()
    return pen.getCharString()


def build_collection(fonts: list[bytes], path: Path) -> Path:
    """Write ``fonts`` as a TrueType collection at ``path``."""
    ttc = TTCollection()
    ttc.fonts = [TTFont(BytesIO(data)) for data in fonts]
    ttc.save(str(path))
    return path


def parse_eot(data: bytes) -> dict[str, Any]:
    """The EOT header fields (W3C EOT submission, v0x00020001/2), plus ``payload``."""
    out: dict[str, Any] = {}
    (out["EOTSize"], out["FontDataSize"], out["Version"], out["Flags"]) = struct.unpack_from(
        "<4I", data, 0
    )
    out["PANOSE"] = data[16:26]
    out["Charset"], out["Italic"] = data[26], data[27]
    out["Weight"], out["fsType"], out["Magic"] = struct.unpack_from("<IHH", data, 28)
    out["UnicodeRange"] = list(struct.unpack_from("<4I", data, 36))
    out["CodePageRange"] = list(struct.unpack_from("<2I", data, 52))
    out["CheckSumAdjustment"] = struct.unpack_from("<I", data, 60)[0]
    out["Reserved"] = list(struct.unpack_from("<4I", data, 64))
    pos, paddings = 80, []
    for field in ("FamilyName", "StyleName", "VersionName", "FullName", "RootString"):
        padding, size = struct.unpack_from("<HH", data, pos)
        paddings.append(padding)
        out[field] = data[pos + 4 : pos + 4 + size].decode("utf-16-le")
        out[field + "Bytes"] = data[pos + 4 : pos + 4 + size]
        pos += 4 + size
    if out["Version"] == 0x00020002:
        (out["RootStringCheckSum"], out["EUDCCodePage"], pad6, sig) = struct.unpack_from(
            "<IIHH", data, pos
        )
        paddings.append(pad6)
        pos += 12 + sig
        out["SignatureSize"] = sig
        out["EUDCFlags"], out["EUDCFontSize"] = struct.unpack_from("<II", data, pos)
        pos += 8 + out["EUDCFontSize"]
    out["paddings"] = paddings
    out["header_end"] = pos
    out["payload"] = data[pos : pos + out["FontDataSize"]]
    return out


def load(data: bytes) -> TTFont:
    """A fully loaded TTFont from bytes (the caller closes it)."""
    return TTFont(BytesIO(data))
