"""Live changes for the case list model: repaint changed rows, place new cases.

A mixin of :class:`~stationdesk.ui.case_model.CaseListModel`: it works on the model's
loaded lines (``_lines``, ``_row_of``) and its query, and queries only on the worker.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex

from stationdesk.data import case_queries, cases
from stationdesk.data.cases import CaseRow
from stationdesk.data.uow import Change

log = logging.getLogger(__name__)

CASE_TABLE = "case_file"


class LiveCaseRows:
    """Keeps the loaded rows current as the change feed reports commits."""

    # Provided by the model this is mixed into.
    _ctx: Any
    _query: Any
    _lines: list[Any]
    _row_of: dict[int, int]
    _next_key: Any
    _generation: int
    _total: int
    _pending_new: int

    def apply_changes(self, changes: Iterable[Change]) -> None:
        """Repaint changed rows, place matching new cases, drop deleted ones."""
        updated: set[int] = set()
        inserted: set[int] = set()
        deleted: set[int] = set()
        for change in changes:
            if change.table != CASE_TABLE:
                continue
            if change.action == "delete":
                deleted.add(change.row_id)
            elif change.action == "insert" and change.row_id not in self._row_of:
                inserted.add(change.row_id)
            elif change.row_id in self._row_of:
                updated.add(change.row_id)
        for case_id in deleted:
            self._remove(case_id)
        if updated - deleted:
            self.refresh_cases(sorted(updated - deleted))
        if inserted - deleted:
            self._fetch_new(sorted(inserted - deleted))

    def refresh_cases(self, ids: Sequence[int]) -> None:
        """Fetch these cases again and repaint just their rows."""
        generation = self._generation
        wanted = list(ids)
        self._ctx.worker.submit(
            lambda: cases.case_rows_by_id(self._ctx.db, wanted),
            lambda rows: self._rows_refreshed(generation, rows),
            lambda exc: self._refresh_failed(exc),
            "case list: refresh rows",
        )

    def show_new_case(self, case_id: int) -> None:
        """A case created here: place it like a new case from the change feed."""
        if case_id in self._row_of:
            self.refresh_cases([case_id])
        else:
            self._fetch_new([case_id])

    def _fetch_new(self, ids: list[int]) -> None:
        generation, query = self._generation, self._query

        def job() -> list[CaseRow]:
            matching = case_queries.matching_case_ids(
                self._ctx.db, query.case_filter, ids, repeat_only=query.repeat_only
            )
            return cases.case_rows_by_id(self._ctx.db, sorted(matching))

        self._ctx.worker.submit(
            job,
            lambda rows: self._new_arrived(generation, rows),
            lambda exc: self._refresh_failed(exc),
            "case list: new cases",
        )

    def _rows_refreshed(self, generation: int, rows: list[CaseRow]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        now = self._ctx.clock()
        for r in rows:
            self._replace(r, now)

    def _replace(self, r: CaseRow, now: datetime) -> bool:
        pos = self._row_of.get(r.id)
        if pos is None:
            return False
        if r.version >= self._lines[pos].row.version:
            self._lines[pos] = self._line(r, now)
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, self.columnCount() - 1))
        return True

    def _new_arrived(self, generation: int, rows: list[CaseRow]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        now = self._ctx.clock()
        added = 0
        pending = 0
        for r in rows:
            if self._replace(r, now):
                continue  # a page or an earlier event brought it already
            added += 1
            pos = self._insert_position(r)
            if pos is None:
                pending += 1
            elif pos >= 0:
                self.beginInsertRows(QModelIndex(), pos, pos)
                self._lines.insert(pos, self._line(r, now))
                self._reindex()
                self.endInsertRows()
            # pos == -1: it sorts after the loaded rows and arrives with a later page.
        if added:
            self._total += added
            self.total_changed.emit(self._total)
        if pending:
            self._set_pending_new(self._pending_new + pending)

    def _insert_position(self, r: CaseRow) -> int | None:
        """Where a new row goes: an index, -1 (a later page brings it), or None when the
        list is sorted by something whose order in SQL we do not reproduce here."""
        sort = self._query.sort
        if sort.column != "reported_at":
            return None
        keys = [(line.row.reported_at, line.row.id) for line in self._lines]
        key = (r.reported_at, r.id)
        if sort.descending:
            # bisect needs ascending keys: search the reversed order.
            pos = len(keys) - bisect.bisect_right(keys[::-1], key)
        else:
            pos = bisect.bisect_left(keys, key)
        if pos >= len(self._lines) and self._next_key is not None:
            return -1
        return pos

    def _refresh_failed(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            log.warning("refreshing case rows failed: %s", exc, exc_info=exc)

    def _remove(self, case_id: int) -> None:
        pos = self._row_of.get(case_id)
        if pos is None:
            return
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self._lines[pos]
        self._reindex()
        self.endRemoveRows()
        self._total = max(0, self._total - 1)
        self.total_changed.emit(self._total)

    def _set_pending_new(self, n: int) -> None:
        if n != self._pending_new:
            self._pending_new = n
            self.new_cases_pending.emit(n)

    def recheck_overdue(self) -> None:
        """Time passes: repaint rows that became overdue since they were loaded."""
        now = self._ctx.clock()
        for pos, line in enumerate(self._lines):
            overdue = line.row.is_overdue(now)
            if overdue != line.overdue:
                line.overdue = overdue
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, self.columnCount() - 1))
