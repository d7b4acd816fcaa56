"""Command-room alerts, worked out from the station's tables; acknowledgements stored.

An alert is not a row: it is a fact about the station now (a case became overdue, a
patrol has not checked in, a mediation starts in a quarter of an hour, ...), named by
a stable key. Acknowledging it writes one ``alert_ack`` row through the unit of work
(audited); every workstation then stops showing it, as the change feed carries the
new row to them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, select

from stationdesk.data.database import Database
from stationdesk.data.schema import Case, MediationSession, PatrolShift
from stationdesk.data.schema_alerts import AlertAck
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import (
    OPEN_STATUSES,
    AlertKind,
    PatrolStatus,
    Permission,
    Priority,
    SessionStatus,
)

log = logging.getLogger(__name__)

# An overdue case is announced once, when it becomes overdue; older ones are the
# Overdue tile's business (a backlog of hundreds must not flood the alert panel).
OVERDUE_LOOKBACK = timedelta(hours=24)
# A crew that has not checked in this long after its start has missed its check-in.
CHECKIN_GRACE = timedelta(minutes=15)
CHECKIN_LOOKBACK = timedelta(hours=12)
MEDIATION_SOON = timedelta(minutes=15)
# Intake and dispatch take a few minutes; after that an unowned urgent case is a problem.
UNASSIGNED_GRACE = timedelta(minutes=5)
UNASSIGNED_LOOKBACK = timedelta(days=7)
HIGH_PRIORITIES = (Priority.URGENT, Priority.HIGH)
MAX_PER_KIND = 200

# Who may acknowledge what: the permission to act on the thing alerted about.
ACK_PERMISSION: dict[AlertKind, Permission] = {
    AlertKind.OVERDUE_CASE: Permission.EDIT_CASES,
    AlertKind.UNASSIGNED_HIGH: Permission.EDIT_CASES,
    AlertKind.MISSED_CHECKIN: Permission.EDIT_PATROLS,
    AlertKind.MEDIATION_SOON: Permission.EDIT_MEDIATION,
    AlertKind.MEDIATION_DEADLINE: Permission.EDIT_MEDIATION,
}


@dataclass(frozen=True)
class Alert:
    """One thing the command room should look at."""

    key: str
    kind: AlertKind
    object_table: str
    object_id: int
    since: datetime  # when it became true (deadline passed, shift began, ...)
    subject: str  # case number, patrol route, ...
    detail: str  # the case's summary, the session's room, ...
    due: datetime | None = None  # the moment the alert is about (deadline, start)
    case_id: int | None = None


def _stamp(at: datetime) -> str:
    return f"{at:%Y%m%d%H%M}"


def overdue_cases(db: Database, at: datetime) -> list[Alert]:
    """Open cases whose resolution deadline passed within the last day."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Case.id, Case.case_no, Case.summary, Case.resolution_due)
            .where(
                Case.status.in_(OPEN_STATUSES),
                Case.resolution_due < at,
                Case.resolution_due >= at - OVERDUE_LOOKBACK,
            )
            .order_by(Case.resolution_due.desc())
            .limit(MAX_PER_KIND)
        ).all()
    return [
        Alert(
            f"{AlertKind.OVERDUE_CASE}:{cid}:{_stamp(due)}",
            AlertKind.OVERDUE_CASE,
            "case_file",
            int(cid),
            due,
            no,
            summary,
            due,
            int(cid),
        )
        for cid, no, summary, due in rows
        if due is not None
    ]


def _missed_checkins_from_shifts(db: Database, at: datetime) -> list[tuple[int, str, datetime]]:
    """(shift id, route, start) of planned shifts not checked in ``CHECKIN_GRACE`` after start."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(PatrolShift.id, PatrolShift.route, PatrolShift.starts_at)
            .where(
                PatrolShift.status == PatrolStatus.PLANNED,
                PatrolShift.starts_at <= at - CHECKIN_GRACE,
                PatrolShift.starts_at >= at - CHECKIN_LOOKBACK,
                PatrolShift.ends_at > at - CHECKIN_GRACE,
            )
            .order_by(PatrolShift.starts_at)
            .limit(MAX_PER_KIND)
        ).all()
    return [(int(i), str(route), start) for i, route, start in rows]


def missed_checkins(db: Database, at: datetime) -> list[Alert]:
    """Patrol crews that should have checked in and have not.

    The patrols service's rule (its grace time is a station setting) where it exists;
    else planned shifts ``CHECKIN_GRACE`` past their start.
    """
    try:
        from stationdesk.data.patrols import overdue_checkins
    except ImportError:
        found = _missed_checkins_from_shifts(db, at)
    else:
        found = [(c.shift_id, c.route, c.starts_at) for c in overdue_checkins(db, at)]
    return [
        Alert(
            f"{AlertKind.MISSED_CHECKIN}:{sid}:{_stamp(start)}",
            AlertKind.MISSED_CHECKIN,
            "patrol_shift",
            sid,
            start + CHECKIN_GRACE,
            route,
            "",
            start,
        )
        for sid, route, start in found
    ]


def mediations_soon(db: Database, at: datetime) -> list[Alert]:
    """Booked sessions starting within the next ``MEDIATION_SOON``."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                MediationSession.id,
                MediationSession.starts_at,
                MediationSession.room,
                MediationSession.case_id,
                Case.case_no,
            )
            .join(Case, Case.id == MediationSession.case_id)
            .where(
                MediationSession.status == SessionStatus.BOOKED,
                MediationSession.starts_at > at,
                MediationSession.starts_at <= at + MEDIATION_SOON,
            )
            .order_by(MediationSession.starts_at)
        ).all()
    return [
        Alert(
            f"{AlertKind.MEDIATION_SOON}:{sid}:{_stamp(start)}",
            AlertKind.MEDIATION_SOON,
            "mediation_session",
            int(sid),
            start - MEDIATION_SOON,
            no,
            room,
            start,
            int(case_id),
        )
        for sid, start, room, case_id, no in rows
    ]


