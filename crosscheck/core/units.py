"""The passages the engine compares: each source's quotes (with speakers) and claims.

A claim is a sentence of reporting: not boilerplate or page furniture, not a question, long
enough to state something, and not mostly quotation (a sentence that is mostly a quote is
represented by that quote). Both kinds carry their matching form, computed once here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from crosscheck.core.attribution import attribute_quotes
from crosscheck.core.boilerplate import is_boilerplate
from crosscheck.core.lexicon import concept, concepts
from crosscheck.core.marks import ALL_MARKS, CLOSE_CLASS, quote_depth
from crosscheck.core.model import Source, Span
from crosscheck.core.normalize import (
    DURATION_HOURS,
    NEGATIONS,
    STOPWORDS,
    compound_unit,
    content_stem,
    figures,
    tokenize,
)
from crosscheck.core.people import Mention, NameBook, StoryNames, find_people
from crosscheck.core.quotes import QuoteSpan, find_quotes
from crosscheck.core.spans import Spans, text_end

MIN_CLAIM_WORDS = 5

# Runs a per-source step: (step, each source's weight) -> each source's result, in order.
Mapper = Callable[[Callable[[int], Any], Sequence[int]], list[Any]]


@dataclass(frozen=True)
class Unit:
    source: str
    order: int  # the source's position, for stable output
    kind: str  # "quote" or "claim"
    span: Span
    text: str
    tokens: tuple[str, ...]  # every word, normalised (quotes are compared word for word)
    content: frozenset[str]  # content-word stems (claims are compared by these)
    numbers: frozenset[str]
    names: frozenset[str]
    # (what is counted, figure, as written, bound): "4,200 passengers"; the bound is ">" for "more
    # than 24 people", "<" for "nearly 300 injured", "" for a plain figure
    counts: frozenset[tuple[str, str, str, str]]
    speaker: str | None = None
    partial: bool = False
    negated: bool = False
    how: str = ""  # how the speaker was found
    sure: bool = False  # the speaker is named in the attribution itself (see attribution.py)
    person: bool = False  # the speaker is a person, not an institution or a role as written
    quote_id: int = -1  # quotes: which quotation of the source this statement belongs to
    piece: int = 0  # quotes: the statement's place in that quotation
    context: frozenset[str] = frozenset()  # partial quotes: content words of the sentence around them
    quoted: bool = True  # False: a quote's words that another source gives without quotation marks


def extract_units(
    sources: Sequence[Source],
    boilerplate: dict[str, list[tuple[Span, str]]],
    people: Sequence[list[Mention]] | None = None,
    mapper: Mapper | None = None,
) -> tuple[list[Unit], dict[str, list[QuoteSpan]]]:
    """Every source's quotes and claims, in source order.

    ``people`` is each source's ``find_people`` (when already read); ``mapper`` runs the
    per-source reading (``parallel.map_shares`` puts it on every core) and defaults to a loop.
    """
    own = list(people) if people is not None else [find_people(s.analysis_text) for s in sources]
    everyone = [m for mentions in own for m in mentions]
    texts = tuple(s.analysis_text for s in sources)
    story = StoryNames(everyone)

    def read(order: int) -> tuple[list[Unit], list[QuoteSpan]]:
        book = NameBook(own[order], everyone, texts, story)
        return source_units(sources[order], order, boilerplate.get(sources[order].id, []), book)

    run = mapper or (lambda fn, weights: [fn(i) for i in range(len(weights))])
    results = run(read, [len(s.text) for s in sources])
    units = [u for found, _ in results for u in found]
    return units, {s.id: quotes for s, (_, quotes) in zip(sources, results, strict=True)}


def source_units(
    source: Source, order: int, marks: list[tuple[Span, str]], book: NameBook
) -> tuple[list[Unit], list[QuoteSpan]]:
    """One source's quotes (with speakers, statement by statement) and claims, and its quotations."""
    units: list[Unit] = []
    text = source.analysis_text  # wrapped lines joined; offsets as in source.text
    marked = Spans(marks)
    quotes = [q for q in find_quotes(text, source.paragraphs)
              if not is_boilerplate(q.outer, marked.touching(q.outer.start, q.outer.end))]
    furniture = tuple(span for span, _ in marks)
    attributions = attribute_quotes(text, quotes, source.sentences, source.paragraphs, book, furniture)
    sentences = source.sentences
    starts = [s.start for s in sentences]
    for n, (q, who) in enumerate(zip(quotes, attributions, strict=True)):
        pieces = statements(text, q.span, sentences, starts)
        for k, piece in enumerate(pieces):
            unit = _unit(source, order, "quote", piece, who.speaker, q.partial and len(pieces) == 1, who.how)
            unit = replace(unit, sure=who.sure, person=who.person)
            around = frozenset()
            if unit.partial:
                at = bisect.bisect_right(starts, q.outer.start) - 1
                sent = sentences[at] if at >= 0 and q.outer.start < sentences[at].end else q.outer
                around = frozenset(concept(content_stem(t.norm)) for t in tokenize(text, sent) if t.is_content)
                around -= unit.content
            units.append(replace(unit, quote_id=n, piece=k, context=around))
    quoted = Spans((q.outer, q) for q in quotes)
    for sent in source.sentences:
        near = marked.touching(sent.start, sent.end)
        if is_boilerplate(sent, near):
            continue
        for clause in clauses(text, _without_marks(text, sent, near)):
            if _is_claim(text, clause, quoted):
                units.append(_unit(source, order, "claim", clause, None, False, ""))
    return units, quotes


