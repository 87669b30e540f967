"""A long PDF read by two child processes side by side (issue 17's speed target): the same
pages in the same order as one reader, under the same bounds, refusals as one reader's; the
same bytes read again come from the process's cache, a changed file does not; a PDF the
command line starts reading before it loads the importer is the PDF read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _hostile_files import pdf_pages

from briefing import limits
from briefing.errors import SourceError
from briefing.importing.readers import pdfjob
from briefing.importing.readers.pdffile import page_content, read_pdf

PAGES = pdfjob.SPLIT_FROM + 3


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("split") / "long.pdf"
    path.write_bytes(pdf_pages([f"Chapter {n} of the long report." for n in range(1, PAGES + 1)]))
    return path


@pytest.fixture(autouse=True)
def _uncached() -> None:
    pdfjob.forget()


def read(path: Path, parts: int, monkeypatch: pytest.MonkeyPatch) -> list:  # type: ignore[type-arg]
    """The pages as ``parts`` child processes read them (not from the cache)."""
    pdfjob.forget()
    monkeypatch.setattr(pdfjob, "PARTS", parts)
    return pdfjob.pages(path, page_content)


@pytest.fixture(scope="module")
def one_reader(long_pdf: Path) -> list:  # type: ignore[type-arg]
    """The long PDF's pages as one child process reads them."""
    pdfjob.forget()
    pdfjob.PARTS = 1
    try:
        return pdfjob.pages(long_pdf, page_content)
    finally:
        pdfjob.PARTS = None
        pdfjob.forget()


def test_two_readers_give_the_pages_of_one_in_order(
    long_pdf: Path,
    one_reader: list,  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    two = read(long_pdf, 2, monkeypatch)
    assert [page.lines[0].text for page, _ in two] == [
        f"Chapter {n} of the long report." for n in range(1, PAGES + 1)
    ]
    assert two == one_reader
    assert read_pdf(long_pdf).pages == PAGES  # from the cache: the document of those pages


def test_the_shares_cover_every_page_once_in_order() -> None:
    for count in (0, 1, pdfjob.SPLIT_FROM - 1, pdfjob.SPLIT_FROM, 57, 58):
        for parts in (1, 2, 3):
            shares = [pdfjob.share(count, k, parts) for k in range(parts)]
            assert [n for s in shares for n in s] == list(range(count))
    assert len(pdfjob.share(pdfjob.SPLIT_FROM - 1, 1, 2)) == 0  # a short PDF: one reader
    assert len(pdfjob.share(58, 0, 2)) == len(pdfjob.share(58, 1, 2)) == 29


def test_the_page_bound_holds_in_each_reader(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", PAGES - 1)
    with pytest.raises(SourceError, match=rf"over {PAGES - 1} pages.*MAX_PDF_PAGES"):
        read(long_pdf, 2, monkeypatch)


def test_the_same_bytes_read_again_come_from_the_cache_a_changed_file_is_read_anew(
    tmp_path: Path,
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_pages(["First version."]))
    first = pdfjob.pages(path, page_content)
    first[0][0].lines.clear()  # what a caller does to its pages does not reach the cache
    started = time.perf_counter()
    again = pdfjob.pages(path, page_content)
    assert time.perf_counter() - started < 0.05  # no child process started
    assert [line.text for line in again[0][0].lines] == ["First version."]
    path.write_bytes(pdf_pages(["Second version."]))
    assert [line.text for line in pdfjob.pages(path, page_content)[0][0].lines] == [
        "Second version."
    ]


def test_a_prefetched_pdf_is_the_pdf_read_and_the_prefetch_is_used_once(
    long_pdf: Path,
    one_reader: list,  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdfjob, "PARTS", 2)
    pdfjob.prefetch(long_pdf)
    assert len(pdfjob._PENDING) == 1  # children started before anyone asked for the pages
    assert pdfjob.pages(long_pdf, page_content) == one_reader
    assert not pdfjob._PENDING


def test_nothing_is_prefetched_for_a_file_the_guard_refuses_or_another_format(
    tmp_path: Path,
) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK")
    too_large = tmp_path / "large.pdf"
    with too_large.open("wb") as stream:
        stream.truncate(limits.MAX_REPORT_BYTES + 1)
    for path in (tmp_path / "missing.pdf", tmp_path / "report.docx", tmp_path, too_large):
        pdfjob.prefetch(path)
    assert not pdfjob._PENDING


def test_a_prefetch_nobody_reads_is_stopped(long_pdf: Path) -> None:
    pdfjob.prefetch(long_pdf)
    children = [child for started, _ in pdfjob._PENDING.values() for child in started]
    pdfjob._abandon()
    assert not pdfjob._PENDING
    assert all(child.returncode is not None for child in children)
