"""Embedded OpenType (EOT): the wrapper PowerPoint expects in a ``.fntdata`` part.

Layout per the W3C Member Submission "Embedded OpenType (EOT) File Format" (2008), all integers
little-endian. We write version 0x00020002, uncompressed and not XOR-obfuscated (flags 0, or
0x1 when the font is a subset), with an empty RootString; the header fields are copied from the
font's ``OS/2``, ``head`` and ``name`` tables. Also home to the small name-table helpers that
:mod:`briefing.fonts.family` shares with this module (the EOT FamilyName must equal the deck's
typeface).
"""

from __future__ import annotations

import struct
from io import BytesIO
from typing import TYPE_CHECKING

from fontTools.ttLib import TTFont

if TYPE_CHECKING:
    from fontTools.ttLib.tables.O_S_2f_2 import table_O_S_2f_2

EOT_VERSION = 0x00020002
EOT_MAGIC = 0x504C
TTEMBED_SUBSET = 0x00000001
DEFAULT_CHARSET = 1  # the EOT header's Charset, as the submission asks for compatibility
_ROOT_CHECKSUM_XOR = 0x50475342
_EN_US = 0x409
# OS/2 code-page bit -> p:font charset (a signed byte): Big5 first, this being a zh-TW product.
_CHARSETS = ((20, -120), (18, -122), (17, -128), (19, -127), (21, -126))


def wrap_eot(ttf: bytes, *, subset: bool) -> bytes:
    """Return ``ttf`` (a single TrueType font) wrapped in an EOT v2.2 header.

    ``subset`` sets the TTEMBED_SUBSET flag. The FamilyName, StyleName, VersionName and FullName
    strings are the font's Windows name IDs 1, 2, 5 and 4 (US English preferred).
    """
    with TTFont(BytesIO(ttf), lazy=True) as font:
        fixed = _fixed_fields(font, TTEMBED_SUBSET if subset else 0)
        names = _name_strings(font)
    header_size = 8 + len(fixed) + len(names) + len(_V22_TAIL)
    sizes = struct.pack("<II", header_size + len(ttf), len(ttf))
    return sizes + fixed + names + _V22_TAIL + ttf


def _fixed_fields(font: TTFont, flags: int) -> bytes:
    """Version through Reserved4: the fixed-size part of the header after the two sizes."""
    os2 = font["OS/2"]
    codepages = (os2.ulCodePageRange1, os2.ulCodePageRange2) if os2.version >= 1 else (0, 0)
    return struct.pack(
        "<II10sBBIHH4I2II4I",
        EOT_VERSION,
        flags,
        panose_bytes(os2),
        DEFAULT_CHARSET,
        1 if os2.fsSelection & 0x1 else 0,
        os2.usWeightClass,
        os2.fsType,
        EOT_MAGIC,
        os2.ulUnicodeRange1,
        os2.ulUnicodeRange2,
        os2.ulUnicodeRange3,
        os2.ulUnicodeRange4,
        *codepages,
        font["head"].checkSumAdjustment,
        0,
        0,
        0,
        0,
    )


def _name_strings(font: TTFont) -> bytes:
    """Padding1, FamilyName, Padding2, StyleName, Padding3, VersionName, Padding4, FullName,
    Padding5 and an empty RootString (each string: USHORT byte size + UTF-16LE, no NUL)."""
    out = bytearray()
    for name_id in (1, 2, 5, 4):
        raw = (windows_name(font, name_id) or "").encode("utf-16-le")
        out += struct.pack("<HH", 0, len(raw)) + raw
    out += struct.pack("<HH", 0, 0)  # Padding5, RootStringSize (no RootString bytes)
    return bytes(out)


# RootStringCheckSum (of an empty RootString), EUDCCodePage, Padding6, SignatureSize,
# EUDCFlags, EUDCFontSize: no signature, no EUDC font.
_V22_TAIL = struct.pack("<IIHHII", 0 ^ _ROOT_CHECKSUM_XOR, 0, 0, 0, 0, 0)


def panose_bytes(os2: table_O_S_2f_2) -> bytes:
    """The 10 PANOSE bytes of an ``OS/2`` table, in table order."""
    p = os2.panose
    return bytes(
        [
            p.bFamilyType,
            p.bSerifStyle,
            p.bWeight,
            p.bProportion,
            p.bContrast,
            p.bStrokeVariation,
            p.bArmStyle,
            p.bLetterForm,
            p.bMidline,
            p.bXHeight,
        ]
    )


def charset(os2: table_O_S_2f_2) -> int:
    """The ``p:font`` charset (signed byte) for a font's OS/2 code pages: Big5 -120, GB2312
    -122, Shift-JIS -128, Wansung -127, Johab -126, else ANSI 0 (Latin 1) or DEFAULT 1."""
    pages = os2.ulCodePageRange1 if os2.version >= 1 else 0
    for bit, value in _CHARSETS:
        if pages & (1 << bit):
            return value
    return 0 if pages & 1 else 1


def pitch_family(os2: table_O_S_2f_2, *, fixed: bool = False) -> int:
    """ST_PitchFamily from PANOSE: pitch (1 fixed, 2 variable) | family (0x10 roman, 0x20
    swiss, 0x30 modern, 0x40 script, 0x50 decorative, 0 unknown)."""
    p = os2.panose
    fixed = fixed or (p.bFamilyType == 2 and p.bProportion == 9)
    if fixed:
        return 0x30 | 1
    if p.bFamilyType == 2:
        kind = 0x20 if p.bSerifStyle >= 11 else 0x10 if p.bSerifStyle >= 2 else 0
    else:
        kind = {3: 0x40, 4: 0x50, 5: 0x50}.get(p.bFamilyType, 0)
    return kind | 2


def windows_name(font: TTFont, name_id: int) -> str | None:
    """The font's Windows-platform name ``name_id``, US English first; None when it has none.

    Falls back to any language on the Windows platform, then to any Unicode-decodable record.
    """
    records = [r for r in font["name"].names if r.nameID == name_id]
    records.sort(key=lambda r: (r.platformID != 3, r.langID != _EN_US))
    for rec in records:
        try:
            text: str = rec.toUnicode()
        except UnicodeDecodeError:
            continue
        if text:
            return text
    return None


def all_names(font: TTFont, name_ids: tuple[int, ...]) -> set[str]:
    """Every decodable string of the given name IDs, in any platform and language."""
    out: set[str] = set()
    for rec in font["name"].names:
        if rec.nameID in name_ids:
            try:
                text = rec.toUnicode().strip()
            except UnicodeDecodeError:
                continue
            if text:
                out.add(text)
    return out
