"""The start-up schema check reads the revision without Alembic, and agrees with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from stationdesk.data import migrate
from stationdesk.data.database import Database


def test_head_and_known_revisions_are_alembics() -> None:
    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.revisions() == list(migrate._revision_graph())
    for rev in script.walk_revisions():
        assert migrate._known(rev.revision)
        assert set(migrate._revision_graph()[rev.revision]) == set(rev._normalized_down_revisions)
    assert not migrate._known("9999_from_the_future")


def test_current_revision_is_alembics(empty_db: Database) -> None:
    assert migrate.current_revision(empty_db) is None
    first = migrate.revisions()[0]
    migrate.upgrade(empty_db, target=first)
    with empty_db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == first
    assert migrate.current_revision(empty_db) == first
    migrate.upgrade(empty_db)
    assert migrate.current_revision(empty_db) == migrate.head_revision()
    migrate.check_schema(empty_db)


def test_checking_the_schema_does_not_import_alembic(tmp_path: Path) -> None:
    """Alembic (and Mako, Pygments) cost ~0.4 s and ~15 MB at every start: only to upgrade."""
    path = f"{tmp_path}/check.sqlite3"
    migrate.upgrade(Database(path))
    code = (
        "import sys\n"
        "from stationdesk.data import migrate\n"
        "from stationdesk.data.database import Database\n"
        f"migrate.check_schema(Database({path!r}))\n"
        "print(sorted(m for m in ('alembic', 'mako', 'pygments') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"
