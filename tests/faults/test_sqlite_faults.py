"""The embedded SQLite database under stress and damage: many writers, a network share,
a corrupted file, backup and restore while others write, a read-only or full disk.

Disks that are really full or read-only (also for root) are small tmpfs mounts; those
tests are skipped where mounting is not allowed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from faultkit import (
    Mount,
    count_cases,
    deferred_writer,
    draft,
    duty_officer,
    sqlite_writer,
    wait_for,
    writer_until,
)
from PySide6.QtCore import Qt
from sqlalchemy import func, select, text

from stationdesk.data import audit, cases, migrate, resilience
from stationdesk.data.database import (
    Database,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    NetworkShareError,
    check_not_network_share,
    filesystem_type,
)
from stationdesk.data.schema import AuditEntry, Case, ChangeLogEntry, WorkToken
from stationdesk.data.uow import Actor

ROOT = Path(__file__).resolve().parents[2]


def stationdesk_cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stationdesk", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def new_station(path: Path) -> tuple[Database, Actor]:
    db = Database(str(path))
    migrate.upgrade(db)
    return db, duty_officer(db)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(db: Database) -> tuple[int, int, int, int]:
    """Row counts a half-written save would change."""
    with db.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Case, AuditEntry, ChangeLogEntry, WorkToken)
        )


# --- many writers ----------------------------------------------------------------------

WRITERS = 4
ROUNDS = 20


def test_four_writer_processes_never_see_database_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    db, duty = new_station(path)
    db.dispose()
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(WRITERS) as pool:
        outcomes = pool.starmap(
            sqlite_writer, [(str(path), duty, ROUNDS, f"writer {k}") for k in range(WRITERS)]
        )
        # The control: the same pattern in deferred transactions does hit the error, so
        # this harness would see it if the unit of work let it through.
        control = pool.starmap(deferred_writer, [(str(path), 10, f"d{k}") for k in range(WRITERS)])
    assert all(o == {"saved": ROUNDS, "database is locked": 0} for o in outcomes), outcomes
    assert sum(o["database is locked"] for o in control) > 0, control

    db = Database(str(path))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == WRITERS * ROUNDS
        numbers = s.scalars(select(Case.case_no)).all()
    assert len(set(numbers)) == len(numbers)  # no case number handed out twice
    assert audit.verify_chain(db).ok
    db.dispose()


# --- network share ---------------------------------------------------------------------


def _mounts(tmp_path: Path) -> str:
    share = str(tmp_path / "share").replace(" ", "\\040")
    return "\n".join(
        [
            "/dev/vda1 / ext4 rw,relatime 0 0",
            "proc /proc proc rw 0 0",
            f"10.0.0.5:/export {share} nfs4 rw,vers=4.2 0 0",
            f"//nas/station {tmp_path}/smb cifs rw,vers=3.0 0 0",
            f"me@nas:/srv {tmp_path}/sshfs fuse.sshfs rw 0 0",
            f"/dev/sdb1 {share}/local-disk ext4 rw 0 0",
            f"//nas/with\\040space {tmp_path}/my\\040share smb3 rw 0 0",
        ]
    )


@pytest.mark.parametrize(
    ("where", "refused"),
    [
        ("share/station.sqlite3", True),
        ("share/not/yet/created/station.sqlite3", True),
        ("smb/station.sqlite3", True),
        ("sshfs/station.sqlite3", True),
        ("my share/station.sqlite3", True),
        ("share/local-disk/station.sqlite3", False),  # a local disk mounted inside it
        ("sharer/station.sqlite3", False),  # a name that merely starts the same
        ("local/station.sqlite3", False),
    ],
)
def test_a_database_on_a_network_share_is_refused(
    tmp_path: Path, where: str, refused: bool
) -> None:
    mounts = _mounts(tmp_path)
    path = tmp_path / where
    if not refused:
        check_not_network_share(path, mounts)
        return
    with pytest.raises(NetworkShareError) as err:
        check_not_network_share(path, mounts)
    message = str(err.value)
    assert "network share" in message and "PostgreSQL" in message
    assert filesystem_type(path, mounts) in ("nfs4", "cifs", "fuse.sshfs", "smb3")


def test_a_local_database_is_accepted(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "station.sqlite3"))  # the real /proc/mounts
    db.ping()
    db.dispose()


# --- a damaged file ----------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Callable[[str], Path]:
    """A station database with some cases, then damaged: "page" garbles the case table,
    "header" the file's first bytes."""

    def make(how: str) -> Path:
        path = tmp_path / f"damaged-{how}.sqlite3"
        db, duty = new_station(path)
        for i in range(30 if how == "page" else 0):
            cases.create_case(db, duty, draft(f"case {i} " + "详" * 100))
        db.dispose()  # the last connection folds the WAL into the file
        with sqlite3.connect(path) as conn:
            (root,) = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'case_file'"
            ).fetchone()
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        with path.open("r+b") as f:
            if how == "page":
                f.seek(page_size * (root - 1) + 8)
                f.write(os.urandom(page_size - 8))
            else:
                f.write(b"this is no database " * 5)
        return path

    return make


