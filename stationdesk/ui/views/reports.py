"""Reports: the summary of a duty shift (08:00–20:00 or 20:00–08:00), its new cases,
and the shift handover (generate, preview, print, archive, acknowledge).

The shift picked at the top applies to both tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import cases
from stationdesk.data.cases import PAGE_SIZE, CaseFilter, CasePage, CaseRow, CaseSort
from stationdesk.data.shift_summary import (
    DAY_SHIFT_START,
    ShiftSummary,
    duty_shift_containing,
    previous_duty_shifts,
    shift_summary,
)
from stationdesk.data.uow import Change
from stationdesk.domain.enums import ShiftKind
from stationdesk.ui import theme
from stationdesk.ui.case_style import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from stationdesk.ui.context import AppContext
from stationdesk.ui.handover_panel import HandoverPanel
from stationdesk.ui.i18n import format_date, format_datetime, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.views.overview import Tile

SUMMARY_TABLES = frozenset({"case_file", "mediation_session", "patrol_shift"})
LIST_TABLES = frozenset({"case_file", "grid", "staff"})
SUMMARY_COLUMN = 6
SHIFTS_OFFERED = 14  # the current shift and the 13 before it (a week)
MINUTE_MS = 60_000

Shift = tuple[datetime, datetime]


@dataclass(frozen=True)
class NewCases:
    shift: Shift
    page: CasePage
    appended: bool = False  # a further page to add, not a fresh first page


class ReportsView(QWidget):
    """Shift summary and handover for the duty shift picked (the current one by default)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: ShiftSummary | None = None
        self.rows: list[CaseRow] = []
        self._next_key: cases.PageKey | None = None
        self._shown_shift: Shift | None = None
        self._online = ctx.online
        self._current: Shift = duty_shift_containing(ctx.clock())

        self.shift_picker = QComboBox()
        self.shift_picker.setAccessibleName(self.tr("Duty shift"))
        self.shift_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        picker_label = QLabel(self.tr("Duty shift:"))
        picker_label.setBuddy(self.shift_picker)
        self.offline_note = QLabel(
            self.tr("Offline: the database cannot be reached; figures may be out of date.")
        )
        self.offline_note.setStyleSheet("color: #c62828; font-weight: bold;")
        self.offline_note.setVisible(not self._online)
        top = QHBoxLayout()
        top.addWidget(picker_label)
        top.addWidget(self.shift_picker)
        top.addStretch(1)
        top.addWidget(self.offline_note)

        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * 1.3)
        self.title.setFont(title_font)

        self.figures: dict[str, Tile] = {}
        figures = QGridLayout()
        figures.setSpacing(8)
        specs = [
            ("new_cases", self.tr("New cases")),
            ("closed_cases", self.tr("Cases closed")),
            ("open_cases", self.tr("Open cases")),
            ("overdue", self.tr("Overdue")),
            ("mediations_held", self.tr("Mediations held")),
            ("mediations_coming", self.tr("Mediations booked, next 24 h")),
            ("patrols_completed", self.tr("Patrols completed")),
            ("patrols_missed", self.tr("Patrols missed")),
        ]
        for i, (key, caption) in enumerate(specs):
            tile = Tile(clickable=False, number_scale=2.0, caption_lines=1)
            tile.caption.setText(caption)
            tile.setAccessibleName(caption)
            self.figures[key] = tile
            figures.addWidget(tile, i // 4, i % 4)
        self.by_category = QLabel()
        self.by_category.setWordWrap(True)

        self.cases_title = QLabel(self.tr("New cases in this shift"))
        bold = QFont(self.font())
        bold.setBold(True)
        self.cases_title.setFont(bold)
        headers = [
            self.tr("Reported"),
            self.tr("Case no."),
            self.tr("Category"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Grid"),
            self.tr("Summary"),
        ]
        self.case_table = QTableWidget(0, len(headers))
        self.case_table.setHorizontalHeaderLabels(headers)
        self.case_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.setWordWrap(False)
        vertical = self.case_table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        vertical.hide()
        header = self.case_table.horizontalHeader()
        for col in range(len(headers) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.hide()
        self.more_button.clicked.connect(self._load_more)
        self.empty_cases = QLabel(self.tr("No new cases in this shift."))
        theme.set_status(self.empty_cases, "muted")
        self.empty_cases.hide()

        summary_page = QWidget()
        summary = QVBoxLayout(summary_page)
        summary.setContentsMargins(8, 8, 8, 8)
        summary.addWidget(self.title)
        summary.addLayout(figures)
        summary.addWidget(self.by_category)
        summary.addWidget(self.cases_title)
        summary.addWidget(self.case_table, 1)
        summary.addWidget(self.empty_cases)
        summary.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.handover = HandoverPanel(
            ctx, lambda: self.shift, lambda shift: self.shift_text(shift, mark_current=False)
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(summary_page, self.tr("Shift summary"))
        self.tabs.addTab(self.handover, self.tr("Handover"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._summary_load: CoalescedLoad[ShiftSummary] = CoalescedLoad(
            ctx.worker, self._summary_job, self._show_summary, "shift summary", self
        )
        self._list_load: CoalescedLoad[NewCases] = CoalescedLoad(
            ctx.worker, self._list_job, self._show_cases, "shift's new cases", self
        )
        self._fill_picker(None)
        self.shift_picker.currentIndexChanged.connect(self._shift_picked)
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()

    # --------------------------------------------------------------- public API

    @property
    def shift(self) -> Shift:
        value = self.shift_picker.currentData()
        return value if value is not None else self._current

    def refresh(self) -> None:
        self._summary_load.load_now()
        self._list_load.load_now()
        self.handover.refresh()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & SUMMARY_TABLES:
            self._summary_load.request()
        if tables & LIST_TABLES:
            self._list_load.request()
        self.handover.apply_changes(changes)

    def set_online(self, online: bool) -> None:
        # The summary only goes stale offline; the handover panel blocks its writes.
        was_offline = not self._online
        self._online = online
        self.offline_note.setVisible(not online)
        self.handover.set_online(online)
        if online and was_offline:
            self.refresh()

    def shift_text(self, shift: Shift, *, mark_current: bool = True) -> str:
        start, end = shift
        kind = ShiftKind.DAY if start.hour == DAY_SHIFT_START.hour else ShiftKind.NIGHT
        text = f"{label(kind)}  {format_date(start)} {format_time(start)} – "
        text += format_time(end) if end.date() == start.date() else format_datetime(end)
        if mark_current and shift == self._current:
            text += "  " + self.tr("(current)")
        return text

    # ------------------------------------------------------------------ loading

    def _fill_picker(self, keep: Shift | None) -> None:
        """Offer the current shift and those before it; keep ``keep`` picked (None: current)."""
        self.shift_picker.blockSignals(True)
        self.shift_picker.clear()
        index = 0
        for i, shift in enumerate(previous_duty_shifts(self.ctx.clock(), SHIFTS_OFFERED)):
            self.shift_picker.addItem(self.shift_text(shift), shift)
            if shift == keep:
                index = i
        self.shift_picker.setCurrentIndex(index)
        self.shift_picker.blockSignals(False)

    def _summary_job(self) -> Callable[[], ShiftSummary]:
        db, (start, end), at = self.ctx.db, self.shift, self.ctx.clock()
        return lambda: shift_summary(db, start, end, as_of=at)

    def _list_job(self) -> Callable[[], NewCases]:
        db, shift = self.ctx.db, self.shift
        # A reload keeps as many rows as are shown (pages the officer opened stay open).
        limit = max(PAGE_SIZE, len(self.rows) if shift == self._shown_shift else 0)
        f = CaseFilter(reported_since=shift[0], reported_before=shift[1])
        sort = CaseSort("reported_at", descending=False)
        return lambda: NewCases(shift, cases.list_cases_page(db, f, sort, limit=limit))

    def _load_more(self) -> None:
        key = self._next_key
        if key is None:
            return
        db, shift = self.ctx.db, self.shift
        f = CaseFilter(reported_since=shift[0], reported_before=shift[1])
        sort = CaseSort("reported_at", descending=False)
        self.more_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda: NewCases(shift, cases.list_cases_page(db, f, sort, after=key), appended=True),
            self._show_cases,
            self._more_failed,
            "more new cases",
        )

    def _more_failed(self, exc: Exception) -> None:
        self.more_button.setEnabled(True)
        self.ctx.worker.failed.emit("more new cases", exc)

    def _shift_picked(self, _index: int) -> None:
        self._summary_load.load_now()
        self._list_load.load_now()
        self.handover.shift_changed()

    def _on_minute(self) -> None:
        current = duty_shift_containing(self.ctx.clock())
        if current != self._current:
            # A new duty shift began: follow it if the officer was on the current one.
            was_current = self.shift == self._current
            self._current = current
            self._fill_picker(None if was_current else self.shift)
            self.handover.shift_changed()
            self._summary_load.load_now()
            self._list_load.load_now()
        elif self.shift == self._current:
            self._summary_load.request()  # overdue and "next 24 h" move with the clock

    # ------------------------------------------------------------------- display

    def _show_summary(self, s: ShiftSummary) -> None:
        if (s.start, s.end) != self.shift:
            return  # for a shift no longer picked
        self.summary = s
        for key, tile in self.figures.items():
            tile.set_value(getattr(s, key))
        self.figures["overdue"].set_alert(s.overdue > 0)
        self.figures["patrols_missed"].set_alert(s.patrols_missed > 0)
        self.figures["patrols_completed"].number.setText(
            self.tr("%1 of %2")
            .replace("%1", str(s.patrols_completed))
            .replace("%2", str(s.patrols_total))
        )
        running = s.as_of < s.end
        if running:
            note = self.tr("running; open and overdue as of %1").replace("%1", format_time(s.as_of))
        else:
            note = self.tr("ended; open and overdue at its end")
        self.title.setText(f"{self.shift_text((s.start, s.end), mark_current=False)} — {note}")
        if s.new_by_category:
            parts = [f"{label(c)} {n}" for c, n in s.new_by_category]
            self.by_category.setText(
                self.tr("New cases by category: %1").replace("%1", "  ·  ".join(parts))
            )
        else:
            self.by_category.setText("")

    def _show_cases(self, data: NewCases) -> None:
        if data.shift != self.shift:
            return
        self.more_button.setEnabled(True)
        if data.appended:
            self.rows.extend(data.page.rows)
        else:
            self.rows = list(data.page.rows)
        self._shown_shift = data.shift
        self._next_key = data.page.next_key
        table = self.case_table
        table.setRowCount(len(self.rows))
        now = self.ctx.clock()
        overdue_bg, overdue_fg = QBrush(OVERDUE_BACKGROUND), QBrush(OVERDUE_FOREGROUND)
        for row, c in enumerate(self.rows):
            overdue = c.is_overdue(now)
            values = [
                format_datetime(c.reported_at),
                c.case_no,
                label(c.category),
                label(c.priority),
                label(c.status),
                c.grid_name,
                c.summary,
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col == SUMMARY_COLUMN:
                    item.setToolTip(text)
                if overdue:  # highlighted as in the case list
                    item.setBackground(overdue_bg)
                    item.setForeground(overdue_fg)
                table.setItem(row, col, item)
        self.cases_title.setText(
            self.tr("New cases in this shift (%n)", "", len(self.rows))
            if self._next_key is None
            else self.tr("New cases in this shift (first %n)", "", len(self.rows))
        )
        self.more_button.setVisible(self._next_key is not None)
        self.empty_cases.setVisible(not self.rows)

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._summary_load.hold(False)
        self._list_load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._summary_load.hold(True)
        self._list_load.hold(True)
