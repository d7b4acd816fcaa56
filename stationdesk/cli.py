"""The ``stationdesk`` command: the GUI by default, administration subcommands.

Wrong arguments or a problem the administrator can fix end in a one-line message
and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from stationdesk import __version__

VIEWS = ("overview", "cases", "patrols", "mediation", "reports")
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

    bak = sub.add_parser("backup", help="online backup of the SQLite database")
    bak.add_argument("-o", "--output", type=Path, required=True)
    return p


def _open_db(args: argparse.Namespace, *, check: bool = True):  # type: ignore[no-untyped-def]
    from stationdesk.data import migrate
    from stationdesk.data.database import Database

    db = Database(args.db)
    if check:
        migrate.check_schema(db)
    return db


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


def _read_new_password(name: str) -> str:
    env = os.environ.get("STATIONDESK_NEW_PASSWORD")
    if env:
        return env
    first = getpass.getpass(f"new password for {name}: ")
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

    report = audit.verify_chain(_open_db(args))
    if report.ok:
        print(f"audit chain intact: {report.checked} entries")
        return 0
    print(
        f"audit chain BROKEN at entry {report.first_broken_id}: {report.reason} "
        f"({report.checked} entries before it are intact)"
    )
    return 3


def _cmd_backup(args: argparse.Namespace) -> int:
    from stationdesk.data import migrate

    db = _open_db(args, check=False)
    if db.sqlite_path is None:
        raise CliError("backup is for the SQLite file; on PostgreSQL use pg_dump (see docs)")
    if args.output.exists():
        raise CliError(f"{args.output} exists; choose a new file name")
    migrate.backup_sqlite(db.sqlite_path, args.output)
    print(f"backup written to {args.output}")
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
    "backup": _cmd_backup,
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

        if isinstance(exc, OperationalError | OSError):
            print(
                f"stationdesk: cannot use the database: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}",
                file=sys.stderr,
            )
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
