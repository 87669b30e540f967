"""Trip reports as a user's tools would write them, for the importer's tests: a .docx
(python-docx), an .odt (odfdo) and a PDF with a text layer (fpdf2, in the bundled Noto Sans TC,
with a running header and page numbers), made from lines of text. A line may be a table: a list
of rows of cells."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.content.report import DEFAULT_REPORT, load_report
from briefing.importing.blocks import Paragraph, Table
from briefing.importing.readers import read

ROOT = Path(__file__).resolve().parents[1]
SOURCE = DEFAULT_REPORT / "source.zh-TW.txt"
FONT = ROOT / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"
Line = str | list[list[str]]


def source_lines() -> list[str]:
    """The bundled report's source text, a line each (blank lines dropped)."""
    return [
        line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def bundled_levels() -> dict[str, int]:
    """The heading lines of the bundled report (squashed) and their depth."""
    report = load_report()
    return {_squash(e.heading): e.level for e in report.outline if e.section.kind != "abstract"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def make_docx(lines: list[Line], path: Path, levels: dict[str, int] | None = None) -> Path:
    """A .docx with a paragraph per line; lines in ``levels`` get that Heading style."""
    import docx

    document = docx.Document()
    for line in lines:
        if isinstance(line, list):
            table = document.add_table(rows=len(line), cols=len(line[0]))
            for r, row in enumerate(line):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        level = (levels or {}).get(_squash(line))
        if level:
            document.add_heading(line, level=min(level, 9))
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def make_odt(lines: list[Line], path: Path, levels: dict[str, int] | None = None) -> Path:
    """An .odt with a paragraph per line; lines in ``levels`` become headings (text:h)."""
    from odfdo import Document, Header
    from odfdo import Paragraph as OdfParagraph
    from odfdo import Table as OdfTable

    document = Document("text")
    body = document.body
    for n, line in enumerate(lines):
        if isinstance(line, list):
            table = OdfTable(f"t{n}", width=len(line[0]), height=len(line))
            for r, row in enumerate(line):
                for c, cell in enumerate(row):
                    table.set_value((c, r), cell)
            body.append(table)
            continue
        level = (levels or {}).get(_squash(line))
        body.append(Header(level, line) if level else OdfParagraph(line))
    document.save(str(path))
    return path


def make_pdf(lines: list[Line], path: Path, header: str = "出國報告") -> Path:
    """A PDF (A4, lines wrapped at the margin, paragraphs spaced) with ``header`` at the top
    of every page and ``- N -`` at the bottom; table rows are lines of cells."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font("noto", size=9)
            self.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT", align="C")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("noto", size=9)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = _Pdf(format="A4")
    pdf.add_font("noto", "", str(FONT))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in lines:
        rows = line if isinstance(line, list) else [[line]]
        for row in rows:
            pdf.set_font("noto", size=12)
            text = "  ".join(row).replace("\t", "  ")
            text = re.sub("[\U0001f000-\U0001faff]", "", text)
            # Chinese word processors break lines at any character, so lines run to the margin
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def test_the_made_documents_read_back_as_they_were_written(tmp_path: Path) -> None:
    lines: list[Line] = ["壹、目的", "本文。", [["日期", "行程"], ["9月4日", "拜會"]]]
    levels = {"壹、目的": 1}

    docx_blocks = read(make_docx(lines, tmp_path / "a.docx", levels)).blocks
    odt_blocks = read(make_odt(lines, tmp_path / "a.odt", levels)).blocks

    for blocks in (docx_blocks, odt_blocks):
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        tables = [b for b in blocks if isinstance(b, Table)]
        assert [(p.text, p.level) for p in paragraphs] == [("壹、目的", 1), ("本文。", None)]
        assert tables[0].rows == (("日期", "行程"), ("9月4日", "拜會"))
