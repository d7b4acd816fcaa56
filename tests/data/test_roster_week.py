"""The week board's data and rotation templates: preview, then one all-or-nothing save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from test_roster_crews import add_grid, add_staff

from stationdesk.data import patrols, roster_board, roster_templates
from stationdesk.data.database import Database
from stationdesk.data.patrols import DoubleBookingError, ShiftDraft
from stationdesk.data.schema import PatrolShift
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import Role, ShiftKind, StaffKind
from stationdesk.domain.rotation import RotationTemplate

MON = date(2024, 9, 23)  # the week before National Day 2024; Sunday 29th is worked


def at(day: int, hour: int) -> datetime:
    return datetime.combine(MON, time()) + timedelta(days=day, hours=hour)


def count_shifts(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(PatrolShift)) or 0)


def test_week_shows_rules_holidays_leave_and_overdue(db: Database, duty: Actor) -> None:
    wang, li, zhao = add_staff(
        db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY), ("赵敏", StaffKind.VOLUNTEER)
    )
    north, south = add_grid(db, "G01", "北街"), add_grid(db, "G02", "南村")
    day = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.DAY, at(0, 8), at(0, 20), [wang, li], [north])
    )
    night = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.NIGHT, at(0, 22), at(1, 6), [wang], [north])
    )
    outside = patrols.create_shift(
        db, duty, ShiftDraft("北线", ShiftKind.DAY, at(7, 8), at(7, 20), [zhao], [north])
    )
    week = roster_board.load_week(db, MON + timedelta(days=3), now=at(0, 9))
    assert week.monday == MON
    assert [s.id for s in week.shifts] == [day, night] and outside not in {
        s.id for s in week.shifts
    }
    codes = {(v.code, v.shift_id, v.person_id, v.grid_id) for v in week.violations}
    assert ("short_rest", night, wang, None) in codes  # 2 h between the shifts
    assert ("crew_too_small", night, None, None) in codes
    assert ("coverage_gap", None, None, south) in codes
    assert week.overdue == {day}  # not checked in by 08:15
    sunday = week.days[6]
    assert sunday.day == date(2024, 9, 29) and sunday.make_up_day and sunday.holiday is None
    assert {p.name for p in week.people} == {"王伟", "李娜", "赵敏"}
    holiday_week = roster_board.load_week(db, date(2024, 10, 1), now=at(0, 9))
    assert holiday_week.days[1].holiday == "national_day"


def two_teams(db: Database) -> tuple[list[int], list[int], int]:
    team_a = add_staff(db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY))
    team_b = add_staff(db, ("陈刚", StaffKind.POLICE), ("赵敏", StaffKind.VOLUNTEER))
    return team_a, team_b, add_grid(db, "G01", "北街")


def rotation(team_a: list[int], team_b: list[int], grid: int) -> RotationTemplate:
    lines = (
        roster_templates.simple_line("北线", ShiftKind.DAY, 8, 12, [grid], [team_a, team_b]),
        roster_templates.simple_line("北线", ShiftKind.NIGHT, 20, 12, [grid], [team_b, team_a]),
    )
    return RotationTemplate(0, "北线两周轮换", 2, MON, lines)


def test_template_preview_then_save_all(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    team_a, team_b, grid = two_teams(db)
    template_id = roster_templates.create_template(db, duty, rotation(team_a, team_b, grid))
    [info] = roster_templates.list_templates(db)
    assert (info.name, info.weeks, info.lines) == ("北线两周轮换", 2, 2)
    assert roster_templates.load_template(db, template_id).lines[1].crews[0] == frozenset(team_b)
    last = MON + timedelta(days=13)
    preview = roster_templates.preview_generation(db, template_id, MON, last, MON)
    assert len(preview.planned) == 28
    assert preview.blocking == ()
    # Twelve-hour shifts every day: 84 hours a week is over the 48-hour limit; and team B
    # comes off Sunday's night at 08:00 straight onto Monday's day shift of week two.
    assert {v.code for v in preview.warnings} == {"weekly_hours", "short_rest"}
    short = [v for v in preview.warnings if v.code == "short_rest"]
    assert {v.person_id for v in short} == set(team_b)
    assert {v.day for v in short} == {MON + timedelta(days=7)}
    before = count_shifts(db)
    ids = roster_templates.apply_generation(db, duty, template_id, MON, last)
    assert len(ids) == 28 and count_shifts(db) == before + 28
    week2 = roster_board.load_week(db, MON + timedelta(days=7), now=at(0, 0))
    first_day_shift = next(s for s in week2.shifts if s.kind == ShiftKind.DAY)
    assert {m.id for m in first_day_shift.members} == set(team_b)  # week two: team B on days
    mediator = make_actor("med", Role.MEDIATOR)
    with pytest.raises(Exception, match="may not"):
        roster_templates.apply_generation(db, mediator, template_id, MON, last)


def test_a_clash_with_the_roster_is_previewed_and_saves_nothing(db: Database, duty: Actor) -> None:
    team_a, team_b, grid = two_teams(db)
    template_id = roster_templates.create_template(db, duty, rotation(team_a, team_b, grid))
    # 陈刚 (team B) already has a shift on the Wednesday night of week one.
    busy = patrols.create_shift(
        db, duty, ShiftDraft("加班", ShiftKind.CUSTOM, at(2, 23), at(3, 1), [team_b[0]], [grid])
    )
    preview = roster_templates.preview_generation(db, template_id, MON, MON + timedelta(days=6),
                                                  MON)  # fmt: skip
    [clash] = preview.blocking
    assert clash.person_id == team_b[0]
    assert busy in (clash.shift_id, clash.params["other_shift_id"])
    before = count_shifts(db)
    with pytest.raises(DoubleBookingError) as refused:
        roster_templates.apply_generation(db, duty, template_id, MON, MON + timedelta(days=6))
    assert refused.value.staff_name == "陈刚"
    assert count_shifts(db) == before  # all or nothing


def test_a_template_that_cannot_generate_is_not_stored(db: Database, duty: Actor) -> None:
    team_a, team_b, grid = two_teams(db)
    bad = rotation(team_a, team_b, grid)
    bad = RotationTemplate(0, bad.name, 3, MON, bad.lines)  # two crews for three weeks
    with pytest.raises(ValueError, match="crews_not_per_week"):
        roster_templates.create_template(db, duty, bad)
    assert roster_templates.list_templates(db) == []


def test_demo_rosters_the_next_two_weeks_from_its_templates_without_a_clash(
    db: Database,
) -> None:
    from stationdesk.data.demo import generate_demo
    from stationdesk.data.schema_roster import PatrolSlotClaim

    now = datetime(2026, 11, 25, 10, 30)  # a Wednesday
    generate_demo(db, cases=50, seed=3, now=now)
    names = [t.name for t in roster_templates.list_templates(db)]
    assert len(names) == 2
    future = roster_board.load_week(db, date(2026, 11, 30), now)
    assert future.shifts and all(s.status.value == "planned" for s in future.shifts)
    codes = {v.code for v in future.violations}
    assert "double_booking" not in codes and "short_rest" not in codes
    assert "weekly_hours" not in codes
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PatrolSlotClaim)) > 0