def _without_marks(text: str, sent: Span, marks: list[tuple[Span, str]]) -> Span:
    """A sentence without the page furniture glued to its edges: a dateline (``LONDON
    (Reuters) –``) or a page stamp before it, a photo credit after it."""
    start, end = sent.start, sent.end
    for mark, _ in marks:
        if mark.start <= start < mark.end < end:
            start = mark.end
        if start < mark.start < end <= mark.end:
            end = mark.start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else sent


MIN_STATEMENT_WORDS = 4


def statements(text: str, quote: Span, sentences: Sequence[Span], starts: Sequence[int] | None = None) -> list[Span]:
    """A quotation of several sentences, one span per sentence.

    Outlets quote a speaker's statement whole, in part, or spread over several quotes; aligned
    sentence by sentence, each statement finds its versions wherever they are, and two
    statements one outlet happens to quote together never drag each other into one group.
    A piece too short to stand alone stays with the sentence before it.
    """
    starts = starts if starts is not None else [s.start for s in sentences]  # (sorted, as segmented)
    cuts = list(starts[bisect.bisect_right(starts, quote.start) : bisect.bisect_left(starts, quote.end)])
    if not cuts:
        return [quote]
    pieces: list[Span] = []
    for a, b in zip([quote.start, *cuts], [*cuts, quote.end], strict=True):
        piece = _trim_piece(text, a, b)
        if piece is None:
            continue
        words = len(tokenize(text, piece))  # a character is a word in scripts without spaces
        if pieces and min(words, len(tokenize(text, pieces[-1]))) < MIN_STATEMENT_WORDS:
            pieces[-1] = Span(pieces[-1].start, piece.end)
        else:
            pieces.append(piece)
    return pieces or [quote]


def _trim_piece(text: str, start: int, end: int) -> Span | None:
    """A sentence of a quotation without the marks and spaces at its edges (a paragraph's
    reopening mark, a closing mark left over from the sentence split)."""
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS):
        end -= 1
    return Span(start, end) if end > start and re.search(r"[^\W_]", text[start:end]) else None


# Where a long sentence joins two statements: "…, and that …", "…; …", "…, but …", and
# non-restrictive clauses ("…, where they had been on show since January").
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and that\s+|,\s+(?:while|whereas|but|where|which)\s+")
# What a clause that states something on its own starts with: its subject (", which allows …" is a
# relative clause, part of its noun's statement; ", which the court said …" has a subject)
_SUBJECT_START = re.compile(
    r"(?:[A-Z0-9“\"‘']|(?:he|she|it|they|we|i|you|the|a|an|this|that|these|those|his|her|its|their|our|my|"
    r"some|many|most|all|no|none|each|every|both|one|two|three|several|few|other|others|another)\b)"
)
MIN_SPLIT_WORDS = 20  # shorter sentences stay whole
MIN_CLAUSE_WORDS = 6


