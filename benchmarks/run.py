"""StationDesk's benchmark runner: the product's speed, measured the same way every time.

    python benchmarks/run.py [--cases N] [--quick] [--json] [--only KEY,...]

Builds (or reuses, keyed by N and seed, under .bench/) a demo SQLite database of N cases
(default 1,000,000; --quick 100,000 unless --cases says otherwise), starts its own
PostgreSQL on loopback for the PostgreSQL figure, runs every measurement several times
and prints a table; with --json the last line of the output is one JSON object with
exactly the keys of issue 9 (null where a figure cannot be measured). Figures about a
process run in probe processes (benchmarks/*_probe.py); see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import common
import roster_bench
from common import BENCH_DIR, REPO, median, percentile

FULL_CASES = 1_000_000
QUICK_CASES = 100_000
SEED = 7
LIVE_CASES = 2_000  # the writers' database: live latency and locking need no big table
LIVE_COMMITS = 50
LOCK_WRITERS = 4
LOCK_TRANSACTIONS = 500
LIST_ROWS = 10_000
# Below this many cases a run is a smoke run (the test suite's): it checks that every
# measurement still works, so the workloads that do not depend on N shrink as well.
SMOKE_BELOW = 10_000
PDF_PAGES = 50
PYTHON = sys.executable
HERE = Path(__file__).resolve().parent

# key: (comparison, target, unit) -- in the order of issue 9.
TARGETS: dict[str, tuple[str, float, str]] = {
    "cold_start_s": ("<=", 0.5, "s"),
    "cold_start_rss_mb": ("<=", 120, "MB"),
    "list_first_page_ms": ("<=", 50, "ms"),
    "sort_filter_p95_ms": ("<=", 200, "ms"),
    "list_vs_raw_ratio": ("<=", 1.5, "x"),
    "list_rss_mb": ("<=", 250, "MB"),
    "ui_max_stall_ms": ("<=", 50, "ms"),
    "live_pg_p99_ms": ("<=", 250, "ms"),
    "live_sqlite_p99_ms": ("<=", 1000, "ms"),
    "dashboard_aggregates_ms": ("<=", 200, "ms"),
    "chart_fps": (">=", 30, "fps"),
    "handover_pdf_s": ("<=", 2, "s"),
    "handover_pdf_mb": ("<=", 2, "MB"),
    "demo_1m_s": ("<=", 60, "s"),
    "roster_check_ms": ("<=", 100, "ms"),
    "sqlite_locked_errors": ("<=", 0, ""),
}
KEYS = tuple(TARGETS)

# Which measurement produces which figures (one run of a group fills all of its keys).
GROUPS: dict[str, tuple[str, ...]] = {
    "demo": ("demo_1m_s",),
    "gui": ("cold_start_s", "cold_start_rss_mb", "list_rss_mb", "ui_max_stall_ms"),
    "list": ("list_first_page_ms", "sort_filter_p95_ms"),
    "ratio": ("list_vs_raw_ratio",),
    "dashboard": ("dashboard_aggregates_ms",),
    "roster": ("roster_check_ms",),
    "live_sqlite": ("live_sqlite_p99_ms",),
    "live_pg": ("live_pg_p99_ms",),
    "locked": ("sqlite_locked_errors",),
    "chart": ("chart_fps",),
    "pdf": ("handover_pdf_s", "handover_pdf_mb"),
}
NEEDS_BIG_DB = {"demo", "gui", "list", "ratio", "dashboard"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- state


@dataclass
class Run:
    cases: int
    quick: bool
    keys: tuple[str, ...]
    tmp: Path
    values: dict[str, float | int | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    details: list[tuple[str, str]] = field(default_factory=list)
    db_path: Path | None = None
    db_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def smoke(self) -> bool:
        return self.cases < SMOKE_BELOW

    @property
    def rounds(self) -> int:
        """How many times each measurement runs (medians over these)."""
        return 1 if self.smoke else 3 if self.quick else 5

    @property
    def live_commits(self) -> int:
        return 10 if self.smoke else LIVE_COMMITS

    @property
    def lock_transactions(self) -> int:
        return 50 if self.smoke else LOCK_TRANSACTIONS

    def set(self, key: str, value: float | None, note: str = "") -> None:
        self.values[key] = value
        if note:
            self.notes[key] = note

    def detail(self, label: str, text: str) -> None:
        self.details.append((label, text))

    def probe_env(self, **extra: str) -> dict[str, str]:
        """Probe processes: offscreen Qt, throwaway settings, bytecode caching on."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        home = self.tmp / "home"
        env.update(
            QT_QPA_PLATFORM="offscreen",
            STATIONDESK_PASSWORD=common.DEMO_PASSWORD,
            STATIONDESK_DATA_DIR=str(home / "data"),
            STATIONDESK_CONFIG_DIR=str(home / "config"),
            XDG_CONFIG_HOME=str(home / "xdg-config"),
            XDG_DATA_HOME=str(home / "xdg-data"),
            XDG_CACHE_HOME=str(home / "xdg-cache"),
            XDG_RUNTIME_DIR=str(home / "xdg-runtime"),
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        env.pop("STATIONDESK_DB", None)
        env.update(extra)
        (home / "xdg-runtime").mkdir(parents=True, exist_ok=True)
        (home / "xdg-runtime").chmod(0o700)
        return env


def probe(
    run: Run, script: str, *args: str, timeout: float = 600, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run benchmarks/SCRIPT as its own process and return its result line."""
    cmd = [PYTHON, str(HERE / script), *args]
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or run.probe_env(),
        cwd=REPO,
        check=False,
    )
    try:
        return common.parse_result(proc.stdout)
    except RuntimeError:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"{script} failed (exit {proc.returncode}):\n{tail}") from None


# ------------------------------------------------------------------- databases


def demo_source_hash() -> str:
    return hashlib.sha256((REPO / "stationdesk/data/demo.py").read_bytes()).hexdigest()[:16]


def schema_head() -> str:
    from stationdesk.data import migrate

    return str(migrate.head_revision())


def cached_demo(run: Run, cases: int, prefix: str = "demo") -> tuple[Path, dict[str, Any]]:
    """The demo SQLite database of ``cases`` cases (seed SEED), built if not cached.

    A cached file is reused while the schema's head revision and demo.py are the ones
    it was built with; otherwise it is built again (the app refuses an old schema).
    """
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"{prefix}-{cases}-seed{SEED}.sqlite3"
    meta_path = path.with_suffix(".json")
    head, demo_sha = schema_head(), demo_source_hash()
    if path.is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        if meta.get("schema_head") == head and meta.get("demo_sha") == demo_sha:
            return path, {**meta, "built_now": False}
        log(f"{path.name} was built for another schema or demo.py: building it again")
    building = path.with_name(path.name + ".building")
    for stale in (building, path):
        for file in (stale, Path(f"{stale}-wal"), Path(f"{stale}-shm")):
            file.unlink(missing_ok=True)
    log(f"building the demo database: {cases:,} cases, seed {SEED} -> {path}")
    load_before = os.getloadavg()[0]
    result = probe(run, "build_probe.py", str(building), str(cases), str(SEED), timeout=3600)
    wal = Path(f"{building}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RuntimeError(f"{wal} is not empty after the build; not caching it")
    wal.unlink(missing_ok=True)
    Path(f"{building}-shm").unlink(missing_ok=True)
    building.rename(path)
    meta = {
        "cases": cases,
        "seed": SEED,
        "build_s": round(result["seconds"], 2),
        "built_at": datetime.now().isoformat(timespec="seconds"),
        "demo_sha": demo_sha,
        "schema_head": head,
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "summary": result["summary"],
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    log(f"built in {meta['build_s']} s")
    return path, {**meta, "built_now": True}


def writers_db(run: Run, name: str) -> Path:
    """A fresh copy of the small demo database for the processes that write."""
    template, _meta = cached_demo(run, LIVE_CASES)
    copy = run.tmp / f"{name}.sqlite3"
    # Through SQLite's backup API: the template may have a WAL (sign-ins write to it).
    with (
        contextlib.closing(sqlite3.connect(template)) as src,
        contextlib.closing(sqlite3.connect(copy)) as dst,
    ):
        src.backup(dst)
    return copy


def load_pgserver() -> Any:
    """tests/pgserver.py, imported by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "stationdesk_bench_pgserver", REPO / "tests/pgserver.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def postgres(run: Run) -> Iterator[str | None]:
    """A PostgreSQL server on loopback holding a small demo station; yields its URL."""
    if os.environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0"):
        run.detail("PostgreSQL", "skipped: STATIONDESK_SKIP_PG is set")
        yield None
        return
    pgserver = load_pgserver()
    if pgserver.find_bin_dir() is None:
        run.detail("PostgreSQL", "no server binaries found: PostgreSQL figures are null")
        yield None
        return
    server = pgserver.PostgresServer()
    log("starting PostgreSQL on loopback")
    server.start()
    try:
        url = server.create_database("stationdesk_bench")
        result = probe(run, "build_probe.py", url, str(LIVE_CASES), str(SEED), timeout=900)
        run.detail(
            "PostgreSQL",
            f"server on 127.0.0.1:{server.port} (fsync off, as the tests run it); "
            f"demo of {LIVE_CASES:,} cases loaded in {result['seconds']:.1f} s",
        )
        yield url
    finally:
        server.close()


# -------------------------------------------------------------------- measurements


def measure_demo(run: Run) -> None:
    meta = run.db_meta
    if run.cases == FULL_CASES and meta:
        how = "built in this run" if meta.get("built_now") else f"cached, built {meta['built_at']}"
        if "load" in meta:
            how += f" (load {meta['load'][0]:.1f} -> {meta['load'][1]:.1f})"
        run.set("demo_1m_s", meta["build_s"], how)
        return
    path = BENCH_DIR / f"demo-{FULL_CASES}-seed{SEED}.json"
    if path.is_file():
        full = json.loads(path.read_text())
        if full.get("demo_sha") == demo_source_hash() and full.get("schema_head") == schema_head():
            run.set("demo_1m_s", full["build_s"], f"cached from the 1M build of {full['built_at']}")
            return
        run.set("demo_1m_s", None, "the cached 1M build predates demo.py or the schema")
        return
    run.set("demo_1m_s", None, "reported when N is 1,000,000")


def measure_gui(run: Run) -> None:
    """Cold start, then (last run) the list scrolled through 10k rows and the UI stall."""
    assert run.db_path is not None
    has_cases_view = importlib.util.find_spec("stationdesk.ui.views.cases") is not None
    view = "cases" if has_cases_view else "overview"
    env = run.probe_env()
    config = Path(env["STATIONDESK_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    # The window opens on the view saved in the settings: the case list.
    (config / "stationdesk.ini").write_text(f"[main_window]\nview={view}\n")
    if not run.smoke:  # warm the caches (bytecode, page cache, fonts)
        probe(run, "gui_probe.py", str(run.db_path), view, env=env, timeout=300)
    starts, rss, cpu, last = [], [], [], {}
    runs = max(2, run.rounds)
    for i in range(runs):
        args = [str(run.db_path), view]
        if i == runs - 1:
            args += ["--extended", str(LIST_ROWS)]
        forget_dead_sessions(env)
        spawned = time.time()
        last = probe(run, "gui_probe.py", *args, env=env, timeout=600)
        starts.append(last["painted_at"] - spawned)
        rss.append(last["rss_mb"])
        cpu.append(last["cpu_s"])
        shown = last["shown_at"] - spawned
    what = "case list" if view == "cases" else "overview tiles (no cases view yet)"
    run.set("cold_start_s", median(starts), f"median of {len(starts)}; to the {what} painted")
    run.set("cold_start_rss_mb", median(rss), "VmRSS at that moment")
    run.detail("cold start samples (s)", ", ".join(f"{s:.2f}" for s in starts))
    run.detail("cold start: CPU time to first paint (median)", f"{median(cpu):.2f} s")
    run.detail("cold start: window shown at (last run)", f"{shown:.2f} s")
    run.detail(
        "imported at first paint",
        f"{last.get('modules', '?')} modules; of the heavy ones: "
        + (", ".join(last.get("heavy_modules", [])) or "none"),
    )
    if last.get("none_refcount_shield"):
        run.detail("PySide6 None refcount bug", PYSIDE_BUG_NOTE)
    if "extended_error" in last:
        run.set("list_rss_mb", None, last["extended_error"])
        run.set("ui_max_stall_ms", None, last["extended_error"])
        return
    run.set(
        "list_rss_mb",
        last["list_rss_mb"],
        f"{last['list_rows']:,} rows loaded and scrolled ({last.get('list_filter', '?')})",
    )
    run.set("ui_max_stall_ms", last["ui_max_stall_ms"], "longest gap of a 10 ms timer")
    phases = ", ".join(f"{k} {v:.0f}" for k, v in last["ui_stall_by_phase"].items())
    run.detail("UI stall by phase (ms)", phases)
    run.detail("overview first shown (builds charts)", f"{last['overview_first_show_ms']:.0f} ms")


def forget_dead_sessions(env: dict[str, str]) -> None:
    """Start the next probe as after a clean shutdown.

    A probe ends with ``os._exit`` the moment it has its figure, which leaves the app's
    "file open" session marker behind as a crash would; the next start would then check
    the whole file (``PRAGMA quick_check``: 0.3 s at 100k cases, ~20 s at 1M) -- the
    recovery path after a crash, not the start an officer normally gets.
    """
    from stationdesk.data.database import SESSIONS_DIR

    for marker in (Path(env["STATIONDESK_DATA_DIR"]) / SESSIONS_DIR).glob("*.open"):
        marker.unlink(missing_ok=True)


PYSIDE_BUG_NOTE = (
    "this PySide6 drops a reference to None on every void call (Python aborts after "
    "~30k calls); probes pad the refcount to survive, see README"
)


def measure_list(run: Run) -> None:
    assert run.db_path is not None
    rounds = min(run.rounds, 3)  # 25 changes each round, each followed by a count
    result = probe(run, "list_probe.py", str(run.db_path), str(rounds), timeout=1800)
    first = result["first_page_ms"]
    run.set("list_first_page_ms", median(first), f"median of {len(first)}; {result['source']}")
    changes = result["changes_ms"]
    samples = [v for values in changes.values() for v in values]
    run.set(
        "sort_filter_p95_ms",
        percentile(samples, 95),
        f"{len(changes)} changes x {rounds}; to first page painted",
    )
    slowest = sorted(changes.items(), key=lambda kv: -median(kv[1]))[:5]
    run.detail(
        "slowest sort/filter changes (median ms)",
        "; ".join(f"{name} {median(v):.0f}" for name, v in slowest),
    )
    if result["count_ms"]:
        run.detail(
            "case count after a change (p95 ms)", f"{percentile(result['count_ms'], 95):.0f}"
        )


def measure_ratio(run: Run) -> None:
    """cases.list_cases_page (the app's list query) vs the same SQL on bare sqlite3."""
    assert run.db_path is not None
    from sqlalchemy import event

    from stationdesk.data import cases
    from stationdesk.data.database import Database

    db = Database(str(run.db_path))
    captured: list[tuple[str, Any]] = []
    traced: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        captured.append((statement, params))

    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(traced.append)

    # The app may run the page query on the driver's cursor, past SQLAlchemy's events:
    # then the statement comes from SQLite's trace (the SQL with its values in it).
    event.listen(db.engine, "before_cursor_execute", capture)
    event.listen(db.engine.pool, "connect", trace)
    cases.list_cases_page(db)
    event.remove(db.engine, "before_cursor_execute", capture)
    db.dispose()  # the traced connections go; the timed calls use fresh ones
    db = Database(str(run.db_path))
    if captured:
        statement, params = captured[-1]
        source = "SQL and parameters as SQLAlchemy sent them"
    else:
        statement = next(
            sql for sql in reversed(traced) if sql.lstrip().upper().startswith("SELECT")
        )
        params = ()
        source = "SQL as SQLite ran it (values inlined), from its trace"
    raw = sqlite3.connect(str(run.db_path))
    app_ms, raw_ms = [], []
    for _ in range(3):  # warm both
        cases.list_cases_page(db)
        raw.execute(statement, params).fetchall()
    # Interleaved, and in CPU time of this thread: both sides are CPU-bound reads from
    # the page cache, and CPU time does not count the waits a busy machine adds.
    for _ in range(run.rounds * 10):
        app_ms.append(common.cpu_ms(lambda: cases.list_cases_page(db)))
        raw_ms.append(common.cpu_ms(lambda: raw.execute(statement, params).fetchall()))
    raw.close()
    db.dispose()
    ratio = median(app_ms) / median(raw_ms)
    run.set(
        "list_vs_raw_ratio",
        ratio,
        f"first page: {median(app_ms):.2f} / {median(raw_ms):.2f} ms CPU time",
    )
    run.detail("list_vs_raw_ratio: the raw side's statement", source)


def measure_dashboard(run: Run) -> None:
    """Every query the overview runs for its tiles and charts, one pass = one figure.

    The figure is wall-clock (median of passes); the details add the same passes in CPU
    time of this thread, which a busy machine does not inflate.
    """
    assert run.db_path is not None
    from stationdesk.data import dashboard, overview_queries
    from stationdesk.data.database import Database
    from stationdesk.data.uow import now

    db = Database(str(run.db_path))
    at = now()
    queries: dict[str, Callable[[], Any]] = {
        "overview_tiles": lambda: dashboard.overview_tiles(db, at),
        "cases_per_hour": lambda: dashboard.cases_per_hour(db, at, 24),
        "open_by_status": lambda: dashboard.open_by_status(db),
        "open_by_grid": lambda: dashboard.open_by_grid(db),
        "overdue_trend(30 days)": lambda: overview_queries.overdue_trend_to_now(db, at),
        "patrol_coverage": lambda: overview_queries.patrol_coverage(db, at.date()),
        "mediator_timeline": lambda: overview_queries.mediator_timeline(db, at.date()),
        "agreement_rate(12 weeks)": lambda: overview_queries.agreement_rate_by_week(db, at),
    }
    warm_start = time.perf_counter()
    for fn in queries.values():  # warm the page cache
        fn()
    slow = time.perf_counter() - warm_start > 10
    per_query: dict[str, list[float]] = {name: [] for name in queries}
    totals, cpu_totals = [], []
    # At a million cases one pass can take a minute: then two passes are enough.
    for _ in range(2 if slow else run.rounds):
        total = 0.0
        cpu_start = time.thread_time()
        for name, fn in queries.items():
            ms = common.time_ms(fn)
            per_query[name].append(ms)
            total += ms
        cpu_totals.append((time.thread_time() - cpu_start) * 1000)
        totals.append(total)
    db.dispose()
    run.set("dashboard_aggregates_ms", median(totals), f"median of {len(totals)} passes")
    run.detail(
        "dashboard queries (median ms)",
        "; ".join(f"{name} {median(v):.1f}" for name, v in per_query.items()),
    )
    run.detail("dashboard pass in CPU time (median ms)", f"{median(cpu_totals):.1f}")


def synthetic_roster(staff: int = 200, weeks: int = 4, seed: int = SEED) -> tuple[Any, ...]:
    """200 people on day and night patrols for four weeks, with a few broken rules."""
    from stationdesk.domain.enums import StaffKind
    from stationdesk.domain.scheduling import Person, RosterShift

    rng = random.Random(seed)
    first_day = date(2025, 3, 3)  # a Monday
    days = [first_day + timedelta(days=d) for d in range(weeks * 7)]
    grid_ids = list(range(1, 13))
    kinds = [StaffKind.POLICE] * 60 + [StaffKind.AUXILIARY] * 80 + [StaffKind.VOLUNTEER] * 60
    people = []
    for pid in range(1, staff + 1):
        leave = frozenset(rng.sample(days, 2)) if rng.random() < 0.1 else frozenset()
        people.append(Person(pid, kinds[(pid - 1) % len(kinds)], leave))
    police = [p.id for p in people if p.kind == StaffKind.POLICE]
    others = [p.id for p in people if p.kind != StaffKind.POLICE]
    shifts = []
    sid = 1
    for day in days:
        for start_hour in (8, 20):
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=start_hour)
            end = start + timedelta(hours=12)
            on_duty_police = rng.sample(police, 20)
            on_duty_others = rng.sample(others, 40)
            for crew_no in range(20):
                members = {on_duty_police[crew_no], *on_duty_others[crew_no * 2 : crew_no * 2 + 2]}
                if rng.random() < 0.01:  # a double booking now and then
                    members.add(rng.choice(police))
                covered = frozenset(rng.sample(grid_ids, 2)) if crew_no < 10 else frozenset()
                shifts.append(RosterShift(sid, start, end, frozenset(members), covered))
                sid += 1
    return shifts, people, grid_ids, days


def measure_roster(run: Run) -> None:
    from stationdesk.domain.scheduling import check_roster

    shifts, people, grid_ids, days = synthetic_roster()
    found = check_roster(shifts, people, grid_ids, days)
    # Pure Python on one thread: its CPU time is its wall time on a quiet machine.
    times = [
        common.cpu_ms(lambda: check_roster(shifts, people, grid_ids, days))
        for _ in range(run.rounds * 2)
    ]
    run.set(
        "roster_check_ms",
        median(times),
        f"{len(shifts):,} shifts, {len(people)} people, 28 days; {len(found)} violations; CPU time",
    )


def live_p99(run: Run, url: str, backend: str) -> tuple[float, str]:
    """Workstation A commits cases one by one; B's watcher sees them. p99 of the delay."""
    env = run.probe_env()
    watcher = subprocess.Popen(
        [PYTHON, str(HERE / "live_probe.py"), "watcher", url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert watcher.stdout is not None and watcher.stdin is not None
        ready = watcher.stdout.readline().strip()
        if ready != "READY":
            raise RuntimeError(f"the watcher did not start: {ready} {watcher.stderr.read()[-800:]}")
        written = probe(
            run, "live_probe.py", "writer", url, str(run.live_commits), str(SEED), env=env
        )
        time.sleep(1.5)  # the last commit's poll / notification
        out, err = watcher.communicate(input="", timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait()
    seen = common.parse_result(out)["visible"]
    committed = written["committed"]
    delays = [(seen[k] - t) * 1000.0 for k, t in committed.items() if k in seen]
    missing = len(committed) - len(delays)
    if not delays:
        raise RuntimeError(f"B saw none of A's {len(committed)} commits. {err[-500:]}")
    note = f"{len(delays)} commits, median {median(delays):.0f} ms, max {max(delays):.0f} ms"
    if missing:
        note += f"; {missing} never seen"
    run.detail(f"live {backend} delays", note)
    if missing:
        return float("inf"), note
    return percentile(delays, 99), note


def measure_live_sqlite(run: Run) -> None:
    path = writers_db(run, "live")
    p99, note = live_p99(run, str(path), "SQLite")
    run.set("live_sqlite_p99_ms", p99, note.split(";")[0])


def measure_live_pg(run: Run, url: str | None) -> None:
    if url is None:
        run.set("live_pg_p99_ms", None, "no PostgreSQL server (see details)")
        return
    p99, note = live_p99(run, url, "PostgreSQL")
    run.set("live_pg_p99_ms", p99, note.split(";")[0])


def measure_locked(run: Run) -> None:
    path = writers_db(run, "locked")
    env = run.probe_env()
    procs = [
        subprocess.Popen(
            [PYTHON, str(HERE / "writer_probe.py"), str(path), str(i), str(run.lock_transactions)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        for i in range(LOCK_WRITERS)
    ]
    try:
        for p in procs:
            assert p.stdout is not None
            line = p.stdout.readline().strip()
            if line != "READY":
                raise RuntimeError(f"a writer did not start: {line} {p.stderr.read()[-800:]}")
        for p in procs:  # all at once
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=600)
            try:
                results.append(common.parse_result(out))
            except RuntimeError:
                raise RuntimeError(f"a writer failed: {err[-800:]}") from None
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    locked = sum(r["locked"] for r in results)
    other = sum(r["other"] for r in results)
    total = LOCK_WRITERS * run.lock_transactions
    seconds = max(r["seconds"] for r in results)
    note = f"{total:,} transactions in {seconds:.1f} s ({total / seconds:.0f}/s)"
    if other:
        kinds: dict[str, int] = {}
        for r in results:
            for k, n in r["other_kinds"].items():
                kinds[k] = kinds.get(k, 0) + n
        note += f"; {other} other errors {kinds}"
    run.set("sqlite_locked_errors", locked, note)


def measure_chart(run: Run) -> None:
    seconds = "0.5" if run.smoke else "1" if run.quick else "2"
    result = probe(run, "chart_probe.py", seconds, str(run.rounds), timeout=300)
    run.set(
        "chart_fps",
        median(result["fps"]),
        f"{result['source']}, 4 x 10k points, grab() per frame",
    )
    run.detail("chart fps samples", ", ".join(f"{f:.1f}" for f in result["fps"]))


def measure_pdf(run: Run) -> None:
    if importlib.util.find_spec("stationdesk.reports.handover") is None:
        run.set("handover_pdf_s", None, "stationdesk.reports.handover does not exist yet")
        run.set("handover_pdf_mb", None, "stationdesk.reports.handover does not exist yet")
        return
    results = [
        probe(run, "pdf_probe.py", str(PDF_PAGES), str(run.tmp / f"handover-{i}.pdf"))
        for i in range(run.rounds)
    ]
    last = results[-1]
    run.set(
        "handover_pdf_s",
        median([r["seconds"] for r in results]),
        f"median of {len(results)} fresh processes; {last['pages']} pages",
    )
    run.set("handover_pdf_mb", last["bytes"] / 1e6, "fonts: " + ", ".join(last["fonts"]))
    run.detail("handover: importing the report modules", f"{last['import_s']:.2f} s (not counted)")
    run.detail(
        "handover: CPU time of the build (median)", f"{median([r['cpu_s'] for r in results]):.2f} s"
    )


# ---------------------------------------------------------------------------- report


def verdict(key: str, value: float | int | None) -> str:
    if value is None:
        return "n/a"
    op, target, _unit = TARGETS[key]
    ok = value <= target if op == "<=" else value >= target
    return "ok" if ok else "MISS"


def fmt(value: float | int | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if value == float("inf"):
        return "inf"
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def print_table(run: Run, started: float, loads: tuple[float, float]) -> None:
    title = (
        f"StationDesk benchmarks · {datetime.now():%Y-%m-%d %H:%M} · N={run.cases:,} cases"
        f"{' (quick)' if run.quick else ''} · {os.cpu_count()} CPUs · load "
        f"{loads[0]:.1f} -> {loads[1]:.1f} · {time.perf_counter() - started:.0f} s"
    )
    print(title)
    print("=" * len(title))
    print(f"{'figure':26} {'value':>10}  {'target':>8}  {'':4}  notes")
    for key in KEYS:
        op, target, unit = TARGETS[key]
        value = run.values.get(key)
        note = run.notes.get(key, "not measured (--only)" if key not in run.keys else "")
        tgt = f"{'≤' if op == '<=' else '≥'}{target:g}{unit and ' ' + unit}"
        print(f"{key:26} {fmt(value):>10}  {tgt:>8}  {verdict(key, value):4}  {note}")
    if run.details:
        print("\ndetails")
        for label, text in run.details:
            print(f"  {label}: {text}")
    if run.smoke:
        print(
            f"\nsmoke-sized run (N < {SMOKE_BELOW:,}): fewer repetitions, {run.live_commits} live"
            f" commits, {run.lock_transactions} transactions per writer; not comparable figures"
        )
    if max(loads) > 1.5:
        print(
            f"\nwarning: the machine was busy (load {max(loads):.1f} on {os.cpu_count()} CPUs);"
            " timings are pessimistic"
        )


def json_value(value: float | int | None) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value != value or value in (float("inf"), float("-inf")):
        return None  # JSON has no infinity; the table and notes say why
    return round(value, 4)


# ------------------------------------------------------------------------------ main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--cases",
        type=int,
        default=None,
        help=f"demo cases (default {FULL_CASES:,}; with --quick {QUICK_CASES:,})",
    )
    p.add_argument("--quick", action="store_true", help="100k cases, fewer repetitions")
    p.add_argument("--json", action="store_true", help="last line: one JSON object")
    p.add_argument("--only", default="", help="comma-separated figure keys to measure")
    args = p.parse_args(argv)
    wanted = tuple(k.strip() for k in args.only.split(",") if k.strip()) or KEYS
    unknown = [k for k in wanted if k not in TARGETS]
    if unknown:
        p.error(f"unknown figure {', '.join(unknown)}; figures: {', '.join(KEYS)}")
    args.keys = wanted
    if args.cases is not None and args.cases < 1:
        p.error("--cases must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cases = args.cases or (QUICK_CASES if args.quick else FULL_CASES)
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=BENCH_DIR))
    run = Run(cases=cases, quick=args.quick, keys=args.keys, tmp=tmp)
    groups = [g for g, keys in GROUPS.items() if set(keys) & set(args.keys)]
    try:
        if set(groups) & NEEDS_BIG_DB:
            run.db_path, run.db_meta = cached_demo(run, cases)
            built = (
                "built now"
                if run.db_meta["built_now"]
                else f"cached from {run.db_meta['built_at']}"
            )
            run.detail("database", f"{run.db_path} ({built}, {run.db_meta['build_s']} s to build)")
        steps: list[tuple[str, Callable[[], None]]] = [
            ("demo", lambda: measure_demo(run)),
            # roster_check_ms, then the week board and the app's own check (details).
            ("roster", lambda: (measure_roster(run), roster_bench.measure(run, synthetic_roster))),
            ("ratio", lambda: measure_ratio(run)),
            ("dashboard", lambda: measure_dashboard(run)),
            ("list", lambda: measure_list(run)),
            ("gui", lambda: measure_gui(run)),
            ("chart", lambda: measure_chart(run)),
            ("pdf", lambda: measure_pdf(run)),
            ("locked", lambda: measure_locked(run)),
            ("live_sqlite", lambda: measure_live_sqlite(run)),
        ]
        for name, step in steps:
            if name in groups:
                attempt(run, name, step)
        if "live_pg" in groups:

            def live_pg() -> None:
                with postgres(run) as url:
                    measure_live_pg(run, url)

            attempt(run, "live_pg", live_pg)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(run, started, (load_start, os.getloadavg()[0]))
    if args.json:
        payload = {k: json_value(run.values.get(k)) if k in args.keys else None for k in KEYS}
        print(json.dumps(payload))
    return 0


def attempt(run: Run, group: str, step: Callable[[], None]) -> None:
    """One measurement; a failure nulls its figures and says why, the rest go on."""
    log(f"measuring {group}")
    t = time.perf_counter()
    try:
        step()
    except Exception as exc:
        first = f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
        for key in GROUPS[group]:
            if key in run.keys and run.values.get(key) is None:
                run.set(key, None, f"failed: {first}")
        log(f"{group} failed:\n{traceback.format_exc()}")
    log(f"{group} done in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    raise SystemExit(main())
