"""A generated report of any size, for measuring how a build's cost grows with the deck.

    python bench/generate.py FOLDER --slides 1000

writes a content folder in the schema of :mod:`briefing.content.model` (``report.yaml``,
``sections.yaml``, ``initiatives.yaml``) whose default deck has about ``--slides`` slides. The
text is the bundled report's own (paragraphs, key points, initiative summaries, cycled), so the
characters, line lengths and notes are those of a real deck; parts are numbered 1, 2, … with
sub-sections 1, 2, … below them, and every third sub-section discusses an initiative. There are
no figures, charts or agendas: the cost measured is that of slides.

How many slides a report gives is the planner's business, so :func:`generate` asks it
(``briefing.api.plan``) and adjusts the number of sub-sections until the deck is as close to
the target as it gets.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "assets" / "reports" / "smart-nation-summit-2019"
CHILDREN_PER_PART = 8
INITIATIVE_EVERY = 3  # every third sub-section discusses an initiative


@dataclass(frozen=True)
class _Corpus:
    """Texts taken from the bundled report, cycled through by the generator."""

    paragraphs: tuple[str, ...]
    points: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[tuple[str, str], ...]  # (name, summary)


def _corpus() -> _Corpus:
    sections = yaml.safe_load((BUNDLED / "sections.yaml").read_text(encoding="utf-8"))
    flat = list(_walk(sections))
    initiatives = yaml.safe_load((BUNDLED / "initiatives.yaml").read_text(encoding="utf-8"))
    return _Corpus(
        paragraphs=tuple(p for s in flat for p in s.get("paragraphs") or ()),
        points=tuple(p for s in flat for p in s.get("key_points") or ()),
        titles=tuple(s["title"] for s in flat if len(s["title"]) <= 16),
        summaries=tuple((i["name"], i["summary"]) for i in initiatives),
    )


def _walk(sections: list[dict[str, Any]]) -> Any:
    for section in sections:
        yield section
        yield from _walk(section.get("children") or [])


def report_data(children: int) -> dict[str, Any]:
    """The YAML documents (file stem -> data) of a report with ``children`` sub-sections."""
    corpus = _corpus()
    paragraphs, points = itertools.cycle(corpus.paragraphs), itertools.cycle(corpus.points)
    titles, summaries = itertools.cycle(corpus.titles), itertools.cycle(corpus.summaries)
    parts: list[dict[str, Any]] = []
    initiatives: list[dict[str, Any]] = []
    for n in range(children):
        if n % CHILDREN_PER_PART == 0:
            number = len(parts) + 1
            parts.append(_section(f"part-{number}", str(number), next(titles), paragraphs, points))
        part = parts[-1]
        child_id = f"{part['id']}-{len(part['children']) + 1}"
        number = str(len(part["children"]) + 1)
        part["children"].append(_section(child_id, number, next(titles), paragraphs, points))
        if n % INITIATIVE_EVERY == 0:
            name, summary = next(summaries)
            initiatives.append(
                {
                    "id": f"initiative-{len(initiatives) + 1}",
                    "name": f"{name} {len(initiatives) + 1}",
                    "summary": summary,
                    "sections": [child_id],
                }
            )
    return {"report": _meta(children), "sections": parts, "initiatives": initiatives}


def _section(
    section_id: str, number: str, title: str, paragraphs: Any, points: Any
) -> dict[str, Any]:
    return {
        "id": section_id,
        "number": number,
        "title": title,
        "kind": "content",
        "paragraphs": [next(paragraphs), next(paragraphs)],
        "key_points": [next(points) for _ in range(4)],
        "children": [],
    }


def _meta(children: int) -> dict[str, Any]:
    meta = yaml.safe_load((BUNDLED / "report.yaml").read_text(encoding="utf-8"))
    meta.pop("source_file", None)  # the generated paragraphs are not in the source text
    meta["id"] = f"generated-{children}"
    meta["title"] = f"生成的出國報告（{children} 節）"
    return meta


def write_report(folder: Path, children: int) -> Path:
    """Write a report with ``children`` sub-sections into ``folder`` (created); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, data in report_data(children).items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return folder


def slide_count(folder: Path) -> int:
    """How many slides the default deck of the report in ``folder`` has."""
    sys.path.insert(0, str(ROOT))
    from briefing import api

    options = api.options_from_recipe(None, report=folder)
    return len(api.plan(options).slides)


def generate(folder: Path, slides: int) -> int:
    """Write a report into ``folder`` whose default deck has about ``slides`` slides (at least
    the fixed ones: cover, outline, closing …); returns the deck's actual slide count."""
    children = max(1, slides // 3)
    best: tuple[int, int] | None = None  # (distance, children)
    tried: set[int] = set()
    while children not in tried:
        tried.add(children)
        count = slide_count(write_report(folder, children))
        if best is None or abs(count - slides) < best[0]:
            best = (abs(count - slides), children)
        if count == slides:
            return count
        per_child = max(count / children, 0.5)
        children = max(1, children + round((slides - count) / per_child))
    assert best is not None
    return slide_count(write_report(folder, best[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the report (created)")
    parser.add_argument("--slides", type=int, default=100, help="slides the deck should have")
    args = parser.parse_args(argv)
    count = generate(args.folder, args.slides)
    print(f"{args.folder}: {count} slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
