"""The demo station: deterministic, believable, and consistent with the station's rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stationdesk.data import demo, leave, migrate
from stationdesk.data.audit import recent_entries, verify_chain
from stationdesk.data.database import Database
from stationdesk.data.demo import DEMO_PASSWORD, generate_demo, is_empty
from stationdesk.data.mediation import mediator_board
from stationdesk.data.schema import (
    Case,
    CaseParty,
    CaseStatusChange,
    FollowUp,
    Grid,
    GridStaff,
    MediationSession,
    PatrolGrid,
    PatrolMember,
    PatrolShift,
    Staff,
)
from stationdesk.data.users import find_user, sign_in
from stationdesk.domain.deadlines import due_times
from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    PatrolStatus,
    Priority,
    ShiftKind,
    StaffKind,
    Team,
)
from stationdesk.domain.validation import validate_phone, validate_resident_id
from stationdesk.domain.workflow import can_transition

TODAY = date(2024, 5, 8)  # a Wednesday
NOW = datetime.combine(TODAY, time(10, 30))
CASES = 2000


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(str(tmp_path / "t.sqlite3"))
    migrate.upgrade(db)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def station(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, demo.DemoSummary]]:
    """One demo station shared by the read-only tests of this module."""
    db = Database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    summary = generate_demo(db, cases=CASES, seed=7, today=TODAY)
    yield db, summary
    db.dispose()


def first_cases(db: Database, n: int = 20) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(select(Case.case_no, Case.summary).order_by(Case.id).limit(n))
        ]


def test_same_seed_gives_the_same_station(
    station: tuple[Database, demo.DemoSummary], tmp_path: Path
) -> None:
    db, summary = station
    again = Database(str(tmp_path / "again.sqlite3"))
    assert generate_demo(again, cases=CASES, seed=7, today=TODAY) == summary
    assert first_cases(again) == first_cases(db)
    other = Database(str(tmp_path / "other.sqlite3"))
    generate_demo(other, cases=CASES, seed=8, today=TODAY)
    assert first_cases(other) != first_cases(db)


def test_helper_process_makes_the_same_rows(
    station: tuple[Database, demo.DemoSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large demos make their rows in a second process; the rows must not change."""
    monkeypatch.setattr(demo, "SPAWN_FROM", 100)
    db, summary = station
    spawned = Database(str(tmp_path / "spawned.sqlite3"))
    assert generate_demo(spawned, cases=CASES, seed=7, today=TODAY) == summary
    columns = (Case.case_no, Case.status, Case.reported_at, Case.updated_at, Case.owner_staff_id)
    with db.engine.connect() as a, spawned.engine.connect() as b:
        query = select(*columns).order_by(Case.id)
        assert a.execute(query).all() == b.execute(query).all()
        parties = select(CaseParty.case_id, CaseParty.resident_id).order_by(CaseParty.id)
        assert a.execute(parties).all() == b.execute(parties).all()


def test_counts_and_an_empty_database_check(station: tuple[Database, demo.DemoSummary]) -> None:
    db, summary = station
    assert summary.cases == CASES
    assert summary.grids == 12
    assert 35 <= summary.staff <= 45 and 25 <= summary.volunteers <= 35
    assert summary.mediators == 8 and summary.users == 5
    assert summary.parties > CASES and summary.status_changes > 2 * CASES
    assert not is_empty(db)
    with pytest.raises(ValueError, match="already"):
        generate_demo(db, cases=10, today=TODAY)


def test_an_empty_database_is_empty(sqlite_db: Database) -> None:
    assert is_empty(sqlite_db)


def test_cases_are_mostly_disputes_and_span_ninety_days(
    station: tuple[Database, demo.DemoSummary],
) -> None:
    db, _ = station
    with db.engine.connect() as conn:
        categories = Counter(
            dict(conn.execute(select(Case.category, func.count()).group_by(Case.category)).all())
        )
        first, last = conn.execute(
            select(func.min(Case.reported_at), func.max(Case.reported_at))
        ).one()
    disputes = sum(n for c, n in categories.items() if CaseCategory(c).is_dispute)
    assert disputes > CASES / 2
    assert 0.10 < categories[CaseCategory.ASSISTANCE] / CASES < 0.20
    assert all(categories[c] > 0 for c in CaseCategory)
    assert last <= NOW and first >= NOW - timedelta(days=90)


