"""Draw a photo slide: each picture fitted in its cell (aspect kept) with its alt text, its
caption in a text box under it in the deck's font, centred. Where everything goes was decided by
:func:`briefing.story.photos.arrange` from the pictures' pixel sizes and the caption lines the
planner measured."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from pptx.enum.text import MSO_ANCHOR
from pptx.parts.image import Image as PptxImage
from pptx.util import Emu

from briefing import images, limits, theme
from briefing.deck.text import layout, set_lines
from briefing.errors import DeckError
from briefing.story.photos import arrange

if TYPE_CHECKING:
    from pptx.slide import Slide as PptxSlide

    from briefing.story.plan import Slide


def draw_photos(writer: Any, slide: PptxSlide, spec: Slide) -> None:
    """The pictures of ``spec`` and their captions on ``slide`` (``writer``: the slide writer,
    for its boxes, font and language)."""
    blobs = [_read(p.path) for p in spec.pictures]
    sizes = [PptxImage.from_blob(blob).size for blob in blobs]
    lines = spec.typeset.captions or tuple(1 if p.caption else 0 for p in spec.pictures)
    for n, (picture, blob, (where, under)) in enumerate(
        zip(spec.pictures, blobs, arrange(sizes, lines), strict=True), start=1
    ):
        shape = slide.shapes.add_picture(io.BytesIO(blob), *(Emu(v) for v in where))
        shape.name = f"Photo {n}"
        c_nv_pr = shape._element.nvPicPr.cNvPr
        c_nv_pr.set("descr", picture.alt)
        if not picture.caption:
            continue
        box = writer._box(slide, under, f"Caption {n}")
        box.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        set_lines(
            box.text_frame,
            [picture.caption],
            writer.typeface,
            writer.language,
            size=theme.CAPTION_PT,
            colour=theme.DARK,
        )
        for paragraph in box.text_frame.paragraphs:
            layout(paragraph, theme.CAPTION_PT, first=True, align="ctr")


def _read(path: str) -> bytes:
    """The photo's bytes, checked again (the file may have changed since the report loaded)."""
    data = limits.read_bytes(path, limit=images.MAX_PHOTO_BYTES, error=DeckError, what="photo")
    if images.sniff(data) is None:
        raise DeckError("not a PNG or JPEG file", file=path)
    return data
