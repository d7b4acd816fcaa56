"""Reading full personal data (unmasked resident IDs and phone numbers) -- always audited.

Lists and the case detail show parties masked. Showing them in full needs
``Permission.VIEW_PERSONAL_DATA``; every reading is recorded in the audit trail
*before* the data is read (so an attempt that then fails is on record too), and a
refusal is recorded with outcome ``refused``.
"""

from __future__ import annotations

from sqlalchemy import select

from stationdesk.data import audit
from stationdesk.data.cases import PartyInfo
from stationdesk.data.database import Database
from stationdesk.data.schema import Case, CaseParty
from stationdesk.data.uow import Actor, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import Permission

READ_ACTION = "personal_data.read"


def check_may_read(db: Database, actor: Actor, table: str, row_id: int | None) -> None:
    """Raise PermissionDeniedError (and audit the refusal) unless ``actor`` may read it."""
    if actor.can(Permission.VIEW_PERSONAL_DATA):
        return
    audit.record(
        db,
        actor,
        READ_ACTION,
        table,
        row_id,
        {"missing_permission": Permission.VIEW_PERSONAL_DATA.value},
        outcome="refused",
    )
    raise PermissionDeniedError(actor, Permission.VIEW_PERSONAL_DATA)


def reveal_party_details(db: Database, actor: Actor, case_id: int) -> tuple[PartyInfo, ...]:
    """The parties of a case with resident ID and phone in full (audited read)."""
    check_may_read(db, actor, Case.__tablename__, case_id)
    audit.record(db, actor, READ_ACTION, Case.__tablename__, case_id, {"what": "parties"})
    with db.read() as session:
        if session.get(Case, case_id) is None:
            raise NotFoundError(Case.__tablename__, case_id)
        rows = session.execute(
            select(CaseParty.name, CaseParty.role, CaseParty.resident_id, CaseParty.phone)
            .where(CaseParty.case_id == case_id)
            .order_by(CaseParty.id)
        ).all()
    return tuple(PartyInfo(name, role, rid or "", phone or "") for name, role, rid, phone in rows)
