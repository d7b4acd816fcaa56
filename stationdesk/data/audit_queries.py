"""Reading the audit trail: search with filters, page by page, and export to CSV.

Only the station director and the administrator read the audit trail: its old and
new values hold personal data. Opening it and exporting it are themselves audited.
Results are plain values, newest first, paged by id (keyset: ``after_id`` is the
last id of the previous page, the next page holds older entries).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select

from stationdesk.data import audit
from stationdesk.data.audit import Cancelled, Progress
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import Actor, PermissionDeniedError
from stationdesk.domain.enums import Permission, Role

PAGE_SIZE = 500
# Who may read the trail. The permission is the one that guards personal data, which
# the trail's old and new values contain; in ROLE_PERMISSIONS only the director and
# the administrator hold it.
READ_PERMISSION = Permission.VIEW_PERSONAL_DATA
AUDIT_READER_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN})
CSV_COLUMNS = (
    "id",
    "at",
    "username",
    "workstation",
    "action",
    "object_table",
    "object_id",
    "outcome",
    "old_values",
    "new_values",
    "hash",
)


@dataclass(frozen=True)
class AuditRow:
    """One entry of the audit trail, as the viewer and the export show it."""

    id: int
    at: datetime
    username: str
    workstation: str
    action: str
    object_table: str
    object_id: int | None
    outcome: str
    old_values: str
    new_values: str
    hash: str


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields mean "any"; ``until`` is exclusive (a date means the whole day)."""

    user: str | None = None
    table: str | None = None
    object_id: int | None = None
    since: datetime | date | None = None
    until: datetime | date | None = None


def may_read_audit(actor: Actor) -> bool:
    return actor.can(READ_PERMISSION)


def check_audit_reader(db: Database, actor: Actor, action: str = "audit.read") -> None:
    """Raise PermissionDeniedError, and audit the refusal, unless ``actor`` may read."""
    if not may_read_audit(actor):
        audit.record_refusal(db, actor, action, READ_PERMISSION.value)
        raise PermissionDeniedError(actor, READ_PERMISSION)


def open_audit_trail(db: Database, actor: Actor) -> None:
    """Check and record that ``actor`` opens the audit trail (the viewer calls it once)."""
    check_audit_reader(db, actor, "audit.read")
    audit.record(db, actor, "audit.read", "audit_entry")


def _start(value: datetime | date) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def _end(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value + timedelta(days=1), time())


def _conditions(f: AuditFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.user:
        conds.append(AuditEntry.username == f.user.strip())
    if f.table:
        conds.append(AuditEntry.object_table == f.table.strip())
    if f.object_id is not None:
        conds.append(AuditEntry.object_id == f.object_id)
    if f.since is not None:
        conds.append(AuditEntry.at >= _start(f.since))
    if f.until is not None:
        conds.append(AuditEntry.at < _end(f.until))
    return conds


_COLUMNS = tuple(getattr(AuditEntry, f.name) for f in fields(AuditRow))


def _rows(db: Database, f: AuditFilter, limit: int, after_id: int | None) -> list[AuditRow]:
    stmt = select(*_COLUMNS).where(*_conditions(f))
    if after_id is not None:
        stmt = stmt.where(AuditEntry.id < after_id)
    stmt = stmt.order_by(AuditEntry.id.desc()).limit(limit)
    with db.engine.connect() as conn:
        return [AuditRow(*r) for r in conn.execute(stmt)]


def search_audit(
    db: Database,
    user: str | None = None,
    table: str | None = None,
    object_id: int | None = None,
    since: datetime | date | None = None,
    until: datetime | date | None = None,
    limit: int = PAGE_SIZE,
    after_id: int | None = None,
) -> list[AuditRow]:
    """Entries matching every given filter, newest first; next page: ``after_id``."""
    return _rows(db, AuditFilter(user, table, object_id, since, until), limit, after_id)


def audit_tables(db: Database) -> list[str]:
    """The object tables that appear in the trail (for the viewer's filter)."""
    stmt = (
        select(AuditEntry.object_table)
        .where(AuditEntry.object_table != "")
        .distinct()
        .order_by(AuditEntry.object_table)
    )
    with db.engine.connect() as conn:
        return [str(t) for t in conn.scalars(stmt)]


def count_audit(db: Database, f: AuditFilter = AuditFilter()) -> int:
    """How many entries match ``f`` (the export's total)."""
    stmt = select(func.count(AuditEntry.id)).where(*_conditions(f))
    with db.engine.connect() as conn:
        return int(conn.scalar(stmt) or 0)


def iter_audit(db: Database, f: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
    """Every matching entry, newest first, read in batches (never all at once)."""
    after: int | None = None
    while True:
        rows = _rows(db, f, batch, after)
        yield from rows
        if len(rows) < batch:
            return
        after = rows[-1].id


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    text = str(value)
    # A spreadsheet runs a cell that starts like a formula: typed text must stay text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def export_csv(
    db: Database,
    actor: Actor,
    path: Path,
    f: AuditFilter = AuditFilter(),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = 2000,
) -> int:
    """Write the matching entries to ``path`` (UTF-8 with BOM, for Excel); return how many.

    The export is audited with its filters and size. The file is written next to
    ``path`` first and moved into place only when complete. ``progress(done, total)``
    is called after each batch; when ``cancelled()`` turns true the export stops with
    :class:`~stationdesk.data.audit.Cancelled` and leaves no file (and no audit entry).
    """
    check_audit_reader(db, actor, "audit.export")
    total = count_audit(db, f) if progress is not None else 0
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            after: int | None = None
            while True:
                rows = _rows(db, f, batch, after)
                for row in rows:
                    writer.writerow([_cell(getattr(row, c)) for c in CSV_COLUMNS])
                count += len(rows)
                if progress is not None:
                    progress(count, max(total, count))
                if cancelled is not None and cancelled():
                    raise Cancelled  # also after the last batch: Cancel means no file
                if len(rows) < batch:
                    break
                after = rows[-1].id
        # On record before the file appears: no export exists that the trail does not name.
        details = {k: v for k, v in asdict(f).items() if v is not None}
        audit.record(
            db,
            actor,
            "audit.export",
            "audit_entry",
            None,
            {**details, "rows": count, "file": path.name},
        )
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
