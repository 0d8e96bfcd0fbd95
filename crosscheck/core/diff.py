"""Word-level differences between two passages, and what kind of change each one is.

diff-match-patch diffs characters; we give it words by mapping each distinct token (word,
space run or punctuation mark) to one private-use character, diff those, and map back. With no
timeout the result depends only on the input, never on machine load. The ``0``/``-1`` texts
rebuild the first passage exactly and the ``0``/``1`` texts the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Levenshtein

from crosscheck.core.lexicon import same_name
from crosscheck.core.normalize import (
    CALENDAR_WORDS,
    CJK,
    NEGATIONS,
    NUMBER_WORDS,
    STOPWORDS,
    figures,
    normalize_word,
    tokenize,
)

# Tokens: numbers, words, white space, an ellipsis in any spelling (… ... . . .), one mark.
# A character of a script written without spaces (Japanese, Chinese) is a token of its own.
_PIECE = re.compile(
    rf"\d+(?:[.,]\d+)*%?|[{CJK}]|[^\W_{CJK}]+(?:[’'`ʼ][^\W_{CJK}]+)*|\.(?: ?\.){{2}}|…|\s+|.", re.S
)
_WORD = re.compile(r"[^\W_]", re.U)
_DATE_WORDS = CALENDAR_WORDS | {"yesterday", "today", "tomorrow"}
_BRACKETS = set("()[]{}")

class ChangeKind(StrEnum):
    """What kind of edit a change is, quietest first; the first five never change meaning."""

    TYPOGRAPHY = "typography"
    CASE = "case"
    SPELLING = "spelling"
    EDITORIAL = "editorial"
    GRAMMAR = "grammar"  # the same words put in another person or number ("I have" / "she has")
    OUTSIDE = "outside"  # words of the longer passage a fragment does not reach
    INSERTION = "insertion"
    OMISSION = "omission"
    ELISION = "elision"  # words one version leaves out and marks so with "…"
    SUBSTITUTION = "substitution"
    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    NEGATION = "negation"


# Change kinds, quietest first. "noise" kinds never change meaning.
NOISE = ("typography", "case", "spelling", "editorial", "grammar", "outside")
SEVERITY = {
    "typography": 0, "case": 0, "spelling": 0, "editorial": 0, "grammar": 0, "outside": 0,
    "elision": 1, "insertion": 2, "omission": 2, "substitution": 2, "name": 3, "number": 3, "date": 3, "negation": 3,
}


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut short by the clock
    return dmp


def word_diff(a: str, b: str) -> list[tuple[int, str]]:
    """Diff-match-patch operations over whole tokens (see ``_word_diff``). The same two passages
    are compared more than once (a group's diffs, its figures, the window's reference view):
    each pair is diffed once."""
    return list(_cached_diff(a, b))


@lru_cache(maxsize=8192)
def _cached_diff(a: str, b: str) -> tuple[tuple[int, str], ...]:
    return tuple(_word_diff(a, b))



def _word_diff(a: str, b: str) -> list[tuple[int, str]]:
    """Diff-match-patch operations over whole tokens.

    Tokens are matched by their normal form (case, apostrophes and British/American spelling
    folded), so ``We``/``we`` or ``finalized``/``finalised`` align as the same word instead of
    derailing the alignment; where matched tokens are written differently, the difference is
    still reported as its own small change, so both sides rebuild exactly.
    """
    if a == b:
        return [(0, a)] if a else []  # copies of one text (a wire story in many papers)
    pieces_a, pieces_b = _PIECE.findall(a), _PIECE.findall(b)
    table: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        out = []
        for tok in tokens:
            key = normalize_word(tok) if _WORD.match(tok) else (" " if tok.isspace() else tok)
            ch = table.get(key)
            if ch is None:
                n = len(table)
                ch = chr(0xE000 + n) if n < 6400 else chr(0xF0000 + n - 6400)
                table[key] = ch
            out.append(ch)
        return "".join(out)

    diffs = _dmp().diff_main(encode(pieces_a), encode(pieces_b), False)
    raw: list[tuple[int, str]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == -1:
            raw.append((-1, "".join(pieces_a[ia : ia + n])))
            ia += n
        elif op == 1:
            raw.append((1, "".join(pieces_b[ib : ib + n])))
            ib += n
        else:
            for ta, tb in zip(pieces_a[ia : ia + n], pieces_b[ib : ib + n], strict=True):
                raw.extend([(0, ta)] if ta == tb else [(-1, ta), (1, tb)])
            ia += n
            ib += n
    return _merge(_absorb_spaces(raw))


def _absorb_spaces(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A lone space between two changes belongs to the change: ``a b`` -> ``c d`` is one edit,
    not two edits around an unchanged space."""
    out: list[tuple[int, str]] = []
    for k, (op, text) in enumerate(ops):
        between = 0 < k < len(ops) - 1 and ops[k - 1][0] != 0 and ops[k + 1][0] != 0
        if op == 0 and between and text.isspace():
            out.extend([(-1, text), (1, text)])
        else:
            out.append((op, text))
    return out


