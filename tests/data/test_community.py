"""Community work on SQLite and PostgreSQL: grid registry, visits, targets, outreach,
volunteers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from stationdesk.data import community, grids, patrols
from stationdesk.data import community_volunteers as vols
from stationdesk.data.community import VisitTargets
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    AuditEntry,
    Grid,
    GridStaff,
    HouseholdVisit,
    OutreachEvent,
    Setting,
    Staff,
)
from stationdesk.data.schema_roster import StaffLeave
from stationdesk.data.uow import (
    SYSTEM,
    Actor,
    ConflictError,
    PermissionDeniedError,
    unit_of_work,
)
from stationdesk.domain.community import (
    GridFlag,
    OutreachDraft,
    PeriodKind,
    VisitDraft,
    period_containing,
)
from stationdesk.domain.enums import (
    LeaveKind,
    OutreachTopic,
    PatrolStatus,
    Permission,
    Role,
    ShiftKind,
    StaffKind,
)
from stationdesk.domain.validation import ValidationErrors

NOW = datetime(2025, 3, 20, 15, 0)
MARCH = period_containing(NOW.date(), PeriodKind.MONTH)


@dataclass
class Station:
    officer: int  # responsible for g1
    away: int  # responsible for g2, on leave
    spare: int  # police, no grid
    aux: int
    assistant: int
    volunteer: int
    volunteer2: int
    g1: int
    g2: int
    g3: int  # no officer


@pytest.fixture
def station(db: Database) -> Station:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.setup") as uow:

        def person(name: str, kind: StaffKind, **kw: object) -> int:
            return int(uow.add(Staff(name=name, kind=kind, **kw)).id)

        officer = person("李警官", StaffKind.POLICE, badge_no="100001")
        away = person("王警官", StaffKind.POLICE, badge_no="100002")
        spare = person("赵警官", StaffKind.POLICE, badge_no="100003")
        aux = person("孙辅警", StaffKind.AUXILIARY)
        assistant = person("周助理", StaffKind.ASSISTANT)
        volunteer = person("陈阿姨", StaffKind.VOLUNTEER, phone="13800138000",
                           volunteer_group="红袖标")  # fmt: skip
        volunteer2 = person("吴大爷", StaffKind.VOLUNTEER, phone="13912345678",
                            volunteer_group="平安志愿者")  # fmt: skip
        g1 = uow.add(Grid(code="G01", name="东园社区", responsible_officer_id=officer)).id
        g2 = uow.add(
            Grid(code="G02", name="西河村", kind="village", responsible_officer_id=away)
        ).id
        g3 = uow.add(Grid(code="G03", name="南桥社区")).id
        uow.add(GridStaff(grid_id=g1, staff_id=aux))
        today = datetime.now().date()
        uow.add(StaffLeave(staff_id=away, first_day=today - timedelta(days=1),
                           last_day=today + timedelta(days=2), kind=LeaveKind.ANNUAL,
                           reason="", created_at=datetime.now()))  # fmt: skip
    return Station(officer, away, spare, aux, assistant, volunteer, volunteer2, g1, g2, g3)


@pytest.fixture
def admin(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor("admin1", Role.ADMIN)


def _by_id(db: Database) -> dict[int, grids.GridRecord]:
    return {g.id: g for g in grids.grid_registry(db)}


# ------------------------------------------------------------------ grid registry


def test_grids_without_officer_or_with_officer_on_leave_are_flagged(
    db: Database, station: Station
) -> None:
    reg = _by_id(db)
    assert reg[station.g1].flag == GridFlag.NONE
    assert reg[station.g1].officer_name == "李警官"
    assert [h.name for h in reg[station.g1].helpers] == ["孙辅警"]
    assert reg[station.g2].flag == GridFlag.OFFICER_ON_LEAVE
    assert reg[station.g3].flag == GridFlag.NO_OFFICER
    # The officer leaves the station: the grid is flagged too.
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test") as uow:
        uow.update(Staff, station.officer, 1, active=False)
    assert _by_id(db)[station.g1].flag == GridFlag.OFFICER_INACTIVE


def test_an_administrator_reassigns_officer_and_helpers(
    db: Database, station: Station, admin: Actor
) -> None:
    before = _by_id(db)[station.g2]
    version = grids.reassign_grid(
        db, admin, station.g2, before.version, station.spare, [station.assistant, station.aux]
    )
    after = _by_id(db)[station.g2]
    assert version == after.version == before.version + 1
    assert after.officer_name == "赵警官" and after.flag == GridFlag.NONE
    assert {h.id for h in after.helpers} == {station.assistant, station.aux}
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "grid.reassign")).one()
    assert entry.username == "admin1" and entry.object_id == station.g2
    assert str(station.away) in entry.old_values and str(station.spare) in entry.new_values
    # Helpers only: the version still moves (another workstation read the old crew).
    again = grids.reassign_grid(db, admin, station.g2, version, station.spare, [station.aux])
    assert again == version + 1


def test_a_stale_reassignment_is_a_conflict_and_changes_nothing(
    db: Database, station: Station, admin: Actor
) -> None:
    seen = _by_id(db)[station.g1]
    grids.reassign_grid(db, admin, station.g1, seen.version, station.officer, [])  # elsewhere
    current = _by_id(db)[station.g1]
    with pytest.raises(ConflictError) as info:
        grids.reassign_grid(db, admin, station.g1, seen.version, station.spare, [station.aux])
    assert (info.value.expected_version, info.value.current_version) == (
        seen.version,
        current.version,
    )
    assert _by_id(db)[station.g1] == current


def test_reassignment_needs_manage_station_and_sensible_people(
    db: Database, station: Station, admin: Actor, duty: Actor
) -> None:
    g = _by_id(db)[station.g3]
    with pytest.raises(PermissionDeniedError):
        grids.reassign_grid(db, duty, station.g3, g.version, station.spare, [])
    with pytest.raises(ValidationErrors) as info:
        grids.reassign_grid(
            db, admin, station.g3, g.version, station.aux, [station.volunteer, station.spare]
        )
    assert [(e.field, e.code) for e in info.value.errors] == [
        ("officer", "not_police_officer"),
        ("helpers", "not_helper"),
        ("helpers", "not_helper"),
    ]
    assert _by_id(db)[station.g3] == g
    # Clearing the officer is allowed: the grid is then flagged.
    grids.reassign_grid(db, admin, station.g1, 1, None, [])
    assert _by_id(db)[station.g1].flag == GridFlag.NO_OFFICER


# ------------------------------------------------------------------------ visits


def _visit(station: Station, **kw: object) -> VisitDraft:
    values: dict[str, object] = dict(
        grid_id=station.g1,
        officer_id=station.officer,
        visited_at=NOW - timedelta(hours=3),
        household="张家",
        address="东园社区8号楼2单元301",
        purpose="了解独居老人生活情况",
        notes="老人身体健康",
    )
    values.update(kw)
    return VisitDraft(**values)  # type: ignore[arg-type]


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_visit_is_logged_with_its_purpose(db: Database, station: Station, duty: Actor) -> None:
    vid = community.log_visit(db, duty, _visit(station, household="  张家 "), at=NOW)
    [shown] = community.recent_visits(db, MARCH)
    assert shown.id == vid
    assert (shown.household, shown.purpose, shown.notes) == (
        "张家",
        "了解独居老人生活情况",
        "老人身体健康",
    )
    assert shown.officer_name == "李警官" and shown.grid_name == "东园社区"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"household": "   "}, "household", "required"),
        ({"purpose": ""}, "purpose", "required"),
        ({"grid_id": None}, "grid", "required"),
        ({"officer_id": None}, "officer", "required"),
        ({"visited_at": NOW + timedelta(days=1)}, "visited_at", "future_time"),
        ({"visited_at": NOW - timedelta(days=400)}, "visited_at", "too_old"),
        ({"address": "号" * 201}, "address", "too_long"),
        ({"grid_id": 99_999}, "grid", "unknown_choice"),
    ],
)
def test_a_bad_visit_field_is_named_and_nothing_is_saved(
    db: Database, station: Station, duty: Actor, change: dict[str, object], field: str, code: str
) -> None:
    changes_before = _count(db, AuditEntry)
    with pytest.raises(ValidationErrors) as info:
        community.log_visit(db, duty, _visit(station, **change), at=NOW)
    assert [(e.field, e.code) for e in info.value.errors] == [(field, code)]
    assert _count(db, HouseholdVisit) == 0
    assert _count(db, AuditEntry) == changes_before


def test_logging_visits_needs_community_work_permission(
    db: Database, station: Station, make_actor: Callable[..., Actor]
) -> None:
    mediator = make_actor("med", Role.MEDIATOR)
    with pytest.raises(PermissionDeniedError):
        community.log_visit(db, mediator, _visit(station), at=NOW)
    assert _count(db, HouseholdVisit) == 0


def test_progress_per_grid_and_officer_against_targets(
    db: Database, station: Station, duty: Actor, admin: Actor
) -> None:
    community.set_visit_targets(db, admin, VisitTargets(PeriodKind.MONTH, 3, {station.g2: 5}))
    assert community.visit_targets(db) == VisitTargets(PeriodKind.MONTH, 3, {station.g2: 5})
    for day in (1, 5, 19):
        community.log_visit(db, duty, _visit(station, visited_at=datetime(2025, 3, day, 10)), NOW)
    community.log_visit(
        db, duty, _visit(station, officer_id=station.aux, visited_at=datetime(2025, 3, 2)), NOW
    )
    community.log_visit(
        db, duty, _visit(station, grid_id=station.g2, visited_at=datetime(2025, 3, 10)), NOW
    )
    # February's visit is not March's progress.
    community.log_visit(db, duty, _visit(station, visited_at=datetime(2025, 2, 28, 23, 59)), NOW)

    progress = community.visit_progress(db, MARCH)
    by_grid = {p.id: (p.done, p.target) for p in progress.grids}
    assert by_grid == {station.g1: (4, 3), station.g2: (1, 5), station.g3: (0, 3)}
    by_officer = {p.id: (p.done, p.target) for p in progress.officers}
    assert by_officer == {station.officer: (4, 3), station.away: (0, 5), station.aux: (1, 0)}
    assert progress.officers[0].id == station.away  # furthest behind first
    february = community.visit_progress(db, MARCH.previous())
    assert {p.id: p.done for p in february.grids}[station.g1] == 1
    # Counts agree with a plain SQL count.
    with db.read() as s:
        march_g1 = s.scalar(
            select(func.count())
            .select_from(HouseholdVisit)
            .where(
                HouseholdVisit.grid_id == station.g1,
                HouseholdVisit.visited_at >= datetime(2025, 3, 1),
                HouseholdVisit.visited_at < datetime(2025, 4, 1),
            )
        )
    assert by_grid[station.g1][0] == march_g1


def test_targets_are_an_administrators_setting_and_checked(
    db: Database, station: Station, duty: Actor, admin: Actor
) -> None:
    assert community.visit_targets(db) == VisitTargets()  # nothing stored: default
    with pytest.raises(PermissionDeniedError):
        community.set_visit_targets(db, duty, VisitTargets(default=5))
    with pytest.raises(ValidationErrors) as info:
        community.set_visit_targets(db, admin, VisitTargets(default=-1, per_grid={station.g1: 1}))
    assert [e.field for e in info.value.errors] == ["default"]
    assert community.visit_targets(db) == VisitTargets()
    community.set_visit_targets(db, admin, VisitTargets(PeriodKind.WEEK, 4))
    assert community.visit_targets(db).period == PeriodKind.WEEK
    # An unreadable stored value reads as the default (the station keeps working).
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test") as uow:
        setting = uow.get(Setting, community.TARGETS_KEY)  # type: ignore[arg-type]
        setting.value = "{not json"
    assert community.visit_targets(db) == VisitTargets()


def test_visit_list_pages_without_gaps_or_repeats(
    db: Database, station: Station, duty: Actor
) -> None:
    for i in range(7):  # two at the same minute: the id breaks the tie
        at = datetime(2025, 3, 10 + i // 2, 9)
        community.log_visit(db, duty, _visit(station, visited_at=at, household=f"户{i}"), NOW)
    seen: list[int] = []
    after = None
    while True:
        page = community.recent_visits(db, MARCH, after=after, limit=3)
        seen += [v.id for v in page]
        if len(page) < 3:
            break
        after = (page[-1].visited_at, page[-1].id)
    assert len(seen) == len(set(seen)) == 7


# ---------------------------------------------------------------------- outreach


def test_outreach_counts_per_topic_and_grid_equal_sql(
    db: Database, station: Station, duty: Actor
) -> None:
    plan = [
        (OutreachTopic.FRAUD, station.g1, 40),
        (OutreachTopic.FRAUD, station.g1, 25),
        (OutreachTopic.FRAUD, station.g2, 10),
        (OutreachTopic.DRUGS, station.g3, 80),
        (OutreachTopic.THEFT, station.g1, 0),
    ]
    for i, (topic, grid, people) in enumerate(plan):
        draft = OutreachDraft(topic, grid, datetime(2025, 3, 3 + i, 14), people, "广场")
        community.log_outreach(db, duty, draft, at=NOW)
    community.log_outreach(
        db, duty, OutreachDraft(OutreachTopic.FRAUD, station.g1, datetime(2025, 2, 3), 9), at=NOW
    )
    summary = community.outreach_summary(db, MARCH)
    with db.read() as s:
        sql = {
            (t, g): (int(n), int(a))
            for t, g, n, a in s.execute(
                select(
                    OutreachEvent.topic,
                    OutreachEvent.grid_id,
                    func.count(),
                    func.sum(OutreachEvent.attendees),
                )
                .where(OutreachEvent.held_at >= datetime(2025, 3, 1))
                .where(OutreachEvent.held_at < datetime(2025, 4, 1))
                .group_by(OutreachEvent.topic, OutreachEvent.grid_id)
            )
        }
    assert {k: (v, summary.attendance[k]) for k, v in summary.events.items()} == sql
    assert summary.events[(OutreachTopic.FRAUD, station.g1)] == 2
    assert summary.per_topic()[OutreachTopic.FRAUD] == 3
    assert summary.per_topic()[OutreachTopic.CONFLICT] == 0
    assert summary.per_grid() == {station.g1: 3, station.g2: 1, station.g3: 1}
    assert len(summary.recent) == 5 and summary.recent[0].held_at == datetime(2025, 3, 7, 14)


def test_a_bad_outreach_event_names_its_fields_and_saves_nothing(
    db: Database, station: Station, duty: Actor
) -> None:
    draft = OutreachDraft(None, station.g1, NOW + timedelta(hours=2), -5, "广场")
    with pytest.raises(ValidationErrors) as info:
        community.log_outreach(db, duty, draft, at=NOW)
    assert {(e.field, e.code) for e in info.value.errors} == {
        ("topic", "required"),
        ("held_at", "future_time"),
        ("attendees", "out_of_range"),
    }
    assert _count(db, OutreachEvent) == 0


# -------------------------------------------------------------------- volunteers


def test_volunteer_hours_come_from_completed_patrols(
    db: Database, station: Station, duty: Actor
) -> None:
    def shift(day: int, hours: int, members: list[int], status: PatrolStatus | None) -> int:
        start = datetime(2025, 3, day, 19)
        sid = patrols.create_shift(
            db,
            duty,
            patrols.ShiftDraft(
                "夜巡线", ShiftKind.NIGHT, start, start + timedelta(hours=hours), members, []
            ),
        )
        if status is not None:
            patrols.set_status(db, duty, sid, 1, status)
        return sid

    v1, v2 = station.volunteer, station.volunteer2
    shift(2, 3, [v1, station.aux], PatrolStatus.COMPLETED)
    shift(4, 2, [v1, v2], PatrolStatus.COMPLETED)
    shift(6, 4, [v1], PatrolStatus.MISSED)  # neither joined nor hours
    shift(25, 3, [v1], None)  # planned: joined, no hours yet
    shift(10, 5, [v2], None)
    last = shift(12, 1, [v2], PatrolStatus.COMPLETED)
    shift(27, 2, [v2], PatrolStatus.MISSED)
    # February: outside the period.
    start = datetime(2025, 2, 20, 19)
    feb = patrols.create_shift(
        db, duty, patrols.ShiftDraft("夜巡线", ShiftKind.NIGHT, start, start + timedelta(hours=6),
                                     [v1], []))  # fmt: skip
    patrols.set_status(db, duty, feb, 1, PatrolStatus.COMPLETED)

    result = vols.volunteers(db, MARCH)
    by_id = {v.id: v for v in result.people}
    assert (by_id[v1].patrols_joined, by_id[v1].patrols_completed, by_id[v1].hours) == (3, 2, 5.0)
    assert (by_id[v2].patrols_joined, by_id[v2].hours) == (3, 3.0)
    assert by_id[v1].last_patrol == datetime(2025, 3, 25, 19)
    assert station.aux not in by_id  # auxiliaries are not volunteers
    groups = {g.name: g for g in result.groups()}
    assert groups["红袖标"].hours == 5.0 and groups["平安志愿者"].patrols_joined == 3
    assert [p.shift_id for p in vols.patrols_of(db, v2)][1] == last
    # Hours agree with the patrol rows read directly.
    seconds = sum(
        (x.ends_at - x.starts_at).total_seconds()
        for x in patrols.shifts_between(db, MARCH.first_moment, MARCH.end_moment)
        if x.status == PatrolStatus.COMPLETED
        and v1 in {m.id for m in x.members}
        and MARCH.contains(x.starts_at.date())
    )
    assert by_id[v1].hours == seconds / 3600


def test_volunteer_contacts_are_masked_and_revealed_only_with_permission(
    db: Database, station: Station, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    result = vols.volunteers(db, MARCH)
    phones = {v.id: v.phone_masked for v in result.people}
    assert phones[station.volunteer] == "138****8000"
    with pytest.raises(PermissionDeniedError):
        vols.reveal_volunteer_contacts(db, duty)
    director = make_actor("boss", Role.DIRECTOR)
    full = vols.reveal_volunteer_contacts(db, director)
    assert full[station.volunteer] == "13800138000" and station.aux not in full
    with db.read() as s:
        outcomes = list(
            s.scalars(
                select(AuditEntry.outcome)
                .where(AuditEntry.action == "personal_data.read")
                .order_by(AuditEntry.id)
            )
        )
    assert outcomes == ["refused", "ok"]
