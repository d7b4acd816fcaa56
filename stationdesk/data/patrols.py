"""Patrol shifts: who patrols where and when, and their status through the day.

Nobody can be saved onto two overlapping shifts. Every change of a crew runs inside one
unit of work, which on both back ends is the only writer at that moment (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: the audit chain's advisory transaction lock, taken
before the service code runs), and checks the person's shifts before adding them. As a
second guard in the database itself, the membership is written together with one
``patrol_slot_claim`` row per whole half hour of the shift under a UNIQUE (person, slot)
key, so a writer that skipped the check still cannot commit a double booking.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from stationdesk.data.database import Database
from stationdesk.data.roster_settings import rules_in
from stationdesk.data.schema import Grid, PatrolGrid, PatrolMember, PatrolShift, Staff
from stationdesk.data.schema_roster import PatrolSlotClaim
from stationdesk.data.uow import Actor, UnitOfWork, unit_of_work
from stationdesk.domain.enums import PatrolStatus, Permission, ShiftKind, StaffKind
from stationdesk.domain.scheduling import claim_slots

# A planned shift whose crew never checked in stays on the overdue list this long after
# it ended, so the command room can still mark it missed.
OVERDUE_LOOKBACK = timedelta(hours=12)
CLOSED = frozenset({PatrolStatus.COMPLETED, PatrolStatus.MISSED})


@dataclass(frozen=True)
class ShiftRef:
    id: int
    route: str
    starts_at: datetime
    ends_at: datetime

    def describe(self) -> str:
        end = (
            f"{self.ends_at:%H:%M}"
            if self.ends_at.date() == self.starts_at.date()
            else (f"{self.ends_at:%m-%d %H:%M}")
        )
        return f"{self.route} {self.starts_at:%Y-%m-%d %H:%M}–{end}"


class DoubleBookingError(Exception):
    """The person is already on an overlapping shift; nothing was saved."""

    def __init__(self, staff_id: int, staff_name: str, clash: ShiftRef) -> None:
        super().__init__(
            f"{staff_name} is already on patrol {clash.describe()} (shift {clash.id}); "
            "nothing was saved"
        )
        self.staff_id = staff_id
        self.staff_name = staff_name
        self.clash = clash


class RosterError(ValueError):
    """A crew change that cannot be made (``code`` says why); nothing was saved."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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
        # Plain column tuples: several times faster than entities for a week's roster.
        shifts = s.execute(
            select(
                PatrolShift.id,
                PatrolShift.route,
                PatrolShift.kind,
                PatrolShift.starts_at,
                PatrolShift.ends_at,
                PatrolShift.status,
                PatrolShift.checked_in_at,
                PatrolShift.version,
            )
            .where(PatrolShift.starts_at < end, PatrolShift.ends_at > start)
            .order_by(PatrolShift.starts_at, PatrolShift.route)
        ).all()
        members: dict[int, list[PatrolMemberInfo]] = {}
        grids: dict[int, list[tuple[int, str]]] = {}
        if shifts:
            # Crews and grids of the same shifts, by the same window (no long IN list).
            window = (PatrolShift.starts_at < end, PatrolShift.ends_at > start)
            for sid, pid, name, kind in s.execute(
                select(PatrolMember.shift_id, Staff.id, Staff.name, Staff.kind)
                .join(Staff, Staff.id == PatrolMember.staff_id)
                .join(PatrolShift, PatrolShift.id == PatrolMember.shift_id)
                .where(*window)
                .order_by(Staff.kind, Staff.name)
            ):
                members.setdefault(sid, []).append(PatrolMemberInfo(pid, name, kind))
            for sid, gid, gname in s.execute(
                select(PatrolGrid.shift_id, Grid.id, Grid.name)
                .join(Grid, Grid.id == PatrolGrid.grid_id)
                .join(PatrolShift, PatrolShift.id == PatrolGrid.shift_id)
                .where(*window)
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


def add_shift(uow: UnitOfWork, draft: ShiftDraft) -> PatrolShift:
    """Create a planned shift and book its crew inside ``uow`` (see :func:`book`)."""
    if draft.ends_at <= draft.starts_at:
        raise RosterError("ends_before_start", "the shift ends before it starts")
    if not draft.route.strip():
        raise RosterError("no_route", "the shift needs a route")
    shift = uow.add(
        PatrolShift(
            route=draft.route.strip(),
            kind=draft.kind,
            starts_at=draft.starts_at,
            ends_at=draft.ends_at,
            status=PatrolStatus.PLANNED,
        )
    )
    for grid_id in dict.fromkeys(draft.grid_ids):
        uow.add(PatrolGrid(shift_id=shift.id, grid_id=grid_id))
    for staff_id in dict.fromkeys(draft.member_ids):
        book(uow, shift, staff_id)
    return shift


def create_shift(db: Database, actor: Actor, draft: ShiftDraft) -> int:
    """Create one planned shift; DoubleBookingError if a crew member is busy then."""
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.create") as uow:
        return add_shift(uow, draft).id


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


# ------------------------------------------------------------------ crew changes


def _shift_ref(shift: PatrolShift) -> ShiftRef:
    return ShiftRef(shift.id, shift.route, shift.starts_at, shift.ends_at)


def _staff_name(uow: UnitOfWork, staff_id: int) -> str:
    name = uow.session.scalar(select(Staff.name).where(Staff.id == staff_id))
    if name is None:
        raise RosterError("no_such_person", f"staff {staff_id} does not exist")
    return name


def _clash(
    uow: UnitOfWork, staff_id: int, start: datetime, end: datetime, ignore: Collection[int]
) -> ShiftRef | None:
    """The earliest shift of ``staff_id`` overlapping [start, end), if any."""
    stmt = (
        select(PatrolShift)
        .join(PatrolMember, PatrolMember.shift_id == PatrolShift.id)
        .where(
            PatrolMember.staff_id == staff_id,
            PatrolShift.starts_at < end,
            PatrolShift.ends_at > start,
        )
        .order_by(PatrolShift.starts_at, PatrolShift.id)
        .limit(1)
    )
    if ignore:
        stmt = stmt.where(PatrolShift.id.not_in(list(ignore)))
    found = uow.session.scalars(stmt).first()
    return _shift_ref(found) if found is not None else None


def book(uow: UnitOfWork, shift: PatrolShift, staff_id: int) -> None:
    """Put ``staff_id`` on ``shift`` inside ``uow``: check, membership, slot claims.

    Raises DoubleBookingError naming the person and the clashing shift.
    """
    name = _staff_name(uow, staff_id)
    if uow.session.get(PatrolMember, (shift.id, staff_id)) is not None:
        raise RosterError("already_on_shift", f"{name} is already on this shift")
    clash = _clash(uow, staff_id, shift.starts_at, shift.ends_at, ignore=(shift.id,))
    if clash is not None:
        raise DoubleBookingError(staff_id, name, clash)
    uow.add(PatrolMember(shift_id=shift.id, staff_id=staff_id))
    slots = claim_slots(shift.starts_at, shift.ends_at)
    if not slots:
        return
    rows = [{"staff_id": staff_id, "slot_start": at, "shift_id": shift.id} for at in slots]
    try:
        with uow.session.begin_nested():
            uow.session.execute(insert(PatrolSlotClaim), rows)
    except IntegrityError:
        # Only reachable by a writer that skipped the check above: the database refuses.
        holder = uow.session.scalar(
            select(PatrolShift)
            .join(PatrolSlotClaim, PatrolSlotClaim.shift_id == PatrolShift.id)
            .where(PatrolSlotClaim.staff_id == staff_id, PatrolSlotClaim.slot_start.in_(slots))
            .order_by(PatrolShift.starts_at)
            .limit(1)
        )
        ref = _shift_ref(holder) if holder is not None else ShiftRef(0, "?", shift.starts_at,
                                                                      shift.ends_at)  # fmt: skip
        raise DoubleBookingError(staff_id, name, ref) from None


def unbook(uow: UnitOfWork, shift: PatrolShift, staff_id: int) -> None:
    """Take ``staff_id`` off ``shift`` with their slot claims."""
    member = uow.session.get(PatrolMember, (shift.id, staff_id))
    if member is None:
        name = _staff_name(uow, staff_id)
        raise RosterError(
            "not_on_shift",
            f"{name} is no longer on this shift (changed by another workstation?)",
        )
    uow.session.execute(
        delete(PatrolSlotClaim).where(
            PatrolSlotClaim.shift_id == shift.id, PatrolSlotClaim.staff_id == staff_id
        )
    )
    uow.delete(member)


def _open_shift(uow: UnitOfWork, shift_id: int) -> PatrolShift:
    shift = uow.get(PatrolShift, shift_id)
    if shift.status in CLOSED:
        raise RosterError("shift_closed", f"shift {shift_id} is {shift.status.value}")
    return shift


def assign_member(db: Database, actor: Actor, shift_id: int, staff_id: int) -> None:
    """Add a person to a shift's crew (DoubleBookingError if they are busy then)."""
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.assign") as uow:
        book(uow, _open_shift(uow, shift_id), staff_id)


def remove_member(db: Database, actor: Actor, shift_id: int, staff_id: int) -> None:
    """Take a person off a shift's crew."""
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.unassign") as uow:
        unbook(uow, _open_shift(uow, shift_id), staff_id)


def move_member(
    db: Database, actor: Actor, staff_id: int, from_shift_id: int, to_shift_id: int
) -> None:
    """Move a person from one shift to another, all or nothing."""
    if from_shift_id == to_shift_id:
        return
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "patrol.move") as uow:
        unbook(uow, _open_shift(uow, from_shift_id), staff_id)
        book(uow, _open_shift(uow, to_shift_id), staff_id)


