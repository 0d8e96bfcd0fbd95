"""Quoted in one outlet, unquoted in another: the same words without quotation marks.

Whether a source presents words as someone's quotation or as its own is itself a discrepancy:
indirect speech ("he added that …"), a statement printed without marks, a copy that dropped
them. For every quoted statement, the sentences of the other sources are searched for the same
run of words outside quotation marks (word for word, allowing a word or two of difference);
a run long enough to be more than a common phrase joins the quote's group as an unquoted
member, and the group says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from rapidfuzz.distance import LCSseq

from crosscheck.core.matching import common_limit
from crosscheck.core.model import Source, Span
from crosscheck.core.normalize import STOPWORDS, tokenize
from crosscheck.core.spans import Spans
from crosscheck.core.units import Unit, make_unit

MIN_WORDS = 6  # a shorter run is a common phrase, not a borrowed statement
MIN_CONTENT = 3
MIN_SHARE = 0.6  # of the quoted statement's words


def link_unquoted(
    quotes: Sequence[Unit], claims: Sequence[Unit], groups: Sequence[Sequence[int]], sources: Mapping[str, Source]
) -> tuple[list[Unit], list[list[int]]]:
    """Quotes plus their unquoted copies, and the groups with those copies added."""
    out = list(quotes)
    new_groups = [list(g) for g in groups]
    home = {i: g for g, members in enumerate(new_groups) for i in members}
    quoted_spans: dict[str, list[Span]] = defaultdict(list)
    for q in quotes:
        quoted_spans[q.source].append(q.span)
    quoted_at = {sid: Spans((sp, sp) for sp in spans) for sid, spans in quoted_spans.items()}
    empty: Spans[Span] = Spans(())
    # A wire quote repeated by many outlets is compared with each sentence once, not once a copy.
    runs: dict[tuple[tuple[str, ...], int], Span | None] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for c, claim in enumerate(claims):
        for stem in claim.content:
            index[stem].append(c)
    common = common_limit(len(claims))
    taken: set[tuple[str, int]] = set()
    # The fullest quotation first (then by its words and the article it is in, never by where an
    # article stands in the list): a sentence that repeats it is claimed by the widest version,
    # and giving the articles in another order finds the same copies.
    ordered = sorted(range(len(quotes)), key=lambda i: (-len(quotes[i].tokens), quotes[i].tokens,
                                                         len(quotes[i].source), quotes[i].source, quotes[i].span.start))
    for i in ordered:
        q = quotes[i]
        if len(q.tokens) < MIN_WORDS or not q.quoted:
            continue
        have = {out[m].source for m in new_groups[home[i]]} if i in home else {q.source}
        counts: dict[int, int] = defaultdict(int)
        for stem in q.content:
            postings = index.get(stem, ())
            if len(postings) > common:
                continue  # a word this common points at none of them
            for c in postings:
                counts[c] += 1
        for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:20]:
            claim = claims[c]
            if claim.source in have or counts[c] < 2:
                continue
            key = (q.tokens, c)
            if key not in runs:
                runs[key] = _copied_run(q, sources[claim.source], claim.span, quoted_at.get(claim.source, empty))
            span = runs[key]
            if span is None or (claim.source, span.start) in taken:
                continue
            taken.add((claim.source, span.start))
            unit = replace(make_unit(sources[claim.source], claim.order, "quote", span), speaker=None, quoted=False,
                           quote_id=-len(out) - 1)  # a passage of its own, never part of a quotation
            out.append(unit)
            have.add(claim.source)
            if i in home:
                new_groups[home[i]].append(len(out) - 1)
            else:
                new_groups.append([i, len(out) - 1])
                home[i] = len(new_groups) - 1
    return out, new_groups


def _copied_run(q: Unit, source: Source, within: Span, quoted: Spans[Span]) -> Span | None:
    """The stretch of ``within`` (outside any quotation) that repeats the quoted words, if any."""
    tokens = tokenize(source.analysis_text, within)
    if len(tokens) < MIN_WORDS:
        return None
    # Words inside this source's own quotations never match: a run may not pass through them.
    inside = [s for s, _ in quoted.touching(within.start, within.end)]
    norms = ["\x00" if any(s.start <= t.span.start < s.end for s in inside) else t.norm for t in tokens]
    blocks = [b for b in LCSseq.opcodes(q.tokens, norms) if b.tag == "equal"]
    if not blocks:
        return None
    # The longest chain of matching blocks with small gaps between them, on both sides.
    best: tuple[int, int, int] | None = None  # (matched words, first block, last block)
    start = 0
    for k in range(1, len(blocks) + 1):
        broken = k == len(blocks) or blocks[k].src_start - blocks[k - 1].src_end > 2 or (
            blocks[k].dest_start - blocks[k - 1].dest_end > 2)
        if broken:
            matched = sum(b.src_end - b.src_start for b in blocks[start:k])
            if best is None or matched > best[0]:
                best = (matched, start, k - 1)
            start = k
    matched, first, last = best
    words = q.tokens[blocks[first].src_start : blocks[last].src_end]
    content = [w for w in words if w not in STOPWORDS]
    whole = matched == len(q.tokens)  # the entire quoted statement, word for word
    if matched < MIN_WORDS or len(content) < (2 if whole else MIN_CONTENT) or matched < MIN_SHARE * len(q.tokens):
        return None
    # Widen over words that match just outside the chain (the aligner may have paired them elsewhere).
    src, dest = blocks[first].src_start, blocks[first].dest_start
    while src > 0 and dest > 0 and q.tokens[src - 1] == norms[dest - 1]:
        src, dest = src - 1, dest - 1
    src_end, dest_end = blocks[last].src_end, blocks[last].dest_end
    while src_end < len(q.tokens) and dest_end < len(norms) and q.tokens[src_end] == norms[dest_end]:
        src_end, dest_end = src_end + 1, dest_end + 1
    return Span(tokens[dest].span.start, tokens[dest_end - 1].span.end)
