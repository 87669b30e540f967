"""File ▸ Import report…: a trip report comes in, in the background, and opens as a briefing,
its drafts marked; a file that cannot be read is a dialog and changes nothing."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication, QMessageBox
from test_gui_fixtures import BUILD_TIMEOUT

from gui.window_import import target_folder
from gui.worker import Op

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from gui.window import MainWindow

pytest_plugins = ["test_gui_fixtures"]  # window, documents, shown, settings
REPORT = Path(__file__).parent / "data" / "invented-estonia-finland-2023.txt"


def _close_boxes() -> list[str]:
    texts = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            texts.append(widget.text())
            widget.close()
    return texts


def test_an_imported_report_opens_as_a_briefing_with_its_drafts_marked(
    window: MainWindow, qtbot: QtBot, documents: Path
) -> None:
    window.import_report(REPORT)
    assert window.building()  # in the background: the inputs are locked meanwhile
    assert not window.sectionsPanel.isEnabled()
    qtbot.waitUntil(lambda: not window.building() and not Op.busy(), timeout=BUILD_TIMEOUT)
    assert window.reviewPanel is not None  # the review step opens, with what was imported
    messages = [window.reviewPanel.summary.text()]
    notes = window.reviewPanel.notes.toPlainText()
    window.reviewPanel.close()
    report = window._report
    tree = window.sectionTree.model()
    shown_titles = [tree.index(r, 0).data() for r in range(tree.rowCount())]

    assert report is not None and report.folder.parent == documents / "imported"
    said = (report.folder / "import-report.md").read_text(encoding="utf-8")
    assert said.startswith("# 匯入報告")  # in the app's language, from the core
    assert "只依編號判斷的標題：第35行：一、發展沿革" in notes
    assert not re.search(r"\b(?:line|not found|under|dropped)\b", notes)
    assert any("已匯入" in m for m in messages)
    assert window.sectionsPanel.isEnabled()
    assert any(title.endswith("〔草稿〕") for title in shown_titles)
    assert "新加坡" not in window.initiativesPanel.title()
    assert window.storyboard.model_.rowCount() > 3  # planned from the imported report
    # and ready to build: Generate on, Cancel off
    assert window.buildPanel.generateButton.isEnabled()
    assert not window.buildPanel.cancelButton.isEnabled()


def test_a_file_that_cannot_be_imported_is_a_dialog_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown: list[BaseException]
) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")  # no text layer, not even a page
    before = window._report

    window.import_report(bad)
    qtbot.waitUntil(lambda: not window.building() and not Op.busy(), timeout=BUILD_TIMEOUT)

    assert shown and "scan.pdf" in str(shown[0])
    assert window._report is before
    assert window.buildPanel.generateButton.isEnabled()
    assert not window.buildPanel.cancelButton.isEnabled()
    assert not (window.output_folder / "imported" / "scan").exists()


def test_each_import_gets_a_folder_of_its_own(tmp_path: Path) -> None:
    first = target_folder(tmp_path, Path("/reports/Estonia 2023.docx"))
    first.mkdir(parents=True)

    assert first == tmp_path / "imported" / "Estonia 2023"
    assert target_folder(tmp_path, Path("/reports/Estonia 2023.docx")).name == "Estonia 2023-2"


def test_a_report_without_headings_says_which_lines_and_how_to_fix_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown: list[BaseException]
) -> None:
    from gui import errors, strings

    flat = tmp_path / "flat.txt"
    flat.write_text(
        "出國報告\n\n本次考察荷蘭的水資源管理。\n\n行程概要\n\n我們拜訪了三個機關。\n\n"
        "3. 心得\n\n成果豐碩，值得參考。\n",
        encoding="utf-8",
    )
    window.import_report(flat)
    qtbot.waitUntil(lambda: not window.building() and not Op.busy(), timeout=BUILD_TIMEOUT)
    assert shown and getattr(shown[0], "details", None)

    assert strings.language() == "zh-TW"
    hook, errors.hook = errors.hook, None
    try:
        box = errors.show_error(window, shown[0])
    finally:
        errors.hook = hook
    assert box is not None
    said = box.text() + "\n" + box.informativeText()
    box.close()
    assert "章節標題" in said
    assert "第5行「行程概要」：沒有編號" in said  # every refused line, not only the first
    assert "第9行「3. 心得」：編號「3.」之前沒有「一」或「1」" in said
    assert "修正方式" in said and "fix:" not in said
    assert not (window.output_folder / "imported" / "flat").exists()
    assert window.buildPanel.progressBar.format() == "無法匯入出國報告"  # not "產生失敗"
