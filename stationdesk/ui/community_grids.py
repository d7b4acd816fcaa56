"""The Grids tab: each grid's responsible officer and helpers, flagged when uncovered,
and the administrator's dialog to change them (version-checked)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import grids
from stationdesk.data.database import Database
from stationdesk.data.grids import GridRecord, StaffChoice
from stationdesk.data.uow import Change, ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.community import GridFlag
from stationdesk.domain.enums import Permission, StaffKind
from stationdesk.domain.validation import ValidationErrors
from stationdesk.ui.community_common import (
    AMBER,
    AMBER_BACKGROUND,
    ERROR_STYLE,
    GREEN,
    RED,
    RED_BACKGROUND,
    MessageLine,
    colour,
    community_error_text,
    item,
    make_table,
)
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

log = logging.getLogger(__name__)

TABLES = frozenset({"grid", "grid_staff", "staff", "staff_leave"})
GridData = tuple[list[GridRecord], list[StaffChoice]]


def load_grids(db: Database) -> GridData:
    return grids.grid_registry(db), grids.assignable_staff(db)


class GridsTab(QWidget):
    """The grid registry."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[GridRecord] = []
        self.staff: list[StaffChoice] = []
        self._online = ctx.online
        # Saved through resilience.save: saved once, not saved, or unknown until the
        # connection is back; the dialog keeps the choice until it is saved.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)

        self.summary = QLabel()
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.edit_button = QPushButton(self.tr("Change officer and helpers…"))
        self.edit_button.clicked.connect(self.edit_selected)
        top = QHBoxLayout()
        self.leave_button = QPushButton(self.tr("Officer's leave…"))
        self.leave_button.setToolTip(self.tr("Leave periods of the selected grid's officer"))
        self.leave_button.clicked.connect(self.open_leave)
        top.addWidget(self.summary, 1)
        top.addWidget(self.leave_button)
        top.addWidget(self.edit_button)
        self.message = MessageLine()
        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Grid"),
                self.tr("Type"),
                self.tr("Households"),
                self.tr("Responsible officer"),
                self.tr("Auxiliary officers and assistants"),
                self.tr("Status"),
            ],
            stretch=5,
        )
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.itemDoubleClicked.connect(lambda _i: self.edit_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.load: CoalescedLoad[GridData] = CoalescedLoad(
            ctx.worker, self._job, self._show, "grid registry", self
        )
        self._update_actions()

    # ---------------------------------------------------------------- loading

    def _job(self) -> Callable[[], GridData]:
        db = self.ctx.db
        return lambda: load_grids(db)

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in TABLES for c in changes):
            self.load.request()

    def set_online(self, online: bool) -> None:
        self._online = online
        self.runner.set_online(online)
        self._update_actions()

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.message.say(text, error=True, keep=kind == "unknown")

    def flag_text(self, flag: GridFlag) -> str:
        return {
            GridFlag.NONE: self.tr("Covered"),
            GridFlag.NO_OFFICER: self.tr("⚠ No responsible officer"),
            GridFlag.OFFICER_INACTIVE: self.tr("⚠ Officer has left the station"),
            GridFlag.OFFICER_ON_LEAVE: self.tr("⚠ Officer on leave today"),
        }[flag]

    def _show(self, data: GridData) -> None:
        selected = self.selected()
        self.records, self.staff = data
        table = self.table
        table.setRowCount(len(self.records))
        sep = self.tr(", ")
        for row, g in enumerate(self.records):
            kind = self.tr("Village") if g.kind == "village" else self.tr("Community")
            officer = item(g.officer_name or "—")
            if g.officer_other_grids:
                officer.setToolTip(
                    self.tr("Also responsible for: %1").replace(
                        "%1", sep.join(g.officer_other_grids)
                    )
                )
            helpers = sep.join(f"{h.name} ({label(h.kind)})" for h in g.helpers)
            status = item(self.flag_text(g.flag))
            if g.flag == GridFlag.NONE:
                colour(status, GREEN)
            elif g.flag == GridFlag.OFFICER_ON_LEAVE:
                colour(status, AMBER, AMBER_BACKGROUND)
                colour(officer, AMBER, AMBER_BACKGROUND)
            else:
                colour(status, RED, RED_BACKGROUND)
                colour(officer, RED, RED_BACKGROUND)
            if g.flag != GridFlag.NONE:
                font = status.font()
                font.setBold(True)
                status.setFont(font)
            table.setItem(row, 0, item(g.code))
            table.setItem(row, 1, item(g.name))
            table.setItem(row, 2, item(kind))
            table.setItem(row, 3, item(str(g.households), align_right=True))
            table.setItem(row, 4, officer)
            table.setItem(row, 5, item(helpers or "—", helpers))
            table.setItem(row, 6, status)
        flagged = sum(1 for g in self.records if g.flag != GridFlag.NONE)
        text = self.tr("%n grid(s)", "", len(self.records))
        if flagged:
            text += " — " + self.tr("%n need(s) an officer", "", flagged)
            self.summary.setStyleSheet(f"color: {RED.name()};")
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)
        if selected is not None:
            self.select_grid(selected.id)
        self._update_actions()

    # ---------------------------------------------------------------- actions

    def selected(self) -> GridRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    def select_grid(self, grid_id: int) -> bool:
        for row, g in enumerate(self.records):
            if g.id == grid_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_actions(self) -> None:
        allowed = self.ctx.actor.can(Permission.MANAGE_STATION)
        grid = self.selected()
        self.edit_button.setEnabled(
            self._online and allowed and grid is not None and not self.runner.busy
        )
        if not allowed:
            tip = self.tr("Only an administrator may change who looks after a grid.")
        elif not self._online:
            tip = self.tr("Offline: the database cannot be reached.")
        elif grid is None:
            tip = self.tr("Select a grid first.")
        else:
            tip = ""
        self.edit_button.setToolTip(tip)

    def open_leave(self) -> None:
        from stationdesk.ui.leave_dialog import LeaveDialog

        grid = self.selected()
        people = [(s.id, s.name) for s in self.staff]
        dialog = LeaveDialog(self.ctx, people, grid.officer_id if grid else None, self)
        dialog.changed.connect(self.load.load_now)
        dialog.open()

    def edit_selected(self) -> None:
        grid = self.selected()
        if grid is None or not self.edit_button.isEnabled():
            return
        dialog = ReassignDialog(grid, self.staff, self)
        dialog.accepted_choice.connect(lambda o, h: self.save(grid, o, h, dialog))
        dialog.open()

    def save(
        self,
        grid: GridRecord,
        officer_id: int | None,
        helper_ids: list[int],
        dialog: ReassignDialog | None = None,
    ) -> None:
        """Save with the version this tab loaded; a stale one is refused and reloaded."""
        db, actor = self.ctx.db, self.ctx.actor
        if self.runner.busy:
            self.message.say(
                self.tr(
                    "The previous change is still being saved or its outcome is not known "
                    "yet; your choice is kept."
                ),
                error=True,
            )
            return

        def done(_version: int | None) -> None:
            # None: confirmed through the work token after a reconnect -- saved once.
            if not shiboken6.isValid(self):
                return
            if dialog is not None:
                dialog.accept()
            self.message.say(self.tr("%1: saved.").replace("%1", grid.name), error=False)
            self.load.load_now()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            self._update_actions()
            if isinstance(exc, ValidationErrors) and dialog is not None:
                dialog.show_errors(exc)
                return
            if dialog is not None:
                dialog.reject()
            if isinstance(exc, ConflictError):
                text = self.tr(
                    "%1 was changed on another workstation while you edited it; the list "
                    "has been reloaded. Check it and make your change again."
                ).replace("%1", grid.name)
            elif isinstance(exc, NotFoundError):
                text = self.tr("This grid no longer exists; the list has been reloaded.")
            elif isinstance(exc, PermissionDeniedError):
                text = self.tr("Only an administrator may change who looks after a grid.")
            else:
                log.error("saving a grid's officer failed", exc_info=exc)
                text = self.tr("The change could not be saved: %1").replace("%1", str(exc))
            self.message.say(text, error=True)
            self.load.load_now()

        self.runner.run(
            lambda: grids.reassign_grid(db, actor, grid.id, grid.version, officer_id, helper_ids),
            on_saved=done,
            on_error=failed,
            what="grid reassignment",
        )
        self._update_actions()


