"""The one function that turns loaded sources into a Comparison.

Both front ends call ``analyze``: the CLI directly, the window from a worker thread. It reports
progress and checks for cancellation through two plain callables, so it needs no Qt and can be
tested with stubs.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

from crosscheck.core.align import link_claims, link_quotes, related_sentences
from crosscheck.core.boilerplate import find_boilerplate, source_boilerplate
from crosscheck.core.collector import fewer_collections
from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.flags import Correction, place
from crosscheck.core.groups import build_group, unique_of
from crosscheck.core.model import ORIGINAL_KINDS, Comparison, Group, Related, Source, Span
from crosscheck.core.normalize import forget_texts
from crosscheck.core.parallel import map_shares, side_by_side
from crosscheck.core.people import find_people
from crosscheck.core.phrases import SharedPhrase, as_phrases, outside_phrases, shared_phrases
from crosscheck.core.spans import Spans
from crosscheck.core.statements import rejoin_statements
from crosscheck.core.units import Unit, extract_units
from crosscheck.core.unquoted import link_unquoted

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


# What each article alone tells (``read`` below), kept while the article is open: adding one
# article to ten reads only the new one again. (What depends on all the articles — the names
# that resolve a speaker, what they repeat — is worked out again each time.)
_READ: weakref.WeakKeyDictionary[Source, tuple] = weakref.WeakKeyDictionary()


class AnalysisCancelled(Exception):
    """Raised inside ``analyze`` when the caller asked it to stop."""


def analyze(
    sources: Sequence[Source],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    settings: Settings = DEFAULT,
    corrections: Sequence[Correction] = (),
) -> Comparison:
    """Analyse the sources; the user's corrections (manual links and unlinks) apply on top."""
    with fewer_collections():
        return _analyze(sources, progress, cancelled, settings, corrections)


