"""Round trip: the bundled report's source text, and a .docx, .odt and PDF made from it, import
into a content folder with all 43 headings of the hand-made data (numbers, titles, parents) and
at least 95% of its paragraphs; the folder passes ``check`` and builds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_import_makers import (
    SOURCE,
    bundled_levels,
    make_docx,
    make_odt,
    make_pdf,
    source_lines,
)

from briefing import api
from briefing.content.evidence import key_point_notes
from briefing.content.report import load_report

if TYPE_CHECKING:
    from briefing.content.report import Report


def _key(report: Report, section_id: str) -> tuple[str, ...]:
    """A section by the numbers (or titles) of its path: 參 / 二 / (一)."""
    return tuple(
        report.section(i).number or report.section(i).title for i in report.entry(section_id).path
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _make(kind: str, folder: Path) -> Path:
    lines = source_lines()
    if kind == "txt":
        return SOURCE
    if kind == "docx":  # headings in Heading styles, as Word writes them
        return make_docx(lines, folder / "report.docx", bundled_levels())
    if kind == "docx-plain":  # headings as plain paragraphs: the numbering decides
        return make_docx(lines, folder / "report.docx")
    if kind == "odt":  # only the top level as text:h, the rest plain
        top = {k: v for k, v in bundled_levels().items() if v == 1}
        return make_odt(lines, folder / "report.odt", top)
    return make_pdf(lines, folder / "report.pdf", header="出席 2019 年智慧國家高峰會　出國報告")


KINDS = ("txt", "docx", "docx-plain", "odt", "pdf")


@pytest.fixture(scope="module", params=KINDS)
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp(request.param)
    result = api.import_report(_make(request.param, folder), folder / "content")
    return request.param, result, load_report(result.folder)


def test_every_heading_of_the_bundled_report_is_found_with_its_number_and_parent(
    imported, report
) -> None:  # type: ignore[no-untyped-def]
    _, _, mine = imported
    wanted = {_key(report, e.section.id): e for e in report.outline if e.section.kind != "abstract"}
    found = {_key(mine, e.section.id): e for e in mine.outline}

    assert len(wanted) == 43
    assert [k for k in wanted if k not in found] == []
    for key, entry in wanted.items():
        assert _squash(found[key].section.title) == _squash(entry.section.title)
        assert found[key].label == entry.label


def test_at_least_95_percent_of_the_paragraphs_are_the_hand_made_ones(imported, report) -> None:  # type: ignore[no-untyped-def]
    kind, _, mine = imported
    found = {_key(mine, e.section.id): e.section.paragraphs for e in mine.outline}
    pairs = [
        (_key(report, e.section.id), p)
        for e in report.outline
        if e.section.kind != "abstract"
        for p in e.section.paragraphs
    ]
    # a PDF loses the spaces at its line ends; check compares white space aside too
    same = _squash if kind == "pdf" else (lambda text: text)
    hits = sum(1 for key, p in pairs if same(p) in {same(x) for x in found.get(key, ())})

    assert hits / len(pairs) >= 0.95, f"{hits} of {len(pairs)}"


def test_the_cover_and_abstract_are_read(imported, report) -> None:  # type: ignore[no-untyped-def]
    _, result, mine = imported
    meta = mine.meta

    assert result.report_id == "smart-nation-summit-2019"
    assert (meta.title, meta.title_en) == (report.meta.title, report.meta.title_en)
    assert (meta.trip_start, meta.trip_end) == (report.meta.trip_start, report.meta.trip_end)
    assert meta.report_date == report.meta.report_date
    assert (meta.agency, meta.destination, meta.category) == ("國家發展委員會", "新加坡", "開會")
    assert [t.name for t in meta.travellers] == ["莊明芬", "楊耿瑜"]
    assert mine.abstract is not None
    assert [_squash(p) for p in mine.abstract.paragraphs] == [
        _squash(p) for p in report.abstract.paragraphs
    ]


def test_the_imported_folder_passes_check_and_its_drafts_keep_the_reports_words(imported) -> None:  # type: ignore[no-untyped-def]
    _, result, mine = imported

    assert api.check(report=result.folder) == []
    assert [str(n) for n in key_point_notes(mine)] == []
    assert all(s.draft for s in (e.section for e in mine.outline))
    assert mine.figures and all(f.draft for f in mine.figures)
    assert (result.folder / "source.txt").exists()
    assert (result.folder / "import-report.md").exists()


def test_the_broken_lines_of_the_source_are_joined_again(imported) -> None:  # type: ignore[no-untyped-def]
    _, _, mine = imported
    text = "\n".join(p for e in mine.outline for p in e.section.paragraphs)

    assert "降低新加坡對歐盟國貿易的門檻。" in text
    assert "以因應環境變化而引發的衝擊" in text
    assert "親自說明新加坡在數位轉型之下的因應策略" in text
