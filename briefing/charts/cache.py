"""The PNG cache: :func:`render_png` draws a chart once per data, fonts, size and code version
and keeps the PNG on disk, sealed with its SHA-256. A hit reads the file without importing
matplotlib; a damaged entry is a miss, drawn again."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import files
from briefing.charts.render import png_of
from briefing.errors import ChartError, FontError

if TYPE_CHECKING:
    from briefing.charts.data import ChartData

#: Part of every cache key (with a hash of this package's source and matplotlib's version): bump
#: it when a change elsewhere (e.g. the theme) changes what a PNG looks like.
CHART_VERSION = "1"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def default_cache_dir() -> Path:
    """Where chart pictures are cached (see :func:`briefing.files.cache_dir`)."""
    return files.cache_dir("charts")


def cache_key(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None,
    width_in: float,
    height_in: float,
    dpi: int,
    title: bool = True,
) -> str:
    """The sha256 naming a rendered PNG in the cache."""
    payload = json.dumps(
        {
            "data": data.to_json(),
            "font": _font_hash(Path(font)),
            "bold": _font_hash(Path(bold_font)) if bold_font else None,
            "size": [round(width_in, 6), round(height_in, 6)],
            "dpi": dpi,
            "title": title,
            "version": CHART_VERSION,
            "code": _code_version(),
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def render_png(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None = None,
    width_in: float,
    height_in: float,
    dpi: int = 200,
    title: bool = True,
    cache_dir: Path | None = None,
) -> bytes:
    """The chart as a PNG of exactly ``round(width_in*dpi)`` x ``round(height_in*dpi)`` pixels.

    Every text is drawn with ``font`` (the title with ``bold_font`` when given). With
    ``title=False`` the chart draws no title of its own (the slide shows it). PNGs are cached
    under ``cache_dir`` (default :func:`default_cache_dir`), sealed with their SHA-256; a hit
    returns the stored bytes without importing matplotlib, and a damaged entry is drawn again.
    """
    drawing = _drawing(font, bold_font, width_in, height_in, dpi, title)
    target = _entry(data, drawing, cache_dir)
    cached = _read(target)
    if cached is not None:
        return cached
    png = png_of(data, **drawing)
    files.store_sealed(target, png)
    return png


def cached_png(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None = None,
    width_in: float,
    height_in: float,
    dpi: int = 200,
    title: bool = True,
    cache_dir: Path | None = None,
) -> bytes | None:
    """What :func:`render_png` would return from the cache, or None when it would draw."""
    drawing = _drawing(font, bold_font, width_in, height_in, dpi, title)
    return _read(_entry(data, drawing, cache_dir))


def _drawing(
    font: Path, bold_font: Path | None, width_in: float, height_in: float, dpi: int, title: bool
) -> dict[str, Any]:
    if width_in <= 0 or height_in <= 0 or dpi <= 0:
        raise ChartError(f"bad chart size {width_in} x {height_in} in at {dpi} dpi", field="size")
    return {
        "font": Path(font),
        "bold_font": Path(bold_font) if bold_font else None,
        "width_in": width_in,
        "height_in": height_in,
        "dpi": dpi,
        "title": title,
    }


def _entry(data: ChartData, drawing: dict[str, Any], cache_dir: Path | None) -> Path:
    key = cache_key(data, **drawing)
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder / key[:2] / f"{key}.png"


def _read(entry: Path) -> bytes | None:
    cached = files.read_sealed(entry)
    return cached if cached is not None and cached.startswith(PNG_SIGNATURE) else None


def _font_hash(path: Path) -> str:
    try:
        return files.sha256(path)
    except OSError as exc:
        raise FontError(f"cannot read font: {exc.strerror}", file=path) from None


@functools.cache
def _code_version() -> str:
    """This package's source and matplotlib's version: a PNG drawn by other code is stale."""
    from importlib import metadata

    try:
        mpl = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:  # pragma: no cover - matplotlib is a dependency
        mpl = "?"
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{digest.hexdigest()[:16]}/{mpl}"