def _merge(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Adjacent operations of one kind become one; within a change, deletions come first."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == 0:
            if out and out[-1][0] == 0:
                out[-1] = (0, out[-1][1] + ops[k][1])
            elif ops[k][1]:
                out.append(ops[k])
            k += 1
            continue
        deleted = inserted = ""
        while k < len(ops) and ops[k][0] != 0:
            if ops[k][0] == -1:
                deleted += ops[k][1]
            else:
                inserted += ops[k][1]
            k += 1
        out.extend(op for op in ((-1, deleted), (1, inserted)) if op[1])
    return out


def similarity(ops: list[tuple[int, str]]) -> float:
    """Share of words the two sides have in common (words, not characters or spaces)."""
    same = sum(len(_words(t)) for op, t in ops if op == 0)
    a = same + sum(len(_words(t)) for op, t in ops if op == -1)
    b = same + sum(len(_words(t)) for op, t in ops if op == 1)
    return 2 * same / (a + b) if a + b else 1.0


@dataclass(frozen=True)
class Change:
    """One run of differences between two equal stretches: what was there, what is, what kind."""

    a_start: int  # offsets within the two passages
    a_end: int
    b_start: int
    b_end: int
    deleted: str
    inserted: str
    kind: ChangeKind

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ChangeKind(self.kind))

    @property
    def severity(self) -> int:
        return SEVERITY[self.kind]

    def as_dict(self) -> dict:
        return {
            "kind": str(self.kind), "severity": self.severity, "a": self.deleted, "b": self.inserted,
            "a_start": self.a_start, "a_end": self.a_end, "b_start": self.b_start, "b_end": self.b_end,
        }


def classify_changes(ops: list[tuple[int, str]], a_partial: bool = False, b_partial: bool = False) -> list[Change]:
    """Each run of non-equal operations, named. A fragment's missing context is ``outside``."""
    changes: list[Change] = []
    pos_a = pos_b = 0
    i = 0
    while i < len(ops):
        op, text = ops[i]
        if op == 0:
            pos_a += len(text)
            pos_b += len(text)
            i += 1
            continue
        deleted = inserted = ""
        start_a, start_b = pos_a, pos_b
        run_start = i
        while i < len(ops) and ops[i][0] != 0:
            if ops[i][0] == -1:
                deleted += ops[i][1]
                pos_a += len(ops[i][1])
            else:
                inserted += ops[i][1]
                pos_b += len(ops[i][1])
            i += 1
        # An edge is the passage's start or end, or only punctuation away from it ("… sympathies."
        # / "… sympathies, and employs …, you have lost this privilege.": the full stops match)
        leading = all(op == 0 and not _words(text) for op, text in ops[:run_start])
        trailing = i == len(ops) or (i == len(ops) - 1 and ops[i][0] == 0 and not _words(ops[i][1]))
        fragment_side = "b" if b_partial else "a" if a_partial else None
        if a_partial and b_partial and bool(deleted) != bool(inserted):
            # Both are pieces of a longer statement: at this edge the fragment is the side that
            # stops short ("unsafe campus environment" / "perpetuating an unsafe campus …")
            fragment_side = "a" if not deleted else "b"
        if (leading or trailing) and fragment_side:
            changes.extend(_edge_changes(start_a, pos_a, start_b, pos_b, deleted, inserted, fragment_side, leading))
        elif (trailing and _ends_sooner(ops, run_start, deleted, inserted)) or (
            (leading or trailing) and _quotes_less(deleted, inserted, leading)
        ):
            # one version starts later or stops sooner: it quotes less, it does not change words
            changes.append(Change(start_a, pos_a, start_b, pos_b, deleted, inserted, "outside"))
        else:
            changes.append(Change(start_a, pos_a, start_b, pos_b, deleted, inserted, _kind(deleted, inserted)))
    return changes


