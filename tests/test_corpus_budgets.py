"""Every report of the corpus gives decks within their budgets and clean by the self-check:
a brief of 8–12 slides in at most 12 minutes, a standard deck of 18–30 slides in at most 30
(a short report's standard deck goes a level deeper, keeps short sections apart and gives a
part of two slides its divider rather than falling under the floor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import api

CORPUS = Path(__file__).parent / "data" / "reports"
FAST = "de-vocational-2018"  # 15 headings: under the floor without the deeper plans
REPORTS = sorted(p.parent.name for p in CORPUS.glob("*/*.expected.yaml"))
BUDGETS = {"brief": (8, 12, 12.0), "standard": (18, 30, 30.0)}


@pytest.mark.parametrize(
    "name", [n if n == FAST else pytest.param(n, marks=pytest.mark.slow) for n in REPORTS]
)
def test_every_corpus_report_gives_decks_within_budget_and_clean(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    api.import_report(CORPUS / name / f"{name}.docx", folder)

    for length, (least, most, minutes) in BUDGETS.items():
        options = api.options_from_recipe(None, report=folder, length=length)
        plan = api.plan(options)
        assert least <= len(plan.slides) <= most, (length, len(plan.slides))
        assert plan.minutes <= minutes, (length, plan.minutes)
        assert api.self_check(plan, options) == [], length
