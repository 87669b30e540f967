"""The settings form's file formats: what a recipe says is shown, and what is chosen is what
the build writes (BuildOptions.formats)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.options import BuildOptions
from gui.settings_panel import FORMAT_CHOICES, SettingsPanel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def test_the_form_offers_the_formats_and_gives_them_to_the_build(
    qtbot: QtBot, tmp_path: Path
) -> None:
    panel = SettingsPanel(tmp_path)
    qtbot.addWidget(panel)
    offered = [panel.formatCombo.itemData(n) for n in range(panel.formatCombo.count())]
    assert offered == list(FORMAT_CHOICES)
    assert panel.changes()["formats"] == ("pptx",)

    panel.set_options(BuildOptions(formats=("pptx", "odp", "pdf")))
    shown = panel.formatCombo.currentText()
    assert ".odp" in shown and "PDF" in shown
    assert panel.changes()["formats"] == ("pptx", "odp", "pdf")

    panel.set_options(BuildOptions(formats=("odp",)))  # a recipe's own choice is kept
    assert panel.changes()["formats"] == ("odp",)
