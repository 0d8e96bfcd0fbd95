"""Fetching from servers that misbehave on purpose: trickling, silent, untyped, compressed,
bombs, lying lengths, redirect tricks, and links that are not links at all.

The servers are raw sockets in threads on 127.0.0.1, so that every byte on the wire is the
test's choice. Deadlines are 0.15 s: each case shows that the whole request ends
at its deadline, where a timeout per read would wait for ever.
"""

from __future__ import annotations

import gzip
import socket
import socketserver
import ssl
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.io import fetch as fetch_module
from crosscheck.io.errors import InputError
from crosscheck.io.fetch import fetch, is_public, is_url, parse_url, shown_url, sniff
from crosscheck.io.load import load, load_url
from tests.cli_run import run_cli
from tests.fuzzing import examples

CERT = str(Path(__file__).parent / "fixtures" / "tls-127.0.0.1.pem")
DEADLINE = 0.15
SLACK = 0.5  # a loaded machine's scheduling; far below what a per-read timeout would allow

TEXT = (
    "Quay wall to be rebuilt\n\nBy Noor Haddad\n\n"
    "The Eastmere council voted on Tuesday to rebuild the north quay wall before the winter storms.\n\n"
    "\u201cThe wall has held for ninety years and it will not hold for ninety more,\u201d the harbour master said.\n"
)
PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Quay wall to be rebuilt</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article><h1>Quay wall to be rebuilt</h1>"
    "<p>The Eastmere council voted on Tuesday to rebuild the north quay wall before the winter storms.</p>"
    "<p>\u201cThe wall has held for ninety years and it will not hold for ninety more,\u201d the harbour master "
    "said, adding that the work would start in October and last until the spring.</p>"
    "<p>Residents of the quay had asked for the repair since the floods of the previous year.</p>"
    "</article><footer>All rights reserved</footer></body></html>"
).encode()

Route = Callable[[socket.socket], None]
STOP = threading.Event()  # ends the trickling routes when the module's server goes
SEEN: list[bytes] = []  # request heads as the server received them


def _head(status: str = "200 OK", *headers: str) -> bytes:
    return ("\r\n".join([f"HTTP/1.1 {status}", *headers, "Connection: close"]) + "\r\n\r\n").encode("latin-1")


def _answer(body: bytes, *headers: str, status: str = "200 OK", length: str | None = "auto") -> Route:
    sized = [f"Content-Length: {len(body) if length == 'auto' else length}"] if length else []

    def route(sock: socket.socket) -> None:
        sock.sendall(_head(status, *headers, *sized) + body)

    return route


def _redirect(location: str, status: str = "302 Found") -> Route:
    return _answer(b"", f"Location: {location}", status=status)


def _trickle(first: bytes) -> Route:
    """Bytes come every 20 ms for ever: no read ever waits long, the request never ends."""

    def route(sock: socket.socket) -> None:
        sock.sendall(first)
        while not STOP.wait(0.02):
            sock.sendall(b"x")

    return route


def _slow_redirect(to: str) -> Route:
    def route(sock: socket.socket) -> None:
        time.sleep(0.05)
        _redirect(to)(sock)

    return route


