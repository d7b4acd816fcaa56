"""The command room's figures: tiles and chart series, each one aggregate query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, select

from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    FollowUp,
    Grid,
    PatrolGrid,
    PatrolShift,
)
from stationdesk.domain.enums import OPEN_STATUSES, CaseCategory, CaseStatus, PatrolStatus


@dataclass(frozen=True)
class OverviewTiles:
    open_cases: int
    overdue: int
    unassigned: int
    patrols_on_street: int
    grids_uncovered: int
    mediators_free: int
    follow_ups_due_today: int


def overview_tiles(db: Database, at: datetime) -> OverviewTiles:
    from stationdesk.data.mediation import mediator_board

    open_ = Case.status.in_(OPEN_STATUSES)
    with db.engine.connect() as conn:
        open_count, overdue, unassigned = conn.execute(
            select(
                func.count(),
                func.count().filter(Case.resolution_due < at),
                func.count().filter(and_(Case.owner_staff_id.is_(None), Case.owner_team.is_(None))),
            ).where(open_)
        ).one()
        on_street = conn.execute(
            select(func.count())
            .select_from(PatrolShift)
            .where(PatrolShift.status == PatrolStatus.ON_PATROL)
        ).scalar_one()
        grid_total = conn.execute(select(func.count()).select_from(Grid)).scalar_one()
        covered = conn.execute(
            select(func.count(func.distinct(PatrolGrid.grid_id)))
            .join(PatrolShift, PatrolShift.id == PatrolGrid.shift_id)
            .where(
                PatrolShift.starts_at <= at,
                PatrolShift.ends_at > at,
                PatrolShift.status.in_([PatrolStatus.PLANNED, PatrolStatus.ON_PATROL]),
            )
        ).scalar_one()
        follow_ups = conn.execute(
            select(func.count())
            .select_from(FollowUp)
            .where(FollowUp.done_at.is_(None), FollowUp.due_on <= at.date())
        ).scalar_one()
    free = sum(1 for m in mediator_board(db, at, horizon_days=0) if m.free_now)
    return OverviewTiles(
        open_count, overdue, unassigned, on_street, grid_total - covered, free, follow_ups
    )


def cases_per_hour(db: Database, at: datetime, hours: int = 24) -> dict[CaseCategory, list[int]]:
    """Cases reported in each of the last ``hours`` hours, by category (oldest first)."""
    start = (at - timedelta(hours=hours - 1)).replace(minute=0, second=0, microsecond=0)
    series = {c: [0] * hours for c in CaseCategory}
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Case.reported_at, Case.category).where(
                Case.reported_at >= start, Case.reported_at <= at
            )
        ).all()
    for reported, category in rows:
        slot = int((reported - start).total_seconds() // 3600)
        if 0 <= slot < hours:
            series[category][slot] += 1
    return series


def open_by_status(db: Database) -> dict[CaseStatus, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Case.status, func.count())
            .where(Case.status.in_(OPEN_STATUSES))
            .group_by(Case.status)
        ).all()
    return {CaseStatus(s): int(n) for s, n in rows}


def open_by_grid(db: Database) -> list[tuple[int, str, int]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Grid.id, Grid.name, func.count(Case.id))
            .outerjoin(Case, and_(Case.grid_id == Grid.id, Case.status.in_(OPEN_STATUSES)))
            .group_by(Grid.id, Grid.name)
            .order_by(Grid.code)
        ).all()
    return [(int(i), str(n), int(c)) for i, n, c in rows]


def overdue_trend(db: Database, today: date, days: int = 30) -> list[tuple[date, int]]:
    """Cases open and past their resolution deadline at the end of each day.

    One pass over the table with a filtered count per day (not one query per day).
    """
    ends = [datetime.combine(today - timedelta(days=d), time(23, 59, 59)) for d in range(days)]
    ends.reverse()
    still_open = [Case.closed_at.is_(None) | (Case.closed_at > end) for end in ends]
    counts = [
        func.count().filter(Case.reported_at <= end, Case.resolution_due < end, open_then)
        for end, open_then in zip(ends, still_open, strict=True)
    ]
    stmt = select(*counts).where(
        Case.resolution_due < ends[-1],
        Case.closed_at.is_(None) | (Case.closed_at > ends[0]),
    )
    with db.engine.connect() as conn:
        row = conn.execute(stmt).one()
    return [(end.date(), int(n)) for end, n in zip(ends, row, strict=True)]
