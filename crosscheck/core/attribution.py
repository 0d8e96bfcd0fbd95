"""Who said each quote: the patterns reporters use, then pronouns and descriptions resolved.

Order of evidence, strongest first: an attribution right after the quote (``,” X said`` /
``, said X`` / ``, X, the spokesperson for Y, told …``); a speech verb before it in the same
sentence (``X said: “…”``, ``X told reporters that “…”``, ``according to X``); the speaker of
the previous quote in the same paragraph, or of the paragraph before when this one is nothing
but quotation (``X continued:`` style runs); and, for a full quote standing alone, the person
named in the sentence before. Pronouns and descriptions (``he``, ``the Japanese official``)
resolve to the nearest fitting named person; surnames to the full name the article gives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from crosscheck.core.marks import ANY_CLASS
from crosscheck.core.model import Span
from crosscheck.core.normalize import STOPWORDS
from crosscheck.core.people import (
    CAPITALISED_RUN,
    NATIONALITY_WORDS,
    ROLE_WORDS,
    NameBook,
    find_people,
    is_pronoun,
)
from crosscheck.core.quotes import QuoteSpan

_VERBS = """said says say saying told tells telling added adds adding continued continues
continuing warned warns warning stated states claimed claims stressed stresses suggested
suggests noted notes explained explains argued argues insisted insists asked asks wrote writes
tweeted tweets announced announces confirmed confirms declared declares remarked remarked
replied replies responded responds commented comments described describes called calls urged
urges promised promises vowed vows admitted admits acknowledged acknowledges asserted asserts
emphasized emphasised emphasizes emphasises maintained maintains recalled recalls predicted
predicts conceded concedes reiterated reiterates posted observed quipped joked answered
cautioned cautions pointed complained complains testified testifies""".split()
# Forms that are more often plural nouns ("The comments came…") never count as a speech verb.
_NOUN_LIKE = {"comments", "claims", "notes", "states", "calls", "promises", "vows", "tweets", "answers", "say"}
VERB = r"(?<![-\w])(?:" + "|".join(sorted(set(_VERBS) - _NOUN_LIKE, key=len, reverse=True)) + r")(?![-\w])"
_VERB_RE = re.compile(rf"{VERB}|\baccording to\b", re.I)
_DESCRIPTION = re.compile(
    r"\b(?:the|a|an|this|that|[A-Z][a-z]+[’']s|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<head>official|minister|ambassador|envoy|spokesperson|spokeswoman|spokesman|president|"
    r"diplomat|leader|chief|mayor|secretary|premier|chancellor|lawmaker|senator|governor|source|"
    r"analyst|expert|author|researcher|professor|officer|commander|general|director|master|"
    r"representative|aide|adviser|advisor)\b",
    re.I,
)
_LOWER_ROLE = r"(?:(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + r"|council|city|police)[ \t]+){1,3}"
_WHO = (
    rf"(?P<who>(?:he|she|they|we|I)\b|(?:{_LOWER_ROLE})?{CAPITALISED_RUN.pattern}|"
    rf"{_DESCRIPTION.pattern.replace('(?P<head>', '(?:')})"
)
_AFTER_VERB_FIRST = re.compile(rf"^[\s,.;:–—-]{{0,4}}(?:\w+ly\s+)?{VERB}\s+{_WHO}")
_AFTER_WHO_FIRST = re.compile(
    rf"^[\s,.;:–—-]{{0,4}}{_WHO}(?:\s*\([^)]{{1,80}}\))?(?:,(?:(?!{ANY_CLASS}).){{1,240}}?,)?\s+(?:\w+ly\s+)?(?P<verb>{VERB})\b"
)
_ROLE_ALIASES = {"spokeswoman": "spokesperson", "spokesman": "spokesperson", "official": None, "source": None}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    how: str  # "after", "before", "continued", "context", "" when unknown


def attribute_quotes(
    text: str,
    quotes: list[QuoteSpan],
    sentences: tuple[Span, ...],
    paragraphs: tuple[Span, ...],
    book: NameBook,
) -> list[Attribution]:
    masked = _mask(text, quotes)
    singles = _surname_positions(text, book)
    starts = [s.start for s in sentences]
    out: list[Attribution] = []
    for i, q in enumerate(quotes):
        para = _containing(paragraphs, q.outer.start)
        nxt = quotes[i + 1].outer.start if i + 1 < len(quotes) else len(text)
        after = masked[q.outer.end : min(para.end, nxt)]
        sent = sentences[max(0, bisect.bisect_right(starts, q.outer.start) - 1)] if sentences else para
        before_start = max(para.start, min(sent.start, q.outer.start))
        before = masked[before_start : q.outer.start]
        who = _after(after)
        how = "after"
        if who is None:
            who, how = _before(before, book), "before"
        speaker: str | None = None
        if who is not None:
            pos = q.outer.end if how == "after" else q.outer.start
            speaker = _resolve(who, pos, book, singles)
        if speaker is None:
            speaker, how = _inherit(i, quotes, out, para, paragraphs, masked)
        if speaker is None and not q.partial:
            speaker, how = _context(q, para, book, singles, sentences, starts)
        out.append(Attribution(speaker, how if speaker else ""))
    return out


def _mask(text: str, quotes: list[QuoteSpan]) -> str:
    """The text with quotation contents blanked, so quoted words never look like attribution."""
    chars = list(text)
    for q in quotes:
        for k in range(q.outer.start + 1, q.outer.end - 1):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _containing(spans: tuple[Span, ...], pos: int) -> Span:
    for span in spans:
        if span.start <= pos < span.end:
            return span
    return Span(pos, pos)


def _after(after: str) -> str | None:
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
        m = pattern.match(after)
        if m and m.group("who").lower() not in STOPWORDS - {"he", "she"}:
            return m.group("who")
    return None


def _before(before: str, book: NameBook) -> str | None:
    verbs = list(_VERB_RE.finditer(before))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group().lower() == "according to":
        m = re.match(rf"\s*{_WHO}", before[verb.end() :])
        return m.group("who") if m else None
    clause = re.split(r"[;.!?]\s", before[: verb.start()])[-1]
    paren = re.findall(r"\(([^)]+)\)", clause)
    for inside in reversed(paren):
        if CAPITALISED_RUN.fullmatch(inside.strip()):
            return inside.strip()
    # Candidates in the clause before the verb: people first (named, by surname, by pronoun or
    # description), nearest the verb; an organisation right before the verb only when no person.
    named: list[tuple[int, str]] = []
    for m in CAPITALISED_RUN.finditer(clause):
        if find_people(m.group()) or book.is_known_surname(m.group().split()[-1]):
            named.append((m.end(), m.group()))
    if named:  # a description next to a name is its apposition: the name wins
        return max(named)[1]
    referring = [(m.end(), m.group()) for m in re.finditer(r"\b(?:he|she)\b", clause, re.I)]
    referring += [(m.end(), m.group()) for m in _DESCRIPTION.finditer(clause)]
    if referring:
        return max(referring)[1]
    org = re.search(r"((?:[A-Z][\w’'.-]*[ \t]+){0,3}[A-Z][\w’'.-]*)[ \t]+(?:\w+ly[ \t]+)?$", clause)
    return org.group(1) if org and org.group(1).lower() not in STOPWORDS else None


def _resolve(who: str, pos: int, book: NameBook, singles: list[tuple[int, str]]) -> str | None:
    who = who.strip()
    if is_pronoun(who):
        return book.nearest_before(pos, singles=singles)
    if who.lower() in ("they", "we", "i"):
        return None
    desc = _DESCRIPTION.fullmatch(who) or (_DESCRIPTION.match(who) if who[:1].islower() else None)
    if desc:
        head = desc.group("head").lower()
        nationality = next((w for w in who.lower().split() if w in NATIONALITY_WORDS), None)
        if nationality:  # "the Japanese official": the nearest person of that nationality
            found = book.nearest_before(pos, nationality) or book.nearest_after(pos, nationality)
            if found:
                return found
        role = _ROLE_ALIASES.get(head, head)
        if role is not None and role in ROLE_WORDS:
            return book.nearest_before(pos, role) or book.nearest_after(pos, role) or book.nearest_before(
                pos, singles=singles
            )
        return book.nearest_before(pos, singles=singles)
    words = [w for w in who.split() if not w.islower()]  # "council leader Tomas Brandt"
    if not words or all(w.lower().strip(".") in ROLE_WORDS for w in words):
        return None
    return book.full_name(" ".join(words), pos)


def _inherit(
    i: int,
    quotes: list[QuoteSpan],
    done: list[Attribution],
    para: Span,
    paragraphs: tuple[Span, ...],
    masked: str,
) -> tuple[str | None, str]:
    """A quote with no attribution of its own continues the previous speaker's words."""
    if i == 0:
        return None, ""
    prev, prev_attr = quotes[i - 1], done[i - 1]
    if prev_attr.speaker is None:
        return None, ""
    between = masked[prev.outer.end : quotes[i].outer.start]
    if prev_attr.how == "after":  # the previous quote's own attribution is not a new speaker
        between = re.split(r"(?<=[.!?])\s", between, maxsplit=1)[-1] if re.search(r"[.!?]\s", between) else ""
    if para.start <= prev.outer.start and not _VERB_RE.search(between):
        return prev_attr.speaker, "continued"
    # A paragraph of nothing but quotation, right after a paragraph that ended with a quote.
    own = masked[para.start : para.end]
    if not re.search(r"[^\W_]", _strip_quotes(own, quotes, para)):
        idx = paragraphs.index(para)
        if idx > 0 and paragraphs[idx - 1].start <= prev.outer.start < paragraphs[idx - 1].end:
            return prev_attr.speaker, "continued"
    return None, ""


