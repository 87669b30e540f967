"""Importing a trip report (出國報告) from .docx, .odt, .pdf or .txt into a content folder.

The steps, one module each: :mod:`readers` turn a file into blocks (:mod:`blocks`);
:mod:`cleaning` drops page furniture and joins broken paragraphs; :mod:`structure` sets the
table of contents aside and finds where the body starts; :mod:`frontmatter` reads the cover
and 提要 page (dates by :mod:`rocdates`); :mod:`headings` and :mod:`outline` make the section
tree; :mod:`keypoints`, :mod:`figures`, :mod:`initiatives` and :mod:`agenda` draft records for
a person to review; :mod:`records` and :mod:`writer` write the folder. :func:`import_report`
runs them (``briefing.api.import_report`` is the shells' entry point).
"""

from briefing.importing.importer import ImportResult, import_report

__all__ = ["ImportResult", "import_report"]
