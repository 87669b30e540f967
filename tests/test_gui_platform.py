"""Before Qt loads: on Linux the app names the X libraries Qt's xcb plugin needs instead of
letting Qt abort the process (gui/platform_check.py, called by main.py). No Qt needed here."""

from __future__ import annotations

import io

import pytest

import main
from gui import platform_check


def test_missing_libraries_are_named_by_their_packages() -> None:
    absent = ("xcb-cursor", "xcb-icccm", "xcb-keysyms")

    missing = platform_check.missing_packages(lambda name: None if name in absent else "x.so")
    complete = platform_check.missing_packages(lambda name: f"lib{name}.so")

    assert missing == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert complete == []


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"DISPLAY": ":0"}, True),
        ("linux", {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ("linux", {"QT_QPA_PLATFORM": "xcb"}, True),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ("linux", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}, False),
        ("win32", {"DISPLAY": ":0"}, False),
        ("darwin", {}, False),
    ],
)
def test_the_check_runs_only_where_qt_will_use_x11(
    platform: str, env: dict[str, str], expected: bool
) -> None:
    assert platform_check.uses_xcb(platform, env) is expected


def test_the_app_says_what_to_install_and_exits_2_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "uses_xcb", lambda: True)
    monkeypatch.setattr(
        platform_check, "missing_packages", lambda: ["libxcb-icccm4", "libxcb-keysyms1"]
    )
    err = io.StringIO()

    code = main.open_app(None, err)

    assert code == 2
    text = err.getvalue()
    assert text.startswith("error: the desktop app cannot open a window")
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text
    assert "Traceback" not in text


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_every_kind_of_slide_has_a_name_in_the_storyboard(language: str) -> None:
    from typing import get_args

    from briefing.story.plan import SlideKind
    from gui import strings

    strings.set_language(language)
    try:
        names = {kind: strings.kind_label(kind) for kind in get_args(SlideKind)}
    finally:
        strings.set_language("zh-TW")

    assert all(name != kind for kind, name in names.items() if language == "zh-TW"), names
    assert len(set(names.values())) == len(names)  # no two kinds share a badge
