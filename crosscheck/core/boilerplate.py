"""Site boilerplate in article text: what the page says about itself rather than the event.

Three kinds of evidence, all at sentence level and widened to whole paragraphs when most of a
paragraph is boilerplate: the phrasing of site furniture (share and newsletter prompts,
membership pleas, copyright and disclaimer blocks, comment forms, group footers, author bios);
navigation glued into the text (``SeaInternationalIndiaAfricaThe``); and text repeated verbatim
at the end of several articles (one outlet's footer), which only a comparison can see.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from crosscheck.core.clutter import find_clutter
from crosscheck.core.marks import CLOSE_CLASS, DOUBLE_CLASS
from crosscheck.core.model import Source, Span
from crosscheck.core.normalize import tokenize
from crosscheck.core.spans import Spans

_CUES = [
    r"\bnewsletter\b", r"\bsubscribe\b", r"\bsign(?:ing)? up\b", r"\bunsubscribe\b", r"\bmailing list\b",
    r"\bshare (?:this|the|our) (?:article|story|post|page|issue|newsletter)\b",
    r"\bshare button\b", r"\bshare widely\b",
    r"\brepost\b", r"\bforward this article\b", r"\bfollow us on\b", r"\blike us on\b", r"\bclick here\b",
    r"\bcopyright\b", r"©", r"\ball rights reserved\b", r"\bfair use\b", r"\bcross-post\b",
    r"\bpermission to (?:reprint|republish|reproduce|cross-post)\b", r"\bdisclaimer\b",
    r"\bsole responsibility\b", r"\bviews expressed\b", r"\bdo(?:es)? not necessarily reflect\b",
    r"\bleave a (?:reply|comment)\b", r"\byour email address will not be published\b",
    r"\brequired fields are marked\b", r"\bcomments? (?:on|are closed)\b", r"\bpost a comment\b",
    r"\bback to top\b", r"\bskip to (?:main )?content\b", r"\brelated (?:articles|stories|posts)\b",
    r"\bis part of the\b.*\bgroup\b", r"\boriginal source of this article\b",
    r"\bcontributed (?:reporting|to this (?:report|story|article))\b", r"\bgot a (?:story|tip)\b",
    r"\bmedia inquiries\b", r"\bnote to readers\b", r"\btranslate website\b", r"\bcan be read in \d+ languages\b",
    r"\benjoyed this (?:story|article)\b", r"\bnever miss\b", r"\bcookies?\b.*\b(?:accept|consent|policy)\b",
    r"\bprivacy policy\b", r"\bterms of (?:use|service)\b", r"\bwww\.\w", r"@\w+\.\w{2,}",
]
# Phrases that also occur in reporting ("…to become a member of the alliance"): they count only
# in a short sentence or in the last part of an article, where site text lives.
_WEAK_CUES = [
    r"\bread more\b", r"\bbecom(?:e|ing) a (?:member|subscriber|supporter|patron)\b", r"\bif you value\b",
    r"\bfree to read\b", r"\bsupport (?:independent|our|local)\b",
    r"\bdonat(?:e|ion)\b", r"\bfeatured image\b", r"\bimage (?:credit|source)\b", r"\bphoto(?:graph)? (?:credit|by)\b",
    r"\barticles by\b", r"\bcomment on\b",
]
_CUE_RE = re.compile("|".join(_CUES), re.I)
_WEAK_CUE_RE = re.compile("|".join(_WEAK_CUES), re.I)
_ENDS_SENTENCE = re.compile(rf"(?:[.!?]|{CLOSE_CLASS})$")
_GLUED_NAV = re.compile(r"^(?:[A-Z][a-z]+){3,}$")


def find_boilerplate(
    sources: Sequence[Source], own: Sequence[list[tuple[Span, str]]] | None = None
) -> dict[str, list[tuple[Span, str]]]:
    """Per source id, the spans that are boilerplate and why.

    ``own`` is each source's ``source_boilerplate``, when it was already found (on another core).
    """
    found: dict[str, list[tuple[Span, str]]] = {
        s.id: list(own[i]) if own is not None else source_boilerplate(s) for i, s in enumerate(sources)}
    _repeated_endings(sources, found)
    for marks in found.values():
        marks.sort(key=lambda m: (m[0].start, m[0].end))
    return found


def source_boilerplate(source: Source) -> list[tuple[Span, str]]:
    """What one article alone shows to be boilerplate (its page furniture, navigation, site
    text, author bio, clutter); what is boilerplate because articles repeat it comes later."""
    marks: list[tuple[Span, str]] = [(f.span, f.kind) for f in source.furniture]
    sentences = source.sentences
    for i, sent in enumerate(sentences):
        piece = source.analysis_text[sent.start : sent.end]
        if _GLUED_NAV.match(piece):
            marks.append((sent, "navigation"))
            prev = source.text[sentences[i - 1].start : sentences[i - 1].end] if i > 0 else "."
            if not _ENDS_SENTENCE.search(prev):
                marks.append((sentences[i - 1], "caption"))  # glued to navigation with no full stop
        elif _site_text(piece, i, len(sentences)):
            marks.append((sent, "site text"))
        elif _author_bio(source, piece, i, len(sentences)):
            marks.append((sent, "author bio"))
    marks.extend(find_clutter(source))
    _widen_to_paragraphs(source, marks)
    return marks


# "Jane Doe is a Detroit native who has covered the town since 2017": the writer's note at the end
_WRITER_NOTE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+\s+(?:is|was|has been)\s+(?:a|an|the)\b[^.]{0,120}?"
    r"\b(?:who (?:has )?(?:covered|covers|reported|reports|writes|written|joined)|reporter|correspondent|"
    r"journalist|columnist|staff writer|contributing writer)\b"
)


# Words at least one of which every cue above contains: most sentences have none, and a
# substring test is a hundred times cheaper than the alternation (tests/test_engine.py checks
# that every cue is covered).
_CUE_WORDS = (
    "newsletter", "subscribe", "sign up", "signing up", "mailing list", "share", "repost", "forward this article",
    "follow us on", "like us on", "click here", "copyright", "©", "all rights reserved", "fair use", "cross-post",
    "permission to", "disclaimer", "sole responsibility", "views expressed", "necessarily reflect", "leave a",
    "your email address", "required fields", "comment", "back to top", "skip to", "related", "is part of the",
    "original source", "contributed", "got a", "media inquiries", "note to readers", "translate website",
    "can be read in", "enjoyed this", "never miss", "cookie", "privacy policy", "terms of", "www.", "@",
    "read more", "becom", "if you value", "free to read", "support", "donat", "featured image", "image", "photo",
    "articles by",
)


def _site_text(sentence: str, index: int, total: int) -> bool:
    low = sentence.lower()
    if not any(word in low for word in _CUE_WORDS):
        return False
    words = len(sentence.split())
    if _CUE_RE.search(sentence):
        return words <= 80
    return bool(_WEAK_CUE_RE.search(sentence)) and (words <= 15 or index >= 0.7 * total)


def _author_bio(source: Source, sentence: str, index: int, total: int) -> bool:
    """``Jane Doe is a Cairo-based researcher.`` near the end of an article by Jane Doe: a
    sentence about the author, which opens with their name, in the last part of the article —
    or, byline or not, one that says so ("… is a Detroit native who has covered the town since
    2017") among the last three sentences."""
    if index >= total - 3 and _WRITER_NOTE.match(sentence.strip()):
        return True
    if not source.author or index < total * 0.6:
        return False
    authors = [a.strip() for a in re.split(r",|\band\b|;|·", source.author) if len(a.split()) >= 2]
    if any(sentence.startswith(a + " ") for a in authors):
        return True
    # "Khristopher J. Brooks is a Detroit native…" / "Brooks is a …" near the end: the author's bio
    return any(re.match(rf"(?:[A-Z][\w.]*\s+){{0,3}}{re.escape(a.split()[-1])}\s+(?:is|was|has)\b", sentence)
               for a in authors)


def _widen_to_paragraphs(source: Source, marks: list[tuple[Span, str]]) -> None:
    """A paragraph whose sentences are mostly boilerplate is boilerplate as a whole."""
    marked = Spans(marks)
    sentences = Spans((s, s) for s in source.sentences)
    for para in source.paragraphs:
        inside = [s for s, _ in sentences.within(para.start, para.end)]
        hit = [s for s in inside if any(m.contains(s) or (s.contains(m) and len(m) > 0.6 * len(s))
                                        for m, _ in marked.touching(s.start, s.end))]
        if inside and len(hit) * 2 > len(inside) and not any(
                m.contains(para) for m, _ in marked.touching(para.start, para.end)):
            marks.append((para, "site text"))


def _repeated_endings(sources: Sequence[Source], found: dict[str, list[tuple[Span, str]]]) -> None:
    """Paragraphs without quotation repeated word for word near the end of two or more articles."""
    seen: dict[tuple[str, ...], list[tuple[str, Span]]] = defaultdict(list)
    for source in sources:
        paras = source.paragraphs
        for para in paras[-4:]:
            text = source.text[para.start : para.end]
            if re.search(DOUBLE_CLASS, text):
                continue
            key = tuple(t.norm for t in tokenize(source.text, para))
            if len(key) >= 5:
                seen[key].append((source.id, para))
    outlets = {s.id: s.outlet for s in sources}
    lasts = {s.id: s.paragraphs[-1] for s in sources if s.paragraphs}
    for hits in seen.values():
        if len({sid for sid, _ in hits}) < 2:
            continue
        # One outlet's footer: the articles name the same outlet, or (outlet unknown) the text
        # is the very last paragraph of each. Two outlets ending alike is reporting, not chrome.
        named = {outlets[sid] for sid, _ in hits}
        same_outlet = len(named) == 1 and None not in named
        if same_outlet or (all(para == lasts[sid] for sid, para in hits) and None in named):
            for sid, para in hits:
                found[sid].append((para, "repeated footer"))


def is_boilerplate(span: Span, marks: list[tuple[Span, str]]) -> bool:
    """Whether most of ``span`` lies in boilerplate."""
    covered = sum(max(0, min(span.end, m.end) - max(span.start, m.start)) for m, _ in marks)
    return covered >= 0.5 * max(len(span), 1)