def _gzip_bomb(decoded_mb: int = 50) -> bytes:
    """``decoded_mb`` MB of zeros as one valid gzip member of about 50 KB, built in milliseconds:
    after a full flush the compressor starts afresh, so each further megabyte compresses to
    the very same bytes and is repeated rather than compressed again."""
    mb = bytes(2**20)
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = comp.compress(mb) + comp.flush(zlib.Z_FULL_FLUSH)
    middle = comp.compress(mb) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(mb) + comp.flush()
    crc = zlib.crc32(mb * decoded_mb)
    return first + middle * (decoded_mb - 2) + last[:-8] + struct.pack("<II", crc, (decoded_mb * 2**20) & 0xFFFFFFFF)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    routes: dict[str, Route]
    tls: ssl.SSLContext | None = None


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(5)
        head = b""
        try:
            if self.server.tls:
                sock = self.server.tls.wrap_socket(sock, server_side=True)
            while b"\r\n\r\n" not in head:
                data = sock.recv(4096)
                if not data:
                    return
                head += data
            SEEN.append(head)
            target = head.split(b" ", 2)[1].decode("latin-1")
            missing = _answer(b"not here", "Content-Type: text/plain", status="404 Not Found")
            self.server.routes.get(target, missing)(sock)
        except OSError:  # the client went away (or was cut at its deadline): nothing to answer
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    STOP.clear()
    httpd = _Server(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    base = f"http://127.0.0.1:{port}"
    zipped = gzip.compress(PAGE)
    routes: dict[str, Route] = {
        "/article": _answer(TEXT.encode(), "Content-Type: text/plain; charset=utf-8"),
        "/page": _answer(PAGE, "Content-Type: text/html; charset=utf-8"),
        # deadlines
        "/trickle-body": _trickle(_head("200 OK", "Content-Type: text/plain", "Content-Length: 100000")),
        "/trickle-head": _trickle(b"HTTP/1.1 200 OK\r\nX-Padding: "),
        **{f"/slow-hop/{n}": _slow_redirect(f"/slow-hop/{n - 1}" if n else "/article") for n in range(6)},
        # what the page is
        "/untyped-html": _answer(PAGE),
        "/untyped-text": _answer(TEXT.encode()),
        "/untyped-binary": _answer(b"\x00\x01\x02 some bytes \x00" * 40),
        "/untyped-png": _answer(b"\x89PNG\r\n\x1a\n" + bytes(64)),
        "/untyped-pdf": _answer(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),
        "/empty-type": _answer(PAGE, "Content-Type: "),
        "/octet-html": _answer(PAGE, "Content-Type: application/octet-stream"),
        "/octet-binary": _answer(bytes(range(256)), "Content-Type: application/octet-stream"),
        "/plain-but-html": _answer(PAGE, "Content-Type: text/plain"),
        # compression
        "/gzip": _answer(zipped, "Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"),
        "/x-gzip-untyped": _answer(zipped, "Content-Encoding: x-gzip"),
        "/gzip-members": _answer(gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:]),
                                 "Content-Type: text/html", "Content-Encoding: gzip"),
        "/deflate": _answer(zlib.compress(PAGE), "Content-Type: text/html", "Content-Encoding: deflate"),
        "/deflate-raw": _answer(zlib.compress(PAGE, wbits=-15), "Content-Type: text/html", "Content-Encoding: deflate"),
        "/gzip-bomb": _answer(_gzip_bomb(), "Content-Type: text/html", "Content-Encoding: gzip"),
        "/gzip-damaged": _answer(zipped[:20] + b"\xff" * 40 + zipped[60:], "Content-Type: text/html",
                                 "Content-Encoding: gzip"),
        "/gzip-truncated": _answer(zipped[: len(zipped) // 2], "Content-Type: text/html", "Content-Encoding: gzip"),
        "/brotli": _answer(b"\x1b\x00\x00", "Content-Type: text/html", "Content-Encoding: br"),
        # lengths
        "/short-length": _answer(TEXT.encode()[:60], "Content-Type: text/plain", length="5000"),
        "/bad-length": _answer(TEXT.encode(), "Content-Type: text/plain", length="many"),
        "/no-length": _answer(TEXT.encode(), "Content-Type: text/plain", length=None),
        # redirects
        "/loop": _redirect("/loop"),
        "/ping": _redirect("/pong", "301 Moved Permanently"),
        "/pong": _redirect("/ping", "308 Permanent Redirect"),
        "/to-javascript": _redirect("javascript:alert(1)"),
        "/to-data": _redirect("data:text/html,<p>hello</p>"),
        "/to-ftp": _redirect("ftp://127.0.0.1/article.txt"),
        "/to-bad-ipv6": _redirect("http://[::1/x"),
        "/to-escape": _redirect("http://exa\x1b[2Jmple.com/"),
        "/to-utf8": lambda sock: sock.sendall(
            _head("302 Found", "Content-Length: 0").replace(b"\r\n\r\n", "\r\nLocation: /caf\u00e9\r\n\r\n".encode())),
        "/caf%C3%A9": _answer(TEXT.encode(), "Content-Type: text/plain"),
        "/to-self": _redirect(f"{base}/article"),
        "/to-internal": _redirect(f"http://intranet.example:{port}/article"),
        "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-mapped": _redirect(f"http://[::ffff:127.0.0.1]:{port}/article"),
        "/to-loopback": _redirect(f"http://127.0.0.2:{port}/article", "307 Temporary Redirect"),
        # through a proxy: the request line names the whole link
        "http://news.example/story": _answer(TEXT.encode(), "Content-Type: text/plain"),
        "http://news.example/moved": _redirect("http://intranet.example/secret"),
        "http://news.example/elsewhere": _redirect("http://unknown.example/story"),
        "http://unknown.example/story": _answer(TEXT.encode(), "Content-Type: text/plain"),
    }
    httpd.routes = routes
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        STOP.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def tls_server() -> Iterator[str]:
    """The same kind of server over TLS, with a certificate for 127.0.0.1 made for these tests
    (openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1, then certificate and key in one file)."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    httpd.tls.load_cert_chain(CERT)
    httpd.routes = {
        "/article": _answer(TEXT.encode(), "Content-Type: text/plain"),
        "/trickle-body": _trickle(_head("200 OK", "Content-Type: text/plain", "Content-Length: 100000")),
    }
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}"
    finally:
        STOP.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def trust_test_certificate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ssl, "_create_default_https_context", lambda: ssl.create_default_context(cafile=CERT))


@pytest.fixture
def silent() -> Iterator[str]:
    """A server that accepts connections (the kernel does, from the backlog) and never answers."""
    with socket.create_server(("127.0.0.1", 0), backlog=4) as sock:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/article"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def _resolver(table: dict[str, str]) -> Callable[[str, int], list[tuple[int, tuple]]]:
    """Host names as the test wants them to resolve; no lookup ever leaves the machine."""

    def resolve(host: str, port: int) -> list[tuple[int, tuple]]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        address = table[host]
        return [(socket.AF_INET6, (address, port, 0, 0)) if ":" in address else (socket.AF_INET, (address, port))]

    return resolve


def _refused(url: str, **kwargs: object) -> tuple[str, float]:
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        fetch(url, max_bytes=2**20, **kwargs)
    return str(info.value), time.monotonic() - start


# --- the whole-request deadline -------------------------------------------------------------


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_a_trickling_server_is_cut_at_the_deadline(server: str, path: str) -> None:
    message, took = _refused(server + path, deadline_s=DEADLINE)
    assert message == f"{server}{path}: no complete answer within 0.15 s (the server is too slow or does not answer)"
    assert DEADLINE - 0.01 <= took < DEADLINE + SLACK


def test_a_silent_server_is_cut_at_the_deadline(silent: str) -> None:
    message, took = _refused(silent, deadline_s=DEADLINE)
    assert message.startswith(f"{silent}: no complete answer within 0.15 s")
    assert DEADLINE - 0.01 <= took < DEADLINE + SLACK


@pytest.mark.usefixtures("trust_test_certificate")
def test_a_trickling_tls_server_is_cut_at_the_deadline(tls_server: str) -> None:
    # TLS takes the socket over: the deadline must still reach the connection underneath
    assert fetch(f"{tls_server}/article", max_bytes=2**20).data == TEXT.encode()
    message, took = _refused(f"{tls_server}/trickle-body", deadline_s=DEADLINE)
    assert message.startswith(f"{tls_server}/trickle-body: no complete answer within 0.15 s")
    assert DEADLINE - 0.01 <= took < DEADLINE + SLACK


def test_the_deadline_covers_every_redirect_together(server: str) -> None:
    # five hops of 50 ms each: every one alone is well within the deadline, together they are not
    message, took = _refused(f"{server}/slow-hop/4", deadline_s=DEADLINE)
    assert "no complete answer within 0.15 s" in message
    assert took < DEADLINE + SLACK


def test_the_default_deadline_is_the_whole_request() -> None:
    assert fetch_module.TIMEOUT_S == 15.0
    assert fetch.__defaults__ == (fetch_module.TIMEOUT_S,)


# --- what a page is when the server does not say ---------------------------------------------


@pytest.mark.parametrize("path", ["/untyped-html", "/empty-type", "/octet-html", "/plain-but-html"])
def test_html_without_a_usable_type_is_read_as_a_page(server: str, path: str) -> None:
    fetched = fetch(server + path, max_bytes=2**20)
    assert (fetched.content_type, fetched.sniffed) == ("text/html", True)
    source = load_url(server + path, "s1")
    assert "voted on Tuesday to rebuild the north quay wall" in source.text
    assert "<" not in source.text and "Home" not in source.text and "rights reserved" not in source.text


def test_text_without_a_type_is_plain_text(server: str) -> None:
    fetched = fetch(f"{server}/untyped-text", max_bytes=2**20)
    assert (fetched.content_type, fetched.sniffed, fetched.data) == ("text/plain", True, TEXT.encode())
    source = load_url(f"{server}/untyped-text", "s1")
    assert source.title == "Quay wall to be rebuilt"
    assert source.author == "Noor Haddad"


@pytest.mark.parametrize(("path", "kind"), [
    ("/untyped-binary", "application/octet-stream"),
    ("/untyped-png", "image/png"),
    ("/octet-binary", "application/octet-stream"),
])
def test_binary_without_a_usable_type_is_refused(server: str, path: str, kind: str) -> None:
    message, _ = _refused(server + path)
    assert message == f"{server}{path}: this looks like {kind}, not an article page"


def test_a_pdf_without_a_type_is_recognised_for_the_pdf_reader(server: str) -> None:
    fetched = fetch(f"{server}/untyped-pdf", max_bytes=2**20)
    assert (fetched.content_type, fetched.sniffed) == ("application/pdf", True)


@pytest.mark.parametrize(("data", "kind"), [
    (b"  \n<!doctype html><title>x</title>", "text/html"),
    (b"<HTML lang=en>", "text/html"),
    (b"<p>One paragraph.</p>", "text/html"),
    (b"<!-- saved page -->\n<div>", "text/html"),
    (b"Kicker line\n<body><p>text</p></body>", "text/html"),
    (b"\xef\xbb\xbf<html>", "text/html"),
    ("\ufeff<html><body>x</body></html>".encode("utf-16-le"), "text/html"),
    ("\ufeffA plain article in UTF-16.".encode("utf-16-le"), "text/plain"),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", "text/html"),
    (b"<?xml version='1.0'?><rss>", "text/xml"),
    (b"<pre>not a tag we know", "text/plain"),
    (b"The council said <b and c> would follow.", "text/plain"),
    ("Le conseil a vot\u00e9 mardi.".encode(), "text/plain"),
    (b"%PDF-1.4", "application/pdf"),
    (b"GIF89a\x01\x00", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"text with a \x00 in it", "application/octet-stream"),
    (b"a form feed\x0c and \x01 a control byte", "application/octet-stream"),
    (b"\x1b$B$3$s$K$A$O\x1b(B", "text/plain"),  # escape sequences of ISO-2022-JP are text
    (b"", "text/plain"),
])
def test_sniffing(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


# --- compression -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/gzip", "/x-gzip-untyped", "/gzip-members", "/deflate", "/deflate-raw"])
def test_compressed_bodies_are_decoded(server: str, path: str) -> None:
    fetched = fetch(server + path, max_bytes=2**20)
    assert fetched.data == PAGE
    assert fetched.content_type == "text/html"


def test_compression_is_asked_for(server: str) -> None:
    SEEN.clear()
    fetch(f"{server}/article", max_bytes=2**20)
    assert b"\r\nAccept-Encoding: gzip, deflate\r\n" in SEEN[-1]


def test_a_gzip_bomb_is_refused_fast_and_small(server: str) -> None:
    fetch(f"{server}/gzip", max_bytes=2**20)  # the HTTP stack imported before memory is measured
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(InputError) as info:
            fetch(f"{server}/gzip-bomb", max_bytes=2**20)
        took = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value) == f"{server}/gzip-bomb: the page is larger than 1 MB once decompressed"
    assert took < 0.5
    assert peak < 6 * 2**20  # 50 MB of zeros were never held


@pytest.mark.parametrize(("path", "message"), [
    ("/gzip-damaged", "the compressed page is damaged"),
    ("/gzip-truncated", "the download broke off (the compressed page ends early)"),
    ("/brotli", "the server compressed the page as 'br', which Crosscheck cannot read"),
])
def test_bad_compression_is_refused(server: str, path: str, message: str) -> None:
    refused, _ = _refused(server + path)
    assert refused.startswith(f"{server}{path}: {message}")


# --- lengths ---------------------------------------------------------------------------------


def test_a_body_shorter_than_its_length_is_refused(server: str) -> None:
    message, _ = _refused(f"{server}/short-length")
    assert message == f"{server}/short-length: the download broke off (60 of 5,000 bytes arrived)"


@pytest.mark.parametrize("path", ["/bad-length", "/no-length"])
def test_a_body_without_a_usable_length_is_read_to_the_end(server: str, path: str) -> None:
    assert fetch(server + path, max_bytes=2**20).data == TEXT.encode()


# --- redirects -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/loop", "/ping"])
def test_redirect_loops_end(server: str, path: str) -> None:
    message, _ = _refused(server + path)
    assert message == f"{server}{path}: more than 5 redirects"


@pytest.mark.parametrize("path", ["/to-javascript", "/to-data", "/to-ftp"])
def test_redirect_to_another_scheme_is_refused(server: str, path: str) -> None:
    message, _ = _refused(server + path)
    assert message == f"{server}{path}: only http and https links can be opened"


def test_redirect_to_a_malformed_link_is_refused(server: str) -> None:
    message, _ = _refused(f"{server}/to-bad-ipv6")
    assert message == (f"{server}/to-bad-ipv6: the server redirected to a link that is not valid "
                       "(http://[::1/x: not a valid link: the IPv6 address in brackets is not valid)")
    message, _ = _refused(f"{server}/to-escape")
    assert "\x1b" not in message and "http://exa\\x1b[2Jmple.com/" in message


def test_a_utf8_location_is_followed(server: str) -> None:
    assert fetch(f"{server}/to-utf8", max_bytes=2**20).url == f"{server}/caf%C3%A9"


@pytest.fixture
def local_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server on 127.0.0.1 plays a server on the internet; every other address keeps its kind."""
    real = fetch_module.is_public
    monkeypatch.setattr(fetch_module, "is_public", lambda address: str(address) == "127.0.0.1" or real(address))


@pytest.mark.parametrize(("path", "address"), [
    ("/to-internal", "10.20.30.40"),
    ("/to-internal", "169.254.169.254"),
    ("/to-internal", "fd00::1"),
    ("/to-internal", "::ffff:192.168.1.1"),
    ("/to-metadata", "169.254.169.254"),
    ("/to-mapped", "::ffff:127.0.0.1"),
    ("/to-loopback", "127.0.0.2"),
])
@pytest.mark.usefixtures("local_counts_as_public")
def test_redirect_from_public_to_private_is_refused(server: str, path: str, address: str) -> None:
    resolve = _resolver({"intranet.example": address})
    message, _ = _refused(server + path, resolve=resolve)
    assert message.startswith(f"{server}{path}: refused a redirect from a public address to a local or private one (")
    assert message.endswith(f" is at {address})")


@pytest.mark.usefixtures("local_counts_as_public")
def test_redirect_from_public_to_public_is_followed(server: str) -> None:
    assert fetch(f"{server}/to-self", max_bytes=2**20).data == TEXT.encode()


def test_redirect_between_local_addresses_is_followed(server: str) -> None:
    # the user's own link was local: a local server may redirect within the machine
    assert fetch(f"{server}/to-self", max_bytes=2**20).data == TEXT.encode()
    assert fetch(f"{server}/to-internal", max_bytes=2**20,
                 resolve=_resolver({"intranet.example": "127.0.0.1"})).data == TEXT.encode()


def test_the_checked_address_is_the_one_connected_to(server: str) -> None:
    # a name resolved once: the connection goes where it was checked, not to a second answer
    answers = iter(["127.0.0.1", "10.9.9.9"])
    port = int(server.rsplit(":", 1)[1])
    resolve = _resolver({})

    def rebinding(host: str, _port: int) -> list[tuple[int, tuple]]:
        return [(socket.AF_INET, (next(answers), port))] if host == "news.example" else resolve(host, _port)

    fetched = fetch(f"http://news.example:{port}/article", max_bytes=2**20, deadline_s=2, resolve=rebinding)
    assert fetched.data == TEXT.encode()


@pytest.mark.parametrize(("address", "public"), [
    *[(a, False) for a in [
        "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
        "240.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.2.1", "203.0.113.9",
        "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "fec0::1", "ff02::1",
        "ff0e::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
        "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a00:1::", "::127.0.0.1", "2001:db8::1",
        "not an address", "",
    ]],
    *[(a, True) for a in [
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "192.169.0.1", "100.128.0.1",
        "2606:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
    ]],
])
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


# --- through a proxy -------------------------------------------------------------------------


@pytest.fixture
def proxy(server: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, int], list[tuple[int, tuple]]]:
    monkeypatch.setenv("http_proxy", server)
    return _resolver({"news.example": "93.184.216.34", "intranet.example": "10.1.2.3"})


