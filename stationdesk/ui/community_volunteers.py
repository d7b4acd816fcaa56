"""The Volunteers tab: groups, people (contacts masked), patrols joined and hours."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stationdesk.data import community_volunteers as vols
from stationdesk.data.community_volunteers import VolunteerPatrol, Volunteers
from stationdesk.data.uow import Change, PermissionDeniedError
from stationdesk.domain.community import Period
from stationdesk.domain.enums import Permission
from stationdesk.ui.community_common import GREY, MessageLine, colour, item, make_table
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad

log = logging.getLogger(__name__)

TABLES = frozenset({"staff", "patrol_shift", "patrol_member"})


def _hours(h: float) -> str:
    return f"{h:.1f}"


class VolunteersTab(QWidget):
    def __init__(
        self, ctx: AppContext, period: Callable[[], Period], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._period = period
        self.data: Volunteers | None = None
        self.full_phones: dict[int, str] = {}

        bold = QFont(self.font())
        bold.setBold(True)
        self.summary = QLabel()
        self.summary.setFont(bold)
        self.reveal_button = QPushButton(self.tr("Show phone numbers"))
        self.reveal_button.clicked.connect(self.reveal_contacts)
        may = ctx.actor.can(Permission.VIEW_PERSONAL_DATA)
        self.reveal_button.setEnabled(may)
        self.reveal_button.setToolTip(
            self.tr("Shown in full for this screen only; the reading is recorded in the audit.")
            if may
            else self.tr("Your role may not see personal data in full.")
        )
        self.message = MessageLine()
        self.groups_table = make_table(
            [self.tr("Group"), self.tr("Members"), self.tr("Patrolled"),
             self.tr("Patrols"), self.tr("Hours")], stretch=0,
        )  # fmt: skip
        self.people_table = make_table(
            [
                self.tr("Name"),
                self.tr("Group"),
                self.tr("Phone"),
                self.tr("Patrols joined"),
                self.tr("Completed"),
                self.tr("Hours"),
                self.tr("Last patrol"),
            ],
            stretch=1,
        )
        self.people_table.itemSelectionChanged.connect(self._person_selected)
        self.patrols_title = QLabel(self.tr("Patrols of the selected volunteer"))
        self.patrols_title.setFont(bold)
        self.patrols_table = make_table(
            [self.tr("Date"), self.tr("Time"), self.tr("Route"), self.tr("Shift"),
             self.tr("Status"), self.tr("Hours")], stretch=2,
        )  # fmt: skip
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.reveal_button)
        left = QVBoxLayout()
        groups_title = QLabel(self.tr("Groups"))
        groups_title.setFont(bold)
        left.addWidget(groups_title)
        left.addWidget(self.groups_table, 1)
        left.addWidget(self.patrols_title)
        left.addWidget(self.patrols_table, 2)
        body = QHBoxLayout()
        body.addWidget(self.people_table, 3)
        body.addLayout(left, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.load: CoalescedLoad[Volunteers] = CoalescedLoad(
            ctx.worker, self._job, self._show, "volunteers", self
        )

    def _job(self) -> Callable[[], Volunteers]:
        db, period = self.ctx.db, self._period()
        return lambda: vols.volunteers(db, period)

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in TABLES for c in changes):
            self.load.request()

    def set_online(self, online: bool) -> None:
        pass  # nothing to edit here

    def _show(self, data: Volunteers) -> None:
        if data.period != self._period():
            return
        selected = self.selected_id()
        self.data = data
        groups = data.groups()
        self.groups_table.setRowCount(len(groups))
        for r, g in enumerate(groups):
            self.groups_table.setItem(r, 0, item(g.name or self.tr("(no group)")))
            self.groups_table.setItem(r, 1, item(str(g.members), align_right=True))
            self.groups_table.setItem(r, 2, item(str(g.active_members), align_right=True))
            self.groups_table.setItem(r, 3, item(str(g.patrols_joined), align_right=True))
            self.groups_table.setItem(r, 4, item(_hours(g.hours), align_right=True))
        self._fill_people()
        total_hours = sum(v.hours for v in data.people)
        self.summary.setText(
            self.tr("%n volunteer(s)", "", len(data.people))
            + " — "
            + self.tr("%1 hours on completed patrols").replace("%1", _hours(total_hours))
        )
        if selected is not None:
            for r, v in enumerate(data.people):
                if v.id == selected:
                    self.people_table.selectRow(r)

    def _fill_people(self) -> None:
        assert self.data is not None
        people = self.data.people
        table = self.people_table
        table.setRowCount(len(people))
        for r, v in enumerate(people):
            name = item(v.name)
            if not v.active:
                name.setText(self.tr("%1 (left)").replace("%1", v.name))
                colour(name, GREY)
            table.setItem(r, 0, name)
            table.setItem(r, 1, item(v.group))
            table.setItem(r, 2, item(self.full_phones.get(v.id, v.phone_masked)))
            table.setItem(r, 3, item(str(v.patrols_joined), align_right=True))
            table.setItem(r, 4, item(str(v.patrols_completed), align_right=True))
            table.setItem(r, 5, item(_hours(v.hours), align_right=True))
            table.setItem(r, 6, item(format_date(v.last_patrol) if v.last_patrol else "—"))

    def selected_id(self) -> int | None:
        rows = self.people_table.selectionModel().selectedRows()
        if not rows or self.data is None or rows[0].row() >= len(self.data.people):
            return None
        return self.data.people[rows[0].row()].id

    def _person_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            self.patrols_table.setRowCount(0)
            return
        db = self.ctx.db

        def done(rows: list[VolunteerPatrol]) -> None:
            if not shiboken6.isValid(self) or self.selected_id() != sid:
                return
            self._fill_patrols(rows)

        self.ctx.worker.submit(
            lambda: vols.patrols_of(db, sid),
            done,
            lambda exc: self.ctx.worker.failed.emit("volunteer patrols", exc),
            "volunteer patrols",
        )

    def _fill_patrols(self, rows: list[VolunteerPatrol]) -> None:
        table = self.patrols_table
        table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            table.setItem(r, 0, item(format_date(p.starts_at)))
            table.setItem(r, 1, item(f"{format_time(p.starts_at)} – {format_time(p.ends_at)}"))
            table.setItem(r, 2, item(p.route))
            table.setItem(r, 3, item(label(p.kind)))
            table.setItem(r, 4, item(label(p.status)))
            table.setItem(r, 5, item(_hours(p.hours), align_right=True))

    def reveal_contacts(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(phones: dict[int, str]) -> None:
            if not shiboken6.isValid(self):
                return
            self.full_phones = phones
            if self.data is not None:
                self._fill_people()
            self.reveal_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            if isinstance(exc, PermissionDeniedError):
                self.message.say(self.tr("Your role may not see personal data in full."), True)
            else:
                self.ctx.worker.failed.emit("volunteer contacts", exc)

        self.ctx.worker.submit(
            lambda: vols.reveal_volunteer_contacts(db, actor), done, failed, "volunteer contacts"
        )
