"""The one unit of work every write goes through.

It takes the acting user, checks the permission, applies the change with a
version check, appends the audit entries and change-log rows, and (on PostgreSQL)
queues NOTIFY -- all in one transaction. A refused write is itself audited.
"""

from __future__ import annotations

import logging
import re
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stationdesk.data import audit
from stationdesk.data.database import Database, replies_within
from stationdesk.data.schema import Base, ChangeLogEntry, WorkToken
from stationdesk.domain.enums import Permission, Role, permissions_of

M = TypeVar("M", bound=Base)
log = logging.getLogger(__name__)
NOTIFY_CHANNEL = "stationdesk_changes"

# A unit of work is milliseconds of SQL. On PostgreSQL the server gives up on a lock
# or a statement first (a clear error), then the client on a server that does not
# answer at all; a transaction left idle by a vanished client is ended by the server,
# so its locks (the audit chain's included) do not stop the other workstations. A
# reported commit must survive a server crash, whatever the server's default.
UOW_REPLY_TIMEOUT_S = 10.0
PG_WRITE_LIMITS = text(
    "SELECT set_config('lock_timeout', '5s', true), "
    "set_config('statement_timeout', '8s', true), "
    "set_config('idle_in_transaction_session_timeout', '15s', true), "
    "set_config('synchronous_commit', 'on', true)"
)
_CHAIN_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def now() -> datetime:
    """Station-local wall-clock time, to the second (what officers read and type)."""
    return datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Actor:
    """Who is acting, from which workstation, with which roles."""

    user_id: int | None
    username: str
    roles: frozenset[Role]
    display_name: str = ""
    workstation: str = field(default_factory=socket.gethostname)

    def can(self, permission: Permission) -> bool:
        return permission in permissions_of(self.roles)


SYSTEM = Actor(None, "system", frozenset({Role.ADMIN}), "system")


class PermissionDeniedError(Exception):
    def __init__(self, actor: Actor, permission: Permission) -> None:
        super().__init__(f"{actor.username} may not {permission.value}")
        self.actor = actor
        self.permission = permission


class NotFoundError(LookupError):
    def __init__(self, table: str, row_id: int) -> None:
        super().__init__(f"{table} {row_id} does not exist (deleted by another workstation?)")
        self.table = table
        self.row_id = row_id


class ConflictError(Exception):
    """Someone saved this row since it was read; carries both sides for a merge."""

    def __init__(
        self,
        table: str,
        row_id: int,
        expected_version: int,
        current_version: int,
        current: dict[str, Any],
        attempted: dict[str, Any],
    ) -> None:
        super().__init__(
            f"{table} {row_id} was changed elsewhere "
            f"(you edited version {expected_version}, it is now version {current_version})"
        )
        self.table = table
        self.row_id = row_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.current = current
        self.attempted = attempted


@dataclass(frozen=True)
class Change:
    """What the change feed carries: a committed (table, id, version)."""

    table: str
    row_id: int
    version: int
    action: str
    seq: int = 0


def row_values(obj: Base) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}


def new_work_token() -> str:
    """A fresh idempotency token for one save."""
    return uuid.uuid4().hex


@dataclass
class _CarriedToken:
    token: str
    used: bool = False


_carried_token: ContextVar[_CarriedToken | None] = ContextVar(
    "stationdesk_work_token", default=None
)


@contextmanager
def carrying_token(token: str) -> Iterator[None]:
    """The first unit of work in this block (this thread) commits under ``token``.

    Later units of work in the same block get fresh tokens. See
    :func:`stationdesk.data.resilience.save_outcome`.
    """
    if not re.fullmatch(r"[0-9a-f]{32}", token):
        raise ValueError(f"not a work token (32 hex digits): {token!r}")
    reset_token = _carried_token.set(_CarriedToken(token))
    try:
        yield
    finally:
        _carried_token.reset(reset_token)


def _take_token() -> str:
    carried = _carried_token.get()
    if carried is None or carried.used:
        return new_work_token()
    carried.used = True
    return carried.token


