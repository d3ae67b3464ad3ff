"""The demo site over real HTTP: feeds, sitemap and listing link every story once; robots, 304s and 404s."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
import yaml

from crawlers.urls import canonical_url, host_of
from khabar.demo.render import OFFSITE_AD_URL, PRIVATE_PATH
from khabar.demo.site import DemoPublisher, DemoSite

USER_AGENT = "khabar/0.1 (+news monitoring for conflict research; contact: operators)"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(scope="module")
def site() -> Iterator[DemoSite]:
    with DemoSite.start() as running:
        yield running


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body; urllib reports 304 and 404 as errors, which here are answers."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers.items()), exc.read()


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def page_links(base_url: str, body: bytes) -> list[str]:
    parser = _LinkCollector()
    parser.feed(body.decode("utf-8"))
    return [urljoin(base_url, href) for href in parser.hrefs]


def discovered_links(source: DemoPublisher, body: bytes) -> list[str]:
    """The article links a crawler finds at a source's entry URL, as it would read them."""
    if source.kind == "listing":
        return page_links(source.entry_url, body)
    root = ET.fromstring(body)
    if source.kind == "sitemap":
        return [loc.text or "" for loc in root.iterfind("sm:url/sm:loc", NS)]
    if root.tag == "rss":
        return [link.text or "" for link in root.iterfind("channel/item/link")]
    return [link.get("href", "") for link in root.iterfind("atom:entry/atom:link[@rel='alternate']", NS)]


def test_every_source_links_each_of_its_stories_exactly_once(site: DemoSite) -> None:
    assert [p.kind for p in site.publishers].count("listing") == 1
    for source in site.publishers:
        status, _, body = fetch(source.entry_url)
        assert status == 200, source.name
        found = [
            canonical_url(link)
            for link in discovered_links(source, body)
            if host_of(link) == host_of(source.base_url)
            and source.link_pattern
            and re.search(source.link_pattern, link)
        ]
        expected = [canonical_url(s.url) for s in site.stories_of(source.publisher)]
        assert Counter(found) == Counter(expected), source.name
        assert all(count == 1 for count in Counter(found).values())


def test_entry_points_have_their_content_types(site: DemoSite) -> None:
    types = {p.name: fetch(p.entry_url)[1]["Content-Type"] for p in site.publishers}
    assert types == {
        "frontier-herald": "application/rss+xml; charset=utf-8",
        "quetta-times": "application/atom+xml; charset=utf-8",
        "indus-wire": "application/xml; charset=utf-8",
        "indus-wire-latest": "text/html; charset=utf-8",
    }


def test_feeds_parse_cleanly_with_feedparser(site: DemoSite) -> None:
    for source in site.publishers:
        if source.kind != "feed":
            continue
        parsed = feedparser.parse(fetch(source.entry_url)[2])
        assert not parsed.bozo, (source.name, parsed.get("bozo_exception"))
        stories = {s.title: s for s in site.stories_of(source.publisher)}
        assert len(parsed.entries) == len(stories)
        for entry in parsed.entries:
            story = stories[entry.title]
            assert entry.published_parsed is not None
            assert canonical_url(entry.link) == canonical_url(story.url)
            if story.author:
                assert entry.author == story.author


def test_rss_links_carry_a_tracking_parameter_that_the_server_ignores(site: DemoSite) -> None:
    herald = next(p for p in site.publishers if p.name == "frontier-herald")
    links = discovered_links(herald, fetch(herald.entry_url)[2])
    assert all("utm_source=rss" in urlsplit(link).query for link in links)
    status, _, body = fetch(links[0])
    assert status == 200 and b"<h1" in body


def test_every_story_page_is_served_as_html_with_its_title(site: DemoSite) -> None:
    for story in site.stories:
        status, headers, body = fetch(story.url)
        assert status == 200, story.url
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        html = body.decode("utf-8")
        assert story.paragraphs[0].split(":", 1)[0] in html
        assert f'href="{story.url}"' in html  # the canonical link


def test_listing_links_off_site_and_to_a_disallowed_page(site: DemoSite) -> None:
    listing = next(p for p in site.publishers if p.kind == "listing")
    links = page_links(listing.entry_url, fetch(listing.entry_url)[2])
    assert OFFSITE_AD_URL in links
    assert listing.base_url + PRIVATE_PATH in links
    assert host_of(OFFSITE_AD_URL) != host_of(listing.base_url)


def test_robots_txt(site: DemoSite) -> None:
    for outlet in ("frontier-herald", "quetta-times", "indus-wire"):
        status, headers, body = fetch(site.base_url(outlet) + "/robots.txt")
        assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
        robots = RobotFileParser()
        robots.parse(body.decode("utf-8").splitlines())
        for story in site.stories_of(outlet):
            assert robots.can_fetch(USER_AGENT, story.url), story.url
        if outlet == "indus-wire":
            assert "Disallow: /private/" in body.decode()
            assert not robots.can_fetch(USER_AGENT, site.base_url(outlet) + PRIVATE_PATH)
            assert robots.site_maps() == [site.base_url(outlet) + "/sitemap-news.xml"]


