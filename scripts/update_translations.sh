#!/usr/bin/env bash
# Refresh the Qt Linguist catalogues from the source (run after changing UI strings),
# then fill in the new Chinese texts in resources/translations/stationdesk_zh_CN.ts
# (Qt Linguist, or by hand: remove type="unfinished" from each one you translate).
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
# What is left to translate, by context and source text.
.venv/bin/python - resources/translations/stationdesk_zh_CN.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

todo, total = [], 0
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    for message in context.iter("message"):
        total += 1
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            todo.append(f"  {context.findtext('name')}: {message.findtext('source')!r}")
print(f"{total} Chinese messages, {len(todo)} to translate")
print("\n".join(todo))
PY
