#!/usr/bin/env bash
# Regenerate every screenshot in the docs from a fresh demo station:
#   docs/img/VIEW.png            README and the Chinese user guide (zh_CN)
#   docs/img/en/VIEW.png         the English user guide
#   docs/img/overview-dark.png   the night-shift look (zh_CN), docs/img/en/overview-dark.png
# VIEW is every view `stationdesk screenshot` knows (stationdesk.cli.VIEWS).
#
# The demo station is built in a temporary folder with a fixed seed, and the
# screenshots use their own settings folder, so nothing of yours is read or changed.
# Usage: scripts/make_screenshots.sh [VIEW ...]   (default: all views)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh" >/dev/null

PY="$ROOT/.venv/bin/python"
DESK="$ROOT/.venv/bin/stationdesk"
SIZE="${SCREENSHOT_SIZE:-1600x1000}"
CASES="${SCREENSHOT_CASES:-20000}"

# A fixed, readable folder: its path shows in the status bar of every screenshot.
WORK="${TMPDIR:-/tmp}/stationdesk-demo"
rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
export STATIONDESK_DATA_DIR="$WORK/data"
export STATIONDESK_CONFIG_DIR="$WORK/config"
unset STATIONDESK_DB STATIONDESK_THEME
DB="$WORK/station.sqlite3"

if [[ $# -gt 0 ]]; then
  VIEWS=("$@")
else
  read -r -a VIEWS <<<"$("$PY" -c 'from stationdesk.cli import VIEWS; print(" ".join(VIEWS))')"
fi

echo "make_screenshots: demo station ($CASES cases, seed 7)"
"$DESK" --db "$DB" demo --cases "$CASES" --seed 7 >/dev/null

mkdir -p docs/img/en
shot() { # view lang output [env...]
  local view="$1" lang="$2" out="$3"
  shift 3
  env "$@" "$DESK" --db "$DB" screenshot "$view" -o "$out" --lang "$lang" --size "$SIZE" >/dev/null
  echo "  $out"
}
for view in "${VIEWS[@]}"; do
  shot "$view" zh_CN "docs/img/$view.png"
  shot "$view" en "docs/img/en/$view.png"
done
shot overview zh_CN docs/img/overview-dark.png STATIONDESK_THEME=dark
shot overview en docs/img/en/overview-dark.png STATIONDESK_THEME=dark
echo "make_screenshots: done; look at them before committing"
