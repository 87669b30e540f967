"""Score the importer against the answer keys of the report corpus.

Imports every report × format in ``tests/data/reports/`` (or the folder given) into a temporary
folder, compares what it wrote with ``NAME.expected.yaml`` and prints a markdown table, a row
per report × format: headings, front-matter fields, travellers' fields, itinerary entries,
numbers (value and unit right / value wrong), recommendations and photos; then whether
``import``, ``check`` and (with ``--build``) ``build --length brief`` and the standard build
exit 0.

    python tools/score_import.py                       # the table
    python tools/score_import.py --build               # also build both decks of every file
    python tools/score_import.py --only jp-disaster-2024 --details
    python tools/score_import.py --write docs/importing.md   # the table into the doc

The scoring functions are used by ``tests/test_import_corpus.py`` too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "data" / "reports"
MARK_START, MARK_END = "<!-- score:start -->", "<!-- score:end -->"
_CURRENCIES = {
    "TWD": ("新臺幣", "新台幣", "臺幣", "台幣", "NT$", "元", "TWD"),
    "USD": ("美元", "美金", "US$", "USD"),
    "EUR": ("歐元", "€", "EUR"),
    "JPY": ("日圓", "日元", "日幣", "円", "¥", "JPY"),
    "KRW": ("韓元", "₩", "KRW"),
    "AUD": ("澳幣", "澳元", "A$", "AUD"),
}
_SCALES = {"千": 1e3, "萬": 1e4, "百萬": 1e6, "千萬": 1e7, "億": 1e8, "兆": 1e12}


def squash(text: Any) -> str:
    """``text`` without whitespace, colons at the end, and with half-width brackets."""
    text = re.sub(r"\s+", "", str(text or ""))
    return text.translate(str.maketrans("()：:", "（）：：")).rstrip("：")


@dataclass
class Score:
    """found / total per measure, the exit codes, and what was missed (for ``--details``)."""

    report: str
    fmt: str
    counts: dict[str, list[int]] = field(default_factory=dict)
    exits: dict[str, int] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, measure: str, ok: bool, what: str = "") -> None:
        pair = self.counts.setdefault(measure, [0, 0])
        pair[0] += int(ok)
        pair[1] += 1
        if not ok and what:
            self.missed.setdefault(measure, []).append(what)

    def ratio(self, measure: str) -> float:
        found, total = self.counts.get(measure, [0, 0])
        return 1.0 if total == 0 else found / total

    def cell(self, measure: str) -> str:
        found, total = self.counts.get(measure, [0, 0])
        if total == 0:
            return "–"
        return f"{found}/{total}" + (" ✓" if found == total else "")


# -- reading what the import wrote -----------------------------------------------------------
def _load(folder: Path, name: str) -> Any:
    path = folder / f"{name}.yaml"
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _walk(sections: list[dict[str, Any]], depth: int = 1) -> list[tuple[int, dict[str, Any]]]:
    out: list[tuple[int, dict[str, Any]]] = []
    for record in sections:
        out.append((depth, record))
        out += _walk(record.get("children", []), depth + 1)
    return out


# -- the measures ------------------------------------------------------------------------------
def score_headings(score: Score, key: dict[str, Any], sections: list[dict[str, Any]]) -> None:
    """Every expected heading found, in order, with its title and under the parent the key
    gives it (the nearest heading before it of a lower level: a heading that skips a level,
    such as a Heading 5 right under a Heading 3, is right under that one)."""
    found = [(squash(r.get("title")), parent) for _, r, parent in _walk_parents(sections)]
    at = 0
    open_titles: list[tuple[int, str]] = []
    for heading in key.get("headings", []):
        while open_titles and open_titles[-1][0] >= heading["level"]:
            open_titles.pop()
        want_parent = open_titles[-1][1] if open_titles else ""
        want = squash(heading["title"])
        open_titles.append((heading["level"], want))
        hit = next((i for i in range(at, len(found)) if found[i][0] == want), None)
        ok = hit is not None and found[hit][1] == want_parent
        if hit is not None:
            at = hit + 1
        shown = f"L{heading['level']} {heading['text']}"
        if hit is not None and not ok:
            shown += f" (found under {found[hit][1] or 'the top'!r})"
        score.add("headings", ok, shown)


def _walk_parents(
    sections: list[dict[str, Any]], parent: str = ""
) -> list[tuple[int, dict[str, Any], str]]:
    out: list[tuple[int, dict[str, Any], str]] = []
    for record in sections:
        out.append((0, record, parent))
        out += _walk_parents(record.get("children", []), squash(record.get("title")))
    return out


def score_front(score: Score, key: dict[str, Any], meta: dict[str, Any]) -> None:
    """The cover and 提要 fields the content format keeps."""

    def check(name: str, want: Any, got: Any) -> None:
        score.add("front", squash(want) == squash(got), f"{name}: want {want!r}, got {got!r}")

    check("title", key["title"], meta.get("title"))
    if key.get("title_en"):
        check("title_en", key["title_en"], meta.get("title_en"))
    if key.get("plan_name"):
        check("plan_name", key["plan_name"], meta.get("plan_name"))
    check("agency", key["agency"], meta.get("agency"))
    check("category", key["trip_type"], meta.get("category"))
    destination = squash(meta.get("destination"))
    for country in key.get("countries", []):
        score.add("front", country in destination, f"country {country} in {destination!r}")
    for name, field_name in (
        ("start_date", "trip_start"),
        ("end_date", "trip_end"),
        ("report_date", "report_date"),
    ):
        check(name, key[name], str(meta.get(field_name) or ""))
    if key.get("pages"):
        check("pages", key["pages"], meta.get("pages"))
    if key.get("keywords"):
        check("keywords", "、".join(key["keywords"]), "、".join(meta.get("keywords") or []))
    if key.get("classification"):
        check("classification", key["classification"], meta.get("classification"))
    contact = meta.get("contact") or {}
    for part, want in (key.get("contact") or {}).items():
        check(f"contact.{part}", want, contact.get(part))


def score_travellers(score: Score, key: dict[str, Any], meta: dict[str, Any]) -> None:
    """Each traveller's name, agency, unit, title and phone."""
    people = {squash(p.get("name")): p for p in meta.get("travellers") or []}
    for person in key.get("travellers", []):
        got = people.get(squash(person["name"]), {})
        for part, want in person.items():
            ok = squash(want) == squash(got.get(part))
            score.add(
                "travellers", ok, f"{person['name']}.{part}: want {want!r}, got {got.get(part)!r}"
            )


