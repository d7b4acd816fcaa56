"""Mediation: which mediator is free now, and the sessions of today and the next week."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediation, overview_queries
from stationdesk.data.database import Database
from stationdesk.data.mediation import MediatorStatus, SessionInfo
from stationdesk.data.uow import Change
from stationdesk.domain.enums import SessionStatus
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.labels import label
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

    @property
    def case_ids(self) -> frozenset[int]:
        return frozenset(s.case_id for s in self.sessions)


def load_board(db: Database, at: datetime) -> Board:
    return Board(
        at,
        tuple(mediation.mediator_board(db, at)),
        overview_queries.mediators_in_session(db, at),
    )


def load_sessions(db: Database, start: datetime) -> SessionList:
    end = start + timedelta(days=SESSION_DAYS)
    return SessionList(start, tuple(mediation.sessions_between(db, start, end)))


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
            ],
            line + 12,
        )
        # The case summary is the widest; let it take the free space instead.
        header = self.session_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
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
        bottom_layout.addWidget(self.sessions_title)
        bottom_layout.addWidget(self.session_table, 1)
        bottom_layout.addWidget(self.empty_sessions)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.offline_note)
        layout.addWidget(splitter, 1)

        self._board_load: CoalescedLoad[Board] = CoalescedLoad(
            ctx.worker, self._board_job, self._show_board, "mediator board", self
        )
        self._sessions_load: CoalescedLoad[SessionList] = CoalescedLoad(
            ctx.worker, self._sessions_job, self._show_sessions, "mediation sessions", self
        )
        # "Free now" changes with the clock, not only with the data.
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._board_load.load_now()
        self._sessions_load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & BOARD_TABLES:
            self._board_load.request()
        shown_cases = self.sessions.case_ids if self.sessions else frozenset()
        if tables & SESSION_TABLES or any(
            c.table == "case_file" and c.row_id in shown_cases for c in changes
        ):
            self._sessions_load.request()

    def set_online(self, online: bool) -> None:
        # This view only reads; offline means the board may be stale.
        was_offline = not self._online
        self._online = online
        self.offline_note.setVisible(not online)
        if online and was_offline:
            self.refresh()

    # ------------------------------------------------------------------ loading

    def _board_job(self) -> Callable[[], Board]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: load_board(db, at)

    def _sessions_job(self) -> Callable[[], SessionList]:
        db = self.ctx.db
        start = datetime.combine(self.ctx.clock().date(), time())
        return lambda: load_sessions(db, start)

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
        self.sessions_title.setText(
            self.tr("Sessions from %1, the next 7 days included").replace("%1", format_date(today))
        )
        self.empty_sessions.setVisible(not data.sessions)

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._board_load.hold(False)
        self._sessions_load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._board_load.hold(True)
        self._sessions_load.hold(True)
