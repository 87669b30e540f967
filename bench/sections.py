"""How ``check`` grows with the number of sections: flat (N top-level sections) and deep (one
part with N one-line sub-sections, the shape that once took 91 s for 1,000).

    python bench/sections.py --sizes 1000 10000

writes each report into a temporary folder, runs ``python main.py check --content`` on it and
prints the seconds; ``--limit`` makes it exit 1 when any run takes longer (the planner must stay
linear, or n log n, in sections and sub-sections).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "assets" / "reports" / "smart-nation-summit-2019"


def _section(section_id: str, n: int, children: list[dict[str, Any]] | None = None) -> dict:
    return {
        "id": section_id,
        "title": f"小節{n}",
        "kind": "content",
        "paragraphs": [f"第 {n} 節的一行。"],
        "children": children or [],
    }


def sections(shape: str, size: int) -> list[dict[str, Any]]:
    """``flat``: ``size`` top-level sections; ``deep``: one part with ``size`` sub-sections."""
    if shape == "flat":
        return [_section(f"s{n}", n) for n in range(size)]
    return [_section("part", 0, [_section(f"s{n}", n) for n in range(size)])]


def write_report(folder: Path, shape: str, size: int) -> Path:
    """A content folder: the bundled report's cover data and the generated sections."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_load((BUNDLED / "report.yaml").read_text(encoding="utf-8"))
    meta.pop("source_file", None)  # the generated lines are not in the bundled source text
    for stem, data in (("report", meta), ("sections", sections(shape, size))):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return folder


def check_seconds(folder: Path) -> float:
    """Seconds ``main.py check --content FOLDER`` takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", "--content", str(folder)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--limit", type=float, help="exit 1 when a run takes longer (seconds)")
    args = parser.parse_args(argv)
    slow = False
    with tempfile.TemporaryDirectory() as work:
        for shape in ("deep", "flat"):
            for size in args.sizes:
                seconds = check_seconds(write_report(Path(work) / f"{shape}-{size}", shape, size))
                print(f"{shape:5} {size:>7,} sections: check {seconds:6.2f} s")
                slow = slow or (args.limit is not None and seconds > args.limit)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
