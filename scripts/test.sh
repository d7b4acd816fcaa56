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
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -ra "$@"
