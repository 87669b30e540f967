"""Shared fixtures: the bundled report, and the default deck built once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Font subsets and chart PNGs are cached in a folder of this test session only."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def report():  # type: ignore[no-untyped-def]
    from briefing.content.report import load_report

    return load_report()


@pytest.fixture(scope="session")
def default_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The full default briefing, built once: (BuildResult, path)."""
    from briefing import api

    target = tmp_path_factory.mktemp("deck") / "default.pptx"
    result = api.build(api.options_from_recipe(None, output=target))
    return result


@pytest.fixture(scope="session")
def default_deck(default_build):  # type: ignore[no-untyped-def]
    from pptx import Presentation

    return Presentation(str(default_build.output))


def slide_texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text of a python-pptx slide (shapes and table cells)."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


@pytest.fixture(scope="session")
def example_builds(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Every example recipe in recipes/, built once: {name: BuildResult}."""
    from briefing import api

    folder = tmp_path_factory.mktemp("examples")
    return {
        recipe.stem: api.build(
            api.options_from_recipe(recipe, output=folder / f"{recipe.stem}.pptx")
        )
        for recipe in sorted((ROOT / "recipes").glob("*.yaml"))
    }
