"""Figures the command-room views need beyond the area services (read-only)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from stationdesk.data import dashboard
from stationdesk.data.database import Database
from stationdesk.data.schema import Case, MediationSession, SessionMediator
from stationdesk.domain.enums import OPEN_STATUSES, SessionStatus


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
