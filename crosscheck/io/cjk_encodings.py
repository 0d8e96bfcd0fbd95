"""Which East Asian legacy encoding, or UTF-16 without a byte-order mark, a file is in.

Why not simply ask charset-normalizer: on news text of a few hundred bytes it takes Shift-JIS
Japanese and GB2312 Chinese for Korean cp949 (or for UTF-16) often enough to matter, and says
nothing about it. The double-byte encodings overlap: many byte strings are valid in several of
them, and every reading is made of real characters. What tells the right reading from the wrong
ones is whether it looks like text of its language:

- each standard has a first level of common characters (JIS X 0208 level 1, GB 2312 level 1,
  Big5's frequent characters, the 2,350 hangul of KS X 1001) that news text seldom leaves; a
  wrong reading lands all over the code space, on rare characters, symbols, jamo, half-width
  kana, unassigned or private-use code points;
- each language has its own mix: Japanese writes kana among its kanji, Chinese has no kana,
  Korean puts spaces between words and few Chinese characters among its hangul.

So every candidate is decoded strictly and scored character by character against the language
its encoding is for (UTF-16 against whichever language fits it best); the best reading wins,
and a second one nearly as good is named in the warning. The tables come from Python's own
codecs (a character's position in its standard), so nothing here is a copied frequency list.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from functools import cache

SAMPLE_BYTES = 32_768  # enough to tell encodings apart; the winner is then checked on every byte
GOOD_ENOUGH = 0.35  # the lowest average score a reading may have and still be taken for text
CLOSE = 0.15  # a runner-up within this much of the winner makes the decode a close call


class Script(Enum):
    JAPANESE = "Japanese"
    SIMPLIFIED = "Chinese (simplified)"
    TRADITIONAL = "Chinese (traditional)"
    KOREAN = "Korean"


@dataclass(frozen=True)
class Candidate:
    """An encoding to try: its codecs (the first that decodes strictly is used) and its language.

    Shift-JIS is tried as the JIS mapping first (what browsers do for 〜 and −), then as
    Microsoft's cp932 for the NEC and IBM extensions; Big5 as cp950, whose mapping of the middle
    dot (‧) browsers share; GB2312 and GBK as GB18030, their superset; EUC-KR as cp949 (UHC).
    """

    name: str  # as a reader knows it
    codecs: tuple[str, ...]
    scripts: tuple[Script, ...]


CANDIDATES = (
    Candidate("Shift-JIS", ("shift_jis", "cp932"), (Script.JAPANESE,)),
    Candidate("EUC-JP", ("euc_jp", "euc_jis_2004"), (Script.JAPANESE,)),
    Candidate("GB18030", ("gb18030",), (Script.SIMPLIFIED,)),
    Candidate("Big5", ("cp950", "big5"), (Script.TRADITIONAL,)),
    Candidate("EUC-KR", ("cp949",), (Script.KOREAN,)),
    Candidate("UTF-16 LE", ("utf-16-le",), tuple(Script)),
    Candidate("UTF-16 BE", ("utf-16-be",), tuple(Script)),
)
UTF16 = CANDIDATES[-2:]


@dataclass(frozen=True)
class Guess:
    """The most plausible reading of the bytes, and the next one if it came close."""

    text: str
    codec: str
    name: str
    score: float
    runner_up: str | None = None


def guess_cjk(data: bytes) -> Guess | None:
    """The best-scoring strict reading of ``data`` among the CJK encodings and UTF-16, or None
    when no reading looks like text."""
    return _best(data, CANDIDATES)


def guess_utf16(data: bytes) -> Guess | None:
    """UTF-16 without a byte-order mark, for bytes with zeros in them (refused as binary otherwise).

    Latin text in UTF-16 has a zero byte in every other position; read in the wrong byte order
    each of its characters becomes U+xx00, which :func:`_score` counts as implausible, so the
    zero pattern and the scores agree. An odd trailing byte is an incomplete character: the
    caller is told, through a replacement character at the end.
    """
    even = data if len(data) % 2 == 0 else data[:-1]
    guess = _best(even, UTF16, latin=True)
    if guess is None or len(even) == len(data):
        return guess
    return Guess(guess.text + "\ufffd", guess.codec, guess.name, guess.score, guess.runner_up)


def _best(data: bytes, candidates: tuple[Candidate, ...], latin: bool = False) -> Guess | None:
    sample = data[:SAMPLE_BYTES]
    scored: list[tuple[float, str, Candidate, str]] = []
    for cand in candidates:
        for codec in cand.codecs:
            text = _decode_sample(sample, codec, final=len(sample) == len(data))
            if text is not None:
                score = max(_score(text, script, latin) for script in cand.scripts)
                scored.append((score, codec, cand, text))
                break
    scored.sort(key=lambda s: -s[0])
    for i, (score, codec, cand, text) in enumerate(scored):
        if score < GOOD_ENOUGH:
            return None
        try:
            full = data.decode(codec) if len(sample) < len(data) else text
        except UnicodeDecodeError:
            continue  # the sample fitted, a later byte does not: not this encoding
        rival = next((c.name for s, _, c, t in scored[i + 1 :] if s >= score - CLOSE and t != text), None)
        return Guess(full, codec, cand.name, score, rival)
    return None


def _decode_sample(sample: bytes, codec: str, final: bool) -> str | None:
    """Strict decoding of the first bytes; a character cut off at the sample's end is not an error."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(sample, final=final)
    except UnicodeDecodeError:
        return None


