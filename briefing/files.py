"""Writing files safely, and where caches live.

Every file the program writes (decks, build reports, PDFs, recipes, cached font subsets and
chart pictures) goes through :func:`write_atomic`: a temporary file in the same folder, renamed
over the target only when complete, so a reader never sees half a file and a failure leaves the
old one in place.

- The temporary file is named ``.briefing-XXXXXXXX.part`` whatever the target is called, so a
  target name the file system just accepts (255 bytes) is not refused for its temporary name.
- It is created with the permissions the user's umask gives (as any new file), or those of the
  file it replaces; never wider.
- A build killed outright (SIGKILL, a power cut) cannot remove its temporary file; the next
  durable write into the same folder removes such files older than ``STALE_AFTER`` seconds.
- Cache entries are sealed with their SHA-256 (:func:`store_sealed`) and checked when read
  (:func:`read_sealed`): a damaged entry is a miss, rebuilt, never used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

log = logging.getLogger("briefing")

TEMP_PREFIX, TEMP_SUFFIX = ".briefing-", ".part"
STALE_AFTER = 300  # seconds: no write of ours takes this long between create and rename


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; raises OSError.

    ``durable`` flushes the data to disk before the rename and clears stale temporary files
    out of the folder (decks, reports, recipes; caches skip both).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if durable:
        remove_stale(path.parent)
    handle, temp = _create_temp(path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        _keep_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        _sync_folder(path.parent)


def temp_path(folder: Path) -> Path:
    """A new temporary file name of ours in ``folder`` (not created)."""
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _create_temp(folder: Path) -> tuple[int, str]:
    """An open, new temporary file in ``folder``, created with mode 0666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = str(temp_path(folder))
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")


def _keep_mode(path: Path, temp: str) -> None:
    """Give ``temp`` the permission bits of the file it replaces, when there is one."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    os.chmod(temp, mode)


def remove_stale(folder: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove our temporary files in ``folder`` last written over ``older_than`` seconds ago
    (left by a build that was killed); returns those removed."""
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
                log.debug("removed a stale temporary file: %s", entry.path)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def store(path: Path, data: bytes) -> bool:
    """Best-effort cache write: False (logged at debug level) when it cannot be written."""
    try:
        write_atomic(path, data, durable=False)
    except OSError as exc:
        log.debug("cache file not written (%s): %s", path, exc)
        return False
    return True


_SEAL = b"\0briefing-sha256:"  # then the 32-byte digest of what precedes it


def store_sealed(path: Path, data: bytes) -> bool:
    """:func:`store` ``data`` followed by a seal (its SHA-256), so :func:`read_sealed` can tell
    an intact cache entry from a damaged one."""
    return store(path, data + _SEAL + hashlib.sha256(data).digest())


def read_sealed(path: Path) -> bytes | None:
    """The data :func:`store_sealed` wrote to ``path``; None when the entry is missing,
    unreadable, or damaged (truncated, overwritten, or written without a seal), which callers
    treat as a cache miss."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    cut = len(raw) - len(_SEAL) - 32
    data, seal, digest = raw[:cut], raw[cut : cut + len(_SEAL)], raw[cut + len(_SEAL) :]
    if cut < 0 or seal != _SEAL or hashlib.sha256(data).digest() != digest:
        log.debug("damaged cache entry ignored: %s", path)
        return None
    return data


def sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path`` (hex), remembered while its size and modification
    time stay the same (the chart cache and the prebuilt fonts both check the 7 MB font
    files); raises OSError."""
    stat = path.stat()
    return _sha256(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_dir(kind: str) -> Path:
    """Where cached ``kind`` files live: ``$XDG_CACHE_HOME/briefing/<kind>`` (default
    ``~/.cache``), or ``%LOCALAPPDATA%\\briefing\\cache\\<kind>`` on Windows."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "briefing" / "cache" / kind
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing" / kind


FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_UNSAFE = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) +| +(?=[{_CJK}])")


def safe_name(text: str, limit: int = 120) -> str:
    """``text`` as a file name on every system: characters Windows, macOS or Linux refuse become
    ``-``, spaces beside Chinese characters go (``出席 2019 年`` -> ``出席2019年``), other runs
    of space and dashes become one ``-``, at most ``limit`` bytes in UTF-8 (file systems count
    bytes: 255 is 85 Chinese characters), cut where a word ends (:func:`word_cut`; "deck" when
    nothing is left)."""
    name = "".join("-" if ch in _UNSAFE or not ch.isprintable() else ch for ch in text)
    name = _CJK_SPACE.sub("", name)
    name = "-".join(part for part in name.strip(" .-").replace(" ", "-").split("-") if part)
    return word_cut(name, limit).rstrip(" .-") or "deck"


#: Where a name may be cut: after a separator or closing mark, before a joining word (之, 及,
#: 與 …) or an opening mark, and where Chinese meets Latin letters or digits.
_BREAK_AFTER = frozenset(" -_.,;:!?、，。：；）」』》〉】！？")
_BREAK_BEFORE = frozenset("之及與暨和並的赴於（「『《〈【")


def word_cut(name: str, limit: int) -> str:
    """``name`` in at most ``limit`` UTF-8 bytes, cut at the last place a word ends within
    the second half of what fits (``…芬蘭`` rather than ``…芬蘭考``); between characters when
    there is none (a name of one long word)."""
    cut = name.encode("utf-8", "replace")[:limit].decode("utf-8", "ignore")
    if len(cut) >= len(name):
        return cut
    for end in range(len(cut), len(cut) // 2, -1):
        before, after = cut[end - 1], name[end]
        if before in _BREAK_AFTER or after in _BREAK_BEFORE or _script(before) != _script(after):
            return cut[:end]
    return cut


def _script(ch: str) -> str:
    if re.match(f"[{_CJK}]", ch):
        return "cjk"
    return "latin" if ch.isalnum() else "other"


def looks_like_font_path(spec: str) -> bool:
    """Whether a font spec names a file (a folder separator or a font-file ending, maybe with
    a ``#N`` face index) rather than an installed family such as ``Microsoft JhengHei``."""
    base = spec.split("#")[0]
    return "/" in spec or "\\" in spec or os.sep in spec or base.lower().endswith(FONT_SUFFIXES)


def write_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written (a folder; its folder is a file, or not writable; a name
    the file system refuses), or None when it looks writable. Checked before a build, so that a
    bad ``--report`` or ``--out`` is refused before anything is replaced."""
    try:
        return _write_problem(path)
    except OSError as exc:  # a name too long for the file system, say
        return str(exc.strerror or exc)


A_FOLDER = "this is a folder; name a file"


def _write_problem(path: Path) -> str | None:
    if path.is_dir():
        return A_FOLDER
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # write_atomic creates the missing folders
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable"
    size = len(path.name) if sys.platform == "win32" else len(os.fsencode(path.name))
    if size > _NAME_MAX:
        return f"File name too long ({size} bytes; at most {_NAME_MAX})"
    return None


_NAME_MAX = 255  # bytes in one file name on ext4, APFS, NTFS (UTF-16 units there), FAT


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (links and ``..`` resolved; the file need
    not exist yet)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
