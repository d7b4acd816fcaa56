#!/usr/bin/env bash
# Start StationDesk from a source checkout: prepare the machine, put demo data
# into the embedded SQLite database the first time, then open the GUI.
# Arguments are passed on to `stationdesk` (e.g. `scripts/run.sh --help`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/setup.sh"

# The embedded database (in the user's data folder) gets a demo station once.
"$ROOT/.venv/bin/stationdesk" demo --if-empty

# Without a display Qt aborts with a cryptic xcb/wayland error; say what is
# wrong instead. An explicit QT_QPA_PLATFORM (offscreen, vnc, ...) is trusted.
if [[ -z "${QT_QPA_PLATFORM:-}" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  cat >&2 <<'MSG'
StationDesk needs a desktop session: neither DISPLAY nor WAYLAND_DISPLAY is set.
Run it from a graphical login, or, to see the screens without one, render them to a file:

    .venv/bin/stationdesk screenshot overview -o overview.png

(or set QT_QPA_PLATFORM=offscreen to run this script anyway).
MSG
  exit 1
fi

exec "$ROOT/.venv/bin/stationdesk" "$@"
