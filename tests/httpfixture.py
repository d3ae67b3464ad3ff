"""A scriptable HTTP server on 127.0.0.1 for crawler tests: routes, conditional GET, and a request log."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    etag: str | None = None  # when set: answers 304 to a matching If-None-Match
    last_modified: float | None = None  # epoch seconds; answers 304 to If-Modified-Since
    drip_s: float = 0.0  # when set: the body goes out one byte every drip_s seconds
    stream_bytes: int = 0  # when set: that many filler bytes, with no Content-Length (read until close)


class FixtureServer:
    """Serves `routes` (path → Route or a callable returning one); records (method, path, headers).

    `host` may be any loopback address (127.0.0.2, ...), so tests can stand up several distinct hosts.
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.arrivals: list[tuple[str, float]] = []  # (path, monotonic time) of every request
        self._httpd = _FixtureHTTPServer((host, 0), self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _FixtureHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], fixture: FixtureServer) -> None:
        super().__init__(address, _Handler)
        self.fixture = fixture


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        fixture = cast(_FixtureHTTPServer, self.server).fixture
        fixture.requests.append(("GET", self.path, dict(self.headers.items())))
        fixture.arrivals.append((self.path, time.monotonic()))
        route = fixture.routes.get(self.path)
        if callable(route):
            route = route()
        if route is None:
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        if route.delay_s:
            time.sleep(route.delay_s)
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified is not None:
            headers["Last-Modified"] = formatdate(route.last_modified, usegmt=True)
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            self._send(304, b"", headers)
            return
        if route.drip_s or route.stream_bytes:
            self._stream(route, headers)
            return
        self._send(route.status, route.body, headers)

    def _stream(self, route: Route, headers: dict[str, str]) -> None:
        try:
            self.send_response(route.status)
            for key, value in headers.items():
                self.send_header(key, value)
            if route.drip_s:
                self.send_header("Content-Length", str(len(route.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if route.drip_s:
                for i in range(len(route.body)):
                    self.wfile.write(route.body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(route.drip_s)
            else:
                block = b"<p>" + b"x" * 65_530 + b"</p>"
                for _ in range(route.stream_bytes // len(block) + 1):
                    self.wfile.write(block)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size limits): exactly what some tests provoke

    def log_message(self, format: str, *args: Any) -> None:
        return


def news_page(title: str, text: str, published: str) -> bytes:
    """A plain article page: headline, one paragraph per sentence, a publication-time meta tag."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='article:published_time' content='{published}'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()
