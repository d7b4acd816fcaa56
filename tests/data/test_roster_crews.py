"""Patrol crews: no double booking ever commits, also with two workstations at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from stationdesk.data import patrols, roster_settings
from stationdesk.data.database import Database
from stationdesk.data.patrols import DoubleBookingError, RosterError, ShiftDraft
from stationdesk.data.schema import Grid, PatrolMember, PatrolShift, Staff
from stationdesk.data.schema_roster import PatrolSlotClaim
from stationdesk.data.uow import SYSTEM, Actor, PermissionDeniedError, unit_of_work
from stationdesk.domain.enums import PatrolStatus, Permission, Role, ShiftKind, StaffKind
from stationdesk.domain.scheduling import RosterRules

DAY = datetime(2026, 3, 2)  # a Monday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return DAY + timedelta(days=day, hours=hour, minutes=minute)


def add_staff(db: Database, *people: tuple[str, StaffKind]) -> list[int]:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.staff") as uow:
        return [uow.add(Staff(name=name, kind=kind)).id for name, kind in people]


def add_grid(db: Database, code: str = "G01", name: str = "东街社区") -> int:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.grid") as uow:
        return uow.add(Grid(code=code, name=name, kind="community", households=500)).id


def shift(
    db: Database, actor: Actor, start: datetime, end: datetime, members: list[int], grid: int
) -> int:
    draft = ShiftDraft("东片巡逻线", ShiftKind.CUSTOM, start, end, members, [grid])
    return patrols.create_shift(db, actor, draft)


def members_of(db: Database, shift_id: int) -> set[int]:
    with db.read() as s:
        return set(
            s.scalars(select(PatrolMember.staff_id).where(PatrolMember.shift_id == shift_id))
        )


def claims_of(db: Database, staff_id: int) -> dict[int, int]:
    """shift id -> number of half-hour slots the person has claimed for it."""
    with db.read() as s:
        rows = s.execute(
            select(PatrolSlotClaim.shift_id, func.count())
            .where(PatrolSlotClaim.staff_id == staff_id)
            .group_by(PatrolSlotClaim.shift_id)
        ).all()
    return {sid: n for sid, n in rows}


@pytest.fixture
def crew(db: Database) -> tuple[int, int, int, int]:
    """Officer 王伟, auxiliary 李娜, volunteer 赵敏, and one grid."""
    wang, li, zhao = add_staff(
        db, ("王伟", StaffKind.POLICE), ("李娜", StaffKind.AUXILIARY), ("赵敏", StaffKind.VOLUNTEER)
    )
    return wang, li, zhao, add_grid(db)


def test_assign_claims_slots_and_a_clash_names_person_and_shift(
    db: Database, duty: Actor, crew: tuple[int, int, int, int]
) -> None:
    wang, li, zhao, grid = crew
    night = shift(db, duty, at(0, 20), at(1, 8), [wang, li], grid)
    assert members_of(db, night) == {wang, li}
    assert claims_of(db, wang) == {night: 24}
    morning = shift(db, duty, at(1, 7), at(1, 12), [zhao], grid)
    with pytest.raises(DoubleBookingError) as refused:
        patrols.assign_member(db, duty, morning, wang)
    assert refused.value.staff_name == "王伟"
    assert refused.value.clash.id == night
    assert "王伟" in str(refused.value) and "2026-03-02 20:00" in str(refused.value)
    assert members_of(db, morning) == {zhao}  # nothing changed
    assert claims_of(db, wang) == {night: 24}
    # Handover at 08:00 is not a clash.
    after = shift(db, duty, at(1, 8), at(1, 12), [], grid)
    patrols.assign_member(db, duty, after, wang)
    assert claims_of(db, wang) == {night: 24, after: 8}


def test_a_new_shift_with_a_busy_member_is_not_saved_at_all(
    db: Database, duty: Actor, crew: tuple[int, int, int, int]
) -> None:
    wang, li, _zhao, grid = crew
    shift(db, duty, at(0, 8), at(0, 20), [wang], grid)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(PatrolShift))
    with pytest.raises(DoubleBookingError):
        shift(db, duty, at(0, 19, 45), at(0, 23), [li, wang], grid)  # a 15-minute overlap
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PatrolShift)) == before
    assert claims_of(db, li) == {}


def test_move_and_remove(db: Database, duty: Actor, crew: tuple[int, int, int, int]) -> None:
    wang, li, zhao, grid = crew
    first = shift(db, duty, at(0, 8), at(0, 20), [wang, li], grid)
    second = shift(db, duty, at(1, 8), at(1, 20), [zhao], grid)
    patrols.move_member(db, duty, li, first, second)
    assert members_of(db, first) == {wang}
    assert members_of(db, second) == {zhao, li}
    assert claims_of(db, li) == {second: 24}
    # Moving to an overlapping shift of the same day is allowed: the old one is left.
    third = shift(db, duty, at(1, 12), at(1, 22), [], grid)
    patrols.move_member(db, duty, li, second, third)
    assert claims_of(db, li) == {third: 20}
    with pytest.raises(RosterError) as gone:
        patrols.move_member(db, duty, li, second, first)  # a stale board
    assert gone.value.code == "not_on_shift"
    assert members_of(db, first) == {wang}
    patrols.remove_member(db, duty, third, li)
    assert claims_of(db, li) == {}
    with pytest.raises(RosterError):
        patrols.assign_member(db, duty, first, wang)  # already on it


def test_closed_shifts_keep_their_crew_and_only_patrol_editors_change_crews(
    db: Database, duty: Actor, crew: tuple[int, int, int, int], make_actor: Callable[..., Actor]
) -> None:
    wang, li, _zhao, grid = crew
    done = shift(db, duty, at(0, 8), at(0, 20), [wang], grid)
    with db.read() as s:
        version = s.get(PatrolShift, done).version
    patrols.set_status(db, duty, done, version, PatrolStatus.ON_PATROL)
    patrols.set_status(db, duty, done, version + 1, PatrolStatus.COMPLETED)
    with pytest.raises(RosterError) as closed:
        patrols.assign_member(db, duty, done, li)
    assert closed.value.code == "shift_closed"
    mediator = make_actor("med", Role.MEDIATOR)
    later = shift(db, duty, at(2, 8), at(2, 20), [], grid)
    with pytest.raises(PermissionDeniedError):
        patrols.assign_member(db, mediator, later, li)


def test_the_database_refuses_a_double_booking_even_without_the_check(
    db: Database,
    duty: Actor,
    crew: tuple[int, int, int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The UNIQUE (person, slot) claim stops a writer that skipped the overlap check."""
    wang, _li, _zhao, grid = crew
    first = shift(db, duty, at(0, 8), at(0, 20), [wang], grid)
    second = shift(db, duty, at(0, 12), at(0, 14), [], grid)
    monkeypatch.setattr(patrols, "_clash", lambda *_args, **_kw: None)
    with pytest.raises(DoubleBookingError) as refused:
        patrols.assign_member(db, duty, second, wang)
    assert refused.value.clash.id == first
    assert members_of(db, second) == set()


