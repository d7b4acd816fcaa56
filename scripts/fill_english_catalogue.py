"""Make the English catalogue complete: every translation is its own source text."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def fill(path: str) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
            for form in forms:
                form.text = source
        else:
            translation.text = source
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    print(f"{fill(sys.argv[1])} English messages")
