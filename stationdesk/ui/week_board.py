"""The week board: who patrols where, a week at a time, edited by drag and drop or keys.

Rows are grids or people (toggle), columns the day and night part of each day. A person
is assigned by dragging them from the staff list onto a cell, and moved by dragging a
cell of their row (people view) to another cell: to the same route in another slot, or
onto someone else's cell to join that crew. The keyboard does the same: Space picks up
the person selected in the staff list or the person's cell under the cursor, arrow keys
choose the place, Enter puts them there, Escape cancels; Delete takes the person off the
shift under the cursor. Every change is saved at once through the worker; the database
refuses a double booking (the officer is told who and which shift) and nothing changes.
Cells that break a rule are coloured and say why in their tooltip and in the line under
the board.
"""

from __future__ import annotations

import logging
import time as _time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import patrols, roster_board
from stationdesk.data.patrols import DoubleBookingError, PatrolShiftInfo, RosterError
from stationdesk.data.roster_board import WeekRoster
from stationdesk.data.uow import Change, ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import PatrolStatus, Permission
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_day_time, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner
from stationdesk.ui.week_board_model import (
    BY_GRID,
    BY_PERSON,
    KIND_MARKS,
    MIME_TYPE,
    WeekBoardModel,
    encode_move,
    slot_of,
)

log = logging.getLogger(__name__)

TABLES = frozenset(
    {
        "patrol_shift",
        "patrol_member",
        "patrol_grid",
        "grid",
        "staff",
        "staff_leave",
        "station_setting",
    }
)
STATUS_ACTIONS: dict[PatrolStatus, frozenset[PatrolStatus]] = {
    PatrolStatus.ON_PATROL: frozenset({PatrolStatus.PLANNED}),
    PatrolStatus.COMPLETED: frozenset({PatrolStatus.ON_PATROL}),
    PatrolStatus.MISSED: frozenset({PatrolStatus.PLANNED}),
}


class StaffList(QListWidget):
    """The people to drag onto the board."""

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Any) -> QMimeData:
        mime = QMimeData()
        for item in items:
            mime.setData(MIME_TYPE, encode_move(int(item.data(Qt.ItemDataRole.UserRole)), None))
            break
        return mime


class BoardTable(QTableView):
    """The board's table; Space, Enter, Escape and Delete go to the board."""

    key_action = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.key_action.emit("pick")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_action.emit("drop")
        elif key == Qt.Key.Key_Escape:
            self.key_action.emit("cancel")
        elif key == Qt.Key.Key_Delete:
            self.key_action.emit("remove")
        else:
            super().keyPressEvent(event)


