"""A mediator's week: working windows (green), bookings (amber) and days away (grey).

Drag over half-hour cells and press "Working" or "Not working" (or double-click one
cell) to change the weekly pattern; days off -- leave, court days -- are added with
a reason and removed below the grid. Every change is saved at once through the unit
of work with the mediator's version, so an edit made meanwhile on another
workstation is reported instead of overwritten.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediator_calendar
from stationdesk.data.mediator_calendar import MediatorChoice, MediatorWeek, Window
from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import date_pattern, format_date, format_day, format_time, format_weekday
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import SaveRunner

log = logging.getLogger(__name__)

FIRST_HOUR, LAST_HOUR = 7, 21  # the grid shows 07:00-21:00 in half hours
SLOT = timedelta(minutes=30)
SLOTS = (LAST_HOUR - FIRST_HOUR) * 2
WORKING = QColor("#cdebd6")
BOOKED = QColor("#ffd9a0")
AWAY = QColor("#dadce0")


def slot_start(row: int) -> time:
    minutes = FIRST_HOUR * 60 + row * 30
    return time(minutes // 60, minutes % 60)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def slots_of(windows: list[Window], weekday: int) -> set[int]:
    """Grid rows of ``weekday`` that a window touches."""
    rows = set()
    for w in windows:
        if w.weekday != weekday:
            continue
        for row in range(SLOTS):
            start = FIRST_HOUR * 60 + row * 30
            if start < _minutes(w.end) and start + 30 > _minutes(w.start):
                rows.add(row)
    return rows


def windows_from_slots(weekday: int, rows: set[int], old: list[Window]) -> list[Window]:
    """The day's windows for the working ``rows``; parts of old windows outside the
    grid's hours are kept as they were."""
    out = [
        Window(weekday, w.start, min(w.end, time(FIRST_HOUR)))
        for w in old
        if w.weekday == weekday and w.start < time(FIRST_HOUR)
    ]
    run: int | None = None
    for row in range(SLOTS + 1):
        if row in rows and run is None:
            run = row
        elif row not in rows and run is not None:
            end = time(LAST_HOUR) if row == SLOTS else slot_start(row)
            out.append(Window(weekday, slot_start(run), end))
            run = None
    out += [
        Window(weekday, max(w.start, time(LAST_HOUR)), w.end)
        for w in old
        if w.weekday == weekday and w.end > time(LAST_HOUR)
    ]
    return out


