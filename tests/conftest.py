"""Test-session setup shared by every test.

The environment is fixed here, at import time, because it must be in place
before anything imports Qt or reads the data and config directories.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

# Tests never open a window on the developer's screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A developer's own logging rules would change which Qt messages reach
# pytest-qt's qt_log_level_fail check: use Qt's defaults.
os.environ.pop("QT_LOGGING_RULES", None)

# Everything the app writes (embedded database, settings, logs) goes to a
# throwaway folder, never to the real user's.
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="stationdesk-tests-"))
os.environ["STATIONDESK_DATA_DIR"] = str(_SESSION_DIR / "data")
os.environ["STATIONDESK_CONFIG_DIR"] = str(_SESSION_DIR / "config")
# QSettings and platformdirs follow the XDG variables on Linux.
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_DIR / "xdg-config")
os.environ["XDG_DATA_HOME"] = str(_SESSION_DIR / "xdg-data")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_DIR / "xdg-cache")
os.environ["XDG_STATE_HOME"] = str(_SESSION_DIR / "xdg-state")
# Never read or write the developer's real keyring; tests that need one
# install an in-memory backend with keyring.set_keyring().
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

try:  # tests/ may or may not become a package
    from tests.pgserver import PostgresServer
except ImportError:
    from pgserver import PostgresServer  # type: ignore[no-redef,unused-ignore]

ALLOW_ERROR_LOGS = "allow_error_logs"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_ERROR_LOGS}: the test expects ERROR log records from stationdesk "
        "(otherwise any such record fails the test)",
    )


def _remove_session_dir() -> None:
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


# Also at interpreter exit: pytest_unconfigure is skipped when a run is interrupted.
atexit.register(_remove_session_dir)


def pytest_unconfigure(config: pytest.Config) -> None:
    _remove_session_dir()


# --- PostgreSQL ---------------------------------------------------------------


def _skip_pg() -> bool:
    return os.environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on 127.0.0.1, shared by the whole session.

    Missing server binaries are an error, not a skip: CI must prove the
    PostgreSQL path works. Set STATIONDESK_SKIP_PG=1 for quick local runs.
    Do not stop or restart it in a test; use ``pg_server_factory`` for that.
    """
    if _skip_pg():
        pytest.skip("STATIONDESK_SKIP_PG is set")
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_server_factory() -> Iterator[Callable[[], PostgresServer]]:
    """Start extra private servers (for tests that stop, restart or crash one)."""
    if _skip_pg():
        pytest.skip("STATIONDESK_SKIP_PG is set")
    servers: list[PostgresServer] = []

    def make() -> PostgresServer:
        server = PostgresServer()
        servers.append(server)
        server.start()
        return server

    yield make
    for server in servers:
        server.close()


# --- errors logged by the app fail the test -------------------------------------


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.reported = 0  # records already turned into a failure

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def unreported(self) -> list[logging.LogRecord]:
        new = self.records[self.reported :]
        self.reported = len(self.records)
        return new


_ERROR_RECORDS = pytest.StashKey[_ErrorRecords]()


def _error_log_message(records: list[logging.LogRecord], handler: logging.Handler) -> str:
    shown = "\n".join(handler.format(r) for r in records)
    return (
        f"stationdesk logged {len(records)} error(s) during the test "
        f"(mark it @pytest.mark.{ALLOW_ERROR_LOGS} if that is expected):\n{shown}"
    )


@pytest.fixture(autouse=True)
def fail_on_error_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test if the app logged an ERROR (a hidden failure), unless marked
    ``@pytest.mark.allow_error_logs``.

    Records from the test body fail the test itself (see the makereport hook);
    records from fixture teardown fail the teardown.
    """
    if request.node.get_closest_marker(ALLOW_ERROR_LOGS) is not None:
        yield
        return
    handler = _ErrorRecords()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    app_logger = logging.getLogger("stationdesk")
    app_logger.addHandler(handler)
    request.node.stash[_ERROR_RECORDS] = handler
    try:
        yield
    finally:
        app_logger.removeHandler(handler)
    late = handler.unreported()
    if late:
        pytest.fail(_error_log_message(late, handler), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    handler = item.stash.get(_ERROR_RECORDS, None)
    if handler is not None and report.when in ("setup", "call"):
        # A test that failed anyway shows its log already; report each record once.
        records = handler.unreported()
        if records and report.passed:
            report.outcome = "failed"
            report.longrepr = _error_log_message(records, handler)
    return report


# --- database fixtures (data layer) ---
