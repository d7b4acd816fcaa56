"""Data-layer fixtures: every test here runs on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stationdesk.data import migrate, users
from stationdesk.data.database import Database
from stationdesk.data.uow import SYSTEM, Actor
from stationdesk.domain.enums import Role

_names = itertools.count()
PASSWORD = "correct-horse-1"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh database with no schema, on each back end."""
    if request.param == "sqlite":
        db = Database(str(tmp_path / "station.sqlite3"))
        yield db
        db.dispose()
        return
    server = request.getfixturevalue("pg_server")
    name = f"t{next(_names)}"
    db = Database(server.create_database(name))
    yield db
    db.dispose()
    server.drop_database(name)


@pytest.fixture
def db(empty_db: Database) -> Database:
    migrate.upgrade(empty_db)
    return empty_db


@pytest.fixture
def make_actor(db: Database) -> Callable[..., Actor]:
    """Create an account with the given roles and sign it in."""

    def make(username: str, *roles: Role) -> Actor:
        users.create_user(db, SYSTEM, username, username.title(), PASSWORD, roles)
        return users.sign_in(db, username, PASSWORD)

    return make


@pytest.fixture
def duty(make_actor: Callable[..., Actor]) -> Actor:
    """A signed-in duty officer."""
    return make_actor("duty", Role.DUTY_OFFICER)
