"""Reading personal data and reading the audit trail are both audited and restricted."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from security_support import PHONE, RESIDENT_ID, draft
from sqlalchemy import select, text

from stationdesk import cli
from stationdesk.data import audit, audit_queries, cases, personal_data
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import SYSTEM, Actor, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import Role


def entries(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(
            s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id))
        )


# --- full personal data -----------------------------------------------------------------


def test_full_party_details_are_audited(db: Database, make_actor: Callable[..., Actor]) -> None:
    director = make_actor("chief", Role.DIRECTOR)
    case = cases.create_case(db, SYSTEM, draft())
    parties = personal_data.reveal_party_details(db, director, case.id)
    assert [(p.name, p.resident_id, p.phone) for p in parties] == [("张三", RESIDENT_ID, PHONE)]
    [entry] = entries(db, "personal_data.read")
    assert (entry.username, entry.object_table, entry.object_id, entry.outcome) == (
        "chief",
        "case_file",
        case.id,
        "ok",
    )
    assert RESIDENT_ID not in entry.new_values  # the trail says who looked, not what


def test_full_party_details_are_refused_and_the_refusal_audited(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    duty = make_actor("duty", Role.DUTY_OFFICER)
    case = cases.create_case(db, SYSTEM, draft())
    with pytest.raises(PermissionDeniedError):
        personal_data.reveal_party_details(db, duty, case.id)
    [entry] = entries(db, "personal_data.read")
    assert (entry.username, entry.object_id, entry.outcome) == ("duty", case.id, "refused")
    assert json.loads(entry.new_values)["missing_permission"] == "view_personal_data"


def test_an_attempt_on_a_missing_case_is_on_record(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    director = make_actor("chief", Role.DIRECTOR)
    with pytest.raises(NotFoundError):
        personal_data.reveal_party_details(db, director, 4242)
    assert [e.object_id for e in entries(db, "personal_data.read")] == [4242]


# --- searching the trail ---------------------------------------------------------------


@pytest.fixture
def busy_trail(db: Database, make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    duty = make_actor("duty", Role.DUTY_OFFICER)
    chief = make_actor("chief", Role.DIRECTOR)
    for i in range(5):
        case = cases.create_case(db, duty, draft(f"纠纷 {i}"))
        cases.add_note(db, chief, case.id, f'=HYPERLINK("http://evil") {i}')
    return {"duty": duty, "chief": chief}


def test_search_filters_and_pages(db: Database, busy_trail: dict[str, Actor]) -> None:
    everything = audit_queries.search_audit(db)
    assert [r.id for r in everything] == sorted((r.id for r in everything), reverse=True)
    notes = audit_queries.search_audit(db, user="chief", table="case_note")
    assert len(notes) == 5 and {r.action for r in notes} == {"case.note:insert"}
    case_id = notes[0].object_id
    about = audit_queries.search_audit(db, table="case_note", object_id=case_id)
    assert [r.id for r in about] == [notes[0].id]
    first = audit_queries.search_audit(db, limit=4)
    second = audit_queries.search_audit(db, limit=4, after_id=first[-1].id)
    assert [r.id for r in first + second] == [r.id for r in everything[:8]]
    today = everything[0].at.date()
    assert len(audit_queries.search_audit(db, since=today, until=today)) == len(everything)
    assert audit_queries.search_audit(db, until=today - timedelta(days=1)) == []
    later = datetime.combine(today + timedelta(days=1), datetime.min.time())
    assert audit_queries.search_audit(db, since=later) == []
    assert "case_note" in audit_queries.audit_tables(db)


def test_export_writes_csv_and_is_audited(
    db: Database, busy_trail: dict[str, Actor], tmp_path: Path
) -> None:
    out = tmp_path / "audit.csv"
    f = audit_queries.AuditFilter(user="chief", since=date.today() - timedelta(days=1))
    count = audit_queries.export_csv(db, busy_trail["chief"], out, f)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert count == len(rows) > 5
    assert {r["username"] for r in rows} == {"chief"}
    # Typed text that a spreadsheet would run as a formula is kept as text.
    note_values = [r["new_values"] for r in rows if r["action"] == "case.note:insert"]
    assert all(not v.startswith("=") for v in note_values)
    [export] = entries(db, "audit.export")
    assert export.username == "chief"
    details = json.loads(export.new_values)
    assert details["user"] == "chief" and details["file"] == "audit.csv"
    assert not list(tmp_path.glob("*.part"))


def test_only_director_and_admin_read_the_trail(
    db: Database, busy_trail: dict[str, Actor], tmp_path: Path
) -> None:
    duty = busy_trail["duty"]
    assert not audit_queries.may_read_audit(duty)
    with pytest.raises(PermissionDeniedError):
        audit_queries.open_audit_trail(db, duty)
    with pytest.raises(PermissionDeniedError):
        audit_queries.export_csv(db, duty, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    refused = [e.action for e in entries(db, "audit.read") + entries(db, "audit.export")]
    assert sorted(refused) == ["audit.export", "audit.read"]
    audit_queries.open_audit_trail(db, busy_trail["chief"])
    assert [e.outcome for e in entries(db, "audit.read")] == ["refused", "ok"]
    assert {r for r in Role if audit_queries.may_read_audit(Actor(1, "x", frozenset({r})))} == {
        Role.DIRECTOR,
        Role.ADMIN,
    }


def test_cli_audit_export(
    db: Database,
    busy_trail: dict[str, Actor],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = db.url.render_as_string(hide_password=False)
    out = tmp_path / "trail.csv"
    today = date.today().isoformat()
    assert cli.main(["--db", url, "audit", "export", "-o", str(out), "--since", today,
                     "--user", "duty"]) == 0  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["username"] for r in rows} == {"duty"}
    assert f"{len(rows)} audit entries" in capsys.readouterr().out
    assert cli.main(["--db", url, "audit", "export", "-o", str(out)]) == 1  # exists
    assert "exists" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli.main(["--db", url, "audit", "export", "-o", str(tmp_path / "y.csv"),
                  "--since", "yesterday"])  # fmt: skip
    assert info.value.code == 2 and "2025-03-14" in capsys.readouterr().err
    [export] = entries(db, "audit.export")
    assert export.username.startswith("cli:")
    assert audit.verify_audit_trail(db).ok


def test_export_of_an_empty_selection(
    db: Database, busy_trail: dict[str, Actor], tmp_path: Path
) -> None:
    out = tmp_path / "none.csv"
    count = audit_queries.export_csv(
        db, busy_trail["chief"], out, audit_queries.AuditFilter(user="nobody")
    )
    assert count == 0
    assert out.read_text(encoding="utf-8-sig").splitlines() == [",".join(audit_queries.CSV_COLUMNS)]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar_one() > 0
