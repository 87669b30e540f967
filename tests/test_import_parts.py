"""The importer's parts on small documents the tests write: readers and encodings, cleaning,
headings (a property test: no contents line or page number is ever a heading), ROC dates, the
cover, figures, initiatives and agendas, and the command line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_import_makers import make_docx, make_odt, make_pdf

from briefing import api
from briefing.cli import main
from briefing.content.report import load_report
from briefing.errors import SourceError
from briefing.importing import cleaning, rocdates
from briefing.importing.figures import find_figures
from briefing.importing.headings import detect
from briefing.importing.readers import read

CHAPTER_REPORT = [
    "（出國類別：考察）",
    "赴日本考察智慧城市",
    "服務機關：國家發展委員會",
    "姓名職稱：林志明 專門委員",
    "派赴國家／地區：日本",
    "出國期間：112.10.2-112.10.6",
    "報告日期：中華民國112年12月1日",
    "第一章 前言",
    "本次考察日本智慧城市之推動情形。",
    "第二章 考察內容",
    "第一節 東京都",
    "一、數位轉型",
    "東京都預計投入約 500 億日圓推動數位轉型，目標於 2030 年前完成 90% 之行政程序線上化。",
    "(一) 行動支付",
    "行動支付使用者已逾 3,000 萬人。",
    "第二節 橫濱市",
    "橫濱市與企業合作推動資料平臺。",
    "第三章 心得與建議",
    "建議持續追蹤日本推動經驗。",
]
FORMAL_REPORT = [
    "出國報告名稱：赴德國考察能源轉型(Energy Transition Study Visit)",
    "出國地區：德國",
    "出國期間：2023年5月8日至5月12日",
    "報告日期：112年6月30日",
    "壹、目的",
    "瞭解德國能源轉型之作法。",
    "貳、過程",
    "參、心得",
    "一、能源政策",
    "(一)再生能源",
    "德國政府補助 2.5 億歐元，並設立 US$300 萬之示範基金；另有約 1,200 家業者參與。",
    "二、電網",
    "電網業者表示將擴充輸電線路。",
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _import(lines: list, path: Path):  # type: ignore[no-untyped-def]
    if path.suffix == ".docx":
        make_docx(lines, path)
    elif path.suffix == ".odt":
        make_odt(lines, path)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = api.import_report(path, path.parent / "out")
    return result, load_report(result.folder)


# -- readers ------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "cp950", "utf-8-sig"])
def test_text_in_utf16_big5_or_with_a_bom_reads_as_written(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("壹、目的\n瞭解德國能源轉型之作法。\n".encode(encoding))

    texts = [b.text for b in read(path).blocks]  # type: ignore[union-attr]

    assert texts == ["壹、目的", "瞭解德國能源轉型之作法。"]


def test_undecodable_text_is_a_clear_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("壹、目的\n".encode() + b"\x81\x30\xff\xfe\x00\x81\n")

    with pytest.raises(SourceError, match=r"not UTF-8, UTF-16 or Big5") as caught:
        read(path)
    assert caught.value.line == 2


def test_a_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # a scan has pictures, not text
    pdf.output(str(tmp_path / "scan.pdf"))

    with pytest.raises(SourceError, match="no text layer"):
        read(tmp_path / "scan.pdf")


@pytest.mark.parametrize("name", ["report.doc", "report.rtf", "missing.docx"])
def test_other_files_are_refused_by_name(tmp_path: Path, name: str) -> None:
    if name != "missing.docx":
        (tmp_path / name).write_bytes(b"{\\rtf1}")

    with pytest.raises(SourceError) as caught:
        read(tmp_path / name)
    assert caught.value.file == str(tmp_path / name)


def test_a_corrupt_docx_is_a_source_error(tmp_path: Path) -> None:
    (tmp_path / "bad.docx").write_bytes(b"not a zip")

    with pytest.raises(SourceError, match="not a Word .docx file"):
        read(tmp_path / "bad.docx")


# -- cleaning ------------------------------------------------------------------
_BROKEN = [
    ("互通電子發票訊息，降低新加坡對歐盟國貿易的門", "檻。"),
    ("在數位日常時代皆能具備基本的數位技能，以因", "應環境變化。"),
    ("科技研究局(The Agency for Science, Technology and Research;", "A * STAR)、JTC"),
    ("多多珍惜在學校的教育資源，專精某一項領域", "，切勿輕易輟學。"),
]
_JOINED = [
    "互通電子發票訊息，降低新加坡對歐盟國貿易的門檻。",
    "在數位日常時代皆能具備基本的數位技能，以因應環境變化。",
    "科技研究局(The Agency for Science, Technology and Research; A * STAR)、JTC",
    "多多珍惜在學校的教育資源，專精某一項領域，切勿輕易輟學。",
]


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [(*pair, joined) for pair, joined in zip(_BROKEN, _JOINED, strict=True)],
)
def test_paragraphs_broken_at_a_line_end_are_joined(before: str, after: str, joined: str) -> None:
    assert cleaning.continues(before, after)
    assert cleaning.join(before, after) == joined


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("本次會議圓滿結束。", "另安排參訪。"),
        ("新加坡總理 李顯龍 專題演講", "照片來源：Handout"),
        ("地點：顧能公司新加坡分公司 Marina One East Tower", "時間：108年6月25日"),
    ],
)
def test_whole_paragraphs_captions_and_fields_stay_apart(before: str, after: str) -> None:
    assert not cleaning.continues(before, after)


def test_page_numbers_and_running_headers_are_dropped(tmp_path: Path) -> None:
    lines = ["壹、目的", *[f"第 {n} 段的內容，說明考察的目的與背景。" * 6 for n in range(40)]]
    pdf = make_pdf(lines, tmp_path / "r.pdf", header="赴德國考察報告")

    document = read(pdf)  # the PDF reader knows where lines are on the page
    texts = [b.text for b in document.blocks if hasattr(b, "text")]

    assert document.pages >= 3
    assert "赴德國考察報告" not in texts and "- 2 -" not in texts
    assert texts[0] == "壹、目的" and "第 0 段的內容" in texts[1]
    assert any("page numbers" in n for n in document.notes)
    assert any("赴德國考察報告" in n for n in document.notes)


# -- headings ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "number", "style", "title"),
    [
        ("壹、目的", "壹", "formal", "目的"),
        ("一、政府組織調整", "一", "chinese", "政府組織調整"),
        ("（一）數位經濟框架", "一", "chinese-paren", "數位經濟框架"),
        ("(二) 數位政府藍圖", "二", "chinese-paren", "數位政府藍圖"),
        ("1. 加速推動企業數位化", "1", "arabic", "加速推動企業數位化"),
        (
            "3.建立人生時刻入口網(Moment of Life)",
            "3",
            "arabic",
            "建立人生時刻入口網(Moment of Life)",
        ),
        ("(1)建立電子發票標準", "1", "arabic-paren", "建立電子發票標準"),
        ("第一章 前言", "第一章", "chapter-章", "前言"),
        ("第二節　東京都", "第二節", "chapter-節", "東京都"),
        ("２．工業 4.0 應用", "2", "arabic", "工業 4.0 應用"),
    ],
)
def test_headings_in_every_numbering_style(line: str, number: str, style: str, title: str) -> None:
    heading = detect(line)

    assert heading is not None
    assert (heading.number.text, heading.style, heading.title) == (number, style, title)


@pytest.mark.parametrize(
    "line",
    [
        "1. 新加坡政府推動數位轉型，已有具體成果。",
        "2019 年「智慧國家創新週」活動",
        "108 年 6 月 24 日(星期一)",
        "第二，科技為底的管理人才",
        "壹、目的.....\t1",
        "- 3 -",
        "2.5 億元",
    ],
)
def test_sentences_dates_contents_lines_and_numbers_are_not_headings(line: str) -> None:
    assert detect(line) is None


_LABELS = st.sampled_from(
    ["壹、", "一、", "(一)", "（二）", "1.", "(1)", "第一章 ", "第三節　", "A."]
)
_TITLES = st.text(
    alphabet=st.sampled_from("數位政府轉型策略推動計畫概況 ABCabc0123-()"), min_size=1, max_size=30
)
_LEADERS = st.sampled_from([".....", "……", "\t", "  ", "．．．．", "‥‥", "·····", "____"])
_PAGES = st.integers(min_value=1, max_value=999).map(str) | st.sampled_from(["i", "iv", "XII"])


@settings(derandomize=True, max_examples=300)
@given(label=_LABELS, title=_TITLES, leader=_LEADERS, page=_PAGES)
def test_a_contents_line_is_never_a_heading(label: str, title: str, leader: str, page: str) -> None:
    assert detect(f"{label}{title}{leader}{page}") is None


@settings(derandomize=True, max_examples=200)
@given(
    page=st.integers(min_value=1, max_value=999),
    form=st.sampled_from(["{}", "- {} -", "第 {} 頁", "第{}頁", "{}/24", "Page {}", "— {} —"]),
)
def test_a_page_number_is_never_a_heading(page: int, form: str) -> None:
    assert detect(form.format(page)) is None


# -- dates ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "中華民國112年9月6日",
        "112年9月6日",
        "112 年 9 月 6 日",
        "112/09/06",
        "112.9.6",
        "2023-09-06",
        "１１２／９／６",
    ],
)
def test_roc_and_gregorian_dates_in_every_form(text: str) -> None:
    assert rocdates.read_date(text) == dt.date(2023, 9, 6)


@pytest.mark.parametrize(
    "text",
    [
        "112年9月6日至112年9月15日",
        "112/09/06-112/09/15",
        "112年9月6日至9月15日",
        "112.9.6 ~ 15日",
        "2023年9月6日－2023年9月15日",
    ],
)
def test_date_ranges_with_a_dash_or_zhi(text: str) -> None:
    assert rocdates.read_range(text) == (dt.date(2023, 9, 6), dt.date(2023, 9, 15))


# -- figures ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "as_written"),
    [
        ("投入約 500 億日圓推動", 500e8, "日圓", "about", "500 億日圓"),
        ("補助 2.5 億歐元，", 2.5e8, "歐元", "exact", "2.5 億歐元"),
        ("設立 US$300 萬之基金", 300e4, "美元", "exact", "US$300 萬"),
        ("超過 1 萬 5,000 人共襄盛舉", 15000, "人", "over", "1 萬 5,000 人"),
        ("歷年穩居前三名", 3, "名", "within", "前三名"),
        ("提供 200 多項的數位服務", 200, "項", "over", "200 多項"),
        ("持有率達 150%", 150, "%", "exact", "150%"),
        ("由政府出資 4,000 萬新幣", 4000e4, "新加坡幣", "exact", "4,000 萬新幣"),
        ("預計於 2025 年前提升至 40 萬人", 40e4, "人", "planned", "40 萬人"),
        ("收費 ₩5,000", 5000, "韓元", "exact", "₩5,000"),
    ],
)
def test_figures_with_currencies_scales_and_qualifiers(
    text: str, value: float, unit: str, qualifier: str, as_written: str
) -> None:
    found, _ = find_figures(text)

    assert [(f.value, f.unit, f.qualifier, f.as_written) for f in found] == [
        (value, unit, qualifier, as_written)
    ]


def test_a_compound_unit_is_written_whole() -> None:
    found, _ = find_figures("每年節省之工時約當 1,400 人年，服務 3 萬人次。")

    assert [(f.value, f.unit, f.as_written) for f in found] == [
        (1400, "人年", "1,400 人年"),
        (30000, "人次", "3 萬人次"),
    ]


def test_a_figure_takes_the_year_of_its_own_clause_or_one_named_before_it() -> None:
    text = "2019 年共有 500 家，目前使用者約 25 萬人，政府預計於 2025 年前提升至 40 萬人。"
    found, _ = find_figures(text)

    assert [(f.as_written, f.when) for f in found] == [
        ("500 家", "2019"),
        ("25 萬人", "2019"),
        ("40 萬人", "2025"),
    ]


@pytest.mark.parametrize(
    "text", ["自 2016 年起", "108 年 6 月 24 日", "第 5 代無線通訊", "工業 4.0 應用", "5G 網路"]
)
def test_years_dates_ordinals_and_names_are_not_figures(text: str) -> None:
    assert find_figures(text)[0] == []


# -- whole reports ------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".txt", ".docx", ".odt"])
def test_a_chapter_style_report_with_yen_figures(tmp_path: Path, suffix: str) -> None:
    result, report = _import(CHAPTER_REPORT, tmp_path / f"japan{suffix}")

    assert [(e.label.strip(), e.section.title, e.parent) for e in report.outline] == [
        ("第一章", "前言", None),
        ("第二章", "考察內容", None),
        ("第一節", "東京都", "s2"),
        ("一、", "數位轉型", "s2-1"),
        ("(一)", "行動支付", "s2-1-1"),
        ("第二節", "橫濱市", "s2"),
        ("第三章", "心得與建議", None),
    ]
    assert [s.kind for s in report.sections] == ["preface", "content", "recommendations"]
    yen = [f for f in report.figures if f.unit.endswith("日圓")]
    assert [(f.value, f.unit, f.qualifier) for f in yen] == [(500e8, "日圓", "about")]
    assert (report.meta.trip_start, report.meta.trip_end) == (
        dt.date(2023, 10, 2),
        dt.date(2023, 10, 6),
    )
    assert report.meta.report_date == dt.date(2023, 12, 1)
    assert report.initiatives == ()  # this report names none: no initiatives.yaml
    assert not (result.folder / "initiatives.yaml").exists()
    assert api.check(report=result.folder) == []


def test_a_formal_style_report_with_euro_and_dollar_figures(tmp_path: Path) -> None:
    result, report = _import(FORMAL_REPORT, tmp_path / "germany.txt")

    assert [e.heading for e in report.outline] == [
        "壹、目的", "貳、過程", "參、心得", "一、能源政策", "(一)再生能源", "二、電網",
    ]  # fmt: skip
    assert result.report_id == "energy-transition-study-visit"
    assert report.meta.title == "赴德國考察能源轉型"
    units = {f.as_written: f.unit for f in report.figures}
    assert units == {"2.5 億歐元": "歐元", "US$300 萬": "美元", "1,200 家": "家"}
    assert report.meta.vocabulary.initiatives == "德國重點措施"


def test_a_multi_day_itinerary_table_becomes_agenda_items(tmp_path: Path) -> None:
    table = [
        ["日期", "時間", "行程", "地點"],
        ["9月4日", "09:00-11:00", "拜會經濟事務暨通訊部", "塔林"],
        ["", "14:00", "參訪電子居民計畫辦公室", "塔林"],
        ["9月6日", "10:00", "拜會數位暨人口資料局", "赫爾辛基"],
    ]
    lines = ["出國期間：112年9月4日至9月8日", "壹、行程", "一、考察行程表", table]

    result, report = _import(lines, tmp_path / "trip.docx")

    itinerary = report.itinerary
    assert itinerary is not None and itinerary.draft
    assert [(i.date, i.time, i.end, i.title, i.place) for i in itinerary.items] == [
        (dt.date(2023, 9, 4), "09:00", "11:00", "拜會經濟事務暨通訊部", "塔林"),
        (dt.date(2023, 9, 4), "14:00", None, "參訪電子居民計畫辦公室", "塔林"),
        (dt.date(2023, 9, 6), "10:00", None, "拜會數位暨人口資料局", "赫爾辛基"),
    ]
    assert itinerary.days == (dt.date(2023, 9, 4), dt.date(2023, 9, 6))
    assert report.meta.vocabulary.itinerary == "考察行程表"


def test_initiatives_come_with_evidence_for_their_english_names(tmp_path: Path) -> None:
    lines = [
        "壹、考察內容",
        "新加坡總理公署設立智慧國家計畫辦公室（Smart Nation Programme Office），協調各機關；"
        "另聯合成立「新加坡數位產業發展辦公室」（Digital Industry Singapore）。",
    ]
    _, report = _import(lines, tmp_path / "sg.txt")

    found = {i.name: (i.name_en, i.evidence["name_en"][0].quote) for i in report.initiatives}
    assert found == {
        "智慧國家計畫辦公室": (
            "Smart Nation Programme Office",
            "智慧國家計畫辦公室（Smart Nation Programme Office）",
        ),
        "新加坡數位產業發展辦公室": (
            "Digital Industry Singapore",
            "「新加坡數位產業發展辦公室」（Digital Industry Singapore）",
        ),
    }
    assert all(i.draft and i.sections == ("s1",) for i in report.initiatives)


# -- command line ------------------------------------------------------------------
def test_import_prints_where_it_wrote_and_what_it_drafted(tmp_path: Path) -> None:
    source = tmp_path / "germany.txt"
    source.write_text("\n".join(FORMAL_REPORT), encoding="utf-8")

    code, out, err = run("import", str(source))

    folder = tmp_path / "imported" / "energy-transition-study-visit"
    assert (code, err) == (0, "")
    assert f"wrote {folder}: 6 sections; drafted 3 figures" in out
    assert (folder / "report.yaml").read_text(encoding="utf-8").startswith("# 赴德國考察能源轉型")
    code, out, err = run("check", "--content", str(folder))
    assert (code, err, out) == (0, "", f"report {folder}: ok\n")


def test_import_of_a_bad_file_exits_2_with_one_line(tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 nothing")

    code, out, err = run("import", str(source))

    assert code == 2 and out == ""
    assert err.startswith(f"error: {source}: ") and err.count("\n") == 1


def test_check_lists_every_schema_problem_of_a_content_folder(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "report.yaml").write_text("id: x\ntitle: T\npages: 0\n", encoding="utf-8")
    (folder / "sections.yaml").write_text(
        "- id: a\n  title: A\n  colour: red\n- id: B\n  title: B\n", encoding="utf-8"
    )

    code, out, err = run("check", "--content", str(folder))

    assert code == 2
    assert out == f"report {folder}: 3 problem(s)\n"
    assert f"{folder / 'report.yaml'}:3: pages:" in err
    assert f"{folder / 'sections.yaml'}:3: [0].colour: unknown field" in err
    assert f"{folder / 'sections.yaml'}:4: [1].id:" in err


def test_import_reports_progress_by_stage_and_honours_cancel(tmp_path: Path) -> None:
    from briefing.errors import BuildCancelled
    from briefing.pipeline import CancelToken

    source = tmp_path / "germany.txt"
    source.write_text("\n".join(FORMAL_REPORT), encoding="utf-8")
    seen: list[tuple[str, float]] = []
    token = CancelToken()

    api.import_report(source, tmp_path / "a", progress=lambda s, f: seen.append((s, f)))
    token.cancel()
    with pytest.raises(BuildCancelled):
        api.import_report(source, tmp_path / "b", cancel=token)

    assert [s for s, _ in seen][:4] == ["reading", "structure", "drafts", "writing"]
    assert seen[-1][1] == 1.0
    assert not (tmp_path / "b").exists()
