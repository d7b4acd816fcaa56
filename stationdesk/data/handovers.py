"""The signed handover archive: archive, acknowledge, list, and the stored PDF.

The archive keeps the exact PDF bytes and their SHA-256, the outgoing officer (the
one who archives) and the incoming officer (the one who acknowledges). What the report
holds is gathered by :mod:`stationdesk.data.handover_collect`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.handover_facts import (
    REPORT_LANGUAGES,
)
from stationdesk.data.schema import (
    Handover,
    User,
)
from stationdesk.data.uow import Actor, NotFoundError, unit_of_work
from stationdesk.domain.enums import (
    Permission,
)
from stationdesk.domain.validation import (
    validate_time_range,
)


class HandoverError(Exception):
    """Something the officer did that the handover rules refuse; ``code`` picks the text.

    Codes: ``same_officer`` (the outgoing officer cannot acknowledge their own
    handover), ``not_incoming`` (it names another incoming officer),
    ``already_acknowledged``, ``no_user`` (acknowledging needs a signed-in account),
    ``bad_pdf``, ``bad_language``.
    """

    MESSAGES = {
        "same_officer": "the outgoing officer cannot acknowledge their own handover",
        "not_incoming": "this handover is addressed to another incoming officer",
        "already_acknowledged": "this handover has already been acknowledged",
        "no_user": "only a signed-in officer can acknowledge a handover",
        "bad_pdf": "the document to archive is not a PDF",
        "bad_language": "the report language must be zh_CN or en",
    }

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(self.MESSAGES.get(code, code))
        self.code = code
        self.params = params


@dataclass(frozen=True)
class HandoverRecord:
    """One archived handover (without the PDF bytes: see :func:`handover_pdf`)."""

    id: int
    shift_start: datetime
    shift_end: datetime
    outgoing_user_id: int | None
    outgoing_name: str
    incoming_user_id: int | None
    incoming_name: str
    generated_at: datetime
    acknowledged_at: datetime | None
    language: str
    instructions: str
    sha256: str
    pdf_size: int
    version: int

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


# ------------------------------------------------------------------------ archive


def _record(h: Any, names: dict[int, str], size: int) -> HandoverRecord:
    """From a Handover row or a Core row with the same column names."""
    return HandoverRecord(
        id=h.id,
        shift_start=h.shift_start,
        shift_end=h.shift_end,
        outgoing_user_id=h.outgoing_user_id,
        outgoing_name=names.get(h.outgoing_user_id or 0, ""),
        incoming_user_id=h.incoming_user_id,
        incoming_name=names.get(h.incoming_user_id or 0, ""),
        generated_at=h.generated_at,
        acknowledged_at=h.acknowledged_at,
        language=h.language,
        instructions=h.instructions,
        sha256=h.sha256,
        pdf_size=size,
        version=h.version,
    )


def _user_names(conn: Connection | Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = conn.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {int(i): str(n) for i, n in rows}


def archive_handover(
    db: Database,
    actor: Actor,
    start: datetime,
    end: datetime,
    pdf: bytes,
    lang: str,
    instructions: str,
    incoming_user_id: int | None = None,
    *,
    generated_at: datetime | None = None,
) -> HandoverRecord:
    """Keep the printed handover: the exact PDF bytes, their SHA-256 and both officers.

    The acting user is the outgoing officer. ``incoming_user_id``, if given, is the
    only one who may acknowledge it. Reprint with :func:`handover_pdf`.
    """
    validate_time_range(start, end, "end")
    if lang not in REPORT_LANGUAGES:
        raise HandoverError("bad_language")
    if not pdf.startswith(b"%PDF-"):
        raise HandoverError("bad_pdf")
    if incoming_user_id is not None and incoming_user_id == actor.user_id:
        raise HandoverError("same_officer")
    digest = hashlib.sha256(pdf).hexdigest()
    with unit_of_work(db, actor, Permission.WRITE_HANDOVER, "handover.archive") as uow:
        handover = uow.add(
            Handover(
                shift_start=start,
                shift_end=end,
                outgoing_user_id=actor.user_id,
                incoming_user_id=incoming_user_id,
                generated_at=generated_at or uow.at,
                language=lang,
                instructions=instructions,
                pdf=pdf,
                sha256=digest,
            )
        )
        names = _user_names(uow.session, [actor.user_id, incoming_user_id])
        return _record(handover, names, len(pdf))


def acknowledge_handover(
    db: Database, actor: Actor, handover_id: int, expected_version: int
) -> HandoverRecord:
    """The incoming officer acknowledges the handover (audited).

    Refused with HandoverError when the actor is the outgoing officer, when another
    incoming officer was named, or when it was acknowledged already; a stale
    ``expected_version`` raises ConflictError.
    """
    if actor.user_id is None:
        raise HandoverError("no_user")
    try:
        with unit_of_work(db, actor, Permission.WRITE_HANDOVER, "handover.acknowledge") as uow:
            handover = uow.get(Handover, handover_id)
            if handover.acknowledged_at is not None:
                raise HandoverError("already_acknowledged")
            if handover.outgoing_user_id == actor.user_id:
                raise HandoverError("same_officer")
            if handover.incoming_user_id not in (None, actor.user_id):
                raise HandoverError("not_incoming")
            uow.update(
                Handover,
                handover_id,
                expected_version,
                incoming_user_id=actor.user_id,
                acknowledged_at=uow.at,
            )
            names = _user_names(uow.session, [handover.outgoing_user_id, actor.user_id])
            record = _record(handover, names, len(handover.pdf or b""))
    except HandoverError as exc:
        # The refused attempt is on record too (the transaction above rolled back).
        audit.record(
            db,
            actor,
            "handover.acknowledge",
            "handover",
            handover_id,
            {"refused": exc.code},
            outcome="refused",
        )
        raise
    return record


def list_handovers(db: Database, limit: int = 50) -> list[HandoverRecord]:
    """The latest archived handovers, newest shift first (the PDF bytes stay in the database)."""
    cols = [c for c in Handover.__table__.c if c.key != "pdf"]
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(*cols, func.coalesce(func.length(Handover.pdf), 0))
            .order_by(Handover.shift_start.desc(), Handover.id.desc())
            .limit(limit)
        ).all()
        ids = [v for r in rows for v in (r.outgoing_user_id, r.incoming_user_id)]
        names = _user_names(conn, ids)
    return [_record(r, names, int(r[-1])) for r in rows]


def record_full_edition_output(
    db: Database, actor: Actor, start: datetime, end: datetime, output: str
) -> None:
    """Audit that a full edition (unmasked personal data) was printed or saved."""
    details = {"shift_start": start, "shift_end": end, "output": output}
    audit.record(db, actor, "handover.full_edition_output", "handover", None, details)


def handover_pdf(db: Database, handover_id: int) -> bytes:
    """The archived PDF exactly as it was stored (reprint)."""
    with db.engine.connect() as conn:
        row = conn.execute(select(Handover.pdf).where(Handover.id == handover_id)).first()
    if row is None or row[0] is None:
        raise NotFoundError("handover", handover_id)
    return bytes(row[0])
