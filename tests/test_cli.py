"""Every `stationdesk` subcommand given wrong arguments, or pointed at a database it
cannot use: one line on stderr, a non-zero exit status, never a traceback.

Each case runs the real command (``python -m stationdesk``) in a subprocess. The list
of subcommands is read from the parser itself, so a new subcommand is probed too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from stationdesk.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def stationdesk(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stationdesk", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "STATIONDESK_DB": "", **(env or {})},
    )


def run_all(cases: Sequence[Sequence[str | Path]]) -> list[subprocess.CompletedProcess[str]]:
    # Start-up is most of each run's time: run them side by side.
    with ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda a: stationdesk(*a), cases))


def problems(args: Sequence[str | Path], result: subprocess.CompletedProcess[str]) -> list[str]:
    """What is wrong with how ``stationdesk ARGS`` failed (empty if it failed well)."""
    found = []
    shown = " ".join(map(str, args))
    if result.returncode == 0:
        found.append(f"`{shown}` exited 0")
    if "Traceback" in result.stderr:
        found.append(f"`{shown}` printed a traceback:\n{result.stderr}")
    lines = result.stderr.strip().splitlines()
    if len(lines) != 1 or not lines[0].startswith("stationdesk: "):
        found.append(
            f"`{shown}` did not print exactly one 'stationdesk: ...' line:\n{result.stderr}"
        )
    return found


def _subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _subcommands(sub, (*prefix, name))


def _needs_arguments(parser: argparse.ArgumentParser) -> bool:
    return any(
        a.required or (not a.option_strings and a.nargs not in ("?", "*"))
        for a in parser._actions
        if not isinstance(a, argparse._HelpAction)
    )


SUBCOMMANDS = list(_subcommands(build_parser()))


def test_every_subcommand_rejects_unknown_options_and_missing_arguments() -> None:
    cases: list[tuple[str, ...]] = [("no-such-command",), ("--no-such-option",), ("--db",)]
    for path, sub in SUBCOMMANDS:
        cases.append((*path, "--no-such-option"))
        if _needs_arguments(sub):
            cases.append(path)
    results = run_all(cases)
    found = [p for args, r in zip(cases, results, strict=True) for p in problems(args, r)]
    assert not found, "\n".join(found)
    assert all(r.returncode == 2 for r in results)  # argparse's usage-error status


WRONG_VALUES: list[tuple[str, ...]] = [
    ("--lang", "fr"),
    ("init", "extra"),
    ("demo", "--cases", "many"),
    ("demo", "--cases", "-5"),
    ("demo", "--seed", "1.5"),
    ("import", "people", "x.csv"),
    ("import", "staff"),
    ("screenshot", "nowhere", "-o", "x.png"),
    ("screenshot", "cases", "-o", "x.png", "--size", "big"),
    ("screenshot", "cases", "-o", "x.png", "--size", "10x10"),
    ("screenshot", "cases", "-o", "x.png", "--lang", "de"),
    ("user", "add", "bob"),
    ("user", "add", "--role", "duty_officer"),
    ("user", "frob"),
    ("user", "list", "extra"),
    ("audit", "frob"),
    ("backup",),
    ("backup", "-o"),
    ("restore",),
    ("restore", "a.sqlite3", "b.sqlite3"),
    ("report", "handover", "-o", "x.pdf", "--from", "yesterday"),
    ("report", "handover", "-o", "x.pdf", "--lang", "fr"),
    ("report", "frob"),
    ("user", "passwd"),
    ("user", "unlock", "a", "b"),
    ("audit", "export", "-o", "x.csv", "--since", "soon"),
    ("audit", "export", "-o", "x.csv", "--until", "2025-13-40"),
    ("db", "set-password"),
    ("db", "forget-password", "a", "b"),
    ("db", "create-app-role"),
    ("db", "frob"),
    ("audit", "verify", "extra"),
    ("report", "agreement", "-o", "x.pdf", "twelve"),
    ("report", "agreement", "-o", "x.pdf", "3", "--lang", "fr"),
    ("check", "extra"),
    ("check", "--quick", "now"),
]


def _leaves() -> list[tuple[str, ...]]:
    parents = {path[:-1] for path, _ in SUBCOMMANDS}
    return [path for path, _ in SUBCOMMANDS if path not in parents]


def test_every_subcommand_has_a_wrong_value_case() -> None:
    """A new subcommand needs its own wrong values in WRONG_VALUES (the generic cases
    above only try unknown options and missing arguments)."""
    missing = [
        " ".join(leaf)
        for leaf in _leaves()
        if not any(case[: len(leaf)] == leaf for case in WRONG_VALUES)
    ]
    assert not missing, f"add wrong-value cases for: {missing}"


def test_wrong_values_are_usage_errors() -> None:
    results = run_all(WRONG_VALUES)
    found = [p for args, r in zip(WRONG_VALUES, results, strict=True) for p in problems(args, r)]
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def station_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from stationdesk.data import migrate
    from stationdesk.data.database import Database

    path = tmp_path_factory.mktemp("cli") / "station.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    db.dispose()
    return path


def test_databases_it_cannot_use_and_files_it_cannot_find(
    station_file: Path, tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("这不是数据库\n", encoding="utf-8")
    empty = tmp_path / "empty.sqlite3"
    refused = "postgresql://postgres@127.0.0.1:1/station"  # nothing listens on port 1
    db = ("--db", str(station_file))
    cases: list[tuple[tuple[str | Path, ...], str]] = [
        (("--db", text_file / "x.sqlite3", "user", "list"), "is a file, not a folder"),
        (("--db", empty, "user", "list"), "stationdesk init"),
        (("--db", refused, "user", "list"), "cannot use the database"),
        (("--db", refused, "backup", "-o", tmp_path / "b.sqlite3"), "SQLite file"),
        ((*db, "backup", "-o", text_file), "exists"),
        ((*db, "restore", tmp_path / "missing.sqlite3"), "no such file"),
        ((*db, "restore", station_file), "the database itself"),
        ((*db, "user", "passwd", "nobody"), "no user"),
        ((*db, "user", "add", "bob", "--role", "sheriff"), "unknown role"),
        ((*db, "audit", "verify"), ""),  # the control: the same database works
    ]
    results = run_all([args for args, _ in cases])
    found = []
    for (args, needle), result in zip(cases, results, strict=True):
        if not needle:
            assert result.returncode == 0, result.stderr
            continue
        found += problems(args, result)
        if needle not in result.stderr:
            found.append(f"`{' '.join(map(str, args))}` does not say {needle!r}: {result.stderr}")
    assert not found, "\n".join(found)
    assert not empty.with_name("x.sqlite3").exists()


def test_every_subcommand_pointed_at_an_unusable_database_fails_in_one_line(
    tmp_path: Path,
) -> None:
    """Each subcommand (read from the parser: new ones are included) with plausible
    arguments and a --db it cannot use: one line, a non-zero exit, no traceback."""
    staff = tmp_path / "staff.csv"
    staff.write_text("name,kind\n张伟,police\n", encoding="utf-8")
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    plausible: dict[tuple[str, ...], tuple[str | Path, ...]] = {
        ("import",): ("staff", staff),
        ("screenshot",): ("cases", "-o", tmp_path / "x.png"),
        ("user", "add"): ("bob", "--role", "duty_officer"),
        ("user", "passwd"): ("bob",),
        ("user", "unlock"): ("bob",),
        ("audit", "export"): ("-o", tmp_path / "audit.csv"),
        ("db", "set-password"): (tmp_path / "x.sqlite3",),  # an SQLite file has none
        ("db", "forget-password"): (tmp_path / "x.sqlite3",),
        ("db", "create-app-role"): ("stationdesk_app",),
        ("backup",): ("-o", tmp_path / "backup.sqlite3"),
        ("restore",): (staff,),
        ("report", "handover"): ("-o", tmp_path / "handover.pdf"),
        ("report", "agreement"): ("1", "-o", tmp_path / "agreement.pdf"),
    }
    cases = [
        ("--db", blocker / "station.sqlite3", *leaf, *plausible.get(leaf, ())) for leaf in _leaves()
    ]
    env = {"STATIONDESK_NEW_PASSWORD": "a-long-password-1"}  # never wait for a prompt
    with ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda a: stationdesk(*a, env=env), cases))
    found = [p for args, r in zip(cases, results, strict=True) for p in problems(args, r)]
    assert not found, "\n".join(found)
    assert not any(r.returncode in (0, 70) for r in results)  # refused, not a defect


def test_check_says_the_file_is_intact_or_missing(station_file: Path, tmp_path: Path) -> None:
    ok = stationdesk("--db", station_file, "check")
    assert ok.returncode == 0 and "integrity_check ok" in ok.stdout, ok.stderr
    quick = stationdesk("--db", station_file, "check", "--quick")
    assert quick.returncode == 0 and "quick_check ok" in quick.stdout
    args = ("--db", tmp_path / "missing.sqlite3", "check")
    missing = stationdesk(*args)
    assert not problems(args, missing) and "no such file" in missing.stderr
    assert not (tmp_path / "missing.sqlite3").exists()  # checking creates nothing


def test_import_names_a_missing_file(station_file: Path, tmp_path: Path) -> None:
    args = ("--db", station_file, "import", "staff", tmp_path / "missing.csv")
    result = stationdesk(*args)
    assert not problems(args, result)
    assert "no such file" in result.stderr


def test_a_defect_is_one_line_and_its_traceback_goes_to_the_log(tmp_path: Path) -> None:
    # A command with a bug in it (here: dividing by zero) stands in for any defect.
    code = (
        "import stationdesk.cli as cli\n"
        "cli.COMMANDS['init'] = lambda args: 1 / 0\n"
        "raise SystemExit(cli.main(['--db', 'postgresql://u:secret@h/x', 'init']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "STATIONDESK_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 70
    assert not problems(("init",), result)
    assert "ZeroDivisionError" in result.stderr
    log = (tmp_path / "logs" / "stationdesk.log").read_text(encoding="utf-8")
    assert str(tmp_path / "logs" / "stationdesk.log") in result.stderr
    assert "Traceback" in log and "ZeroDivisionError: division by zero" in log
    assert "secret" not in log  # arguments may hold a password: never logged