# ---------------------------------------------------------------- scoring

_SPACED = re.compile("[\u3040-\u30ff\u4e00-\u9fff] (?=[\u3040-\u30ff\u4e00-\u9fff])")
_BAD = {"Cc", "Cn", "Co", "Cs"}  # controls, unassigned, private use, lone surrogates
_PUNCT = set(
    "、。，．・：；？！ー―—–‐「」『』（）［］【】〈〉《》〔〕｛｝…‥“”‘’　〜～－＋％＝／＆＃＊·‧﹑"
) | {chr(c) for c in range(0xFF10, 0xFF1A)} | {chr(c) for c in range(0xFF21, 0xFF3B)} | {
    chr(c) for c in range(0xFF41, 0xFF5B)}
# The commonest characters of each language, my own short lists: a reading made of them is
# almost surely right (weight 2 instead of 1).
_TOP = {
    Script.JAPANESE: "のにはをたがでてとしれさいあるもな日本人年大中国会事出時行者一上政府市長相首党選",
    Script.SIMPLIFIED: "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也对生能而子得于着下自之年过发后"
                       "作用道行所然家事成方多经去法学都同现当动面起定天分还市政府长表示记者新闻",
    Script.TRADITIONAL: "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也對生能而子得於著下自之年過發後"
                        "作用道行所然家事成方多經去法學都同現當動面起定天分還市政府長表示記者新聞",
    Script.KOREAN: "이다에의는로하을가고지서한은기으년대사시를리도인스일것수들정그있했며부전했다말했고주민계획",
}


def _rows(codec: str, leads: range, trails: tuple[range, ...]) -> set[str]:
    out: set[str] = set()
    for lead in leads:
        for trail in trails:
            for t in trail:
                try:
                    ch = bytes((lead, t)).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1 and not ch.isascii():
                    out.add(ch)
    return out


_EUC = (range(0xA1, 0xFF),)
_BIG5 = (range(0x40, 0x7F), range(0xA1, 0xFF))


