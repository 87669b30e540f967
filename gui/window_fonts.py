"""The main window's deck font: read it in the background, show its licence bit, draw the
storyboard with it, and mark the characters the deck shows that it lacks (as the user types).
A mixin of :class:`gui.window.MainWindow`."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefing import api
from gui.strings import tr

if TYPE_CHECKING:
    from briefing.story.plan import Slide
    from gui.window import MainWindow

MISSING_SHOWN = 6  # characters listed beside the font field
GAP_CACHE = 2000  # slides whose missing characters are remembered


class FontActions:
    """The deck font (mixed into MainWindow)."""

    _gaps: dict[Slide, str]
    _gap_family: object

    # -- the font ------------------------------------------------------------------------------
    def load_font(self: MainWindow, loud: bool = False) -> None:
        """Read the chosen font in the background; show its licence bit and draw the preview
        with it. ``loud``: problems open a dialog (start-up, recipes), else show inline."""
        changes = self.settingsPanel.changes()
        self.settingsPanel.set_font_info(tr("font_loading"))
        self.deckFont.load(changes["font"], changes["font_index"], loud=loud)

    def _font_loaded(self: MainWindow, family: str, description: str) -> None:
        self.settingsPanel.set_font_info(description)
        self.slideDetail.set_font_family(family)
        self.storyboard.model_.set_font_family(family, self.devicePixelRatioF())
        self._check_characters()
        self._show_slide()
        self._update_counts()

    def _font_failed(self: MainWindow, reason: str) -> None:
        self.settingsPanel.set_font_info(reason, True)
        self._check_characters()
        self._update_counts()

    def _check_characters(self: MainWindow) -> None:
        """Mark the characters the deck shows (titles, presenter …) that the font lacks.
        Slides are checked once per font: typing re-checks only the slide that changed."""
        plan, family = self.storyboard.model_.plan, self.deckFont.current
        if plan is None or family is None:
            self._show_missing({})
            return
        if family is not self._gap_family or len(self._gaps) > GAP_CACHE:
            self._gaps, self._gap_family = {}, family
        todo = tuple(dict.fromkeys(s for s in plan.slides if s not in self._gaps))
        if todo:
            found = ["" for _ in todo]
            for gap in api.missing_characters(family, dataclasses.replace(plan, slides=todo)):
                for number in gap.slides:
                    if gap.char not in found[number - 1]:
                        found[number - 1] += gap.char
            self._gaps.update(zip(todo, found, strict=True))
        by_slide = {n: self._gaps[s] for n, s in enumerate(plan.slides, 1) if self._gaps[s]}
        self._show_missing(by_slide)

    def _show_missing(self: MainWindow, by_slide: dict[int, str]) -> None:
        self.storyboard.model_.set_missing(by_slide)
        chars = list(dict.fromkeys("".join(by_slide.values())))
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:MISSING_SHOWN])
        slides = sorted(by_slide)
        self.settingsPanel.set_missing(
            tr(
                "font_missing",
                n=len(chars),
                chars=shown + (" …" if len(chars) > MISSING_SHOWN else ""),
                slides="、".join(str(n) for n in slides[:8]) + ("…" if len(slides) > 8 else ""),
            )
            if chars
            else ""
        )
