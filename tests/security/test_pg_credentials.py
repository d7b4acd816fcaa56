"""PostgreSQL as a station runs it: a password-protected workstation login that cannot
rewrite the audit trail, its password in the keyring (or asked for), TLS settings passed on.

A private server whose pg_hba.conf asks every login but the superuser for a SCRAM
password, so "no password" and "wrong password" really fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from security_support import draft
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from stationdesk.data import audit, cases, credentials, migrate, pg_setup, users
from stationdesk.data.changes import ChangeWatcher
from stationdesk.data.database import Database
from stationdesk.data.uow import SYSTEM
from stationdesk.domain.enums import Role

try:
    from tests.pgserver import PostgresServer
except ImportError:
    from pgserver import PostgresServer  # type: ignore[no-redef,unused-ignore]

pytestmark = pytest.mark.pg

APP_ROLE = "stationdesk_app"
APP_PASSWORD = "App-Login-2024"
DUTY_PASSWORD = "watch-keeper-9"


@dataclass(frozen=True)
class ScramStation:
    server: PostgresServer
    admin_url: str
    database: str

    def app_url(self, query: str = "sslmode=prefer") -> str:
        port = self.server.port
        return f"postgresql+psycopg://{APP_ROLE}@127.0.0.1:{port}/{self.database}?{query}"


@pytest.fixture(scope="module")
def station() -> Iterator[ScramStation]:
    if os.environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0"):
        pytest.skip("STATIONDESK_SKIP_PG is set")
    server = PostgresServer()
    server.start()
    try:
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            hba = Path(str(conn.execute("SHOW hba_file").fetchone()[0]))  # type: ignore[index]
            hba.write_text(
                "host all postgres 127.0.0.1/32 trust\n"
                "host all all 127.0.0.1/32 scram-sha-256\n" + hba.read_text()
            )
            conn.execute("SELECT pg_reload_conf()")
        admin_url = server.create_database("station")
        admin = Database(admin_url)
        migrate.upgrade(admin)
        users.create_user(admin, SYSTEM, "duty", "值班员", DUTY_PASSWORD, [Role.DUTY_OFFICER])
        pg_setup.create_app_role(admin_url, APP_ROLE, APP_PASSWORD)
        admin.dispose()
        yield ScramStation(server, admin_url, "station")
    finally:
        server.close()


@pytest.fixture
def app_db(station: ScramStation) -> Iterator[Database]:
    db = Database(station.app_url(), password=APP_PASSWORD)
    yield db
    db.dispose()


def refused(db: Database, sql: str) -> str:
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(sql))
    return str(info.value.orig)


# --- the workstation role ------------------------------------------------------------------


def test_the_login_needs_its_password(station: ScramStation) -> None:
    for password in (None, "wrong-password"):
        db = Database(station.app_url(), password=password)
        try:
            with pytest.raises(DBAPIError) as info:
                db.ping()
            assert credentials.login_refused(info.value)
        finally:
            db.dispose()


def test_the_password_reaches_the_server_only_as_a_scram_verifier(station: ScramStation) -> None:
    with psycopg.connect(station.server.conninfo(), autocommit=True) as conn:
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (APP_ROLE,)
        ).fetchone()
    assert stored is not None and stored[0].startswith("SCRAM-SHA-256$4096:")
    assert APP_PASSWORD not in stored[0]


def test_normal_work_through_the_unit_of_work_succeeds(app_db: Database) -> None:
    duty = users.sign_in(app_db, "duty", DUTY_PASSWORD)  # writes the audit trail
    case = cases.create_case(app_db, duty, draft("工作站角色的正常工作"))
    cases.add_note(app_db, duty, case.id, "回访")
    users.create_user(app_db, SYSTEM, "newbie", "新人", "a-long-secret-9", [Role.MEDIATOR])
    assert audit.verify_audit_trail(app_db).ok


def test_audit_rows_cannot_be_changed_or_deleted(app_db: Database) -> None:
    users.sign_in(app_db, "duty", DUTY_PASSWORD)
    for sql in (
        "UPDATE audit_entry SET username = 'mallory'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
        "UPDATE alembic_version SET version_num = 'x'",
        "DROP TABLE audit_entry",
        "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
    ):
        message = refused(app_db, sql)
        assert "permission denied" in message or "must be owner" in message, (sql, message)
    assert audit.verify_audit_trail(app_db).ok


def test_creating_the_role_again_changes_its_password(station: ScramStation) -> None:
    pg_setup.create_app_role(station.admin_url, APP_ROLE, "Rotated-Pass-7")
    try:
        old = Database(station.app_url(), password=APP_PASSWORD)
        with pytest.raises(DBAPIError):
            old.ping()
        old.dispose()
        new = Database(station.app_url(), password="Rotated-Pass-7")
        new.ping()
        new.dispose()
    finally:
        pg_setup.create_app_role(station.admin_url, APP_ROLE, APP_PASSWORD)


@pytest.mark.parametrize("role", ["Bad-Name", "1x", "a;drop role postgres"])
def test_role_names_are_checked(station: ScramStation, role: str) -> None:
    with pytest.raises(pg_setup.RoleSetupError):
        pg_setup.create_app_role(station.admin_url, role, "whatever-1")


# --- TLS settings reach every connection -----------------------------------------------


def test_sslmode_reaches_the_listen_connection(station: ScramStation) -> None:
    """The test server has no TLS: ``require`` must fail there, ``disable`` must work."""
    for query, works in (("sslmode=disable", True), ("sslmode=require", False)):
        db = Database(station.app_url(query), password=APP_PASSWORD)
        watcher = ChangeWatcher(db, lambda _c: None, lambda _s: None)
        try:
            if works:
                watcher._open_listen()
            else:
                with pytest.raises(psycopg.OperationalError, match="SSL"):
                    watcher._open_listen()
                with pytest.raises(DBAPIError, match="SSL"):
                    db.ping()
        finally:
            watcher._close_listen()
            db.dispose()


# --- the password from the keyring, or asked for --------------------------------------------


@pytest.fixture
def worker(qapp: Any) -> Iterator[Any]:
    from stationdesk.ui.worker import DbWorker

    w = DbWorker()
    yield w
    w.wait_idle()
    w.shutdown()


def test_cli_uses_the_kept_password(
    station: ScramStation, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from stationdesk import cli

    url = station.app_url()
    assert cli.main(["--db", url, "audit", "verify"]) == 1  # nothing kept: refused login
    assert "cannot use the database" in capsys.readouterr().err
    credentials.set_db_password(url, APP_PASSWORD)
    assert cli.main(["--db", url, "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


def test_startup_takes_the_password_from_the_keyring(
    qapp: Any, station: ScramStation, memory_keyring: Any, worker: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from stationdesk.ui.app import Startup

    monkeypatch.setenv("STATIONDESK_PASSWORD", DUTY_PASSWORD)
    credentials.set_db_password(station.app_url(), APP_PASSWORD)
    startup = Startup(qapp, worker, station.app_url(), "duty")  # no person: no dialog
    opened = startup.open_database()
    assert opened is not None
    db, status = opened
    try:
        assert status.user_count >= 1
        assert startup.password == APP_PASSWORD and startup.keyring_reason == ""
    finally:
        db.dispose()


def _answer_password_dialog(
    qapp: Any, seen: list[Any], password: str, *, remember: bool
) -> Callable[[], None]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from stationdesk.ui.db_password import DatabasePasswordDialog

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, DatabasePasswordDialog):
            seen.append((modal.reason_label.text(), modal.remember_check.isEnabled()))
            modal.password_edit.setText(password)
            if modal.remember_check.isEnabled():
                modal.remember_check.setChecked(remember)
            modal.buttons.button(modal.buttons.StandardButton.Ok).click()
            return
        QTimer.singleShot(50, answer)

    return answer


def test_without_a_keyring_the_password_is_asked_for_and_why(
    qapp: Any, station: ScramStation, no_keyring: Any, worker: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtCore import QTimer

    from stationdesk.ui.app import Startup

    monkeypatch.delenv("STATIONDESK_PASSWORD", raising=False)
    seen: list[Any] = []
    QTimer.singleShot(50, _answer_password_dialog(qapp, seen, APP_PASSWORD, remember=True))
    startup = Startup(qapp, worker, station.app_url(), None)
    opened = startup.open_database()
    assert opened is not None
    db, _status = opened
    try:
        startup.keep_remembered_password(db)  # as run() does: nothing to keep it in
    finally:
        db.dispose()
    [(reason, can_remember)] = seen
    assert "no system keyring" in reason and "asks for it each time" in reason
    assert not can_remember


def test_a_typed_password_is_kept_when_asked_to(
    qapp: Any, station: ScramStation, memory_keyring: Any, worker: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtCore import QTimer

    from stationdesk.ui.app import Startup

    monkeypatch.delenv("STATIONDESK_PASSWORD", raising=False)
    seen: list[Any] = []
    QTimer.singleShot(50, _answer_password_dialog(qapp, seen, APP_PASSWORD, remember=True))
    startup = Startup(qapp, worker, station.app_url(), None)
    opened = startup.open_database()
    assert opened is not None
    db, _status = opened
    try:
        startup.keep_remembered_password(db)
    finally:
        db.dispose()
    [(reason, can_remember)] = seen
    assert "No password is saved" in reason and can_remember
    assert credentials.get_db_password(station.app_url()) == APP_PASSWORD


# --- nothing secret on disk --------------------------------------------------------------


def _files_containing(secret: str, folders: list[Path]) -> list[Path]:
    needles = [secret.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and any(n in path.read_bytes() for n in needles):
                found.append(path)
    return found


def _config_folders() -> list[Path]:
    names = (
        "STATIONDESK_CONFIG_DIR",
        "STATIONDESK_DATA_DIR",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    )
    return [Path(os.environ[n]) for n in names if os.environ.get(n)]


def _fill_server_form(dialog: Any, station: ScramStation) -> None:
    dialog.server_radio.setChecked(True)
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_spin.setValue(station.server.port)
    dialog.dbname_edit.setText(station.database)
    dialog.user_edit.setText(APP_ROLE)
    dialog.sslmode_combo.setCurrentText("prefer")
    dialog.password_edit.setText(APP_PASSWORD)
    dialog.remember_check.setChecked(True)


@pytest.fixture
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("STATIONDESK_CONFIG_DIR", str(folder))
    return folder


def test_setting_up_a_server_writes_no_password_to_any_file(
    qtbot: Any, station: ScramStation, memory_keyring: Any, worker: Any, private_config: Path
) -> None:
    from stationdesk.ui.app import SETTINGS_DB_URL, app_settings
    from stationdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(worker, None)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_server_form(dialog, station)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.property("state") == "ok", timeout=15_000)
    assert "saved in the system keyring" in dialog.test_result.text()
    memory_keyring.passwords.clear()  # Save keeps it again
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert credentials.get_db_password(station.app_url()) == APP_PASSWORD
    saved = app_settings().value(SETTINGS_DB_URL, "", str)
    assert saved.startswith(f"postgresql+psycopg://{APP_ROLE}@127.0.0.1:")
    assert (private_config / "stationdesk.ini").is_file()
    assert _files_containing(APP_PASSWORD, [private_config, *_config_folders()]) == []
    # The scan would have seen it (it reads every file, in the usual encodings).
    canary = private_config / "canary.ini"
    canary.write_text(f"password={APP_PASSWORD}", encoding="utf-16")
    assert _files_containing(APP_PASSWORD, [private_config]) == [canary]


def test_without_a_keyring_the_dialog_says_so_and_keeps_nothing(
    qtbot: Any, station: ScramStation, no_keyring: Any, worker: Any, private_config: Path
) -> None:
    from stationdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(worker, None)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_server_form(dialog, station)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.property("state") == "ok", timeout=15_000)
    assert "cannot be remembered" in dialog.test_result.text()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: "no system keyring" in dialog.error_label.text(), timeout=15_000)
    assert dialog.isVisible() and not dialog.remember_check.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        save.click()  # for this session only
    assert dialog.password() == APP_PASSWORD
    assert _files_containing(APP_PASSWORD, [private_config, *_config_folders()]) == []


def test_cli_creates_the_workstation_role(
    station: ScramStation, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from stationdesk import cli

    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "Clerk-Login-55")
    assert cli.main(["--db", station.admin_url, "db", "create-app-role", "station_clerk"]) == 0
    assert "cannot change or delete audit entries" in capsys.readouterr().out
    url = station.app_url().replace(APP_ROLE, "station_clerk")
    clerk = Database(url, password="Clerk-Login-55")
    try:
        assert "permission denied" in refused(clerk, "DELETE FROM audit_entry")
    finally:
        clerk.dispose()
    assert cli.main(["--db", station.admin_url, "db", "create-app-role", "Bad Name"]) == 1
    assert "role name" in capsys.readouterr().err
