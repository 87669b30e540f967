"""How long an import of a long report takes: ``python bench/import_pages.py [--pages 50]``.

Makes a report of about ``--pages`` pages (a cover, a 提要, 目次, 第N章 / 第N節 / 一、 headings,
an itinerary of dated lines, 600 characters of text per page) as .docx and as .txt, imports
each ``--runs`` times (the first run of a process pays for its imports and the font's metrics:
reported apart) and prints the times. The target is under 2 s for 50 pages, check and the
standard deck's plan included.
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

COVER = [
    "出國報告（出國類別：考察）",
    "赴荷蘭考察水資源管理與氣候變遷調適",
    "服務機關：經濟部水利署",
    "姓名職稱：王大明　科長",
    "陳小華　技正",
    "派赴國家/地區：荷蘭",
    "出國期間：111年10月2日至111年10月15日",
    "報告日期：111年12月28日",
]
_CN = "一二三四五六七八九十"
_SENTENCE = (
    "荷蘭以風險取代單一保護標準，依堤防後方之人口及經濟價值訂定各段堤防之防護標準，"
    "每年投入約新臺幣600億元辦理三角洲計畫，並由水務局負責區域排水及水質管理。"
)


def chinese(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def lines(pages: int) -> list[str]:
    """About ``pages`` pages of report (600 characters of text a page)."""
    body: list[str] = ["第一章　行程"]
    body += [f"10/{d}　台夫特：參加洪水風險管理課程第{d}日" for d in range(2, 16)]
    chapters = max(2, round(pages / 3.2))
    for c in range(2, chapters + 2):
        body.append(f"第{chinese(c)}章　考察內容之{chinese(c)}")
        for s in range(1, 4):
            body.append(f"第{chinese(s)}節　主題{chinese(s)}")
            for i in range(1, 3):
                body.append(f"{chinese(i)}、重點{chinese(i)}")
                body += [_SENTENCE * 2] * 2
    return COVER + body


def make(pages: int, folder: Path) -> list[Path]:
    import docx

    text = lines(pages)
    txt = folder / "long.txt"
    txt.write_text("\n".join(text), encoding="utf-8")
    document = docx.Document()
    for line in text:
        level = 1 if "章　" in line[:5] else 2 if "節　" in line[:5] else None
        if level:
            document.add_heading(line, level=level)
        else:
            document.add_paragraph(line)
    path = folder / "long.docx"
    document.save(str(path))
    return [path, txt]


def main(argv: list[str] | None = None) -> int:
    from briefing import api

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for source in make(args.pages, folder):
            chars = sum(len(line) for line in lines(args.pages))
            times = []
            for n in range(args.runs + 1):
                started = time.perf_counter()
                result = api.import_report(source, folder / f"out-{source.suffix[1:]}-{n}")
                times.append(time.perf_counter() - started)
            print(
                f"{source.name}: {chars:,} characters (~{chars // 600} pages), "
                f"{result.sections} sections, {result.agenda_items} agenda items; "
                f"first {times[0]:.2f} s, then median {statistics.median(times[1:]):.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
