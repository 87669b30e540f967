"""Desktop app timings: start-up to a painted window, and storyboard refreshes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [--refreshes 10]

Start-up is measured in-process from before PySide6 and gui are imported to the first paint
of the shown main window (with the report loaded and the storyboard planned), and, on Linux,
also from the process's own start (interpreter start-up included). A refresh is what a change
of selection costs once the debounce fires: ``api.plan`` on the already-loaded report, the
storyboard model reset and the repaint of the visible thumbnails.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402

from gui.app import make_app  # noqa: E402
from gui.window import MainWindow  # noqa: E402
from gui.worker import Op  # noqa: E402


class _FirstPaint(QObject):
    """Records when the window (or any child) is first painted."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False


def since_process_start() -> float | None:
    """Seconds since this process started (Linux /proc), or None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refreshes", type=int, default=10)
    args = parser.parse_args()
    app = make_app()
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.document.ask_unsaved = lambda: "discard"
        painted = _FirstPaint()
        app.installEventFilter(painted)
        window.resize(1440, 900)
        window.show()
        window.start()
        while painted.at is None:
            app.processEvents()
        process = since_process_start()
        startup = painted.at - T0
        while Op.busy():  # the deck font's licence bit, read in a worker
            app.processEvents()
        font_ready = time.perf_counter() - T0
        app.removeEventFilter(painted)
        slides = window.storyboard.model().rowCount()

        plans, refreshes = [], []
        for _ in range(args.refreshes):
            start = time.perf_counter()
            window.refresh()
            app.processEvents()
            refreshes.append(time.perf_counter() - start)
            plans.append(window.plan_seconds)
        window.storyboard.model_.repaint_all()
        start = time.perf_counter()
        for row in range(slides):
            window.storyboard.model_.thumbnail(row)
        thumbs = time.perf_counter() - start
        window.close()

    print(
        f"start-up to first paint of the window: {startup * 1000:.0f} ms"
        " (in-process, from before importing PySide6/gui)"
    )
    if process is not None:
        print(f"  since the process started:          {process * 1000:.0f} ms")
    print(f"  deck font read (licence bit shown):  {font_ready * 1000:.0f} ms")
    print(
        f"storyboard refresh, full report ({slides} slides), mean of {len(refreshes)}: "
        f"{statistics.mean(refreshes) * 1000:.1f} ms "
        f"(api.plan {statistics.mean(plans) * 1000:.1f} ms; "
        f"min {min(refreshes) * 1000:.1f}, max {max(refreshes) * 1000:.1f})"
    )
    print(f"painting all {slides} thumbnails from cold: {thumbs * 1000:.0f} ms")


if __name__ == "__main__":
    main()
