"""Mediation: which mediator is free now, the sessions of today and the next week with
their outcomes and mediation deadlines, each mediator's calendar, the officer's
follow-up visits and the mediators' figures -- one tab each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediation, mediation_figures, mediation_outcome, overview_queries
from stationdesk.data.database import Database
from stationdesk.data.mediation import MediatorStatus, SessionInfo
from stationdesk.data.mediation_figures import MediatorMonth
from stationdesk.data.mediation_outcome import MediationDeadline
from stationdesk.data.uow import Change
from stationdesk.domain.enums import MediationOutcome, SessionStatus
from stationdesk.domain.mediation_outcome import DeadlineState
from stationdesk.ui.context import AppContext
from stationdesk.ui.followups import FOLLOW_UP_TABLES, FollowUpsPanel
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.mediator_calendar import MediatorCalendar
from stationdesk.ui.outcome_dialog import OutcomeDialog, outcome_message, save_agreement_pdf
from stationdesk.ui.reload import CoalescedLoad

BOARD_TABLES = frozenset(
    {
        "mediator",
        "mediator_availability",
        "mediator_exception",
        "mediation_session",
        "session_mediator",
    }
)
SESSION_TABLES = frozenset({"mediation_session", "session_mediator", "mediator"})
SESSION_DAYS = 8  # today and the next 7 days
MINUTE_MS = 60_000

GREEN = QColor("#1b7f3b")
GREEN_BACKGROUND = QColor("#e6f4ea")
AMBER = QColor("#8a5300")
AMBER_BACKGROUND = QColor("#fff3dc")
GREY = QColor("#5f6368")
GREY_BACKGROUND = QColor("#eeeff1")
RED = QColor("#c62828")


@dataclass(frozen=True)
class Board:
    at: datetime
    mediators: tuple[MediatorStatus, ...]
    in_session_until: dict[int, datetime]  # mediator id -> end of the current session


@dataclass(frozen=True)
class SessionList:
    start: datetime
    sessions: tuple[SessionInfo, ...]
    periods: dict[int, MediationDeadline]  # case id -> its mediation period (in mediation)
    alerts: tuple[MediationDeadline, ...] = ()  # periods ending soon or passed, any case

    @property
    def case_ids(self) -> frozenset[int]:
        return frozenset(s.case_id for s in self.sessions)


def load_board(db: Database, at: datetime) -> Board:
    return Board(
        at,
        tuple(mediation.mediator_board(db, at)),
        overview_queries.mediators_in_session(db, at),
    )


def load_sessions(db: Database, start: datetime, at: datetime | None = None) -> SessionList:
    end = start + timedelta(days=SESSION_DAYS)
    at = at or start
    sessions = tuple(mediation.sessions_between(db, start, end))
    periods = mediation_outcome.mediation_periods(db, at)
    shown = {s.case_id for s in sessions}
    return SessionList(
        start,
        sessions,
        {p.case_id: p for p in periods if p.case_id in shown},
        tuple(p for p in periods if p.state != DeadlineState.OK),
    )


FIGURE_MONTHS = 6


def load_figures(db: Database, months: int, at: datetime) -> tuple[MediatorMonth, ...]:
    return tuple(mediation_figures.mediator_figures(db, months, at))


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _table(headers: list[str], row_height: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    vertical.hide()
    header = table.horizontalHeader()
    for col in range(len(headers) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class MediationView(QWidget):
    """The "who is free" board on top, the week's sessions below."""

    # Board states, most useful first (the board is sorted by them).
    FREE, BUSY, OFF_DUTY, AWAY = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: Board | None = None
        self.sessions: SessionList | None = None
        self._online = ctx.online

        bold = QFont(self.font())
        bold.setBold(True)
        self.board_title = QLabel(self.tr("Mediators now"))
        self.board_title.setFont(bold)
        self.state_font = QFont(self.font())
        self.state_font.setBold(True)
        self.state_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.35)
        line = self.fontMetrics().height()
        self.board_table = _table(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Now"),
                self.tr("Next free"),
                self.tr("Sessions today"),
                self.tr("Skills"),
            ],
            int(line * 1.8),
        )
        self.sessions_title = QLabel()
        self.sessions_title.setFont(bold)
        self.session_table = _table(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Case"),
                self.tr("Mediators"),
                self.tr("Room"),
                self.tr("Status"),
                self.tr("Outcome"),
                self.tr("Mediation period"),
            ],
            line + 12,
        )
        self.session_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.session_table.itemSelectionChanged.connect(self._session_selected)
        self.session_table.doubleClicked.connect(lambda _i: self._record_outcome_clicked())
        self.outcome_button = QPushButton(self.tr("Record outcome…"))
        self.outcome_button.clicked.connect(self._record_outcome_clicked)
        self.agreement_button = QPushButton(self.tr("Print agreement…"))
        self.agreement_button.clicked.connect(self._print_agreement_clicked)
        self.outcome_dialog: OutcomeDialog | None = None
        self.deadline_note = QLabel()
        self.deadline_note.setWordWrap(True)
        self.deadline_note.setStyleSheet(
            f"color: {AMBER.name()}; background: {AMBER_BACKGROUND.name()}; padding: 4px;"
        )
        self.deadline_note.hide()
        self.session_message = QLabel()
        self.session_message.setWordWrap(True)
        self.session_message.hide()
        # The case summary is the widest; let it take the free space instead.
        header = self.session_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_sessions = QLabel(self.tr("No mediation sessions today or in the next 7 days."))
        self.empty_sessions.setStyleSheet("color: #5f6368;")
        self.empty_sessions.hide()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.board_title)
        top_layout.addWidget(self.board_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.sessions_title, 1)
        title_row.addWidget(self.outcome_button)
        title_row.addWidget(self.agreement_button)
        bottom_layout.addLayout(title_row)
        bottom_layout.addWidget(self.deadline_note)
        bottom_layout.addWidget(self.session_table, 1)
        bottom_layout.addWidget(self.empty_sessions)
        bottom_layout.addWidget(self.session_message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.offline_note = QLabel(
            self.tr("Offline: the database cannot be reached; the board may be out of date.")
        )
        self.offline_note.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        self.offline_note.setVisible(not self._online)

        self.calendar = MediatorCalendar(ctx)
        self.calendar.saved.connect(self._board_changed_here)
        self.follow_ups = FollowUpsPanel(ctx)
        self.figures_table = _table(
            [
                self.tr("Mediator"),
                self.tr("Month"),
                self.tr("Sessions"),
                self.tr("Hours booked"),
                self.tr("Hours offered"),
                self.tr("Utilisation"),
                self.tr("With outcome"),
                self.tr("Agreements"),
                self.tr("Agreement rate"),
            ],
            line + 8,
        )
        figures_header = self.figures_table.horizontalHeader()
        figures_header.setSectionResizeMode(8, QHeaderView.ResizeMode.ResizeToContents)
        figures_header.setStretchLastSection(False)
        self.figure_months = QSpinBox()
        self.figure_months.setRange(1, 24)
        self.figure_months.setValue(FIGURE_MONTHS)
        self.figure_months.setSuffix(self.tr(" months"))
        self.figure_months.valueChanged.connect(lambda _v: self._figures_load.load_now())
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 4, 0, 0)
        figures_bar = QHBoxLayout()
        figures_bar.addWidget(
            QLabel(
                self.tr(
                    "Utilisation: hours booked over hours offered by the weekly pattern. "
                    "Agreement rate: agreements over sessions with an outcome."
                )
            ),
            1,
        )
        figures_bar.addWidget(self.figure_months)
        figures_layout.addLayout(figures_bar)
        figures_layout.addWidget(self.figures_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Now"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.addTab(figures, self.tr("Figures"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._loaded_tabs: set[int] = {0}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.offline_note)
        layout.addWidget(self.tabs, 1)

        self._board_load: CoalescedLoad[Board] = CoalescedLoad(
            ctx.worker, self._board_job, self._show_board, "mediator board", self
        )
        self._sessions_load: CoalescedLoad[SessionList] = CoalescedLoad(
            ctx.worker, self._sessions_job, self._show_sessions, "mediation sessions", self
        )
        self._figures_load: CoalescedLoad[tuple[MediatorMonth, ...]] = CoalescedLoad(
            ctx.worker, self._figures_job, self._show_figures, "mediator figures", self
        )
        self._session_selected()
        # "Free now" changes with the clock, not only with the data.
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._board_load.load_now()
        self._sessions_load.load_now()
        if 1 in self._loaded_tabs:
            self.calendar.load_mediators()
        if 2 in self._loaded_tabs:
            self.follow_ups.refresh()
        if 3 in self._loaded_tabs:
            self._figures_load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & BOARD_TABLES:
            self._board_load.request()
        shown_cases = self.sessions.case_ids if self.sessions else frozenset()
        if tables & SESSION_TABLES or any(
            c.table == "case_file" and c.row_id in shown_cases for c in changes
        ):
            self._sessions_load.request()
        if tables & FOLLOW_UP_TABLES and 2 in self._loaded_tabs:
            self.follow_ups.request()
        if tables & BOARD_TABLES and 1 in self._loaded_tabs:
            self.calendar.reload()
        if tables & {"mediation_session", "session_mediator"} and 3 in self._loaded_tabs:
            self._figures_load.request()

    def _tab_changed(self, index: int) -> None:
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        if index == 1:
            self.calendar.load_mediators()
        elif index == 2:
            self.follow_ups.refresh()
        elif index == 3:
            self._figures_load.load_now()

    def _board_changed_here(self) -> None:
        self._board_load.load_now()
        self._sessions_load.request()

    def set_online(self, online: bool) -> None:
        # This view only reads; offline means the board may be stale.
        was_offline = not self._online
        self._online = online
        self.offline_note.setVisible(not online)
        self.calendar.set_online(online)
        self._session_selected()
        if online and was_offline:
            self.refresh()

    # ------------------------------------------------------------------ loading

    def _board_job(self) -> Callable[[], Board]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: load_board(db, at)

    def _sessions_job(self) -> Callable[[], SessionList]:
        db, at = self.ctx.db, self.ctx.clock()
        start = datetime.combine(at.date(), time())
        return lambda: load_sessions(db, start, at)

    def _figures_job(self) -> Callable[[], tuple[MediatorMonth, ...]]:
        db, at, months = self.ctx.db, self.ctx.clock(), self.figure_months.value()
        return lambda: load_figures(db, months, at)

    def _on_minute(self) -> None:
        self._board_load.request()
        if self.sessions is not None and self.sessions.start.date() != self.ctx.clock().date():
            self._sessions_load.request()

    # ------------------------------------------------------------------ board

    def state_of(self, m: MediatorStatus, board: Board) -> tuple[int, str, str]:
        """(state, text shown, tooltip) of one mediator at the board's time."""
        today = board.at.date()
        if m.absent_reason:
            reasons = {"leave": self.tr("Away (leave)"), "court_day": self.tr("Away (court day)")}
            return self.AWAY, reasons.get(m.absent_reason, self.tr("Away")), ""
        if m.free_now:
            return self.FREE, self.tr("Free"), ""
        free_later_today = m.next_free is not None and m.next_free.date() == today
        session_end = board.in_session_until.get(m.id)
        if session_end is not None:
            tip = self.tr("In a mediation session until %1").replace("%1", format_time(session_end))
            if free_later_today and m.next_free is not None:
                text = self.tr("Busy until %1").replace("%1", format_time(m.next_free))
            else:
                text = self.tr("Busy for the rest of today")
            return self.BUSY, text, tip
        tip = self.tr("Outside their working hours")
        if free_later_today and m.next_free is not None:
            return (
                self.OFF_DUTY,
                self.tr("Off duty until %1").replace("%1", format_time(m.next_free)),
                tip,
            )
        return self.OFF_DUTY, self.tr("Off duty today"), tip

    def _next_free_text(self, m: MediatorStatus, at: datetime) -> str:
        if m.free_now:
            return self.tr("now")
        if m.next_free is None:
            return self.tr("none in the next 7 days")
        if m.next_free.date() == at.date():
            return format_time(m.next_free)
        d = m.next_free
        weekday = QLocale().toString(QDate(d.year, d.month, d.day), "ddd")
        return f"{weekday} {format_date(d)} {format_time(d)}"

    def _show_board(self, board: Board) -> None:
        self.board = board
        states = [(self.state_of(m, board), m) for m in board.mediators]
        states.sort(key=lambda sm: sm[0][0])  # stable: service order within a state
        table = self.board_table
        table.setRowCount(len(states))
        styles = {
            self.FREE: (GREEN, GREEN_BACKGROUND),
            self.BUSY: (AMBER, AMBER_BACKGROUND),
            self.OFF_DUTY: (GREY, GREY_BACKGROUND),
            self.AWAY: (GREY, GREY_BACKGROUND),
        }
        sep = self.tr(", ")
        free = 0
        for row, ((state, text, tip), m) in enumerate(states):
            free += state == self.FREE
            name = _item(m.name)
            name.setFont(self.state_font)
            now = _item(text, tip)
            now.setFont(self.state_font)
            fg, bg = styles[state]
            now.setForeground(QBrush(fg))
            now.setBackground(QBrush(bg))
            load = _item(f"{m.sessions_today} / {m.capacity_per_day}")
            load.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if m.sessions_today >= m.capacity_per_day:
                load.setForeground(QBrush(RED))
                load.setToolTip(self.tr("Fully booked today"))
            skills = sep.join(label(s) for s in m.skills)
            table.setItem(row, 0, name)
            table.setItem(row, 1, _item(label(m.kind)))
            table.setItem(row, 2, now)
            table.setItem(row, 3, _item(self._next_free_text(m, board.at)))
            table.setItem(row, 4, load)
            table.setItem(row, 5, _item(skills, skills))
        self.board_title.setText(
            self.tr("Mediators now (%1) — %n free", "", free).replace("%1", format_time(board.at))
        )

    # --------------------------------------------------------------- sessions

    def _show_sessions(self, data: SessionList) -> None:
        self.sessions = data
        table = self.session_table
        table.setRowCount(len(data.sessions))
        today = data.start.date()
        sep = self.tr(", ")
        for row, s in enumerate(data.sessions):
            day = format_date(s.starts_at)
            if s.starts_at.date() == today:
                day = self.tr("Today")
            elif s.starts_at.date() == today + timedelta(days=1):
                day = self.tr("Tomorrow")
            status = _item(label(s.status))
            if s.status == SessionStatus.CANCELLED:
                status.setForeground(QBrush(GREY))
            elif s.status == SessionStatus.HELD:
                status.setForeground(QBrush(GREEN))
            case_text = f"{s.case_no}  {s.case_summary}"
            table.setItem(row, 0, _item(day, format_date(s.starts_at)))
            table.setItem(row, 1, _item(f"{format_time(s.starts_at)}–{format_time(s.ends_at)}"))
            table.setItem(row, 2, _item(case_text, case_text))
            table.setItem(row, 3, _item(sep.join(s.mediators)))
            table.setItem(row, 4, _item(s.room))
            table.setItem(row, 5, status)
            table.setItem(row, 6, _item(label(s.outcome)))
            table.setItem(row, 7, self._period_item(data.periods.get(s.case_id)))
        self.sessions_title.setText(
            self.tr("Sessions from %1, the next 7 days included").replace("%1", format_date(today))
        )
        self.empty_sessions.setVisible(not data.sessions)
        passed = sum(a.state == DeadlineState.PASSED for a in data.alerts)
        soon = len(data.alerts) - passed
        if data.alerts:
            parts = []
            if passed:
                parts.append(self.tr("%n case(s) past the deadline", "", passed))
            if soon:
                parts.append(self.tr("%n ending soon", "", soon))
            first = data.alerts[0]
            text = self.tr("Mediation period: %1 — first: %2, due %3")
            text = text.replace("%1", self.tr(", ").join(parts)).replace("%2", first.case_no)
            text = text.replace(
                "%3", f"{format_date(first.deadline)} {format_time(first.deadline)}"
            )
            self.deadline_note.setText(text)
        self.deadline_note.setVisible(bool(data.alerts))
        self._session_selected()

    def _period_item(self, period: MediationDeadline | None) -> QTableWidgetItem:
        if period is None:
            return _item("")
        days = period.remaining(self.ctx.clock())
        due = f"{format_date(period.deadline)} {format_time(period.deadline)}"
        if period.state == DeadlineState.PASSED:
            item = _item(self.tr("%n day(s) over", "", int(-days) + 1), due)
            item.setForeground(QBrush(RED))
        elif days < 1:
            item = _item(self.tr("%n hour(s) left", "", max(1, int(days * 24))), due)
            item.setForeground(QBrush(RED))
        else:
            item = _item(self.tr("%n day(s) left", "", int(days)), due)
            if period.state == DeadlineState.WARNING:
                item.setForeground(QBrush(AMBER))
        return item

    def selected_session(self) -> SessionInfo | None:
        row = self.session_table.currentRow()
        if self.sessions is None or not 0 <= row < len(self.sessions.sessions):
            return None
        return self.sessions.sessions[row]

    def _session_selected(self) -> None:
        s = self.selected_session()
        online = self._online
        self.outcome_button.setEnabled(
            online and s is not None and s.outcome is None and s.status != SessionStatus.CANCELLED
        )
        self.agreement_button.setEnabled(
            s is not None and s.outcome in (MediationOutcome.AGREEMENT, MediationOutcome.PARTIAL)
        )

    def _record_outcome_clicked(self) -> None:
        s = self.selected_session()
        if s is None or not self.outcome_button.isEnabled():
            return
        dialog = OutcomeDialog(self.ctx, s, self)
        self.outcome_dialog = dialog
        dialog.recorded.connect(self._outcome_recorded)
        dialog.open()

    def _outcome_recorded(self, result: mediation_outcome.OutcomeResult) -> None:
        text = self.tr("Outcome recorded; the case is now: %1").replace(
            "%1", label(result.case_status)
        )
        if result.follow_up_dates:
            dates = self.tr(", ").join(format_date(d) for d in result.follow_up_dates)
            text += self.tr(". Follow-up visits on %1.").replace("%1", dates)
        self._say(text, error=False)
        self._sessions_load.load_now()
        self._board_load.request()
        if 2 in self._loaded_tabs:
            self.follow_ups.refresh()

    def _print_agreement_clicked(self) -> None:
        s = self.selected_session()
        if s is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the agreement"), f"agreement-{s.case_no}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.export_agreement(s.id, Path(path))

    def export_agreement(self, session_id: int, path: Path) -> None:
        """Write the session's agreement to ``path`` (in the UI's language) on the worker."""
        from stationdesk.ui.i18n import current_language

        ctx, lang = self.ctx, current_language() or "zh_CN"
        self.ctx.worker.submit(
            lambda: save_agreement_pdf(ctx, session_id, path, lang),
            lambda p: self._say(self.tr("Agreement saved to %1").replace("%1", str(p)), False),
            lambda exc: self._say(outcome_message(exc), True),
            "agreement pdf",
        )

    def _say(self, text: str, error: bool) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.session_message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 4px; border-radius: 4px;"
        )
        self.session_message.setText(text)
        self.session_message.show()

    # ---------------------------------------------------------------- figures

    def _show_figures(self, figures: tuple[MediatorMonth, ...]) -> None:
        table = self.figures_table
        table.setRowCount(len(figures))

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value:.0%}"

        for row, f in enumerate(figures):
            cells = [
                f.name,
                f"{f.month:%Y-%m}",
                str(f.sessions),
                f"{f.booked_hours:g}",
                f"{f.available_hours:g}",
                pct(f.utilisation),
                str(f.with_outcome),
                str(f.agreements),
                pct(f.agreement_rate),
            ]
            for col, text in enumerate(cells):
                item = _item(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, col, item)

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._board_load.hold(False)
        self._sessions_load.hold(False)
        self._figures_load.hold(False)
        self.follow_ups.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._board_load.hold(True)
        self._sessions_load.hold(True)
        self._figures_load.hold(True)
        self.follow_ups.hold(True)
