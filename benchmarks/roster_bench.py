"""Roster figures of issue 4, run as part of the runner's "roster" step.

``measure(run, synthetic_roster)`` stores the runner's synthetic four-week roster (200
people, 12 grids, 1,120 shifts) in a SQLite database and measures

* the rule check of those four weeks as the app runs it: shifts read from the database,
  every rule with the station's settings (``roster_board.check_shifts``), in CPU time;
* the week board opening with 200 people in its rows: from the request to the filled and
  painted table, in a probe process (offscreen Qt, the real worker thread and services).

Both go into the runner's details with their targets (≤100 ms, ≤300 ms); the JSON line
keeps exactly the keys of issue 9. ``python benchmarks/roster_bench.py probe DB ROUNDS``
is the probe.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import common
from common import median

CHECK_TARGET_MS = 100.0
OPEN_TARGET_MS = 300.0


def build_db(path: Path, synthetic: tuple[Any, ...]) -> tuple[str, datetime]:
    """The synthetic roster as a station database; returns its URL and a 'now' in week 1."""
    from sqlalchemy import insert

    from stationdesk.data import migrate
    from stationdesk.data.database import Database
    from stationdesk.data.schema import Grid, PatrolGrid, PatrolMember, PatrolShift, Staff
    from stationdesk.domain.enums import PatrolStatus, ShiftKind

    shifts, people, grid_ids, days = synthetic
    db = Database(str(path))
    migrate.upgrade(db)
    with db.write_engine.begin() as conn:
        conn.execute(
            insert(Staff),
            [dict(id=p.id, name=f"队员{p.id:03d}", kind=p.kind, phone="", volunteer_group="",
                  active=True, version=1) for p in people],
        )  # fmt: skip
        conn.execute(
            insert(Grid),
            [dict(id=g, code=f"G{g:02d}", name=f"网格{g}", kind="community", households=500,
                  visit_target_per_month=10, version=1) for g in grid_ids],
        )  # fmt: skip
        conn.execute(
            insert(PatrolShift),
            [dict(id=s.shift_id, route=f"巡逻线{s.shift_id % 20 + 1}",
                  kind=ShiftKind.DAY if s.start.hour == 8 else ShiftKind.NIGHT,
                  starts_at=s.start, ends_at=s.end, status=PatrolStatus.PLANNED, version=1)
             for s in shifts],
        )  # fmt: skip
        conn.execute(
            insert(PatrolMember),
            [dict(shift_id=s.shift_id, staff_id=m) for s in shifts for m in s.member_ids],
        )
        grids = [dict(shift_id=s.shift_id, grid_id=g) for s in shifts for g in s.grid_ids]
        if grids:
            conn.execute(insert(PatrolGrid), grids)
    db.dispose()
    return str(path), datetime.combine(days[2], datetime.min.time()) + timedelta(hours=12)


def check_from_db(url: str, rounds: int) -> tuple[float, int, int]:
    """CPU ms (median) of the four-week rule check the app runs, shifts read from the DB."""
    from stationdesk.data import roster_board, roster_settings
    from stationdesk.data.database import Database
    from stationdesk.data.patrols import shifts_between

    db = Database(url)
    loaded = shifts_between(db, datetime(2025, 3, 2), datetime(2025, 4, 1))
    first = min(s.starts_at for s in loaded).date()
    days = [first + timedelta(days=i) for i in range(28)]
    people, grids = roster_board.staff_and_grids(db, days[0], days[-1])
    rules = roster_settings.roster_rules(db)
    db.dispose()
    roster = [roster_board.to_roster_shift(s) for s in loaded]

    def check() -> list[Any]:
        return roster_board.check_shifts(roster, people, [g.id for g in grids], days, rules)

    found = check()
    times = [common.cpu_ms(check) for _ in range(max(3, rounds * 2))]
    return median(times), len(roster), len(found)


def measure(run: Any, synthetic_roster: Callable[[], tuple[Any, ...]]) -> None:
    """Both roster figures, as details of the runner's table."""
    url, now = build_db(run.tmp / "roster.sqlite3", synthetic_roster())
    check_ms, shifts, found = check_from_db(url, run.rounds)
    verdict = "ok" if check_ms <= CHECK_TARGET_MS else "MISSED"
    run.detail(
        "roster check from the database (issue 4)",
        f"{check_ms:.1f} ms CPU (target ≤{CHECK_TARGET_MS:g} ms, {verdict}); {shifts:,} shifts "
        f"over 28 days, 200 people, station rules; {found} findings",
    )
    import run as runner  # the runner's probe launcher (this module is imported by it)

    rounds = max(3, run.rounds)
    result = runner.probe(run, "roster_bench.py", "probe", url, now.isoformat(), str(rounds))
    open_ms = float(result["median_ms"])
    verdict = "ok" if open_ms <= OPEN_TARGET_MS else "MISSED"
    run.detail(
        "week board open, 200 people (issue 4)",
        f"{open_ms:.0f} ms median of {rounds} (first {result['first_ms']:.0f} ms; target "
        f"≤{OPEN_TARGET_MS:g} ms, {verdict}); request to filled and painted board, "
        f"{result['rows']} rows × 14 columns, {result['shifts']} shifts in the week",
    )


# ----------------------------------------------------------------------- the probe


def probe(url: str, now_text: str, rounds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    common.shield_none_refcount()
    from stationdesk.data.database import Database
    from stationdesk.data.uow import Actor
    from stationdesk.domain.enums import Role
    from stationdesk.ui.context import AppContext
    from stationdesk.ui.week_board import WeekBoard
    from stationdesk.ui.week_board_model import BY_PERSON
    from stationdesk.ui.worker import DbWorker

    now = datetime.fromisoformat(now_text)
    db = Database(url)
    worker = DbWorker()
    actor = Actor(None, "bench", frozenset({Role.DUTY_OFFICER}), "bench", "bench")
    ctx = AppContext(db=db, worker=worker, actor=actor, clock=lambda: now)
    board = WeekBoard(ctx)
    board.set_mode(BY_PERSON)
    board.resize(1600, 1000)
    board.show()
    app.processEvents()
    times: list[float] = []
    for _ in range(rounds):
        loop = QEventLoop()
        board.week_shown.connect(loop.quit)
        QTimer.singleShot(20_000, loop.quit)
        start = time.perf_counter()
        board.refresh()
        loop.exec()
        board.week_shown.disconnect(loop.quit)
        board.table.viewport().repaint()  # the first paint of the filled board
        times.append((time.perf_counter() - start) * 1000.0)
    rows, shifts = board.model.rowCount(), len(board.week.shifts) if board.week else 0
    worker.shutdown()
    common.emit_result(
        {"first_ms": times[0], "median_ms": median(times), "rows": rows, "shifts": shifts}
    )
    os._exit(0)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "probe":
        probe(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit("usage: roster_bench.py probe DB_URL NOW ROUNDS")
