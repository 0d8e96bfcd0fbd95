"""Phrases two sources share word for word inside otherwise different sentences.

Text-reuse tools find copied passages with shingles: every run of k words is hashed, runs that
two documents share are seeds, and neighbouring seeds grow into the longest shared passage.
Here the documents are the claims of each source (boilerplate is already out), k is five words
(twelve characters in scripts written without spaces), and a phrase must carry two content
words that are not a name: "the Department of Homeland Security" or "at the age of 83" is
shared by sentences that say different things.

A shared phrase is evidence that two sentences are related, not that they state one fact:
measured on the development set, sentences sharing a five-word phrase were the same claim only
about half the time, and two times in three once names are left out. So a phrase never links
a group: what only one source says is what is left of its sentence around the phrase, and the
window and the JSON show the phrase itself in both sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crosscheck.core.model import Phrase, Source, Span, Unique
from crosscheck.core.normalize import CJK, STOPWORDS, Token, tokenize
from crosscheck.core.units import Unit

WORDS = 5  # words in the shortest phrase worth showing
CHARACTERS = 12  # the same for Chinese and Japanese, tokenised one character at a time
MAX_POSTINGS = 24  # a run of words this common is page furniture, not reporting
_CJK = re.compile(f"[{CJK}]")


@dataclass(frozen=True)
class SharedPhrase:
    """One phrase two sources share: where it stands in each, and the claims holding it."""

    a: str
    a_span: Span
    b: str
    b_span: Span
    a_unit: int
    b_unit: int
    words: int


def shared_phrases(
    units: Sequence[Unit], sources: Mapping[str, Source], groups: Sequence[Sequence[int]] = ()
) -> list[SharedPhrase]:
    """Every maximal phrase of ``WORDS`` words or more that two sources' claims share, except
    between sentences a group already joins (``groups``: its diff shows what they share)."""
    together: dict[int, set[int]] = defaultdict(set)
    for n, members in enumerate(groups):
        for i in members:
            together[i].add(n)
    # (shingles from each sentence's matching words; the words with their places in the text are
    # read again only for the sentences that share a phrase)
    seeds: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for i, u in enumerate(units):
        norms = u.tokens
        k = _k(norms)
        for p in range(len(norms) - k + 1):
            seeds[tuple(norms[p : p + k])].append((i, p))
    runs: dict[tuple[int, int, int], list[int]] = defaultdict(list)  # (unit a, unit b, diagonal) → starts
    for shingle, postings in seeds.items():
        if len(postings) > MAX_POSTINGS or len({units[i].source for i, _ in postings}) < 2:
            continue
        if sum(t not in STOPWORDS for t in shingle) < 2 and not _CJK.search(shingle[0]):
            continue
        for x, (i, p) in enumerate(postings):
            for j, q in postings[x + 1 :]:
                if units[i].source == units[j].source or (together[i] & together[j]):
                    continue
                if units[i].source > units[j].source:
                    i, p, j, q = j, q, i, p
                runs[(i, j, p - q)].append(p)
    out: list[SharedPhrase] = []
    tokens: dict[int, list[Token]] = {}
    for (i, j, _) in runs:
        for n in (i, j):
            if n not in tokens:
                tokens[n] = tokenize(sources[units[n].source].text, units[n].span)
    for (i, j, diagonal), starts in runs.items():
        k = _k(units[i].tokens)
        for first, last in _spans(sorted(set(starts))):
            a = tokens[i][first : last + k]
            b = tokens[j][first - diagonal : last - diagonal + k]
            if not _worth_showing(sources[units[i].source].text, a):
                continue
            out.append(SharedPhrase(
                units[i].source, Span(a[0].span.start, a[-1].span.end),
                units[j].source, Span(b[0].span.start, b[-1].span.end), i, j, len(a)))
    return sorted(out, key=lambda ph: (ph.a, ph.a_span.start, ph.b, ph.b_span.start))


def _k(norms: Sequence[str]) -> int:
    return CHARACTERS if norms and _CJK.search(norms[0]) else WORDS


def _spans(starts: list[int]) -> list[tuple[int, int]]:
    """Consecutive shingle starts on one diagonal are one longer phrase."""
    out: list[tuple[int, int]] = []
    for s in starts:
        if out and s == out[-1][1] + 1:
            out[-1] = (out[-1][0], s)
        else:
            out.append((s, s))
    return out


def _worth_showing(text: str, phrase: Sequence[Token]) -> bool:
    """Two content words that are not a name's: a shared name or stock phrase proves nothing."""
    if _CJK.search(phrase[0].norm):
        return True
    plain = [t for t in phrase
             if t.is_content and not t.is_number and not text[t.span.start : t.span.end][:1].isupper()]
    return len(plain) >= 2


def as_phrases(found: Sequence[SharedPhrase], sources: Mapping[str, Source]) -> list[Phrase]:
    """The shared phrases as the comparison carries them (spans and the first source's words)."""
    return [Phrase(ph.a, ph.a_span, ph.b, ph.b_span, sources[ph.a].text[ph.a_span.start : ph.a_span.end])
            for ph in found]


def outside_phrases(unique: Unique, phrases: Sequence[Phrase], text: str) -> list[Unique]:
    """What only one source says is what is left of its sentence around the phrases it shares:
    the pieces with two content words or more (the rest is glue: "and", "it said")."""
    cuts = sorted({(p.a_span if p.a == unique.source else p.b_span) for p in phrases
                   if unique.source in (p.a, p.b)
                   and (p.a_span if p.a == unique.source else p.b_span).overlaps(unique.span)},
                  key=lambda sp: sp.start)
    if not cuts:
        return [unique]
    pieces, at = [], unique.span.start
    for cut in cuts:
        if cut.start > at:
            pieces.append(Span(at, cut.start))
        at = max(at, cut.end)
    if at < unique.span.end:
        pieces.append(Span(at, unique.span.end))
    out = []
    for piece in pieces:
        toks = tokenize(text, piece)
        if sum(t.is_content for t in toks) >= 2:
            span = Span(toks[0].span.start, toks[-1].span.end)
            out.append(Unique(unique.source, span, unique.kind, text[span.start : span.end], unique.speaker))
    return out
