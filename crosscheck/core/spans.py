"""Which of many spans touch a passage, without walking all of them.

A 200,000-word article holds thousands of quotations, boilerplate marks and sentences; asking
of every sentence "which quotations overlap you?" by walking the whole list makes reading it
quadratic. Spans are sorted by start once, with the furthest end reached so far, so a question
costs the spans that answer it (and a binary search).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from crosscheck.core.model import Span

T = TypeVar("T")


@lru_cache(maxsize=16)
def text_end(text: str) -> int:
    """Where a text's last word ends, worked out once per text: asking, for each passage,
    whether only white space follows it (``not text[end:].strip()``) copies the rest of the
    article every time — quadratic on a long one."""
    return len(text.rstrip())


class Spans(Generic[T]):
    """Items with a span each (a quotation, a mark), asked by position."""

    def __init__(self, items: Iterable[tuple[Span, T]]) -> None:
        ordered = sorted(items, key=lambda it: (it[0].start, it[0].end))
        self.spans = [sp for sp, _ in ordered]
        self.items = [item for _, item in ordered]
        self.starts = [sp.start for sp in self.spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for sp in self.spans:
            self.reach.append(max(sp.end, self.reach[-1]) if self.reach else sp.end)

    def touching(self, start: int, end: int) -> list[tuple[Span, T]]:
        """The items whose spans overlap [start, end), in order of start."""
        k = bisect.bisect_left(self.starts, end) - 1
        out = []
        while k >= 0 and self.reach[k] > start:
            if self.spans[k].end > start:
                out.append((self.spans[k], self.items[k]))
            k -= 1
        out.reverse()
        return out

    def within(self, start: int, end: int) -> list[tuple[Span, T]]:
        """The items whose spans lie inside [start, end)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [(self.spans[k], self.items[k]) for k in range(lo, hi) if self.spans[k].end <= end]
