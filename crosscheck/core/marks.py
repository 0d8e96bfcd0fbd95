"""Quotation marks: the one table every module that deals with quotes reads.

Quotes, sentence splitting, clause splitting, attribution and boilerplate all need to know
which characters open and close a quotation. They used to keep their own lists, which drifted
apart (a sentence ending in ‘a farce’ split differently from one ending in “a farce”). Every
mark here is a single character, so folding them for matching never moves an offset.
"""

from __future__ import annotations

import re

# Opening mark -> the marks that may close it. English curly and straight marks, German „…“
# and ‚…‘, French and Italian «…», German and Danish »…«, Japanese and Chinese 「…」 and 『…』.
DOUBLE_PAIRS: dict[str, str] = {
    "“": "”“\"", "„": "“”\"", "«": "»", "»": "«", "「": "」", "『": "』", '"': '"”', "”": "”",
    "＂": "＂",
}
SINGLE_PAIRS: dict[str, str] = {"‘": "’'", "‚": "‘’", "‹": "›", "'": "'’", "’": "’"}
DOUBLE_MARKS = frozenset("“”„«»「」『』\"＂")
SINGLE_MARKS = frozenset("‘’‚‹›'")
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS

OPENING = "“„«「『\"＂‘‚‹'"
CLOSING = "”»」』\"＂’›'"
# For regular expressions: a class of any mark, of opening marks, of closing marks.
ANY_CLASS = "[" + re.escape("".join(sorted(ALL_MARKS))) + "]"
DOUBLE_CLASS = "[" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]"
OPEN_CLASS = "[" + re.escape(OPENING + "»") + "]"
CLOSE_CLASS = "[" + re.escape(CLOSING + "«") + "]"
# Double marks that open a paragraph continuing a multi-paragraph (double-quoted) quotation.
REOPENING = "“„«»「『\"＂”"  # ” too: scraped pages open quotes with it

_FOLD = str.maketrans({**{c: '"' for c in DOUBLE_MARKS if c not in "「」『』"}, **{c: "'" for c in SINGLE_MARKS}})


def fold(text: str) -> str:
    """Every Western quotation mark as its ASCII form (same length), for matching and splitting.

    Japanese and Chinese corner brackets are left alone: sentence rules for those scripts key on them.
    """
    return text.translate(_FOLD)


def quote_depth(before: str) -> int:
    """How many quotations are open at the end of ``before`` (straight marks alternate)."""
    opened = sum(before.count(c) for c in "“„«「『")
    closed = sum(before.count(c) for c in "”»」』")
    return max(0, opened - closed) + before.count('"') % 2
