"""Every performance figure of briefing, measured in one run: ``python bench/run.py``.

    python bench/run.py [--quick] [--runs N] [--out FILE]

Each build is a fresh process, from a clean clone's point of view: caches live in temporary
folders (``XDG_CACHE_HOME``, which also holds matplotlib's), so a *cold* build starts with
every cache empty (a new machine, a fresh container) and a *warm* one follows a build of the
same deck. Times are compared with the *import floor*, the time to start Python and import the
libraries a build needs (``python -c "import pptx, matplotlib.pyplot, fontTools.subset, jinja2,
yaml, pydantic"``), measured in the same rounds (interleaved, medians), so the ratios hold on
a slower or busier machine too. Figures:

* default deck: cold and warm build, against the floor; peak memory of the largest process;
* scale: warm builds of generated reports of 10, 100 and 1,000 slides (``bench/generate.py``,
  fastest of the runs): the cost of each added slide, and its growth from 100 to 1,000;
  python-pptx writing bare slides for comparison;
* batch: eight recipes with ``--jobs 2`` against ``--jobs 1``;
* desktop app (``bench/probe_gui.py``, offscreen): window shown, storyboard refresh, a build
  from the window against ``api.build``.

The table is printed and written into ``--out`` (default ``docs/performance.md``) between
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` (text around them is kept), with the
machine it ran on. ``--quick`` runs each figure once on small inputs (a smoke test).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import measure  # noqa: E402
import results as report  # noqa: E402
from measure import IMPORT_FLOOR, ROOT, interleaved, median, run  # noqa: E402

SCALE = (10, 100, 1000)
QUICK_SCALE = (8, 12, 16)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="once each, small inputs")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        rows = [
            *default_deck(work, runs),
            *scale(work, QUICK_SCALE if args.quick else SCALE, runs, warmup=not args.quick),
            *batch(work, 2 if args.quick else 8, runs, warmup=not args.quick),
            *desktop(work, runs),
        ]
        if args.quick:  # one run on small inputs: a smoke test, not figures to judge
            rows = [replace(row, ok=None) for row in rows]
    table = report.table(rows)
    print(table)
    machine = report.machine()
    seconds = time.perf_counter() - started
    report.write(args.out, report.markdown(rows, machine, quick=args.quick, seconds=seconds))
    print(f"\nwritten to {args.out} ({seconds:.0f} s)")
    return 0


# -- default deck -------------------------------------------------------------------------------
def default_deck(work: Path, runs: int) -> list[report.Row]:
    """Cold and warm builds of the default deck against the import floor: each round builds
    into empty caches, then times the floor and a warm build on the caches it filled. The
    floor has caches of its own, where matplotlib's font list is built once beforehand (a
    build's workers use a font list of their own, so a cold build does not leave one)."""
    cold_runs, floor, warm_runs = [], [], []
    cold_json, warm_json = work / "cold.json", work / "warm.json"
    floor_env = {"XDG_CACHE_HOME": str(work / "floor-cache")}
    run(["-c", IMPORT_FLOOR], floor_env)
    for n in range(runs):
        env = {"XDG_CACHE_HOME": str(work / f"cache-{n}")}
        build = ["main.py", "build", "--quiet", "--out", str(work / f"default-{n}.pptx")]
        cold_runs.append(run([*build, "--report", str(cold_json)], env))
        floor.append(run(["-c", IMPORT_FLOOR], floor_env))
        warm_runs.append(run([*build, "--report", str(warm_json)], env))
    base = median(floor)
    peak = measure.peak_rss(cold_runs + warm_runs)
    cold, warm = (json.loads(p.read_text(encoding="utf-8")) for p in (cold_json, warm_json))
    return [
        report.Row("default deck", "import floor", f"{base:.2f} s", "", None),
        report.ratio_row("default deck", "cold build", median(cold_runs), base, 2.5),
        report.ratio_row("default deck", "warm build", median(warm_runs), base, 1.5),
        report.Row(
            "default deck",
            "peak memory (largest process)",
            "n/a" if peak is None else f"{peak:.0f} MB",
            "< 250 MB",
            None if peak is None else peak < 250,
        ),
        report.Row(
            "default deck",
            "CPU time, cold / warm / floor",
            " / ".join(f"{median(x, 'cpu'):.2f} s" for x in (cold_runs, warm_runs, floor)),
            "",
            None,
        ),
        report.stages_row("default deck", "stages of a cold build (s)", cold["timings"]),
        report.stages_row("default deck", "stages of a warm build (s)", warm["timings"]),
        *report.deck_rows(cold),
    ]


