"""The bounds every input is held to, and the checks that apply them.

A recipe, a report folder, a figures file or a template folder may come from someone else, so
nothing in them may make the program read, build or render without end. Each limit below is far
above what a real report needs (the bundled report's largest file is 57 KB, its longest text
774 characters, its deepest value 11 levels down) and low enough that a hostile file is refused
in well under a second, with its file, line and field (see ``docs/security.md``).

Text that XML cannot hold (C0 control characters other than tab, newline and carriage return;
U+FFFE and U+FFFF; unpaired surrogates) is refused wherever it enters: python-pptx would
otherwise write it as a literal ``_x001B_`` on a slide, or fail while saving.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Largest file read as text: recipes and templates are hand-written, content files are data.
MAX_RECIPE_BYTES = 1_000_000
MAX_TEMPLATE_BYTES = 1_000_000
MAX_DATA_BYTES = 20_000_000  # a report's YAML files, figures files (YAML or CSV), labels
#: Longest single text value (a paragraph, a title, a CSV cell), in characters.
MAX_TEXT = 20_000
#: Longest text run in a written deck (a check on the output: inputs are held to MAX_TEXT).
MAX_RUN = 50_000
#: Longest text in a document property (title, author, subject: python-pptx's limit).
MAX_PROPERTY = 255
#: Values one YAML file may build, aliases expanded (a "billion laughs" file stops here).
MAX_YAML_NODES = 200_000
#: How deep YAML values may nest (lists in mappings in lists ...).
MAX_YAML_DEPTH = 64
#: Loop iterations and characters of output one template render may produce.
MAX_LOOP_ITERATIONS = 200_000
MAX_TEMPLATE_OUTPUT = 2_000_000
#: Faces a font collection (.ttc) may claim.
MAX_FONT_FACES = 256
#: Characters of a bad value quoted in an error message.
EXCERPT = 40

# -- reports to import (``python main.py import``; checked by briefing.importing.guard) ------
#: Largest report file (.docx, .odt, .pdf: pictures included) and largest plain-text report.
MAX_REPORT_BYTES = 200_000_000
MAX_REPORT_TEXT_BYTES = 20_000_000
#: Text an import may extract in all, in characters (a 300-page report has about 500,000).
MAX_REPORT_CHARS = 5_000_000
#: Paragraphs and table rows an import may draft from (a 300-page report has about 5,000;
#: drafting takes about a millisecond each).
MAX_REPORT_BLOCKS = 50_000
#: Members of a .docx/.odt zip, their uncompressed size in all and one XML part's size.
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_UNPACKED = 1_000_000_000
MAX_XML_PART = 50_000_000
#: How many times a zip member may grow when unpacked (members over 1 MB; a zip bomb: 1,000).
MAX_ZIP_RATIO = 200
#: Elements in the XML parts of one .docx/.odt, and table cells once repeats are expanded
#: (ODF ``table:number-columns-repeated``/``rows-repeated``, Word ``w:gridSpan``).
MAX_XML_NODES = 3_000_000
MAX_TABLE_CELLS = 200_000
#: Pages and objects of a PDF, and seconds its text layer may take per page and in all.
MAX_PDF_PAGES = 2_000
MAX_PDF_OBJECTS = 2_000_000
PDF_PAGE_SECONDS = 20.0
PDF_SECONDS = 180.0

# -- the logo (``--logo``; briefing.deck.logo) -----------------------------------------------
#: Largest logo file, largest decoded PNG/JPEG (pixels) and the longest side an SVG is drawn at.
MAX_LOGO_BYTES = 5_000_000
MAX_LOGO_PIXELS = 40_000_000
LOGO_SIDE = 800
#: Elements an SVG logo may draw once its ``<use>`` references are followed, and of those,
#: how many through a filter or mask (each one a pass over the whole picture: 100 take a minute).
MAX_SVG_ELEMENTS = 200_000
MAX_SVG_FILTERS = 10

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """``repr`` of ``value`` cut to about ``limit`` characters (``'長長長…' (300 characters)``)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text) if isinstance(value, str) else text
    shown = repr(text[:limit])[:-1] + "…" + repr(text)[-1]
    return f"{shown} ({len(text):,} characters)"


