"""A tiny web server on 127.0.0.1 for the tests that fetch pages: routes of (status, headers,
body), a Content-Length filled in unless a route says otherwise, and no proxy from the
environment between the test and the server."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, dict[str, str], bytes]
NOT_FOUND: Route = (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")


class _Handler(BaseHTTPRequestHandler):
    routes: Mapping[str, Route] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, headers, body = self.routes.get(self.path, NOT_FOUND)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers and not headers.get("X-No-Length"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@contextmanager
def serving(routes: Mapping[str, Route]) -> Iterator[str]:
    """Serve ``routes`` while the block runs; yields the server's base address."""
    handler = type("Routes", (_Handler,), {"routes": routes})  # (a table of its own, per server)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    saved = {k: os.environ.get(k) for k in ("no_proxy", "NO_PROXY")}
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
