"""Fonts for the deck: finding a family, checking its coverage, preparing faces to embed.

Bytes in, bytes out, no python-pptx: :func:`load_family` finds the regular and bold faces (the
bundled Noto Sans TC, a font file, or an installed family by name) and applies the licence
policy; :func:`missing_characters` says which characters of which slides a face cannot draw;
:func:`prepare_faces` subsets each face to the deck's text and wraps it as EOT, ready for
``briefing.deck.embed.embed_fonts``.

Licence policy (OS/2 ``fsType``): 0 (installable) and 0x0008 (editable) embed; 0x0004 (preview &
print) embeds with a warning, as the deck then opens read-only where the font is not installed;
0x0002 (restricted) and 0x0200 (bitmap only) raise :class:`FontError`; 0x0100 (no subsetting)
embeds the whole font. Variable fonts raise :class:`FontError` (embed a static instance).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from fontTools.ttLib import TTFont

from briefing import files, limits
from briefing.errors import FontError, FontNotFound
from briefing.fonts import find as fontfind
from briefing.fonts.eot import charset, panose_bytes, pitch_family, wrap_eot
from briefing.fonts.prebuilt import prebuilt_for
from briefing.fonts.subset import cached_subset

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "BASE_TEXT",
    "BUNDLED_FAMILY",
    "EmbeddedFace",
    "FontFace",
    "FontFamily",
    "MissingChar",
    "default_cache_dir",
    "load_family",
    "missing_characters",
    "prepare_faces",
    "wrap_eot",
]

BUNDLED_FAMILY = "Noto Sans TC"
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
_BUNDLED_REGULAR = "NotoSansTC_400Regular.ttf"

FS_RESTRICTED = 0x0002
FS_PREVIEW_PRINT = 0x0004
FS_EDITABLE = 0x0008
FS_NO_SUBSETTING = 0x0100
FS_BITMAP_ONLY = 0x0200

#: Always embedded, so text typed later in PowerPoint still has glyphs: printable ASCII, CJK
#: symbols and punctuation (U+3000-303F), full-width forms (U+FF00-FFEF), common punctuation.
BASE_TEXT = (
    "".join(map(chr, range(0x20, 0x7F)))
    + "".join(map(chr, range(0x3000, 0x3040)))
    + "".join(map(chr, range(0xFF00, 0xFFF0)))
    + "\u00a0…“”‘’—–•·×"
)
#: The bold face carries titles and headers: it gets a smaller base (no full-width letters
#: and digits), which keeps the two faces within 1.2x a plain subset of what the deck shows.
BOLD_BASE_TEXT = (
    "".join(map(chr, range(0x20, 0x7F)))
    + "".join(map(chr, range(0x3000, 0x3040)))
    + "".join(chr(c) for c in range(0xFF01, 0xFF66) if not chr(c).isalnum())
    + "\u00a0…“”‘’—–•·×"
)


@dataclass(frozen=True)
class FontFace:
    """One face of a family, as a single-face font file on disk."""

    family: str  # the typeface written in the deck (shared by regular and bold)
    style: str  # "regular" or "bold"
    path: Path  # a single-face font (a collection face is extracted into the cache)
    fs_type: int  # OS/2 fsType

    def data(self) -> bytes:
        """The font file's bytes."""
        return self.path.read_bytes()


@dataclass(frozen=True)
class FontFamily:
    """The faces the deck uses; ``bold`` is None when the family has none (regular stands in)."""

    name: str
    regular: FontFace
    bold: FontFace | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class MissingChar:
    """A character the face that should draw it does not have, and the slides using it."""

    char: str
    codepoint: str  # "U+4E2D"
    slides: tuple[int, ...]
    face: str  # "Noto Sans TC" or "Noto Sans TC Bold"

    def __str__(self) -> str:
        where = "slide" if len(self.slides) == 1 else "slides"
        numbers = ", ".join(map(str, self.slides))
        return f"「{self.char}」 ({self.codepoint}) on {where} {numbers} is not in {self.face}"


