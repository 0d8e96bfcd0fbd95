"""The one function that turns loaded sources into a Comparison.

Both front ends call ``analyze``: the CLI directly, the window from a worker thread. It reports
progress and checks for cancellation through two plain callables, so it needs no Qt and can be
tested with stubs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from crosscheck.core.model import Comparison, Source

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


class AnalysisCancelled(Exception):
    """Raised inside ``analyze`` when the caller asked it to stop."""


def analyze(
    sources: Sequence[Source],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    def step(fraction: float, message: str) -> None:
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        if progress is not None:
            progress(fraction, message)

    for i, source in enumerate(sources):
        step(i / max(len(sources), 1), f"segmenting {source.label}")
        source.sentences  # noqa: B018 - computed once here, off the GUI thread
    step(1.0, "done")
    return Comparison(sources=tuple(sources))