def test_case_numbers_deadlines_and_owners(station: tuple[Database, demo.DemoSummary]) -> None:
    db, _ = station
    with db.read() as s:
        cases = s.scalars(select(Case)).all()
    numbers = [c.case_no for c in cases]
    assert len(set(numbers)) == len(numbers)
    for c in cases:
        assert re.fullmatch(r"\d{8}-\d{4,}", c.case_no)
        assert c.case_no.startswith(c.reported_at.strftime("%Y%m%d"))
        assert (c.first_response_due, c.resolution_due) == due_times(
            c.reported_at, c.priority, c.category
        )
        assert (c.owner_staff_id is None) == (c.status == CaseStatus.NEW)
        assert (c.closed_at is not None) == (not c.status.is_open)
        assert c.reported_at <= c.updated_at <= NOW
    statuses = Counter(c.status for c in cases)
    assert statuses[CaseStatus.CLOSED] > CASES / 3  # most old cases are finished
    assert statuses[CaseStatus.NEW] > 0 and statuses[CaseStatus.IN_MEDIATION] > 0
    recent = [c for c in cases if NOW - c.reported_at < timedelta(hours=2)]
    assert recent and all(c.status.is_open for c in recent)
    assert Counter(c.priority for c in cases)[Priority.NORMAL] > CASES / 3
    assert 0 < sum(c.is_repeat for c in cases) < CASES * 0.06


def test_status_history_follows_the_workflow(station: tuple[Database, demo.DemoSummary]) -> None:
    db, _ = station
    with db.engine.connect() as conn:
        status = dict(conn.execute(select(Case.id, Case.status)).all())
        rows = conn.execute(
            select(CaseStatusChange.case_id, CaseStatusChange.from_status,
                   CaseStatusChange.to_status, CaseStatusChange.at, CaseStatusChange.reason)
            .order_by(CaseStatusChange.case_id, CaseStatusChange.id)
        ).all()  # fmt: skip
    history: dict[int, list[tuple[CaseStatus | None, CaseStatus, datetime, str]]] = {}
    for case_id, from_, to, at, reason in rows:
        history.setdefault(case_id, []).append((from_, to, at, reason))
    assert set(history) == set(status)
    for case_id, steps in history.items():
        assert steps[0][:2] == (None, CaseStatus.NEW)
        assert steps[-1][1] == status[case_id]
        for (_f, prev, prev_at, _r), (from_, to, at, reason) in pairwise(steps):
            assert from_ == prev and can_transition(prev, to), (case_id, steps)
            assert at >= prev_at
            if to in (CaseStatus.ESCALATED, CaseStatus.REFERRED):
                assert reason


def test_every_grid_has_one_responsible_community_officer(
    station: tuple[Database, demo.DemoSummary],
) -> None:
    db, _ = station
    with db.read() as s:
        grids = s.scalars(select(Grid)).all()
        staff = {x.id: x for x in s.scalars(select(Staff))}
        helpers = Counter(g for g, _ in s.execute(select(GridStaff.grid_id, GridStaff.staff_id)))
        helper_kinds = {staff[i].kind for i in s.scalars(select(GridStaff.staff_id))}
    officers = [staff[g.responsible_officer_id] for g in grids if g.responsible_officer_id]
    assert len(officers) == len(grids) == len({o.id for o in officers})
    assert all(o.kind == StaffKind.POLICE and o.team == Team.COMMUNITY_POLICING for o in officers)
    away = leave.on_leave(db, TODAY)
    assert sum(o.id in away for o in officers) == 1  # one grid the duty officer must notice
    assert all(1 <= helpers[g.id] <= 2 for g in grids)
    assert helper_kinds <= {StaffKind.AUXILIARY, StaffKind.ASSISTANT}
    assert {g.kind for g in grids} == {"village", "community"}
    assert all(300 <= g.households <= 3000 for g in grids)
    police = [x for x in staff.values() if x.kind == StaffKind.POLICE]
    assert all(re.fullmatch(r"\d{6}", x.badge_no or "") for x in police)
    assert {x.team for x in police} == set(Team)


