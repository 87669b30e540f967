"""Nothing lost, nothing leaked: what a build writes when things go wrong around it.

Outputs that cannot be written are refused before the previous deck is replaced; a build killed
while writing leaves the previous deck and, after the next run, a clean folder; files get the
user's umask; LibreOffice failing or hanging is a warning and leaves no process or folder
behind; a batch never overwrites its own output and survives a worker killed outright.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from _hostile import ROOT, previous_deck, refused, run
from pptx import Presentation

from briefing import batch
from briefing.deck.package import verify
from briefing.errors import DeckError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and modes")


# -- outputs checked before anything is replaced --------------------------------------------
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--report", "{tmp}/a-folder"], r"a-folder: cannot write the build report: this is a f"),
        (["--report", "{tmp}/out/deck.pptx"], r"deck\.pptx: --report: names .*deck\.pptx, which"),
        (["--report", "{tmp}/a-file/r.json"], r"r\.json: cannot write the build report: .*a-file"),
    ],
    ids=["report-is-a-folder", "report-is-the-deck", "report-under-a-file"],
)
def test_a_report_that_cannot_be_written_fails_before_the_deck_is_replaced(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    deck = previous_deck(tmp_path)
    argv = ["build", "--initiative", "myinfo", "--out", str(deck)]

    refused(tmp_path, argv + [e.format(tmp=tmp_path) for e in extra], message)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("deck.pdf", r"deck\.pdf: the deck must be written to a \.pptx file"),
        ("a-folder.pptx", r"a-folder\.pptx: the output path is a folder; name a \.pptx file"),
        ("a" * 300 + ".pptx", r"a{100}.*: cannot write the deck: File name too long"),
    ],
    ids=["not-pptx", "a-folder", "name-too-long"],
)
def test_an_output_that_cannot_be_written_is_refused(
    tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "a-folder.pptx").mkdir()

    refused(tmp_path, ["build", "--initiative", "myinfo", "--out", str(tmp_path / name)], message)


def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("長" * 81 + ".pptx")  # 243 + 5 = 248 bytes: legal everywhere

    code, _, err = run("build", "--initiative", "myinfo", "--out", str(target))

    assert (code, err) == (0, "")
    assert len(Presentation(str(target)).slides) > 2
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


# -- killed while writing -------------------------------------------------------------------
KILL_WHILE_WRITING = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    real_fsync = os.fsync

    def killed(fd):  # the deck's data is in its temporary file, not yet renamed
        os.kill(os.getpid(), signal.{signal})
        real_fsync(fd)

    os.fsync = killed
    from briefing.cli import main
    sys.exit(main(["build", "--initiative", "myinfo", "--out", {deck!r}]))
    """
)


def _build_killed(deck: Path, signal_name: str) -> subprocess.CompletedProcess[str]:
    script = KILL_WHILE_WRITING.format(root=str(ROOT), signal=signal_name, deck=str(deck))
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=deck.parent,
    )


@posix_only
@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_build_stopped_while_writing_keeps_the_old_deck_and_leaves_no_temporary_file(
    tmp_path: Path, name: str, status: int
) -> None:
    deck = previous_deck(tmp_path)

    done = _build_killed(deck, name)

    assert done.returncode == status, done.stderr
    assert done.stderr.strip().splitlines()[-1] in ("terminated", "interrupted")
    assert deck.read_bytes() == b"the previous deck"
    assert sorted(p.name for p in deck.parent.iterdir()) == ["deck.pptx"]


@posix_only
def test_a_build_killed_outright_leaves_a_temporary_file_the_next_build_removes(
    tmp_path: Path,
) -> None:
    deck = previous_deck(tmp_path)

    done = _build_killed(deck, "SIGKILL")
    left = [p for p in deck.parent.iterdir() if p.name != "deck.pptx"]

    assert done.returncode == -signal.SIGKILL
    assert deck.read_bytes() == b"the previous deck"
    assert len(left) == 1 and left[0].name.startswith(".briefing-") and left[0].suffix == ".part"
    an_hour_ago = time.time() - 3600
    os.utime(left[0], (an_hour_ago, an_hour_ago))
    fresh = deck.parent / ".briefing-0123abcd.part"  # another build's, still being written
    fresh.write_bytes(b"in progress")

    code, _, err = run("build", "--initiative", "myinfo", "--out", str(deck))

    assert (code, err) == (0, "")
    assert sorted(p.name for p in deck.parent.iterdir()) == [fresh.name, "deck.pptx"]
    assert len(Presentation(str(deck)).slides) > 2


