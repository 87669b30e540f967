"""Building several recipes at once: where each deck goes, and one process per recipe.

Before anything is built, every recipe's output path is settled (:func:`assign_outputs`): two
recipes may not write the same file. Default names come from the deck's title and date
(:func:`briefing.api.default_output`); when two recipes' titles give the same name, both take
their recipe's file name as well; an explicit ``output:`` that another recipe also writes is an
error naming both recipes.

:func:`run_isolated` builds each recipe in a process of its own, at most ``jobs`` at once. A
process that dies (the out-of-memory killer, a SIGKILL) fails only its own recipe, with the
signal named; a ``concurrent.futures`` pool would break and fail every recipe still queued.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import signal
from collections import defaultdict
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any, TextIO

from briefing import files
from briefing.building import build_one, check_before, options_for, write_json
from briefing.errors import BriefingError, RecipeError, Terminated

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path


@dataclass(frozen=True)
class Planned:
    """One recipe of a batch: its explicit ``output`` (or None) and its deck's title and date."""

    recipe: Path
    output: Path | None
    title: str
    date: dt.date


def assign_outputs(
    planned: Sequence[Planned], default: Callable[[str, dt.date, str | None], Path]
) -> dict[Path, Path]:
    """Recipe -> the deck it writes. ``default(title, date, name)`` makes a default path; a
    collision that names cannot settle raises RecipeError naming both recipes."""
    groups: dict[Path, list[Planned]] = defaultdict(list)
    for item in planned:
        if item.output is None:
            groups[default(item.title, item.date, None)].append(item)
    explicit = {p.recipe: p.output for p in planned if p.output is not None}
    targets = dict(explicit)
    for path, items in groups.items():
        named = len(items) > 1 or any(files.same_file(path, e) for e in explicit.values())
        for item in items:
            name = item.recipe.stem if named else None
            targets[item.recipe] = default(item.title, item.date, name)
    _refuse_collisions(targets)
    return targets


def _refuse_collisions(targets: dict[Path, Path]) -> None:
    seen: list[tuple[Path, Path]] = []
    for recipe, target in targets.items():
        for other_recipe, other in seen:
            if files.same_file(target, other):
                raise RecipeError(
                    f"{other_recipe} and {recipe} both write {target}; give each its own output:",
                    file=recipe,
                    field="output",
                )
        seen.append((recipe, target))


# -- the batch as the command line runs it -------------------------------------------------
def recipe_files(given: list[Path] | None) -> list[Path]:
    """The recipes ``--recipe`` names: files as given, folders as their ``*.yaml`` files."""
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


def build_many(recipes: list[Path], args: argparse.Namespace, out: TextIO, err: TextIO) -> bool:
    """``python main.py build`` with several recipes: one line each, then a summary; True
    when every recipe was built."""
    if args.out is not None:
        raise RecipeError("--out names one file; with several recipes set output: in each")
    targets, early = _targets(recipes, args)
    check_before(args, list(targets.values()), bool(args.strict))
    total, failed, reports = len(recipes), 0, []
    for done, (recipe, message) in enumerate(early, start=1):
        failed += 1
        reports.append({"recipe": str(recipe), "error": message})
        print(f"[{done}/{total}] {recipe}: {message}", file=err)
    tasks = [(recipe, target, args) for recipe, target in targets.items()]
    finished = run_isolated(batch_job, tasks, args.jobs)
    with contextlib.closing(finished):
        for done, ((recipe, _, _), status, payload) in enumerate(finished, start=len(early) + 1):
            if status == "ok":
                reports.append(payload["report"])
                if not args.quiet:
                    print(
                        f"[{done}/{total}] {recipe}: wrote {payload['output']} "
                        f"({payload['slide_count']} slides, about {payload['minutes']:.0f} min, "
                        f"{payload['seconds']:.1f} s"
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
        write_json(args.report, reports)
    return failed == 0


def _targets(
    recipes: list[Path], args: argparse.Namespace
) -> tuple[dict[Path, Path], list[tuple[Path, str]]]:
    """Each readable recipe's deck (no two the same: :func:`briefing.batch.assign_outputs`),
    and the recipes that fail before building, with their messages."""
    from briefing import api

    planned, early = [], []
    for recipe in recipes:
        try:
            options = options_for(recipe, args)
            meta = api.plan(options).meta if options.output is None else None
        except BriefingError as exc:
            early.append((recipe, f"error: {exc}"))
            continue
        title, date = (meta.title, meta.date) if meta else ("", dt.date.today())
        planned.append(Planned(recipe, options.output, title, date))
    targets = assign_outputs(
        planned, lambda title, date, name: api.default_output(title, date, name=name)
    )
    return targets, early


def _count(items: list[Any], noun: str) -> str:
    return f", {len(items)} {noun}{'s' if len(items) != 1 else ''}" if items else ""


def batch_job(task: tuple[Path, Path, argparse.Namespace]) -> tuple[str, Any]:
    """Build one recipe in a worker process; errors come back as text, never raise."""
    recipe, target, args = task
    logging.getLogger("briefing").setLevel(logging.ERROR)  # the summary line counts warnings
    try:
        return "ok", build_one(options_for(recipe, args).replace(output=target), args)
    except BriefingError as exc:
        return "error", f"error: {exc}"
    except Exception as exc:  # noqa: BLE001 - reported per recipe, the batch goes on
        return "error", f"internal error: {type(exc).__name__}: {exc}"


# -- one process per recipe -----------------------------------------------------------------
def run_isolated(
    work: Callable[[Any], tuple[str, Any]], tasks: Sequence[Any], jobs: int
) -> Iterator[tuple[Any, str, Any]]:
    """``(task, status, payload)`` for each task as it finishes, ``work(task)`` run in a
    process of its own, at most ``jobs`` at once. ``work`` returns ``(status, payload)`` and
    must not raise; a process that dies yields ``("error", "worker … killed by SIGKILL …")``.
    Interrupted (Ctrl-C, SIGTERM), the running processes are stopped before this returns."""
    context = multiprocessing.get_context()
    queue = list(tasks)
    running: dict[Any, tuple[Any, Any]] = {}  # receiving end -> (task, process)
    try:
        while queue or running:
            while queue and len(running) < max(1, jobs):
                task = queue.pop(0)
                receive, send = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(work, task, send), daemon=True)
                process.start()
                send.close()
                running[receive] = (task, process)
            for receive in wait(list(running)):
                task, process = running.pop(receive)
                yield (task, *_outcome(receive, process))
    finally:
        for _, process in running.values():
            _stop(process)


def _outcome(receive: Any, process: Any) -> tuple[str, Any]:
    try:
        status, payload = receive.recv()
    except (EOFError, OSError):
        status, payload = "error", None
    finally:
        receive.close()
    process.join()
    if payload is None:
        return "error", f"internal error: the worker process {_death(process.exitcode)}"
    return status, payload


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"was killed by {name}{hint}; nothing was written"
    return f"stopped with status {code} before reporting"


def _child(work: Callable[[Any], tuple[str, Any]], task: Any, send: Any) -> None:
    """The worker process: SIGTERM stops the build the way Ctrl-C does (temporary files
    removed), then the result goes back through ``send``."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        result = work(task)
    except Terminated:
        result = ("error", "terminated")
    send.send(result)
    send.close()


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


def _stop(process: Any) -> None:
    """Stop a worker (SIGTERM, so it removes its temporary file), then make sure it is gone."""
    if process.is_alive():
        process.terminate()
        process.join(10)
    if process.is_alive():
        process.kill()
        process.join()
