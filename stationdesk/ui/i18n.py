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
    QLibraryInfo,
    QLocale,
    QSettings,
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
#
# One rule in both languages: ISO-like dates and a 24-hour clock (2026-11-28 14:14).
# The station's officers read dates the Chinese way (year, month, day), and the same
# digits in the English UI are unambiguous where 11/12/2026 is not. Only names
# (weekdays) follow the language; numbers elsewhere may follow the locale.
# Every view formats dates and times through these helpers, never with strftime.

DATE_PATTERN = "yyyy-MM-dd"
# The command room works in 24-hour time in every language (no AM/PM at 3 a.m.).
TIME_PATTERN = "HH:mm"
DATETIME_PATTERN = f"{DATE_PATTERN} {TIME_PATTERN}"


def date_pattern() -> str:
    """The pattern for QDateEdit / QDateTimeEdit: ``yyyy-MM-dd``."""
    return DATE_PATTERN


def datetime_pattern() -> str:
    """The pattern for QDateTimeEdit: ``yyyy-MM-dd HH:mm``."""
    return DATETIME_PATTERN


def _as_date(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


def format_date(d: date | None) -> str:
    """A date with a four-digit year, e.g. 2026-11-28."""
    if d is None:
        return ""
    d = _as_date(d)
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def format_day(d: date | None) -> str:
    """Month and day without the year, e.g. 11-28: for cells in a week or a chart axis."""
    if d is None:
        return ""
    d = _as_date(d)
    return f"{d.month:02d}-{d.day:02d}"


def format_month(d: date | None) -> str:
    """Year and month, e.g. 2026-11."""
    if d is None:
        return ""
    return f"{d.year:04d}-{d.month:02d}"


def format_weekday(d: date | None) -> str:
    """The short weekday name in the current language, e.g. Sat / 周六."""
    if d is None:
        return ""
    d = _as_date(d)
    return QLocale().toString(QDate(d.year, d.month, d.day), "ddd")


def format_time(dt: datetime | None, *, seconds: bool = False) -> str:
    """24-hour time, e.g. 03:15."""
    if dt is None:
        return ""
    text = f"{dt.hour:02d}:{dt.minute:02d}"
    return f"{text}:{dt.second:02d}" if seconds else text


def format_datetime(dt: datetime | None, *, seconds: bool = False) -> str:
    """Date and 24-hour time, e.g. 2026-11-28 14:14."""
    if dt is None:
        return ""
    return f"{format_date(dt)} {format_time(dt, seconds=seconds)}"


def format_day_time(dt: datetime | None) -> str:
    """Month, day and time without the year, e.g. 11-28 14:14: for this week's items."""
    if dt is None:
        return ""
    return f"{format_day(dt)} {format_time(dt)}"


def format_time_range(start: datetime | None, end: datetime | None, *, day: bool = True) -> str:
    """``11-28 14:00–15:30``; the end's day is named only when it is another day."""
    if start is None:
        return ""
    first = format_day_time(start) if day else format_time(start)
    if end is None:
        return first
    last = format_day_time(end) if end.date() != start.date() else format_time(end)
    return f"{first}–{last}"