def unassigned_high_priority(db: Database, at: datetime) -> list[Alert]:
    """Open urgent/high cases nobody owns a few minutes after they were recorded."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Case.id, Case.case_no, Case.summary, Case.created_at)
            .where(
                Case.status.in_(OPEN_STATUSES),
                Case.priority.in_(HIGH_PRIORITIES),
                and_(Case.owner_staff_id.is_(None), Case.owner_team.is_(None)),
                Case.created_at <= at - UNASSIGNED_GRACE,
                Case.created_at >= at - UNASSIGNED_LOOKBACK,
            )
            .order_by(Case.created_at.desc())
            .limit(MAX_PER_KIND)
        ).all()
    return [
        Alert(
            f"{AlertKind.UNASSIGNED_HIGH}:{cid}",
            AlertKind.UNASSIGNED_HIGH,
            "case_file",
            int(cid),
            created + UNASSIGNED_GRACE,
            no,
            summary,
            None,
            int(cid),
        )
        for cid, no, summary, created in rows
    ]


def mediation_deadlines(db: Database, at: datetime) -> list[Alert]:
    """Mediation periods about to run out or run out (the mediation service's rule)."""
    try:
        from stationdesk.data.mediation_outcome import mediation_deadlines as periods_ending
    except ImportError:
        return []
    return [
        Alert(
            f"{AlertKind.MEDIATION_DEADLINE}:{d.case_id}:{d.state}:{_stamp(d.deadline)}",
            AlertKind.MEDIATION_DEADLINE,
            "case_file",
            d.case_id,
            min(at, d.deadline),
            d.case_no,
            d.summary,
            d.deadline,
            d.case_id,
        )
        for d in periods_ending(db, at)[:MAX_PER_KIND]
    ]


SOURCES: tuple[Callable[[Database, datetime], list[Alert]], ...] = (
    unassigned_high_priority,
    missed_checkins,
    mediations_soon,
    mediation_deadlines,
    overdue_cases,
)


def acknowledged_keys(db: Database, keys: Iterable[str]) -> set[str]:
    wanted = sorted(set(keys))
    found: set[str] = set()
    with db.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            found.update(
                conn.execute(
                    select(AlertAck.alert_key).where(AlertAck.alert_key.in_(wanted[i : i + 500]))
                ).scalars()
            )
    return found


def active_alerts(db: Database, at: datetime) -> list[Alert]:
    """Every alert that holds at ``at`` and nobody has acknowledged, most pressing first.

    Order: the kinds in :data:`SOURCES` order, newest first within a kind.
    """
    alerts: list[Alert] = []
    for source in SOURCES:
        alerts.extend(source(db, at))
    done = acknowledged_keys(db, (a.key for a in alerts))
    return [a for a in alerts if a.key not in done]


def acknowledge(db: Database, actor: Actor, alerts: Sequence[Alert]) -> int:
    """Acknowledge ``alerts`` (audited, one unit of work per permission). Returns how many
    were new; ones another workstation acknowledged first are skipped."""
    by_permission: dict[Permission, list[Alert]] = {}
    for alert in alerts:
        by_permission.setdefault(ACK_PERMISSION[alert.kind], []).append(alert)
    written = 0
    for permission, group in by_permission.items():
        with unit_of_work(db, actor, permission, "alert.acknowledge") as uow:
            keys = [a.key for a in group]
            already = set(
                uow.session.scalars(select(AlertAck.alert_key).where(AlertAck.alert_key.in_(keys)))
            )
            for alert in group:
                if alert.key in already:
                    continue
                already.add(alert.key)
                uow.add(
                    AlertAck(
                        alert_key=alert.key,
                        kind=alert.kind,
                        object_table=alert.object_table,
                        object_id=alert.object_id,
                        acknowledged_at=uow.at,
                        acknowledged_by_user_id=actor.user_id,
                        acknowledged_by=actor.username,
                        workstation=actor.workstation[:100],
                    )
                )
                written += 1
    return written


# Tables whose changes can raise or settle an alert (change-feed names).
ALERT_TABLES = frozenset(
    {"case_file", "patrol_shift", "mediation_session", "session_mediator", "alert_ack"}
)
