"""What the window shows, computed from a Comparison: highlights per column, coverage cells,
and each group's differences against the chosen reference source.

Pure functions over plain data, so the Qt layer only maps meanings to styles and the same
answers can be tested without a screen. Every highlight is a span of the source's shown text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.core.diff import NOISE, Change, ChangeKind, compare_versions
from crosscheck.core.findings import FindingKind
from crosscheck.core.model import Comparison, Group, Member, Phrase, Related, Source, Span
from crosscheck.core.names import display_names

# Meanings, quietest first; the Qt layer owns what each looks like (see ui/highlight.py).
QUOTE, CLAIM, UNIQUE_QUOTE, UNIQUE_CLAIM, BOILERPLATE, NOISE_CHANGE, CHANGE, CONFLICT = (
    "quote", "claim", "unique-quote", "unique-claim", "boilerplate", "noise-change", "change", "conflict",
)
PHRASE = "phrase"  # words another source shares, in a sentence no group links
RELATED = "related"  # a sentence with a near version elsewhere, not sure enough to link


CLOSE_VERSION = 0.5  # below this word similarity a quote is a rewording, not an edited copy
CLOSE_CLAIM = 0.7  # claims are reported in the reporter's own words: mark only near-copies


@dataclass(frozen=True)
class Highlight:
    span: Span
    meaning: str
    group: str | None = None  # the group id a click on it selects


@dataclass(frozen=True)
class MemberDiff:
    """One member compared with the reference member of its group."""

    member: Member
    index: int
    reference: Member | None  # None: this member is the reference, or the group lacks one
    ops: tuple[tuple[int, str], ...]
    changes: tuple[Change, ...]
    similarity: float


def reference_member(group: Group, reference: str | None) -> tuple[int, Member]:
    """The reference source's member (its longest, if several), else the group's pivot."""
    own = [(i, m) for i, m in enumerate(group.members) if m.source == reference]
    if own:
        return max(own, key=lambda im: (not im[1].partial, len(im[1].text)))
    pivot = group.diffs[0].a_index if group.diffs else 0
    return pivot, group.members[pivot]


def diffs_against(group: Group, reference: str | None) -> list[MemberDiff]:
    ref_index, ref = reference_member(group, reference)
    out = []
    for i, m in enumerate(group.members):
        if i == ref_index:
            out.append(MemberDiff(m, i, None, ((0, m.text),), (), 1.0))
            continue
        out.append(MemberDiff(m, i, ref, *compare_versions(ref.text, m.text, ref.partial, m.partial)))
    return out


def highlights(comparison: Comparison, reference: str | None) -> dict[str, list[Highlight]]:
    """Per source id, what to mark in its column: passages, then changed words on top."""
    out: dict[str, list[Highlight]] = {s.id: [] for s in comparison.sources}
    for sid, span in comparison.boilerplate:
        out[sid].append(Highlight(span, BOILERPLATE))
    for u in comparison.unique:
        out[u.source].append(Highlight(u.span, UNIQUE_QUOTE if u.kind == "quote" else UNIQUE_CLAIM))
    for r in comparison.related:
        out[r.a].append(Highlight(r.a_span, RELATED))
        out[r.b].append(Highlight(r.b_span, RELATED))
    for p in comparison.phrases:
        out[p.a].append(Highlight(p.a_span, PHRASE))
        out[p.b].append(Highlight(p.b_span, PHRASE))
    for g in comparison.groups:
        conflicted = disagreeing(g, reference)
        for m in g.members:
            out[m.source].append(Highlight(m.span, QUOTE if g.kind == "quote" else CLAIM, g.id))
        written = {sid: text for f in g.findings for sid, text in f.written.items()}
        for d in diffs_against(g, reference):
            if d.reference is None:
                continue
            figure = written.get(d.member.source)
            if figure and d.member.source in conflicted and figure in d.member.text:
                at = d.member.span.start + d.member.text.index(figure)
                out[d.member.source].append(Highlight(Span(at, at + len(figure)), CONFLICT, g.id))
            if d.similarity < (CLOSE_VERSION if g.kind == "quote" else CLOSE_CLAIM):
                continue  # a rewording: marking every other word would hide what matters
            for c in d.changes:
                if c.kind == ChangeKind.OUTSIDE or c.b_end <= c.b_start:
                    continue
                meaning = NOISE_CHANGE if c.kind in NOISE else (
                    CONFLICT if d.member.source in conflicted and c.severity >= 3 else CHANGE
                )
                start = d.member.span.start + c.b_start
                out[d.member.source].append(Highlight(Span(start, d.member.span.start + c.b_end), meaning, g.id))
    return out


# Coverage cells
SAME, REWORDED, CONFLICTING, ABSENT, REFERENCE = "same", "reworded", "conflict", "absent", "reference"


def coverage(comparison: Comparison, reference: str | None) -> list[list[str]]:
    """Rows are groups, columns are sources (in order): how each source carries each group."""
    rows = []
    for g in comparison.groups:
        by_source = {d.member.source: d for d in diffs_against(g, reference)}
        conflicted = disagreeing(g, reference)
        row = []
        for s in comparison.sources:
            d = by_source.get(s.id)
            if d is None:
                row.append(ABSENT)
            elif s.id in conflicted:
                row.append(CONFLICTING)
            elif d.reference is None:
                row.append(REFERENCE if s.id == reference else SAME)
            elif all(c.kind in NOISE for c in d.changes):
                row.append(SAME)
            else:
                row.append(REWORDED)
        rows.append(row)
    return rows


def disagreeing(group: Group, reference: str | None) -> set[str]:
    """Sources whose version conflicts with the reference's: another speaker, another figure,
    or a meaning-changing edit (a finding between them and the reference)."""
    _, ref = reference_member(group, reference)
    out: set[str] = set()
    for f in group.findings:
        if f.kind == FindingKind.ATTRIBUTION_CONFLICT:
            mine = f.speakers.get(ref.source)
            out |= {sid for sid, who in f.speakers.items() if mine and who != mine}
        elif f.values:
            mine = {fig for fig, sids in f.values.items() if ref.source in sids}
            out |= {sid for fig, sids in f.values.items() for sid in sids if mine and fig not in mine}
        elif ref.source in f.sources and f.severity >= 3:
            out |= set(f.sources) - {ref.source}
    return out - {ref.source}


def group_of_offset(comparison: Comparison, source_id: str, offset: int, after: str | None = None) -> str | None:
    """The group whose member in this source covers ``offset`` (the innermost, if nested).

    A sentence that states two facts is in two groups: given the group selected now
    (``after``), the next one over the same passage is returned, so clicking again walks them.
    """
    hits: list[tuple[int, int, str]] = []
    for n, g in enumerate(comparison.groups):
        for m in g.members:
            if m.source == source_id and m.span.start <= offset < m.span.end:
                hits.append((len(m.span), n, g.id))
    if not hits:
        return None
    innermost = min(size for size, _, _ in hits)
    ids = [gid for size, _, gid in sorted(hits) if size == innermost]
    if after in ids:
        return ids[(ids.index(after) + 1) % len(ids)]
    return ids[0]


def pairing_at(comparison: Comparison, source_id: str, offset: int) -> Related | Phrase | None:
    """The "similar elsewhere" pair or shared phrase a click at ``offset`` lands on, if any:
    what the reader wants to see next is the other source's side of it."""
    for pair in (*comparison.related, *comparison.phrases):
        for sid, span in ((pair.a, pair.a_span), (pair.b, pair.b_span)):
            if sid == source_id and span.start <= offset < span.end:
                return pair
    return None


