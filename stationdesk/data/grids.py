"""The grid registry: each grid's responsible community officer and helpers.

"One officer for one village (grid)": every grid has one responsible police officer
plus auxiliary officers or police assistants. A grid with no officer, or whose
officer has left or is on leave today, is flagged for the command room. Only an
administrator (``Permission.MANAGE_STATION``) changes who is responsible; the
change is version-checked and audited like every other write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import flag_modified

from stationdesk.data.database import Database
from stationdesk.data.leave import on_leave
from stationdesk.data.schema import Grid, GridStaff, Staff
from stationdesk.data.uow import Actor, ConflictError, row_values, unit_of_work
from stationdesk.domain.community import GridFlag, grid_flag
from stationdesk.domain.enums import Permission, StaffKind
from stationdesk.domain.validation import FieldError, ValidationErrors

HELPER_KINDS = (StaffKind.AUXILIARY, StaffKind.ASSISTANT)


@dataclass(frozen=True)
class Helper:
    id: int
    name: str
    kind: StaffKind


@dataclass(frozen=True)
class GridRecord:
    """One line of the registry."""

    id: int
    code: str
    name: str
    kind: str  # village | community
    households: int
    officer_id: int | None
    officer_name: str
    officer_on_leave: bool
    officer_active: bool
    helpers: tuple[Helper, ...]
    version: int
    # Other grids the same officer is responsible for ("one officer for one grid").
    officer_other_grids: tuple[str, ...] = ()

    @property
    def flag(self) -> GridFlag:
        return grid_flag(self.officer_id, self.officer_active, self.officer_on_leave)


def grid_registry(db: Database, today: date | None = None) -> list[GridRecord]:
    """Every grid with its officer and helpers, by code; leave as on ``today``."""
    away = on_leave(db, today or date.today())
    officer = aliased(Staff)
    with db.read() as s:
        helpers: dict[int, list[Helper]] = {}
        for grid_id, sid, name, kind in s.execute(
            select(GridStaff.grid_id, Staff.id, Staff.name, Staff.kind)
            .join(Staff, Staff.id == GridStaff.staff_id)
            .order_by(Staff.kind, Staff.name, Staff.id)
        ):
            helpers.setdefault(grid_id, []).append(Helper(sid, name, kind))
        rows = s.execute(
            select(
                Grid.id,
                Grid.code,
                Grid.name,
                Grid.kind,
                Grid.households,
                Grid.responsible_officer_id,
                officer.name,
                officer.active,
                Grid.version,
            )
            .outerjoin(officer, officer.id == Grid.responsible_officer_id)
            .order_by(Grid.code)
        ).all()
    by_officer: dict[int, list[str]] = {}
    for r in rows:
        if r[5] is not None:
            by_officer.setdefault(r[5], []).append(r[2])
    return [
        GridRecord(
            gid,
            code,
            name,
            kind,
            households,
            oid,
            oname or "",
            oid in away,
            bool(oactive) if oid is not None else False,
            tuple(helpers.get(gid, ())),
            version,
            tuple(n for n in by_officer.get(oid, ()) if n != name) if oid is not None else (),
        )
        for gid, code, name, kind, households, oid, oname, oactive, version in rows
    ]


def reassign_grid(
    db: Database,
    actor: Actor,
    grid_id: int,
    expected_version: int,
    officer_id: int | None,
    helper_ids: Sequence[int],
) -> int:
    """Set a grid's responsible officer and helpers; returns the grid's new version.

    The officer must be an active police officer; helpers active auxiliaries or
    police assistants, not the officer. A grid saved by someone else since it was
    read raises ConflictError (nothing changes); bad choices raise ValidationErrors.
    """
    wanted = tuple(dict.fromkeys(helper_ids))  # keep order, drop repeats
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "grid.reassign") as uow:
        grid = uow.get(Grid, grid_id)
        if grid.version != expected_version:
            raise ConflictError(
                Grid.__tablename__,
                grid_id,
                expected_version,
                grid.version,
                row_values(grid),
                {"responsible_officer_id": officer_id, "helpers": list(wanted)},
            )
        people = {
            sid: (kind, active)
            for sid, kind, active in uow.session.execute(
                select(Staff.id, Staff.kind, Staff.active).where(
                    Staff.id.in_([*wanted, *([officer_id] if officer_id else [])])
                )
            )
        }
        errors: list[FieldError] = []
        if officer_id is not None and people.get(officer_id) != (StaffKind.POLICE, True):
            errors.append(FieldError("officer", "not_police_officer"))
        for sid in wanted:
            kind, active = people.get(sid, (None, False))
            if sid == officer_id:
                errors.append(FieldError("helpers", "helper_is_officer"))
            elif kind not in HELPER_KINDS or not active:
                errors.append(FieldError("helpers", "not_helper"))
        if errors:
            raise ValidationErrors(errors)
        current = tuple(
            uow.session.scalars(
                select(GridStaff.staff_id)
                .where(GridStaff.grid_id == grid_id)
                .order_by(GridStaff.staff_id)
            )
        )
        old = {"responsible_officer_id": grid.responsible_officer_id, "helpers": list(current)}
        new = {"responsible_officer_id": officer_id, "helpers": sorted(wanted)}
        if old == new:
            return grid.version
        uow.session.execute(delete(GridStaff).where(GridStaff.grid_id == grid_id))
        uow.session.add_all(GridStaff(grid_id=grid_id, staff_id=sid) for sid in wanted)
        grid.responsible_officer_id = officer_id
        # The version must move even when only the helpers changed: they are part of
        # what another workstation read.
        flag_modified(grid, "responsible_officer_id")
        uow.session.flush()
        uow.touch(grid, old, new)
        return grid.version


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    kind: StaffKind
    on_leave: bool  # today


def assignable_staff(db: Database, today: date | None = None) -> list[StaffChoice]:
    """Active police (officers), auxiliaries and assistants (helpers), by kind and name."""
    kinds = (StaffKind.POLICE, *HELPER_KINDS)
    away = on_leave(db, today or date.today())
    with db.read() as s:
        return [
            StaffChoice(sid, name, kind, sid in away)
            for sid, name, kind in s.execute(
                select(Staff.id, Staff.name, Staff.kind)
                .where(Staff.active.is_(True), Staff.kind.in_(kinds))
                .order_by(Staff.kind, Staff.name, Staff.id)
            )
        ]
