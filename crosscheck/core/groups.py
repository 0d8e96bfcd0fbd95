"""Turning linked passages into explained groups: diffs, change kinds, findings and reasons.

Every group says why its passages were linked (speaker, share of words, names, numbers) and
lists candidate problems ranked by severity: a changed word inside a quote (misquote), one
quote given to different people (attribution conflict), aligned claims whose numbers, dates or
negation disagree (factual conflict). Noise (spelling, brackets, quote marks) is classified but
never raised as a finding.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import LCSseq

from crosscheck.core.diff import Change, compare_versions, similarity, word_diff
from crosscheck.core.findings import Confidence, Finding, FindingKind
from crosscheck.core.model import Diff, Group, Member, Unique
from crosscheck.core.normalize import CALENDAR_WORDS, DURATION_HOURS, figures, figures_agree, tokenize
from crosscheck.core.people import misspelt_alike
from crosscheck.core.units import Unit

_FACTUAL = {"number", "date", "negation"}
ALL_PAIRS_UP_TO = 8  # larger groups are diffed against the pivot only (pairs grow as n²)


def build_group(
    gid: str, kind: str, units: Sequence[Unit], members_idx: Sequence[int], by_hand: bool = False,
    originals: frozenset[str] = frozenset(),
) -> Group:
    """The group of ``members_idx``: its members, diffs, findings and label.

    ``originals``: sources that are the original document (a statement, a ruling, a transcript
    opened as a PDF or Word file). Their words *are* what was said, marked or not: a version
    there counts as verbatim when outlets' wordings are judged against it, and printing the
    words without quotation marks is no finding against the original itself.
    """
    chosen = sorted((units[i] for i in members_idx), key=lambda u: (u.order, u.span.start))
    pivot = _pivot(kind, chosen)
    members = tuple(
        Member(u.source, u.span, u.text, u.speaker, u.partial or _is_fragment(u, chosen), u.quoted) for u in chosen
    )
    p_index = chosen.index(pivot)
    diffs: list[Diff] = []
    findings: list[Finding] = []
    # Every member is diffed against the pivot; in small claim groups every other pair is checked
    # too, so a word two non-pivot members disagree on is still found (and that diff listed).
    pairs = [(p_index, k) for k in range(len(chosen)) if k != p_index]
    if kind == "claim" and len(chosen) <= ALL_PAIRS_UP_TO:
        # (only pairs that could disagree on a fact: figures, a date or a negation on either side;
        # the others' diffs are never shown and would only cost time)
        pairs += [(i, k) for i in range(len(chosen)) for k in range(i + 1, len(chosen))
                  if p_index not in (i, k) and _may_conflict(chosen[i], chosen[k])]
    # A source with several members here is judged by each piece of the statement it carries,
    # but of two versions of one piece (a quote repeated, a fact told twice) only by the one
    # closest to the pivot: a source is never said to misquote itself.
    superseded = {k for k, u in enumerate(chosen) for j, v in enumerate(chosen)
                  if j != k and v.source == u.source and _overlap(u, v) >= 0.5
                  and _closeness(v, pivot) > _closeness(u, pivot)}
    for i, k in pairs:
        a, b = chosen[i], chosen[k]
        ops, changes, sim = compare_versions(a.text, b.text, members[i].partial, members[k].partial)
        judged = a.source != b.source and i not in superseded and k not in superseded
        # (a piece that shares too little with the version it is set against — the part of a
        # quote another outlet elided — is not a changed wording of it)
        loud = [c for c in changes if c.severity >= 2] if judged and _alignable(a, b, sim) else []
        # Word-level conflicts are trusted only between close versions of one sentence; across
        # rewordings the diff is too coarse, and only counted figures (below) are compared.
        factual = [c for c in changes if c.kind in _FACTUAL and not _rounded(c) and not _qualified(c)
                   and not (c.kind == "number" and _counts_agree(a, b, c))] if sim >= 0.6 and judged else []
        if kind == "quote" and loud and (a.quoted or a.source in originals) and (b.quoted or b.source in originals):
            # (words given without quotation marks are reported speech, whose "we" becomes
            # "they": the unquoted finding says what differs, a misquote would not be fair)
            findings.append(_finding(FindingKind.MISQUOTE, max(c.severity for c in loud), a, b, loud, sim))
        if kind == "claim" and factual:
            findings.append(_finding(FindingKind.FACTUAL_CONFLICT, 3, a, b, factual, sim))
        if i == p_index or (kind == "claim" and factual):
            diffs.append(Diff(a.source, b.source, i, k, sim, tuple(ops), tuple(changes)))
    if kind == "claim":
        counted = _count_conflicts(chosen)
        # a figure two sources count differently is said once, by the count ("28 people (A) vs
        # 10 people (B)"), not again as a changed word between the same two
        told = {frozenset(pair) for f in counted for pair in _pairs(f.sources)}
        findings = [f for f in findings if f.values or frozenset(f.sources) not in told] + counted
    speakers = {u.source: u.speaker for u in chosen if u.speaker}
    if kind == "quote":
        findings.extend(_attribution_conflict(chosen))
        findings.extend(_unquoted([u for u in chosen if u.quoted or u.source not in originals]))
    findings.sort(key=lambda f: -f.severity)
    sim = min((d.similarity for d in diffs), default=1.0)
    return Group(
        id=gid, kind=kind, label=_label(kind, pivot, chosen), members=members, diffs=tuple(diffs),
        similarity=sim,
        why=tuple((["linked or unlinked by hand"] if by_hand else []) + _why(kind, chosen, diffs, speakers)),
        findings=tuple(findings),
    )


def unique_of(units: Sequence[Unit], grouped: set[int]) -> list[Unique]:
    return [
        Unique(u.source, u.span, u.kind, u.text, u.speaker)
        for i, u in sorted(enumerate(units), key=lambda iu: (iu[1].order, iu[1].span.start))
        if i not in grouped
    ]


def _pivot(kind: str, chosen: list[Unit]) -> Unit:
    """The member the others are compared with: the version most like all the others (so the
    odd one out shows as the change), preferring whole quotes to fragments."""

    # (each distinct wording is compared with each other once: a wire quote in fifty papers is
    # one wording, not fifty; fsum, so the total does not depend on the order of the members)
    copies = Counter(u.tokens for u in chosen)
    alike = {(a, b): LCSseq.normalized_similarity(a, b) for a in copies for b in copies}

    agreement = {a: round(math.fsum(alike[(a, t)] for t, n in copies.items() for _ in range(n - (t == a))), 6)
                 for a in copies}
    # Among equals, the article opened first — known by its id, not by where it stands now, so
    # that moving a column (or giving the articles in another order) never changes the pivot.
    opened = {sid: k for k, sid in enumerate(sorted({u.source for u in chosen}, key=lambda sid: (len(sid), sid)))}
    return max(chosen, key=lambda u: (not (kind == "quote" and u.partial), agreement[u.tokens], -opened[u.source]))


def _may_conflict(a: Unit, b: Unit) -> bool:
    dated = CALENDAR_WORDS.intersection(a.tokens) or CALENDAR_WORDS.intersection(b.tokens)
    return bool((a.numbers and b.numbers and a.numbers != b.numbers) or a.negated != b.negated or dated)


def _closeness(u: Unit, pivot: Unit) -> tuple[bool, float, int, int]:
    return (u is pivot, LCSseq.normalized_similarity(u.tokens, pivot.tokens), len(u.tokens), -u.span.start)


def _overlap(u: Unit, v: Unit) -> float:
    """How much of the shorter passage the longer one repeats, in order."""
    return LCSseq.similarity(u.tokens, v.tokens) / max(1, min(len(u.tokens), len(v.tokens)))


def _alignable(a: Unit, b: Unit, sim: float) -> bool:
    return sim >= 0.4 or _overlap(a, b) >= 0.6


def _is_fragment(u: Unit, chosen: list[Unit]) -> bool:
    longest = max((len(o.tokens) for o in chosen if o.source != u.source), default=0)
    return u.kind == "quote" and len(u.tokens) < 0.7 * longest


def _counts_agree(a: Unit, b: Unit, change: Change) -> bool:
    """The changed figure is a count both sentences give for the same thing, and one value could
    satisfy both ("more than two dozen" / "thirty"): no conflict."""
    changed = {v for text in (change.deleted, change.inserted) for v, _, _ in figures(tokenize(text))}
    for thing in {c[0] for c in a.counts} & {c[0] for c in b.counts}:
        bounds: dict[str, set[str]] = {}
        for u in (a, b):
            for stem, figure, _, limit in u.counts:
                if stem == thing:
                    bounds.setdefault(figure, set()).add(limit)
        if thing == "~time":  # a duration told in another unit ("twelve hours" / "half a day")
            about = bool(DURATION_HOURS.keys() & {t.norm for t in tokenize(change.deleted + " " + change.inserted)})
        else:
            about = bool(changed) and changed <= set(bounds)
        if about and (_one_value(list(bounds)) or _ranges_meet(bounds)):
            return True
    return False


def _pairs(sources: Sequence[str]) -> list[tuple[str, str]]:
    return [(a, b) for k, a in enumerate(sources) for b in sources[k + 1 :]]


def _ranges_meet(bounds: dict[str, set[str]]) -> bool:
    """Whether one value could satisfy every source: each figure read as a point, a floor ("more
    than 24") or a ceiling ("nearly 300"), and a figure given two ways read as its point."""
    low, high = float("-inf"), float("inf")
    for figure, kinds in bounds.items():
        value = float(figure)
        kind = next(iter(kinds)) if len(kinds) == 1 else ""
        if kind != "<":
            low = max(low, value)
        if kind != ">":
            high = min(high, value)
    return low <= high and any(kinds != {""} for kinds in bounds.values())


def _one_value(values: list[str]) -> bool:
    """Whether every figure given agrees with every other once rounding is allowed for."""
    return all(figures_agree(a, b) for k, a in enumerate(values) for b in values[k + 1 :])


_TIME_UNITS = frozenset("second minute hour day week month year decade time percent cent".split())


def _some_sources_disagree(
    per_source: dict[str, set[str]], texts: dict[str, str], close: float, mentions: dict[str, frozenset[str]]
) -> bool:
    """Two sources none of whose figures for the thing agree with any of the other's, in passages
    whose words are at least ``close`` alike. A source that gives the other's figure as well ("29,
    after first reporting 32") tells the update, it does not contradict it."""
    sids = sorted(per_source)
    for k, a in enumerate(sids):
        for b in sids[k + 1 :]:
            if any(figures_agree(x, y) for x in per_source[a] for y in per_source[b]):
                continue
            if any(figures_agree(x, y) for x in mentions[a] for y in per_source[b]) or any(
                    figures_agree(x, y) for x in mentions[b] for y in per_source[a]):
                continue
            if similarity(word_diff(texts[a], texts[b])) >= close:
                return True
    return False


def _rounded(change) -> bool:
    """A changed number that is the same value at another precision ("65,223" / "65,000")."""
    if change.kind != "number":
        return False
    a = [v for v, _, _ in figures(tokenize(change.deleted))]
    b = [v for v, _, _ in figures(tokenize(change.inserted))]
    return len(a) == len(b) == 1 and figures_agree(a[0], b[0])


def _qualified(change) -> bool:
    """A changed number that one side qualifies and the other does not ("12 Grammys" / "eight
    competitive Grammys"): two counts of different things, not a disagreement."""
    if change.kind != "number":
        return False
    sides = []
    for text in (change.deleted, change.inserted):
        tokens = tokenize(text)
        found = figures(tokens)
        last = max((end for _, _, end in found), default=-1)
        sides.append([t.norm for t in tokens[last + 1 :] if t.is_content and not t.is_number] if found else [])
    return bool(sides[0]) != bool(sides[1])


def _count_conflicts(chosen: list[Unit]) -> list[Finding]:
    """Figures for the same counted thing that disagree across members (``three cracks`` in
    two sources, ``four cracks`` in a third): one finding per counted thing, naming who says what."""
    findings: list[Finding] = []
    things = sorted({c[0] for u in chosen for c in u.counts})
    for thing in things:
        said: dict[str, dict[str, str]] = {}  # figure -> {source: as written}
        bounds: dict[str, set[str]] = {}  # figure -> how the sources bound it
        for u in chosen:
            for stem, figure, written, limit in u.counts:
                if stem == thing:
                    said.setdefault(figure, {})[u.source] = written
                    bounds.setdefault(figure, set()).add(limit)
        holders = [u for u in chosen if any(c[0] == thing for c in u.counts)]
        if _one_value(list(said)):
            continue  # the same figure, rounded differently: a wording difference, not a conflict
        if _ranges_meet(bounds):
            continue  # "more than two dozen" and "30": a figure inside a stated range agrees with it
        per_source: dict[str, set[str]] = {}
        for figure, by in said.items():
            for sid in by:
                per_source.setdefault(sid, set()).add(figure)
        texts = {u.source: u.text for u in holders}
        # Two sources' figures for the thing disagree, in passages close enough to be one fact:
        # "11 goals" and "91 goals" in loosely linked sentences are two facts, and a source giving
        # several figures for the thing ("42 days, or two 21-day cycles") is no evidence.
        # Durations of days or more recur in a story for other facts ("42 days, or two 21-day
        # cycles"), minutes and hours are one event's; other counts need passages loosely alike.
        long_time = thing == "~time" and max(float(f) for f in said) >= 24
        close = 0.6 if thing in _TIME_UNITS or long_time else 0.35
        mentions = {u.source: u.numbers for u in holders}
        if not _some_sources_disagree(per_source, texts, close, mentions):
            continue
        if len(said) > 1 and len({u.source for u in holders}) > 1:
            findings.append(Finding(
                FindingKind.FACTUAL_CONFLICT, 3, Confidence.MEDIUM,
                sources=tuple(sorted({sid for by in said.values() for sid in by})),
                values={figure: tuple(sorted(by)) for figure, by in said.items()},
                written={sid: text for by in said.values() for sid, text in by.items()},
            ))
    return findings


_HOW = {"after": "named after the quote", "before": "named before the quote",
        "continued": "continuing a run of that speaker's quotes"}


def _attribution_conflict(chosen: list[Unit]) -> list[Finding]:
    """The same words given to different people, raised only when each side names its person
    outright in the attribution: a speaker found by a pronoun, a role or the run of a paragraph
    is a guess, and a finding built on a guess would be worse than none."""
    # A full name on each side: a single word the engine could not complete ("Cisco") may be
    # an organisation speaking through the person the other outlet names.
    sure = {u.source: u for u in chosen if u.speaker and u.sure and u.person and len(u.speaker.split()) >= 2}
    names = list({u.speaker for u in sure.values()})
    if not any(not _same_person(a, b) for k, a in enumerate(names) for b in names[k + 1 :]):
        return []
    speakers = {sid: u.speaker for sid, u in sure.items() if u.speaker}
    return [Finding(
        FindingKind.ATTRIBUTION_CONFLICT, 3, Confidence.HIGH, sources=tuple(sorted(speakers)), speakers=speakers,
        evidence={sid: _HOW.get(u.how, u.how) for sid, u in sure.items()},
    )]


def _unquoted(chosen: list[Unit]) -> list[Finding]:
    """Words one source quotes and another gives as its own (or as indirect speech)."""
    plain = sorted({u.source for u in chosen if not u.quoted})
    marked = sorted({u.source for u in chosen if u.quoted} - set(plain))
    if not plain or not marked:
        return []
    return [Finding(FindingKind.UNQUOTED, 1, Confidence.HIGH, sources=tuple(marked + plain),
                    quoted_in=tuple(marked), unquoted_in=tuple(plain))]


def _same_person(a: str, b: str) -> bool:
    """One person under two spellings: the same surname, or the same first name and a surname
    one letter apart (an outlet's "Margaret Chen" for "Margaret Chan")."""
    return a.lower().split()[-1] == b.lower().split()[-1] or misspelt_alike(a, b)


def _finding(kind: FindingKind, severity: int, a: Unit, b: Unit, changes: list[Change], sim: float) -> Finding:
    """A word-level finding; how sure it is follows how alike the two versions are otherwise:
    a changed word in two nearly identical passages is surely a change, one in two loosely
    aligned passages may be an alignment's doing."""
    return Finding(kind, severity, Confidence.HIGH if sim >= 0.8 else Confidence.MEDIUM,
                   sources=(a.source, b.source), changes=tuple(changes))


def _short_speaker(unit: Unit) -> str:
    """A person by surname ("Ardern"), an institution or role as written ("company spokeswoman")."""
    if not unit.speaker:
        return "Unattributed"
    words = unit.speaker.split()
    return words[-1] if unit.person and len(words) > 1 and words[-1][:1].isupper() else unit.speaker


def _label(kind: str, pivot: Unit, chosen: Sequence[Unit]) -> str:
    """The group's name in lists: its pivot's words, for a quote with who said them — the pivot's
    speaker, else the one speaker every member that names one agrees on (a statement read
    from the original document, which prints no attribution, is still the mayor's)."""
    text = " ".join(pivot.text.split())
    snippet = text if len(text) <= 60 else text[:59].rstrip() + "…"
    if kind == "quote":
        named = [u for u in chosen if u.speaker]
        who = pivot if pivot.speaker or len({u.speaker for u in named}) != 1 else named[0]
        return f"{_short_speaker(who)}: “{snippet}”"
    return snippet


def _why(kind: str, chosen: list[Unit], diffs: list[Diff], speakers: dict[str, str]) -> list[str]:
    why: list[str] = []
    sources = len({u.source for u in chosen})
    if kind == "quote":
        names = sorted(set(speakers.values()))
        if len(names) == 1 and len(speakers) == sources:
            why.append(f"same speaker ({names[0]})")
        elif len(names) == 1:
            why.append(f"speaker {names[0]} where stated")
        elif names:
            why.append("different speakers: " + ", ".join(names))
        plain = [u for u in chosen if not u.quoted]
        why.append("quotation marks in all" if not plain else
                   "the same words, with quotation marks in some sources and without in others")
        if any(u.partial for u in chosen):
            why.append("includes a partial quote or fragment of the longer quote")
    sims = [d.similarity for d in diffs]
    if sims:
        why.append(f"{round(100 * min(sims))}–{round(100 * max(sims))}% same words" if len(set(
            round(100 * s) for s in sims)) > 1 else f"{round(100 * sims[0])}% same words")
    if kind == "claim":
        common_names = set.intersection(*(set(u.names) for u in chosen)) if chosen else set()
        if common_names:
            why.append("same names: " + ", ".join(sorted(common_names)[:4]))
        nums = [u.numbers for u in chosen if u.numbers]
        if len(nums) > 1:
            shared = set.intersection(*(set(n) for n in nums))
            if shared:
                why.append("same numbers: " + ", ".join(sorted(shared)))
            elif all(any(figures_agree(x, y) for x in a for y in b) for k, a in enumerate(nums) for b in nums[k + 1 :]):
                why.append("same figure, rounded differently")  # "about €1.26 million" / "€1.3m"
            else:
                why.append("numbers differ")
    return why
