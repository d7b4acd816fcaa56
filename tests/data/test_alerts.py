"""Alerts: raised from the station's tables, acknowledged once (audited), gone everywhere."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from stationdesk.data import alerts, cases, patrols
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, MediationSession
from stationdesk.data.uow import Actor, PermissionDeniedError, unit_of_work
from stationdesk.domain.enums import (
    AlertKind,
    CaseCategory,
    CaseSource,
    Permission,
    Priority,
    Role,
    ShiftKind,
    Team,
)


def _case(db: Database, actor: Actor, priority: Priority = Priority.NORMAL) -> cases.CaseDetail:
    draft = cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR,
        CaseSource.PHONE,
        priority,
        datetime.now().replace(microsecond=0),
        None,
        "幸福路 3 号",
        "噪音纠纷",
    )
    return cases.create_case(db, actor, draft)


def kinds(found: list[alerts.Alert]) -> dict[AlertKind, set[int]]:
    out: dict[AlertKind, set[int]] = {}
    for a in found:
        out.setdefault(a.kind, set()).add(a.object_id)
    return out


def test_a_case_passing_its_deadline_is_an_alert_for_a_day(db: Database, duty: Actor) -> None:
    case = _case(db, duty)
    assert case.resolution_due is not None
    before = alerts.active_alerts(db, case.resolution_due - timedelta(minutes=1))
    assert case.id not in kinds(before).get(AlertKind.OVERDUE_CASE, set())
    after = alerts.active_alerts(db, case.resolution_due + timedelta(minutes=1))
    assert case.id in kinds(after)[AlertKind.OVERDUE_CASE]
    # A day later it is part of the overdue backlog (the tile), no longer news.
    later = alerts.active_alerts(db, case.resolution_due + timedelta(hours=25))
    assert case.id not in kinds(later).get(AlertKind.OVERDUE_CASE, set())


def test_unassigned_high_priority_case_after_a_few_minutes(db: Database, duty: Actor) -> None:
    made = datetime.now().replace(microsecond=0)
    urgent = _case(db, duty, Priority.URGENT)
    normal = _case(db, duty, Priority.NORMAL)
    soon = alerts.active_alerts(db, made + timedelta(minutes=1))
    assert urgent.id not in kinds(soon).get(AlertKind.UNASSIGNED_HIGH, set())
    at = made + timedelta(minutes=6)
    found = kinds(alerts.active_alerts(db, at))[AlertKind.UNASSIGNED_HIGH]
    assert urgent.id in found and normal.id not in found
    cases.assign_case(db, duty, urgent.id, urgent.version, None, Team.COMMAND_ROOM)
    assert urgent.id not in kinds(alerts.active_alerts(db, at)).get(
        AlertKind.UNASSIGNED_HIGH, set()
    )


def test_missed_checkin_and_a_mediation_about_to_start(db: Database, duty: Actor) -> None:
    start = datetime.now().replace(second=0, microsecond=0) + timedelta(hours=1)
    shift = patrols.create_shift(
        db,
        duty,
        patrols.ShiftDraft("东环线", ShiftKind.CUSTOM, start, start + timedelta(hours=4), [], []),
    )
    case = _case(db, duty)
    with unit_of_work(db, duty, Permission.EDIT_MEDIATION, "test.session") as uow:
        session = uow.add(
            MediationSession(
                case_id=case.id, starts_at=start, ends_at=start + timedelta(hours=1), room="调解室"
            )
        )
        session_id = session.id
    early = kinds(alerts.active_alerts(db, start - timedelta(minutes=30)))
    assert session_id not in early.get(AlertKind.MEDIATION_SOON, set())
    soon = kinds(alerts.active_alerts(db, start - timedelta(minutes=10)))
    assert session_id in soon[AlertKind.MEDIATION_SOON]
    assert shift not in soon.get(AlertKind.MISSED_CHECKIN, set())
    late = kinds(alerts.active_alerts(db, start + timedelta(minutes=40)))
    assert shift in late[AlertKind.MISSED_CHECKIN]
    assert session_id not in late.get(AlertKind.MEDIATION_SOON, set())


def test_acknowledged_once_audited_and_gone_for_every_workstation(
    db: Database, duty: Actor
) -> None:
    urgent = _case(db, duty, Priority.HIGH)
    at = datetime.now() + timedelta(minutes=10)
    alert = next(a for a in alerts.active_alerts(db, at) if a.object_id == urgent.id)
    other = Database(db.url)  # another workstation
    try:
        assert alert.key in {a.key for a in alerts.active_alerts(other, at)}
        assert alerts.acknowledge(db, duty, [alert]) == 1
        assert alert.key not in {a.key for a in alerts.active_alerts(other, at)}
        # Acknowledged meanwhile elsewhere: nothing more is written.
        assert alerts.acknowledge(other, duty, [alert]) == 0
    finally:
        other.dispose()
    with db.read() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("alert.acknowledge%"))
        ).all()
    assert len(entries) == 1
    assert entries[0].username == duty.username and alert.key in entries[0].new_values


def test_acknowledging_needs_the_permission_of_the_alerted_thing(
    db: Database, duty: Actor, make_actor
) -> None:  # type: ignore[no-untyped-def]
    urgent = _case(db, duty, Priority.URGENT)
    at = datetime.now() + timedelta(minutes=10)
    alert = next(a for a in alerts.active_alerts(db, at) if a.object_id == urgent.id)
    mediator = make_actor("mediator", Role.MEDIATOR)
    with pytest.raises(PermissionDeniedError):
        alerts.acknowledge(db, mediator, [alert])
    assert alert.key in {a.key for a in alerts.active_alerts(db, at)}


def test_a_mediation_period_about_to_run_out(db: Database, duty: Actor) -> None:
    """From the mediation service's rule: warned before the period ends, then again once
    it has (a new alert, so an acknowledged warning does not hide the overrun)."""
    from stationdesk.domain.enums import CaseStatus
    from stationdesk.domain.mediation_outcome import DEFAULT_PERIOD_DAYS, DEFAULT_WARNING_DAYS

    case = _case(db, duty)
    case = cases.assign_case(db, duty, case.id, case.version, None, Team.COMMUNITY_POLICING)
    cases.change_status(db, duty, case.id, case.version, CaseStatus.IN_MEDIATION, "调解")
    entered = datetime.now()

    def deadline_alerts(at: datetime) -> list[alerts.Alert]:
        return [
            a
            for a in alerts.active_alerts(db, at)
            if a.kind == AlertKind.MEDIATION_DEADLINE and a.case_id == case.id
        ]

    assert deadline_alerts(entered + timedelta(days=1)) == []
    warning = deadline_alerts(
        entered + timedelta(days=DEFAULT_PERIOD_DAYS - DEFAULT_WARNING_DAYS + 1)
    )
    assert len(warning) == 1
    alerts.acknowledge(db, duty, warning)
    assert deadline_alerts(entered + timedelta(days=DEFAULT_PERIOD_DAYS - 1)) == []
    passed = deadline_alerts(entered + timedelta(days=DEFAULT_PERIOD_DAYS + 1))
    assert len(passed) == 1 and passed[0].key != warning[0].key
