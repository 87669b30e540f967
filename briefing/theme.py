"""The deck's design constants, shared by the master template, the deck writer and the charts.

One place for colours and sizes so a chart's palette matches the slides it sits on. The master
(``templates/master.pptx``) is generated from these by ``tools/make_master.py``.
"""

from __future__ import annotations

# Theme colours (hex RGB), written into the master's theme as dk1/lt1/dk2/lt2/accent1..6.
DARK = "1F2A37"  # dk1: body text
LIGHT = "FFFFFF"  # lt1: background
NAVY = "1B3A5C"  # dk2: titles, cover band
PAPER = "F3F5F8"  # lt2: soft panels
ACCENTS = (
    "1F6FB2",  # accent1: blue
    "2E9C8F",  # accent2: teal
    "E08E2B",  # accent3: amber
    "7A5BA8",  # accent4: violet
    "C8553D",  # accent5: brick
    "6B7A8F",  # accent6: slate
)
MUTED = "6B7A8F"

# Category colours (a report's own categories, in the order it declares them), for charts and
# initiative cards; more categories than colours repeat them.
CATEGORY_COLOURS = (ACCENTS[2], ACCENTS[0], ACCENTS[1], ACCENTS[3], ACCENTS[4], ACCENTS[5])


def category_colour(index: int) -> str:
    """The colour of the ``index``-th category of a report."""
    return CATEGORY_COLOURS[index % len(CATEGORY_COLOURS)]


# Slide geometry (EMU): 16:9, 13.333 x 7.5 in.
EMU_PER_INCH = 914400
SLIDE_WIDTH = 12192000
SLIDE_HEIGHT = 6858000

# Type sizes (pt): nothing below 16 on a slide; one title size on every content slide.
TITLE_PT = 30
COVER_TITLE_PT = 40
KICKER_PT = 16
SUBTITLE_PT = 20
BODY_SIZES = (28, 26, 24, 22, 20)  # the largest that fits (and fills) is used
BODY_PT = 24
BODY_MIN_PT = 20
CARD_SIZES = (28, 26, 24, 22, 20, 18, 16)
FIGURE_PT = 44  # the number of a key figure
SOURCE_PT = 16
TABLE_PT = 18
TABLE_SIZES = (22, 20, 18, 16)
MIN_PT = 16


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """A hex colour as matplotlib's 0..1 RGB triple."""
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def inches(value: float) -> int:
    """Inches to EMU."""
    return round(value * EMU_PER_INCH)


def box(left: float, top: float, width: float, height: float) -> tuple[int, int, int, int]:
    """A (left, top, width, height) box in EMU from inches."""
    return (inches(left), inches(top), inches(width), inches(height))


# Boxes (left, top, width, height) in EMU, shared by the master, the planner's text fitting and
# the deck writer. Text boxes have no side insets, so a box's width is its text width.
MARGIN = 0.6
CONTENT_WIDTH = 12.13
KICKER_BOX = box(MARGIN, 0.2, CONTENT_WIDTH, 0.38)
TITLE_BOX = box(MARGIN, 0.55, CONTENT_WIDTH, 0.66)  # one line at TITLE_PT
SUBTITLE_BOX = box(MARGIN, 1.18, CONTENT_WIDTH, 0.42)  # the title's second line, smaller
RULE_BOX = box(MARGIN, 1.66, 1.2, 0.05)
BODY_BOX = box(MARGIN, 1.9, CONTENT_WIDTH, 4.72)
VISUAL_BOX = box(MARGIN, 1.9, CONTENT_WIDTH, 4.72)  # charts and tables
GAP = 0.35
COLUMN_WIDTH = (CONTENT_WIDTH - GAP) / 2
LEFT_BOX = box(MARGIN, 1.9, COLUMN_WIDTH, 4.72)
RIGHT_BOX = box(MARGIN + COLUMN_WIDTH + GAP, 1.9, COLUMN_WIDTH, 4.72)
FIGURES_BOX = box(MARGIN, 1.9, CONTENT_WIDTH, 2.3)  # key figure tiles
UNDER_FIGURES_BOX = box(MARGIN, 4.4, CONTENT_WIDTH, 2.22)
LEAD_BOX = box(MARGIN, 1.9, CONTENT_WIDTH, 0.55)  # one line above a table
UNDER_LEAD_BOX = box(MARGIN, 2.55, CONTENT_WIDTH, 4.07)
QUOTE_BOX = box(1.5, 2.15, 10.6, 3.0)
ATTRIBUTION_BOX = box(1.5, 5.3, 10.6, 0.6)
FOOTER_BOX = box(MARGIN, 6.82, 10.9, 0.45)
NUMBER_BOX = box(11.73, 6.82, 1.0, 0.45)
LOGO_BOX = box(10.63, 0.35, 2.1, 0.9)  # the agency logo, top right of the cover
COVER_TITLE_BOX = box(0.9, 1.7, 11.5, 1.6)
COVER_SUBTITLE_BOX = box(0.9, 3.45, 11.5, 0.6)
COVER_DETAILS_BOX = box(0.9, 4.45, 9.0, 1.9)

# Photo slides (the Photos layout): one to four pictures in a grid inside PHOTO_BOX, each with its
# caption under it at CAPTION_PT; PHOTO_GAP between cells, CAPTION_GAP between a picture and its
# caption (inches).
PHOTO_BOX = box(MARGIN, 1.9, CONTENT_WIDTH, 4.72)
PHOTO_GAP = 0.3
CAPTION_GAP = 0.08
CAPTION_PT = 16
PHOTOS_PER_SLIDE = 4
