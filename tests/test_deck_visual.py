"""What a reader sees on an imported report's deck (docs/visual-review.md): classes of defect
found by rendering every slide of the corpus decks, each checked on the deck's XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.story.typeset import justifiable

REPORTS = Path(__file__).parent / "data" / "reports"
LONG_LATIN = re.compile(r"[A-Za-z][A-Za-z.'-]{5,}")


@pytest.fixture(scope="module")
def nl_deck(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The Netherlands report (a card whose text holds "Adaptation Pathways"), imported from
    its .docx and built as the standard deck once."""
    from briefing import api

    where = tmp_path_factory.mktemp("nl")
    source = REPORTS / "nl-water-2022" / "nl-water-2022.docx"
    api.import_report(source, where / "content")
    target = where / "standard.pptx"
    options = api.options_from_recipe(
        None, report=where / "content", length="standard", output=target
    )
    api.build(options)
    return Presentation(str(target))


def test_a_long_latin_word_keeps_text_ragged() -> None:
    assert not justifiable("建議引進調適路徑（Adaptation Pathways）方法")
    assert justifiable("建議每年選派 2 至 3 名同仁參加 IHE 課程")


def _spread(deck) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(slide, text) of every justified paragraph holding a long Latin word."""
    spread = []
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                ppr = paragraph._p.pPr
                just = ppr is not None and ppr.get("algn") == "just"
                if just and LONG_LATIN.search(paragraph.text):
                    spread.append((number, paragraph.text[:30]))
    return spread


def test_the_default_deck_spreads_no_long_latin_word(default_deck) -> None:  # type: ignore[no-untyped-def]
    assert not _spread(default_deck)


@pytest.mark.slow
def test_no_justified_paragraph_spreads_a_long_latin_word(nl_deck) -> None:  # type: ignore[no-untyped-def]
    """Justified text whose line ends before a long English word leaves gaps between the
    Chinese characters (「路　徑　（　Adaptation」), on cards as in bullets."""
    assert not _spread(nl_deck)
    assert any(
        "Adaptation" in s.text_frame.text
        for sl in nl_deck.slides
        for s in sl.shapes
        if s.has_text_frame
    )
