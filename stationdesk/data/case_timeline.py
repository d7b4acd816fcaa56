"""A case's timeline: everything that happened to it, newest first, as plain values.

Status changes and notes come with :class:`~stationdesk.data.cases.CaseDetail`;
this module adds the assignments (from the audit trail, which records who gave the
case to whom), the mediation sessions booked for it, the linked repeat reports (the
premise history of its address and parties) and -- for the director and the
administrator only, and audited -- the audit entries about it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, or_, select

from stationdesk.data import audit, audit_queries
from stationdesk.data.cases import CaseDetail, NoteInfo, PriorCase, StatusChangeInfo
from stationdesk.data.cases import premise_history as _premise_history
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    AuditEntry,
    Case,
    CaseNote,
    CaseParty,
    CaseStatusChange,
    FollowUp,
    MediationSession,
    Mediator,
    SessionMediator,
    Staff,
    User,
)
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import MediationOutcome, ReferralTarget, SessionStatus, Team

log = logging.getLogger(__name__)

# Unit-of-work actions that can change a case's owner (see cases.py and case_merge.py).
OWNER_ACTIONS = ("case.assign", "case.edit")
AUDIT_LIMIT = 500


class TimelineKind(StrEnum):
    STATUS = "status"
    NOTE = "note"
    ASSIGNMENT = "assignment"
    MEDIATION = "mediation"
    RELATED = "related"
    AUDIT = "audit"
    FOLLOW_UP = "follow_up"  # visits after an agreement (data/mediation_outcome.py)


@dataclass(frozen=True)
class AssignmentInfo:
    """The case was given to an officer and/or a team (or taken away from them)."""

    at: datetime
    by: str
    staff_name: str
    team: Team | None
    previous_staff_name: str
    previous_team: Team | None


@dataclass(frozen=True)
class SessionEntry:
    """A mediation session booked for the case."""

    id: int
    starts_at: datetime
    ends_at: datetime
    room: str
    status: SessionStatus
    outcome: MediationOutcome | None
    mediators: tuple[str, ...]
    agreement_terms: str = ""
    referral_target: ReferralTarget | None = None


@dataclass(frozen=True)
class FollowUpEntry:
    """A follow-up visit after an agreement: due on ``due_on``, done at ``done_at``."""

    id: int
    session_id: int | None
    due_on: date
    done_at: datetime | None
    officer: str
    note: str

    @property
    def at(self) -> datetime:
        """Where it sits on the timeline: when it was done, else the morning it is due."""
        return self.done_at or datetime.combine(self.due_on, time())


@dataclass(frozen=True)
class AuditItem:
    """One audit entry about the case, its notes, parties, history or sessions."""

    id: int
    at: datetime
    username: str
    workstation: str
    action: str
    object_table: str
    object_id: int | None
    outcome: str
    old_values: dict[str, Any]
    new_values: dict[str, Any]


TimelineItem = (
    StatusChangeInfo | NoteInfo | AssignmentInfo | SessionEntry | PriorCase | AuditItem
    | FollowUpEntry
)  # fmt: skip


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: TimelineKind
    item: TimelineItem


@dataclass(frozen=True)
class CaseTimeline:
    """The extra facts of a case's timeline (the detail carries history and notes)."""

    case_id: int
    assignments: tuple[AssignmentInfo, ...]
    sessions: tuple[SessionEntry, ...]
    related: tuple[PriorCase, ...]
    audit: tuple[AuditItem, ...] = ()
    audit_loaded: bool = False
    follow_ups: tuple[FollowUpEntry, ...] = ()


def _values(raw: str) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return {"?": raw}
    return value if isinstance(value, dict) else {"?": value}


def _team(value: Any) -> Team | None:
    try:
        return Team(value) if value else None
    except ValueError:
        return None


def assignments(db: Database, detail: CaseDetail) -> tuple[AssignmentInfo, ...]:
    """Every change of owner recorded for the case, oldest first."""
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.at, AuditEntry.user_id, AuditEntry.username, AuditEntry.old_values,
                   AuditEntry.new_values)
            .where(
                AuditEntry.object_table == Case.__tablename__,
                AuditEntry.object_id == detail.id,
                AuditEntry.action.in_(OWNER_ACTIONS),
                AuditEntry.outcome == "ok",
            )
            .order_by(AuditEntry.id)
        ).all()  # fmt: skip
        changes = [
            (at, user_id, username, _values(old_raw), new)
            for at, user_id, username, old_raw, new_raw in rows
            if "owner_staff_id" in (new := _values(new_raw)) or "owner_team" in new
        ]
        staff_ids = {
            v
            for _at, _u, _n, old, new in changes
            for v in (old.get("owner_staff_id"), new.get("owner_staff_id"))
            if isinstance(v, int)
        }
        user_ids = {u for _at, u, _n, _o, _new in changes if u is not None}
        names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))).all())
        users = dict(
            s.execute(select(User.id, User.display_name).where(User.id.in_(user_ids))).all()
        )
    # An entry names only the fields that changed: walk back from the owner the case
    # has now to know the other field before and after each change.
    state: dict[str, Any] = {
        "owner_staff_id": detail.owner_staff_id,
        "owner_team": detail.owner_team.value if detail.owner_team else None,
    }
    out = []
    for at, user_id, username, old, _new in reversed(changes):
        after = dict(state)
        state.update({k: old[k] for k in ("owner_staff_id", "owner_team") if k in old})

        def name(staff_id: Any) -> str:
            return str(names.get(staff_id, "")) if isinstance(staff_id, int) else ""

        out.append(
            AssignmentInfo(
                at,
                users.get(user_id, "") or username,
                name(after["owner_staff_id"]),
                _team(after["owner_team"]),
                name(state["owner_staff_id"]),
                _team(state["owner_team"]),
            )
        )
    return tuple(reversed(out))


