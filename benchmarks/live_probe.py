"""Probe processes for live updates between two workstations.

``live_probe.py watcher DB``: workstation B. Runs the product's ChangeWatcher (a poll of
the change log on SQLite, LISTEN/NOTIFY on PostgreSQL) and, for every case insert it
hears of, fetches the row with ``cases.case_rows_by_id`` as the case list does; prints
"READY" once online, and the wall-clock time each case became visible when its stdin
closes.

``live_probe.py writer DB COMMITS SEED``: workstation A. Records COMMITS cases through
``cases.create_case`` (the unit of work), a random 30-200 ms apart so commits land at
every phase of B's poll, and prints the wall-clock time of each commit (taken in the
unit of work's after-commit hook, before the detail is read back).
"""

from __future__ import annotations

import random
import sys
import threading
import time

import common


def watcher(target: str) -> None:
    from stationdesk.data import cases
    from stationdesk.data.changes import ChangeWatcher
    from stationdesk.data.database import Database
    from stationdesk.data.uow import Change

    db = Database(target)
    visible: dict[int, float] = {}
    online = threading.Event()

    def on_changes(changes: list[Change]) -> None:
        ids = [c.row_id for c in changes if c.table == "case_file" and c.action == "insert"]
        if not ids:
            return
        rows = cases.case_rows_by_id(db, ids)
        seen = time.time()
        for row in rows:
            visible.setdefault(row.id, seen)

    def on_state(state: str) -> None:
        if state == "online":
            online.set()

    watch = ChangeWatcher(db, on_changes, on_state)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    if not online.wait(30):
        raise SystemExit("the change watcher did not come online")
    print("READY", flush=True)
    sys.stdin.read()  # the runner closes stdin when the writer is done
    watch.stop()
    thread.join(5)
    common.emit_result({"visible": {str(k): v for k, v in visible.items()}})


def writer(target: str, commits: int, seed: int) -> None:
    from sqlalchemy import select

    from stationdesk.data import cases, uow, users
    from stationdesk.data.database import Database
    from stationdesk.data.schema import Grid
    from stationdesk.domain.enums import CaseCategory, CaseSource, Priority

    db = Database(target)
    actor = users.sign_in(db, common.DEMO_USER, common.DEMO_PASSWORD)
    with db.engine.connect() as conn:
        grid_ids = list(conn.execute(select(Grid.id)).scalars())
    committed: dict[int, float] = {}

    def after_commit(changes: list[uow.Change]) -> None:
        at = time.time()
        for c in changes:
            if c.table == "case_file" and c.action == "insert":
                committed[c.row_id] = at

    uow.add_local_listener(after_commit)
    rng = random.Random(seed)
    for i in range(commits):
        time.sleep(rng.uniform(0.03, 0.2))
        draft = cases.CaseDraft(
            category=CaseCategory.DISPUTE_NEIGHBOUR,
            source=CaseSource.PHONE,
            priority=Priority.NORMAL,
            reported_at=uow.now(),
            grid_id=rng.choice(grid_ids),
            address="幸福路1号",
            summary=f"基准测试 {i}",
        )
        cases.create_case(db, actor, draft)
    common.emit_result({"committed": {str(k): v for k, v in committed.items()}})


if __name__ == "__main__":
    if sys.argv[1] == "watcher":
        watcher(sys.argv[2])
    else:
        writer(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
