"""Score the importer's numbers against the corpus answer keys (``tests/data/reports``).

For each report file: import it into a temporary folder, read the drafted figures
(``figures.yaml``) and the number doubts of the import report, and match every key number
(``numbers`` in ``*.expected.yaml``) to a figure written the same way. A key number is
*right* when a figure with its text has the key's full value (萬, 億, 千元 multiplied out; a
range as low and high) and unit (ISO code for money, else the counter as written); *wrong*
when the figure written that way has another value or unit; *missing* otherwise. *Extra* are
figures no key number matches (a date or a code drafted as a number would be one).

    /work/venv/bin/python tools/score_numbers.py [REPORT-DIR-OR-FILE ...]

prints a Markdown table (the one in docs/importing-numbers.md).
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reports"
sys.path.insert(0, str(ROOT))

from briefing.content.units import parse_unit  # noqa: E402

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|[〇○零一二兩三四五六七八九十百千萬]+")


@dataclass
class Score:
    """One report file's numbers: key count, right, wrong (with what was found), missing,
    extra figures and number doubts."""

    name: str
    key: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    other_unit: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    doubts: int = 0

    @property
    def share(self) -> float:
        return self.right / self.key if self.key else 1.0

    def row(self) -> str:
        return (
            f"| {self.name} | {self.key} | {self.right} ({self.share:.0%}) | {len(self.wrong)} "
            f"| {len(self.other_unit)} | {len(self.missing)} | {len(self.extra)} | {self.doubts} |"
        )


HEADER = (
    "| file | key numbers | right | wrong value | other unit | missing | extra | doubts |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def files(targets: list[str] | None = None) -> list[Path]:
    """The corpus report files (every format), or those ``targets`` name."""
    if not targets:
        return sorted(
            p for p in CORPUS.glob("*/*") if p.suffix in (".docx", ".odt", ".pdf", ".txt")
        )
    out: list[Path] = []
    for target in map(Path, targets):
        if target.is_dir():
            out += sorted(
                p for p in target.iterdir() if p.suffix in (".docx", ".odt", ".pdf", ".txt")
            )
        else:
            out.append(target)
    return out


def key_of(source: Path) -> list[dict[str, Any]]:
    stem = source.name.split(".")[0]
    return yaml.safe_load((source.parent / f"{stem}.expected.yaml").read_text("utf-8"))["numbers"]


def imported(source: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The figure records and the number doubts of importing ``source``."""
    from briefing.api import import_report

    with tempfile.TemporaryDirectory() as tmp:
        result = import_report(source, Path(tmp) / "out")
        path = result.folder / "figures.yaml"
        figures = yaml.safe_load(path.read_text("utf-8")) if path.exists() else []
    doubts = [n for n in result.notes if n.startswith("figures:")]
    return figures or [], doubts


def from_folder(folder: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The figure records of an imported folder, and the number doubts of its report."""
    path = folder / "figures.yaml"
    figures = yaml.safe_load(path.read_text("utf-8")) if path.exists() else []
    report = (folder / "import-report.md").read_text("utf-8").split("\n## ")
    part = next((p for p in report if p.startswith(("數值或單位", "Numbers whose"))), "")
    return figures or [], [line for line in part.splitlines() if line.startswith("- ")]


def score(source: Path, folder: Path | None = None) -> Score:
    """``source``'s numbers scored against its key (imported again, or as imported into
    ``folder`` already)."""
    figures, doubts = imported(source) if folder is None else from_folder(folder)
    result = Score(source.name, doubts=len(doubts))
    used: set[int] = set()
    for number in key_of(source):
        result.key += 1
        found = _match(number, figures, used)
        if found is None:
            result.missing.append(number["as_written"])
            continue
        used.add(found)
        fig = figures[found]
        shown = f"{fig.get('value')}{'–' + str(fig['high']) if 'high' in fig else ''}"
        if _same(number, fig):
            result.right += 1
        elif _same_value(number, fig):
            result.other_unit.append(f"{number['as_written']} -> {shown} {fig.get('unit')}")
        else:
            result.wrong.append(f"{number['as_written']} -> {shown} {fig.get('unit')}")
    result.extra = [f["as_written"] for i, f in enumerate(figures) if i not in used]
    return result


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", str(text))


def _core(text: str) -> str:
    """The number of ``text`` as written: its first run of digits or numerals."""
    found = _NUMBER.search(_squash(text))
    return found.group() if found else ""


def _match(number: dict[str, Any], figures: list[dict[str, Any]], used: set[int]) -> int | None:
    """The first unused figure written as the key number is (one text inside the other, the
    same number), the one with the right value first."""
    written = _squash(number["as_written"])
    sentence = _squash(number.get("sentence") or "")
    candidates = [
        i
        for i, fig in enumerate(figures)
        if i not in used
        and (_squash(fig["as_written"]) in written or written in _squash(fig["as_written"]))
        and _core(fig["as_written"]) == _core(written)
        and (
            not sentence
            or _squash(fig.get("measure", "")) in sentence
            or sentence in _squash(fig.get("measure", ""))
        )
    ]
    right = [i for i in candidates if _same(number, figures[i])]
    return (right or candidates or [None])[0]


def _same(number: dict[str, Any], fig: dict[str, Any]) -> bool:
    """Whether ``fig`` has the key number's full value and unit (``4 萬人`` is 40,000 人)."""
    unit = parse_unit(str(fig.get("unit", "")))
    base = (unit.currency or unit.base).replace("％", "%")
    # a key's gloss on a scale (震度（日本氣象廳）) is the key's: the report writes 震度
    glossed = re.sub(r"（[^）]*）$", "", str(number["unit"]))
    if base not in (str(number["unit"]), glossed) and unit.text not in (number["unit"], glossed):
        return False
    return _same_value(number, fig)


def _same_value(number: dict[str, Any], fig: dict[str, Any]) -> bool:
    """Whether ``fig`` has the key number's full value, whatever its unit."""
    unit = parse_unit(str(fig.get("unit", "")))
    want, high = number["value"], fig.get("high")
    low = float(fig["value"]) * unit.scale
    if isinstance(want, list):
        return high is not None and _close(low, want[0]) and _close(high * unit.scale, want[1])
    return high is None and _close(low, float(want))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def main(argv: list[str]) -> int:
    scores = [score(p) for p in files(argv)]
    print(HEADER)
    for s in scores:
        print(s.row())
    for s in scores:
        for label, items in (("wrong", s.wrong), ("missing", s.missing), ("extra", s.extra)):
            if items:
                print(f"\n{s.name} {label}: " + " · ".join(items), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
