"""Keyset paging while other workstations keep recording cases.

Between two page fetches new cases arrive, some sorting before the page boundary,
some after it and some tied with the boundary row on the sort value. Paging on must
never show a case twice, nor skip a case that existed when the officer started.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from sqlalchemy import delete, insert

from stationdesk.data import cases
from stationdesk.data.database import Database
from stationdesk.data.schema import Case
from stationdesk.domain.enums import CaseCategory, CaseSource, CaseStatus, Priority

NOW = datetime(2026, 11, 28, 9, 0)
_numbers = itertools.count(1)


def _bulk(db: Database, rows: list[dict[str, object]]) -> None:
    with db.write_engine.begin() as conn:
        conn.execute(insert(Case), rows)


def _case(reported_at: datetime, priority: Priority, status: CaseStatus) -> dict[str, object]:
    n = next(_numbers)
    return {
        "case_no": f"T{n:06d}",
        "category": CaseCategory.THEFT,
        "source": CaseSource.PHONE,
        "priority": priority,
        "status": status,
        "address": "",
        "summary": f"case {n}",
        "description": "",
        "reported_at": reported_at,
        "created_at": reported_at,
        "updated_at": reported_at,
        # Every fifth case has no deadline: NULLs sort last in both directions.
        "resolution_due": None if n % 5 == 0 else reported_at + timedelta(hours=n % 7),
        "is_repeat": False,
        "notable": False,
        "version": 1,
    }


def _starting_set(db: Database) -> None:
    with db.write_engine.begin() as conn:
        conn.execute(delete(Case))
    rows = []
    for i in range(60):
        # Whole-hour times repeat, so many rows tie on the sort value.
        rows.append(_case(NOW - timedelta(hours=i // 3), list(Priority)[i % 4],
                          list(CaseStatus)[i % 8]))  # fmt: skip
    _bulk(db, rows)


def _inserts_around(boundary: cases.CaseRow) -> list[dict[str, object]]:
    """New cases before, after and tied with the page's last row."""
    return [
        _case(NOW + timedelta(days=1), Priority.URGENT, CaseStatus.NEW),
        _case(NOW - timedelta(days=30), Priority.LOW, CaseStatus.CLOSED),
        _case(boundary.reported_at, boundary.priority, boundary.status),
        _case(boundary.reported_at, boundary.priority, boundary.status),
    ]


def test_pages_stay_correct_while_cases_are_inserted(db: Database) -> None:
    for column in ("reported_at", "priority", "status", "case_no", "resolution_due"):
        for descending in (True, False):
            _starting_set(db)
            sort = cases.CaseSort(column, descending)
            existing = {r.id for r in cases.list_cases_page(db, sort=sort, limit=10_000).rows}
            seen: list[int] = []
            key = None
            while True:
                page = cases.list_cases_page(db, sort=sort, after=key, limit=7)
                seen += [r.id for r in page.rows]
                if page.next_key is None:
                    break
                # Another workstation records cases between two page fetches.
                _bulk(db, _inserts_around(page.rows[-1]))
                key = page.next_key
            where = f"{column} {'desc' if descending else 'asc'}"
            assert len(seen) == len(set(seen)), f"a case shown twice ({where})"
            assert existing <= set(seen), f"cases skipped ({where})"
