"""The command palette's search (Ctrl+K): a case by its number, a grid, a person.

Read-only and cheap enough to run on every keystroke (the palette waits ~150 ms after
the last one): case numbers are found through the unique index on ``case_no`` (a prefix
is a range scan, never a ``LIKE '%…%'`` over every case), grids, staff and mediators
are the station's few hundred rows. Parties' names are *not* searched: finding a
resident by name is personal data and goes through the case list's audited search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from stationdesk.data.database import Database
from stationdesk.data.schema import Case, Grid, Mediator, Staff
from stationdesk.domain.enums import CaseCategory, CaseStatus, MediatorKind, StaffKind, Team

CASE_NO_CHARS = re.compile(r"[0-9-]+", re.ASCII)
# "12" or "0012": case 0012 of one of the last few days (numbers restart each day).
SEQUENCE_ONLY = re.compile(r"\d{1,4}", re.ASCII)
RECENT_DAYS = 7
MAX_CASES = 8
MAX_PER_KIND = 6
MAX_QUERY = 50


class HitKind(StrEnum):
    CASE = "case"
    GRID = "grid"
    STAFF = "staff"
    MEDIATOR = "mediator"


@dataclass(frozen=True)
class SearchHit:
    """One thing the officer can jump to. ``kind`` says which fields are filled."""

    kind: HitKind
    id: int
    title: str  # case no., grid name, person's name
    detail: str = ""  # case summary, grid's officer, staff badge no., mediator's organisation
    when: datetime | None = None  # a case's report time
    status: CaseStatus | None = None
    category: CaseCategory | None = None
    team: Team | None = None
    staff_kind: StaffKind | None = None
    mediator_kind: MediatorKind | None = None


def _next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _case_hit(row: Any) -> SearchHit:
    """A case row (id, case_no, summary, reported_at, status, category) as a hit."""
    return SearchHit(
        HitKind.CASE,
        int(row.id),
        str(row.case_no),
        str(row.summary or ""),
        when=row.reported_at,
        status=CaseStatus(row.status),
        category=CaseCategory(row.category),
    )


def find_cases(db: Database, text: str, today: date, limit: int = MAX_CASES) -> list[SearchHit]:
    """Cases whose number starts with ``text``, and for 1-4 digits the case of that
    sequence number on one of the last ``RECENT_DAYS`` days; newest first."""
    text = text.strip()
    if not text or not CASE_NO_CHARS.fullmatch(text):
        return []
    columns = (Case.id, Case.case_no, Case.summary, Case.reported_at, Case.status, Case.category)
    hits: dict[int, SearchHit] = {}
    with db.engine.connect() as conn:
        if SEQUENCE_ONLY.fullmatch(text):
            numbers = [
                f"{today - timedelta(days=d):%Y%m%d}-{int(text):04d}" for d in range(RECENT_DAYS)
            ]
            stmt = select(*columns).where(Case.case_no.in_(numbers))
            for row in conn.execute(stmt):
                hits[int(row[0])] = _case_hit(row)
        if len(text) >= 4:  # shorter prefixes match thousands of numbers: no use
            stmt = (
                select(*columns)
                .where(Case.case_no >= text, Case.case_no < _next_prefix(text))
                .order_by(Case.case_no.desc())
                .limit(limit)
            )
            for row in conn.execute(stmt):
                hits.setdefault(int(row[0]), _case_hit(row))
    ordered = sorted(hits.values(), key=lambda h: h.title, reverse=True)
    return ordered[:limit]


def _matches(needle: str, *haystack: str | None) -> bool:
    return any(needle in (h or "").casefold() for h in haystack)


def find_grids(db: Database, text: str, limit: int = MAX_PER_KIND) -> list[SearchHit]:
    """Grids whose name or code contains ``text`` (any case)."""
    needle = text.strip().casefold()
    if not needle:
        return []
    stmt = (
        select(Grid.id, Grid.name, Grid.code, Staff.name)
        .outerjoin(Staff, Staff.id == Grid.responsible_officer_id)
        .order_by(Grid.code)
    )
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [
        SearchHit(HitKind.GRID, int(gid), str(name), str(officer or ""))
        for gid, name, code, officer in rows
        if _matches(needle, name, code)
    ][:limit]


def find_people(db: Database, text: str, limit: int = MAX_PER_KIND) -> list[SearchHit]:
    """Active staff (by name or badge number) and mediators (by name) containing ``text``."""
    needle = text.strip().casefold()
    if not needle:
        return []
    staff_stmt = (
        select(Staff.id, Staff.name, Staff.badge_no, Staff.kind, Staff.team)
        .where(Staff.active.is_(True))
        .order_by(Staff.name, Staff.id)
    )
    mediator_stmt = (
        select(Mediator.id, Mediator.name, Mediator.organisation, Mediator.kind)
        .where(Mediator.active.is_(True))
        .order_by(Mediator.name, Mediator.id)
    )
    with db.engine.connect() as conn:
        staff_rows = conn.execute(staff_stmt).all()
        mediator_rows = conn.execute(mediator_stmt).all()
    staff = [
        SearchHit(
            HitKind.STAFF,
            int(sid),
            str(name),
            str(badge or ""),
            team=Team(team) if team else None,
            staff_kind=StaffKind(kind),
        )
        for sid, name, badge, kind, team in staff_rows
        if _matches(needle, name, badge)
    ]
    mediators = [
        SearchHit(
            HitKind.MEDIATOR, int(mid), str(name), str(org or ""), mediator_kind=MediatorKind(k)
        )
        for mid, name, org, k in mediator_rows
        if _matches(needle, name)
    ]
    return (staff[:limit] + mediators[:limit])[: 2 * limit]


def search(db: Database, text: str, today: date | None = None) -> list[SearchHit]:
    """Everything the palette lists for ``text``: cases first, then grids, then people."""
    text = text.strip()[:MAX_QUERY]
    if not text:
        return []
    day = today or datetime.now().date()
    return [*find_cases(db, text, day), *find_grids(db, text), *find_people(db, text)]
