"""Prebuilt subsets of the bundled font, so a first build need not subset 7 MB fonts.

``assets/fonts/prebuilt/`` holds, for each bundled face, a subset to every character the
bundled report, its source text and the slide templates contain (plus the base text every
embedded face carries), made by ``python tools/make_prebuilt_fonts.py``, and ``manifest.json``
saying what each was made from: the face's file name and SHA-256, the subsetter's
:data:`~briefing.fonts.subset.SUBSET_VERSION`, the prebuilt file's SHA-256, the characters asked
for and those of them the face lacks.

A build subsets from the prebuilt file instead of the full face when every character it needs
was asked for when the prebuilt was made (:meth:`Prebuilt.serves`); and it knows those
characters' coverage without reading the face's ``cmap`` (:meth:`Prebuilt.covers`). Anything
else falls back to the full face. A prebuilt file is used only when the face on disk is the
one it was made from and the file is intact; otherwise it is ignored (and logged at debug).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from briefing import files
from briefing.fonts.subset import SUBSET_VERSION

log = logging.getLogger("briefing")

PREBUILT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "prebuilt"
MANIFEST = PREBUILT_DIR / "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Prebuilt:
    """A verified prebuilt subset of one face: its bytes and what it was asked to cover."""

    data: bytes
    requested: frozenset[int]  # the code points asked for when it was made
    lacking: frozenset[int]  # those of them the face has no glyph for

    def serves(self, codepoints: set[int]) -> bool:
        """Whether subsetting this file to ``codepoints`` equals subsetting the full face."""
        return codepoints <= self.requested

    def covers(self, codepoint: int) -> bool | None:
        """Whether the face has a glyph for ``codepoint``; None when this file cannot say."""
        if codepoint not in self.requested:
            return None
        return codepoint not in self.lacking


def prebuilt_for(face: Path) -> Prebuilt | None:
    """The prebuilt subset made from the font file ``face``, or None (no prebuilt for it, the
    file has changed since, the subsetter has, or the prebuilt file is damaged)."""
    try:
        stat = face.stat()
    except OSError:
        return None
    return _load(str(face.resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load(face: str, size: int, mtime_ns: int) -> Prebuilt | None:
    entry = read_manifest().get("faces", {}).get(Path(face).name)
    if not isinstance(entry, dict) or not _is_source(Path(face), size, entry):
        return None
    try:
        data = (PREBUILT_DIR / entry["file"]).read_bytes()
    except (OSError, KeyError, TypeError):
        log.debug("prebuilt subset of %s not readable", face)
        return None
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        log.debug("prebuilt subset of %s is damaged: ignored", face)
        return None
    return Prebuilt(
        data=data,
        requested=frozenset(map(ord, entry.get("requested", ""))),
        lacking=frozenset(map(ord, entry.get("lacking", ""))),
    )


def _is_source(face: Path, size: int, entry: dict[str, object]) -> bool:
    """Whether ``face`` is the file ``entry`` was made from, by the current subsetter."""
    if entry.get("subset_version") != SUBSET_VERSION or entry.get("source_size") != size:
        return False
    return file_sha256(face) == entry.get("source_sha256")


def read_manifest() -> dict[str, dict[str, object]]:
    """The manifest's data (empty when it is missing or unreadable)."""
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else {}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file (see :func:`briefing.files.sha256`)."""
    return files.sha256(path)
