"""The bundled sample news site that `khabar demo` crawls offline: three publishers served on localhost."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import typer
import yaml

from khabar.demo.render import ATOM_PATH, FEED_PATH, HTML_TYPE, LISTING_PATH, SITEMAP_PATH, Page, render_publisher
from khabar.demo.stories import PUBLISHERS, DemoStory, ExpectedLabels, StoryDataError, load_stories

log = logging.getLogger(__name__)

SourceKindName = Literal["feed", "sitemap", "listing"]


@dataclass(frozen=True, slots=True)
class DemoPublisher:
    """One source of the demo site, as an entry of sources.yaml describes it."""

    name: str
    kind: SourceKindName
    base_url: str
    entry_url: str
    link_pattern: str | None
    publisher: str = ""  # the outlet whose stories the source finds; defaults to name

    def __post_init__(self) -> None:
        if not self.publisher:
            object.__setattr__(self, "publisher", self.name)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request the site answered, so tests can check what a crawler did (and did not) fetch."""

    publisher: str
    method: str
    path: str
    status: int
    conditional: bool


# (source name, kind, outlet, entry path, link pattern). The patterns are unanchored at the end because
# feed links may carry tracking parameters. The wire is two sources on one host: its sitemap and its listing.
_SOURCES: tuple[tuple[str, SourceKindName, str, str, str], ...] = (
    ("frontier-herald", "feed", "frontier-herald", FEED_PATH, r"/news/\d+/[a-z0-9-]+"),
    ("quetta-times", "feed", "quetta-times", ATOM_PATH, r"/story/[a-z0-9-]+\.html"),
    ("indus-wire", "sitemap", "indus-wire", SITEMAP_PATH, r"/wire/\d{4}/\d{2}/[a-z0-9-]+"),
    ("indus-wire-latest", "listing", "indus-wire", LISTING_PATH, r"/wire/\d{4}/\d{2}/[a-z0-9-]+"),
)

_NOT_FOUND = (
    b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>\n'
    b"<body><h1>404</h1><p>The page you were looking for could not be found.</p>"
    b'<p><a href="/">Back to the front page</a></p></body></html>\n'
)


