"""The end of a mediation: its outcome, the case status that follows, follow-up visits
after an agreement, the mediation period's deadline and the agreement document's facts.

Everything a session's outcome changes -- the session, the case's status and history,
the follow-up visits -- is written in one unit of work, so the chain report -> dispute
-> mediation -> agreement -> follow-ups is never half recorded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from stationdesk.data import station_settings
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    CaseParty,
    CaseStatusChange,
    FollowUp,
    MediationSession,
    Mediator,
    SessionMediator,
    Setting,
    Staff,
    Station,
    User,
)
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain import deadlines
from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    MediatorKind,
    PartyRole,
    Permission,
    ReferralTarget,
    SessionStatus,
)
from stationdesk.domain.mediation_outcome import (
    DEFAULT_PERIOD_DAYS,
    DEFAULT_WARNING_DAYS,
    DeadlineState,
    OutcomeError,
    check_follow_up_days,
    check_outcome,
    check_period,
    deadline_state,
    follow_up_overdue,
    mediation_deadline,
)
from stationdesk.domain.validation import mask_resident_id

log = logging.getLogger(__name__)

FOLLOW_UP_DAYS_KEY = "mediation.follow_up_days"
PERIOD_DAYS_KEY = "mediation.period_days"
WARNING_DAYS_KEY = "mediation.warning_days"


# ------------------------------------------------------------------ settings


@dataclass(frozen=True)
class MediationSettings:
    follow_up_days: tuple[int, ...] = deadlines.DEFAULT_FOLLOW_UP_DAYS
    period_days: int = DEFAULT_PERIOD_DAYS
    warning_days: int = DEFAULT_WARNING_DAYS


def settings_in(session: Session) -> MediationSettings:
    """The station's mediation settings; a missing or unreadable one is the default."""
    default = MediationSettings()
    rows = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_((FOLLOW_UP_DAYS_KEY, PERIOD_DAYS_KEY, WARNING_DAYS_KEY))
            )
        ).all()
    )
    try:
        days = (
            check_follow_up_days(json.loads(rows[FOLLOW_UP_DAYS_KEY]))
            if FOLLOW_UP_DAYS_KEY in rows
            else default.follow_up_days
        )
        period = json.loads(rows.get(PERIOD_DAYS_KEY, str(default.period_days)))
        warning = json.loads(rows.get(WARNING_DAYS_KEY, str(default.warning_days)))
        check_period(period, warning)
    except (ValueError, TypeError) as exc:
        log.warning("the stored mediation settings are unreadable (%s); using the default", exc)
        return default
    return MediationSettings(days, period, warning)


def mediation_settings(db: Database) -> MediationSettings:
    with db.read() as session:
        return settings_in(session)


def set_mediation_settings(
    db: Database,
    actor: Actor,
    settings: MediationSettings,
    expected: MediationSettings | None = None,
) -> None:
    """Store follow-up days, mediation period and warning (ValueError if unusable).

    With ``expected`` (the settings the administrator was shown), raises
    SettingsChangedError and stores nothing when another workstation has changed
    them since.
    """
    days = check_follow_up_days(list(settings.follow_up_days))
    check_period(settings.period_days, settings.warning_days)
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "settings.mediation") as uow:
        if expected is not None:
            current = settings_in(uow.session)
            if current != expected:
                raise station_settings.SettingsChangedError("mediation", current)
        station_settings.store_settings(
            uow,
            {
                FOLLOW_UP_DAYS_KEY: json.dumps(list(days)),
                PERIOD_DAYS_KEY: json.dumps(settings.period_days),
                WARNING_DAYS_KEY: json.dumps(settings.warning_days),
            },
        )


# ------------------------------------------------------------------ outcome


@dataclass(frozen=True)
class OutcomeResult:
    session_id: int
    session_version: int
    case_id: int
    case_status: CaseStatus
    follow_up_dates: tuple[date, ...]


