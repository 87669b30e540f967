"""Subsetting a font for embedding: bytes in, TrueType bytes out, cached on disk.

The pipeline follows fontTools' own (options -> populate -> subset -> save) and adds what a
PowerPoint embedding needs on top:

1. subset to the requested code points (or keep everything for fsType 0x0100 "no subsetting");
2. convert CFF (PostScript) outlines to quadratic TrueType ``glyf`` *after* subsetting, where it
   costs milliseconds instead of the half minute a whole CJK font takes;
3. make sure a Windows (3,1) / (3,10) ``cmap`` subtable exists;
4. give the face the deck's typeface as its Windows name ID 1 (a bold face whose ID 1 is, say,
   "Foo Bold" becomes family "Foo", subfamily "Bold"), so one typeface covers regular and bold.

What we keep, and why: outlines, metrics (horizontal and vertical), ``kern`` and the small set of
substitutions PowerPoint applies to CJK text (``ccmp``, ``locl``, ``liga``, and ``vert``/``vrt2``
for vertical text boxes). Measured on Noto Sans TC with ~1,150 characters, dropping GSUB/GPOS
altogether saves only ~3 %, so they stay. Hinting (``fpgm``/``cvt``/``prep`` and glyph programs)
is dropped when the font is hinted; for an unhinted font we leave the glyphs untouched, which lets
fontTools copy their bytes without decoding them (0.25 s instead of 0.5 s per face).
"""

from __future__ import annotations

import hashlib
import logging
from io import BytesIO
from typing import TYPE_CHECKING

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

from briefing import files
from briefing.fonts.eot import windows_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

log = logging.getLogger("briefing")

#: Bump whenever the output of :func:`subset_font` changes, to invalidate cached subsets (and
#: then run ``python tools/make_prebuilt_fonts.py``).
SUBSET_VERSION = 1
LAYOUT_FEATURES = ("kern", "ccmp", "locl", "liga", "vert", "vrt2")
_DROP_TABLES = ("BASE", "STAT", "DSIG", "VORG", "meta")
_CU2QU_MAX_ERR = 1.0  # font units: invisible at 1000 or 2048 units per em
_TRUETYPE = "\x00\x01\x00\x00"
_SFNT_TAGS = (_TRUETYPE.encode("latin-1"), b"true")


