"""Read-only case queries the case list needs beyond :mod:`stationdesk.data.cases`.

The list and count with the filter bar's "repeat reports only" switch, a check of
which new case ids match the list's filter, the grids of the signed-in officer (the
"My grid" preset) and the recent addresses the intake form suggests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select

from stationdesk.data import cases
from stationdesk.data.cases import PAGE_SIZE, CaseFilter, CasePage, CaseSort, PageKey
from stationdesk.data.database import Database
from stationdesk.data.schema import Case, Grid, User


def _with_repeat(case_filter: CaseFilter | None, repeat_only: bool) -> CaseFilter:
    base = case_filter or CaseFilter()
    return replace(base, repeat_only=True) if repeat_only else base


def list_cases_page(
    db: Database,
    case_filter: CaseFilter | None = None,
    sort: CaseSort | None = None,
    after: PageKey | None = None,
    limit: int = PAGE_SIZE,
    *,
    repeat_only: bool = False,
) -> CasePage:
    """``cases.list_cases_page`` with the filter bar's "repeat reports only" switch."""
    return cases.list_cases_page(
        db, _with_repeat(case_filter, repeat_only), sort or CaseSort(), after, limit
    )


def count_cases(
    db: Database, case_filter: CaseFilter | None = None, *, repeat_only: bool = False
) -> int:
    """How many cases the list would show in all (for the "N cases" line)."""
    return cases.count_cases(db, _with_repeat(case_filter, repeat_only))


def matching_case_ids(
    db: Database,
    case_filter: CaseFilter,
    ids: Sequence[int],
    *,
    repeat_only: bool = False,
) -> set[int]:
    """Which of ``ids`` the list with this filter would show (for new cases from the feed)."""
    if not ids:
        return set()
    conds = cases.filter_conditions(_with_repeat(case_filter, repeat_only))
    stmt = select(Case.id).where(Case.id.in_(list(ids)), *conds)
    with db.engine.connect() as conn:
        return {int(r[0]) for r in conn.execute(stmt)}


def recent_addresses(db: Database, limit: int = 500, scan: int = 3000) -> list[str]:
    """Distinct addresses of the latest ``scan`` reports, newest first (intake completer).

    Reads the newest rows through the reported-at index and de-duplicates in Python,
    which stays cheap however many cases the station has.
    """
    stmt = (
        select(Case.address)
        .where(Case.address != "")
        .order_by(Case.reported_at.desc(), Case.id.desc())
        .limit(scan)
    )
    seen: dict[str, None] = {}
    with db.engine.connect() as conn:
        for (address,) in conn.execute(stmt):
            seen.setdefault(address, None)
            if len(seen) >= limit:
                break
    return list(seen)


def my_grid_ids(db: Database, user_id: int | None) -> frozenset[int]:
    """Grids whose responsible officer is the signed-in user's staff record.

    Empty for an account without a staff record or whose officer has no grid.
    """
    if user_id is None:
        return frozenset()
    stmt = (
        select(Grid.id)
        .join(User, User.staff_id == Grid.responsible_officer_id)
        .where(User.id == user_id)
    )
    with db.engine.connect() as conn:
        return frozenset(int(r[0]) for r in conn.execute(stmt))
