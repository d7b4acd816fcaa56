"""Staff leave: dated periods a person is away, and who is on leave on a day.

The roster rules (a person rostered on a leave day), the week board and the grid flags
("responsible officer on leave today") all read leave from here. Recording leave needs
``Permission.EDIT_PATROLS``: the duty officers and the director who build the roster
are the ones who grant and enter leave, and the director has no MANAGE_STATION. One
person's periods never overlap; the check runs inside the unit of work, which is the only
writer at that moment on both back ends, so two workstations cannot both add clashing
leave.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from stationdesk.data.database import Database
from stationdesk.data.schema import Staff
from stationdesk.data.schema_roster import StaffLeave
from stationdesk.data.uow import Actor, ConflictError, row_values, unit_of_work
from stationdesk.domain.enums import LeaveKind, Permission
from stationdesk.domain.validation import FieldError, ValidationErrors

REASON_MAX = 200


@dataclass(frozen=True)
class LeavePeriod:
    id: int
    staff_id: int
    staff_name: str
    first_day: date
    last_day: date | None  # None: until further notice
    kind: LeaveKind
    reason: str
    created_by: str
    created_at: datetime
    version: int

    def covers(self, day: date) -> bool:
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)

    def days_in(self, first: date, last: date) -> list[date]:
        """The days of this leave between ``first`` and ``last`` inclusive."""
        start = max(first, self.first_day)
        end = last if self.last_day is None else min(last, self.last_day)
        return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _overlapping(first: date, last: date | None) -> ColumnElement[bool]:
    """Leave rows that share at least one day with ``first``..``last`` (None: open)."""
    ends_after = or_(StaffLeave.last_day.is_(None), StaffLeave.last_day >= first)
    if last is None:
        return ends_after
    return and_(StaffLeave.first_day <= last, ends_after)


def _period(row: StaffLeave, name: str) -> LeavePeriod:
    return LeavePeriod(
        row.id,
        row.staff_id,
        name,
        row.first_day,
        row.last_day,
        row.kind,
        row.reason,
        row.created_by,
        row.created_at,
        row.version,
    )


def leave_between(
    db: Database, first: date, last: date, staff_id: int | None = None
) -> list[LeavePeriod]:
    """Leave sharing a day with ``first``..``last``, by person then first day."""
    stmt = (
        select(StaffLeave, Staff.name)
        .join(Staff, Staff.id == StaffLeave.staff_id)
        .where(_overlapping(first, last))
        .order_by(Staff.name, StaffLeave.staff_id, StaffLeave.first_day)
    )
    if staff_id is not None:
        stmt = stmt.where(StaffLeave.staff_id == staff_id)
    with db.read() as s:
        return [_period(row, name) for row, name in s.execute(stmt)]


def leave_of(db: Database, staff_id: int) -> list[LeavePeriod]:
    """All of one person's leave, latest first."""
    stmt = (
        select(StaffLeave, Staff.name)
        .join(Staff, Staff.id == StaffLeave.staff_id)
        .where(StaffLeave.staff_id == staff_id)
        .order_by(StaffLeave.first_day.desc(), StaffLeave.id.desc())
    )
    with db.read() as s:
        return [_period(row, name) for row, name in s.execute(stmt)]


def on_leave(db: Database, day: date) -> set[int]:
    """Ids of the people on leave on ``day``."""
    with db.read() as s:
        return set(s.scalars(select(StaffLeave.staff_id).where(_overlapping(day, day))))


def leave_by_day(
    periods: Iterable[LeavePeriod], first: date, last: date
) -> dict[int, dict[date, LeavePeriod]]:
    """Per person, the leave covering each day between ``first`` and ``last``."""
    found: dict[int, dict[date, LeavePeriod]] = {}
    for p in periods:
        for day in p.days_in(first, last):
            found.setdefault(p.staff_id, {})[day] = p
    return found


def _check(
    session: Session,
    staff_id: int,
    first_day: date,
    last_day: date | None,
    reason: str,
    ignore_id: int | None = None,
) -> None:
    errors: list[FieldError] = []
    active = session.scalar(select(Staff.active).where(Staff.id == staff_id))
    if not active:
        errors.append(FieldError("staff", "unknown_person"))
    if last_day is not None and last_day < first_day:
        errors.append(FieldError("last_day", "ends_before_start"))
    if len(reason) > REASON_MAX:
        errors.append(
            FieldError("reason", "too_long", {"max_length": REASON_MAX, "length": len(reason)})
        )
    if not errors:
        stmt = select(StaffLeave).where(
            StaffLeave.staff_id == staff_id, _overlapping(first_day, last_day)
        )
        if ignore_id is not None:
            stmt = stmt.where(StaffLeave.id != ignore_id)
        clash = session.scalars(stmt.order_by(StaffLeave.first_day)).first()
        if clash is not None:
            # Named on the field whose day lies inside the other period.
            field = "first_day" if clash.first_day <= first_day else "last_day"
            errors.append(
                FieldError(
                    field,
                    "leave_overlaps",
                    {
                        "first_day": clash.first_day.isoformat(),
                        "last_day": clash.last_day.isoformat() if clash.last_day else "",
                        "kind": clash.kind.value,
                    },
                )
            )
    if errors:
        raise ValidationErrors(errors)


def record_leave(
    db: Database,
    actor: Actor,
    staff_id: int,
    first_day: date,
    last_day: date | None,
    kind: LeaveKind,
    reason: str = "",
) -> int:
    """Record a leave period; returns its id.

    ``last_day`` None means until further notice. Raises ValidationErrors, nothing saved,
    for an unknown or departed person (field ``staff``), a last day before the first
    (``last_day``), a reason too long (``reason``) or a period sharing a day with the
    person's other leave (``first_day`` or ``last_day``, whichever lies inside it).
    """
    reason = reason.strip()
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "leave.record") as uow:
        _check(uow.session, staff_id, first_day, last_day, reason)
        row = uow.add(
            StaffLeave(
                staff_id=staff_id,
                first_day=first_day,
                last_day=last_day,
                kind=kind,
                reason=reason,
                created_by=actor.display_name or actor.username,
                created_at=uow.at,
            )
        )
        return int(row.id)


def end_leave(
    db: Database, actor: Actor, leave_id: int, expected_version: int, last_day: date
) -> int:
    """Set the last day of a period (ends open-ended leave); returns the new version."""
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "leave.end") as uow:
        row = uow.get(StaffLeave, leave_id)
        if row.version == expected_version:
            _check(uow.session, row.staff_id, row.first_day, last_day, row.reason, row.id)
        uow.update(StaffLeave, leave_id, expected_version, last_day=last_day)
        return int(row.version)


def cancel_leave(db: Database, actor: Actor, leave_id: int, expected_version: int) -> None:
    """Delete a leave period (the audit log keeps what it was).

    A period changed on another workstation since it was read raises ConflictError.
    """
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "leave.cancel") as uow:
        row = uow.get(StaffLeave, leave_id)
        if row.version != expected_version:
            raise ConflictError(
                StaffLeave.__tablename__,
                leave_id,
                expected_version,
                row.version,
                row_values(row),
                {"cancelled": True},
            )
        uow.delete(row)
