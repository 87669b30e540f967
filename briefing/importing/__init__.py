"""Importing a trip report (出國報告) from .docx, .odt, .pdf or .txt into a content folder.

The steps, one module each: :mod:`readers` turn a file into blocks (:mod:`blocks`);
:mod:`cleaning` drops page furniture and joins broken paragraphs; :mod:`structure` sets the
table of contents aside and finds where the body starts; :mod:`frontmatter` reads the cover
and 提要 page (dates by :mod:`rocdates`); :mod:`headings` and :mod:`outline` make the section
tree; :mod:`keypoints`, :mod:`figures`, :mod:`initiatives` and :mod:`agenda` draft records for
a person to review; :mod:`records` and :mod:`writer` write the folder. :func:`import_report`
runs them (``briefing.api.import_report`` is the shells' entry point).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.importing.importer import ImportResult, import_report

__all__ = ["ImportResult", "import_report"]


def __getattr__(name: str) -> Any:
    """``import_report`` and ``ImportResult``, imported when first asked for: the PDF reader's
    child process imports only its readers, not the pipeline behind the importer (half a
    second of its start-up)."""
    if name in __all__:
        from briefing.importing import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
