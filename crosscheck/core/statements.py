"""Quotations aligned statement by statement, then shown as whole as the sources allow.

``units.statements`` cuts a quotation of several sentences into one passage per sentence, so
each statement finds its versions wherever other outlets put them (whole, in part, in another
quotation). Afterwards, where every outlet of a group quotes the next statement too, in the
same order, the two groups are one passage per outlet again: a three-sentence quote that two
outlets print alike stays one group with one diff, not three. Statements of one quotation
that no other outlet carries are likewise one "only here" passage, not one per sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosscheck.core.model import Source
from crosscheck.core.units import Unit, joined

Chain = tuple[str, int, int, int]  # source, quotation, first statement, last statement


def rejoin_statements(
    quotes: Sequence[Unit], groups: Sequence[Sequence[int]], sources: Mapping[str, Source]
) -> tuple[list[Unit], list[list[int]]]:
    """Merge runs of groups that continue each other in every member; returns new units and groups."""
    at = {(u.source, u.quote_id, u.piece): i for i, u in enumerate(quotes)}
    chained = [_chains(quotes, g) for g in groups]
    starts: dict[tuple[str, int, int], int] = {}
    for g, chains in enumerate(chained):
        for sid, qid, first, _ in chains:
            starts[(sid, qid, first)] = g

    def successor(g: int) -> int | None:
        """The group that continues ``g``: every one of its passages is the next statement of a
        passage of ``g`` (some of ``g``'s may stop there: a fragment of the first statement)."""
        keys = {(sid, qid, last + 1) for sid, qid, _, last in chained[g]}
        if len({(sid, qid) for sid, qid, _, _ in chained[g]}) != len(chained[g]):
            return None
        targets = {starts[k] for k in keys if k in starts}
        if len(targets) != 1:
            return None
        t = targets.pop()
        if t == g or len(chained[t]) < 2:
            return None
        continuing = sum((sid, qid, first) in keys for sid, qid, first, _ in chained[t])
        mine = {(sid, qid) for sid, qid, _, _ in chained[g]}
        if any((sid, qid) in mine and (sid, qid, first) not in keys for sid, qid, first, _ in chained[t]):
            return None  # the same quotation again, but not its next statement
        # Either every passage of t continues one of g (some of g's may stop: a fragment), or
        # every passage of g goes on into t (t may hold more: outlets quoting only the next
        # statement); at least two outlets carry both statements in order.
        if continuing < 2 or (continuing < len(chained[t]) and continuing < len(chained[g])):
            return None
        return t

    nxt = {g: successor(g) for g in range(len(groups))}
    has_prev = {t for t in nxt.values() if t is not None}
    out: list[Unit] = []
    new_groups: list[list[int]] = []
    for g in range(len(groups)):
        if g in has_prev:  # statements only grow, so runs never loop
            continue
        run = [g]
        while nxt[run[-1]] is not None and nxt[run[-1]] not in run:
            run.append(nxt[run[-1]])
        # Each outlet's passage runs from its first statement in the run to its last; an outlet
        # that joins later in the run (quoting only the later statements) starts there.
        # Two statements of one quotation that are not next to each other (an outlet quoting
        # the first and third sentences of what another prints as one) stay two passages.
        spans: dict[tuple[str, int], list[list[int]]] = {}
        for t in run:
            for sid, qid, first, last in chained[t]:
                pieces = spans.setdefault((sid, qid), [])
                if pieces and pieces[-1][1] + 1 == first:
                    pieces[-1][1] = last
                elif not pieces or first > pieces[-1][1]:
                    pieces.append([first, last])
        members = []
        for (sid, qid), pieces in spans.items():
            for first, last in pieces:
                out.append(_unit_for(quotes, sources, at, (sid, qid, first, last)))
                members.append(len(out) - 1)
        new_groups.append(members)
    # Statements nobody else carries: consecutive ones of one quotation become one passage.
    grouped = {i for members in groups for i in members}
    alone = sorted((i for i in range(len(quotes)) if i not in grouped),
                   key=lambda i: (quotes[i].source, quotes[i].quote_id, quotes[i].piece))
    for chain in _runs([(quotes[i].source, quotes[i].quote_id, quotes[i].piece) for i in alone]):
        out.append(_unit_for(quotes, sources, at, chain))
    return out, new_groups


def _chains(quotes: Sequence[Unit], members: Sequence[int]) -> list[Chain]:
    """A group's members with one source's consecutive statements of one quotation joined."""
    return _runs(sorted((quotes[i].source, quotes[i].quote_id, quotes[i].piece) for i in members))


def _runs(keys: list[tuple[str, int, int]]) -> list[Chain]:
    out: list[Chain] = []
    for sid, qid, piece in keys:
        if out and out[-1][:2] == (sid, qid) and out[-1][3] + 1 == piece:
            out[-1] = (sid, qid, out[-1][2], piece)
        else:
            out.append((sid, qid, piece, piece))
    return out


def _unit_for(quotes: Sequence[Unit], sources: Mapping[str, Source], at: dict, chain: Chain) -> Unit:
    sid, qid, first, last = chain
    a, b = quotes[at[(sid, qid, first)]], quotes[at[(sid, qid, last)]]
    return a if a is b else joined(sources[sid], a, b)
