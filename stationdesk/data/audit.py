"""Append-only audit trail with a hash chain.

Each entry stores the hash of the one before it, so editing or deleting any row
breaks the chain from that point; :func:`verify_chain` names the first broken entry.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from stationdesk.data.schema import AuditEntry, Setting

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
    _move_chain_head(session)


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
    warning: str = ""  # not a break, but worth telling the administrator

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


class Cancelled(Exception):
    """A long audit job (chain check, export) stopped because the officer cancelled it."""


Progress = Callable[[int, int], None]  # done, total


def count_entries(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(AuditEntry.id))) or 0)


def verify_chain(
    db: Database,
    batch: int = 5000,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match.

    ``progress(checked, total)`` is called after each batch; when ``cancelled()`` turns
    true the check stops with :class:`Cancelled` (it has written nothing).
    """
    prev = ""
    checked = 0
    last_id = 0
    total = count_entries(db) if progress is not None else 0
    with db.read() as session:
        while True:
            if cancelled is not None and cancelled():
                raise Cancelled
            rows = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.id > last_id)
                .order_by(AuditEntry.id)
                .limit(batch)
            ).all()
            if not rows:
                if progress is not None:
                    progress(checked, max(total, checked))
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
            if progress is not None:
                progress(checked, max(total, checked))


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


# --- the chain head anchor: truncation of the newest entries ---------------------------
#
# A hash chain by itself cannot show that its newest entries were cut off: what is left
# is still a valid chain. So every append also records the newest entry's id and hash in
# ``station_setting``, in the same transaction. :func:`verify_audit_trail` then checks
# that this entry is still there, unchanged, at or before the end of the chain. This
# detects anyone who deletes (or rewrites and re-hashes) entries without also rewriting
# the anchor; on PostgreSQL the application role cannot delete audit rows at all (see
# ``pg_setup``). It is not a defence against someone with full write access who knows
# the scheme: only a copy kept elsewhere (an export, a printed chain head) is.

CHAIN_HEAD_KEY = "audit.chain_head"


@dataclass(frozen=True)
class ChainHead:
    id: int
    hash: str


def _move_chain_head(session: Session) -> None:
    """Point the anchor at the newest entry (inside the appending transaction)."""
    newest = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if newest is None:
        return
    value = f"{int(newest[0])}:{newest[1]}"
    setting = session.get(Setting, CHAIN_HEAD_KEY)
    if setting is None:
        session.add(Setting(key=CHAIN_HEAD_KEY, value=value))
    else:
        setting.value = value
    session.flush()


def chain_head(db: Database) -> ChainHead | None:
    """The newest entry as recorded by the last append (None before the first)."""
    with db.read() as session:
        raw = session.scalar(select(Setting.value).where(Setting.key == CHAIN_HEAD_KEY))
    if not raw:
        return None
    head_id, _sep, head_hash = raw.partition(":")
    try:
        return ChainHead(int(head_id), head_hash)
    except ValueError:
        return ChainHead(-1, raw)  # garbled: reported as a break by the caller


def verify_audit_trail(
    db: Database,
    batch: int = 5000,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ChainReport:
    """:func:`verify_chain`, then the chain head anchor (truncated or re-hashed tails).

    The anchor is read first: entries appended while the chain is being checked then
    only make it older, never a false alarm.
    """
    head = chain_head(db)
    report = verify_chain(db, batch, progress, cancelled)
    if not report.ok:
        return report
    with db.read() as session:
        last = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        anchored = (
            session.scalar(select(AuditEntry.hash).where(AuditEntry.id == head.id))
            if head is not None
            else None
        )
    last_id = int(last[0]) if last is not None else 0
    if head is None:
        if last is None:
            return report
        return ChainReport(
            report.checked,
            None,
            warning="no chain head recorded yet (a database from an older StationDesk, or "
            "the record was removed): missing newest entries cannot be detected until "
            "the next entry is written",
        )
    if head.id < 0:
        return ChainReport(report.checked, last_id + 1, "the chain head record is garbled")
    if anchored is None:
        if head.id > last_id:
            return ChainReport(
                report.checked,
                last_id + 1,
                f"the newest entries are missing: the chain ends at entry {last_id}, but "
                f"entry {head.id} was written (truncated?)",
            )
        return ChainReport(report.checked, head.id, "the recorded chain head is missing")
    if anchored != head.hash:
        return ChainReport(
            report.checked,
            head.id,
            "entry does not match the recorded chain head (chain rewritten and re-hashed?)",
        )
    if head.id < last_id:
        return ChainReport(
            report.checked,
            None,
            warning=f"entries after {head.id} were written without moving the chain head "
            "(an older StationDesk workstation?)",
        )
    return report
