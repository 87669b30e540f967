"""Numbers and the PDF text layer of the importer (issue 17, points 5 and 6).

Sentences in every form the corpus and real reports use (mixed scales, table units, five
currencies with symbols and words, Chinese numerals, ranges, percentages, counters, hedges) and
every kind of non-figure; the corpus reports scored against their answer keys
(``tests/data/reports/*/…expected.yaml``, key ``numbers``); and the PDF reader on the corpus
PDFs and on PDFs made here with the glyphs real reports have (○ in another font, letter-spaced
CJK, a font with no text mapping).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import sys
from pathlib import Path

import pytest
import yaml

from briefing.cli import main as cli_main
from briefing.importing import cleaning
from briefing.importing.blocks import Block, PageBreak, Paragraph, Table
from briefing.importing.figures import find_figures
from briefing.importing.outline import Node
from briefing.importing.readers import read
from briefing.importing.tablenumbers import numbered_texts

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reports"
FONT = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
SYMBOL_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "score_numbers", ROOT / "tools" / "score_numbers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_numbers"] = module
    spec.loader.exec_module(module)
    return module


def _one(text: str) -> tuple[float, float | None, str, str, str]:
    found, _ = find_figures(text)
    assert len(found) == 1, [f.as_written for f in found]
    f = found[0]
    return f.value, f.high, f.unit, f.qualifier, f.as_written


# -- numbers in sentences -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("總經費新臺幣3,926萬5千元。", 39_265_000, "元", "新臺幣3,926萬5千元"),
        ("累計發送約52萬3千份。", 523_000, "份", "52萬3千份"),
        ("中小企業計143萬7,616家。", 1_437_616, "家", "143萬7,616家"),
        ("堤防約1萬7,500公里須補強。", 17_500, "公里", "1萬7,500公里"),
        ("消防團員約2萬2千人。", 22_000, "人", "2萬2千人"),
        ("市場規模約5.2兆美元。", 5.2e12, "美元", "5.2兆美元"),
        ("預算1,400億韓元。", 1.4e11, "韓元", "1,400億韓元"),
        ("罰款 3,500 萬歐元。", 3.5e7, "歐元", "3,500 萬歐元"),
    ],
)
def test_mixed_scales_are_multiplied_out(text: str, value: float, unit: str, written: str) -> None:
    got = _one(text)
    assert (got[0], got[2], got[4]) == (value, unit, written)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("補助NT$ 5億元。", 5e8, "元"),
        ("總額新臺幣600億元。", 6e10, "元"),
        ("支出新台幣198,600元。", 198_600, "元"),
        ("投資US$ 44億。", 4.4e9, "美元"),
        ("基金1億美元。", 1e8, "美元"),
        ("整體計畫€2.1 billion。", 2.1e9, "歐元"),
        ("造價約€34億。", 3.4e9, "歐元"),
        ("補助€ 500之數位化補助。", 500, "歐元"),
        ("每人876歐元。", 876, "歐元"),
        ("事業費約300億円。", 3e10, "日圓"),
        ("約120億日圓。", 1.2e10, "日圓"),
        ("市場30兆韓元。", 3e13, "韓元"),
        ("約45億澳幣。", 4.5e9, "澳幣"),
        ("收費 ₩5,000。", 5000, "韓元"),
        ("補助 US$3 million。", 3e6, "美元"),
        ("補助USD 3 million。", 3e6, "美元"),
        ("每人300 USD。", 300, "美元"),
        ("1億2,000萬元", 1.2e8, "元"),
        ("3億5千萬元", 3.5e8, "元"),
        ("美金100萬元", 1e6, "美元"),
        ("日幣3億元", 3e8, "日圓"),
    ],
)
def test_money_in_every_currency_form_is_the_full_value(text: str, value: float, unit: str) -> None:
    got = _one(text)
    assert (got[0], got[2]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("設有一座直升機停機坪。", 1, "座", "一座"),
        ("兩座弧形閘門。", 2, "座", "兩座"),
        ("訓練職業十餘種。", 10, "種", "十餘種"),
        ("心得三項。", 3, "項", "三項"),
        ("近百家新創。", 100, "家", "百家"),
        ("約八成民眾。", 80, "%", "八成"),
        ("逾九成醫院。", 90, "%", "九成"),
        ("五成以上之學員。", 50, "%", "五成"),
        ("提出四大優先領域：", 4, "大", "四大"),
        ("設有四大體驗區。", 4, "區", "四大體驗區"),
        ("分兩階段實施。", 2, "階段", "兩階段"),
        ("約百分之五十之民眾。", 50, "%", "百分之五十"),
        ("已有二十餘年。", 20, "年", "二十餘年"),
    ],
)
def test_chinese_numerals_count(text: str, value: float, unit: str, written: str) -> None:
    got = _one(text)
    assert (got[0], got[2], got[4]) == (value, unit, written)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("每場次20至30人。", 20, 30, "人"),
        ("權利金為3%至5%。", 3, 5, "%"),
        ("約60%至70%之學員。", 60, 70, "%"),
        ("修業3至3.5年。", 3, 3.5, "年"),
        ("預計3至5年內推廣。", 3, 5, "年"),
        ("規模3至5億元。", 3e8, 5e8, "元"),
        ("每週1-2天。", 1, 2, "天"),
        ("保存3至30年。", 3, 30, "年"),
    ],
)
def test_ranges_have_a_low_and_a_high(text: str, low: float, high: float, unit: str) -> None:
    value, top, got_unit, qualifier, _ = _one(text)
    assert (value, top, got_unit, qualifier) == (low, high, unit, "range")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("約35%", "about"),
        ("近2萬9千家", "nearly"),
        ("逾900萬人次", "over"),
        ("超過1萬8千人", "over"),
        ("40餘國", "over"),
        ("水位高於3公尺時", "over"),
        ("五成以上", "at_least"),
        ("失業率維持在6%左右", "about"),
        ("上看453萬人", "up_to"),
        ("每案最高US$ 80萬", "up_to"),
        ("最高可處3,500萬歐元或年營業額7%之罰鍰", "up_to"),
        ("本部預計投入NT$ 5億元", "planned"),
        ("目標於2025年度提升至95%", "planned"),
        ("共有6,434人", "exact"),
    ],
)
def test_the_hedge_is_the_qualifier(text: str, qualifier: str) -> None:
    found, _ = find_figures(text)
    assert found and {f.qualifier for f in found} == {qualifier}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("共4,800人次", "人次"),
        ("投入約120人年", "人年"),
        ("約1,300床", "床"),
        ("10檔基金", "檔"),
        ("200隊", "隊"),
        ("近19萬4千棟", "棟"),
        ("3日份之飲水", "日份"),
        ("共計5日", "日"),
        ("約6個月", "個月"),
        ("97.73%", "%"),
        ("約13.2公頃", "公頃"),
        ("1,700立方公尺", "立方公尺"),
        ("成長4.5個百分點", "個百分點"),
        ("逾10餘萬人", "人"),
        ("芮氏規模7.2地震", "芮氏規模"),
    ],
)
def test_counters_and_measures_are_the_unit(text: str, unit: str) -> None:
    assert _one(text)[2] == unit


@pytest.mark.parametrize(
    "text",
    [
        "113年6月24日至6月28日",
        "中華民國一○七年十二月二十日",
        "二○二七年完成",
        "102年度預算",
        "111.10.2～111.10.15",
        "2017/9/18-2017/9/23",
        "10/15-10/16",
        "自2016年起",
        "上午9:30-10:30",
        "如圖1所示",
        "詳表2-1",
        "第1週課程",
        "第24屆大會",
        "電話：(02)8195-9119分機6201",
        "電話：02-2345-6789",
        "G7峰會",
        "5G網路",
        "法國2030投資計畫",
        "巴黎第13區",
        "分類號/目：E0",
        "令和5年版",
        "以減少二次災害",
        "兩國合作",
        "七大工業國",
        "單位：新臺幣千元",
        "三機關分工明確",
        "數十家業者",
        "上百家企業",
        "2023-2025年",
        "流域綜合治理計畫（111至116年）",
        "預計於116年完成",
    ],
)
def test_dates_numbering_codes_and_names_are_not_figures(text: str) -> None:
    assert find_figures(text)[0] == []


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("最大震度6強之搖晃", "震度6強"),  # between two grades: no one value
        ("死亡機率不高於十萬分之一", "十萬分之一"),
        ("以重現期100年為標準", "100年"),
        ("總額達4億", "4億"),
        ("約三分之一", "三分之一"),
    ],
)
def test_numbers_of_unsure_value_or_unit_are_doubts(text: str, doubt: str) -> None:
    found, doubts = find_figures(text)
    assert found == [] and [d.as_written for d in doubts] == [doubt]


def test_a_half_is_fifty_percent() -> None:
    assert _one("提供超過半數之就業機會")[:4] == (50, None, "%", "over")


# -- table units ----------------------------------------------------------------------------------
def test_a_caption_unit_multiplies_the_cells_of_its_table() -> None:
    table = Table(
        (
            ("計畫名稱", "111年度預算", "112年度預算（草案）"),
            ("流域治理", "12,580,000", "13,200,000"),
        )
    )
    node = Node(title="財源", paragraphs=["表4-1 計畫預算（單位：新臺幣千元）"], tables=[table])
    found = [f for text, unit in numbered_texts(node) for f in find_figures(text, None, unit)[0]]

    assert [(f.as_written, f.value, f.unit) for f in found] == [
        ("12,580,000", 12_580_000_000, "元"),
        ("13,200,000", 13_200_000_000, "元"),
    ]


def test_a_year_or_serial_column_is_no_amount() -> None:
    table = Table((("年度", "預算", "項次"), ("2019", "1,200", "3"), ("2020", "2,100", "4")))
    node = Node(title="預算", paragraphs=["單位：千元"], tables=[table])
    found = [f for text, unit in numbered_texts(node) for f in find_figures(text, None, unit)[0]]

    assert [(f.as_written, f.value) for f in found] == [("1,200", 1_200_000), ("2,100", 2_100_000)]


def test_a_column_header_unit_and_a_table_written_as_lines() -> None:
    table = Table((("項目", "金額（新台幣元）"), ("機票", "198,600"), ("合計", "新台幣439,980元")))
    lines = ["單位：新臺幣千元", "流域治理", "12,580,000", "4.3 空間規劃與水管理整合"]
    node = Node(title="經費", paragraphs=lines, tables=[table])
    found = [f for text, unit in numbered_texts(node) for f in find_figures(text, None, unit)[0]]

    assert [(f.as_written, f.value, f.unit) for f in found] == [
        ("12,580,000", 12_580_000_000, "元"),  # a cell line under 單位：新臺幣千元
        ("198,600", 198_600, "元"),
        ("新台幣439,980元", 439_980, "元"),
    ]


# -- page numbers ---------------------------------------------------------------------------------
def test_a_bare_number_is_a_page_number_only_where_pages_count() -> None:
    blocks = [
        PageBreak(1), Paragraph("本文一。"), Paragraph("350"), Paragraph("續文。"), Paragraph("1"),
        PageBreak(2), Paragraph("本文二。"), Paragraph("2"),
        PageBreak(3), Paragraph("- 3 -"), Paragraph("本文三。"), Paragraph("12,580,000"),
    ]  # fmt: skip
    kept, notes = cleaning.drop_furniture(blocks)

    texts = [b.text for b in kept if isinstance(b, Paragraph)]
    assert texts == ["本文一。", "350", "續文。", "本文二。", "本文三。", "12,580,000"]
    assert notes == ["dropped 3 page numbers"]


def test_without_pages_a_lone_number_line_is_kept() -> None:
    kept, _ = cleaning.drop_furniture([Paragraph("合計"), Paragraph("350"), Paragraph("第 2 頁")])
    assert [b.text for b in kept if isinstance(b, Paragraph)] == ["合計", "350"]


# -- the corpus, scored against the keys ----------------------------------------------------------
FAST = ["jp-disaster-2024/jp-disaster-2024.docx", "nl-water-2022/nl-water-2022.docx"]
ALL = sorted(
    str(p.relative_to(CORPUS))
    for p in CORPUS.glob("*/*")
    if p.suffix in (".docx", ".odt", ".pdf", ".txt")
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fast corpus files imported once for the module: name -> content folder."""
    from briefing.api import import_report

    root = tmp_path_factory.mktemp("corpus")
    return {name: import_report(CORPUS / name, root / str(i)).folder for i, name in enumerate(FAST)}


