"""Tampering with the audit trail is found, and the first broken entry is named.

Edits, deletions and reordering break the hash chain itself. Cutting off the newest
entries leaves a valid (shorter) chain: the chain head recorded with every append
(``station_setting``, same transaction) catches that, and a chain rewritten and
re-hashed from some entry on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from security_support import draft
from sqlalchemy import Connection, select, text

from stationdesk import cli
from stationdesk.data import audit, cases
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import SYSTEM, Actor
from stationdesk.domain.enums import Role

COLUMNS = (
    "at",
    "user_id",
    "username",
    "workstation",
    "action",
    "object_table",
    "object_id",
    "old_values",
    "new_values",
    "outcome",
    "prev_hash",
    "hash",
)


@pytest.fixture
def trail(db: Database, make_actor: Callable[..., Actor]) -> list[int]:
    """Some ordinary work; returns the audit entry ids, oldest first."""
    duty = make_actor("duty", Role.DUTY_OFFICER)
    for i in range(3):
        case = cases.create_case(db, duty, draft(f"纠纷 {i}"))
        cases.add_note(db, duty, case.id, f"note {i}")
    audit.record(db, SYSTEM, "demo.read", "case_file", 1)
    with db.engine.connect() as conn:
        return [int(i) for i in conn.scalars(text("SELECT id FROM audit_entry ORDER BY id"))]


def tamper(db: Database, sql: str, **params: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def row(conn: Connection, entry_id: int) -> dict[str, Any]:
    """One entry's columns with their Python types (dates as datetime on SQLite too)."""
    table = AuditEntry.__table__
    found = conn.execute(select(*(table.c[c] for c in COLUMNS)).where(table.c.id == entry_id))
    return dict(found.one()._mapping)


def test_an_untouched_trail_verifies(db: Database, trail: list[int]) -> None:
    report = audit.verify_audit_trail(db)
    assert report.ok and not report.warning
    assert report.checked == len(trail)
    head = audit.chain_head(db)
    assert head is not None and head.id == trail[-1]


def test_edited_entry_is_named(db: Database, trail: list[int]) -> None:
    victim = trail[4]
    tamper(db, "UPDATE audit_entry SET username = 'mallory' WHERE id = :i", i=victim)
    report = audit.verify_audit_trail(db)
    assert not report.ok
    assert report.first_broken_id == victim
    assert "edited" in report.reason
    assert report.checked == trail.index(victim)


def test_deleted_entry_breaks_the_chain_at_the_next_one(db: Database, trail: list[int]) -> None:
    victim = trail[3]
    tamper(db, "DELETE FROM audit_entry WHERE id = :i", i=victim)
    report = audit.verify_audit_trail(db)
    assert not report.ok
    assert report.first_broken_id == trail[4]  # the entry that pointed at the deleted one
    assert "removed" in report.reason


def test_swapped_entries_are_found_at_the_first(db: Database, trail: list[int]) -> None:
    first, second = trail[2], trail[5]
    with db.engine.begin() as conn:
        a, b = row(conn, first), row(conn, second)
        assignments = ", ".join(f"{c} = :{c}" for c in COLUMNS)
        conn.execute(
            text(f"UPDATE audit_entry SET {assignments} WHERE id = :id"), {**b, "id": first}
        )
        conn.execute(
            text(f"UPDATE audit_entry SET {assignments} WHERE id = :id"), {**a, "id": second}
        )
    report = audit.verify_audit_trail(db)
    assert not report.ok
    assert report.first_broken_id == first


def test_truncated_tail_is_found(db: Database, trail: list[int]) -> None:
    """The chain alone cannot see this: what is left is a valid chain."""
    cut = trail[-3]
    tamper(db, "DELETE FROM audit_entry WHERE id >= :i", i=cut)
    assert audit.verify_chain(db).ok  # the limitation the anchor exists for
    report = audit.verify_audit_trail(db)
    assert not report.ok
    assert report.first_broken_id == cut
    assert "missing" in report.reason and str(trail[-1]) in report.reason


def test_whole_trail_deleted_is_found(db: Database, trail: list[int]) -> None:
    tamper(db, "DELETE FROM audit_entry")
    report = audit.verify_audit_trail(db)
    assert not report.ok and report.first_broken_id == 1


def test_rewritten_and_rehashed_chain_is_found(db: Database, trail: list[int]) -> None:
    """Someone who edits an entry and recomputes every later hash fools the chain alone."""
    victim = trail[2]
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entry SET username = 'mallory' WHERE id = :i"), {"i": victim}
        )
        prev = conn.execute(
            text("SELECT hash FROM audit_entry WHERE id < :i ORDER BY id DESC LIMIT 1"),
            {"i": victim},
        ).scalar_one()
        for entry_id in trail[2:]:
            r = row(conn, entry_id)
            fields = tuple(r[c] for c in COLUMNS[:10])
            new_hash = audit.entry_hash(prev, fields)
            conn.execute(
                text("UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": new_hash, "i": entry_id},
            )
            prev = new_hash
    assert audit.verify_chain(db).ok
    report = audit.verify_audit_trail(db)
    assert not report.ok
    assert "re-hashed" in report.reason


def test_a_missing_anchor_is_a_warning_and_the_next_write_restores_it(
    db: Database, trail: list[int]
) -> None:
    """Older databases have no anchor: not a break, but the administrator is told."""
    tamper(db, "DELETE FROM station_setting WHERE key = :k", k=audit.CHAIN_HEAD_KEY)
    report = audit.verify_audit_trail(db)
    assert report.ok and "no chain head" in report.warning
    audit.record(db, SYSTEM, "demo.read")
    report = audit.verify_audit_trail(db)
    assert report.ok and not report.warning


def test_cli_verify_names_the_broken_entry(
    db: Database, trail: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.url.render_as_string(hide_password=False)
    assert cli.main(["--db", url, "audit", "verify"]) == 0
    assert f"intact: {len(trail)} entries" in capsys.readouterr().out
    tamper(db, "DELETE FROM audit_entry WHERE id = :i", i=trail[-1])
    assert cli.main(["--db", url, "audit", "verify"]) == 3
    out = capsys.readouterr().out
    assert f"BROKEN at entry {trail[-1]}" in out and "missing" in out
