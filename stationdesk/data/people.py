"""Grids, staff and mediators: who is where, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from stationdesk.data.database import Database
from stationdesk.data.leave import on_leave
from stationdesk.data.schema import Grid, GridStaff, Mediator, Staff
from stationdesk.domain.enums import CaseCategory, MediatorKind, StaffKind, Team


@dataclass(frozen=True)
class StaffInfo:
    id: int
    badge_no: str
    name: str
    kind: StaffKind
    team: Team | None
    phone: str
    volunteer_group: str
    on_leave: bool  # today (stationdesk.data.leave)
    active: bool
    version: int


@dataclass(frozen=True)
class GridInfo:
    id: int
    code: str
    name: str
    kind: str
    households: int
    officer_id: int | None
    officer_name: str
    officer_on_leave: bool
    visit_target_per_month: int
    helpers: tuple[str, ...]
    version: int

    @property
    def needs_attention(self) -> bool:
        """No responsible officer, or the officer is on leave."""
        return self.officer_id is None or self.officer_on_leave


@dataclass(frozen=True)
class MediatorInfo:
    id: int
    name: str
    kind: MediatorKind
    organisation: str
    phone: str
    skills: tuple[CaseCategory, ...]
    languages: str
    capacity_per_day: int
    active: bool
    version: int


def _staff(s: Staff, away: set[int]) -> StaffInfo:
    return StaffInfo(
        s.id,
        s.badge_no or "",
        s.name,
        s.kind,
        s.team,
        s.phone,
        s.volunteer_group,
        s.id in away,
        s.active,
        s.version,
    )


def list_staff(
    db: Database, kind: StaffKind | None = None, active_only: bool = True
) -> list[StaffInfo]:
    stmt = select(Staff).order_by(Staff.kind, Staff.name, Staff.id)
    if kind is not None:
        stmt = stmt.where(Staff.kind == kind)
    if active_only:
        stmt = stmt.where(Staff.active.is_(True))
    away = on_leave(db, date.today())
    with db.read() as s:
        return [_staff(x, away) for x in s.scalars(stmt)]


def list_grids(db: Database) -> list[GridInfo]:
    away = on_leave(db, date.today())
    officer = aliased(Staff)
    helper = aliased(Staff)
    with db.read() as s:
        helpers: dict[int, list[str]] = {}
        for grid_id, name in s.execute(
            select(GridStaff.grid_id, helper.name)
            .join(helper, helper.id == GridStaff.staff_id)
            .order_by(helper.name)
        ):
            helpers.setdefault(grid_id, []).append(name)
        rows = s.execute(
            select(Grid, officer.name)
            .outerjoin(officer, officer.id == Grid.responsible_officer_id)
            .order_by(Grid.code)
        ).all()
        return [
            GridInfo(
                g.id,
                g.code,
                g.name,
                g.kind,
                g.households,
                g.responsible_officer_id,
                oname or "",
                g.responsible_officer_id in away,
                g.visit_target_per_month,
                tuple(helpers.get(g.id, ())),
                g.version,
            )
            for g, oname in rows
        ]


def parse_skills(raw: str) -> tuple[CaseCategory, ...]:
    known = {c.value for c in CaseCategory}
    return tuple(CaseCategory(v) for v in raw.split(",") if v.strip() in known)


def list_mediators(db: Database, active_only: bool = True) -> list[MediatorInfo]:
    stmt = select(Mediator).order_by(Mediator.kind, Mediator.name)
    if active_only:
        stmt = stmt.where(Mediator.active.is_(True))
    with db.read() as s:
        return [
            MediatorInfo(
                m.id,
                m.name,
                m.kind,
                m.organisation,
                m.phone,
                parse_skills(m.skills),
                m.languages,
                m.capacity_per_day,
                m.active,
                m.version,
            )
            for m in s.scalars(stmt)
        ]