def _assert_scored(name: str, folder: Path | None = None) -> None:
    score = _scorer().score(CORPUS / name, folder)
    assert score.key >= 16
    assert score.share >= 0.9, (score.share, score.missing, score.wrong)
    assert score.wrong == [] and score.extra == []


@pytest.mark.parametrize("name", FAST)
def test_corpus_numbers_are_right_and_none_has_a_wrong_value(
    name: str, imported: dict[str, Path]
) -> None:
    _assert_scored(name, imported[name])


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in ALL if n not in FAST])
def test_every_corpus_file_scores_its_numbers(name: str) -> None:
    _assert_scored(name)


# -- the PDF text layer ---------------------------------------------------------------------------
_SPLIT_CJK = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]")  # 芬 蘭 永
_BARE_NUMBER = re.compile(r"^\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*$")


@functools.lru_cache(maxsize=2)
def _pdf_blocks(name: str) -> tuple[Block, ...]:
    return read(CORPUS / name).blocks


def _pdf_texts(name: str) -> list[str]:
    texts: list[str] = []
    for block in _pdf_blocks(name):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts += [cell for row in block.rows for cell in row]
    return texts


def _assert_clean_pdf(name: str) -> None:
    key = yaml.safe_load((CORPUS / name).with_suffix(".expected.yaml").read_text("utf-8"))
    texts = _pdf_texts(name)
    assert not [t for t in texts if _SPLIT_CJK.search(t)]
    assert key["page_header"] not in texts
    assert not [t for t in texts if _BARE_NUMBER.match(t)]  # no page numbers
    squashed = re.sub(r"\s+", "", "".join(texts))
    for heading in key["headings"]:  # each heading once, not cut by a page's furniture
        assert re.sub(r"\s+", "", heading["text"]) in squashed
    assert re.search(r"含附件：[□■]是[□■]否", squashed)  # form boxes kept where drawn


