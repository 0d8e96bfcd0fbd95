"""Direct quotations: where each one is, whatever marks it uses, and whether it is partial.

Marks are read by role. Curly and guillemet-style marks say which side they are; straight
marks and the right single mark (also the apostrophe) are judged by their neighbours. Double
quotes are paired first; single quotes are paired only outside them (inside, they are a nested
quote and belong to the outer one). A quote left open at the end of a paragraph continues only
when the next paragraph reopens it (the typographic convention for multi-paragraph quotes);
otherwise the opening mark is a stray and swallows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.core.marks import DOUBLE_MARKS as _DOUBLE_MARKS
from crosscheck.core.marks import DOUBLE_PAIRS as _DOUBLE_PAIRS
from crosscheck.core.marks import REOPENING
from crosscheck.core.marks import SINGLE_MARKS as _SINGLE_MARKS
from crosscheck.core.marks import SINGLE_PAIRS as _SINGLE_PAIRS
from crosscheck.core.model import Span
from crosscheck.core.spans import text_end

_LETTER = re.compile(r"[^\W_]")
_PUNCT_OPEN_BEFORE = set(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in one source: its words (``span``) and the same with its marks (``outer``)."""

    span: Span
    outer: Span
    partial: bool
    nested: tuple[Span, ...] = ()


def find_quotes(text: str, paragraphs: tuple[Span, ...] | list[Span]) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    carry: int | None = None  # opening offset of a quote continuing from the previous paragraph
    unclosed: set[Span] = set()  # quotes whose closing mark was lost: they end with their paragraph
    quoted_before = False  # the paragraph before holds a quotation
    carry_single: int | None = None  # the same, for a quotation in single marks (‘…)
    for i, para in enumerate(paragraphs):
        found, open_at = _pair(text, para, _DOUBLE_MARKS, _DOUBLE_PAIRS, _role_double, carry)
        carry = None
        if open_at is not None:
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt.start] in REOPENING:
                carry = open_at  # multi-paragraph quote: reopened in the next paragraph
            elif _introduced(text, para, open_at) or open_at < para.start or (nxt is None and ((
                    open_at == para.start and i > 0) or _cut_off(text, para))) or (
                    open_at == para.start and quoted_before and _sentence_end(text, para)):
                # (also: a quotation reopened paragraph after paragraph whose last closing mark is lost,
                # and a paragraph of quotation after one that quotes, its closing mark lost —
                # "“RIP,” she tweeted. / “Simply the best.")
                # (the last paragraph of a text cut off in mid-quotation, as saved excerpts are)
                found.append(Span(open_at, para.end))  # closing mark lost: the quote ends with its paragraph
                unclosed.add(Span(open_at, para.end))
            # else: a stray opening mark; it swallows nothing
        quoted_before = bool(found)
        if found or (carry_single is None and "‘" not in text[para.start : para.end]):
            carry_single = None
            singles = [
                pair for region in _outside(para, found)
                for pair in _pair(text, region, _SINGLE_MARKS, _SINGLE_PAIRS, _role_single, None)[0]
            ]
        else:
            singles, carry_single = _single_run(text, paragraphs, i, carry_single, unclosed)
        # British style nests the other way: ‘… “…” …’. A single-quoted span that wholly holds
        # a double-quoted one is the outer quote, and the double-quoted one is nested in it.
        outer_singles = [
            sp for sp in _pair(text, para, _SINGLE_MARKS, _SINGLE_PAIRS, _role_single, None)[0]
            if any(sp.start < d.start and d.end < sp.end for d in found)
            and not any(d.start < sp.start < d.end or d.start < sp.end - 1 < d.end for d in found)
        ]
        held = [d for d in found if any(o.start < d.start and d.end < o.end for o in outer_singles)]
        top = [d for d in found if d not in held] + outer_singles
        top += [sp for sp in singles if not any(o.start <= sp.start and sp.end <= o.end for o in outer_singles)]
        for outer in sorted(set(top)):
            inner = _inner(text, outer, closed=outer not in unclosed)
            if inner is None:
                continue
            inside = Span(outer.start + 1, outer.end - 1)
            if outer in outer_singles:
                nested = tuple(d for d in held if outer.contains(d))
            else:
                nested = tuple(_pair(text, inside, _SINGLE_MARKS, _SINGLE_PAIRS, _role_single, None)[0])
            quotes.append(QuoteSpan(inner, outer, _is_partial(text, outer, inner), nested))
    return quotes


