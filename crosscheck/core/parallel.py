"""Per-article work on every core: the same results as one core, sooner.

Reading an article (sentences, page clutter, names, quotes and their speakers) needs nothing
from the other articles, or only what was gathered from all of them beforehand, and it is most
of the engine's time on large inputs. ``map_shares`` runs such a step over the articles in
forked children, one share of the work per core, while this process takes a share itself.

Why ``fork`` and not a pool of fresh interpreters: a child starts with everything this process
already has (loaded texts, compiled patterns, the indexes built so far), so nothing is sent to it
but an index, and only results come back, pickled. A pool of spawned interpreters paid more to
start and to receive its inputs than it saved (tried, and measured). Forking is safe only with
no other threads running, so with a window's threads alive — or on a system without ``fork``,
or for work too small to repay a child — the step runs here, one article after another, with
identical results.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

# Below this much text (characters, all articles together) a child costs more than it saves.
MIN_PARALLEL_CHARS = 150_000


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32" and threading.active_count() == 1 and not _serial


_serial = 0  # how many ``serial()`` blocks are running
_serial_lock = threading.Lock()


@contextmanager
def serial() -> Iterator[None]:
    """Everything inside runs in this process. For a caller whose process has threads that
    ``threading`` does not see — the window's Qt threads, its pool's worker among them — where
    forking could leave a child holding a lock another thread had taken."""
    global _serial
    with _serial_lock:
        _serial += 1
    try:
        yield
    finally:
        with _serial_lock:
            _serial -= 1


def shares(weights: Sequence[int], k: int) -> list[list[int]]:
    """Indexes split into ``k`` shares of about equal weight (largest first to the lightest share),
    each in its original order."""
    load = [0] * k
    out: list[list[int]] = [[] for _ in range(k)]
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        j = min(range(k), key=load.__getitem__)
        out[j].append(i)
        load[j] += weights[i]
    return [sorted(s) for s in out if s]


def map_shares(
    fn: Callable[[int], T],
    weights: Sequence[int],
    before: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> list[T]:
    """``[fn(i) for i in range(len(weights))]``, on every core when the work is large.

    ``before(i)`` runs here before each item this process computes (progress, cancellation);
    an exception it raises stops the step and ends the children.
    """
    n = len(weights)
    k = min(workers or cores(), n)
    if k < 2 or sum(weights) < MIN_PARALLEL_CHARS or _sharing or not can_fork():
        out = []
        for i in range(n):
            if before is not None:
                before(i)
            out.append(fn(i))
        return out
    parts = shares(weights, k)
    children: list[tuple[int, int, list[int]]] = []
    results: dict[int, T] = {}
    try:
        for part in parts[1:]:
            children.append(_fork(fn, part))
        for i in parts[0]:
            if before is not None:
                before(i)
            results[i] = fn(i)
        for pid, fd, part in children:
            results.update(_collect(fn, pid, fd, part))
        children = []
    finally:
        for pid, fd, _ in children:  # stopped early: end the children, leave no zombies
            _end(pid, fd)
    return [results[i] for i in range(n)]


def side_by_side(here: Callable[[], T], there: Callable[[], U], weight: int) -> tuple[T, U]:
    """``(here(), there())``, with ``there`` in a forked child while this process runs ``here``,
    when the work (``weight`` characters) is large and a second core is free.

    For two independent steps (aligning quotes, aligning claims): ``here`` keeps its side effects
    and callbacks (progress, cancellation); what ``there`` returns comes back pickled. Steps
    inside either that would share their own work run on one core meanwhile.
    """
    if cores() < 2 or weight < MIN_PARALLEL_CHARS or not can_fork():
        return here(), there()
    pid, fd, _ = _fork(lambda _: there(), [0])
    try:
        mine = _alone(here)
        theirs = _collect(lambda _: there(), pid, fd, [0])[0][1]
    except BaseException:
        _end(pid, fd)
        raise
    return mine, theirs


_sharing = False  # a step is already running beside another on the second core


def _alone(fn: Callable[[], T]) -> T:
    global _sharing
    before, _sharing = _sharing, True
    try:
        return fn()
    finally:
        _sharing = before


def _fork(fn: Callable[[int], T], part: list[int]) -> tuple[int, int, list[int]]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute its share, send it back, leave without running any cleanup
        code = 1
        try:
            global _sharing
            _sharing = True  # (the other core is busy with the parent's share)
            os.close(read)
            data = pickle.dumps([(i, fn(i)) for i in part], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read, part


def _collect(fn: Callable[[int], T], pid: int, fd: int, part: list[int]) -> list[tuple[int, T]]:
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        return pickle.loads(data)
    # The child failed (killed, out of memory): its share is done here, so the answer is the same.
    return [(i, fn(i)) for i in part]


def _end(pid: int, fd: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.close(fd)
