"""Long work off the GUI thread: loading articles and analysing them.

Each task runs on the global thread pool; its signals live on a ``QObject`` so they
are delivered to the GUI thread by Qt's queued connections. A task never touches a widget. Every
task carries a generation number; the window ignores results from a generation it has moved past
(the user added an article mid-run), and cancelling sets a flag the core pipeline checks.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal

from crosscheck.core import view
from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.flags import Correction
from crosscheck.core.model import Comparison, Source
from crosscheck.core.parallel import serial
from crosscheck.core.pipeline import AnalysisCancelled, analyze
from crosscheck.core.reading import ReadingMap
from crosscheck.io.errors import InputError
from crosscheck.io.load import load, load_pasted


@dataclass(frozen=True)
class Analysis:
    """Everything the window needs from one run, computed off the GUI thread."""

    comparison: Comparison
    reference: str | None
    highlights: dict[str, list[view.Highlight]]
    coverage: list[list[str]]
    reading: ReadingMap  # where each group's passages lie, for scrolling together and connectors


def compute_view(comparison: Comparison, reference: str | None) -> Analysis:
    return Analysis(comparison, reference, view.highlights(comparison, reference),
                    view.coverage(comparison, reference), ReadingMap(comparison))


class TaskSignals(QObject):
    progressed = Signal(int, float, str)  # generation, fraction, message
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message
    cancelled = Signal(int)


class Task:
    """Runs ``work(progress, cancelled)`` on the pool and reports through ``signals``.

    A plain object whose ``run`` the pool calls, not a ``QRunnable`` subclass: PySide keeps a
    hidden reference to every ``QRunnable`` started without auto-deletion, so each analysis
    (with the articles it read) stayed in memory for good.
    """

    def __init__(self, generation: int, work: Callable[[Callable[[float, str], None], Callable[[], bool]], object]):
        self.generation = generation
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        def progress(fraction: float, message: str) -> None:
            self.signals.progressed.emit(self.generation, fraction, message)

        try:
            with serial():  # (no forking from a Qt thread: see core/parallel.serial)
                self._run(progress)
        finally:
            _finished(self)

    def _run(self, progress: Callable[[float, str], None]) -> None:
        try:
            result = self.work(progress, self._cancel.is_set)
        except AnalysisCancelled:
            self.signals.cancelled.emit(self.generation)
        except InputError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception as exc:  # a bug must reach the user as a message, never kill the thread
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"Analysis failed: {type(exc).__name__}: {exc}")
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit(self.generation)
            else:
                self.signals.finished.emit(self.generation, result)


def analysis_work(
    sources: Sequence[Source], reference: str | None, settings: Settings = DEFAULT,
    corrections: Sequence[Correction] = (),
) -> Callable[[Callable[[float, str], None], Callable[[], bool]], Analysis]:
    sources, corrections = list(sources), list(corrections)

    def work(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Analysis:
        comparison = analyze(sources, progress=lambda f, m: progress(0.9 * f, m), cancelled=cancelled,
                             settings=settings, corrections=corrections)
        progress(0.95, "preparing highlights")
        return compute_view(comparison, reference)

    return work


def view_work(comparison: Comparison, reference: str | None):
    def work(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Analysis:
        return compute_view(comparison, reference)

    return work


@dataclass(frozen=True)
class Loaded:
    sources: list[Source]
    problems: list[str]


def load_work(refs: Sequence[str], first_id: int, pasted: str | None = None):
    """Load each reference; a refused one becomes a message and the others still load."""
    refs = list(refs)

    def work(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Loaded:
        sources, problems = [], []
        n = first_id
        if pasted is not None:
            try:
                sources.append(load_pasted(pasted, f"s{n}"))
                n += 1
            except InputError as exc:
                problems.append(str(exc))
        for i, ref in enumerate(refs):
            if cancelled():
                raise AnalysisCancelled()
            progress(i / max(len(refs), 1), f"loading {ref}")
            try:
                sources.append(load(ref, f"s{n}"))
                n += 1
            except InputError as exc:
                problems.append(str(exc))
        return Loaded(sources, problems)

    return work


# Tasks still running, kept alive here (not only by their window): a window may close and be
# deleted while its task finishes, and the pool must never run a collected Python object.
_RUNNING: set[Task] = set()
# Tasks that have finished, kept until the pool is idle: a task must lose its last reference on
# the GUI thread, where its signals object lives, never on a worker thread as the pool lets go
# of the call it ran.
_DONE: list[Task] = []
_RUNNING_LOCK = threading.Lock()


def start(task: Task) -> None:
    """Run ``task`` on the pool (from the GUI thread)."""
    reap()
    with _RUNNING_LOCK:
        _RUNNING.add(task)
    QThreadPool.globalInstance().start(task.run)


def reap() -> bool:
    """On the GUI thread: once no task is running (every ``run`` has then returned all the way
    out of the pool's thread), let go of finished tasks. Whether the pool was idle."""
    if QThreadPool.globalInstance().activeThreadCount():
        return False
    with _RUNNING_LOCK:
        done = list(_DONE)
        _DONE.clear()
    del done  # (the last references go here, on this thread)
    return True


def _finished(task: Task) -> None:
    with _RUNNING_LOCK:
        _RUNNING.discard(task)
        _DONE.append(task)
