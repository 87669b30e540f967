"""The command line: ``build``, ``check``, ``list`` and ``gui``.

Exit status: 0 success, 1 internal error, 2 bad input (recipe, content, template, font, path)
with one line ``error: FILE:LINE: what is wrong`` on stderr, 130 on Ctrl-C. A traceback is
printed only with ``--debug``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import json
import logging
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from briefing.errors import BriefingError, RecipeError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.options import BuildOptions


class Exit(enum.IntEnum):
    OK = 0
    INTERNAL = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


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
    build.add_argument("--pdf", action="store_true", help="also write a PDF (needs LibreOffice)")
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

    gui = commands.add_parser("gui", help="open the desktop app")
    gui.add_argument("--recipe", type=Path, metavar="FILE", help="recipe to open")
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
        "--strict",
        action="store_true",
        default=None,
        help="a character missing from the font is an error",
    )


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
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return Exit.OK if exc.code == 0 else Exit.BAD_INPUT
    try:
        if args.command is None or args.command == "gui":
            return (gui or _no_gui)(getattr(args, "recipe", None), err)
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
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if args.debug:
            traceback.print_exc(file=err)
        print(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=err
        )
        return Exit.INTERNAL


# -- build ------------------------------------------------------------------------------------
def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _logging(args, err)
    recipes = _recipes(args.recipe)
    if len(recipes) > 1:
        return _build_many(recipes, args, out, err)
    options = _options(recipes[0] if recipes else None, args)
    result = _build_one(options, args)
    if not args.quiet:
        print(
            f"wrote {result['output']} ({result['slide_count']} slides, "
            f"{result['bytes'] / 1e6:.1f} MB, {result['seconds']:.1f} s)",
            file=out,
        )
        if result["report"].get("pdf"):
            print(f"wrote {result['report']['pdf']}", file=out)
    if args.report:
        _write_json(args.report, result["report"])
    return Exit.OK


def _build_one(options: BuildOptions, args: argparse.Namespace) -> dict[str, Any]:
    from briefing import api

    start = time.perf_counter()
    result = api.build(options)
    payload = result.to_json()
    if args.pdf:
        from briefing.pdf import write_pdf

        pdf, note = write_pdf(result.output, font_dirs=_font_dirs(options))
        payload["pdf"] = str(pdf) if pdf else None
        if note:
            payload["warnings"].append(note)
            logging.getLogger("briefing").warning(note)
    return {
        "output": str(result.output),
        "slide_count": result.slide_count,
        "bytes": result.size,
        "warnings": payload["warnings"],
        "report": payload,
        "seconds": time.perf_counter() - start,
    }


def _font_dirs(options: BuildOptions) -> list[Path]:
    from briefing.fonts.family import BUNDLED_DIR

    dirs = [BUNDLED_DIR]
    if options.font and Path(options.font.split("#")[0]).exists():
        dirs.append(Path(options.font.split("#")[0]).resolve().parent)
    return dirs


def _build_many(recipes: list[Path], args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.out is not None:
        raise RecipeError("--out names one file; with several recipes set output: in each")
    total, failed, reports = len(recipes), 0, []
    jobs = max(1, min(args.jobs, total))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_batch_job, recipe, args): recipe for recipe in recipes}
        for done, future in enumerate(as_completed(futures), start=1):
            recipe = futures[future]
            status, payload = future.result()
            if status == "ok":
                reports.append(payload["report"])
                if not args.quiet:
                    print(
                        f"[{done}/{total}] {recipe}: wrote {payload['output']} "
                        f"({payload['slide_count']} slides, {payload['seconds']:.1f} s"
                        f"{_count(payload['warnings'], 'warning')})",
                        file=out,
                    )
            else:
                failed += 1
                reports.append({"recipe": str(recipe), "error": payload})
                print(f"[{done}/{total}] {recipe}: {payload}", file=err)
    if not args.quiet:
        print(f"{total} recipes: {total - failed} built, {failed} failed", file=out)
    if args.report:
        _write_json(args.report, reports)
    return Exit.OK if failed == 0 else Exit.BAD_INPUT


def _count(items: list[Any], noun: str) -> str:
    return f", {len(items)} {noun}{'s' if len(items) != 1 else ''}" if items else ""


def _batch_job(recipe: Path, args: argparse.Namespace) -> tuple[str, Any]:
    """Build one recipe in a worker process; errors come back as text, never raise."""
    logging.getLogger("briefing").setLevel(logging.ERROR)  # the summary line counts warnings
    try:
        return "ok", _build_one(_options(recipe, args), args)
    except BriefingError as exc:
        return "error", f"error: {exc}"
    except Exception as exc:  # noqa: BLE001 - reported per recipe, the batch goes on
        return "error", f"internal error: {type(exc).__name__}: {exc}"


def _recipes(given: list[Path] | None) -> list[Path]:
    found: list[Path] = []
    for path in given or ():
        if path.is_dir():
            inside = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not inside:
                raise RecipeError("no recipes (*.yaml) in this folder", file=path)
            found += inside
        else:
            found.append(path)
    return found


def _options(recipe: Path | None, args: argparse.Namespace) -> BuildOptions:
    from briefing import api

    return api.options_from_recipe(recipe, **_overrides(args))


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The options given on the command line (None where not given)."""
    return {
        "report": args.report_dir,
        "sections": _tuple(args.sections),
        "initiatives": _tuple(args.initiatives),
        "title": args.title,
        "subtitle": args.subtitle,
        "presenter": args.presenter,
        "date": args.date,
        "language": args.language,
        "length": args.length,
        "font": args.font,
        "font_index": args.font_index,
        "chart_style": args.chart_style,
        "figures": args.figures,
        "templates": args.templates,
        "strict": args.strict,
        "output": getattr(args, "out", None),
    }


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


# -- check ------------------------------------------------------------------------------------
def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing import api

    bad = 0
    for recipe in _recipes(args.recipe) or [None]:
        problems = api.check(recipe, **_overrides(args))
        for problem in problems:
            print(f"error: {problem}", file=err)
        bad += len(problems)
        name = recipe or (f"report {args.report_dir}" if args.report_dir else "default briefing")
        print(f"{name}: {'ok' if not problems else f'{len(problems)} problem(s)'}", file=out)
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
    from briefing import api

    done = api.import_report(args.source, args.out)
    print(
        f"wrote {done.folder}: {done.sections} sections; drafted {done.figures} figures, "
        f"{done.initiatives} initiatives, {done.agenda_items} agenda items\n"
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
    level = logging.ERROR if args.quiet else logging.DEBUG if args.verbose else logging.WARNING
    handler = logging.StreamHandler(err)
    handler.setFormatter(_LowercaseLevel("%(levelname)s: %(message)s"))
    logger = logging.getLogger("briefing")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


class _LowercaseLevel(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(record.levelname, record.levelname.lower(), 1)


def _write_json(path: Path, payload: Any) -> None:
    from briefing.deck.package import write_atomic

    write_atomic(json.dumps(payload, ensure_ascii=False, indent=2).encode() + b"\n", path)
