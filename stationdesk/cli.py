"""The ``stationdesk`` command: the GUI by default, administration subcommands.

Wrong arguments or a problem the administrator can fix end in a one-line message
and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from stationdesk import __version__

VIEWS = ("overview", "cases", "patrols", "mediation", "reports", "community", "roster")
IMPORT_KINDS = ("staff", "grids", "mediators", "volunteers")


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"stationdesk: {message} (see `stationdesk --help`)\n")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError("size out of range (320x240 .. 8000x8000)")
    return w, h


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value


def _when(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'time must look like "2025-03-14 08:00", not {text!r}'
        ) from None


def _day_or_time(text: str) -> datetime | date:
    """A time, or a date alone (a whole day: --until a date includes that day)."""
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return parsed if ":" in text else parsed.date()
    raise argparse.ArgumentTypeError(
        f'date must look like 2025-03-14 or "2025-03-14 08:00", not {text!r}'
    )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="stationdesk", description="StationDesk command-room client")
    p.add_argument("--version", action="version", version=f"StationDesk {__version__}")
    p.add_argument("--db", metavar="URL", help="database URL or SQLite file (or STATIONDESK_DB)")
    p.add_argument("--lang", choices=("zh_CN", "en"), help="user-interface language")
    p.add_argument("--user", help="sign in as this user (password from STATIONDESK_PASSWORD)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("init", help="create or upgrade the database schema")

    demo = sub.add_parser("demo", help="fill an empty database with a demo station")
    demo.add_argument("--cases", type=_positive, default=20_000)
    demo.add_argument("--seed", type=_positive, default=7)
    demo.add_argument("--if-empty", action="store_true", help="do nothing if data exists")

    imp = sub.add_parser("import", help="import staff, grids, mediators or volunteers")
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path)

    shot = sub.add_parser("screenshot", help="render a view offscreen to a PNG")
    shot.add_argument("view", choices=VIEWS)
    shot.add_argument("-o", "--output", type=Path, required=True)
    shot.add_argument("--lang", dest="shot_lang", choices=("zh_CN", "en"), default="zh_CN")
    shot.add_argument("--size", type=_size, default=(1600, 1000))

    user = sub.add_parser("user", help="manage staff accounts")
    usub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = usub.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, help="role; repeat for several")
    add.add_argument("--display-name", default="")
    usub.add_parser("passwd").add_argument("name")
    usub.add_parser("unlock").add_argument("name")
    usub.add_parser("list")

    aud = sub.add_parser("audit", help="audit trail")
    asub = aud.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    asub.add_parser("verify")
    exp = asub.add_parser("export", help="audit entries to CSV (audited)")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    exp.add_argument("--since", type=_day_or_time, metavar="DATE", help="YYYY-MM-DD[ HH:MM]")
    exp.add_argument(
        "--until", type=_day_or_time, metavar="DATE", help="before this (a date: its end)"
    )
    exp.add_argument("--user", metavar="NAME", help="only this user's entries")
    exp.add_argument("--table", metavar="TABLE", help="only entries about this table")

    dbp = sub.add_parser("db", help="database connection credentials and roles")
    dsub = dbp.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    setpw = dsub.add_parser("set-password", help="keep a server password in the OS keyring")
    setpw.add_argument("url", metavar="URL", help="postgresql://user@host:port/database")
    forget = dsub.add_parser("forget-password", help="remove it from the OS keyring")
    forget.add_argument("url", metavar="URL")
    approle = dsub.add_parser(
        "create-app-role", help="PostgreSQL login for workstations (cannot alter the audit trail)"
    )
    approle.add_argument("role", help="role name, e.g. stationdesk_app")

    chk = sub.add_parser(
        "check", help="check the database file (SQLite integrity_check); exit 3 if damaged"
    )
    chk.add_argument(
        "--quick", action="store_true", help="quick_check: faster, skips index contents"
    )

    bak = sub.add_parser("backup", help="online backup of the SQLite database")
    bak.add_argument("-o", "--output", type=Path, required=True)
    res = sub.add_parser("restore", help="replace the SQLite database with a backup")
    res.add_argument("file", type=Path, help="a backup made by `stationdesk backup`")

    rep = sub.add_parser("report", help="print reports to PDF")
    rsub = rep.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    hand = rsub.add_parser("handover", help="shift handover (default: last completed shift)")
    hand.add_argument("--from", dest="start", type=_when, metavar="T", help='"YYYY-MM-DD HH:MM"')
    hand.add_argument("--to", dest="end", type=_when, metavar="T", help='"YYYY-MM-DD HH:MM"')
    hand.add_argument("--lang", dest="report_lang", choices=("zh_CN", "en"))
    hand.add_argument("--full", action="store_true", help="unmasked personal data (audited)")
    hand.add_argument("-o", "--output", type=Path, required=True)
    agr = rsub.add_parser("agreement", help="mediation agreement of a session")
    agr.add_argument("session_id", type=_positive, metavar="SESSION_ID")
    agr.add_argument("--lang", dest="report_lang", choices=("zh_CN", "en"))
    agr.add_argument("-o", "--output", type=Path, required=True)
    return p


def _open_db(args: argparse.Namespace, *, check: bool = True):  # type: ignore[no-untyped-def]
    from stationdesk.data import migrate
    from stationdesk.data.database import Database

    db = Database(args.db, password=_keyring_password(args.db))
    if db.open_session():
        # The last session on this file died (killed, crash, power cut): check it first,
        # so a damaged file is refused in one line before any work. Not on every start:
        # it reads the whole file.
        db.check_integrity()
    if check:
        migrate.check_schema(db)
    return db


def _keyring_password(db_arg: str | None) -> str | None:
    """A server URL without a password: the one kept in the keyring, if any."""
    from stationdesk.data import credentials
    from stationdesk.data.database import resolve_url

    url = resolve_url(db_arg)
    if not credentials.needs_keyring(url):
        return None
    password, _why = credentials.password_for(url)
    return password  # None: libpq may still find one (.pgpass, PGPASSWORD)


def _cmd_init(args: argparse.Namespace) -> int:
    from stationdesk.data import migrate

    db = _open_db(args, check=False)
    result = migrate.upgrade(db)
    if result.from_revision == result.to_revision:
        print(f"{db.describe()}: schema is up to date ({result.to_revision})")
    else:
        print(f"{db.describe()}: schema {result.from_revision or 'empty'} -> {result.to_revision}")
    if result.backup:
        print(f"backup of the previous file: {result.backup}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from stationdesk.data import demo, migrate

    db = _open_db(args, check=False)
    migrate.upgrade(db)
    if not demo.is_empty(db):
        if args.if_empty:
            return 0
        raise CliError(f"{db.describe()} already holds data; demo data goes into an empty one")
    summary = demo.generate_demo(db, cases=args.cases, seed=args.seed)
    print(f"{db.describe()}: demo station created ({summary})")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from stationdesk.data import importer

    if not args.file.is_file():
        raise CliError(f"no such file: {args.file}")
    db = _open_db(args)
    try:
        result = importer.import_rows(db, _cli_actor(), args.kind, args.file)
    except importer.ImportRejected as exc:
        for issue in exc.issues[:50]:
            print(f"  {issue}", file=sys.stderr)
        raise CliError(f"nothing imported: {len(exc.issues)} problem(s) in {args.file}") from None
    print(f"imported {result.rows_imported} {args.kind} rows from {args.file}")
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from stationdesk.ui.screenshot import render_view

    db = _open_db(args)
    render_view(db, args.view, args.output, args.shot_lang, args.size)
    print(f"{args.view} -> {args.output}")
    return 0


def _cli_actor():  # type: ignore[no-untyped-def]
    """Administration from the command line acts as the system, named by OS user."""
    from stationdesk.data.uow import SYSTEM, Actor

    return Actor(None, f"cli:{getpass.getuser()}", SYSTEM.roles, "command line")


def _read_new_password(name: str, prompt: str = "new password") -> str:
    env = os.environ.get("STATIONDESK_NEW_PASSWORD")
    if env:
        return env
    first = getpass.getpass(f"{prompt} for {name}: ")
    if first != getpass.getpass("again: "):
        raise CliError("the two passwords differ; nothing changed")
    return first


def _cmd_user(args: argparse.Namespace) -> int:
    from stationdesk.data import users
    from stationdesk.domain.enums import Role

    db = _open_db(args)
    if args.user_command == "list":
        for u in users.list_users(db):
            roles = ",".join(sorted(r.value for r in u.roles))
            locked = "\tLOCKED" if u.locked else ""
            print(f"{u.username}\t{u.display_name}\t{roles}{locked}")
        return 0
    try:
        if args.user_command == "add":
            valid = {r.value for r in Role}
            bad = [r for r in args.role if r not in valid]
            if bad:
                raise CliError(f"unknown role {bad[0]!r}; roles: {', '.join(sorted(valid))}")
            if users.find_user(db, args.name):
                raise CliError(f"user {args.name} already exists")
            password = _read_new_password(args.name)
            users.create_user(
                db,
                _cli_actor(),
                args.name,
                args.display_name,
                password,
                [Role(r) for r in args.role],
            )
            print(f"user {args.name} added")
        elif args.user_command == "passwd":
            if not users.find_user(db, args.name):
                raise CliError(f"no user {args.name}")
            users.set_password(db, _cli_actor(), args.name, _read_new_password(args.name))
            print(f"password of {args.name} changed")
        elif args.user_command == "unlock":
            if not users.find_user(db, args.name):
                raise CliError(f"no user {args.name}")
            users.unlock(db, _cli_actor(), args.name)
            print(f"{args.name} unlocked")
    except users.PasswordRuleError as exc:
        rule = {
            "too_short": f"at least {users.MIN_PASSWORD_LENGTH} characters",
            "contains_username": "must not contain the user name",
        }[exc.code]
        raise CliError(f"password rejected: {rule}") from None
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    from stationdesk.data import audit

    if args.audit_command == "export":
        return _cmd_audit_export(args)
    report = audit.verify_audit_trail(_open_db(args))
    if report.ok:
        print(f"audit chain intact: {report.checked} entries")
        if report.warning:
            print(f"warning: {report.warning}")
        return 0
    print(
        f"audit chain BROKEN at entry {report.first_broken_id}: {report.reason} "
        f"({report.checked} entries before it are intact)"
    )
    return 3


def _cmd_audit_export(args: argparse.Namespace) -> int:
    from stationdesk.data import audit_queries

    if args.output.exists():
        raise CliError(f"{args.output} exists; choose a new file name")
    if not args.output.parent.is_dir():
        raise CliError(f"no such folder: {args.output.parent}")
    filters = audit_queries.AuditFilter(
        user=args.user, table=args.table, since=args.since, until=args.until
    )
    count = audit_queries.export_csv(_open_db(args), _cli_actor(), args.output, filters)
    print(f"{count} audit entries -> {args.output}")
    return 0


def _keyring_problem(code: str) -> str:
    return {
        "no_keyring": "no system keyring is available on this computer (on a Linux server "
        "without a desktop session there is none); the password cannot be stored, "
        "StationDesk will ask for it each session",
        "locked": "the system keyring is locked or could not be opened; unlock it and try again",
    }.get(code, "the system keyring failed")


def _cmd_db(args: argparse.Namespace) -> int:
    from stationdesk.data import credentials
    from stationdesk.data.database import resolve_url

    if args.db_command == "create-app-role":
        return _cmd_db_app_role(args)
    url = resolve_url(args.url)
    if url.get_backend_name() == "sqlite":
        raise CliError("an SQLite file has no password; give a postgresql:// URL")
    if url.password:
        raise CliError("leave the password out of the URL; you will be asked for it")
    where = credentials.credential_key(url)
    try:
        if args.db_command == "forget-password":
            credentials.delete_db_password(url)
            print(f"password for {where} removed from the system keyring")
            return 0
        password = _read_new_password(where, "database password")
        if not password:
            raise CliError("empty password; nothing stored")
        credentials.set_db_password(url, password)
    except credentials.CredentialStoreError as exc:
        raise CliError(f"{_keyring_problem(exc.code)} ({exc.detail or exc.code})") from None
    print(f"password for {where} stored in the system keyring")
    return 0


def _cmd_db_app_role(args: argparse.Namespace) -> int:
    from stationdesk.data import pg_setup

    password = _read_new_password(args.role, "password of the new login")
    db = _open_db(args)  # the owner's URL (--db); the password from the keyring if kept
    try:
        pg_setup.create_app_role(db.url, args.role, password)
    except pg_setup.RoleSetupError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"role {args.role} may use {db.describe()}; it cannot change or delete audit entries")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    """On demand: the whole file (SQLite), or the connection (PostgreSQL checks itself)."""
    import time

    from stationdesk.data.database import Database

    db = Database(args.db, password=_keyring_password(args.db))
    if db.sqlite_path is not None and not db.sqlite_path.exists():
        raise CliError(f"no such file: {db.sqlite_path}")
    db.open_session()
    try:
        if not db.is_sqlite:
            db.ping()
            print(f"{db.describe()}: reachable; the server checks its own data pages")
            return 0
        pragma = "quick_check" if args.quick else "integrity_check"
        started = time.monotonic()
        complaint = db.integrity_check(full=not args.quick)
        if complaint != "ok":
            print(f"stationdesk: {db.damaged(complaint)}", file=sys.stderr)
            return 3
        db.integrity_confirmed()
        took = time.monotonic() - started
        print(f"{db.describe()}: {pragma} ok ({took:.1f} s)")
        return 0
    finally:
        db.dispose()


def _cmd_backup(args: argparse.Namespace) -> int:
    from stationdesk.data import migrate

    db = _open_db(args, check=False)
    if db.sqlite_path is None:
        raise CliError("backup is for the SQLite file; on PostgreSQL use pg_dump (see docs)")
    if args.output.exists():
        raise CliError(f"{args.output} exists; choose a new file name")
    try:
        migrate.backup_sqlite(db.sqlite_path, args.output)
    except (sqlite3.Error, OSError) as exc:
        raise CliError(f"backup failed, no backup file written: {_first_line(exc)}") from None
    print(f"backup written to {args.output}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from stationdesk.data import migrate
    from stationdesk.data.database import check_not_network_share, resolve_url

    url = resolve_url(args.db)  # not opened: the current file may be the damaged one
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise CliError("restore is for the SQLite file; on PostgreSQL use pg_restore (see docs)")
    if not args.file.is_file():
        raise CliError(f"no such file: {args.file}")
    path = Path(str(url.database))
    check_not_network_share(path)
    try:
        result = migrate.restore_sqlite(args.file, path)
    except (sqlite3.Error, OSError) as exc:
        raise CliError(f"restore failed: {_first_line(exc)}") from None
    print(f"{path} restored from {args.file} (schema {result.revision})")
    if result.moved_aside:
        print(f"the file it replaced is kept as {result.moved_aside}")
    if result.needs_upgrade:
        print("the backup has an older schema: run `stationdesk init` to upgrade it")
    return 0


def _cmd_report_agreement(args: argparse.Namespace) -> int:
    from stationdesk.data.mediation_outcome import agreement_document
    from stationdesk.data.uow import NotFoundError, now
    from stationdesk.domain.mediation_outcome import OutcomeError
    from stationdesk.reports.agreement import build_agreement_pdf

    lang = args.report_lang or args.lang or "zh_CN"
    try:
        data = agreement_document(_open_db(args), args.session_id)
    except NotFoundError:
        raise CliError(f"no mediation session {args.session_id}") from None
    except OutcomeError:
        raise CliError(f"mediation session {args.session_id} has no agreement") from None
    pdf = build_agreement_pdf(data, lang, generated_at=now())
    try:
        args.output.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"agreement of session {args.session_id}, case {data.case_no} ({lang}) -> {args.output}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    if args.report_command == "agreement":
        return _cmd_report_agreement(args)
    from stationdesk.data import handover_collect, handover_facts
    from stationdesk.data.uow import PermissionDeniedError, now
    from stationdesk.domain.validation import FieldError
    from stationdesk.reports.handover import build_handover_pdf

    if (args.start is None) != (args.end is None):
        raise CliError("give both --from and --to, or neither (the last completed shift)")
    start, end = (
        (args.start, args.end)
        if args.start is not None
        else handover_facts.last_completed_shift(now())
    )
    if end <= start:
        raise CliError("--to must be later than --from")
    lang = args.report_lang or args.lang or "zh_CN"
    db = _open_db(args)
    try:
        data = handover_collect.collect_handover(
            db, start, end, actor=_cli_actor(), full_personal_data=args.full
        )
    except FieldError as exc:
        if exc.code == "period_too_long":
            raise CliError(f"a report covers at most {exc.params['max_days']} days") from None
        raise CliError(f"cannot report that period: {exc}") from None
    except PermissionDeniedError as exc:
        raise CliError(str(exc)) from None
    pdf = build_handover_pdf(data, lang, outgoing="", incoming="", generated_at=now())
    try:
        args.output.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"handover {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} ({lang}) -> {args.output}")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from stationdesk.ui.app import run_gui

    return run_gui(args.db, lang=args.lang, user=args.user)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "init": _cmd_init,
    "demo": _cmd_demo,
    "import": _cmd_import,
    "screenshot": _cmd_screenshot,
    "user": _cmd_user,
    "audit": _cmd_audit,
    "db": _cmd_db,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "report": _cmd_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from stationdesk.data.database import DatabaseError

    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"stationdesk: {exc}", file=sys.stderr)
        return 1
    except DatabaseError as exc:
        print(f"stationdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Connection refused, permission denied on the file, ...: one line, not a traceback.
        from sqlalchemy.exc import OperationalError

        from stationdesk.data.resilience import FaultCode, classify

        fault = classify(exc)
        if fault.code is FaultCode.CORRUPT:  # met while working, not by a check
            from stationdesk.data.database import damaged_error, resolve_url, sqlite_corruption

            url = resolve_url(args.db)
        if fault.code is FaultCode.CORRUPT and url.get_backend_name() == "sqlite":
            complaint = sqlite_corruption(exc) or fault.detail
            print(f"stationdesk: {damaged_error(url.database, complaint)}", file=sys.stderr)
            return 1
        if isinstance(exc, OSError):  # the message names the file
            print(f"stationdesk: {fault.detail}", file=sys.stderr)
            return 1
        if isinstance(exc, OperationalError) or fault.code is not FaultCode.INTERNAL:
            print(f"stationdesk: cannot use the database: {fault.detail}", file=sys.stderr)
            return 1
        where = _log_internal_error(args.command, exc)
        print(f"stationdesk: internal error: {fault.detail} (details in {where})", file=sys.stderr)
        return 70


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"


def _log_internal_error(command: str | None, exc: BaseException) -> str:
    """Append the traceback to the log file (never the arguments: a URL may hold a
    password); return where it went."""
    import traceback
    from datetime import datetime

    from stationdesk.data.database import data_dir

    path = data_dir() / "logs" / "stationdesk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log_file:
            log_file.write(
                f"{datetime.now():%Y-%m-%d %H:%M:%S} CRITICAL stationdesk.cli: "
                f"`stationdesk {command or ''}` failed\n" + "".join(traceback.format_exception(exc))
            )
    except OSError:
        return "no log: the log file cannot be written"
    return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