@dataclass(frozen=True)
class EmbeddedFace:
    """A face ready for a ``.fntdata`` part, with the ``p:font`` attributes that describe it."""

    family: str
    style: str
    eot: bytes = field(repr=False)
    glyphs: int
    ttf_bytes: int
    subset: bool
    panose: bytes  # 10 bytes
    charset: int  # signed byte for p:font/@charset, e.g. -120 for Big5
    pitch_family: int  # ST_PitchFamily
    fs_type: int


def default_cache_dir() -> Path:
    """Where subsets and extracted faces are cached (see :func:`briefing.files.cache_dir`)."""
    return files.cache_dir("fonts")


# ----------------------------------------------------------------------------- load_family
def load_family(
    spec: str | Path | None = None,
    *,
    index: int | None = None,
    cache_dir: Path | None = None,
) -> FontFamily:
    """The font family named by ``spec``.

    ``spec`` is None (or "Noto Sans TC") for the bundled font; a path to a .ttf/.otf/.ttc file
    (``index`` or a ``file.ttc#1`` suffix picks a collection face), whose bold sibling is looked
    for in the same folder; or an installed family name (English or localized, any case).
    Raises FontNotFound when nothing matches and FontError when the font may not be embedded.
    """
    cache = cache_dir if cache_dir is not None else default_cache_dir()
    if spec is None or str(spec).strip().casefold() == BUNDLED_FAMILY.casefold():
        return _family_from_file(BUNDLED_DIR / _BUNDLED_REGULAR, 0, cache)
    path, face_index = _parse_spec(spec, index)
    if path is not None:
        return _family_from_file(path, face_index, cache)
    return _family_from_name(str(spec), cache)


def _parse_spec(spec: str | Path, index: int | None) -> tuple[Path | None, int | None]:
    """(path, face index) when ``spec`` names a file, (None, None) when it is a family name."""
    if isinstance(spec, Path) or Path(spec).is_file():
        return Path(spec), index
    base, sep, number = spec.rpartition("#")
    if sep and number.isdigit() and files.looks_like_font_path(base):
        return Path(base), int(number) if index is None else index
    return (Path(spec), index) if files.looks_like_font_path(spec) else (None, None)


def _family_from_file(path: Path, index: int | None, cache: Path) -> FontFamily:
    if not path.is_file():
        limits.require_regular(path, error=FontError, what="font file")  # a FIFO, a device
        problem = "is a folder, not a font file" if path.is_dir() else "does not exist"
        raise FontNotFound(f"font file '{path}' {problem}", file=path)
    faces = fontfind.read_faces(path)
    number = index or 0
    if not 0 <= number < len(faces):
        raise FontError(
            f"font file '{path}' has {len(faces)} face(s); face index {number} does not exist",
            file=path,
        )
    regular = faces[number]
    folder = fontfind.scan([path.parent], recursive=False, cache_dir=cache)
    bold = None if regular.bold else fontfind.pick_bold(fontfind.siblings(regular, folder), regular)
    return _build_family(regular, bold, cache)


def _family_from_name(name: str, cache: Path) -> FontFamily:
    dirs = fontfind.font_dirs()
    faces = fontfind.find_family(name, fontfind.scan(dirs, recursive=True, cache_dir=cache))
    if not faces:
        looked = ", ".join(str(d) for d in dirs)
        raise FontNotFound(f"font '{name}' is not installed (looked in: {looked})")
    static = [f for f in faces if not f.variable] or faces
    regular = fontfind.pick_regular(static)
    return _build_family(regular, fontfind.pick_bold(static, regular), cache)


