"""Mediation: which mediator is free now, and the sessions booked with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from stationdesk.data.database import Database
from stationdesk.data.people import parse_skills
from stationdesk.data.schema import (
    Case,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    SessionMediator,
)
from stationdesk.domain.enums import (
    CaseCategory,
    MediationOutcome,
    MediatorKind,
    SessionStatus,
)


@dataclass(frozen=True)
class MediatorStatus:
    """One line of the "who is free" board."""

    id: int
    name: str
    kind: MediatorKind
    skills: tuple[CaseCategory, ...]
    free_now: bool
    next_free: datetime | None
    sessions_today: int
    capacity_per_day: int
    absent_reason: str  # "" | leave | court_day | other


@dataclass(frozen=True)
class SessionInfo:
    id: int
    case_id: int
    case_no: str
    case_summary: str
    starts_at: datetime
    ends_at: datetime
    room: str
    status: SessionStatus
    outcome: MediationOutcome | None
    mediators: tuple[str, ...]
    version: int


def _windows(pattern: list[tuple[int, time, time]], day: date) -> list[tuple[datetime, datetime]]:
    return [
        (datetime.combine(day, start), datetime.combine(day, end))
        for weekday, start, end in pattern
        if weekday == day.weekday()
    ]


def mediator_board(db: Database, at: datetime, horizon_days: int = 7) -> list[MediatorStatus]:
    """Free now / next free slot of every active mediator.

    Worked out from the weekly pattern, the exceptions (leave, court days) and bookings.
    """
    day_end = at + timedelta(days=horizon_days)
    with db.read() as s:
        mediators = s.scalars(
            select(Mediator).where(Mediator.active.is_(True)).order_by(Mediator.kind, Mediator.name)
        ).all()
        patterns: dict[int, list[tuple[int, time, time]]] = {}
        for a in s.scalars(select(MediatorAvailability)):
            patterns.setdefault(a.mediator_id, []).append((a.weekday, a.start_time, a.end_time))
        exceptions: dict[tuple[int, date], str] = {
            (e.mediator_id, e.day): e.kind
            for e in s.scalars(
                select(MediatorException).where(
                    MediatorException.day >= at.date(), MediatorException.day <= day_end.date()
                )
            )
        }
        busy: dict[int, list[tuple[datetime, datetime]]] = {}
        for mid, start, end in s.execute(
            select(
                SessionMediator.mediator_id, MediationSession.starts_at, MediationSession.ends_at
            )
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .where(
                MediationSession.status != SessionStatus.CANCELLED,
                MediationSession.ends_at > at,
                MediationSession.starts_at < day_end,
            )
        ):
            busy.setdefault(mid, []).append((start, end))
        today_start = datetime.combine(at.date(), time())
        counts: dict[int, int] = dict(
            s.execute(
                select(SessionMediator.mediator_id, func.count())
                .join(MediationSession, MediationSession.id == SessionMediator.session_id)
                .where(
                    MediationSession.status != SessionStatus.CANCELLED,
                    MediationSession.starts_at >= today_start,
                    MediationSession.starts_at < today_start + timedelta(days=1),
                )
                .group_by(SessionMediator.mediator_id)
            ).all()
        )
    board = []
    for m in mediators:
        next_free = None
        for offset in range(horizon_days + 1):
            day = at.date() + timedelta(days=offset)
            if (m.id, day) in exceptions:
                continue
            for start, end in sorted(_windows(patterns.get(m.id, []), day)):
                slot = max(start, at)
                # Walk past bookings that overlap the candidate slot.
                for b_start, b_end in sorted(busy.get(m.id, [])):
                    if b_start <= slot < b_end:
                        slot = b_end
                if slot < end:
                    next_free = slot
                    break
            if next_free is not None:
                break
        board.append(
            MediatorStatus(
                m.id,
                m.name,
                m.kind,
                parse_skills(m.skills),
                next_free == at,
                next_free,
                int(counts.get(m.id, 0)),
                m.capacity_per_day,
                exceptions.get((m.id, at.date()), ""),
            )
        )
    return board


def sessions_between(db: Database, start: datetime, end: datetime) -> list[SessionInfo]:
    with db.read() as s:
        rows = s.execute(
            select(MediationSession, Case.case_no, Case.summary)
            .join(Case, Case.id == MediationSession.case_id)
            .where(MediationSession.starts_at < end, MediationSession.ends_at > start)
            .order_by(MediationSession.starts_at)
        ).all()
        names: dict[int, list[str]] = {}
        ids = [r[0].id for r in rows]
        if ids:
            for sid, name in s.execute(
                select(SessionMediator.session_id, Mediator.name)
                .join(Mediator, Mediator.id == SessionMediator.mediator_id)
                .where(SessionMediator.session_id.in_(ids))
            ):
                names.setdefault(sid, []).append(name)
        return [
            SessionInfo(
                m.id,
                m.case_id,
                no,
                summary,
                m.starts_at,
                m.ends_at,
                m.room,
                m.status,
                m.outcome,
                tuple(names.get(m.id, ())),
                m.version,
            )
            for m, no, summary in rows
        ]
