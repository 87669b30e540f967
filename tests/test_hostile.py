"""Hostile and faulty input, one parametrised test per class: every case exits 2 with one line
that says where the problem is, quickly, and writes or changes no file.

The cases are instances of the classes an audit found (574 inputs, one in six ending in an
internal error, a hang or a wrong message); a new feature that reopens a class fails here.
Writing safety (signals, permissions, PDFs, batches) is in test_hostile_output.py.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from _hostile import previous_deck, refused, report_copy

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def recipe_case(tmp_path: Path, text: str | bytes) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    recipe = folder / "recipe.yaml"
    if isinstance(text, bytes):
        recipe.write_bytes(text)
    else:
        recipe.write_text(text, encoding="utf-8")
    deck = previous_deck(tmp_path)
    return ["build", "--recipe", str(recipe), "--out", str(deck)]


# -- recipes: values, dates, text XML cannot hold, sizes, aliases, Jinja in fields -------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "date: 2019-13-01\n",
            r"recipe\.yaml:1: date: not a valid date \('2019-13-01'\): month must be in 1\.\.12",
        ),
        ("date: 2108-01-01\n", r"recipe\.yaml:1: date: a deck's date must be in the years 1912"),
        ("date: 0999-01-01\n", r"recipe\.yaml:1: date: a deck's date must be in the years 1912"),
        ('title: "a\\0b"\n', r"recipe\.yaml:1: title: contains a character .*\(U\+0000 at"),
        ('title: "a\\eb"\n', r"recipe\.yaml:1: title: contains a character .*\(U\+001B at"),
        ('subtitle: "a\\uFFFFb"\n', r"recipe\.yaml:1: subtitle: contains a character .*U\+FFFF"),
        ('presenter: "a\\uD800b"\n', r"recipe\.yaml:1: invalid YAML: .*escape"),
        ("title: " + "長" * 300 + "\n", r"recipe\.yaml:1: title: .*at most 255 .*\(300 characters"),
        ("sections: []\ninitiatives: []\n", r"recipe\.yaml:1: sections: nothing selected"),
        ("initiatives: []\n", r"recipe\.yaml:1: initiatives: nothing selected"),
        (LAUGHS + "title: x\n", r"recipe\.yaml:\d+: .*more than 200,000 values"),
        ("title: &t [*t]\n", r"recipe\.yaml:1: title\[0\]: an alias refers .* \(a cycle\)"),
        ("title: " + "[" * 100 + "]" * 100 + "\n", r"recipe\.yaml:1: .*nested more than 64"),
        ("font_index: " + "9" * 5000 + "\n", r"recipe\.yaml:1: font_index: not a valid int"),
        ("title: a\ntitle: b\n", r"recipe\.yaml:2: duplicate key 'title'"),
        (
            'title: "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}'
            '{% endfor %}"\n',
            r"recipe\.yaml:1: title: cannot fill in .*more than 200,000 loop iterations",
        ),
        ("title: \"{{ 'x' * 10**10 }}\"\n", r"recipe\.yaml:1: title: .*10,000,000,000 is more"),
        ("title: \"{{ '%0999999999d' % 1 }}\"\n", r"recipe\.yaml:1: title: .*formatted width"),
        ("title: '{{ 1/0 }}'\n", r"recipe\.yaml:1: title: cannot fill in .*ZeroDivisionError"),
        ("title: '{{ \"\\x1b\" }}'\n", r"recipe\.yaml:1: title: .*U\+001B at position 1"),
        (b"title: caf\xe9\n", r"recipe\.yaml:1: not UTF-8 text \(byte 0xe9"),
        ("# " + "x" * 1_100_000 + "\n", r"recipe\.yaml: larger than 1 MB"),
    ],
    ids=lambda value: value[:24] if isinstance(value, str) else None,
)
def test_a_bad_recipe_is_refused_at_its_line(tmp_path: Path, text: str, message: str) -> None:
    argv = recipe_case(tmp_path, text)

    line = refused(tmp_path, argv, message)

    assert "長" * 50 not in line  # a bad value is quoted by excerpt, not whole


# -- command-line options and arguments ----------------------------------------------------
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--title", "a\x1bb"], r"error: --title: contains a character .*U\+001B"),
        (["--presenter", "x" * 300], r"error: --presenter: .*at most 255 .*\(300 characters"),
        (["--date", "2108-01-01"], r"error: --date: a deck's date must be in the years"),
        (["--title", "caf\udce9"], r"error: argument 3 'caf\\udce9': not valid UTF-8"),
        (["--section", "purpose", "--initiative", "nope"], r"unknown initiative id 'nope'"),
    ],
    ids=["control-char", "too-long", "year-2108", "not-utf8", "unknown-id"],
)
def test_bad_command_line_options_are_refused_naming_the_option(
    tmp_path: Path, options: list[str], message: str
) -> None:
    deck = previous_deck(tmp_path)

    refused(tmp_path, ["build", *options, "--out", str(deck)], message)


# -- content folders -----------------------------------------------------------------------
def _first_sections(text: str) -> str:
    return text.replace("- id: purpose\n", "- id: abstract\n", 1)


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ("duplicate", r"sections\.yaml:{purpose}: \[1\]\.id: duplicate id 'abstract'"),
        (
            "- &s\n  id: a\n  title: A\n  children: [*s]\n",
            r"sections\.yaml:1: \[0\]\.children\[0\]: an alias refers .*cycle",
        ),
        (
            "- id: a\n  title: A\n  paragraphs:\n    - " + "字" * 1_000_000 + "\n",
            r"sections\.yaml:4: \[0\]\.paragraphs\[0\]: is 1,000,000 characters long; at most",
        ),
        ('- id: a\n  title: "A\\e"\n', r"sections\.yaml:2: \[0\]\.title: .*U\+001B"),
        (b"- id: a\n  title: \xff\n", r"sections\.yaml:2: not UTF-8 text"),
    ],
    ids=["duplicate-ids", "cycle", "huge-paragraph", "control-char", "not-utf8"],
)
def test_a_bad_content_folder_is_refused_in_the_file_that_is_wrong(
    tmp_path: Path, sections: str | bytes, message: str
) -> None:
    folder = report_copy(tmp_path)
    path = folder / "sections.yaml"
    if sections == "duplicate":  # purpose takes the abstract's id: the error is at its line
        text = path.read_text(encoding="utf-8")
        line = text[: text.index("- id: purpose\n")].count("\n") + 1
        message = message.format(purpose=line)
        path.write_text(_first_sections(text), encoding="utf-8")
    elif isinstance(sections, bytes):
        path.write_bytes(sections)
    else:
        path.write_text(sections, encoding="utf-8")
    deck = previous_deck(tmp_path)

    refused(tmp_path, ["build", "--content", str(folder), "--out", str(deck)], message)


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/zero")
def test_an_endless_content_file_is_refused_as_a_link_outside_the_folder(tmp_path: Path) -> None:
    folder = report_copy(tmp_path)
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").symlink_to("/dev/zero")
    deck = previous_deck(tmp_path)

    refused(
        tmp_path,
        ["build", "--content", str(folder), "--out", str(deck)],
        r"figures\.yaml: a link to /dev/zero, outside the folder",
    )


# -- figures files (YAML and CSV) ------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("f.csv", "id,value\nmyinfo-launch,nan\n", r"f\.csv:2: value: not a finite number: 'nan'"),
        ("f.csv", "id,value\nmyinfo-launch,-inf\n", r"f\.csv:2: value: not a finite number"),
        ("f.yaml", "- id: myinfo-launch\n  value: .inf\n", r"f\.yaml:1: value: .*finite number"),
        ("f.csv", b"id,measure\nmyinfo-launch,caf\xe9\n", r"f\.csv:2: not UTF-8 text"),
        (
            "f.csv",
            "id,measure\nx," + "y" * 200_000 + "\n",
            r"f\.csv:2: not valid CSV: field",
        ),
        ("f.csv", "id,measure\nmyinfo-launch,\x1b\n", r"f\.csv:2: measure: .*U\+001B"),
        ("f.csv", "id,value\nmyinfo-launch,1,2\n", r"f\.csv:2: more cells than the header"),
        (
            "f.yaml",
            "- id: myinfo-launch\n  initiative: nothere\n",
            r"f\.yaml:1: initiative: unknown initiative id 'nothere'",
        ),
        ("f.yaml", "- id: myinfo-launch\n  when: 2019-13\n", r"f\.yaml:1: when: month must be"),
        ("folder", "", r"folder: this is a folder; name a figures file"),
    ],
    ids=[
        "csv-nan",
        "csv-inf",
        "yaml-inf",
        "csv-not-utf8",
        "csv-field-limit",
        "csv-control-char",
        "csv-extra-cell",
        "bad-id-in-user-file",
        "bad-when",
        "a-folder",
    ],
)
def test_a_bad_figures_file_is_refused_in_that_file(
    tmp_path: Path, name: str, text: str | bytes, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    if name == "folder":
        path.mkdir()
    elif isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    deck = previous_deck(tmp_path)

    refused(tmp_path, ["build", "--figures", str(path), "--out", str(deck)], message)


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/zero")
def test_dev_zero_as_a_figures_file_is_refused_at_once(tmp_path: Path) -> None:
    deck = previous_deck(tmp_path)

    refused(
        tmp_path,
        ["build", "--figures", "/dev/zero", "--out", str(deck)],
        r"/dev/zero: a character device, not a regular file",
    )


# -- templates -------------------------------------------------------------------------------
def _block(body: str) -> str:
    return "{% block title %}" + body + "{% endblock %}"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (_block("{{ 1/0 }}"), r"slides/section\.j2:1: ZeroDivisionError"),
        (_block('{% include "slides/section.j2" %}'), r"section\.j2:1: .*each other without end"),
        (_block('{% include "slides/nothere.j2" %}'), r"section\.j2:1: not found: slides/nothe"),
        (_block('{% include "../../secret.txt" %}'), r"section\.j2:1: not found: \.\./\.\./sec"),
        (_block('{% include "slides/link.j2" %}'), r"link\.j2: links to .*outside the template"),
        ('{% extends "slides/cover.j2" %}', r"section\.j2:1: \{% extends %\} is not supported"),
        ("{% macro m() %}x{% endmacro %}" + _block("{{ m() }}"), r"section\.j2:1: \{% macro"),
        ("{% set x = 1 %}" + _block("{{ x }}"), r"section\.j2:1: \{% set %\} .*outside a block"),
        (_block("{{ 'a\\x1bb' }}"), r"section\.j2: title: wrote a character .*U\+001B"),
        (
            _block(
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
            ),
            r"section\.j2:1: more than 200,000 loop iterations",
        ),
        (_block("{{ 'x' * 10**10 }}"), r"section\.j2:1: a repeated text .* is more than"),
        (_block("{{ 'x'|center(10**9) }}"), r"section\.j2:1: a width of 1,000,000,000"),
        (_block("{{ '{:>999999999}'.format(1) }}"), r"section\.j2:1: a formatted width"),
        (b"{% block title %}\xff{% endblock %}", r"section\.j2:1: not UTF-8 text"),
    ],
    ids=[
        "zero-division",
        "includes-itself",
        "missing-include",
        "dot-dot",
        "symlink-out",
        "extends",
        "top-level-macro",
        "top-level-set",
        "control-char-output",
        "nested-loops",
        "huge-repeat",
        "huge-filter-width",
        "huge-format-width",
        "not-utf8",
    ],
)
def test_a_bad_template_is_refused_at_its_file_and_line(
    tmp_path: Path, template: str | bytes, message: str
) -> None:
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    slides = tmp_path / "tpl" / "slides"
    slides.mkdir(parents=True)
    content = slides / "section.j2"
    if isinstance(template, bytes):
        content.write_bytes(template)
    else:
        content.write_text(template, encoding="utf-8")
    if sys.platform != "win32":
        (slides / "link.j2").symlink_to(tmp_path / "secret.txt")
    elif "link.j2" in str(template):
        pytest.skip("symbolic links need privileges on Windows")
    deck = previous_deck(tmp_path)
    argv = ["build", "--section", "purpose", "--templates", str(slides.parent), "--out", str(deck)]

    line = refused(tmp_path, argv, message)

    assert "SECRET" not in line


# -- fonts -----------------------------------------------------------------------------------
def _truncated(folder: Path) -> Path:
    source = ROOT_FONTS / "NotoSansTC_400Regular.ttf"
    path = folder / "cut.ttf"
    path.write_bytes(source.read_bytes()[:100_000])
    return path


def _huge_collection(folder: Path) -> Path:
    path = folder / "many.ttc"
    path.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, 200_000) + bytes(64))
    return path


ROOT_FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_truncated, r"cut\.ttf: font file 'cut\.ttf' cannot be read: table .* past the end"),
        (_huge_collection, r"many\.ttc: .*claims 200,000 faces; refused"),
    ],
    ids=["truncated", "200000-faces"],
)
def test_a_bad_font_file_is_refused_at_once(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    font = make(folder)
    deck = previous_deck(tmp_path)

    refused(tmp_path, ["build", "--font", str(font), "--out", str(deck)], message)


@pytest.mark.parametrize("seconds", ["99999999999999999", "32503680000"])
def test_a_source_date_epoch_past_2107_is_refused_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seconds: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", seconds)
    deck = previous_deck(tmp_path)

    refused(
        tmp_path,
        ["build", "--initiative", "myinfo", "--out", str(deck)],
        r"error: SOURCE_DATE_EPOCH: \d+ seconds is past the year 2107",
    )
