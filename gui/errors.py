"""The GUI's one way to show an error (like Anki's ``show_exception``).

:func:`show_error` shows the same one line the command line prints (``error: FILE:LINE: field:
message`` for a :class:`~briefing.errors.BriefingError`) in a message box. The box is opened
window-modal with :meth:`QMessageBox.open`, so it never blocks the caller (or a test); tests may
also replace :data:`hook` to collect errors instead of showing them.
"""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefing.errors import BriefingError
from gui.strings import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

log = logging.getLogger("briefing.gui")

#: When set, called instead of showing a dialog (for tests and embedding).
hook: Callable[[QWidget | None, BaseException], None] | None = None


def error_text(exc: BaseException) -> str:
    """The line the CLI prints for ``exc``: ``error: …`` or ``internal error: Type: …``."""
    if isinstance(exc, BriefingError):
        return f"error: {exc}"
    return f"internal error: {type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Show ``exc`` to the user; returns the (already open, non-blocking) message box."""
    if hook is not None:
        hook(parent, exc)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        tr("error_title"),
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not isinstance(exc, BriefingError):
        log.error("internal error", exc_info=exc)
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.open()
    return box