_LEAD_IN = re.compile(
    r"(?:[:：]|\b(?:said|says|added|told \w+|wrote|stated|declared)(?:\s+(?:that|it|he|she|they|the \w+))?)\s*$",
    re.I,
)


def _single_run(
    text: str, paragraphs: tuple[Span, ...] | list[Span], i: int, carry: int | None, unclosed: set[Span]
) -> tuple[list[Span], int | None]:
    """Quotations in single marks in a paragraph with no double marks, where British style runs
    a quotation over several paragraphs, each reopened with ‘ and only the last one closed
    ("X told the Mail, ‘The judge … / ‘So … / ‘Or … .’"). Returns the spans and the offset of
    a quotation that carries on into the next paragraph."""
    para = paragraphs[i]
    found, open_at = _pair(text, para, _SINGLE_MARKS, _SINGLE_PAIRS, _role_single, carry)
    if open_at is None:
        return found, None
    nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
    if nxt is not None and text[nxt.start] == "‘":
        return found, open_at
    if open_at < para.start:  # carried in, and its closing mark lost: it ends with this paragraph
        found.append(Span(open_at, para.end))
        unclosed.add(Span(open_at, para.end))
    return found, None


def _sentence_end(text: str, para: Span) -> bool:
    return bool(re.search(r"[.!?…]\s*$", text[para.start : para.end]))


def _cut_off(text: str, para: Span) -> bool:
    """The text stops in mid-word or mid-sentence ("… his “intrepid spirit,"): a saved excerpt
    cut off, its last quotation with it."""
    last = text[para.end - 1 : para.end]
    return (last.isalpha() or last in ",;-–") and para.end >= text_end(text)


def _introduced(text: str, para: Span, at: int) -> bool:
    """An unclosed mark right after ``said:``, or opening a sentence inside a paragraph, starts
    a quotation whose closing mark was lost: it ends with its paragraph. Anywhere else (a
    paragraph's first character included: standfirsts carry stray marks) it is a stray and
    swallows nothing."""
    before = text[para.start : at]
    return bool(_LEAD_IN.search(before) or (before.strip() and re.search(r"[.!?]\s+$", before)))


def _pair(
    text: str, region: Span, marks: set[str], pairs: dict[str, str], role: Callable[[str, int], str | None],
    carry: int | None,
) -> tuple[list[Span], int | None]:
    """Pair opening and closing marks in ``region``; return outer spans and a still-open offset."""
    found: list[Span] = []
    open_at = carry
    open_mark = text[carry] if carry is not None else None
    reopening = carry is not None  # the new paragraph's opening mark continues the quote
    nested = 0  # straight quotes opened and not yet closed inside the open straight quote
    for pos in range(region.start, region.end):
        ch = text[pos]
        if ch not in marks:
            continue
        if reopening:
            reopening = False
            if pos == region.start:
                continue
        kind = role(text, pos)
        if kind is None:
            continue
        if open_at is None:
            if kind in ("open", "either"):
                open_at, open_mark = pos, ch
            continue
        # A quote is open: does this mark close it?
        if kind in ("close", "either") and ch in pairs.get(open_mark, ""):
            if nested:
                nested -= 1  # closes a quote inside the open one, in the same marks: "… the "Queen" has …"
                continue
            if pos > open_at + 1:
                found.append(Span(open_at, pos + 1))
            open_at, open_mark = None, None
        elif kind == "open" and ch == open_mark and _nested_pair(text, pos, region.end, pairs.get(ch, "")) and (
            not _LEAD_IN.search(text[max(region.start, pos - 40) : pos])  # "said: “" starts a new quote
        ):
            nested += 1  # a short quotation inside the open one, in the same marks, closed again
        elif kind == "open" and ch == open_mark and ch not in "\"'":
            # The same opening mark again before a close. If the narrator spoke in between
            # ("“… we were going to hit. said Elena Adams, engineer. “So …"), the first quotation
            # ended where the narrator's words begin; otherwise the first mark was a stray.
            narrator = _NARRATOR.search(text, open_at + 1, pos)
            if narrator and narrator.start() > open_at + 1:
                found.append(Span(open_at, narrator.start() + 1))
            open_at = pos
    return found, open_at


_NARRATOR = re.compile(r"[.,!?](?=\s+(?:said|says|added|told)\s+(?:[A-Z][\w’'-]+|he|she|they)\b)")


