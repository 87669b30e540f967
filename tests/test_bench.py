"""The benchmark runs from a clean clone and reports every figure (bench/run.py --quick).

Nothing here is timed: the test checks that the one command runs, prints its table and writes
its page, not what the figures are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "import floor",
    "cold build",
    "warm build",
    "peak memory",
    "embedded fonts / plain subset",
    "per slide",
    "python-pptx alone",
    "--jobs 2 / --jobs 1",
    "window shown",
    "storyboard refresh",
    "storyboard after a change",
    "build from the window",
)


@pytest.mark.slow
def test_the_benchmark_prints_its_table_and_writes_its_page(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text(
        "# Performance\n\nNotes kept.\n\n<!-- bench:begin -->\nstale figures\n<!-- bench:end -->\n"
    )

    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--out", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    for figure in FIGURES:
        assert figure in done.stdout
        assert figure in text
    assert "Notes kept." in text and "stale figures" not in text
    assert "**cores**" in text and "**Python**" in text and "**OS**" in text
