"""Paragraphs and sentences as offset spans into the shown text.

syntok does the heavy lifting (it keeps every token's offset, splits sentences glued without a
space and knows most abbreviations). Scraped news needs three repairs on top of it:
military and civil titles it splits after (``Lt. Gen. Smith``), CJK full stops it does not
know, and navigation words glued between a caption and the body
(``South China SeaInternationalIndiaAfricaThe island…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from syntok import segmenter

from crosscheck.core.marks import CLOSE_CLASS, OPEN_CLASS, fold
from crosscheck.core.model import Span

# Titles that precede a name; a sentence never ends on one of them before a capital.
# ("Jr." and "Sr." follow a name, so they can end a sentence: "…cheered King Jr. The crowd…")
_TITLES = {
    "lt", "gen", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "brig", "rep",
    "sen", "gov", "rev", "hon", "pres", "supt", "insp", "det", "prof", "dr", "mr", "mrs",
    "ms", "st", "amb", "atty", "mt", "ft",
}
# Abbreviations that precede a number ("No. 10", "vol. 2"). Before a capital they are words
# ending a sentence: "the mayor said no. The chief agreed."
_NUMBERED = {"no", "vol", "art", "fig"}
_TITLE_END = re.compile(rf"(?:^|[\s(]|{OPEN_CLASS})([A-Za-z]{{1,5}})\.\s*$")
_CJK_STOP = re.compile(r"[。！？!?](?:[」』”’）)]*)")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A run of three or more capitalised words glued without spaces (site navigation).
# A full stop glued to the next sentence: ``Ukraine.“Something`` or ``yet.”In``. The letter
# before the stop is lower-case, so ``U.S.Navy``-like abbreviations are left alone.
_GLUED_STOP = re.compile(rf"[a-z0-9)][.!?]+{CLOSE_CLASS}?(?={OPEN_CLASS}?[A-Z][a-z])")
# syntok keeps "3.40am. They got in" together, reading "am." as an abbreviation.
_TIME_STOP = re.compile(rf"\d\s?[ap]\.?m\.(?=\s+{OPEN_CLASS}?[A-Z])")
# An ellipsis before a capital ends a sentence ("… in life… He was a talented man").
_ELLIPSIS_STOP = re.compile(r"(?:…|\.\.\.)(?=\s+[A-Z][a-z])")
_GLUED_RUN = re.compile(r"(?<=[a-z])((?:[A-Z][a-z]+){2,})(?=[A-Z][a-z])")


def split_paragraphs(text: str) -> list[Span]:
    """Blank lines separate paragraphs; so do single line breaks, unless the line was wrapped.

    Scraped articles put one paragraph per line; e-mail, wire feeds and archived pages wrap
    lines at a fixed width. A break is a wrap when the next line's first word would not have
    fitted on the line (the test every line-filling wrapper obeys); a block whose breaks are
    mostly wraps is read as wrapped text, and its remaining breaks (a short last line, a title)
    still end paragraphs.
    """
    spans: list[Span] = []
    for block in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        lines = [(block.start() + m.start(), block.start() + m.end()) for m in re.finditer(r"[^\n]+", block.group())]
        soft = wrapped_breaks(text, lines)
        start = lines[0][0]
        for k, (_, end) in enumerate(lines):
            if k < len(lines) - 1 and soft[k]:
                continue
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if end - trail > start + lead:
                spans.append(Span(start + lead, end - trail))
            if k + 1 < len(lines):
                start = lines[k + 1][0]
    return spans


_WRAP_MIN, _WRAP_MAX = 40, 120  # widths of wrapped text: e-mail, wire feeds, archived pages


def wrapped_breaks(text: str, lines: list[tuple[int, int]]) -> list[bool]:
    """For each break between consecutive lines of one block: is it a wrap inside a paragraph?

    Two kinds of evidence. Fixed-width wrapping: the next line's first word would not have
    fitted on this one. A break in mid-sentence (saved pages and feeds break lines anywhere):
    the line ends without a sentence's closing punctuation and the next goes on in lower case,
    or a long line stops on a word or comma and the text runs straight on.
    """
    if len(lines) < 2:
        return []
    stripped = [text[a:b].rstrip() for a, b in lines]
    width = max(len(line) for line in stripped)
    fixed = [False] * (len(lines) - 1)
    if _WRAP_MIN <= width <= _WRAP_MAX:
        for k, (line, nxt) in enumerate(pairwise(stripped)):
            first = nxt.lstrip().split(" ", 1)[0]
            if _CJK_CHAR.match(nxt.lstrip()):
                first = nxt.lstrip()[:1]  # no spaces: any character may start a wrapped line
                if line[-1:] in "。！？」』】）)":
                    continue  # a line ending 。, 」 or 】 ends its paragraph
            fixed[k] = len(line) >= 0.5 * width and len(line) + 1 + len(first) > width - 2
        if sum(fixed) < max(1, 0.5 * len(fixed)):
            fixed = [False] * len(fixed)
    return [f or _mid_sentence(line, nxt, k == 0 and lines[0][0] == 0)
            for k, (f, (line, nxt)) in enumerate(zip(fixed, pairwise(stripped), strict=True))]


_OPEN_END = re.compile(r"[^\W\d_],?$")


def _mid_sentence(line: str, nxt: str, first_line: bool) -> bool:
    nxt = nxt.lstrip()
    if not nxt or not _OPEN_END.search(line):
        return False
    if nxt[0].islower():
        return len(line.split()) >= 4  # "… most of all the" / "supporters, who …"
    return not first_line and len(line) >= 60 and line.endswith(",")


def reflow(text: str, paragraphs: Iterable[Span]) -> str:
    """The text with each line break inside a paragraph turned into a space: the same length,
    so every offset found in it points at the same character of the text shown."""
    chars = list(text)
    for para in paragraphs:
        at = text.find("\n", para.start, para.end)
        while at != -1:
            chars[at] = " "
            at = text.find("\n", at + 1, para.end)
    return "".join(chars)


def split_sentences(text: str, paragraphs: Iterable[Span] | None = None) -> list[Span]:
    """Sentences never cross a paragraph; each is trimmed of surrounding white space."""
    out: list[Span] = []
    for para in paragraphs if paragraphs is not None else split_paragraphs(text):
        at = para.start
        out.extend(Span(at + a, at + b) for a, b in _paragraph_sentences(text[para.start : para.end]))
    return out


@lru_cache(maxsize=16384)
def _paragraph_sentences(paragraph: str) -> tuple[tuple[int, int], ...]:
    """A paragraph's sentences as offsets into it. Every rule reads only the paragraph itself, so a
    paragraph a wire story gives a hundred papers is split once."""
    return tuple((s.start, s.end) for s in _split_paragraph(paragraph, Span(0, len(paragraph))))


def _split_paragraph(text: str, para: Span) -> list[Span]:
    pieces = _syntok_sentences(text, para)
    pieces = _merge_after_titles(text, pieces)
    pieces = [s for piece in pieces for s in _split_glued_stops(text, piece)]
    pieces = [s for piece in pieces for s in _split_at(text, piece, _TIME_STOP)]
    pieces = [s for piece in pieces for s in _split_at(text, piece, _ELLIPSIS_STOP)]
    pieces = [s for piece in pieces for s in _split_cjk(text, piece)]
    return [s for piece in pieces for s in _split_glued_runs(text, piece)]


def _syntok_sentences(text: str, para: Span) -> list[Span]:
    # Quotation marks folded to one style (same length), so that ‘…’ and “…” split alike.
    chunk = fold(text[para.start : para.end])
    spans: list[Span] = []
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if not tokens:
                continue
            start = para.start + tokens[0].offset
            end = para.start + tokens[-1].offset + len(tokens[-1].value)
            spans.append(Span(start, end))
    if not spans:
        return [para]
    # syntok can leave leading punctuation (an opening quote) out of a token offset: widen to
    # cover everything between consecutive sentences so no character of the paragraph is lost.
    widened = []
    for i, span in enumerate(spans):
        start = para.start if i == 0 else span.start
        end = spans[i + 1].start if i + 1 < len(spans) else para.end
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        widened.append(Span(start + lead, end - trail))
    return [s for s in widened if s.end > s.start]


def _merge_after_titles(text: str, spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            m = _TITLE_END.search(text[prev.start : prev.end])
            word, first = (m.group(1).lower() if m else ""), text[span.start : span.start + 1]
            if (word in _TITLES and first.isupper()) or (word in _NUMBERED and first.isdigit()):
                merged[-1] = Span(prev.start, span.end)
                continue
        merged.append(span)
    return merged


def _split_glued_stops(text: str, span: Span) -> list[Span]:
    return _split_at(text, span, _GLUED_STOP)


def _split_at(text: str, span: Span, pattern: re.Pattern[str]) -> list[Span]:
    """Cut ``span`` after every match of ``pattern``."""
    piece = text[span.start : span.end]
    cuts = [span.start + m.end() for m in pattern.finditer(piece)]
    bounds = [span.start, *cuts, span.end]
    return [_trim(text, a, b) for a, b in pairwise(bounds) if text[a:b].strip()]


def _split_cjk(text: str, span: Span) -> list[Span]:
    piece = text[span.start : span.end]
    if not _CJK_CHAR.search(piece):
        return [span]
    out, start = [], span.start
    for m in _CJK_STOP.finditer(piece):
        if m.group()[0] in "!?" and not _CJK_CHAR.search(piece[max(0, m.start() - 1) : m.start()]):
            continue
        end = span.start + m.end()
        if end > start and text[start:end].strip():
            out.append(_trim(text, start, end))
        start = end
    if text[start : span.end].strip():
        out.append(_trim(text, start, span.end))
    return out or [span]


def _split_glued_runs(text: str, span: Span) -> list[Span]:
    piece = text[span.start : span.end]
    m = _GLUED_RUN.search(piece)
    if not m:
        return [span]
    cut1, cut2 = span.start + m.start(1), span.start + m.end(1)
    parts = [(span.start, cut1), (cut1, cut2), (cut2, span.end)]
    out: list[Span] = []
    for a, b in parts:
        if text[a:b].strip():
            out.extend(_split_glued_runs(text, _trim(text, a, b)) if a == cut2 else [_trim(text, a, b)])
    return out


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
