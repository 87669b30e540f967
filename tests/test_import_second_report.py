"""A second report, invented as test data (tests/data/README.md): in the 第一章 style, with an
itinerary over several days and figures in euros and yen. It is imported, checked and built
into a deck that shows its own headings and none of the bundled report's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import slide_texts
from pptx import Presentation

from briefing import api
from briefing.content.report import load_report

DATA = Path(__file__).parent / "data" / "invented-estonia-finland-2023.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    result = api.import_report(DATA, tmp_path_factory.mktemp("ee") / "content")
    return result, load_report(result.folder)


@pytest.fixture(scope="module")
def deck(imported, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    result, _ = imported
    target = tmp_path_factory.mktemp("deck") / "ee.pptx"
    options = api.options_from_recipe(None, report=result.folder, output=target)
    api.build(options)
    return Presentation(str(target))


def test_the_chapters_sections_and_items_nest_as_the_report_numbers_them(imported) -> None:  # type: ignore[no-untyped-def]
    _, report = imported

    assert [(e.level, e.heading) for e in report.outline if e.level <= 2] == [
        (1, "內容摘要"),
        (1, "第一章\u3000考察目的"),
        (1, "第二章\u3000考察過程"),
        (1, "第三章\u3000考察內容"),
        (2, "第一節\u3000愛沙尼亞數位身分"),
        (2, "第二節\u3000芬蘭資料交換平臺"),
        (1, "第四章\u3000心得與建議"),
        (2, "一、強化跨機關資料交換"),
        (2, "二、推廣行動數位身分"),
        (1, "第五章\u3000附錄"),
        (2, "一、考察行程表"),
    ]
    assert report.cite("s3-1-2-1") == "第三章\u3000第一節\u3000二、(一)行動身分"


def test_the_cover_itinerary_and_foreign_currency_figures_are_drafted(imported) -> None:  # type: ignore[no-untyped-def]
    result, report = imported
    meta = report.meta

    assert meta.title == "赴愛沙尼亞及芬蘭考察數位政府服務"
    assert (meta.trip_start, meta.trip_end) == (dt.date(2023, 9, 4), dt.date(2023, 9, 12))
    assert meta.report_date == dt.date(2023, 11, 20)
    assert [(t.name, t.title) for t in meta.travellers] == [("王大明", "科長"), ("陳小華", "專員")]
    assert meta.vocabulary.initiatives == "愛沙尼亞及芬蘭重點措施"
    itinerary = report.itinerary
    assert itinerary is not None and len(itinerary.days) == 4
    money = {
        (f.as_written, f.unit, f.qualifier)
        for f in report.figures
        if "元" in f.unit or "圓" in f.unit
    }
    assert money == {
        ("5,000 萬歐元", "歐元", "about"),
        ("35 歐元", "歐元", "exact"),
        ("1.2 億歐元", "歐元", "planned"),
        ("300 億日圓", "日圓", "about"),
    }
    assert api.check(report=result.folder) == []


def test_the_deck_shows_the_reports_headings_and_no_words_of_the_bundled_report(
    imported, deck
) -> None:  # type: ignore[no-untyped-def]
    _, report = imported
    texts = [t for slide in deck.slides for t in slide_texts(slide)]
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    shown = "\n".join(texts + notes)

    for title in ("考察目的", "愛沙尼亞數位身分", "芬蘭資料交換平臺", "強化跨機關資料交換"):
        assert title in shown
    assert report.meta.title in shown
    for word in ("新加坡", "高峰會", "Singapore", "Smart Nation"):
        assert word not in shown
