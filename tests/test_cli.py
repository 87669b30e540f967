"""The command line, run in-process: exit codes, one-line errors, files written or not."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_build_with_sections_and_initiatives_writes_exactly_out(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    report = tmp_path / "build.json"

    code, out, err = run(
        "build",
        "--section",
        "purpose",
        "--initiative",
        "myinfo",
        "--out",
        str(target),
        "--report",
        str(report),
    )

    assert (code, err) == (0, "")
    assert f"wrote {target}" in out
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(target)).slides]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["slide_titles"] == titles
    assert data["selected"] == {"sections": ["purpose"], "initiatives": ["myinfo"]}
    assert data["slide_count"] == len(titles)
    assert {"regular", "bold"} <= {f["style"] for f in data["fonts"]}


def test_build_without_out_writes_into_out_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)

    code, out, _ = run("build", "--initiative", "singpass")

    assert code == 0
    written = list((tmp_path / "out").glob("出席2019年智慧國家高峰會-*.pptx"))
    assert len(written) == 1 and str(written[0].relative_to(tmp_path)) in out


@pytest.mark.parametrize(
    ("recipe", "message"),
    [
        (
            "sections: [purpose, visitt]\n",
            r"error: .*bad.yaml:1: sections\[1\]: unknown section id 'visitt'; did you mean visit",
        ),
        ("title: x\nlength: huge\n", r"error: .*bad.yaml:2: length: Input should be"),
        ("title: x\ncolour: red\n", r"error: .*bad.yaml:2: colour: unknown field"),
        ("title: [x\n", r"error: .*bad.yaml:2: invalid YAML"),
        ("title: '{{ nonsense }}'\n", r"error: .*bad.yaml:1: title: cannot fill in"),
        ("- just\n- a list\n", r"error: .*bad.yaml:1: a recipe must be a mapping"),
    ],
)
def test_a_bad_recipe_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, recipe: str, message: str
) -> None:
    bad = write(tmp_path / "bad.yaml", recipe)
    target = tmp_path / "deck.pptx"

    code, out, err = run("build", "--recipe", str(bad), "--out", str(target))

    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    pytest.importorskip("re").match(message, err.strip()) or pytest.fail(err)
    assert not target.exists()


def test_a_missing_recipe_file_is_bad_input(tmp_path: Path) -> None:
    code, _, err = run("build", "--recipe", str(tmp_path / "nope.yaml"))

    assert code == 2
    assert err.startswith("error: ") and "nope.yaml: file not found" in err


def test_command_line_options_override_the_recipe(tmp_path: Path) -> None:
    recipe = write(
        tmp_path / "r.yaml", "title: 從食譜來的標題\nsections: [purpose]\ninitiatives: []\n"
    )
    target = tmp_path / "deck.pptx"

    code, _, _ = run(
        "build", "--recipe", str(recipe), "--title", "命令列標題", "--out", str(target)
    )

    assert code == 0
    assert Presentation(str(target)).slides[0].shapes.title.text_frame.text == "命令列標題"


@pytest.mark.parametrize("what", ["sections", "initiatives", "figures", "charts"])
def test_list_json_prints_an_array_with_the_documented_keys(what: str) -> None:
    code, out, _ = run("list", what, "--json")
    rows = json.loads(out)

    assert code == 0 and isinstance(rows, list) and rows
    keys = {
        "sections": {"id", "number", "title", "parent"},
        "initiatives": {"id", "name", "name_en", "categories", "agencies", "year", "status"},
        "figures": {"id", "value", "unit", "measure", "section"},
        "charts": {"id", "kind", "title"},
    }[what]
    assert keys <= set(rows[0])


def test_a_folder_as_output_is_bad_input_said_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "deck.pptx"
    folder.mkdir()

    code, _, err = run("build", "--initiative", "myinfo", "--out", str(folder))

    assert code == 2  # a folder where the deck should go is bad input, said plainly
    assert "name a .pptx file" in err and "Traceback" not in err


def test_debug_prints_the_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", "length: huge\n")

    code, _, err = run("--debug", "build", "--recipe", str(bad))

    assert code == 2 and "Traceback" in err


def test_usage_errors_exit_2() -> None:
    code, _, err = run("build", "--length", "forever")

    assert code == 2 and "invalid choice" in err


def test_warnings_go_to_stderr_unless_quiet_and_verbose_shows_each_stage(tmp_path: Path) -> None:
    target = str(tmp_path / "deck.pptx")
    rare = ("build", "--initiative", "myinfo", "--title", "𠀀", "--out", target)

    _, out, err = run(*rare)
    _, quiet_out, quiet_err = run(*rare, "--quiet")
    _, _, verbose_err = run("build", "--initiative", "myinfo", "--out", target, "--verbose")

    assert "warning: 「𠀀」 (U+20000) on slide 1 is not in Noto Sans TC Bold" in err
    assert f"wrote {target}" in out
    assert (quiet_out, quiet_err) == ("", "")
    assert "info: drawing the charts" in verbose_err
    assert "debug: stage times:" in verbose_err


def test_the_app_without_a_screen_says_so_instead_of_aborting() -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "main.py"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    if sys.platform in ("win32", "darwin"):
        pytest.skip("a screen is always there")
    assert done.returncode == 2
    assert done.stderr.startswith("error: no screen")


def test_an_output_that_is_not_a_pptx_is_refused_before_any_work(tmp_path: Path) -> None:
    code, _, err = run("build", "--initiative", "myinfo", "--out", str(tmp_path / "deck.ppt"))

    assert code == 2
    assert (
        err.strip() == f"error: {tmp_path / 'deck.ppt'}: the deck must be written to a .pptx file"
    )
    assert list(tmp_path.iterdir()) == []


def test_files_a_recipe_names_are_checked_at_its_line(tmp_path: Path) -> None:
    recipe = write(
        tmp_path / "r.yaml", "initiatives: [myinfo]\nfigures: new.csv\nfont: fonts/msjh.ttc#0\n"
    )

    code, _, err = run("check", "--recipe", str(recipe))

    assert code == 2
    assert f"error: {recipe}:2: figures: not found: {tmp_path / 'new.csv'}" in err
    assert f"error: {recipe}:3: font: not found: {tmp_path / 'fonts' / 'msjh.ttc'}" in err
