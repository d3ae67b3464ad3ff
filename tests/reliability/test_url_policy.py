"""The crawler's boundary, through real crawls: no local files or FTP, no other hosts (redirects and robots.txt
included), no private addresses unless allowed. Every refused URL is counted and never requested."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpfixture import FixtureServer, Route
from reliability.harness import cli_env, khabar, query, rss, serve_stories, write_sources


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A bare TCP port on 127.0.0.2 that records every connection (stands in for an FTP server)."""
    server = socket.socket()
    server.bind(("127.0.0.2", 0))
    server.listen()
    server.settimeout(0.2)
    connections: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, peer = server.accept()
            except TimeoutError:
                continue
            connections.append(str(peer))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    server.close()


def skipped_reasons(db: str) -> dict[str, dict[str, int]]:
    rows = query(db, "select source, skip_reasons from crawl_runs")
    return {row.source: (json.loads(row[1]) if isinstance(row[1], str) else row[1]) for row in rows}


def test_file_and_ftp_links_are_never_opened(
    site: FixtureServer, listener: tuple[int, list[str]], tmp_path: Path
) -> None:
    ftp_port, connections = listener
    secret = tmp_path / "config.ini"
    secret.write_text("[db]\npassword = KHABAR-SECRET-MARKER\n", encoding="utf-8")
    secret.chmod(0o600)
    page = tmp_path / "local.html"
    page.write_text("<html><body><article><p>" + "A local page that must never be stored. " * 20, encoding="utf-8")
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    host = "127.0.0.2"
    hostile = [f"file://{host}{secret}", f"file://{host}{page}", "file:///dev/zero", f"ftp://{host}:{ftp_port}/x"]
    site.routes["/feed.xml"] = Route(rss(urls + hostile), content_type="application/rss+xml")
    listing = "".join(f"<a href='{u}'>story</a>" for u in hostile)
    site.routes["/latest"] = Route(f"<html><body>{listing}</body></html>".encode())
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"},
            {"name": "daily-latest", "kind": "listing", "url": f"{site.base}/latest"},
        ],
    )
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"

    proc = khabar(cli_env(tmp_path), "crawl", "--sources", str(sources), "--db", db)

    assert proc.returncode == 0, proc.stderr
    stored = query(db, "select url, text from articles")
    assert [row.url for row in stored] == urls  # the one real story, nothing else
    assert not any("KHABAR-SECRET-MARKER" in row.text or "local page" in row.text for row in stored)
    assert connections == []  # the FTP link never opened a connection
    reasons = skipped_reasons(db)
    assert reasons["daily"].get("bad_scheme") == len(hostile)
    assert reasons["daily-latest"].get("bad_scheme") == len(hostile)


def test_redirects_to_other_hosts_are_never_followed(
    site: FixtureServer, elsewhere: FixtureServer, tmp_path: Path
) -> None:
    stolen = "/news/999/elsewhere"
    elsewhere.routes[stolen] = Route(b"<html><body><p>" + b"Elsewhere. " * 50 + b"</p></body></html>")
    elsewhere.routes["/feed.xml"] = Route(rss([elsewhere.base + stolen]), content_type="application/rss+xml")
    elsewhere.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    port = site.base.rsplit(":", 1)[1]
    # An article that redirects to another host, one that redirects to the same server under another name,
    # and robots.txt redirected off-host; plus a second source whose feed itself redirects off-host.
    site.routes["/news/1/moved"] = Route(b"", status=302, headers={"Location": elsewhere.base + stolen})
    site.routes["/news/2/renamed"] = Route(b"", status=301, headers={"Location": f"http://localhost:{port}/news/x"})
    site.routes["/robots.txt"] = Route(b"", status=302, headers={"Location": elsewhere.base + "/robots.txt"})
    links = [*urls, f"{site.base}/news/1/moved", f"{site.base}/news/2/renamed"]
    site.routes["/feed.xml"] = Route(rss(links), content_type="application/rss+xml")
    site.routes["/moved-feed.xml"] = Route(b"", status=302, headers={"Location": elsewhere.base + "/feed.xml"})
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"},
            {"name": "moved", "kind": "feed", "url": f"{site.base}/moved-feed.xml"},
        ],
    )
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"

    proc = khabar(cli_env(tmp_path), "crawl", "--sources", str(sources), "--db", db)

    assert proc.returncode == 0, proc.stderr
    assert elsewhere.paths() == []  # not the redirected article, not its robots.txt, not the moved feed
    assert "/news/x" not in site.paths()  # the same server under another name is another host
    assert [row.url for row in query(db, "select url from articles")] == urls
    reasons = skipped_reasons(db)
    assert reasons["daily"].get("off_host") == 2
    assert reasons["moved"].get("index_off_host") == 1
    assert "moved: index: off_host" in proc.stdout.replace("  ", " ") or "index: off_host" in proc.stdout


def test_private_addresses_are_refused_unless_allowed(site: FixtureServer, tmp_path: Path) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    port = site.base.rsplit(":", 1)[1]
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml")
    # The cloud metadata address as a link of an allowed host (allow_hosts), and a name for loopback.
    metadata = "http://169.254.169.254/latest/meta-data/"
    site.routes["/listing"] = Route(f"<html><body><a href='{metadata}'>x</a></body></html>".encode())
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "by-address", "kind": "feed", "url": f"{site.base}/feed.xml"},
            {"name": "by-name", "kind": "feed", "url": f"http://localhost:{port}/feed.xml"},
            {
                "name": "metadata",
                "kind": "listing",
                "url": f"{site.base}/listing",
                "allow_hosts": ["169.254.169.254"],
            },
        ],
    )
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"

    # Production's setting: no private network allowed.
    refused = khabar(cli_env(tmp_path, KHABAR_CRAWL_ALLOW_NETWORKS=""), "crawl", "--sources", str(sources), "--db", db)

    assert refused.returncode == 0, refused.stderr
    assert site.paths() == []  # neither by its address nor by a name that resolves to it
    assert query(db, "select url from articles") == []
    reasons = skipped_reasons(db)
    assert reasons["by-address"] == {"index_private_address": 1}
    assert reasons["by-name"] == {"index_private_address": 1}
    assert reasons["metadata"] == {"index_private_address": 1}

    # The tests' setting allows loopback: the same sources are crawled, and the metadata link stays refused.
    site.routes["/listing"] = Route(
        f"<html><body><a href='{metadata}'>x</a><a href='{urls[0]}'>y</a></body></html>".encode()
    )
    allowed = khabar(cli_env(tmp_path), "crawl", "--sources", str(sources), "--db", db)
    assert allowed.returncode == 0, allowed.stderr
    assert [row.url for row in query(db, "select url from articles")] == urls
    latest = query(db, "select skip_reasons from crawl_runs where source = 'metadata' order by id desc limit 1")
    skip = json.loads(latest[0][0]) if isinstance(latest[0][0], str) else latest[0][0]
    assert skip.get("private_address") == 1
