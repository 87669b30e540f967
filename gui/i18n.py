"""Qt's own words in the interface language: standard buttons (儲存, 取消), context menus
(複製, 貼上), file dialogs and the calendar come from Qt's translation files
(``qtbase_zh_TW.qm``, shipped with PySide6), and dates and numbers from the locale.
:func:`use_language` installs the file for the language (and removes it for English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QT_FILES = {"zh-TW": "qtbase_zh_TW"}
LOCALES = {
    "zh-TW": QLocale(
        QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan
    ),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

_installed: QTranslator | None = None


def use_language(lang: str) -> bool:
    """Make Qt speak ``lang`` (zh-TW or en); True when a translation file was installed."""
    global _installed  # noqa: PLW0603 - one translator per application
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    QLocale.setDefault(locale(lang))
    name = QT_FILES.get(lang)
    if name is None:
        return False
    translator = QTranslator(app)
    if not translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def locale(lang: str) -> QLocale:
    """The QLocale of an interface language."""
    return LOCALES.get(lang, LOCALES["zh-TW"])


def installed() -> QTranslator | None:
    """The Qt translator in use (None: English, or no translation file found)."""
    return _installed
