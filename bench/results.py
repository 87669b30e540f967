"""The benchmark's rows, table and Markdown page, the machine it ran on, and its small inputs
(batch recipes, python-pptx's own cost per slide). Used by ``bench/run.py``."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Row:
    """One figure: its group, what it is, the value measured, the target and whether it is
    met (None: no target)."""

    group: str
    figure: str
    value: str
    target: str
    ok: bool | None


def ratio_row(
    group: str, figure: str, value: float, base: float, limit: float, unit: str = " s"
) -> Row:
    """``value`` as a ratio of ``base``, against an upper ``limit``."""
    ratio = value / base
    shown = f"{value:.2f}{unit} = {ratio:.2f} ×" if unit else f"{ratio:.2f} ×"
    return Row(group, figure, shown, f"≤ {limit} ×", ratio <= limit)


def scale_rows(
    points: list[tuple[int, float]], stages: dict[str, float], alone: float
) -> list[Row]:
    """Rows for warm builds of (slides, seconds) decks: total per size, the cost per added
    slide between neighbours, its growth, and python-pptx's own cost per slide."""
    rows = [Row("scale", f"{n} slides, warm build", f"{s:.2f} s", "", None) for n, s in points]
    slopes = [
        ((b[1] - a[1]) / (b[0] - a[0]) * 1000, a[0], b[0]) for a, b in itertools.pairwise(points)
    ]
    for ms, low, high in slopes:
        rows.append(Row("scale", f"per slide, {low} → {high}", f"{ms:.1f} ms", "≤ 3 ms", ms <= 3))
    if len(slopes) >= 2:
        growth = slopes[-1][0] / slopes[-2][0]
        figure = f"per slide at {points[-1][0]} / at {points[-2][0]}"
        rows.append(Row("scale", figure, f"{growth:.2f} ×", "≤ 1.1 ×", growth <= 1.1))
    first = f"{points[0][0]} → {points[1][0]}"
    rows.append(Row("scale", f"python-pptx alone, per slide, {first}", f"{alone:.1f} ms", "", None))
    rows.append(stages_row("scale", f"stages of the {points[-1][0]}-slide build (s)", stages))
    return rows


def stages_row(group: str, figure: str, timings: dict[str, float]) -> Row:
    """A build's stage times (from its ``--report``)."""
    return Row(group, figure, ", ".join(f"{k} {v:.2f}" for k, v in timings.items()), "", None)


def deck_rows(build: dict[str, Any]) -> list[Row]:
    """The deck's size and its embedded faces against a plain subset of the text they draw
    (fontTools' default options, exactly the characters of the deck)."""
    size = build["bytes"] / 1e6
    embedded = sum(face["bytes"] for face in build["fonts"])
    plain = _plain_subsets()
    return [
        Row("default deck", "deck size", f"{size:.2f} MB", "< 5 MB", size < 5),
        Row(
            "default deck",
            "embedded fonts / plain subset",
            f"{embedded / 1e3:.0f} KB / {plain / 1e3:.0f} KB = {embedded / plain:.2f} ×",
            "≤ 1.2 ×",
            embedded / plain <= 1.2,
        ),
    ]


def _plain_subsets() -> int:
    """Bytes of plain fontTools subsets of the bundled faces to the deck's regular and bold
    text (the text of the deck's slides, as the build planned them)."""
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTFont

    sys.path.insert(0, str(ROOT))
    from briefing import api, pipeline
    from briefing.fonts.family import load_family

    plan = api.plan(api.options_from_recipe(None))
    texts = pipeline.deck_text(plan, {})
    family = load_family()
    total = 0
    for face, by_slide in zip((family.regular, family.bold), texts, strict=True):
        assert face is not None
        font = TTFont(str(face.path))
        subsetter = subset.Subsetter(subset.Options())
        subsetter.populate(text="".join(by_slide.values()))
        subsetter.subset(font)
        out = BytesIO()
        font.save(out)
        total += len(out.getvalue())
    return total


