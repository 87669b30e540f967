"""Estimate how much room text takes, so bullets fit their box (no python-pptx needed).

A CJK character is about 1 em wide and Latin text about 0.55 em; that is close enough for
Noto Sans TC and keeps planning fast. The planner splits bullets across slides so each page fits
at a readable size; the deck writer then picks the largest size in ``sizes`` that fits.
"""

from __future__ import annotations

import math
import unicodedata
from typing import TYPE_CHECKING

from briefing.theme import EMU_PER_INCH

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.story.plan import Bullet

LINE_SPACING = 1.2  # line height as a multiple of the type size
PARAGRAPH_GAP = 0.35  # space before each bullet, in lines
INDENT_EM = 1.6  # indent per bullet level (bullet + gap), in em


def width_em(text: str) -> float:
    """Estimated width of ``text`` in em."""
    total = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            total += 1.0
        elif char.isupper() or char.isdigit():
            total += 0.62
        else:
            total += 0.5
    return total


def lines(text: str, box_width_em: float) -> int:
    """How many lines ``text`` wraps to in a box ``box_width_em`` wide."""
    return max(1, math.ceil(width_em(text) / max(box_width_em, 1.0)))


def body_height_pt(bullets: Sequence[Bullet], size: float, box_width_pt: float) -> float:
    """Height in points of ``bullets`` at type ``size`` in a box ``box_width_pt`` wide."""
    height = 0.0
    for bullet in bullets:
        available = box_width_pt / size - INDENT_EM * (bullet.level + 1)
        bullet_size = size * (0.85 if bullet.level else 1.0)
        n = lines(bullet.text, available * size / bullet_size)
        height += bullet_size * LINE_SPACING * (n + PARAGRAPH_GAP)
    return height


def fit_size(
    bullets: Sequence[Bullet],
    box: tuple[int, int, int, int],
    sizes: Sequence[int] = (24, 22, 20, 18),
) -> int | None:
    """The largest of ``sizes`` at which ``bullets`` fit ``box`` (EMU), or None."""
    width_pt, height_pt = _pt(box[2]) - 14, _pt(box[3]) - 10  # minus the text insets
    for size in sizes:
        if body_height_pt(bullets, size, width_pt) <= height_pt:
            return size
    return None


def title_size(
    text: str, box: tuple[int, int, int, int], sizes: Sequence[int] = (36, 32, 28, 24)
) -> int:
    """The largest title size at which ``text`` stays on one line (two at the smallest)."""
    width_pt = _pt(box[2]) - 14
    for size in sizes:
        if width_em(text) * size <= width_pt:
            return size
    return sizes[-1]


def _pt(emu: int) -> float:
    return emu / EMU_PER_INCH * 72