def clauses(text: str, sent: Span) -> list[Span]:
    """A long sentence that joins two statements gives two claims, each checkable on its own.

    Quoted text is never split, and each part must be long enough to state something.
    """
    piece = text[sent.start : sent.end]
    if len(piece.split()) < MIN_SPLIT_WORDS:
        return [sent]
    parts: list[Span] = []
    start = sent.start
    for m in _CLAUSE_BREAK.finditer(piece):
        cut, resume = sent.start + m.start(), sent.start + m.end()
        if _inside_quote(piece[: m.start()]):
            continue
        long_enough = min(len(text[start:cut].split()), len(text[resume : sent.end].split())) >= MIN_CLAUSE_WORDS
        # "…; was given to law enforcement" or "…, but has echoed …" has no subject of its own:
        # it stays with the sentence that names one
        if long_enough and _SUBJECT_START.match(text, resume):
            parts.append(Span(start, cut))
            start = resume
    parts.append(Span(start, sent.end))
    return parts


def _inside_quote(before: str) -> bool:
    return quote_depth(before) > 0


def _is_claim(text: str, sent: Span, quoted: Spans) -> bool:
    """``quoted``: the source's quotations by position."""
    piece = text[sent.start : sent.end]
    if re.sub(f"{CLOSE_CLASS}+$", "", piece.rstrip()).endswith(("?", "？")):
        return False
    near = [sp for sp, _ in quoted.touching(sent.start, sent.end)]
    if not near:
        return _says_enough(piece)
    quoted = sum(max(0, min(sent.end, q.end) - max(sent.start, q.start)) for q in near)
    if quoted >= 0.5 * len(sent):
        return False
    outside = [t for t in tokenize(text, sent) if not any(q.start <= t.span.start < q.end for q in near)]
    if any(q.start < sent.start < q.end for q in near) and len(outside) <= 15 and not any(
            t.is_number for t in outside):
        # the second sentence of a quotation and its attribution ('… more," said X at Y.'); a
        # tail with a figure states a fact ('… said after beating the record by 34 seconds')
        return False
    return len([t for t in outside if t.norm not in STOPWORDS]) >= 2 and len(outside) >= MIN_CLAIM_WORDS


@lru_cache(maxsize=65536)
def _says_enough(piece: str) -> bool:
    """Enough words, two of them content words, to state something (once per distinct sentence)."""
    words = tokenize(piece)
    return len([t for t in words if t.norm not in STOPWORDS]) >= 2 and len(words) >= MIN_CLAIM_WORDS


def joined(source: Source, first: Unit, last: Unit) -> Unit:
    """Consecutive statements of one quotation as a single passage (``first`` to ``last``)."""
    unit = _unit(source, first.order, first.kind, Span(first.span.start, last.span.end), first.speaker,
                 False, first.how)
    return replace(unit, quote_id=first.quote_id, piece=first.piece, sure=first.sure, person=first.person)


def make_unit(source: Source, order: int, kind: str, span: Span) -> Unit:
    """A passage of ``source`` with its matching form (tokens, content words, figures)."""
    return _unit(source, order, kind, span, None, False, "")


_ABOVE = {("more", "than"), ("at", "least"), ("upwards", "of"), ("over",), ("above",), ("exceeding",)}
_BELOW = {("fewer", "than"), ("less", "than"), ("up", "to"), ("at", "most"), ("nearly",), ("almost",), ("under",),
          ("below",)}


def _plain_duration(hours: float) -> str:
    return f"{hours:.4f}".rstrip("0").rstrip(".")


def bound(before: tuple[str, ...]) -> tuple[str, int]:
    """Whether the words before a figure make it a bound — ">" (more than), "<" (nearly) or "" —
    and how many words say so."""
    for words in (before[-2:], before[-1:]):
        if words in _ABOVE:
            return ">", len(words)
        if words in _BELOW:
            return "<", len(words)
    return "", 0


