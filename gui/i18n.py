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

#: Words Qt's own zh_TW file lacks (the file dialog's labels and its file types).
GAPS_ZH = {
    ("QFileDialog", "&Look in:"): "尋找於(&L)：",
    ("QFileDialog", "Files of &type:"): "檔案類型(&T)：",
    ("QFileSystemModel", "Folder"): "資料夾",
    ("QFileSystemModel", "File Folder"): "檔案資料夾",
    ("QFileSystemModel", "%1 File"): "%1 檔案",
    # Qt 6 names file types in the icon provider (the dialog's 型態 column)
    ("QAbstractFileIconProvider", "Folder"): "資料夾",
    ("QAbstractFileIconProvider", "File Folder"): "檔案資料夾",
    ("QAbstractFileIconProvider", "%1 File"): "%1 檔案",
    ("QAbstractFileIconProvider", "File"): "檔案",
    ("QAbstractFileIconProvider", "Drive"): "磁碟機",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Shortcut"): "捷徑",
}

_installed: list[QTranslator] = []


class _Gaps(QTranslator):
    """Fills :data:`GAPS_ZH` (installed after Qt's file, so asked first)."""

    def translate(  # noqa: D102 - QTranslator's
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return GAPS_ZH.get((context, source))  # None: not here, ask the next translator

    def isEmpty(self) -> bool:  # noqa: N802, D102 - Qt naming
        return False


def use_language(lang: str) -> bool:
    """Make Qt speak ``lang`` (zh-TW or en); True when a translation file was installed."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(locale(lang))
    name = QT_FILES.get(lang)
    if name is None:
        return False
    translator = QTranslator(app)
    if not translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    _installed.extend((translator, _Gaps(app)))
    for installed_ in _installed:
        app.installTranslator(installed_)
    return True


def locale(lang: str) -> QLocale:
    """The QLocale of an interface language."""
    return LOCALES.get(lang, LOCALES["zh-TW"])


def installed() -> QTranslator | None:
    """Qt's own translation in use (None: English, or no translation file found)."""
    return _installed[0] if _installed else None
