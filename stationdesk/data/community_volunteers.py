"""Resident volunteers (public participation): groups, contacts, patrols and hours.

Read-only: volunteers join patrols through the patrol roster. Hours count the
patrols a volunteer completed; planned and on-street shifts count as joined,
missed ones as neither. Phone numbers are masked; reading them in full needs
``Permission.VIEW_PERSONAL_DATA`` and is audited, like the parties of a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.personal_data import READ_ACTION, check_may_read
from stationdesk.data.schema import PatrolMember, PatrolShift, Staff
from stationdesk.data.uow import Actor, now
from stationdesk.domain.community import Period
from stationdesk.domain.enums import PatrolStatus, ShiftKind, StaffKind
from stationdesk.domain.validation import mask_phone

PATROL_LIST_LIMIT = 50


@dataclass(frozen=True)
class VolunteerInfo:
    id: int
    name: str
    group: str
    phone_masked: str
    active: bool
    patrols_joined: int  # in the period, not missed
    patrols_completed: int
    hours: float  # completed patrols in the period
    last_patrol: datetime | None  # started by now, not missed


@dataclass(frozen=True)
class VolunteerGroup:
    name: str
    members: int
    active_members: int
    patrols_joined: int
    hours: float


@dataclass(frozen=True)
class Volunteers:
    period: Period
    people: tuple[VolunteerInfo, ...]

    def groups(self) -> tuple[VolunteerGroup, ...]:
        out: dict[str, list[VolunteerInfo]] = {}
        for v in self.people:
            out.setdefault(v.group, []).append(v)
        return tuple(
            VolunteerGroup(
                name,
                len(members),
                sum(1 for m in members if m.patrols_joined),
                sum(m.patrols_joined for m in members),
                round(sum(m.hours for m in members), 2),
            )
            for name, members in sorted(out.items())
        )


def _seconds(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds()


def volunteers(db: Database, period: Period, at: datetime | None = None) -> Volunteers:
    """Every volunteer (active first), with their patrols and hours in ``period``.

    A shift belongs to the period it starts in. "Last patrol" is the latest one
    started by ``at`` (default now), whatever the period.
    """
    at = at or now()
    with db.read() as s:
        people = s.execute(
            select(Staff.id, Staff.name, Staff.volunteer_group, Staff.phone, Staff.active)
            .where(Staff.kind == StaffKind.VOLUNTEER)
            .order_by(Staff.active.desc(), Staff.volunteer_group, Staff.name, Staff.id)
        ).all()
        joined: dict[int, int] = {}
        completed: dict[int, int] = {}
        seconds: dict[int, float] = {}
        for sid, status, start, end in s.execute(
            select(
                PatrolMember.staff_id,
                PatrolShift.status,
                PatrolShift.starts_at,
                PatrolShift.ends_at,
            )
            .join(PatrolShift, PatrolShift.id == PatrolMember.shift_id)
            .join(Staff, Staff.id == PatrolMember.staff_id)
            .where(
                Staff.kind == StaffKind.VOLUNTEER,
                PatrolShift.status != PatrolStatus.MISSED,
                PatrolShift.starts_at >= period.first_moment,
                PatrolShift.starts_at < period.end_moment,
            )
        ):  # fmt: skip
            joined[sid] = joined.get(sid, 0) + 1
            if status == PatrolStatus.COMPLETED:
                completed[sid] = completed.get(sid, 0) + 1
                seconds[sid] = seconds.get(sid, 0.0) + _seconds(start, end)
        last = dict(
            s.execute(
                select(PatrolMember.staff_id, func.max(PatrolShift.starts_at))
                .join(PatrolShift, PatrolShift.id == PatrolMember.shift_id)
                .join(Staff, Staff.id == PatrolMember.staff_id)
                .where(
                    Staff.kind == StaffKind.VOLUNTEER,
                    PatrolShift.status != PatrolStatus.MISSED,
                    PatrolShift.starts_at <= at,
                )
                .group_by(PatrolMember.staff_id)
            ).all()
        )
    return Volunteers(
        period,
        tuple(
            VolunteerInfo(
                sid,
                name,
                group or "",
                mask_phone(phone) if phone else "",
                bool(active),
                joined.get(sid, 0),
                completed.get(sid, 0),
                round(seconds.get(sid, 0.0) / 3600, 2),
                last.get(sid),
            )
            for sid, name, group, phone, active in people
        ),
    )


@dataclass(frozen=True)
class VolunteerPatrol:
    shift_id: int
    route: str
    kind: ShiftKind
    starts_at: datetime
    ends_at: datetime
    status: PatrolStatus

    @property
    def hours(self) -> float:
        return round(_seconds(self.starts_at, self.ends_at) / 3600, 2)


def patrols_of(
    db: Database, staff_id: int, limit: int = PATROL_LIST_LIMIT
) -> list[VolunteerPatrol]:
    """The latest patrols a person joined (newest first, at most ``limit``)."""
    with db.read() as s:
        rows = s.execute(
            select(
                PatrolShift.id,
                PatrolShift.route,
                PatrolShift.kind,
                PatrolShift.starts_at,
                PatrolShift.ends_at,
                PatrolShift.status,
            )
            .join(PatrolMember, PatrolMember.shift_id == PatrolShift.id)
            .where(PatrolMember.staff_id == staff_id)
            .order_by(PatrolShift.starts_at.desc(), PatrolShift.id.desc())
            .limit(limit)
        ).all()
    return [VolunteerPatrol(*row) for row in rows]


def reveal_volunteer_contacts(db: Database, actor: Actor) -> dict[int, str]:
    """Every volunteer's phone number in full, by staff id (an audited read).

    Without ``Permission.VIEW_PERSONAL_DATA`` the refusal is audited and
    PermissionDeniedError raised.
    """
    check_may_read(db, actor, Staff.__tablename__, None)
    audit.record(db, actor, READ_ACTION, Staff.__tablename__, None, {"what": "volunteer phones"})
    with db.read() as s:
        return {
            sid: phone or ""
            for sid, phone in s.execute(
                select(Staff.id, Staff.phone).where(Staff.kind == StaffKind.VOLUNTEER)
            )
        }