def pairing_spans(comparison: Comparison, pair: Related | Phrase) -> tuple[Span, Span]:
    """The two passages to show for a pair: a related pair's sentences, or the sentences that
    hold a shared phrase (the phrase alone says nothing about what each source makes of it)."""
    if isinstance(pair, Related):
        return pair.a_span, pair.b_span

    def sentence(sid: str, span: Span) -> Span:
        return next((s for s in comparison.source(sid).sentences if s.start <= span.start < s.end), span)

    return sentence(pair.a, pair.a_span), sentence(pair.b, pair.b_span)


def letter(position: int) -> str:
    """Column letters as in a spreadsheet: A…Z, then AA, AB…"""
    out = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        out = chr(65 + rest) + out
    return out


def letters(comparison: Comparison) -> dict[str, str]:
    return {s.id: letter(i) for i, s in enumerate(comparison.sources)}


def outlet_names(comparison: Comparison) -> dict[str, str]:
    """Each source as the reader sees it in the window's column headers: "B · The Herald", its
    name told apart from any other source's that would read the same (``core/names.py``)."""
    return lettered_names(comparison.sources)


def lettered_names(sources: Sequence[Source]) -> dict[str, str]:
    """``outlet_names`` for a list of sources (the open ones, before any analysis)."""
    names = display_names(sources)
    return {s.id: f"{letter(i)} · {names[s.id]}" for i, s in enumerate(sources)}


def speakers(comparison: Comparison) -> list[str]:
    return sorted({m.speaker for g in comparison.groups for m in g.members if m.speaker})


def changed_count(diffs: Iterable[MemberDiff]) -> int:
    """Substantive changes (not noise, not a fragment's missing context) against the reference."""
    return sum(1 for d in diffs for c in d.changes if c.kind not in NOISE)
