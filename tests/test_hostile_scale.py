"""The planner stays linear in sections and sub-sections (issue 22, class 7): 1,000 one-line
sub-sections of one section once made ``check`` take 91 s (cubic in the sub-sections), and 1,000
top-level sections were quadratic."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from sections import write_report  # noqa: E402

from briefing import api  # noqa: E402


def _plan_seconds(folder: Path) -> tuple[float, int]:
    options = api.options_from_recipe(None, report=folder)
    start = time.perf_counter()
    slides = len(api.plan(options).slides)
    return time.perf_counter() - start, slides


@pytest.mark.parametrize("shape", ["deep", "flat"])
def test_six_hundred_sections_plan_in_a_few_seconds(tmp_path: Path, shape: str) -> None:
    seconds, slides = _plan_seconds(write_report(tmp_path / shape, shape, 600))

    assert slides >= 3
    assert seconds < 10, f"{seconds:.1f} s"  # was 15 s for the deep shape (1,000: 91 s)


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["deep", "flat"])
def test_ten_thousand_sections_plan_in_seconds(tmp_path: Path, shape: str) -> None:
    seconds, _ = _plan_seconds(write_report(tmp_path / shape, shape, 10_000))

    assert seconds < 30, f"{seconds:.1f} s"