class UnitOfWork:
    """Handed to service code inside :func:`unit_of_work`; records what it changes."""

    def __init__(self, session: Session, actor: Actor, action: str, token: str = "") -> None:
        self.session = session
        self.actor = actor
        self.action = action
        self.token = token
        self.at = now()
        self._records: list[tuple[str, Base, dict[str, Any], dict[str, Any]]] = []

    def add(self, obj: M) -> M:
        """Insert a row (its id is available on return) and record it."""
        self.session.add(obj)
        self.session.flush()
        self._records.append(("insert", obj, {}, row_values(obj)))
        return obj

    def get(self, model: type[M], row_id: int) -> M:
        obj = self.session.get(model, row_id)
        if obj is None:
            raise NotFoundError(model.__tablename__, row_id)
        return obj

    def update(self, model: type[M], row_id: int, expected_version: int, **changes: Any) -> M:
        """Apply ``changes`` if the row is still at ``expected_version``, else ConflictError."""
        obj = self.get(model, row_id)
        current_version = getattr(obj, "version", None)
        if current_version is not None and current_version != expected_version:
            raise ConflictError(
                model.__tablename__,
                row_id,
                expected_version,
                current_version,
                row_values(obj),
                changes,
            )
        old = {k: getattr(obj, k) for k in changes}
        for key, value in changes.items():
            setattr(obj, key, value)
        try:
            self.session.flush()
        except StaleDataError as exc:
            # Another transaction committed between our read and our UPDATE.
            raise ConflictError(
                model.__tablename__, row_id, expected_version, expected_version + 1, {}, changes
            ) from exc
        changed_old = {k: v for k, v in old.items() if v != changes[k]}
        changed_new = {k: changes[k] for k in changed_old}
        self._records.append(("update", obj, changed_old, changed_new))
        return obj

    def touch(self, obj: Base, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Record a change made to ``obj`` by direct attribute edits (already flushed)."""
        self._records.append(("update", obj, old, new))

    def delete(self, obj: Base) -> None:
        self._records.append(("delete", obj, row_values(obj), {}))
        self.session.delete(obj)
        self.session.flush()

    def _finish(self) -> list[Change]:
        """Write audit entries and change-log rows for everything recorded."""
        self.session.flush()
        changes: list[Change] = []
        entries = []
        for kind, obj, old, new in self._records:
            table = obj.__tablename__
            row_id = int(obj.id) if hasattr(obj, "id") else 0
            version = int(getattr(obj, "version", 0) or 0)
            entries.append(
                audit.AuditDraft(
                    at=self.at,
                    user_id=self.actor.user_id,
                    username=self.actor.username,
                    workstation=self.actor.workstation,
                    action=f"{self.action}:{kind}" if kind != "update" else self.action,
                    object_table=table,
                    object_id=row_id,
                    old_values=old,
                    new_values=new,
                )
            )
            changes.append(Change(table, row_id, version, kind))
        if not entries:
            return []
        # audit.append takes a lock held until commit (BEGIN IMMEDIATE on SQLite, an
        # advisory lock on PostgreSQL), so change-log sequence numbers are handed out
        # in commit order and a reader that saw seq N never misses a later N-1.
        audit.append(self.session, entries)
        rows = [
            {
                "at": self.at,
                "table_name": c.table,
                "row_id": c.row_id,
                "version": c.version,
                "action": c.action,
            }
            for c in changes
        ]
        seqs = self.session.scalars(
            insert(ChangeLogEntry).returning(ChangeLogEntry.seq), rows
        ).all()
        changes = [
            Change(c.table, c.row_id, c.version, c.action, int(seq))
            for c, seq in zip(changes, seqs, strict=True)
        ]
        if self.session.get_bind().dialect.name == "postgresql":
            # NOTIFY is transactional: listeners hear it only if this commits.
            self.session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": NOTIFY_CHANNEL, "payload": str(max(c.seq for c in changes))},
            )
        return changes


ChangeListener = Callable[[list[Change]], None]
_local_listeners: list[ChangeListener] = []


def add_local_listener(listener: ChangeListener) -> None:
    """Called after every commit made by this process (same-workstation refresh)."""
    _local_listeners.append(listener)


def remove_local_listener(listener: ChangeListener) -> None:
    if listener in _local_listeners:
        _local_listeners.remove(listener)


@contextmanager
def unit_of_work(
    db: Database, actor: Actor, permission: Permission, action: str
) -> Iterator[UnitOfWork]:
    """One transaction: permission, change with version checks, audit, change log."""
    if not actor.can(permission):
        audit.record_refusal(db, actor, action, permission.value)
        raise PermissionDeniedError(actor, permission)
    carried = _carried_token.get()
    token = _take_token()
    with (
        replies_within(UOW_REPLY_TIMEOUT_S),
        Session(db.write_engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        if not db.is_sqlite:
            session.execute(PG_WRITE_LIMITS)
        work = UnitOfWork(session, actor, action, token)
        # First, so a question about this token waits for this transaction to end.
        session.execute(insert(WorkToken).values(token=token, at=work.at, state="committed"))
        if not db.is_sqlite:
            # One writer at a time, as BEGIN IMMEDIATE gives on SQLite: service code reads
            # then writes (the next case number, a free slot) and must not race another
            # workstation doing the same. The audit chain needs this lock anyway.
            session.execute(_CHAIN_LOCK, {"k": audit._CHAIN_LOCK_KEY})
        try:
            yield work
            changes = work._finish()
        except BaseException:
            # Refused (a conflict the service then merges, ...): rolled back, never
            # committed, so the save's next unit of work carries the token instead.
            if carried is not None and carried.token == token:
                carried.used = False
            raise
    for listener in list(_local_listeners):
        # The save has committed: a failing listener must not make it look failed.
        try:
            listener(changes)
        except Exception:
            log.exception("change listener %r failed after %s committed", listener, action)


def latest_change_seq(db: Database) -> int:
    with db.engine.connect() as conn:
        value = conn.execute(
            select(ChangeLogEntry.seq).order_by(ChangeLogEntry.seq.desc()).limit(1)
        )
        return int(value.scalar() or 0)