class ReassignDialog(QDialog):
    """Pick the responsible officer and tick the helpers of one grid."""

    accepted_choice = Signal(object, list)  # officer id or None, helper ids

    def __init__(
        self, grid: GridRecord, staff: list[StaffChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officer and helpers of %1").replace("%1", grid.name))
        self.officer_combo = QComboBox()
        self.officer_combo.addItem(self.tr("(none)"), None)
        for s in staff:
            if s.kind == StaffKind.POLICE:
                text = s.name + (" " + self.tr("(on leave)") if s.on_leave else "")
                self.officer_combo.addItem(text, s.id)
        index = self.officer_combo.findData(grid.officer_id)
        self.officer_combo.setCurrentIndex(max(index, 0))
        self.officer_error = QLabel()
        self.helpers_error = QLabel()
        for err in (self.officer_error, self.helpers_error):
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
        self.helper_list = QListWidget()
        current = {h.id for h in grid.helpers}
        for s in staff:
            if s.kind in grids.HELPER_KINDS:
                entry = QListWidgetItem(f"{s.name} ({label(s.kind)})")
                entry.setData(Qt.ItemDataRole.UserRole, s.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(
                    Qt.CheckState.Checked if s.id in current else Qt.CheckState.Unchecked
                )
                self.helper_list.addItem(entry)
        form = QFormLayout()
        form.addRow(self.tr("Responsible officer"), self.officer_combo)
        form.addRow("", self.officer_error)
        form.addRow(self.tr("Helpers"), self.helper_list)
        form.addRow("", self.helpers_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 480)

    def set_helpers(self, ids: set[int]) -> None:
        for i in range(self.helper_list.count()):
            entry = self.helper_list.item(i)
            checked = entry.data(Qt.ItemDataRole.UserRole) in ids
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def helper_ids(self) -> list[int]:
        return [
            int(self.helper_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.helper_list.count())
            if self.helper_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        self.accepted_choice.emit(self.officer_combo.currentData(), self.helper_ids())

    def show_errors(self, errors: ValidationErrors) -> None:
        self.save_button.setEnabled(True)
        for field, widget in (("officer", self.officer_error), ("helpers", self.helpers_error)):
            err = errors.by_field().get(field)
            widget.setVisible(err is not None)
            widget.setText(community_error_text(err) if err is not None else "")
