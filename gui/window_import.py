"""The main window's File ▸ Import report…: a trip report (.docx, .odt, .pdf, .txt) becomes a
content folder in the background, with progress and Cancel, and opens as a new briefing. What
the importer drafted is marked as a draft in the lists until someone reviews it. A mixin of
:class:`gui.window.MainWindow`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing import api
from briefing.errors import BuildCancelled
from gui import errors
from gui.qtutil import announce
from gui.strings import tr
from gui.worker import Op

if TYPE_CHECKING:
    from gui.window import MainWindow

SUFFIXES = ("*.docx", "*.odt", "*.pdf", "*.txt")


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
    """File ▸ Import report… (mixed into MainWindow)."""

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
        self._lock(True)
        self.infoBar.clear()
        self.buildPanel.started()
        self.statusBar().showMessage(tr("import_running", name=path.name))
        Op(
            self,
            lambda ctx: api.import_report(path, out, progress=ctx.progress, cancel=token),
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
        box = QMessageBox(QMessageBox.Icon.Information, tr("import_title"), message, parent=self)
        box.setInformativeText(tr("import_review", file=result.report_file))
        if result.notes:
            box.setDetailedText("\n".join(result.notes))
        box.open()

    def _import_failed(self: MainWindow, exc: Exception) -> None:
        self._token = None
        self._lock(False)
        self.buildPanel.stopped(isinstance(exc, BuildCancelled))
        if isinstance(exc, BuildCancelled):
            self.statusBar().showMessage(tr("import_cancelled"), 8000)
            return
        self.statusBar().showMessage(tr("import_failed"), 8000)
        errors.show_error(self, exc, tr("import_failed"))
