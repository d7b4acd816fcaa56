"""Today's patrols: the shifts of a day, their crews, grid coverage and check-ins."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
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

from stationdesk.data import patrols, people
from stationdesk.data.database import Database
from stationdesk.data.patrols import PatrolShiftInfo
from stationdesk.data.people import GridInfo
from stationdesk.data.uow import Change, ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain import scheduling
from stationdesk.domain.enums import PatrolStatus, Permission, StaffKind
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import date_pattern, format_date, format_day_time, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner
from stationdesk.ui.week_board import WeekBoard

log = logging.getLogger(__name__)

TABLES = frozenset(
    {"patrol_shift", "patrol_member", "patrol_grid", "grid", "grid_staff", "staff",
     "station_setting"}
)  # fmt: skip
MINUTE_MS = 60_000
DAY_START, DAY_END = scheduling.DEFAULT_DAY_WINDOW

GREEN = QColor("#1b7f3b")
RED = QColor("#c62828")
GREY = QColor("#6b6f75")
AMBER = QColor("#9a5b00")
RED_BACKGROUND = QColor("#fdecea")
OVERDUE_BACKGROUND = QColor("#ffe0b2")

# Text colours on the table base, chosen with the look (theme.status_colour).
STATUS_COLOURS = {
    PatrolStatus.ON_PATROL: "ok",
    PatrolStatus.MISSED: "overdue",
    PatrolStatus.PLANNED: "muted",
}
COVERAGE_ROWS = DAY_ROW, NIGHT_ROW, OFFICER_ROW = range(3)
KIND_ORDER = (StaffKind.POLICE, StaffKind.AUXILIARY, StaffKind.ASSISTANT, StaffKind.VOLUNTEER)
KIND_MARKS = {
    StaffKind.POLICE: "★",
    StaffKind.AUXILIARY: "☆",
    StaffKind.ASSISTANT: "△",
    StaffKind.VOLUNTEER: "◇",
}
# Which status each action moves a shift to, and from which statuses it may.
ACTIONS: dict[PatrolStatus, frozenset[PatrolStatus]] = {
    PatrolStatus.ON_PATROL: frozenset({PatrolStatus.PLANNED}),
    PatrolStatus.COMPLETED: frozenset({PatrolStatus.ON_PATROL}),
    PatrolStatus.MISSED: frozenset({PatrolStatus.PLANNED}),
}


@dataclass(frozen=True)
class GridCoverage:
    grid: GridInfo
    day_covered: bool
    night_covered: bool


@dataclass(frozen=True)
class PatrolDay:
    day: date
    shifts: tuple[PatrolShiftInfo, ...]  # shifts overlapping the calendar day
    coverage: tuple[GridCoverage, ...]
    overdue: frozenset[int] = frozenset()  # planned shifts whose check-in is overdue


def load_patrol_day(db: Database, day: date, now: datetime | None = None) -> PatrolDay:
    """Shifts of ``day`` and whether each grid's day and night parts are patrolled.

    The night part runs to 08:00 the next morning, so shifts up to then are read.
    A missed shift covers nothing.
    """
    start = datetime.combine(day, time())
    loaded = patrols.shifts_between(db, start, start + timedelta(days=1, hours=DAY_START))
    grids = people.list_grids(db)
    roster = [
        scheduling.RosterShift(
            s.id,
            s.starts_at,
            s.ends_at,
            frozenset(m.id for m in s.members),
            frozenset(g for g, _name in s.grids),
        )
        for s in loaded
        if s.status != PatrolStatus.MISSED
    ]
    gaps = {
        (v.grid_id, v.params["part"])
        for v in scheduling.coverage_gaps(roster, [g.id for g in grids], [day])
    }
    coverage = tuple(
        GridCoverage(g, (g.id, "day") not in gaps, (g.id, "night") not in gaps) for g in grids
    )
    end = start + timedelta(days=1)
    shifts = tuple(s for s in loaded if s.starts_at < end)
    overdue = (
        frozenset(o.shift_id for o in patrols.overdue_checkins(db, now))
        if now is not None
        else frozenset()
    )
    return PatrolDay(day, shifts, coverage, overdue)


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _fixed_rows(table: QTableWidget) -> None:
    header = table.verticalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(table.fontMetrics().height() + 12)
    header.hide()


class PatrolsView(QWidget):
    """The shifts of one day with their crews, grid coverage and status actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: PatrolDay | None = None
        self._online = ctx.online
        # Check-ins are saved through resilience.save: once, not at all, or unknown until
        # the connection is back (no other check-in meanwhile); the message says which.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._today = ctx.clock().date()

        # Day picker.
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous day"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next day"))
        self.today_button = QPushButton(self.tr("Today"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_pattern())  # four-digit year
        self.date_edit.setDate(_qdate(self._today))
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.prev_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.ctx.clock().date()))
        self.date_edit.dateChanged.connect(self._date_edited)

        # Actions on the selected shift.
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.complete_button = QPushButton(self.tr("Complete"))
        self.missed_button = QPushButton(self.tr("Mark missed"))
        self._action_buttons: dict[PatrolStatus, QPushButton] = {
            PatrolStatus.ON_PATROL: self.check_in_button,
            PatrolStatus.COMPLETED: self.complete_button,
            PatrolStatus.MISSED: self.missed_button,
        }
        for status, button in self._action_buttons.items():
            button.clicked.connect(lambda _=False, s=status: self.set_selected_status(s))

        top = QHBoxLayout()
        for arrow in (self.prev_button, self.next_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("◀") * 3 + 16)
        for w in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            top.addWidget(w)
        top.addStretch(1)
        for button in self._action_buttons.values():
            top.addWidget(button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        # Shifts.
        self.shift_table = QTableWidget(0, 6)
        self.shift_table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Route"),
                self.tr("Shift"),
                self.tr("Status"),
                self.tr("Crew"),
                self.tr("Grids covered"),
            ]
        )
        self.shift_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shift_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shift_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shift_table.setWordWrap(False)
        _fixed_rows(self.shift_table)
        header = self.shift_table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.shift_table.itemSelectionChanged.connect(self._update_actions)
        self.empty_label = QLabel()
        theme.set_status(self.empty_label, "muted")
        self.empty_label.hide()
        marks = "   ".join(f"{KIND_MARKS[k]} {label(k)}" for k in KIND_ORDER)
        self.marks_legend = QLabel(marks)
        theme.set_status(self.marks_legend, "muted")

        # Grid coverage: a strip with one column per grid, under the shifts.
        self.coverage_title = QLabel()
        bold = QFont(self.coverage_title.font())
        bold.setBold(True)
        self.coverage_title.setFont(bold)
        self.coverage_notes = QLabel()
        theme.set_status(self.coverage_notes, "overdue")
        self.coverage_notes.hide()
        self.coverage_table = QTableWidget(len(COVERAGE_ROWS), 0)
        self.coverage_table.setVerticalHeaderLabels(
            [
                self.tr("Day %1–%2")
                .replace("%1", f"{DAY_START:02d}")
                .replace("%2", f"{DAY_END:02d}"),
                self.tr("Night %1–%2")
                .replace("%1", f"{DAY_END:02d}")
                .replace("%2", f"{DAY_START:02d}"),
                self.tr("Officer"),
            ]
        )
        self.coverage_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverage_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coverage_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.coverage_table.setWordWrap(False)
        row_height = self.fontMetrics().height() + 12
        rows = self.coverage_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height)
        self.coverage_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.coverage_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = self.coverage_table.horizontalScrollBar().sizeHint().height()
        self.coverage_table.setFixedHeight(
            row_height * (len(COVERAGE_ROWS) + 1) + scrollbar + 2 * self.coverage_table.frameWidth()
        )
        coverage_head = QHBoxLayout()
        coverage_head.addWidget(self.coverage_title)
        coverage_head.addWidget(self.coverage_notes)
        coverage_head.addStretch(1)

        self.day_page = QWidget()
        layout = QVBoxLayout(self.day_page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.shift_table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.marks_legend)
        layout.addSpacing(8)
        layout.addLayout(coverage_head)
        layout.addWidget(self.coverage_table)

        # The week board (rosters, templates, rules), built when first opened.
        self.board: WeekBoard | None = None
        self.board_page = QWidget()
        QVBoxLayout(self.board_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.day_page, self.tr("Day"))
        self.tabs.addTab(self.board_page, self.tr("Week board"))
        self.tabs.currentChanged.connect(self._tab_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.addWidget(self.tabs)

        self._load: CoalescedLoad[PatrolDay] = CoalescedLoad(
            ctx.worker, self._job, self._show, "patrols of the day", self
        )
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(15_000)
        self._message_timer.timeout.connect(self.message.hide)
        self._update_actions()

    # --------------------------------------------------------------- public API

    @property
    def day(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(_qdate(day))  # dateChanged loads it

    def refresh(self) -> None:
        self._load.load_now()
        if self.board is not None:
            self.board.refresh()

    def show_week_board(self) -> WeekBoard:
        """Switch to the week board (building it the first time)."""
        self.tabs.setCurrentWidget(self.board_page)
        assert self.board is not None
        return self.board

    def _tab_changed(self, _index: int) -> None:
        on_board = self.tabs.currentWidget() is self.board_page
        if on_board and self.board is None:
            self.board = WeekBoard(self.ctx, self.board_page)
            self.board.set_online(self._online)
            layout = self.board_page.layout()
            assert layout is not None
            layout.addWidget(self.board)
            self.board.refresh()
        if self.board is not None:
            self.board.hold(not on_board or not self.isVisible())

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in TABLES for c in changes):
            self._load.request()
        if self.board is not None:
            self.board.apply_changes(changes)

    def set_online(self, online: bool) -> None:
        was_offline = not self._online
        self._online = online
        self.runner.set_online(online)
        self._update_actions()
        if self.board is not None:
            self.board.set_online(online)
        if online and was_offline:
            self.refresh()

    def selected_shift(self) -> PatrolShiftInfo | None:
        rows = self.shift_table.selectionModel().selectedRows()
        if not rows or self.data is None:
            return None
        row = rows[0].row()
        return self.data.shifts[row] if row < len(self.data.shifts) else None

    def select_shift(self, shift_id: int) -> bool:
        if self.data is None:
            return False
        for row, shift in enumerate(self.data.shifts):
            if shift.id == shift_id:
                self.shift_table.selectRow(row)
                return True
        return False

    def set_selected_status(self, status: PatrolStatus) -> None:
        """Check in / complete / mark missed, with the version this view loaded."""
        shift = self.selected_shift()
        if shift is None or self.runner.busy or shift.status not in ACTIONS[status]:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.runner.run(
            lambda: patrols.set_status(db, actor, shift.id, shift.version, status),
            on_saved=lambda _none: self._saved(shift, status),
            on_error=self._save_failed,
            what="patrol status",
        )
        self._update_actions()

    # ------------------------------------------------------------------ loading

    def _job(self) -> Callable[[], PatrolDay]:
        db, day, now = self.ctx.db, self.day, self.ctx.clock()
        return lambda: load_patrol_day(db, day, now)

    def _date_edited(self, _qd: QDate) -> None:
        self._load.load_now()

    def _on_minute(self) -> None:
        today = self.ctx.clock().date()
        if today != self._today:
            # Past midnight: follow the new day if the officer was watching "today".
            was_today = self.day == self._today
            self._today = today
            if was_today:
                self.set_day(today)

    def _show(self, data: PatrolDay) -> None:
        if data.day != self.day:
            return  # an older day's answer; the current one is on its way
        selected = self.selected_shift()
        self.data = data
        self._fill_shifts(data.shifts, data.overdue)
        self._fill_coverage(data)
        if selected is not None:
            self.select_shift(selected.id)
        self._update_actions()

    def _fill_shifts(
        self, shifts: tuple[PatrolShiftInfo, ...], overdue: frozenset[int] = frozenset()
    ) -> None:
        table = self.shift_table
        table.clearSelection()
        table.setRowCount(len(shifts))
        sep = self.tr(", ")
        for row, s in enumerate(shifts):
            when = f"{self._clock(s.starts_at)} – {self._clock(s.ends_at)}"
            status = _item(label(s.status))
            colour = STATUS_COLOURS.get(s.status)
            if colour is not None:
                status.setForeground(QBrush(theme.status_colour(colour)))
            if s.status in (PatrolStatus.ON_PATROL, PatrolStatus.MISSED):
                font = status.font()
                font.setBold(True)
                status.setFont(font)
            if s.checked_in_at is not None:
                status.setToolTip(
                    self.tr("Checked in at %1").replace("%1", format_time(s.checked_in_at))
                )
            if s.id in overdue:
                status.setText(self.tr("⏰ %1 – check-in overdue").replace("%1", label(s.status)))
                status.setForeground(QBrush(AMBER))
                status.setBackground(QBrush(OVERDUE_BACKGROUND))
                status.setToolTip(self.tr("The crew has not checked in although the shift began."))
            members = sorted(s.members, key=lambda m: KIND_ORDER.index(m.kind))
            crew = "  ".join(f"{KIND_MARKS[m.kind]}{m.name}" for m in members)
            crew_tip = "\n".join(f"{m.name} — {label(m.kind)}" for m in members)
            if not s.members:
                crew = self.tr("No crew")
            grids = sep.join(name for _gid, name in s.grids)
            table.setItem(row, 0, _item(when))
            table.setItem(row, 1, _item(s.route))
            table.setItem(row, 2, _item(label(s.kind)))
            table.setItem(row, 3, status)
            table.setItem(row, 4, _item(crew, crew_tip))
            table.setItem(row, 5, _item(grids, grids))
        self.empty_label.setText(self.tr("No patrol shifts on this day."))
        self.empty_label.setVisible(not shifts)

    def _clock(self, at: datetime) -> str:
        """ "08:00" on the day shown, "11-29 08:00" on another day."""
        if at.date() == self.day:
            return format_time(at)
        return format_day_time(at)

    def _fill_coverage(self, data: PatrolDay) -> None:
        table = self.coverage_table
        table.setColumnCount(len(data.coverage))
        table.setHorizontalHeaderLabels([c.grid.name for c in data.coverage])
        gaps = 0
        for col, cov in enumerate(data.coverage):
            g = cov.grid
            for row, covered in ((DAY_ROW, cov.day_covered), (NIGHT_ROW, cov.night_covered)):
                cell = _item(
                    "✓" if covered else self.tr("✗ No patrol"),
                    self.tr("A staffed patrol covers this grid for at least an hour")
                    if covered
                    else self.tr("No staffed patrol covers this grid in this part of the day"),
                )
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if covered:
                    cell.setForeground(QBrush(theme.status_colour("ok")))
                else:  # dark red on pale red in both looks
                    cell.setForeground(QBrush(RED))
                    cell.setBackground(QBrush(RED_BACKGROUND))
                    gaps += 1
                table.setItem(row, col, cell)
            helpers = self.tr("Helpers: %1").replace("%1", self.tr(", ").join(g.helpers))
            if g.officer_id is None:
                officer = _item(self.tr("⚠ None"), self.tr("No responsible officer"))
                officer.setForeground(QBrush(RED))
                officer.setBackground(QBrush(RED_BACKGROUND))
            elif g.officer_on_leave:
                tip = self.tr("%1, the responsible officer, is on leave").replace(
                    "%1", g.officer_name
                )
                officer = _item(self.tr("⚠ %1 on leave").replace("%1", g.officer_name), tip)
                officer.setForeground(QBrush(theme.status_colour("warning")))
            else:
                officer = _item(g.officer_name, helpers if g.helpers else "")
            officer.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(OFFICER_ROW, col, officer)
        table.horizontalHeader().setToolTip(self.tr("Grids of the station"))
        attention = sum(1 for c in data.coverage if c.grid.needs_attention)
        notes = []
        if gaps:
            notes.append(self.tr("%n gap(s)", "", gaps))
        if attention:
            notes.append(self.tr("%n grid(s) without an officer on duty", "", attention))
        self.coverage_title.setText(
            self.tr("Grid coverage on %1").replace("%1", format_date(data.day))
        )
        self.coverage_notes.setText("— " + "; ".join(notes))
        self.coverage_notes.setVisible(bool(notes))

    # ------------------------------------------------------------------ actions

    def _update_actions(self) -> None:
        shift = self.selected_shift()
        allowed = self.ctx.actor.can(Permission.EDIT_PATROLS)
        for status, button in self._action_buttons.items():
            fits = shift is not None and shift.status in ACTIONS[status]
            button.setEnabled(self._online and allowed and fits and not self.runner.busy)
            if not self._online:
                button.setToolTip(
                    self.tr(
                        "Offline: the database cannot be reached, so patrols "
                        "cannot be changed until the connection is back."
                    )
                )
            elif not allowed:
                button.setToolTip(self.tr("Your role may not change patrols."))
            elif shift is None:
                button.setToolTip(self.tr("Select a patrol shift first."))
            elif not fits:
                button.setToolTip(
                    self.tr("Not possible for a shift that is %1.").replace(
                        "%1", label(shift.status)
                    )
                )
            else:
                button.setToolTip("")

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self._say(text, error=True)
            if kind == "unknown":
                self._message_timer.stop()  # stays until the outcome is known

    def _saved(self, shift: PatrolShiftInfo, status: PatrolStatus) -> None:
        # Also after a reconnect, when the work token confirmed the change.
        if not shiboken6.isValid(self):
            return
        self._say(
            self.tr("%1 (%2): now %3.")
            .replace("%1", shift.route)
            .replace("%2", self._clock(shift.starts_at))
            .replace("%3", label(status)),
            error=False,
        )
        self._load.load_now()

    def _save_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            text = self.tr(
                "This shift was changed by another workstation; the list has been "
                "reloaded. Check the shift and try again."
            )
        elif isinstance(exc, NotFoundError):
            text = self.tr(
                "This shift was deleted by another workstation; the list has been reloaded."
            )
        elif isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not change patrols.")
        else:
            log.error("saving a patrol status failed", exc_info=exc)
            text = self.tr("The change could not be saved: %1").replace("%1", str(exc))
        self._say(text, error=True)
        self._load.load_now()

    def _say(self, text: str, error: bool) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load.hold(False)
        if self.board is not None:
            self.board.hold(self.tabs.currentWidget() is not self.board_page)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._load.hold(True)
        if self.board is not None:
            self.board.hold(True)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
