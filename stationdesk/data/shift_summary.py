"""The figures of one duty shift, for the handover: each one an aggregate query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select

from stationdesk.data.database import Database
from stationdesk.data.schema import Case, MediationSession, PatrolShift
from stationdesk.domain.enums import (
    OPEN_STATUSES,
    CaseCategory,
    PatrolStatus,
    SessionStatus,
)

DAY_SHIFT_START = time(8, 0)
NIGHT_SHIFT_START = time(20, 0)
COMING_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class ShiftSummary:
    """What came in, what is still open, mediations and patrols of one duty shift.

    Open and overdue are counted at ``as_of``: the end of a past shift, or now for
    the shift still running.
    """

    start: datetime
    end: datetime
    as_of: datetime
    new_cases: int
    new_by_category: tuple[tuple[CaseCategory, int], ...]  # most frequent first
    closed_cases: int  # resolved, referred or closed during the shift
    open_cases: int
    overdue: int
    mediations_held: int
    mediations_coming: int  # booked in the 24 hours after as_of
    patrols_completed: int
    patrols_missed: int
    patrols_total: int  # patrol shifts that started during the duty shift


def duty_shift_containing(at: datetime) -> tuple[datetime, datetime]:
    """The 08:00–20:00 or 20:00–08:00 duty shift that ``at`` falls in."""
    day = at.date()
    day_start = datetime.combine(day, DAY_SHIFT_START)
    night_start = datetime.combine(day, NIGHT_SHIFT_START)
    if at < day_start:
        return night_start - timedelta(days=1), day_start
    if at < night_start:
        return day_start, night_start
    return night_start, day_start + timedelta(days=1)


def previous_duty_shifts(at: datetime, count: int) -> list[tuple[datetime, datetime]]:
    """The shift containing ``at`` and the ``count - 1`` before it, newest first."""
    shifts = [duty_shift_containing(at)]
    while len(shifts) < count:
        start = shifts[-1][0]
        shifts.append(duty_shift_containing(start - timedelta(seconds=1)))
    return shifts


def _open_at(at: datetime) -> ColumnElement[bool]:
    # Open at a past moment: reported by then and not yet closed then. A row with no
    # closed_at counts only if its status is open, so the figure for "now" is exactly
    # the open-cases tile's.
    return and_(
        Case.reported_at <= at,
        or_(Case.closed_at > at, and_(Case.closed_at.is_(None), Case.status.in_(OPEN_STATUSES))),
    )


def shift_summary(
    db: Database, start: datetime, end: datetime, as_of: datetime | None = None
) -> ShiftSummary:
    """Figures for the duty shift [start, end); open/overdue at min(end, as_of)."""
    at = min(end, as_of) if as_of is not None else end
    with db.engine.connect() as conn:
        new_rows = conn.execute(
            select(Case.category, func.count())
            .where(Case.reported_at >= start, Case.reported_at < end)
            .group_by(Case.category)
        ).all()
        closed, open_count, overdue = conn.execute(
            select(
                func.count().filter(Case.closed_at >= start, Case.closed_at < end),
                func.count().filter(_open_at(at)),
                func.count().filter(_open_at(at), Case.resolution_due < at),
            ).select_from(Case)
        ).one()
        held, coming = conn.execute(
            select(
                func.count().filter(
                    MediationSession.status == SessionStatus.HELD,
                    MediationSession.starts_at >= start,
                    MediationSession.starts_at < end,
                ),
                func.count().filter(
                    MediationSession.status == SessionStatus.BOOKED,
                    MediationSession.starts_at >= at,
                    MediationSession.starts_at < at + COMING_WINDOW,
                ),
            ).select_from(MediationSession)
        ).one()
        completed, missed, total = conn.execute(
            select(
                func.count().filter(PatrolShift.status == PatrolStatus.COMPLETED),
                func.count().filter(PatrolShift.status == PatrolStatus.MISSED),
                func.count(),
            ).where(PatrolShift.starts_at >= start, PatrolShift.starts_at < end)
        ).one()
    by_category = sorted(
        ((CaseCategory(c), int(n)) for c, n in new_rows), key=lambda cn: (-cn[1], cn[0].value)
    )
    return ShiftSummary(
        start=start,
        end=end,
        as_of=at,
        new_cases=sum(n for _c, n in by_category),
        new_by_category=tuple(by_category),
        closed_cases=int(closed),
        open_cases=int(open_count),
        overdue=int(overdue),
        mediations_held=int(held),
        mediations_coming=int(coming),
        patrols_completed=int(completed),
        patrols_missed=int(missed),
        patrols_total=int(total),
    )
