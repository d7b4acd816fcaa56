"""The case list's fast SQLite page read gives exactly what SQLAlchemy's own read gives.

On SQLite ``cases.list_cases_page`` runs its statement (compiled once per filter)
straight on the driver's cursor and converts the values itself; on PostgreSQL it goes
through SQLAlchemy. Every filter and sort of the list, paged to the end, must give the
same rows either way -- and the same on both back ends.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, select, update

from stationdesk.data import cases
from stationdesk.data.database import Database
from stationdesk.data.schema import Case, CaseParty, Grid, Staff
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    PartyRole,
    Priority,
    StaffKind,
    Team,
)

NOW = datetime(2026, 11, 28, 9, 0)
F = cases.CaseFilter


def _station(db: Database) -> tuple[int, int]:
    """90 cases: ties on every sort value, NULL deadlines, grids, owners, teams, parties."""
    with db.write_engine.begin() as conn:
        grid = conn.execute(
            insert(Grid).values(code="G01", name="东关社区", version=1).returning(Grid.id)
        ).scalar_one()
        staff = conn.execute(
            insert(Staff)
            .values(name="王警官", kind=StaffKind.POLICE, version=1)
            .returning(Staff.id)
        ).scalar_one()
        rows = []
        for n in range(90):
            at = NOW - timedelta(hours=n // 3, microseconds=(n % 2) * 500)
            rows.append(
                {
                    "case_no": f"20261128-{n:04d}",
                    "category": list(CaseCategory)[n % len(CaseCategory)],
                    "source": CaseSource.PHONE,
                    "priority": list(Priority)[n % 4],
                    "status": list(CaseStatus)[n % len(CaseStatus)],
                    "grid_id": grid if n % 3 else None,
                    "owner_staff_id": staff if n % 4 == 1 else None,
                    "owner_team": Team.LAW_ENFORCEMENT if n % 4 == 2 else None,
                    "address": f"东关{n % 5}号",
                    "summary": f"邻里纠纷 {n}" if n % 2 else f"漏水 {n}",
                    "description": "",
                    "reported_at": at,
                    "created_at": at,
                    "updated_at": at,
                    "resolution_due": None if n % 5 == 0 else at + timedelta(hours=n % 7),
                    "is_repeat": n % 6 == 0,
                    "notable": False,
                    "version": 1 + n % 3,
                }
            )
        conn.execute(insert(Case), rows)
        first = conn.execute(select(Case.id).order_by(Case.id)).scalars().first()
        conn.execute(
            insert(CaseParty), [{"case_id": first, "name": "张三", "role": PartyRole.COMPLAINANT}]
        )
        conn.execute(update(Case).where(Case.id == first).values(summary="无关"))
    return grid, staff


def _through_sqlalchemy(
    db: Database,
    f: cases.CaseFilter,
    sort: cases.CaseSort,
    after: cases.PageKey | None,
    limit: int,
) -> list[cases.CaseRow]:
    """The same statement and parameters, executed and converted by SQLAlchemy."""
    kind = "" if after is None else "null" if after.value is None else "value"
    stmt = cases._page_statement(f, sort, kind, limit)
    params = {cases._AT: NOW + timedelta(hours=2)}
    if after is not None:
        params |= {cases._AFTER_ID: after.id, cases._AFTER_VALUE: after.value}
    with db.engine.connect() as conn:
        return [cases._row(r) for r in conn.execute(stmt, params)]


def test_every_filter_and_sort_pages_the_same_as_sqlalchemy(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid, staff = _station(db)
    monkeypatch.setattr(cases, "now", lambda: NOW + timedelta(hours=2))
    filters = [
        F(),
        F(open_only=True),
        F(overdue_only=True),
        F(open_only=True, unassigned_only=True),
        F(statuses=frozenset({CaseStatus.NEW, CaseStatus.CLOSED})),
        F(categories=frozenset({CaseCategory.FRAUD})),
        F(priorities=frozenset({Priority.URGENT, Priority.LOW})),
        F(open_only=True, grid_ids=frozenset({grid})),
        F(owner_staff_ids=frozenset({staff}), owner_teams=frozenset({Team.LAW_ENFORCEMENT})),
        F(text="纠纷"),
        F(text="张三"),
        F(text="20261128-0007"),
        F(reported_since=NOW - timedelta(hours=10), reported_before=NOW - timedelta(hours=2)),
        F(repeat_only=True, open_only=True),
    ]
    sorts = [
        cases.CaseSort(column, descending)
        for column, descending in itertools.product(cases.SORT_COLUMNS, (True, False))
    ]
    for f, sort in itertools.product(filters, sorts):
        seen: list[cases.CaseRow] = []
        after = None
        for _ in range(200):
            page = cases.list_cases_page(db, f, sort, after, limit=7)
            # The fast read and SQLAlchemy's agree row for row, field for field.
            expected = _through_sqlalchemy(db, f, sort, after, 7)[:7]
            assert list(page.rows) == expected, (f, sort, after)
            for got, want in zip(page.rows, expected, strict=True):
                assert [type(v) for v in got] == [type(v) for v in want]
            seen.extend(page.rows)
            if page.next_key is None:
                break
            after = page.next_key
        # Paged to the end: each matching case exactly once.
        assert len({r.id for r in seen}) == len(seen) == cases.count_cases(db, f), (f, sort)
