"""Probe process: fill an empty database with the demo station and time it.

``python benchmarks/build_probe.py DB CASES SEED`` where DB is a SQLite file path or a
PostgreSQL URL. The time covers ``generate_demo`` only (schema creation included,
interpreter start-up and imports not), which is what ``demo_1m_s`` reports.
"""

from __future__ import annotations

import sys
import time
from dataclasses import asdict

import common


def main() -> None:
    target, cases, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    from stationdesk.data.database import Database
    from stationdesk.data.demo import generate_demo

    db = Database(target)
    start = time.perf_counter()
    summary = generate_demo(db, cases=cases, seed=seed)
    seconds = time.perf_counter() - start
    db.dispose()
    common.emit_result({"seconds": seconds, "summary": asdict(summary)})


if __name__ == "__main__":
    main()
