#!/usr/bin/env bash
# Refresh the Qt Linguist catalogues from the source (run after changing UI strings),
# then fill in the new Chinese texts in resources/translations/stationdesk_zh_CN.ts.
# The .qm files are built by scripts/setup.sh, never committed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mapfile -t sources < <(find stationdesk/ui -name '*.py' | sort)
for lang in zh_CN en; do
  .venv/bin/pyside6-lupdate -no-obsolete -locations none -source-language en \
    -target-language "$lang" "${sources[@]}" -ts "resources/translations/stationdesk_$lang.ts"
done
# English is the source language: its catalogue is the identity, kept complete by script.
.venv/bin/python scripts/fill_english_catalogue.py resources/translations/stationdesk_en.ts
