"""The desktop app: a thin PySide6 layer over ``briefing.api`` (see gui/app.py)."""
