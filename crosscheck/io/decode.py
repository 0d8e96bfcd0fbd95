"""Bytes to text: BOMs, UTF-8, legacy code pages, and refusing what is not text at all.

Line endings are unified to ``\\n`` here, before any offset exists, so every later offset
counts the same characters on every platform.

Nothing is decoded silently wrong: a reading that is a guess (a legacy encoding the file does
not declare, UTF-16 without a byte-order mark) or that replaced damaged bytes comes back with
a warning in words, which the window shows in the column's header and the command prints.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import charset_normalizer

from crosscheck.io.cjk_encodings import Guess, guess_cjk, guess_utf16
from crosscheck.io.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
# Documents Crosscheck reads by their own name (``formats.py``): a PDF or Word file named as
# text is refused here, as any binary is, and the message says how to open it after all.
_HINTS = {b"%PDF": "name it .pdf to read its text", b"PK\x03\x04": "if it is a Word file, name it .docx"}
# Labels that the WHATWG encoding standard (what browsers do) reads as windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A CJK reading this plausible (see cjk_encodings._score: real text of ten characters or more
# scored 1.0 and up, alphabetic text read as CJK 0.7 at most) is preferred to charset-normalizer's
# reading in an alphabetic code page; below it, an alphabetic answer of the detector wins.
CONFIDENT = 0.9
# charset-normalizer's answers that the CJK scoring has already weighed, in its own names.
_CJK_CODECS = {
    "big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr",
    "gb18030", "gb2312", "gbk", "hz", "johab", "shift_jis", "shift_jis_2004", "shift_jisx0213",
    "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
}


@dataclass(frozen=True)
class Decoded:
    """An article's text and what a reader should know about how it was read from bytes."""

    text: str
    encoding: str  # the codec used, as Python names it
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """The text alone (see :func:`decode`)."""
    return decode(data, name, declared).text


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode an article's bytes, refusing binaries; ``declared`` is a charset the file names."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_finish(_decode(data, encoding, name), name), encoding)
            except InputError:
                repaired = repair_utf8(data[len(bom) :]) if encoding == "utf-8-sig" else None
                if repaired is None:
                    raise
                return Decoded(_finish(repaired.text, name), encoding, (repaired.warning,))
    for magic, what in _MAGIC:
        # "MZ" is also how a sentence can begin ("MZ Logistics said…"); a real program's
        # header has zero bytes right after it.
        if data.startswith(magic) and (magic != b"MZ" or b"\x00" in data[:64]):
            raise InputError(f"{name}: this is {what}, not an article; {_HINTS.get(magic, 'save it as text or HTML')}")
    encoding = _label(declared) if declared else None
    if b"\x00" in data[:8192]:
        # Zero bytes: a binary, or UTF-16 saved without its byte-order mark (Notepad's "Unicode").
        if encoding and encoding.replace("-", "").replace("_", "").startswith(("utf16", "utf32")):
            try:
                return Decoded(_finish(data.decode(encoding), name), encoding)
            except (LookupError, UnicodeDecodeError):
                pass
        guess = guess_utf16(data)
        if guess is None:
            raise InputError(f"{name}: binary file, not text")
        warnings = [f"decoded as {guess.name} (a guess; no byte-order mark)"]
        if guess.text.endswith("\ufffd") and len(data) % 2:
            warnings.append("the last byte was an incomplete character and was replaced by \ufffd")
        return Decoded(_finish(guess.text, name), guess.codec, tuple(warnings))
    if encoding:
        try:
            return Decoded(_finish(data.decode(encoding), name), encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    if b"\x1b$" in data:
        # ISO-2022-JP (old Japanese mail and news) is 7-bit: it passes as ASCII, and with its
        # escapes stripped as control characters it would be silent gibberish ("$B9A6h$N").
        for codec in ("iso2022_jp", "iso2022_jp_2"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            why = f"the declared charset {declared.strip()!r} does not fit" if declared else "no charset declared"
            return Decoded(_finish(text, name), codec, (f"decoded as ISO-2022-JP (a guess; {why})",))
    try:
        return Decoded(_finish(data.decode("utf-8"), name), "utf-8")
    except UnicodeDecodeError:
        pass
    repaired = repair_utf8(data)
    if repaired is not None:
        return Decoded(_finish(repaired.text, name), "utf-8", (repaired.warning,))
    guess = _detect(data, name)
    why = "no byte-order mark" if guess.codec.startswith("utf-16") else "no charset declared"
    why = f"the declared charset {declared.strip()!r} does not fit" if declared else why
    close = f"; {guess.runner_up} was almost as likely" if guess.runner_up else ""
    return Decoded(_finish(guess.text, name), guess.codec, (f"decoded as {guess.name} (a guess; {why}{close})",))


def _label(declared: str) -> str:
    encoding = declared.strip().lower()
    return "cp1252" if encoding in _AS_CP1252 else encoding


# ---------------------------------------------------------------- damaged UTF-8

_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that were not UTF-8, as surrogateescape keeps them
_INTACT = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a multi-byte character that was valid UTF-8


@dataclass(frozen=True)
class Repaired:
    """UTF-8 read with its bad bytes replaced; how many there were is the reader's to know."""

    text: str
    bad_bytes: int

    @property
    def warning(self) -> str:
        if self.bad_bytes == 1:
            return "1 byte was not valid UTF-8 and was replaced by \ufffd"
        return f"{self.bad_bytes:,} bytes were not valid UTF-8 and were replaced by \ufffd"


def repair_utf8(data: bytes) -> Repaired | None:
    """UTF-8 with its few damaged bytes replaced by U+FFFD, or None when the file is not UTF-8.

    One stray byte (a cp1252 "é" pasted in, a lone surrogate, a cut multi-byte character) must
    not turn a whole article into mojibake by sending it to legacy detection. But a file in
    another encoding also fails UTF-8, so the damage must look like damage. Both must hold:

    - at most one damaged place (a run of bad bytes) per 500 bytes, at least one: files in
      legacy encodings fail far more often (measured on news text: 25 to 250 places per 1,000
      bytes, an accented letter or a CJK character every few dozen bytes), while damage in an
      article is a handful of places;
    - at least twice as many intact multi-byte characters as damaged places: the file shows
      it is UTF-8. A single-byte code page (cp1252, cp1251…) has none, so an ASCII article
      with one "é" byte is read as cp1252, where the "é" survives; double-byte encodings have
      some by chance, but fail the first rule.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    places = list(islice(_ESCAPED.finditer(escaped), max(1, len(data) // 500) + 1))
    if len(places) > max(1, len(data) // 500):
        return None
    if sum(1 for _ in islice(_INTACT.finditer(escaped), 2 * len(places))) < 2 * len(places):
        return None
    # Replacement as the Unicode standard and browsers do it (one U+FFFD per maximal bad part).
    return Repaired(data.decode("utf-8", "replace"), sum(len(p.group()) for p in places))


# ---------------------------------------------------------------- legacy encodings


def _detect(data: bytes, name: str) -> Guess:
    # Detectors guess poorly on a few hundred bytes (a short cp1252 note comes back as Arabic
    # DOS, a Polish paragraph in cp1250 as cp1252 mojibake). The Windows code pages are by far
    # the commonest legacy case, so take the first whose reading looks like text of its own
    # script (Western, then Central European). CJK double-byte encodings are scored by
    # cjk_encodings (charset-normalizer confuses them); the detector has the last word for other
    # alphabets (it reads Cyrillic well: Greek in cp1253 would pass as cp1251 letters).
    for encoding, label, plausible in _CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return Guess(text, encoding, label, 1.0)
    cjk = guess_cjk(data)
    if cjk is not None and cjk.score >= CONFIDENT:
        return cjk
    best = charset_normalizer.from_bytes(data).best()
    if best is None or (cjk is not None and best.encoding in _CJK_CODECS):
        if cjk is not None:
            return cjk
        if best is None:
            raise InputError(f"{name}: cannot tell the text encoding; save it as UTF-8")
    return Guess(str(best), best.encoding, _reader_name(best.encoding), 0.0)


def _reader_name(codec: str) -> str:
    """``cp1251`` → ``Windows-1251``, ``iso8859_5`` → ``ISO-8859-5``, ``koi8_r`` → ``KOI8-R``."""
    if re.fullmatch(r"cp125\d", codec):
        return f"Windows-{codec[2:]}"
    if codec.startswith("iso8859_"):
        return f"ISO-8859-{codec[8:]}"
    return codec.replace("_", "-").upper()


_WESTERN_MARKS = set("‘’‚“”„–—…€•·«»©®°§¶£¥¢™†‡‰¡¿ŒœŠšŽžŸ ")
# Punctuation that cp1250 text uses; any other non-ASCII character must be a letter.
_CENTRAL_MARKS = set("‘’‚“”„–—…€•·«»©®°§ ")


def _looks_western(text: str) -> bool:
    """Every non-ASCII character is Western punctuation or an accent inside mostly-ASCII words."""
    letters = accented = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch in _WESTERN_MARKS:
            continue
        if "\u00c0" <= ch <= "\u00ff" and ch not in "×÷":
            letters += 1
            accented += 1
            continue
        return False
    return accented <= 0.25 * max(letters, 1)


def _looks_central(text: str) -> bool:
    """Every non-ASCII character is punctuation or a Latin letter, in mostly-ASCII words.

    Polish read as cp1252 fails :func:`_looks_western` (``Rz¹d og³osi³``: superscripts inside
    words) and passes this as cp1250; Russian or Greek read as cp1250 fail it on the share of
    accented letters (``Ďđčâĺň``).
    """
    letters = accented = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch in _CENTRAL_MARKS:
            continue
        if ch.isalpha() and "\u00c0" <= ch <= "\u017f":
            letters += 1
            accented += 1
            continue
        return False
    return accented <= 0.35 * max(letters, 1)


_CODE_PAGES: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("cp1252", "Windows-1252", _looks_western),
    ("cp1250", "Windows-1250", _looks_central),
)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: the file says it is {encoding} but is not ({exc.reason})") from None


def _finish(text: str, name: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError(f"{name}: binary file, not text")
    return _CONTROL.sub("", text)
