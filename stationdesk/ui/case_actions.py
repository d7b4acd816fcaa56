"""The "Status and owner" box of the case detail: move the case on, give it an owner,
correct its facts. It only asks; the panel saves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from stationdesk.data.cases import CaseDetail
from stationdesk.data.people import GridInfo, StaffInfo
from stationdesk.domain import workflow
from stationdesk.domain.enums import CaseStatus, Team
from stationdesk.ui.intake_widgets import make_searchable
from stationdesk.ui.labels import label


class CaseActionsBox(QGroupBox):
    """Status, owner and "Edit…" for the case shown in the detail panel."""

    status_requested = Signal(object)  # CaseStatus
    assign_requested = Signal(object, object)  # staff id | None, Team | None
    edit_requested = Signal()
    book_requested = Signal()  # "Book mediation…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Status and owner"))
        grid = QGridLayout(self)
        self.status_combo = QComboBox()
        self.status_button = QPushButton(self.tr("Change status"))
        self.status_button.clicked.connect(self._status_clicked)
        move_label = QLabel(self.tr("Move to"))
        move_label.setBuddy(self.status_combo)
        grid.addWidget(move_label, 0, 0)
        grid.addWidget(self.status_combo, 0, 1)
        grid.addWidget(self.status_button, 0, 2)
        self.staff_combo = QComboBox()
        self.staff_edit = make_searchable(self.staff_combo)
        self.team_combo = QComboBox()
        self.team_combo.addItem(self.tr("— no team —"), None)
        for team in Team:
            self.team_combo.addItem(label(team), team)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_button.clicked.connect(self._assign_clicked)
        officer_label = QLabel(self.tr("Officer"))
        officer_label.setBuddy(self.staff_combo)
        team_label = QLabel(self.tr("Team"))
        team_label.setBuddy(self.team_combo)
        grid.addWidget(officer_label, 1, 0)
        grid.addWidget(self.staff_combo, 1, 1, 1, 2)
        grid.addWidget(team_label, 2, 0)
        grid.addWidget(self.team_combo, 2, 1)
        grid.addWidget(self.assign_button, 2, 2)
        self.edit_button = QPushButton(self.tr("Edit case…"))
        self.edit_button.setToolTip(
            self.tr("Correct category, priority, grid, address, summary or description")
        )
        self.edit_button.clicked.connect(self.edit_requested)
        grid.addWidget(self.edit_button, 3, 2)
        self.book_button = QPushButton(self.tr("Book mediation…"))
        self.book_button.setToolTip(self.tr("Suggest mediators and book a session, room and time"))
        self.book_button.clicked.connect(self.book_requested)
        grid.addWidget(self.book_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        for combo in (self.status_combo, self.staff_combo, self.team_combo):
            # Long team names must not push the panel wider than the splitter gives it.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)

    # ---------------------------------------------------------------- filling

    def fill_status_choices(self, d: CaseDetail, keep: bool) -> None:
        previous = self.status_combo.currentData() if keep else None
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for status in workflow.next_statuses(d.status):
            text = label(status)
            if workflow.reason_required(d.status, status):
                text = self.tr("%1 (needs a reason)").replace("%1", text)
            self.status_combo.addItem(text, status)
        if previous is not None:
            index = self.status_combo.findData(previous)
            if index >= 0:
                self.status_combo.setCurrentIndex(index)
        self.status_combo.blockSignals(False)

    def fill_owner_choices(
        self,
        d: CaseDetail,
        staff: Sequence[StaffInfo],
        grids: Mapping[int, GridInfo],
        keep: bool,
    ) -> None:
        previous = (self.staff_combo.currentData(), self.team_combo.currentData()) if keep else None
        grid = grids.get(d.grid_id or -1)
        officer_id = grid.officer_id if grid else None
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        by_id = {s.id: s for s in staff}
        if officer_id is not None and officer_id in by_id:
            officer = by_id[officer_id]
            self.staff_combo.addItem(
                self.staff_text(officer, self.tr("(grid officer)")), officer.id
            )
        self.staff_combo.addItem(self.tr("— no officer —"), None)
        for s in staff:
            if s.id != officer_id:
                self.staff_combo.addItem(self.staff_text(s), s.id)
        if d.owner_staff_id is not None and self.staff_combo.findData(d.owner_staff_id) < 0:
            self.staff_combo.addItem(d.owner_name, d.owner_staff_id)  # e.g. now inactive
        if previous is not None:
            staff_choice, team_choice = previous
        elif d.owner_staff_id is not None or d.owner_team is not None:
            staff_choice, team_choice = d.owner_staff_id, d.owner_team
        else:  # unassigned: suggest the grid's officer
            staff_choice, team_choice = officer_id, None
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_choice)))
        self.staff_edit.setCursorPosition(0)  # show the name, not the tail
        self.staff_combo.blockSignals(False)
        self.team_combo.blockSignals(True)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team_choice)))
        self.team_combo.blockSignals(False)

    def staff_text(self, s: StaffInfo, mark: str = "") -> str:
        text = f"{s.name} {mark}" if mark else s.name
        if s.team is not None:
            text += f" · {label(s.team)}"
        if s.on_leave:
            text += " " + self.tr("(on leave)")
        return text

    def owner_changed(self, d: CaseDetail | None) -> bool:
        return d is not None and (
            self.staff_combo.currentData() != d.owner_staff_id
            or self.team_combo.currentData() != d.owner_team
        )

    # ---------------------------------------------------------------- enabling

    def update_enabled(self, d: CaseDetail | None, can_edit: bool, why: str) -> None:
        has_next = self.status_combo.count() > 0
        for widget, enabled in (
            (self.status_combo, can_edit and has_next),
            (self.status_button, can_edit and has_next),
            (self.staff_combo, can_edit),
            (self.team_combo, can_edit),
            (self.assign_button, can_edit and self.owner_changed(d)),
            (self.edit_button, can_edit),
            (self.book_button, can_edit and d is not None and d.status.is_open),
        ):
            widget.setEnabled(enabled)
            widget.setToolTip(why)
        if not why:
            self.edit_button.setToolTip(
                self.tr("Correct category, priority, grid, address, summary or description")
            )
            if not has_next and d is not None:
                self.status_button.setToolTip(self.tr("No further status from here."))

    # ----------------------------------------------------------------- clicks

    def _status_clicked(self) -> None:
        data = self.status_combo.currentData()
        if data is not None:
            self.status_requested.emit(CaseStatus(data))  # Qt hands enum values back as str

    def _assign_clicked(self) -> None:
        team = self.team_combo.currentData()
        self.assign_requested.emit(self.staff_combo.currentData(), Team(team) if team else None)
