"""The throwaway PostgreSQL server the data-layer tests rely on."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

try:
    from tests.pgserver import PostgresNotFoundError, PostgresServer
except ImportError:
    from pgserver import PostgresNotFoundError, PostgresServer  # type: ignore[no-redef,unused-ignore]

pytestmark = pytest.mark.pg


def _unique_name() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


def test_server_is_postgresql_15_on_loopback(pg_server: PostgresServer) -> None:
    assert pg_server.base_url == f"postgresql+psycopg://postgres@127.0.0.1:{pg_server.port}"
    with psycopg.connect(pg_server.conninfo()) as conn:
        version = conn.execute("SELECT version()").fetchone()
        listen = conn.execute("SHOW listen_addresses").fetchone()
        encoding = conn.execute("SHOW server_encoding").fetchone()
    assert version is not None and version[0].startswith("PostgreSQL 15."), version
    assert listen == ("127.0.0.1",)
    assert encoding == ("UTF8",)


def test_created_database_is_usable_through_sqlalchemy(pg_server: PostgresServer) -> None:
    name = _unique_name()
    url = pg_server.create_database(name)
    assert url == f"postgresql+psycopg://postgres@127.0.0.1:{pg_server.port}/{name}"
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == name
            conn.execute(sa.text("CREATE TABLE note (body text NOT NULL)"))
            conn.execute(sa.text("INSERT INTO note VALUES (:b)"), {"b": "邻里纠纷 调解成功"})
        with engine.connect() as conn:
            body = conn.execute(sa.text("SELECT body FROM note")).scalar_one()
        assert body == "邻里纠纷 调解成功"
    finally:
        engine.dispose()
        pg_server.drop_database(name)


def test_drop_database_disconnects_open_sessions(pg_server: PostgresServer) -> None:
    name = _unique_name()
    pg_server.create_database(name)
    lingering = psycopg.connect(pg_server.conninfo(name))
    try:
        pg_server.drop_database(name)
    finally:
        lingering.close()
    with psycopg.connect(pg_server.conninfo()) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    assert found is None
    pg_server.drop_database(name)  # dropping a missing database is not an error


def test_database_names_must_be_plain_identifiers(pg_server: PostgresServer) -> None:
    with pytest.raises(ValueError):
        pg_server.create_database('x"; DROP DATABASE postgres; --')


def test_restart_keeps_port_and_committed_data(
    pg_server_factory: Callable[[], PostgresServer],
) -> None:
    server = pg_server_factory()
    port = server.port
    server.create_database("keep")
    with psycopg.connect(server.conninfo("keep"), autocommit=True) as conn:
        conn.execute("CREATE TABLE t (n int)")
        conn.execute("INSERT INTO t VALUES (42)")
    before = psycopg.connect(server.conninfo("keep"))

    server.restart()

    assert server.port == port
    # The connection opened before the restart is gone, as an app would see it.
    with pytest.raises(psycopg.OperationalError):
        before.execute("SELECT 1")
    before.close()
    with psycopg.connect(server.conninfo("keep")) as conn:
        assert conn.execute("SELECT n FROM t").fetchall() == [(42,)]


def test_start_after_crash_recovers(pg_server_factory: Callable[[], PostgresServer]) -> None:
    server = pg_server_factory()
    server.create_database("crash")
    with psycopg.connect(server.conninfo("crash"), autocommit=True) as conn:
        # The server runs with synchronous_commit=off; a crash may lose the last
        # ~200 ms of commits unless they are made synchronous.
        conn.execute("SET synchronous_commit = on")
        conn.execute("CREATE TABLE t (n int)")
        conn.execute("INSERT INTO t VALUES (1)")

    server.stop_immediate()
    assert not server.running
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(server.conninfo("crash"), connect_timeout=2)
    server.start()

    with psycopg.connect(server.conninfo("crash")) as conn:
        assert conn.execute("SELECT n FROM t").fetchall() == [(1,)]


def test_missing_server_binaries_give_a_clear_error(tmp_path: Path) -> None:
    server = PostgresServer(bin_dir=tmp_path)
    with pytest.raises(PostgresNotFoundError, match="apt-get install postgresql"):
        server.start()
