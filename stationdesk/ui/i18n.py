"""Language, resources and locale-aware dates for the user interface.

The language is chosen once at start-up (``--lang``, else the saved setting, else
the system locale) and applies to the whole process: Qt's catalogue for our own
strings, Qt's own ``qtbase`` catalogue for its dialogs' buttons, and the default
``QLocale`` for numbers and dates.
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
SETTINGS_KEY = "ui/language"
CATALOGUE_PREFIX = "stationdesk_"

# Translators must outlive the call that installs them (Qt keeps only a pointer).
_installed: list[QTranslator] = []
_current: str | None = None


def resources_dir() -> Path:
    """``resources/`` in a source checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalize_language(lang: str | None) -> str | None:
    """'zh', 'zh_CN', 'zh-Hans-CN' ... -> 'zh_CN'; 'en_US' -> 'en'; unknown -> None."""
    if not lang:
        return None
    code = lang.strip().replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    if code.startswith("en"):
        return "en"
    return None


def choose_language(lang: str | None, settings: QSettings | None = None) -> str:
    """The explicit choice, else the saved one, else the system locale's."""
    chosen = normalize_language(lang)
    if chosen:
        return chosen
    if settings is not None:
        saved = settings.value(SETTINGS_KEY, "", str)
        chosen = normalize_language(saved if isinstance(saved, str) else None)
        if chosen:
            return chosen
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def current_language() -> str | None:
    """The language installed by :func:`install_language`, None before it ran."""
    return _current


def uninstall_language(app: QCoreApplication) -> None:
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = None
    QLocale.setDefault(QLocale.c())


def install_language(
    app: QCoreApplication, lang: str | None, settings: QSettings | None = None
) -> str:
    """Install the catalogues for ``lang`` (see :func:`choose_language`); returns it.

    Calling it again replaces the previous language. A missing catalogue is not an
    error (English is the source language; a source checkout may not have compiled
    .qm files yet) but is logged, because Chinese users would see English.
    """
    global _current
    chosen = choose_language(lang, settings)
    uninstall_language(app)
    QLocale.setDefault(QLocale("zh_CN" if chosen == "zh_CN" else "en_US"))
    if chosen != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, f"qtbase_{chosen}", qt_dir, required=False)
    # English is the source language, but its catalogue carries the plural forms
    # ("1 page" / "2 pages"); without it English would show "page(s)".
    _load(app, f"{CATALOGUE_PREFIX}{chosen}", str(translations_dir()), required=chosen != "en")
    _current = chosen
    return chosen


def _load(app: QCoreApplication, name: str, directory: str, *, required: bool) -> None:
    translator = QTranslator()
    if translator.load(name, directory):
        app.installTranslator(translator)
        _installed.append(translator)
    elif required:
        log.warning("translation catalogue %s.qm not found in %s", name, directory)
    else:
        log.info("Qt catalogue %s.qm not found in %s", name, directory)


# --- dates and times as the officer reads them ------------------------------------


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _four_digit_year(pattern: str) -> str:
    # Some locales' short format has a two-digit year ("5/3/24"); in case records a
    # year must never be ambiguous.
    if "yyyy" not in pattern and "yy" in pattern:
        return pattern.replace("yy", "yyyy")
    return pattern


def date_pattern() -> str:
    return _four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


# The command room works in 24-hour time in every language (no AM/PM at 3 a.m.).
TIME_PATTERN = "HH:mm"


def format_date(d: date | None) -> str:
    """A date in the current locale's short form with a four-digit year."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    return QLocale().toString(_qdate(d), date_pattern())


def format_time(dt: datetime | None, *, seconds: bool = False) -> str:
    """24-hour time, e.g. 03:15."""
    if dt is None:
        return ""
    pattern = TIME_PATTERN + (":ss" if seconds else "")
    return QLocale().toString(QTime(dt.hour, dt.minute, dt.second), pattern)


def format_datetime(dt: datetime | None, *, seconds: bool = False) -> str:
    """Date in the locale's short form, then 24-hour time."""
    if dt is None:
        return ""
    pattern = f"{date_pattern()} {TIME_PATTERN}" + (":ss" if seconds else "")
    qdt = QDateTime(_qdate(dt), QTime(dt.hour, dt.minute, dt.second))
    return QLocale().toString(qdt, pattern)
