"""The command line: ``build``, ``check``, ``list`` and ``gui``.

Exit status: 0 success, 1 internal error, 2 bad input (recipe, content, template, font, path,
an argument that is not UTF-8) with one line ``error: FILE:LINE: field: what is wrong`` on
stderr, 130 on Ctrl-C, 143 on SIGTERM (``timeout``, cron, systemd), which stops a build the way
Ctrl-C does: temporary files removed, the previous deck untouched. A traceback is printed only
with ``--debug``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import json
import logging
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from briefing.errors import BriefingError, SourceError, Terminated

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence


class Exit(enum.IntEnum):
    OK = 0
    INTERNAL = 1
    BAD_INPUT = 2
    INTERRUPTED = 130
    TERMINATED = 143


def parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI in the README)."""
    root = argparse.ArgumentParser(
        prog="python main.py",
        description=(
            "Build PowerPoint briefing decks, with the Traditional Chinese font embedded, from a "
            "structured trip report. Without a command, opens the desktop app."
        ),
    )
    root.add_argument("--debug", action="store_true", help="print tracebacks")
    commands = root.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="build one deck, or several recipes in parallel")
    _selection_args(build)
    build.add_argument("--out", type=Path, metavar="PATH", help="the .pptx to write")
    build.add_argument("--report", type=Path, metavar="FILE.json", help="write a JSON build report")
    build.add_argument(
        "--format",
        type=_formats,
        dest="formats",
        metavar="pptx,odp,pdf",
        help="the files to write, with the same base name (default: pptx; pdf needs LibreOffice)",
    )
    build.add_argument("--pdf", action="store_true", help="also write a PDF (needs LibreOffice)")
    build.add_argument(
        "--pdf-notes", action="store_true", help="the PDF has a notes page after each slide"
    )
    build.add_argument(
        "--pdf-timeout",
        type=_seconds,
        default=180.0,
        metavar="SECONDS",
        help="give up on LibreOffice after this long (default: 180)",
    )
    build.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="recipes built at once (default: one per core)",
    )
    verbosity = build.add_mutually_exclusive_group()
    verbosity.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    verbosity.add_argument("--verbose", "-v", action="store_true", help="print every stage")

    check = commands.add_parser(
        "check", help="validate a recipe, content, templates and font coverage without building"
    )
    _selection_args(check)

    lister = commands.add_parser(
        "list", help="list the report's sections, initiatives, figures or charts"
    )
    lister.add_argument("what", choices=("sections", "initiatives", "figures", "charts"))
    lister.add_argument("--json", action="store_true", help="print a JSON array")
    lister.add_argument("--content", type=Path, metavar="DIR", help="report folder")

    importer = commands.add_parser("import", help="import a trip report into a content folder")
    importer.add_argument("source", type=Path, metavar="REPORT", help=".docx, .odt, .pdf or .txt")
    importer.add_argument("--out", type=Path, metavar="DIR", help="default: imported/<id>/ by it")
    importer.add_argument(
        "--language", choices=("zh-TW", "en"), default="zh-TW", help="of import-report.md"
    )
    importer.add_argument(
        "--replace", action="store_true", help="replace the folder if it already holds files"
    )

    gui = commands.add_parser("gui", help="open the desktop app")
    gui.add_argument("--recipe", type=Path, metavar="FILE", help="recipe to open")
    gui.add_argument(
        "file",
        type=Path,
        nargs="?",
        metavar="FILE",
        help="a trip report to import and review (.docx, .odt, .pdf, .txt) or a recipe",
    )
    return root


