#!/usr/bin/env bash
# The whole check CI runs: lint, format, types, then the test suite.
# Arguments are passed to pytest (e.g. `scripts/test.sh tests/domain -x`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

section() { printf '\n==== %s ====\n' "$*"; }

section "setup"
"$ROOT/scripts/setup.sh"

section "ruff check"
.venv/bin/ruff check .

section "ruff format --check"
.venv/bin/ruff format --check .

section "mypy"
.venv/bin/mypy

section "pytest"
# One worker per core, at most four: each worker starts its own PostgreSQL server and
# demo database, so more would cost more than it saves. STATIONDESK_TEST_WORKERS=0 runs
# everything in this one process (easier to debug).
workers="${STATIONDESK_TEST_WORKERS:-$(nproc)}"
if [ "$workers" -gt 4 ]; then workers=4; fi
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -ra -n "$workers" "$@"
