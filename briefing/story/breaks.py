"""Where titles and card headings break: a right margin (em) that keeps a title of two lines
from ending on one character (「參訪報／告」, 「訓練師制度心／得」), measured as the renderers
set it (a little narrower than the box: :data:`~briefing.story.typeset.SAFETY`)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefing import theme
from briefing.story.typeset import SAFETY, pt

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.story.plan import Card, Slide
    from briefing.story.typeset import Setter

_BIG = {"cover": theme.COVER_TITLE_PT, "closing": theme.COVER_TITLE_PT, "divider": 40}


def title_margin(setter: Setter, text: str, size: float, width_pt: float) -> float:
    """The right margin (em) at which bold ``text`` at ``size`` in ``width_pt`` leaves no
    last line of one or two characters (0 when it sets on one line or cannot be helped)."""
    return setter.paragraph(text, size, width_pt * SAFETY, bold=True).margin_em


def big_title(setter: Setter, slide: Slide) -> Slide:
    """A cover, closing or divider slide with the margin its large title needs."""
    size = _BIG[slide.kind]
    margin = title_margin(setter, slide.title, size, pt(theme.COVER_TITLE_BOX[2]))
    return dataclasses.replace(
        slide, typeset=dataclasses.replace(slide.typeset, title_margin=margin)
    )


def heading_margins(
    setter: Setter, cards: Sequence[Card], width_pt: float, size: float
) -> tuple[float, ...]:
    """The right margin (em, at the heading's size) of each card's heading (after its number)."""
    heading = size * 1.1
    return tuple(
        title_margin(
            setter,
            c.heading,
            heading,
            width_pt - (setter.bold.width(f"{c.number}　") * heading if c.number else 0.0),
        )
        for c in cards
    )