def _unit(source: Source, order: int, kind: str, span: Span, speaker: str | None, partial: bool, how: str) -> Unit:
    piece = source.text[span.start : span.end]
    # (the character after the passage: an abbreviation's last dot; whether the text ends there)
    after = source.text[span.end : span.end + 1]
    at_end = span.end >= text_end(source.text)
    reading = _reading(kind, piece, after, at_end)
    return Unit(source=source.id, order=order, kind=kind, span=span, text=piece, tokens=reading.tokens,
                content=reading.content, numbers=reading.numbers, names=reading.names, counts=reading.counts,
                speaker=speaker, partial=partial or reading.cut, negated=reading.negated, how=how)


class _Reading(NamedTuple):
    tokens: tuple[str, ...]
    content: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    counts: frozenset[tuple[str, str, str, str]]
    negated: bool
    cut: bool  # a quote cut off in mid-word at the end of a saved page


@lru_cache(maxsize=65536)  # (kept between comparisons: a re-run reads only sentences it has not seen)
def _reading(kind: str, piece: str, after: str, at_end: bool) -> _Reading:
    """A passage's matching form, which depends on its words alone: computed once for every copy
    of a sentence (a wire story's sentence in a hundred papers)."""
    text = piece + after
    tokens = tokenize(text, Span(0, len(piece)))
    cut = False
    if kind == "quote" and len(tokens) > 2 and piece[-1:].isalpha() and at_end:
        tokens = tokens[:-1]  # a saved page cut off in mid-word ("Ole has achieved e"): match without it
        cut = True  # and the quote's end is not seen: what follows in other outlets is not an omission
    first = tokens[0].span.start if tokens else -1
    found = figures(tokens)
    in_figure = {k for _, i, last in found for k in range(i, last + 1)}
    words = [t for k, t in enumerate(tokens) if k not in in_figure]
    # A figure counts as content under its value ("#3500000"), so "£3.5m" matches "3.5 million".
    # Words news uses for one another compare as one ("talks" / "discussions", "Tokyo" / "Japan")
    content = {concept(content_stem(t.norm)) for t in words if t.is_content and not t.norm[:1].isdigit()}
    content |= concepts(text, tokens)
    content |= {"#" + value for value, _, _ in found} | {t.norm for t in words if ":" in t.norm}
    counts = set()
    for value, first_i, last in found:
        nxt = next((t for t in tokens[last + 1 : last + 3] if t.is_content and not t.is_number), None)
        unit = compound_unit(tokens[last].norm) or (nxt.norm if nxt is not None else None)
        if unit in DURATION_HOURS:
            # a duration counts time, in hours, whatever unit it is told in ("12 hours" / "half a day")
            hours = _plain_duration(float(value) * DURATION_HOURS[unit])
            end = tokens[last].span.end if compound_unit(tokens[last].norm) else nxt.span.end
            limit, width = bound(tuple(t.norm for t in tokens[max(0, first_i - 2) : first_i]))
            counts.add(("~time", hours, text[tokens[first_i - width].span.start : end], limit))
            continue
        # (an age, "the 29-year-old", is who someone is, not a count of anything: two sentences
        # describing one person by it are not thereby one fact)
        if nxt is not None and not nxt.norm.endswith("-old"):
            before = tuple(t.norm for t in tokens[max(0, first_i - 2) : first_i])
            limit, width = bound(before)
            start = tokens[first_i - width].span.start  # "more than 360 injured", as written
            counts.add((concept(content_stem(nxt.norm)), value, text[start : nxt.span.end], limit))
    return _Reading(
        tokens=tuple(t.norm for t in tokens),
        content=frozenset(content),
        numbers=frozenset(value for value, _, _ in found),
        names=frozenset(t.norm for t in tokens if t.is_capitalised and t.span.start != first and t.is_content),
        counts=frozenset(counts),
        negated=any(t.norm in NEGATIONS or t.norm.endswith("n't") for t in tokens),
        cut=cut,
    )
