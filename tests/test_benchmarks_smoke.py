"""The benchmark runner must keep working: one smoke run on a tiny demo database.

It runs ``benchmarks/run.py --quick --cases 2000 --json`` as a user would and checks
the shape of the JSON line (every figure of issue 9 present, a number or null), not
the timings: those are the runner's business, on a quiet machine. PostgreSQL parts
run unless STATIONDESK_SKIP_PG is set, as in the rest of the suite.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KEYS = (
    "cold_start_s",
    "cold_start_rss_mb",
    "list_first_page_ms",
    "sort_filter_p95_ms",
    "list_vs_raw_ratio",
    "list_rss_mb",
    "ui_max_stall_ms",
    "live_pg_p99_ms",
    "live_sqlite_p99_ms",
    "dashboard_aggregates_ms",
    "chart_fps",
    "handover_pdf_s",
    "handover_pdf_mb",
    "demo_1m_s",
    "roster_check_ms",
    "sqlite_locked_errors",
)
SKIP_PG = os.environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0")


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    bench_dir = tmp_path_factory.mktemp("bench")
    env = {**os.environ, "STATIONDESK_BENCH_DIR": str(bench_dir)}
    return subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--cases", "2000", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )


@pytest.mark.slow
def test_runner_prints_every_figure_as_a_number_or_null(
    smoke_run: subprocess.CompletedProcess[str],
) -> None:
    assert smoke_run.returncode == 0, smoke_run.stderr[-3000:]
    lines = smoke_run.stdout.strip().splitlines()
    figures = json.loads(lines[-1])
    assert list(figures) == list(KEYS)
    for key, value in figures.items():
        assert value is None or (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        ), f"{key}: {value!r}"
    # The table comes first and names every figure.
    table = "\n".join(lines[:-1])
    for key in KEYS:
        assert key in table


@pytest.mark.slow
def test_runner_measures_what_needs_no_missing_module(
    smoke_run: subprocess.CompletedProcess[str],
) -> None:
    """Figures of code that exists are measured, not silently null."""
    figures = json.loads(smoke_run.stdout.strip().splitlines()[-1])
    always = ("list_vs_raw_ratio", "dashboard_aggregates_ms", "roster_check_ms")
    for key in (*always, "live_sqlite_p99_ms", "sqlite_locked_errors"):
        assert figures[key] is not None, f"{key} was not measured:\n{smoke_run.stdout}"
    assert figures["demo_1m_s"] is None  # N is not 1,000,000 and nothing was built at 1M
    if not SKIP_PG:
        assert figures["live_pg_p99_ms"] is not None, smoke_run.stdout


def test_only_limits_the_run_and_keeps_every_key() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--only", "roster_check_ms", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert list(figures) == list(KEYS)
    assert isinstance(figures["roster_check_ms"], float)
    assert all(v is None for k, v in figures.items() if k != "roster_check_ms")


def test_unknown_figure_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--only", "warp_speed"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "warp_speed" in result.stderr