def _analyze(
    sources: Sequence[Source],
    progress: Progress | None,
    cancelled: Cancelled | None,
    settings: Settings,
    corrections: Sequence[Correction],
) -> Comparison:
    def step(fraction: float, message: str) -> None:
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        if progress is not None:
            progress(fraction, message)

    forget_texts()
    weights = [len(s.text) for s in sources]

    def read(i: int) -> tuple:
        """What one article alone tells: its sentences, its own clutter, the people it names."""
        s = sources[i]
        known = _READ.get(s)
        if known is not None:
            return known
        return s.paragraphs, s.analysis_text, s.sentences, source_boilerplate(s), find_people(s.analysis_text)

    n = max(len(sources), 1)
    read_all = map_shares(read, [0 if s in _READ else w for s, w in zip(sources, weights, strict=True)],
                          lambda i: step(0.3 * i / n, f"reading {sources[i].label}"))
    for source, reading in zip(sources, read_all, strict=True):
        source.adopt_reading(*reading[:3])
        _READ[source] = reading
    step(0.3, "finding boilerplate")
    boilerplate = find_boilerplate(sources, [r[3] for r in read_all])
    step(0.35, "finding quotes, speakers and claims")
    units, _ = extract_units(sources, boilerplate, [r[4] for r in read_all], map_shares)
    step(0.5, "aligning quotes and claims")
    quotes = [u for u in units if u.kind == "quote"]
    claims = [u for u in units if u.kind == "claim"]
    by_id = {s.id: s for s in sources}

    def align_quotes() -> tuple[list[Unit], list[list[int]]]:
        quote_groups = link_quotes(quotes, settings)
        # Unquoted copies are sought statement by statement, before statements are joined again.
        found, quote_groups = link_unquoted(quotes, claims, quote_groups, by_id)
        return rejoin_statements(found, quote_groups, by_id)

    near: list[tuple[int, int, float]] = []  # claim pairs scored just short of a link
    # (quotes and claims are aligned independently: side by side on two cores when the work is large)
    claim_groups, (quotes, quote_groups) = side_by_side(
        lambda: link_claims(claims, cancelled, settings, near=near), align_quotes, sum(weights))
    by_hand: set[tuple[str, int]] = set()
    if corrections:
        quote_groups, claim_groups, by_hand = apply_corrections(
            corrections, sources, quotes, claims, quote_groups, claim_groups)
    step(0.85, "comparing wording")
    groups: list[Group] = []
    ordered = sorted(
        [("quote", g) for g in quote_groups] + [("claim", g) for g in claim_groups],
        key=lambda kg: (kg[0] != "quote", _first(quotes if kg[0] == "quote" else claims, kg[1])),
    )

    originals = frozenset(s.id for s in sources if s.kind in ORIGINAL_KINDS)

    def build(n: int) -> Group | list[SharedPhrase]:
        if n == len(ordered):  # (one more piece of work: the phrases sentences share)
            return shared_phrases(claims, by_id, claim_groups)
        kind, members = ordered[n]
        hand = any((kind, i) in by_hand for i in members)
        return build_group(f"g{n + 1}", kind, quotes if kind == "quote" else claims, members, by_hand=hand,
                           originals=originals)

    # Each group's diffs need only its members, and the shared phrases only the claims and their
    # groups: all are worked out on every core. (A group's weight is its members' length times
    # their number; the phrases', measured, about a third of all the groups'.)
    costs = [sum(len((quotes if k == "quote" else claims)[i].text) for i in m) * len(m) for k, m in ordered]
    built = map_shares(build, [*costs, sum(costs) // 3])
    groups.extend(built[:-1])  # type: ignore[arg-type]
    linked_q = {i for g in quote_groups for i in g}
    linked_c = {i for g in claim_groups for i in g}
    # A sentence that carries a linked quote is reported by that quote's group, not unique.
    quoted: dict[str, list[tuple[Span, int]]] = {}
    for i in linked_q:
        quoted.setdefault(quotes[i].source, []).append((quotes[i].span, i))
    index = {sid: Spans(spans) for sid, spans in quoted.items()}
    linked_c |= {i for i, c in enumerate(claims)
                 if c.source in index and index[c.source].touching(c.span.start, c.span.end)}
    # Phrases two sources share inside sentences no group joins: the sentences are related, and
    # what only one source says is what is left around the phrase.
    # (a sentence the user linked or unlinked by hand is theirs to judge: no phrase is drawn)
    found = [ph for ph in built[-1]  # type: ignore[union-attr]
             if ("claim", ph.a_unit) not in by_hand and ("claim", ph.b_unit) not in by_hand]
    phrases = as_phrases(found, by_id)
    # A sentence with a near version elsewhere that the matcher is not sure enough to link is
    # not "only in one source" either: it is shown as related to that version, undecided.
    related = related_sentences(near, linked_c, by_hand)
    undecided = {i for r in related for i in (r[0], r[1])}
    unique_claims = [piece for u in unique_of(claims, linked_c | undecided)
                     for piece in outside_phrases(u, phrases, by_id[u.source].text)]
    position = {s.id: i for i, s in enumerate(sources)}
    unique = sorted(
        unique_of(quotes, linked_q) + unique_claims,
        key=lambda u: (position[u.source], u.span.start),
    )
    bp = tuple((sid, span) for sid, marks in boilerplate.items() for span, _ in marks)
    step(1.0, "done")
    similar = tuple(Related(claims[i].source, claims[i].span, claims[j].source, claims[j].span, round(score, 3))
                    for i, j, score in related)
    return Comparison(sources=tuple(sources), groups=tuple(groups), unique=tuple(unique), boilerplate=bp,
                      phrases=tuple(phrases), related=similar)


def apply_corrections(
    corrections: Sequence[Correction],
    sources: Sequence[Source],
    quotes: list[Unit],
    claims: list[Unit],
    quote_groups: list[list[int]],
    claim_groups: list[list[int]],
) -> tuple[list[list[int]], list[list[int]], set[tuple[str, int]]]:
    """Apply manual links and unlinks, in the order made, to the engine's groups.

    A correction whose words can no longer be found is skipped (and shown as orphaned by the
    window); one that no longer changes anything is harmless.
    """
    clusters = {"quote": [list(g) for g in quote_groups], "claim": [list(g) for g in claim_groups]}
    units = {"quote": quotes, "claim": claims}
    touched: set[tuple[str, int]] = set()
    for correction in corrections:
        placed = [place(a, sources) for a in correction.anchors]
        if any(p.orphaned for p in placed):
            continue
        for kind in ("quote", "claim"):
            found = [_unit_at(units[kind], p.source, p.span) for p in placed]
            if all(i is not None for i in found):
                break
        else:
            continue
        groups = clusters[kind]
        if correction.action == "unlink":
            for i in found:
                for g in groups:
                    if i in g:
                        g.remove(i)
                        touched |= {(kind, j) for j in g}
        elif correction.action == "link" and len(found) >= 2:
            merged: list[int] = []
            for i in found:
                home = next((g for g in groups if i in g), None)
                if home is not None:
                    groups.remove(home)
                    merged.extend(j for j in home if j not in merged)
                elif i not in merged:
                    merged.append(i)
            groups.append(sorted(merged))
            touched |= {(kind, j) for j in merged}
    result = {}
    for kind, groups in clusters.items():
        result[kind] = [g for g in groups if len({units[kind][i].source for i in g}) >= 2]
    return result["quote"], result["claim"], touched


def _unit_at(units: list[Unit], source: str | None, span: Span | None) -> int | None:
    """The passage of ``source`` that overlaps ``span`` most."""
    best: tuple[int, int] | None = None
    for i, u in enumerate(units):
        if u.source == source and span is not None and u.span.overlaps(span):
            overlap = min(u.span.end, span.end) - max(u.span.start, span.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
    return best[1] if best else None


def _first(units, members: list[int]) -> tuple[int, int]:
    return min((units[i].order, units[i].span.start) for i in members)
