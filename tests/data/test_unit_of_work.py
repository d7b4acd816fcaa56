"""The unit of work: permission, version check, audit entry and change log in one go."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from stationdesk.data import audit, cases
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, ChangeLogEntry
from stationdesk.data.uow import Actor, ConflictError, PermissionDeniedError, latest_change_seq
from stationdesk.domain.enums import CaseCategory, CaseSource, CaseStatus, Priority, Role, Team


def _draft(address: str = "东关路1号") -> cases.CaseDraft:
    return cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR,
        CaseSource.PHONE,
        Priority.NORMAL,
        datetime.now() - timedelta(minutes=30),
        None,
        address,
        "楼上噪音",
    )


def test_a_write_appends_audit_entries_and_change_log_rows(db: Database, duty: Actor) -> None:
    before = latest_change_seq(db)
    case = cases.create_case(db, duty, _draft())
    with db.read() as s:
        changes = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.seq > before)).all()
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action.like("case.create%"))).all()
    assert ("case_file", case.id, 1, "insert") in {
        (c.table_name, c.row_id, c.version, c.action) for c in changes
    }
    created = next(e for e in entries if e.object_table == "case_file")
    assert created.username == "duty" and created.outcome == "ok"
    assert json.loads(created.new_values)["address"] == "东关路1号"
    assert audit.verify_chain(db).ok


def test_update_records_old_and_new_values(db: Database, duty: Actor) -> None:
    case = cases.create_case(db, duty, _draft())
    cases.assign_case(db, duty, case.id, case.version, None, Team.COMMUNITY_POLICING)
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "case.assign", AuditEntry.object_table == "case_file"
            )
        ).one()
    assert json.loads(entry.old_values)["status"] == "new"
    new = json.loads(entry.new_values)
    assert (new["status"], new["owner_team"]) == ("assigned", "community_policing")


def test_stale_version_raises_conflict_with_both_versions_and_changes_nothing(
    db: Database, duty: Actor, make_actor
) -> None:
    case = cases.create_case(db, duty, _draft())
    other = make_actor("other", Role.DUTY_OFFICER)
    cases.assign_case(db, other, case.id, case.version, None, Team.LAW_ENFORCEMENT)
    seq = latest_change_seq(db)
    with pytest.raises(ConflictError) as info:
        cases.change_status(db, duty, case.id, case.version, CaseStatus.IN_PROGRESS)
    err = info.value
    assert (err.expected_version, err.current_version) == (1, 2)
    assert err.current["owner_team"] == Team.LAW_ENFORCEMENT
    assert err.attempted["status"] == CaseStatus.IN_PROGRESS
    after = cases.get_case(db, case.id)
    assert after.status == CaseStatus.ASSIGNED and after.version == 2
    assert latest_change_seq(db) == seq  # nothing half-written


def test_forbidden_write_is_refused_audited_and_changes_nothing(db: Database, make_actor) -> None:
    mediator = make_actor("med", Role.MEDIATOR)
    with pytest.raises(PermissionDeniedError):
        cases.create_case(db, mediator, _draft())
    assert cases.count_cases(db) == 0
    refused = [e for e in audit.recent_entries(db) if e.outcome == "refused"]
    assert refused and refused[0].username == "med" and refused[0].action == "case.create"


def test_failure_inside_the_unit_of_work_rolls_everything_back(db: Database, duty: Actor) -> None:
    seq = latest_change_seq(db)
    entries = len(audit.recent_entries(db, 10_000))
    with pytest.raises(ValueError):
        # The workflow refuses new -> closed: the transaction must leave no trace.
        case = cases.create_case(db, duty, _draft())
        cases.change_status(db, duty, case.id, case.version, CaseStatus.CLOSED)
    assert cases.count_cases(db) == 1  # the create committed on its own...
    status_changes = latest_change_seq(db) - seq
    assert status_changes == 2  # ...its case row and history row; the refusal added nothing
    assert len(audit.recent_entries(db, 10_000)) == entries + 2


def test_tampering_with_an_audit_row_is_detected(db: Database, duty: Actor) -> None:
    cases.create_case(db, duty, _draft())
    cases.create_case(db, duty, _draft("西街2号"))
    report = audit.verify_chain(db)
    assert report.ok and report.checked >= 4
    with db.write_engine.begin() as conn:
        victim = conn.execute(text("SELECT min(id) FROM audit_entry WHERE action LIKE 'case%'"))
        victim_id = victim.scalar_one()
        conn.execute(
            text("UPDATE audit_entry SET username = 'mallory' WHERE id = :i"), {"i": victim_id}
        )
    broken = audit.verify_chain(db)
    assert not broken.ok and broken.first_broken_id == victim_id
