"""The matching form of text: tokens that compare equal across typographic and spelling noise.

Each token keeps its span in the shown text (CollateX's idea: match on the normal form, anchor on
the original), so anything found by matching maps straight back to what the reader sees.
Normalisation is applied to both sides alike, so a rule that maps two spellings of one word
together is safe even where it also rewrites words it never needed to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.core.model import Span

# Words joined by apostrophes or hyphens stay one token; numbers keep their separators.
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?|[^\W\d_]+(?:[’'`ʼ][^\W\d_]+)*(?:-[^\W\d_]+)*", re.UNICODE
)
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'", "‘": "'"})

STOPWORDS = frozenset(
    """a an the and or but nor so yet of to in on at by for with from into onto over under about
    as than then that this these those there here it its it's is are was were be been being am
    has have had having do does did doing will would shall should can could may might must
    i me my we us our you your he him his she her they them their who whom whose which what
    when where why how not no all any both each few more most other some such only own same
    too very just also even still ever again further once up down out off s t said says say
    told tell according while after before during since until because if though although
    mr mrs ms dr""".split()
)
NEGATIONS = frozenset("not no never none nobody nothing neither nor n't without cannot".split())


@dataclass(frozen=True)
class Token:
    """A word of the shown text: its span, its matching form and its original spelling."""

    span: Span
    norm: str
    raw: str

    @property
    def is_content(self) -> bool:
        return self.norm not in STOPWORDS

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit() or self.norm in NUMBER_WORDS

    @property
    def is_capitalised(self) -> bool:
        return self.raw[:1].isupper()


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen first second third half""".split()
)


def tokenize(text: str, span: Span | None = None) -> list[Token]:
    """Tokens of ``text[span]`` with absolute offsets into ``text``."""
    start, end = (span.start, span.end) if span else (0, len(text))
    return [
        Token(Span(m.start(), m.end()), normalize_word(m.group()), m.group())
        for m in _TOKEN.finditer(text, start, end)
    ]


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower case, plain apostrophes, no accents, one spelling for British/American variants."""
    w = word.translate(_APOSTROPHES).lower()
    w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    w = w.replace(",", "") if w[:1].isdigit() and "," in w else w
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    return _spelling(w)


_SPELLING_RULES = [
    (re.compile(r"(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"(\w{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"(\w{2,}[^aeiou])our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),
    (re.compile(r"(\w{2,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"(\w{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(de|of)fence(s)?$"), r"\1fense\2"),
]


def _spelling(w: str) -> str:
    if len(w) < 5 or not w.isalpha():
        return w
    for pattern, repl in _SPELLING_RULES:
        new = pattern.sub(repl, w)
        if new != w:
            return new
    return w


def content_stem(norm: str) -> str:
    """A light stem for comparing claims: plurals and common verb endings go."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 4:
            base = norm[: -len(suffix)]
            return base + "y" if suffix in ("ied", "ies") else base
    return norm
