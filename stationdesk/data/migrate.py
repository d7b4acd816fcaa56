"""Schema creation and upgrades through Alembic.

``stationdesk init`` calls :func:`upgrade`. A database whose schema revision this
app does not know (written by a newer StationDesk) is refused, so an old
workstation cannot corrupt data during a staged upgrade. A SQLite file is copied
aside before it is upgraded.

Alembic (with Mako and Pygments) is imported only to change a schema: checking the
revision at start-up reads the ``alembic_version`` row and the ``revision`` lines of
the migration files, which costs a few milliseconds instead of ~0.4 s and ~15 MB.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from stationdesk.data.database import Database, DatabaseCorruptError, DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# ``revision = "0007"`` / ``down_revision = "0006"`` (None, or a tuple for a merge).
_REVISION_LINE = re.compile(
    r"^(?P<key>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*$", re.MULTILINE
)


class SchemaTooNewError(DatabaseError):
    pass


class SchemaOutdatedError(DatabaseError):
    pass


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision of the migrations folder and the revisions it follows.

    Read from the files' ``revision``/``down_revision`` lines, as Alembic reads them,
    but without importing Alembic or the migration modules.
    """
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")):
            values.setdefault(m.group("key"), ast.literal_eval(m.group("value")))
        revision = values.get("revision")
        if not isinstance(revision, str):
            continue  # __init__.py and the like
        down = values.get("down_revision")
        graph[revision] = (
            () if down is None else (down,) if isinstance(down, str) else tuple(down)  # type: ignore[arg-type]
        )
    return graph


def head_revision() -> str:
    """The newest revision: the one no other revision follows."""
    graph = _revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    heads = [rev for rev in graph if rev not in followed]
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory  # several heads: let Alembic say so

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision stamped in the database (None: no StationDesk schema yet)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) <= 1:
            return str(rows[0][0]) if rows else None
        from alembic.runtime.migration import MigrationContext  # several heads: its error

        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    return revision in _revision_graph()


def check_schema(db: Database) -> None:
    """Raise unless the database schema is exactly the one this app was built for."""
    current = current_revision(db)
    if current is not None and not _known(current):
        raise SchemaTooNewError(
            f"The database schema ({current}) is newer than this StationDesk understands. "
            "Upgrade this workstation before connecting it to this database."
        )
    if current != head_revision():
        raise SchemaOutdatedError(
            "The database schema is not up to date. Run `stationdesk init` to create or upgrade it."
        )


def _fsync(path: Path) -> None:
    # Directories cannot be opened for fsync on Windows; the rename is durable enough there.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def backup_sqlite(path: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write).

    The copy is written under a temporary name, checked and flushed to disk before it
    gets ``target``'s name, so a full disk or a crash never leaves a half-written file
    that looks like a backup.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    _remove_with_sidecars(partial)
    try:
        src = sqlite3.connect(str(path), timeout=30)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                check = [str(r[0]) for r in dst.execute("PRAGMA quick_check")]
            finally:
                dst.close()
        finally:
            src.close()
        if check != ["ok"]:
            raise DatabaseCorruptError(
                f"the copy of {path} fails SQLite's check ({'; '.join(check[:3])}); "
                "the database itself is damaged"
            )
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except BaseException:
        _remove_with_sidecars(partial)
        raise
    return target


class NotAStationDatabaseError(DatabaseError):
    pass


class DatabaseInUseError(DatabaseError):
    pass


@dataclass(frozen=True)
class RestoreResult:
    revision: str
    moved_aside: Path | None  # the file that was replaced, kept under a new name
    needs_upgrade: bool  # the backup predates this app's schema: run `stationdesk init`


def _backup_revision(source: Path) -> str:
    """The schema revision of a StationDesk SQLite file; raise if it is not one."""
    not_ours = f"{source} is not a StationDesk database"
    try:
        with source.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise NotAStationDatabaseError(f"cannot read {source}: {exc.strerror}") from None
    if header != b"SQLite format 3\x00":
        raise NotAStationDatabaseError(f"{not_ours} (not an SQLite file)")
    conn = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        check = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise DatabaseCorruptError(f"{source} is damaged ({'; '.join(check[:3])})")
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "change_log", "audit_entry"} <= tables:
            raise NotAStationDatabaseError(f"{not_ours} (StationDesk tables missing)")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(f"{source} cannot be read as a database ({exc})") from None
    finally:
        conn.close()
    if row is None:
        raise NotAStationDatabaseError(f"{not_ours} (no schema revision)")
    revision = str(row[0])
    if not _known(revision):
        raise SchemaTooNewError(
            f"{source} was written by a newer StationDesk (schema {revision}); restore it "
            "with that version, or upgrade this workstation first"
        )
    return revision


def _claim_alone(path: Path) -> None:
    """Raise DatabaseInUseError if another connection has ``path`` open.

    Leaving WAL mode needs the only connection to the file, so asking for it is the
    check; it also folds the -wal file into the database. A damaged file cannot answer:
    it is replaced all the same (that is why one restores).
    """
    try:
        conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseInUseError(
                f"{path} is in use (StationDesk or another program has it open). Close "
                "it on this computer, then restore again; nothing was changed"
            ) from None
        return
    except sqlite3.DatabaseError:
        return
    finally:
        conn.close()
    if mode is not None and str(mode[0]).lower() == "wal":
        raise DatabaseInUseError(f"{path} is in use; close StationDesk, then restore again")


def restore_sqlite(source: Path, path: Path) -> RestoreResult:
    """Replace the SQLite database ``path`` with the backup ``source``.

    Refused, changing nothing, if ``source`` is not a healthy StationDesk database, if
    its schema is newer than this app, or if ``path`` is open elsewhere. The current
    file is moved aside (``<name>.before-restore-<time>``), never deleted.
    """
    if path.exists() and source.resolve() == path.resolve():
        raise DatabaseError(f"{source} is the database itself; choose a backup file")
    revision = _backup_revision(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.restoring")
    backup_sqlite(source, staged)  # checked and on disk before anything is moved
    moved_aside = None
    try:
        if path.exists():
            _claim_alone(path)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            moved_aside = path.with_name(f"{path.name}.before-restore-{stamp}")
            for suffix in ("", "-wal", "-shm", "-journal"):
                old = path.with_name(path.name + suffix)
                if old.exists():
                    os.replace(old, moved_aside.with_name(moved_aside.name + suffix))
        os.replace(staged, path)
        _fsync(path.parent)
    except BaseException:
        _remove_with_sidecars(staged)
        raise
    return RestoreResult(revision, moved_aside, revision != head_revision())


def revisions() -> list[str]:
    """All revisions, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def upgrade(db: Database, target: str | None = None) -> UpgradeResult:
    """Create the schema on an empty database, or upgrade it to the newest revision.

    ``target`` (a revision id) is for tests of the upgrade path.
    """
    current = current_revision(db)
    head = target or head_revision()
    if current is not None and not _known(current):
        check_schema(db)  # raises SchemaTooNewError with the message
    backup = None
    path = db.sqlite_path
    if current is not None and current != head and path is not None and path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(path, path.with_name(f"{path.stem}.before-{head}-{stamp}.bak"))
    if current != head:
        from alembic import command

        cfg = _config()
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, head)
    return UpgradeResult(current, head, backup)
