"""Booking a mediation session: suggestions, conflicts of interest, double bookings.

Also holds the small station the race tests (test_mediation_booking_race.py) use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from stationdesk.data import audit, case_timeline, cases, rooms
from stationdesk.data import booking_options as bo
from stationdesk.data import mediation_booking as mb
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    AuditEntry,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
)
from stationdesk.data.uow import SYSTEM, Actor, PermissionDeniedError, unit_of_work
from stationdesk.domain.conflict_of_interest import ConflictKind
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    MediatorKind,
    PartyRole,
    Permission,
    Priority,
    Role,
    SessionStatus,
    Team,
)
from stationdesk.domain.mediator_ranking import ReasonCode

LI = cases.PartyInfo("李秀英", PartyRole.COMPLAINANT, "110101199003071234", "13800000001")
WANG = cases.PartyInfo("王建国", PartyRole.RESPONDENT, "110101198505052345", "13900000002")


@dataclass
class Station:
    db: Database
    rooms: list[int]
    family: int  # family-dispute mediator
    neighbour: int  # neighbour-dispute mediator
    away: int  # family mediator on leave on ``day``
    case_id: int
    day: date  # a day two days ahead, when everybody but ``away`` is in

    def at(self, h: int, m: int = 0, day: date | None = None) -> datetime:
        return datetime.combine(day or self.day, time(h, m))

    def new_case(self, parties: tuple[cases.PartyInfo, ...] = (LI, WANG), address: str = "") -> int:
        draft = cases.CaseDraft(
            CaseCategory.DISPUTE_FAMILY, CaseSource.WALK_IN, Priority.NORMAL,
            datetime.now().replace(microsecond=0) - timedelta(hours=1), None,
            address or "东城镇和平路12号", "赡养纠纷", parties=parties,
        )  # fmt: skip
        made = cases.create_case(self.db, SYSTEM, draft)
        return cases.assign_case(
            self.db, SYSTEM, made.id, made.version, None, Team.COMMUNITY_POLICING
        ).id


def mediator(db: Database, name: str, skills: str, capacity: int = 3, **extra: str) -> int:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.mediator") as uow:
        m = uow.add(
            Mediator(
                name=name, kind=MediatorKind.STATION_MEDIATOR, skills=skills,
                languages="普通话,粤语" if "family" in skills else "普通话",
                capacity_per_day=capacity, active=True, **extra,
            )
        )  # fmt: skip
        for weekday in range(7):
            for start, end in ((time(9), time(12)), (time(14), time(17, 30))):
                uow.add(
                    MediatorAvailability(
                        mediator_id=m.id, weekday=weekday, start_time=start, end_time=end
                    )
                )
        return m.id


def make_station(db: Database) -> Station:
    room_ids = [rooms.add_room(db, SYSTEM, n).id for n in ("第一调解室", "第二调解室")]
    family = mediator(db, "赵敏", "dispute_family,dispute_property", phone="13700000003")
    neighbour = mediator(db, "钱进", "dispute_neighbour")
    away = mediator(db, "孙红", "dispute_family")
    day = date.today() + timedelta(days=2)
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.leave") as uow:
        uow.add(MediatorException(mediator_id=away, day=day, kind="leave", note=""))
    st = Station(db, room_ids, family, neighbour, away, 0, day)
    st.case_id = st.new_case()
    return st


# =============================================================================== tests


@pytest.fixture
def st(db: Database) -> Station:
    return make_station(db)


def book(st: Station, actor: Actor, mediator_id: int, h: int, m: int = 0, room: int = 0,
         case_id: int = 0, minutes: int = 90, why: str = "") -> mb.BookedSession:  # fmt: skip
    start = st.at(h, m)
    return mb.book_mediation(
        st.db, actor,
        mb.BookingRequest(case_id or st.case_id, (mediator_id,), st.rooms[room], start,
                          start + timedelta(minutes=minutes), why),
    )  # fmt: skip


def count(db: Database, model: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_suggestions_rank_skill_availability_and_say_why(st: Station) -> None:
    opts = bo.booking_options(st.db, st.case_id, datetime.now(), st.day)
    names = [o.name for o in opts.mediators]
    assert names[0] == "赵敏"  # family skill, free on the day
    # Skill outweighs a day's wait: the family mediator back tomorrow before the other one.
    assert names == ["赵敏", "孙红", "钱进"]
    assert ReasonCode.FREE_SOON in [r.code for r in opts.mediators[1].ranked.reasons]
    assert ReasonCode.NO_SKILL in [r.code for r in opts.mediators[2].ranked.reasons]
    first = opts.mediators[0]
    codes = [r.code for r in first.ranked.reasons]
    assert codes[:2] == [ReasonCode.SKILL_MATCH, ReasonCode.FREE_ON_DAY]
    assert first.offers[0].starts_at == st.at(9) and first.offers[0].room_ids == tuple(st.rooms)
    # Offered back to back, never overlapping, inside the hours.
    starts = [o.starts_at for o in first.offers]
    assert starts[:4] == [st.at(9), st.at(10, 30), st.at(14), st.at(15, 30)]
    away = next(o for o in opts.mediators if o.name == "孙红")
    assert all(o.starts_at.date() != st.day for o in away.offers)  # on leave that day
    assert "粤语" in opts.languages and opts.case.moves_to_mediation


def test_booking_writes_session_claims_status_and_timeline(st: Station, duty: Actor) -> None:
    booked = book(st, duty, st.family, 9)
    assert booked.case_status == CaseStatus.IN_MEDIATION
    assert mb.claims_of(st.db, booked.session_id) == (6, 6)  # 90 minutes = 6 quarter hours each
    detail = cases.get_case(st.db, st.case_id)
    assert detail.status == CaseStatus.IN_MEDIATION
    assert detail.history[-1].to_status == CaseStatus.IN_MEDIATION
    (entry,) = case_timeline.sessions(st.db, st.case_id)
    assert (entry.starts_at, entry.room, entry.mediators) == (st.at(9), "第一调解室", ("赵敏",))
    # The suggestion list now sees the mediator and the room taken at 9:00.
    opts = bo.booking_options(st.db, st.case_id, datetime.now(), st.day)
    zhao = next(o for o in opts.mediators if o.name == "赵敏")
    assert zhao.offers[0].starts_at == st.at(10, 30)
    work = next(r for r in zhao.ranked.reasons if r.code == ReasonCode.WORKLOAD)
    assert (work.count, work.of) == (1, 3)
    qian = next(o for o in opts.mediators if o.name == "钱进")
    assert qian.offers[0].starts_at == st.at(9) and qian.offers[0].room_ids == (st.rooms[1],)


def test_a_taken_mediator_or_room_is_refused_by_name_and_session(st: Station, duty: Actor) -> None:
    first = book(st, duty, st.family, 9)
    other = st.new_case()
    with pytest.raises(mb.SlotTakenError) as taken:
        book(st, duty, st.family, 10, room=1, case_id=other)  # overlaps 9:00-10:30
    e = taken.value
    assert (e.resource, e.name, e.session_id, e.detected_by) == (
        "mediator",
        "赵敏",
        first.session_id,
        "check",
    )
    assert e.case_no == cases.get_case(st.db, st.case_id).case_no
    with pytest.raises(mb.SlotTakenError) as taken:
        book(st, duty, st.neighbour, 10, room=0, case_id=other)
    assert (taken.value.resource, taken.value.name) == ("room", "第一调解室")
    assert cases.get_case(st.db, other).status == CaseStatus.ASSIGNED  # nothing half-written
    book(st, duty, st.neighbour, 10, 30, room=0, case_id=other)  # touching is fine


def test_the_database_refuses_a_double_booking_the_check_missed(
    st: Station, duty: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = book(st, duty, st.family, 9)
    monkeypatch.setattr(mb, "_clashing_session", lambda *a: None)  # a writer that skips the check
    other = st.new_case()
    sessions, audits = count(st.db, MediationSession), count(st.db, AuditEntry)
    with pytest.raises(mb.SlotTakenError) as taken:
        book(st, duty, st.family, 10, room=1, case_id=other)
    e = taken.value
    assert (e.resource, e.name, e.session_id, e.detected_by) == (
        "mediator",
        "赵敏",
        first.session_id,
        "constraint",
    )
    with pytest.raises(mb.SlotTakenError) as taken:
        book(st, duty, st.neighbour, 9, 30, room=0, case_id=other)
    assert (taken.value.resource, taken.value.name, taken.value.detected_by) == (
        "room",
        "第一调解室",
        "constraint",
    )
    assert (count(st.db, MediationSession), count(st.db, AuditEntry)) == (sessions, audits)
    assert cases.get_case(st.db, other).status == CaseStatus.ASSIGNED


def test_cancelling_releases_the_slot(st: Station, duty: Actor) -> None:
    booked = book(st, duty, st.family, 9)
    with st.db.read() as s:
        version = s.get(MediationSession, booked.session_id).version
    mb.cancel_session(st.db, duty, booked.session_id, version)
    assert mb.claims_of(st.db, booked.session_id) == (0, 0)
    (entry,) = case_timeline.sessions(st.db, st.case_id)
    assert entry.status == SessionStatus.CANCELLED
    again = book(st, duty, st.family, 9, case_id=st.new_case())
    assert mb.claims_of(st.db, again.session_id) == (6, 6)
    with pytest.raises(mb.BookingRefusedError, match="cancelled"):
        mb.cancel_session(st.db, duty, booked.session_id, version + 1)


@pytest.mark.parametrize(
    ("who", "h", "code"),
    [("away", 9, "absent"), ("family", 12, "outside_hours"), ("family", 8, "outside_hours")],
)
def test_outside_the_mediators_hours_is_refused(
    st: Station, duty: Actor, who: str, h: int, code: str
) -> None:
    with pytest.raises(mb.BookingRefusedError) as refused:
        book(st, duty, getattr(st, who), h)
    assert refused.value.code == code


def test_capacity_and_times_and_closed_cases(st: Station, duty: Actor, db: Database) -> None:
    small = mediator(db, "周全", "dispute_family", capacity=1)
    book(st, duty, small, 9)
    with pytest.raises(mb.BookingRefusedError) as refused:
        book(st, duty, small, 14, room=1, case_id=st.new_case())
    assert refused.value.code == "capacity"
    with pytest.raises(mb.BookingRefusedError) as refused:
        book(st, duty, st.family, 9, 10, room=1)
    assert refused.value.code == "bad_time"
    closed = st.new_case()
    d = cases.get_case(db, closed)
    cases.change_status(db, SYSTEM, closed, d.version, CaseStatus.RESOLVED)
    with pytest.raises(mb.BookingRefusedError) as refused:
        book(st, duty, st.family, 14, case_id=closed)
    assert refused.value.code == "case_closed"


def test_a_new_case_keeps_its_status_the_workflow_does_not_allow_mediation_yet(
    st: Station, duty: Actor
) -> None:
    draft = cases.CaseDraft(
        CaseCategory.DISPUTE_FAMILY, CaseSource.WALK_IN, Priority.NORMAL,
        datetime.now().replace(microsecond=0), None, "x", "y", parties=(LI, WANG),
    )  # fmt: skip
    new = cases.create_case(st.db, SYSTEM, draft)
    booked = book(st, duty, st.family, 9, case_id=new.id)
    assert booked.case_status == CaseStatus.NEW == cases.get_case(st.db, new.id).status


# ----------------------------------------------------------------- conflicts of interest


def test_a_conflict_blocks_the_booking_and_names_the_reason(st: Station, duty: Actor) -> None:
    mb.declare_relation(st.db, SYSTEM, st.family, "王建国", "spouse", WANG.resident_id)
    opts = bo.booking_options(st.db, st.case_id, datetime.now(), st.day)
    zhao = next(o for o in opts.mediators if o.name == "赵敏")
    assert zhao.ranked.blocked and opts.mediators[-1].name == "赵敏"
    (c,) = zhao.ranked.candidate.conflicts
    assert (c.kind, c.party, c.relation) == (ConflictKind.RELATED_TO_PARTY, "王建国", "spouse")
    with pytest.raises(mb.ConflictOfInterestError) as refused:
        book(st, duty, st.family, 9)
    assert refused.value.conflicts["赵敏"][0].kind == ConflictKind.RELATED_TO_PARTY
    with pytest.raises(mb.ConflictOfInterestError):
        book(st, duty, st.family, 9, why="   ")  # a blank justification is none
    assert count(st.db, MediationSession) == 0


def test_each_rule_is_found_from_the_database(st: Station, duty: Actor, db: Database) -> None:
    # The mediator is a party (same resident ID), lives at the address, mediated one side.
    me = mediator(db, "李秀英", "dispute_family", resident_id=LI.resident_id)
    at_home = mediator(db, "吴昊", "dispute_family", address="东城镇 和平路12号")
    earlier = st.new_case(parties=(WANG,), address="别处")
    book(st, duty, st.neighbour, 9, case_id=earlier)
    opts = bo.booking_options(db, st.case_id, datetime.now(), st.day)
    kinds = {o.id: [c.kind for c in o.ranked.candidate.conflicts] for o in opts.mediators}
    assert kinds[me] == [ConflictKind.IS_PARTY]
    assert kinds[at_home] == [ConflictKind.SHARES_ADDRESS]
    assert kinds[st.neighbour] == [ConflictKind.MEDIATED_ONE_SIDE]
    assert kinds[st.family] == []


def test_override_needs_the_permission_and_is_audited(
    st: Station, duty: Actor, make_actor: Any
) -> None:
    mb.declare_relation(st.db, SYSTEM, st.family, "王建国", "neighbour", WANG.resident_id)
    with pytest.raises(PermissionDeniedError):
        book(st, duty, st.family, 9, why="只有他会讲粤语")
    assert count(st.db, MediationSession) == 0
    with st.db.read() as s:
        refusal = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (refusal.action, refusal.outcome, refusal.username) == (
        "mediation.conflict_override", "refused", "duty",
    )  # fmt: skip
    director = make_actor("director", Role.DIRECTOR)
    booked = book(st, director, st.family, 9, why="只有他会讲粤语，双方同意")
    assert [c.kind for c in booked.overridden] == [ConflictKind.RELATED_TO_PARTY]
    with st.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "mediation.conflict_override", AuditEntry.outcome == "ok"
            )
        ).one()
        session = s.get(MediationSession, booked.session_id)
        assert session.conflict_override == "只有他会讲粤语，双方同意"
    values = json.loads(entry.new_values)
    assert (entry.username, entry.object_id) == ("director", booked.session_id)
    assert values["justification"] == "只有他会讲粤语，双方同意"
    assert values["conflicts"][0]["rule"] == "related_to_party"
    assert audit.verify_chain(st.db).ok


def test_claims_of_a_session_cancelled_elsewhere_do_not_block(st: Station, duty: Actor) -> None:
    booked = book(st, duty, st.family, 9)
    with unit_of_work(st.db, SYSTEM, Permission.EDIT_MEDIATION, "test.cancel") as uow:
        # Another module marks the session cancelled without releasing its claims.
        uow.update(MediationSession, booked.session_id, 1, status=SessionStatus.CANCELLED)
    assert mb.claims_of(st.db, booked.session_id) == (6, 6)
    again = book(st, duty, st.family, 9, case_id=st.new_case())
    assert mb.claims_of(st.db, booked.session_id) == (0, 0)
    assert mb.claims_of(st.db, again.session_id) == (6, 6)