def bad_character(text: str) -> str | None:
    """A description of the first character XML cannot hold in ``text`` (``U+001B at
    position 2``), or None when there is none."""
    found = _NOT_XML.search(text)
    if found is None:
        return None
    return f"U+{ord(found.group()):04X} at position {found.start() + 1}"


def text_problem(text: str, limit: int = MAX_TEXT) -> str | None:
    """What is wrong with ``text`` as slide text (a character XML cannot hold, or more than
    ``limit`` characters), or None."""
    bad = bad_character(text)
    if bad is not None:
        return f"contains a character a slide cannot hold ({bad})"
    if len(text) > limit:
        return f"is {len(text):,} characters long; at most {limit:,} fit"
    return None


def check_text(
    text: str,
    *,
    error: type[BriefingError] = BriefingError,
    limit: int = MAX_TEXT,
    file: str | Path | None = None,
    line: int | None = None,
    field: str | None = None,
) -> str:
    """``text`` unchanged, or ``error`` naming where it came from when :func:`text_problem`
    finds something wrong with it."""
    problem = text_problem(text, limit)
    if problem is not None:
        raise error(problem, file=file, line=line, field=field)
    return text


def strings(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in nested lists, tuples and dicts (keys too), with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from strings(item, (*path, key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from strings(item, (*path, i))


def read_text(
    path: str | Path,
    *,
    limit: int,
    error: type[BriefingError] = BriefingError,
    what: str = "file",
) -> str:
    """The UTF-8 text of ``path`` (a leading BOM dropped), read no further than ``limit`` bytes;
    ``error`` naming the file when it is missing, a folder, too large or not UTF-8."""
    raw = read_bytes(path, limit=limit, error=error, what=what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8",
            file=path,
            line=raw.count(b"\n", 0, exc.start) + 1,
        ) from None


def read_bytes(
    path: str | Path,
    *,
    limit: int,
    error: type[BriefingError] = BriefingError,
    what: str = "file",
) -> bytes:
    """The bytes of ``path``, read no further than ``limit``; ``error`` when it cannot be."""
    path = Path(path)
    if path.is_dir():
        raise error(f"this is a folder; name a {what}", file=path)
    require_regular(path, error=error, what=what)
    try:
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{what} not found", file=path) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", file=path) from None
    if len(raw) > limit:
        raise error(f"larger than {limit // 1_000_000} MB; a {what} is at most that", file=path)
    return raw


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def require_regular(
    path: str | Path, *, error: type[BriefingError] = BriefingError, what: str = "file"
) -> None:
    """Refuse ``path`` at once when it names a FIFO, a device or a socket (symbolic links
    followed): opening a FIFO blocks for ever and ``/dev/zero`` never ends. A missing file is
    left to the caller, which names it in its own words."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise error(f"{kind}, not a regular file; name a {what}", file=path)


def require_inside(
    path: Path, folder: Path, *, error: type[BriefingError] = BriefingError, what: str = "file"
) -> None:
    """Refuse ``path`` when its real path (symbolic links followed) lies outside ``folder``'s:
    a content folder's files are its own, not links to files elsewhere."""
    real, home = os.path.realpath(path), os.path.realpath(folder)
    if os.path.commonpath([real, home]) != home:
        raise error(
            f"a link to {real}, outside the folder; copy the {what} into the folder instead",
            file=path,
        )


def over(bound: str, found: str, limit: str, advice: str) -> str:
    """The message for an input over one of the bounds above: which bound (its name in this
    module), what was found and how to proceed."""
    return f"{found}; at most {limit} ({bound} in briefing/limits.py): {advice}"
