"""Generate ``assets/fonts/prebuilt/``: subsets of the bundled faces for the bundled report.

    python tools/make_prebuilt_fonts.py [--check]

Run it after changing the bundled report, the slide templates or labels, the bundled fonts or
the subsetter (:data:`briefing.fonts.subset.SUBSET_VERSION`); the tests say when it is due. Each
bundled face is subset to every character of the bundled report's folder (its YAML files and
source text), of ``templates/`` and of the ``briefing`` package's source (the words the program
writes itself), plus the base text every embedded face carries; ``manifest.json`` records what
each file was made from (see :mod:`briefing.fonts.prebuilt`). ``--check`` writes nothing and
exits 1 when the files on disk are not what this would make.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.fonts import prebuilt  # noqa: E402
from briefing.fonts.family import BASE_TEXT, BOLD_BASE_TEXT, BUNDLED_DIR, BUNDLED_FAMILY  # noqa: E402
from briefing.fonts.find import coverage  # noqa: E402
from briefing.fonts.subset import SUBSET_VERSION, subset_font  # noqa: E402

FACES = {"NotoSansTC_400Regular.ttf": "regular", "NotoSansTC_700Bold.ttf": "bold"}
REPORT = ROOT / "assets" / "reports" / "smart-nation-summit-2019"
SOURCES = (
    (REPORT, ("*.yaml", "*.txt")),
    (ROOT / "templates", ("**/*.yaml", "**/*.j2")),
    (ROOT / "briefing", ("**/*.py", "**/*.yaml")),
)


def requested_text() -> str:
    """Every character the prebuilt subsets are asked to hold, sorted."""
    chars = set(BASE_TEXT + BOLD_BASE_TEXT)
    for folder, patterns in SOURCES:
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                chars |= set(path.read_text(encoding="utf-8"))
    return "".join(sorted(ch for ch in chars if ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000))


def build(target: Path) -> dict[str, object]:
    """Write the prebuilt subsets into ``target``; returns the manifest (also written)."""
    text = requested_text()
    faces: dict[str, object] = {}
    for name, style in FACES.items():
        source = BUNDLED_DIR / name
        data = source.read_bytes()
        ttf = subset_font(data, {ord(ch) for ch in text}, family=BUNDLED_FAMILY, style=style)
        file = f"{source.stem}.subset.ttf"
        (target / file).write_bytes(ttf)
        covered = coverage(source, None)
        faces[name] = {
            "file": file,
            "sha256": hashlib.sha256(ttf).hexdigest(),
            "source_size": len(data),
            "source_sha256": hashlib.sha256(data).hexdigest(),
            "subset_version": SUBSET_VERSION,
            "requested": text,
            "lacking": "".join(ch for ch in text if ord(ch) not in covered),
        }
    manifest = {"version": prebuilt.MANIFEST_VERSION, "faces": faces}
    (target / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args(argv)
    if not args.check:
        prebuilt.PREBUILT_DIR.mkdir(parents=True, exist_ok=True)
        manifest = build(prebuilt.PREBUILT_DIR)
        for entry in manifest["faces"].values():  # type: ignore[attr-defined]
            size = (prebuilt.PREBUILT_DIR / entry["file"]).stat().st_size
            print(f"{entry['file']}: {len(entry['requested'])} characters, {size // 1000} KB")
        return 0
    on_disk = prebuilt.read_manifest()
    wanted = requested_text()
    stale = [
        name
        for name in FACES
        if on_disk.get("faces", {}).get(name, {}).get("requested") != wanted
        or prebuilt.prebuilt_for(BUNDLED_DIR / name) is None
    ]
    for name in stale:
        print(f"{name}: prebuilt subset out of date; run python tools/make_prebuilt_fonts.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
