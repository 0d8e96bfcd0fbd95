"""Desktop integration on Linux and other freedesktop.org desktops: the application's menu entry,
its icon, and the MIME type that makes a ``.crosscheck`` project open in Crosscheck on a double-click.

``crosscheck install-desktop`` writes these files under the user's data folder (no root, no
system folders touched) and ``--uninstall`` removes exactly the files the install writes (the
list is fixed: ``planned_files``), so undoing it never deletes anything another program put
there. The desktop's caches are refreshed with its own tools only when they are installed: the
files alone are enough for a fresh login, the tools only make the change visible at once.

Pure Python (no Qt), so it runs where the window cannot, e.g. over SSH.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.io.atomic import atomic_write_bytes
from crosscheck.io.errors import InputError
from crosscheck.io.formats import PROJECT_SUFFIX
from crosscheck.resources import resources_dir

APP_ID = "crosscheck"  # the desktop file's name, the icon's name and Qt's desktopFileName
MIME_TYPE = "application/x-crosscheck-project"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_REFRESH_TIMEOUT_S = 20


def icon_file(size: int) -> Path:
    """The committed PNG of one size (rendered from crosscheck.svg by resources/icons/render.py)."""
    return resources_dir() / "icons" / f"{APP_ID}-{size}.png"


def icon_svg() -> Path:
    return resources_dir() / "icons" / f"{APP_ID}.svg"


def data_home() -> Path:
    """$XDG_DATA_HOME if it is set to an absolute path (the spec says to ignore anything else),
    else ~/.local/share."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and os.path.isabs(configured):
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How the desktop starts this very installation: the standalone build's executable, else
    the ``crosscheck`` script installed next to this Python, else ``python -m crosscheck``."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: the executable is the app
        return [sys.executable]
    script = Path(sys.executable).with_name("crosscheck")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "crosscheck"]


def _exec_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks: in double quotes, with ", `, $
    and \\ escaped, when it holds anything but plain characters (and % doubled always)."""
    arg = arg.replace("%", "%%")
    if arg and all(c.isalnum() or c in "-_./+,:@=%" for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_exec_quote(a) for a in command) + " open %F"
    return "\n".join((
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Crosscheck",
        "GenericName=News comparison",
        "Comment=Compare how several outlets report the same event: quotes, claims and wording",
        f"Exec={exec_line}",
        f"Icon={APP_ID}",
        "Terminal=false",
        f"MimeType={MIME_TYPE};",
        "Categories=Utility;TextTools;",
        "Keywords=news;compare;quotes;claims;sources;",
        "StartupNotify=true",
        "",
    ))


def mime_xml() -> str:
    """A shared-mime-info package: ``*.crosscheck`` files are Crosscheck projects (JSON inside,
    hence the sub-class, so a text editor is still offered)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Crosscheck project</comment>
    <sub-class-of type="application/json"/>
    <icon name="{APP_ID}"/>
    <glob pattern="*{PROJECT_SUFFIX}"/>
  </mime-type>
</mime-info>
"""


@dataclass(frozen=True)
class Layout:
    """Where each file goes under one data folder."""

    root: Path

    @property
    def desktop_file(self) -> Path:
        return self.root / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_file(self) -> Path:
        return self.root / "mime" / "packages" / f"{APP_ID}.xml"

    def icon(self, size: int) -> Path:
        return self.root / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    @property
    def scalable_icon(self) -> Path:
        return self.root / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def planned_files(self) -> list[Path]:
        return [self.desktop_file, self.mime_file, *(self.icon(s) for s in ICON_SIZES), self.scalable_icon]


@dataclass
class Outcome:
    """What an install or uninstall did, for the command to report."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # the cache tools that ran
    refresh_failures: list[str] = field(default_factory=list)


def install(root: Path | None = None, *, command: list[str] | None = None, refresh: bool = True) -> Outcome:
    """Write (or rewrite: it is idempotent) the desktop entry, the MIME package and the icons."""
    layout = Layout(root or data_home())
    outcome = Outcome()
    files: list[tuple[Path, bytes]] = [
        (layout.desktop_file, desktop_entry(command or launch_command()).encode("utf-8")),
        (layout.mime_file, mime_xml().encode("utf-8")),
        *((layout.icon(s), _read(icon_file(s))) for s in ICON_SIZES),
        (layout.scalable_icon, _read(icon_svg())),
    ]
    for path, data in files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)  # a desktop reading the folder never sees half a file
        except OSError as exc:
            raise InputError(f"{path}: cannot write it ({exc.strerror or exc})") from None
        outcome.written.append(path)
    if refresh:
        _refresh(layout, outcome)
    return outcome


def uninstall(root: Path | None = None, *, refresh: bool = True) -> Outcome:
    """Remove the files ``install`` writes, and only those; folders stay (others may use them)."""
    layout = Layout(root or data_home())
    outcome = Outcome()
    for path in layout.planned_files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise InputError(f"{path}: cannot remove it ({exc.strerror or exc})") from None
        outcome.removed.append(path)
    if refresh:
        _refresh(layout, outcome)
    return outcome


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise InputError(f"{path.name}: Crosscheck's icon is missing; reinstall the package") from None


def _refresh(layout: Layout, outcome: Outcome) -> None:
    """Tell the desktop about the change with whichever of its tools exist; a failure is
    reported, not fatal: the files are in place either way."""
    steps = (
        ("update-desktop-database", [str(layout.desktop_file.parent)]),
        ("update-mime-database", [str(layout.mime_file.parent.parent)]),
        ("xdg-icon-resource", ["forceupdate", "--mode", "user"]),
    )
    for tool, args in steps:
        found = shutil.which(tool)
        if not found:
            continue
        try:
            done = subprocess.run([found, *args], capture_output=True, text=True, timeout=_REFRESH_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as exc:
            outcome.refresh_failures.append(f"{tool}: {exc}")
            continue
        if done.returncode == 0:
            outcome.refreshed.append(tool)
        else:
            reason = (done.stderr or done.stdout).strip().splitlines()
            outcome.refresh_failures.append(f"{tool}: {reason[-1] if reason else f'exit {done.returncode}'}")


def describe(command: list[str]) -> str:
    """The launch command as a shell would show it (for the install message)."""
    return shlex.join(command)
