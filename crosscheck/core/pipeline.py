"""The one function that turns loaded sources into a Comparison.

Both front ends call ``analyze``: the CLI directly, the window from a worker thread. It reports
progress and checks for cancellation through two plain callables, so it needs no Qt and can be
tested with stubs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from crosscheck.core.align import link_claims, link_quotes
from crosscheck.core.boilerplate import find_boilerplate
from crosscheck.core.groups import build_group, unique_of
from crosscheck.core.model import Comparison, Group, Source
from crosscheck.core.units import extract_units

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
        step(0.3 * i / max(len(sources), 1), f"segmenting {source.label}")
        source.sentences  # noqa: B018 - computed once here, off the GUI thread
    step(0.3, "finding boilerplate")
    boilerplate = find_boilerplate(sources)
    step(0.35, "finding quotes, speakers and claims")
    units, _ = extract_units(sources, boilerplate)
    quotes = [u for u in units if u.kind == "quote"]
    claims = [u for u in units if u.kind == "claim"]
    step(0.5, "aligning quotes")
    quote_groups = link_quotes(quotes)
    step(0.6, "aligning claims")
    claim_groups = link_claims(claims, cancelled)
    step(0.85, "comparing wording")
    groups: list[Group] = []
    ordered = sorted(
        [("quote", g) for g in quote_groups] + [("claim", g) for g in claim_groups],
        key=lambda kg: (kg[0] != "quote", _first(quotes if kg[0] == "quote" else claims, kg[1])),
    )
    for n, (kind, members) in enumerate(ordered, 1):
        groups.append(build_group(f"g{n}", kind, quotes if kind == "quote" else claims, members))
    linked_q = {i for g in quote_groups for i in g}
    linked_c = {i for g in claim_groups for i in g}
    # A sentence that carries a linked quote is reported by that quote's group, not unique.
    quoted = [(quotes[i].source, quotes[i].span) for i in linked_q]
    linked_c |= {i for i, c in enumerate(claims) if any(s == c.source and c.span.overlaps(sp) for s, sp in quoted)}
    unique = sorted(
        unique_of(quotes, linked_q) + unique_of(claims, linked_c),
        key=lambda u: (_source_order(sources, u.source), u.span.start),
    )
    bp = tuple((sid, span) for sid, marks in boilerplate.items() for span, _ in marks)
    step(1.0, "done")
    return Comparison(sources=tuple(sources), groups=tuple(groups), unique=tuple(unique), boilerplate=bp)


def _first(units, members: list[int]) -> tuple[int, int]:
    return min((units[i].order, units[i].span.start) for i in members)


def _source_order(sources: Sequence[Source], sid: str) -> int:
    return next(i for i, s in enumerate(sources) if s.id == sid)
