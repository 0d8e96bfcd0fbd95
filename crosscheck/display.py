"""Whether a window can open here, asked before Qt is.

Without a display, Qt does not fail: it aborts the process (exit 134, core dump) after a message
about the ``xcb`` plugin and ``libxcb-cursor0`` — sending a user who only lacks a display (an SSH
session, a container, CI) after a library. So ``crosscheck open`` asks first, on the systems
where Qt draws through X11 or Wayland, and refuses in one line when the answer is certainly no:

- no ``DISPLAY`` and no ``WAYLAND_DISPLAY`` (for the platforms Qt would try);
- a ``DISPLAY`` whose X server nobody answers at (its socket, or its TCP port for ``host:n``),
  when no Wayland compositor is there either;
- an X server but not the system libraries Qt's X11 plugin links against (each is opened the
  way Qt will, so the message can name the Debian/Ubuntu packages to install).

When unsure (an unusual ``DISPLAY``, another ``QT_QPA_PLATFORM`` such as ``offscreen``), it
lets Qt decide: a wrong refusal would block a window that works. Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# What libQt6XcbQpa (PySide6 6.6 to 6.11) needs beyond Qt itself, with its Debian/Ubuntu package.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
_QT_USES_X11_OR_WAYLAND = ("linux", "freebsd", "openbsd", "netbsd")
_DISPLAY_PLATFORMS = {"xcb", "wayland", "wayland-egl"}
_X_DISPLAY = re.compile(r"^(?P<host>[^/]*):(?P<number>\d+)(?:\.\d+)?$")
_INSTEAD = "the window cannot open — use `crosscheck compare …` for reports without a window"


@dataclass(frozen=True)
class System:
    """What the check looks at; tests pass their own."""

    env: Mapping[str, str]
    platform: str
    connects: Callable[[str], bool]  # "unix:/path", "abstract:/path" or "tcp:host:port" answers
    loads: Callable[[str], bool]  # a shared library of this name opens


def no_display_reason(system: System | None = None) -> str | None:
    """One line saying why the window cannot open here, or None when it may (or we cannot tell)."""
    s = system or _this_system()
    if not s.platform.startswith(_QT_USES_X11_OR_WAYLAND):
        return None  # macOS and Windows draw natively
    requested = [p.split(":")[0].strip().lower() for p in s.env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if any(p not in _DISPLAY_PLATFORMS for p in requested):
        return None  # offscreen, minimal, eglfs, vnc…: not ours to judge
    wants_x = not requested or "xcb" in requested
    wants_wayland = not requested or any(p.startswith("wayland") for p in requested)
    x_name, wayland_name = s.env.get("DISPLAY", "").strip(), s.env.get("WAYLAND_DISPLAY", "").strip()
    if (not wants_x or not x_name) and (not wants_wayland or not wayland_name):
        unset = "/".join(n for n, wanted in (("DISPLAY", wants_x), ("WAYLAND_DISPLAY", wants_wayland)) if wanted)
        return f"no display available ({unset} not set); {_INSTEAD}"
    if wants_wayland and wayland_name and _wayland_answers(s, wayland_name):
        return None
    problems = []
    if wants_wayland and wayland_name:
        problems.append(f"no Wayland compositor at WAYLAND_DISPLAY={wayland_name}")
    if wants_x and x_name:
        if not _x_answers(s, x_name):
            problems.append(f"no X server answers at DISPLAY={x_name}")
        else:
            missing = [package for library, package in XCB_LIBRARIES.items() if not s.loads(library)]
            if not missing:
                return None
            packages = " ".join(missing)
            return (f"Qt's X11 support cannot load: system libraries missing (Debian/Ubuntu: sudo apt-get install "
                    f"{packages}; `./dev run` installs them); {_INSTEAD}")
    return f"no display available ({'; '.join(problems)}); {_INSTEAD}"


def _x_answers(s: System, name: str) -> bool:
    match = _X_DISPLAY.match(name)
    if match is None:
        return True  # not a form we know: let Qt judge
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return s.connects(f"unix:{path}") or (s.platform.startswith("linux") and s.connects(f"abstract:{path}"))
    return s.connects(f"tcp:{host}:{6000 + number}")


def _wayland_answers(s: System, name: str) -> bool:
    if s.env.get("WAYLAND_SOCKET"):
        return True  # a socket handed over by the compositor
    runtime = s.env.get("XDG_RUNTIME_DIR", "")
    path = name if name.startswith("/") else os.path.join(runtime, name) if runtime else ""
    return bool(path) and s.connects(f"unix:{path}")


def _connects(address: str, timeout: float = 1.0) -> bool:
    kind, _, rest = address.partition(":")
    try:
        if kind == "tcp":
            host, _, port = rest.rpartition(":")
            with socket.create_connection((host, int(port)), timeout=timeout):
                return True
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(("\0" + rest) if kind == "abstract" else rest)
            return True
    except (OSError, ValueError):
        return False


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def _this_system() -> System:
    return System(env=os.environ, platform=sys.platform, connects=_connects, loads=_loads)
