"""Schema creation, upgrade and refusal of a schema newer than the app."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from stationdesk.data import migrate
from stationdesk.data.database import Database
from stationdesk.data.schema import Base


def test_upgrade_creates_every_table_on_an_empty_database(empty_db: Database) -> None:
    result = migrate.upgrade(empty_db)
    assert result.from_revision is None
    assert result.to_revision == migrate.head_revision()
    tables = set(inspect(empty_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    migrate.check_schema(empty_db)  # does not raise


def test_upgrade_twice_changes_nothing(empty_db: Database) -> None:
    migrate.upgrade(empty_db)
    again = migrate.upgrade(empty_db)
    assert again.from_revision == again.to_revision
    assert again.backup is None


def test_schema_matches_the_models(db: Database) -> None:
    """The migrations produce exactly what the ORM models describe (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_missing_schema_is_reported_as_outdated(empty_db: Database) -> None:
    with pytest.raises(migrate.SchemaOutdatedError, match="stationdesk init"):
        migrate.check_schema(empty_db)


def test_a_newer_schema_is_refused(db: Database) -> None:
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(migrate.SchemaTooNewError, match="newer"):
        migrate.check_schema(db)
    with pytest.raises(migrate.SchemaTooNewError):
        migrate.upgrade(db)


def test_upgrade_path_keeps_data_and_backs_up_the_sqlite_file(empty_db: Database) -> None:
    """A database at the previous release's revision upgrades in place, data intact."""
    from stationdesk.data import users
    from stationdesk.data.uow import SYSTEM
    from stationdesk.domain.enums import Role

    first, *_, last = migrate.revisions()
    migrate.upgrade(empty_db, target=first)
    assert migrate.current_revision(empty_db) == first
    with pytest.raises(migrate.SchemaOutdatedError):
        migrate.check_schema(empty_db)
    # Data written by the older release.
    with empty_db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO app_user (username, display_name, password_hash, roles, "
                "failed_attempts, locked, active, version) "
                "VALUES ('old', 'Old', '', 'admin', 0, false, true, 1)"
            )
        )
    result = migrate.upgrade(empty_db)
    assert (result.from_revision, result.to_revision) == (first, last)
    assert "mediator_relation" in inspect(empty_db.engine).get_table_names()
    assert users.find_user(empty_db, "old") is not None
    users.create_user(empty_db, SYSTEM, "new", "New", "long-enough-pw", [Role.ADMIN])
    if empty_db.is_sqlite:
        assert result.backup is not None and result.backup.exists()
        backup = Database(str(result.backup))
        assert migrate.current_revision(backup) == first
        backup.dispose()
    else:
        assert result.backup is None  # PostgreSQL is backed up with pg_dump (see docs)
