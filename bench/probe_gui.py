"""The desktop app's timings, run in a process of its own by ``bench/run.py``; prints JSON.

    BENCH_T0=<time.time() before starting this process> python bench/probe_gui.py OUT_DIR [N]

* ``shown``: seconds from ``BENCH_T0`` (so interpreter start-up counts) to the first paint of
  the main window, with the bundled report loaded and its storyboard planned;
* ``refresh``: the median of ``N`` storyboard refreshes of the full report (what a change of
  selection costs once the debounce fires: planning, the model reset, the repaint);
* ``storyboard``: the median of ``N`` changes of the selection (one section unchecked, then
  checked again) drawn: the refresh, then every thumbnail and the large slide painted with
  their real content (slides the change left as they were come from the picture cache);
  ``storyboard_full``: the same with every thumbnail painted again (a font or language change);
* ``gui_build`` and ``api_build``: the median of ``N`` builds of the same options from the
  window's Generate (a worker thread, progress signals) and from ``api.build`` in this process
  (what the command line runs), alternately (on the caches ``XDG_CACHE_HOME`` names: warm
  them first to compare warm builds).

Qt's offscreen platform is used unless ``QT_QPA_PLATFORM`` says otherwise.
"""

from __future__ import annotations

import time

_START = time.time()

import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


class _FirstPaint(QObject):
    """Records when the window (or any child) is first painted."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.time()
        return False


def main(out_dir: Path, runs: int) -> dict[str, float]:
    from gui.app import make_app
    from gui.window import MainWindow

    t0 = float(os.environ.get("BENCH_T0", _START))
    app = make_app()
    painted = _FirstPaint()
    app.installEventFilter(painted)
    window = MainWindow(QSettings(str(out_dir / "probe.ini"), QSettings.Format.IniFormat))
    window.document.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    window.ask_replace = lambda _path: True  # each timed build writes over the last one
    window.resize(1440, 900)
    window.show()
    window.start()
    while painted.at is None:
        app.processEvents()
    app.removeEventFilter(painted)
    result = {"shown": painted.at - t0, "slides": window.storyboard.model().rowCount()}
    result["refresh"] = statistics.median(_refresh(app, window) for _ in range(max(runs, 5)))
    result["storyboard"] = statistics.median(
        storyboard_seconds(window, toggle=n % 2 == 0) for n in range(max(runs, 6))
    )
    result["storyboard_full"] = statistics.median(
        storyboard_seconds(window, full=True) for _ in range(max(runs, 5))
    )
    gui, cli = _builds(app, window, out_dir, runs)
    window.close()
    return {**result, "gui_build": gui, "api_build": cli}


def _refresh(app: QApplication, window: object) -> float:
    start = time.perf_counter()
    window.refresh()  # type: ignore[attr-defined]
    app.processEvents()
    return time.perf_counter() - start


def storyboard_seconds(window: object, *, toggle: bool = False, full: bool = False) -> float:
    """One change drawn: the last top-level section unchecked (``toggle``) or checked again,
    the plan, every thumbnail (``full``: all painted again) and the large slide."""
    from PySide6.QtCore import Qt

    model = window.storyboard.model_  # type: ignore[attr-defined]
    sections = window.sectionsPanel.model  # type: ignore[attr-defined]
    index = sections.index(sections.rowCount() - 1, 0)
    state = Qt.CheckState.Unchecked if toggle else Qt.CheckState.Checked
    start = time.perf_counter()
    if not full:
        sections.setData(index, state, Qt.ItemDataRole.CheckStateRole)
    window.refresh()  # type: ignore[attr-defined]
    if full:
        model.repaint_all()
    for row in range(model.rowCount()):
        model.thumbnail(row)
    window.slideDetail.grab()  # type: ignore[attr-defined]
    return time.perf_counter() - start


def _builds(app: QApplication, window: object, out_dir: Path, runs: int) -> tuple[float, float]:
    """Median seconds of a build from the window and of ``api.build`` on the same options."""
    from briefing import api

    window.settingsPanel.outputEdit.setText(str(out_dir / "gui.pptx"))  # type: ignore[attr-defined]
    options = window.current_options().replace(output=out_dir / "api.pptx")  # type: ignore[attr-defined]
    api.build(options)  # untimed: the libraries a build loads, loaded once for both
    gui, cli = [], []
    for _ in range(runs):
        gui.append(_gui_build(app, window))
        start = time.perf_counter()
        api.build(options)
        cli.append(time.perf_counter() - start)
    return statistics.median(gui), statistics.median(cli)


def _gui_build(app: QApplication, window: object) -> float:
    start = time.perf_counter()
    window.generate()  # type: ignore[attr-defined]
    while window.building():  # type: ignore[attr-defined]
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # as app.exec() does
    return time.perf_counter() - start


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    print(json.dumps(main(folder, int(sys.argv[2]) if len(sys.argv) > 2 else 3)))
