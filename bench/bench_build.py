"""Benchmark: the full default deck, cold (empty caches) and warm, stage by stage.

    python bench/bench_build.py [--runs N]

Prints wall time per stage (content, charts, fonts, writing), the deck's size and slide count,
and the peak memory of the process. Target: a full deck in about a second or two on a laptop,
small enough to e-mail (well under 5 MB).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs to average")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        os.environ["XDG_CACHE_HOME"] = str(Path(work) / "cache")  # start cold
        start = time.perf_counter()
        from briefing import api

        imported = time.perf_counter() - start
        target = Path(work) / "deck.pptx"
        options = api.options_from_recipe(None, output=target)
        cold = _timed(api, options)
        warm = [_timed(api, options) for _ in range(args.runs)]
        native = _timed(api, options.replace(chart_style="native"))
    print(f"import briefing.api          {imported:6.2f} s")
    _row("cold build (empty caches)", cold)
    _row(
        f"warm build (mean of {args.runs})",
        {key: statistics.mean(run[key] for run in warm) for key in warm[0]},
    )
    _row("warm build, native charts", native)
    print(f"slides                       {cold['slides']:6.0f}")
    print(f"deck size                    {cold['bytes'] / 1e6:6.2f} MB")
    _font_ratio(api, options)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS)            {peak:6.0f} MB")


def _font_ratio(api, options) -> None:  # type: ignore[no-untyped-def]
    """Embedded faces against a plain fontTools subset of exactly the characters used."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    from briefing import pipeline
    from briefing.fonts import family as fonts

    result = api.build(options)
    regular, bold = pipeline.deck_text(result.plan, {})
    family = fonts.load_family()
    plain = 0
    for face, texts in ((family.regular, regular), (family.bold, bold)):
        font = TTFont(str(face.path))
        subsetter = subset.Subsetter(subset.Options())
        subsetter.populate(text="".join(texts.values()))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        plain += len(buffer.getvalue())
    embedded = sum(face["bytes"] for face in result.fonts)
    for face in result.fonts:
        print(
            f"embedded {face['style']:8}            {face['bytes'] / 1e3:6.0f} KB"
            f"  ({face['glyphs']} glyphs)"
        )
    print(f"embedded / plain subset      {embedded / plain:6.2f} x  (target <= 1.2)")


def _timed(api, options) -> dict[str, float]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = api.build(options)
    total = time.perf_counter() - start
    return {"total": total, **result.timings, "slides": result.slide_count, "bytes": result.size}


def _row(name: str, run: dict[str, float]) -> None:
    stages = "  ".join(
        f"{k} {run.get(k, 0):.2f}" for k in ("content", "charts", "fonts", "writing")
    )
    print(f"{name:28} {run['total']:6.2f} s   ({stages})")


if __name__ == "__main__":
    main()
