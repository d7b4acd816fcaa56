"""Append-only audit trail with a hash chain.

Each entry stores the hash of the one before it, so editing or deleting any row
breaks the chain from that point; :func:`verify_chain` names the first broken entry.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from stationdesk.data.schema import AuditEntry

if TYPE_CHECKING:
    from stationdesk.data.database import Database
    from stationdesk.data.uow import Actor

# Any constant works; it only has to be the same on every workstation.
_CHAIN_LOCK_KEY = 7_301_001


@dataclass(frozen=True)
class AuditDraft:
    at: datetime
    user_id: int | None
    username: str
    workstation: str
    action: str
    object_table: str
    object_id: int | None
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    outcome: str = "ok"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    username: str
    workstation: str
    action: str
    object_table: str
    object_id: int | None
    old_values: str
    new_values: str
    outcome: str


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def to_json(values: dict[str, Any]) -> str:
    if not values:
        return ""
    skip = {"password_hash"}  # never copy secrets into the audit trail
    plain = {k: ("<changed>" if k in skip else _plain(v)) for k, v in values.items()}
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def entry_hash(prev_hash: str, fields: tuple[Any, ...]) -> str:
    payload = json.dumps([prev_hash, *[_plain(f) for f in fields]], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _hashed_fields(e: AuditEntry) -> tuple[Any, ...]:
    return (
        e.at,
        e.user_id,
        e.username,
        e.workstation,
        e.action,
        e.object_table,
        e.object_id,
        e.old_values,
        e.new_values,
        e.outcome,
    )


def append(session: Session, drafts: Iterable[AuditDraft]) -> None:
    """Append entries to the chain inside the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers on the chain; SQLite's BEGIN IMMEDIATE already does.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK_KEY})
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    for d in drafts:
        entry = AuditEntry(
            at=d.at,
            user_id=d.user_id,
            username=d.username,
            workstation=d.workstation,
            action=d.action,
            object_table=d.object_table,
            object_id=d.object_id,
            old_values=to_json(d.old_values),
            new_values=to_json(d.new_values),
            outcome=d.outcome,
            prev_hash=prev,
        )
        entry.hash = entry_hash(prev, _hashed_fields(entry))
        session.add(entry)
        prev = entry.hash
    session.flush()


def record(
    db: Database,
    actor: Actor,
    action: str,
    table: str = "",
    row_id: int | None = None,
    details: dict[str, Any] | None = None,
    outcome: str = "ok",
) -> None:
    """An audit entry in its own transaction: refusals and sensitive reads."""
    from sqlalchemy.orm import Session as _Session

    from stationdesk.data.uow import now

    draft = AuditDraft(
        now(),
        actor.user_id,
        actor.username,
        actor.workstation,
        action,
        table,
        row_id,
        {},
        details or {},
        outcome,
    )
    with _Session(db.write_engine) as session, session.begin():
        append(session, [draft])


def record_refusal(db: Database, actor: Actor, action: str, permission: str) -> None:
    record(db, actor, action, details={"missing_permission": permission}, outcome="refused")


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken_id: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def verify_chain(db: Database, batch: int = 5000) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match."""
    prev = ""
    checked = 0
    last_id = 0
    with db.read() as session:
        while True:
            rows = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.id > last_id)
                .order_by(AuditEntry.id)
                .limit(batch)
            ).all()
            if not rows:
                return ChainReport(checked, None)
            for e in rows:
                if e.prev_hash != prev:
                    return ChainReport(
                        checked, e.id, "previous hash does not match (entry removed?)"
                    )
                if e.hash != entry_hash(prev, _hashed_fields(e)):
                    return ChainReport(checked, e.id, "content does not match its hash (edited?)")
                prev = e.hash
                checked += 1
                last_id = e.id


def recent_entries(db: Database, limit: int = 200) -> list[AuditRecord]:
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).all()
        return [
            AuditRecord(
                e.id,
                e.at,
                e.username,
                e.workstation,
                e.action,
                e.object_table,
                e.object_id,
                e.old_values,
                e.new_values,
                e.outcome,
            )
            for e in rows
        ]
