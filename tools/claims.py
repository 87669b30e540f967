"""Developer aid for the editor's check of a deck against its report (docs/message.md).

    python tools/claims.py [--length brief|standard|full] [--report DIR] [--recipe FILE]

Lists every claim a deck's content slides make (message lines, bullets, cards and their tags,
table cells, key figures, timeline stops, quotes) and sorts it into

* ``verbatim``: every piece of it (split at ：｜；and line breaks) is the report's text, in a
  section the slide cites (or an agenda the report prints);
* ``record``: only the deck's label for a record's stated field (已推動, 2018年, 推動機關：…);
  each such field has an evidence quote in the content folder;
* ``other-section``: the report's text, but in a section the slide does not cite;
* ``review``: none of the above: shown with the report's nearest sentence, for a person to
  judge (faithful paraphrase, inference, wrong, hedge lost).

It decides nothing an editor should: the ``review`` lines are the ones to read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing import api  # noqa: E402
from briefing.story import ranking  # noqa: E402
from briefing.story.typography import normalize  # noqa: E402

FURNITURE = ("cover", "agenda", "closing", "sources", "divider")
LABELS = r"^(?:推動機關|年份|辦理情形|相關|主辦|Agency|Year|Status|Related|Lead)$"
STATUSES = {"已推動", "試辦中", "規劃中", "草案", "已完成", "Launched", "Planned", "Trial"}


def _squash(text: str) -> str:
    return re.sub(r"[\s「」『』，。、；：（）()！？!?,.;:\-–—｜]", "", normalize(text))


def _claims(slide) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = [("line", p) for p in slide.subtitle.split("｜") if p]
    found += [("bullet", b.text) for b in (*slide.body, *slide.right) if not b.heading]
    found += [("card", f"{c.heading}：{c.text}" if c.text else c.heading) for c in slide.cards]
    found += [("tag", t) for c in slide.cards for t in c.tag.split("｜") if t]
    if slide.table is not None and slide.kind != "table":
        found += [("cell", c) for row in slide.table.rows for c in row[1:] if c]
    found += [
        ("tile", f"{f.qualifier}{f.value}{f.unit}｜{f.label}｜{f.note}") for f in slide.key_figures
    ]
    found += [("stop", f"{e.when}｜{e.title}｜{e.detail}") for e in slide.events]
    if slide.quote is not None:
        found.append(("quote", slide.quote.text))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", default="standard")
    parser.add_argument("--report")
    parser.add_argument("--recipe")
    args = parser.parse_args()
    overrides = {"length": args.length} | ({"report": Path(args.report)} if args.report else {})
    options = api.options_from_recipe(args.recipe, **overrides)
    report = api.load(options)
    plan = api.plan(options, report)
    bodies = {
        e.section.id: _squash(" ".join(e.section.paragraphs) + e.section.title)
        for e in report.outline
    }
    for agenda in report.agendas:
        items = " ".join(f"{i.title} {i.place or ''} {i.speaker or ''}" for i in agenda.items)
        bodies[f"agenda:{agenda.id}"] = _squash(items + agenda.title)
    sentences = [s for e in report.outline for s in ranking.sentences(e.section.paragraphs)]
    counts: Counter[str] = Counter()
    for number, slide in enumerate(plan.slides, 1):
        if slide.kind in FURNITURE:
            continue
        cited = set(slide.sections) | set(slide.condensed)
        for sid in list(cited):
            cited |= set(report.descendants(sid))
        for _kind, text in _claims(slide):
            bare = re.sub(r"^[一二三四五六七八九十]+、", "", text)
            pieces = [p for p in re.split(r"[：｜\n；]", bare) if _squash(p)]
            pieces = [p for p in pieces if not re.match(LABELS, p.strip())]
            pieces = [p for p in pieces if p.strip() not in STATUSES]
            pieces = [p for p in pieces if not re.fullmatch(r"\d{4}年?", p.strip())]
            where = [s for s, body in bodies.items() if all(_squash(p) in body for p in pieces)]
            if not pieces:
                verdict = "record"
            elif any(s in cited or s.startswith("agenda:") for s in where):
                verdict = "verbatim"
            elif where:
                verdict = "other-section"
            else:
                verdict = "review"
            counts[verdict] += 1
            if verdict in ("review", "other-section"):
                grams = {bare[i : i + 2] for i in range(len(bare) - 1)}
                near = max(
                    sentences, key=lambda s: len(grams & {s[i : i + 2] for i in range(len(s) - 1)})
                )
                print(f"[{number}] {verdict}: {text}\n      report: {near[:120]}")
    print(dict(counts), sum(counts.values()), "claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
