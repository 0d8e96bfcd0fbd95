"""What was read, from where and when — made once, as the bytes arrive, and kept for good.

A fact-checker cites what a report rests on: the file or the address, the time it was read, and
a SHA-256 of the bytes, so that anyone can tell later whether the page they see now is the page
that was compared then. The record (``model.Evidence``) is made by the loaders at the moment
they read; everything afterwards (projects, the JSON, the window) only carries it, and never
stamps it again.

A fetched page's bytes are kept too (``Source.original``), because an address does not keep
its page: they travel in the project compressed (zlib, then base64), and are read back only
within a size stated up front, so a few kilobytes of a hostile project cannot unfold into
gigabytes (:func:`unpack`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import zlib
from datetime import datetime, timezone

from crosscheck.core.model import Evidence

PASTED = "pasted"  # the origin of clipboard text: it has no address
COMPRESSION = "zlib"  # how a kept original is packed in a project (then base64)

# What a file's format says it is, in the words a server would use (kinds from ``formats.kind_of``).
MEDIA_TYPES = {"html": "text/html", "markdown": "text/markdown", "text": "text/plain",
               "pdf": "application/pdf",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

_SHA256 = re.compile(r"[0-9a-f]{64}")
_READ_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def utc_now() -> str:
    """The time as evidence states it: ISO 8601 in UTC, to the second (``2026-11-29T20:15:03Z``);
    UTC so that a project read in another time zone says the same instant."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_read_at(text: str) -> bool:
    """Whether a text is a time in the form :func:`utc_now` writes (and is a real date)."""
    if not _READ_AT.fullmatch(text):
        return False
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


def of_bytes(data: bytes, origin: str, read_at: str, *, content_type: str | None = None,
             final_url: str | None = None, http_status: int | None = None) -> Evidence:
    """The record of ``data`` as read from ``origin`` at ``read_at``."""
    return Evidence(origin=origin, read_at=read_at, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    final_url=final_url, http_status=http_status, content_type=content_type)


def of_pasted(text: str, read_at: str) -> Evidence:
    """Pasted text was "read" when it was pasted; its bytes are its UTF-8 encoding, as pasted
    (before line endings are unified), so the hash is of exactly what the clipboard held."""
    return of_bytes(text.encode("utf-8", "replace"), PASTED, read_at)


# ---------------------------------------------------------------- the kept original in a project


class OriginalError(ValueError):
    """A kept original that cannot be read back; the message completes "<field> …"."""


def pack(original: bytes) -> str:
    """An original as a project keeps it: zlib at the highest level, then base64 (JSON holds text)."""
    return base64.b64encode(zlib.compress(original, 9)).decode("ascii")


def packed_limit(max_bytes: int) -> int:
    """The longest base64 text an original of ``max_bytes`` can pack into: zlib's worst case
    (incompressible bytes grow by a few bytes per 16 KB block) in base64's four-for-three."""
    worst = max_bytes + max_bytes // 1000 + 64
    return (worst + 2) // 3 * 4


def unpack(text: str, size: int, max_bytes: int) -> bytes:
    """The bytes of a packed original that states its ``size``, refused unless they are exactly
    that size and it is at most ``max_bytes``.

    The limits are checked before any decompression, and zlib is asked for at most ``size + 1``
    bytes, so a bomb (a small text that would unfold into gigabytes) costs no more than the size
    it claims — itself bounded — before it is refused."""
    if size > max_bytes:
        raise OriginalError(f"is {size:,} bytes, over the limit of {max_bytes:,} for one article")
    if len(text) > packed_limit(max_bytes):
        raise OriginalError(f"is {len(text):,} characters of packed data, over the limit of "
                            f"{packed_limit(max_bytes):,}")
    try:
        packed = base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise OriginalError("is not valid base64") from None
    inflate = zlib.decompressobj()
    try:
        data = inflate.decompress(packed, size + 1)
    except zlib.error:
        raise OriginalError(f"is not valid {COMPRESSION} data") from None
    if len(data) > size or inflate.unconsumed_tail:
        raise OriginalError(f"unpacks to more than the {size:,} bytes it states")
    if not inflate.eof:
        raise OriginalError(f"is {COMPRESSION} data that ends early")
    if inflate.unused_data:
        raise OriginalError(f"has bytes after the end of its {COMPRESSION} data")
    if len(data) < size:
        raise OriginalError(f"unpacks to {len(data):,} bytes, not the {size:,} it states")
    return data