def test_conditional_get_answers_304_to_matching_validators(site: DemoSite) -> None:
    for source in site.publishers:
        status, headers, _ = fetch(source.entry_url)
        etag, last_modified = headers["ETag"], headers["Last-Modified"]
        assert status == 200 and etag and last_modified

        status, headers, body = fetch(source.entry_url, {"If-None-Match": etag})
        assert (status, body) == (304, b""), source.name
        assert headers["ETag"] == etag
        assert fetch(source.entry_url, {"If-None-Match": f'"stale", W/{etag}'})[0] == 304
        assert fetch(source.entry_url, {"If-Modified-Since": last_modified})[0] == 304

        assert fetch(source.entry_url, {"If-None-Match": '"stale"'})[0] == 200
        assert fetch(source.entry_url, {"If-Modified-Since": "Tue, 01 Sep 2026 00:00:00 GMT"})[0] == 200
        # If-None-Match wins over If-Modified-Since when both are sent.
        both = {"If-None-Match": '"stale"', "If-Modified-Since": last_modified}
        assert fetch(source.entry_url, both)[0] == 200


def test_last_modified_is_the_newest_story(site: DemoSite) -> None:
    for source in site.publishers:
        newest = max(s.published for s in site.stories_of(source.publisher))
        headers = fetch(source.entry_url)[1]
        assert parsedate_to_datetime(headers["Last-Modified"]) == newest
        assert headers["Last-Modified"].endswith(" GMT")


def test_unknown_paths_are_404(site: DemoSite) -> None:
    for outlet in ("frontier-herald", "quetta-times", "indus-wire"):
        base = site.base_url(outlet)
        for path in ("/no-such-page", "/news/1/nothing", "/section/peshawar", "/feeds/latest.xml/x"):
            status, headers, body = fetch(base + path)
            assert status == 404, base + path
            assert headers["Content-Type"] == "text/html; charset=utf-8" and b"404" in body


def test_head_sends_headers_without_a_body(site: DemoSite) -> None:
    source = site.publishers[0]
    status, headers, body = fetch(source.entry_url, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(fetch(source.entry_url)[2])


def test_request_log_records_conditional_requests(site: DemoSite) -> None:
    site.clear_requests()
    source = site.publishers[1]
    etag = fetch(source.entry_url)[1]["ETag"]
    fetch(source.entry_url, {"If-None-Match": etag})
    records = [r for r in site.requests if r.publisher == source.publisher]
    assert [(r.status, r.conditional) for r in records] == [(200, False), (304, True)]
    assert records[0].path == urlsplit(source.entry_url).path


def test_sources_yaml_describes_the_running_site(site: DemoSite, tmp_path: Path) -> None:
    doc = yaml.safe_load(site.sources_yaml())
    entries = doc["sources"]
    assert [e["name"] for e in entries] == ["frontier-herald", "quetta-times", "indus-wire", "indus-wire-latest"]
    assert {e["kind"] for e in entries} == {"feed", "sitemap", "listing"}
    for entry, publisher in zip(entries, site.publishers, strict=True):
        assert entry["url"] == publisher.entry_url and entry["enabled"] is True
        assert fetch(entry["url"])[0] == 200
        for story in site.stories_of(publisher.publisher):
            assert re.search(entry["link_pattern"], story.url)
    wire = [e for e in entries if e["name"].startswith("indus-wire")]
    assert len({host_of(e["url"]) for e in wire}) == 1
    assert len({host_of(e["url"]) for e in entries}) == 3

    written = site.write_sources(tmp_path / "conf" / "sources.yaml")
    assert written.read_text(encoding="utf-8") == site.sources_yaml()


def test_sources_yaml_loads_with_the_project_loader(site: DemoSite, tmp_path: Path) -> None:
    sources_module = pytest.importorskip("crawlers.sources")
    sources = sources_module.load_sources(site.write_sources(tmp_path / "sources.yaml"))
    assert [s.name for s in sources] == [p.name for p in site.publishers]
    for source in sources:
        stories = site.stories_of(next(p.publisher for p in site.publishers if p.name == source.name))
        assert source.link_pattern is not None
        assert all(re.search(source.link_pattern, s.url) for s in stories)


def test_serving_is_quiet(site: DemoSite, capfd: pytest.CaptureFixture[str]) -> None:
    capfd.readouterr()
    for source in site.publishers:
        fetch(source.entry_url)
        fetch(source.base_url + "/missing")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_stop_releases_the_ports() -> None:
    demo = DemoSite.start()
    ports = {urlsplit(p.base_url).port for p in demo.publishers}
    assert len(ports) == 3 and fetch(demo.publishers[0].entry_url)[0] == 200
    demo.stop()
    demo.stop()  # a second stop is harmless
    for port in ports:
        assert port is not None
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
