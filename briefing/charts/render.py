"""Drawing a chart with matplotlib: a ``Figure`` on the Agg canvas (never pyplot), in the deck
font, at an exact pixel size, from matplotlib's defaults (a user's matplotlibrc changes
nothing). matplotlib is imported inside the functions only.

:func:`prepare_worker` readies a chart-drawing worker process (see
:class:`briefing.drawing.ChartDrawing`): matplotlib there gets briefing's own configuration
folder, seeded with the font list in ``assets/matplotlib/`` (``python
tools/make_matplotlib_fontlist.py``), so a first run does not spend a second or more scanning
the system's fonts. The charts name their font files; matplotlib's own fonts are all the list
needs to hold.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import files, theme
from briefing.charts.bars import draw_bars
from briefing.charts.line import draw_line
from briefing.charts.painter import Painter
from briefing.charts.pie import draw_pie
from briefing.charts.schedule import draw_schedule
from briefing.charts.timeline import draw_timeline
from briefing.errors import FontError

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.figure import Figure as MplFigure

    from briefing.charts.data import ChartData

_PAINTERS: dict[str, Callable[[Painter], None]] = {
    "bar": draw_bars,
    "column": draw_bars,
    "pie": draw_pie,
    "line": draw_line,
    "timeline": draw_timeline,
    "schedule": draw_schedule,
}
_RC: dict[Any, Any] = {
    "axes.unicode_minus": False,
    "text.usetex": False,
    "axes.edgecolor": "#" + theme.MUTED,
    "axes.labelcolor": "#" + theme.DARK,
    "text.color": "#" + theme.DARK,
    "xtick.color": "#" + theme.MUTED,
    "ytick.color": "#" + theme.MUTED,
    "xtick.labelcolor": "#" + theme.DARK,
    "ytick.labelcolor": "#" + theme.DARK,
    "axes.linewidth": 1.0,
    "figure.constrained_layout.h_pad": 0.06,
    "figure.constrained_layout.w_pad": 0.08,
}
_drawn = 0
FONTLISTS = Path(__file__).resolve().parents[2] / "assets" / "matplotlib"


def render_count() -> int:
    """How many charts this process has drawn with matplotlib (cache hits do not count)."""
    return _drawn


def png_of(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None,
    width_in: float,
    height_in: float,
    dpi: int,
    title: bool = True,
) -> bytes:
    """The chart drawn and encoded as PNG (no cache; see :func:`~briefing.charts.render_png`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = draw_figure(
        data,
        font=font,
        bold_font=bold_font,
        width_in=width_in,
        height_in=height_in,
        dpi=dpi,
        title=title,
    )
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return encode_png(canvas.buffer_rgba(), canvas.get_width_height(), dpi)


def encode_png(rgba: Any, size: tuple[int, int], dpi: int) -> bytes:
    """A PNG of the RGBA pixels ``rgba`` (``size`` wide and high), marked ``dpi``.

    An opaque picture (every chart: its background is white) is stored as RGB, and deflated
    at level 3: a third faster to encode than matplotlib's RGBA at level 6, and smaller once
    the deck's zip has deflated it again (662 KB against 685 KB for the default deck's six).
    """
    from PIL import Image

    image = Image.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1)
    if image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=3, dpi=(dpi, dpi))
    return buffer.getvalue()


def draw_figure(
    data: ChartData,
    *,
    font: Path,
    bold_font: Path | None = None,
    width_in: float,
    height_in: float,
    dpi: int = 200,
    title: bool = True,
) -> MplFigure:
    """The matplotlib Figure for ``data`` (drawn once, so every text has its final layout).

    With ``title=False`` the chart draws no title of its own.
    """
    global _drawn
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    for path in (font, bold_font):
        if path is not None and not Path(path).is_file():
            raise FontError("font file not found", file=path)
    # A hair over the exact pixel count so Agg's int() truncation lands on round(w*dpi).
    width_px, height_px = round(width_in * dpi), round(height_in * dpi)
    size = ((width_px + 0.01) / dpi, (height_px + 0.01) / dpi)
    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(_RC)
        figure = MplFigure(figsize=size, dpi=dpi, facecolor="white")
        FigureCanvasAgg(figure)
        bold = Path(bold_font) if bold_font else None
        painter = Painter(figure, data, Path(font), bold, width_in, height_in, title=title)
        _PAINTERS[data.kind](painter)
    _drawn += 1
    return figure


def prepare_worker() -> None:
    """Ready this process to draw charts (a worker's initializer): unless matplotlib is loaded
    already or ``MPLCONFIGDIR`` is set, give it briefing's own configuration folder seeded with
    the shipped font list; then load it."""
    if "matplotlib" not in sys.modules and "MPLCONFIGDIR" not in os.environ:
        folder = _private_config()
        if folder is not None:
            os.environ["MPLCONFIGDIR"] = str(folder)
    from matplotlib.backends import backend_agg  # noqa: F401 - loaded before the first chart


def _private_config() -> Path | None:
    """``<cache>/matplotlib`` with the shipped font lists copied in; None when it cannot be
    written (matplotlib then uses its usual folder)."""
    folder = files.cache_dir("matplotlib")
    try:
        for shipped in FONTLISTS.glob("fontlist-*.json"):
            target = folder / shipped.name
            if not target.is_file():
                files.write_atomic(target, shipped.read_bytes(), durable=False)
        probe = folder / ".writable"
        probe.touch()
    except OSError:
        return None
    return folder
