"""Two importer classes that left a stray number on a slide (issues 17, 18).

Footnotes: a PDF's footnote lines (small type at a page's foot, starting with a mark number,
maybe wrapped) and a .docx file's footnotes are kept out of the section text and listed in
``import-report.md``; the body's superscript marks are dropped. Readings on a named scale
(震度7, 規模7.3, 芮氏規模6.8, 第4級) are figures whose unit is the scale's word.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml

from briefing.cli import main as cli_main
from briefing.importing.blocks import Paragraph
from briefing.importing.figures import find_figures
from briefing.importing.readers import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reports"
FONT = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
BODY = "研究團隊訪談時觀察到韓國數位健康政策係由保健福祉部主責推動。"


def _footnote_pdf(path: Path) -> Path:
    """Two pages of 12 pt text, each with a raised 7 pt mark after its last sentence and a
    9 pt footnote at its foot wrapped onto a second line, a page number under it; a third
    page whose last line is 9 pt and numbered but runs on from the text (no gap), a fourth
    whose 9 pt numbered line at its foot no mark of the page cites: no footnotes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("noto", "", str(FONT))
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("noto", size=12)
        for i in range(5):
            pdf.text(20, 40 + i * 8, f"第{page}頁第{i + 1}行：{BODY}")
        pdf.text(20, 80, "特約機構近2萬9千家。")
        mark_x = 20 + pdf.get_string_width("特約機構近2萬9千家。")
        pdf.set_font("noto", size=7)
        pdf.text(mark_x, 78, str(page))  # the mark: small and raised
        pdf.set_font("noto", size=9)
        pdf.text(20, 262, f"{page} 韓國保健社會研究院，《2018年醫療資訊化現況調查》，第{page}版，")
        pdf.text(20, 267, "2019年出版。")
        pdf.text(100, 285, f"第 {page} 頁")
    pdf.add_page()
    pdf.set_font("noto", size=12)
    for i in range(5):
        pdf.text(20, 220 + i * 8, f"第3頁第{i + 1}行：{BODY}")
    pdf.set_font("noto", size=9)
    pdf.text(20, 258, "3 項指標均已達成。")
    pdf.text(100, 285, "第 3 頁")
    pdf.add_page()
    pdf.set_font("noto", size=12)
    for i in range(5):
        pdf.text(20, 40 + i * 8, f"第4頁第{i + 1}行：{BODY}")
    pdf.set_font("noto", size=9)
    pdf.text(20, 262, "4 項指標列於附錄，本頁未標註腳。")
    pdf.text(100, 285, "第 4 頁")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def footnote_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _footnote_pdf(tmp_path_factory.mktemp("pdf") / "footnotes.pdf")


def test_pdf_footnotes_leave_the_text_and_are_kept_as_footnotes(footnote_pdf: Path) -> None:
    document = read(footnote_pdf)
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]

    assert [(f.mark, f.text, f.page) for f in document.footnotes] == [
        ("1", "韓國保健社會研究院，《2018年醫療資訊化現況調查》，第1版，2019年出版。", 1),
        ("2", "韓國保健社會研究院，《2018年醫療資訊化現況調查》，第2版，2019年出版。", 2),
    ]
    assert [f.cited for f in document.footnotes] == ["特約機構近2萬9千家。"] * 2  # its mark's line
    assert not any("研究院" in text for text in texts)
    assert sum(text.endswith("特約機構近2萬9千家。") for text in texts) == 2  # marks dropped
    assert any(text.endswith("3 項指標均已達成。") for text in texts)  # no gap: the text's
    assert "4 項指標列於附錄，本頁未標註腳。" in texts  # no mark cites it: the text's


