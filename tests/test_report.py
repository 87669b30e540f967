"""The report as data: complete, faithful, and refused when broken."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.content.report import DEFAULT_REPORT, load_report
from briefing.errors import ContentError

SOURCE = (DEFAULT_REPORT / "source.zh-TW.txt").read_text(encoding="utf-8")
BODY = SOURCE[SOURCE.index("壹、目的\n") :]  # after the table of contents


def _source_headings() -> list[str]:
    """Headings as they stand alone on a line of the report body: 壹、 一、 (一) 1. (1)."""
    pattern = re.compile(
        r"^(?:[壹貳參肆伍陸]、|[一二三四五六七八九十]+、|\(\s?[一二三四五六七八九十]+\)\s?|\d\.\s?|\(\d\))(.+)$"
    )
    found = []
    for line in BODY.splitlines():
        match = pattern.match(line.strip())
        if match and len(line.strip()) < 70 and not line.strip().endswith("。"):
            found.append(match.group(1).strip())
    return found


def test_every_heading_of_the_report_is_a_section(report) -> None:
    titles = {re.sub(r"\s", "", e.section.title) for e in report.outline}

    missing = [h for h in _source_headings() if re.sub(r"\s", "", h) not in titles]

    assert missing == []
    assert len(_source_headings()) >= 40


def test_the_outline_keeps_the_reports_numbering(report) -> None:
    labels = {e.section.title: e.label for e in report.outline}
    tops = [e.label + e.section.title for e in report.outline if e.level == 1]
    assert tops.pop(0) == "內容摘要"  # unnumbered, addressable: the abstract is a section

    assert tops == [
        "壹、目的",
        "貳、過程",
        "參、2019 年智慧政府創新週高峰會",
        "肆、拜會活動",
        "伍、心得及建議",
        "陸、附錄",
    ]
    assert labels["數位政府藍圖"] == "(二)"
    assert labels["建立電子發票標準"] == "(1)"
    assert labels["海運應用"] == "1."
    assert (
        report.cite(next(e.section.id for e in report.outline if e.section.title == "數位政府藍圖"))
        == "參、二、(二)數位政府藍圖"
    )


def test_ids_are_unique_across_the_report(report) -> None:
    ids = (
        [e.section.id for e in report.outline]
        + [i.id for i in report.initiatives]
        + [f.id for f in report.figures]
    )

    assert len(ids) == len(set(ids))


def test_about_forty_initiatives_in_the_reports_four_pillars(report) -> None:
    pillars = {c for i in report.initiatives for c in i.categories}

    assert 40 <= len(report.initiatives) <= 60
    assert pillars == {"digital-economy", "digital-government", "digital-society", "infrastructure"}
    assert {"myinfo", "singpass"} <= {i.id for i in report.initiatives} or any(
        i.name_en == "MyInfo" for i in report.initiatives
    )


def test_every_figure_is_written_in_the_report(report) -> None:
    absent = [f.id for f in report.figures if f.as_written not in SOURCE]

    assert len(report.figures) >= 15
    assert absent == []


_CHINESE = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _number(written: str, unit: str) -> float:
    """The quantity a figure's text states, in its unit: "1 萬 5,000 人" -> 15000."""
    text = written.replace(",", "").replace(" ", "")
    if "萬" in text and "萬" not in unit:
        high, _, low = text.partition("萬")
        return _number(high, "") * 10000 + (_number(low, "") if re.search(r"\d", low) else 0)
    match = re.search(r"\d+(?:\.\d+)?", text)
    if match:
        return float(match.group())
    tens = re.search(r"([一二三四五六七八九]?)十([一二三四五六七八九]?)", text)
    if tens:
        return (_CHINESE.get(tens.group(1), 1)) * 10 + _CHINESE.get(tens.group(2), 0)
    return float(next(_CHINESE[c] for c in text if c in _CHINESE))


def test_figure_values_agree_with_what_is_written(report) -> None:
    wrong = [
        (f.id, f.value, f.as_written)
        for f in report.figures
        if _number(f.as_written, f.unit) != f.value
    ]

    assert wrong == []