def subset_font(data: bytes, codepoints: Iterable[int] | None, *, family: str, style: str) -> bytes:
    """Return a single-face TrueType font made from ``data`` for embedding as ``family``/``style``.

    ``codepoints`` None keeps every glyph (fsType 0x0100 fonts); otherwise only those characters
    (the ones the font lacks are ignored) plus what layout features reach from them.
    """
    font = TTFont(BytesIO(data), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    with font:
        is_cff = "CFF " in font
        if codepoints is not None:
            _subset(font, codepoints)
        if is_cff:
            _cff_to_glyf(font)
        _ensure_windows_cmap(font)
        _set_family(font, family, style)
        buf = BytesIO()
        font.save(buf)
    return buf.getvalue()


def cached_subset(
    data: bytes | Callable[[], bytes],
    codepoints: Iterable[int] | None,
    *,
    family: str,
    style: str,
    cache_dir: Path,
    digest: str | None = None,
) -> bytes:
    """:func:`subset_font` through a disk cache under ``cache_dir / "subsets"``.

    ``data`` is the font's bytes, or a function reading them, called only when the cache
    misses (then ``digest``, the bytes' SHA-256 in hex, must be given). The key is that
    SHA-256, the sorted code points, family, style and :data:`SUBSET_VERSION`; each entry is
    sealed with its own SHA-256 and a damaged one is subset again (see
    :func:`briefing.files.read_sealed`). An unreadable or unwritable cache only costs the
    subsetting time.
    """
    wanted = None if codepoints is None else sorted(set(codepoints))
    if digest is None:
        assert isinstance(data, bytes), "a digest is needed to read the font only on a miss"
        digest = hashlib.sha256(data).hexdigest()
    path = cache_dir / "subsets" / f"{_cache_key(digest, wanted, family, style)}.ttf"
    cached = files.read_sealed(path)
    if cached is not None and cached[:4] in _SFNT_TAGS:
        return cached
    ttf = subset_font(
        data if isinstance(data, bytes) else data(), wanted, family=family, style=style
    )
    files.store_sealed(path, ttf)
    return ttf


def _cache_key(digest: str, codepoints: list[int] | None, family: str, style: str) -> str:
    h = hashlib.sha256()
    h.update(f"v{SUBSET_VERSION}\0{family}\0{style}\0".encode())
    h.update(bytes.fromhex(digest))
    h.update(b"whole" if codepoints is None else ",".join(map(str, codepoints)).encode())
    return h.hexdigest()


def write_atomic(path: Path, data: bytes) -> bool:
    """Store a cache file atomically; False when it cannot be written (see briefing.files)."""
    return files.store(path, data)


def _subset(font: TTFont, codepoints: Iterable[int]) -> None:
    from fontTools import subset as ft_subset  # 0.15 s to import: only when subsetting

    options = ft_subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.hinting = not _is_hinted(font)
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.prune_codepage_ranges = False  # keep the declared code pages (p:font charset)
    options.drop_tables = [*options.drop_tables, *_DROP_TABLES]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def _is_hinted(font: TTFont) -> bool:
    """True when the font carries TrueType hinting worth dropping (a font program or CVT)."""
    return "fpgm" in font or "cvt " in font


def _cff_to_glyf(font: TTFont) -> None:
    """Replace the ``CFF `` outlines with quadratic TrueType ``glyf``/``loca`` (in place)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {name: _quadratic(glyph_set[name]) for name in order}
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        glyph.recalcBounds(glyf)
        hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = _maxp_v1()
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = _TRUETYPE
    font.recalcBBoxes = True  # new glyphs have no stored bounds


def _quadratic(glyph: object) -> object:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    glyph.draw(Cu2QuPen(pen, _CU2QU_MAX_ERR, reverse_direction=True))  # type: ignore[attr-defined]
    return pen.glyph()


def _maxp_v1() -> object:
    """A version 1.0 ``maxp`` (TrueType); its counts are recalculated when the font is saved."""
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "numGlyphs",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    return maxp


def _ensure_windows_cmap(font: TTFont) -> None:
    """Add (3,1) format 4 and, for characters beyond the BMP, (3,10) format 12 when missing."""
    cmap = font["cmap"]
    have = {(t.platformID, t.platEncID) for t in cmap.tables}
    best = cmap.getBestCmap() or {}
    bmp = {cp: g for cp, g in best.items() if cp <= 0xFFFF}
    if (3, 1) not in have:
        cmap.tables.append(_cmap_subtable(4, 1, bmp))
    if len(bmp) < len(best) and (3, 10) not in have:
        cmap.tables.append(_cmap_subtable(12, 10, best))
    cmap.tables.sort(key=lambda t: (t.platformID, t.platEncID, t.language))


def _cmap_subtable(fmt: int, encoding: int, mapping: dict[int, str]) -> CmapSubtable:
    table = CmapSubtable.newSubtable(fmt)
    table.platformID, table.platEncID, table.language = 3, encoding, 0
    table.cmap = dict(mapping)
    return table


def _set_family(font: TTFont, family: str, style: str) -> None:
    """Make ``family`` the Windows name ID 1 (and ``style`` the subfamily) when it is not."""
    bold = style == "bold"
    subfamily = windows_name(font, 2) or ""
    if windows_name(font, 1) == family and (not bold or "bold" in subfamily.lower()):
        return
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 2, 4, 16, 17)]
    sub = "Bold" if bold else "Regular"
    for name_id, text in ((1, family), (2, sub), (4, f"{family} {sub}")):
        name.setName(text, name_id, 3, 1, 0x409)
    if bold:
        os2 = font["OS/2"]
        os2.fsSelection = (os2.fsSelection | 0x20) & ~0x40
        font["head"].macStyle |= 0x1
