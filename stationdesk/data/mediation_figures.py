"""Mediator figures: utilisation and agreement rate per mediator and month, and the
station's weekly agreement rate (the dashboard charts it).

Utilisation is the hours booked in sessions (cancelled ones left out) over the hours
the weekly pattern offers in that month, leave and court days taken off. The agreement
rate is agreements over sessions with a recorded outcome.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from stationdesk.data.database import Database
from stationdesk.data.schema import (
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    SessionMediator,
)
from stationdesk.domain.enums import MediationOutcome, MediatorKind, SessionStatus


@dataclass(frozen=True)
class MediatorMonth:
    mediator_id: int
    name: str
    kind: MediatorKind
    month: date  # first day of the month
    sessions: int  # booked or held, not cancelled
    booked_hours: float
    available_hours: float
    with_outcome: int
    agreements: int

    @property
    def utilisation(self) -> float | None:
        """Booked over available hours (None when the pattern offers no hours)."""
        return self.booked_hours / self.available_hours if self.available_hours else None

    @property
    def agreement_rate(self) -> float | None:
        return self.agreements / self.with_outcome if self.with_outcome else None


@dataclass(frozen=True)
class WeekRate:
    monday: date
    with_outcome: int
    agreements: int

    @property
    def rate(self) -> float | None:
        return self.agreements / self.with_outcome if self.with_outcome else None


def month_starts(months: int, at: date) -> list[date]:
    """The first days of the last ``months`` months, ``at``'s month last."""
    out = []
    year, month = at.year, at.month
    for _ in range(months):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1]) + timedelta(days=1)


def _hours(start: time, end: time) -> float:
    return (datetime.combine(date.min, end) - datetime.combine(date.min, start)).seconds / 3600


def mediator_figures(
    db: Database, months: int = 6, at: datetime | None = None
) -> list[MediatorMonth]:
    """One line per active mediator and month of the last ``months`` months (up to
    ``at``, default now), by mediator then month."""
    from stationdesk.data.uow import now

    if months < 1:
        raise ValueError("months must be at least 1")
    firsts = month_starts(months, (at or now()).date())
    start, end = firsts[0], _month_end(firsts[-1])
    with db.read() as s:
        mediators = s.execute(
            select(Mediator.id, Mediator.name, Mediator.kind)
            .where(Mediator.active.is_(True))
            .order_by(Mediator.kind, Mediator.name)
        ).all()
        pattern: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        for mid, weekday, t0, t1 in s.execute(
            select(
                MediatorAvailability.mediator_id,
                MediatorAvailability.weekday,
                MediatorAvailability.start_time,
                MediatorAvailability.end_time,
            )
        ):
            pattern[mid][weekday] += _hours(t0, t1)
        away = set(
            s.execute(
                select(MediatorException.mediator_id, MediatorException.day).where(
                    MediatorException.day >= start, MediatorException.day < end
                )
            ).all()
        )
        sessions = s.execute(
            select(
                SessionMediator.mediator_id,
                MediationSession.starts_at,
                MediationSession.ends_at,
                MediationSession.outcome,
            )
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .where(
                MediationSession.status != SessionStatus.CANCELLED,
                MediationSession.starts_at >= datetime.combine(start, time()),
                MediationSession.starts_at < datetime.combine(end, time()),
            )
        ).all()
    counts: dict[tuple[int, date], list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
    for mid, s_start, s_end, outcome in sessions:
        c = counts[(mid, s_start.date().replace(day=1))]
        c[0] += 1
        c[1] += (s_end - s_start).total_seconds() / 3600
        if outcome is not None:
            c[2] += 1
            c[3] += outcome == MediationOutcome.AGREEMENT
    out = []
    for mid, name, kind in mediators:
        for first in firsts:
            available = 0.0
            day = first
            while day < _month_end(first):
                if (mid, day) not in away:
                    available += pattern[mid].get(day.weekday(), 0.0)
                day += timedelta(days=1)
            n, hours, decided, agreed = counts.get((mid, first), [0, 0.0, 0, 0])
            out.append(
                MediatorMonth(
                    mid, name, kind, first, int(n), round(hours, 2), round(available, 2),
                    int(decided), int(agreed),
                )
            )  # fmt: skip
    return out


def weekly_agreement_rate(
    db: Database, weeks: int = 12, at: datetime | None = None
) -> list[WeekRate]:
    """Agreements over sessions with an outcome, per week (Monday first), oldest first."""
    from stationdesk.data.uow import now

    today = (at or now()).date()
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    with db.read() as s:
        rows = s.execute(
            select(MediationSession.starts_at, MediationSession.outcome).where(
                MediationSession.outcome.is_not(None),
                MediationSession.starts_at >= datetime.combine(first, time()),
                MediationSession.starts_at < datetime.combine(today + timedelta(days=1), time()),
            )
        ).all()
    tally: dict[date, list[int]] = {first + timedelta(weeks=i): [0, 0] for i in range(weeks)}
    for starts_at, outcome in rows:
        d = starts_at.date()
        t = tally[d - timedelta(days=d.weekday())]
        t[0] += 1
        t[1] += outcome == MediationOutcome.AGREEMENT
    return [WeekRate(monday, n, a) for monday, (n, a) in sorted(tally.items())]
