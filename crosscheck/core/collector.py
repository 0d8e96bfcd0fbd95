"""Python's cycle collector, told how this program allocates.

The analysis and the export make millions of small objects (tokens, spans, passages, JSON
values) and almost no reference cycles. The collector, run by default every 700 allocations,
rescanned them all for nothing: 15% of the time on a thousand articles. Within
``fewer_collections`` it runs a hundred times less often; cycles are still collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

ALLOCATIONS = 70_000  # between two collections of the youngest objects (default 700)

# The thresholds are the whole process's: analyses overlapping on several threads (the window
# starts a new one before the last has stopped) must not restore them out of order — the one
# that began first would put back the lowered threshold, the last would leave it raised for good.
_lock = threading.Lock()
_inside = 0
_before: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    global _inside, _before
    with _lock:
        if _inside == 0:
            _before = gc.get_threshold()
            gc.set_threshold(max(_before[0], ALLOCATIONS), _before[1], _before[2])
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                gc.set_threshold(*_before)