def _nested_pair(text: str, pos: int, end: int, closers: str) -> bool:
    """A mark that opens a short quotation inside another in the same marks: its closing mark
    follows within a few words, and the outer quotation goes on after it."""
    if not closers:
        return False
    opener, close = re.escape(text[pos]), re.escape(closers)
    return bool(re.match(rf"{opener}[^{opener}{close}\n]{{1,60}}?[{close}](?=[ \t]+[\w(])", text[pos:end]))


def _role_double(text: str, pos: int) -> str | None:
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch == "“" and (after.isspace() or after in ".,;:!?)]" or pos + 1 == len(text)):
        return "either"  # German „…“ closes with this mark; an English opener never precedes a space
    if ch in "“„«「『":
        return "open" if ch != "«" or after != " " or before in _PUNCT_OPEN_BEFORE else "either"
    if ch in "”»」』":
        # A right mark used as an opener is common in scraped text: ”word after a space.
        if ch == "”" and before in " \t\n(" and _LETTER.match(after):
            return "either"
        return "close"
    # Straight double quote: decide from its neighbours.
    if before in _PUNCT_OPEN_BEFORE or pos == 0:
        return "open" if not after.isspace() else "either"
    if after.isspace() or after in ".,;:!?)]—–-" or pos + 1 == len(text):
        return "close"
    return "either"


def _role_single(text: str, pos: int) -> str | None:
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch in "‚‹":
        return "open"
    if ch == "›":
        return "close"
    if _LETTER.match(before) and _LETTER.match(after):
        return None  # an apostrophe inside a word: Japan’s, don't
    if after.isdigit() and (before in _PUNCT_OPEN_BEFORE or before in "‘'"):
        return None  # ’90s
    if ch == "‘" or (ch in "'’" and (before in _PUNCT_OPEN_BEFORE or pos == 0) and _LETTER.match(after)):
        if _elision(text, pos):
            return None
        return "open"
    if ch in "'’":
        if _possessive_plural(text, pos):
            return None
        return "close"
    return None


def _possessive_plural(text: str, pos: int) -> bool:
    """``the Smiths’ dog`` inside a single-quoted passage: the sentence runs on in lower case
    and another closing mark follows later in the paragraph."""
    if text[pos - 1 : pos] not in ("s", "S") or text[pos + 1 : pos + 2] != " ":
        return False
    if not text[pos + 2 : pos + 3].islower():
        return False
    line_end = text.find("\n", pos)
    rest = text[pos + 1 : line_end if line_end != -1 else len(text)]
    return bool(re.search(r"[’'](?=[\s.,;:!?)]|$)", rest))


def _elision(text: str, pos: int) -> bool:
    """'em, 'til, 'cause and friends are apostrophes, not opening quotes."""
    word = re.match(r"[^\W\d_]+", text[pos + 1 : pos + 8])
    return bool(word) and word.group().lower() in {"em", "til", "cause", "n", "tis", "twas", "bout", "round"}


def _outside(region: Span, taken: list[Span]) -> list[Span]:
    out, start = [], region.start
    for span in sorted(taken):
        if span.start > start:
            out.append(Span(start, span.start))
        start = max(start, span.end)
    if start < region.end:
        out.append(Span(start, region.end))
    return out


def _inner(text: str, outer: Span, closed: bool = True) -> Span | None:
    """The words between the marks, without the marks, edge spaces or a trailing comma."""
    start, end = outer.start + 1, outer.end - (1 if closed else 0)
    while start < end and (text[start].isspace() or text[start] in "“„«‘‚"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if not _LETTER.search(text[start:end]):
        return None
    return Span(start, end)


_SPEECH_LEAD = re.compile(r"(?:[:,]|\b(?:said|says|told|added|asked|wrote|stated|declared))\s*$", re.I)


def _is_partial(text: str, outer: Span, inner: Span) -> bool:
    """A partial quote sits inside the reporter's own sentence; a full one stands as speech.

    Full quotes open a paragraph or sentence, or follow ``said:`` / a comma; partial ones are
    run into the sentence (``is “already in discussions” to``) and usually start lower case.
    """
    before = text[max(0, outer.start - 40) : outer.start]
    line_start = outer.start == 0 or "\n" in before[-2:] or before.rstrip().endswith((".", "!", "?", "\n"))
    first = text[inner.start]
    words = len(text[inner.start : inner.end].split())
    if words <= 3:
        return True
    if line_start or _SPEECH_LEAD.search(before):
        return first.islower() and not line_start and not before.rstrip().endswith(":")
    return True
