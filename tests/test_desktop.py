"""Desktop integration: ``crosscheck install-desktop`` writes a valid menu entry, MIME package and
icons under $XDG_DATA_HOME, ``--uninstall`` removes exactly those, and the window has the icon."""

from __future__ import annotations

import configparser
import os
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crosscheck import desktop
from tests.cli_run import run_cli

SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(desktop.shutil, "which", lambda _tool: None)  # the machine's own caches stay untouched
    return home


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_install_writes_entry_mime_type_and_every_icon_size(data_home):
    run = run_cli("install-desktop")
    assert run.returncode == 0, run.stderr
    layout = desktop.Layout(data_home)
    assert files_under(data_home) == set(layout.planned_files())
    assert run.stdout.splitlines() == [f"wrote {p}" for p in layout.planned_files()]
    for size in desktop.ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "crosscheck.png"
        data = icon.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == int.from_bytes(data[20:24], "big") == size  # IHDR width, height
    assert ET.parse(data_home / "icons/hicolor/scalable/apps/crosscheck.svg").getroot().tag.endswith("svg")


def test_the_desktop_entry_has_the_keys_a_menu_needs(data_home):
    run_cli("install-desktop")
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(data_home / "applications" / "crosscheck.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Crosscheck"
    assert entry["Exec"].endswith(" open %F")
    assert entry["Icon"] == "crosscheck"
    assert entry["MimeType"] == "application/x-crosscheck-project;"
    assert entry["Categories"] == "Utility;TextTools;"  # one main category: listed once in a menu
    assert entry["Terminal"] == "false"


def test_exec_quotes_paths_with_spaces_as_the_spec_asks():
    text = desktop.desktop_entry(["/opt/My Apps/crosscheck", "-m", "100%"])
    assert 'Exec="/opt/My Apps/crosscheck" -m 100%% open %F' in text.splitlines()
    assert desktop._exec_quote('a"b$c') == '"a\\"b\\$c"'


def test_the_mime_package_parses_and_claims_crosscheck_files(data_home):
    run_cli("install-desktop")
    root = ET.parse(data_home / "mime" / "packages" / "crosscheck.xml").getroot()
    assert root.tag == f"{SMI}mime-info"
    (mime,) = root.findall(f"{SMI}mime-type")
    assert mime.get("type") == "application/x-crosscheck-project"
    assert [g.get("pattern") for g in mime.findall(f"{SMI}glob")] == ["*.crosscheck"]
    assert mime.find(f"{SMI}comment").text == "Crosscheck project"


def test_install_is_idempotent_and_uninstall_removes_exactly_what_it_wrote(data_home):
    mine = data_home / "applications" / "other.desktop"  # another program's files in the same folders
    theirs = data_home / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    for path in (mine, theirs):
        path.parent.mkdir(parents=True)
        path.write_text("not Crosscheck's")
    before = files_under(data_home)
    assert run_cli("install-desktop").returncode == 0
    installed = files_under(data_home)
    assert run_cli("install-desktop").returncode == 0
    assert files_under(data_home) == installed
    run = run_cli("install-desktop", "--uninstall")
    assert run.returncode == 0
    assert files_under(data_home) == before
    assert sorted(run.stdout.splitlines()) == sorted(f"removed {p}" for p in installed - before)
    again = run_cli("install-desktop", "--uninstall")
    assert (again.returncode, again.stdout) == (0, "")
    assert "nothing to remove" in again.stderr


def test_the_desktop_tools_run_when_present(tmp_path, monkeypatch):
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    for tool in ("update-desktop-database", "update-mime-database", "xdg-icon-resource"):
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n')
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    if os.name == "nt":
        pytest.skip("shell scripts stand in for the desktop's tools")
    monkeypatch.setenv("PATH", str(bin_dir))
    outcome = desktop.install(tmp_path / "share", command=["crosscheck"])
    assert outcome.refreshed == ["update-desktop-database", "update-mime-database", "xdg-icon-resource"]
    assert log.read_text().splitlines() == [
        f"update-desktop-database {tmp_path / 'share' / 'applications'}",
        f"update-mime-database {tmp_path / 'share' / 'mime'}",
        "xdg-icon-resource forceupdate --mode user",
    ]


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == Path.home() / ".local" / "share"


def test_the_window_has_the_icon_at_every_size(window):
    from PySide6.QtCore import QSize

    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = set(icon.availableSizes())
    assert {QSize(s, s) for s in desktop.ICON_SIZES} <= sizes


def test_desktop_file_validate_accepts_the_entry_where_it_is_installed(data_home, monkeypatch):
    monkeypatch.undo()  # the real PATH lookup, for the validator only
    validator = desktop.shutil.which("desktop-file-validate")
    if not validator:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    path = data_home / "entry" / "crosscheck.desktop"
    path.parent.mkdir(parents=True)
    path.write_text(desktop.desktop_entry(["/opt/Cross Check/crosscheck"]), encoding="utf-8")
    done = subprocess.run([validator, str(path)], capture_output=True, text=True, timeout=10)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