ROUNDS = 12


def _assign(
    db: Database,
    actor: Actor,
    shift_id: int,
    staff_id: int,
    barrier: threading.Barrier,
    outcomes: dict[int, Exception | None],
) -> None:
    barrier.wait()
    try:
        patrols.assign_member(db, actor, shift_id, staff_id)
        outcomes[shift_id] = None
    except Exception as exc:  # recorded and asserted by the test
        outcomes[shift_id] = exc


def test_two_workstations_assigning_one_person_at_once_exactly_one_wins(
    db: Database, duty: Actor, crew: tuple[int, int, int, int]
) -> None:
    """Race: two threads (own connections, like two workstations) book one officer on
    overlapping shifts at the same moment, many times; the database holds one booking."""
    wang, li, zhao, grid = crew
    for round_no in range(ROUNDS):
        a = shift(db, duty, at(round_no, 8), at(round_no, 20), [li], grid)
        b = shift(db, duty, at(round_no, 14), at(round_no + 1, 2), [zhao], grid)
        barrier = threading.Barrier(2)
        outcomes: dict[int, Exception | None] = {}

        threads = [
            threading.Thread(target=_assign, args=(db, duty, sid, wang, barrier, outcomes))
            for sid in (a, b)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        winners = [sid for sid, exc in outcomes.items() if exc is None]
        assert len(winners) == 1, outcomes
        loser = b if winners[0] == a else a
        error = outcomes[loser]
        assert isinstance(error, DoubleBookingError), error
        assert error.staff_name == "王伟" and error.clash.id == winners[0]
        assert "王伟" in str(error)
        # Checked in the database: one membership, claims for that shift only.
        assert wang in members_of(db, winners[0]) and wang not in members_of(db, loser)
        claims = claims_of(db, wang)
        assert loser not in claims and winners[0] in claims
    with db.read() as s:
        booked = s.scalar(
            select(func.count()).select_from(PatrolMember).where(PatrolMember.staff_id == wang)
        )
    assert booked == ROUNDS


def test_overdue_checkins_use_the_station_grace_time(
    db: Database, duty: Actor, crew: tuple[int, int, int, int], make_actor: Callable[..., Actor]
) -> None:
    wang, li, zhao, grid = crew
    late = shift(db, duty, at(0, 8), at(0, 20), [wang, li], grid)
    checked = shift(db, duty, at(0, 8), at(0, 20), [zhao], grid)
    with db.read() as s:
        version = s.get(PatrolShift, checked).version
    patrols.set_status(db, duty, checked, version, PatrolStatus.ON_PATROL)
    assert patrols.overdue_checkins(db, at(0, 8, 14)) == []
    found = patrols.overdue_checkins(db, at(0, 8, 15))
    assert [o.shift_id for o in found] == [late]
    assert found[0].due_by == at(0, 8, 15)
    assert set(found[0].members) == {"王伟", "李娜"} and found[0].grids == ("东街社区",)
    admin = make_actor("chief", Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        roster_settings.set_roster_rules(db, duty, RosterRules(checkin_grace=timedelta(hours=1)))
    roster_settings.set_roster_rules(db, admin, RosterRules(checkin_grace=timedelta(minutes=30)))
    assert roster_settings.roster_rules(db).checkin_grace == timedelta(minutes=30)
    assert patrols.overdue_checkins(db, at(0, 8, 29)) == []
    assert patrols.overdue_checkins(db, at(0, 8, 45))[0].minutes_late == 45
    # Long over: no longer an alert once it ended more than 12 hours ago.
    assert patrols.overdue_checkins(db, at(1, 8, 1)) == []


def test_upgrade_claims_the_slots_of_shifts_already_rostered(empty_db: Database) -> None:
    from sqlalchemy import text

    from stationdesk.data import migrate

    migrate.upgrade(empty_db, target="0003")
    with empty_db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO staff (id, name, kind, phone, volunteer_group, on_leave, active, "
                "version) VALUES (1, '王伟', 'police', '', '', false, true, 1)"
            )
        )
        for sid, start, end in ((1, at(0, 20), at(1, 8)), (2, at(1, 7), at(1, 9))):
            conn.execute(
                text(
                    "INSERT INTO patrol_shift (id, route, kind, starts_at, ends_at, status, "
                    "version) VALUES (:id, '东片', 'night', :s, :e, 'planned', 1)"
                ),
                {"id": sid, "s": start, "e": end},
            )
            conn.execute(text("INSERT INTO patrol_member VALUES (:id, 1)"), {"id": sid})
    migrate.upgrade(empty_db)
    # The old double booking keeps its first claims; the later shift gets the rest.
    assert claims_of(empty_db, 1) == {1: 24, 2: 2}
