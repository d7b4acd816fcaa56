"""Fill Chinese texts into resources/translations/stationdesk_zh_CN.ts from a JSON file.

The JSON maps context -> {source text: translation}; a list as the translation fills the
numerus forms of a "%n" message. Usage, after scripts/update_translations.sh:

    .venv/bin/python scripts/apply_translations.py my_texts.json

Prints the messages it could not find, so a typo in a source text is noticed.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET

CATALOGUE = "resources/translations/stationdesk_zh_CN.ts"


def apply(texts: dict[str, dict[str, str | list[str]]], path: str = CATALOGUE) -> list[str]:
    tree = ET.parse(path)
    wanted = {(ctx, src): value for ctx, pairs in texts.items() for src, value in pairs.items()}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            value = wanted.pop((name, message.findtext("source") or ""), None)
            if value is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                for text in value if isinstance(value, list) else [value]:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = value if isinstance(value, str) else value[0]
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return [f"{ctx}: {src!r}" for ctx, src in wanted]


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        missing = apply(json.load(f))
    for line in missing:
        print("not in the catalogue:", line)