def _key(name: str) -> list[dict[str, str]]:
    key = yaml.safe_load((CORPUS / name / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    return list(key["footnotes"])


def _key_footnotes(name: str) -> list[tuple[str, str]]:
    return [(str(f["n"]), f["text"]) for f in _key(name)]


def test_docx_footnotes_are_the_answer_keys() -> None:
    name = "kr-smarthealth-2019"
    document = read(CORPUS / name / f"{name}.docx")

    assert [(f.mark, f.text) for f in document.footnotes] == _key_footnotes(name)


def test_odt_footnotes_leave_the_paragraph_that_cites_them(tmp_path: Path) -> None:
    from odfdo import Document, Header
    from odfdo import Paragraph as OdfParagraph

    odt = Document("text")
    odt.body.append(Header(1, "壹、目的"))
    cites = OdfParagraph("韓國數位健康政策之推動情形。")
    odt.body.append(cites)
    note = "韓國保健社會研究院，《2018年醫療資訊化現況調查》。"
    cites.insert_note(
        note_class="footnote", note_id="ftn1", citation="1", body=note, after="推動情形。"
    )
    odt.save(str(tmp_path / "notes.odt"))

    document = read(tmp_path / "notes.odt")

    assert [b.text for b in document.blocks] == ["壹、目的", "韓國數位健康政策之推動情形。"]
    assert [(f.mark, f.text, f.cited) for f in document.footnotes] == [
        ("1", note, "韓國數位健康政策之推動情形。")
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["kr-smarthealth-2019", "fr-oecd-2023"])
def test_corpus_pdf_footnotes_are_the_answer_keys_and_not_in_the_text(name: str) -> None:
    document = read(CORPUS / name / f"{name}.pdf")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]

    assert [(f.mark, f.text) for f in document.footnotes] == _key_footnotes(name)
    for _, text in _key_footnotes(name):
        assert not any(text in body for body in texts)


@pytest.mark.parametrize("suffix", ["docx", pytest.param("pdf", marks=pytest.mark.slow)])
def test_imported_footnotes_are_listed_in_the_report_not_the_sections(
    tmp_path: Path, suffix: str
) -> None:
    name = "kr-smarthealth-2019"
    out = tmp_path / "kr"
    stdout, stderr = io.StringIO(), io.StringIO()

    code = cli_main(
        ["import", str(CORPUS / name / f"{name}.{suffix}"), "--out", str(out)],
        stdout=stdout,
        stderr=stderr,
    )

    assert code == 0, stderr.getvalue()
    report = (out / "import-report.md").read_text(encoding="utf-8")
    sections = json.dumps(
        yaml.safe_load((out / "sections.yaml").read_text(encoding="utf-8")), ensure_ascii=False
    )
    assert "## 註腳（未放入章節內文）" in report
    for footnote in _key(name):
        mark, text, section = str(footnote["n"]), footnote["text"], footnote["section"]
        listed = re.search(rf"- 第\d+頁：{mark} {re.escape(text)}（見「(.+)」）\n", report)
        assert listed and section.endswith(listed.group(1)), (listed, section)
        assert text not in sections and text[:-1] not in sections  # key points drop the 。


@pytest.mark.parametrize(
    ("text", "value", "unit", "written", "hedge"),
    [
        ("考察團實際體驗震度7之搖晃模擬。", 7, "震度", "震度7", "exact"),
        ("最大震度7級。", 7, "震度", "震度7級", "exact"),
        ("花蓮發生規模7.3地震。", 7.3, "規模", "規模7.3", "exact"),
        ("當地發生芮氏規模6.8之地震。", 6.8, "芮氏規模", "芮氏規模6.8", "exact"),
        ("里氏規模6.4", 6.4, "里氏規模", "里氏規模6.4", "exact"),
        ("地震規模達7.0，", 7.0, "地震規模", "地震規模達7.0", "exact"),
        ("花蓮外海地震規模約7.3。", 7.3, "地震規模", "地震規模約7.3", "about"),
        ("中央氣象署發布第4級警報。", 4, "級", "第4級", "exact"),
        ("當地發生6級地震。", 6, "級", "6級", "exact"),
    ],
)
def test_a_reading_on_a_named_scale_is_a_figure_in_the_scale(
    text: str, value: float, unit: str, written: str, hedge: str
) -> None:
    found, doubts = find_figures(text)

    assert doubts == []
    assert [(f.value, f.unit, f.as_written, f.qualifier) for f in found] == [
        (value, unit, written, hedge)
    ]
    assert written in found[0].measure and found[0].measure in text


def test_a_reading_between_two_grades_is_a_doubt() -> None:
    found, doubts = find_figures("最大震度6強之搖晃，另一地震震度5弱。")

    assert found == []
    assert [d.as_written for d in doubts] == ["震度6強", "震度5弱"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("市場規模約5.2兆美元。", [(5.2e12, "美元")]),  # an amount: its own unit wins
        ("計畫規模3至5億元。", [(3e8, "元")]),
        ("設有二級機關。", []),
        ("所得分為6級距。", []),
    ],
)
def test_a_scale_word_before_an_amount_or_a_grade_word_is_no_reading(
    text: str, figures: list[tuple[float, str]]
) -> None:
    found, _ = find_figures(text)

    assert [(f.value, f.unit) for f in found] == figures
