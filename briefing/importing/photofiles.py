"""The report's pictures into the content folder: ``photos/<id>.png|jpg`` and ``photos.yaml``.

:func:`place` checks each picture a reader found (:mod:`briefing.images`: a real PNG or JPEG,
decoded in full, within bounds, others converted or scaled down), finds the section it sits in
(the section whose text holds its caption paragraph, else the paragraph before it), and notes
every picture it leaves out and why (a picture that comes back without a caption, as a logo
on every page does, is left out too). :func:`write` writes the files once the rest of the folder
is written. Captions stay in their section's text as the report has them (the numbers in them
are the report's); key points drafted from a caption are dropped (:func:`prune_key_points`),
since the photo slide shows the caption under its photo.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from briefing import files, images
from briefing.content.evidence import squash
from briefing.importing.pictures import is_caption

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from briefing.importing.notes import Notes
    from briefing.importing.outline import Node
    from briefing.importing.pictures import Found

FOLDER = "photos"
FILE = "photos.yaml"
MAX_PHOTOS = 200  # pictures one report may bring in; the rest are noted, not imported
MIN_SIDE = 48  # pixels: a smaller picture is an icon or a rule, not a photo


@dataclass(frozen=True)
class Placed:
    """A picture ready to be written: its id, checked image, caption as written and section."""

    id: str
    image: images.Image
    caption: str
    section: str

    @property
    def file(self) -> str:
        return f"{FOLDER}/{self.id}.{self.image.ext}"

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.file,
            "caption": self.caption,
            "section": self.section,
            "draft": True,
        }


def place(found: Sequence[Found], roots: list[Node], notes: Notes) -> list[Placed]:
    """The pictures that go into the content folder, each in its section; a note for every
    picture left out (unreadable, not a picture, out of bounds, in no section) or without a
    caption."""
    nodes = [n for root in roots for n in root.walk()]
    repeats = Counter(p.data for p in found if p.data is not None and not p.caption)
    out: list[Placed] = []
    for n, picture in enumerate(found, start=1):
        shown = _shown(n, picture)
        if not picture.caption and repeats[picture.data] > 1:
            times = repeats[picture.data]
            notes.add("photos", f"{shown}: {times} times without a caption (a logo?); not imported")
            continue
        if len(out) >= MAX_PHOTOS:
            notes.add("photos", f"{shown}: more than {MAX_PHOTOS} pictures; not imported")
            continue
        if picture.data is None:
            notes.add("photos", f"{shown}: {picture.problem}; not imported")
            continue
        try:
            image = images.normalize(picture.data)
        except images.BadImage as exc:
            notes.add("photos", f"{shown}: {exc}; not imported")
            continue
        if min(image.width, image.height) < MIN_SIDE:
            notes.add(
                "photos", f"{shown}: {image.width} × {image.height} pixels (an icon?); not imported"
            )
            continue
        home = _home(picture, nodes)
        if home is None:
            notes.add("photos", f"{shown}: not inside any section; not imported")
            continue
        node, caption = home
        if not caption:
            notes.add("photos", f"{shown} in 「{node.title}」: no caption (圖1：…); add one")
        out.append(Placed(f"photo-{len(out) + 1}", image, caption, node.id))
    return out


def _shown(n: int, picture: Found) -> str:
    page = f", page {picture.page}" if picture.page else ""
    caption = f" 「{picture.caption}」" if picture.caption else ""
    return f"picture {n} ({picture.name}{page}){caption}"


def _home(picture: Found, nodes: list[Node]) -> tuple[Node, str] | None:
    """The section holding the picture, and its caption as the section's text writes it."""
    if picture.caption:
        wanted = squash(picture.caption)
        for exact in (True, False):
            for node in nodes:
                for paragraph in node.paragraphs:
                    text = squash(paragraph)
                    if (text == wanted) if exact else (wanted in text):
                        caption = paragraph if exact or _grown(paragraph, wanted) else None
                        return node, caption or picture.caption
    anchor = squash(picture.anchor)
    if not anchor:
        return None
    for node in nodes:
        if any(anchor in squash(p) for p in node.paragraphs) or squash(node.title) in anchor:
            return node, picture.caption or ""
    return None


def _grown(paragraph: str, caption: str) -> bool:
    """A caption that wraps onto a second line of a PDF: the paragraph starts with the line
    found under the picture and is itself a caption."""
    return squash(paragraph).startswith(caption) and is_caption(paragraph)


def prune_key_points(sections: list[dict[str, Any]], placed: Sequence[Placed]) -> None:
    """Drop drafted key points that only repeat a caption (the photo slide shows it)."""
    captions = [squash(p.caption) for p in placed if p.caption]
    if not captions:
        return
    for record in sections:
        points = record.get("key_points")
        if points:
            kept = [p for p in points if not any(squash(p) in c for c in captions)]
            if kept:
                record["key_points"] = kept
            else:
                del record["key_points"]
        prune_key_points(record.get("children", []), placed)


def write(folder: Path, placed: Sequence[Placed], title: str, source: str) -> None:
    """Write the pictures and ``photos.yaml`` into ``folder``; remove those an earlier import
    of the report left (``photos/photo-N.*`` and a ``photos.yaml`` now without pictures)."""
    target = folder / FOLDER
    keep = {p.file.rsplit("/", 1)[-1] for p in placed}
    if target.is_dir():
        for old in target.glob("photo-*"):
            if old.name not in keep and old.suffix.lower().lstrip(".") in images.EXTENSIONS:
                old.unlink(missing_ok=True)
    if not placed:
        (folder / FILE).unlink(missing_ok=True)
        return
    target.mkdir(parents=True, exist_ok=True)
    for picture in placed:
        files.write_atomic(folder / picture.file, picture.image.data)
    header = (
        f"# {title}: imported by `python main.py import` from {source}.\n"
        "# Review: the report's pictures with their captions as written and the section each\n"
        "# sits in; delete those a briefing does not need, add a caption where one is empty.\n"
        "# Records marked draft: true are machine-made; set draft: false once reviewed.\n"
    )
    body = yaml.safe_dump(
        [p.record() for p in placed],
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    files.write_atomic(folder / FILE, (header + body).encode("utf-8"))
