"""Benchmark: embedding the bundled Noto Sans TC for a realistic deck.

    .venv/bin/python bench/bench_fonts.py

For the regular and bold faces and every character of the default report (its YAML files under
assets/reports/, else any .txt there, else a sample string), prints the subset time (cold, and
again from the cache), glyph count, TrueType and EOT sizes, and the ratio against a plain
fontTools subset (pyftsubset's default options, only those characters). Both faces get all the
characters: the worst case, as if every text were also bold. Exits 1 when the faces together are
over 1.2x the plain subsets or the fonts over 5 MB.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing import fonts  # noqa: E402

REPORTS = ROOT / "assets" / "reports"
SAMPLE = "出席 2019 年智慧國家高峰會（Smart Nation Summit 2019）簡報大綱：壹、目的；貳、過程。"
MAX_RATIO = 1.2
MAX_BYTES = 5_000_000


def deck_text() -> tuple[str, str]:
    """(all text of the default report, where it came from)."""
    for pattern in ("*/*.yaml", "*/*.txt"):
        files = sorted(REPORTS.glob(pattern))
        if files:
            text = "".join(f.read_text(encoding="utf-8") for f in files)
            return text, f"{len(files)} {pattern[2:]} file(s) in {REPORTS.relative_to(ROOT)}"
    return SAMPLE, "a built-in sample string"


def timed_faces(
    family: fonts.FontFamily, text: str, cache: Path
) -> tuple[float, list[fonts.EmbeddedFace]]:
    start = time.perf_counter()
    faces = fonts.prepare_faces(family, text, cache_dir=cache)
    return time.perf_counter() - start, faces


def plain_subset(path: Path, codepoints: set[int]) -> tuple[float, int]:
    """(seconds, bytes) of a pyftsubset-equivalent subset: default options, these unicodes."""
    start = time.perf_counter()
    with TTFont(path) as font:
        subsetter = ft_subset.Subsetter(ft_subset.Options())
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        buf = BytesIO()
        font.save(buf)
    return time.perf_counter() - start, len(buf.getvalue())


def main() -> int:
    text, source = deck_text()
    codepoints = {ord(c) for c in text if not c.isspace() and ord(c) >= 0x20}
    print(f"{fonts.BUNDLED_FAMILY}: {len(codepoints):,} distinct characters from {source}")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        start = time.perf_counter()
        family = fonts.load_family(cache_dir=cache)
        print(f"load_family: {time.perf_counter() - start:.3f} s")
        rows = [_bench_face(face, text, codepoints, cache) for face in _faces(family)]
    return _report(rows)


def _faces(family: fonts.FontFamily) -> list[fonts.FontFamily]:
    """One single-face family per face, so each face is subset (and timed) on its own."""
    out = [dataclasses.replace(family, bold=None)]
    if family.bold is not None:
        out.append(dataclasses.replace(family, regular=family.bold, bold=None))
    return out


@dataclasses.dataclass(frozen=True)
class Row:
    face: str
    cold: float  # seconds, empty cache
    cached: float  # seconds, same call again
    glyphs: int
    ttf: int  # bytes
    eot: int  # bytes
    plain_s: float
    plain: int  # bytes of the plain fontTools subset

    @property
    def ratio(self) -> float:
        return self.ttf / self.plain


def _bench_face(family: fonts.FontFamily, text: str, codepoints: set[int], cache: Path) -> Row:
    cold, [face] = timed_faces(family, text, cache)
    warm, _ = timed_faces(family, text, cache)
    plain_s, plain_bytes = plain_subset(family.regular.path, codepoints)
    return Row(
        face.style, cold, warm, face.glyphs, face.ttf_bytes, len(face.eot), plain_s, plain_bytes
    )


def _report(rows: list[Row]) -> int:
    print(
        f"{'face':8} {'cold s':>7} {'cached s':>8} {'glyphs':>6} {'TTF bytes':>10} "
        f"{'EOT bytes':>10} {'plain s':>7} {'plain bytes':>11} {'ratio':>6}"
    )
    for r in rows:
        print(
            f"{r.face:8} {r.cold:7.3f} {r.cached:8.3f} {r.glyphs:6} {r.ttf:10,} "
            f"{r.eot:10,} {r.plain_s:7.3f} {r.plain:11,} {r.ratio:6.3f}"
        )
    ttf, eot = sum(r.ttf for r in rows), sum(r.eot for r in rows)
    plain, cold = sum(r.plain for r in rows), sum(r.cold for r in rows)
    ratio = ttf / plain
    print(
        f"{'total':8} {cold:7.3f} {'':8} {'':6} {ttf:10,} {eot:10,} {'':7} {plain:11,} {ratio:6.3f}"
    )
    ok = ratio <= MAX_RATIO and eot < MAX_BYTES
    verdict = "met" if ok else "MISSED"
    print(f"target: ratio <= {MAX_RATIO}, EOT total < {MAX_BYTES:,} bytes: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
