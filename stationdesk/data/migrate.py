"""Schema creation and upgrades through Alembic.

``stationdesk init`` calls :func:`upgrade`. A database whose schema revision this
app does not know (written by a newer StationDesk) is refused, so an old
workstation cannot corrupt data during a staged upgrade. A SQLite file is copied
aside before it is upgraded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from stationdesk.data.database import Database, DatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


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
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    script = ScriptDirectory.from_config(_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False


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


def backup_sqlite(path: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(path), timeout=30)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def revisions() -> list[str]:
    """All revisions, oldest first."""
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
        cfg = _config()
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, head)
    return UpgradeResult(current, head, backup)
