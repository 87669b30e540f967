"""The deck's font in the GUI: read it in the background, describe its licence bit, and
register its file with QFontDatabase so the slide preview draws with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase

from briefing import api
from gui import errors, strings
from gui.strings import tr
from gui.worker import Op

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.fonts.family import FontFamily


class DeckFont(QObject):
    """Loads font specs (None: the bundled Noto Sans TC); only the latest request reports.

    ``loaded(qt_family, description)`` or ``failed(message)`` follow each :meth:`load`.
    """

    loaded = Signal(str, str)
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._request = 0
        self._registered: dict[str, str] = {}
        self.key: tuple[str | None, int | None] | None = None
        #: The family last loaded (None while loading, or when it cannot be used).
        self.current: FontFamily | None = None

    def load(self, spec: str | None, index: int | None, *, loud: bool = False) -> None:
        """Read ``spec`` in a worker; ``loud``: a problem also opens the error dialog."""
        self.key = (spec, index)
        self.current = None
        self._request += 1
        request = self._request
        Op(self._window, lambda _ctx: api.load_font(spec, index)).success(
            lambda family: self._done(request, family)
        ).failure(lambda exc: self._failed(request, exc, loud)).run_in_background()

    def family(self, path: str) -> str:
        """The Qt family of the font file ``path`` (registered once)."""
        if path not in self._registered:
            font_id = QFontDatabase.addApplicationFont(path)
            found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            self._registered[path] = found[0] if found else self._window.font().family()
        return self._registered[path]

    def _done(self, request: int, family: FontFamily) -> None:
        if request == self._request:
            self.current = family
            self.loaded.emit(self.family(str(family.regular.path)), describe(family))

    def _failed(self, request: int, exc: Exception, loud: bool) -> None:
        if request == self._request:
            self.failed.emit(errors.plain_message(exc))
            if loud:
                errors.show_error(self._window, exc, tr("fix_font", reason="").rstrip("：: "))


def describe(family: FontFamily) -> str:
    """``Noto Sans TC（常規＋粗體）：可安裝嵌入`` (with ``fsType 0x0000`` when the details
    toggle is on: View ▸ Show technical details)."""
    faces = tr("faces_both") if family.bold else tr("faces_regular")
    fs_type = family.regular.fs_type
    return tr(
        "font_info_details" if strings.details() else "font_info",
        name=family.name,
        faces=faces,
        fs=fs_type,
        licence=strings.licence_text(fs_type),
    )
