"""Charts drawn in worker processes while the build goes on (briefing.drawing.ChartDrawing),
and the private matplotlib set-up of those workers (briefing.charts.render.prepare_worker)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from io import BytesIO
from pathlib import Path

import pytest

from briefing import api, drawing, pipeline
from briefing.charts import render
from briefing.fonts import family as fonts

ROOT = Path(__file__).resolve().parents[1]


def _pictures(options, monkeypatch, tmp_path: Path, *, cores: int):  # type: ignore[no-untyped-def]
    """Chart id -> PNG of every picture of the options' deck, drawn into an empty cache on a
    machine with ``cores`` cores; and whether worker processes drew them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{cores}"))
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    report = api.load(options)
    plan = api.plan(options, report)
    step = pipeline.Steps(None, None)
    with pipeline.ChartDrawing(plan, report, options, fonts.load_family(), step) as drawing:
        pooled = drawing.pictures._pool is not None
        placed = {cid: drawing.pictures[cid].png for cid in drawing.pictures}
        drawn = drawing.drawn()
    return {cid: drawn.get(png, png) for cid, png in placed.items()}, pooled


@pytest.mark.slow  # draws every chart twice; the deck-level test below keeps workers honest
def test_workers_draw_the_same_pictures_as_this_process(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    options = api.options_from_recipe(None, sections=("summit-strategy", "visit-e-payment"))

    here, pooled_here = _pictures(options, monkeypatch, tmp_path, cores=1)
    one, pooled_one = _pictures(options, monkeypatch, tmp_path, cores=2)  # one worker
    two, pooled_two = _pictures(options, monkeypatch, tmp_path, cores=4)  # two workers

    assert (pooled_here, pooled_one, pooled_two) == (False, True, True)
    assert len(one) >= 2 and all(png and png.startswith(b"\x89PNG") for png in one.values())
    assert here == one == two


def test_a_build_with_workers_writes_the_deck_a_build_without_them_writes(
    monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    decks = []
    for cores in (1, 2):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{cores}"))
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        target = tmp_path / f"deck-{cores}.pptx"
        api.build(api.options_from_recipe(None, sections=("summit-strategy",), output=target))
        decks.append(target.read_bytes())

    assert decks[0] == decks[1]


def test_a_worker_gets_matplotlib_ready_without_scanning_the_system_fonts(tmp_path: Path) -> None:
    code = (
        "import os, sys, json; from briefing.charts.render import prepare_worker;"
        "prepare_worker(); import matplotlib; from matplotlib import font_manager as fm;"
        "print(json.dumps([os.environ['MPLCONFIGDIR'], matplotlib.get_cachedir(),"
        "fm.findfont('DejaVu Sans')]))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("MPLCONFIGDIR", None)

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )

    config, cache, dejavu = json.loads(done.stdout)
    [shipped] = render.FONTLISTS.glob("fontlist-*.json")
    assert config == cache == str(tmp_path / "briefing" / "matplotlib")
    assert (Path(cache) / shipped.name).read_bytes() == shipped.read_bytes()  # used, not rebuilt
    assert Path(dejavu).is_file()
    assert not (tmp_path / "matplotlib").exists()  # the user's matplotlib cache is untouched


def test_the_shipped_font_list_fits_the_installed_matplotlib() -> None:
    from matplotlib import font_manager

    path = render.FONTLISTS / f"fontlist-v{font_manager.FontManager.__version__}.json"
    assert path.is_file(), "run: python tools/make_matplotlib_fontlist.py"

    manager = font_manager.json_load(path)

    assert manager._version == font_manager.FontManager.__version__
    entries = manager.ttflist + manager.afmlist
    assert any(e.name == "DejaVu Sans" for e in manager.ttflist)
    assert all(Path(e.fname).is_file() for e in entries)


def test_a_configured_matplotlib_is_left_alone(tmp_path: Path) -> None:
    code = (
        "import os; from briefing.charts.render import prepare_worker; prepare_worker();"
        "print(os.environ['MPLCONFIGDIR'])"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "MPLCONFIGDIR": str(tmp_path / "mine")}

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )

    assert done.stdout.strip() == str(tmp_path / "mine")


def test_a_picture_being_drawn_is_placed_as_a_stand_in_naming_its_chart() -> None:
    from PIL import Image

    first, second = drawing.stand_in("chart-a"), drawing.stand_in("chart-b")

    with Image.open(BytesIO(first)) as image:
        image.load()
        assert image.size == (1, 1)
        assert image.text == {"briefing-chart": "chart-a"}
    assert first != second


def test_workers_are_forked_only_from_a_process_running_one_thread() -> None:
    code = (
        "import threading, time; from briefing.pipeline import start_method;"
        "print(start_method()); t = threading.Thread(target=time.sleep, args=(1,)); t.start();"
        "print(start_method())"
    )

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )

    alone, beside_a_thread = done.stdout.split()
    assert alone == ("fork" if sys.platform == "linux" else "spawn")
    assert beside_a_thread == "spawn"


def test_pictures_a_dead_worker_left_are_drawn_here(monkeypatch, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    options = api.options_from_recipe(None, sections=("visit-e-payment",))
    report = api.load(options)
    plan = api.plan(options, report)
    step = pipeline.Steps(None, None)
    with pipeline.ChartDrawing(plan, report, options, fonts.load_family(), step) as charts:
        [chart_id] = charts._todo
        died: Future[bytes] = Future()
        died.set_exception(BrokenProcessPool("a worker was killed"))
        charts.pictures._futures = {chart_id: died}
        placed = charts.pictures[chart_id].png

        drawn = charts.drawn()

    assert placed == drawing.stand_in(chart_id)
    assert drawn[placed].startswith(b"\x89PNG") and len(drawn[placed]) > 1000
    assert "a chart worker stopped" in caplog.text
