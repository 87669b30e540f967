"""An SVG logo made safe to draw: no files, no network, no entities, bounded work.

:func:`sanitise` parses the SVG (entities never resolved, nothing fetched), refuses a DOCTYPE
and trees that expand too far through ``<use>``, and removes every reference to anything
outside the file: ``<image>`` and ``<feImage>`` pointing at a path or URL, other ``href``
attributes that are not ``#id`` references, ``url(...)`` to anything but ``#id`` in styles and
``@import`` in style sheets. An embedded ``data:`` picture is kept only when it is a PNG or JPEG
within ``MAX_LOGO_PIXELS``. The caller draws the result with resvg into a box of
``LOGO_SIDE`` pixels (the SVG's own aspect ratio kept), from an empty resources folder.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
from typing import TYPE_CHECKING

from briefing import limits
from briefing.errors import DeckError

if TYPE_CHECKING:
    from pathlib import Path

    from lxml.etree import _Element

_XLINK = "{http://www.w3.org/1999/xlink}href"
_HREFS = ("href", _XLINK)
_URL = re.compile(r"url\(\s*(['\"]?)(?!#)[^)]*\1\s*\)", re.IGNORECASE)
_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)


def sanitise(data: bytes, path: Path) -> bytes:
    """The SVG in ``data`` with every outside reference removed; DeckError naming ``path``
    when it is not an SVG, declares a DOCTYPE, or would draw too many elements."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = f"the SVG logo is not well-formed XML ({exc})"
        raise DeckError(message, file=path, field="logo") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise DeckError(
            "the SVG logo declares a DOCTYPE (entities); save it again without one",
            file=path,
            field="logo",
        )
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        raise DeckError("the logo is not an SVG file (no <svg> root)", file=path, field="logo")
    _check_expansion(root, path)
    for element in list(root.iter()):
        if isinstance(element.tag, str):
            _clean(element, path)
    return etree.tostring(root)


def _clean(element: _Element, path: Path) -> None:
    from lxml import etree

    name = etree.QName(element).localname
    if name in ("filter", "mask"):
        _region(element)
    for attribute in _HREFS:
        href = element.get(attribute)
        if href is None or href.startswith("#"):
            continue
        if name == "image" and _picture_ok(href, path):
            continue
        del element.attrib[attribute]
        if name in ("image", "feImage") and element.getparent() is not None:
            element.getparent().remove(element)
            return
    style = element.get("style")
    if style is not None:
        element.set("style", _URL.sub("none", _IMPORT.sub("", style)))
    for attribute, value in list(element.attrib.items()):
        if "url(" in value and attribute != "style":
            element.set(attribute, _URL.sub("none", value))
    if name == "style" and element.text:
        element.text = _URL.sub("none", _IMPORT.sub("", element.text))


def _picture_ok(href: str, path: Path) -> bool:
    """Whether ``href`` is an embedded PNG or JPEG (``data:image/png;base64,…``) small
    enough to draw; anything else is removed."""
    head, _, body = href.partition(",")
    if not head.startswith("data:image/") or ";base64" not in head:
        return False
    try:
        raw = base64.b64decode(body, validate=False)
    except (binascii.Error, ValueError):
        return False
    from PIL import Image

    try:
        with Image.open(io.BytesIO(raw)) as image:
            width, height = image.size
            fmt = image.format
    except Exception:  # noqa: BLE001 - Pillow refuses a bad picture in several ways
        return False
    return fmt in ("PNG", "JPEG") and width * height <= limits.MAX_LOGO_PIXELS


_FILTERED = re.compile(r"(?:^|;)\s*(?:filter|mask)\s*:", re.IGNORECASE)


def _weight(element: _Element) -> int:
    """What drawing ``element`` itself costs, in elements: one, or a share of the budget
    for one drawn through a filter or mask (``MAX_SVG_FILTERS`` of them fill it)."""
    filtered = element.get("filter") or element.get("mask")
    if filtered or _FILTERED.search(element.get("style") or ""):
        return _weight_of_filter()
    return 1


def _region(element: _Element) -> None:
    """A filter's or mask's region kept near the picture: ``x``, ``y``, ``width`` and
    ``height`` beyond ±300 % (or 10,000 units) are dropped, so the defaults apply (a region
    a million times the picture takes resvg seconds per filter)."""
    for attribute in ("x", "y", "width", "height"):
        value = (element.get(attribute) or "").strip()
        number = re.match(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?", value, re.IGNORECASE)
        if not value:
            continue
        size = abs(float(number.group())) if number else math.inf
        if size > (300 if value.endswith("%") else 10_000) or not math.isfinite(size):
            del element.attrib[attribute]


def _weight_of_filter() -> int:
    return limits.MAX_SVG_ELEMENTS // (limits.MAX_SVG_FILTERS + 1) + 1  # the 11th is over


def _check_expansion(root: _Element, path: Path) -> None:
    """Refuse an SVG whose elements, ``<use>`` references followed, number more than
    ``limits.MAX_SVG_ELEMENTS`` (or whose references form a cycle)."""
    alive = [e for e in root.iter() if isinstance(e.tag, str)]  # id() of lxml proxies held
    ids = {e.get("id"): e for e in alive if e.get("id")}
    memo: dict[int, int] = {}
    busy: set[int] = set()

    def cost(element: _Element) -> int:
        key = id(element)
        if key in memo:
            return memo[key]
        if key in busy:
            raise DeckError("the SVG logo's <use> references form a cycle", file=path, field="logo")
        busy.add(key)
        total = _weight(element) + sum(cost(c) for c in element if isinstance(c.tag, str))
        href = next((element.get(a) for a in _HREFS if element.get(a)), "")
        if href.startswith("#") and href[1:] in ids:
            total += cost(ids[href[1:]])
        busy.discard(key)
        memo[key] = min(total, limits.MAX_SVG_ELEMENTS + 1)
        return memo[key]

    try:
        total = cost(root)
    except RecursionError:
        total = limits.MAX_SVG_ELEMENTS + 1
    if total > limits.MAX_SVG_ELEMENTS:
        found = (
            "the SVG logo draws too many elements once <use> references are followed "
            f"(one through a filter or mask counts as {_weight_of_filter():,})"
        )
        bound = f"{limits.MAX_SVG_ELEMENTS:,}"
        raise DeckError(
            limits.over("MAX_SVG_ELEMENTS", found, bound, "simplify the logo, or use a PNG"),
            file=path,
            field="logo",
        )
