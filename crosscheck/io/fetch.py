"""Fetching an article by URL with the limits a desktop tool owes its user.

A link comes from anywhere (a chat, an e-mail, a page someone wants compared), so the server
at the other end is treated as possibly hostile:

- **One deadline for the whole request** (connecting, every redirect and the body together).
  A timeout per read is not enough: a server that trickles a byte now and then never lets a
  single read time out and could hold the window's loader for ever. A timer cuts the sockets
  when the deadline passes, and host names are resolved in a thread that is waited for only
  until then (the resolver itself cannot be interrupted).
- **A size cap on what we keep**, counted on the *decoded* bytes of a gzip or deflate body and
  checked while decompressing, so a small compressed "bomb" is refused after the cap, never
  expanded into gigabytes.
- **Redirects followed by hand**, a few at most, each one re-checked: the scheme (http and
  https only), that it is a valid link, and where it points (see ``is_public``).
- **What the page is** comes from its Content-Type; when there is none (or the server only says
  "bytes"), from its first bytes, so that HTML markup never becomes article text and binaries
  are refused.
- **Every malformed link is a clear refusal** naming the link with its control characters
  escaped; nothing here ever reaches the user as an "internal error".

Only the standard library is used (``urllib``, ``http.client``, ``zlib``, ``ipaddress``); proxies
from the environment (``http_proxy``, ``https_proxy``, ``no_proxy``) are honoured as ``urllib`` does.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.message import Message
from functools import lru_cache

from crosscheck import __version__
from crosscheck.io.errors import InputError
from crosscheck.io.evidence import utc_now
from crosscheck.io.formats import kind_of

MAX_REDIRECTS = 5
TIMEOUT_S = 15.0  # the whole request: connecting, every redirect and the body together
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")
# Original documents an article quotes (a ruling, a statement), read by io/pdf_text.py and
# io/docx_text.py like the same files opened from disk.
DOCUMENT_TYPES = {"application/pdf": "pdf",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}
_READABLE = (*_TEXT_TYPES, *DOCUMENT_TYPES)
# Types that say nothing about the bytes: the page is sniffed as if it had no type at all. A
# server that sends an article as application/octet-stream is misconfigured, not lying; the
# sniffing still refuses real binaries and still reads HTML as HTML.
_UNKNOWN_TYPES = ("application/octet-stream", "application/unknown", "unknown/unknown", "*/*")
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 65536
_SHOWN_MAX = 200  # characters of a link shown in a message: one line, even for a hostile link

Address = tuple[int, tuple]  # (socket family, socket address) as ``socket.getaddrinfo`` gives them
Resolver = Callable[[str, int], list[Address]]


@dataclass(frozen=True)
class Fetched:
    """A page as fetched, with what a fact-checker cites about the fetch (``io/evidence.py``)."""

    url: str  # after redirects, without credentials or fragment
    data: bytes  # decompressed
    content_type: str  # what the page is taken as: the server's word, or sniffed from the bytes
    charset: str | None
    sniffed: bool = False  # content_type was read from the bytes, not from the server
    status: int = 200  # the final answer's HTTP status (after redirects)
    read_at: str = ""  # when that answer arrived: ISO 8601, UTC, to the second
    declared: str | None = None  # the Content-Type header as the server sent it (escaped, one short line)


@dataclass(frozen=True)
class Target:
    """A link checked and made requestable: host in ASCII, path percent-encoded, no credentials."""

    url: str
    scheme: str
    host: str  # as connected to: a lower-case ASCII name or an IP address without brackets
    port: int
    netloc: str  # host (bracketed if IPv6) and the port when the link gave one


class _BadLink(ValueError):
    """Why a link cannot be requested, as a phrase that completes "<link>: …"."""


class _Expired(TimeoutError):
    """The whole-request deadline passed."""


class _TooLarge(Exception):
    """More bytes than the cap, counted after decompression."""


class _Truncated(Exception):
    """A compressed body that stops before its stream ends."""


# --- links ---------------------------------------------------------------------------------

_SCHEME = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\-]*):")
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_AUTHORITY = re.compile(r"(?s)(https?)://([^/?#]*)(.*)", re.IGNORECASE)
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def is_url(ref: str) -> bool:
    """Whether a reference is meant as a web link (http or https), however malformed: such a
    reference is refused as a link with a reason, never looked up as a file name or crashed on."""
    match = _SCHEME.match(ref)
    return bool(match) and match.group(1).lower() in ("http", "https")


def without_credentials(url: str) -> str:
    """A link as typed, less any ``user:password@`` before its host: the link is shown and kept
    (as a source's path, in its evidence, in projects and reports), its password never is."""
    parts = _AUTHORITY.fullmatch(url.lstrip("\x00 \t\r\n\x0b\x0c"))
    if not parts or "@" not in parts.group(2):
        return url
    scheme, authority, rest = parts.groups()
    return f"{scheme}://{authority.rpartition('@')[2]}{rest}"


def shown_url(url: str) -> str:
    """A link as a one-line message may show it: control and other invisible characters
    escaped (a hostile link cannot rewrite the terminal or split the line), and cut if long."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in url[: _SHOWN_MAX + 1])
    return shown[:_SHOWN_MAX] + "…" if len(url) > _SHOWN_MAX else shown


def parse_url(url: str) -> Target:
    """Check a link as the user gave it: a ``Target`` to request, or an ``InputError`` saying why not."""
    try:
        return _parse(url)
    except _BadLink as exc:
        raise InputError(f"{shown_url(url)}: {exc}") from None


def _parse(url: str) -> Target:
    scheme = _SCHEME.match(url)
    if not scheme or scheme.group(1).lower() not in ("http", "https"):
        raise _BadLink("only http and https links can be opened")
    bad = _SPACE_OR_CONTROL.search(url)
    if bad:
        raise _BadLink("not a valid link: it contains " + ("a space" if bad.group() == " " else "a control character"))
    parts = _AUTHORITY.fullmatch(url)
    if not parts:
        raise _BadLink("not a valid link: it needs // and a host name, as in https://example.com/news")
    scheme_name, authority, rest = parts.group(1).lower(), parts.group(2), parts.group(3)
    hostport = authority.rpartition("@")[2]  # credentials are never sent: a news page needs none
    if hostport.startswith("["):
        inside, closed, after = hostport[1:].partition("]")
        if not closed or (after and not after.startswith(":")):
            raise _BadLink("not a valid link: the IPv6 address in brackets is not valid")
        try:
            if "%" in inside:  # a zone ("%eth0") names a network card of this machine: no page is there
                raise ValueError(inside)
            host = ipaddress.IPv6Address(inside).compressed
        except ValueError:
            raise _BadLink("not a valid link: the IPv6 address in brackets is not valid") from None
        shown_host, port_text = f"[{host}]", after[1:]
    else:
        name, _, port_text = hostport.partition(":")
        host = _host_name(name)
        shown_host = host
    port = _port(port_text, scheme_name)
    path = rest.partition("#")[0]
    try:
        path = _NON_ASCII.sub(lambda m: _percent(m.group()), path)
    except UnicodeEncodeError:
        raise _BadLink("not a valid link: it contains characters that cannot be sent") from None
    path = path if path.startswith("/") else "/" + path
    netloc = shown_host + (f":{port}" if port_text else "")
    return Target(f"{scheme_name}://{netloc}{path}", scheme_name, host, port, netloc)


def _host_name(name: str) -> str:
    if "%" in name:  # percent-encoded host names are decoded, as browsers do, then checked like any other
        from urllib.parse import unquote

        name = unquote(name)
        if _SPACE_OR_CONTROL.search(name) or "%" in name:
            raise _BadLink("not a valid link: the host name is not valid")
    if not name:
        raise _BadLink("not a valid link: no host name")
    name = name.lower()
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            raise _BadLink("not a valid link: the host name is not valid") from None
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise _BadLink("not a valid link: the host name is not valid")
    return name


def _port(text: str, scheme: str) -> int:
    if not text:
        return 443 if scheme == "https" else 80
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise _BadLink("not a valid link: the port must be a number from 1 to 65535")
    return int(text)


def _percent(text: str) -> str:
    from urllib.parse import quote

    # surrogateescape: a command-line argument that was not UTF-8 keeps its original bytes
    return quote(text.encode("utf-8", "surrogateescape"), safe="")


# --- addresses -----------------------------------------------------------------------------

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def is_public(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is somewhere out on the internet, as opposed to this machine, its
    local network or an address with a special purpose (loopback, private, shared, link-local
    such as the cloud metadata service at 169.254.169.254, multicast, reserved, unspecified).

    IPv6 forms that carry an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``, NAT64, 6to4) are
    judged by the IPv4 address they lead to. Anything that is not an address is not public.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    except ValueError:
        return False
    return _public(ip)


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return _public(ip.ipv4_mapped)
        if ip in _NAT64:
            return _public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None:
            return _public(ip.sixtofour)
        if ip.is_site_local:
            return False
    special = (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
               or ip.is_reserved or ip.is_unspecified)
    return ip.is_global and not special


def _system_resolve(host: str, port: int) -> list[Address]:
    return [(family, sockaddr) for family, _, _, _, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


# --- one request's state -------------------------------------------------------------------


class _Session:
    """One fetch: its deadline, the addresses each host was checked at, the sockets to cut.

    The timer shuts the connections down when the deadline passes, which ends any read or TLS
    handshake in progress, however slowly the server trickles. It holds a duplicate of each
    socket's descriptor: TLS takes the original over (the Python object is emptied), but a
    shutdown through the duplicate still ends the one connection both share. A read that ends
    that way may look like a complete body, so whoever reads asks ``over()`` before trusting it.
    """

    def __init__(self, deadline_s: float, resolve: Resolver) -> None:
        self.deadline_s = deadline_s
        self.end = time.monotonic() + deadline_s
        self.resolve = resolve
        self.pinned: dict[tuple[str, int], list[Address]] = {}
        self.peer: str | None = None  # the address the last direct connection reached
        self._expired = False
        self._handles: list[socket.socket] = []  # duplicates of the connections' descriptors
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline_s, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def over(self) -> bool:
        return self._expired or time.monotonic() >= self.end

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self._expired:
            raise _Expired()
        return left

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            for handle in self._handles:
                handle.close()
            self._handles.clear()

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            for handle in self._handles:
                with contextlib.suppress(OSError):
                    handle.shutdown(socket.SHUT_RDWR)

    def _watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self._expired:
                raise _Expired()
            self._handles.append(sock.dup())

    def addresses(self, host: str, port: int, patience: float | None = None) -> list[Address]:
        """A host's addresses: an IP address at once, a name in a thread waited for until the
        deadline (or for ``patience`` seconds, when a lookup is only a courtesy)."""
        try:
            ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
            return [(family, sockaddr) for family, _, _, _, sockaddr in infos]
        box: list[list[Address] | Exception] = []

        def work() -> None:
            try:
                box.append(self.resolve(host, port))
            except (OSError, ValueError) as exc:  # (ValueError: a name the IDNA codec refuses)
                box.append(exc)

        worker = threading.Thread(target=work, name="crosscheck-resolve", daemon=True)
        worker.start()
        worker.join(min(self.remaining(), patience or self.deadline_s))
        if not box:
            raise _Expired() if self.over() else TimeoutError(f"looking up {host} takes too long")
        if isinstance(box[0], Exception):
            raise box[0]
        if not box[0]:
            raise socket.gaierror(f"no address for {host}")
        return box[0]

    def connect(self, address: tuple[str, int], timeout: object = None, source_address: object = None) -> socket.socket:
        """http.client's way of making its socket: to the addresses checked for this host (a
        second lookup could answer differently), within the deadline, registered to be cut."""
        host, port = address
        candidates = self.pinned.get((host.lower(), port)) or self.addresses(host, port)
        error: OSError = OSError(f"cannot connect to {host}")
        for family, sockaddr in candidates:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                self._watch(sock)
                sock.settimeout(self.remaining())
                sock.connect(sockaddr)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            self.peer = sockaddr[0]
            return sock
        raise error

    def failure(self, shown: str, exc: BaseException, doing: str = "cannot reach it") -> InputError:
        if self.over() or isinstance(exc, _Expired):
            return self.expired_error(shown)
        reason = getattr(exc, "reason", None) or exc
        return InputError(f"{shown}: {doing} ({shown_url(str(reason)) or type(exc).__name__})")

    def expired_error(self, shown: str) -> InputError:
        return InputError(f"{shown}: no complete answer within {self.deadline_s:g} s "
                          "(the server is too slow or does not answer)")


@lru_cache(maxsize=1)
def _handlers() -> tuple[type, type, type]:
    """The HTTP stack, imported on the first URL (files never pay for it). Connections make
    their sockets through the session; redirects are not followed by urllib but by ``fetch``."""
    import http.client
    import urllib.request

    class _Plain(http.client.HTTPConnection):
        def __init__(self, *args, session: _Session, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = session.connect

    class _TLS(http.client.HTTPSConnection):
        def __init__(self, *args, session: _Session, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = session.connect

    class PlainHandler(urllib.request.HTTPHandler):
        def __init__(self, session: _Session) -> None:
            super().__init__()
            self.session = session

        def http_open(self, req):
            return self.do_open(_Plain, req, session=self.session)

    class TLSHandler(urllib.request.HTTPSHandler):
        def __init__(self, session: _Session) -> None:
            super().__init__()
            self.session = session

        def https_open(self, req):
            return self.do_open(_TLS, req, context=self._context, session=self.session)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        """Leaves every redirect to ``fetch`` (urllib's own would parse the Location first, and
        a malformed one would escape as a crash): the response becomes an HTTPError."""

        def http_error_302(self, *args, **kwargs):
            return None

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return PlainHandler, TLSHandler, NoRedirect


def _proxied(target: Target) -> bool:
    import urllib.request

    return target.scheme in urllib.request.getproxies() and not urllib.request.proxy_bypass(target.netloc)


# --- fetching ------------------------------------------------------------------------------


def fetch(url: str, max_bytes: int, deadline_s: float = TIMEOUT_S, *, resolve: Resolver | None = None) -> Fetched:
    """The page at ``url``, or an ``InputError`` saying why not.

    ``deadline_s`` bounds the whole request. ``resolve`` looks up host names (tests give their
    own; by default the system's resolver).

    Redirects from a public address to a non-public one (``is_public``) are refused: a page on
    the internet must not be able to make this program fetch from the user's own machine or
    network (a router's admin page, a local service, the cloud metadata address), whose answer
    would then be shown and saved as an article. A link the user typed may point anywhere,
    local servers included: the user chose it. The check uses the addresses a redirect's host
    resolves to, and the connection goes to exactly those addresses, so a second lookup cannot
    answer differently. Through a proxy the proxy resolves names: a name this machine cannot
    resolve is left to the proxy.
    """
    shown = shown_url(url)
    target = parse_url(url)
    session = _Session(deadline_s, resolve or _system_resolve)
    try:
        return _follow(target, shown, max_bytes, session)
    except _Expired:
        raise session.expired_error(shown) from None
    finally:
        session.close()


def _follow(target: Target, shown: str, max_bytes: int, session: _Session) -> Fetched:
    import http.client
    import urllib.error
    import urllib.request

    plain, tls, no_redirect = _handlers()
    opener = urllib.request.build_opener(plain(session), tls(session), no_redirect)
    came_from_public = False  # the first hop is the user's own link: it may be local
    for _ in range(MAX_REDIRECTS + 1):
        proxied = _proxied(target)
        if proxied:  # the proxy connects; a name is looked up here only when a redirect needs checking
            addresses = _courtesy_lookup(target, session) if came_from_public else None
        else:
            addresses = _addresses(target, shown, session)
            session.pinned[(target.host, target.port)] = addresses
        if came_from_public and addresses:
            _refuse_private(addresses, target, shown)
        session.peer = None
        request = urllib.request.Request(target.url, headers={
            "User-Agent": f"Crosscheck/{__version__}", "Accept-Encoding": "gzip, deflate",
        })
        try:
            response = opener.open(request, timeout=session.remaining())
        except urllib.error.HTTPError as exc:
            exc.close()
            location = exc.headers.get("Location") if exc.headers else None
            if exc.code in _REDIRECTS and location:
                came_from_public = _hop_public(target, addresses, proxied, session)
                target = _redirect_target(target, location, shown)
                continue
            reason = shown_url(str(exc.reason or "")).strip()
            raise InputError(f"{shown}: the server answered {exc.code}{' ' + reason if reason else ''}") from None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            raise session.failure(shown, exc) from None
        read_at = utc_now()  # the answer has arrived: this is when the page was fetched
        with response:
            page = _page(response, target, shown, max_bytes, session)
            declared = response.headers.get("Content-Type")
            return replace(page, status=response.status, read_at=read_at,
                           declared=shown_url(declared.strip()) if declared else None)
    raise InputError(f"{shown}: more than {MAX_REDIRECTS} redirects")


def _addresses(target: Target, shown: str, session: _Session) -> list[Address]:
    try:
        return session.addresses(target.host, target.port)
    except _Expired:
        raise
    except socket.gaierror:
        raise InputError(f"{shown}: cannot reach it (cannot find {target.host})") from None
    except (OSError, ValueError) as exc:
        raise session.failure(shown, exc) from None


def _courtesy_lookup(target: Target, session: _Session) -> list[Address] | None:
    """Where a name leads as seen from here, when a proxy does the connecting: None if this
    machine cannot tell within a few seconds (behind a proxy, names often resolve only there)."""
    try:
        return session.addresses(target.host, target.port, patience=3.0)
    except _Expired:
        raise
    except (OSError, ValueError):
        return None


def _hop_public(target: Target, addresses: list[Address] | None, proxied: bool, session: _Session) -> bool:
    """Whether the hop just made was to a public address: the one connected to or, through a
    proxy, every address its name has here (a name unknown here is somewhere out there)."""
    if not proxied:
        return session.peer is not None and is_public(session.peer)
    addresses = addresses if addresses is not None else _courtesy_lookup(target, session)
    return addresses is None or all(is_public(sockaddr[0]) for _, sockaddr in addresses)


def _refuse_private(addresses: list[Address], target: Target, shown: str) -> None:
    for _, sockaddr in addresses:
        if not is_public(sockaddr[0]):
            raise InputError(f"{shown}: refused a redirect from a public address to a local or private one "
                             f"({shown_url(target.url)} is at {sockaddr[0]})")


def _redirect_target(current: Target, location: str, shown: str) -> Target:
    from urllib.parse import urljoin

    with contextlib.suppress(UnicodeError):  # http.client reads headers as Latin-1; servers mean UTF-8
        location = location.encode("latin-1").decode("utf-8")
    location = location.strip(" \t\r\n").replace(" ", "%20")  # as browsers do with a sloppy Location
    try:
        joined = urljoin(current.url, location)
    except ValueError:
        joined = location
    try:
        return _parse(joined)
    except _BadLink as exc:
        if not is_url(joined):
            raise InputError(f"{shown}: only http and https links can be opened") from None
        raise InputError(f"{shown}: the server redirected to a link that is not valid "
                         f"({shown_url(joined)}: {exc})") from None


def _page(response, target: Target, shown: str, max_bytes: int, session: _Session) -> Fetched:
    headers: Message = response.headers
    declared = _declared_type(headers)
    if declared is not None and declared not in _READABLE:
        raise InputError(f"{shown}: this is {shown_url(declared)}, not an article page")
    decoder = _decoder(headers.get("Content-Encoding", ""), shown)
    length = _declared_length(headers)
    if length is not None and length > max_bytes:
        raise InputError(f"{shown}: the page is larger than {_size(max_bytes)}")
    data = _read_body(response, decoder, length, shown, max_bytes, session)
    charset = headers.get_content_charset() if declared else None
    if declared is None:
        kind = sniff(data)
        if kind not in _TEXT_TYPES and kind != "application/pdf":  # (a ZIP may be anything)
            raise InputError(f"{shown}: this looks like {kind}, not an article page")
        return Fetched(target.url, data, kind, charset, sniffed=True)
    if declared == "text/plain" and sniff(data) == "text/html":
        # a page served as text/plain is still a page, as a page saved as .txt is (formats.kind_of)
        return Fetched(target.url, data, "text/html", charset, sniffed=True)
    return Fetched(target.url, data, declared, charset)


def _declared_type(headers: Message) -> str | None:
    """The Content-Type's media type, or None when the server gave none that says anything."""
    raw = headers.get("Content-Type") or ""
    media = raw.split(";", 1)[0].strip().lower()
    if "/" not in media or media in _UNKNOWN_TYPES:
        return None
    return media


def _declared_length(headers: Message) -> int | None:
    raw = (headers.get("Content-Length") or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else None


def _size(max_bytes: int) -> str:
    return f"{max_bytes // 2**20} MB" if max_bytes >= 2**20 else f"{max_bytes:,} bytes"


def _read_body(response, decoder: _Decoder | None, length: int | None, shown: str, max_bytes: int,
               session: _Session) -> bytes:
    import http.client

    chunks: list[bytes] = []
    raw = kept = 0
    too_large = f"{shown}: the page is larger than {_size(max_bytes)}" + (" once decompressed" if decoder else "")
    try:
        while True:
            try:
                chunk = response.read(_CHUNK)
            except (OSError, ValueError, http.client.HTTPException) as exc:
                raise session.failure(shown, exc, "the download broke off") from None
            if not chunk:
                break
            raw += len(chunk)
            if raw > max_bytes:
                raise InputError(f"{shown}: the page is larger than {_size(max_bytes)}")
            piece = decoder.feed(chunk, max_bytes - kept) if decoder else chunk
            kept += len(piece)
            if kept > max_bytes:
                raise _TooLarge()
            chunks.append(piece)
        if session.over():  # the deadline's cut can look like the end of the body
            raise session.expired_error(shown)
        if length is not None and raw < length:
            raise InputError(f"{shown}: the download broke off ({raw:,} of {length:,} bytes arrived)")
        if decoder:
            decoder.finish()
    except _TooLarge:
        raise InputError(too_large) from None
    except _Truncated:
        raise InputError(f"{shown}: the download broke off (the compressed page ends early)") from None
    except zlib.error as exc:
        raise InputError(f"{shown}: the compressed page is damaged ({exc})") from None
    return b"".join(chunks)


# --- compression ---------------------------------------------------------------------------


def _decoder(content_encoding: str, shown: str) -> _Decoder | None:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return None
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
        return _Decoder(gzip=codings[0] != "deflate")
    raise InputError(f"{shown}: the server compressed the page as {shown_url(content_encoding.strip())!r}, "
                     "which Crosscheck cannot read")


class _Decoder:
    """A gzip or deflate body undone as it arrives, never producing more than it is allowed.

    Each call asks zlib for at most the room left plus one byte, so a bomb is noticed one byte
    past the cap with no more than that in memory. Gzip may hold several members one after
    another; "deflate" is zlib-wrapped by the standard and raw by many servers: both are read.
    """

    def __init__(self, gzip: bool) -> None:
        self.gzip = gzip
        self._z: zlib._Decompress | None = None
        self._held = b""  # the first bytes of a stream, until there are enough to recognise it
        self._streams = 0
        self._done = False  # past the end of the (last) stream: what follows is ignored

    def feed(self, data: bytes, room: int) -> bytes:
        out: list[bytes] = []
        produced = 0
        data, self._held = self._held + data, b""
        while data and not self._done:
            if self._z is None:
                if len(data) < 2:
                    self._held = data
                    break
                self._z = self._start(data)
                if self._z is None:
                    break
            piece = self._z.decompress(data, room - produced + 1)
            produced += len(piece)
            out.append(piece)
            if produced > room:
                raise _TooLarge()
            if self._z.eof:
                data, self._z = self._z.unused_data, None
                self._streams += 1
                self._done = not self.gzip
            else:
                data = self._z.unconsumed_tail
        return b"".join(out)

    def _start(self, data: bytes) -> zlib._Decompress | None:
        if self.gzip:
            if data[:2] != b"\x1f\x8b":
                if self._streams:  # padding after a complete member, as some servers send
                    self._done = True
                    return None
                raise zlib.error("not gzip data")
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        zlib_wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)

    def finish(self) -> None:
        if self._z is not None or (self._held and not self._streams):
            raise _Truncated()


# --- sniffing ------------------------------------------------------------------------------

_SNIFF_BYTES = 1445  # as much as the WHATWG MIME sniffing standard looks at
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"%!PS-Adobe-", "application/postscript"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b\x08", "application/gzip"),
    (b"Rar!\x1a\x07", "application/x-rar-compressed"),
)
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_HTML_TAGS = re.compile(
    rb"<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)[\s>]|<!--")
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\xef\xbb\xbf", "utf-8"))


def sniff(data: bytes) -> str:
    """What bytes are when the server does not say: ``text/html``, ``text/plain``, or another
    media type (a known file signature, ``text/xml``, or ``application/octet-stream`` for binary).

    In the spirit of the WHATWG MIME sniffing standard: a byte-order mark means text; known
    signatures and bytes that text never holds mean binary; a page that begins with an HTML tag
    (after blank space) is HTML, and so is one that ``formats.kind_of`` takes for a page (so that
    a page arrives as HTML whether it was saved or fetched); anything else is plain text.
    """
    head = data[:_SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            text = head[len(bom):].decode(encoding, "ignore").encode("utf-8")
            return "text/html" if _looks_like_html(text) else "text/plain"
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    if _BINARY_BYTES.search(head):
        return "application/octet-stream"
    stripped = head.lstrip(b" \t\r\n\x0c").lower()
    if stripped.startswith(b"<?xml"):
        return "text/html" if b"<html" in stripped else "text/xml"
    return "text/html" if _looks_like_html(head) else "text/plain"


def _looks_like_html(head: bytes) -> bool:
    stripped = head.lstrip(b" \t\r\n\x0c").lower()
    return bool(_HTML_TAGS.match(stripped)) or kind_of("", stripped) == "html"
