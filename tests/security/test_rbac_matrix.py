"""Every role against every service write (and audited sensitive read), on both back ends.

Allowed: the call succeeds and its audit entry names the officer. Refused: the call
raises PermissionDeniedError, one "refused" audit entry names the officer, the action
and the missing permission, and nothing else in the database changed.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from security_support import REPORTED, draft
from sqlalchemy import func, select

from stationdesk.data import cases, handover_collect, handovers, patrols, personal_data, users
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, Base, Case, CaseNote, Handover, PatrolShift
from stationdesk.data.uow import SYSTEM, Actor, PermissionDeniedError
from stationdesk.domain.enums import (
    ROLE_PERMISSIONS,
    CaseStatus,
    PatrolStatus,
    Permission,
    Role,
    ShiftKind,
    Team,
)

START = REPORTED
END = START + timedelta(hours=12)
PDF = b"%PDF-1.4\n% a stand-in for the printed handover\n%%EOF\n"
# Tables whose rows a refused call may touch: its own audit entry and the chain head.
AUDIT_TABLES = frozenset({"audit_entry", "station_setting"})


def version(db: Database, model: Any, row_id: int) -> int:
    with db.read() as s:
        return int(s.get(model, row_id).version)


@dataclass
class Station:
    """What the operations act on, made by the system account before each call."""

    db: Database
    target_user: str

    def new_case(self) -> int:
        return cases.create_case(self.db, SYSTEM, draft()).id

    def new_note(self) -> int:
        case_id = self.new_case()
        return cases.add_note(self.db, SYSTEM, case_id, "first note").id

    def new_shift(self) -> int:
        shift = patrols.ShiftDraft("route A", ShiftKind.DAY, START, END, [], [])
        return patrols.create_shift(self.db, SYSTEM, shift)

    def new_handover(self) -> int:
        return handovers.archive_handover(self.db, SYSTEM, START, END, PDF, "zh_CN", "").id


# Prepares what the call acts on (as the system), then returns the call itself.
Call = Callable[[Actor], Any]
Operation = Callable[[Station], Call]


def _assign(st: Station) -> Call:
    case_id = st.new_case()
    v = version(st.db, Case, case_id)
    return lambda a: cases.assign_case(st.db, a, case_id, v, None, Team.COMMAND_ROOM)


def _status(st: Station) -> Call:
    case_id = st.new_case()
    v = version(st.db, Case, case_id)
    return lambda a: cases.change_status(st.db, a, case_id, v, CaseStatus.IN_PROGRESS)


def _note(st: Station) -> Call:
    case_id = st.new_case()
    return lambda a: cases.add_note(st.db, a, case_id, "called back, no answer")


def _strike(st: Station) -> Call:
    note_id = st.new_note()
    return lambda a: cases.strike_note(st.db, a, note_id, "written on the wrong case")


def _shift_status(st: Station) -> Call:
    shift_id = st.new_shift()
    v = version(st.db, PatrolShift, shift_id)
    return lambda a: patrols.set_status(st.db, a, shift_id, v, PatrolStatus.ON_PATROL)


def _acknowledge(st: Station) -> Call:
    handover_id = st.new_handover()
    v = version(st.db, Handover, handover_id)
    return lambda a: handovers.acknowledge_handover(st.db, a, handover_id, v)


def _reveal(st: Station) -> Call:
    case_id = st.new_case()
    return lambda a: personal_data.reveal_party_details(st.db, a, case_id)


NIGHT = patrols.ShiftDraft("route B", ShiftKind.NIGHT, END, END + timedelta(hours=12), [], [])

# name, permission it needs, audit action, the operation
OPERATIONS: list[tuple[str, Permission, str, Operation]] = [
    ("cases.create_case", Permission.EDIT_CASES, "case.create",
     lambda st: lambda a: cases.create_case(st.db, a, draft())),
    ("cases.assign_case", Permission.EDIT_CASES, "case.assign", _assign),
    ("cases.change_status", Permission.EDIT_CASES, "case.status", _status),
    ("cases.add_note", Permission.EDIT_CASES, "case.note", _note),
    ("cases.strike_note", Permission.EDIT_CASES, "case.note.strike", _strike),
    ("patrols.create_shift", Permission.EDIT_PATROLS, "patrol.create",
     lambda st: lambda a: patrols.create_shift(st.db, a, NIGHT)),
    ("patrols.set_status", Permission.EDIT_PATROLS, "patrol.status", _shift_status),
    ("users.create_user", Permission.MANAGE_USERS, "user.create",
     lambda st: lambda a: users.create_user(st.db, a, "newbie", "新人", "a-long-secret-9",
                                            [Role.DUTY_OFFICER])),
    ("users.set_password", Permission.MANAGE_USERS, "user.passwd",
     lambda st: lambda a: users.set_password(st.db, a, st.target_user, "another-secret-7")),
    ("users.unlock", Permission.MANAGE_USERS, "user.unlock",
     lambda st: lambda a: users.unlock(st.db, a, st.target_user)),
    ("handovers.archive_handover", Permission.WRITE_HANDOVER, "handover.archive",
     lambda st: lambda a: handovers.archive_handover(st.db, a, START, END, PDF, "zh_CN", "")),
    ("handovers.acknowledge_handover", Permission.WRITE_HANDOVER, "handover.acknowledge",
     _acknowledge),
    ("personal_data.reveal_party_details", Permission.VIEW_PERSONAL_DATA, "personal_data.read",
     _reveal),
    ("handover_collect.collect_handover(full)", Permission.VIEW_PERSONAL_DATA,
     "handover.full_edition",
     lambda st: lambda a: handover_collect.collect_handover(st.db, START, END, actor=a,
                                                     full_personal_data=True)),
]  # fmt: skip


def fingerprint(db: Database) -> dict[str, tuple[int, int]]:
    """Rows and the sum of versions of every table but the audit trail's own."""
    result = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in AUDIT_TABLES:
                continue
            versions = func.coalesce(func.sum(table.c.version), 0) if "version" in table.c else 0
            count, total = conn.execute(select(func.count(), versions).select_from(table)).one()
            result[table.name] = (int(count), int(total))
    return result