@pytest.mark.parametrize("how", ["page", "header"])
def test_a_damaged_file_is_reported_by_the_check_and_when_met(
    damaged: Callable[[str], Path], how: str
) -> None:
    path = damaged(how)
    db = Database(str(path))
    assert db.integrity_check() != "ok"
    with pytest.raises(DatabaseCorruptError, match=r"damaged.*restore the latest backup"):
        db.check_integrity()
    assert resilience.classify(DatabaseCorruptError("x")).code is resilience.FaultCode.CORRUPT
    db.dispose()
    before = digest(path)
    # On demand: `stationdesk check` reads the whole file and says it is damaged.
    checked = stationdesk_cli("--db", path, "check")
    assert_one_line_error(checked, "damaged", "restore")
    assert checked.returncode == 3
    if how == "header":  # not a database at all: any command says so in the same words
        assert_one_line_error(stationdesk_cli("--db", path, "init"), "damaged", "restore")
    # A command that reads the damaged table says so too.
    listed = stationdesk_cli("--db", path, "report", "handover", "-o", path.with_suffix(".pdf"))
    assert_one_line_error(listed, "damaged", "restore")
    assert digest(path) == before  # nothing tried to "repair" it


# --- unclean shutdown: the start-up check runs only then ---------------------------------


def _die_in_a_session(path: Path, *, wait: bool = False) -> subprocess.Popen[str]:
    """Another process opens a session on ``path`` and is killed (``wait``: stays alive
    until the caller kills it)."""
    code = (
        "import os, sys, signal\n"
        "from stationdesk.data.database import Database\n"
        f"db = Database({str(path)!r}); db.open_session(); db.ping()\n"
        "print('open', flush=True)\n"
        "sys.stdin.readline() if " + repr(wait) + " else None\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    if not wait:
        proc.wait(30)
    return proc


def test_only_an_unclean_shutdown_makes_the_next_start_check_the_file(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    db, _duty = new_station(path)
    db.dispose()
    first = Database(str(path))
    assert first.open_session() is False  # never opened in a session before
    first.dispose()  # a clean close
    again = Database(str(path))
    assert again.open_session() is False
    again.dispose()

    _die_in_a_session(path)  # killed: its marker stays, unlocked
    after_crash = Database(str(path))
    assert after_crash.open_session() is True
    after_crash.check_integrity()  # healthy: the dead session is forgotten
    after_crash.dispose()
    next_start = Database(str(path))
    assert next_start.open_session() is False
    next_start.dispose()


def test_a_live_session_elsewhere_is_not_taken_for_a_dead_one(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    new_station(path)[0].dispose()
    alive = _die_in_a_session(path, wait=True)
    try:
        db = Database(str(path))
        assert db.open_session() is False  # its marker is locked: it is running
        db.dispose()
    finally:
        assert alive.stdin is not None
        alive.stdin.write("\n")
        alive.stdin.close()
        alive.wait(30)
    db = Database(str(path))
    assert db.open_session() is True  # and now it died
    db.dispose()


def test_the_cli_checks_after_an_unclean_shutdown_only(damaged: Callable[[str], Path]) -> None:
    path = damaged("page")  # the users are intact; the case table is not
    assert stationdesk_cli("--db", path, "user", "list").returncode == 0  # no check
    _die_in_a_session(path)
    assert_one_line_error(stationdesk_cli("--db", path, "user", "list"), "damaged", "restore")
    # Still damaged, so still checked at the next start (the dead session is not forgotten).
    assert_one_line_error(stationdesk_cli("--db", path, "user", "list"), "damaged", "restore")


def test_the_gui_checks_after_an_unclean_shutdown_only(
    qapp, damaged: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.ui.app import Startup
    from stationdesk.ui.worker import DbWorker

    monkeypatch.setenv("STATIONDESK_PASSWORD", "whatever-password")
    path = damaged("page")
    worker = DbWorker()
    try:
        opened = Startup(qapp, worker, str(path), "duty").open_database()
        assert opened is not None  # a clean close last time: no 0.5-20 s file check
        db, status = opened
        assert status.integrity == "ok" and status.user_count == 1
        db.dispose()
        _die_in_a_session(path)
        assert Startup(qapp, worker, str(path), "duty").open_database() is None
    finally:
        worker.shutdown()
    err = capsys.readouterr().err
    assert "is damaged" in err and path.name in err


# --- backup while others write, and restore -----------------------------------------


def test_online_backup_while_another_process_writes_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    db, duty = new_station(path)
    db.dispose()
    backup = tmp_path / "backups" / "station-backup.sqlite3"
    stop = tmp_path / "stop"
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(1) as pool:
        writing = pool.apply_async(writer_until, (str(path), duty, str(stop), "busy"))
        assert wait_for(lambda: count_cases_like(path, "busy") >= 5, 30)
        result = stationdesk_cli("--db", path, "backup", "-o", backup)
        assert result.returncode == 0, result.stderr
        in_backup = count_cases_like(backup, "busy")
        assert wait_for(lambda: count_cases_like(path, "busy") > in_backup, 30)
        stop.touch()
        written = writing.get(timeout=60)
    assert set(written) == {"saved"}, written  # no error of any kind in the writer

    # A consistent snapshot taken mid-stream: healthy, chain intact, every case has
    # its change-log row.
    copy = Database(str(backup))
    assert copy.integrity_check() == "ok"
    assert audit.verify_chain(copy).ok
    assert 5 <= in_backup < written["saved"]
    with copy.read() as s:
        logged = s.scalar(
            select(func.count()).where(
                ChangeLogEntry.table_name == "case_file", ChangeLogEntry.action == "insert"
            )
        )
    assert logged == in_backup
    copy.dispose()
    assert not list(backup.parent.glob(".*partial*"))

    # Refusals change nothing.
    before = digest(path)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    for not_ours in (text_file, foreign):
        with pytest.raises(migrate.NotAStationDatabaseError, match="not a StationDesk"):
            migrate.restore_sqlite(not_ours, path)
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(backup.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(migrate.SchemaTooNewError, match="newer"):
        migrate.restore_sqlite(newer, path)
    holder = Database(str(path))  # StationDesk still open on this database
    with holder.read() as s:
        s.execute(text("SELECT 1"))
    with pytest.raises(migrate.DatabaseInUseError, match="in use"):
        migrate.restore_sqlite(backup, path)
    holder.dispose()
    assert digest(path) == before
    assert not list(tmp_path.glob("*restoring*")) and not list(tmp_path.glob("*before-restore*"))

    # The restore: the backup's data back in place, the replaced file kept aside.
    result = stationdesk_cli("--db", path, "restore", backup)
    assert result.returncode == 0, result.stderr
    assert count_cases_like(path, "busy") == in_backup
    aside = list(tmp_path.glob("station.sqlite3.before-restore-*"))
    assert [p.name for p in aside if not p.name.endswith(("-wal", "-shm"))], aside
    assert count_cases_like(next(p for p in aside if p.name[-4:] not in ("-wal", "-shm")), "busy")
    restored = Database(str(path))
    migrate.check_schema(restored)
    assert audit.verify_chain(restored).ok
    restored.dispose()


def count_cases_like(path: Path, prefix: str) -> int:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute(
            "SELECT count(*) FROM case_file WHERE summary LIKE ?", (f"{prefix}%",)
        ).fetchone()
        return int(row[0])
    finally:
        conn.close()


# --- read-only and full disks ------------------------------------------------------------


def test_a_read_only_disk_gives_a_clear_message_and_changes_nothing(
    small_tmpfs: Callable[[str], Mount],
) -> None:
    disk = small_tmpfs("8m")
    path = disk.path / "station.sqlite3"
    db, duty = new_station(path)
    cases.create_case(db, duty, draft("before"))
    before = snapshot(db)
    db.dispose()
    disk.remount("ro")  # root cannot write through this either
    try:
        files = {p.name: digest(p) for p in disk.path.iterdir()}
        # The file went read-only while StationDesk had it open.
        with pytest.raises(resilience.SaveFailed) as failed:
            resilience.save(db, lambda: cases.create_case(db, duty, draft("lost")))
        assert failed.value.fault.code is resilience.FaultCode.READ_ONLY
        assert failed.value.outcome is resilience.SaveOutcome.NOT_COMMITTED
        db.dispose()
        # Opening it now is refused up front, in the GUI's path and the CLI's.
        with pytest.raises(DatabaseReadOnlyError, match="read-only disk"):
            Database(str(path))
        assert_one_line_error(stationdesk_cli("--db", path, "user", "list"), "cannot be written")
        assert {p.name: digest(p) for p in disk.path.iterdir()} == files
    finally:
        disk.remount("rw")
    assert snapshot(db) == before
    assert count_cases(db, "lost") == 0
    resilience.save(db, lambda: cases.create_case(db, duty, draft("after")))
    assert audit.verify_chain(db).ok
    db.dispose()


def fill(folder: Path) -> Path:
    """Fill the disk holding ``folder`` to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_gives_a_clear_message_and_nothing_half_written(
    small_tmpfs: Callable[[str], Mount],
) -> None:
    disk = small_tmpfs("2m")
    path = disk.path / "station.sqlite3"
    db, duty = new_station(path)
    made = cases.create_case(db, duty, draft("before"))
    before = snapshot(db)
    filler = fill(disk.path)

    with pytest.raises(resilience.SaveFailed) as failed:
        resilience.save(db, lambda: cases.create_case(db, duty, draft("详" * 2000)))
    assert failed.value.fault.code is resilience.FaultCode.DISK_FULL
    assert failed.value.outcome is resilience.SaveOutcome.NOT_COMMITTED
    assert "disk that holds the database is full" in str(failed.value)
    with pytest.raises(resilience.SaveFailed):
        resilience.save(db, lambda: cases.add_note(db, duty, made.id, "记" * 2000))
    assert snapshot(db) == before
    assert db.integrity_check() == "ok"

    # A backup onto the full disk: refused in one line, no half-written file left.
    target = disk.path / "backup.sqlite3"
    result = stationdesk_cli("--db", path, "backup", "-o", target)
    assert_one_line_error(result, "backup failed", "full")
    assert sorted(p.name for p in disk.path.iterdir() if "backup" in p.name) == []

    filler.unlink()
    resilience.save(db, lambda: cases.create_case(db, duty, draft("after")))
    assert snapshot(db)[0] == before[0] + 1
    assert audit.verify_chain(db).ok
    db.dispose()


@pytest.mark.parametrize("state", ["healthy", "damaged"])
def test_the_settings_dialog_checks_the_file_on_demand(
    qtbot, damaged: Callable[[str], Path], tmp_path: Path, state: str
) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.ui.settings_dialog import SettingsDialog
    from stationdesk.ui.worker import DbWorker

    if state == "healthy":
        path = tmp_path / "healthy.sqlite3"
        new_station(path)[0].dispose()
    else:
        path = damaged("page")
    worker = DbWorker()
    try:
        dialog = SettingsDialog(worker, str(path))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.check_file_button, Qt.MouseButton.LeftButton)
        expected = "is intact" if state == "healthy" else "is damaged"
        qtbot.waitUntil(lambda: expected in dialog.test_result.text(), timeout=20_000)
        assert dialog.check_file_button.isEnabled()
    finally:
        worker.shutdown()