def record_outcome(
    db: Database,
    actor: Actor,
    session_id: int,
    expected_version: int,
    outcome: MediationOutcome,
    terms: str = "",
    referral: ReferralTarget | None = None,
    reason: str = "",
) -> OutcomeResult:
    """Record how a session ended; the case's status follows in the same transaction.

    An agreement resolves the case and books the follow-up visits (station setting,
    default 7 and 30 days) for the case's officer; no agreement refers it to
    ``referral``; a partial agreement keeps it in mediation unless ``referral`` is
    given. Raises OutcomeError (nothing changed) when the rules refuse, and
    ConflictError when the session changed since ``expected_version`` was read.
    """
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediation.outcome") as uow:
        ms = uow.get(MediationSession, session_id)
        case = uow.get(Case, ms.case_id)
        target = check_outcome(
            session_status=ms.status,
            session_starts_at=ms.starts_at,
            recorded=ms.outcome,
            case_status=case.status,
            outcome=outcome,
            terms=terms,
            referral=referral,
            now=uow.at,
        )
        uow.update(
            MediationSession,
            session_id,
            expected_version,
            status=SessionStatus.HELD,
            outcome=outcome,
            agreement_terms=terms.strip(),
            referral_target=referral,
        )
        if target is not None:
            from_status = case.status
            why = reason.strip() or _default_reason(outcome, referral)
            changes: dict[str, object] = {"status": target, "updated_at": uow.at}
            if not target.is_open:
                changes["closed_at"] = uow.at
            uow.update(Case, case.id, case.version, **changes)
            uow.add(
                CaseStatusChange(
                    case_id=case.id,
                    from_status=from_status,
                    to_status=target,
                    at=uow.at,
                    by_user_id=actor.user_id,
                    reason=why,
                )
            )
        dates: tuple[date, ...] = ()
        if outcome == MediationOutcome.AGREEMENT:
            dates = deadlines.follow_up_dates(
                uow.at.date(), settings_in(uow.session).follow_up_days
            )
            for due in dates:
                uow.add(
                    FollowUp(
                        case_id=case.id,
                        session_id=session_id,
                        officer_id=case.owner_staff_id,
                        due_on=due,
                    )
                )
        result = OutcomeResult(session_id, ms.version, case.id, case.status, dates)
    return result


def _default_reason(outcome: MediationOutcome, referral: ReferralTarget | None) -> str:
    text = f"mediation: {outcome.value}"
    return f"{text}; referred to {referral.value}" if referral else text


# ------------------------------------------------------------------ follow-ups


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    case_id: int
    case_no: str
    case_summary: str
    session_id: int | None
    officer_id: int | None
    officer_name: str
    due_on: date
    done_at: datetime | None
    note: str
    version: int
    overdue: bool


def staff_of(db: Database, actor: Actor) -> int | None:
    """The staff member the signed-in user is (None for accounts without one)."""
    if actor.user_id is None:
        return None
    with db.read() as s:
        return s.scalar(select(User.staff_id).where(User.id == actor.user_id))


def follow_ups(
    db: Database,
    today: date,
    *,
    officer_id: int | None = None,
    case_id: int | None = None,
    include_done: bool = False,
    limit: int = 500,
) -> list[FollowUpInfo]:
    """Follow-up visits, earliest due first (pending only unless ``include_done``)."""
    stmt = (
        select(FollowUp, Case.case_no, Case.summary, Staff.name)
        .join(Case, Case.id == FollowUp.case_id)
        .outerjoin(Staff, Staff.id == FollowUp.officer_id)
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(limit)
    )
    if officer_id is not None:
        stmt = stmt.where(FollowUp.officer_id == officer_id)
    if case_id is not None:
        stmt = stmt.where(FollowUp.case_id == case_id)
    if not include_done:
        stmt = stmt.where(FollowUp.done_at.is_(None))
    with db.read() as s:
        return [
            FollowUpInfo(
                f.id, f.case_id, no, summary, f.session_id, f.officer_id, name or "",
                f.due_on, f.done_at, f.note, f.version,
                follow_up_overdue(f.due_on, f.done_at, today),
            )
            for f, no, summary, name in s.execute(stmt)
        ]  # fmt: skip


def my_follow_ups(db: Database, actor: Actor, today: date) -> list[FollowUpInfo]:
    """The signed-in officer's pending follow-ups (all pending ones for accounts
    that are not a member of staff, such as the administrator)."""
    staff_id = staff_of(db, actor)
    return follow_ups(db, today, officer_id=staff_id)


def record_follow_up(
    db: Database,
    actor: Actor,
    follow_up_id: int,
    expected_version: int,
    result: str,
    done_at: datetime | None = None,
) -> FollowUpInfo:
    """Record the visit's result; ValueError for an empty result or one already recorded."""
    if not result.strip():
        raise ValueError("the result of the visit is required")
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediation.follow_up") as uow:
        f = uow.get(FollowUp, follow_up_id)
        if f.done_at is not None:
            raise ValueError("this follow-up visit already has a result")
        uow.update(
            FollowUp, follow_up_id, expected_version, done_at=done_at or uow.at, note=result.strip()
        )
        case_id, today = f.case_id, uow.at.date()
    return next(
        i for i in follow_ups(db, today, case_id=case_id, include_done=True) if i.id == follow_up_id
    )