def _quotes_less(deleted: str, inserted: str, leading: bool) -> bool:
    """Words only one version has at its start or end — as it stands, or with the other's first
    word capitalised as a quote's first word is ("As we focus on both, we are …" / "We are …") —
    and no negation or figure among them: the shorter version quotes less of the same words."""
    longer, shorter = (deleted, inserted) if len(_words(deleted)) >= len(_words(inserted)) else (inserted, deleted)
    kept = shorter.strip().lower()
    if kept:
        if not leading or not longer.strip().lower().endswith(kept) or len(_words(shorter)) > 1:
            return False
        extra = longer.strip()[: len(longer.strip()) - len(kept)]
    else:
        extra = longer
    words = _words(extra)
    if re.search(f"[{CJK}]", extra):
        return False  # a character at a Japanese or Chinese sentence's end may be its negation (ない)
    return bool(words) and not _negated(words, extra) and not any(_is_number(w.lower()) for w in words)


_AGREEMENT = [frozenset(c.split()) for c in (
    "have has", "is are am", "was were", "do does", "i he she", "me him her", "my his her", "we they",
    "us them", "our their", "mine his hers", "ours theirs", "myself himself herself", "ourselves themselves",
)]


def _agreement(wd: list[str], wi: list[str]) -> bool:
    """Each word changed only in person or number ("have" / "has", "our" / "their"): a quote set in
    reported speech or a caption, not changed."""
    if not wd or len(wd) != len(wi):
        return False
    return all(a.lower() != b.lower() and any({a.lower(), b.lower()} <= c for c in _AGREEMENT)
               for a, b in zip(wd, wi, strict=True))


def _ends_sooner(ops: list[tuple[int, str]], run_start: int, deleted: str, inserted: str) -> bool:
    """One version stops at the end of a sentence the other goes on after: it quotes fewer
    sentences, it does not change the words ("… for more than 30 years." / "… I will miss her")."""
    if bool(deleted) == bool(inserted):
        return False
    before = "".join(text for op, text in ops[:run_start] if op == 0).rstrip()
    return before.endswith((".", "!", "?", "。")) and bool(_words(deleted or inserted))