def test_a_proxy_from_the_environment_is_used(proxy: Callable) -> None:
    assert fetch("http://news.example/story", max_bytes=2**20, resolve=proxy).data == TEXT.encode()


def test_through_a_proxy_a_redirect_to_a_private_name_is_refused(proxy: Callable) -> None:
    message, _ = _refused("http://news.example/moved", resolve=proxy)
    assert message.endswith("(http://intranet.example/secret is at 10.1.2.3)")


def test_through_a_proxy_a_name_unknown_here_is_left_to_the_proxy(proxy: Callable) -> None:
    assert fetch("http://news.example/elsewhere", max_bytes=2**20, resolve=proxy).data == TEXT.encode()


# --- links that are not links ----------------------------------------------------------------

MALFORMED = [
    ("http://[::1/x", "not a valid link: the IPv6 address in brackets is not valid"),
    ("http://[::1", "not a valid link: the IPv6 address in brackets is not valid"),
    ("http://[zzz]/", "not a valid link: the IPv6 address in brackets is not valid"),
    ("http://[::1]x/", "not a valid link: the IPv6 address in brackets is not valid"),
    ("http://[fe80::1%25eth0]/", "not a valid link: the IPv6 address in brackets is not valid"),
    ("http://exa mple.com/", "not a valid link: it contains a space"),
    ("https://example.com/a b", "not a valid link: it contains a space"),
    (" http://example.com/", "not a valid link: it contains a space"),
    ("http://example.com/\x00", "not a valid link: it contains a control character"),
    ("http://example.com/\n", "not a valid link: it contains a control character"),
    ("http://exa\tmple.com/", "not a valid link: it contains a control character"),
    ("http://example.com/\x7f", "not a valid link: it contains a control character"),
    ("http://example.com/\x9b31m", "not a valid link: it contains a control character"),
    ("http://", "not a valid link: no host name"),
    ("http:///article", "not a valid link: no host name"),
    ("http://:8080/", "not a valid link: no host name"),
    ("http://user@/", "not a valid link: no host name"),
    ("http://a:99999/", "not a valid link: the port must be a number from 1 to 65535"),
    ("http://a:0/", "not a valid link: the port must be a number from 1 to 65535"),
    ("http://a:-1/", "not a valid link: the port must be a number from 1 to 65535"),
    ("http://a:8o8o/", "not a valid link: the port must be a number from 1 to 65535"),
    ("http://a:b:c/", "not a valid link: the port must be a number from 1 to 65535"),
    ("http://a\\b/", "not a valid link: the host name is not valid"),
    ("http://a..b/", "not a valid link: the host name is not valid"),
    ("http://%00example.com/", "not a valid link: the host name is not valid"),
    ("http://" + "a" * 64 + ".com/", "not a valid link: the host name is not valid"),
    ("http:example.com", "not a valid link: it needs // and a host name, as in https://example.com/news"),
    ("ftp://example.com/", "only http and https links can be opened"),
]


