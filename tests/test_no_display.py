"""``crosscheck open`` without a usable display: one line and exit 2, before Qt (which would abort
the process with a message about libxcb-cursor0). No test here starts Qt: the window's start is
replaced by a stand-in that records whether it was reached."""

from __future__ import annotations

import socket
import sys
import types
from collections.abc import Mapping
from pathlib import Path

import pytest

from crosscheck import display
from crosscheck.display import XCB_LIBRARIES, System, no_display_reason
from tests.cli_run import run_cli

NO_DISPLAY = ("crosscheck: no display available (DISPLAY/WAYLAND_DISPLAY not set); the window cannot open — "
              "use `crosscheck compare …` for reports without a window\n")


def system(env: Mapping[str, str], platform: str = "linux", answers: tuple[str, ...] = (),
           missing: tuple[str, ...] = ()) -> System:
    return System(env=dict(env), platform=platform, connects=lambda address: address in answers,
                  loads=lambda library: library not in missing)


@pytest.fixture
def window_start(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A stand-in for ``crosscheck.ui.app``: the refs it was started with, if it was."""
    started: list[list[str]] = []
    fake = types.ModuleType("crosscheck.ui.app")
    fake.run = lambda refs: started.append(list(refs)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crosscheck.ui.app", fake)
    return started


@pytest.mark.parametrize("args", [(), ("open",), ("open", "--demo"), ("open", "a.txt", "b.txt")])
def test_no_display_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, window_start: list[list[str]],
                                           args: tuple[str, ...]) -> None:
    monkeypatch.setattr(display, "_this_system", lambda: system({}))
    result = run_cli(*args)
    assert (result.returncode, result.stderr, result.stdout) == (2, NO_DISPLAY, "")
    assert window_start == []


def test_the_real_environment_is_read(monkeypatch: pytest.MonkeyPatch, window_start: list[list[str]]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(display.sys, "platform", "linux")
    assert run_cli("open").stderr == NO_DISPLAY
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # what the tests use: the window may start
    assert run_cli("open", "a.txt").returncode == 0
    assert window_start == [["a.txt"]]


@pytest.mark.parametrize("env,answers,words", [
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, (), "(DISPLAY not set)"),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, ("unix:/tmp/.X11-unix/X0",), "(WAYLAND_DISPLAY not set)"),
    ({"DISPLAY": ":3"}, (), "(no X server answers at DISPLAY=:3)"),
    ({"DISPLAY": "unix:3.0"}, (), "(no X server answers at DISPLAY=unix:3.0)"),
    ({"DISPLAY": "desk.example:10.0"}, (), "(no X server answers at DISPLAY=desk.example:10.0)"),
    ({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": "/run/user/7"}, (),
     "(no Wayland compositor at WAYLAND_DISPLAY=wayland-1)"),
    ({"WAYLAND_DISPLAY": "wayland-1", "DISPLAY": ":1", "XDG_RUNTIME_DIR": "/run/user/7"}, (),
     "(no Wayland compositor at WAYLAND_DISPLAY=wayland-1; no X server answers at DISPLAY=:1)"),
])
def test_each_missing_display_is_named(env: dict[str, str], answers: tuple[str, ...], words: str) -> None:
    reason = no_display_reason(system(env, answers=answers))
    assert reason is not None and reason.startswith(f"no display available {words}; the window cannot open")


@pytest.mark.parametrize("env,answers", [
    ({"DISPLAY": ":0"}, ("unix:/tmp/.X11-unix/X0",)),
    ({"DISPLAY": ":0"}, ("abstract:/tmp/.X11-unix/X0",)),  # Linux's abstract socket alone
    ({"DISPLAY": "localhost:10.0"}, ("tcp:localhost:6010",)),  # ssh -X
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/7"}, ("unix:/run/user/7/wayland-0",)),
    ({"WAYLAND_DISPLAY": "/tmp/w/sock"}, ("unix:/tmp/w/sock",)),
    ({"WAYLAND_DISPLAY": "wayland-0", "WAYLAND_SOCKET": "5"}, ()),
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/r", "DISPLAY": ":0"}, ("unix:/tmp/.X11-unix/X0",)),
    ({"QT_QPA_PLATFORM": "offscreen"}, ()),
    ({"QT_QPA_PLATFORM": "minimal"}, ()),
    ({"QT_QPA_PLATFORM": "wayland;offscreen"}, ()),
    ({"DISPLAY": "an odd form"}, ()),  # not ours to judge: Qt decides
])
def test_a_usable_display_lets_the_window_start(env: dict[str, str], answers: tuple[str, ...]) -> None:
    assert no_display_reason(system(env, answers=answers)) is None


@pytest.mark.parametrize("platform", ["darwin", "win32", "cygwin"])
def test_macos_and_windows_are_not_asked(platform: str) -> None:
    assert no_display_reason(system({}, platform=platform)) is None


def test_missing_x11_libraries_are_named_with_their_packages() -> None:
    reason = no_display_reason(system({"DISPLAY": ":0"}, answers=("unix:/tmp/.X11-unix/X0",),
                                      missing=("libxcb-cursor.so.0", "libxcb-icccm.so.4")))
    assert reason is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4;" in reason
    assert "use `crosscheck compare …`" in reason and "\n" not in reason
    assert set(XCB_LIBRARIES.values()) >= {"libxcb-cursor0", "libxkbcommon-x11-0"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Unix sockets and sonames of Linux")
def test_the_probe_connects_to_a_real_socket(tmp_path: Path) -> None:
    path = str(tmp_path / "X9")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        assert display._connects(f"unix:{path}")
    assert not display._connects(f"unix:{tmp_path / 'nobody'}")
    assert not display._connects("tcp:127.0.0.1:1", timeout=0.2)
    assert display._loads("libc.so.6") and not display._loads("libno-such-library.so.0")
