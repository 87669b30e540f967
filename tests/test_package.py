"""Saving: atomic (old deck untouched on failure, no partial files) and reproducible."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from pptx.oxml.ns import qn

from briefing import api
from briefing.deck.package import write_atomic
from briefing.errors import BuildCancelled, DeckError, TemplateError


def _options(target: Path, **more):  # type: ignore[no-untyped-def]
    return api.options_from_recipe(
        None, sections=("purpose",), initiatives=("myinfo",), output=target, **more
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow  # a kill trial; test_hostile_output keeps the fast ones
def test_a_build_cancelled_while_writing_leaves_the_old_deck(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    api.build(_options(target))
    before = _sha(target)
    token = api.CancelToken()

    def progress(stage: str, fraction: float) -> None:
        if stage == "writing":
            token.cancel()

    with pytest.raises(BuildCancelled):
        api.build(_options(target, title="另一個標題"), progress=progress, cancel=token)

    assert _sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_a_template_error_midway_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")
    templates = tmp_path / "tpl" / "slides"
    templates.mkdir(parents=True)
    (templates / "section.j2").write_text(
        "{% block title %}{{ oops }}{% endblock %}", encoding="utf-8"
    )

    with pytest.raises(TemplateError):
        api.build(_options(target, templates=tmp_path / "tpl"))

    assert target.read_bytes() == b"previous deck"


def test_a_failing_disk_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DeckError, match="No space left on device"):
        write_atomic(b"new deck", target)

    assert target.read_bytes() == b"previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_two_builds_of_the_same_options_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"

    api.build(_options(first))
    api.build(_options(second))

    assert _sha(first) == _sha(second)


def test_zip_entries_and_properties_are_dated_from_the_deck(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1564704000")  # 2019-08-02 00:00 UTC
    target = tmp_path / "deck.pptx"

    api.build(_options(target))

    with zipfile.ZipFile(target) as deck:
        stamps = {info.date_time for info in deck.infolist()}
        core = deck.read("docProps/core.xml").decode()
        names = deck.namelist()
    assert stamps == {(2019, 8, 2, 0, 0, 0)}
    assert "2019-08-02T00:00:00Z" in core
    assert names[0] == "[Content_Types].xml"


def _parts_and_ids(indexed: bool) -> tuple[list[str], list[tuple[str, str]], bytes, list[bytes]]:
    """Part names, slide ids, the presentation rels and every slide's and notes slide's XML
    and rels of a 12-slide deck with notes."""
    from pptx import Presentation

    from briefing.deck.builder import MASTER
    from briefing.deck.package import index_package

    prs = Presentation(str(MASTER))
    if indexed:
        index_package(prs)
    for n in range(12):
        slide = prs.slides.add_slide(prs.slide_layouts[n % len(prs.slide_layouts)])
        slide.notes_slide.notes_text_frame.text = f"note {n}"
    parts = list(prs.part.package.iter_parts())
    names = sorted(str(part.partname) for part in parts)
    ids = [(s.get("id"), s.get(qn("r:id"))) for s in prs.slides._sldIdLst]
    xml = [
        p.blob + p.rels.xml
        for p in sorted(parts, key=lambda p: p.partname)
        if "slide" in p.partname
    ]
    return names, ids, prs.part.rels.xml, xml


def test_an_indexed_package_names_parts_and_slides_as_python_pptx_does() -> None:
    assert _parts_and_ids(indexed=True) == _parts_and_ids(indexed=False)


def test_to_bytes_writes_every_part_once_and_readably(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    result = api.build(_options(target))

    with zipfile.ZipFile(target) as deck:
        names = deck.namelist()
        assert deck.testzip() is None
    assert len(names) == len(set(names))
    assert sum(n.startswith("ppt/slides/slide") for n in names) == result.slide_count


def test_the_garbage_collector_is_paused_while_a_deck_is_written_and_restored_after() -> None:
    import gc

    from briefing.pipeline import collector_paused

    states = []
    with collector_paused():
        states.append(gc.isenabled())
    states.append(gc.isenabled())
    gc.disable()
    try:
        with collector_paused():
            pass
        states.append(gc.isenabled())
    finally:
        gc.enable()

    assert states == [False, True, False]
