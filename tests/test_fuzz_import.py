"""Fuzzing the importer (issue 22): random .docx, .odt and .txt structures (headings, paragraphs,
tables, any Unicode, any encoding) and random or damaged bytes in every format. Every case must
end in a content folder that ``check`` accepts, or in one located ``error:`` line (exit 2) with
no folder written; never an internal error, a hang or a temporary folder left behind.

The default run is small and bounded (a few seconds); the long one is marked slow:

    python -m pytest -m slow tests/test_fuzz_import.py --hypothesis-show-statistics
    HYPOTHESIS_PROFILE=long python -m pytest -m slow tests/test_fuzz_import.py   # 2,000 cases
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from _hostile import run
from _hostile_files import LINES, docx_report, odt_report
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing.content.report import load_report

#: Seconds one import may take (the machine may be busy).
BOUND = 60.0
LONG = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 200
_SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

# -- values ------------------------------------------------------------------------------------
#: Characters XML can hold (python-docx and odfdo refuse the others when a document is made).
XML_CHAR = st.characters(
    codec="utf-8", exclude_categories=["Cs"], exclude_characters="\ufffe\uffff"
).filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20)
ANY_CHAR = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)
HEADINGS = st.sampled_from(
    ["壹、目的", "貳、過程", "參、心得及建議", "一、會議", "(一)議程", "1. 背景", "附錄", "目次"]
)
SENTENCES = st.sampled_from(
    [
        *LINES,
        "參與人數約 1,200 人，預算 3.5 億元。",
        "113年5月1日至5月3日",
        "9e999 億元",
        "inf 人",
        "第一章\u2028第二章",
        "「智慧國家 2025」(Smart Nation 2025)",
    ]
)
LINE = st.one_of(HEADINGS, SENTENCES, SENTENCES, st.text(XML_CHAR, max_size=60))
ANY_LINE = st.one_of(LINE, st.text(ANY_CHAR, max_size=40))
ROWS = st.lists(st.lists(st.text(XML_CHAR, max_size=10), min_size=1, max_size=4), max_size=4)
BLOCK = st.one_of(LINE, LINE, LINE, ROWS.filter(bool))
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp950", "utf-16-be"])


def _docx(blocks: list[object], levels: list[int]) -> bytes:
    import docx

    document = docx.Document()
    for n, block in enumerate(blocks):
        if isinstance(block, list):
            width = max(len(row) for row in block)
            table = document.add_table(rows=len(block), cols=width)
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif levels[n % len(levels)]:
            document.add_heading(block, level=levels[n % len(levels)])
        else:
            document.add_paragraph(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt(blocks: list[object], levels: list[int]) -> bytes:
    from odfdo import Document, Header, Paragraph, Table

    document = Document("text")
    for n, block in enumerate(blocks):
        if isinstance(block, list):
            width = max(len(row) for row in block)
            table = Table(f"t{n}", width=width, height=len(block))
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.set_value((c, r), cell)
            document.body.append(table)
        elif levels[n % len(levels)]:
            document.body.append(Header(levels[n % len(levels)], block))
        else:
            document.body.append(Paragraph(block))
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "r.odt"
        document.save(str(path))
        return path.read_bytes()


def _text(lines: list[str], encoding: str) -> bytes:
    return "\n".join(lines).encode(encoding, errors="replace")


def _damaged(package: bytes, cuts: list[tuple[int, int]]) -> bytes:
    """``package`` with some bytes overwritten (a damaged download or a bad disk)."""
    data = bytearray(package)
    for where, value in cuts:
        data[where % len(data)] = value
    return bytes(data)


def _member_replaced(package: bytes, member: int, content: bytes) -> bytes:
    """``package`` (a zip) with one member's bytes replaced by ``content``."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        infos = source.infolist()
        chosen = infos[member % len(infos)].filename
        for info in infos:
            target.writestr(info, content if info.filename == chosen else source.read(info))
    return out.getvalue()


_BASE: dict[str, bytes] = {}


def _base(suffix: str) -> bytes:
    """A small real report in ``suffix`` format (made once)."""
    if suffix not in _BASE:
        with tempfile.TemporaryDirectory() as temp:
            maker = docx_report if suffix == ".docx" else odt_report
            _BASE[suffix] = maker(Path(temp) / f"r{suffix}").read_bytes()
    return _BASE[suffix]


PACKAGES = st.sampled_from([".docx", ".odt"])
STRUCTURE = st.tuples(st.lists(BLOCK, max_size=12), st.lists(st.integers(0, 4), min_size=1))
#: A case is a recipe for a file (kept small, so a failing case prints short).
CASES = st.one_of(
    st.tuples(st.just("docx"), STRUCTURE),
    st.tuples(st.just("odt"), STRUCTURE),
    st.tuples(st.just("txt"), st.tuples(st.lists(ANY_LINE, max_size=20), ENCODINGS)),
    st.tuples(
        st.just("damaged"),
        st.tuples(
            PACKAGES,
            st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
        ),
    ),
    st.tuples(st.just("member"), st.tuples(PACKAGES, st.integers(0, 50), st.binary(max_size=300))),
    st.tuples(
        st.just("bytes"),
        st.tuples(st.sampled_from([".docx", ".odt", ".txt", ".pdf"]), st.binary(max_size=2_000)),
    ),
)


def _file(case: tuple[str, tuple]) -> tuple[str, bytes]:  # type: ignore[type-arg]
    """(suffix, bytes) of the file ``case`` describes."""
    kind, args = case
    if kind == "docx":
        return ".docx", _docx(*args)
    if kind == "odt":
        return ".odt", _odt(*args)
    if kind == "txt":
        return ".txt", _text(*args)
    if kind == "damaged":
        return args[0], _damaged(_base(args[0]), args[1])
    if kind == "member":
        return args[0], _member_replaced(_base(args[0]), args[1], args[2])
    return args


def _check_one(case: tuple[str, tuple]) -> None:  # type: ignore[type-arg]
    suffix, data = _file(case)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        source = folder / f"report{suffix}"
        source.write_bytes(data)
        out = folder / "content"
        start = time.monotonic()

        code, said, err = run("import", str(source), "--out", str(out))

        elapsed = time.monotonic() - start
        event(f"{suffix}: exit {int(code)}")
        assert code in (0, 2), err
        assert elapsed < BOUND, f"{suffix} took {elapsed:.1f} s"
        if code == 0:
            assert load_report(out).sections  # what `check --content` runs
        else:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), err
            assert said == "" and not out.exists()
        assert [p.name for p in folder.iterdir() if p.name.startswith(".briefing-")] == []


@settings(max_examples=10, **_SETTINGS)
@given(CASES.filter(lambda case: case[1][0] != ".pdf"))  # a PDF starts a process: long run
def test_any_report_imports_to_a_checked_folder_or_a_located_error(
    case: tuple[str, tuple],  # type: ignore[type-arg]
) -> None:
    _check_one(case)


@pytest.mark.slow
@settings(max_examples=LONG, **_SETTINGS)
@given(CASES)
def test_any_report_imports_to_a_checked_folder_or_a_located_error_long(
    case: tuple[str, tuple],  # type: ignore[type-arg]
) -> None:
    _check_one(case)
