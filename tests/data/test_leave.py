"""Dated staff leave on SQLite and PostgreSQL: recording, overlap, the week board's leave
check with its reason, the grid flag, and the upgrade from the old yes/no flag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text
from test_roster_crews import add_grid, add_staff

from stationdesk.data import grids, leave, migrate, patrols, roster_board
from stationdesk.data.database import Database
from stationdesk.data.patrols import ShiftDraft
from stationdesk.data.schema import AuditEntry, Grid, Staff
from stationdesk.data.schema_roster import StaffLeave
from stationdesk.data.uow import (
    SYSTEM,
    Actor,
    ConflictError,
    PermissionDeniedError,
    unit_of_work,
)
from stationdesk.domain.community import GridFlag
from stationdesk.domain.enums import LeaveKind, Permission, Role, ShiftKind, StaffKind
from stationdesk.domain.validation import ValidationErrors

MON = date(2025, 3, 10)  # an ordinary working week


def day(n: int) -> date:
    return MON + timedelta(days=n)


def at(n: int, hour: int) -> datetime:
    return datetime.combine(day(n), time(hour))


def leave_rows(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(StaffLeave)) or 0)


def test_leave_is_recorded_listed_and_read_by_day(db: Database, duty: Actor) -> None:
    wang, li = add_staff(db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY))
    lid = leave.record_leave(db, duty, wang, day(1), day(3), LeaveKind.ANNUAL, "  回老家探亲 ")
    leave.record_leave(db, duty, li, day(3), None, LeaveKind.SICK, "")
    assert leave.on_leave(db, day(0)) == set()
    assert leave.on_leave(db, day(2)) == {wang}
    assert leave.on_leave(db, day(3)) == {wang, li}
    assert leave.on_leave(db, day(300)) == {li}  # until further notice
    (mine,) = leave.leave_of(db, wang)
    assert (mine.id, mine.first_day, mine.last_day) == (lid, day(1), day(3))
    assert mine.reason == "回老家探亲" and mine.kind == LeaveKind.ANNUAL
    assert mine.created_by == duty.display_name
    assert [p.staff_name for p in leave.leave_between(db, day(3), day(4))] == ["李娜", "王伟"]
    assert leave.leave_between(db, day(4), day(9), staff_id=wang) == []
    with db.read() as s:
        actions = set(s.scalars(select(AuditEntry.action)))
    assert "leave.record:insert" in actions


def test_wrong_input_is_refused_field_by_field_and_nothing_is_saved(
    db: Database, duty: Actor
) -> None:
    (wang,) = add_staff(db, ("王伟", StaffKind.POLICE))
    with pytest.raises(ValidationErrors) as bad:
        leave.record_leave(db, duty, wang, day(3), day(1), LeaveKind.ANNUAL, "x" * 201)
    assert {f: e.code for f, e in bad.value.by_field().items()} == {
        "last_day": "ends_before_start",
        "reason": "too_long",
    }
    with pytest.raises(ValidationErrors) as bad:
        leave.record_leave(db, duty, 9999, day(1), day(2), LeaveKind.SICK)
    assert bad.value.by_field()["staff"].code == "unknown_person"
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test") as uow:
        uow.update(Staff, wang, 1, active=False)
    with pytest.raises(ValidationErrors) as bad:
        leave.record_leave(db, duty, wang, day(1), day(2), LeaveKind.SICK)
    assert bad.value.by_field()["staff"].code == "unknown_person"  # left the station
    assert leave_rows(db) == 0


def test_overlapping_leave_is_refused_naming_the_field_inside_the_other_period(
    db: Database, duty: Actor
) -> None:
    wang, li = add_staff(db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY))
    leave.record_leave(db, duty, wang, day(2), day(4), LeaveKind.ANNUAL)
    with pytest.raises(ValidationErrors) as bad:  # starts inside 2..4
        leave.record_leave(db, duty, wang, day(4), day(6), LeaveKind.SICK)
    err = bad.value.by_field()["first_day"]
    assert err.code == "leave_overlaps"
    assert err.params == {
        "first_day": day(2).isoformat(),
        "last_day": day(4).isoformat(),
        "kind": "annual",
    }
    with pytest.raises(ValidationErrors) as bad:  # ends inside 2..4
        leave.record_leave(db, duty, wang, day(0), day(2), LeaveKind.SICK)
    assert set(bad.value.by_field()) == {"last_day"}
    with pytest.raises(ValidationErrors) as bad:  # open-ended, from before
        leave.record_leave(db, duty, wang, day(-5), None, LeaveKind.OTHER)
    assert set(bad.value.by_field()) == {"last_day"}
    assert leave_rows(db) == 1
    # The days either side, and someone else on the same days, are fine.
    leave.record_leave(db, duty, wang, day(0), day(1), LeaveKind.SICK)
    leave.record_leave(db, duty, wang, day(5), None, LeaveKind.TRAINING)
    leave.record_leave(db, duty, li, day(2), day(4), LeaveKind.ANNUAL)
    assert leave_rows(db) == 4
    with pytest.raises(ValidationErrors) as bad:  # anything after an open-ended period
        leave.record_leave(db, duty, wang, day(40), day(41), LeaveKind.ANNUAL)
    assert set(bad.value.by_field()) == {"first_day"}


def test_cancel_and_end_are_version_checked_and_need_the_roster_permission(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    (wang,) = add_staff(db, ("王伟", StaffKind.POLICE))
    lid = leave.record_leave(db, duty, wang, day(0), None, LeaveKind.SICK, "住院")
    community = make_actor("zhang", Role.COMMUNITY_OFFICER)
    with pytest.raises(PermissionDeniedError):
        leave.record_leave(db, community, wang, day(10), day(11), LeaveKind.ANNUAL)
    with pytest.raises(PermissionDeniedError):
        leave.cancel_leave(db, community, lid, 1)
    director = make_actor("boss", Role.DIRECTOR)  # directors grant leave: no MANAGE_STATION
    version = leave.end_leave(db, director, lid, 1, day(4))
    assert version == 2 and leave.on_leave(db, day(5)) == set()
    with pytest.raises(ValidationErrors) as bad:
        leave.end_leave(db, duty, lid, 2, day(-1))
    assert bad.value.by_field()["last_day"].code == "ends_before_start"
    with pytest.raises(ConflictError):
        leave.cancel_leave(db, duty, lid, 1)  # read before it was ended
    assert leave_rows(db) == 1
    leave.cancel_leave(db, duty, lid, 2)
    assert leave_rows(db) == 0 and leave.on_leave(db, day(2)) == set()


def test_week_board_flags_a_rostered_person_on_leave_with_the_reason(
    db: Database, duty: Actor
) -> None:
    wang, li = add_staff(db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY))
    north = add_grid(db, "G01", "北街")
    before = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.DAY, at(0, 8), at(0, 20), [wang, li], [north])
    )
    during = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.DAY, at(2, 8), at(2, 20), [wang, li], [north])
    )
    # Night into the first leave day: the morning part is on leave too.
    night = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.NIGHT, at(0, 22), at(1, 6), [li], [north])
    )
    leave.record_leave(db, duty, wang, day(1), day(3), LeaveKind.SICK, "腰扭伤")
    leave.record_leave(db, duty, li, day(1), day(1), LeaveKind.TRAINING, "辅警培训")
    week = roster_board.load_week(db, MON, now=at(0, 7))
    found = {(v.code, v.shift_id, v.person_id): v for v in week.violations}
    v = found[("on_leave", during, wang)]
    assert v.severity == "error" and v.day == day(2)
    assert v.params["reason"] == "腰扭伤" and v.params["kind"] == "sick"
    assert v.params["first_day"] == day(1).isoformat()
    assert found[("on_leave", night, li)].params["reason"] == "辅警培训"
    assert ("on_leave", before, wang) not in found and ("on_leave", during, li) not in found
    people = {p.id: p for p in week.people}
    assert people[wang].on_leave and people[wang].leave_on(day(2)) is not None
    assert people[wang].leave_on(day(4)) is None
    next_week = roster_board.load_week(db, MON + timedelta(days=7), now=at(0, 7))
    assert not any(p.on_leave for p in next_week.people)


def test_grid_flag_follows_the_officers_dated_leave(db: Database, duty: Actor) -> None:
    (wang,) = add_staff(db, ("王伟", StaffKind.POLICE))
    gid = add_grid(db, "G01", "北街")
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test") as uow:
        uow.update(Grid, gid, 1, responsible_officer_id=wang)
    leave.record_leave(db, duty, wang, day(1), day(2), LeaveKind.ANNUAL)

    def flag(n: int) -> GridFlag:
        return next(g for g in grids.grid_registry(db, day(n)) if g.id == gid).flag

    assert [flag(n) for n in range(4)] == [
        GridFlag.NONE,
        GridFlag.OFFICER_ON_LEAVE,
        GridFlag.OFFICER_ON_LEAVE,
        GridFlag.NONE,
    ]
    assert [s.on_leave for s in grids.assignable_staff(db, day(1))] == [True]
    assert [s.on_leave for s in grids.assignable_staff(db, day(3))] == [False]


def test_upgrade_turns_the_old_flag_into_open_ended_leave_and_back(empty_db: Database) -> None:
    migrate.upgrade(empty_db, target="0007")
    with empty_db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO staff (id, name, kind, phone, volunteer_group, on_leave, active, "
                "version) VALUES (1, '王伟', 'police', '', '', true, true, 1), "
                "(2, '李娜', 'auxiliary', '', '', false, true, 1)"
            )
        )
    migrate.upgrade(empty_db, target="0008")
    today = date.today()
    (row,) = leave.leave_of(empty_db, 1)
    assert (row.first_day, row.last_day, row.kind) == (today, None, LeaveKind.OTHER)
    assert leave.on_leave(empty_db, today) == leave.on_leave(empty_db, today.replace(
        year=today.year + 1)) == {1}  # fmt: skip
    assert "on_leave" not in {c["name"] for c in inspect(empty_db.engine).get_columns("staff")}
    # And down again: the flag comes back for whoever is on leave today.
    cfg = migrate._config()
    with empty_db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    with empty_db.read() as s:
        flags = dict(s.execute(text("SELECT id, on_leave FROM staff")).all())
    assert {k: bool(v) for k, v in flags.items()} == {1: True, 2: False}
    assert "staff_leave" not in inspect(empty_db.engine).get_table_names()
