"""Bytes to text: BOMs, UTF-8, legacy code pages, and refusing what is not text at all.

Line endings are unified to ``\\n`` here, before any offset exists, so every later offset
counts the same characters on every platform.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

import charset_normalizer

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
# Labels that the WHATWG encoding standard (what browsers do) reads as windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode an article's bytes, refusing binaries; ``declared`` is a charset the file names."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(_decode(data, encoding, name), name)
    for magic, what in _MAGIC:
        # "MZ" is also how a sentence can begin ("MZ Logistics said…"); a real program's
        # header has zero bytes right after it.
        if data.startswith(magic) and (magic != b"MZ" or b"\x00" in data[:64]):
            raise InputError(f"{name}: this is {what}, not an article; save it as text or HTML")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    if declared:
        encoding = declared.strip().lower()
        encoding = "cp1252" if encoding in _AS_CP1252 else encoding
        try:
            return _finish(data.decode(encoding), name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    try:
        return _finish(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    return _finish(_detect(data, name), name)


def _detect(data: bytes, name: str) -> str:
    # Detectors guess poorly on a few hundred bytes (a short cp1252 note comes back as Arabic
    # DOS, a Polish paragraph in cp1250 as cp1252 mojibake). The Windows code pages are by far
    # the commonest legacy case, so take the first whose reading looks like text of its own
    # script (Western, then Central European), and ask the detector otherwise. Cyrillic is
    # left to the detector, which reads it well: Greek in cp1253 would pass as cp1251 letters.
    for encoding, plausible in _CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding; save it as UTF-8")
    return str(best)


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


_CODE_PAGES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("cp1252", _looks_western),
    ("cp1250", _looks_central),
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
