"""Fixtures for widget tests: a demo station on SQLite and a signed-in context."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from stationdesk.data.database import Database

DEMO_CASES = 3000
DEMO_PASSWORD = "demo-password-1"


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo station generated per test session; each test gets a copy."""
    from stationdesk.data.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(str(path))
    generate_demo(db, cases=DEMO_CASES, seed=7)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "station.sqlite3"
    shutil.copy(demo_db_file, path)
    db = Database(str(path))
    yield db
    db.dispose()


@pytest.fixture
def ctx(qtbot, demo_db: Database):  # type: ignore[no-untyped-def]
    """A signed-in duty officer's context with a live background worker."""
    from stationdesk.data import users
    from stationdesk.ui.context import AppContext
    from stationdesk.ui.worker import DbWorker

    worker = DbWorker()
    actor = users.sign_in(demo_db, "duty", DEMO_PASSWORD)
    context = AppContext(db=demo_db, worker=worker, actor=actor)
    yield context
    worker.wait_idle()
    worker.shutdown()


@pytest.fixture
def settle(qtbot, ctx):  # type: ignore[no-untyped-def]
    """Call to wait until every queued database job has reached the UI thread."""

    def wait() -> None:
        qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=20_000)
        qtbot.wait(10)

    return wait
