"""Fixtures for tests that drive the window: a window with its own settings and recovery folder,
the demo opened and analysed, and message boxes recorded instead of shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crosscheck.ui.main_window import MainWindow
from crosscheck.ui.workers import reap


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    """Message boxes are recorded instead of shown: a modal box would stall a test forever."""
    shown: list[tuple[str, str, str]] = []
    for name, answer in (("warning", QMessageBox.StandardButton.Ok), ("information", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok),
                         # "Discard" lets a window with unsaved flags close at teardown, and is
                         # not "Yes" to a yes/no question (recovery): nothing is restored unasked.
                         ("question", QMessageBox.StandardButton.Discard)):
        def record(parent, title, text, *_args, _n=name, _r=answer, **_kw):
            shown.append((_n, title, text))
            return _r

        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "crosscheck.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings, tmp_path):
    w = MainWindow(settings, recovery_dir=tmp_path / "recovery")
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dispose(w)


@pytest.fixture
def make_window(settings, tmp_path):
    """Further windows for one test (a second session), each disposed of at its end."""
    made: list[MainWindow] = []

    def make(recovery: str = "recovery") -> MainWindow:
        w = MainWindow(settings, recovery_dir=tmp_path / recovery)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        dispose(w)


def dispose(w: MainWindow) -> None:
    """Close and destroy a window inside its own test: let its tasks finish, then delete it now,
    so nothing of it is left to run during the next test."""
    w.cancel()
    QThreadPool.globalInstance().waitForDone(10000)
    QCoreApplication.processEvents()
    reap()  # (finished tasks let go of here, on this thread, not in the next test)
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy, timeout=20000)


@pytest.fixture
def demo(qtbot, window) -> MainWindow:
    window.projects.open_demo()
    wait_idle(qtbot, window)
    assert window.analysis is not None
    return window


def when_dialog(kind: type[QWidget], fill: Callable[[QWidget], None]) -> list:
    """When a modal dialog of type ``kind`` opens, hand it to ``fill`` (which answers it as a
    person would) and record it. Polls for 5 s at most: a dialog that never opens makes the test
    fail instead of hang."""
    seen: list = []
    tries = [0]

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, act)
    return seen
