"""The core stays below the shells: briefing/ never imports PySide6 or gui/, and only
briefing/deck/ talks to python-pptx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "briefing"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_never_imports_qt_or_the_gui() -> None:
    offenders = {
        str(p.relative_to(ROOT))
        for p in CORE.rglob("*.py")
        if _imports(p) & {"PySide6", "PyQt5", "PyQt6", "gui"}
    }

    assert offenders == set()


def test_only_the_deck_package_imports_python_pptx() -> None:
    offenders = {
        str(p.relative_to(ROOT))
        for p in CORE.rglob("*.py")
        if "pptx" in _imports(p) and p.parent.name != "deck"
    }

    assert offenders == set()


def test_the_core_builds_a_deck_with_qt_unavailable(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from briefing import api\n"
        f"r = api.build(api.options_from_recipe(None, initiatives=('myinfo',), "
        f"output={str(tmp_path / 'deck.pptx')!r}))\n"
        "print(r.slide_count)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 2
    assert (tmp_path / "deck.pptx").stat().st_size > 10_000


def _runtime_briefing_imports(path: Path) -> set[str]:
    """``briefing`` modules a file imports at run time (not under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefing"):
            found |= (
                {f"briefing.{a.name}" for a in node.names}
                if node.module == "briefing"
                else {node.module}
            )
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefing")}
    return found


def test_the_gui_uses_the_core_only_through_its_api() -> None:
    allowed = {"briefing.api", "briefing.content.model", "briefing.errors"}
    used = {
        str(p.relative_to(ROOT)): _runtime_briefing_imports(p) - allowed
        for p in (ROOT / "gui").rglob("*.py")
    }

    assert {name: deeper for name, deeper in used.items() if deeper} == {}


def test_the_code_passes_the_linter_and_the_formatter() -> None:
    for command in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

        assert done.returncode == 0, done.stdout + done.stderr
