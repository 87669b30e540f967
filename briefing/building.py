"""One build as the command line runs it: the checks made before anything is written, the
deck, the PDF beside it, the JSON build report. Shared by ``python main.py build`` with one
recipe and by each worker of a batch (:mod:`briefing.batch`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import DeckError

if TYPE_CHECKING:
    import argparse

    from briefing.options import BuildOptions


def options_for(recipe: Path | None, args: argparse.Namespace) -> BuildOptions:
    """The build options of ``recipe`` (or none) with the command line's options applied."""
    from briefing import api

    return api.options_from_recipe(recipe, **overrides(args))


def overrides(args: argparse.Namespace) -> dict[str, Any]:
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
        "structure": args.structure,
        "font": args.font,
        "font_index": args.font_index,
        "chart_style": args.chart_style,
        "figures": args.figures,
        "templates": args.templates,
        "logo": args.logo,
        "strict": args.strict,
        "formats": _legacy_pdf(args),
        "pdf_notes": getattr(args, "pdf_notes", None) or None,
        "output": getattr(args, "out", None),
    }


def _legacy_pdf(args: argparse.Namespace) -> tuple[str, ...] | None:
    """``--format`` as given, with pdf added by ``--pdf`` (which keeps working)."""
    formats = getattr(args, "formats", None)
    if not getattr(args, "pdf", False):
        return formats
    return (*(formats or ("pptx",)), "pdf")


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


def target_of(options: BuildOptions, args: argparse.Namespace) -> Path:
    """The deck a build will write (planned for its default name only when --report needs it)."""
    from briefing import api

    if options.output is not None or not args.report:
        return options.output or Path("out", "deck.pptx")
    return api.output_of(options)


def check_before(args: argparse.Namespace, decks: list[Path], strict: bool) -> None:
    """Refuse, before anything is built or replaced: a ``--report`` that cannot be written or
    that names a deck (or its PDF), and ``--pdf --strict`` without LibreOffice."""
    from briefing import files, outputs
    from briefing.pdf import find_office

    if args.report is not None:
        problem = files.write_problem(args.report)
        if problem is not None:
            raise DeckError(f"cannot write the build report: {problem}", file=args.report)
        for deck in decks:
            for clash in outputs.paths(deck, outputs.FORMATS).values():
                if files.same_file(args.report, clash):
                    raise DeckError(
                        f"names {clash}, which the build writes; name another file",
                        file=args.report,
                        field="--report",
                    )
    if args.pdf and strict and find_office() is None:
        raise DeckError("LibreOffice (soffice) is not installed", field="--pdf --strict")


def build_one(options: BuildOptions, args: argparse.Namespace) -> dict[str, Any]:
    from briefing import api

    start = time.perf_counter()
    # --pdf without --strict keeps its old meaning: a PDF LibreOffice cannot make is a warning
    lenient = args.pdf and not options.strict
    result = api.build(options, pdf_timeout=args.pdf_timeout, pdf_required=not lenient)
    payload = result.to_json()
    pdfs = [p for p in result.outputs if p.suffix == ".pdf"]
    payload["pdf"] = str(pdfs[0]) if pdfs else None
    return {
        "output": str(result.output),
        "slide_count": result.slide_count,
        "minutes": result.plan.minutes,
        "bytes": result.size,
        "warnings": payload["warnings"],
        "report": payload,
        "seconds": time.perf_counter() - start,
    }


def write_json(path: Path, payload: Any) -> None:
    """Write the JSON build report atomically."""
    from briefing.deck.package import write_atomic

    write_atomic(json.dumps(payload, ensure_ascii=False, indent=2).encode() + b"\n", path)
