"""Writing files safely, and where caches live.

Every file the program writes (decks, build reports, recipes, cached font subsets and chart
pictures) goes through :func:`write_atomic`: a temporary file in the same folder, renamed over
the target only when complete, so a reader never sees half a file and a failure leaves the old
one in place. Cache entries are sealed with their SHA-256 (:func:`store_sealed`) and checked
when read (:func:`read_sealed`): a damaged entry is a miss, rebuilt, never used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("briefing")


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; raises OSError.

    ``durable`` flushes the data to disk before the rename (decks and recipes; caches skip it).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


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


def safe_name(text: str, limit: int = 80) -> str:
    """``text`` as a file name on every system: characters Windows, macOS or Linux refuse become
    ``-``, runs of space and dashes shrink to one, at most ``limit`` characters ("deck" when
    nothing is left)."""
    name = "".join("-" if ch in _UNSAFE else ch for ch in text).strip(" .-")
    name = "-".join(part for part in name.replace(" ", "-").split("-") if part)
    return name[:limit].rstrip(" .-") or "deck"


def looks_like_font_path(spec: str) -> bool:
    """Whether a font spec names a file (a folder separator or a font-file ending, maybe with
    a ``#N`` face index) rather than an installed family such as ``Microsoft JhengHei``."""
    base = spec.split("#")[0]
    return "/" in spec or "\\" in spec or os.sep in spec or base.lower().endswith(FONT_SUFFIXES)
