"""The PDF text layer read in a process of its own, under a time bound.

pdfminer is pure Python and can loop or recurse for ever on a crafted file (a stream whose
``/Length`` refers to itself, a page tree that contains itself); a thread cannot be stopped, so
:func:`pages` runs ``python -m briefing.importing.readers.pdfjob FILE`` and kills it when it
takes longer than ``PDF_SECONDS`` in all. Inside, each page has ``PDF_PAGE_SECONDS`` (an alarm)
and the document at most ``MAX_PDF_PAGES`` pages; the child's memory is capped too (POSIX).
The child sends back the lines of each page (pickled :class:`~.pdffile.Line` objects) or one
line of error, so the parent's SourceError says which bound and how to proceed.

A long PDF (``SPLIT_FROM`` pages or more) is read by two children side by side when a second
core is idle, each under the same bounds, the first reading the first half of the pages; the
pages come back in order, and the first child's refusal is the one reported, as one reader
would have met it first. The command line starts the children before it loads the importer
(:func:`prefetch`); the pages of bytes already read come from a cache of the process.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import limits
from briefing.errors import SourceError

if TYPE_CHECKING:
    from collections.abc import Callable

_ROOT = Path(__file__).resolve().parents[3]
_MEMORY = 3_000_000_000  # bytes of address space for the child (POSIX)
_FAILED = 3  # the child's exit status for a located refusal (its stderr is the message)
SPLIT_FROM = 20  # pages: a shorter PDF is read by one child (a second costs ~0.15 s to start)
PARTS: int | None = None  # children reading a PDF side by side; None: by pages, cores and load
_ADVICE = "import the Word or ODF original, or print the PDF to a new PDF and import that"


def pages(path: Path, lines_of: Callable[[Any, int], Any]) -> list[Any]:
    """What ``lines_of(page, number)`` makes of each page of the PDF at ``path``, read in a
    child process under the bounds above (in this process when frozen into an app, where there
    is no interpreter); a long one by two children, half the pages each (see above). The same
    bytes read again under the same bounds (an import retried, or replaced) come from a cache
    of this process (:func:`forget` empties it)."""
    data = path.read_bytes()
    key = _key(data, lines_of)
    cached = _CACHE.get(key)
    if cached is not None:
        return pickle.loads(cached)  # noqa: S301 - pickled here, from our own child
    if getattr(sys, "frozen", False):
        found = read_pages(path, lines_of)
    else:
        found = _children(path, _PENDING.pop(key, None) or _start(path, data))
    _remember(key, pickle.dumps(found))
    return found


def prefetch(path: Path) -> None:
    """Start reading the PDF at ``path`` now, in the background: the command line calls this
    before it loads the importer, so the children read while it does; :func:`pages` for the
    same bytes and bounds then waits for them. Nothing for a file the guard will refuse (a
    FIFO, too large), one already cached, or in a frozen app."""
    if getattr(sys, "frozen", False) or path.suffix.lower() != ".pdf":
        return
    from briefing.importing.readers import guard

    try:
        guard.check_file(path)
        data = path.read_bytes()
    except (SourceError, OSError):
        return  # the import itself says why
    key = _key(data, _PAGE_CONTENT)
    if key not in _CACHE and key not in _PENDING:
        if not _PENDING:
            atexit.register(_abandon)
        _PENDING[key] = _start(path, data)


def forget() -> None:
    """Empty the cache of PDFs read (the next import reads the file anew)."""
    _CACHE.clear()


_CACHE: dict[tuple[object, ...], bytes] = {}
_CACHE_LOCK = threading.Lock()
_CACHED_FILES = 4
_CACHED_BYTES = 64_000_000  # a larger result (pictures) is not kept


_Started = tuple[list["subprocess.Popen[bytes]"], float]  # the children, their deadline
_PENDING: dict[tuple[object, ...], _Started] = {}
_PAGE_CONTENT = ("briefing.importing.readers.pdffile", "page_content")  # what the child makes


def _abandon() -> None:
    """Stop the children of prefetches nobody read (the import failed before reading)."""
    for children, _ in _PENDING.values():
        _stop(children)
        for child in children:
            child.communicate()  # reaped, its pipes closed
    _PENDING.clear()


def _key(data: bytes, lines_of: Callable[[Any, int], Any] | tuple[str, str]) -> tuple[object, ...]:
    bounds = (limits.PDF_PAGE_SECONDS, limits.MAX_PDF_PAGES, limits.MAX_PDF_OBJECTS)
    reader = (
        lines_of if isinstance(lines_of, tuple) else (lines_of.__module__, lines_of.__qualname__)
    )
    return (hashlib.sha256(data).digest(), *bounds, *reader)


def _remember(key: tuple[object, ...], pickled: bytes) -> None:
    if len(pickled) > _CACHED_BYTES:
        return
    with _CACHE_LOCK:  # the app imports in a worker thread
        while len(_CACHE) >= _CACHED_FILES:
            del _CACHE[next(iter(_CACHE))]  # the oldest
        _CACHE[key] = pickled


def _start(path: Path, data: bytes) -> _Started:
    """One child process or two (see above) started on the PDF, and when they must be done."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_ROOT), _pythonpath()])))
    bounds = [
        str(b) for b in (limits.PDF_PAGE_SECONDS, limits.MAX_PDF_PAGES, limits.MAX_PDF_OBJECTS)
    ]
    parts = PARTS or _parts(data)
    command = [sys.executable, "-m", "briefing.importing.readers.pdfjob", str(path), *bounds]
    deadline = time.monotonic() + limits.PDF_SECONDS
    children = [
        subprocess.Popen(  # noqa: S603
            [*command, str(k), str(parts)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for k in range(parts)
    ]
    return children, deadline


def _children(path: Path, started: _Started) -> list[Any]:
    """The pages the children read, in order; the first one's refusal if any refused."""
    found: list[Any] = []
    for done in _run_all(*started):
        found += _result(done, path)
    return found


def _parts(data: bytes) -> int:
    """Two children for a PDF of ``SPLIT_FROM`` pages or more (counted in its bytes; when
    they are compressed, perhaps) unless the cores are busy (a load average within half a
    process of their number), else one: on a busy machine a second process only adds its
    start-up."""
    cores = os.cpu_count() or 1
    load = getattr(os, "getloadavg", None)  # POSIX
    with contextlib.suppress(OSError):
        if cores < 2 or (load is not None and load()[0] > cores - 0.5):
            return 1
    if b"/ObjStm" in data:  # page objects may be compressed out of sight: the children count
        return 2
    return 2 if len(_PAGE_OBJECT.findall(data)) >= SPLIT_FROM else 1


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _run_all(children: list[subprocess.Popen[bytes]], deadline: float) -> list[_Done | None]:
    """The children's exit status, stdout and stderr (None for one out of time), up to the
    first that failed: the others are stopped then, as a reader of the whole file stops at
    its first bad page. All share one deadline, ``PDF_SECONDS`` after they started."""
    from concurrent.futures import ThreadPoolExecutor

    out: list[_Done | None] = []
    try:
        with ThreadPoolExecutor(len(children)) as pool:
            waits = [pool.submit(_wait, child, deadline) for child in children]
            for wait in waits:
                out.append(wait.result())
                if out[-1] is None or out[-1][0] != 0:
                    _stop(children)
                    break
    finally:
        _stop(children)
    return out


_Done = tuple[int, bytes, bytes]


def _wait(child: subprocess.Popen[bytes], deadline: float) -> _Done | None:
    try:
        stdout, stderr = child.communicate(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return None
    return child.returncode, stdout, stderr


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.kill()


def _result(done: _Done | None, path: Path) -> list[Any]:
    """One child's pages, or the SourceError it ended with."""
    if done is None:
        found = f"reading the PDF took over {limits.PDF_SECONDS:.0f} seconds"
        raise SourceError(
            limits.over("PDF_SECONDS", found, f"{limits.PDF_SECONDS:.0f} s", _ADVICE), file=path
        )
    returncode, stdout, stderr = done
    if returncode == 0:
        return pickle.loads(stdout)  # noqa: S301 - our own child's output
    message = stderr.decode("utf-8", "replace").strip().splitlines()
    if returncode == _FAILED and message:
        raise SourceError(" ".join(message), file=path)
    reason = f"signal {-returncode}" if returncode < 0 else f"status {returncode}"
    raise SourceError(
        f"cannot read the PDF (the reader stopped with {reason}, out of memory?); {_ADVICE}",
        file=path,
    )


def _pythonpath() -> str:
    return os.environ.get("PYTHONPATH", "")


def read_pages(
    path: Path, lines_of: Callable[[Any, int], Any], part: int = 0, parts: int = 1
) -> list[Any]:
    """What ``lines_of(page, number)`` makes of each page of share ``part`` of ``parts`` (see
    :func:`share`), read here: a PDF of over ``MAX_PDF_PAGES`` pages refused, each page read
    within ``PDF_PAGE_SECONDS`` where an alarm can be set (the main thread, POSIX).

    The document is parsed once, and each page's glyphs, paths and images are gathered
    without pdfminer's layout analysis (``laparams=None`` given to the aggregator itself:
    ``extract_pages`` puts default parameters in its place, and grouping every glyph into text
    boxes that nothing reads was over a third of the reading time)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfparser import PDFParser

    found: list[Any] = []
    with _alarm() as rearm, path.open("rb") as stream:
        document = PDFDocument(PDFParser(stream))
        _count_objects(path, document)
        every = _page_list(path, document)
        numbers = share(len(every), part, parts)
        rearm(numbers.start + 1)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        interpreter = PDFPageInterpreter(resources, device)
        for number in numbers:
            interpreter.process_page(every[number])
            found.append(lines_of(device.get_result(), number + 1))
            rearm(number + 2)
    return found


def share(count: int, part: int, parts: int) -> range:
    """The pages (from 0) that reader ``part`` of ``parts`` reads: a run of about
    ``count / parts`` pages, in order; a PDF of under ``SPLIT_FROM`` pages is read by the first
    alone (a second process would cost more than it saves)."""
    if count < SPLIT_FROM:
        return range(count) if part == 0 else range(0)
    return range(count * part // parts, count * (part + 1) // parts)


def _page_list(path: Path, document: Any) -> list[Any]:
    """The document's pages; SourceError past ``MAX_PDF_PAGES``."""
    from pdfminer.pdfpage import PDFPage

    every: list[Any] = []
    for page in PDFPage.create_pages(document):
        if len(every) >= limits.MAX_PDF_PAGES:
            count = f"the PDF has over {limits.MAX_PDF_PAGES:,} pages"
            raise SourceError(
                limits.over("MAX_PDF_PAGES", count, f"{limits.MAX_PDF_PAGES:,}", _ADVICE),
                file=path,
            )
        every.append(page)
    return every


def _count_objects(path: Path, document: Any) -> None:
    """Refuse a PDF whose cross-reference tables list over ``MAX_PDF_OBJECTS`` objects."""
    count = 0
    for xref in document.xrefs:
        for _ in xref.get_objids():
            count += 1
            if count > limits.MAX_PDF_OBJECTS:
                found = f"the PDF has over {limits.MAX_PDF_OBJECTS:,} objects"
                bound = f"{limits.MAX_PDF_OBJECTS:,}"
                raise SourceError(limits.over("MAX_PDF_OBJECTS", found, bound, _ADVICE), file=path)


class _PageTooSlow(Exception):  # noqa: N818 - raised by the alarm
    pass


@contextlib.contextmanager
def _alarm() -> Any:
    """A ``rearm(page)`` that gives the next page ``PDF_PAGE_SECONDS``; a no-op where alarms
    are not available (Windows, a thread other than the main one)."""
    page = [1]
    usable = hasattr(signal, "setitimer") and _main_thread()
    if not usable:
        yield lambda n: None
        return

    def ring(signum: int, frame: object) -> None:
        raise _PageTooSlow(page[0])

    def rearm(n: int) -> None:
        page[0] = n
        signal.setitimer(signal.ITIMER_REAL, limits.PDF_PAGE_SECONDS)

    previous = signal.signal(signal.SIGALRM, ring)
    rearm(1)
    try:
        yield rearm
    except _PageTooSlow as exc:
        found = f"page {exc.args[0]} took over {limits.PDF_PAGE_SECONDS:.0f} seconds to read"
        raise SourceError(
            limits.over("PDF_PAGE_SECONDS", found, f"{limits.PDF_PAGE_SECONDS:.0f} s", _ADVICE)
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _cap_memory() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))


def main(argv: list[str]) -> int:
    """The child: read the PDF named in ``argv``, write the pickled pages to stdout."""
    from briefing.importing.readers.pdffile import page_content

    _cap_memory()
    sys.setrecursionlimit(5_000)
    limits.PDF_PAGE_SECONDS = float(argv[1])
    limits.MAX_PDF_PAGES, limits.MAX_PDF_OBJECTS = int(argv[2]), int(argv[3])
    part, parts = (int(argv[4]), int(argv[5])) if len(argv) > 5 else (0, 1)
    try:
        result = read_pages(Path(argv[0]), page_content, part, parts)
    except SourceError as exc:
        print(exc.message, file=sys.stderr)
        return _FAILED
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for a bad file
        print(f"cannot read the PDF ({type(exc).__name__}: {exc})", file=sys.stderr)
        return _FAILED
    sys.stdout.buffer.write(pickle.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