def score_itinerary(score: Score, key: dict[str, Any], agendas: list[dict[str, Any]]) -> None:
    """Each expected entry: an agenda item on its date (and end date) whose place and
    activity hold the key's words."""
    items = [i for a in agendas if a.get("kind") == "itinerary" for i in a.get("items", [])]
    if not items:
        items = [i for a in agendas for i in a.get("items", [])]
    for entry in key.get("itinerary", []):
        score.add("itinerary", any(_entry_matches(entry, item) for item in items), _shown(entry))


def _entry_matches(entry: dict[str, Any], item: dict[str, Any]) -> bool:
    if str(item.get("date")) != entry["date"]:
        return False
    if entry.get("end_date") and str(item.get("end_date")) != entry["end_date"]:
        return False
    if entry.get("time") and not str(entry["time"]).startswith(str(item.get("time", "-"))):
        return False
    said = squash(" ".join(str(item.get(k, "")) for k in ("title", "place", "description")))
    activity, place = squash(entry.get("activity")), squash(entry.get("place"))
    return activity[:12] in said and (not place or place in said)


def _shown(entry: dict[str, Any]) -> str:
    return f"{entry['date']} {entry.get('place', '')} {entry.get('activity', '')}"[:60]


def score_numbers(score: Score, key: dict[str, Any], figures: list[dict[str, Any]]) -> None:
    """Each expected number: a figure with its as_written, right when value and unit agree;
    ``wrong`` counts figures of a key number whose value is wrong."""
    drafted = [(squash(f.get("as_written")), f) for f in figures]
    for number in key.get("numbers", []):
        want = squash(number["as_written"])
        hits = [f for w, f in drafted if w == want or (w and w in want) or (want in w and w)]
        right = any(_value_right(number, f) for f in hits)
        score.add("numbers", right, f"{number['as_written']} = {number['value']} {number['unit']}")
        if hits and not right:
            score.add(
                "wrong",
                False,
                f"{number['as_written']}: got {hits[0].get('value')} {hits[0].get('unit')}",
            )
        else:
            score.add("wrong", True)


