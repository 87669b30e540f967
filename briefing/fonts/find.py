"""Finding font files (installed families by name, the bold sibling of a font file) and what
characters a font file covers.

Reading the name table of every installed font is the slow part of a search (hundreds of files on
Windows), so what each file holds is remembered in a small JSON index in the font cache, keyed
by path, size and modification time; so is each face's coverage (its cmap takes 0.15 s to read
for a CJK font, the cached copy 2 ms).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import struct
import sys
from array import array
from dataclasses import asdict, dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from fontTools.ttLib import TTFont, TTLibError

from briefing import files, limits
from briefing.errors import FontError
from briefing.fonts.eot import all_names, windows_name
from briefing.fonts.subset import write_atomic
from briefing.limits import MAX_FONT_FACES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

log = logging.getLogger("briefing")

FONT_SUFFIXES = frozenset(files.FONT_SUFFIXES)
_INDEX_NAME = "font-index-v1.json"


@dataclass(frozen=True)
class FaceInfo:
    """What one face of a font file is: its names, weight, style and licence bits."""

    path: str
    index: int  # face number in a collection (.ttc), 0 for a single font
    family: str  # Windows name ID 1, US English first
    typographic: str  # name ID 16 when present, else ``family``: groups a family's weights
    names: tuple[str, ...]  # casefolded IDs 1 and 16 in every language, for searching
    weight: int
    bold: bool
    italic: bool
    fs_type: int
    variable: bool
    collection: bool

    @property
    def label(self) -> str:
        """``file.ttc#1`` for a collection face, else the file name."""
        name = Path(self.path).name
        return f"{name}#{self.index}" if self.collection else name


def font_dirs() -> list[Path]:
    """The folders where this platform keeps installed fonts (existing or not)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local"))
        return [Path(windir) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    ]


def read_faces(path: Path) -> list[FaceInfo]:
    """Every face in the font file ``path``; raises FontError when it is not a font, claims
    more than ``MAX_FONT_FACES`` faces, or is cut short (a table runs past the end)."""
    limits.require_regular(path, error=FontError, what="font file")  # a FIFO would block
    try:
        count, collection = _face_count(path)
        return [_read_face(path, i, collection) for i in range(count)]
    except (OSError, TTLibError, KeyError, struct.error, AssertionError, ValueError) as exc:
        raise FontError(f"font file '{path.name}' cannot be read: {exc}", file=path) from exc


def _face_count(path: Path) -> tuple[int, bool]:
    """(number of faces, is a collection) from the file's first bytes, each face's table
    directory checked against the file's size."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(12)
        if head[:4] != b"ttcf":
            _check_tables(fh, 0, size)
            return 1, False
        count = int(struct.unpack(">I", head[8:12])[0])
        if count > MAX_FONT_FACES or 12 + 4 * count > size:
            raise ValueError(f"the collection claims {count:,} faces; refused")
        offsets = struct.unpack(f">{count}I", fh.read(4 * count))
        for offset in offsets:
            _check_tables(fh, offset, size)
    return count, True


def _check_tables(fh: BinaryIO, offset: int, size: int) -> None:
    """Refuse a face whose table directory or tables lie past the end of the file (a
    truncated download): fontTools would read them lazily and fail in the middle of a build."""
    fh.seek(offset)
    head = fh.read(12)
    if len(head) < 12:
        raise ValueError("the file ends inside a font header")
    tables = struct.unpack(">H", head[4:6])[0]
    records = fh.read(16 * tables)
    if len(records) < 16 * tables:
        raise ValueError("the file ends inside the table directory (truncated?)")
    for i in range(tables):
        tag, _, start, length = struct.unpack(">4sIII", records[16 * i : 16 * i + 16])
        if start + length > size:
            name = tag.decode("latin-1").strip()
            raise ValueError(f"table '{name}' runs past the end of the file (truncated?)")


def _read_face(path: Path, index: int, collection: bool) -> FaceInfo:
    with path.open("rb") as fh, TTFont(fh, fontNumber=index, lazy=True) as font:
        os2 = font.get("OS/2")
        family = windows_name(font, 1) or path.stem
        weight = os2.usWeightClass if os2 is not None else 400
        selection = os2.fsSelection if os2 is not None else 0
        mac_style = font["head"].macStyle
        return FaceInfo(
            path=str(path),
            index=index,
            family=family,
            typographic=windows_name(font, 16) or family,
            names=tuple(sorted(n.casefold() for n in all_names(font, (1, 16)))),
            weight=weight,
            bold=weight >= 600 or bool(selection & 0x20) or bool(mac_style & 0x1),
            italic=bool(selection & 0x1) or bool(mac_style & 0x2),
            fs_type=os2.fsType if os2 is not None else 0,
            variable="fvar" in font,
            collection=collection,
        )


def scan(dirs: Iterable[Path], *, recursive: bool, cache_dir: Path | None) -> list[FaceInfo]:
    """All readable faces in ``dirs`` (unreadable files are skipped), via the index cache."""
    index = _FontIndex(cache_dir)
    faces: list[FaceInfo] = []
    for path in _font_files(dirs, recursive):
        faces += index.faces(path)
    index.save()
    return faces


def _font_files(dirs: Iterable[Path], recursive: bool) -> Iterator[Path]:
    for folder in dirs:
        if not folder.is_dir():
            continue
        entries = folder.rglob("*") if recursive else folder.iterdir()
        try:
            found = sorted(p for p in entries if p.suffix.lower() in FONT_SUFFIXES)
        except OSError as exc:
            log.debug("cannot list %s: %s", folder, exc)
            continue
        yield from (p for p in found if p.is_file())