def sessions(db: Database, case_id: int) -> tuple[SessionEntry, ...]:
    """The mediation sessions booked for the case, earliest first."""
    with db.read() as s:
        booked = s.scalars(
            select(MediationSession)
            .where(MediationSession.case_id == case_id)
            .order_by(MediationSession.starts_at, MediationSession.id)
        ).all()
        names: dict[int, list[str]] = {}
        if booked:
            for sid, name in s.execute(
                select(SessionMediator.session_id, Mediator.name)
                .join(Mediator, Mediator.id == SessionMediator.mediator_id)
                .where(SessionMediator.session_id.in_([m.id for m in booked]))
                .order_by(Mediator.name)
            ):
                names.setdefault(sid, []).append(name)
        return tuple(
            SessionEntry(
                m.id, m.starts_at, m.ends_at, m.room, m.status, m.outcome,
                tuple(names.get(m.id, ())), m.agreement_terms, m.referral_target,
            )
            for m in booked
        )  # fmt: skip


def related_cases(db: Database, detail: CaseDetail, window_days: int) -> tuple[PriorCase, ...]:
    """Other reports at the case's address or with its parties: from ``window_days``
    before this report on (later repeat reports are linked too), newest first."""
    found = _premise_history(
        db,
        detail.address,
        [p.resident_id for p in detail.parties if p.resident_id],
        [p.phone for p in detail.parties if p.phone],
        days=window_days,
        at=detail.reported_at,
    )
    return tuple(p for p in found if p.id != detail.id)


def case_timeline(db: Database, detail: CaseDetail, window_days: int) -> CaseTimeline:
    """The timeline facts every officer may see (no audit entries)."""
    return CaseTimeline(
        detail.id,
        assignments(db, detail),
        sessions(db, detail.id),
        related_cases(db, detail, window_days),
        follow_ups=follow_up_entries(db, detail.id),
    )


def follow_up_entries(db: Database, case_id: int) -> tuple[FollowUpEntry, ...]:
    """The follow-up visits booked after the case's agreements, earliest due first."""
    with db.read() as s:
        rows = s.execute(
            select(FollowUp.id, FollowUp.session_id, FollowUp.due_on, FollowUp.done_at,
                   Staff.name, FollowUp.note)
            .outerjoin(Staff, Staff.id == FollowUp.officer_id)
            .where(FollowUp.case_id == case_id)
            .order_by(FollowUp.due_on, FollowUp.id)
        ).all()  # fmt: skip
    return tuple(FollowUpEntry(r[0], r[1], r[2], r[3], r[4] or "", r[5]) for r in rows)


def _object_filter(s: Any, case_id: int) -> Any:
    """Audit entries about the case itself or about its notes, parties, history, sessions."""
    parts = [and_(AuditEntry.object_table == Case.__tablename__, AuditEntry.object_id == case_id)]
    for model, column in (
        (CaseNote, CaseNote.case_id),
        (CaseParty, CaseParty.case_id),
        (CaseStatusChange, CaseStatusChange.case_id),
        (MediationSession, MediationSession.case_id),
        (FollowUp, FollowUp.case_id),
    ):
        ids = list(s.scalars(select(model.id).where(column == case_id)))
        if ids:
            parts.append(
                and_(AuditEntry.object_table == model.__tablename__, AuditEntry.object_id.in_(ids))
            )
    return or_(*parts)


def case_audit_entries(db: Database, actor: Actor, case_id: int) -> tuple[AuditItem, ...]:
    """The audit entries about a case, newest first -- director and administrator only.

    Raises PermissionDeniedError (the refusal is audited) for anyone else. The reading
    itself is recorded in the audit trail before anything is read.
    """
    audit_queries.check_audit_reader(db, actor, "audit.read")
    audit.record(db, actor, "audit.read", Case.__tablename__, case_id, {"what": "case timeline"})
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.id, AuditEntry.at, AuditEntry.username, AuditEntry.workstation,
                   AuditEntry.action, AuditEntry.object_table, AuditEntry.object_id,
                   AuditEntry.outcome, AuditEntry.old_values, AuditEntry.new_values)
            .where(_object_filter(s, case_id))
            .order_by(AuditEntry.id.desc())
            .limit(AUDIT_LIMIT)
        ).all()  # fmt: skip
    return tuple(
        AuditItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _values(r[8]), _values(r[9]))
        for r in rows
    )


def entries(
    detail: CaseDetail, timeline: CaseTimeline | None, kinds: Iterable[TimelineKind] = ()
) -> list[TimelineEntry]:
    """Everything on the case's timeline, newest first (only ``kinds`` when given)."""
    wanted = frozenset(kinds) or frozenset(TimelineKind)
    out: list[TimelineEntry] = []

    def add(kind: TimelineKind, items: Sequence[Any], at: str) -> None:
        if kind in wanted:
            out.extend(TimelineEntry(getattr(i, at), kind, i) for i in items)

    add(TimelineKind.STATUS, detail.history, "at")
    add(TimelineKind.NOTE, detail.notes, "at")
    if timeline is not None and timeline.case_id == detail.id:
        add(TimelineKind.ASSIGNMENT, timeline.assignments, "at")
        add(TimelineKind.MEDIATION, timeline.sessions, "starts_at")
        add(TimelineKind.RELATED, timeline.related, "reported_at")
        add(TimelineKind.AUDIT, timeline.audit, "at")
        add(TimelineKind.FOLLOW_UP, timeline.follow_ups, "at")
    order = list(TimelineKind)
    # Newest first; at the same second, in the order things happen (status before note).
    out.sort(key=lambda e: (e.at, -order.index(e.kind)), reverse=True)
    return out
