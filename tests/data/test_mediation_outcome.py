"""The end of a mediation on both back ends: outcome -> case status -> follow-ups,
refusals that change nothing, follow-up results and overdue, the mediation deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from stationdesk.data import cases, mediation_outcome, station_settings
from stationdesk.data.database import Database
from stationdesk.data.mediation_outcome import MediationSettings
from stationdesk.data.schema import (
    AuditEntry,
    CaseStatusChange,
    FollowUp,
    MediationSession,
    Mediator,
    SessionMediator,
    Staff,
    User,
)
from stationdesk.data.uow import SYSTEM, Actor, ConflictError, PermissionDeniedError, now
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    MediationOutcome,
    MediatorKind,
    PartyRole,
    Priority,
    ReferralTarget,
    Role,
    SessionStatus,
    StaffKind,
)
from stationdesk.domain.mediation_outcome import DeadlineState, OutcomeError


@dataclass(frozen=True)
class Setup:
    case_id: int
    session_id: int
    officer_id: int


def _setup(db: Database, duty: Actor, *, starts_in: timedelta = -timedelta(hours=2)) -> Setup:
    with db.read() as s, s.begin():
        officer = Staff(name="王警官", kind=StaffKind.POLICE)
        mediator = Mediator(name="陈调解", kind=MediatorKind.STATION_MEDIATOR)
        s.add_all([officer, mediator])
        s.flush()
        officer_id, mediator_id = officer.id, mediator.id
    draft = cases.CaseDraft(
        category=CaseCategory.DISPUTE_NEIGHBOUR,
        source=CaseSource.WALK_IN,
        priority=Priority.NORMAL,
        reported_at=now() - timedelta(days=3),
        grid_id=None,
        address="南街1号",
        summary="邻里噪音纠纷",
        parties=(
            cases.PartyInfo("张三", PartyRole.COMPLAINANT, "110101199003070035"),
            cases.PartyInfo("李四", PartyRole.RESPONDENT),
        ),
    )
    c = cases.create_case(db, duty, draft)
    c = cases.assign_case(db, duty, c.id, c.version, officer_id)
    c = cases.change_status(db, duty, c.id, c.version, CaseStatus.IN_MEDIATION)
    start = now() + starts_in
    with db.read() as s, s.begin():
        # The case went into mediation the day before the session.
        for change in s.scalars(select(CaseStatusChange).where(CaseStatusChange.case_id == c.id)):
            change.at -= timedelta(days=1)
        ms = MediationSession(
            case_id=c.id, starts_at=start, ends_at=start + timedelta(hours=1), room="第一调解室"
        )
        s.add(ms)
        s.flush()
        s.add(SessionMediator(session_id=ms.id, mediator_id=mediator_id))
        session_id = ms.id
    return Setup(c.id, session_id, officer_id)


def _version(db: Database, session_id: int) -> int:
    with db.read() as s:
        return s.get(MediationSession, session_id).version  # type: ignore[union-attr]


def test_agreement_resolves_the_case_and_books_follow_ups(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    result = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT,
        terms="李四夜间十点后不再装修；赔偿张三500元。",
    )  # fmt: skip
    today = now().date()
    assert result.case_status == CaseStatus.RESOLVED
    assert result.follow_up_dates == (today + timedelta(days=7), today + timedelta(days=30))
    detail = cases.get_case(db, st.case_id)
    assert detail.status == CaseStatus.RESOLVED
    assert detail.history[-1].from_status == CaseStatus.IN_MEDIATION
    with db.read() as s:
        ms = s.get(MediationSession, st.session_id)
        assert ms is not None and ms.status == SessionStatus.HELD
        assert ms.agreement_terms.startswith("李四")
        officers = set(s.scalars(select(FollowUp.officer_id).where(FollowUp.case_id == st.case_id)))
        assert officers == {st.officer_id}
        actions = set(s.scalars(select(AuditEntry.action)))
    assert {"mediation.outcome", "mediation.outcome:insert"} <= actions
    pending = mediation_outcome.follow_ups(db, today, officer_id=st.officer_id)
    assert [f.due_on for f in pending] == list(result.follow_up_dates)
    assert not any(f.overdue for f in pending)


def test_follow_up_days_come_from_the_station_setting(db: Database, duty: Actor) -> None:
    admin = SYSTEM
    mediation_outcome.set_mediation_settings(db, admin, MediationSettings((3, 14, 60), 20, 4))
    assert mediation_outcome.mediation_settings(db) == MediationSettings((3, 14, 60), 20, 4)
    st = _setup(db, duty)
    result = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    today = now().date()
    assert result.follow_up_dates == tuple(today + timedelta(days=n) for n in (3, 14, 60))
    with pytest.raises(ValueError):
        mediation_outcome.set_mediation_settings(db, admin, MediationSettings((), 20, 4))
    with pytest.raises(PermissionDeniedError):
        mediation_outcome.set_mediation_settings(db, duty, MediationSettings((7,), 30, 5))


def test_settings_changed_elsewhere_are_not_overwritten(db: Database) -> None:
    shown = mediation_outcome.mediation_settings(db)  # the defaults, as a dialog shows them
    mediation_outcome.set_mediation_settings(db, SYSTEM, MediationSettings((5,), 20, 3), shown)
    with pytest.raises(station_settings.SettingsChangedError) as err:
        mediation_outcome.set_mediation_settings(db, SYSTEM, MediationSettings((9,), 40, 6), shown)
    assert err.value.current == MediationSettings((5,), 20, 3)
    assert mediation_outcome.mediation_settings(db) == MediationSettings((5,), 20, 3)


def test_no_agreement_refers_the_case_without_follow_ups(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    result = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.NO_AGREEMENT,
        referral=ReferralTarget.COURT, reason="双方分歧较大，建议诉讼",
    )  # fmt: skip
    assert result.case_status == CaseStatus.REFERRED
    detail = cases.get_case(db, st.case_id)
    assert detail.status == CaseStatus.REFERRED
    assert detail.history[-1].reason == "双方分歧较大，建议诉讼"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0
        ms = s.get(MediationSession, st.session_id)
        assert ms is not None and ms.referral_target == ReferralTarget.COURT


def test_partial_agreement_keeps_the_case_in_mediation(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    result = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.PARTIAL, "部分条款"
    )
    assert result.case_status == CaseStatus.IN_MEDIATION
    assert cases.get_case(db, st.case_id).status == CaseStatus.IN_MEDIATION


@pytest.mark.parametrize(
    ("outcome", "terms", "referral", "code"),
    [
        (MediationOutcome.AGREEMENT, "  ", None, "terms_required"),
        (MediationOutcome.NO_AGREEMENT, "", None, "referral_required"),
        (MediationOutcome.AGREEMENT, "条款", ReferralTarget.COURT, "referral_not_allowed"),
    ],
)
def test_incomplete_outcomes_are_refused_and_change_nothing(
    db: Database,
    duty: Actor,
    outcome: MediationOutcome,
    terms: str,
    referral: ReferralTarget | None,
    code: str,
) -> None:
    st = _setup(db, duty)
    version = _version(db, st.session_id)
    with pytest.raises(OutcomeError) as err:
        mediation_outcome.record_outcome(db, duty, st.session_id, version, outcome, terms, referral)
    assert err.value.code == code
    assert _version(db, st.session_id) == version
    assert cases.get_case(db, st.case_id).status == CaseStatus.IN_MEDIATION


def test_invalid_transitions_are_refused(db: Database, duty: Actor) -> None:
    future = _setup(db, duty, starts_in=timedelta(hours=3))
    with pytest.raises(OutcomeError) as err:
        mediation_outcome.record_outcome(
            db, duty, future.session_id, 1, MediationOutcome.AGREEMENT, "条款"
        )
    assert err.value.code == "not_started"
    st = _setup(db, duty)
    mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    with pytest.raises(OutcomeError) as err:  # a second outcome for the same session
        mediation_outcome.record_outcome(
            db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.PARTIAL, "x"
        )
    assert err.value.code == "recorded"
    # A closed case cannot be resolved by another session's agreement.
    other = _setup(db, duty)
    detail = cases.get_case(db, other.case_id)
    detail = cases.change_status(db, duty, detail.id, detail.version, CaseStatus.RESOLVED)
    cases.change_status(db, duty, detail.id, detail.version, CaseStatus.CLOSED)
    with pytest.raises(OutcomeError) as err:
        mediation_outcome.record_outcome(
            db, duty, other.session_id, _version(db, other.session_id),
            MediationOutcome.AGREEMENT, "条款",
        )  # fmt: skip
    assert err.value.code == "case_status"
    with db.read() as s:
        count = s.scalar(
            select(func.count())
            .select_from(CaseStatusChange)
            .where(CaseStatusChange.case_id == other.case_id)
        )
    assert count == 5  # new, assigned, in mediation, resolved, closed: nothing added


def test_stale_session_version_is_a_conflict(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    with pytest.raises(ConflictError):
        mediation_outcome.record_outcome(
            db, duty, st.session_id, 99, MediationOutcome.AGREEMENT, "条款"
        )
    assert cases.get_case(db, st.case_id).status == CaseStatus.IN_MEDIATION


def test_follow_ups_turn_overdue_and_take_a_result(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    res = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    first = res.follow_up_dates[0]
    on_the_day = mediation_outcome.follow_ups(db, first)
    assert [f.overdue for f in on_the_day] == [False, False]
    day_after = mediation_outcome.follow_ups(db, first + timedelta(days=1))
    assert [f.overdue for f in day_after] == [True, False]
    item = day_after[0]
    with pytest.raises(ValueError):
        mediation_outcome.record_follow_up(db, duty, item.id, item.version, "  ")
    done = mediation_outcome.record_follow_up(db, duty, item.id, item.version, "双方履行良好")
    assert done.done_at is not None and done.note == "双方履行良好" and not done.overdue
    assert [f.id for f in mediation_outcome.follow_ups(db, first + timedelta(days=1))] == [
        day_after[1].id
    ]
    with pytest.raises(ConflictError):
        mediation_outcome.record_follow_up(db, duty, day_after[1].id, 42, "x")


def test_my_follow_ups_are_the_signed_in_officers(db: Database, duty: Actor, make_actor) -> None:  # type: ignore[no-untyped-def]
    st = _setup(db, duty)
    mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    officer = make_actor("wang", Role.COMMUNITY_OFFICER)
    with db.read() as s, s.begin():
        s.get(User, officer.user_id).staff_id = st.officer_id  # type: ignore[union-attr]
    colleague = make_actor("li", Role.COMMUNITY_OFFICER)
    with db.read() as s, s.begin():
        other = Staff(name="李警官", kind=StaffKind.POLICE)
        s.add(other)
        s.flush()
        s.get(User, colleague.user_id).staff_id = other.id  # type: ignore[union-attr]
    today = now().date()
    assert len(mediation_outcome.my_follow_ups(db, officer, today)) == 2
    assert mediation_outcome.my_follow_ups(db, colleague, today) == []


def test_mediation_deadline_warns_before_the_period_ends(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    with db.read() as s:
        entered = s.scalar(
            select(func.max(CaseStatusChange.at)).where(
                CaseStatusChange.case_id == st.case_id,
                CaseStatusChange.to_status == CaseStatus.IN_MEDIATION,
            )
        )
    assert entered is not None
    deadline = entered + timedelta(days=30)
    assert mediation_outcome.mediation_deadlines(db, deadline - timedelta(days=6)) == []
    warned = mediation_outcome.mediation_deadlines(db, deadline - timedelta(days=4))
    assert [(d.case_id, d.state, d.deadline) for d in warned] == [
        (st.case_id, DeadlineState.WARNING, deadline)
    ]
    passed = mediation_outcome.mediation_deadlines(db, deadline + timedelta(minutes=1))
    assert passed[0].state == DeadlineState.PASSED
    assert passed[0].remaining(deadline + timedelta(days=1)) == pytest.approx(-1)
    # A shorter period from the station setting moves the deadline.
    mediation_outcome.set_mediation_settings(db, SYSTEM, MediationSettings((7, 30), 10, 2))
    soon = mediation_outcome.mediation_deadlines(db, entered + timedelta(days=9))
    assert soon[0].deadline == entered + timedelta(days=10)
    # Once the case leaves mediation there is nothing to warn about.
    mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    assert mediation_outcome.mediation_deadlines(db, deadline + timedelta(days=1)) == []


def test_agreement_document_facts(db: Database, duty: Actor) -> None:
    st = _setup(db, duty)
    with pytest.raises(OutcomeError):
        mediation_outcome.agreement_document(db, st.session_id)
    mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款一"
    )
    doc = mediation_outcome.agreement_document(db, st.session_id)
    assert [p.name for p in doc.parties] == ["张三", "李四"]
    assert doc.parties[0].resident_id_masked == "110***********0035"
    assert [m.name for m in doc.mediators] == ["陈调解"]
    assert doc.terms == "条款一"
    assert len(doc.follow_up_dates) == 2
    assert isinstance(doc.held_at, datetime) and isinstance(doc.follow_up_dates[0], date)
    assert time(0) <= doc.held_at.time()


def test_the_case_timeline_shows_the_whole_chain(db: Database, duty: Actor) -> None:
    from stationdesk.data import case_timeline
    from stationdesk.data.case_timeline import FollowUpEntry, SessionEntry, TimelineKind

    st = _setup(db, duty)
    res = mediation_outcome.record_outcome(
        db, duty, st.session_id, _version(db, st.session_id), MediationOutcome.AGREEMENT, "条款"
    )
    detail = cases.get_case(db, st.case_id)
    timeline = case_timeline.case_timeline(db, detail, window_days=90)
    chain = list(reversed(case_timeline.entries(detail, timeline)))  # oldest first
    kinds = [e.kind for e in chain if e.kind != TimelineKind.ASSIGNMENT]
    assert kinds == [
        TimelineKind.STATUS,  # reported
        TimelineKind.STATUS,  # assigned
        TimelineKind.STATUS,  # into mediation
        TimelineKind.MEDIATION,  # the session, with its agreement
        TimelineKind.STATUS,  # resolved
        TimelineKind.FOLLOW_UP,
        TimelineKind.FOLLOW_UP,
    ]
    session = next(e.item for e in chain if isinstance(e.item, SessionEntry))
    assert session.outcome == MediationOutcome.AGREEMENT and session.agreement_terms == "条款"
    visits = [e.item for e in chain if isinstance(e.item, FollowUpEntry)]
    assert [v.due_on for v in visits] == list(res.follow_up_dates)
    assert all(v.officer == "王警官" and v.done_at is None for v in visits)
