"""Linking the same quote or claim across sources into groups.

Candidates come from an inverted index over shared words, never from all pairs, so a hundred
articles stay fast. Quotes are compared word for word (they are someone's exact words):
near-identical quotes link first, then fragments and scare quotes attach to the quote they come
from. Claims are scored by a ``matching.ClaimMatcher`` (content words weighted by rarity, word
order, figures) and clustered here. A group takes one passage per source, except a quote's
fragments, a fact one source tells twice, and a sentence that states two groups' facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from rapidfuzz.distance import LCSseq

from crosscheck.core.anchors import anchored_links
from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.matching import ClaimMatcher, LexicalMatcher
from crosscheck.core.normalize import CALENDAR_WORDS, STOPWORDS
from crosscheck.core.parallel import map_shares
from crosscheck.core.people import is_acronym_of
from crosscheck.core.units import Unit


class Link(NamedTuple):
    """Two passages the matcher joins. (A named tuple: a quote in a hundred papers makes
    thousands of them, and a tuple is made fastest.)"""

    a: int
    b: int
    score: float
    kind: str  # "same", "fragment", "scare", "claim"


class _Clusters:
    """Union-find that remembers each cluster's members and the sources they come from."""

    def __init__(self, units: Sequence[Unit]) -> None:
        n = len(units)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.sources: dict[int, set[str]] = {i: {u.source} for i, u in enumerate(units)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.sources[ra] |= self.sources.pop(rb)

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values() if len(m) > 1]


def _key(unit: Unit) -> str:
    """An order-independent tie-breaker: grouping must not depend on the order articles were opened.
    (The article's id too: two articles often quote the same words at the same offset — both
    open with the quotation — and the tie was then broken by the order they were given in.)"""
    return " ".join(unit.tokens) + f"|{unit.span.start}|{unit.source}"


def _orderer(units: Sequence[Unit]) -> Callable[[Link], tuple]:
    """The sort key of links (strongest first, ties by words and place, never by input order),
    with each passage's tie-breaker made once."""
    keys: dict[int, str] = {}

    def key(i: int) -> str:
        if i not in keys:
            keys[i] = _key(units[i])
        return keys[i]

    def order(lk: Link) -> tuple:
        a, b = key(lk.a), key(lk.b)
        return (-round(lk.score, 6), min(a, b), max(a, b))

    return order


# ---------------------------------------------------------------- quotes


def link_quotes(units: Sequence[Unit], settings: Settings = DEFAULT) -> list[list[int]]:
    links, twins = _quote_links(units, settings)
    clusters = _Clusters(units)
    order = _orderer(units)
    same = sorted((lk for lk in links if lk.kind == "same"), key=order)
    for lk in same:
        if _sources_disjoint(clusters, lk.a, lk.b):
            clusters.union(lk.a, lk.b)
    # Fragments and scare quotes attach to one cluster each: the best-matching, then the largest.
    parts = [lk for lk in links if lk.kind in ("fragment", "scare")]
    by_short: dict[int, list[Link]] = defaultdict(list)
    for lk in parts:
        by_short[lk.a].append(lk)
    for short in sorted(by_short, key=lambda s: (-len(units[s].tokens), _key(units[s]))):
        if len(units[short].tokens) <= 2 and len({clusters.find(lk.b) for lk in by_short[short]}) > 1:
            # "a number" is in several statements: one or two words must point at one, told
            # apart by the words of the sentence around them, or they stay unlinked.
            best = _by_context(units, clusters, short, by_short[short])
            if best is not None and _fragments_fit(units, clusters, short, best.b):
                clusters.union(short, best.b)
            continue
        best = max(
            by_short[short],
            key=lambda lk: (round(lk.score, 3), len(clusters.members[clusters.find(lk.b)]), _key(units[lk.b])),
        )
        if clusters.find(short) != clusters.find(best.b) and _fragments_fit(units, clusters, short, best.b):
            clusters.union(short, best.b)
    # A quote an article repeats joins its twin's group, when the two groups agree otherwise:
    # every other source they share quotes the same words twice as well.
    pairs = {(t.a, t.b) for t in twins} | {(t.b, t.a) for t in twins}
    for lk in sorted(twins, key=order):
        if clusters.find(lk.a) != clusters.find(lk.b) and _twins_fit(units, clusters, lk, pairs):
            clusters.union(lk.a, lk.b)
    # (one source's passages alone — a phrase and the quote it repeats — are not a shared quote)
    return [g for g in clusters.groups() if len(clusters.sources[clusters.find(g[0])]) >= 2]


