"""The packaging metadata is valid and agrees with the project."""

from __future__ import annotations

import configparser
import re
import shutil
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