def _build_family(
    regular: fontfind.FaceInfo, bold: fontfind.FaceInfo | None, cache: Path
) -> FontFamily:
    problem = _embedding_problem(regular)
    if problem:
        raise FontError(problem, file=regular.path)
    warnings: list[str] = []
    if bold is not None and (problem := _embedding_problem(bold)):
        warnings.append(f"{problem}; bold text uses the regular face")
        bold = None
    warnings += _style_warnings(regular, bold)
    name = regular.family
    return FontFamily(
        name=name,
        regular=_face(regular, name, "regular", cache),
        bold=_face(bold, name, "bold", cache) if bold is not None else None,
        warnings=tuple(warnings),
    )


def _style_warnings(regular: fontfind.FaceInfo, bold: fontfind.FaceInfo | None) -> list[str]:
    out = []
    name = regular.family
    if regular.bold:
        out.append(
            f"font '{name}' ({regular.label}) is bold (weight {regular.weight}): "
            "all text will look bold"
        )
    elif bold is None:
        out.append(f"font '{name}' has no bold face: PowerPoint will synthesise bold text")
    for info in (regular, bold):
        if info is not None and _licence(info.fs_type) == "preview":
            out.append(
                f"font '{name}' ({info.label}) allows only Preview & Print embedding "
                f"(fsType 0x{info.fs_type:04X}): the deck opens read-only where it is not installed"
            )
    return out


def _licence(fs_type: int) -> str:
    """'bitmap', 'restricted', 'preview' or 'installable' (the least restrictive bit wins)."""
    if fs_type & FS_BITMAP_ONLY:
        return "bitmap"
    usage = fs_type & 0x000F
    if usage == 0 or usage & FS_EDITABLE:
        return "installable"
    return "preview" if usage & FS_PREVIEW_PRINT else "restricted"


def _licence_problem(fs_type: int) -> str | None:
    """Why fsType ``fs_type`` forbids embedding (completing "font 'X' ..."); None when it allows."""
    licence = _licence(fs_type)
    if licence == "restricted":
        return f"has fsType 0x{fs_type:04X} (Restricted License): cannot be embedded"
    if licence == "bitmap":
        return f"has fsType 0x{fs_type:04X} (bitmap embedding only): cannot be embedded"
    return None


def _embedding_problem(info: fontfind.FaceInfo) -> str | None:
    """Why ``info`` cannot be embedded, as a message naming the font; None when it can."""
    problem = _licence_problem(info.fs_type)
    if problem is None and info.variable:
        problem = "is a variable font: cannot be embedded; install a static instance"
    return f"font '{info.family}' ({info.label}) {problem}" if problem else None


def _face(info: fontfind.FaceInfo, family: str, style: str, cache: Path) -> FontFace:
    path = fontfind.extract_face(info, cache) if info.collection else Path(info.path)
    return FontFace(family=family, style=style, path=path, fs_type=info.fs_type)


# ----------------------------------------------------------------------------- coverage
def missing_characters(
    family: FontFamily,
    texts: Mapping[int, str],
    *,
    bold_texts: Mapping[int, str] | None = None,
    cache_dir: Path | None = None,
) -> list[MissingChar]:
    """The characters of ``texts`` (slide number -> text) the regular face lacks, and of
    ``bold_texts`` the bold face (or regular, without one) lacks; whitespace and control
    characters are ignored. Sorted by first slide, then code point. What each face covers is
    cached in ``cache_dir``."""
    cache = cache_dir if cache_dir is not None else default_cache_dir()
    found: dict[tuple[str, str], set[int]] = {}
    checks = [(family.regular, texts), (family.bold or family.regular, bold_texts or {})]
    for face, by_slide in checks:
        has = _coverage_test(face, cache)
        label = f"{face.family} Bold" if face.style == "bold" else face.family
        for slide, text in by_slide.items():
            for ch in set(text):
                if not _ignorable(ch) and not has(ord(ch)):
                    found.setdefault((label, ch), set()).add(slide)
    missing = [
        MissingChar(ch, f"U+{ord(ch):04X}", tuple(sorted(slides)), label)
        for (label, ch), slides in found.items()
    ]
    return sorted(missing, key=lambda m: (m.slides[0], ord(m.char), m.face))


