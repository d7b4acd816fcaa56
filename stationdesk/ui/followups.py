"""Follow-up visits after an agreement: the signed-in officer's list (or everyone's),
overdue ones in red first, and recording a visit's result."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediation_outcome
from stationdesk.data.database import Database
from stationdesk.data.mediation_outcome import FollowUpInfo
from stationdesk.data.uow import Actor, ConflictError, PermissionDeniedError
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

log = logging.getLogger(__name__)

FOLLOW_UP_TABLES = frozenset({"follow_up", "mediation_session"})
RED = QColor("#c62828")


@dataclass(frozen=True)
class FollowUpList:
    today: date
    mine_only: bool
    items: tuple[FollowUpInfo, ...]


def load_follow_ups(db: Database, actor: Actor, today: date, mine_only: bool) -> FollowUpList:
    if mine_only:
        items = mediation_outcome.my_follow_ups(db, actor, today)
    else:
        items = mediation_outcome.follow_ups(db, today)
    return FollowUpList(today, mine_only, tuple(items))


class ResultDialog(QDialog):
    def __init__(self, item: FollowUpInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Result of the follow-up visit"))
        self.setMinimumSize(460, 260)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("What you found: is the agreement kept? Any new trouble?")
        )
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(lambda: self.accept() if self.text.toPlainText().strip() else None)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"<b>{escape(item.case_no)}</b> {escape(item.case_summary)}"))
        lay.addWidget(self.text)
        lay.addWidget(box)


class FollowUpsPanel(QWidget):
    """ "My follow-ups" in the mediation view."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: FollowUpList | None = None
        self.result_dialog: ResultDialog | None = None
        # Results are saved through resilience.save (once, not at all, or unknown until
        # the connection is back); a result not saved yet is kept here, per follow-up,
        # and is in the box again when the officer reopens that visit.
        self.kept: dict[int, str] = {}
        self.runner = SaveRunner(ctx, self)
        self.runner.notice.connect(self._runner_notice)
        self.mine_only = QCheckBox(self.tr("Only mine"))
        self.mine_only.setChecked(True)
        self.mine_only.toggled.connect(lambda _on: self._load.load_now())
        self.title = QLabel()
        self.record_button = QPushButton(self.tr("Record result…"))
        self.record_button.clicked.connect(self._record_clicked)
        self.runner.busy_changed.connect(lambda busy: self.record_button.setEnabled(not busy))
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.mine_only)
        bar.addWidget(self.record_button)
        headers = [self.tr("Due"), self.tr("Case"), self.tr("Officer"), self.tr("State")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._record_clicked())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        self._load: CoalescedLoad[FollowUpList] = CoalescedLoad(
            ctx.worker, self._job, self._show, "follow-ups", self
        )

    def _job(self) -> Callable[[], FollowUpList]:
        db, actor, today, mine = (
            self.ctx.db, self.ctx.actor, self.ctx.clock().date(), self.mine_only.isChecked()
        )  # fmt: skip
        return lambda: load_follow_ups(db, actor, today, mine)

    def refresh(self) -> None:
        self._load.load_now()

    def request(self) -> None:
        self._load.request()

    def hold(self, held: bool) -> None:
        self._load.hold(held)

    def _show(self, data: FollowUpList) -> None:
        self.data = data
        items = sorted(data.items, key=lambda f: (not f.overdue, f.due_on, f.id))
        self.table.setRowCount(len(items))
        overdue = 0
        for row, f in enumerate(items):
            overdue += f.overdue
            state = QTableWidgetItem(self.tr("Overdue") if f.overdue else self.tr("Due"))
            if f.overdue:
                state.setForeground(QBrush(theme.status_colour("overdue")))
            if f.due_on == data.today:
                state.setText(self.tr("Due today"))
            case = QTableWidgetItem(f"{f.case_no}  {f.case_summary}")
            due = QTableWidgetItem(format_date(f.due_on))
            due.setData(Qt.ItemDataRole.UserRole, f.id)
            for col, item in enumerate((due, case, QTableWidgetItem(f.officer_name), state)):
                self.table.setItem(row, col, item)
        title = (
            self.tr("My follow-up visits: %n pending", "", len(items))
            if data.mine_only
            else self.tr("All follow-up visits: %n pending", "", len(items))
        )
        if overdue:
            title += self.tr(", %n overdue", "", overdue)
        self.title.setText(title)

    def selected(self) -> FollowUpInfo | None:
        row = self.table.currentRow()
        if self.data is None or row < 0:
            return None
        fid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return next((f for f in self.data.items if f.id == fid), None)

    def _record_clicked(self) -> None:
        item = self.selected()
        if item is None:
            self._say(self.tr("Pick a follow-up visit in the list first."), True)
            return
        if self.runner.busy:
            self._say(self.runner_wait_text(), True)
            return
        dialog = ResultDialog(item, self)
        dialog.text.setPlainText(self.kept.get(item.id, ""))
        self.result_dialog = dialog
        dialog.accepted.connect(lambda: self._record(item, dialog.text.toPlainText()))
        dialog.open()

    def runner_wait_text(self) -> str:
        if self.runner.outcome_unknown:
            return self.tr(
                "Not known yet whether the last result was saved; StationDesk checks when the "
                "connection is back."
            )
        return self.tr("Still saving the last result.")

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self._say(text, True)

    def _record(self, item: FollowUpInfo, text: str) -> None:
        ctx = self.ctx
        self.kept[item.id] = text  # until it is certainly saved

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            if isinstance(exc, ConflictError):
                msg = self.tr("Another workstation recorded this visit meanwhile.")
            elif isinstance(exc, PermissionDeniedError):
                msg = self.tr("Your role may not record follow-up visits.")
            elif isinstance(exc, ValueError):
                msg = self.tr("This visit already has a result, or the result is empty.")
            else:
                log.error("recording a follow-up failed", exc_info=exc)
                msg = self.tr("The result could not be saved: %1").replace("%1", str(exc))
            self._say(msg, True)
            self._load.load_now()

        def done(_info: FollowUpInfo | None) -> None:
            # None: confirmed through the work token after a reconnect -- saved once.
            if shiboken6.isValid(self):
                self.kept.pop(item.id, None)
                self._say(
                    self.tr("Result of the visit to %1 saved.").replace("%1", item.case_no), False
                )
                self._load.load_now()

        self.runner.run(
            lambda: mediation_outcome.record_follow_up(
                ctx.db, ctx.actor, item.id, item.version, text
            ),
            on_saved=done,
            on_error=failed,
            what="follow-up result",
        )

    def _say(self, text: str, error: bool) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 4px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()
