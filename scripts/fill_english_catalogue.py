"""Make the English catalogue complete: every translation is its own source text.

Numerus messages get real English forms: "%n page(s)" becomes "%n page" (one) and
"%n pages" (other), so "Printed: 1 page." reads right once the catalogue is loaded.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

# "page(s)" -> page / pages; "entry(ies)" -> entry / entries.
_PLURAL = re.compile(r"(\w+?)(y?)\((s|ies)\)")


def english_forms(source: str) -> tuple[str, str]:
    """(singular, plural) of a "%n thing(s)" source text."""

    def one(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2)

    def many(m: re.Match[str]) -> str:
        return m.group(1) + ("ies" if m.group(3) == "ies" else m.group(2) + "s")

    return _PLURAL.sub(one, source), _PLURAL.sub(many, source)


def fill(path: str) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            while len(forms) < 2:  # English: one, other
                forms.append(ET.SubElement(translation, "numerusform"))
            singular, plural = english_forms(source)
            forms[0].text = singular
            for form in forms[1:]:
                form.text = plural
        else:
            translation.text = source
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    print(f"{fill(sys.argv[1])} English messages")