def _selection_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--recipe",
        type=Path,
        action="append",
        metavar="FILE",
        help="recipe YAML (repeat, or name a folder, to build several)",
    )
    command.add_argument(
        "--section",
        action="append",
        metavar="ID",
        dest="sections",
        help="section to cover (repeatable; with its sub-sections)",
    )
    command.add_argument(
        "--initiative",
        action="append",
        metavar="ID",
        dest="initiatives",
        help="initiative to cover (repeatable)",
    )
    command.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        dest="report_dir",
        help="report folder (default: the bundled report)",
    )
    command.add_argument("--title")
    command.add_argument("--subtitle")
    command.add_argument("--presenter")
    command.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    command.add_argument("--language", choices=("zh-TW", "en"))
    command.add_argument("--length", choices=("brief", "standard", "full"))
    command.add_argument(
        "--structure",
        choices=("report", "findings-first"),
        help="the report's order, or conclusions first (default: findings-first for a brief)",
    )
    command.add_argument(
        "--font",
        metavar="PATH|FAMILY",
        help="font file (.ttf/.otf/.ttc[#N]) or installed family name",
    )
    command.add_argument("--font-index", type=int, metavar="N", help="face index in a .ttc")
    command.add_argument("--chart-style", choices=("image", "native"))
    command.add_argument(
        "--figures",
        type=Path,
        metavar="FILE",
        help="YAML or CSV figure records that override the report's",
    )
    command.add_argument("--templates", type=Path, metavar="DIR", help="your own slide templates")
    command.add_argument(
        "--logo", type=Path, metavar="FILE", help="the agency's logo (PNG or SVG) for the cover"
    )
    command.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="a character missing from the font is an error",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 86_400:  # NaN fails too
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value


def _formats(text: str) -> tuple[str, ...]:
    from briefing.outputs import FORMATS

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",")))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        named = ", ".join(unknown) or repr(text)
        raise argparse.ArgumentTypeError(f"not pptx, odp or pdf: {named}")
    return chosen


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    gui: Callable[[Path | None, TextIO], int] | None = None,
) -> int:
    """Run the CLI; returns the exit status instead of exiting.

    ``gui`` opens the desktop app; ``main.py`` passes it and imports PySide6 only then, so
    the core never imports the GUI layer.
    """
    out, err = stdout or sys.stdout, stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _not_utf8(argv)
    if bad is not None:
        print(f"error: {bad}", file=err)
        return Exit.BAD_INPUT
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = _dashes_kept(parser().parse_args(_dashes_marked(argv)))
    except SystemExit as exc:  # argparse already printed the usage error
        return Exit.OK if exc.code == 0 else Exit.BAD_INPUT
    headless = args.command in COMMANDS  # the desktop app keeps its own signal handling
    with _sigterm_stops() if headless else contextlib.nullcontext():
        return _run(args, out, err, gui)


def _run(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    gui: Callable[[Path | None, TextIO], int] | None,
) -> int:
    try:
        if args.command is None or args.command == "gui":
            opened = getattr(args, "file", None) or getattr(args, "recipe", None)
            if opened is not None and not opened.is_file():
                raise SourceError("file not found", file=opened)
            return (gui or _no_gui)(opened, err)
        return int(COMMANDS[args.command](args, out, err))
    except BriefingError as exc:
        if args.debug:
            traceback.print_exc(file=err)
        print(f"error: {exc}", file=err)
        return Exit.BAD_INPUT
    except BrokenPipeError:  # `python main.py list figures | head`: the reader has gone
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return Exit.OK
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return Exit.INTERRUPTED
    except Terminated:
        print("terminated", file=err)
        return Exit.TERMINATED
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if args.debug:
            traceback.print_exc(file=err)
        print(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=err
        )
        return Exit.INTERNAL


#: ``--title=--`` reaches argparse as this (a NUL cannot be in an argument), since argparse
#: drops a ``--`` value and would leave an empty list; :func:`_dashes_kept` puts it back.
_DASHES = "=\0--"


def _dashes_marked(argv: list[str]) -> list[str]:
    """``--title=--`` as ``--title`` and the marker (other arguments as they are)."""
    marked = []
    for arg in argv:
        name, _, value = arg.partition("=")
        marked.append(name + _DASHES if arg.startswith("--") and value == "--" else arg)
    return marked


def _dashes_kept(args: argparse.Namespace) -> argparse.Namespace:
    for name, value in vars(args).items():
        if isinstance(value, str) and value == _DASHES[1:]:
            setattr(args, name, "--")
        elif isinstance(value, list):
            setattr(args, name, ["--" if v == _DASHES[1:] else v for v in value])
    return args