@pytest.mark.parametrize(("url", "reason"), MALFORMED)
def test_malformed_links_are_refused_clearly(url: str, reason: str) -> None:
    message, _ = _refused(url, resolve=_resolver({}))
    assert message == f"{shown_url(url)}: {reason}"
    assert message.isprintable()


@pytest.mark.parametrize(("url", "request_url", "host", "port"), [
    ("http://user:secret@example.com/a", "http://example.com/a", "example.com", 80),
    ("http://example.com@10.0.0.1:8080/", "http://10.0.0.1:8080/", "10.0.0.1", 8080),
    ("http://a@b@example.com/", "http://example.com/", "example.com", 80),
    ("HTTPS://News.Example.COM?q=1#top", "https://news.example.com/?q=1", "news.example.com", 443),
    ("http://b\u00fccher.example/caf\u00e9?q=\u00fc", "http://xn--bcher-kva.example/caf%C3%A9?q=%C3%BC",
     "xn--bcher-kva.example", 80),
    ("http://%31%32%37.0.0.1/", "http://127.0.0.1/", "127.0.0.1", 80),
    ("http://[::FFFF:127.0.0.1]:81", "http://[::ffff:7f00:1]:81/", "::ffff:7f00:1", 81),
    ("http://example.com:/x", "http://example.com/x", "example.com", 80),
])
def test_odd_but_valid_links_are_made_requestable(url: str, request_url: str, host: str, port: int) -> None:
    target = parse_url(url)
    assert (target.url, target.host, target.port) == (request_url, host, port)