def test_no_page_break_artefacts_remain(report) -> None:
    texts = [p for e in report.outline for p in e.section.paragraphs]
    joined = "\n".join(texts)

    for broken in ("門\n檻", "以因\n應", "需要做\n的", "宣布推\n出", "活\n絡"):
        assert broken not in joined
    for whole in ("門檻", "以因應環境變化", "需要做的 3 件事", "宣布推出", "活絡的政黨政治"):
        assert whole in joined


def test_the_agenda_is_data(report) -> None:
    agenda = report.agenda

    assert agenda is not None
    assert (agenda.kind, agenda.section) == ("programme", "appendix-summit-agenda")
    assert agenda.items[0].time == "13:00"
    assert agenda.items[-1].type == "end"
    assert [i.minutes for i in agenda.items] == sorted(i.minutes for i in agenda.items)
    assert report.itinerary is not None and report.itinerary.id != agenda.id


def test_the_pillar_count_cites_the_sections_it_counted(report) -> None:
    """The chart's counts are the program's, over every initiative: its sections (the source
    line) are the main section of each, in report order."""
    chart = report.chart("initiatives-by-pillar")
    counted = {i.sections[0] for i in report.initiatives}

    assert chart.derived and not chart.initiatives
    assert chart.sections == tuple(e.section.id for e in report.outline if e.section.id in counted)


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "report"
    shutil.copytree(DEFAULT_REPORT, folder)
    return folder


def test_a_bad_field_is_reported_with_file_line_and_field(broken_copy: Path) -> None:
    path = broken_copy / "initiatives.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("status:")
    path.write_text(
        text[:first] + "status: digital-everything" + text[text.index("\n", first) :],
        encoding="utf-8",
    )
    line = text[:first].count("\n") + 1

    with pytest.raises(ContentError) as caught:
        load_report(broken_copy)

    assert caught.value.file.endswith("initiatives.yaml")
    assert caught.value.line == line
    assert caught.value.field == "[0].status"
    assert "digital-everything" in str(caught.value)


def test_a_duplicate_id_is_refused(broken_copy: Path) -> None:
    path = broken_copy / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)", text, flags=re.M)
    path.write_text(text.replace(f"- id: {ids[1]}\n", f"- id: {ids[0]}\n", 1), encoding="utf-8")

    with pytest.raises(ContentError, match=f"duplicate id '{ids[0]}'") as caught:
        load_report(broken_copy)

    assert caught.value.line is not None


def test_a_dangling_id_is_refused_with_a_suggestion(broken_copy: Path) -> None:
    path = broken_copy / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    section = re.search(r"^  section: (\S+)", text, flags=re.M).group(1)
    path.write_text(
        text.replace(f"  section: {section}\n", f"  section: {section}x\n", 1), encoding="utf-8"
    )

    with pytest.raises(ContentError, match=f"unknown id '{section}x'; did you mean {section}"):
        load_report(broken_copy)


def test_unknown_fields_and_bad_yaml_are_refused(broken_copy: Path) -> None:
    path = broken_copy / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    with pytest.raises(ContentError, match="colour: unknown field"):
        load_report(broken_copy)

    path.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="report.yaml:2: invalid YAML"):
        load_report(broken_copy)


def test_numbers_in_key_points_and_summaries_come_from_the_report(report) -> None:
    """Slides show key points and summaries, not the paragraphs: their numbers must be the
    report's own (nothing rounded, converted or invented on the way to a slide)."""
    invented = []
    for entry in report.outline:
        text = "".join(
            p for e in report.outline if entry.section.id in e.path for p in e.section.paragraphs
        )
        invented += [
            (entry.section.id, n)
            for point in entry.section.key_points
            for n in re.findall(r"\d[\d,.]*\d|\d", point)
            if n not in text
        ]
    for item in report.initiatives:
        invented += [
            (item.id, n) for n in re.findall(r"\d[\d,.]*\d|\d", item.summary) if n not in SOURCE
        ]
        if item.year is not None and str(item.year) not in SOURCE:
            invented.append((item.id, item.year))

    assert invented == []
