"""The painter base: fonts, type sizes and text helpers shared by every kind of chart."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from briefing import theme

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from matplotlib.figure import Figure as MplFigure
    from matplotlib.font_manager import FontProperties

    from briefing.charts.data import ChartData

GRID = "#DDE3EA"
#: The deck's rule: no text below 16 pt on a slide (at the deck's chart size).
MIN_PT = 16.0
#: The size of the deck's chart box (inches); a chart drawn at it is placed 1:1 on the slide.
DECK_WIDTH_IN = theme.VISUAL_BOX[2] / theme.EMU_PER_INCH
DECK_HEIGHT_IN = theme.VISUAL_BOX[3] / theme.EMU_PER_INCH


class Painter:
    """Fonts, sizes and text helpers for one drawing."""

    def __init__(
        self,
        figure: MplFigure,
        data: ChartData,
        font: Path,
        bold: Path | None,
        width_in: float,
        height_in: float,
        *,
        title: bool = True,
    ) -> None:
        self.figure = figure
        self.data = data
        self.font = font
        self.bold = bold or font
        self.width_in = width_in
        self.height_in = height_in
        self.show_title = title
        # Sizes are set for the deck's chart box, placed 1:1 on the slide: there every text is at
        # least MIN_PT. Other sizes scale them (within limits).
        self.scale = max(0.5, min(1.6, width_in / DECK_WIDTH_IN, height_in / DECK_HEIGHT_IN))
        self.title_pt = 24 * self.scale
        self.label_pt = 18 * self.scale
        self.tick_pt = MIN_PT * self.scale
        self.min_pt = MIN_PT * self.scale
        self._renderer: Any = None

    # -- fonts and text ------------------------------------------------------------------------
    def fp(self, size: float | None = None, *, bold: bool = False) -> FontProperties:
        from matplotlib.font_manager import FontProperties

        return FontProperties(
            fname=str(self.bold if bold else self.font), size=size or self.label_pt
        )

    def rgb(self, hex_colour: str) -> tuple[float, float, float]:
        return theme.rgb(hex_colour)

    @property
    def renderer(self) -> Any:
        if self._renderer is None:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            canvas = self.figure.canvas
            assert isinstance(canvas, FigureCanvasAgg)
            self._renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
        return self._renderer

    def settle_layout(self) -> None:
        """Run the layout engine now, so that the axes have the size the texts are fitted to."""
        engine = self.figure.get_layout_engine()
        if engine is not None:
            engine.execute(self.figure)

    def text_width_pt(self, text: str, size: float, *, bold: bool = False) -> float:
        """How wide ``text`` is when drawn (points)."""
        probe = self.figure.text(
            0, 0, text, fontproperties=self.fp(size, bold=bold), parse_math=False
        )
        box = probe.get_window_extent(self.renderer)
        probe.remove()
        return box.width * 72 / self.figure.dpi

    def annotate(
        self, ax: Any, text: str, xy: tuple[float, float], offset: tuple[float, float], **kw: Any
    ) -> None:
        """A value label ``offset`` points from the data point ``xy``, in the label size."""
        ax.annotate(
            text,
            xy,
            xytext=offset,
            textcoords="offset points",
            fontproperties=self.fp(self.label_pt),
            parse_math=False,
            annotation_clip=False,
            **kw,
        )

    # -- title and legend ------------------------------------------------------------------------
    def title(self) -> float:
        """Draw the title top left (unless the slide shows it); return the figure fraction of
        the band it uses."""
        pad = 0.12 / self.height_in
        if not self.show_title:
            return pad
        text = self._title_text()
        self.figure.text(
            0.12 / self.width_in,
            1 - pad,
            text,
            ha="left",
            va="top",
            fontproperties=self.fp(self.title_pt, bold=True),
            parse_math=False,
            color="#" + theme.NAVY,
        )
        lines = text.count("\n") + 1
        return pad + self.title_pt * (1.45 + 1.2 * (lines - 1)) / 72 / self.height_in

    def _title_text(self) -> str:
        """The title, on two lines (or more) when it is wider than the figure."""
        room = (self.width_in - 0.24) * 72
        title = self.data.title
        for text in (title, split_in_two(title)):
            if self.text_width_pt(text, self.title_pt, bold=True) <= room:
                return text
        return wrap(title, room / self.title_pt)

    def legend(self, handles: list[Any], labels: list[str], top: float) -> float:
        """A legend at the top right, beside the title if it fits there, else below it in as
        few rows as fit the width; returns the figure fraction used from the top."""
        if not handles:
            return top
        size = self.tick_pt
        beside = self.show_title and self._fits_beside_title(labels, size)
        y = 1 - 0.1 / self.height_in if beside else 1 - top
        n = len(handles)
        for rows in range(1, n + 1):
            ncol = math.ceil(n / rows)
            # matplotlib fills a legend column by column: order the entries to read by rows.
            order = [k for col in range(ncol) for k in range(col, n, ncol)]
            legend = self.figure.legend(
                [handles[k] for k in order],
                [labels[k] for k in order],
                loc="upper right",
                bbox_to_anchor=(1 - 0.08 / self.width_in, y),
                ncol=ncol,
                frameon=False,
                prop=self.fp(size),
                handlelength=1.2,
                handletextpad=0.5,
                columnspacing=1.4,
                borderaxespad=0.1,
            )
            if ncol == 1 or legend.get_window_extent(self.renderer).x0 >= 0:
                break
            legend.remove()
        return top if beside else top + rows * size * 1.8 / 72 / self.height_in

    def footer(self, left: str | None = None, right: str | None = None) -> float:
        """A line of small muted text along the bottom: ``left`` (the chart's caption, e.g. that
        the program counted) at the left, ``right`` (a unit) at the right. Returns the figure
        fraction it takes from the bottom (0 when there is nothing to draw)."""
        if not left and not right:
            return 0.0
        pad = 0.06 / self.height_in
        for text, x, ha in ((left, 0.12, "left"), (right, self.width_in - 0.12, "right")):
            if text:
                self.figure.text(
                    x / self.width_in,
                    pad,
                    text,
                    ha=ha,
                    va="bottom",
                    fontproperties=self.fp(self.tick_pt),
                    parse_math=False,
                    color="#" + theme.MUTED,
                )
        return pad + self.tick_pt * 1.5 / 72 / self.height_in

    def caption_beside_legend(self, text: str | None, band_top: float) -> bool:
        """Draw ``text`` (small, muted) at the left of the legend's band, whose top is
        ``band_top`` (a figure fraction from the top), if the legend leaves room there; return
        whether it did (the caption then takes no height of its own)."""
        if not text or not self.figure.legends:
            return False
        legend_x0 = self.figure.legends[-1].get_window_extent(self.renderer).x0
        x = 0.12 * self.figure.dpi
        room = legend_x0 - x - 0.3 * self.figure.dpi
        if self.text_width_pt(text, self.tick_pt) * self.figure.dpi / 72 > room:
            return False
        self.figure.text(
            0.12 / self.width_in,
            1 - band_top - 0.04 / self.height_in,
            text,
            ha="left",
            va="top",
            fontproperties=self.fp(self.tick_pt),
            parse_math=False,
            color="#" + theme.MUTED,
        )
        return True

    def _fits_beside_title(self, labels: list[str], size: float) -> bool:
        legend_w = sum(self.text_width_pt(lbl, size) + 3.2 * size for lbl in labels) / 72
        title_w = self.text_width_pt(self._title_text(), self.title_pt, bold=True) / 72
        return title_w + legend_w + 0.5 <= self.width_in

    # -- axes ------------------------------------------------------------------------------------
    def style_axes(self, ax: Any, *, grid: str | None) -> None:
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if grid:
            ax.grid(axis=grid, color=GRID, linewidth=0.9)
            ax.set_axisbelow(True)
        ax.tick_params(length=0 if grid else 4, pad=6)

    def value_ticks(self, vmax: float, headroom: float = 1.18) -> tuple[list[float], float]:
        """Round ticks from 0 to ``vmax * headroom`` and that top (whole numbers when the
        values are)."""
        from matplotlib.ticker import MaxNLocator

        whole = vmax >= 5 or all(
            float(v).is_integer() for s in self.data.series for v in s.values if not math.isnan(v)
        )
        top = (vmax if vmax > 0 else 1) * headroom
        locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=whole)
        return [t for t in locator.tick_values(0, top) if 0 <= t <= top], top

    def set_ticks(
        self,
        ax: Any,
        axis: str,
        ticks: Sequence[float],
        labels: Sequence[str],
        size: float | None = None,
    ) -> None:
        setter = ax.set_xticks if axis == "x" else ax.set_yticks
        setter(
            list(ticks),
            list(labels),
            fontproperties=self.fp(size or self.tick_pt),
            parse_math=False,
        )

    def axis_caption(self, ax: Any, text: str) -> None:
        """A caption (the unit) above the value axis, left-aligned."""
        ax.set_title(
            text,
            loc="left",
            fontproperties=self.fp(self.tick_pt),
            pad=8,
            parse_math=False,
            color="#" + theme.MUTED,
        )


def vmax_of(data: ChartData) -> float:
    """The largest value drawn (0 when there is none)."""
    return max((v for s in data.series for v in s.values if not math.isnan(v)), default=0)


def wrap(text: str, max_em: float) -> str:
    """Wrap ``text`` into lines of about ``max_em`` ems (CJK = 1 em, Latin about 0.56)."""
    if em_width(text) <= max_em or "\n" in text:
        return text
    lines, line = [], ""
    for token in _tokens(text, max_em):
        if line and em_width(line + token.rstrip()) > max_em:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(line for line in lines if line)


def split_in_two(text: str) -> str:
    """``text`` on two lines of about equal width, broken between words (or CJK characters)."""
    tokens = _tokens(text, em_width(text) / 2)
    best, best_em = text, math.inf
    for k in range(1, len(tokens)):
        first, second = "".join(tokens[:k]).rstrip(), "".join(tokens[k:]).strip()
        widest = max(em_width(first), em_width(second))
        if first and second and widest < best_em:
            best, best_em = f"{first}\n{second}", widest
    return best


def _tokens(text: str, max_em: float) -> list[str]:
    """Where ``text`` may break: words with their trailing space, single CJK characters (with
    the punctuation that must not start a line), bracketed phrases up to ``max_em`` whole."""
    word = r"[(（「]?[A-Za-z0-9&.,'’\-/]+[)）」,]?\s*|[(（「]?.[)）」、，。：；]?"
    tokens: list[str] = []
    for group in re.findall(r"[(（][^)）]*[)）]\s*|[^(（]+|.", text):
        if group[0] in "(（" and em_width(group.rstrip()) <= max_em:
            tokens.append(group)
        else:
            tokens.extend(re.findall(word, group))
    return tokens


def em_width(text: str) -> float:
    """About how wide ``text`` is, in ems."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        elif ch.isupper():
            width += 0.66
        else:
            width += 0.56
    return width
