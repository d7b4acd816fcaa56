"""Patrol shifts: who patrols where and when, and their status through the day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from stationdesk.data.database import Database
from stationdesk.data.schema import Grid, PatrolGrid, PatrolMember, PatrolShift, Staff
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import PatrolStatus, Permission, ShiftKind, StaffKind


@dataclass(frozen=True)
class PatrolMemberInfo:
    id: int
    name: str
    kind: StaffKind


@dataclass(frozen=True)
class PatrolShiftInfo:
    id: int
    route: str
    kind: ShiftKind
    starts_at: datetime
    ends_at: datetime
    status: PatrolStatus
    checked_in_at: datetime | None
    members: tuple[PatrolMemberInfo, ...]
    grids: tuple[tuple[int, str], ...]
    version: int

    @property
    def on_street(self) -> bool:
        """Checked in and not yet finished."""
        return self.status == PatrolStatus.ON_PATROL


def shifts_between(db: Database, start: datetime, end: datetime) -> list[PatrolShiftInfo]:
    """Shifts overlapping [start, end), with their crews and grids."""
    with db.read() as s:
        shifts = s.scalars(
            select(PatrolShift)
            .where(PatrolShift.starts_at < end, PatrolShift.ends_at > start)
            .order_by(PatrolShift.starts_at, PatrolShift.route)
        ).all()
        ids = [x.id for x in shifts]
        members: dict[int, list[PatrolMemberInfo]] = {}
        grids: dict[int, list[tuple[int, str]]] = {}
        if ids:
            for sid, pid, name, kind in s.execute(
                select(PatrolMember.shift_id, Staff.id, Staff.name, Staff.kind)
                .join(Staff, Staff.id == PatrolMember.staff_id)
                .where(PatrolMember.shift_id.in_(ids))
                .order_by(Staff.kind, Staff.name)
            ):
                members.setdefault(sid, []).append(PatrolMemberInfo(pid, name, kind))
            for sid, gid, gname in s.execute(
                select(PatrolGrid.shift_id, Grid.id, Grid.name)
                .join(Grid, Grid.id == PatrolGrid.grid_id)
                .where(PatrolGrid.shift_id.in_(ids))
                .order_by(Grid.code)
            ):
                grids.setdefault(sid, []).append((gid, gname))
        return [
            PatrolShiftInfo(
                x.id,
                x.route,
                x.kind,
                x.starts_at,
                x.ends_at,
                x.status,
                x.checked_in_at,
                tuple(members.get(x.id, ())),
                tuple(grids.get(x.id, ())),
                x.version,
            )
            for x in shifts
        ]


@dataclass(frozen=True)
class ShiftDraft:
    route: str
    kind: ShiftKind
    starts_at: datetime
    ends_at: datetime
    member_ids: Sequence[int]
    grid_ids: Sequence[int]


def create_shift(db: Database, actor: Actor, draft: ShiftDraft) -> int:
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.create") as uow:
        shift = uow.add(
            PatrolShift(
                route=draft.route,
                kind=draft.kind,
                starts_at=draft.starts_at,
                ends_at=draft.ends_at,
                status=PatrolStatus.PLANNED,
            )
        )
        for staff_id in draft.member_ids:
            uow.add(PatrolMember(shift_id=shift.id, staff_id=staff_id))
        for grid_id in draft.grid_ids:
            uow.add(PatrolGrid(shift_id=shift.id, grid_id=grid_id))
        return shift.id


def set_status(
    db: Database, actor: Actor, shift_id: int, expected_version: int, status: PatrolStatus
) -> None:
    """Check a crew in, mark it completed or missed."""
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.status") as uow:
        changes: dict[str, object] = {"status": status}
        if status == PatrolStatus.ON_PATROL:
            changes["checked_in_at"] = uow.at
        if status == PatrolStatus.COMPLETED:
            changes["completed_at"] = uow.at
        uow.update(PatrolShift, shift_id, expected_version, **changes)