class ExceptionDialog(QDialog):
    """Leave, a court day or another day away, with the reason."""

    KINDS = ("leave", "court_day", "other")

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Day away"))
        # Fixed up front: the offscreen and some real platforms warn when it changes later.
        self.setMinimumSize(440, 240)
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_pattern())
        self.kind = QComboBox()
        names = {
            "leave": self.tr("Leave"),
            "court_day": self.tr("Court day"),
            "other": self.tr("Other"),
        }
        for kind in self.KINDS:
            self.kind.addItem(names[kind], kind)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        self.reason.setMaxLength(200)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        theme.set_status(self.error, "overdue")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _ok(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Give the reason for the day away."))
            self.error.show()
            return
        self.accept()

    def values(self) -> tuple[date, str, str]:
        return self.day.date().toPython(), self.kind.currentData(), self.reason.text().strip()


class MediatorCalendar(QWidget):
    """The calendar panel of the mediation view."""

    saved = Signal()  # a change was committed: "free now" may have changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week: MediatorWeek | None = None
        self._wanted: int | None = None  # set_mediator before the list has loaded
        self.monday = mediator_calendar.monday_of(ctx.clock().date())
        self.exception_dialog: ExceptionDialog | None = None
        # Saved through resilience.save: once, not at all, or unknown until the connection
        # is back (no other change meanwhile). A day away not saved is offered again.
        self.kept_exception: tuple[date, str, str] | None = None
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._set_enabled(self.week is not None))
        self.runner.notice.connect(self._runner_notice)

        self.mediator = QComboBox()
        self.mediator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mediator.currentIndexChanged.connect(lambda _i: self.reload())
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.this_week = QPushButton(self.tr("This week"))
        self.next = QPushButton(self.tr("Next week ▶"))
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week.clicked.connect(lambda: self.show_week(self.ctx.clock().date()))
        self.week_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Mediator")))
        bar.addWidget(self.mediator)
        bar.addSpacing(12)
        bar.addWidget(self.previous)
        bar.addWidget(self.this_week)
        bar.addWidget(self.next)
        bar.addWidget(self.week_label, 1)

        self.grid = QTableWidget(SLOTS, 7)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setVerticalHeaderLabels(
            [format_time(datetime.combine(date.min, slot_start(r))) for r in range(SLOTS)]
        )
        vertical = self.grid.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.cellDoubleClicked.connect(self._toggle_cell)

        self.working = QPushButton(self.tr("Working"))
        self.working.setToolTip(self.tr("Mark the selected half hours as working time, every week"))
        self.not_working = QPushButton(self.tr("Not working"))
        self.not_working.setToolTip(
            self.tr("Remove the selected half hours from the weekly pattern")
        )
        self.working.clicked.connect(lambda: self._mark_selection(True))
        self.not_working.clicked.connect(lambda: self._mark_selection(False))
        legend = QLabel(self.tr("Green: working hours · amber: booked sessions · grey: day away"))
        theme.set_status(legend, "muted")
        edit_bar = QHBoxLayout()
        edit_bar.addWidget(self.working)
        edit_bar.addWidget(self.not_working)
        edit_bar.addWidget(legend, 1)

        self.exceptions = QListWidget()
        self.exceptions.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_exception_button = QPushButton(self.tr("Add day away…"))
        self.remove_exception_button = QPushButton(self.tr("Remove day away"))
        self.add_exception_button.clicked.connect(self._add_exception_clicked)
        self.remove_exception_button.clicked.connect(self._remove_exception_clicked)
        ex_buttons = QVBoxLayout()
        ex_buttons.addWidget(self.add_exception_button)
        ex_buttons.addWidget(self.remove_exception_button)
        ex_buttons.addStretch(1)
        ex_row = QHBoxLayout()
        ex_row.addWidget(self.exceptions, 1)
        ex_row.addLayout(ex_buttons)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addLayout(edit_bar)
        layout.addWidget(QLabel(self.tr("Days away this week (leave, court days)")))
        layout.addLayout(ex_row)
        layout.addWidget(self.message)
        self._set_enabled(False)

    # ------------------------------------------------------------------ loading

    def load_mediators(self) -> None:
        db = self.ctx.db
        self.ctx.worker.submit(
            lambda: mediator_calendar.active_mediators(db),
            self._show_mediators,
            lambda exc: log.warning("mediators not loaded: %s", exc),
            "mediator list",
        )

    def _show_mediators(self, mediators: list[MediatorChoice]) -> None:
        if not shiboken6.isValid(self):
            return
        current = self.mediator.currentData()
        self.mediator.blockSignals(True)
        self.mediator.clear()
        for m in mediators:
            self.mediator.addItem(f"{m.name} ({label(m.kind)})", m.id)
        wanted = self._wanted
        index = self.mediator.findData(wanted if wanted is not None else current)
        self.mediator.setCurrentIndex(max(index, 0))
        self.mediator.blockSignals(False)
        if index >= 0:
            self._wanted = None
        self.reload()

    def set_mediator(self, mediator_id: int) -> None:
        """Show this mediator's week; before the list has loaded, once it has."""
        index = self.mediator.findData(mediator_id)
        if index < 0:
            self._wanted = mediator_id
            return
        self._wanted = None
        self.mediator.setCurrentIndex(index)

    def show_week(self, day: date) -> None:
        self.monday = mediator_calendar.monday_of(day)
        self.reload()

    def reload(self) -> None:
        mid = self.mediator.currentData()
        if mid is None:
            return
        db, monday = self.ctx.db, self.monday
        self.ctx.worker.submit(
            lambda: mediator_calendar.mediator_week(db, mid, monday),
            self._show_week,
            lambda exc: log.warning("calendar not loaded: %s", exc),
            "mediator calendar",
        )

    def _show_week(self, week: MediatorWeek) -> None:
        if not shiboken6.isValid(self) or week.mediator_id != self.mediator.currentData():
            return
        self.week = week
        self.monday = week.monday
        days = [week.monday + timedelta(days=i) for i in range(7)]
        self.grid.setHorizontalHeaderLabels([f"{format_weekday(d)} {format_day(d)}" for d in days])
        end = days[-1]
        self.week_label.setText(
            self.tr("Week of %1 to %2").replace("%1", format_date(days[0]))
            .replace("%2", format_date(end))
        )  # fmt: skip
        windows = list(week.windows)
        for col, day in enumerate(days):
            working = slots_of(windows, col)
            away = week.exception_on(day)
            for row in range(SLOTS):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if away is not None:
                    item.setBackground(QBrush(AWAY))
                    item.setForeground(QBrush(theme.TEXT_ON_LIGHT))
                    if row == 0:
                        item.setText(self._kind_name(away.kind))
                    item.setToolTip(f"{self._kind_name(away.kind)}: {away.note}")
                elif row in working:
                    item.setBackground(QBrush(WORKING))
                    item.setForeground(QBrush(theme.TEXT_ON_LIGHT))
                self.grid.setItem(row, col, item)
            for b in week.bookings:
                if b.starts_at.date() != day:
                    continue
                for row in range(SLOTS):
                    start = datetime.combine(day, slot_start(row))
                    if start < b.ends_at and start + SLOT > b.starts_at:
                        item = self.grid.item(row, col)
                        item.setBackground(QBrush(BOOKED))
                        item.setForeground(QBrush(theme.TEXT_ON_LIGHT))
                        item.setToolTip(
                            self.tr("Session %1, %2–%3")
                            .replace("%1", b.case_no)
                            .replace("%2", format_time(b.starts_at))
                            .replace("%3", format_time(b.ends_at))
                        )
                        if start <= b.starts_at:
                            item.setText(b.case_no)
        self.exceptions.clear()
        for e in week.exceptions:
            weekday = format_weekday(e.day)
            item = QListWidgetItem(
                f"{weekday} {format_date(e.day)} · {self._kind_name(e.kind)} · {e.note}"
            )
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.exceptions.addItem(item)
        self._set_enabled(True)

    def _kind_name(self, kind: str) -> str:
        names = {"leave": self.tr("Leave"), "court_day": self.tr("Court day")}
        return names.get(kind, self.tr("Away"))

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.working,
            self.not_working,
            self.add_exception_button,
            self.remove_exception_button,
        ):
            w.setEnabled(on and not self.runner.busy and self.ctx.online)

    # ------------------------------------------------------------------ editing

    def _toggle_cell(self, row: int, col: int) -> None:
        if self.week is None:
            return
        working = row in slots_of(list(self.week.windows), col)
        self._save_slots({col: {row}}, not working)

    def _mark_selection(self, working: bool) -> None:
        chosen: dict[int, set[int]] = {}
        for index in self.grid.selectedIndexes():
            chosen.setdefault(index.column(), set()).add(index.row())
        if chosen:
            self._save_slots(chosen, working)
        else:
            self._say(self.tr("Select half hours in the grid first (drag over them)."), True)

    def _save_slots(self, chosen: dict[int, set[int]], working: bool) -> None:
        week = self.week
        if week is None or self.runner.busy:
            return
        old = list(week.windows)
        new = [w for w in old if w.weekday not in chosen]
        for weekday, rows in chosen.items():
            current = slots_of(old, weekday)
            current = current | rows if working else current - rows
            new += windows_from_slots(weekday, current, old)
        db, actor, mid, version = self.ctx.db, self.ctx.actor, week.mediator_id, week.version
        self._run(
            lambda: mediator_calendar.set_weekly_pattern(db, actor, mid, version, new),
            self.tr("Working hours saved."),
        )

    def _add_exception_clicked(self) -> None:
        if self.week is None:
            return
        columns = sorted({i.column() for i in self.grid.selectedIndexes()})
        day = self.week.monday + timedelta(days=columns[0] if columns else 0)
        dialog = ExceptionDialog(day, self)
        if self.kept_exception is not None:  # typed before, not saved: offered again
            kept_day, kind, reason = self.kept_exception
            dialog.day.setDate(QDate(kept_day.year, kept_day.month, kept_day.day))
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(kind)))
            dialog.reason.setText(reason)
        self.exception_dialog = dialog
        dialog.accepted.connect(lambda: self._add_exception(*dialog.values()))
        dialog.open()

    def _add_exception(self, day: date, kind: str, reason: str) -> None:
        week = self.week
        if week is None:
            return
        db, actor, mid, version = self.ctx.db, self.ctx.actor, week.mediator_id, week.version
        self.kept_exception = (day, kind, reason)  # until it is certainly saved
        self._run(
            lambda: mediator_calendar.add_exception(db, actor, mid, version, day, kind, reason),
            self.tr("Day away added."),
            forget_kept=True,
        )

    def _remove_exception_clicked(self) -> None:
        week, item = self.week, self.exceptions.currentItem()
        if week is None or item is None:
            self._say(self.tr("Pick the day away to remove in the list."), True)
            return
        exc_id = int(item.data(Qt.ItemDataRole.UserRole))
        db, actor, mid, version = self.ctx.db, self.ctx.actor, week.mediator_id, week.version
        self._run(
            lambda: mediator_calendar.remove_exception(db, actor, mid, version, exc_id),
            self.tr("Day away removed."),
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        # Not saved or unknown: the selection and the typed day away stay.
        if kind != "saved" and shiboken6.isValid(self):
            self._say(text, True)

    def _run(self, job, done_text: str, forget_kept: bool = False) -> None:  # type: ignore[no-untyped-def]
        def done(_version: int | None) -> None:
            # None: confirmed through the work token after a reconnect -- saved once.
            if shiboken6.isValid(self):
                if forget_kept:
                    self.kept_exception = None
                self._say(done_text, False)
                self.reload()
                self.saved.emit()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            if isinstance(exc, ConflictError):
                text = self.tr(
                    "Another workstation changed this mediator's calendar meanwhile; it has "
                    "been reloaded. Check it and make your change again."
                )
            elif isinstance(exc, PermissionDeniedError):
                text = self.tr("Your role may not change mediators' calendars.")
            elif isinstance(exc, NotFoundError):
                text = self.tr("This entry was removed by another workstation.")
            elif isinstance(exc, ValueError):
                text = self.tr("Not saved: %1").replace("%1", self._value_error(str(exc)))
            else:
                log.error("saving a mediator's calendar failed", exc_info=exc)
                text = self.tr("The change could not be saved: %1").replace("%1", str(exc))
            self._say(text, True)
            self.reload()

        self.runner.run(job, done, on_error=failed, what="mediator calendar save")
        self._set_enabled(self.week is not None)

    def _value_error(self, text: str) -> str:
        if "already has an exception" in text:
            return self.tr("that day is already marked as away")
        if "overlap" in text or "end after" in text:
            return self.tr("working windows must not overlap")
        return text

    def _say(self, text: str, error: bool) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 4px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()

    def set_online(self, online: bool) -> None:
        self.runner.set_online(online)
        self._set_enabled(self.week is not None and online)