# -- scale --------------------------------------------------------------------------------------
def scale(work: Path, sizes: tuple[int, ...], runs: int, *, warmup: bool) -> list[report.Row]:
    """Warm builds of generated reports: the cost of an added slide, and how it grows (on the
    caches of the default deck's first round, after a build of each report to fill them).
    Each size counts its fastest run, the one other work on the machine disturbed least: how
    cost grows with the deck is a property of the code, and medians of a busy machine's runs
    made it look like 0.8 × one time and 1.2 × the next."""
    cache = {"XDG_CACHE_HOME": str(work / "cache-0")}
    builds: dict[int, list[str]] = {}
    slides: dict[int, int] = {}
    for size in sizes:
        folder = work / f"report-{size}"
        slides[size] = generate.generate(folder, size)
        deck, json_report = work / f"scale-{size}.pptx", work / f"scale-{size}.json"
        builds[size] = ["main.py", "build", "-q", "--content", str(folder), "--out", str(deck)]
        builds[size] += ["--report", str(json_report)]
        if warmup:
            run(builds[size], cache)
    seconds: dict[int, list[float]] = {size: [] for size in sizes}
    stages: dict[str, float] = {}
    for _ in range(runs):  # sizes in turn, so a busy spell of the machine falls on all of them
        for size in sizes:
            run(builds[size], cache)
            stages = json.loads(Path(builds[size][-1]).read_text(encoding="utf-8"))["timings"]
            seconds[size].append(sum(stages.values()))
    points = [(slides[size], min(seconds[size])) for size in sizes]  # the least disturbed runs
    return report.scale_rows(points, stages, pptx_alone(work, sizes))


def pptx_alone(work: Path, sizes: tuple[int, ...]) -> float:
    """Milliseconds per slide python-pptx itself takes to write a title, five bullets and
    notes on the deck's master, between the two smallest decks (python-pptx alone slows down
    as a deck grows: see deck/package.py)."""
    small, large = sorted(sizes)[:2]
    code = (
        "import sys; sys.path.insert(0, 'bench'); from results import pptx_slides;"
        f"print(pptx_slides({large}) - pptx_slides({small}))"
    )
    seconds = float(run(["-c", code]).stdout)
    return seconds / (large - small) * 1000


# -- batch --------------------------------------------------------------------------------------
def batch(work: Path, count: int, runs: int, *, warmup: bool) -> list[report.Row]:
    """``count`` recipes built with ``--jobs 2`` against ``--jobs 1`` (warm caches)."""
    folder = report.batch_recipes(work / "batch", count)
    cache = {"XDG_CACHE_HOME": str(work / "cache-0")}
    command = ["main.py", "build", "-q", "--recipe", str(folder), "--jobs"]
    if warmup:
        run([*command, "2"], cache)
    two, one = interleaved(
        runs, lambda: run([*command, "2"], cache), lambda: run([*command, "1"], cache)
    )
    label = f"{count} recipes, --jobs 2 / --jobs 1"
    return [report.ratio_row("batch", label, median(two), median(one), 0.6, unit="")]


# -- desktop app --------------------------------------------------------------------------------
def desktop(work: Path, runs: int) -> list[report.Row]:
    """The desktop app's start, storyboard refresh and builds (bench/probe_gui.py), on the
    default deck's warm caches."""
    env = {"XDG_CACHE_HOME": str(work / "cache-0"), "QT_QPA_PLATFORM": "offscreen"}
    try:
        import PySide6  # noqa: F401
    except ImportError:  # pragma: no cover - a core-only installation
        return [report.Row("desktop app", "not measured (no PySide6)", "", "", None)]
    samples = []
    for _ in range(runs):
        env["BENCH_T0"] = repr(time.time())
        probe = ["bench/probe_gui.py", str(work / "gui"), str(runs)]
        samples.append(json.loads(run(probe, env).stdout))
    return report.gui_rows(samples)


if __name__ == "__main__":
    sys.exit(main())
