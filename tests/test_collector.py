"""The analysis makes the cycle collector run less often, and puts it back as it was — also when
analyses overlap on several threads (the window starts a new one before the last has stopped)."""

from __future__ import annotations

import gc
import threading

from crosscheck.core.collector import ALLOCATIONS, fewer_collections


def test_overlapping_analyses_put_the_thresholds_back_as_they_were() -> None:
    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    during: list[int] = []

    def first() -> None:
        with fewer_collections():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with fewer_collections():
            second_in.set()
            first_out.wait(5)  # the first one ends while this one still runs
            during.append(gc.get_threshold()[0])

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert during == [max(before[0], ALLOCATIONS)]  # still raised for the one running
    assert gc.get_threshold() == before  # and back as it was once both are done
