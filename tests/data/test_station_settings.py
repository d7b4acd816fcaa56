"""Station-wide deadlines and repeat window: stored, audited, used by intake."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from stationdesk.data import cases, station_settings
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, Setting
from stationdesk.data.uow import Actor, PermissionDeniedError
from stationdesk.domain.deadlines import DEFAULT_POLICY, REPEAT_WINDOW_DAYS, DeadlinePolicy
from stationdesk.domain.enums import CaseCategory, CaseSource, Priority, Role

REPORTED = datetime(2026, 11, 28, 9, 0)


def _draft(category: CaseCategory, priority: Priority) -> cases.CaseDraft:
    return cases.CaseDraft(
        category, CaseSource.PHONE, priority, REPORTED, None, "北街1号", "邻里纠纷"
    )


def test_stored_deadlines_are_used_for_new_cases_and_audited(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    admin = make_actor("chief", Role.ADMIN)
    assert station_settings.deadline_policy(db) == DEFAULT_POLICY
    policy = DeadlinePolicy(
        first_response={p: timedelta(minutes=10 * (p.rank + 1)) for p in Priority},
        resolution={p: timedelta(days=p.rank + 2) for p in Priority},
        category_resolution={CaseCategory.DISPUTE_LABOUR: timedelta(days=30)},
    )
    # A duty officer may not change station settings; the refusal is on record.
    with pytest.raises(PermissionDeniedError):
        station_settings.set_deadline_policy(db, duty, policy)
    assert station_settings.deadline_policy(db) == DEFAULT_POLICY
    station_settings.set_deadline_policy(db, admin, policy)
    assert station_settings.deadline_policy(db) == policy

    high = cases.create_case(db, duty, _draft(CaseCategory.THEFT, Priority.HIGH))
    assert high.first_response_due == REPORTED + timedelta(minutes=20)
    assert high.resolution_due == REPORTED + timedelta(days=3)
    labour = cases.create_case(db, duty, _draft(CaseCategory.DISPUTE_LABOUR, Priority.URGENT))
    assert labour.resolution_due == REPORTED + timedelta(days=30)

    # Changing it again updates the one row; both changes are in the audit trail.
    station_settings.set_deadline_policy(db, admin, DEFAULT_POLICY)
    assert station_settings.deadline_policy(db) == DEFAULT_POLICY
    with db.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.object_table == "station_setting")
        ).all()
        outcomes = s.scalars(
            select(AuditEntry.outcome).where(AuditEntry.action == "settings.deadlines")
        ).all()
    assert actions == ["settings.deadlines:insert", "settings.deadlines"]
    assert "refused" in outcomes


def test_repeat_window_is_stored_and_checked(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    admin = make_actor("chief", Role.ADMIN)
    assert station_settings.repeat_window_days(db) == REPEAT_WINDOW_DAYS
    station_settings.set_repeat_window_days(db, admin, 30)
    assert station_settings.repeat_window_days(db) == 30
    for bad in (0, -5, 5000):
        with pytest.raises(ValueError):
            station_settings.set_repeat_window_days(db, admin, bad)
    assert station_settings.repeat_window_days(db) == 30


def test_an_unreadable_setting_falls_back_to_the_default(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with db.read() as s, s.begin():
        s.add(Setting(key=station_settings.DEADLINE_POLICY_KEY, value='{"resolution": 7}'))
        s.add(Setting(key=station_settings.REPEAT_WINDOW_KEY, value='"ninety"'))
    with caplog.at_level(logging.WARNING, "stationdesk"):
        assert station_settings.deadline_policy(db) == DEFAULT_POLICY
        assert station_settings.repeat_window_days(db) == REPEAT_WINDOW_DAYS
    assert "unreadable" in caplog.text


def test_policy_round_trips_through_its_json() -> None:
    policy = DeadlinePolicy(category_resolution={CaseCategory.FRAUD: timedelta(hours=36)})
    assert station_settings.decode_policy(station_settings.encode_policy(policy)) == policy
    with pytest.raises(ValueError):
        station_settings.decode_policy('{"first_response": {"urgent": 15}}')  # priorities missing
