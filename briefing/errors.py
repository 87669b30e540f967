"""Errors raised by the briefing core.

Every error a user can cause (a bad recipe, bad content, a template mistake, an unusable font)
is a :class:`BriefingError` that knows where it happened: a file, a line and a field. The CLI
prints ``error: FILE:LINE: field: message`` and exits 2; the GUI shows the same text in a dialog.
A message is always one line of at most 300 characters: other libraries' multi-line messages are
folded, and bad values are quoted by excerpt (:func:`briefing.limits.excerpt`).
Problems the build can recover from are warnings (see :mod:`briefing.api`), not exceptions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class BriefingError(Exception):
    """Bad input: a message plus where it came from (any of file, line, field may be None)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        message = _one_line(message)
        super().__init__(message)
        self.message = message
        self.file = _one_line(str(file), limit=None) if file is not None else None
        self.line = line
        self.field = _one_line(field, limit=_FIELD_LIMIT) if field is not None else None

    @property
    def location(self) -> str:
        """``FILE:LINE`` (or just ``FILE``), empty when the error has no file."""
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"{self.location}: {text}" if self.location else text


_MESSAGE_LIMIT = 300
_FIELD_LIMIT = 80


def _one_line(text: str, limit: int | None = _MESSAGE_LIMIT) -> str:
    """``text`` on one line (PyYAML's and other libraries' multi-line messages folded, control
    characters shown escaped) and at most ``limit`` characters."""
    folded = " ".join(text.split()) if limit is not None else text
    shown = "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in folded)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


class ContentError(BriefingError):
    """The report's data files are invalid (schema, duplicate or dangling ids)."""


class RecipeError(BriefingError):
    """A recipe (or the options overriding it) is invalid."""


class TemplateError(BriefingError):
    """A Jinja template failed to load or render."""


class ChartError(BriefingError):
    """A chart spec cannot be drawn from the data it names."""


class FontError(BriefingError):
    """A font cannot be found, read or embedded (licence bits, format)."""


class FontNotFound(FileNotFoundError, FontError):  # noqa: N818 - mirrors jinja2.TemplateNotFound
    """No font file or installed family matches what the user named."""

    def __init__(self, message: str, **where: object) -> None:
        FontError.__init__(self, message, **where)  # type: ignore[arg-type]


class SourceError(BriefingError):
    """A trip report to import cannot be read (format, encoding, no text layer)."""


class DeckError(BriefingError):
    """The deck cannot be written (output path, master template)."""


class BuildCancelled(Exception):
    """The build was cancelled by the caller (the GUI's Cancel button); nothing was written."""


class Terminated(BaseException):  # noqa: N818 - like KeyboardInterrupt, which it mirrors
    """The process was asked to stop (SIGTERM from ``timeout``, cron or systemd): the build
    unwinds the way Ctrl-C makes it, removing its temporary files. ``signum`` is the signal."""

    def __init__(self, signum: int = 15) -> None:
        super().__init__(signum)
        self.signum = signum