def _value_right(number: dict[str, Any], figure: dict[str, Any]) -> bool:
    value, unit = figure.get("value"), str(figure.get("unit") or "")
    if figure.get("high") is not None:
        value = [value, figure["high"]]
    scale = 1.0
    for prefix, factor in sorted(_SCALES.items(), key=lambda kv: -len(kv[0])):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            scale, unit = factor, unit[len(prefix) :]
            break
    want_unit = number["unit"]
    names = _CURRENCIES.get(want_unit, (want_unit,))
    if unit not in names and unit != want_unit:
        return False
    want = number["value"]
    if isinstance(want, list):
        want = want[-1] if not isinstance(value, list) else want
    try:
        if isinstance(value, list):
            return [float(v) * scale for v in value] == [float(v) for v in want]
        return abs(float(value) * scale - float(want)) <= 1e-6 * max(1.0, abs(float(want)))
    except (TypeError, ValueError):
        return False


def score_recommendations(
    score: Score, key: dict[str, Any], sections: list[dict[str, Any]]
) -> None:
    texts = [squash(p) for _, r in _walk(sections) for p in r.get("paragraphs", [])]
    texts += [squash(r.get("title")) for _, r in _walk(sections)]
    for item in key.get("recommendations", []):
        want = squash(item["text"])[:24]
        score.add("recommendations", any(want in t for t in texts), item["text"][:30])


