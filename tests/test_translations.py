"""Every user-visible UI string is translated, with the same placeholders, in both languages.

Messages are keyed by (context, source, comment), as Qt looks them up: the same English
text in two classes is two messages, and a string moved to another class must be
translated again there.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"
LRELEASE = ROOT / ".venv" / "bin" / "pyside6-lrelease"
# %1 %L1 %n %Ln (QString::arg / tr numerus), {name} (str.format), %v %m %p (QProgressBar).
PLACEHOLDER = re.compile(r"%L?(?:\d+|n)|%[vmp]|\{[a-z_0-9]*\}")
HAN = re.compile(r"[\u4e00-\u9fff]")

Key = tuple[str, str, str]  # context, source, comment


def _catalogue(path: Path) -> dict[Key, ET.Element]:
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message
    return messages


def _messages(lang: str) -> dict[Key, ET.Element]:
    path = TS_DIR / f"stationdesk_{lang}.ts"
    assert path.exists(), f"{path.name} is missing: run scripts/update_translations.sh"
    return _catalogue(path)


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return [""]
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.findall("numerusform")] or [""]
    return [translation.text or ""]


def _kind(message: ET.Element) -> str | None:
    translation = message.find("translation")
    return "missing" if translation is None else translation.get("type")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_catalogue_is_complete_with_matching_placeholders(lang: str) -> None:
    problems = []
    for (context, source, _), message in _messages(lang).items():
        forms = _forms(message)
        if _kind(message) in ("unfinished", "missing", "obsolete", "vanished") or not all(forms):
            problems.append(f"untranslated: {context} {source!r}")
            continue
        for text in forms:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {context} {source!r} -> {text!r}")
    assert not problems, "\n".join(problems[:40])


def test_chinese_catalogue_is_actually_chinese() -> None:
    texts = [_forms(m)[0] for m in _messages("zh_CN").values()]
    han = sum(1 for t in texts if HAN.search(t))
    assert han >= 0.8 * len(texts)
    untouched = [t for (_, s, _), m in _messages("zh_CN").items()
                 if (t := _forms(m)[0]) == s and re.search(r"[a-z]{3} [a-z]{3}", s)]  # fmt: skip
    assert not untouched, f"English sentences left as they were: {untouched[:20]}"


def test_chinese_numerus_has_one_form_with_the_count() -> None:
    """Chinese has no plural: one form, and it must still show the number."""
    problems = [
        f"{context} {source!r}: {_forms(message)!r}"
        for (context, source, _), message in _messages("zh_CN").items()
        if message.get("numerus") == "yes"
        and (len(_forms(message)) != 1 or "%n" not in _forms(message)[0].replace("%Ln", "%n"))
    ]
    assert not problems, "\n".join(problems)


def test_chinese_menus_keep_their_accelerators() -> None:
    """'&File' -> '文件(&F)': a menu keeps an Alt key in Chinese too."""
    accel = re.compile(r"&(?!&)\w")
    problems = [
        f"{context} {source!r} -> {_forms(message)[0]!r}"
        for (context, source, _), message in _messages("zh_CN").items()
        if accel.search(source) and not accel.search(_forms(message)[0])
    ]
    assert not problems, "\n".join(problems)


def test_separators_and_punctuation_read_as_chinese() -> None:
    messages = _messages("zh_CN")
    separators = {k: _forms(m)[0] for k, m in messages.items() if k[1] == ", "}
    assert separators and set(separators.values()) == {"、"}, separators
    ascii_colon = [
        f"{k[0]} {k[1]!r} -> {t!r}"
        for k, m in messages.items()
        if HAN.search(t := _forms(m)[0]) and re.search(r"[\u4e00-\u9fff][:;,]", t)
    ]
    assert not ascii_colon, "use full-width ：；， after Chinese text:\n" + "\n".join(ascii_colon)


def test_english_catalogue_matches_the_chinese_one() -> None:
    assert set(_messages("en")) == set(_messages("zh_CN"))


def test_catalogue_covers_every_string_in_the_source(tmp_path: Path) -> None:
    """Running lupdate on today's source adds nothing new: no string escaped the catalogue."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "stationdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    known = set(_messages("zh_CN"))
    now = set(_catalogue(fresh))
    missing = sorted(f"{c}: {s}" for c, s, _ in now - known)
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(
        missing[:40]
    )
    stale = sorted(f"{c}: {s}" for c, s, _ in known - now)
    assert not stale, "no longer in the source (run scripts/update_translations.sh):\n" + (
        "\n".join(stale[:40])
    )


def test_lrelease_compiles_every_chinese_message(tmp_path: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease not installed")
    result = subprocess.run(
        [str(LRELEASE), str(TS_DIR / "stationdesk_zh_CN.ts"), "-qm", str(tmp_path / "zh.qm")],
        check=True,
        capture_output=True,
        text=True,
    )
    done = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)",
                     result.stdout + result.stderr)  # fmt: skip
    assert done, result.stdout + result.stderr
    assert int(done.group(3)) == 0, done.group(0)
    assert int(done.group(1)) == len(_messages("zh_CN"))