def gui_rows(samples: list[dict[str, float]]) -> list[Row]:
    """Rows for the desktop app's probe runs (medians)."""

    def mid(key: str) -> float:
        values = sorted(s[key] for s in samples)
        return values[len(values) // 2]

    slides = int(samples[0]["slides"])
    ratio = mid("gui_build") / mid("api_build")
    return [
        Row(
            "desktop app",
            "window shown after start",
            f"{mid('shown'):.2f} s",
            "≤ 1.0 s",
            mid("shown") <= 1.0,
        ),
        Row(
            "desktop app",
            f"storyboard refresh ({slides} slides)",
            f"{mid('refresh') * 1000:.0f} ms",
            "< 50 ms",
            mid("refresh") < 0.05,
        ),
        Row(
            "desktop app",
            f"storyboard after a change, drawn ({slides} slides, real content)",
            f"{mid('storyboard') * 1000:.0f} ms",
            "< 100 ms",
            mid("storyboard") < 0.1,
        ),
        Row(
            "desktop app",
            f"storyboard drawn anew (font or language change, {slides} slides)",
            f"{mid('storyboard_full') * 1000:.0f} ms",
            "< 250 ms",
            mid("storyboard_full") < 0.25,
        ),
        Row(
            "desktop app",
            "build from the window / api.build",
            f"{mid('gui_build'):.2f} s / {mid('api_build'):.2f} s = {ratio:.2f} ×",
            "≤ 1.0 × (±5 %)",
            ratio <= 1.05,
        ),
    ]


# -- output -------------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    """The rows as a plain-text table."""
    header = Row("group", "figure", "value", "target", None)
    widths = [
        max(len(getattr(r, f)) for r in [header, *rows]) for f in ("group", "figure", "value")
    ]
    lines = []
    for row in [header, *rows]:
        mark = {None: "", True: "ok", False: "MISSED"}[row.ok] if row is not header else "met"
        cells = [
            row.group.ljust(widths[0]),
            row.figure.ljust(widths[1]),
            row.value.ljust(widths[2]),
        ]
        lines.append("  ".join([*cells, row.target.ljust(14), mark]).rstrip())
    return "\n".join(lines)


def markdown(rows: list[Row], machine: dict[str, str], *, quick: bool, seconds: float) -> str:
    """The generated part of docs/performance.md."""
    lines = [
        BEGIN,
        f"Measured {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} by `python bench/run.py"
        f"{' --quick' if quick else ''}` in {seconds:.0f} s on:",
        "",
        *(f"- **{k}**: {v}" for k, v in machine.items()),
        "",
        "| group | figure | value | target | met |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        mark = {None: "", True: "yes", False: "**no**"}[row.ok]
        lines.append(f"| {row.group} | {row.figure} | {row.value} | {row.target} | {mark} |")
    return "\n".join([*lines, END])


def write(path: Path, generated: str) -> None:
    """Put ``generated`` between the markers of ``path`` (the rest is kept), or write a new
    page holding it."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if pattern.search(old):
        text = pattern.sub(lambda _: generated, old)
    else:
        text = f"# Performance\n\n{generated}\n{old}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    from importlib import metadata

    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("python-pptx", "matplotlib", "fonttools", "PySide6-Essentials")
        if _installed(name)
    )
    return {
        "CPU": _cpu(),
        "cores": str(os.cpu_count()),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": platform.platform(),
        "libraries": versions,
        "load": _load(),
    }


def _load() -> str:
    """The machine's load average (other work competing for the cores), where known."""
    if not hasattr(os, "getloadavg"):  # pragma: no cover - Windows
        return "unknown"
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) when the run ended, on {os.cpu_count()} cores"


def _installed(name: str) -> bool:
    from importlib import metadata

    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


# -- inputs -------------------------------------------------------------------------------------
def batch_recipes(folder: Path, count: int) -> Path:
    """``count`` recipes in ``folder``: the bundled ones, then the same at other lengths, each
    writing its deck into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    bundled = sorted((ROOT / "recipes").glob("*.yaml"))
    lengths = ("standard", "brief", "full")
    for n in range(count):
        data: dict[str, Any] = yaml.safe_load(bundled[n % len(bundled)].read_text(encoding="utf-8"))
        if n >= len(bundled):
            data["length"] = lengths[n // len(bundled) % len(lengths)]
        data["output"] = str(folder / f"deck-{n}.pptx")
        (folder / f"recipe-{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def pptx_slides(count: int) -> float:
    """Seconds python-pptx takes to write ``count`` slides (title, five bullets, notes) on the
    deck's master and save them."""
    import io

    from pptx import Presentation

    sys.path.insert(0, str(ROOT))
    from briefing.deck.builder import MASTER

    start = time.perf_counter()
    prs = Presentation(str(MASTER))
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Title and Content")
    for n in range(count):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"第 {n} 張投影片"
        body = slide.placeholders[1].text_frame
        body.text = "智慧國家 2025 的第一個重點"
        for point in range(4):
            body.add_paragraph().text = f"重點 {point}：數位政府藍圖與資料治理"
        slide.notes_slide.notes_text_frame.text = "報告內容段落。" * 20
    prs.save(io.BytesIO())
    return time.perf_counter() - start