# ------------------------------------------------------------------ mediation period


@dataclass(frozen=True)
class MediationDeadline:
    case_id: int
    case_no: str
    summary: str
    owner_name: str
    entered_at: datetime
    deadline: datetime
    state: DeadlineState

    def remaining(self, now: datetime) -> float:
        """Days left (negative once passed)."""
        return (self.deadline - now).total_seconds() / 86400


def mediation_periods(
    db: Database, now: datetime, case_ids: Sequence[int] | None = None
) -> list[MediationDeadline]:
    """The mediation period of every case now in mediation, soonest deadline first.

    The period runs from the case's latest move into mediation.
    """
    entered = (
        select(CaseStatusChange.case_id, func.max(CaseStatusChange.at).label("entered_at"))
        .where(CaseStatusChange.to_status == CaseStatus.IN_MEDIATION)
        .group_by(CaseStatusChange.case_id)
        .subquery()
    )
    owner = aliased(Staff)
    stmt = (
        select(Case.id, Case.case_no, Case.summary, owner.name, entered.c.entered_at)
        .join(entered, entered.c.case_id == Case.id)
        .outerjoin(owner, owner.id == Case.owner_staff_id)
        .where(Case.status == CaseStatus.IN_MEDIATION)
    )
    if case_ids is not None:
        stmt = stmt.where(Case.id.in_(list(case_ids)))
    with db.read() as s:
        settings = settings_in(s)
        rows = s.execute(stmt).all()
    out = []
    for case_id, no, summary, owner_name, entered_at in rows:
        due = mediation_deadline(entered_at, settings.period_days)
        out.append(
            MediationDeadline(
                case_id, no, summary, owner_name or "", entered_at, due,
                deadline_state(due, now, settings.warning_days),
            )
        )  # fmt: skip
    return sorted(out, key=lambda d: (d.deadline, d.case_id))


def mediation_deadlines(db: Database, now: datetime) -> list[MediationDeadline]:
    """Cases whose mediation period ends within the warning window or has passed
    (for the alert panel), the most urgent first."""
    return [d for d in mediation_periods(db, now) if d.state != DeadlineState.OK]


# ------------------------------------------------------------------ agreement document


@dataclass(frozen=True)
class AgreementParty:
    name: str
    role: PartyRole
    resident_id_masked: str


@dataclass(frozen=True)
class AgreementMediator:
    name: str
    kind: MediatorKind
    organisation: str


@dataclass(frozen=True)
class AgreementData:
    """What the printed mediation agreement shows."""

    station: str
    session_id: int
    case_no: str
    category: CaseCategory
    summary: str
    address: str
    held_at: datetime
    room: str
    outcome: MediationOutcome
    terms: str
    parties: tuple[AgreementParty, ...]
    mediators: tuple[AgreementMediator, ...]
    follow_up_dates: tuple[date, ...]


def agreement_document(db: Database, session_id: int) -> AgreementData:
    """The facts of a session's agreement; OutcomeError("no_agreement") if it has none."""
    from stationdesk.data.uow import NotFoundError

    with db.read() as s:
        ms = s.get(MediationSession, session_id)
        if ms is None:
            raise NotFoundError("mediation_session", session_id)
        if ms.outcome not in (MediationOutcome.AGREEMENT, MediationOutcome.PARTIAL):
            raise OutcomeError("no_agreement", str(ms.outcome))
        case = s.get(Case, ms.case_id)
        assert case is not None
        station = s.scalar(select(Station.name).order_by(Station.id).limit(1)) or ""
        parties = s.scalars(
            select(CaseParty).where(CaseParty.case_id == case.id).order_by(CaseParty.id)
        ).all()
        mediators = s.scalars(
            select(Mediator)
            .join(SessionMediator, SessionMediator.mediator_id == Mediator.id)
            .where(SessionMediator.session_id == session_id)
            .order_by(Mediator.kind, Mediator.name)
        ).all()
        dates = s.scalars(
            select(FollowUp.due_on)
            .where(FollowUp.session_id == session_id)
            .order_by(FollowUp.due_on)
        ).all()
        return AgreementData(
            station,
            session_id,
            case.case_no,
            case.category,
            case.summary,
            case.address,
            ms.starts_at,
            ms.room,
            ms.outcome,
            ms.agreement_terms,
            tuple(
                AgreementParty(p.name, p.role, mask_resident_id(p.resident_id))
                for p in parties
                if p.role != PartyRole.WITNESS
            ),
            tuple(AgreementMediator(m.name, m.kind, m.organisation) for m in mediators),
            tuple(dates),
        )
