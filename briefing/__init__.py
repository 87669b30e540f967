"""briefing: PowerPoint briefing decks, with the Traditional Chinese font embedded, from a
structured trip report.

The public entry point is :mod:`briefing.api` (``build``, ``plan``, ``check``,
``options_from_recipe``); the CLI (:mod:`briefing.cli`) and the desktop app (``gui``) are thin
shells over it. Importing this package is cheap: nothing heavy is imported here.
"""

__version__ = "0.1.0"
