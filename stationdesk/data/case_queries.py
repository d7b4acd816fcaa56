"""Read-only case queries the case list needs beyond :mod:`stationdesk.data.cases`.

Everything here is additive: the same select, filter and keyset rules as
``cases.list_cases_page``, plus the "repeat reports only" condition the filter bar
offers (``CaseFilter`` has no field for it yet), a check of which new case ids
match the list's filter, and the recent addresses the intake form suggests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from stationdesk.data import cases
from stationdesk.data.cases import PAGE_SIZE, CaseFilter, CasePage, CaseSort, PageKey
from stationdesk.data.database import Database
from stationdesk.data.schema import Case


def _conditions(case_filter: CaseFilter, repeat_only: bool) -> list[ColumnElement[bool]]:
    conds = cases.filter_conditions(case_filter)
    if repeat_only:
        conds.append(Case.is_repeat.is_(True))
    return conds


def list_cases_page(
    db: Database,
    case_filter: CaseFilter | None = None,
    sort: CaseSort | None = None,
    after: PageKey | None = None,
    limit: int = PAGE_SIZE,
    *,
    repeat_only: bool = False,
) -> CasePage:
    """``cases.list_cases_page`` with an optional "repeat reports only" condition."""
    case_filter = case_filter or CaseFilter()
    sort = sort or CaseSort()
    if not repeat_only:
        return cases.list_cases_page(db, case_filter, sort, after, limit)
    col: Any = cases.SORT_COLUMNS[sort.column]
    stmt = cases._list_select().where(*_conditions(case_filter, repeat_only))
    if after is not None:
        if after.value is None:
            newer = Case.id < after.id if sort.descending else Case.id > after.id
            stmt = stmt.where(col.is_(None), newer)
        elif sort.descending:
            stmt = stmt.where(
                or_(col < after.value, and_(col == after.value, Case.id < after.id), col.is_(None))
            )
        else:
            stmt = stmt.where(
                or_(col > after.value, and_(col == after.value, Case.id > after.id), col.is_(None))
            )
    if sort.descending:
        stmt = stmt.order_by(col.desc().nulls_last(), Case.id.desc())
    else:
        stmt = stmt.order_by(col.asc().nulls_last(), Case.id.asc())
    with db.engine.connect() as conn:
        raw = conn.execute(stmt.limit(limit + 1)).all()
    rows = tuple(cases._row(r) for r in raw[:limit])
    next_key = None
    if len(raw) > limit:
        next_key = PageKey(cases._sort_value(rows[-1], sort.column), rows[-1].id)
    return CasePage(rows, next_key)


def count_cases(
    db: Database, case_filter: CaseFilter | None = None, *, repeat_only: bool = False
) -> int:
    """How many cases the list would show in all (for the "N cases" line)."""
    case_filter = case_filter or CaseFilter()
    if not repeat_only:
        return cases.count_cases(db, case_filter)
    stmt = select(func.count()).select_from(Case).where(*_conditions(case_filter, repeat_only))
    with db.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


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
    stmt = select(Case.id).where(Case.id.in_(list(ids)), *_conditions(case_filter, repeat_only))
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
