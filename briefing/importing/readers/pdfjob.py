"""The PDF text layer read in a process of its own, under a time bound.

pdfminer is pure Python and can loop or recurse for ever on a crafted file (a stream whose
``/Length`` refers to itself, a page tree that contains itself); a thread cannot be stopped, so
:func:`pages` runs ``python -m briefing.importing.readers.pdfjob FILE`` and kills it when it
takes longer than ``PDF_SECONDS`` in all. Inside, each page has ``PDF_PAGE_SECONDS`` (an alarm)
and the document at most ``MAX_PDF_PAGES`` pages; the child's memory is capped too (POSIX).
The child sends back the lines of each page (pickled :class:`~.pdffile.Line` objects) or one
line of error, so the parent's SourceError says which bound and how to proceed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import limits
from briefing.errors import SourceError

if TYPE_CHECKING:
    from collections.abc import Callable

_ROOT = Path(__file__).resolve().parents[3]
_MEMORY = 3_000_000_000  # bytes of address space for the child (POSIX)
_FAILED = 3  # the child's exit status for a located refusal (its stderr is the message)
_ADVICE = "import the Word or ODF original, or print the PDF to a new PDF and import that"


def pages(path: Path, lines_of: Callable[[Any, int], Any]) -> list[Any]:
    """What ``lines_of(page, number)`` makes of each page of the PDF at ``path``, read in a
    child process under the bounds above (in this process when frozen into an app, where there
    is no interpreter)."""
    if getattr(sys, "frozen", False):
        return read_pages(path, lines_of)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_ROOT), _pythonpath()])))
    bounds = [
        str(b) for b in (limits.PDF_PAGE_SECONDS, limits.MAX_PDF_PAGES, limits.MAX_PDF_OBJECTS)
    ]
    command = [sys.executable, "-m", "briefing.importing.readers.pdfjob", str(path), *bounds]
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=limits.PDF_SECONDS, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        found = f"reading the PDF took over {limits.PDF_SECONDS:.0f} seconds"
        raise SourceError(
            limits.over("PDF_SECONDS", found, f"{limits.PDF_SECONDS:.0f} s", _ADVICE), file=path
        ) from None
    if done.returncode == 0:
        return pickle.loads(done.stdout)  # noqa: S301 - our own child's output
    message = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode == _FAILED and message:
        raise SourceError(" ".join(message), file=path)
    reason = f"signal {-done.returncode}" if done.returncode < 0 else f"status {done.returncode}"
    raise SourceError(
        f"cannot read the PDF (the reader stopped with {reason}, out of memory?); {_ADVICE}",
        file=path,
    )


def _pythonpath() -> str:
    return os.environ.get("PYTHONPATH", "")


def read_pages(path: Path, lines_of: Callable[[Any, int], Any]) -> list[Any]:
    """What ``lines_of(page, number)`` makes of each page, read here: at most
    ``MAX_PDF_PAGES`` pages, each within ``PDF_PAGE_SECONDS`` where an alarm can be set (the
    main thread, POSIX).

    The document is parsed once, and each page's glyphs, paths and images are gathered
    without pdfminer's layout analysis (``laparams=None`` given to the aggregator itself:
    ``extract_pages`` puts default parameters in its place, and grouping every glyph into text
    boxes that nothing reads was over a third of the reading time)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    found: list[Any] = []
    with _alarm() as rearm, path.open("rb") as stream:
        document = PDFDocument(PDFParser(stream))
        _count_objects(path, document)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            if len(found) >= limits.MAX_PDF_PAGES:
                count = f"the PDF has over {limits.MAX_PDF_PAGES:,} pages"
                raise SourceError(
                    limits.over("MAX_PDF_PAGES", count, f"{limits.MAX_PDF_PAGES:,}", _ADVICE),
                    file=path,
                )
            interpreter.process_page(page)
            found.append(lines_of(device.get_result(), len(found) + 1))
            rearm(len(found) + 1)
    return found


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
    import threading

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
    try:
        result = read_pages(Path(argv[0]), page_content)
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
