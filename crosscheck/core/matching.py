"""Whether two sentences state the same fact: the seam between scoring and clustering.

Clustering (``align.link_claims``) asks a ``ClaimMatcher`` for each sentence's candidates and
for a score between two sentences, and nothing else; the window and the reports see only the
groups. So a better scorer (a trained model over the same lexical evidence, say) replaces
``LexicalMatcher`` and touches nothing downstream. Every weight lives in ``Settings`` and is
saved with a project, so a comparison reproduces.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from rapidfuzz import fuzz

from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.units import Unit

CANDIDATES_PER_UNIT = 12  # other sources' sentences scored per sentence (the rarest shared words first)
TWIN_CANDIDATES = 2  # the same source's sentences scored per sentence (a fact told twice)


def common_limit(sentences: int) -> int:
    """How many sentences a word may be in and still point at candidates: a word in a quarter of
    all sentences, or in more than 200, tells nothing about which sentence another is (a score
    still counts it)."""
    return max(50, min(sentences // 4, 200))


class ClaimMatcher(Protocol):
    """(A matcher may also have ``kin(i) -> int``: an id shared by sentences whose candidates are
    found alike, copies of one sentence; they are then asked about one after another, so that
    the matcher can reuse its work.)"""

    def candidates(self, i: int) -> tuple[list[int], list[int]]:
        """Sentences after ``i`` worth scoring: (other sources', the same source's)."""
        ...

    def score(self, i: int, j: int, min_shared: int | None = None) -> float:
        """How surely sentences ``i`` and ``j`` state one fact, 0..1."""
        ...


class LexicalMatcher:
    """Content words weighted by rarity in the whole comparison (topic words every article uses
    count for little), word order, and figures; candidates from an inverted index, never all
    pairs. Measured on the MSRP news-paraphrase test, such lexical scores do as well as a small
    sentence-embedding model (see README)."""

    def __init__(self, units: Sequence[Unit], settings: Settings = DEFAULT) -> None:
        self.units, self.settings = units, settings
        df = Counter(stem for u in units for stem in u.content)
        n = len(units) or 1
        self.idf = {stem: math.log((n + 1) / (count + 0.5)) for stem, count in df.items()}
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(units):
            for stem in u.content:
                self.index[stem].append(i)
        self.common = common_limit(n)
        # Per sentence, once: its content weight and its words joined (for word order); and one
        # id per distinct wording, so copies of a sentence (a wire story in many papers) are
        # scored against another sentence once.
        self._weight = [math.fsum(self.idf.get(s, 0.0) for s in u.content) for u in units]
        # Candidates are ranked by whole numbers (the rarity in millionths): a sum of them does not
        # depend on the order a set of words happens to be walked in, so neither does the ranking.
        self._rank = {stem: round(v * 1_000_000) for stem, v in self.idf.items()}
        self._joined = [" ".join(u.tokens) for u in units]
        ids: dict[tuple, int] = {}
        self._wording = [ids.setdefault((u.tokens, u.content, u.numbers, frozenset(c[0] for c in u.counts)), len(ids))
                         for u in units]
        self._scores: dict[tuple[int, int, int], float] = {}
        self._sources = [u.source for u in units]
        kins: dict[frozenset[str], int] = {}
        self._kin = [kins.setdefault(u.content, len(kins)) for u in units]
        self._sums: tuple[int, dict[int, int]] = (-1, {})  # the last sentences' shared-word sums

    def kin(self, i: int) -> int:
        """Sentences with the same content words share candidates (see ``ClaimMatcher``)."""
        return self._kin[i]

    def candidates(self, i: int) -> tuple[list[int], list[int]]:
        u = self.units[i]
        kin = self._kin[i]
        if self._sums[0] != kin:  # every sentence sharing a word with this one, and how rare the words
            sums: dict[int, int] = defaultdict(int)
            for stem in u.content:
                postings = self.index[stem]
                if len(postings) <= self.common:
                    weight = self._rank[stem]
                    for j in postings:
                        sums[j] += weight
            self._sums = (kin, sums)
        others: dict[int, int] = {}
        mine: dict[int, int] = {}
        sources, source = self._sources, u.source
        for j, v in self._sums[1].items():
            if j > i:
                (others if sources[j] != source else mine)[j] = v
        return _top(others, CANDIDATES_PER_UNIT), _top(mine, TWIN_CANDIDATES)

    def score(self, i: int, j: int, min_shared: int | None = None) -> float:
        need = self.settings.claim_min_shared if min_shared is None else min_shared
        key = (self._wording[i], self._wording[j], need)
        found = self._scores.get(key)
        if found is None:
            found = claim_score(self.units[i], self.units[j], self.idf, need, self.settings,
                                (self._weight[i], self._weight[j]), (self._joined[i], self._joined[j]))
            self._scores[key] = found
        return found


def _top(scores: dict[int, int], k: int) -> list[int]:
    """The ``k`` best-scored sentences, ties by position. (The k-th best score is found by sorting
    the bare numbers, then only the sentences that reach it are ranked: a common word gives a
    sentence thousands of candidates, and ranking them all was most of the time spent.)"""
    if len(scores) > k:
        floor = sorted(scores.values(), reverse=True)[k - 1]
        scores = {j: v for j, v in scores.items() if v >= floor}
    return [j for j, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def telling_figure(value: str) -> bool:
    """A figure that singles out one fact when two sentences share it: 1,300 jobs, 6.8 per cent,
    72 dead. Small whole numbers (two years, three countries) and years (a story's every sentence
    may say 2023) are shared by sentences about different facts all the time; a specific count
    or a decimal rarely is."""
    try:
        v = float(value)
    except ValueError:
        return False
    if v == int(v):
        return v > 10 and not 1900 <= v <= 2100
    return True


# Figures that are no count of anything: the second half of a season or a financial year
# ("2024-25", "1999/2000"); an age that describes someone ("the 29-year-old"), which two
# sentences about different moments of one person's story share (as in units.py); and a name
# with a number in it ("P-22", "F-35", "Covid-19"), which a story's every sentence may give
_NOT_COUNTS = re.compile(
    r"\b(?:19|20)\d\d\s*[-–/]\s*(\d{2,4})\b|\b(\d+)[-\s]years?[-\s]old\b|\b[A-Za-z]{1,5}-(\d+)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _not_counts(text: str) -> frozenset[str]:
    return frozenset(str(int(next(g for g in m.groups() if g))) for m in _NOT_COUNTS.finditer(text))


def _shares_telling_figure(a: Unit, b: Unit) -> bool:
    """The two give the same telling figure, and neither gives another telling figure the other
    lacks: a sentence with a second specific figure ("eliminating 1,300 jobs one year after
    trimming 6,500") tells a second fact, and the one it shares is no longer the whole story."""
    aside = _not_counts(a.text) | _not_counts(b.text)
    if any(telling_figure(v) for v in (a.numbers ^ b.numbers) - aside):
        return False
    return any(telling_figure(v) for v in (a.numbers & b.numbers) - aside)


def claim_score(a: Unit, b: Unit, idf: dict[str, float], min_shared: int = DEFAULT.claim_min_shared,
                settings: Settings = DEFAULT, weights: tuple[float, float] | None = None,
                joined: tuple[str, str] | None = None) -> float:
    """How surely two sentences state the same thing, 0..1.

    Rarity-weighted overlap of content words (and figures, by value) carries most of the
    evidence; word order (token sort ratio) separates rewordings from sentences that merely
    share a topic; numbers that agree add a little (numbers that differ are kept as a
    possible factual conflict rather than counted against the link), a little more when the
    figure is a telling one (see ``telling_figure``), and two sentences that
    count the same thing are likelier to be one claim, even with different figures.
    ``weights`` and ``joined``: each sentence's content weight and joined words, when the
    caller has them already.
    """
    shared = a.content & b.content
    # A shared figure ("£3.5m" / "3.5 million") is strong evidence: it stands for a word.
    need = min(min_shared, len(a.content), len(b.content)) - any(s.startswith("#") for s in shared)
    if len(shared) < max(need, 2):
        return 0.0
    # (fsum: exact, so a score never depends on the order a set of words is walked in)
    w = math.fsum(idf.get(s, 0.0) for s in shared)
    wa, wb = weights or (math.fsum(idf.get(s, 0.0) for s in a.content), math.fsum(idf.get(s, 0.0) for s in b.content))
    if not wa or not wb:
        return 0.0
    jaccard = w / (wa + wb - w)
    contained = w / min(wa, wb)
    ja, jb = joined or (" ".join(a.tokens), " ".join(b.tokens))
    order = fuzz.token_sort_ratio(ja, jb) / 100
    score = settings.claim_w_overlap * jaccard + settings.claim_w_contained * contained + settings.claim_w_order * order
    if a.numbers and b.numbers and a.numbers & b.numbers:
        score += settings.claim_w_same_figure
        if _shares_telling_figure(a, b):
            score += settings.claim_w_telling_figure
    if {c[0] for c in a.counts} & {c[0] for c in b.counts}:
        score += settings.claim_w_same_count  # both count the same thing ("… passengers a day"), whatever the figure
    return max(0.0, min(1.0, score))
