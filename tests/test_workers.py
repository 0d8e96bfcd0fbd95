"""Background tasks are let go of on the GUI thread once the pool is idle — and are let go of:
as ``QRunnable`` subclasses, PySide kept every one (with the articles its analysis read)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QThreadPool

from crosscheck.ui import workers


def test_a_finished_task_is_released_on_this_thread_once_the_pool_is_idle(qtbot) -> None:
    task = workers.Task(1, lambda progress, cancelled: 42)
    got = []
    task.signals.finished.connect(lambda gen, result: got.append((gen, result)))
    alive = weakref.ref(task)
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        workers.start(task)
    assert got == [(1, 42)]
    del task  # the window lets go of it (as when a newer analysis replaces it)
    gc.collect()
    assert alive() is not None  # still held: not dropped on the worker thread
    QThreadPool.globalInstance().waitForDone(5000)
    workers.reap()
    gc.collect()
    assert alive() is None


def test_reap_keeps_finished_tasks_while_another_still_runs(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QThreadPool.globalInstance(), "activeThreadCount", lambda: 1, raising=False)
    finished = workers.Task(2, lambda progress, cancelled: None)
    workers._finished(finished)
    alive = weakref.ref(finished)
    del finished
    workers.reap()
    gc.collect()
    assert alive() is not None
    monkeypatch.undo()
    workers.reap()
    gc.collect()
    assert alive() is None


def test_cycles_are_collected_on_the_gui_thread_only(qtbot, window) -> None:
    # (a worker thread collecting a cycle could destroy the GUI thread's Qt objects)
    assert not gc.isenabled()  # no automatic collection, in whatever thread allocates
    threads = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            threads.append(threading.current_thread())

    go = threading.Event()
    held: list[list[list]] = []

    def work(progress, cancelled):
        for _ in range(5):
            Cycle()  # garbage cycles made on a worker thread
        held.append([[] for _ in range(2_000)])  # (kept: enough tracked objects to pass the threshold)
        go.set()

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # (Python's defaults, whatever an earlier test left)
    try:
        workers.start(workers.Task(4, work))
        assert go.wait(5)
        qtbot.waitUntil(lambda: len(threads) == 5, timeout=5000)
    finally:
        gc.set_threshold(*before)
    assert set(threads) == {threading.main_thread()}


def test_a_window_task_never_forks(qtbot) -> None:
    # (the pool's thread is a Qt thread that ``threading`` does not see: forking from it is unsafe)
    from crosscheck.core import parallel

    inside = []
    task = workers.Task(5, lambda progress, cancelled: inside.append(parallel.can_fork()))
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        workers.start(task)
    assert inside == [False]
    QThreadPool.globalInstance().waitForDone(5000)
    assert parallel._serial == 0  # and nothing is left held once it is done
