"""Security tests: databases on SQLite and PostgreSQL, signed-in actors, keyrings."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from stationdesk.data import migrate, users
from stationdesk.data.database import Database
from stationdesk.data.uow import SYSTEM, Actor
from stationdesk.domain.enums import Role

PASSWORD = "correct-horse-1"
_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated station database on each back end."""
    if request.param == "sqlite":
        database = Database(str(tmp_path / "station.sqlite3"))
        migrate.upgrade(database)
        yield database
        database.dispose()
        return
    server = request.getfixturevalue("pg_server")
    name = f"sec{next(_names)}"
    database = Database(server.create_database(name))
    migrate.upgrade(database)
    yield database
    database.dispose()
    server.drop_database(name)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database (widget tests)."""
    database = Database(str(tmp_path / "station.sqlite3"))
    migrate.upgrade(database)
    yield database
    database.dispose()


def add_user(db: Database, username: str, *roles: Role) -> Actor:
    users.create_user(db, SYSTEM, username, username.title(), PASSWORD, roles)
    return users.sign_in(db, username, PASSWORD)


@pytest.fixture
def make_actor(db: Database) -> Callable[..., Actor]:
    """Create an account with the given roles and sign it in."""

    def make(username: str, *roles: Role) -> Actor:
        return add_user(db, username, *roles)

    return make


def _memory_backend_class() -> Any:
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class InMemoryKeyring(KeyringBackend):
        """A whole keyring in a dict: what a desktop keyring does, minus the disk."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.passwords.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.passwords[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.passwords.pop((service, username), None) is None:
                raise PasswordDeleteError("not found")

    return InMemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    """An in-memory keyring backend installed for the test (the real one is never used)."""
    import keyring

    previous = keyring.get_keyring()
    backend = _memory_backend_class()()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[Any]:
    """keyring's fail backend: what a headless Linux workstation has."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    backend = fail.Keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