def test_a_corpus_pdf_reads_without_split_cjk_headers_or_page_numbers() -> None:
    _assert_clean_pdf("jp-disaster-2024/jp-disaster-2024.pdf")


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "kr-smarthealth-2019/kr-smarthealth-2019.pdf",
        "nl-water-2022/nl-water-2022.pdf",
        "fr-oecd-2023/fr-oecd-2023.pdf",
    ],
)
def test_every_corpus_pdf_reads_clean(name: str) -> None:
    _assert_clean_pdf(name)


def test_a_pdf_table_keeps_its_rows_and_wrapped_cells() -> None:
    tables = [
        b for b in _pdf_blocks("jp-disaster-2024/jp-disaster-2024.pdf") if isinstance(b, Table)
    ]
    itinerary = next(t for t in tables if t.rows[0][:3] == ("日期", "地點", "行程內容"))
    assert itinerary.rows[3] == (
        "6月26日（三）",
        "東京都墨田區、千代田區",
        "參訪東京消防廳本所防災館；拜會內閣府政策統括官（防災擔當）",
    )


@pytest.fixture(scope="module")
def symbol_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SYMBOL_FONT.exists():
        pytest.skip("needs a second font (DejaVu Sans)")
    return _symbol_pdf(tmp_path_factory.mktemp("pdf") / "symbols.pdf")


