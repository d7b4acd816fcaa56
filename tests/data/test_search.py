"""The command palette's search, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from stationdesk.data import cases, search
from stationdesk.data.database import Database
from stationdesk.data.schema import Grid, Mediator, Staff
from stationdesk.data.search import HitKind
from stationdesk.data.uow import SYSTEM, Actor, unit_of_work
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    MediatorKind,
    PartyRole,
    Permission,
    Priority,
    StaffKind,
    Team,
)

TODAY = date(2026, 11, 28)


def _case(db: Database, actor: Actor, reported: datetime, summary: str) -> cases.CaseDetail:
    draft = cases.CaseDraft(
        category=CaseCategory.THEFT,
        source=CaseSource.WALK_IN,
        priority=Priority.NORMAL,
        reported_at=reported,
        grid_id=None,
        address="南街1号",
        summary=summary,
    )
    return cases.create_case(db, actor, draft)


def _people(db: Database) -> dict[str, int]:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test people") as uow:
        zhang = uow.add(
            Staff(
                name="张伟",
                badge_no="031245",
                kind=StaffKind.POLICE,
                team=Team.COMMUNITY_POLICING,
            )
        ).id
        gone = uow.add(Staff(name="张旧", kind=StaffKind.AUXILIARY, active=False)).id
        grid = uow.add(Grid(code="G07", name="幸福村", responsible_officer_id=zhang)).id
        uow.add(Grid(code="G08", name="Riverside Community"))
        med = uow.add(
            Mediator(
                name="张桂兰", kind=MediatorKind.STATION_MEDIATOR, organisation="人民调解委员会"
            )
        ).id
    return {"zhang": zhang, "gone": gone, "grid": grid, "mediator": med}


def _day_of(case_no: str) -> date:
    return datetime.strptime(case_no.split("-")[0], "%Y%m%d").date()


def test_a_whole_or_partial_case_number_finds_the_case(db: Database, duty: Actor) -> None:
    made = _case(db, duty, datetime(2026, 11, 28, 8, 30), "电动车被盗")
    other = _case(db, duty, datetime(2026, 11, 27, 22, 0), "邻里噪音")
    today = _day_of(made.case_no)
    exact = search.search(db, made.case_no, today)
    assert [(h.kind, h.id) for h in exact] == [(HitKind.CASE, made.id)]
    hit = exact[0]
    assert hit.title == made.case_no and hit.detail == "电动车被盗"
    assert hit.status is CaseStatus.NEW and hit.category is CaseCategory.THEFT
    assert hit.when == datetime(2026, 11, 28, 8, 30)
    # A prefix (the day, or the day and the first digits) lists the cases it starts;
    # the newest number first.
    day = search.search(db, made.case_no[:8], today)
    assert [h.id for h in day] == [other.id, made.id]
    assert [h.id for h in search.search(db, made.case_no[:-1], today)] == [other.id, made.id]
    assert search.search(db, "19990101", today) == []


def test_a_short_number_is_a_sequence_of_the_last_days(db: Database, duty: Actor) -> None:
    made = _case(db, duty, datetime(2026, 11, 28, 8, 0), "今天")
    numbered = _day_of(made.case_no)
    sequence = made.case_no.rsplit("-", 1)[1]  # "0001"
    for typed in (sequence, str(int(sequence))):
        found = search.search(db, typed, numbered + timedelta(days=search.RECENT_DAYS - 1))
        assert [h.id for h in found if h.kind is HitKind.CASE] == [made.id]
    # Weeks later "1" means a newer case 1, not this one.
    later = numbered + timedelta(days=search.RECENT_DAYS)
    assert search.search(db, str(int(sequence)), later) == []


def test_grids_and_people_by_part_of_a_name(db: Database) -> None:
    ids = _people(db)
    found = search.search(db, "张", TODAY)
    assert [(h.kind, h.id) for h in found] == [
        (HitKind.STAFF, ids["zhang"]),  # the inactive 张旧 is not offered
        (HitKind.MEDIATOR, ids["mediator"]),
    ]
    staff = found[0]
    assert staff.detail == "031245" and staff.team is Team.COMMUNITY_POLICING
    assert found[1].mediator_kind is MediatorKind.STATION_MEDIATOR
    grid = search.search(db, "幸福", TODAY)
    assert [(h.kind, h.id, h.detail) for h in grid] == [(HitKind.GRID, ids["grid"], "张伟")]
    # Latin names ignore case; a grid code and a badge number are found too.
    assert [h.title for h in search.search(db, "riverside", TODAY)] == ["Riverside Community"]
    assert [h.title for h in search.search(db, "g07", TODAY)] == ["幸福村"]
    assert [h.id for h in search.search(db, "0312", TODAY)] == [ids["zhang"]]


def test_parties_are_not_searched_and_nonsense_finds_nothing(db: Database, duty: Actor) -> None:
    draft = cases.CaseDraft(
        category=CaseCategory.DISPUTE_FAMILY,
        source=CaseSource.PHONE,
        priority=Priority.NORMAL,
        reported_at=datetime(2026, 11, 28, 9, 0),
        grid_id=None,
        summary="家庭纠纷",
        address="北街2号",
        parties=(cases.PartyInfo(name="王秀英", role=PartyRole.COMPLAINANT),),
    )
    cases.create_case(db, duty, draft)
    assert search.search(db, "王秀英", TODAY) == []
    assert search.search(db, "   ", TODAY) == []
    assert search.search(db, "%", TODAY) == []
    assert search.search(db, "2026-", TODAY) == []  # no case number starts so


def test_many_cases_of_one_day_are_capped(db: Database, duty: Actor) -> None:
    start = datetime(2026, 11, 28, 0, 0)
    made = [
        _case(db, duty, start + timedelta(minutes=i), f"案件{i}").case_no
        for i in range(search.MAX_CASES + 4)
    ]
    found = search.search(db, made[0][:8], _day_of(made[0]))
    # The newest numbers first, no more than the list shows.
    assert [h.title for h in found] == sorted(made, reverse=True)[: search.MAX_CASES]