def test_credentials_in_a_link_are_never_sent(server: str) -> None:
    SEEN.clear()
    url = server.replace("http://", "http://reader:hunter2@") + "/article"
    fetched = fetch(url, max_bytes=2**20)
    assert fetched.url == f"{server}/article"
    assert b"hunter2" not in SEEN[-1] and b"Authorization" not in SEEN[-1]


def test_a_long_hostile_link_is_shown_on_one_short_line() -> None:
    shown = shown_url("http://example.com/\u202e" + "\x1b[2J" * 200)
    assert shown.startswith("http://example.com/\\u202e\\x1b[2J")
    assert shown.isprintable() and len(shown) == 201 and shown.endswith("…")


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=40).map(lambda rest: "http://" + rest), st.text(max_size=40)))
def test_any_text_is_a_link_or_a_clear_refusal(text: str) -> None:
    if not is_url(text):
        return
    try:
        target = parse_url(text)
    except InputError as exc:
        assert str(exc).isprintable()
    else:
        assert target.url.isascii() and target.url.isprintable() and " " not in target.url
        assert parse_url(target.url) == target  # what is requested is itself a valid link


_LINK_PIECES = st.sampled_from([
    "[", "]", ":", "@", "%", "%25", "%00", "/", "?", "#", "\\", ".", "..", "-", "_", " ", "\x00", "\x1b", "\x7f",
    "\u0085", "\u202e", "\udcff", "xn--", "::1", "ffff", "127.0.0.1", "99999", "0", "80", "\u00e9", "\u4e2d", "\uff0e",
    "a", "Z", "9",
])


