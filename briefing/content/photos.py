"""``photos.yaml``: the report's pictures, checked when a report is loaded.

Each photo's ``file`` must be a relative path inside the content folder (no ``..``, no link out
of it) to a real PNG or JPEG within the bounds of :mod:`briefing.images`, decoded in full; its
``caption`` (when it has one) must occur, white space aside, in its section's text or in the
report's source text (``source_file``), as written. Problems are :class:`ContentError` naming
``photos.yaml``, the line and the field.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import images, limits
from briefing.content.evidence import section_text, squash
from briefing.errors import BriefingError, ContentError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.content.model import Photo
    from briefing.content.report import Report

FILE = "photos.yaml"


def photo_path(report: Report, photo: Photo) -> Path:
    """Where the photo's file is (not checked: :func:`photo_problems` does that)."""
    return report.folder / photo.file


def photo_problems(report: Report) -> Iterator[ContentError]:
    """Every problem of ``photos.yaml``: duplicate ids, files that are missing, outside the
    folder or not a PNG or JPEG, and captions the report does not write."""
    if not report.photos:
        return
    located = report.sources.get("photos")
    seen: set[str] = set()
    source = _source_text(report)
    known = {e.section.id for e in report.outline}
    for i, photo in enumerate(report.photos):

        def error(field: str, message: str, i: int = i) -> ContentError:
            return ContentError(
                message,
                file=located.file if located else report.folder / FILE,
                line=located.line_of((i, field)) if located else None,
                field=f"[{i}].{field}",
            )

        if photo.id in seen:
            yield error("id", f"duplicate id {photo.id!r}")
        seen.add(photo.id)
        problem = file_problem(report.folder, photo.file)
        if problem:
            yield error("file", problem)
        if photo.caption and photo.section in known:
            text = squash(section_text(report.section(photo.section)))
            wanted = squash(photo.caption)
            if wanted not in text and wanted not in source:
                shown = limits.excerpt(photo.caption)
                yield error(
                    "caption",
                    f"not in the report's words of section {photo.section!r} nor in its "
                    f"source text: {shown}",
                )


def file_problem(folder: Path, name: str) -> str | None:
    """Why ``name`` is not a usable photo inside ``folder``, or None."""
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        return f"must be a path inside the content folder: {limits.excerpt(name)}"
    path = folder / relative
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except OSError as exc:
        return f"cannot resolve {limits.excerpt(name)}: {exc.strerror}"
    if not inside:
        return f"leads outside the content folder: {limits.excerpt(name)}"
    if relative.suffix.lower().lstrip(".") not in images.EXTENSIONS:
        return f"not a .png or .jpg file: {limits.excerpt(name)}"
    if not path.is_file():
        return f"file not found: {limits.excerpt(name)}"
    try:
        stat = path.stat()
    except OSError as exc:
        return f"cannot read {limits.excerpt(name)}: {exc.strerror}"
    if stat.st_size > images.MAX_PHOTO_BYTES:
        return f"{stat.st_size:,} bytes, more than {images.MAX_PHOTO_BYTES:,}"
    problem = _decoded(str(path), stat.st_size, stat.st_mtime_ns)
    return f"{limits.excerpt(name)}{problem}" if problem else None


@functools.lru_cache(maxsize=512)
def _decoded(path: str, size: int, mtime_ns: int) -> str | None:
    """Why the picture at ``path`` does not decode as what its extension says (``: …``), or
    None; remembered by size and time, so that a deck built again does not decode it again."""
    del size, mtime_ns  # the cache key: a changed file is checked again
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return f": cannot read it: {exc.strerror}"
    try:
        image = images.check(data)
    except images.BadImage as exc:
        return f": {exc}"
    wanted = images.EXTENSIONS[Path(path).suffix.lower().lstrip(".")]
    if images.EXTENSIONS[image.ext] != wanted:
        return f" is a {images.EXTENSIONS[image.ext]} file, not {wanted}"
    return None


def _source_text(report: Report) -> str:
    name = report.meta.source_file
    if not name:
        return ""
    try:
        text = limits.read_text(
            report.folder / name, limit=limits.MAX_DATA_BYTES, what="source text"
        )
    except BriefingError:
        return ""  # evidence_problems reports an unreadable source text
    return squash(text)
