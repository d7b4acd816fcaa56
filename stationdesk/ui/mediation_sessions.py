"""The sessions of today and the next week on the Mediation view's Now tab: their
outcomes, each case's mediation period, recording an outcome and printing an
agreement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediation, mediation_outcome
from stationdesk.data.database import Database
from stationdesk.data.mediation import SessionInfo
from stationdesk.data.mediation_outcome import MediationDeadline
from stationdesk.data.uow import Change
from stationdesk.domain.enums import MediationOutcome, SessionStatus
from stationdesk.domain.mediation_outcome import DeadlineState
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.mediation_tables import (
    AMBER,
    AMBER_BACKGROUND,
    cell,
    read_only_table,
)
from stationdesk.ui.outcome_dialog import OutcomeDialog, outcome_message, save_agreement_pdf
from stationdesk.ui.reload import CoalescedLoad

SESSION_TABLES = frozenset({"mediation_session", "session_mediator", "mediator"})
SESSION_DAYS = 8  # today and the next 7 days


@dataclass(frozen=True)
class SessionList:
    start: datetime
    sessions: tuple[SessionInfo, ...]
    periods: dict[int, MediationDeadline]  # case id -> its mediation period (in mediation)
    alerts: tuple[MediationDeadline, ...] = ()  # periods ending soon or passed, any case

    @property
    def case_ids(self) -> frozenset[int]:
        return frozenset(s.case_id for s in self.sessions)


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


class MediationSessions(QWidget):
    """The week's sessions with their outcomes and mediation periods."""

    # An outcome was recorded here (the board and the follow-ups change with it).
    outcome_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions: SessionList | None = None
        self._online = ctx.online
        bold = QFont(self.font())
        bold.setBold(True)
        line = self.fontMetrics().height()
        self.sessions_title = QLabel()
        self.sessions_title.setFont(bold)
        self.session_table = read_only_table(
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
        theme.set_status(self.empty_sessions, "muted")
        self.empty_sessions.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.sessions_title, 1)
        title_row.addWidget(self.outcome_button)
        title_row.addWidget(self.agreement_button)
        layout.addLayout(title_row)
        layout.addWidget(self.deadline_note)
        layout.addWidget(self.session_table, 1)
        layout.addWidget(self.empty_sessions)
        layout.addWidget(self.session_message)
        self._load: CoalescedLoad[SessionList] = CoalescedLoad(
            ctx.worker, self._job, self._show_sessions, "mediation sessions", self
        )
        self._session_selected()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._load.load_now()

    def request(self) -> None:
        self._load.request()

    def hold(self, held: bool) -> None:
        self._load.hold(held)

    def set_online(self, online: bool) -> None:
        self._online = online
        self._session_selected()

    def apply_changes(self, changes: list[Change]) -> None:
        shown_cases = self.sessions.case_ids if self.sessions else frozenset()
        if {c.table for c in changes} & SESSION_TABLES or any(
            c.table == "case_file" and c.row_id in shown_cases for c in changes
        ):
            self._load.request()

    def new_day(self) -> None:
        """Called every minute: the list starts today, so it moves on at midnight."""
        if self.sessions is not None and self.sessions.start.date() != self.ctx.clock().date():
            self._load.request()

    def _job(self) -> Callable[[], SessionList]:
        db, at = self.ctx.db, self.ctx.clock()
        start = datetime.combine(at.date(), time())
        return lambda: load_sessions(db, start, at)

    # ------------------------------------------------------------------ showing

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
            status = cell(label(s.status))
            if s.status == SessionStatus.CANCELLED:
                status.setForeground(QBrush(theme.status_colour("muted")))
            elif s.status == SessionStatus.HELD:
                status.setForeground(QBrush(theme.status_colour("ok")))
            case_text = f"{s.case_no}  {s.case_summary}"
            table.setItem(row, 0, cell(day, format_date(s.starts_at)))
            table.setItem(row, 1, cell(f"{format_time(s.starts_at)}–{format_time(s.ends_at)}"))
            table.setItem(row, 2, cell(case_text, case_text))
            table.setItem(row, 3, cell(sep.join(s.mediators)))
            table.setItem(row, 4, cell(s.room))
            table.setItem(row, 5, status)
            table.setItem(row, 6, cell(label(s.outcome)))
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
            return cell("")
        days = period.remaining(self.ctx.clock())
        due = f"{format_date(period.deadline)} {format_time(period.deadline)}"
        if period.state == DeadlineState.PASSED:
            item = cell(self.tr("%n day(s) over", "", int(-days) + 1), due)
            item.setForeground(QBrush(theme.status_colour("overdue")))
        elif days < 1:
            item = cell(self.tr("%n hour(s) left", "", max(1, int(days * 24))), due)
            item.setForeground(QBrush(theme.status_colour("overdue")))
        else:
            item = cell(self.tr("%n day(s) left", "", int(days)), due)
            if period.state == DeadlineState.WARNING:
                item.setForeground(QBrush(theme.status_colour("warning")))
        return item

    # ------------------------------------------------------------------ actions

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

    def _outcome_recorded(self, result: mediation_outcome.OutcomeResult | None) -> None:
        if result is None:  # confirmed after a reconnect: what it did shows on reload
            self._say(self.tr("Outcome recorded."), error=False)
            self._load.load_now()
            self.outcome_saved.emit(result)
            return
        text = self.tr("Outcome recorded; the case is now: %1").replace(
            "%1", label(result.case_status)
        )
        if result.follow_up_dates:
            dates = self.tr(", ").join(format_date(d) for d in result.follow_up_dates)
            text += self.tr(". Follow-up visits on %1.").replace("%1", dates)
        self._say(text, error=False)
        self._load.load_now()
        self.outcome_saved.emit(result)

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
