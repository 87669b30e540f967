"""Hostile and unlucky reports to import (issue 22): every refusal is exit 2 with one located
line, quick, and changes no file; the folder an import writes is all new or all old, never a
mix, and one ``check`` accepts.

Classes: 1-2 the folder written whole (refused, replaced, killed midway); 5-6 bounds on every
reader; 8 no FIFOs or devices; 9 malformed packages; 10 output held to ``check``'s rules;
11 an import that finds nothing.
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from _hostile import files_in, refused, run
from _hostile_files import (
    LINES,
    docx_report,
    odt_report,
    odt_with_body,
    pdf_pages,
    pdf_self_length,
    pdf_unmapped_glyphs,
    text_report,
    with_members,
)

from briefing import limits
from briefing.content.report import load_report
from briefing.errors import Terminated
from briefing.importing import writer

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices, signals")


def imported(source: Path, out: Path, *more: str) -> str:
    """Import ``source`` into ``out``; the command's output (it must succeed)."""
    code, said, err = run("import", str(source), "--out", str(out), *more)
    assert code == 0, err
    return said


# -- 1-2: the folder is written whole, beside the target, and never over one by accident -----
def test_an_existing_folder_is_refused_and_kept_as_it_was(tmp_path: Path) -> None:
    source = text_report(tmp_path / "report.txt")
    folder = tmp_path / "content"
    imported(source, folder)
    (folder / "sections.yaml").write_text("# edited by hand\n- id: mine\n", encoding="utf-8")
    (folder / "initiatives.yaml").write_text("[]\n", encoding="utf-8")

    refused(tmp_path, ["import", str(source), "--out", str(folder)], r"--out: .*--replace")

    assert (folder / "initiatives.yaml").exists()


def test_replace_swaps_the_whole_folder_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    source = text_report(tmp_path / "report.txt")
    folder = tmp_path / "content"
    imported(source, folder)
    (folder / "notes-by-hand.txt").write_text("old", encoding="utf-8")
    first = files_in(folder)

    imported(source, folder, "--replace")

    assert not (folder / "notes-by-hand.txt").exists()  # the old folder went whole
    assert set(files_in(folder)) == set(first) - {"notes-by-hand.txt"}
    assert load_report(folder).sections
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".briefing-")] == []


@posix_only
def test_a_link_to_a_folder_as_the_target_writes_and_replaces_that_folder(tmp_path: Path) -> None:
    source = text_report(tmp_path / "report.txt")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")

    imported(source, tmp_path / "link")
    imported(source, tmp_path / "link", "--replace")

    assert (tmp_path / "link").is_symlink() and load_report(tmp_path / "real").sections
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real", "report.txt"]


@pytest.mark.parametrize("replace", [[], ["--replace"]])
def test_a_report_inside_the_target_folder_is_never_overwritten(
    tmp_path: Path, replace: list[str]
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    source = text_report(folder / writer.SOURCE_FILE)  # named like the text an import writes

    refused(
        tmp_path,
        ["import", str(source), "--out", str(folder), *replace],
        r"--out: the report being imported is in this folder",
    )


@posix_only
def test_an_import_stopped_while_writing_leaves_the_old_folder_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = text_report(tmp_path / "report.txt")
    folder = tmp_path / "content"
    imported(source, folder)
    before = files_in(folder)
    real = writer.write_folder

    def stopped_midway(temp: Path, *args: object) -> None:
        real(temp, *args)  # type: ignore[arg-type]
        raise Terminated(15)  # SIGTERM after every file is written, before the swap

    monkeypatch.setattr(writer, "write_folder", stopped_midway)

    code, _, err = run("import", str(source), "--out", str(folder), "--replace")

    assert code == 143, err
    assert files_in(folder) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".briefing-")] == []


def test_a_full_disk_midway_leaves_the_old_folder_and_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from briefing import files

    source = text_report(tmp_path / "report.txt")
    folder = tmp_path / "content"
    imported(source, folder)
    real, written = files.write_atomic, []

    def disk_fills(path: Path, data: bytes, **kw: bool) -> None:
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(path)
        real(path, data, **kw)

    monkeypatch.setattr(files, "write_atomic", disk_fills)

    refused(
        tmp_path,
        ["import", str(source), "--out", str(folder), "--replace"],
        r"content: --out: cannot write the folder: No space left on device",
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".briefing-")] == []