@cache
def _weights(script: Script) -> dict[str, int]:
    """Character weights for a language: 2 commonest, 1 common, 0 rare but legitimate; absent
    characters are judged by :func:`_other`. Built on first use from the codecs (a few ms)."""
    w: dict[str, int] = {}
    if script is Script.JAPANESE:
        w.update(dict.fromkeys(_rows("euc_jp", range(0xD0, 0xF5), _EUC), 0))  # JIS level 2
        w.update(dict.fromkeys(_rows("euc_jp", range(0xB0, 0xD0), _EUC), 1))  # JIS level 1
        w.update(dict.fromkeys(_rows("euc_jp", range(0xA4, 0xA6), _EUC), 1))  # hiragana, katakana
        w.update(dict.fromkeys("ゝゞヽヾ々〆ヶ", 1))
    elif script is Script.SIMPLIFIED:
        w.update(dict.fromkeys(_rows("gb2312", range(0xD8, 0xF8), _EUC), 0))  # GB 2312 level 2
        w.update(dict.fromkeys(_rows("gb2312", range(0xB0, 0xD8), _EUC), 1))  # GB 2312 level 1
    elif script is Script.TRADITIONAL:
        w.update(dict.fromkeys(_rows("cp950", range(0xC9, 0xFA), _BIG5), 0))  # Big5 less frequent
        w.update(dict.fromkeys(_rows("cp950", range(0xA4, 0xC7), _BIG5), 1))  # Big5 frequent
    else:
        w.update(dict.fromkeys(_rows("euc_kr", range(0xCA, 0xFE), _EUC), 0))  # hanja
        w.update(dict.fromkeys(_rows("euc_kr", range(0xB0, 0xC9), _EUC), 1))  # KS X 1001 hangul
    w.update(dict.fromkeys(_PUNCT, 1))
    w.update(dict.fromkeys(_TOP[script], 2))
    return w


def _other(ch: str) -> int:
    """A character the language's table does not hold: never plausible, and some impossible."""
    if unicodedata.category(ch) in _BAD or ch == "\ufffd":
        return -5
    if "\uac00" <= ch <= "\ud7a3":  # hangul outside KS X 1001 (cp949's extension): mojibake
        return -2
    return -1


def _score(text: str, script: Script, latin: bool = False) -> float:
    """Average plausibility per character of ``text`` as ``script``, from -5 to 2.

    ASCII counts for nothing (every candidate reads it alike), except that ``latin`` (UTF-16
    read from bytes with zeros: it may be any language) scores ASCII and letters of alphabetic
    scripts as plausible, and U+xx00, the mark of the wrong byte order, as not.
    """
    weights = _weights(script)
    total = 0
    counted = 0
    kana = han = hangul = hanja = 0
    for ch, n in Counter(text).items():
        code = ord(ch)
        if code < 0x80:
            if ch.isprintable() or ch in "\t\n\r":
                if latin:
                    counted += n
                    total += n
            else:  # a control character: binary, or the wrong reading of UTF-16
                counted += n
                total -= 5 * n
            continue
        counted += n
        if latin and code & 0xFF == 0:
            total -= 2 * n
            continue
        w = weights.get(ch)
        if w is None:
            w = 1 if latin and code < 0x2E80 and unicodedata.category(ch)[0] in "LMNPSZ" else _other(ch)
        total += n * w
        if "\u3041" <= ch <= "\u30ff":
            kana += n
        elif "\u4e00" <= ch <= "\u9fff":
            han += n
            hanja += n if w == 0 else 0
        elif "\uac00" <= ch <= "\ud7a3":
            hangul += n
    if not counted:
        return 0.0
    if script is not Script.KOREAN:
        # Chinese and Japanese do not space their words: this is Korean, or an alphabet, read as Han
        total -= 2 * len(_SPACED.findall(text))
    if script is Script.JAPANESE and not kana and han >= 8:
        total -= han  # Japanese is not written in kanji alone: this is Chinese read as Japanese
    if script is Script.KOREAN and hangul:
        if hanja > hangul / 10:
            total -= 2 * hanja  # hangul and hanja taking turns: Chinese or Japanese bytes
        if hangul >= 12 and text.count(" ") < hangul / 10:
            total -= hangul  # Korean puts spaces between words
    return total / counted