def find_family(name: str, faces: Sequence[FaceInfo]) -> list[FaceInfo]:
    """The faces whose family (ID 1) or typographic family (ID 16), in any language, is ``name``
    (case-insensitively)."""
    wanted = name.strip().casefold()
    return [f for f in faces if wanted in f.names]


def siblings(face: FaceInfo, faces: Sequence[FaceInfo]) -> list[FaceInfo]:
    """The other faces of ``face``'s typographic family among ``faces``."""
    key = face.typographic.casefold()
    return [
        f
        for f in faces
        if f.typographic.casefold() == key and (f.path, f.index) != (face.path, face.index)
    ]


def pick_regular(faces: Sequence[FaceInfo]) -> FaceInfo:
    """The upright face nearest to weight 400, preferring non-bold faces."""
    return min(faces, key=lambda f: (f.italic, f.bold, abs(f.weight - 400), f.path, f.index))


def pick_bold(faces: Sequence[FaceInfo], regular: FaceInfo) -> FaceInfo | None:
    """The upright bold face nearest to weight 700 other than ``regular``; None when none."""
    bold = [f for f in faces if f.bold and not f.italic and f != regular]
    return min(bold, key=lambda f: (abs(f.weight - 700), f.path, f.index)) if bold else None


def extract_face(info: FaceInfo, cache: Path) -> Path:
    """A single-face copy of a collection face in ``cache / "faces"`` (made once)."""
    src = Path(info.path)
    st = src.stat()
    stamp = f"{src.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0{info.index}"
    key = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    with (
        src.open("rb") as fh,
        TTFont(
            fh, fontNumber=info.index, lazy=True, recalcBBoxes=False, recalcTimestamp=False
        ) as font,
    ):
        suffix = ".otf" if font.sfntVersion == "OTTO" else ".ttf"
        out = cache / "faces" / f"{src.stem}-{info.index}-{key}{suffix}"
        if _intact(out):
            return out
        buf = BytesIO()
        font.save(buf)
    data = buf.getvalue()
    seal = out.with_name(out.name + ".sha256")
    if not (write_atomic(out, data) and write_atomic(seal, _sha256(data).encode())):
        raise FontError(f"cannot extract {info.label} into the font cache {cache}", file=src)
    return out


def _intact(face: Path) -> bool:
    """Whether an extracted face in the cache is there and has the SHA-256 recorded beside it
    when it was written (a damaged one is extracted again)."""
    try:
        recorded = face.with_name(face.name + ".sha256").read_text(encoding="ascii").strip()
        return recorded == _sha256(face.read_bytes())
    except (OSError, UnicodeDecodeError):
        return False


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def coverage(path: Path, cache_dir: Path | None) -> frozenset[int]:
    """The code points the font at ``path`` maps to a glyph with outlines (for CFF fonts: to
    any glyph), remembered in memory and in ``cache_dir / "coverage"``."""
    st = path.stat()
    return _coverage(str(path.resolve()), st.st_size, st.st_mtime_ns, cache_dir)


@functools.lru_cache(maxsize=16)
def _coverage(path: str, size: int, mtime_ns: int, cache_dir: Path | None) -> frozenset[int]:
    stamp = f"v1\0{path}\0{size}\0{mtime_ns}".encode()
    file = None
    if cache_dir is not None:
        file = cache_dir / "coverage" / f"{hashlib.sha256(stamp).hexdigest()[:32]}.bin"
        cached = files.read_sealed(file)
        if cached is not None and len(cached) % 4 == 0:
            return frozenset(array("I", cached))
    covered = _read_coverage(Path(path))
    if file is not None:
        files.store_sealed(file, array("I", sorted(covered)).tobytes())
    return covered


def _read_coverage(path: Path) -> frozenset[int]:
    with path.open("rb") as fh, TTFont(fh, lazy=True) as font:
        cmap = font.getBestCmap() or {}
        if "glyf" not in font:
            return frozenset(cmap)
        gids, loca = font.getReverseGlyphMap(), font["loca"]
        return frozenset(cp for cp, g in cmap.items() if loca[gids[g] + 1] > loca[gids[g]])


class _FontIndex:
    """``{path: {size, mtime, faces}}`` remembered in ``cache_dir``; in memory only without one."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._file = cache_dir / _INDEX_NAME if cache_dir is not None else None
        self._entries: dict[str, Any] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._file is None:
            return {}
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def faces(self, path: Path) -> list[FaceInfo]:
        try:
            st = path.stat()
        except OSError:
            return []
        key, stamp = str(path), [st.st_size, st.st_mtime_ns]
        entry = self._entries.get(key)
        if isinstance(entry, dict) and entry.get("stamp") == stamp:
            try:
                return [FaceInfo(**{**f, "names": tuple(f["names"])}) for f in entry["faces"]]
            except (TypeError, KeyError):
                pass
        try:
            faces = read_faces(path)
        except FontError as exc:
            log.debug("skipping %s", exc)
            faces = []
        self._entries[key] = {"stamp": stamp, "faces": [asdict(f) for f in faces]}
        self._dirty = True
        return faces

    def save(self) -> None:
        if self._file is None or not self._dirty:
            return
        write_atomic(self._file, json.dumps(self._entries, ensure_ascii=False).encode("utf-8"))