# -- permissions: the umask's, or the replaced deck's ---------------------------------------
@posix_only
def test_decks_and_reports_get_the_umask_permissions_and_a_replaced_deck_keeps_its_own(
    tmp_path: Path,
) -> None:
    new, kept, report = tmp_path / "new.pptx", tmp_path / "kept.pptx", tmp_path / "r.json"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    previous = os.umask(0o027)
    try:
        first = run("build", "--initiative", "myinfo", "--out", str(new), "--report", str(report))
        second = run("build", "--initiative", "myinfo", "--out", str(kept))
    finally:
        os.umask(previous)

    assert first[0] == second[0] == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


# -- the post-write check ---------------------------------------------------------------------
def test_a_deck_that_does_not_reopen_is_refused_before_it_replaces_anything(
    default_build,  # type: ignore[no-untyped-def]
) -> None:
    data = default_build.output.read_bytes()
    slides = default_build.slide_count

    verify(data, slides)  # the real deck passes
    with pytest.raises(DeckError, match="the deck does not reopen"):
        verify(data[: len(data) // 2], slides)
    with pytest.raises(DeckError, match=f"reopens with {slides} slides, not {slides + 1}"):
        verify(data, slides + 1)


# -- --pdf: a fake LibreOffice that hangs, fails or works ----------------------------------
FAKE_SOFFICE = """#!/bin/sh
outdir=""; last=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then outdir="$2"; shift; fi
  last="$1"; shift
done
echo "$outdir" > "$FAKE_STATE/outdir"
case "$FAKE_MODE" in
  hang) sleep 300 & echo $! > "$FAKE_STATE/child"; sleep 300 ;;
  fail) echo "first line" >&2; echo "Error: source file could not be loaded" >&2; exit 3 ;;
  ok) name=$(basename "$last"); printf '%%PDF-1.4 fake' > "$outdir/${name%%.*}.pdf" ;;
esac
"""


@pytest.fixture
def fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``soffice`` on PATH driven by FAKE_MODE; returns the folder it reports into."""
    bin_dir, state = tmp_path / "bin", tmp_path / "state"
    bin_dir.mkdir()
    state.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE, encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_STATE", str(state))
    return state


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


@posix_only
def test_a_hung_libreoffice_is_a_warning_and_leaves_no_process_folder_or_old_pdf(
    tmp_path: Path, fake_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "hang")
    deck = tmp_path / "out" / "deck.pptx"
    deck.parent.mkdir()
    old_pdf = deck.with_suffix(".pdf")
    old_pdf.write_bytes(b"%PDF of an earlier deck")
    start = time.monotonic()

    code, _, err = run(
        "build", "--initiative", "myinfo", "--out", str(deck), "--pdf", "--pdf-timeout", "2"
    )

    assert code == 0, err
    assert time.monotonic() - start < 60
    assert "warning: no PDF written: LibreOffice did not finish within 2 s" in err
    assert "removed the out-of-date deck.pdf" in err
    assert deck.exists() and not old_pdf.exists()
    assert not _running(int((fake_office / "child").read_text().strip()))
    assert not Path((fake_office / "outdir").read_text().strip()).exists()


@posix_only
def test_a_failing_libreoffice_is_a_warning_and_an_error_with_strict(
    tmp_path: Path, fake_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "fail")
    deck = tmp_path / "deck.pptx"
    argv = ["build", "--initiative", "myinfo", "--out", str(deck), "--pdf"]

    code, _, err = run(*argv)
    strict_code, _, strict_err = run(*argv, "--strict")

    assert code == 0
    assert "warning: no PDF written: LibreOffice failed: Error: source file could not" in err
    assert strict_code == 2
    assert strict_err.startswith(f"error: {deck}: formats: no PDF written: LibreOffice failed")
    assert len(strict_err.splitlines()) == 1


@posix_only
def test_the_pdf_is_copied_beside_the_deck(
    tmp_path: Path, fake_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "ok")
    deck = tmp_path / "deck.pptx"

    code, out, err = run("build", "--initiative", "myinfo", "--out", str(deck), "--pdf")

    assert (code, err) == (0, "")
    assert deck.with_suffix(".pdf").read_bytes() == b"%PDF-1.4 fake"
    assert f"wrote {deck.with_suffix('.pdf')}" in out
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != "") == [
        "deck.pdf",
        "deck.pptx",
    ]


def test_pdf_with_strict_and_no_libreoffice_is_refused_before_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("briefing.pdf.find_office", lambda: None)  # not even in /Applications
    deck = previous_deck(tmp_path)
    argv = ["build", "--initiative", "myinfo", "--out", str(deck), "--pdf", "--strict"]

    refused(tmp_path, argv, r"--pdf --strict: LibreOffice \(soffice\) is not installed")


# -- batches --------------------------------------------------------------------------------
def _recipes(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_two_recipes_writing_one_file_are_refused_naming_both(tmp_path: Path) -> None:
    folder = _recipes(
        tmp_path / "recipes",
        first="initiatives: [myinfo]\noutput: out/same.pptx\n",
        second="initiatives: [singpass]\noutput: out/same.pptx\n",
    )

    line = refused(
        tmp_path,
        ["build", "--recipe", str(folder), "--jobs", "2"],
        r"first\.yaml and .*second\.yaml both write out/same\.pptx",
    )

    assert "second.yaml: output:" in line


def test_a_report_that_is_a_batch_output_is_refused(tmp_path: Path) -> None:
    folder = _recipes(
        tmp_path / "recipes",
        a="initiatives: [myinfo]\noutput: out/a.pptx\n",
        b="initiatives: [singpass]\noutput: out/b.pptx\n",
    )

    refused(
        tmp_path,
        ["build", "--recipe", str(folder), "--report", "out/b.pptx"],
        r"--report: names out/b\.pptx, which the build writes",
    )


def test_recipes_with_the_same_title_and_day_get_their_own_default_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _recipes(
        tmp_path / "recipes",
        monday="title: 週報\ndate: 2026-11-30\ninitiatives: [myinfo]\n",
        tuesday="title: 週報\ndate: 2026-11-30\ninitiatives: [singpass]\n",
        other="title: 月報\ndate: 2026-11-30\ninitiatives: [paynow]\n",
    )

    code, out, err = run("build", "--recipe", str(folder), "--jobs", "2")

    assert (code, err) == (0, ""), out
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "月報-2026-11-30.pptx",
        "週報-monday-2026-11-30.pptx",
        "週報-tuesday-2026-11-30.pptx",
    ]


def _work(task: str) -> tuple[str, str]:
    """A batch job: "die" is killed outright, as the out-of-memory killer would."""
    if task == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return "ok", f"built {task}"


@posix_only
def test_a_worker_killed_outright_fails_only_its_own_recipe() -> None:
    results = {
        task: (status, payload)
        for task, status, payload in batch.run_isolated(_work, ["a", "die", "b", "c"], jobs=2)
    }

    assert results["a"] == ("ok", "built a")
    assert results["b"] == ("ok", "built b") and results["c"] == ("ok", "built c")
    assert results["die"][0] == "error"
    assert "killed by SIGKILL (out of memory?)" in results["die"][1]


def test_default_names_that_collide_take_the_recipe_name_and_explicit_ones_stay() -> None:
    day = dt.date(2026, 11, 30)
    planned = [
        batch.Planned(Path("a.yaml"), None, "T", day),
        batch.Planned(Path("b.yaml"), None, "T", day),
        batch.Planned(Path("c.yaml"), Path("out/x.pptx"), "", day),
    ]

    targets = batch.assign_outputs(
        planned, lambda title, date, name: Path(f"{title}-{name or ''}-{date}.pptx")
    )

    assert targets == {
        Path("a.yaml"): Path("T-a-2026-11-30.pptx"),
        Path("b.yaml"): Path("T-b-2026-11-30.pptx"),
        Path("c.yaml"): Path("out/x.pptx"),
    }


@posix_only
def test_sigterm_while_libreoffice_runs_stops_it_and_removes_its_folder(
    tmp_path: Path, fake_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "hang")
    deck = tmp_path / "deck.pptx"
    deck.with_suffix(".pdf").write_bytes(b"%PDF of an earlier deck")  # must not look current
    command = [sys.executable, str(ROOT / "main.py"), "build", "--initiative", "myinfo"]
    build = subprocess.Popen(
        [*command, "--out", str(deck), "--pdf"], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not (fake_office / "child").exists() and time.monotonic() < deadline:
        time.sleep(0.1)

    build.send_signal(signal.SIGTERM)
    _, err = build.communicate(timeout=60)

    assert build.returncode == 143, err
    assert err.strip().splitlines()[-1] == "terminated"
    assert deck.exists() and not deck.with_suffix(".pdf").exists()
    assert not _running(int((fake_office / "child").read_text().strip()))
    assert not Path((fake_office / "outdir").read_text().strip()).exists()


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("出席 2019 年智慧國家高峰會", "出席2019年智慧國家高峰會-2026-11-30.pptx"),
        ("Smart Nation: a/b?", "Smart-Nation-a-b-2026-11-30.pptx"),
        ("長" * 100, "長" * 40 + "-2026-11-30.pptx"),
        ("CON", "CON-2026-11-30.pptx"),
    ],
)
def test_default_names_are_the_title_and_date_safe_on_every_file_system(
    title: str, name: str
) -> None:
    from briefing import api

    path = api.default_output(title, dt.date(2026, 11, 30), Path("Documents/briefing"))

    assert path == Path("Documents/briefing") / name
    assert len(path.name.encode("utf-8")) <= 200
