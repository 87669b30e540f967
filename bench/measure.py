"""Running a command and measuring it: wall time, CPU time and peak memory of the process tree.

Used by ``bench/run.py``; each measured build is a fresh process, as a user's build is.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
IMPORT_FLOOR = "import pptx, matplotlib.pyplot, fontTools.subset, jinja2, yaml, pydantic"


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    rss_mb: float | None  # peak resident memory of the largest of those processes (POSIX)
    stdout: str


def run(args: Sequence[str], env: dict[str, str] | None = None) -> Sample:
    """Run ``python args`` from the repository root; raises CalledProcessError on failure."""
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8") as err,
    ):
        start = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, *args], cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=err
        )
        code, cpu, rss = _reap(process)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if code != 0:
            raise subprocess.CalledProcessError(code, [PYTHON, *args], out.read(), err.read())
        return Sample(wall=wall, cpu=cpu, rss_mb=rss, stdout=out.read())


def _reap(process: subprocess.Popen[bytes]) -> tuple[int, float, float | None]:
    """Wait for ``process``: (exit code, CPU seconds, peak memory in MB or None)."""
    if not hasattr(os, "wait4"):  # pragma: no cover - Windows: no resource usage of a child
        return process.wait(), 0.0, None
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median(samples: Sequence[Sample], field: str = "wall") -> float:
    """The median of one field over ``samples``."""
    return statistics.median(getattr(s, field) for s in samples)


def peak_rss(samples: Sequence[Sample]) -> float | None:
    """The largest peak memory (MB) among ``samples``, None where it cannot be measured."""
    values = [s.rss_mb for s in samples if s.rss_mb is not None]
    return max(values) if values else None


def interleaved(runs: int, *commands: Callable[[], Sample]) -> list[list[Sample]]:
    """``runs`` rounds of every command in turn (so a busy moment of the machine falls on all
    of them alike); one list of samples per command."""
    results: list[list[Sample]] = [[] for _ in commands]
    for _ in range(runs):
        for samples, command in zip(results, commands, strict=True):
            samples.append(command())
    return results
