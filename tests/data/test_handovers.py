"""The shift handover as the duty officers meet it: what it gathers, the full edition,
the archive and the acknowledgement, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from stationdesk.data import audit, cases, handover_collect, handover_facts, handovers, patrols
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    AuditEntry,
    FollowUp,
    Grid,
    HouseholdVisit,
    MediationSession,
    Mediator,
    OutreachEvent,
    SessionMediator,
    Staff,
    Station,
)
from stationdesk.data.uow import SYSTEM, Actor, ConflictError, PermissionDeniedError, unit_of_work
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    MediationOutcome,
    MediatorKind,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Permission,
    Priority,
    Role,
    SessionStatus,
    ShiftKind,
    StaffKind,
)
from stationdesk.domain.validation import FieldError, resident_id_check_char

START = datetime(2025, 3, 14, 8, 0)
END = datetime(2025, 3, 14, 20, 0)
AT = datetime(2025, 3, 14, 20, 5)
RESIDENT_ID = "11010519491231002" + resident_id_check_char("11010519491231002")
PHONE = "13800138000"
FAKE_PDF = b"%PDF-1.4\n% a handover\n%%EOF\n"


def test_day_and_night_shifts() -> None:
    assert handover_facts.current_shift(datetime(2025, 3, 14, 8, 0)) == (START, END)
    assert handover_facts.current_shift(datetime(2025, 3, 14, 19, 59)) == (START, END)
    night = (END, datetime(2025, 3, 15, 8, 0))
    assert handover_facts.current_shift(datetime(2025, 3, 14, 20, 0)) == night
    assert handover_facts.current_shift(datetime(2025, 3, 15, 7, 59)) == night
    # At 02:00 the shift still running began the evening before.
    assert handover_facts.last_completed_shift(datetime(2025, 3, 15, 2, 0)) == (START, END)
    assert handover_facts.last_completed_shift(datetime(2025, 3, 14, 9, 0)) == (
        datetime(2025, 3, 13, 20, 0),
        START,
    )
    assert handover_facts.shift_kind(START, END) == ShiftKind.DAY
    assert handover_facts.shift_kind(*night) == ShiftKind.NIGHT
    assert handover_facts.shift_kind(START, END + timedelta(hours=1)) == ShiftKind.CUSTOM


@dataclass
class Station_:
    grids: dict[str, int]
    in_shift: list[str]  # case numbers reported during the shift
    overdue_before: str
    open_before: str
    closed_before: str


def _case(
    db: Database,
    actor: Actor,
    at: datetime,
    priority: Priority,
    grid_id: int,
    summary: str,
    *,
    notable: bool = False,
    with_party: bool = False,
) -> cases.CaseDetail:
    parties = (
        (cases.PartyInfo("李娜", PartyRole.COMPLAINANT, RESIDENT_ID, PHONE),) if with_party else ()
    )
    draft = cases.CaseDraft(
        category=CaseCategory.DISPUTE_NEIGHBOUR,
        source=CaseSource.PHONE,
        priority=priority,
        reported_at=at,
        grid_id=grid_id,
        address="幸福路1号",
        summary=summary,
        parties=parties,
        notable=notable,
    )
    return cases.create_case(db, actor, draft)


@pytest.fixture
def station(db: Database, duty: Actor) -> Station_:
    """A small station: three grids, cases in and around the 14 March day shift,
    mediation, patrols (one missed) and community work."""
    with unit_of_work(db, SYSTEM, Permission.MANAGE_STATION, "test.station") as uow:
        uow.add(Station(code="T1", name="测试派出所"))
        officer = uow.add(Staff(badge_no="001", name="张军", kind=StaffKind.POLICE))
        helper = uow.add(Staff(badge_no="002", name="刘洋", kind=StaffKind.AUXILIARY))
        grids = {}
        for code, name in (("G1", "朝阳社区"), ("G2", "西街社区"), ("G3", "杨家营村")):
            grids[name] = uow.add(Grid(code=code, name=name, responsible_officer_id=officer.id)).id
        mediator = uow.add(Mediator(name="申红梅", kind=MediatorKind.STATION_MEDIATOR))
        officer_id, helper_id, mediator_id = officer.id, helper.id, mediator.id
    g1, g2, g3 = grids.values()
    urgent = _case(
        db, duty, START + timedelta(hours=1), Priority.URGENT, g1, "打架斗殴", with_party=True
    )
    flagged = _case(
        db, duty, START + timedelta(hours=3), Priority.NORMAL, g2, "邻里纠纷", notable=True
    )
    _case(db, duty, END + timedelta(minutes=1), Priority.LOW, g1, "下一班的案件")
    overdue = _case(db, duty, START - timedelta(days=5), Priority.HIGH, g3, "超期未结")
    still_open = _case(db, duty, START - timedelta(hours=2), Priority.LOW, g3, "期限未到")
    closed = _case(db, duty, START - timedelta(days=2), Priority.NORMAL, g1, "已经办结")
    cases.change_status(db, duty, closed.id, closed.version, cases.CaseStatus.IN_PROGRESS)
    detail = cases.get_case(db, closed.id)
    cases.change_status(db, duty, closed.id, detail.version, cases.CaseStatus.RESOLVED, "化解")

    with unit_of_work(db, SYSTEM, Permission.EDIT_MEDIATION, "test.mediation") as uow:
        held = uow.add(
            MediationSession(
                case_id=flagged.id,
                starts_at=START + timedelta(hours=5),
                ends_at=START + timedelta(hours=6),
                room="第一调解室",
                status=SessionStatus.HELD,
                outcome=MediationOutcome.AGREEMENT,
            )
        )
        coming = uow.add(
            MediationSession(
                case_id=overdue.id,
                starts_at=END + timedelta(hours=11),  # 07:00 next morning
                ends_at=END + timedelta(hours=12),
                status=SessionStatus.BOOKED,
            )
        )
        uow.add(
            MediationSession(  # two days away: not "coming" in this handover
                case_id=overdue.id,
                starts_at=END + timedelta(days=2),
                ends_at=END + timedelta(days=2, hours=1),
                status=SessionStatus.BOOKED,
            )
        )
        for session in (held, coming):
            uow.add(SessionMediator(session_id=session.id, mediator_id=mediator_id))
        uow.add(FollowUp(case_id=overdue.id, officer_id=officer_id, due_on=date(2025, 3, 10)))
        uow.add(FollowUp(case_id=overdue.id, officer_id=officer_id, due_on=date(2025, 4, 30)))
        uow.add(
            HouseholdVisit(
                grid_id=g1,
                officer_id=officer_id,
                visited_at=START + timedelta(hours=2),
                household="王家",
                notes="了解独居老人生活情况",
            )
        )
        uow.add(
            OutreachEvent(
                grid_id=g2,
                topic=OutreachTopic.FRAUD,
                held_at=START + timedelta(hours=6),
                place="社区广场",
                attendees=60,
            )
        )
    done = patrols.create_shift(
        db,
        duty,
        patrols.ShiftDraft("城区巡逻线", ShiftKind.DAY, START, END, [officer_id], [g1]),
    )
    # Someone else's shift at the same time (one person cannot be on both).
    missed = patrols.create_shift(
        db, duty, patrols.ShiftDraft("沿河巡逻线", ShiftKind.DAY, START, END, [helper_id], [g2])
    )
    patrols.set_status(db, duty, done, 1, PatrolStatus.COMPLETED)
    patrols.set_status(db, duty, missed, 1, PatrolStatus.MISSED)
    return Station_(
        grids=grids,
        in_shift=[urgent.case_no, flagged.case_no],
        overdue_before=overdue.case_no,
        open_before=still_open.case_no,
        closed_before=closed.case_no,
    )


def test_handover_gathers_the_shift(db: Database, station: Station_) -> None:
    data = handover_collect.collect_handover(db, START, END, AT, instructions="  注意防火  ")
    assert data.station == "测试派出所"
    assert data.shift_kind == ShiftKind.DAY
    assert [c.case_no for c in data.new_cases] == station.in_shift
    assert data.new_cases_total == 2
    assert dict(data.new_by_category)[CaseCategory.DISPUTE_NEIGHBOUR] == 2
    assert dict(data.new_by_priority)[Priority.URGENT] == 1
    # Open cases: both new ones, the overdue one, the one still in time and the one
    # reported after the shift (it is open now); not the resolved one.
    open_counts = {p.priority: (p.open, p.overdue) for p in data.open_by_priority}
    assert open_counts[Priority.HIGH] == (1, 1)
    assert data.open_total == 5 and data.overdue_total == 1
    carried = {c.case_no: c for c in data.carried_over}
    assert carried[station.overdue_before].overdue
    assert not carried[station.open_before].overdue
    assert station.closed_before not in carried
    assert [c.case_no for c in data.notable] == [station.in_shift[1]]
    assert [s.mediators for s in data.mediation_held] == [("申红梅",)]
    assert data.mediation_held_count == 1
    assert [s.case_no for s in data.mediation_coming] == [station.overdue_before]
    assert (data.patrols_completed, data.patrols_missed) == (1, 1)
    # The missed patrol covered nothing: its grid and the unpatrolled one are gaps.
    assert data.uncovered_grids == ("西街社区", "杨家营村")
    assert data.grids_total == 3
    assert [v.household for v in data.visits] == ["王家"] and data.visits_total == 1
    assert [e.topic for e in data.outreach] == [OutreachTopic.FRAUD]
    # Only the follow-up due by the end of the next shift, and it is overdue.
    assert [(f.due_on, f.overdue) for f in data.follow_ups] == [(date(2025, 3, 10), True)]
    assert data.instructions == "注意防火"


def test_personal_data_is_masked_by_default(db: Database, station: Station_) -> None:
    data = handover_collect.collect_handover(db, START, END, AT)
    (party,) = data.new_cases[0].parties
    assert party.name == "李娜"
    assert party.resident_id == "110***********" + RESIDENT_ID[-4:]
    assert party.phone == "138****8000"
    # Carried-over cases carry no parties at all (minimised).
    assert all(not c.parties for c in data.carried_over)


def test_full_edition_needs_the_permission_and_is_audited(
    db: Database, station: Station_, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    with pytest.raises(PermissionDeniedError):
        handover_collect.collect_handover(db, START, END, AT, actor=duty, full_personal_data=True)
    with pytest.raises(PermissionDeniedError):
        handover_collect.collect_handover(db, START, END, AT, full_personal_data=True)
    director = make_actor("director", Role.DIRECTOR)
    data = handover_collect.collect_handover(
        db, START, END, AT, actor=director, full_personal_data=True
    )
    assert data.full_personal_data
    (party,) = data.new_cases[0].parties
    assert (party.resident_id, party.phone) == (RESIDENT_ID, PHONE)
    entries = [e for e in audit.recent_entries(db) if e.action == "handover.full_edition"]
    assert [(e.username, e.outcome) for e in entries] == [("director", "ok"), ("duty", "refused")]


def test_period_must_be_sensible(db: Database) -> None:
    with pytest.raises(FieldError) as empty:
        handover_collect.collect_handover(db, END, START)
    assert empty.value.code == "end_before_start"
    with pytest.raises(FieldError) as long:
        handover_collect.collect_handover(db, START, START + timedelta(days=40))
    assert long.value.code == "period_too_long"


def test_archive_keeps_the_exact_pdf_and_its_hash(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    incoming = make_actor("incoming", Role.DUTY_OFFICER)
    record = handovers.archive_handover(
        db, duty, START, END, FAKE_PDF, "zh_CN", "注意防火", incoming.user_id
    )
    assert record.sha256 == hashlib.sha256(FAKE_PDF).hexdigest()
    assert (record.outgoing_name, record.incoming_name) == ("Duty", "Incoming")
    assert record.pdf_size == len(FAKE_PDF) and not record.acknowledged
    reprint = handovers.handover_pdf(db, record.id)
    assert reprint == FAKE_PDF
    assert hashlib.sha256(reprint).hexdigest() == record.sha256
    (listed,) = handovers.list_handovers(db)
    assert listed == record
    with db.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.object_table == "handover")
        ).all()
    assert actions == ["handover.archive:insert"]


def test_archive_refuses_what_is_not_a_handover(db: Database, duty: Actor) -> None:
    with pytest.raises(handovers.HandoverError) as not_pdf:
        handovers.archive_handover(db, duty, START, END, b"hello", "zh_CN", "")
    assert not_pdf.value.code == "bad_pdf"
    with pytest.raises(handovers.HandoverError) as lang:
        handovers.archive_handover(db, duty, START, END, FAKE_PDF, "fr", "")
    assert lang.value.code == "bad_language"
    assert handovers.list_handovers(db) == []


def test_acknowledgement_by_the_incoming_officer_is_audited(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    record = handovers.archive_handover(db, duty, START, END, FAKE_PDF, "en", "")
    # The outgoing officer cannot sign for the incoming one: refused, and on record.
    with pytest.raises(handovers.HandoverError) as same:
        handovers.acknowledge_handover(db, duty, record.id, record.version)
    assert same.value.code == "same_officer"
    assert "outgoing officer" in str(same.value)
    incoming = make_actor("incoming", Role.DUTY_OFFICER)
    with pytest.raises(ConflictError):
        handovers.acknowledge_handover(db, incoming, record.id, record.version + 1)
    signed = handovers.acknowledge_handover(db, incoming, record.id, record.version)
    assert signed.acknowledged and signed.incoming_name == "Incoming"
    assert signed.acknowledged_at is not None
    assert signed.version == record.version + 1
    with pytest.raises(handovers.HandoverError) as again:
        handovers.acknowledge_handover(db, incoming, record.id, signed.version)
    assert again.value.code == "already_acknowledged"
    with db.read() as s:
        trail = s.execute(
            select(AuditEntry.action, AuditEntry.username, AuditEntry.outcome)
            .where(AuditEntry.object_table == "handover", AuditEntry.object_id == record.id)
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(t) for t in trail] == [
        ("handover.archive:insert", "duty", "ok"),
        ("handover.acknowledge", "duty", "refused"),
        ("handover.acknowledge", "incoming", "ok"),
        ("handover.acknowledge", "incoming", "refused"),
    ]
    assert handovers.handover_pdf(db, record.id) == FAKE_PDF  # signing leaves the PDF alone


def test_only_the_named_incoming_officer_may_acknowledge(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    named = make_actor("named", Role.DUTY_OFFICER)
    other = make_actor("other", Role.DUTY_OFFICER)
    record = handovers.archive_handover(db, duty, START, END, FAKE_PDF, "zh_CN", "", named.user_id)
    with pytest.raises(handovers.HandoverError) as wrong:
        handovers.acknowledge_handover(db, other, record.id, record.version)
    assert wrong.value.code == "not_incoming"
    mediator = make_actor("mediator", Role.MEDIATOR)
    with pytest.raises(PermissionDeniedError):
        handovers.acknowledge_handover(db, mediator, record.id, record.version)
    assert handovers.acknowledge_handover(db, named, record.id, record.version).acknowledged


def test_list_is_newest_shift_first_and_reprint_of_unknown_fails(db: Database, duty: Actor) -> None:
    for day in (13, 15, 14):
        start = datetime(2025, 3, day, 8, 0)
        handovers.archive_handover(db, duty, start, start + timedelta(hours=12), FAKE_PDF, "en", "")
    assert [r.shift_start.day for r in handovers.list_handovers(db)] == [15, 14, 13]
    assert len(handovers.list_handovers(db, limit=2)) == 2
    from stationdesk.data.uow import NotFoundError

    with pytest.raises(NotFoundError):
        handovers.handover_pdf(db, 999)
