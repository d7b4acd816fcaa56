"""The case list as a lazily paged Qt table model.

Pages come from the database worker with keyset paging; the model never queries on
the UI thread and keeps one page fetch in flight at a time. Sorting and filtering
re-query in SQL (a QSortFilterProxyModel over a Python model takes seconds at 100k
rows). Every display string is formatted once, on the worker right after its page is
read, so the UI thread only swaps lists and ``data()`` is a tuple lookup: repaint cost
is per visible cell.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from stationdesk.data import case_queries
from stationdesk.data.cases import PAGE_SIZE, CaseFilter, CasePage, CaseRow, CaseSort, PageKey
from stationdesk.domain.enums import Priority, Team
from stationdesk.ui.case_model_live import LiveCaseRows
from stationdesk.ui.case_style import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)

# Roles: a sortable raw value, the CaseRow itself, and the case id.
SORT_ROLE = int(Qt.ItemDataRole.UserRole)
ROW_ROLE = SORT_ROLE + 1
CASE_ID_ROLE = SORT_ROLE + 2

URGENT_FOREGROUND = QColor("#b3261e")
MUTED_FOREGROUND = QColor("#6b6b6b")


class Column(IntEnum):
    CASE_NO = 0
    REPORTED = 1
    CATEGORY = 2
    PRIORITY = 3
    STATUS = 4
    GRID = 5
    OWNER = 6
    SUMMARY = 7
    DUE = 8


COLUMN_COUNT = len(Column)  # asked on every paint: len() of an enum class is slow
_PRIORITY_COL, _OWNER_COL, _DUE_COL = int(Column.PRIORITY), int(Column.OWNER), int(Column.DUE)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


# The SQL sort each column stands for; owner and summary are not sortable.
SORT_KEYS: dict[Column, str] = {
    Column.CASE_NO: "case_no",
    Column.REPORTED: "reported_at",
    Column.CATEGORY: "category",
    Column.PRIORITY: "priority",
    Column.STATUS: "status",
    Column.GRID: "grid",
    Column.DUE: "resolution_due",
}
COLUMN_OF_SORT_KEY = {key: col for col, key in SORT_KEYS.items()}
INITIAL_ORDER = {
    Column.CASE_NO: Qt.SortOrder.DescendingOrder,
    Column.REPORTED: Qt.SortOrder.DescendingOrder,
}
DEFAULT_SORT = CaseSort("reported_at", descending=True)
TIME_FORMAT = "%Y-%m-%d %H:%M"
SHORT_TIME_FORMAT = "%m-%d %H:%M"


def _alive(obj: QObject) -> bool:
    """False once the C++ side is gone (a result can arrive after a view closed)."""
    return shiboken6.isValid(obj)


@dataclass(slots=True)
class _Line:
    """One row as shown: the CaseRow plus its pre-formatted cell texts."""

    row: CaseRow
    texts: tuple[str, ...]
    overdue: bool
    unassigned: bool


@dataclass(frozen=True)
class _Loaded:
    """A page as the worker hands it over: its rows already formatted."""

    page: CasePage
    lines: list[_Line]
    other_year: bool  # a time outside this year is among them (shown with its year)


@dataclass(frozen=True)
class _Query:
    case_filter: CaseFilter
    sort: CaseSort
    repeat_only: bool


class CaseListModel(LiveCaseRows, QAbstractTableModel):
    """Cases for the list view; call :meth:`reload` once to load the first page."""

    total_changed = Signal(int)  # how many cases match in all (status line, header)
    new_cases_pending = Signal(int)  # matching new cases not shown until a refresh
    loading_changed = Signal(bool)
    page_loaded = Signal()  # a page (first or further) reached the model
    load_failed = Signal(str)  # the exception text; the view words the message
    sort_changed = Signal(int, Qt.SortOrder)  # the sort actually in effect
    full_dates_shown = Signal()  # a time outside this year is shown with its year

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._query = _Query(CaseFilter(), DEFAULT_SORT, False)
        self._lines: list[_Line] = []
        self._row_of: dict[int, int] = {}
        self._next_key: PageKey | None = None
        self._generation = 0
        self._fetching = False
        self._loaded_once = False
        self._total = 0
        self._pending_new = 0
        self._full_dates = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._overdue_bg = QBrush(OVERDUE_BACKGROUND)
        self._overdue_fg = QBrush(OVERDUE_FOREGROUND)
        self._urgent_fg = QBrush(URGENT_FOREGROUND)
        self._muted_fg = QBrush(MUTED_FOREGROUND)
        self._headers = (
            self.tr("Case no."),
            self.tr("Reported"),
            self.tr("Category"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Grid"),
            self.tr("Owner"),
            self.tr("Summary"),
            self.tr("Due"),
        )

    # ------------------------------------------------------------------ state

    @property
    def case_filter(self) -> CaseFilter:
        return self._query.case_filter

    @property
    def repeat_only(self) -> bool:
        return self._query.repeat_only

    @property
    def case_sort(self) -> CaseSort:
        return self._query.sort

    @property
    def total_count(self) -> int:
        return self._total

    @property
    def is_fetching(self) -> bool:
        return self._fetching

    @property
    def loading_first_page(self) -> bool:
        """The very first load is still on its way."""
        return self._fetching and not self._loaded_once

    @property
    def shows_full_dates(self) -> bool:
        return self._full_dates

    @property
    def pending_new(self) -> int:
        return self._pending_new

    def row_of_case(self, case_id: int) -> int | None:
        return self._row_of.get(case_id)

    def case_at(self, row: int) -> CaseRow | None:
        if 0 <= row < len(self._lines):
            return self._lines[row].row
        return None

    def loaded_ids(self) -> list[int]:
        return [line.row.id for line in self._lines]

    # ------------------------------------------------------------ Qt interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) not in SORT_KEYS:
            return self.tr("This column cannot be sorted.")
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # First click: newest, most urgent, soonest due first.
            return INITIAL_ORDER.get(Column(section), Qt.SortOrder.AscendingOrder)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = _DISPLAY,
    ) -> Any:
        # Called for every visible cell and role on every paint: plain int compares.
        row = index.row()
        if row < 0:  # an invalid index
            return None
        line = self._lines[row]
        if role == _DISPLAY:
            return line.texts[index.column()]
        if role == _BACKGROUND:
            return self._overdue_bg if line.overdue else None
        if role == _FOREGROUND:
            if line.overdue:
                return self._overdue_fg
            col = index.column()
            if col == _PRIORITY_COL and line.row.priority is Priority.URGENT:
                return self._urgent_fg
            if col == _OWNER_COL and line.unassigned:
                return self._muted_fg
            return None
        if role == _FONT:
            col = index.column()
            if col == _DUE_COL and line.overdue:
                return self._bold
            if col == _PRIORITY_COL and line.row.priority is Priority.URGENT:
                return self._bold
            if col == _OWNER_COL and line.unassigned:
                return self._italic
            return None
        if role < SORT_ROLE and role != _TOOLTIP:
            return None  # decoration, alignment, check state, size hint, ...
        col = index.column()
        if role == SORT_ROLE:
            return _sort_value(line.row, Column(col))
        if role == ROW_ROLE:
            return line.row
        if role == CASE_ID_ROLE:
            return line.row.id
        if role == _TOOLTIP:
            return self._tooltip(line, col)
        return None

    def _tooltip(self, line: _Line, col: int) -> str | None:
        if col == Column.SUMMARY:
            return line.row.summary or None
        if col == Column.DUE and line.row.resolution_due is not None:
            if line.overdue:
                late = self._ctx.clock() - line.row.resolution_due
                return self.tr("Overdue by %1").replace("%1", self._duration(late))
            return self.tr("Resolution due %1").replace(
                "%1", line.row.resolution_due.strftime(TIME_FORMAT)
            )
        if col == Column.REPORTED:
            return line.row.reported_at.strftime(TIME_FORMAT)
        if col in (Column.OWNER, Column.CATEGORY, Column.GRID) and line.texts[col]:
            return line.texts[col]
        if col == Column.CASE_NO and line.row.is_repeat:
            return self.tr(
                "Repeat report: an earlier case at the same address or with the same party"
            )
        return None

    def _duration(self, delta: timedelta) -> str:
        hours = int(delta.total_seconds() // 3600)
        if hours >= 48:
            return self.tr("%1 days").replace("%1", str(hours // 24))
        if hours >= 1:
            return self.tr("%1 h").replace("%1", str(hours))
        return self.tr("%1 min").replace("%1", str(max(1, int(delta.total_seconds() // 60))))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._next_key is not None and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.loading_changed.emit(True)
        generation, query, after = self._generation, self._query, self._next_key
        self._ctx.worker.submit(
            lambda: _fetch_page(self._ctx, query, after),
            lambda loaded: self._more_arrived(generation, loaded),
            lambda exc: self._fetch_failed(generation, exc),
            "case list: next page",
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query sorted in SQL; a column without a SQL sort keeps the current sort."""
        key = SORT_KEYS.get(Column(column)) if 0 <= column < COLUMN_COUNT else None
        if key is None:
            self._announce_sort()
            return
        new_sort = CaseSort(key, descending=order == Qt.SortOrder.DescendingOrder)
        if new_sort == self._query.sort:
            return
        self._query = _Query(self._query.case_filter, new_sort, self._query.repeat_only)
        self._announce_sort()
        if self._loaded_once or self._fetching:
            self.reload()

    def _announce_sort(self) -> None:
        sort = self._query.sort
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        self.sort_changed.emit(int(COLUMN_OF_SORT_KEY[sort.column]), order)

    # ------------------------------------------------------------------ loading

    def set_filter(self, case_filter: CaseFilter, repeat_only: bool = False) -> None:
        """Show only cases matching ``case_filter`` (re-queried in SQL)."""
        query = _Query(case_filter, self._query.sort, repeat_only)
        if query == self._query and (self._loaded_once or self._fetching):
            return
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Load the first page and the count again; rows stay until the page arrives."""
        self._generation += 1
        generation, query = self._generation, self._query
        self._fetching = True
        self._set_pending_new(0)
        self.loading_changed.emit(True)
        self._ctx.worker.submit(
            lambda: _fetch_page(self._ctx, query, None),
            lambda loaded: self._first_arrived(generation, loaded),
            lambda exc: self._fetch_failed(generation, exc),
            "case list: first page",
        )
        self._ctx.worker.submit(
            lambda: case_queries.count_cases(
                self._ctx.db, query.case_filter, repeat_only=query.repeat_only
            ),
            lambda n: self._count_arrived(generation, n),
            lambda exc: self._count_failed(generation, exc),
            "case list: count",
        )

    def _first_arrived(self, generation: int, loaded: _Loaded) -> None:
        if not _alive(self) or generation != self._generation:
            return
        self._note_other_year(loaded.other_year)
        self.beginResetModel()
        self._lines = loaded.lines
        self._reindex()
        self._next_key = loaded.page.next_key
        self._fetching = False
        self._loaded_once = True
        self.endResetModel()
        self.loading_changed.emit(False)
        self.page_loaded.emit()

    def _more_arrived(self, generation: int, loaded: _Loaded) -> None:
        if not _alive(self) or generation != self._generation:
            return
        self._note_other_year(loaded.other_year)
        # A row can already be here if it was inserted live from the change feed.
        row_of = self._row_of
        fresh = [line for line in loaded.lines if line.row.id not in row_of]
        self._next_key = loaded.page.next_key
        self._fetching = False
        if fresh:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for pos, line in enumerate(fresh, first):
                row_of[line.row.id] = pos
            self._lines.extend(fresh)
            self.endInsertRows()
        self.loading_changed.emit(False)
        self.page_loaded.emit()

    def _fetch_failed(self, generation: int, exc: Exception) -> None:
        if not _alive(self) or generation != self._generation:
            return
        log.warning("loading the case list failed: %s", exc, exc_info=exc)
        self._fetching = False
        self.loading_changed.emit(False)
        self.load_failed.emit(str(exc))

    def _count_arrived(self, generation: int, total: int) -> None:
        if not _alive(self) or generation != self._generation:
            return
        self._total = total
        self.total_changed.emit(total)

    def _count_failed(self, generation: int, exc: Exception) -> None:
        if _alive(self) and generation == self._generation:
            log.warning("counting cases failed: %s", exc, exc_info=exc)

    # ------------------------------------------------------------------ helpers

    def _reindex(self) -> None:
        self._row_of = {line.row.id: pos for pos, line in enumerate(self._lines)}

    def _note_other_year(self, other_year: bool) -> None:
        if other_year and not self._full_dates:
            self._full_dates = True
            self.full_dates_shown.emit()

    def _line(self, r: CaseRow, now: datetime) -> _Line:
        """One row formatted here (live updates); pages are formatted on the worker."""
        lines, other_year = format_lines([r], now)
        self._note_other_year(other_year)
        return lines[0]


_TEAM_VALUES = {t.value: t for t in Team}


def _owner_text(owner: str) -> str:
    # list_cases_page gives the team's stored value when a team, not an officer, owns it.
    team = _TEAM_VALUES.get(owner)
    return label(team) if team is not None else owner


def _sort_value(row: CaseRow, col: Column) -> Any:
    if col == Column.CASE_NO:
        return row.case_no
    if col == Column.REPORTED:
        return row.reported_at
    if col == Column.CATEGORY:
        return row.category.value
    if col == Column.PRIORITY:
        return row.priority.rank
    if col == Column.STATUS:
        return row.status.value
    if col == Column.GRID:
        return row.grid_name
    if col == Column.OWNER:
        return row.owner_name
    if col == Column.SUMMARY:
        return row.summary
    return row.resolution_due


def format_lines(rows: Iterable[CaseRow], now: datetime) -> tuple[list[_Line], bool]:
    """The rows as shown, and whether a time outside ``now``'s year is among them.

    Thread-safe (the worker formats each page): texts come from
    ``QCoreApplication.translate``, nothing touches the model.
    """
    year = now.year
    other_year = False
    unassigned_text = QCoreApplication.translate("CaseListModel", "unassigned")

    def time_text(value: datetime | None) -> str:
        # This year's times without the year: the list stays narrow enough for the summary.
        nonlocal other_year
        if value is None:
            return ""
        if value.year == year:
            return value.strftime(SHORT_TIME_FORMAT)
        other_year = True
        return value.strftime(TIME_FORMAT)

    lines = []
    for r in rows:
        is_open = r.status.is_open
        unassigned = not r.owner_name
        owner = (unassigned_text if is_open else "") if unassigned else _owner_text(r.owner_name)
        texts = (
            r.case_no,
            time_text(r.reported_at),
            label(r.category),
            label(r.priority),
            label(r.status),
            r.grid_name,
            owner,
            " ".join(r.summary.split()),  # one line: newlines would clip in a fixed row
            time_text(r.resolution_due),
        )
        overdue = is_open and r.resolution_due is not None and r.resolution_due < now
        lines.append(_Line(r, texts, overdue, unassigned and is_open))
    return lines, other_year


def _fetch_page(
    ctx: AppContext, query: _Query, after: PageKey | None, limit: int = PAGE_SIZE
) -> _Loaded:
    """Runs on the worker thread: the page, and its rows formatted for display."""
    page = case_queries.list_cases_page(
        ctx.db, query.case_filter, query.sort, after, limit, repeat_only=query.repeat_only
    )
    lines, other_year = format_lines(page.rows, ctx.clock())
    return _Loaded(page, lines, other_year)
