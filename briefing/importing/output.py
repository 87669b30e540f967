"""Writing an import's content folder the way a build writes a deck: all or nothing.

:func:`write_import` writes into a new temporary folder beside the target
(``.briefing-XXXXXXXX.part``), checks it as ``python main.py check`` would, and only then
renames it into place:

- a target that exists and holds files is refused unless ``replace`` (``--replace``): a folder
  someone reviewed by hand is never written over by accident;
- with ``replace`` the old folder is swapped for the new one in one step (Linux
  ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames with Ctrl-C and SIGTERM held off
  between them), and removed only once the new one is in place;
- a folder that holds the report being imported is refused (``replace`` would delete it);
- a kill at any moment leaves the old folder or the new one, never a mix; temporary folders
  left by a killed import are removed by the next import into the same place.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import files
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

FIELD = "--out"


def write_import(
    target: Path, source: Path, write: Callable[[Path], None], *, replace: bool = False
) -> None:
    """Run ``write(folder)`` into a new temporary folder, check what it wrote, and put it in
    place of ``target``; BriefingError (exit 2) for a target that may not or cannot be
    written, or a folder ``check`` would refuse (then nothing is changed)."""
    target = Path(os.path.abspath(target))
    if target.is_symlink():  # a link to a folder: the folder it names is written
        target = Path(os.path.realpath(target))
    _refuse(target, source, replace)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(target.parent)
        temp = _new_folder(target.parent)
    except OSError as exc:
        message = f"cannot write here: {exc.strerror or exc}"
        raise BriefingError(message, file=target, field=FIELD) from None
    try:
        write(temp)
        _check(temp, target)
        _swap(temp, target)
    except OSError as exc:
        raise BriefingError(
            f"cannot write the folder: {exc.strerror or exc}", file=target, field=FIELD
        ) from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)  # the new folder on failure, else the old one


def _refuse(target: Path, source: Path, replace: bool) -> None:
    if target.exists() and not target.is_dir():
        raise BriefingError(
            "this is a file; name a folder for the import", file=target, field=FIELD
        )
    if files.same_file(target, source) or _inside(source, target):
        raise BriefingError(
            "the report being imported is in this folder, which the import would replace; "
            "choose another folder",
            file=target,
            field=FIELD,
        )
    ancestor = target.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent  # the folders missing are made
    if not ancestor.is_dir():
        raise BriefingError(f"{ancestor} is not a folder", file=target, field=FIELD)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise BriefingError(f"the folder {ancestor} is not writable", file=target, field=FIELD)
    if not replace and target.is_dir() and any(target.iterdir()):
        raise BriefingError(
            "the folder already holds files (an earlier import, perhaps edited by hand); "
            "choose a new folder, or add --replace to replace it",
            file=target,
            field=FIELD,
        )


def _inside(path: Path, folder: Path) -> bool:
    real, home = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, home]) == home


def _new_folder(parent: Path) -> Path:
    for _ in range(100):
        temp = files.temp_path(parent)
        try:
            temp.mkdir()
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(f"no free temporary folder name in {parent}")


def remove_stale(parent: Path, older_than: float = files.STALE_AFTER) -> list[Path]:
    """Remove temporary folders of ours in ``parent`` older than ``older_than`` seconds (left
    by an import that was killed); returns those removed. Temporary files: files.remove_stale."""
    removed = files.remove_stale(parent, older_than)
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            name = entry.name
            if not (name.startswith(files.TEMP_PREFIX) and name.endswith(files.TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    shutil.rmtree(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _check(temp: Path, target: Path) -> None:
    """The written folder as ``check`` sees it: a problem is reported at the target's file."""
    from briefing.content.report import load_report

    try:
        load_report(temp, check=True)
    except BriefingError as exc:
        where = target / Path(exc.file).name if exc.file else target
        raise BriefingError(
            f"the import made a folder `check` refuses ({exc.message}); nothing was written",
            file=where,
            line=exc.line,
            field=exc.field,
        ) from None


def _swap(temp: Path, target: Path) -> None:
    """Put ``temp`` in place of ``target``; afterwards ``temp`` holds the old folder, if any."""
    with _signals_held():
        if not target.exists():
            os.rename(temp, target)
            temp.mkdir()  # so the caller's clean-up finds a folder, as after an exchange
            return
        if not any(target.iterdir()):
            os.rmdir(target)
            os.rename(temp, target)
            temp.mkdir()
            return
        if _exchange(temp, target):
            return
        old = files.temp_path(target.parent)
        os.rename(target, old)
        os.rename(temp, target)
        os.rename(old, temp)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held off while folders are renamed (main thread, POSIX)."""
    usable = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
