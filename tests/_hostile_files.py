"""Hostile reports and logos, made by the tests (no committed binaries): small real reports
in every format, zip packages with chosen members, hand-written PDFs and SVGs."""

from __future__ import annotations

import zipfile
from pathlib import Path

LINES = [
    "出國報告：參加智慧城市會議",
    "壹、目的",
    "本次出國目的為參加會議，了解各國推動數位政府的經驗。",
    "貳、過程",
    "會議期間拜訪三個機關，交流數位政府推動經驗，參與人數約 1,200 人。",
    "參、心得及建議",
    "建議持續推動資料治理，並於 2025 年前完成相關法規修訂。",
]


def text_report(path: Path, lines: list[str] | None = None, encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines or LINES) + "\n").encode(encoding))
    return path


def docx_report(path: Path, lines: list[str] | None = None) -> Path:
    import docx

    document = docx.Document()
    for line in lines or LINES:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def odt_report(path: Path, lines: list[str] | None = None) -> Path:
    from odfdo import Document
    from odfdo import Paragraph as OdfParagraph

    document = Document("text")
    for line in lines or LINES:
        document.body.append(OdfParagraph(line))
    document.save(str(path))
    return path


def with_members(source: Path, target: Path, **members: bytes) -> Path:
    """A copy of the zip ``source`` with members replaced or added (``word__document_xml``
    names ``word/document.xml``; a value of ``b""`` with the name ``drop__…`` removes it)."""
    named = {k.replace("__", "/").replace("_xml", ".xml"): v for k, v in members.items()}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in named or f"drop/{info.filename}" in named:
                continue
            new.writestr(info, old.read(info.filename))
        for name, data in named.items():
            if not name.startswith("drop/"):
                new.writestr(name, data)
    return target


ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
    "<office:body><office:text>{body}</office:text></office:body></office:document-content>"
)


def odt_with_body(source: Path, target: Path, body: str) -> Path:
    """The .odt ``source`` with its body replaced by the XML ``body``."""
    content = ODT_CONTENT.format(body=body).encode("utf-8")
    return with_members(source, target, content_xml=content)


# -- PDFs -------------------------------------------------------------------------------------
def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of numbered ``objects`` (1 is the catalogue) with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
    b"/Resources << /Font << /F1 %d 0 R >> >> >>"
)


def pdf_self_length() -> bytes:
    """About 600 bytes: a content stream whose /Length is an object that refers to itself
    (pdfminer resolves it for ever)."""
    content = b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE % (4, 5),
            b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"6 0 R",
        ]
    )


def pdf_pages(texts: list[str]) -> bytes:
    """A PDF with one line of Latin text (Helvetica) per page."""
    count = len(texts)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, text in enumerate(texts):
        stream = b"BT /F1 12 Tf 72 712 Td (" + text.encode("latin-1") + b") Tj ET"
        objects.append(_PAGE % (5 + 2 * i, 3))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_file(objects)


def pdf_unmapped_glyphs(lines: int = 12) -> bytes:
    """A PDF whose text is in a CID font with no ToUnicode map: every glyph is a number."""
    stream = (
        b"BT /F1 12 Tf 72 720 Td 14 TL "
        + b" ".join(
            b"<" + b"".join(b"%04X" % (3 + (i * 7 + j) % 40) for j in range(20)) + b"> Tj T*"
            for i in range(lines)
        )
        + b" ET"
    )
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE % (4, 5),
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Unmapped /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unmapped /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R "
            b"/DW 600 >>",
            b"<< /Type /FontDescriptor /FontName /Unmapped /Flags 4 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ]
    )