def test_a_folder_left_by_a_killed_import_is_removed_by_the_next(tmp_path: Path) -> None:
    source = text_report(tmp_path / "report.txt")
    stale = tmp_path / ".briefing-0badf00d.part"
    stale.mkdir()
    (stale / "sections.yaml").write_text("half", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".briefing-00c0ffee.part"  # another import at work right now
    fresh.mkdir()

    imported(source, tmp_path / "content")

    assert not stale.exists() and fresh.exists()


@posix_only
@pytest.mark.slow
def test_sigterm_at_any_moment_of_an_import_leaves_old_or_new_never_a_mix(tmp_path: Path) -> None:
    import signal
    import subprocess

    source = docx_report(tmp_path / "report.docx", LINES * 40)
    folder = tmp_path / "content"
    imported(source, folder)
    (folder / "mark.txt").write_text("old", encoding="utf-8")
    old = files_in(folder)
    main = Path(__file__).resolve().parents[1] / "main.py"
    command = [sys.executable, str(main), "import", str(source), "--out", str(folder)]
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0):
        job = subprocess.Popen([*command, "--replace"], stderr=subprocess.PIPE)
        time.sleep(delay)
        job.send_signal(signal.SIGTERM)
        job.communicate(timeout=60)
        now = files_in(folder)
        if now == old:
            outcomes.add("old")
        else:
            assert "mark.txt" not in now
            assert load_report(folder).sections
            outcomes.add("new")
            (folder / "mark.txt").write_text("old", encoding="utf-8")
            old = files_in(folder)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".briefing-")] == []
    assert outcomes


@pytest.mark.parametrize(
    ("out", "pattern"),
    [
        ("taken", r"taken: --out: this is a file"),
        ("taken/x/y", r"y: --out: .*taken is not a folder"),
    ],
)
def test_an_out_path_that_is_a_file_is_refused(tmp_path: Path, out: str, pattern: str) -> None:
    source = text_report(tmp_path / "report.txt")
    (tmp_path / "taken").write_text("a file", encoding="utf-8")

    refused(tmp_path, ["import", str(source), "--out", str(tmp_path / out)], pattern)


