"""The plain data every layer shares: sources and spans of their shown text.

Everything the tool points at (a sentence, a quote, a flag) is a span of character offsets
into ``Source.text``, the exact text the reader sees. Nothing downstream ever edits that text;
matching works on normalised copies and maps back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # plain data of their own modules (which import this one)
    from crosscheck.core.diff import Change
    from crosscheck.core.findings import Finding


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of Python ``str`` indices into a source's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Furniture:
    """A stretch of the shown text that is page furniture, not reporting (byline, dateline…).

    It stays in the shown text, so the reader sees the page as it was, but it is never a claim.
    """

    span: Span
    kind: str  # "byline", "dateline", "outlet", "duplicate-title", "meta", "page-header", "page-footer"


@dataclass(frozen=True)
class Evidence:
    """What was read, from where and when: what a fact-checker cites, and what lets a report be
    checked again once the page has changed. Filled by loading (``io/load.py``); ``None`` fields
    were not known (a pasted text has no address, a file no HTTP status)."""

    origin: str  # the file's path, or the address as the user typed it
    read_at: str  # when the bytes were read or fetched: ISO 8601, UTC ("2026-11-29T20:15:03Z")
    sha256: str  # of the bytes read, before any decoding (hex)
    size: int  # bytes read
    final_url: str | None = None  # after redirects
    http_status: int | None = None
    content_type: str | None = None  # as the server or the file's format says


# The kinds of source that are an original document (the statement, ruling or transcript that
# outlets quote) rather than an outlet's report of it.
ORIGINAL_KINDS = frozenset({"pdf", "docx"})


@dataclass(frozen=True)
class Source:
    """One article as loaded: the text shown to the reader and what the page says about it.

    Metadata the article does not state is ``None``; we never invent an outlet or a date.
    """

    id: str
    path: str
    text: str
    kind: str = "text"  # "text", "markdown", "html", "url", "pasted"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    furniture: tuple[Furniture, ...] = field(default=())
    # What the reader must know about how the text was read from bytes: a guessed encoding,
    # damaged bytes replaced by U+FFFD (``io/decode.py``). One sentence each; empty when exact.
    warnings: tuple[str, ...] = ()
    evidence: Evidence | None = None
    # A document with pages (a PDF): the offset in ``text`` where each page begins, so that a
    # passage can be cited by page (page n+1 begins at ``pages[n]``); empty for articles.
    pages: tuple[int, ...] = ()
    # The bytes as read, for a fetched page: kept (compressed) in the project, so that a project
    # opened a year later still holds what was read then. Never part of the comparison JSON.
    original: bytes | None = field(default=None, repr=False, compare=False)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        from crosscheck.core.segment import split_paragraphs

        return tuple(split_paragraphs(self.text))

    @cached_property
    def analysis_text(self) -> str:
        """The text as the engine reads it: wrapped lines joined into their paragraphs.

        Same length as ``text`` (a line break becomes a space), so offsets are shared.
        """
        from crosscheck.core.segment import reflow

        return reflow(self.text, self.paragraphs)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        from crosscheck.core.segment import split_sentences

        return tuple(split_sentences(self.analysis_text, self.paragraphs))

    def adopt_reading(self, paragraphs: tuple[Span, ...], analysis_text: str, sentences: tuple[Span, ...]) -> None:
        """Keep what another process read of this source (its paragraphs, analysis text and
        sentences), exactly as if they had been computed here."""
        self.__dict__.update(paragraphs=paragraphs, analysis_text=analysis_text, sentences=sentences)

    @property
    def label(self) -> str:
        """A short name for column headers and reports: outlet, else title, else file name."""
        if self.outlet:
            return self.outlet
        if self.title:
            return self.title if len(self.title) <= 40 else self.title[:39] + "…"
        name = self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return name or self.id

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) a text offset is on, for documents with pages."""
        if not self.pages:
            return None
        import bisect

        return max(1, bisect.bisect_right(self.pages, offset))

    @property
    def word_count(self) -> int:
        """Words; in scripts written without spaces (Japanese, Chinese), characters."""
        from crosscheck.core.normalize import CJK

        cjk = len(re.findall(f"[{CJK}]", self.text))
        return len(re.sub(f"[{CJK}\u3000-\u303f\uff01-\uff0f]", " ", self.text).split()) + cjk


@dataclass(frozen=True)
class Member:
    """One source's passage in a group: a quote or claim, as a span of that source's text."""

    source: str
    span: Span
    text: str
    speaker: str | None = None
    partial: bool = False  # a fragment or scare quote of a longer statement
    quoted: bool = True  # False: the quote's words given without quotation marks by this source


@dataclass(frozen=True)
class Diff:
    """Word-level differences between two members, as diff-match-patch style operations."""

    a: str  # source id
    b: str
    a_index: int  # index of the member in the group
    b_index: int
    similarity: float
    ops: tuple[tuple[int, str], ...]
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Group:
    """The same quote or claim as reported by several sources."""

    id: str
    kind: str  # "quote" or "claim"
    label: str
    members: tuple[Member, ...]
    diffs: tuple[Diff, ...] = ()
    similarity: float = 1.0
    why: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Unique:
    """A quote or claim that only one source carries."""

    source: str
    span: Span
    kind: str
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Phrase:
    """Words two sources share inside sentences that are not linked as one claim (see
    ``core/phrases.py``): related, not known to be the same fact."""

    a: str
    a_span: Span
    b: str
    b_span: Span
    text: str  # as ``a`` prints it


@dataclass(frozen=True)
class Related:
    """Two sentences no group links that the matcher found nearly alike: maybe the same fact,
    maybe not — so neither is listed as said "only" by its source."""

    a: str
    a_span: Span
    b: str
    b_span: Span
    score: float


@dataclass(frozen=True)
class Comparison:
    """Everything one analysis found; the JSON contract is a direct rendering of it."""

    sources: tuple[Source, ...]
    groups: tuple[Group, ...] = ()
    unique: tuple[Unique, ...] = ()
    boilerplate: tuple[tuple[str, Span], ...] = ()
    flags: tuple[dict, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    related: tuple[Related, ...] = ()

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