class WeekBoard(QWidget):
    """A week of patrols, with assignment, moves and check-ins."""

    week_shown = Signal(float)  # milliseconds from the request to the filled board

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week: WeekRoster | None = None
        self.monday = roster_board.monday_of(ctx.clock().date())
        self.carrying: tuple[int, int | None] | None = None  # (person, from shift)
        self._online = ctx.online
        # Every change goes through resilience.save: saved once, not saved, or unknown
        # until the connection is back (no further change meanwhile).
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._requested_at = 0.0

        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous week"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next week"))
        for arrow in (self.prev_button, self.next_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("◀") * 3 + 16)
        self.this_week_button = QPushButton(self.tr("This week"))
        self.week_label = QLabel()
        self.prev_button.clicked.connect(lambda: self.set_week(self.monday - timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.set_week(self.monday + timedelta(days=7)))
        self.this_week_button.clicked.connect(lambda: self.set_week(self.ctx.clock().date()))
        self.by_grid = QRadioButton(self.tr("Rows: grids"))
        self.by_person = QRadioButton(self.tr("Rows: people"))
        self.by_grid.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.by_grid)
        modes.addButton(self.by_person)
        self.by_person.toggled.connect(self._mode_toggled)
        self.generate_button = QPushButton(self.tr("Generate from template…"))
        self.generate_button.clicked.connect(self.open_generation)
        self.rules_button = QPushButton(self.tr("Roster rules…"))
        self.rules_button.clicked.connect(self.open_rules)
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.complete_button = QPushButton(self.tr("Complete"))
        self.missed_button = QPushButton(self.tr("Mark missed"))
        self._status_buttons = {
            PatrolStatus.ON_PATROL: self.check_in_button,
            PatrolStatus.COMPLETED: self.complete_button,
            PatrolStatus.MISSED: self.missed_button,
        }
        for status, button in self._status_buttons.items():
            button.clicked.connect(lambda _=False, s=status: self.set_selected_status(s))

        # Two rows, so nothing is cut next to the alerts dock: the week and the row mode
        # above; what to do with the selected shifts and the whole roster below.
        nav = QHBoxLayout()
        for w in (self.prev_button, self.week_label, self.next_button, self.this_week_button):
            nav.addWidget(w)
        nav.addSpacing(16)
        nav.addWidget(self.by_grid)
        nav.addWidget(self.by_person)
        nav.addStretch(1)
        acts = QHBoxLayout()
        for w in (self.check_in_button, self.complete_button, self.missed_button):
            acts.addWidget(w)
        acts.addStretch(1)
        acts.addWidget(self.generate_button)
        acts.addWidget(self.rules_button)
        top = QVBoxLayout()
        top.setSpacing(4)
        top.addLayout(nav)
        top.addLayout(acts)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(20_000)
        self._message_timer.timeout.connect(self.message.hide)

        # Staff to drag.
        self.staff_filter = QLineEdit()
        self.staff_filter.setPlaceholderText(self.tr("Find a person…"))
        self.staff_filter.setClearButtonEnabled(True)
        self.staff_filter.textChanged.connect(self._filter_staff)
        self.staff_list = StaffList()
        self.staff_list.setDragEnabled(True)
        self.staff_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.staff_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.staff_list.setUniformItemSizes(True)
        self.staff_list.setAccessibleName(self.tr("Staff"))
        self.staff_list.installEventFilter(self)
        staff_box = self.staff_box = QWidget()
        staff_lay = QVBoxLayout(staff_box)
        staff_lay.setContentsMargins(0, 0, 0, 0)
        staff_lay.addWidget(QLabel(self.tr("Staff (drag onto the board)")))
        staff_lay.addWidget(self.staff_filter)
        staff_lay.addWidget(self.staff_list, 1)
        self.leave_button = QPushButton(self.tr("Leave…"))
        self.leave_button.setToolTip(self.tr("Leave periods of the selected person"))
        self.leave_button.clicked.connect(self.open_leave)
        staff_lay.addWidget(self.leave_button)

        # The board.
        self.model = WeekBoardModel(self)
        self.model.on_drop = self.drop  # type: ignore[attr-defined]
        self.table = BoardTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAccessibleName(self.tr("Week board"))
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        cols = self.table.horizontalHeader()
        cols.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cols.setMinimumSectionSize(60)
        self.table.key_action.connect(self._key_action)
        self.table.selectionModel().currentChanged.connect(self._current_changed)

        self.reason_line = QLabel()
        self.reason_line.setWordWrap(True)
        self.reason_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_title = QLabel()
        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(self.fontMetrics().height() * 5 + 16)
        self.problem_list.setUniformItemSizes(True)
        legend = QLabel(
            self.tr(
                "Red: double booking or leave · amber: rule warning · orange: check-in "
                "overdue · green text: on patrol · Space/Enter: move by keyboard"
            )
        )
        theme.set_status(legend, "muted")
        legend.setWordWrap(True)

        board_box = QWidget()
        board_lay = QVBoxLayout(board_box)
        board_lay.setContentsMargins(0, 0, 0, 0)
        board_lay.addWidget(self.table, 1)
        board_lay.addWidget(self.reason_line)
        board_lay.addWidget(legend)
        board_lay.addWidget(self.problem_title)
        board_lay.addWidget(self.problem_list)
        splitter = QSplitter()
        splitter.addWidget(staff_box)
        splitter.addWidget(board_box)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 1100])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self._load: CoalescedLoad[WeekRoster] = CoalescedLoad(
            ctx.worker, self._job, self._show, "week board", self
        )
        self._update_actions()

    # ------------------------------------------------------------------ public API

    def refresh(self) -> None:
        self._requested_at = _time.perf_counter()
        self._load.load_now()

    def set_week(self, day: date) -> None:
        self.monday = roster_board.monday_of(day)
        self.refresh()

    def set_mode(self, mode: str) -> None:
        (self.by_person if mode == BY_PERSON else self.by_grid).setChecked(True)

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in TABLES for c in changes):
            self._load.request()

    def set_online(self, online: bool) -> None:
        self._online = online
        self.runner.set_online(online)
        self._update_actions()

    def hold(self, held: bool) -> None:
        self._load.hold(held)

    def selected_shift(self) -> PatrolShiftInfo | None:
        index = self.table.currentIndex()
        cell = self.model.cell(index.row(), index.column()) if index.isValid() else None
        return cell.shifts[0] if cell is not None and cell.shifts else None

    def select_cell(self, row: int, col: int) -> None:
        index = self.model.index(row, col)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # ------------------------------------------------------------------ loading

    def _job(self) -> Callable[[], WeekRoster]:
        db, monday, now = self.ctx.db, self.monday, self.ctx.clock()
        return lambda: roster_board.load_week(db, monday, now)

    def _show(self, week: WeekRoster) -> None:
        if week.monday != self.monday:
            return
        current = self.table.currentIndex()
        where = (current.row(), current.column()) if current.isValid() else None
        self.week = week
        self.model.set_week(week, BY_PERSON if self.by_person.isChecked() else BY_GRID)
        self.week_label.setText(self.tr("Week of %1").replace("%1", format_date(week.monday)))
        self._fill_staff(week)
        self._fill_problems()
        if where is not None and where[0] < self.model.rowCount():
            self.select_cell(*where)
        self._current_changed(self.table.currentIndex(), QModelIndex())
        self._update_actions()
        if self._requested_at:
            self.week_shown.emit((_time.perf_counter() - self._requested_at) * 1000.0)
            self._requested_at = 0.0

    def _fill_staff(self, week: WeekRoster) -> None:
        selected = self.staff_list.currentItem()
        keep = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        self.staff_list.clear()
        for p in week.people:
            text = f"{KIND_MARKS[p.kind]} {p.name}"
            if p.on_leave:
                text += " " + self.tr("(on leave)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            tip = [label(p.kind)]
            for lv in p.leave:
                last = format_date(lv.last_day) if lv.last_day else self.tr("until further notice")
                tip.append(f"{label(lv.kind)} {format_date(lv.first_day)} – {last} {lv.reason}")
            item.setToolTip("\n".join(tip).strip())
            self.staff_list.addItem(item)
            if p.id == keep:
                self.staff_list.setCurrentItem(item)
        self._filter_staff(self.staff_filter.text())

    def _filter_staff(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.staff_list.count()):
            item = self.staff_list.item(i)
            item.setHidden(bool(needle) and needle not in item.text())

    def _fill_problems(self) -> None:
        problems = self.model.problems
        self.problem_list.clear()
        self.problem_list.addItems(problems)
        self.problem_title.setText(
            self.tr("%n problem(s) this week", "", len(problems))
            if problems
            else self.tr("No problems this week")
        )

    def _mode_toggled(self, _checked: bool) -> None:
        by_person = self.by_person.isChecked()
        self.model.set_mode(BY_PERSON if by_person else BY_GRID)
        # Rows are the people then: their headers take the staff list's place and room.
        self.staff_box.setVisible(not by_person)
        self._current_changed(self.table.currentIndex(), QModelIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        cell = self.model.cell(current.row(), current.column()) if current.isValid() else None
        if cell is None or not cell.reasons:
            self.reason_line.setText("")
            theme.set_status(self.reason_line, "")
            return
        self.reason_line.setText("⚠ " + "; ".join(cell.reasons))
        theme.set_status(self.reason_line, "overdue" if cell.severity >= 3 else "warning")

    # ------------------------------------------------------------- moving people

    def target_shift(
        self, staff_id: int, from_shift: int | None, row: int, col: int
    ) -> PatrolShiftInfo | str:
        """The shift a person dropped on (row, col) joins, or why there is none."""
        week = self.week
        cell = self.model.cell(row, col)
        if week is None:
            return self.tr("The board is still loading.")
        source = next((s for s in week.shifts if s.id == from_shift), None)
        candidates = list(cell.shifts) if cell is not None else []
        if self.model.mode == BY_PERSON and self.model.rows[row].id == staff_id:
            # Own row: the same route (or a shift over the same grids) in that slot.
            day, part = slot_of(col, week.monday)
            in_slot = [s for s in week.shifts if self._in_slot(s, day, part)]
            if source is not None:
                grids = {g for g, _n in source.grids}
                candidates = [s for s in in_slot if s.route == source.route] or [
                    s for s in in_slot if grids & {g for g, _n in s.grids}
                ]
            else:
                candidates = in_slot
            if not candidates:
                route = source.route if source is not None else ""
                return self.tr("No shift on route %1 in that slot.").replace("%1", route)
        candidates = [s for s in candidates if staff_id not in {m.id for m in s.members}]
        if not candidates:
            return self.tr("No shift there that this person is not already on.")
        if source is not None:
            candidates.sort(key=lambda s: s.route != source.route)
        return candidates[0]

    def _in_slot(self, shift: PatrolShiftInfo, day: date, part: str) -> bool:
        from stationdesk.domain.scheduling import day_part_of

        return day_part_of(shift.starts_at) == (day, part)

    def drop(self, staff_id: int, from_shift: int | None, row: int, col: int) -> None:
        """Assign (from the staff list) or move (from a cell) a person to a cell's shift."""
        if not self._can_edit():
            # Still carried: Enter puts them there once the change can be saved.
            self.carrying = (staff_id, from_shift)
            self._say(self._why_not(), error=True)
            return
        self.carrying = None
        target = self.target_shift(staff_id, from_shift, row, col)
        if isinstance(target, str):
            self._say(target, error=True)
            return
        if target.id == from_shift:
            return
        if target.status not in (PatrolStatus.PLANNED, PatrolStatus.ON_PATROL):
            self._say(self.tr("That shift is over; its crew cannot change."), error=True)
            return
        db, actor = self.ctx.db, self.ctx.actor
        name = self._name(staff_id)
        if from_shift is None:
            job: Callable[[], None] = lambda: patrols.assign_member(db, actor, target.id, staff_id)  # noqa: E731
            done = self.tr("%1 assigned to %2.")
        else:
            job = lambda: patrols.move_member(db, actor, staff_id, from_shift, target.id)  # noqa: E731
            done = self.tr("%1 moved to %2.")
        where = self.model.words.shift(target.id) if self.model.words else target.route
        self._save(job, done.replace("%1", name).replace("%2", where), (staff_id, from_shift))

    def remove_selected(self) -> None:
        carried = self.model.carried(
            self.table.currentIndex().row(), self.table.currentIndex().column()
        )
        if carried is None:
            self._say(
                self.tr("Select a person's shift in the people view to remove them."), error=True
            )
            return
        if not self._can_edit():
            self._say(self._why_not(), error=True)
            return
        staff_id, shift_id = carried
        db, actor = self.ctx.db, self.ctx.actor
        text = self.tr("%1 taken off %2.").replace("%1", self._name(staff_id))
        where = self.model.words.shift(shift_id) if self.model.words else ""
        self._save(
            lambda: patrols.remove_member(db, actor, shift_id, staff_id), text.replace("%2", where)
        )

    def pick_up(self) -> None:
        """Space: carry the person under the cursor (or selected in the staff list)."""
        index = self.table.currentIndex()
        carried = self.model.carried(index.row(), index.column()) if index.isValid() else None
        if carried is not None:
            self.carrying = carried
        elif index.isValid() and self.model.mode == BY_PERSON:
            # An empty cell of a person's row: put this person on a shift (Enter).
            self.carrying = (self.model.rows[index.row()].id, None)
        else:
            item = self.staff_list.currentItem()
            if item is None:
                self._say(
                    self.tr("Select a person in the staff list or a person's shift first."),
                    error=True,
                )
                return
            self.carrying = (int(item.data(Qt.ItemDataRole.UserRole)), None)
        self._say(
            self.tr(
                "Moving %1: choose a cell with the arrow keys and press Enter; Escape cancels."
            ).replace("%1", self._name(self.carrying[0])),
            error=False,
        )

    def _key_action(self, action: str) -> None:
        index = self.table.currentIndex()
        if action == "pick":
            self.pick_up()
        elif action == "drop" and self.carrying is not None and index.isValid():
            staff_id, from_shift = self.carrying
            self.drop(staff_id, from_shift, index.row(), index.column())
        elif action == "cancel" and self.carrying is not None:
            self.carrying = None
            self.message.hide()
        elif action == "remove":
            self.remove_selected()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Space on the staff list picks the person up and goes to the board.
        if (
            watched is self.staff_list
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            self.pick_up()
            if self.carrying is not None:
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.model.rowCount():
                    self.select_cell(0, 0)
            return True
        return super().eventFilter(watched, event)

    def _name(self, staff_id: int) -> str:
        return self.model.words.person(staff_id) if self.model.words else str(staff_id)

    # ------------------------------------------------------------------ status

    def set_selected_status(self, status: PatrolStatus) -> None:
        shift = self.selected_shift()
        if shift is None or shift.status not in STATUS_ACTIONS[status] or not self._can_edit():
            return
        db, actor = self.ctx.db, self.ctx.actor
        text = (
            self.tr("%1 (%2): now %3.")
            .replace("%1", shift.route)
            .replace("%2", self.model.words.when(shift) if self.model.words else "")
            .replace("%3", label(status))
        )
        self._save(lambda: patrols.set_status(db, actor, shift.id, shift.version, status), text)

    # ------------------------------------------------------------------ saving

    def _can_edit(self) -> bool:
        allowed = self.ctx.actor.can(Permission.EDIT_PATROLS)
        return self._online and allowed and not self.runner.busy

    def _why_not(self) -> str:
        if not self._online:
            return self.tr("Offline: the roster cannot be changed until the connection is back.")
        if not self.ctx.actor.can(Permission.EDIT_PATROLS):
            return self.tr("Your role may not change patrols.")
        if self.runner.outcome_unknown:
            return self.tr(
                "Not known yet whether the previous change was saved; StationDesk checks when "
                "the connection is back."
            )
        return self.tr("Still saving the previous change.")

    def _save(
        self,
        job: Callable[[], None],
        done_text: str,
        carried: tuple[int, int | None] | None = None,
    ) -> None:
        def done(_none: None) -> None:
            # Also after a reconnect, when the work token confirmed the change.
            self._say(done_text, error=False)
            self.refresh()

        def not_saved(_text: str) -> None:
            # Nothing changed: the person stays picked up, Enter tries again.
            if carried is not None and self.carrying is None:
                self.carrying = carried
            self.refresh()

        self.runner.run(job, done, not_saved, self._save_failed, "week board change")
        self._update_actions()

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved":
            self._say(text, error=True)
            if kind == "unknown":
                self._message_timer.stop()  # stays until the outcome is known

    def _save_failed(self, exc: Exception) -> None:
        if isinstance(exc, DoubleBookingError):
            clash = exc.clash
            text = (
                self.tr("Not saved: %1 is already on patrol %2 %3–%4. Nothing was changed.")
                .replace("%1", exc.staff_name)
                .replace("%2", clash.route)
                .replace("%3", format_day_time(clash.starts_at))
                .replace("%4", format_time(clash.ends_at))
            )
        elif isinstance(exc, RosterError):
            text = self.tr("Not saved: %1").replace("%1", self._roster_error(exc))
        elif isinstance(exc, ConflictError):
            text = self.tr(
                "This shift was changed by another workstation; the board has been reloaded."
            )
        elif isinstance(exc, NotFoundError):
            text = self.tr(
                "This shift was deleted by another workstation; the board has been reloaded."
            )
        elif isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not change patrols.")
        else:
            log.error("saving a roster change failed", exc_info=exc)
            text = self.tr("The change could not be saved: %1").replace("%1", str(exc))
        self._say(text, error=True)
        self.refresh()

    def _roster_error(self, exc: RosterError) -> str:
        return {
            "already_on_shift": self.tr("this person is already on that shift."),
            "not_on_shift": self.tr(
                "this person is no longer on that shift (changed by another workstation)."
            ),
            "shift_closed": self.tr("that shift is over; its crew cannot change."),
        }.get(exc.code, str(exc))

    def _say(self, text: str, error: bool) -> None:
        colour, background = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    def _update_actions(self) -> None:
        shift = self.selected_shift()
        for status, button in self._status_buttons.items():
            fits = shift is not None and shift.status in STATUS_ACTIONS[status]
            button.setEnabled(fits and self._can_edit())
            button.setToolTip(
                ""
                if fits or shift is None
                else self.tr("Not possible for a shift that is %1.").replace(
                    "%1", label(shift.status)
                )
            )
        can_edit = self._online and self.ctx.actor.can(Permission.EDIT_PATROLS)
        self.generate_button.setEnabled(can_edit)
        self.rules_button.setEnabled(self.ctx.actor.can(Permission.MANAGE_STATION))
        if not self.ctx.actor.can(Permission.MANAGE_STATION):
            self.rules_button.setToolTip(self.tr("Only an administrator changes the roster rules."))

    # ------------------------------------------------------------------ dialogs

    def open_generation(self) -> None:
        from stationdesk.ui.roster_dialogs import GenerationDialog

        dialog = GenerationDialog(self.ctx, self.monday, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    def open_leave(self) -> None:
        from stationdesk.ui.leave_dialog import LeaveDialog

        selected = self.staff_list.currentItem()
        staff_id = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        people = [(p.id, p.name) for p in self.week.people] if self.week else []
        dialog = LeaveDialog(self.ctx, people, staff_id, self)
        dialog.changed.connect(self.refresh)
        dialog.open()

    def open_rules(self) -> None:
        from stationdesk.ui.roster_dialogs import RosterRulesDialog

        dialog = RosterRulesDialog(self.ctx, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