@posix_only
def test_an_out_path_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    source = text_report(tmp_path / "report.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root writes anywhere
        pytest.skip("running as root")
    try:
        refused(
            tmp_path,
            ["import", str(source), "--out", str(locked / "content")],
            r"--out: the folder .*locked is not writable",
        )
    finally:
        locked.chmod(0o700)


# -- 5-6: bounds on every reader --------------------------------------------------------------
def test_a_docx_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    plain = docx_report(tmp_path / "plain.docx")
    bomb = with_members(plain, tmp_path / "bomb.docx", word__media__zeros_bin=b"\0" * 20_000_000)
    assert bomb.stat().st_size < 200_000

    refused(tmp_path, ["import", str(bomb)], r"bomb\.docx: .*MAX_ZIP_RATIO")


@pytest.mark.parametrize(
    ("body", "bound"),
    [
        (
            '<table:table table:name="t"><table:table-row table:number-rows-repeated="16384">'
            '<table:table-cell table:number-columns-repeated="1048576"/></table:table-row>'
            "</table:table>",
            "MAX_TABLE_CELLS",
        ),
        (
            '<table:table table:name="t"><table:table-column '
            'table:number-columns-repeated="99999999"/></table:table>',
            "MAX_TABLE_CELLS",
        ),
        ('<text:p>a<text:s text:c="1000000000"/>b</text:p>', "MAX_REPORT_CHARS"),
    ],
    ids=["rows-x-columns", "columns", "spaces"],
)
def test_an_odt_whose_repeats_expand_without_end_is_refused(
    tmp_path: Path, body: str, bound: str
) -> None:
    bomb = odt_with_body(odt_report(tmp_path / "plain.odt"), tmp_path / "bomb.odt", body)
    assert bomb.stat().st_size < 20_000

    refused(tmp_path, ["import", str(bomb), "--out", str(tmp_path / "x")], f"bomb\\.odt: .*{bound}")


def test_a_word_column_span_bomb_is_refused(tmp_path: Path) -> None:
    plain = docx_report(tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    span = (
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="10000000"/></w:tcPr><w:p/></w:tc>'
        "</w:tr></w:tbl>"
    )
    bomb = with_members(
        plain,
        tmp_path / "span.docx",
        word__document_xml=xml.replace("<w:body>", "<w:body>" + span).encode(),
    )

    refused(tmp_path, ["import", str(bomb)], r"span\.docx: .*MAX_TABLE_CELLS")


def test_an_xml_part_with_entities_is_refused(tmp_path: Path) -> None:
    plain = docx_report(tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    doctype = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
    evil = xml.replace("?>", "?>" + doctype, 1).encode("utf-8")
    bomb = with_members(plain, tmp_path / "ent.docx", word__document_xml=evil)

    refused(tmp_path, ["import", str(bomb)], r"ent\.docx: 'word/document\.xml' declares a DOCTYPE")


@pytest.mark.parametrize(
    ("bound", "value", "make", "pattern"),
    [
        ("MAX_ZIP_MEMBERS", 5, "docx", "MAX_ZIP_MEMBERS"),
        ("MAX_XML_PART", 2_000, "docx", "MAX_XML_PART"),
        ("MAX_XML_NODES", 50, "odt", "MAX_XML_NODES"),
        ("MAX_REPORT_CHARS", 40, "txt", "MAX_REPORT_CHARS"),
        ("MAX_REPORT_BLOCKS", 5, "odt", "MAX_REPORT_BLOCKS"),
        ("MAX_REPORT_BYTES", 1_000, "docx", "MAX_REPORT_BYTES"),
    ],
)
def test_each_bound_names_itself_and_how_to_proceed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bound: str, value: int, make: str, pattern: str
) -> None:
    makers = {"docx": docx_report, "odt": odt_report, "txt": text_report}
    source = makers[make](tmp_path / f"report.{make}")
    monkeypatch.setattr(limits, bound, value)

    line = refused(tmp_path, ["import", str(source)], f"{pattern} in briefing/limits.py\\): ")

    assert "at most" in line


@posix_only
def test_a_200_mb_text_file_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(200_000_000)  # sparse: no 200 MB written
    start = time.monotonic()

    code, out, err = run("import", str(big))

    assert code == 2 and out == ""
    assert err.startswith(f"error: {big}: the file is 200,000,000 bytes; at most 20,000,000 (MAX_")
    assert time.monotonic() - start < 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_a_pdf_whose_length_refers_to_itself_is_stopped_by_the_page_time_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(pdf_self_length())
    assert pdf.stat().st_size < 700
    monkeypatch.setattr(limits, "PDF_PAGE_SECONDS", 0.5)  # the child gets the bound too

    refused(tmp_path, ["import", str(pdf)], r"loop\.pdf: page 1 took over .*PDF_PAGE_SECONDS")


@pytest.mark.slow
def test_a_pdf_whose_length_refers_to_itself_is_stopped_at_the_real_bound(tmp_path: Path) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(pdf_self_length())

    refused(tmp_path, ["import", str(pdf)], r"loop\.pdf: page 1 took over 20 seconds")


def test_a_pdf_over_the_object_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(pdf_pages(["Chapter one.", "Chapter two."]))
    monkeypatch.setattr(limits, "MAX_PDF_OBJECTS", 4)

    refused(tmp_path, ["import", str(pdf)], r"many\.pdf: the PDF has over 4 objects.*MAX_PDF_OBJ")


def test_a_pdf_over_the_page_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(pdf_pages(["Chapter one.", "Chapter two.", "Chapter three."]))
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)

    refused(tmp_path, ["import", str(pdf)], r"long\.pdf: the PDF has over 2 pages.*MAX_PDF_PAGES")


# -- 8: only regular files --------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_as_the_report_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        source = tmp_path / "report.txt"
        os.mkfifo(source)
        pattern = r"report\.txt: a FIFO \(named pipe\), not a regular file"
    else:
        source = Path("/dev/zero")
        pattern = r"/dev/zero: a character device, not a regular file"

    refused(tmp_path, ["import", str(source), "--out", str(tmp_path / "x")], pattern)


# -- 9: malformed packages --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "members", "pattern"),
    [
        ("docx", {"word__document_xml": b"<w:document"}, r"bad\.docx: "),
        ("docx", {"drop__word__document_xml": b""}, r"bad\.docx: "),
        ("docx", {"drop__[Content_Types]_xml": b""}, r"bad\.docx: "),
        ("odt", {"content_xml": b"<office:document-content"}, r"bad\.odt: "),
        ("odt", {"drop__content_xml": b""}, r"bad\.odt: "),
        ("odt", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, r"bad\.odt: "),
    ],
    ids=["docx-cut", "docx-no-body", "docx-no-types", "odt-cut", "odt-no-content", "odt-sheet"],
)
def test_a_malformed_package_is_a_located_error_not_an_internal_one(
    tmp_path: Path, make: str, members: dict[str, bytes], pattern: str
) -> None:
    plain = (docx_report if make == "docx" else odt_report)(tmp_path / f"plain.{make}")
    bad = with_members(plain, tmp_path / f"bad.{make}", **members)

    refused(tmp_path, ["import", str(bad), "--out", str(tmp_path / "x")], pattern)