def _quote_links(units: Sequence[Unit], settings: Settings) -> tuple[list[Link], list[Link]]:
    """Every pair of quotes that ``_quote_link`` joins: across sources (links) and within one
    (twins, one source quoting the same words twice), in the order of their first quote.

    A pair is weighed when the two share a word that is not a stop word, or when the later one
    is a quote of one or two words sharing any word with the earlier. A quote many outlets print
    alike (a wire copy in a hundred papers) is one *variant* — the same words, speaker, negation
    and figures — and variants are compared with each other once: the pairs of copies are
    visited only for the variants that link, so a quote in N papers costs one comparison per
    other variant, not N² of them.
    """
    ids: dict[tuple, int] = {}
    keys = [ids.setdefault((u.tokens, u.speaker, u.sure, u.negated, u.numbers), len(ids)) for u in units]
    copies: list[list[int]] = [[] for _ in ids]
    for i, k in enumerate(keys):
        copies[k].append(i)
    words = [set(units[c[0]].tokens) for c in copies]
    short = [len(units[c[0]].tokens) <= 2 for c in copies]
    everywhere: dict[str, list[int]] = defaultdict(list)  # word -> the variants that have it
    for v, ws in enumerate(words):
        for w in ws:
            everywhere[w].append(v)
    budget = pair_budget(len(words))
    common = too_common({t: len(vs) * (len(vs) + 1) // 2 for t, vs in everywhere.items() if t not in STOPWORDS},
                        budget)
    shorts: dict[str, int] = defaultdict(int)  # word -> how many one- or two-word quotes have it
    for v, ws in enumerate(words):
        if short[v]:
            for w in ws:
                shorts[w] += 1
    common_to_short = too_common({t: n * len(everywhere[t]) for t, n in shorts.items()}, budget)
    weighed: dict[tuple[int, int], None] = {}  # the pairs of variants to compare (v <= w), in order
    for v, ws in enumerate(words):
        if len(copies[v]) > 1:  # (copies of one quote are weighed whatever their words)
            weighed[(v, v)] = None
        for tok in ws:
            if tok in STOPWORDS or tok in common:
                continue
            for w in everywhere[tok]:
                if w >= v:
                    weighed[(v, w)] = None
        if short[v]:  # a quote of one or two words is weighed against every quote sharing a word
            for tok in ws:
                if tok in common_to_short:
                    continue
                for w in everywhere[tok]:
                    # (both ways round: which comes first depends on the order the articles were
                    # given in, and the answer must not)
                    weighed[(min(v, w), max(v, w))] = None
    verdicts: dict[tuple[int, int], tuple[float, str, bool] | None] = {}

    def verdict(i: int, j: int) -> tuple[float, str, bool] | None:
        pair = (keys[i], keys[j])
        if pair not in verdicts:
            found = _quote_link(units, i, j, settings)
            verdicts[pair] = None if found is None else (found.score, found.kind, found.a == i)
        return verdicts[pair]

    found: list[tuple[int, int, Link]] = []
    for v, w in weighed:
        # the verdict depends only on the two variants and which comes first
        pair_up = v != w or len(copies[v]) > 1
        ahead = verdict(copies[v][0], copies[w][0 if v != w else 1]) if pair_up else None
        behind = verdict(copies[w][0], copies[v][0]) if v != w else None
        if ahead is None and behind is None:
            continue
        pairs = ([(i, j) for a, i in enumerate(copies[v]) for j in copies[v][a + 1 :]] if v == w
                 else [(i, j) for i in copies[v] for j in copies[w]])
        for i, j in pairs:
            got, first, second = (ahead, i, j) if i < j else (behind, j, i)
            if got is not None:
                lk = Link(first, second, got[0], got[1]) if got[2] else Link(second, first, got[0], got[1])
                found.append((first, second, lk))
    found.sort(key=lambda f: (f[0], f[1]))
    links: list[Link] = []
    twins: list[Link] = []
    for i, j, link in found:
        if units[j].source != units[i].source:
            links.append(link)
        elif not units[i].span.overlaps(units[j].span) and _twin(units, link):
            twins.append(link)
    return links, twins


def pair_budget(variants: int) -> int:
    """How many pairs of quotes may be weighed: far above what real reporting needs (a news
    cycle of 1,000 articles, 1,353 distinct quotes, weighs 83,000 pairs), far below the square of
    a hostile input's (50,000 one-line paragraphs of the same fifteen words would weigh every
    quote against every other: hours)."""
    return 150_000 + 20 * variants


def too_common(cost: dict[str, int], budget: int) -> set[str]:
    """The words too common to propose pairs, given what each would cost (``cost``: how many
    pairs it proposes): words are taken rarest first while their pairs fit ``budget``; the rest
    are treated as stop words. On real reporting nothing is left out; on text made of a few
    words repeated, the words that propose nearly every pair (and tell nothing) are. A pair
    that shares a rarer word is still weighed, so the quotes worth linking still are."""
    total, out = 0, set()
    for word, c in sorted(cost.items(), key=lambda wc: (wc[1], wc[0])):
        total += c
        if total > budget:
            out.add(word)
    return out


def _twin(units: Sequence[Unit], link: Link) -> bool:
    """One source quoting the same words twice: a repeat, or a phrase of its own longer quote
    ("a “faulty configuration change”" and later the whole statement)."""
    a, b = units[link.a], units[link.b]
    named = a.sure and b.sure and bool(a.speaker and b.speaker) and _same_speaker(a.speaker, b.speaker)
    n = len(a.tokens)
    # The same remark retold a little differently ("with such a privileged job comes a big
    # responsibility" / "with such a privileged role, comes responsibility") when the speaker
    # is named in both.
    if link.kind in ("same", "fragment") and n >= 5 and (
        link.score >= 0.9 or (link.score >= 0.8 and n >= 8) or (link.score >= 0.7 and n >= 8 and named)
    ):
        return True
    short, long_ = a.tokens, b.tokens
    content = [t for t in short if t not in STOPWORDS]
    # Three words with one that means something ("I am sorry") repeat the longer quote only when
    # both name the same speaker outright; two content words say it on their own.
    enough = len(content) >= 2 or (named and len(short) >= 3 and len(content) == 1)
    inside = _contiguous(short, long_) or _close_in_order(short, long_)
    return link.kind in ("fragment", "scare") and enough and inside


def _twins_fit(units: Sequence[Unit], clusters: _Clusters, lk: Link, pairs: set[tuple[int, int]]) -> bool:
    """Two groups joined by a twin: every passage one source has in both is the same words
    twice, or two separate pieces of a quotation another source of the two carries whole
    ("unsafe campus environment" and "hostile to Jewish students" beside the whole letter).
    ``pairs``: the twins, both ways round."""
    mine, theirs = clusters.members[clusters.find(lk.a)], clusters.members[clusters.find(lk.b)]
    merged = mine + theirs
    for m in mine:
        for n in theirs:
            if units[m].source == units[n].source and (m, n) not in pairs and not _pieces(units, m, n, merged):
                return False
    return True


def _quote_link(units: Sequence[Unit], i: int, j: int, settings: Settings) -> Link | None:
    a, b = units[i].tokens, units[j].tokens
    if not a or not b:
        return None
    short_i, long_i = (i, j) if len(a) <= len(b) else (j, i)
    short, long_ = units[short_i].tokens, units[long_i].tokens
    common = LCSseq.similarity(short, long_)
    same = common / len(long_)
    contained = common / len(short)
    if len(short) >= 3 and same >= settings.quote_same:
        return Link(i, j, same, "same")
    speakers = units[short_i].speaker, units[long_i].speaker
    agree = not all(speakers) or _same_speaker(*speakers)
    if len(short) >= 8 and same >= settings.quote_same - 0.1 and _content_same(short, long_) >= 0.6 and agree:
        return Link(i, j, same, "same")  # one statement reworded: most words and most content words shared
    if short == long_ and any(t not in STOPWORDS for t in short):
        return Link(i, j, 1.0, "same")  # the same short phrase quoted by both
    named = units[short_i].sure and units[long_i].sure
    if not agree and (named or len(short) <= 2):
        return None  # a fragment is weak evidence: a different speaker, named outright, vetoes it
    if len(short) >= 3 and contained >= settings.fragment_contained and (
        len(short) >= 5 or _contiguous(short, long_) or (len(short) == 4 and _one_gap(short, long_))
    ):
        return Link(short_i, long_i, contained, "fragment")
    if len(short) <= 2 and _contiguous(short, long_) and all(speakers) and agree:
        return Link(short_i, long_i, 0.5, "scare")  # one or two words: only with the same named speaker
    both_named = agree and all(speakers) and units[short_i].sure and units[long_i].sure
    one_named = agree and all(speakers) and (units[short_i].sure or units[long_i].sure)
    if one_named and len(short) <= 4 and _close_in_order(short, long_):
        return Link(short_i, long_i, 0.75, "fragment")  # “anger and disappointment” / “your anger, your disappointment”
    alike = units[i].negated == units[j].negated and not (units[i].numbers ^ units[j].numbers)
    if both_named and (_shared_run(short, long_) >= 8 or (alike and _same_remark(short, long_))):
        # One sentence, quoted word for word up to a point and differently after it ("It is also
        # only the second time that the impact …" / "… that the high probability …"): a
        # discrepancy worth showing side by side, not two statements
        return Link(i, j, same, "same")
    return None


def _by_context(units: Sequence[Unit], clusters: _Clusters, short: int, links: list[Link]) -> Link | None:
    around = units[short].context
    scored: dict[int, tuple[int, Link]] = {}
    for lk in links:
        root = clusters.find(lk.b)
        words = set().union(*(units[m].content for m in clusters.members[root]))
        overlap = len(around & words)
        if root not in scored or overlap > scored[root][0]:
            scored[root] = (overlap, lk)
    ranked = sorted(scored.values(), key=lambda s: -s[0])
    if ranked[0][0] >= 1 and ranked[0][0] > ranked[1][0]:
        return ranked[0][1]
    return None


def _shared_run(short: tuple[str, ...], long_: tuple[str, ...]) -> int:
    """The longest run of words the two quotes share, counted only when it carries two
    content words at least (a shared "and I think that it is the" is no evidence)."""
    m = SequenceMatcher(None, short, long_, autojunk=False).find_longest_match(0, len(short), 0, len(long_))
    run = short[m.a : m.a + m.size]
    return m.size if sum(t not in STOPWORDS for t in run) >= 2 else 0


def _same_remark(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """One remark reported in other words by the same named speaker ("The majority of them were
    bumps, bruises and cuts" / "A majority of those injuries were minor … bumps and bruises"):
    three content words or more, and three quarters of the shorter quote's, in both."""
    a = {t for t in short if t not in STOPWORDS}
    shared = a & {t for t in long_ if t not in STOPWORDS}
    return len(short) >= 6 and len(shared) >= 3 and len(shared) >= 0.75 * len(a)


def _content_same(short: tuple[str, ...], long_: tuple[str, ...]) -> float:
    a = [t for t in short if t not in STOPWORDS]
    b = [t for t in long_ if t not in STOPWORDS]
    return LCSseq.similarity(a, b) / max(len(a), len(b), 1)


_LEGAL = re.compile(r"\s+(?:Inc|Corp|Corporation|Ltd|plc|LLC|Co|Group|Systems)\.?$")


def _same_speaker(a: str, b: str) -> bool:
    """One speaker under two spellings: "Facebook" and "Facebook Inc", "Ardern" and "Jacinda Ardern"."""
    a, b = _LEGAL.sub("", a), _LEGAL.sub("", b)
    return a == b or a.split()[-1] == b.split()[-1] or is_acronym_of(a, b) or is_acronym_of(b, a)


def _one_gap(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Every word of a short quote in the longer one, in order, with one word between two of them
    at most once ("enough in the tank" in "enough left in the tank"), and two content words."""
    if sum(t not in STOPWORDS for t in short) < 2:
        return False
    for k in range(len(long_)):
        if long_[k] != short[0]:
            continue
        i, j, gaps = 1, k + 1, 0
        while i < len(short) and j < len(long_):
            if long_[j] == short[i]:
                i += 1
            elif gaps == 0 and j + 1 < len(long_) and long_[j + 1] == short[i]:
                gaps = 1
            else:
                break
            j += 1
        if i == len(short):
            return True
    return False


def _close_in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """The content words of a short quote (two at least), in order and close together in the
    longer one: the same phrase with its little words changed ("anger and disappointment" in
    "your anger, your disappointment")."""
    content = [t for t in short if t not in STOPWORDS]
    if len(content) < 2:
        return False
    for k, tok in enumerate(long_):
        if tok != content[0]:
            continue
        i, j = 1, k + 1
        while i < len(content) and j < len(long_) and j - k < len(short) + 1:
            i += long_[j] == content[i]
            j += 1
        if i == len(content):
            return True
    return False


def _contiguous(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long_[k : k + n] == short for k in range(len(long_) - n + 1))


def _sources_disjoint(clusters: _Clusters, a: int, b: int) -> bool:
    return clusters.sources[clusters.find(a)].isdisjoint(clusters.sources[clusters.find(b)])


def _fragments_fit(units: Sequence[Unit], clusters: _Clusters, short: int, target: int) -> bool:
    """Two passages of one source may share a group only as separate pieces of one quote that
    another source carries whole (a quote split in two), never as two whole quotes."""
    mine = clusters.members[clusters.find(short)]
    theirs = clusters.members[clusters.find(target)]
    merged = mine + theirs
    return all(
        units[m].source != units[n].source or _pieces(units, m, n, merged) for m in mine for n in theirs
    )


def _pieces(units: Sequence[Unit], m: int, n: int, merged: list[int]) -> bool:
    """Two passages of one source are separate pieces of a quotation that another source of
    ``merged`` carries whole: apart in the text, and each shorter than that whole."""
    if units[m].span.overlaps(units[n].span):
        return False
    whole = [len(units[k].tokens) for k in merged if units[k].source != units[m].source]
    return bool(whole) and max(len(units[m].tokens), len(units[n].tokens)) < max(whole)


# ---------------------------------------------------------------- claims


def link_claims(
    units: Sequence[Unit], cancelled: Callable[[], bool] | None = None, settings: Settings = DEFAULT,
    matcher: ClaimMatcher | None = None, near: list[tuple[int, int, float]] | None = None,
) -> list[list[int]]:
    """Claims into groups: pairs the matcher scores high enough, clustered with one sentence per
    source, then pairs just short of that with nothing to tell them apart (``_bare_links``), the
    facts one source tells twice, copies' sentences between anchors, and
    sentences that state a second group's fact too. ``near`` collects the pairs scored just short
    of a link, for ``related_sentences``."""
    matcher = matcher if matcher is not None else LexicalMatcher(units, settings)
    links: list[Link] = []
    twins: set[tuple[int, int]] = set()  # one source telling the same fact twice (a standfirst and the lead)

    def scan(part: int) -> list[tuple[int, list[Link], list[tuple[int, int, float]], list[int]]]:
        """Candidates and scores for one part of the sentences (copies of a sentence together)."""
        out = []
        for i in members[part]:
            others, mine = matcher.candidates(i)
            found, close = [], []
            for j in others:
                score = matcher.score(i, j)
                if score >= settings.claim_link:
                    found.append(Link(i, j, score, "claim"))
                elif score >= settings.claim_related:
                    close.append((i, j, score))
            out.append((i, found, close, [j for j in mine if matcher.score(i, j) >= settings.claim_twin]))
        return out

    def check(_: int) -> None:
        if cancelled is not None and cancelled():
            raise _Stopped

    # Each sentence's candidates are independent of the others': scanned on every core, in parts
    # that keep copies of a sentence together (their candidates are found once).
    parts = max(1, min(64, len(units) // 100))
    members: list[list[int]] = [[] for _ in range(parts)]
    kin: Callable[[int], int] = getattr(matcher, "kin", lambda i: i)
    for i in sorted(range(len(units)), key=kin):
        members[kin(i) % parts].append(i)
    try:
        scanned = map_shares(scan, [sum(len(units[i].text) for i in m) for m in members], check)
    except _Stopped:
        return []
    below: list[tuple[int, int, float]] = []  # pairs scored from claim_related up to a link
    for i, found, close, mine in sorted((row for part in scanned for row in part), key=lambda row: row[0]):
        links.extend(found)
        below.extend(close)
        if near is not None:
            near.extend(close)
        for j in mine:
            twins |= {(i, j), (j, i)}
    clusters = _Clusters(units)
    ordered = sorted(links, key=_orderer(units))
    for lk in ordered:
        if _sources_disjoint(clusters, lk.a, lk.b):
            clusters.union(lk.a, lk.b)
    for lk in _bare_links(units, links, below):
        if _sources_disjoint(clusters, lk.a, lk.b) and _bare_fits(clusters, lk, matcher, settings):
            clusters.union(lk.a, lk.b)  # (and not among the links below: they join no two groups)
    # A fact is not split in two because one source told it twice: two groups a link joins
    # become one when every source they share has its two sentences saying the same.
    for lk in ordered:
        if clusters.find(lk.a) != clusters.find(lk.b) and _claim_twins_fit(units, clusters, lk, twins):
            clusters.union(lk.a, lk.b)
    # Copies of one report: a sentence between the same two shared sentences in both is the
    # same sentence reworded, at a lower score (see anchors.py).
    def loose(i: int, j: int) -> float:
        return matcher.score(i, j, min_shared=2)

    for i, j, score in anchored_links(units, clusters.groups(), loose, settings.claim_anchored):
        if _sources_disjoint(clusters, i, j):
            clusters.union(i, j)
            ordered.append(Link(i, j, score, "claim"))
    groups = {clusters.find(m[0]): list(m) for m in clusters.groups()}
    # One sentence, several facts: a sentence that states another group's fact as surely as
    # that group's own members do joins it as well (a lead with both the toll and the place),
    # when its source has no sentence there yet.
    extra: dict[int, set[int]] = defaultdict(set)
    extra_sources: dict[int, set[str]] = defaultdict(set)
    for lk in ordered:
        for a, b in ((lk.a, lk.b), (lk.b, lk.a)):
            home, there = clusters.find(a), clusters.find(b)
            if home == there:
                continue
            # (a sentence alone so far makes a group with it)
            if units[a].source in clusters.sources[there] or units[a].source in extra_sources[there]:
                continue
            if lk.score >= settings.claim_also:
                extra[there].add(a)
                extra_sources[there].add(units[a].source)
    for root, added in extra.items():
        groups[root] = sorted(groups.get(root, [root]) + list(added))
    return [g for g in groups.values() if len({units[i].source for i in g}) >= 2]


def _bare_links(units: Sequence[Unit], links: Sequence[Link], below: Sequence[tuple[int, int, float]]) -> list[Link]:
    """Pairs scored just under a link (``claim_related`` up to ``claim_link``) that are linked
    after all: neither sentence gives a figure, neither names a day or month the other does not,
    and each is the other's closest sentence in the other's source (among every pair scored from
    ``claim_related`` up). Measured on the development set, the pairs in that band that are
    different facts are mostly sentences on one topic that give different figures or dates
    (another count, another day's event): a figure or a date one sentence gives and the other
    lacks is the usual sign it reports something else. Of the annotated pairs in that band where
    neither sentence gives a figure, 21 were one fact and 4 two. (Strongest first, as links are;
    ``_bare_fits`` says where such weak evidence may put a sentence.)"""
    best: dict[tuple[int, str], float] = defaultdict(float)
    for i, j, score in [(lk.a, lk.b, lk.score) for lk in links] + list(below):
        for x, y in ((i, j), (j, i)):
            key = (x, units[y].source)
            best[key] = max(best[key], score)
    bare = [Link(i, j, score, "claim") for i, j, score in below
            if not units[i].numbers and not units[j].numbers and _dates(units[i]) == _dates(units[j])
            and score >= best[(i, units[j].source)] and score >= best[(j, units[i].source)]]
    return sorted(bare, key=_orderer(units))


def _dates(unit: Unit) -> frozenset[str]:
    return frozenset(t for t in unit.tokens if t in CALENDAR_WORDS)


def _bare_fits(clusters: _Clusters, lk: Link, matcher: ClaimMatcher, settings: Settings) -> bool:
    """Where a link below the threshold may put a sentence: with another sentence no group holds
    yet, or into a group every member of which it scores ``claim_related`` with — never joining
    two groups (chaining two groups on weak evidence is how unrelated facts of one topic end up
    together)."""
    a, b = clusters.find(lk.a), clusters.find(lk.b)
    sizes = len(clusters.members[a]), len(clusters.members[b])
    if min(sizes) > 1:
        return False
    if max(sizes) == 1:
        return True
    single, group = (lk.a, b) if sizes[0] == 1 else (lk.b, a)
    return all(matcher.score(min(single, m), max(single, m)) >= settings.claim_related
               for m in clusters.members[group])


class _Stopped(Exception):
    """The user cancelled while claims were being scanned."""


def _claim_twins_fit(units: Sequence[Unit], clusters: _Clusters, lk: Link, twins: set[tuple[int, int]]) -> bool:
    mine, theirs = clusters.members[clusters.find(lk.a)], clusters.members[clusters.find(lk.b)]
    return all(units[m].source != units[n].source or (m, n) in twins for m in mine for n in theirs)


def related_sentences(
    near: Sequence[tuple[int, int, float]], linked: set[int], by_hand: set[tuple[str, int]] | None = None,
) -> list[tuple[int, int, float]]:
    """Of the pairs ``link_claims`` scored just short of a link, each unlinked sentence with its
    best counterpart in another source: (i, j, score). Measured on the development set, pairs in
    this band were the same fact half the time — so neither "the same claim" nor "only in one
    source" is honest for them."""
    hand = {i for kind, i in (by_hand or set()) if kind == "claim"}
    best: dict[int, tuple[float, int]] = {}
    for i, j, score in near:
        if i in hand or j in hand or (i in linked and j in linked):
            continue
        for x, y in ((i, j), (j, i)):
            if x not in linked and (x not in best or score > best[x][0]):
                best[x] = (score, y)
    return sorted({(min(x, y), max(x, y), s) for x, (s, y) in best.items()})
