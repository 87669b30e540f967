"""Whether Qt's X11 platform plugin can load, asked before any Qt import.

On Linux, Qt 6's ``xcb`` plugin links to a dozen small X libraries that minimal systems (and
some desktops) lack; Qt then prints "could not load the Qt platform plugin" and aborts the
process. :func:`missing_packages` finds the missing libraries with
:func:`ctypes.util.find_library` and names the Debian/Ubuntu packages that provide them, so
``main.py`` can say what to install instead. This module imports nothing from Qt.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

#: The libraries Qt 6's xcb plugin (libqxcb.so, libQt6XcbQpa.so) loads, by find_library name,
#: with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES: dict[str, str] = {
    "xcb": "libxcb1",
    "X11": "libx11-6",
    "X11-xcb": "libx11-xcb1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-render": "libxcb-render0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xcb-util": "libxcb-util1",
    "xkbcommon": "libxkbcommon0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def uses_xcb(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt will pick its X11 (xcb) plugin: on Linux and the BSDs, unless another
    plugin is asked for or the session is Wayland."""
    if platform in ("win32", "darwin"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return bool(env.get("DISPLAY")) and not wayland


def missing_packages(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """The packages to install for the xcb plugin to load (empty: nothing is missing)."""
    return [package for name, package in XCB_LIBRARIES.items() if find(name) is None]


def advice(packages: list[str]) -> str:
    """What to tell the user when ``packages`` are missing (one paragraph, no traceback)."""
    listed = " ".join(packages)
    return (
        "error: the desktop app cannot open a window: Qt's X11 platform plugin needs system "
        f"libraries that are not installed.\nInstall them with:\n  sudo apt-get install {listed}"
        "\n(Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms "
        "xcb-util-image xcb-util-renderutil libxkbcommon-x11)\n"
        "The command line works without them: python main.py build --help"
    )
