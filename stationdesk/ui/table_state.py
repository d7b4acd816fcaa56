"""Remembered column widths (and order, sort column) of every table in a view.

The main window restores them when it creates a view and saves them when it closes,
in the per-user settings (``tables/<view>/<n>``, ``n`` counting the view's tables in
the order they were made). A header whose column count changed since (a new version
added a column) is left as the view laid it out.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from stationdesk.ui.worker import DbWorker

PREFIX = "tables"


def _headers(view: QWidget) -> list[QHeaderView]:
    return [table.horizontalHeader() for table in view.findChildren(QTableView)]


def _key(view_name: str, index: int) -> str:
    return f"{PREFIX}/{view_name}/{index}"


def save_tables(settings: QSettings, view_name: str, view: QWidget) -> None:
    for i, header in enumerate(_headers(view)):
        settings.setValue(_key(view_name, i), header.saveState())
        settings.setValue(_key(view_name, i) + "_columns", header.count())


def restore_tables(settings: QSettings, view_name: str, view: QWidget) -> int:
    """Put back the saved layouts; returns how many tables got theirs."""
    restored = 0
    for i, header in enumerate(_headers(view)):
        state = settings.value(_key(view_name, i))
        columns = settings.value(_key(view_name, i) + "_columns", -1, int)
        if not isinstance(state, QByteArray) or state.isEmpty() or columns != header.count():
            continue
        if header.restoreState(state):
            restored += 1
    return restored


def restore_after_first_load(
    worker: DbWorker, settings: Callable[[], QSettings], view_name: str, view: QWidget
) -> None:
    """Restore once the answers to the view's first queries are in.

    Views size their columns to the data they load (grid names, dates with a year);
    the worker answers in order, so a no-op queued now comes back after those loads,
    and the officer's own widths win.
    """

    def restore(_result: object) -> None:
        if shiboken6.isValid(view):  # the window may have closed meanwhile
            restore_tables(settings(), view_name, view)

    worker.submit(lambda: None, restore, what="restore table layouts")
