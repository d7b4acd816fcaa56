"""Fault tests: real servers, a real TCP proxy, real mounts -- no mocks.

The PostgreSQL tests stop, kill and cut off a private server of their own (never the
shared ``pg_server``); the application reaches it through :class:`TcpProxy`, and
"another workstation" connects to it directly.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from faultkit import Mount, PgStation, PostgresServer, duty_officer, run
from tcp_proxy import TcpProxy

from stationdesk.data import migrate
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor

_names = itertools.count()


@dataclass(frozen=True)
class FaultServer:
    server: PostgresServer
    template: str  # a migrated database with a duty officer, copied for each test
    duty: Actor


@pytest.fixture(scope="session")
def fault_pg() -> Iterator[FaultServer]:
    """A private PostgreSQL server that fault tests may stop, crash and restart."""
    if os.environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0"):
        pytest.skip("STATIONDESK_SKIP_PG is set")
    server = PostgresServer()
    server.start()
    try:
        template = Database(server.create_database("station_template"))
        migrate.upgrade(template)
        duty = duty_officer(template)
        template.dispose()
        yield FaultServer(server, "station_template", duty)
    finally:
        server.close()


@pytest.fixture
def pg_station(fault_pg: FaultServer) -> Iterator[PgStation]:
    server = fault_pg.server
    server.start()  # a previous test may have left it stopped
    name = f"f{next(_names)}"
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {fault_pg.template}")
    proxy = TcpProxy((server.host, server.port))
    app = Database(f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/{name}")
    other = Database(server.url(name))
    station = PgStation(server, proxy, name, app, other, fault_pg.duty)
    try:
        yield station
    finally:
        proxy.close()
        app.dispose()
        other.dispose()
        server.start()
        server.drop_database(name)


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Mount]]:
    """Mount a tmpfs of the given size (e.g. "2m") -- a disk that can really be full or
    read-only, even for root. Skipped where mounting is not allowed."""
    mounted: list[Path] = []

    def make(size: str) -> Mount:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        result = run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where))
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root): {result.stderr.strip()}")
        mounted.append(where)
        return Mount(where)

    yield make
    for where in reversed(mounted):
        run("umount", "-l", str(where))
