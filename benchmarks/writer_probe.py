"""Probe process: one of several concurrent SQLite writers.

``writer_probe.py DB INDEX TRANSACTIONS``: prints "READY", waits for a line on stdin
(so all writers start together), then runs TRANSACTIONS read-then-write transactions
through the product's write path -- ``unit_of_work`` on ``db.write_engine``: read a
case, then update it with its version check, plus the audit entry and change-log row
the unit of work appends. Each writer works on its own cases, so a failure can only
come from locking, not from a version conflict. Counts "database is locked" errors.
"""

from __future__ import annotations

import sys
import time

import common


def main() -> None:
    target, index, transactions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    from sqlalchemy import select

    from stationdesk.data.database import Database
    from stationdesk.data.schema import Case
    from stationdesk.data.uow import Actor, unit_of_work
    from stationdesk.domain.enums import Permission, Role

    db = Database(target)
    actor = Actor(None, f"bench-writer-{index}", frozenset({Role.DUTY_OFFICER}), "benchmark")
    with db.engine.connect() as conn:
        ids = list(conn.execute(select(Case.id).order_by(Case.id)).scalars())
    mine = ids[index::4] or ids
    print("READY", flush=True)
    sys.stdin.readline()

    locked = other = 0
    other_kinds: dict[str, int] = {}
    start = time.perf_counter()
    for n in range(transactions):
        case_id = mine[n % len(mine)]
        try:
            with unit_of_work(db, actor, Permission.EDIT_CASES, "bench.touch") as work:
                case = work.get(Case, case_id)  # read ...
                work.update(  # ... then write, in the same transaction
                    Case, case_id, case.version, notable=not case.notable, updated_at=work.at
                )
        except Exception as exc:
            if "database is locked" in str(exc):
                locked += 1
            else:
                other += 1
                kind = type(exc).__name__
                other_kinds[kind] = other_kinds.get(kind, 0) + 1
    seconds = time.perf_counter() - start
    common.emit_result(
        {"locked": locked, "other": other, "other_kinds": other_kinds, "seconds": seconds}
    )


if __name__ == "__main__":
    main()
