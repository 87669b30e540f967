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

# Type sizes (pt): nothing below 16 on a slide.
TITLE_PT = 36
BODY_PT = 24
BODY_MIN_PT = 18
SOURCE_PT = 16


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """A hex colour as matplotlib's 0..1 RGB triple."""
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def inches(value: float) -> int:
    """Inches to EMU."""
    return round(value * EMU_PER_INCH)


# Boxes (left, top, width, height) in EMU, shared by the master and the planner's text fitting.
TITLE_BOX = (inches(0.6), inches(0.45), inches(12.13), inches(0.95))
KICKER_BOX = (inches(0.6), inches(0.12), inches(12.13), inches(0.4))
BODY_BOX = (inches(0.6), inches(1.55), inches(12.13), inches(4.95))
VISUAL_BOX = (inches(0.6), inches(1.5), inches(12.13), inches(5.05))  # charts and tables
FOOTER_BOX = (inches(0.6), inches(6.82), inches(10.9), inches(0.45))
NUMBER_BOX = (inches(11.73), inches(6.82), inches(1.0), inches(0.45))