def _edge_changes(
    a0: int, a1: int, b0: int, b1: int, deleted: str, inserted: str, fragment_side: str, leading: bool
) -> list[Change]:
    """At a fragment's edge, the longer side's extra words are ``outside``; if the fragment's
    own first (or last) words differ only in form (``we``/``We``), that part is its own change."""
    whole, piece = (deleted, inserted) if fragment_side == "b" else (inserted, deleted)
    if piece and _kind(deleted, inserted) in NOISE:
        # the same words written differently ("rock ‘n’ roll" / "Rock'n Roll"): no edge to cut
        return [Change(a0, a1, b0, b1, deleted, inserted, _kind(deleted, inserted))]
    if not piece:
        return [Change(a0, a1, b0, b1, deleted, inserted, "outside")]
    # The fragment's k edge words stand against the whole side's k words next to the matched
    # part (``ready``/``willing`` in ``We are ready to talk`` / ``willing to talk``); the whole
    # side's words beyond those are outside the fragment.
    k = len(_words(piece))
    starts = [m.start() for m in _PIECE.finditer(whole) if _WORD.match(m.group())]
    if k == 0:
        # Only punctuation on the fragment's side ("in front of me." / "in front of me, I said
        # let me try"): its own full stop ends the piece, the rest is outside it
        return [Change(a0, a1, b0, b1, deleted, inserted, "outside")]
    if len(starts) <= k:
        cut_off = not leading and k == 1 and whole.strip().lower().startswith(piece.strip().lower())
        return [Change(a0, a1, b0, b1, deleted, inserted, "outside" if cut_off else _kind(deleted, inserted))]
    if leading:
        cut = starts[-k]
        out_part, same_part = whole[:cut], whole[cut:]
    else:
        ends = [m.end() for m in _PIECE.finditer(whole) if _WORD.match(m.group())]
        cut = ends[k - 1]
        same_part, out_part = whole[:cut], whole[cut:]
    w0 = a0 if fragment_side == "b" else b0  # where the whole side's text starts
    outside_span = (w0, w0 + cut) if leading else (w0 + cut, w0 + len(whole))
    same_span = (w0 + cut, w0 + len(whole)) if leading else (w0, w0 + cut)
    p0 = b0 if fragment_side == "b" else a0
    # A fragment cut off in mid-word where its text ends ("Ole has achieved e"): the broken
    # word is the start of the whole side's word, not a change of it.
    cut_word = not leading and k == 1 and same_part.strip().lower().startswith(piece.strip().lower())
    if fragment_side == "b":
        outside = Change(*outside_span, b0, b0, out_part, "", "outside")
        same = Change(*same_span, p0, p0 + len(piece), same_part, piece,
                      "outside" if cut_word else _kind(same_part, piece))
    else:
        outside = Change(a0, a0, *outside_span, "", out_part, "outside")
        same = Change(p0, p0 + len(piece), *same_span, piece, same_part,
                      "outside" if cut_word else _kind(piece, same_part))
    return [outside, same] if leading else [same, outside]


def _words(text: str) -> list[str]:
    return [p for p in _PIECE.findall(text) if _WORD.match(p)]


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _kind(deleted: str, inserted: str) -> str:
    wd, wi = _words(deleted), _words(inserted)
    if [normalize_word(w) for w in wd] == [normalize_word(w) for w in wi]:
        if [w.lower() for w in wd] != [w.lower() for w in wi]:
            return "spelling" if [w.lower().replace("’", "'") for w in wd] != [
                w.lower().replace("’", "'") for w in wi
            ] else "typography"
        if wd != wi:
            return "case"
        marks = {c for c in deleted + inserted if not c.isspace() and not _WORD.match(c)}
        # Editorial marks: brackets around an insertion, and ellipses in any spelling (… ... . . .).
        if marks and marks <= _BRACKETS:
            return "editorial"
        if marks and marks <= {"…", "."} and ("…" in marks or "..." in _squeeze(deleted + inserted)):
            return "editorial"
        return "typography"
    if _kana_for_kanji(deleted, inserted):
        return "spelling"  # 分かりやすい / わかりやすい: one word written in kana or in kanji
    if bool(wd) != bool(wi) and _KANA.match((deleted or inserted).strip()) and len((deleted or inserted).strip()) == 1:
        return "spelling"  # one particle more or less (私は… / 私…): Japanese quoted loosely, not changed
    if wd and wi and _letters(deleted) == _letters(inserted):
        return "spelling"  # "rock ‘n’ roll" / "Rock'n Roll", "e-mail" / "email": the same letters
    if (_bracketed(deleted) and not wi) or (_bracketed(inserted) and not wd):
        return "editorial"  # an editor's insertion in brackets: "the plan [is] finished"
    if (_ellipsis_only(deleted) and wi) or (_ellipsis_only(inserted) and wd):
        return "elision"  # words one outlet left out and marked: "These actions … are part of"
    if same_name(deleted, inserted):
        return "spelling"  # one name, abbreviated or not: "United Kingdom" / "UK"
    low_d, low_i = {w.lower() for w in wd}, {w.lower() for w in wi}
    if _negated(wd, deleted) != _negated(wi, inserted):
        return "negation"  # one side says "not", the other does not ("not been" / "no" agree)
    if _agreement(wd, wi):
        return "grammar"
    if _same_value(deleted, inserted):
        return "spelling"  # "11" / "eleven", "2" / "two": one number written two ways
    if _typo(wd, wi):
        return "spelling"  # "respond" / "responde": a slip of one letter
    if not wd:
        return "insertion"
    if not wi:
        return "omission"
    # A date or number is "changed" only when both sides give one: a date merely left out is
    # an omission, not a conflict.
    if any(w in _DATE_WORDS for w in low_d) and any(w in _DATE_WORDS for w in low_i):
        return "date"
    if any(_is_number(w) for w in low_d) and any(_is_number(w) for w in low_i):
        return "number"
    if any(_name_word(w) for w in wd) and any(_name_word(w) for w in wi):
        return "name"
    return "substitution"