class _PublisherServer(ThreadingHTTPServer):
    """One outlet's web server; pages are set after binding because absolute URLs need the port."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], publisher: str, record: Callable[[RequestRecord], None]):
        super().__init__(address, _DemoHandler)
        self.publisher = publisher
        self.pages: dict[str, Page] = {}
        self.record = record

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class _DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    # An idle keep-alive connection is dropped after this many seconds instead of pinning a thread.
    timeout = 15

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        server = cast(_PublisherServer, self.server)
        page = server.pages.get(urlsplit(self.path).path)
        conditional = "If-None-Match" in self.headers or "If-Modified-Since" in self.headers
        if page is None:
            status = 404
        elif _not_modified(page, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
            status = 304
        else:
            status = 200
        # Recorded before answering, so a client that has its response can already see it in the log.
        server.record(RequestRecord(server.publisher, self.command, self.path, status, conditional))
        self.send_response(status)
        if page is None:
            body = _NOT_FOUND
            self.send_header("Content-Type", HTML_TYPE)
        else:
            body = page.body if status == 200 else b""
            if status == 200:
                self.send_header("Content-Type", page.content_type)
            self._send_validators(page)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def _send_validators(self, page: Page) -> None:
        self.send_header("ETag", page.etag)
        self.send_header("Last-Modified", format_datetime(page.last_modified.astimezone(UTC), usegmt=True))
        self.send_header("Cache-Control", "no-cache")

    def log_message(self, format: str, *args: Any) -> None:
        # Quiet by default: request lines on stderr would drown the demo's own output.
        log.debug("%s %s", self.address_string(), format % args)


def _not_modified(page: Page, if_none_match: str | None, if_modified_since: str | None) -> bool:
    """RFC 9110 13.1: If-None-Match decides when present; If-Modified-Since only without it."""
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or page.etag in tags
    if not if_modified_since:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    # HTTP dates have whole seconds only.
    return page.last_modified.replace(microsecond=0) <= since


class DemoSite:
    """The three demo outlets, each on its own local port; use DemoSite.start() or `with DemoSite.start()`."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.publishers: list[DemoPublisher] = []
        self.stories: list[DemoStory] = []
        self._servers: dict[str, _PublisherServer] = {}
        self._threads: list[threading.Thread] = []
        self._requests: list[RequestRecord] = []
        self._lock = threading.Lock()

    @classmethod
    def start(
        cls,
        host: str = "127.0.0.1",
        *,
        stories: Sequence[DemoStory] | None = None,
        ports: Mapping[str, int] | None = None,
    ) -> DemoSite:
        """Render every page and serve each outlet on its own port (free ports unless `ports` names them)."""
        site = cls(host)
        source_stories = list(stories) if stories is not None else load_stories()
        try:
            for outlet in PUBLISHERS:
                port = (ports or {}).get(outlet, 0)
                site._servers[outlet] = _PublisherServer((host, port), outlet, site._record)
            bases = {outlet: server.base_url for outlet, server in site._servers.items()}
            site.stories = [s.served_at(bases[s.publisher]) for s in source_stories]
            for outlet, server in site._servers.items():
                server.pages = render_publisher(outlet, bases[outlet], site.stories)
            site.publishers = [
                DemoPublisher(name, kind, bases[outlet], bases[outlet] + entry, pattern, outlet)
                for name, kind, outlet, entry, pattern in _SOURCES
            ]
            for outlet, server in site._servers.items():
                thread = threading.Thread(
                    target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=f"demo-{outlet}", daemon=True
                )
                thread.start()
                site._threads.append(thread)
        except BaseException:
            site.stop()
            raise
        log.info("demo site serving %d stories: %s", len(site.stories), ", ".join(bases.values()))
        return site

    def base_url(self, publisher: str) -> str:
        """Where one outlet is served, e.g. http://127.0.0.1:40123."""
        return self._servers[publisher].base_url

    def stories_of(self, publisher: str) -> list[DemoStory]:
        """One outlet's stories (publisher names as in stories.yaml, not source names)."""
        return [s for s in self.stories if s.publisher == publisher]

    @property
    def requests(self) -> list[RequestRecord]:
        """Every request answered so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)

    def sources_yaml(self) -> str:
        """A sources.yaml (SPEC format) listing the demo's sources; valid only while the site runs."""
        doc = {
            "sources": [
                {"name": p.name, "kind": p.kind, "url": p.entry_url, "link_pattern": p.link_pattern, "enabled": True}
                for p in self.publishers
            ]
        }
        header = "# Sources of the bundled demo news site (khabar demo). Ports change on every start.\n"
        return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)

    def write_sources(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.sources_yaml(), encoding="utf-8")
        return path

    def stop(self) -> None:
        """Stop serving and release the ports; safe to call twice."""
        running = {t.name for t in self._threads if t.is_alive()}
        for outlet, server in self._servers.items():
            # shutdown() waits for serve_forever() and would hang on a server that never started.
            if f"demo-{outlet}" in running:
                server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> DemoSite:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the demo site in the foreground until interrupted; prints its sources."""
    parser = argparse.ArgumentParser(prog="python -m khabar.demo.site", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--write-sources", type=Path, metavar="FILE", help="also write a sources.yaml here")
    args = parser.parse_args(argv)
    try:
        site = DemoSite.start(args.host)
    except (OSError, StoryDataError) as exc:
        typer.echo(f"error: cannot start the demo site: {exc}", err=True)
        return 1
    with site:
        for publisher in site.publishers:
            typer.echo(f"{publisher.name:<18} {publisher.kind:<8} {publisher.entry_url}")
        if args.write_sources:
            typer.echo(f"sources written to {site.write_sources(args.write_sources)}")
        typer.echo(f"{len(site.stories)} stories served. Press Ctrl+C to stop.")  # echo flushes
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


__all__ = ["DemoPublisher", "DemoSite", "DemoStory", "ExpectedLabels", "RequestRecord", "load_stories", "main"]

if __name__ == "__main__":
    sys.exit(main())
