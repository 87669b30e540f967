"""Photo slides: the report's pictures (``photos.yaml``) beside the section that holds them.

A unit's photos (those of its own section and of the sections condensed into it, when ticked)
follow its slides, one to four a slide (:data:`PER_SLIDE`): at full length all of them, paged
evenly (five photos: three and two); in a standard deck the first four, and photo slides are the
first to go when the deck is over its budget (:func:`within_budget`). A brief shows one photo
slide at most, the first photos of the trip (of one part), and only when the budget allows
(:func:`with_brief_photos`).

Each picture keeps its caption as the report writes it, shown under it; its alt text is the
caption (or, without one, 照片：and the section's citation). The notes list the captions. The
layout (:func:`arrange`) is computed here, from the pictures' pixel sizes and the lines each
caption takes in the deck's font; the deck writer only draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing import theme
from briefing.content.photos import photo_path
from briefing.story.plan import FURNITURE, Picture, Slide
from briefing.story.typeset import LINE, SAFETY, pt

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from briefing.content.model import Photo
    from briefing.content.report import Report
    from briefing.story.templating import Templates
    from briefing.story.typeset import Setter

    Box = tuple[int, int, int, int]

PER_SLIDE = theme.PHOTOS_PER_SLIDE
BRIEF_SLIDES = 12  # a brief's slides up to 敬請指教, and its minutes (issue 18's budget)
BRIEF_MINUTES = 12.0
STANDARD_SLIDES = 30  # the same for a standard deck
STANDARD_MINUTES = 30.0


def photos_in(report: Report, sections: Iterable[str], selected: set[str]) -> list[Photo]:
    """The photos of ``sections`` that are ticked, in the report's order."""
    wanted = {s for s in sections if s in selected}
    return [p for p in report.photos if p.section in wanted]


def photo_slides(
    report: Report,
    templates: Templates,
    photos: Sequence[Photo],
    heading: str,
    kicker: str,
    cites: Callable[[tuple[str, ...]], list[str]],
) -> list[Slide]:
    """Slides of ``photos`` (at most :data:`PER_SLIDE` a slide), titled ``heading``（照片）."""
    labels = templates.labels
    slides = []
    for n, page in enumerate(pages(photos)):
        ids = tuple(dict.fromkeys(p.section for p in page))
        text = templates.render(
            "section",
            heading=f"{heading}{labels.lparen}{labels.photos}{labels.rparen}",
            kicker=kicker,
            page=n,
            points=[],
            blocks=[],
            cites=cites(ids),
            extra=[labels.photos_notes, *(p.caption for p in page if p.caption)],
        )
        pictures = tuple(_picture(report, templates, p) for p in page)
        slides.append(
            Slide(
                "photos",
                text.title,
                kicker=text.kicker,
                notes=text.notes,
                source=text.source,
                sections=ids,
                pictures=pictures,
            )
        )
    return slides