def _name_word(word: str) -> bool:
    """A capitalised word that can be a name: not a sentence's capitalised first word ("We", "As"),
    nor "I" and its contractions ("I’m", "I'd")."""
    plain = word.lower().replace("’", "'")
    return word[:1].isupper() and plain not in STOPWORDS and plain.split("'")[0] != "i"


def _ellipsis_only(text: str) -> bool:
    """Nothing but an ellipsis in any spelling (and the spaces or commas around it)."""
    bare = re.sub(r"[\s,;]", "", text)
    return bool(bare) and not _words(text) and bool(re.fullmatch(r"(?:…|\.{3,})+", bare))


_KANA = re.compile(r"^[\u3040-\u309f]+$")
_KANJI = re.compile(r"^[\u4e00-\u9fff\u3040-\u309f]*[\u4e00-\u9fff][\u4e00-\u9fff\u3040-\u309f]*$")


def _kana_for_kanji(deleted: str, inserted: str) -> bool:
    a, b = deleted.strip(), inserted.strip()
    if not a or not b or len(a) > 2 or len(b) > 2:
        return False
    return bool((_KANA.match(a) and _KANJI.match(b)) or (_KANA.match(b) and _KANJI.match(a)))


def _bracketed(text: str) -> bool:
    t = text.strip()
    return len(t) > 2 and (t[0], t[-1]) in (("[", "]"), ("(", ")")) and not re.search(r"[\[\]()]", t[1:-1])


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _negated(words: list[str], text: str) -> bool:
    """Whether a passage says no: "not", "no", "never", "-n't" — but not "not only"."""
    low = [w.lower() for w in words]
    plain = re.sub(r"\bnot only\b", "", text.lower())
    return bool(set(re.findall(r"[^\W\d_]+", plain)) & NEGATIONS) or _has_nt(words) if low else False


def _same_value(deleted: str, inserted: str) -> bool:
    a = [v for v, _, _ in figures(tokenize(deleted))]
    b = [v for v, _, _ in figures(tokenize(inserted))]
    rest_a = [w for w in _words(deleted) if not _is_number(w.lower())]
    rest_b = [w for w in _words(inserted) if not _is_number(w.lower())]
    return bool(a) and a == b and [w.lower() for w in rest_a] == [w.lower() for w in rest_b]


def _typo(wd: list[str], wi: list[str]) -> bool:
    if len(wd) != 1 or len(wi) != 1:
        return False
    a, b = wd[0].lower(), wi[0].lower()
    return min(len(a), len(b)) >= 5 and a[:1] == b[:1] and Levenshtein.distance(a, b) <= 1


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS


def _has_nt(words: list[str]) -> bool:
    return any(w.lower().endswith(("n't", "n’t")) for w in words)


class Versions(NamedTuple):
    """Two versions of a passage compared: the diff, its changes named, the share of words kept."""

    ops: tuple[tuple[int, str], ...]
    changes: tuple[Change, ...]
    similarity: float


@lru_cache(maxsize=8192)
def compare_versions(a: str, b: str, a_partial: bool = False, b_partial: bool = False) -> Versions:
    """``a`` against ``b``: diffed, classified and scored once for each distinct pair (a group's
    diffs and the coverage against the reference ask again and again, for every copy of a wire
    story)."""
    ops = word_diff(a, b)
    return Versions(tuple(ops), tuple(classify_changes(ops, a_partial=a_partial, b_partial=b_partial)),
                    similarity(ops))