def _coverage_test(face: FontFace, cache: Path) -> Callable[[int], bool]:
    """Whether ``face`` has a glyph for a code point: answered by the face's prebuilt subset
    where it can, reading the face's own ``cmap`` (once) only for other code points."""
    found = prebuilt_for(face.path)
    full: list[frozenset[int]] = []

    def has(codepoint: int) -> bool:
        known = found.covers(codepoint) if found is not None else None
        if known is not None:
            return known
        if not full:
            full.append(fontfind.coverage(face.path, cache))
        return codepoint in full[0]

    return has


def _ignorable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


# ----------------------------------------------------------------------------- prepare_faces
def prepare_faces(
    family: FontFamily,
    text: str,
    bold_text: str = "",
    *,
    cache_dir: Path | None = None,
) -> list[EmbeddedFace]:
    """The faces to embed: regular subset to ``text`` + :data:`BASE_TEXT`, bold subset to
    ``bold_text`` + :data:`BOLD_BASE_TEXT` (no bold face when the family has none, its text then
    going to regular, or when ``bold_text`` is blank). Subsets are cached in ``cache_dir``."""
    cache = cache_dir if cache_dir is not None else default_cache_dir()
    jobs = [(family.regular, text if family.bold else text + bold_text)]
    if family.bold is not None and bold_text.strip():
        jobs.append((family.bold, bold_text))
    return [_embed_face(face, chars, cache) for face, chars in jobs]


def _embed_face(face: FontFace, text: str, cache: Path) -> EmbeddedFace:
    problem = _licence_problem(face.fs_type)
    if problem:
        raise FontError(f"font '{face.family}' ({face.path.name}) {problem}", file=face.path)
    whole = bool(face.fs_type & FS_NO_SUBSETTING)
    base = BOLD_BASE_TEXT if face.style == "bold" else BASE_TEXT
    codepoints = None if whole else _codepoints(text + base)
    try:
        data, digest = _subset_source(face, codepoints)
        ttf = cached_subset(
            data, codepoints, family=face.family, style=face.style, cache_dir=cache, digest=digest
        )
        return _describe(face, ttf, subset=not whole)
    except OSError as exc:
        raise FontError(f"font '{face.family}' cannot be read: {exc}", file=face.path) from exc
    except Exception as exc:  # fontTools on a malformed font: any error, none of them ours
        message = f"font '{face.family}' ({face.path.name}) cannot be subset for embedding: {exc!r}"
        raise FontError(message, file=face.path) from exc


def _subset_source(
    face: FontFace, codepoints: set[int] | None
) -> tuple[bytes | Callable[[], bytes], str | None]:
    """The font to subset, and its SHA-256 when known without reading it: the face's prebuilt
    subset when it holds every code point asked for (the bundled font and report: a few
    hundred KB instead of 7 MB), else the face itself, read only if the cache misses."""
    found = prebuilt_for(face.path) if codepoints is not None else None
    if found is not None and found.serves(codepoints):  # type: ignore[arg-type]
        return found.data, None
    return face.data, files.sha256(face.path)


def _codepoints(text: str) -> set[int]:
    return {ord(ch) for ch in text if unicodedata.category(ch) not in ("Cc", "Cs")}


def _describe(face: FontFace, ttf: bytes, *, subset: bool) -> EmbeddedFace:
    with TTFont(BytesIO(ttf), lazy=True) as font:
        os2 = font["OS/2"]
        return EmbeddedFace(
            family=face.family,
            style=face.style,
            eot=wrap_eot(ttf, subset=subset),
            glyphs=font["maxp"].numGlyphs,
            ttf_bytes=len(ttf),
            subset=subset,
            panose=panose_bytes(os2),
            charset=charset(os2),
            pitch_family=pitch_family(os2, fixed=bool(font["post"].isFixedPitch)),
            fs_type=os2.fsType,
        )
