"""Fetching an article by URL with the limits a desktop tool owes its user.

Only http and https; a timeout; a size cap read in chunks (a hostile server cannot make us
buffer gigabytes); redirects followed by hand, a few at most, each re-checked for its scheme.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from email.message import Message
from functools import lru_cache

from crosscheck import __version__
from crosscheck.io.errors import InputError

MAX_REDIRECTS = 5
TIMEOUT_S = 15.0
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


@lru_cache(maxsize=1)
def _opener():
    """The HTTP stack, imported on the first URL (files never pay for it); redirects are
    followed by hand so that each one is checked."""
    import urllib.request

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    return urllib.request.build_opener(_NoRedirect)


def is_url(ref: str) -> bool:
    return urllib.parse.urlsplit(ref).scheme.lower() in ("http", "https")


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> Fetched:
    import urllib.error
    import urllib.request

    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _check_scheme(current, url)
        request = urllib.request.Request(
            current, headers={"User-Agent": f"Crosscheck/{__version__}", "Accept-Encoding": "identity"}
        )
        try:
            response = _opener().open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                current = urllib.parse.urljoin(current, exc.headers["Location"])
                continue
            raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(f"{url}: cannot reach it ({reason})") from None
        with response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in _TEXT_TYPES:
                raise InputError(f"{url}: this is {content_type}, not an article page")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: the page is larger than {max_bytes // 2**20} MB")
            data = _read_capped(response, max_bytes, url)
            return Fetched(response.geturl() or current, data, content_type, headers.get_content_charset())
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _check_scheme(current: str, original: str) -> None:
    if urllib.parse.urlsplit(current).scheme.lower() not in ("http", "https"):
        raise InputError(f"{original}: only http and https links can be opened")


def _read_capped(response, max_bytes: int, url: str) -> bytes:
    chunks, total = [], 0
    while True:
        try:
            chunk = response.read(65536)
        except (OSError, ValueError) as exc:
            raise InputError(f"{url}: the download broke off ({exc})") from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"{url}: the page is larger than {max_bytes // 2**20} MB")
        chunks.append(chunk)