def entries_of(db: Database, username: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.username == username).order_by(AuditEntry.id)
            )
        )


def attempt(
    st: Station, actor: Actor, operation: Operation, permission: Permission, action: str
) -> str:
    """Run one operation; return "allowed" or "refused" after checking its traces."""
    call = operation(st)
    before_entries = len(entries_of(st.db, actor.username))
    before = fingerprint(st.db)
    try:
        call(actor)
    except PermissionDeniedError as exc:
        assert exc.permission == permission
        new = entries_of(st.db, actor.username)[before_entries:]
        assert [(e.action, e.outcome) for e in new] == [(action, "refused")], new
        details = json.loads(new[0].new_values)
        assert details["missing_permission"] == permission.value
        assert fingerprint(st.db) == before, "a refused call changed the database"
        return "refused"
    new = entries_of(st.db, actor.username)[before_entries:]
    assert new, f"{action} left no audit entry"
    assert all(e.outcome == "ok" for e in new)
    assert any(e.action.split(":")[0] == action for e in new), [e.action for e in new]
    return "allowed"


def test_the_permission_table_is_the_reviewed_one() -> None:
    """A change to who may do what must be a deliberate one: update this table with it."""
    reviewed = {
        Role.DUTY_OFFICER: {"edit_cases", "edit_patrols", "edit_mediation",
                            "edit_community_work", "write_handover"},
        Role.COMMUNITY_OFFICER: {"edit_cases", "edit_community_work", "edit_mediation"},
        Role.LAW_ENFORCEMENT_OFFICER: {"edit_cases"},
        Role.MEDIATOR: {"edit_mediation"},
        Role.DIRECTOR: {"edit_cases", "edit_patrols", "edit_mediation", "edit_community_work",
                        "write_handover", "view_personal_data", "override_conflict"},
        Role.ADMIN: {p.value for p in Permission},
    }  # fmt: skip
    assert {r: {p.value for p in ps} for r, ps in ROLE_PERMISSIONS.items()} == reviewed


@pytest.mark.parametrize("role", list(Role))
def test_role_against_every_service_write(db: Database, role: Role) -> None:
    users.create_user(db, SYSTEM, "target", "Target", "watch-tower-31", [Role.MEDIATOR])
    users.create_user(db, SYSTEM, "officer", "Officer", "night-shift-42", [role])
    actor = users.sign_in(db, "officer", "night-shift-42")
    station = Station(db, target_user="target")
    outcome = {
        name: attempt(station, actor, op, permission, action)
        for name, permission, action, op in OPERATIONS
    }
    expected = {
        name: "allowed" if permission in ROLE_PERMISSIONS[role] else "refused"
        for name, permission, _action, _op in OPERATIONS
    }
    assert outcome == expected


def test_several_roles_add_up(db: Database) -> None:
    """A mediator who is also a duty officer may write cases and patrols."""
    users.create_user(
        db, SYSTEM, "both", "Both", "two-hats-2024", [Role.MEDIATOR, Role.DUTY_OFFICER]
    )
    actor = users.sign_in(db, "both", "two-hats-2024")
    station = Station(db, target_user="both")
    assert attempt(station, actor, *_op("cases.create_case")) == "allowed"
    assert attempt(station, actor, *_op("patrols.create_shift")) == "allowed"
    assert attempt(station, actor, *_op("users.unlock")) == "refused"


def _op(name: str) -> tuple[Operation, Permission, str]:
    for op_name, permission, action, op in OPERATIONS:
        if op_name == name:
            return op, permission, action
    raise KeyError(name)


@pytest.mark.skipif(
    importlib.util.find_spec("stationdesk.data.importer") is None,
    reason="stationdesk.data.importer does not exist yet",
)
@pytest.mark.parametrize("role", list(Role))
def test_import_needs_manage_station(db: Database, role: Role, tmp_path: Path) -> None:
    """Importing grids (or staff) is station management: a valid file, and only that role."""
    importer: Any = importlib.import_module("stationdesk.data.importer")
    users.create_user(db, SYSTEM, "officer", "Officer", "night-shift-42", [role])
    actor = users.sign_in(db, "officer", "night-shift-42")
    csv_file = tmp_path / "grids.csv"
    csv_file.write_text("code,name,kind\nG01,幸福社区,community\n", encoding="utf-8")
    station = Station(db, target_user="officer")
    operation: Operation = lambda st: lambda a: importer.import_rows(st.db, a, "grids", csv_file)  # noqa: E731
    outcome = attempt(station, actor, operation, Permission.MANAGE_STATION, "import.grids")
    assert outcome == (
        "allowed" if Permission.MANAGE_STATION in ROLE_PERMISSIONS[role] else "refused"
    )


def test_notes_are_kept_when_a_strike_is_refused(db: Database) -> None:
    """Spot check of "changes nothing": the note a mediator tried to strike is untouched."""
    users.create_user(db, SYSTEM, "med", "Med", "calm-words-77", [Role.MEDIATOR])
    mediator = users.sign_in(db, "med", "calm-words-77")
    note_id = Station(db, "med").new_note()
    with pytest.raises(PermissionDeniedError):
        cases.strike_note(db, mediator, note_id, "not mine to strike")
    with db.read() as s:
        note = s.get(CaseNote, note_id)
        assert note is not None and note.struck_at is None and note.strike_reason == ""
