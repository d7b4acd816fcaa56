"""What booking needs to know about a case and its mediators: the case's parties and
status, and each mediator's conflicts of interest with them (declared relations and
earlier cases that share a party). Read inside the caller's session, by the booking
suggestions (booking_options) and by the booking itself (mediation_booking).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from stationdesk.data.schema import (
    Case,
    CaseParty,
    MediationSession,
    Mediator,
    MediatorRelation,
    SessionMediator,
)
from stationdesk.data.uow import NotFoundError
from stationdesk.domain import workflow
from stationdesk.domain.conflict_of_interest import (
    Conflict,
    DeclaredRelation,
    EarlierCase,
    MediatorFacts,
    PartyFacts,
    find_conflicts,
)
from stationdesk.domain.enums import CaseCategory, CaseStatus
from stationdesk.domain.enums import SessionStatus as SS


@dataclass(frozen=True)
class CaseBrief:
    id: int
    case_no: str
    category: CaseCategory
    status: CaseStatus
    summary: str
    address: str
    version: int
    parties: tuple[PartyFacts, ...]

    @property
    def moves_to_mediation(self) -> bool:
        """Booking moves the case to "in mediation" (the workflow allows it from here)."""
        return self.status != CaseStatus.IN_MEDIATION and workflow.can_transition(
            self.status, CaseStatus.IN_MEDIATION
        )


def case_brief(s: Session, case_id: int) -> CaseBrief:
    """The case as booking sees it (NotFoundError if there is none)."""
    c = s.get(Case, case_id)
    if c is None:
        raise NotFoundError("case_file", case_id)
    parties = tuple(PartyFacts(p.name, p.role, p.resident_id, p.phone) for p in c.parties)
    return CaseBrief(
        c.id, c.case_no, c.category, c.status, c.summary, c.address, c.version, parties
    )


def conflicts_of(
    s: Session, case: CaseBrief, mediators: Sequence[Mediator]
) -> dict[int, tuple[Conflict, ...]]:
    """Conflicts of interest of each mediator with ``case`` (see domain.conflict_of_interest)."""
    ids = [m.id for m in mediators]
    relations: dict[int, list[DeclaredRelation]] = {}
    for r in s.scalars(select(MediatorRelation).where(MediatorRelation.mediator_id.in_(ids))):
        relations.setdefault(r.mediator_id, []).append(
            DeclaredRelation(r.related_name, r.relation, r.related_resident_id, r.related_address)
        )
    # Earlier cases these mediators mediated that share a party with this one (by ID or phone:
    # the rules need a resident ID or a phone to recognise a person).
    rids = [p.resident_id for p in case.parties if p.resident_id]
    phones = [p.phone for p in case.parties if p.phone]
    earlier: dict[int, dict[int, tuple[str, list[PartyFacts]]]] = {}
    if rids or phones:
        rows = s.execute(
            select(
                SessionMediator.mediator_id,
                Case.id,
                Case.case_no,
                CaseParty.name,
                CaseParty.role,
                CaseParty.resident_id,
                CaseParty.phone,
            )
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .join(Case, Case.id == MediationSession.case_id)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .where(
                SessionMediator.mediator_id.in_(ids),
                MediationSession.status != SS.CANCELLED,
                Case.id != case.id,
                or_(CaseParty.resident_id.in_(rids), CaseParty.phone.in_(phones)),
            )
            .distinct()
        )
        for mid, cid, no, name, role, rid, phone in rows:
            entry = earlier.setdefault(mid, {}).setdefault(cid, (no, []))
            entry[1].append(PartyFacts(name, role, rid, phone))
    out: dict[int, tuple[Conflict, ...]] = {}
    for m in mediators:
        facts = MediatorFacts(
            m.id, m.name, m.resident_id, m.phone, m.address, tuple(relations.get(m.id, ()))
        )
        cases = [
            EarlierCase(cid, no, tuple(ps))
            for cid, (no, ps) in sorted(earlier.get(m.id, {}).items())
        ]
        out[m.id] = find_conflicts(facts, case.parties, case.address, cases)
    return out
