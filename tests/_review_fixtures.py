"""Fixtures the review step's core and GUI tests share: the invented report imported once per
module, and a fresh copy of that content folder for each test to change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing import api

REPORT = Path(__file__).parent / "data" / "invented-estonia-finland-2023.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("imported") / "estonia"
    api.import_report(REPORT, folder)
    return folder


@pytest.fixture
def folder(imported: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "estonia"
    shutil.copytree(imported, copy)
    return copy
