"""Fuzzing the inputs a user can hand the tool: recipes, report fragments, figures files and
slide templates made of random types, Unicode (surrogates and control characters included),
sizes and YAML aliases. Every case must end in a deck that reopens, or in the tool's own exit-2
error (one ``error:`` line), within a time bound; never an internal error or a hang.

The CI profile runs 25 examples; a longer run:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py --hypothesis-show-statistics

(the statistics show how many cases of each kind built a deck and how many were refused).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
import time
from pathlib import Path

import yaml
from _hostile import report_copy, run
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pptx import Presentation

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Seconds one case may take, building included (the machine may be busy).
BOUND = 60.0

# -- values --------------------------------------------------------------------------------
#: Any code point, lone surrogates and C0/C1 controls included.
ANY_CHAR = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)
#: Text a user would type: letters, digits, spaces, punctuation and symbols of any script.
CLEAN = st.text(st.characters(categories=["L", "N", "Zs", "P", "S"]), max_size=30)
TEXT = st.one_of(  # mostly what a user types, often what nobody should
    CLEAN,
    CLEAN,
    CLEAN,
    CLEAN,
    st.text(ANY_CHAR, max_size=20),
    st.text(st.sampled_from("數位政府 Smart\t\n\x1b\x00\ufffe\ud800-_{}%#"), max_size=40),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["長", "x", "\x1b", "{{"]), st.integers(0, 30_000)
    ),
)
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    TEXT,
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
RECIPE_KEYS = [
    "title",
    "subtitle",
    "presenter",
    "date",
    "date_style",
    "language",
    "length",
    "sections",
    "font_index",
    "chart_style",
    "strict",
    "output",
    "charts",
    "colour",
]
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def _yaml(data: object) -> str:
    """YAML text for any value: non-ASCII escaped, so surrogates reach the parser as escapes."""
    try:
        return yaml.safe_dump(data, allow_unicode=False, width=1_000_000)
    except yaml.YAMLError:
        return repr(data)


TYPED_RECIPE = st.fixed_dictionaries(
    {},
    optional={
        "title": TEXT,
        "subtitle": TEXT,
        "presenter": TEXT,
        "date": st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
        "length": st.sampled_from(["brief", "standard", "full", "huge"]),
        "language": st.sampled_from(["zh-TW", "en"]),
        "date_style": st.sampled_from(["roc", "gregorian"]),
        "sections": st.lists(st.sampled_from(["purpose", "summit", "reflections", "nope"])),
        "chart_style": st.sampled_from(["image", "native"]),
    },
)


@st.composite
def recipes(draw: st.DrawFn) -> str:
    """Well-typed recipes with any text, or any fields of any type, plus hostile YAML."""
    fields = draw(
        st.one_of(TYPED_RECIPE, st.dictionaries(st.sampled_from(RECIPE_KEYS), VALUE, max_size=5))
    )
    text = _yaml(fields)
    tail = draw(
        st.sampled_from(
            ["", "", "", "", LAUGHS, "x: &x [*x]\n", "title: '{{ 1/0 }}'\n", "date: 2019-13-01\n"]
        )
    )
    return text + tail if text.endswith("\n") else text


@st.composite
def fragments(draw: st.DrawFn) -> tuple[str, str]:
    """One file of a report folder replaced: sections of random shape, or any other file of
    random records (ids that clash or point nowhere included)."""
    ids = st.one_of(st.sampled_from(["purpose", "myinfo", "a", "a"]), TEXT)
    section = st.fixed_dictionaries(
        {"id": ids, "title": TEXT},
        optional={
            "paragraphs": st.lists(TEXT, max_size=3),
            "number": VALUE,
            "kind": VALUE,
            "children": st.lists(st.fixed_dictionaries({"id": ids, "title": TEXT}), max_size=2),
        },
    )
    name = draw(st.sampled_from(["sections", "initiatives", "figures", "charts", "agenda"]))
    if name == "sections":
        return "sections.yaml", _yaml(draw(st.lists(section, max_size=4)))
    record = st.dictionaries(
        st.sampled_from(["id", "name", "title", "summary", "sections", "value", "kind", "x"]),
        st.one_of(VALUE, ids),
        max_size=6,
    )
    return f"{name}.yaml", _yaml(draw(st.lists(record, max_size=3)))


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, str]:
    row = st.fixed_dictionaries(
        {"id": st.sampled_from(["myinfo-launch", "myinfo-launch", "myinfo-launch", "new", ""])},
        optional={
            "value": st.one_of(
                st.floats(-1e12, 1e12),
                st.integers(0, 10**9),
                st.floats(),
                TEXT,
                st.sampled_from(["nan", "inf", "1,000"]),
            ),
            "as_written": st.one_of(st.just("2016 年"), TEXT),
            "when": st.one_of(TEXT, st.sampled_from(["2019-13", "2019-02-30", "2020"])),
            "initiative": st.sampled_from(["myinfo", "myinfo", "nothere"]),
            "measure": TEXT,
        },
    )
    rows = draw(st.lists(row, max_size=4))
    if draw(st.booleans()):
        return "figures.yaml", _yaml(rows)
    out = io.StringIO()
    columns = sorted({k for r in rows for k in r}) or ["id"]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for r in rows:
        writer.writerow({k: str(v) for k, v in r.items()})
    return "figures.csv", out.getvalue()


GOOD_PARTS = st.sampled_from(
    [
        "{{ entry.section.title }}",
        "{% for p in entry.section.key_points %}\n- {{ p }}{% endfor %}",
        "{{ cite }}",
        "{{ label.notes_source }}",
        "{% if entry.section.paragraphs %}{{ entry.section.paragraphs[0] }}{% endif %}",
    ]
)
TEMPLATE_PARTS = st.one_of(
    CLEAN,
    GOOD_PARTS,
    GOOD_PARTS,
    GOOD_PARTS,
    TEXT,
    st.sampled_from(
        [
            "{{ nothing }}",
            "{{ 1/0 }}",
            "{{ 'x' * 10**9 }}",
            "{{ '\\x1b' }}",
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            '{% include "slides/section.j2" %}',
            '{% include "../x" %}',
            "{{ label.nothing }}",
            "{% if %}",
            "{{ cite }}",
            "{{ range(10)|list }}",
        ]
    ),
)


@st.composite
def templates(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.sampled_from(["title", "body", "notes", "source", "x"]), max_size=3))
    inner = [draw(st.lists(TEMPLATE_PARTS, max_size=3)) for _ in blocks]
    outside = draw(
        st.sampled_from(["", "", "", "", "{% extends 'slides/cover.j2' %}", "{% set y = 1 %}"])
    )
    return outside + "".join(
        f"{{% block {b} %}}{''.join(parts)}{{% endblock %}}"
        for b, parts in zip(blocks, inner, strict=True)
    )


CASES = st.one_of(
    st.tuples(st.just("recipe"), recipes()),
    st.tuples(st.just("report"), fragments()),
    st.tuples(st.just("figures"), figures()),
    st.tuples(st.just("template"), templates()),
)


# -- the property --------------------------------------------------------------------------
def _argv(kind: str, case: object, folder: Path, deck: Path) -> list[str]:
    argv = ["build", "--initiative", "myinfo", "--out", str(deck)]
    if kind == "recipe":
        path = folder / "recipe.yaml"
        path.write_text(str(case), encoding="utf-8", errors="surrogatepass")
        return [*argv, "--recipe", str(path)]
    if kind == "report":
        name, text = case  # type: ignore[misc]
        report = report_copy(folder, **{name: text})
        return [*argv, "--content", str(report)]
    if kind == "figures":
        name, text = case  # type: ignore[misc]
        path = folder / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return [*argv, "--figures", str(path)]
    slides = folder / "templates" / "slides"
    slides.mkdir(parents=True)
    (slides / "section.j2").write_text(str(case), encoding="utf-8", errors="surrogatepass")
    (slides / "initiative.j2").write_text(str(case), encoding="utf-8", errors="surrogatepass")
    return [*argv, "--section", "purpose", "--templates", str(slides.parent)]


@given(CASES)
def test_any_input_ends_in_a_deck_or_a_located_error_in_time(case: tuple[str, object]) -> None:
    kind, value = case
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        deck = folder / "out" / "deck.pptx"
        argv = _argv(kind, value, folder, deck)
        start = time.monotonic()

        code, _, err = run(*argv)

        elapsed = time.monotonic() - start
        lines = err.splitlines()
        event(f"{kind}: exit {int(code)}")  # --hypothesis-show-statistics
        assert code in (0, 2), err
        assert elapsed < BOUND, f"{kind} took {elapsed:.1f} s"
        if code == 0:
            assert len(Presentation(str(deck)).slides) > 1
        else:
            assert lines and lines[-1].startswith("error: "), err
            assert all(line.startswith(("warning: ", "error: ")) for line in lines), err
            assert sum(line.startswith("error: ") for line in lines) == 1, err
            assert not deck.exists()
        leftovers = [p.name for p in deck.parent.glob(".*")] if deck.parent.exists() else []
        assert leftovers == []
