#!/usr/bin/env bash
# Prepare a machine to run and test StationDesk: system packages (Debian), the
# project's virtualenv and compiled translations. Safe to run again and again:
# each step checks first and does nothing when it is already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
STAMP="$VENV/.stamp"

# postgresql: the test suite starts a throwaway PostgreSQL 15 server.
# fonts-wqy-zenhei: TrueType CJK font that reportlab can embed in PDFs.
# fonts-noto-cjk: Chinese glyphs for the Qt UI (offscreen screenshots included).
# lib*: what PySide6 wheels load at run time on a minimal Debian.
# poppler-utils: pdftotext/pdftoppm to inspect generated reports.
# appstream, desktop-file-utils: validators for packaging/.
APT_PACKAGES=(
  postgresql
  fonts-wqy-zenhei
  fonts-noto-cjk
  libegl1
  libgl1
  libxkbcommon0
  libxkbcommon-x11-0
  libfontconfig1
  libdbus-1-3
  poppler-utils
  appstream
  desktop-file-utils
)

log() { printf 'setup: %s\n' "$*"; }
warn() { printf 'setup: WARNING: %s\n' "$*" >&2; }

is_installed() {
  # dpkg -s also succeeds for removed-but-not-purged packages; look at Status.
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

apt_install_missing() {
  local missing=() pkg
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
    warn "apt-get not found: install these system packages yourself: ${*}"
    return 0
  fi
  for pkg in "$@"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    warn "not root, skipping apt-get; missing system packages: ${missing[*]}"
    warn "install them with: sudo apt-get install ${missing[*]}"
    return 0
  fi
  log "installing system packages: ${missing[*]}"
  # The suite starts its own server; Debian's default cluster would only
  # cost time and a port.
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    mkdir -p /etc/postgresql-common
    if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
      echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

python_ok() {
  # True if $1 runs and is Python >= 3.11.
  "$1" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.11 python3 \
    "$HOME/.pyenv/shims/python3" /root/.pyenv/shims/python3 \
    /root/.pyenv/versions/3.11*/bin/python3; do
    [[ -n "$candidate" ]] || continue
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  local want have python
  if [[ -x "$VENV/bin/python" ]] && ! python_ok "$VENV/bin/python"; then
    warn "$VENV is broken or too old, recreating it"
    rm -rf "$VENV"
  fi
  if [[ ! -x "$VENV/bin/python" ]]; then
    if ! python="$(find_python)"; then
      echo "setup: ERROR: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)" >&2
      exit 1
    fi
    # Debian's own python3 has no ensurepip without python3-venv.
    if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      apt_install_missing python3-venv
    fi
    log "creating $VENV with $python"
    "$python" -m venv "$VENV"
  fi
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  have="$(cat "$STAMP" 2>/dev/null || true)"
  if [[ "$want" == "$have" ]]; then
    return 0
  fi
  log "installing Python dependencies into $VENV"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q --upgrade pip
  "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q -e '.[dev]'
  echo "$want" >"$STAMP"
}

find_lrelease() {
  local site
  if [[ -x "$VENV/bin/pyside6-lrelease" ]]; then
    echo "$VENV/bin/pyside6-lrelease"
    return 0
  fi
  site="$("$VENV/bin/python" -c 'import os, PySide6; print(os.path.dirname(PySide6.__file__))' 2>/dev/null)" || return 1
  if [[ -x "$site/lrelease" ]]; then
    echo "$site/lrelease"
    return 0
  fi
  return 1
}

compile_translations() {
  local ts qm lrelease
  local sources=()
  shopt -s nullglob
  sources=("$ROOT"/resources/translations/*.ts)
  shopt -u nullglob
  [[ ${#sources[@]} -eq 0 ]] && return 0
  for ts in "${sources[@]}"; do
    qm="${ts%.ts}.qm"
    [[ -f "$qm" && "$qm" -nt "$ts" ]] && continue
    if [[ -z "${lrelease:-}" ]] && ! lrelease="$(find_lrelease)"; then
      echo "setup: ERROR: lrelease not found (PySide6 missing from $VENV?)" >&2
      exit 1
    fi
    log "compiling $(basename "$ts")"
    "$lrelease" -silent "$ts" -qm "$qm"
  done
}

apt_install_missing "${APT_PACKAGES[@]}"
ensure_venv
compile_translations
