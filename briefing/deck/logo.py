"""The agency logo: a PNG as it is, an SVG drawn to PNG (PowerPoint 2016 and LibreOffice 7 do
not all draw SVG pictures, so the deck carries a picture every viewer shows)."""

from __future__ import annotations

import io
import struct
from typing import TYPE_CHECKING

from briefing.errors import DeckError

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 5_000_000


def logo_png(path: Path) -> tuple[bytes, tuple[int, int]]:
    """The logo as PNG bytes and its pixel size; a DeckError naming the file when it cannot be
    read or is not a PNG or SVG."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeckError(
            f"cannot read the logo: {exc.strerror or exc}", file=path, field="logo"
        ) from None
    if len(data) > MAX_BYTES:
        raise DeckError("the logo is larger than 5 MB", file=path, field="logo")
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 24:
        width, height = struct.unpack(">II", data[16:24])
        return data, (width, height)
    if path.suffix.lower() == ".svg" or b"<svg" in data[:2048]:
        return _svg_png(data, path)
    raise DeckError("the logo must be a PNG or SVG file", file=path, field="logo")


def _svg_png(data: bytes, path: Path) -> tuple[bytes, tuple[int, int]]:
    try:
        import resvg_py
    except ImportError:  # pragma: no cover - resvg-py is in requirements.txt
        raise DeckError(
            "SVG logos need resvg-py (pip install -r requirements.txt)", file=path, field="logo"
        ) from None
    try:
        png = bytes(resvg_py.svg_to_bytes(svg_string=data.decode("utf-8"), width=800))
    except Exception as exc:  # noqa: BLE001 - resvg reports bad SVG in several ways
        raise DeckError(f"cannot draw the SVG logo: {exc}", file=path, field="logo") from None
    width, height = struct.unpack(">II", io.BytesIO(png).getvalue()[16:24])
    return png, (width, height)
