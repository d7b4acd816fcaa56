"""The leave dialog: one person's leave periods, add one, cancel one.

Opened from the week board (the person selected in the staff list) and from the
Community view's Grids tab (the selected grid's officer). Reads and saves run on the DB
worker; a refused period keeps what was typed and shows the message under its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import leave
from stationdesk.data.leave import REASON_MAX, LeavePeriod
from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import LeaveKind, Permission
from stationdesk.domain.validation import FieldError, ValidationErrors
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.field_errors import field_error_text
from stationdesk.ui.i18n import date_pattern, format_date
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import CloseGuard, SaveRunner

FIELDS = ("staff", "first_day", "last_day", "reason")
FIELD_ERROR_STYLE = "color: #c62828;"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _cell(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    return item


class LeaveDialog(CloseGuard, QDialog):
    """A person's leave: the list, a form to add a period, and cancel."""

    changed = Signal()  # leave was added or cancelled

    def __init__(
        self,
        ctx: AppContext,
        people: Sequence[tuple[int, str]],
        staff_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.periods: list[LeavePeriod] = []
        # Saved through resilience.save: once, not at all, or unknown until the connection
        # is back (nothing else meanwhile); the typed leave stays until it is saved.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self.setWindowTitle(self.tr("Leave"))
        self.setMinimumSize(640, 480)

        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Person"))
        for pid, name in people:
            self.person.addItem(name, pid)
        self.person.setCurrentIndex(max(0, self.person.findData(staff_id)))
        self.person.currentIndexChanged.connect(lambda _i: self.load())

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("From"), self.tr("To"), self.tr("Reason"),
             self.tr("Recorded by")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.empty = QLabel(self.tr("No leave recorded."))
        theme.set_status(self.empty, "muted")
        self.cancel_button = QPushButton(self.tr("Cancel this leave"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        # Open-ended leave ("until further notice") ends on a day the officer names.
        self.end_button = QPushButton(self.tr("End leave…"))
        self.end_button.clicked.connect(self.end_selected)
        self.confirm_box: QMessageBox | None = None  # "Cancel this leave?" while asked
        self.end_dialog: EndLeaveDialog | None = None

        today = ctx.clock().date()
        self.kind = QComboBox()
        for kind in LeaveKind:
            self.kind.addItem(label(kind), kind)
        self.first_day = QDateEdit(_qdate(today))
        self.last_day = QDateEdit(_qdate(today + timedelta(days=2)))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
        self.open_ended = QCheckBox(self.tr("Until further notice"))
        self.open_ended.toggled.connect(lambda on: self.last_day.setEnabled(not on))
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX + 50)  # longer input gets a message, not a cut
        self.reason.setPlaceholderText(self.tr("e.g. family visit, hospital, city training"))
        self.errors = {f: QLabel() for f in FIELDS}
        for err in self.errors.values():
            err.setStyleSheet(FIELD_ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_day)
        last_row.addWidget(self.open_ended)
        last_row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add leave"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("First day"), self.first_day)
        form.addRow("", self.errors["first_day"])
        form.addRow(self.tr("Last day"), last_row)
        form.addRow("", self.errors["last_day"])
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.errors["reason"])
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)
        add_box = QGroupBox(self.tr("New leave period"))
        add_box.setLayout(form)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("Person"), self.person)
        top.addRow("", self.errors["staff"])
        list_row = QHBoxLayout()
        list_row.addWidget(self.empty)
        list_row.addStretch(1)
        list_row.addWidget(self.end_button)
        list_row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(list_row)
        lay.addWidget(add_box)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.load()

    # ------------------------------------------------------------------ reading

    def staff_id(self) -> int | None:
        data = self.person.currentData()
        return int(data) if data is not None else None

    def load(self) -> None:
        staff_id, db = self.staff_id(), self.ctx.db
        if staff_id is None:
            self.show_periods([])
            return

        def done(found: list[LeavePeriod]) -> None:
            if shiboken6.isValid(self) and self.staff_id() == staff_id:
                self.show_periods(found)

        self.ctx.worker.submit(lambda: leave.leave_of(db, staff_id), done, self._failed, "leave")

    def show_periods(self, periods: list[LeavePeriod]) -> None:
        self.periods = periods
        today = self.ctx.clock().date()
        self.table.setRowCount(len(periods))
        for row, p in enumerate(periods):
            last = format_date(p.last_day) if p.last_day else self.tr("until further notice")
            kind = _cell(label(p.kind))
            if p.covers(today):
                kind.setText(self.tr("%1 (today)").replace("%1", kind.text()))
            when = format_date(p.created_at.date())
            self.table.setItem(row, 0, kind)
            self.table.setItem(row, 1, _cell(format_date(p.first_day)))
            self.table.setItem(row, 2, _cell(last))
            self.table.setItem(row, 3, _cell(p.reason or "—", p.reason))
            self.table.setItem(row, 4, _cell(p.created_by, when))
        self.empty.setVisible(not periods)
        self._update_actions()

    # ------------------------------------------------------------------ saving

    def _can_edit(self) -> bool:
        return self.ctx.online and self.ctx.actor.can(Permission.EDIT_PATROLS)

    def _update_actions(self) -> None:
        can = self._can_edit() and not self.runner.busy
        self.add_button.setEnabled(can and self.staff_id() is not None)
        chosen = self.selected()
        self.cancel_button.setEnabled(can and chosen is not None)
        self.end_button.setEnabled(can and chosen is not None and chosen.last_day is None)
        tip = "" if self.ctx.actor.can(Permission.EDIT_PATROLS) else self.tr(
            "Your role may not record leave."
        )  # fmt: skip
        self.add_button.setToolTip(tip)
        self.cancel_button.setToolTip(tip)
        self.end_button.setToolTip(
            tip or self.tr("Give leave recorded until further notice its last day.")
        )

    def selected(self) -> LeavePeriod | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.periods):
            return None
        return self.periods[rows[0].row()]

    def add(self) -> None:
        staff_id = self.staff_id()
        if staff_id is None or self.runner.busy:
            return
        self._show_errors([])
        first = _date(self.first_day.date())
        last = None if self.open_ended.isChecked() else _date(self.last_day.date())
        kind: LeaveKind = self.kind.currentData()
        reason, db, actor = self.reason.text(), self.ctx.db, self.ctx.actor

        def done(_id: int | None) -> None:
            # None: confirmed through the work token after a reconnect -- recorded once.
            if not shiboken6.isValid(self):
                return
            self.reason.clear()
            self._say(self.tr("Leave recorded for %1.").replace("%1", self.person.currentText()))
            self.changed.emit()
            self.load()

        self.runner.run(
            lambda: leave.record_leave(db, actor, staff_id, first, last, kind, reason),
            on_saved=done,
            on_error=self._failed,
            what="record leave",
        )
        self._update_actions()

    def end_selected(self) -> None:
        """Ask for the last day of the selected open-ended leave, then save it."""
        period = self.selected()
        if period is None or period.last_day is not None or self.runner.busy:
            return
        today = self.ctx.clock().date()
        dialog = EndLeaveDialog(period, max(today, period.first_day), self)
        self.end_dialog = dialog
        dialog.accepted.connect(lambda: self._end(period, dialog.last_day()))
        dialog.open()

    def _end(self, period: LeavePeriod, last_day: date) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(_version: int | None) -> None:
            if not shiboken6.isValid(self):
                return
            self._say(
                self.tr("Leave from %1 ends on %2.")
                .replace("%1", format_date(period.first_day))
                .replace("%2", format_date(last_day))
            )
            self.changed.emit()
            self.load()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ValidationErrors) and shiboken6.isValid(self):
                self._update_actions()  # the message names the problem; the form is not used
                text = "; ".join(self.error_text(e) for e in exc.errors)
                self._say(self.tr("Not saved: %1").replace("%1", text), error=True)
                return
            self._failed(exc)

        self.runner.run(
            lambda: leave.end_leave(db, actor, period.id, period.version, last_day),
            on_saved=done,
            on_error=failed,
            what="end leave",
        )
        self._update_actions()

    def cancel_selected(self) -> None:
        """Ask first: cancelling removes the period (the audit log keeps it)."""
        period = self.selected()
        if period is None or self.runner.busy:
            return
        last = format_date(period.last_day) if period.last_day else self.tr("until further notice")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel leave"),
            self.tr("Cancel the leave %1, %2 to %3? It is removed from the roster checks.")
            .replace("%1", label(period.kind))
            .replace("%2", format_date(period.first_day))
            .replace("%3", last),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Cancel leave"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(result: int) -> None:
            self.confirm_box = None
            if result == QMessageBox.StandardButton.Yes and shiboken6.isValid(self):
                self._cancel(period)

        box.finished.connect(answered)
        box.open()

    def _cancel(self, period: LeavePeriod) -> None:
        if self.runner.busy:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def done(_none: None) -> None:
            if not shiboken6.isValid(self):
                return
            self._say(
                self.tr("Leave from %1 cancelled.").replace("%1", format_date(period.first_day))
            )
            self.changed.emit()
            self.load()

        self.runner.run(
            lambda: leave.cancel_leave(db, actor, period.id, period.version),
            on_saved=done,
            on_error=self._failed,
            what="cancel leave",
        )
        self._update_actions()

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self._say(text, error=True)

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._update_actions()
        if isinstance(exc, ValidationErrors):
            self._show_errors(list(exc.errors))
            self._say(self.tr("Not saved: check the marked fields."), error=True)
            return
        if isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not record leave. Nothing was saved.")
        elif isinstance(exc, ConflictError | NotFoundError):
            text = self.tr("This leave was changed on another workstation; the list is reloaded.")
            self.load()
        else:
            text = self.tr("The leave could not be saved: %1").replace("%1", str(exc))
        self._say(text, error=True)

    def _show_errors(self, errors: list[FieldError]) -> None:
        by_field = {e.field: e for e in errors}
        for field, widget in self.errors.items():
            err = by_field.get(field)
            widget.setVisible(err is not None)
            widget.setText(self.error_text(err) if err is not None else "")

    def error_text(self, err: FieldError) -> str:
        p = err.params
        if err.code == "leave_overlaps":
            last = str(p.get("last_day") or "")
            return (
                self.tr("Overlaps leave already recorded: %1, %2 to %3.")
                .replace("%1", label(LeaveKind(str(p.get("kind", "other")))))
                .replace("%2", format_date(date.fromisoformat(str(p.get("first_day")))))
                .replace(
                    "%3",
                    format_date(date.fromisoformat(last))
                    if last
                    else self.tr("until further notice"),
                )
            )
        if err.code == "ends_before_start":
            return self.tr("The last day is before the first day.")
        if err.code == "unknown_person":
            return self.tr("This person is no longer on the station's staff.")
        return field_error_text(err)

    def _say(self, text: str, error: bool = False) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()


class EndLeaveDialog(QDialog):
    """The last day of an open-ended leave period (not before its first day)."""

    def __init__(self, period: LeavePeriod, suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End leave"))
        self.day = QDateEdit(_qdate(suggested))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_pattern())
        self.day.setMinimumDate(_qdate(period.first_day))
        note = QLabel(
            self.tr("%1 from %2, until further notice. Last day of leave:")
            .replace("%1", label(period.kind))
            .replace("%2", format_date(period.first_day))
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("End leave"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.day)
        lay.addWidget(self.buttons)

    def last_day(self) -> date:
        return _date(self.day.date())