def test_parties_have_valid_resident_ids_and_phones(
    station: tuple[Database, demo.DemoSummary],
) -> None:
    db, _ = station
    with db.engine.connect() as conn:
        parties = conn.execute(
            select(CaseParty.case_id, CaseParty.resident_id, CaseParty.phone)
        ).all()
    per_case = Counter(case_id for case_id, _, _ in parties)
    assert set(per_case.values()) <= {1, 2, 3}
    for _, resident_id, phone in parties:
        assert validate_resident_id(resident_id, today=TODAY) == resident_id
        assert validate_phone(phone) == phone


def test_every_grid_is_patrolled_day_and_night_today(
    station: tuple[Database, demo.DemoSummary],
) -> None:
    db, _ = station
    start = datetime.combine(TODAY, time())
    with db.read() as s:
        grid_ids = set(s.scalars(select(Grid.id)))
        shifts = s.scalars(select(PatrolShift)).all()
        covered: dict[int, set[int]] = {}
        for shift_id, grid_id in s.execute(select(PatrolGrid.shift_id, PatrolGrid.grid_id)):
            covered.setdefault(shift_id, set()).add(grid_id)
        crews: dict[int, list[StaffKind]] = {}
        for shift_id, kind in s.execute(
            select(PatrolMember.shift_id, Staff.kind).join(Staff, Staff.id == PatrolMember.staff_id)
        ):
            crews.setdefault(shift_id, []).append(kind)
    for kind in (ShiftKind.DAY, ShiftKind.NIGHT):
        today = [
            x for x in shifts if x.kind == kind and start <= x.starts_at < start + timedelta(days=1)
        ]
        assert 3 <= len(today) <= 4
        assert set().union(*(covered[x.id] for x in today)) == grid_ids
    assert min(x.starts_at for x in shifts).date() == TODAY - timedelta(days=14)
    assert max(x.starts_at for x in shifts).date() == TODAY + timedelta(days=14)
    for x in shifts:
        assert 2 <= len(crews[x.id]) <= 4 and StaffKind.POLICE in crews[x.id]
        if x.ends_at <= NOW:
            assert x.status in (PatrolStatus.COMPLETED, PatrolStatus.MISSED)
        elif x.starts_at <= NOW:
            assert x.status == PatrolStatus.ON_PATROL and x.checked_in_at is not None
        else:
            assert x.status == PatrolStatus.PLANNED


def test_some_mediators_are_busy_today(station: tuple[Database, demo.DemoSummary]) -> None:
    db, _ = station
    board = mediator_board(db, NOW)
    assert any(m.sessions_today > 0 for m in board)
    assert any(not m.free_now and m.sessions_today > 0 for m in board)
    assert any(m.absent_reason == "court_day" for m in board)
    assert all(m.sessions_today <= m.capacity_per_day for m in board)
    with db.read() as s:
        sessions = s.scalars(select(MediationSession)).all()
        follow_ups = s.scalars(select(FollowUp)).all()
    assert any(x.starts_at > NOW for x in sessions)  # booked in the coming days
    agreements = {x.id: x for x in sessions if x.outcome == MediationOutcome.AGREEMENT}
    assert agreements
    due = Counter((f.session_id, (f.due_on - agreements[f.session_id].starts_at.date()).days)
                  for f in follow_ups)  # fmt: skip
    assert set(d for _, d in due) == {7, 30}
    assert all(due[(sid, 7)] == 1 and due[(sid, 30)] == 1 for sid in agreements)


def test_demo_users_can_sign_in_and_generation_is_audited(
    station: tuple[Database, demo.DemoSummary],
) -> None:
    db, _ = station
    for name in ("admin", "duty", "director", "zhang.community", "mediator1"):
        assert find_user(db, name) is not None
    assert find_user(db, "zhang.community").display_name.startswith("张")  # type: ignore[union-attr]
    assert sign_in(db, "duty", DEMO_PASSWORD).username == "duty"
    assert any(e.action == "demo.generate" for e in recent_entries(db))
    assert verify_chain(db).ok


def test_a_failed_load_leaves_the_database_as_it_was(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_db.engine.connect() as conn:
        indexes_before = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).all()

    def broken(self: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo._Generator, "patrols", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        generate_demo(sqlite_db, cases=300, today=TODAY)
    assert is_empty(sqlite_db)
    with sqlite_db.engine.connect() as conn:
        assert (
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).all()
            == indexes_before
        )
        assert conn.execute(select(func.count()).select_from(CaseParty)).scalar_one() == 0
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
