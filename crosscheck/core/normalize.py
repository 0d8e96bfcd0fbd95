"""The matching form of text: tokens that compare equal across typographic and spelling noise.

Each token keeps its span in the shown text (CollateX's idea: match on the normal form, anchor on
the original), so anything found by matching maps straight back to what the reader sees.
Normalisation is applied to both sides alike, so a rule that maps two spellings of one word
together is safe even where it also rewrites words it never needed to.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from crosscheck.core.model import Span

# Words joined by apostrophes or hyphens stay one token; numbers keep their separators.
# A clock time is one token ("3.40am", "3:40 a.m."), so both spellings can match.
_TIME = r"\d{1,2}[:.]\d{2}\s?[ap]\.?m\b\.?"
# Scripts written without spaces (Chinese, Japanese kana and kanji) are compared character by
# character: each such character is a token of its own.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_WORD = rf"[^\W\d_{CJK}]+"
_TOKEN = re.compile(
    rf"{_TIME}|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s|m|bn|k)?%?|[{CJK}]|{_WORD}(?:[’'`ʼ]{_WORD})*(?:-{_WORD})*",
    re.UNICODE | re.IGNORECASE,
)
_CJK_RE = re.compile(f"[{CJK}]")
_TIME_RE = re.compile(rf"^{_TIME}$", re.IGNORECASE)
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
# Names of days and months: capitalised like names, and no one's ("said late Monday").
CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
NEGATIONS = frozenset("not no never none nobody nothing neither nor n't without cannot".split())


class Token(NamedTuple):
    """A word of the shown text: its span, its matching form and its original spelling. (A
    named tuple: a long article has hundreds of thousands, and a tuple is made fastest.)"""

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
    """Tokens of ``text[span]`` with absolute offsets into ``text``. A sentence is read by several
    steps (claims, figures, phrases, unquoted copies): it is tokenised once."""
    start, end = (span.start, span.end) if span else (0, len(text))
    return list(_tokens(text, start, end))


def forget_texts() -> None:
    """Drop the tokens of earlier analyses (the cache holds their texts)."""
    _tokens.cache_clear()


@lru_cache(maxsize=32768)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(
        Token(Span(m.start(), m.end()), normalize_word(m.group()), m.group())
        for m in _TOKEN.finditer(text, start, end)
    )


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower case, plain apostrophes, no accents, one spelling for British/American variants."""
    if len(word) == 1 and _CJK_RE.match(word):
        return word  # kana keep their voicing marks: が is not か
    w = word.translate(_APOSTROPHES).lower()
    if _TIME_RE.match(w):
        hours, minutes = re.split(r"[:.]", w[:5].strip(), maxsplit=1)
        return f"{int(hours)}:{minutes[:2]}{'pm' if 'p' in w[3:] else 'am'}"
    w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    w = w.replace(",", "") if w[:1].isdigit() and "," in w else w
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    return _spelling(w)


_SPELLING_RULES = [
    (re.compile(r"(\w{3,})is(e|ed|es|ing|ation|ations|ational|ationally|er|ers|able)$"), r"\1iz\2"),
    (re.compile(r"(\w{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"(\w{2,}[^aeiou])our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),
    (re.compile(r"(\w{2,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"(\w{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(de|of)fence(s)?$"), r"\1fense\2"),
    (re.compile(r"(\w{2,})dgement(s)?$"), r"\1dgment\2"),  # acknowledgement, judgement
]


def _spelling(w: str) -> str:
    if len(w) < 5 or not w.isalpha():
        return w
    for pattern, repl in _SPELLING_RULES:
        new = pattern.sub(repl, w)
        if new != w:
            return new
    return w


_NUMBER_VALUES = {
    w: n for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "dozen": 12}
_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
              "trillion": 1e12, "tn": 1e12}


_FIGURE = re.compile(r"^(\d+(?:\.\d+)?)(st|nd|rd|th|s|m|bn|k)?%?$")
_COMPOUND = re.compile(r"^([a-z]+|\d+(?:\.\d+)?)-([a-z]+)$")
# Units of time in hours: "12 hours", "half a day" and "a 720-minute wait" are one duration.
DURATION_HOURS = {"minute": 1 / 60, "minutes": 1 / 60, "hour": 1.0, "hours": 1.0, "day": 24.0, "days": 24.0,
                  "week": 168.0, "weeks": 168.0}


def compound_unit(norm: str) -> str | None:
    """The unit of a figure written as one word with it ("six-hour" → "hour"), if it is one."""
    m = _COMPOUND.match(norm)
    return m.group(2) if m and (m.group(1) in _NUMBER_VALUES or m.group(1)[:1].isdigit()) else None


def figures(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """Numbers as values, so "£3.5m" and "3.5 million" agree: (value, first token, last token)."""
    out = []
    skip = -1
    for i, tok in enumerate(tokens):
        if i <= skip or ":" in tok.norm:
            continue
        compound = _COMPOUND.match(tok.norm)  # "six-hour", "3-day": a figure and its unit in one word
        if tok.norm in _NUMBER_VALUES:
            value, suffix, last = float(_NUMBER_VALUES[tok.norm]), None, i
        elif compound and (compound.group(1) in _NUMBER_VALUES or compound.group(1)[:1].isdigit()):
            head = compound.group(1)
            value = float(_NUMBER_VALUES[head]) if head in _NUMBER_VALUES else float(head)
            out.append((_plain_number(value), i, i))
            continue
        elif tok.norm == "half" and i + 2 < len(tokens) and tokens[i + 1].norm in ("a", "an") and (
                tokens[i + 2].norm in DURATION_HOURS):
            out.append(("0.5", i, i + 1))  # "half a day", "half an hour"
            skip = i + 1
            continue
        else:
            m = _FIGURE.match(tok.norm)
            if not m:
                continue
            value, suffix, last = float(m.group(1)), m.group(2), i
        if suffix in _MAGNITUDE:
            value *= _MAGNITUDE[suffix]
        elif i + 1 < len(tokens) and tokens[i + 1].norm in _MAGNITUDE:
            value *= _MAGNITUDE[tokens[i + 1].norm]
            last = i + 1
        elif i + 1 < len(tokens) and tokens[i + 1].norm in ("dozen", "hundred") and value < 100:
            value *= _NUMBER_VALUES[tokens[i + 1].norm]  # "two dozen" is 24, "three hundred" 300
            last = i + 1
        out.append((_plain_number(value), i, last))
        skip = last
    return out


def _plain_number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def content_stem(norm: str) -> str:
    """A light stem for comparing claims: plurals and common verb endings go."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 4:
            base = norm[: -len(suffix)]
            return base + "y" if suffix in ("ied", "ies") else base
    return norm


def figures_agree(a: str, b: str) -> bool:
    """Two figures (as ``figures`` gives them) that are the same fact told at different precision:
    65,223 and 65,000; 2.43 million and 2.4 million; 6.6% and 7%; 294 and "nearly 300".

    The less precise figure sets the tolerance (half a unit of its last significant digit), and
    never more than a tenth of the value: "close to 10,000" is not 6,500.
    """
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    if x == y:
        return True
    tolerance = 0.5 * max(_unit(a), _unit(b))
    return abs(x - y) <= tolerance + 1e-9 and abs(x - y) <= 0.1 * max(abs(x), abs(y))


def _unit(value: str) -> float:
    if "." in value:
        return 10.0 ** -len(value.split(".", 1)[1])
    digits = value.lstrip("-")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 1) if digits.strip("0") else 1.0