# ------------------------------------------------------------------ check-ins


@dataclass(frozen=True)
class OverdueCheckIn:
    """A planned shift whose crew has not checked in although they should have."""

    shift_id: int
    route: str
    starts_at: datetime
    ends_at: datetime
    due_by: datetime  # start plus the station's grace time
    minutes_late: int
    members: tuple[str, ...]
    grids: tuple[str, ...]
    version: int


def overdue_checkins(db: Database, now: datetime) -> list[OverdueCheckIn]:
    """Planned shifts not checked in by their start plus the station's grace time.

    Shifts that ended more than OVERDUE_LOOKBACK ago are left out (they are history
    and should be marked missed). Earliest start first.
    """
    with db.read() as s:
        grace = rules_in(s).checkin_grace
        rows = s.scalars(
            select(PatrolShift)
            .where(
                PatrolShift.status == PatrolStatus.PLANNED,
                PatrolShift.starts_at <= now - grace,
                PatrolShift.ends_at > now - OVERDUE_LOOKBACK,
            )
            .order_by(PatrolShift.starts_at, PatrolShift.id)
        ).all()
        ids = [r.id for r in rows]
        members: dict[int, list[str]] = {}
        grids: dict[int, list[str]] = {}
        if ids:
            for sid, name in s.execute(
                select(PatrolMember.shift_id, Staff.name)
                .join(Staff, Staff.id == PatrolMember.staff_id)
                .where(PatrolMember.shift_id.in_(ids))
                .order_by(Staff.kind, Staff.name)
            ):
                members.setdefault(sid, []).append(name)
            for sid, gname in s.execute(
                select(PatrolGrid.shift_id, Grid.name)
                .join(Grid, Grid.id == PatrolGrid.grid_id)
                .where(PatrolGrid.shift_id.in_(ids))
                .order_by(Grid.code)
            ):
                grids.setdefault(sid, []).append(gname)
        return [
            OverdueCheckIn(
                r.id,
                r.route,
                r.starts_at,
                r.ends_at,
                r.starts_at + grace,
                int((now - r.starts_at).total_seconds() // 60),
                tuple(members.get(r.id, ())),
                tuple(grids.get(r.id, ())),
                r.version,
            )
            for r in rows
        ]
