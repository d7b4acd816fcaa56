"""The audit export and the chain check report progress and can be cancelled."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from stationdesk.data import audit, audit_queries
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import Role


@pytest.fixture
def director(db: Database, make_actor: Callable[..., Actor]) -> Actor:
    actor = make_actor("chief", Role.DIRECTOR)
    for i in range(23):
        audit.record(db, actor, "case.note", "case", i + 1, {"n": i})
    return actor


def test_export_reports_rows_done_of_total(db: Database, director: Actor, tmp_path: Path) -> None:
    total = audit_queries.count_audit(db)
    assert total >= 25
    calls: list[tuple[int, int]] = []
    out = tmp_path / "trail.csv"
    count = audit_queries.export_csv(
        db, director, out, progress=lambda d, t: calls.append((d, t)), batch=10
    )
    assert count == total
    done = [d for d, _t in calls]
    assert len(calls) >= 3 and done == sorted(done) and done[0] == 10
    assert calls[-1] == (total, total) and all(t == total for _d, t in calls)
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == total + 1  # header
    assert audit_queries.search_audit(db, limit=1)[0].action == "audit.export"


def test_cancelled_export_leaves_no_file_and_no_record(
    db: Database, director: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "export" / "trail.csv"
    out.parent.mkdir()
    calls: list[int] = []
    with pytest.raises(audit.Cancelled):
        audit_queries.export_csv(
            db, director, out, progress=lambda d, _t: calls.append(d),
            cancelled=lambda: len(calls) >= 2, batch=10,
        )  # fmt: skip
    assert calls == [10, 20]
    assert list(out.parent.iterdir()) == []  # neither the file nor its .part
    assert audit_queries.search_audit(db, limit=1)[0].action != "audit.export"


def test_chain_check_reports_progress_and_stops_on_cancel(db: Database, director: Actor) -> None:
    total = audit.count_entries(db)
    calls: list[tuple[int, int]] = []
    report = audit.verify_audit_trail(db, batch=7, progress=lambda d, t: calls.append((d, t)))
    assert report.ok and report.checked == total
    done = [d for d, _t in calls]
    assert done == sorted(done) and done[0] == 7 and calls[-1] == (total, total)
    seen: list[int] = []
    with pytest.raises(audit.Cancelled):
        audit.verify_audit_trail(
            db, batch=7, progress=lambda d, _t: seen.append(d), cancelled=lambda: bool(seen)
        )
    assert seen == [7]
