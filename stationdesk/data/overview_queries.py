"""Figures the command-room views need beyond the area services (read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, literal, select, union_all

from stationdesk.data import dashboard
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    Grid,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    PatrolGrid,
    PatrolShift,
    SessionMediator,
)
from stationdesk.domain.enums import (
    OPEN_STATUSES,
    MediationOutcome,
    MediatorKind,
    PatrolStatus,
    SessionStatus,
)


def overdue_count(db: Database, at: datetime) -> int:
    """Open cases past their resolution deadline at ``at`` (the Overdue tile's rule)."""
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(Case)
                .where(Case.status.in_(OPEN_STATUSES), Case.resolution_due < at)
            ).scalar_one()
        )


def overdue_trend_to_now(db: Database, at: datetime, days: int = 30) -> list[tuple[date, int]]:
    """Overdue cases at the end of each of the past ``days - 1`` days, then now.

    :func:`dashboard.overdue_trend` counts today at 23:59:59, which includes cases
    that only become overdue later today; the last point here is the count at ``at``,
    so the line ends on the same number as the Overdue tile.
    """
    past = dashboard.overdue_trend(db, at.date() - timedelta(days=1), days - 1)
    return [*past, (at.date(), overdue_count(db, at))]


def mediators_in_session(db: Database, at: datetime) -> dict[int, datetime]:
    """Mediator id -> end of the (not cancelled) session they are sitting in at ``at``."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(SessionMediator.mediator_id, func.max(MediationSession.ends_at))
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .where(
                MediationSession.status != SessionStatus.CANCELLED,
                MediationSession.starts_at <= at,
                MediationSession.ends_at > at,
            )
            .group_by(SessionMediator.mediator_id)
        ).all()
    return {int(mid): end for mid, end in rows}


# ----------------------------------------------------------- patrols and mediation today


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


def _merged_hours(spans: list[tuple[datetime, datetime]]) -> float:
    """Hours covered by the union of ``spans`` (overlaps counted once)."""
    total = 0.0
    current: tuple[datetime, datetime] | None = None
    for start, end in sorted(spans):
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).total_seconds()
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += (current[1] - current[0]).total_seconds()
    return total / 3600


def patrol_coverage(db: Database, day: date) -> list[tuple[int, str, float]]:
    """(grid id, name, hours of ``day`` some patrol covers it), every grid, in code order.

    Planned, running and completed shifts count; missed ones do not.
    """
    day_start, day_end = _day_bounds(day)
    with db.engine.connect() as conn:
        grids = conn.execute(select(Grid.id, Grid.name).order_by(Grid.code)).all()
        rows = conn.execute(
            select(PatrolGrid.grid_id, PatrolShift.starts_at, PatrolShift.ends_at)
            .join(PatrolShift, PatrolShift.id == PatrolGrid.shift_id)
            .where(
                PatrolShift.starts_at < day_end,
                PatrolShift.ends_at > day_start,
                PatrolShift.status != PatrolStatus.MISSED,
            )
        ).all()
    spans: dict[int, list[tuple[datetime, datetime]]] = {}
    for grid_id, start, end in rows:
        spans.setdefault(grid_id, []).append((max(start, day_start), min(end, day_end)))
    return [(int(g), str(name), _merged_hours(spans.get(g, []))) for g, name in grids]


Span = tuple[datetime, datetime]


@dataclass(frozen=True)
class MediatorDay:
    """One mediator's day: when they are available and which sessions are booked."""

    id: int
    name: str
    kind: MediatorKind
    available: tuple[Span, ...]
    booked: tuple[Span, ...]
    absent_reason: str  # "" | leave | court_day | other


def mediator_timeline(db: Database, day: date) -> list[MediatorDay]:
    """Every active mediator's availability windows and booked sessions on ``day``."""
    day_start, day_end = _day_bounds(day)
    with db.engine.connect() as conn:
        mediators = conn.execute(
            select(Mediator.id, Mediator.name, Mediator.kind)
            .where(Mediator.active.is_(True))
            .order_by(Mediator.kind, Mediator.name)
        ).all()
        windows = conn.execute(
            select(
                MediatorAvailability.mediator_id,
                MediatorAvailability.start_time,
                MediatorAvailability.end_time,
            ).where(MediatorAvailability.weekday == day.weekday())
        ).all()
        absent = dict(
            conn.execute(
                select(MediatorException.mediator_id, MediatorException.kind).where(
                    MediatorException.day == day
                )
            ).all()
        )
        sessions = conn.execute(
            select(
                SessionMediator.mediator_id, MediationSession.starts_at, MediationSession.ends_at
            )
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .where(
                MediationSession.status != SessionStatus.CANCELLED,
                MediationSession.starts_at < day_end,
                # Bounded below so the index range is one day, not the whole history.
                MediationSession.starts_at > day_start - dashboard.LONGEST_SESSION,
                MediationSession.ends_at > day_start,
            )
            .order_by(MediationSession.starts_at)
        ).all()
    available: dict[int, list[Span]] = {}
    for mid, opens, closes in windows:
        if mid not in absent:
            available.setdefault(mid, []).append(
                (datetime.combine(day, opens), datetime.combine(day, closes))
            )
    booked: dict[int, list[Span]] = {}
    for mid, start, end in sessions:
        booked.setdefault(mid, []).append((start, end))
    return [
        MediatorDay(
            int(mid),
            str(name),
            MediatorKind(kind),
            tuple(sorted(available.get(mid, []))),
            tuple(booked.get(mid, [])),
            str(absent.get(mid, "")),
        )
        for mid, name, kind in mediators
    ]


@dataclass(frozen=True)
class WeekOutcomes:
    """Held mediation sessions of one week (Monday first) by outcome."""

    week_start: date
    agreement: int
    partial: int
    no_agreement: int

    @property
    def with_outcome(self) -> int:
        return self.agreement + self.partial + self.no_agreement

    @property
    def agreement_rate(self) -> float | None:
        """Full agreements out of sessions with an outcome; None for a week without any."""
        return self.agreement / self.with_outcome if self.with_outcome else None


def agreement_rate_by_week(db: Database, at: datetime, weeks: int = 12) -> list[WeekOutcomes]:
    """Outcomes of the sessions held in each of the last ``weeks`` weeks (this one last)."""
    monday = at.date() - timedelta(days=at.weekday())
    starts = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    parts = []
    for i, week in enumerate(starts):
        lo, hi = datetime.combine(week, time()), datetime.combine(week + timedelta(days=7), time())
        parts.append(
            select(literal(i), MediationSession.outcome, func.count())
            .where(
                MediationSession.starts_at >= lo,
                MediationSession.starts_at < hi,
                MediationSession.outcome.is_not(None),
            )
            .group_by(MediationSession.outcome)
        )
    counts: dict[tuple[int, MediationOutcome], int] = {}
    with db.engine.connect() as conn:
        for i, outcome, n in conn.execute(union_all(*parts)):
            counts[int(i), MediationOutcome(str(outcome))] = int(n)
    return [
        WeekOutcomes(
            week,
            counts.get((i, MediationOutcome.AGREEMENT), 0),
            counts.get((i, MediationOutcome.PARTIAL), 0),
            counts.get((i, MediationOutcome.NO_AGREEMENT), 0),
        )
        for i, week in enumerate(starts)
    ]