def pages(photos: Sequence[Photo]) -> list[list[Photo]]:
    """``photos`` in slides of at most :data:`PER_SLIDE`, as even as can be (5 → 3 + 2)."""
    if not photos:
        return []
    count = -(-len(photos) // PER_SLIDE)
    size = -(-len(photos) // count)
    return [list(photos[i : i + size]) for i in range(0, len(photos), size)]


def _picture(report: Report, templates: Templates, photo: Photo) -> Picture:
    labels = templates.labels
    alt = photo.caption or f"{labels.photos}{labels.colon}{report.cite(photo.section)}"
    return Picture(str(photo_path(report, photo)), photo.caption, alt, photo.section)


def with_brief_photos(
    slides: list[Slide],
    report: Report,
    selected: set[str],
    make: Callable[[Sequence[Photo], str], list[Slide]],
) -> list[Slide]:
    """``slides`` of a brief with one photo slide after the part that holds the trip's first
    photos (up to :data:`PER_SLIDE`, all of that part), when the brief stays within
    :data:`BRIEF_SLIDES` slides and :data:`BRIEF_MINUTES` minutes; else ``slides`` as they
    are. ``make(photos, top-level section id)`` makes the slide."""
    photos = photos_in(report, selected, selected)
    closing = next((i for i, s in enumerate(slides) if s.kind == "closing"), len(slides))
    if not photos or closing + 2 > BRIEF_SLIDES:  # the slides to 敬請指教, and the photo slide
        return slides
    top = report.entry(photos[0].section).path[0]
    group = [p for p in photos if report.entry(p.section).path[0] == top][:PER_SLIDE]
    after = [
        i
        for i, s in enumerate(slides[:closing])
        if s.kind not in FURNITURE and any(report.entry(x).path[0] == top for x in s.sections)
    ]
    if not after:
        return slides
    made = make(group, top)[:1]
    minutes = sum(s.minutes for s in slides[: closing + 1]) + sum(s.minutes for s in made)
    if minutes > BRIEF_MINUTES:
        return slides
    return slides[: after[-1] + 1] + made + slides[after[-1] + 1 :]


def within_budget(
    slides: list[Slide], most: int = STANDARD_SLIDES, minutes: float = STANDARD_MINUTES
) -> list[Slide]:
    """``slides`` without their last photo slides, as many as it takes for the slides up to
    敬請指教 to stay within ``most`` slides and ``minutes`` (photos are the first to go)."""
    slides = list(slides)
    while True:
        closing = next((i for i, s in enumerate(slides) if s.kind == "closing"), len(slides))
        spoken = slides[: closing + 1]
        if len(spoken) <= most and sum(s.minutes for s in spoken) <= minutes:
            return slides
        last = next((i for i in range(closing - 1, -1, -1) if slides[i].kind == "photos"), None)
        if last is None:
            return slides
        del slides[last]


# -- layout --------------------------------------------------------------------------------------
def caption_lines(setter: Setter, pictures: Sequence[Picture]) -> tuple[int, ...]:
    """The lines each caption takes at :data:`theme.CAPTION_PT` in its cell (0: no caption)."""
    width = pt(_cell(len(pictures))[0]) * SAFETY
    return tuple(
        len(setter.paragraph(p.caption, theme.CAPTION_PT, width).lines) if p.caption else 0
        for p in pictures
    )


def grid(count: int) -> tuple[int, int]:
    """Columns and rows for ``count`` pictures: 1, 2 or 3 in a row, 4 in two rows of two."""
    return (2, 2) if count == 4 else (max(1, count), 1)


def _cell(count: int) -> tuple[int, int]:
    cols, rows = grid(count)
    _, _, width, height = theme.PHOTO_BOX
    gap = theme.inches(theme.PHOTO_GAP)
    return (width - (cols - 1) * gap) // cols, (height - (rows - 1) * gap) // rows


def arrange(sizes: Sequence[tuple[int, int]], lines: Sequence[int]) -> list[tuple[Box, Box]]:
    """Where each picture (its pixel size) and its caption box go: pictures fitted in their
    cells with their aspect kept, captions right under them, each pair centred in its cell;
    a row's captions share the height of its longest."""
    count = len(sizes)
    cols, _ = grid(count)
    cell_w, cell_h = _cell(count)
    left, top, _, _ = theme.PHOTO_BOX
    gap = theme.inches(theme.PHOTO_GAP)
    line = theme.inches(theme.CAPTION_PT * LINE / 72)
    out = []
    for i, (px_w, px_h) in enumerate(sizes):
        row, col = divmod(i, cols)
        row_lines = max(lines[row * cols : (row + 1) * cols], default=0)
        cap_h = row_lines * line
        cap_gap = theme.inches(theme.CAPTION_GAP) if row_lines else 0
        room_h = max(1, cell_h - cap_h - cap_gap)
        scale = min(cell_w / max(px_w, 1), room_h / max(px_h, 1))
        w, h = max(1, int(px_w * scale)), max(1, int(px_h * scale))
        x = left + col * (cell_w + gap)
        y = top + row * (cell_h + gap) + (cell_h - h - cap_gap - cap_h) // 2
        out.append(((x + (cell_w - w) // 2, y, w, h), (x, y + h + cap_gap, cell_w, cap_h)))
    return out