@pytest.mark.fuzz
@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(["http://", "https://", "HTTP://", "http:", "http:/", " http://"]),
       st.lists(_LINK_PIECES, max_size=24).map("".join))
def test_fuzz_links_built_from_awkward_pieces(scheme: str, rest: str) -> None:
    try:
        target = parse_url(scheme + rest)
    except InputError as exc:
        assert str(exc).isprintable()
    else:
        assert target.url.isascii() and target.url.isprintable() and " " not in target.url
        assert parse_url(target.url) == target


@pytest.mark.fuzz
@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from([True, False]), st.binary(max_size=3000), st.lists(st.integers(0, 10**6), max_size=8),
       st.integers(1, 4096), st.integers(1, 5000))
def test_fuzz_damaged_compressed_bodies(gzipped: bool, body: bytes, flips: list[int], chunk: int, room: int) -> None:
    """Any damage to a compressed body, arriving in any chunk size: the text, or one of the refusals."""
    data = bytearray(gzip.compress(body) if gzipped else zlib.compress(body))
    for flip in flips:
        data[flip % len(data)] ^= 0xFF
    decoder = fetch_module._Decoder(gzip=gzipped)
    out = b""
    try:
        for start in range(0, len(data), chunk):
            out += decoder.feed(bytes(data[start:start + chunk]), room - len(out))
        decoder.finish()
    except (zlib.error, fetch_module._Truncated, fetch_module._TooLarge):
        return
    assert len(out) <= room
    if not flips:
        assert out == body


def test_load_refuses_a_malformed_link_as_a_link() -> None:
    with pytest.raises(InputError, match=r"^http://\[::1: not a valid link"):
        load("http://[::1", "s1")


def test_the_command_refuses_a_malformed_link_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    result = run_cli("compare", "http://[::1", "x.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "crosscheck: http://[::1: not a valid link: the IPv6 address in brackets is not valid\n"
    result = run_cli("compare", "http://exa\x1b[2Jmple.com/", "x.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "\x1b" not in result.stderr and "exa\\x1b[2Jmple.com" in result.stderr