def score_photos(score: Score, key: dict[str, Any], folder: Path, fmt: str) -> None:
    if fmt == "txt":
        return
    written = " ".join(
        squash(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml") if p.is_file()
    )
    for photo in key.get("photos", []):
        score.add("photos", squash(photo["caption"]) in written, photo["caption"])


# -- one file -----------------------------------------------------------------------------------
def score_file(source: Path, key: dict[str, Any], work: Path, *, build: bool = False) -> Score:
    """Import ``source`` into ``work`` and score it against ``key``."""
    from briefing import api
    from briefing.errors import BriefingError

    fmt = source.suffix.lstrip(".")
    score = Score(key["id"], fmt if ".big5" not in source.name else "big5.txt")
    folder = work / f"{key['id']}-{fmt}"
    started = time.perf_counter()
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            api.import_report(source, folder)  # checks the folder it wrote, as `check` would
        score.exits["import"] = score.exits["check"] = 0
    except BriefingError as exc:
        failed = "check" if "fails check" in str(exc) else "import"
        score.exits.update({"import": 2 if failed == "import" else 0, "check": 2})
        score.missed[failed] = [str(exc)]
        if failed == "import":
            return score
    score.seconds = time.perf_counter() - started
    meta = _load(folder, "report") or {}
    sections = _load(folder, "sections") or []
    score_headings(score, key, sections)
    score_front(score, key, meta)
    score_travellers(score, key, meta)
    score_itinerary(score, key, _load(folder, "agenda") or [])
    score_numbers(score, key, _load(folder, "figures") or [])
    score_recommendations(score, key, sections)
    score_photos(score, key, folder, fmt)
    if build:
        _build(score, folder, work)
    return score


def _build(score: Score, folder: Path, work: Path) -> None:
    from briefing.cli import main

    for length in ("brief", "standard"):
        out = work / f"{folder.name}-{length}.pptx"
        err = io.StringIO()
        argv = ["build", "--content", str(folder), "--length", length, "--out", str(out), "--quiet"]
        score.exits[length] = main(argv, stdout=io.StringIO(), stderr=err)
        if score.exits[length]:
            score.missed[length] = err.getvalue().splitlines()[:3]


def sources(corpus: Path, only: list[str] | None = None) -> list[tuple[Path, dict[str, Any]]]:
    """Every (report file, answer key) of the corpus, in the keys' file order."""
    out: list[tuple[Path, dict[str, Any]]] = []
    for key_file in sorted(corpus.glob("*/*.expected.yaml")):
        key = yaml.safe_load(key_file.read_text(encoding="utf-8"))
        if only and key["id"] not in only:
            continue
        out += [(key_file.parent / f["name"], key) for f in key["files"]]
    return out


# -- the table --------------------------------------------------------------------------------
COLUMNS = (
    ("headings", "headings"),
    ("front", "front matter"),
    ("travellers", "travellers"),
    ("itinerary", "itinerary"),
    ("numbers", "numbers right"),
    ("wrong", "numbers not wrong"),
    ("recommendations", "recommendations"),
    ("photos", "photos"),
)


def table(scores: list[Score]) -> str:
    exits = sorted(
        {k for s in scores for k in s.exits}, key=["import", "check", "brief", "standard"].index
    )
    head = ["report", "format", *(name for _, name in COLUMNS), *exits, "import s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in scores:
        cells = [s.report, s.fmt, *(s.cell(m) for m, _ in COLUMNS)]
        cells += [str(s.exits.get(e, "–")) for e in exits]
        cells.append(f"{s.seconds:.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    totals = ["**all**", ""]
    for measure, _ in COLUMNS:
        found = sum(s.counts.get(measure, [0, 0])[0] for s in scores)
        total = sum(s.counts.get(measure, [0, 0])[1] for s in scores)
        totals.append(f"{found}/{total} ({100 * found / total:.0f}%)" if total else "–")
    totals += [f"{sum(1 for s in scores if s.exits.get(e) == 0)}/{len(scores)} ok" for e in exits]
    totals.append(f"{max((s.seconds for s in scores), default=0):.2f} max")
    lines.append("| " + " | ".join(totals) + " |")
    return "\n".join(lines)


def write_doc(doc: Path, text: str) -> None:
    """Put ``text`` between the score markers of ``doc`` (appended when it has none)."""
    old = doc.read_text(encoding="utf-8") if doc.is_file() else ""
    block = f"{MARK_START}\n{text}\n{MARK_END}"
    if MARK_START in old and MARK_END in old:
        before, rest = old.split(MARK_START, 1)
        new = before + block + rest.split(MARK_END, 1)[1]
    else:
        new = old + ("\n" if old and not old.endswith("\n") else "") + block + "\n"
    doc.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", nargs="*", help="report ids")
    parser.add_argument("--build", action="store_true", help="also build brief and standard decks")
    parser.add_argument("--details", action="store_true", help="list what was missed")
    parser.add_argument("--write", type=Path, metavar="DOC", help="put the table into DOC")
    args = parser.parse_args(argv)
    scores: list[Score] = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, key in sources(args.corpus, args.only):
            scores.append(score_file(source, key, Path(tmp), build=args.build))
            if args.details:
                _details(scores[-1])
    text = table(scores)
    print(text)
    if args.write:
        write_doc(args.write, text)
    return 0


def _details(score: Score) -> None:
    print(f"\n### {score.report} ({score.fmt})")
    for measure, items in score.missed.items():
        for item in items:
            print(f"- {measure}: {item}")


if __name__ == "__main__":
    raise SystemExit(main())
