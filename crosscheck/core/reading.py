"""Where each group's passages lie in every source: what keeps columns in step while reading.

Reading several articles side by side, the eye follows one passage across the columns. The
window keeps them in step (scrolling one column moves the others to the matching passage, as
Meld and Beyond Compare keep panes locked), draws connectors between neighbouring columns and
marks each article's overview ruler; all of it asks this map, which knows the comparison's
groups and nothing of pixels, so it is tested without a window.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass

from crosscheck.core.findings import briefly
from crosscheck.core.model import Comparison, Related, Span
from crosscheck.core.view import NOISE, diffs_against, pairing_at, reference_member


@dataclass(frozen=True)
class Passage:
    """One group's passage in one source."""

    group: str
    span: Span


@dataclass(frozen=True)
class Counterpart:
    """A passage of one source and its group's passage in another: the pair two columns line up."""

    group: str
    here: Span
    there: Span


class ReadingMap:
    """Each source's linked passages in text order, and each group's passages by source."""

    def __init__(self, comparison: Comparison) -> None:
        self._by_source: dict[str, list[Passage]] = {s.id: [] for s in comparison.sources}
        self._by_group: dict[str, dict[str, Span]] = {}
        for g in comparison.groups:
            seen = self._by_group.setdefault(g.id, {})
            for m in g.members:
                self._by_source.setdefault(m.source, []).append(Passage(g.id, m.span))
                if m.source not in seen or m.span.start < seen[m.source].start:
                    seen[m.source] = m.span  # a source's first passage of the group stands for it
        for passages in self._by_source.values():
            passages.sort(key=lambda p: (p.span.start, p.span.end))
        self._starts = {sid: [p.span.start for p in ps] for sid, ps in self._by_source.items()}

    def passages(self, source: str) -> list[Passage]:
        return list(self._by_source.get(source, []))

    def sources_of(self, group: str) -> dict[str, Span]:
        """Each source's passage of ``group`` (its first, when it has two)."""
        return dict(self._by_group.get(group, {}))

    def above(self, source: str, offset: int, other: str) -> Counterpart | None:
        """The nearest passage of ``source`` starting at or before ``offset`` whose group
        ``other`` also carries, with ``other``'s passage: the pair to keep level while reading
        down ``source`` (None: nothing above is shared with ``other``)."""
        passages, starts = self._by_source.get(source, []), self._starts.get(source, [])
        k = bisect.bisect_right(starts, offset) - 1
        while k >= 0:
            p = passages[k]
            there = self._by_group[p.group].get(other)
            if there is not None:
                return Counterpart(p.group, p.span, there)
            k -= 1
        return None

    def below(self, source: str, offset: int, other: str, after: int = -1) -> Counterpart | None:
        """The nearest passage of ``source`` starting after ``offset`` whose group ``other``
        carries at a place after ``after`` (so that reading on goes forward in both)."""
        passages, starts = self._by_source.get(source, []), self._starts.get(source, [])
        for p in passages[bisect.bisect_right(starts, offset) :]:
            there = self._by_group[p.group].get(other)
            if there is not None and there.start > after:
                return Counterpart(p.group, p.span, there)
        return None

    def between(self, source: str, other: str, start: int, end: int) -> list[Counterpart]:
        """The passages of ``source`` overlapping [start, end) that ``other`` also carries, with
        ``other``'s: the connectors to draw between two neighbouring columns."""
        passages, starts = self._by_source.get(source, []), self._starts.get(source, [])
        out = []
        for p in passages[: bisect.bisect_left(starts, end)]:
            if p.span.end <= start:
                continue
            there = self._by_group[p.group].get(other)
            if there is not None:
                out.append(Counterpart(p.group, p.span, there))
        return out


def explain(comparison: Comparison, source: str, offset: int, reference: str | None,
            names: Mapping[str, str]) -> str | None:
    """What the highlight at ``offset`` of ``source`` means, in words (the column's tooltip):
    which group, which outlets carry it and which do not, what changed against the reference."""
    lines: list[str] = []
    for g in comparison.groups:
        mine = [m for m in g.members if m.source == source and m.span.start <= offset < m.span.end]
        if not mine:
            continue
        carried = [s.id for s in comparison.sources if any(m.source == s.id for m in g.members)]
        missing = [s.id for s in comparison.sources if s.id not in carried]
        kind = "Quote" if g.kind == "quote" else "Claim"
        lines.append(f"{kind} shared by {len(carried)} of {len(comparison.sources)} sources: "
                     + ", ".join(names.get(s, s) for s in carried))
        if missing:
            lines.append("Not in " + ", ".join(names.get(s, s) for s in missing))
        if mine[0].speaker:
            lines.append(f"Speaker here: {mine[0].speaker}")
        _, ref = reference_member(g, reference)
        for d in diffs_against(g, reference):
            if d.member is mine[0] and d.reference is not None:
                changed = [c for c in d.changes if c.kind not in NOISE]
                if changed:
                    told = "; ".join(f"“{briefly(c.deleted, 1000)}” → “{briefly(c.inserted, 1000)}”"
                                     for c in changed[:4])
                    lines.append(f"Against {names.get(ref.source, ref.source)}: {told}"
                                 + (f" (+{len(changed) - 4} more)" if len(changed) > 4 else ""))
                elif d.changes:
                    lines.append(f"Against {names.get(ref.source, ref.source)}: spelling or punctuation only")
                else:
                    lines.append(f"Same words as {names.get(ref.source, ref.source)}")
        lines += [f"⚠ {f.describe(names)}" for f in g.findings]
    if lines:
        return "\n".join(lines)
    for u in comparison.unique:
        if u.source == source and u.span.start <= offset < u.span.end:
            what = "quote" if u.kind == "quote" else "statement"
            return f"This {what} is in no other source" + (f" (speaker: {u.speaker})" if u.speaker else "")
    pair = pairing_at(comparison, source, offset)
    if pair is not None:
        there = pair.b if pair.a == source else pair.a
        if isinstance(pair, Related):
            return (f"Similar to a sentence in {names.get(there, there)} ({round(pair.score * 100)}% alike): "
                    "not sure enough to link, so not “only here” either")
        return f"{names.get(there, there)} has these words too: “{pair.text}”"
    for sid, span in comparison.boilerplate:
        if sid == source and span.start <= offset < span.end:
            return "Boilerplate: site text set aside, not compared"
    return None
