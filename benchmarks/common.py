"""Small helpers shared by the runner and its probe processes (no Qt, no SQLAlchemy)."""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("STATIONDESK_BENCH_DIR") or REPO / ".bench")
DEMO_PASSWORD = "demo-password-1"
DEMO_USER = "duty"
RESULT_PREFIX = "BENCH-RESULT "

if str(REPO) not in sys.path:  # probes run as scripts from any working directory
    sys.path.insert(0, str(REPO))


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default method), ``p`` in 0..100."""
    if not values:
        raise ValueError("no values")
    data = sorted(values)
    rank = (len(data) - 1) * p / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return float(data[low] + (data[high] - data[low]) * (rank - low))


def time_ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def cpu_ms(fn: Callable[[], Any]) -> float:
    """CPU time of the calling thread spent in ``fn``, in ms."""
    start = time.thread_time()
    fn()
    return (time.thread_time() - start) * 1000.0


def rss_mb() -> float:
    """Resident set size of this process now (Linux /proc), in MiB."""
    return _status_kb("VmRSS") / 1024.0


def peak_rss_mb() -> float:
    return _status_kb("VmHWM") / 1024.0


def _status_kb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return float(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def pyside_drops_none_refs() -> bool:
    """True if this PySide6 takes a reference from None on every void method call.

    PySide6 6.12.0 does (seen on Python 3.11): each call of a method returning
    nothing drops one reference to None, and after a few tens of thousands of calls
    Python aborts with "none_dealloc: deallocating None". Python 3.12+ makes None
    immortal, so the bug is harmless there. Call only after a QApplication exists.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("x")  # returns None
    return sys.getrefcount(None) < before - 100


def shield_none_refcount() -> bool:
    """Keep a probe process alive despite :func:`pyside_drops_none_refs`.

    Adds 2**40 references to None, True and False by writing their reference counts
    (the first field of every CPython 3.11 object), which costs no time and no
    memory, so what the probe measures is unchanged. Returns True if it was needed.
    The product itself must avoid the broken release (see benchmarks/README.md).
    """
    if not pyside_drops_none_refs():
        return False
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    return True


def emit_result(payload: dict[str, Any]) -> None:
    """A probe's answer: one prefixed JSON line on stdout (other output is ignored)."""
    sys.stdout.write(RESULT_PREFIX + json.dumps(payload) + "\n")
    sys.stdout.flush()


def parse_result(stdout: str) -> dict[str, Any]:
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
            return result
    raise RuntimeError("the probe printed no result line")
