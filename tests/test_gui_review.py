"""The review step after an import: the drafts listed with the report's words and the doubt,
accepted, edited and rejected, saved into the content folder and read back; the start page's
import entry, a report dropped on the window, and building with drafts left saying how many."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QListWidget
from test_gui_fixtures import BUILD_TIMEOUT

from briefing import api
from gui.review_panel import DraftReview, note_text
from gui.startpage import IMPORT
from gui.worker import Op

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from gui.window import MainWindow

REPORT = Path(__file__).parent / "data" / "invented-estonia-finland-2023.txt"
pytest_plugins = ["test_gui_fixtures", "_review_fixtures"]  # window …; imported, folder


def _row(panel: DraftReview, key: str) -> int:
    return next(n for n, d in enumerate(panel.drafts) if d.key == key)


def test_the_panel_lists_each_draft_with_the_reports_words_and_its_doubt(
    qtbot: QtBot, folder: Path
) -> None:
    panel = DraftReview(folder)
    qtbot.addWidget(panel)
    drafts = panel.findChild(QListWidget, "draftList")

    assert panel.objectName() == "draftReview"
    assert drafts.count() == len(api.drafts(folder)) > 20
    texts = panel.texts()
    assert any("出國人員" in t and "王大明" in t for t in texts)
    assert any("行程" in t and "參訪電子居民計畫辦公室" in t for t in texts)
    assert any("章節（心得與建議）" in t for t in texts)
    assert all(t.startswith("未檢查") for t in texts)
    panel.list.setCurrentRow(_row(panel, "figures:s3-1-1-fig-1"))
    assert "約 5,000 萬歐元" in panel.words.toPlainText()
    assert "限定詞" in panel.doubt.text()
    item = drafts.item(_row(panel, "figures:s3-1-1-fig-1"))
    assert "限定詞" in item.data(Qt.ItemDataRole.AccessibleTextRole)  # a screen reader says why
    for widget in (panel.list, panel.words, *panel.buttons.values()):
        assert widget.accessibleName()


def test_accept_edit_reject_save_and_reload(qtbot: QtBot, folder: Path) -> None:
    panel = DraftReview(folder)
    qtbot.addWidget(panel)
    panel.show()
    saved: list[api.ReviewResult] = []
    panel.saved.connect(saved.append)
    # keyboard: Space accepts, Delete rejects the current row
    panel.list.setFocus()
    panel.list.setCurrentRow(_row(panel, "figures:s1-fig-1"))
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    panel.list.setCurrentRow(
        _row(panel, "initiatives:digital-and-population-data-services-agency-dvv")
    )
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    # edit through the form
    panel.list.setCurrentRow(_row(panel, "report:travellers:0"))
    panel.buttons["edit"].click()
    assert panel.editor.isVisible()
    panel.fields["title"].setText("副處長")
    panel.buttons["apply"].click()
    texts = panel.texts()
    assert texts[_row(panel, "report:travellers:0")].startswith("✎ 已修改")
    assert "副處長" in texts[_row(panel, "report:travellers:0")]
    assert texts[_row(panel, "figures:s1-fig-1")].startswith("✓ 接受")
    assert "將刪除 1" in panel.count.text()

    assert panel.save()

    assert saved and saved[0].kept == 2
    people = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))["travellers"]
    assert people[0] == {"name": "王大明", "title": "副處長"}
    names = [i["name"] for i in yaml.safe_load((folder / "initiatives.yaml").read_text("utf-8"))]
    assert names == ["北歐互通解決方案研究所"]
    # reloaded: what was decided is gone from the list
    keys = [d.key for d in panel.drafts]
    assert "figures:s1-fig-1" not in keys and "report:travellers:0" not in keys
    assert panel.list.count() == len(keys)


def test_accept_all_and_an_edit_the_report_does_not_back_is_refused(
    qtbot: QtBot, folder: Path, shown: list[BaseException]
) -> None:
    panel = DraftReview(folder)
    qtbot.addWidget(panel)
    panel.list.setCurrentRow(_row(panel, "figures:s1-fig-1"))
    panel.apply_edit({"value": "abc"})
    assert not panel.save()  # a dialog, and the folder as it was
    assert shown and "value" in str(shown[0])
    panel.decide(None)
    panel.buttons["accept_all"].click()
    assert panel.save()
    assert api.drafts(folder) == [] and panel.list.count() == 0
    assert "沒有待檢查的草稿" in panel.count.text()


def test_reject_all_of_the_figures_removes_them(qtbot: QtBot, folder: Path) -> None:
    panel = DraftReview(folder)
    qtbot.addWidget(panel)
    rows = [n for n, d in enumerate(panel.drafts) if d.kind == "figure"]
    panel.decide("reject", rows)
    assert panel.save()
    report = api.load(api.options_from_recipe(None).replace(report=folder))
    assert report.figures == ()
    assert [d for d in api.drafts(folder) if d.kind == "figure"] == []


def test_import_notes_get_their_heading_in_the_interface_language() -> None:
    from gui import strings

    assert note_text("guessed: 第35行：一、發展沿革") == "只依編號判斷的標題：第35行：一、發展沿革"
    assert note_text("photos: 第3頁：沒有圖說") == "未匯入或缺少圖說的圖片：第3頁：沒有圖說"
    assert note_text("no kind here") == "no kind here"
    before = strings.language()
    strings.set_language("en")
    try:
        assert note_text("guessed: line 35: 一、發展沿革") == (
            "Heading guessed from its numbering: line 35: 一、發展沿革"
        )
    finally:
        strings.set_language(before)


def _imported(qtbot: QtBot, window: MainWindow) -> DraftReview:
    qtbot.waitUntil(lambda: not window.building() and not Op.busy(), timeout=BUILD_TIMEOUT)
    panel = window.reviewPanel
    assert panel is not None and panel.isVisible()
    return panel


def test_the_start_pages_first_choice_imports_a_report_and_opens_the_review(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_start_page()
    assert page.choice() == IMPORT  # the first row, current when the page opens
    monkeypatch.setattr(
        "gui.window_import.QFileDialog.getOpenFileName", lambda *a, **k: (str(REPORT), "")
    )
    page.accept()
    panel = _imported(qtbot, window)
    assert "已匯入" in panel.summary.text()
    assert window._report is not None and "愛沙尼亞" in window._report.meta.title
    panel.buttons["accept_all"].click()
    panel.save()
    assert window.reviewPanel is panel and window._report is not None
    assert not any(d for d in api.drafts(window._report.folder))
    tree = window.sectionTree.model()
    assert not any(
        str(tree.index(r, 0).data()).endswith("〔草稿〕") for r in range(tree.rowCount())
    )


def test_a_report_dropped_on_the_window_is_imported(window: MainWindow, qtbot: QtBot) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(REPORT))])
    event = QDropEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)  # what Qt calls as the file is dragged over the window
    assert enter.isAccepted()
    window.dropEvent(event)  # and as it is dropped
    panel = _imported(qtbot, window)
    assert panel.list.count() > 20
    bad = QMimeData()
    bad.setUrls([QUrl.fromLocalFile(str(Path(__file__)))])
    window.dropEvent(
        QDropEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            bad,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert ".docx" in window.statusBar().currentMessage()


def test_building_with_drafts_left_says_how_many(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.import_report(REPORT)
    panel = _imported(qtbot, window)
    count = panel.list.count()
    panel.close()
    window.generate()
    qtbot.waitUntil(lambda: window.infoBar.isVisible(), timeout=BUILD_TIMEOUT)
    assert f"尚有 {count} 項草稿未檢查" in window.infoBar.messageLabel.text()
    window.set_ui_language("en")  # the 已產生 bar stays, in the new language
    assert window.infoBar.isVisible()
    assert f"{count} drafts not yet reviewed" in window.infoBar.messageLabel.text()
    window.set_ui_language("zh-TW")


def test_the_command_line_opens_a_report_imported_with_its_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """``python main.py gui REPORT.docx`` (what "Open with" runs): the CLI passes the file on,
    and the app imports it and opens the review step."""
    import io

    from briefing.cli import main
    from gui.app import begin

    docx = Path(__file__).parent / "data" / "reports" / "apec-sme-2017" / "apec-sme-2017.docx"
    passed: list[Path | None] = []
    assert main(["gui", str(docx)], gui=lambda path, _err: passed.append(path) or 0) == 0
    assert passed == [docx]
    err = io.StringIO()
    assert main(["gui", str(tmp_path / "missing.docx")], stderr=err, gui=lambda *_: 0) == 2
    assert "missing.docx" in err.getvalue()

    begin(window, docx.with_suffix(".txt"))  # the same report as text: a faster import
    panel = _imported(qtbot, window)
    assert panel.list.count() > 5
    assert window._report is not None and window._report.folder.name == "apec-sme-2017"


def test_a_report_dropped_on_the_start_page_is_imported(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_start_page()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(REPORT))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    page.dropEvent(
        QDropEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    panel = _imported(qtbot, window)
    assert panel.list.count() > 20  # and the page is gone (deleted on close)
