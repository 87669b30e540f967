"""Pictures from a report, checked before they go anywhere: a real PNG or JPEG, decoded in full,
within bounds of bytes and pixels.

A picture comes from a file someone else wrote, so it is held to the same rule as every other
input (``docs/security.md``): its header's size is checked before a pixel is decoded (a 60,000 ×
60,000 PNG of a few kilobytes is refused at once), then it is decoded in full with Pillow (a
truncated or corrupt file is refused, not half drawn). Pillow comes with matplotlib, a
dependency. :func:`normalize` makes what the importer stores: PNG or JPEG as found when it is
within bounds, otherwise converted (GIF, BMP, TIFF, WebP to PNG) or scaled down to
:data:`MAX_SIDE` pixels. :func:`check` is what loading a content folder asks of a stored photo.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

#: Largest picture read from a report (bytes) and largest decoded (pixels).
MAX_SOURCE_BYTES = 30_000_000
MAX_SOURCE_PIXELS = 50_000_000
#: A stored photo: longest side (pixels; 144 dpi across a 13.3-inch slide) and size (bytes);
#: larger ones are scaled down (a camera's 4000 × 3000 JPEG becomes about 400 KB).
MAX_SIDE = 1920
MAX_PHOTO_BYTES = 4_000_000
#: What a stored photo may be, by file extension.
EXTENSIONS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG"}

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


class BadImage(Exception):
    """A picture that is not one, or not one we take (the message says why, in a few words)."""


@dataclass(frozen=True)
class Image:
    """A checked picture: its bytes, file extension (``png`` or ``jpg``) and size in pixels."""

    data: bytes
    ext: str
    width: int
    height: int


def sniff(data: bytes) -> str | None:
    """``png`` or ``jpg`` from the file's signature, None for anything else."""
    if data.startswith(_PNG):
        return "png"
    if data.startswith(_JPEG):
        return "jpg"
    return None


def check(data: bytes) -> Image:
    """``data`` as a stored photo must be: a PNG or JPEG within :data:`MAX_PHOTO_BYTES` whose
    header is within :data:`MAX_SOURCE_PIXELS` and which decodes in full; BadImage if not."""
    ext = sniff(data)
    if ext is None:
        raise BadImage("not a PNG or JPEG file")
    if len(data) > MAX_PHOTO_BYTES:
        raise BadImage(f"{len(data):,} bytes, more than {MAX_PHOTO_BYTES:,}")
    picture = _decode(data)
    return Image(data, ext, *picture.size)


def normalize(data: bytes) -> Image:
    """A picture from a report as it is stored: checked, decoded in full, and converted to PNG
    or scaled down when it is another format or larger than :data:`MAX_SIDE` or
    :data:`MAX_PHOTO_BYTES`. BadImage for what cannot be read or is out of bounds."""
    if len(data) > MAX_SOURCE_BYTES:
        raise BadImage(f"{len(data):,} bytes, more than {MAX_SOURCE_BYTES:,}")
    picture = _decode(data)
    ext = sniff(data)
    rotated = _upright(picture)
    small = max(picture.size) <= MAX_SIDE and len(data) <= MAX_PHOTO_BYTES
    if ext is not None and small and rotated is picture:
        return Image(data, ext, *picture.size)
    return _encode(rotated, "jpg" if ext == "jpg" else "png")


def from_pixels(mode: str, size: tuple[int, int], pixels: bytes) -> Image:
    """Raw pixels (a PDF's image stream: ``RGB``, ``L``, ``CMYK`` or ``1``) as a stored PNG."""
    from PIL import Image as PILImage

    width, height = size
    if width <= 0 or height <= 0 or width * height > MAX_SOURCE_PIXELS:
        raise BadImage(f"{width} × {height} pixels, out of bounds")
    try:
        picture = PILImage.frombytes(mode, size, pixels)
    except (ValueError, OSError) as exc:
        raise BadImage(f"cannot decode the pixels ({exc})") from None
    if mode == "CMYK":
        picture = picture.convert("RGB")
    return _encode(picture, "png")


def _decode(data: bytes):  # noqa: ANN202 - a PIL image; PIL is imported lazily
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():  # our own bound is lower than Pillow's warning's
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            picture = PILImage.open(io.BytesIO(data))
        if picture.format in ("WMF", "EMF"):
            raise BadImage("a Windows drawing (EMF/WMF), not a picture; paste it as PNG")
        width, height = picture.size
        if width <= 0 or height <= 0 or width * height > MAX_SOURCE_PIXELS:
            raise BadImage(f"{width} × {height} pixels, more than {MAX_SOURCE_PIXELS:,}")
        picture.load()
    except BadImage:
        raise
    except PILImage.DecompressionBombError:
        raise BadImage(f"more than {MAX_SOURCE_PIXELS:,} pixels") from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a bad file
        raise BadImage(f"cannot decode it ({type(exc).__name__}: {exc})") from None
    return picture


def _upright(picture):  # noqa: ANN001, ANN202 - PIL images
    """The picture turned the way its EXIF orientation says (itself when it says nothing)."""
    from PIL import ImageOps

    try:
        if picture.getexif().get(0x0112, 1) in (None, 1):
            return picture
        return ImageOps.exif_transpose(picture)
    except Exception:  # noqa: BLE001 - a broken EXIF block: keep the picture as it is
        return picture


def _encode(picture, ext: str) -> Image:  # noqa: ANN001 - a PIL image
    picture = picture.copy()
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if ext == "jpg":
        picture.convert("RGB").save(out, "JPEG", quality=85)
    else:
        if picture.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
        picture.save(out, "PNG", optimize=False)
    data = out.getvalue()
    if len(data) > MAX_PHOTO_BYTES and ext == "png":  # a photo kept as PNG: JPEG is smaller
        return _encode(picture.convert("RGB"), "jpg")
    if len(data) > MAX_PHOTO_BYTES:
        raise BadImage(f"{len(data):,} bytes even scaled down")
    return Image(data, ext, *picture.size)
