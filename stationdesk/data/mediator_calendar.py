"""A mediator's availability: the weekly pattern of working windows and the exceptions
(leave, court days) to it, read for one week and edited through the unit of work.

The pattern and the exceptions have no version of their own; every edit bumps the
mediator's version instead, so two workstations editing the same mediator's calendar
cannot overwrite each other unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from stationdesk.data.database import Database
from stationdesk.data.schema import (
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    SessionMediator,
)
from stationdesk.data.uow import Actor, NotFoundError, UnitOfWork, unit_of_work
from stationdesk.domain.enums import MediatorKind, Permission, SessionStatus
from stationdesk.domain.mediation_outcome import check_windows

EXCEPTION_KINDS = ("leave", "court_day", "other")


@dataclass(frozen=True)
class Window:
    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True)
class ExceptionDay:
    id: int
    day: date
    kind: str  # leave | court_day | other
    note: str


@dataclass(frozen=True)
class Booking:
    session_id: int
    starts_at: datetime
    ends_at: datetime
    case_no: str


@dataclass(frozen=True)
class MediatorWeek:
    """One mediator's calendar for the week starting ``monday``."""

    mediator_id: int
    name: str
    kind: MediatorKind
    version: int
    monday: date
    windows: tuple[Window, ...]
    exceptions: tuple[ExceptionDay, ...]  # of this week
    bookings: tuple[Booking, ...]  # of this week, cancelled ones left out

    def exception_on(self, day: date) -> ExceptionDay | None:
        return next((e for e in self.exceptions if e.day == day), None)


@dataclass(frozen=True)
class MediatorChoice:
    id: int
    name: str
    kind: MediatorKind


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def active_mediators(db: Database) -> list[MediatorChoice]:
    with db.read() as s:
        rows = s.execute(
            select(Mediator.id, Mediator.name, Mediator.kind)
            .where(Mediator.active.is_(True))
            .order_by(Mediator.kind, Mediator.name)
        ).all()
    return [MediatorChoice(*r) for r in rows]


def mediator_week(db: Database, mediator_id: int, day: date) -> MediatorWeek:
    """The calendar of the week holding ``day``."""
    from stationdesk.data.schema import Case

    monday = monday_of(day)
    start = datetime.combine(monday, time())
    end = start + timedelta(days=7)
    with db.read() as s:
        m = s.get(Mediator, mediator_id)
        if m is None:
            raise NotFoundError("mediator", mediator_id)
        windows = s.execute(
            select(
                MediatorAvailability.weekday,
                MediatorAvailability.start_time,
                MediatorAvailability.end_time,
            )
            .where(MediatorAvailability.mediator_id == mediator_id)
            .order_by(MediatorAvailability.weekday, MediatorAvailability.start_time)
        ).all()
        exceptions = s.execute(
            select(
                MediatorException.id,
                MediatorException.day,
                MediatorException.kind,
                MediatorException.note,
            )
            .where(
                MediatorException.mediator_id == mediator_id,
                MediatorException.day >= monday,
                MediatorException.day < monday + timedelta(days=7),
            )
            .order_by(MediatorException.day, MediatorException.id)
        ).all()
        bookings = s.execute(
            select(
                MediationSession.id,
                MediationSession.starts_at,
                MediationSession.ends_at,
                Case.case_no,
            )
            .join(SessionMediator, SessionMediator.session_id == MediationSession.id)
            .join(Case, Case.id == MediationSession.case_id)
            .where(
                SessionMediator.mediator_id == mediator_id,
                MediationSession.status != SessionStatus.CANCELLED,
                MediationSession.starts_at < end,
                MediationSession.ends_at > start,
            )
            .order_by(MediationSession.starts_at)
        ).all()
        return MediatorWeek(
            m.id,
            m.name,
            m.kind,
            m.version,
            monday,
            tuple(Window(*w) for w in windows),
            tuple(ExceptionDay(*e) for e in exceptions),
            tuple(Booking(*b) for b in bookings),
        )


def _lock_mediator(uow: UnitOfWork, mediator_id: int, expected_version: int, what: str) -> None:
    """Check the mediator is still at ``expected_version`` and bump it (ConflictError if not)."""
    m = uow.get(Mediator, mediator_id)
    if m.version != expected_version:
        uow.update(Mediator, mediator_id, expected_version)  # raises ConflictError
    flag_modified(m, "name")  # an UPDATE, so the ORM checks and bumps the version
    uow.session.flush()
    uow.touch(m, {"calendar": ""}, {"calendar": what})


def set_weekly_pattern(
    db: Database,
    actor: Actor,
    mediator_id: int,
    expected_version: int,
    windows: Iterable[Window],
) -> int:
    """Replace the mediator's weekly pattern; returns the mediator's new version.

    ValueError (nothing changed) when a window is backwards or two overlap.
    """
    checked = check_windows((w.weekday, w.start, w.end) for w in windows)
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediator.availability") as uow:
        _lock_mediator(uow, mediator_id, expected_version, "weekly pattern")
        current = uow.session.scalars(
            select(MediatorAvailability).where(MediatorAvailability.mediator_id == mediator_id)
        ).all()
        have = {(a.weekday, a.start_time, a.end_time): a for a in current}
        wanted = set(checked)
        for key, row in have.items():
            if key not in wanted:
                uow.delete(row)
        for weekday, start, end in checked:
            if (weekday, start, end) not in have:
                uow.add(
                    MediatorAvailability(
                        mediator_id=mediator_id, weekday=weekday, start_time=start, end_time=end
                    )
                )
        version = uow.get(Mediator, mediator_id).version
    return version


def add_exception(
    db: Database,
    actor: Actor,
    mediator_id: int,
    expected_version: int,
    day: date,
    kind: str,
    note: str,
) -> int:
    """Mark ``day`` as leave / court day / other with a reason; returns the new version.

    ValueError when the kind is unknown, the reason is empty or the day already has one.
    """
    if kind not in EXCEPTION_KINDS:
        raise ValueError(f"unknown exception kind {kind!r}")
    if not note.strip():
        raise ValueError("a reason is required")
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediator.exception") as uow:
        _lock_mediator(uow, mediator_id, expected_version, f"exception {day.isoformat()}")
        taken = uow.session.scalar(
            select(MediatorException.id).where(
                MediatorException.mediator_id == mediator_id, MediatorException.day == day
            )
        )
        if taken is not None:
            raise ValueError(f"{day.isoformat()} already has an exception")
        uow.add(MediatorException(mediator_id=mediator_id, day=day, kind=kind, note=note.strip()))
        version = uow.get(Mediator, mediator_id).version
    return version


def remove_exception(
    db: Database, actor: Actor, mediator_id: int, expected_version: int, exception_id: int
) -> int:
    """Remove an exception (the day follows the weekly pattern again); the new version."""
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediator.exception") as uow:
        _lock_mediator(uow, mediator_id, expected_version, f"exception {exception_id} removed")
        row = uow.get(MediatorException, exception_id)
        if row.mediator_id != mediator_id:
            raise NotFoundError("mediator_exception", exception_id)
        uow.delete(row)
        version = uow.get(Mediator, mediator_id).version
    return version
