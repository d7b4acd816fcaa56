"""Mediation: which mediator is free now, the sessions of today and the next week with
their outcomes and mediation deadlines (mediation_sessions), each mediator's calendar,
the officer's follow-up visits and the mediators' figures (mediation_figures) -- one
tab each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from stationdesk.data import mediation, overview_queries
from stationdesk.data.database import Database
from stationdesk.data.mediation import MediatorStatus
from stationdesk.data.uow import Change
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.followups import FOLLOW_UP_TABLES, FollowUpsPanel
from stationdesk.ui.i18n import format_datetime, format_time, format_weekday
from stationdesk.ui.labels import label
from stationdesk.ui.mediation_figures import FIGURE_TABLES, MediationFiguresTab
from stationdesk.ui.mediation_sessions import MediationSessions
from stationdesk.ui.mediation_tables import (
    AMBER,
    AMBER_BACKGROUND,
    GREEN,
    GREEN_BACKGROUND,
    GREY,
    GREY_BACKGROUND,
    cell,
    read_only_table,
)
from stationdesk.ui.mediator_calendar import MediatorCalendar
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
MINUTE_MS = 60_000


@dataclass(frozen=True)
class Board:
    at: datetime
    mediators: tuple[MediatorStatus, ...]
    in_session_until: dict[int, datetime]  # mediator id -> end of the current session


def load_board(db: Database, at: datetime) -> Board:
    return Board(
        at,
        tuple(mediation.mediator_board(db, at)),
        overview_queries.mediators_in_session(db, at),
    )


class MediationView(QWidget):
    """The "who is free" board on top, the week's sessions below."""

    # Board states, most useful first (the board is sorted by them).
    FREE, BUSY, OFF_DUTY, AWAY = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: Board | None = None
        self._online = ctx.online
        self._wanted_mediator: int | None = None  # show_mediator before the board came

        bold = QFont(self.font())
        bold.setBold(True)
        self.board_title = QLabel(self.tr("Mediators now"))
        self.board_title.setFont(bold)
        self.state_font = QFont(self.font())
        self.state_font.setBold(True)
        self.state_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.35)
        line = self.fontMetrics().height()
        self.board_table = read_only_table(
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
        self.sessions_panel = MediationSessions(ctx)
        self.sessions_panel.outcome_saved.connect(self._outcome_saved)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.board_title)
        top_layout.addWidget(self.board_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.sessions_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.offline_note = QLabel(
            self.tr("Offline: the database cannot be reached; the board may be out of date.")
        )
        theme.set_status(self.offline_note, "overdue")
        self.offline_note.setVisible(not self._online)

        self.calendar = MediatorCalendar(ctx)
        self.calendar.saved.connect(self._board_changed_here)
        self.follow_ups = FollowUpsPanel(ctx)
        self.figures = MediationFiguresTab(ctx)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Now"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._loaded_tabs: set[int] = {0}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.offline_note)
        layout.addWidget(self.tabs, 1)

        self._board_load: CoalescedLoad[Board] = CoalescedLoad(
            ctx.worker, self._board_job, self._show_board, "mediator board", self
        )
        # "Free now" changes with the clock, not only with the data.
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._board_load.load_now()
        self.sessions_panel.refresh()
        if 1 in self._loaded_tabs:
            self.calendar.load_mediators()
        if 2 in self._loaded_tabs:
            self.follow_ups.refresh()
        if 3 in self._loaded_tabs:
            self.figures.refresh()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & BOARD_TABLES:
            self._board_load.request()
        self.sessions_panel.apply_changes(changes)
        if tables & FOLLOW_UP_TABLES and 2 in self._loaded_tabs:
            self.follow_ups.request()
        if tables & BOARD_TABLES and 1 in self._loaded_tabs:
            self.calendar.reload()
        if tables & FIGURE_TABLES and 3 in self._loaded_tabs:
            self.figures.request()

    def _tab_changed(self, index: int) -> None:
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        if index == 1:
            self.calendar.load_mediators()
        elif index == 2:
            self.follow_ups.refresh()
        elif index == 3:
            self.figures.refresh()

    def _board_changed_here(self) -> None:
        self._board_load.load_now()
        self.sessions_panel.request()

    def _outcome_saved(self, _result: object) -> None:
        self._board_load.request()
        if 2 in self._loaded_tabs:
            self.follow_ups.refresh()

    def set_online(self, online: bool) -> None:
        # This view only reads; offline means the board may be stale.
        was_offline = not self._online
        self._online = online
        self.offline_note.setVisible(not online)
        self.calendar.set_online(online)
        self.sessions_panel.set_online(online)
        if online and was_offline:
            self.refresh()

    # ------------------------------------------------------------------ loading

    def _board_job(self) -> Callable[[], Board]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: load_board(db, at)

    def _on_minute(self) -> None:
        self._board_load.request()
        self.sessions_panel.new_day()

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
        return f"{format_weekday(d)} {format_datetime(d)}"

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
            name = cell(m.name)
            name.setFont(self.state_font)
            name.setData(Qt.ItemDataRole.UserRole, m.id)
            now = cell(text, tip)
            now.setFont(self.state_font)
            fg, bg = styles[state]
            now.setForeground(QBrush(fg))
            now.setBackground(QBrush(bg))
            load = cell(f"{m.sessions_today} / {m.capacity_per_day}")
            load.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if m.sessions_today >= m.capacity_per_day:
                load.setForeground(QBrush(theme.status_colour("overdue")))
                load.setToolTip(self.tr("Fully booked today"))
            skills = sep.join(label(s) for s in m.skills)
            table.setItem(row, 0, name)
            table.setItem(row, 1, cell(label(m.kind)))
            table.setItem(row, 2, now)
            table.setItem(row, 3, cell(self._next_free_text(m, board.at)))
            table.setItem(row, 4, load)
            table.setItem(row, 5, cell(skills, skills))
        self.board_title.setText(
            self.tr("Mediators now (%1) — %n free", "", free).replace("%1", format_time(board.at))
        )
        if self._wanted_mediator is not None:
            self._select_on_board(self._wanted_mediator)

    # ------------------------------------------------------------ one mediator

    def show_mediator(self, mediator_id: int) -> None:
        """Select the mediator on the board (Now tab) and in the calendar (Ctrl+K)."""
        self.tabs.setCurrentIndex(0)
        self._wanted_mediator = mediator_id
        self.calendar.set_mediator(mediator_id)
        if self.board is not None:
            self._select_on_board(mediator_id)

    def selected_mediator(self) -> int | None:
        row = self.board_table.currentRow()
        item = self.board_table.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def _select_on_board(self, mediator_id: int) -> None:
        table = self.board_table
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == mediator_id:
                table.setCurrentCell(row, 0)
                table.selectRow(row)
                table.scrollToItem(item)
                self._wanted_mediator = None  # found: later refreshes keep the officer's choice
                return

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._board_load.hold(False)
        self.sessions_panel.hold(False)
        self.figures.hold(False)
        self.follow_ups.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._board_load.hold(True)
        self.sessions_panel.hold(True)
        self.figures.hold(True)
        self.follow_ups.hold(True)