def _not_utf8(argv: list[str]) -> str | None:
    """The message for the first argument that is not valid UTF-8 (Python hands such bytes
    over as lone surrogates, which no file, slide or terminal can take), or None."""
    from briefing.limits import excerpt

    for n, arg in enumerate(argv, start=1):
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            return f"argument {n} {excerpt(arg)}: not valid UTF-8 text"
    return None


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """While the CLI runs, SIGTERM raises :class:`Terminated` (as Ctrl-C raises
    KeyboardInterrupt), so the build unwinds and removes its temporary files."""

    def stop(signum: int, frame: object) -> None:
        raise Terminated(signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals to whoever owns them
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- build ------------------------------------------------------------------------------------
def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing import batch, building

    _logging(args, err)
    recipes = batch.recipe_files(args.recipe)
    if len(recipes) > 1:
        return Exit.OK if batch.build_many(recipes, args, out, err) else Exit.BAD_INPUT
    options = building.options_for(recipes[0] if recipes else None, args)
    building.check_before(args, [building.target_of(options, args)], options.strict)
    result = building.build_one(options, args)
    if not args.quiet:
        print(
            f"wrote {result['output']} ({result['slide_count']} slides, about "
            f"{result['minutes']:.0f} min; {result['bytes'] / 1e6:.1f} MB, "
            f"{result['seconds']:.1f} s)",
            file=out,
        )
        for other in result["report"].get("outputs", []):
            if other != result["output"]:
                print(f"wrote {other}", file=out)
    if args.report:
        building.write_json(args.report, result["report"])
    return Exit.OK


# -- check ------------------------------------------------------------------------------------
def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing import api
    from briefing.batch import recipe_files
    from briefing.building import overrides

    _logging(args, err)
    bad = 0
    for recipe in recipe_files(args.recipe) or [None]:
        problems, findings = api.check_deck(recipe, **overrides(args))
        for problem in problems:
            print(f"error: {problem}", file=err)
        if not problems:  # --strict made them problems already
            for finding in findings:
                print(f"warning: {finding.text('en')}", file=err)
        bad += len(problems)
        name = recipe or (f"report {args.report_dir}" if args.report_dir else "default briefing")
        state = f"{len(problems)} problem(s)" if problems else "ok"
        if findings and not problems:
            state = f"{len(findings)} self-check finding(s)"
        print(f"{name}: {state}", file=out)
    return Exit.OK if bad == 0 else Exit.BAD_INPUT


# -- list -------------------------------------------------------------------------------------
def _list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.content import listing
    from briefing.content.report import load_report

    rows = listing.rows(load_report(args.content), args.what)
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return Exit.OK
    for row in rows:
        out.write("  ".join(_cell(v) for v in row.values()) + "\n")
    return Exit.OK


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.importing.readers import pdfjob

    pdfjob.prefetch(args.source)  # a PDF is read while the importer loads
    from briefing import api

    done = api.import_report(args.source, args.out, language=args.language, replace=args.replace)
    print(
        f"wrote {done.folder}: {done.sections} sections; drafted {done.figures} figures, "
        f"{done.initiatives} initiatives, {done.agenda_items} agenda items, "
        f"{done.photos} photos\n"
        f"review {done.report_file} ({len(done.notes)} notes)",
        file=out,
    )
    return Exit.OK


COMMANDS = {"build": _build, "check": _check, "list": _list, "import": _import}


# -- helpers ----------------------------------------------------------------------------------
def _no_gui(recipe: Path | None, err: TextIO) -> int:
    print("error: the desktop app starts from main.py (python main.py gui)", file=err)
    return Exit.BAD_INPUT


def _logging(args: argparse.Namespace, err: TextIO) -> None:
    """Warnings (and with --verbose every stage) go to stderr as ``warning: …`` lines."""
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    handler = logging.StreamHandler(err)
    handler.setFormatter(_LowercaseLevel("%(levelname)s: %(message)s"))
    logger = logging.getLogger("briefing")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
    for name in _CHATTY:  # their warnings repeat ours, or mean nothing to a user: --verbose only
        other = logging.getLogger(name)
        other.handlers[:] = [handler]
        other.setLevel(logging.DEBUG if verbose else logging.CRITICAL)
        other.propagate = False


_CHATTY = ("fontTools", "matplotlib", "PIL")


class _LowercaseLevel(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(record.levelname, record.levelname.lower(), 1)
