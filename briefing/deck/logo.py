"""The agency logo: a PNG or JPEG as it is, once decoded whole; an SVG drawn to PNG
(PowerPoint 2016 and LibreOffice 7 do not all draw SVG pictures, so the deck carries a
picture every viewer shows).

A logo may come from anywhere, so it is held to bounds (:mod:`briefing.limits`): a regular
file (not a FIFO or ``/dev/zero``) of at most ``MAX_LOGO_BYTES``; a PNG or JPEG decoded in full
(a truncated file is refused at once, not half drawn) and at most ``MAX_LOGO_PIXELS``; an SVG
stripped of every outside reference (:mod:`briefing.deck.svgsafe`) and drawn into a box of
``LOGO_SIDE`` pixels by its own aspect ratio, with no access to files or the network.
"""

from __future__ import annotations

import io
import struct
import tempfile
from typing import TYPE_CHECKING

from briefing import limits
from briefing.errors import DeckError

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = limits.MAX_LOGO_BYTES
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def logo_png(path: Path) -> tuple[bytes, tuple[int, int]]:
    """The logo as PNG (or JPEG) bytes and its pixel size; a DeckError naming the file when
    it cannot be read, is not a PNG, JPEG or SVG, or is over a bound."""
    data = limits.read_bytes(path, limit=MAX_BYTES, error=DeckError, what="logo")
    if data.startswith((_PNG, _JPEG)):
        return data, _decoded_size(data, path)
    if path.suffix.lower() == ".svg" or b"<svg" in data[:2048]:
        return _svg_png(data, path)
    raise DeckError("the logo must be a PNG, JPEG or SVG file", file=path, field="logo")


def check_logo(path: Path | None) -> None:
    """Refuse a bad logo before anything is built (the build draws it again)."""
    if path is not None:
        logo_png(path)


def _decoded_size(data: bytes, path: Path) -> tuple[int, int]:
    """The size of a PNG or JPEG once every pixel has been decoded; DeckError when it is cut
    short, damaged, or over ``MAX_LOGO_PIXELS``."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > limits.MAX_LOGO_PIXELS or not width or not height:
                found = f"the logo is {width:,} × {height:,} pixels"
                bound = f"{limits.MAX_LOGO_PIXELS:,} pixels"
                raise DeckError(
                    limits.over("MAX_LOGO_PIXELS", found, bound, "save a smaller picture"),
                    file=path,
                    field="logo",
                )
            image.load()
    except DeckError:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow refuses a bad picture in several ways
        from PIL import UnidentifiedImageError

        why = "not a PNG or JPEG it can read" if isinstance(exc, UnidentifiedImageError) else exc
        raise DeckError(
            f"the logo picture cannot be decoded ({why}); save it again as PNG",
            file=path,
            field="logo",
        ) from None
    return width, height


def _svg_png(data: bytes, path: Path) -> tuple[bytes, tuple[int, int]]:
    from briefing.deck.svgsafe import sanitise

    try:
        import resvg_py
    except ImportError:  # pragma: no cover - resvg-py is in requirements.txt
        raise DeckError(
            "SVG logos need resvg-py (pip install -r requirements.txt)", file=path, field="logo"
        ) from None
    svg = sanitise(data, path).decode("utf-8")
    side = limits.LOGO_SIDE
    try:
        with tempfile.TemporaryDirectory(prefix="briefing-logo-") as empty:
            png = bytes(
                resvg_py.svg_to_bytes(svg_string=svg, width=side, height=side, resources_dir=empty)
            )
    except Exception as exc:  # noqa: BLE001 - resvg reports bad SVG in several ways
        raise DeckError(f"cannot draw the SVG logo: {exc}", file=path, field="logo") from None
    except BaseException as exc:  # a Rust panic (pyo3's PanicException) is not an Exception
        if type(exc).__name__ != "PanicException":
            raise
        raise DeckError(f"cannot draw the SVG logo: {exc}", file=path, field="logo") from None
    width, height = struct.unpack(">II", png[16:24])
    if not width or not height:
        raise DeckError("the SVG logo draws nothing (no size)", file=path, field="logo")
    return png, (width, height)
