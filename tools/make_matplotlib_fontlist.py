"""Generate ``assets/matplotlib/fontlist-v<version>.json``: matplotlib's font list holding only
the fonts matplotlib ships.

    python tools/make_matplotlib_fontlist.py

Run it after upgrading matplotlib (the tests say when). On its first run matplotlib scans every
font of the system to build this list (a second or more; longer on a machine with many fonts);
the chart workers start from this one instead (see :func:`briefing.charts.render.prepare_worker`).
The charts name their font files, so matplotlib's own fonts (its default DejaVu Sans and the
rest of ``mpl-data``) are all the list needs. Paths are stored relative to ``mpl-data``, as
matplotlib does, so the file fits every installation of the same matplotlib version.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

TARGET = Path(__file__).resolve().parents[1] / "assets" / "matplotlib"


def shipped_only(manager: font_manager.FontManager) -> font_manager.FontManager:
    """``manager`` keeping only the fonts inside matplotlib's own data folder, in path order
    (matplotlib lists them in no fixed order)."""
    data = Path(mpl.get_data_path()).resolve()
    for name in ("ttflist", "afmlist"):
        entries = getattr(manager, name)
        kept = [e for e in entries if data in Path(e.fname).resolve().parents]
        setattr(manager, name, sorted(kept, key=lambda e: (e.fname, e.index)))
    return manager


def main() -> int:
    manager = shipped_only(font_manager.FontManager())
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("fontlist-*.json"):
        old.unlink()
    target = TARGET / f"fontlist-v{font_manager.FontManager.__version__}.json"
    font_manager.json_dump(manager, target)
    print(f"{target}: {len(manager.ttflist)} TrueType and {len(manager.afmlist)} AFM fonts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
