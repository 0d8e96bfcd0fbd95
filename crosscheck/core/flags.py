"""The user's own judgement: flags on passages, and corrections to the engine's alignment.

Both are anchored to a span *and* the text it covered (with a little context), never to a group
id, so they stay on the right words whatever the analysis does. Finding an anchor again is pure:
the span if its text is still there, else the occurrence of the text whose context fits best,
else a close fuzzy match; when the words are gone the anchor is orphaned, never dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from rapidfuzz import fuzz

from crosscheck.core.model import Source, Span

CATEGORIES = (
    "misquote", "wording change", "omission / missing context", "factual conflict",
    "attribution conflict", "unsupported claim", "other",
)
SEVERITIES = ("low", "medium", "high")
STATUSES = ("open", "confirmed", "dismissed")
CONTEXT = 32  # characters of context kept on each side of an anchor


@dataclass(frozen=True)
class Anchor:
    """A passage of one source: where it was, what it said, and what surrounded it."""

    source: str
    start: int
    end: int
    text: str
    before: str = ""
    after: str = ""
    source_path: str = ""  # to find the article again if it is reopened under another id

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def anchor_at(source: Source, span: Span) -> Anchor:
    text = source.text
    return Anchor(source.id, span.start, span.end, text[span.start : span.end],
                  text[max(0, span.start - CONTEXT) : span.start], text[span.end : span.end + CONTEXT], source.path)


@dataclass(frozen=True)
class Flag:
    """A discrepancy a person flagged, with their category, severity, status and note."""

    id: str
    anchors: tuple[Anchor, ...]
    category: str = "other"
    severity: str = "medium"
    status: str = "open"
    note: str = ""
    group_label: str = ""  # what it was raised on, for the record
    finding: str = ""  # the engine finding kind it accepted or dismissed, if any
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class Correction:
    """A manual alignment: ``link`` joins two passages into one group; ``unlink`` takes a passage
    out of the group the engine put it in."""

    id: str
    action: str  # "link" or "unlink"
    anchors: tuple[Anchor, ...]
    created: str = ""


@dataclass(frozen=True)
class Placed:
    """An anchor found again in the current texts (``span`` None when orphaned)."""

    anchor: Anchor
    source: str | None
    span: Span | None
    how: str  # "exact", "moved", "fuzzy", "orphaned"

    @property
    def orphaned(self) -> bool:
        return self.span is None


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def new_flag(anchors: Sequence[Anchor], **fields_: str) -> Flag:
    stamp = now()
    return Flag(id=new_id("f"), anchors=tuple(anchors), created=stamp, modified=stamp, **fields_)


def edited(flag: Flag, **changes: str) -> Flag:
    return replace(flag, modified=now(), **changes)


def place(anchor: Anchor, sources: Sequence[Source]) -> Placed:
    """Find an anchor's words again: same source (by id, else by path), same span if unchanged."""
    # The article it was made on: same id and path; else same path (reopened under another id);
    # else same id (an article whose path was never known, such as pasted text).
    same_id = [s for s in sources if s.id == anchor.source]
    if anchor.source_path:
        by_path = [s for s in sources if s.path == anchor.source_path]
        candidates = [s for s in by_path if s.id == anchor.source] or by_path or [
            s for s in same_id if not s.path or s.path == anchor.source_path]
    else:
        candidates = same_id
    for source in candidates:
        text = source.text
        if text[anchor.start : anchor.end] == anchor.text and anchor.text:
            return Placed(anchor, source.id, anchor.span, "exact")
        found = _best_occurrence(text, anchor)
        if found is not None:
            return Placed(anchor, source.id, found, "moved")
        fuzzy = _fuzzy(text, anchor)
        if fuzzy is not None:
            return Placed(anchor, source.id, fuzzy, "fuzzy")
    return Placed(anchor, None, None, "orphaned")


def _best_occurrence(text: str, anchor: Anchor) -> Span | None:
    if not anchor.text:
        return None
    hits = []
    at = text.find(anchor.text)
    while at >= 0:
        hits.append(at)
        at = text.find(anchor.text, at + 1)
    if not hits:
        return None

    def fit(at: int) -> tuple[float, int]:
        before = text[max(0, at - CONTEXT) : at]
        after = text[at + len(anchor.text) : at + len(anchor.text) + CONTEXT]
        context = fuzz.ratio(before, anchor.before) + fuzz.ratio(after, anchor.after)
        return (context, -abs(at - anchor.start))

    best = max(hits, key=fit)
    return Span(best, best + len(anchor.text))


# Beyond this many characters a passage is looked for by its two ends: finding a passage
# anywhere in an article costs rapidfuzz the product of the two lengths, and a 20,000-character
# flag in a 200,000-character article took 29 s, at every re-analysis.
WHOLE_UP_TO = 1_000
ENDS = 250  # characters of each end


def _fuzzy(text: str, anchor: Anchor, cutoff: float = 90.0) -> Span | None:
    """A lightly edited passage (a changed quote mark, a fixed typo) is still the same passage."""
    if len(anchor.text) < 12:
        return None
    if len(anchor.text) > WHOLE_UP_TO:
        return _by_ends(text, anchor, cutoff)
    result = fuzz.partial_ratio_alignment(anchor.text, text, score_cutoff=cutoff)
    if result is None:
        return None
    return _whole_words(text, result.dest_start, result.dest_end)


def _by_ends(text: str, anchor: Anchor, cutoff: float) -> Span | None:
    """A long passage found again: its first characters anywhere, its last ones where its
    length (give or take a fifth) puts them, and the whole in between checked against it."""
    n = len(anchor.text)
    head = fuzz.partial_ratio_alignment(anchor.text[:ENDS], text, score_cutoff=cutoff)
    if head is None:
        return None
    lo = max(head.dest_end, head.dest_start + int(n * 0.8) - ENDS)
    hi = min(len(text), head.dest_start + int(n * 1.2) + ENDS)
    tail = fuzz.partial_ratio_alignment(anchor.text[-ENDS:], text[lo:hi], score_cutoff=cutoff) if lo < hi else None
    if tail is None:
        return None
    span = _whole_words(text, head.dest_start, lo + tail.dest_end)
    return span if fuzz.ratio(anchor.text, text[span.start : span.end]) >= cutoff else None


def _whole_words(text: str, start: int, end: int) -> Span:
    """Widen a fuzzy match to whole words, and drop marks and spaces at its edges."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".!?":
        end -= 1
    return Span(start, end)


@dataclass
class Judgements:
    """The user's flags and corrections, as the project keeps them."""

    flags: list[Flag] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