def _symbol_pdf(path: Path) -> Path:
    """A PDF with what real reports do: ○ drawn in another font, smaller and lower; letter-
    spaced CJK; CJK with space glyphs between; one line drawn in pieces; a footnote mark."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("noto", "", str(FONT))
    pdf.add_font("dejavu", "", str(SYMBOL_FONT))
    pdf.add_page()

    def piece(x: float, y: float, text: str, font: str = "noto", size: float = 12) -> float:
        pdf.set_font(font, size=size)
        pdf.text(x, y, text)
        return x + pdf.get_string_width(text)

    x = piece(20, 40, "承辦單位：")
    x = piece(x, 42.5, "○○", "dejavu", 8)
    piece(x, 40, "部資訊處")
    x = piece(20, 50, "資")
    x = piece(x, 52.5, "○", "dejavu", 8)
    piece(x, 50, "料")
    pdf.set_font("noto", size=12)
    pdf.set_char_spacing(8)
    pdf.text(20, 60, "芬蘭永續")
    pdf.set_char_spacing(0)
    pdf.text(20, 70, "芬 蘭 永 續 發展")
    x = piece(20, 80, "本計畫")
    x = piece(x + 1, 80, "總經費")
    piece(x + 1, 80, "約3,926萬5千元。")
    x = piece(20, 100, "特約機構近2萬9千家。")
    piece(x, 98, "1", size=7)  # a footnote mark, small and raised
    piece(20, 120, "職稱：李敏浩 課長")  # one space, as written
    pdf.output(str(path))
    return path


def test_symbols_of_another_font_stay_in_place_and_cjk_is_not_spaced(symbol_pdf: Path) -> None:
    texts = [b.text for b in read(symbol_pdf).blocks if isinstance(b, Paragraph)]

    assert texts == [
        "承辦單位：○○部資訊處",
        "資○料",
        "芬蘭永續",
        "芬蘭永續發展",
        "本計畫總經費約3,926萬5千元。",
        "特約機構近2萬9千家。",
        "職稱：李敏浩 課長",
    ]
    assert _one(texts[-3])[0] == 39_265_000


def test_a_pdf_whose_glyphs_map_to_no_text_is_refused_with_exit_2(
    symbol_pdf: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "unmapped.pdf"  # its font lost the map from glyphs to text
    pdf.write_bytes(symbol_pdf.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))
    out, err = io.StringIO(), io.StringIO()

    code = cli_main(["import", str(pdf), "--out", str(tmp_path / "out")], stdout=out, stderr=err)

    assert code == 2
    assert "no usable text layer" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not (tmp_path / "out").exists()


def test_pdf_furniture_goes_by_position_and_sequence_and_lone_numbers_stay(tmp_path: Path) -> None:
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, "Trip report 2024", align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, str(self.page_no()), align="C")  # a bare page number

    pdf = _Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for n in range(60):
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, "350" if n % 7 == 3 else f"Paragraph {n} of the body.")
        pdf.ln(2)
    pdf.output(str(tmp_path / "f.pdf"))

    document = read(tmp_path / "f.pdf")
    text = "\n".join(b.text for b in document.blocks if isinstance(b, Paragraph))

    assert document.pages >= 2
    assert "Trip report 2024" not in text
    assert f"dropped {document.pages} page numbers" in document.notes
    assert len(re.findall(r"(?<![\w ])350|(?<=\. )350", text)) == 9  # the body's own numbers
    assert "Paragraph 0 of the body." in text and "Paragraph 58 of the body." in text


def test_doubts_are_in_the_import_report_with_their_page(imported: dict[str, Path]) -> None:
    folder = imported["nl-water-2022/nl-water-2022.docx"]
    report = (folder / "import-report.md").read_text("utf-8")
    figures = yaml.safe_load((folder / "figures.yaml").read_text("utf-8"))

    assert re.search(r"- 第\d+頁：「十萬分之一」（分數，單位不明）", report)
    assert re.search(r"- 第\d+頁：「100年」（可能是民國年份，也可能是年數）", report)
    assert "12,580,000,000 元（exact）← 「12,580,000」" in report
    cell = next(f for f in figures if f["as_written"] == "12,580,000")
    assert (cell["value"], cell["unit"]) == (12_580_000_000, "元")
    assert not any(f["as_written"] in ("十萬分之一", "100年", "116年") for f in figures)


def test_lines_of_one_shape_at_page_edges_are_text_not_headers(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for n in range(140):  # rows that look alike, up to the top and bottom of every page
        pdf.multi_cell(0, 6, f"Row {n}: 12 sites, 350 officials.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "rows.pdf"))

    document = read(tmp_path / "rows.pdf")
    text = "\n".join(b.text for b in document.blocks if isinstance(b, Paragraph))

    assert document.pages >= 3 and document.notes == ()
    assert all(f"Row {n}: 12 sites" in text for n in range(140))