def _strip_quotes(segment: str, quotes: list[QuoteSpan], para: Span) -> str:
    chars = list(segment)
    for q in quotes:
        if para.start <= q.outer.start < para.end:
            for k in range(q.outer.start, min(q.outer.end, para.end)):
                chars[k - para.start] = " "
    return "".join(chars)


def _context(
    q: QuoteSpan,
    para: Span,
    book: NameBook,
    singles: list[tuple[int, str]],
    sentences: tuple[Span, ...],
    starts: list[int],
) -> tuple[str | None, str]:
    """A full quote standing alone: the person named in the sentence just before it."""
    idx = bisect.bisect_right(starts, q.outer.start) - 1
    if idx <= 0:
        return None, ""
    prev = sentences[idx - 1]
    named = [m for m in book.own if prev.start <= m.span.start < prev.end]
    named_singles = [(p, w) for p, w in singles if prev.start <= p < prev.end]
    if named:
        return named[-1].name, "context"
    if named_singles:
        return book.full_name(named_singles[-1][1], named_singles[-1][0]), "context"
    return None, ""


def _surname_positions(text: str, book: NameBook) -> list[tuple[int, str]]:
    """Where the article names someone by surname alone (``Brown said``)."""
    out = []
    for m in re.finditer(r"\b[A-Z][a-z]+(?:[’']s)?\b", text):
        if book.is_known_surname(m.group()):
            out.append((m.start(), re.sub(r"[’']s$", "", m.group())))
    return out

