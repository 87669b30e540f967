"""Chart rendering benchmark: cold render (empty cache), cache hit, and PNG size per default chart.

    .venv/bin/python bench/bench_charts.py [--width 12.13] [--height 5.05] [--dpi 200] [--repeat 3]
                                          [--title]

Charts are drawn as the deck draws them (its chart box, 12.13 x 5.05 in, at 200 dpi, without
their own title, by default) into a fresh temporary cache, so "cold" includes drawing and PNG
encoding but not earlier runs' files. The first cold render also pays for importing matplotlib
and loading the font; that one-off cost is printed separately.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing import charts  # noqa: E402
from briefing.content.report import load_report  # noqa: E402
from briefing.theme import EMU_PER_INCH, VISUAL_BOX  # noqa: E402

FONT = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
BOLD = ROOT / "assets" / "fonts" / "NotoSansTC_700Bold.ttf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=float, default=VISUAL_BOX[2] / EMU_PER_INCH)
    parser.add_argument("--height", type=float, default=VISUAL_BOX[3] / EMU_PER_INCH)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="cold renders per chart")
    parser.add_argument("--language", default="zh-TW", choices=charts.LANGUAGES)
    parser.add_argument("--title", action="store_true", help="draw each chart's own title")
    args = parser.parse_args(argv)

    report = load_report()
    size = {"width_in": args.width, "height_in": args.height, "dpi": args.dpi, "title": args.title}
    fonts = {"font": FONT, "bold_font": BOLD}
    print(
        f"{len(report.charts)} charts at {args.width} x {args.height} in, {args.dpi} dpi "
        f"({round(args.width * args.dpi)} x {round(args.height * args.dpi)} px), "
        f"{args.language}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        first = charts.chart_data(report.charts[0], report, language=args.language)
        charts.render_png(first, **fonts, **size, cache_dir=Path(tmp) / "warmup")
        warmup = time.perf_counter() - start
        print(f"first render incl. matplotlib import and font loading: {warmup * 1000:.0f} ms\n")

        print(f"{'chart':34} {'kind':9} {'cold ms':>8} {'hit ms':>7} {'PNG KB':>7}")
        total_cold = total_hit = 0.0
        for spec in report.charts:
            data = charts.chart_data(spec, report, language=args.language)
            colds = []
            for n in range(args.repeat):
                cache = Path(tmp) / f"{spec.id}-{n}"
                start = time.perf_counter()
                png = charts.render_png(data, **fonts, **size, cache_dir=cache)
                colds.append(time.perf_counter() - start)
            count = charts.render_count()
            start = time.perf_counter()
            again = charts.render_png(data, **fonts, **size, cache_dir=cache)
            hit = time.perf_counter() - start
            assert again == png, "cache hit returned other bytes"
            assert charts.render_count() == count, "cache hit drew again"
            cold = statistics.median(colds)
            total_cold += cold
            total_hit += hit
            print(
                f"{spec.id:34} {spec.kind:9} {cold * 1000:8.0f} {hit * 1000:7.1f} "
                f"{len(png) / 1024:7.0f}"
            )
        print(f"{'total':44} {total_cold * 1000:8.0f} {total_hit * 1000:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