# -- 10: what an import writes, check accepts -------------------------------------------------
def test_control_characters_separators_and_long_paragraphs_are_cleaned_and_checked(
    tmp_path: Path,
) -> None:
    long_paragraph = "這是一個很長的段落，內容重複。" * 1_400  # 21,000 characters
    lines = [
        *LINES[:3],
        "本段含有\x00空字元\x1b與\u2028分行符號及\ufffe等字元。",
        long_paragraph,
        *LINES[3:],
    ]
    source = text_report(tmp_path / "re\nport.txt", lines)

    imported(source, tmp_path / "content")

    load_report(tmp_path / "content")  # what `check --content` runs on a folder
    text = "".join(
        (tmp_path / "content" / name).read_text(encoding="utf-8")
        for name in ("sections.yaml", "source.txt")
    )
    assert not any(ch in text for ch in "\x00\x1b\u2028\ufffe")
    sections = (tmp_path / "content" / "sections.yaml").read_text(encoding="utf-8")
    assert "re?port.txt" in sections.splitlines()[0]  # the newline did not end the comment
    paragraphs = [p for s in load_report(tmp_path / "content").sections for p in s.paragraphs]
    assert max(len(p) for p in paragraphs) <= limits.MAX_TEXT
    assert "".join(p for p in paragraphs if "很長的段落" in p) == long_paragraph


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_text_is_not_taken_for_utf16(tmp_path: Path, encoding: str) -> None:
    source = text_report(tmp_path / "report.txt", encoding=encoding)

    imported(source, tmp_path / "content")

    assert LINES[2] in (tmp_path / "content" / "source.txt").read_text(encoding="utf-8")


def test_non_finite_and_duplicate_figures_are_dropped_or_renamed() -> None:
    from briefing.importing import sanitise

    notes: list[str] = []
    data = {
        "figures": [
            {"id": "visitors", "value": 1.0},
            {"id": "visitors", "value": 2.0},
            {"id": "huge", "value": float("inf")},
            {"id": "nothing", "value": float("nan")},
        ]
    }

    cleaned = sanitise.records(data, notes)

    assert [f["id"] for f in cleaned["figures"]] == ["visitors", "visitors-2"]
    assert len(notes) == 2


def test_a_folder_check_would_refuse_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = text_report(tmp_path / "report.txt")
    real = writer.write_folder

    def duplicate_ids(temp: Path, *args: object) -> None:
        real(temp, *args)  # type: ignore[arg-type]
        sections = temp / "sections.yaml"
        text = sections.read_text(encoding="utf-8")
        sections.write_text(text + text.split("\n", 3)[3], encoding="utf-8")  # ids twice

    monkeypatch.setattr(writer, "write_folder", duplicate_ids)

    line = refused(
        tmp_path,
        ["import", str(source), "--out", str(tmp_path / "c")],
        r"fails check: .*c/sections\.yaml:\d+: ",
    )

    assert "nothing was written" in line
    assert not (tmp_path / "c").exists()


# -- 11: an import that finds nothing ---------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"\n \n\t\n"),
        ("title.txt", "出國報告：參加會議\n".encode()),
        ("table.txt", "項目\t數量\t單位\n人數\t12\t人\n天數\t5\t天\n".encode()),
    ],
)
def test_a_report_with_no_text_is_refused(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)

    refused(
        tmp_path, ["import", str(tmp_path / name)], f"{name}: found (only a title|no paragraphs)"
    )


def test_an_empty_docx_is_refused(tmp_path: Path) -> None:
    import docx

    docx.Document().save(str(tmp_path / "empty.docx"))

    refused(tmp_path, ["import", str(tmp_path / "empty.docx")], r"empty\.docx: found no paragraphs")


def test_a_pdf_whose_glyphs_map_to_no_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cid.pdf").write_bytes(pdf_unmapped_glyphs())

    refused(tmp_path, ["import", str(tmp_path / "cid.pdf")], r"cid\.pdf: .*fonts do not map")
