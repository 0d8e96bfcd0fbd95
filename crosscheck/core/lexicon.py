"""Words news writing uses for one another, as one content word for comparing claims.

"Tokyo is in talks" and "Japan is in discussions" state one fact in different words: lexical
matching alone sees two shared words of five. ``resources/paraphrases.txt`` lists narrow
classes of such words (talks / discussions / negotiations, resigned / stepped down, a capital
for its country); each word of a class compares as the class's first entry. Abbreviations are
one name however they are written (U.S. / US, E.U. / EU). Only matching changes: the text
shown, its diff and every offset stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from crosscheck.core.model import Span
from crosscheck.core.normalize import Token, content_stem, tokenize
from crosscheck.resources import resources_dir

_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], dict[tuple[str, ...], str], frozenset[str]]:
    """(single word or its stem → class, word sequence → class, the classes that are names)."""
    single: dict[str, str] = {}
    multi: dict[tuple[str, ...], str] = {}
    names: set[str] = set()
    path = resources_dir() / "paraphrases.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        entries = line.split("#", 1)[0].split()
        if not entries:
            continue
        name = "~" + entries[0]
        if any("." in entry for entry in entries):
            names.add(name)  # a name written with dots ("U.S.") is one name however abbreviated
        for entry in entries:
            if "_" in entry:
                multi[tuple(entry.split("_"))] = name
            else:
                word = entry.replace(".", "")
                # its inflections too, as the light stemmer leaves them ("jobs", "cutting" → "cutt")
                for form in (word, word + "s", word + "es", word + "ed", word + "ing",
                             word + word[-1] + "ed", word + word[-1] + "ing"):
                    single.setdefault(form, name)
                    single.setdefault(content_stem(form), name)
    return single, multi, frozenset(names)


@lru_cache(maxsize=1)
def _multi_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in _classes()[1].items():
        out.setdefault(words[0], []).append((words, name))
    return out


def concept(stem: str) -> str:
    """The class a content word's stem belongs to, or the stem itself."""
    return _classes()[0].get(stem, stem)


def concepts(text: str, tokens: Sequence[Token]) -> set[str]:
    """Classes a passage names beyond its single content words: phrases ("stepped down",
    "United States") and abbreviations written in capitals or with dots ("US", "U.S.")."""
    single, _, _ = _classes()
    found: set[str] = set()
    norms = [t.norm for t in tokens]
    starts = _multi_by_first()
    for k, norm in enumerate(norms):
        for words, name in starts.get(norm, ()):
            if tuple(norms[k : k + len(words)]) == words:
                found.add(name)
    for t in tokens:
        surface = text[t.span.start : t.span.end]
        if len(surface) >= 2 and surface.isalpha() and surface.isupper() and surface.lower() in single:
            found.add(single[surface.lower()])
    for m in _DOTTED.finditer(text[tokens[0].span.start : tokens[-1].span.end + 1] if tokens else ""):
        letters = m.group().replace(".", "").lower()
        if letters in single:
            found.add(single[letters])
    return found


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name and nothing else: "United Kingdom" / "UK", "U.S." / "US"."""
    names = _classes()[2]
    ta, tb = tokenize(a, Span(0, len(a))), tokenize(b, Span(0, len(b)))
    ca, cb = concepts(a, ta) & names, concepts(b, tb) & names
    return bool(ca) and ca == cb and len(ta) <= 3 and len(tb) <= 3
