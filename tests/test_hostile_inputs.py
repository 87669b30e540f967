"""Hostile inputs around a build (issue 22, classes 8, 13-16): FIFOs and devices as any input,
content YAML linked from outside its folder, labels of the wrong type, a damaged font-metrics
cache, ``--title=--`` and a YAML control character. Each refusal is exit 2, one located line,
quick, and changes no file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from _hostile import ROOT, previous_deck, refused, report_copy

from briefing import files

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")


# -- 8: only regular files are opened ---------------------------------------------------------
@posix_only
@pytest.mark.parametrize(
    ("where", "pattern"),
    [
        ("recipe", r"recipe\.yaml: a FIFO \(named pipe\), not a regular file"),
        ("labels", r"labels\.yaml: a FIFO \(named pipe\), not a regular file"),
        ("sections", r"sections\.yaml: a FIFO \(named pipe\), not a regular file"),
        ("figures", r"figures\.csv: a FIFO \(named pipe\), not a regular file"),
        (
            "source_file",
            r"report\.yaml:\d+: source_file: a FIFO \(named pipe\), not a regular file",
        ),
        ("font", r"font\.ttf: a FIFO \(named pipe\), not a regular file; name a font file"),
    ],
)
def test_a_fifo_as_any_input_is_refused_at_once(tmp_path: Path, where: str, pattern: str) -> None:
    folder = report_copy(tmp_path)
    deck = previous_deck(tmp_path)
    argv = ["build", "--content", str(folder), "--out", str(deck)]
    fifo = {
        "recipe": tmp_path / "recipe.yaml",
        "labels": tmp_path / "templates" / "labels.yaml",
        "sections": folder / "sections.yaml",
        "figures": tmp_path / "figures.csv",
        "source_file": folder / "source.zh-TW.txt",
        "font": tmp_path / "font.ttf",
    }[where]
    fifo.parent.mkdir(exist_ok=True)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    more = {
        "recipe": ["--recipe", str(fifo)],
        "labels": ["--templates", str(fifo.parent)],
        "figures": ["--figures", str(fifo)],
        "font": ["--font", str(fifo)],
    }.get(where, [])

    refused(tmp_path, [*argv, *more], pattern)


# -- 13: a content folder's YAML is its own ---------------------------------------------------
@posix_only
@pytest.mark.parametrize("name", ["figures.yaml", "sections.yaml", "units.yaml"])
def test_content_yaml_linked_from_outside_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    folder = report_copy(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes((folder / name).read_bytes() if (folder / name).exists() else b"{}\n")
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(outside)
    deck = previous_deck(tmp_path)

    refused(
        tmp_path,
        ["build", "--content", str(folder), "--out", str(deck)],
        f"{name}: a link to {outside}, outside the folder",
    )


@posix_only
def test_a_link_inside_the_folder_is_fine(tmp_path: Path) -> None:
    from briefing.content.report import load_report

    folder = report_copy(tmp_path)
    (folder / "figures-2019.yaml").write_bytes((folder / "figures.yaml").read_bytes())
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").symlink_to("figures-2019.yaml")

    assert load_report(folder).figures


# -- 14: labels type-checked --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("labels", "pattern"),
    [
        (
            "zh-TW:\n  overview:\n    - a\n    - b\n",
            r"labels\.yaml:2: zh-TW\.overview: must be text, not a list",
        ),
        ("zh-TW:\n  overview: 12\n", r"labels\.yaml:2: zh-TW\.overview: must be text, not a int"),
        (
            "zh-TW:\n  horizons: 短期\n",
            r"labels\.yaml:2: zh-TW\.horizons: must be a mapping of texts",
        ),
        (
            "zh-TW:\n  horizons:\n    short: [a]\n",
            r"labels\.yaml:2: zh-TW\.horizons: short: must be text",
        ),
    ],
    ids=["list", "number", "text-for-mapping", "list-in-mapping"],
)
def test_labels_of_the_wrong_type_are_refused_at_their_line(
    tmp_path: Path, labels: str, pattern: str
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "labels.yaml").write_text(labels, encoding="utf-8")
    deck = previous_deck(tmp_path)

    refused(tmp_path, ["build", "--templates", str(templates), "--out", str(deck)], pattern)


# -- 15: the font-metrics cache is sealed -------------------------------------------------------
def test_a_damaged_font_metrics_entry_is_rebuilt_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.story import measure

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    font = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
    measure.metrics_for.cache_clear()
    first = measure.metrics_for(font)
    (entry,) = files.cache_dir("metrics").iterdir()
    assert files.read_sealed(entry) is not None
    entry.write_text(json.dumps({"default": 99.0, "widths": {"19968": 99.0}}), encoding="utf-8")

    measure.metrics_for.cache_clear()
    again = measure.metrics_for(font)

    assert again.default == first.default != 99.0
    assert again.widths == first.widths
    assert files.read_sealed(entry) is not None  # written again, sealed
    measure.metrics_for.cache_clear()


# -- 16: odd but valid arguments, and where a YAML mistake is ---------------------------------
def test_a_title_of_two_dashes_is_taken_as_text() -> None:
    from argparse import Namespace

    from briefing.cli import _dashes_kept, _dashes_marked, parser

    args = _dashes_kept(
        parser().parse_args(_dashes_marked(["check", "--title=--", "--subtitle=a=--"]))
    )

    assert isinstance(args, Namespace)
    assert (args.title, args.subtitle) == ("--", "a=--")


def test_a_control_character_in_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    recipe = tmp_path / "recipe.yaml"
    recipe.write_bytes(b"title: fine\n\nsubtitle: a\x01b\n")
    deck = previous_deck(tmp_path)

    refused(
        tmp_path,
        ["build", "--recipe", str(recipe), "--out", str(deck)],
        r"recipe\.yaml:3: invalid YAML: the character U\+0001 is not allowed",
    )
