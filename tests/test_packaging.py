"""The packaging metadata is valid and agrees with the project."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.stationdesk.StationDesk"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
ISS_FILE = PACKAGING / "windows" / "stationdesk.iss"
SPEC_FILE = PACKAGING / "stationdesk.spec"


def _pyproject() -> dict[str, Any]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/setup.sh installs it)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "error:" not in output and "warning:" not in output, output


def test_metainfo_passes_appstream_validation() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_launches_the_installed_command() -> None:
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] in _pyproject()["project"]["scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Name[zh_CN]"] == "警务站指挥台"


def test_metainfo_names_the_desktop_entry_and_current_version() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == _pyproject()["project"]["version"]


def test_windows_installer_has_the_current_version() -> None:
    text = ISS_FILE.read_text(encoding="utf-8-sig")
    match = re.search(r'^#define MyAppVersion "([^"]+)"', text, re.MULTILINE)
    assert match is not None
    assert match.group(1) == _pyproject()["project"]["version"]
    assert r'"..\..\dist\stationdesk"' in text


def test_pyinstaller_spec_is_python_and_its_entry_point_exists() -> None:
    compile(SPEC_FILE.read_text(encoding="utf-8"), str(SPEC_FILE), "exec")
    assert (ROOT / "stationdesk" / "__main__.py").is_file()


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def test_app_icon_comes_in_every_hicolor_size_and_for_windows() -> None:
    from PySide6.QtGui import QImage

    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png
        # Transparent corners, an opaque badge in the middle: a real icon, not a block.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert (icons / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<")
    ico = (icons / "stationdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(ICON_SIZES))  # one image per size


def test_packaging_files_point_at_icons_that_exist() -> None:
    spec = SPEC_FILE.read_text(encoding="utf-8")
    for name in re.findall(r'"(stationdesk\.(?:ico|png))"', spec):
        assert (ROOT / "resources" / "icons" / name).is_file(), name
    iss = ISS_FILE.read_text(encoding="utf-8-sig")
    setup_icon = re.search(r"^SetupIconFile=(.+)$", iss, re.MULTILINE)
    assert setup_icon is not None
    assert (ISS_FILE.parent / setup_icon.group(1).replace("\\", "/")).resolve().is_file()


def test_windows_installer_is_bilingual_and_keeps_the_station_data() -> None:
    text = ISS_FILE.read_text(encoding="utf-8-sig")
    assert ISS_FILE.read_bytes().startswith(b"\xef\xbb\xbf")  # Inno needs the BOM for 中文
    assert 'Name: "chinesesimplified"' in text and 'Name: "english"' in text
    assert "chinesesimplified.AppDisplayName=警务站指挥台" in text
    # Both programs are in the folder the installer copies; the menu starts the GUI one.
    assert '#define MyAppExeName "stationdesk.exe"' in text
    assert 'name="stationdesk-cli"' in SPEC_FILE.read_text(encoding="utf-8")
    # Uninstalling removes only what lives in the install folder, never the user's data.
    uninstall = text.split("[UninstallDelete]", 1)[1]
    assert "{app}" in uninstall and "{userappdata}" not in uninstall
    assert "{localappdata}" not in uninstall


def test_pyinstaller_spec_keeps_qtpdf_and_drops_web_engine() -> None:
    spec = SPEC_FILE.read_text(encoding="utf-8")
    excluded = re.search(r"qt_excludes = \[(.*?)\n\]", spec, re.DOTALL)
    assert excluded is not None
    names = set(re.findall(r'"(Qt\w+)"', excluded.group(1)))
    assert {"QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia"} <= names
    # The handover preview (stationdesk/ui/pdf_preview.py) needs QtPdf in the bundle.
    assert not names & {"QtPdf", "QtPdfWidgets"}


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "packaging" / "README.md"]
COMMAND_PREFIXES = ("stationdesk ", ".venv/bin/stationdesk ", "stationdesk-cli ")


INLINE_COMMAND = re.compile(r"`((?:stationdesk|stationdesk-cli) (?!…`)[^`]+)`")


def _documented_commands() -> list[tuple[str, str]]:
    """Every ``stationdesk …`` line of a fenced code block, and every inline one."""
    found = []
    for doc in DOCS:
        fenced = False
        for line in doc.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            text = line.strip()
            if fenced and text.startswith(COMMAND_PREFIXES):
                found.append((doc.name, text))
            elif not fenced:
                found += [(doc.name, m) for m in INLINE_COMMAND.findall(line)]
    return found


def test_every_documented_command_is_one_the_program_accepts() -> None:
    import contextlib
    import io
    import shlex

    from stationdesk.cli import build_parser

    commands = _documented_commands()
    assert len(commands) > 20  # the guides are full of them; finding none is a bug here
    for doc, text in commands:
        argv = shlex.split(text, comments=True)[1:]
        complaint = io.StringIO()
        try:
            with contextlib.redirect_stderr(complaint):
                build_parser().parse_args(argv)
        except SystemExit as exc:  # argparse's way of refusing (or of printing --help)
            # Prose may name a command without its arguments ("run `stationdesk backup`");
            # a wrong name or option is never all right.
            missing_only = "arguments are required" in complaint.getvalue()
            assert exc.code == 0 or missing_only, f"{doc}: `{text}`: {complaint.getvalue()}"
