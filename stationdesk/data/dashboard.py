"""The command room's figures: tiles and chart series, each a few index-only queries.

Speed at a million cases comes from counting over indexes, never fetching rows:
``ix_case_status_due`` answers the open/overdue tiles, and the two partial "late"
indexes (cases still open, or closed after their deadline) answer the overdue trend
with one range count per day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, and_, func, literal, or_, select, union_all

from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    FollowUp,
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
    CaseCategory,
    CaseStatus,
    PatrolStatus,
    SessionStatus,
)

# No mediation session lasts longer than this (they are booked in hours).
LONGEST_SESSION = timedelta(hours=24)

# The rows of the partial indexes ix_case_late_closed / ix_case_late_due, spelt as in
# their definition (SQLite uses a partial index only when the query repeats its WHERE).
LATE = or_(Case.closed_at.is_(None), Case.closed_at > Case.resolution_due)


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
    open_ = Case.status.in_(OPEN_STATUSES)
    count = select(func.count()).select_from(Case)
    with db.engine.connect() as conn:
        # Three narrow counts, each answered by one index; one count with three
        # FILTERs would have to visit every open row in the table.
        open_count = conn.execute(count.where(open_)).scalar_one()
        overdue = conn.execute(count.where(open_, Case.resolution_due < at)).scalar_one()
        unassigned = conn.execute(
            count.where(open_, Case.owner_staff_id.is_(None), Case.owner_team.is_(None))
        ).scalar_one()
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
        free = mediators_free_now(conn, at)
    return OverviewTiles(
        open_count, overdue, unassigned, on_street, grid_total - covered, free, follow_ups
    )


def mediators_free_now(conn: Connection, at: datetime) -> int:
    """Active mediators inside one of today's availability windows, not away today and
    not sitting in a session: ``mediation.mediator_board``'s "free now", counted.

    Only sessions that began within :data:`LONGEST_SESSION` are looked at, so the
    count does not read the whole history of sessions.
    """
    today = at.date()
    in_window = (
        select(MediatorAvailability.mediator_id)
        .where(
            MediatorAvailability.weekday == today.weekday(),
            MediatorAvailability.start_time <= at.time(),
            MediatorAvailability.end_time > at.time(),
        )
        .distinct()
    )
    away = select(MediatorException.mediator_id).where(MediatorException.day == today)
    sitting = (
        select(SessionMediator.mediator_id)
        .join(MediationSession, MediationSession.id == SessionMediator.session_id)
        .where(
            MediationSession.status != SessionStatus.CANCELLED,
            MediationSession.starts_at <= at,
            MediationSession.starts_at > at - LONGEST_SESSION,
            MediationSession.ends_at > at,
        )
    )
    return int(
        conn.execute(
            select(func.count())
            .select_from(Mediator)
            .where(
                Mediator.active.is_(True),
                Mediator.id.in_(in_window),
                Mediator.id.not_in(away),
                Mediator.id.not_in(sitting),
            )
        ).scalar_one()
    )


def cases_per_hour(db: Database, at: datetime, hours: int = 24) -> dict[CaseCategory, list[int]]:
    """Cases reported in each of the last ``hours`` hours, by category (oldest first).

    One count per hour and category over ``ix_case_category_reported`` (no rows fetched).
    """
    start = (at - timedelta(hours=hours - 1)).replace(minute=0, second=0, microsecond=0)
    series = {c: [0] * hours for c in CaseCategory}
    parts = []
    for slot in range(hours):
        lo = start + timedelta(hours=slot)
        hi = min(lo + timedelta(hours=1), at + timedelta(seconds=1))
        parts.append(
            select(literal(slot), Case.category, func.count())
            .where(Case.reported_at >= lo, Case.reported_at < hi)
            .group_by(Case.category)
        )
    with db.engine.connect() as conn:
        rows = conn.execute(union_all(*parts)).all()
    for slot, category, n in rows:
        series[CaseCategory(category)][int(slot)] += int(n)
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


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def overdue_trend(db: Database, today: date, days: int = 30) -> list[tuple[date, int]]:
    """Cases open and past their resolution deadline at the end of each day.

    At the end of day D (the midnight after it) a case counts when its deadline fell
    before that midnight and it was not closed by then. Worked out from range counts
    over the "late" rows only (still open, or closed after the deadline: a case closed
    in time is never overdue), each row visited about once:

    - open(D): open cases due before the window, plus those due on each day up to D;
    - closed(D): late closed cases due by D and closed after D, which is (closed after
      D) minus (due after D), because such a case is always due before it is closed.
    """
    first = today - timedelta(days=days - 1)
    window = [first + timedelta(days=i) for i in range(days)]
    after = _midnight(today + timedelta(days=1))
    closed = Case.closed_at.is_not(None)
    counts = {
        "open_due_before": (Case.closed_at.is_(None), Case.resolution_due < _midnight(first)),
        "closed_after": (Case.closed_at >= after,),
        "closed_due_after": (closed, Case.resolution_due >= after),
    }
    for i, day in enumerate(window):
        lo, hi = _midnight(day), _midnight(day + timedelta(days=1))
        due = (Case.resolution_due >= lo, Case.resolution_due < hi)
        counts[f"closed_on {i}"] = (Case.closed_at >= lo, Case.closed_at < hi)
        counts[f"open_due_on {i}"] = (*due, Case.closed_at.is_(None))
        counts[f"closed_due_on {i}"] = (*due, closed)
    names = list(counts)
    # Each part says which count it is: UNION ALL does not promise to keep the order.
    stmt = union_all(
        *(
            select(literal(k), func.count()).where(LATE, *conds)
            for k, conds in enumerate(counts.values())
        )
    )
    with db.engine.connect() as conn:
        got = {names[int(k)]: int(n) for k, n in conn.execute(stmt).all()}
    trend = []
    running = got["open_due_before"]
    closed_later = got["closed_after"] + sum(got[f"closed_on {i}"] for i in range(days))
    due_later = got["closed_due_after"] + sum(got[f"closed_due_on {i}"] for i in range(days))
    for i, day in enumerate(window):
        running += got[f"open_due_on {i}"]
        closed_later -= got[f"closed_on {i}"]
        due_later -= got[f"closed_due_on {i}"]
        trend.append((day, running + closed_later - due_later))
    return trend
