"""Copies of one report, aligned as copies: sentences between two shared anchors.

Wire copies and rewrites keep the order of the original. Once two articles are tied to each
other by sentences they share (the groups already found), a sentence that sits between the same
two anchors in both is likely the same sentence reworded, even when it shares few words: bitext
aligners use exactly this monotonic structure. Only the gaps between anchors are searched, only
between two articles that share at least three anchors in order, and only mutual best matches
with a lower score than the ordinary matcher's; reordered passages outside the anchors stay the
ordinary matcher's job.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise

from crosscheck.core.units import Unit

MIN_ANCHORS = 3  # two articles are copies of one report when this many shared sentences keep their order
MAX_GAP = 4  # sentences between two anchors, on either side, worth aligning


def anchored_links(
    units: Sequence[Unit], groups: Sequence[Sequence[int]], score: Callable[[int, int], float], threshold: float
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) of unlinked sentences aligned between the anchors of two copies."""
    grouped = {i for g in groups for i in g}
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_source[u.source].append(i)
    for ids in by_source.values():
        ids.sort(key=lambda i: units[i].span.start)
    position = {i: k for ids in by_source.values() for k, i in enumerate(ids)}
    anchors: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for g in groups:
        for x in g:
            for y in g:
                if units[x].source < units[y].source:
                    anchors[(units[x].source, units[y].source)].append((position[x], position[y]))
    out: list[tuple[int, int, float]] = []
    for (sa, sb), pairs in anchors.items():
        chain = _monotonic(sorted(set(pairs)))
        if len(chain) < MIN_ANCHORS:
            continue
        ids_a, ids_b = by_source[sa], by_source[sb]
        for (a0, b0), (a1, b1) in pairwise(chain):
            gap_a = [i for i in ids_a[a0 + 1 : a1] if i not in grouped]
            gap_b = [j for j in ids_b[b0 + 1 : b1] if j not in grouped]
            # The copy-editor's case: as many sentences in the gap on both sides, every one of
            # them unlinked (a sentence reworded in place, not a passage cut or added)
            if not gap_a or len(gap_a) != len(gap_b) or len(gap_a) != a1 - a0 - 1 or len(gap_b) != b1 - b0 - 1:
                continue
            if len(gap_a) > MAX_GAP:
                continue
            scored = {(i, j): score(i, j) for i in gap_a for j in gap_b}
            for (i, j), s in scored.items():
                if s < threshold:
                    continue
                best_i = max(scored[(i, y)] for y in gap_b)
                best_j = max(scored[(x, j)] for x in gap_a)
                if s == best_i == best_j:
                    out.append((i, j, s))
    return out


def _monotonic(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of anchors increasing in both articles (crossing anchors are dropped)."""
    tails: list[int] = []  # smallest second coordinate ending a chain of each length
    ends: list[int] = []  # index into pairs of that chain's last anchor
    back = [-1] * len(pairs)
    for n, (_, b) in enumerate(pairs):
        k = bisect_left(tails, b)
        if k and pairs[ends[k - 1]][0] == pairs[n][0]:
            continue  # one sentence of the first article anchors only once
        back[n] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(b)
            ends.append(n)
        else:
            tails[k] = b
            ends[k] = n
    chain, n = [], ends[-1] if ends else -1
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    return chain[::-1]
