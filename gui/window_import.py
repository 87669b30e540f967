"""The main window's File ▸ Import report…: a trip report (.docx, .odt, .pdf, .txt) becomes a
content folder in the background, with progress and Cancel, and opens as a new briefing. What
the importer drafted is marked as a draft in the lists until someone reviews it. A mixin of
:class:`gui.window.MainWindow`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from briefing import api
from briefing.errors import BuildCancelled
from gui import errors, strings
from gui.qtutil import announce
from gui.review_panel import DraftReview
from gui.strings import tr
from gui.worker import Op

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from gui.window import MainWindow

SUFFIXES = ("*.docx", "*.odt", "*.pdf", "*.txt")


def is_report(path: Path) -> bool:
    """Whether ``path`` is a file the importer reads (by its ending)."""
    return path.suffix.lower() in {s[1:] for s in SUFFIXES}


def dropped_report(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one trip report file a drag carries (None: not one the importer reads)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return paths[0] if len(paths) == 1 and is_report(paths[0]) else None


def target_folder(home: Path, source: Path) -> Path:
    """Where an import of ``source`` goes: ``<home>/imported/<name>``, a new folder each time
    (``name-2`` …) so an earlier import, perhaps reviewed by hand, is never written over."""
    base = home / "imported" / (source.stem.strip() or "report")
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


class ImportActions:
    """File ▸ Import report…, dropping a report on the window, and the review of its drafts
    (mixed into MainWindow)."""

    reviewPanel: DraftReview | None = None  # noqa: N815 - Qt naming

    def dragEnterEvent(self: MainWindow, event: QDragEnterEvent) -> None:  # noqa: N802
        """A report dragged over the window can be dropped (one file the importer reads)."""
        if dropped_report(event) is not None and self._token is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self: MainWindow, event: QDropEvent) -> None:  # noqa: N802
        """A report dropped on the window is imported, as File ▸ Import report… would."""
        path = dropped_report(event)
        if path is None:
            self.statusBar().showMessage(tr("drop_refused"), 8000)
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_report(path)

    def _import_start(self: MainWindow) -> Path:
        """Where the file dialog opens: the folder of the last report imported, else the
        Documents folder, else home (never a folder that does not exist yet)."""
        last = self.settings.value("import/folder", "")
        for folder in (Path(str(last)) if last else None, self.output_folder.parent, Path.home()):
            if folder is not None and folder.is_dir():
                return folder
        return Path.home()

    def import_report(self: MainWindow, source: Path | str | None = None) -> None:
        """Ask for a report file (unless given), import it in the background, then open it."""
        if self._token is not None or not self.maybe_save():
            return
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                tr("import_title"),
                str(self._import_start()),
                f"{tr('import_filter')} ({' '.join(SUFFIXES)})",
            )
            if not chosen:
                return
            source = chosen
            self.settings.setValue("import/folder", str(Path(chosen).parent))
        path = Path(source)
        out = target_folder(self.output_folder, path)
        token = api.CancelToken()
        self._token = token
        language = strings.language()  # import-report.md and the notes in the app's language
        self._lock(True)
        self.infoBar.clear()
        self.buildPanel.started()
        self.statusBar().showMessage(tr("import_running", name=path.name))
        Op(
            self,
            lambda ctx: api.import_report(
                path, out, progress=ctx.progress, cancel=token, language=language
            ),
        ).progress(self.buildPanel.set_progress).success(self._imported).failure(
            self._import_failed
        ).run_in_background()

    def _imported(self: MainWindow, result: api.ImportResult) -> None:
        self._token = None
        self._lock(False)
        self.buildPanel.idle()
        options = api.options_from_recipe(None).replace(report=result.folder)
        if not self._set_document(options, None):
            return
        message = tr(
            "import_done",
            sections=result.sections,
            figures=result.figures,
            initiatives=result.initiatives,
            folder=result.folder,
        )
        self.statusBar().showMessage(message, 15000)
        announce(self, message)
        self.review_drafts(message, result.notes)

    def review_drafts(
        self: MainWindow, summary: str = "", notes: tuple[str, ...] | list[str] = ()
    ) -> DraftReview | None:
        """The review step (File ▸ Review drafts): the open report's drafts, non-blocking;
        saving it reloads the report, so lists and storyboard show the decisions."""
        if self._report is None:
            return None
        if self.reviewPanel is not None:
            self.reviewPanel.close()
        panel = DraftReview(self._report.folder, self, summary)
        panel.setWindowModality(Qt.WindowModality.WindowModal)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.set_notes(notes)
        panel.saved.connect(lambda _result: self.reload_report())
        panel.destroyed.connect(lambda *_: setattr(self, "reviewPanel", None))
        self.reviewPanel = panel
        panel.open()
        panel.list.setFocus()
        return panel

    def reload_report(self: MainWindow) -> bool:
        """Read the report folder again (after a review wrote it), keeping the document."""
        self._report_key = None
        return self._set_document(self._base, self.document.path)

    def _import_failed(self: MainWindow, exc: Exception) -> None:
        self._token = None
        self._lock(False)
        self.buildPanel.stopped(isinstance(exc, BuildCancelled), failed=tr("import_failed"))
        if isinstance(exc, BuildCancelled):
            self.statusBar().showMessage(tr("import_cancelled"), 8000)
            return
        self.statusBar().showMessage(tr("import_failed"), 8000)
        errors.show_error(self, exc, tr("import_failed"))
