"""Reviewing an imported report's drafts: accept, edit and reject write the content folder
again (validated as ``check`` does, atomically); a rejected record takes its references along."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing import api
from briefing.errors import ContentError

pytest_plugins = ["_review_fixtures"]  # imported, folder (a copy to change)


def _yaml(folder: Path, name: str) -> object:
    return yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))


def test_every_kind_of_draft_is_listed_with_the_reports_words_and_a_doubt(folder: Path) -> None:
    found = api.drafts(folder)
    kinds = {d.kind for d in found}
    assert {"traveller", "section", "agenda_item", "figure", "initiative"} <= kinds
    source = (folder / "source.txt").read_text(encoding="utf-8")
    for draft in found:
        assert draft.doubt and draft.label
        assert draft.words.splitlines()[0] in source  # the report's own line
    hedged = next(d for d in found if d.key == "figures:s3-1-1-fig-1")
    assert hedged.doubt == "figure_hedge" and "約 5,000 萬歐元" in hedged.words
    row = next(d for d in found if d.key == "agenda:itinerary:1")
    assert "10:00" in row.words and "參訪電子居民計畫辦公室" in row.words


def test_accept_edit_and_reject_are_written_and_reload(folder: Path) -> None:
    before = api.draft_count(folder)
    result = api.apply_review(
        folder,
        accept=["figures:s1-fig-1"],
        reject=[
            "initiatives:digital-and-population-data-services-agency-dvv",
            "sections:s3-1-1",
            "agenda:itinerary:1",
        ],
        edits={"report:travellers:0": {"title": "副處長"}},
    )
    figures = {f["id"]: f for f in _yaml(folder, "figures")}  # type: ignore[union-attr]
    assert "draft" not in figures["s1-fig-1"]
    assert "s3-1-1-fig-1" not in figures  # went with its section
    assert "sections:s3-1-1" in result.removed and "figures:s3-1-1-fig-2" in result.removed
    report = api.load(api.options_from_recipe(None).replace(report=folder))  # reloads, valid
    assert report.meta.travellers[0].title == "副處長" and not report.meta.travellers[0].draft
    assert [i.name for i in report.initiatives] == ["北歐互通解決方案研究所"]
    assert len(report.agendas[0].items) == 4
    assert "s3-1-1" not in {e.section.id for e in report.outline}
    assert result.remaining == api.draft_count(folder) < before
    assert (folder / "figures.yaml").read_text(encoding="utf-8").startswith("# ")  # header kept


def test_accepting_everything_leaves_no_draft_and_the_folder_checks(folder: Path) -> None:
    keys = [d.key for d in api.drafts(folder)]
    result = api.apply_review(folder, accept=keys)
    assert result.remaining == 0 and api.drafts(folder) == []
    assert api.check(None, report=folder) == []


def test_an_edit_that_breaks_the_evidence_is_refused_and_changes_nothing(folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(ContentError) as caught:
        api.apply_review(folder, edits={"figures:s1-fig-1": {"value": "十二"}})
    assert caught.value.field == "value"
    with pytest.raises(ContentError) as caught:  # an initiative name the report never uses
        api.apply_review(folder, edits={"sections:s1": {"kind": "nonsense"}})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_problem_found_when_validating_names_the_real_file(folder: Path) -> None:
    with pytest.raises(ContentError) as caught:
        api.apply_review(folder, edits={"agenda:itinerary:0": {"time": "25 點"}})
    assert str(folder) in str(caught.value) and "briefing-review-" not in str(caught.value)


def test_an_roc_date_is_accepted_in_an_edit(folder: Path) -> None:
    api.apply_review(folder, edits={"agenda:itinerary:0": {"date": "112年9月3日"}})
    agenda = _yaml(folder, "agenda")[0]  # type: ignore[index]
    assert str(agenda["items"][0]["date"]) == "2023-09-03"
