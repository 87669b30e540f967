"""Recurring briefings: batch builds, date variables, updated figures, check, PDF."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from briefing import api, dates
from briefing.cli import main
from briefing.errors import ContentError
from tests.conftest import slide_texts

RECIPES = Path(__file__).resolve().parents[1] / "recipes"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def recipe(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_batch_builds_every_recipe_and_reports_the_one_that_failed(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "recipes"
    folder.mkdir()
    recipe(folder, "a.yaml", "initiatives: [myinfo]\noutput: out/a.pptx\n")
    recipe(folder, "b.yaml", "sections: [purpose]\ninitiatives: []\noutput: out/b.pptx\n")
    recipe(folder, "c.yaml", "sections: [purpos]\noutput: out/c.pptx\n")

    code, out, err = run("build", "--recipe", str(folder), "--jobs", "2")

    assert code == 2
    assert (tmp_path / "out" / "a.pptx").exists() and (tmp_path / "out" / "b.pptx").exists()
    assert not (tmp_path / "out" / "c.pptx").exists()
    assert "3 recipes: 2 built, 1 failed" in out
    assert len([line for line in out.splitlines() if "wrote" in line]) == 2
    assert "c.yaml:1: sections[0]: unknown section id 'purpos'" in err


def test_a_batch_that_all_succeeds_exits_0(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = recipe(tmp_path, "a.yaml", "initiatives: [singpass]\noutput: out/a.pptx\n")
    b = recipe(tmp_path, "b.yaml", "initiatives: [paynow]\noutput: out/b.pptx\n")

    code, out, _ = run("build", "--recipe", str(a), "--recipe", str(b), "--quiet")

    assert code == 0 and out == ""
    assert len(list((tmp_path / "out").glob("*.pptx"))) == 2


def test_date_variables_render_in_fields_and_output_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    path = recipe(
        tmp_path,
        "r.yaml",
        "title: '{{ report.short_title }} 月報'\n"
        "subtitle: '民國 {{ today_roc }}'\n"
        "date: '{{ today }}'\ninitiatives: [myinfo]\n"
        f"output: '{tmp_path}/簡報-{{{{ today }}}}.pptx'\n",
    )

    options = api.options_from_recipe(path)

    assert options.date == dt.date(2023, 11, 14)
    assert options.subtitle == "民國 112年11月14日"
    assert options.title.endswith(" 月報") and "{{" not in options.title
    assert options.output == tmp_path / "簡報-2023-11-14.pptx"
    result = api.build(options)
    cover = "\n".join(slide_texts(Presentation(str(result.output)).slides[0]))
    assert dates.roc(dt.date(2023, 11, 14)) in cover


def _slides_mentioning(path: Path, text: str) -> list[int]:
    deck = Presentation(str(path))
    found = []
    for n, slide in enumerate(deck.slides, start=1):
        described = [
            s._element.nvPicPr.cNvPr.get("descr") or "" for s in slide.shapes if s.shape_type == 13
        ]
        if text in "\n".join(slide_texts(slide) + described):
            found.append(n)
    return found


def test_a_figures_file_changes_exactly_the_slides_that_use_it(tmp_path: Path, report) -> None:
    figure = report.figure("e-payment-merchants-2019")
    update = recipe(
        tmp_path, "figures.csv", f"id,value,as_written,when\n{figure.id},650,650 家,2019-09\n"
    )
    base = api.options_from_recipe(None, output=tmp_path / "before.pptx")
    before = api.build(base)
    after = api.build(base.replace(output=tmp_path / "after.pptx", figures=update))

    old_slides = list(before.plan.slides)
    new_slides = list(after.plan.slides)
    changed = [
        n for n, (a, b) in enumerate(zip(old_slides, new_slides, strict=True), start=1) if a != b
    ]
    users = [n for n, s in enumerate(old_slides, start=1) if figure.id in s.figures]
    assert changed and set(changed) <= set(users) | {
        n
        for n, s in enumerate(old_slides, 1)
        if s.chart and figure.id in before.plan.charts[s.chart].figures
    }
    assert _slides_mentioning(after.output, "650家")  # the key figure as slides write it
    assert after.to_json()["figures"][figure.id].endswith("figures.csv:2")
    changed_slide = after.plan.slides[changed[0] - 1]
    assert any(f.value == "650" for f in changed_slide.key_figures)


def test_a_bad_figures_file_is_reported_with_its_line(tmp_path: Path) -> None:
    update = recipe(tmp_path, "figures.yaml", "- id: new-thing\n  value: 3\n")

    with pytest.raises(ContentError, match=r"figures.yaml:1") as caught:
        api.build(api.options_from_recipe(None, figures=update, output=tmp_path / "x.pptx"))

    assert "unit" in str(caught.value) or "measure" in str(caught.value)
    assert not (tmp_path / "x.pptx").exists()


def test_check_reports_every_mistake_of_a_recipe(tmp_path: Path) -> None:
    bad = recipe(
        tmp_path,
        "bad.yaml",
        "title: x\nlength: huge\nsections: [purpos, visit]\ninitiatives: [myinf]\ncolour: red\n",
    )

    code, out, err = run("check", "--recipe", str(bad))

    lines = err.strip().splitlines()
    assert code == 2
    assert len(lines) == 4
    assert [line.split(":")[2] for line in lines] == ["2", "3", "4", "5"]
    assert "4 problem(s)" in out


def test_check_passes_the_shipped_recipes() -> None:
    for path in sorted(RECIPES.glob("*.yaml")):
        assert api.check(path) == [], path.name


def test_pdf_without_libreoffice_still_writes_the_deck(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    target = tmp_path / "deck.pptx"

    code, _, err = run("build", "--initiative", "myinfo", "--out", str(target), "--pdf")

    assert code == 0
    assert target.exists() and not target.with_suffix(".pdf").exists()
    assert "LibreOffice (soffice) is not installed" in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_keeps_real_text_in_the_deck_font(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"

    code, _, err = run("build", "--initiative", "myinfo", "--out", str(target), "--pdf")

    pdf = target.with_suffix(".pdf").read_bytes()
    assert code == 0, err
    assert b"NotoSansTC" in pdf
