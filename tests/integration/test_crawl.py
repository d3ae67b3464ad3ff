"""A real crawl (Scrapy subprocess) of fixture sites on 127.0.0.1: discovery, politeness, bad input."""

from __future__ import annotations

import gzip
import itertools
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from httpfixture import FixtureServer, Route

from crawlers.crawl import CrawlSettings, run_crawl
from crawlers.sources import Source
from domain.taxonomy import SourceKind

FAST = CrawlSettings(
    download_delay=0.0,
    autothrottle=False,
    timeout_s=2.0,
    retries=1,
    retry_backoff_s=0.5,
    max_bytes=2 * 1024 * 1024,
    allow_networks=("127.0.0.0/8",),  # the fixture sites run on loopback
)

PARAGRAPHS = [
    "Security officials said the attack took place late on Tuesday when a group of armed men opened fire on a "
    "police checkpoint on the outskirts of the town, triggering an exchange of fire that lasted nearly an hour.",
    "A police spokesman told reporters that reinforcements were rushed to the area and the wounded were shifted "
    "to the district headquarters hospital, where doctors said two of them were in critical condition.",
    "The provincial government condemned the attack and announced compensation for the families of the "
    "victims, while a search operation was launched in the surrounding villages to trace the attackers.",
]


def article_page(title: str, paragraphs: list[str] | None = None, charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    html = (
        f"<!doctype html><html><head><meta charset='{charset}'><title>{title} | Test Daily</title>"
        "<meta property='article:published_time' content='2026-11-03T08:00:00+05:00'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/pakistan'>Pakistan</a> <a href='/sports'>Sports</a></nav>"
        f"<article><h1>{title}</h1><div class='story'>{body}</div></article>"
        "<footer>Copyright Test Daily. All rights reserved.</footer></body></html>"
    )
    return html.encode(charset)


def rss(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>story {i}</title><link>{link if link.startswith('http') else base + link}</link>"
        f"<pubDate>Tue, 03 Nov 2026 0{i % 9}:00:00 +0500</pubDate></item>"
        for i, link in enumerate(links)
    )
    head = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
    return f"{head}{items}</channel></rss>".encode()


@pytest.fixture
def sites() -> Iterator[tuple[FixtureServer, FixtureServer]]:
    with FixtureServer() as site, FixtureServer() as elsewhere:
        elsewhere.routes["/news/9"] = Route(article_page("Off-host story"))
        base = site.base
        site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        links = [
            "/news/1?utm_source=rss",
            "/news/2",
            "/news/dup",
            "/private/secret",
            f"{elsewhere.base}/news/9",
            "/news/500",
            "/news/slow",
            "/news/loop",
            "/news/big",
            "/news/cp1252",
            "/about-us",
        ]
        site.routes["/feed.xml"] = Route(
            rss(base, links), content_type="application/rss+xml", etag='"v1"', last_modified=1_700_000_000
        )
        site.routes["/news/1"] = Route(article_page("Checkpoint attacked in Bannu"))
        site.routes["/news/1?utm_source=rss"] = site.routes["/news/1"]
        site.routes["/news/2"] = Route(
            article_page("Court adjourns hearing", [p.replace("attack", "case") + " Second story." for p in PARAGRAPHS])
        )
        site.routes["/news/dup"] = Route(article_page("Checkpoint attacked in Bannu (updated)"))
        site.routes["/private/secret"] = Route(article_page("Secret"))
        site.routes["/news/500"] = Route(b"oops", status=500, content_type="text/plain")
        site.routes["/news/slow"] = Route(article_page("Slow"), delay_s=4.0)
        site.routes["/news/loop"] = Route(b"", status=302, headers={"Location": "/news/loop2"})
        site.routes["/news/loop2"] = Route(b"", status=302, headers={"Location": "/news/loop"})
        filler = "<p>" + "x" * 1000 + "</p>"
        site.routes["/news/big"] = Route(article_page("Big", [filler * 10_000]))
        accented = [p + " The café owner’s account — quoted in full — was confirmed." for p in PARAGRAPHS]
        site.routes["/news/cp1252"] = Route(
            article_page("Café owner’s account", accented, charset="windows-1252").replace(
                b"charset='windows-1252'", b"charset='utf-8'"
            ),
            content_type="text/html; charset=utf-8",
        )
        yield site, elsewhere


def feed_source(site: FixtureServer) -> Source:
    return Source(name="testdaily", kind=SourceKind.FEED, url=f"{site.base}/feed.xml", link_pattern=r"/(news|private)/")


def test_first_crawl_counts_every_outcome(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, elsewhere = sites
    result = run_crawl([feed_source(site)], {}, {}, FAST)
    stats = result.stats["testdaily"]
    by_url = {a.url.split("/news/")[-1]: a for a in result.articles}
    assert set(by_url) == {"1?utm_source=rss", "2", "dup", "cp1252"}
    assert by_url["1?utm_source=rss"].canonical_url == f"{site.base}/news/1"
    assert by_url["1?utm_source=rss"].content_hash == by_url["dup"].content_hash  # stored once later on
    assert "café owner’s account" in by_url["cp1252"].text.lower()
    assert by_url["1?utm_source=rss"].published_at == datetime(2026, 11, 3, 3, 0, tzinfo=UTC)
    assert stats.fetched == 4
    assert stats.skipped_reasons.get("off_host") == 1
    assert stats.skipped_reasons.get("robots") == 1
    assert stats.skipped_reasons.get("not_article") == 1  # /about-us fails the link pattern
    assert stats.failed_reasons == {"http_500": 1, "timeout": 1, "redirect_loop": 1, "too_large": 1}
    assert stats.found == 9 and stats.new == 9
    assert elsewhere.requests == []  # never contacted, not even for robots.txt
    assert "/private/secret" not in site.paths()
    assert site.paths().count("/news/500") == 2  # one retry ...
    tries = [t for path, t in site.arrivals if path == "/news/500"]
    assert tries[1] - tries[0] >= 0.45  # ... after the backoff
    assert result.feed_states["testdaily"].etag == '"v1"'


def test_rerun_is_conditional_and_fetches_nothing_known(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    first = run_crawl([feed_source(site)], {}, {}, FAST)
    known = {"testdaily": {a.canonical_url for a in first.articles}}
    site.requests.clear()
    second = run_crawl([feed_source(site)], known, first.feed_states, FAST)
    feed_requests = [h for _, p, h in site.requests if p == "/feed.xml"]
    assert feed_requests and feed_requests[0].get("If-None-Match") == '"v1"'
    assert second.stats["testdaily"].not_modified
    assert second.articles == []
    assert [p for p in site.paths() if p.startswith("/news/")] == []


def test_changed_feed_fetches_only_new_links(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    first = run_crawl([feed_source(site)], {}, {}, FAST)
    known = {"testdaily": {a.canonical_url for a in first.articles}}
    site.routes["/feed.xml"] = Route(rss(site.base, ["/news/1", "/news/3"]), content_type="application/rss+xml")
    site.routes["/news/3"] = Route(article_page("Blast in Kurram", [p + " Third." for p in PARAGRAPHS]))
    site.requests.clear()
    second = run_crawl([feed_source(site)], known, {}, FAST)
    assert [a.url for a in second.articles] == [f"{site.base}/news/3"]
    assert second.stats["testdaily"].found == 2 and second.stats["testdaily"].new == 1
    assert "/news/1" not in site.paths()


def test_broken_feed_does_not_stop_other_sources(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    site.routes["/broken.xml"] = Route(b"<rss><channel><item><title>half", content_type="application/rss+xml")
    site.routes["/gone.xml"] = Route(b"", status=404)
    broken = Source(name="broken", kind=SourceKind.FEED, url=f"{site.base}/broken.xml")
    gone = Source(name="gone", kind=SourceKind.FEED, url=f"{site.base}/gone.xml")
    result = run_crawl([broken, gone, feed_source(site)], {}, {}, FAST)
    assert result.stats["broken"].error is not None
    assert result.stats["gone"].error == "index: http_404"
    assert result.stats["testdaily"].fetched == 4


def test_sitemap_and_listing_sources(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    now = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    site.routes["/sitemap-news.xml"] = Route(
        (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"<url><loc>{site.base}/news/1</loc><news:news><news:publication_date>{now}</news:publication_date>"
            "<news:title>t</news:title></news:news></url></urlset>"
        ).encode(),
        content_type="application/xml",
    )
    site.routes["/latest/"] = Route(b"<html><body><a href='/news/2'>two</a><a href='/contact'>c</a></body></html>")
    sitemap = Source(name="wire-sitemap", kind=SourceKind.SITEMAP, url=f"{site.base}/sitemap-news.xml")
    listing = Source(name="wire-latest", kind=SourceKind.LISTING, url=f"{site.base}/latest/", link_pattern=r"/news/\d+")
    result = run_crawl([sitemap, listing], {}, {}, FAST)
    assert [a.url for a in result.articles if a.source == "wire-sitemap"] == [f"{site.base}/news/1"]
    assert [a.url for a in result.articles if a.source == "wire-latest"] == [f"{site.base}/news/2"]
    assert result.stats["wire-latest"].skipped_reasons == {"not_article": 1}


def test_story_listed_by_two_sources_is_fetched_once_and_counted(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    site.routes["/latest/"] = Route(b"<html><body><a href='/news/2'>two</a></body></html>")
    site.routes["/front/"] = Route(b"<html><body><a href='/news/2?ref=home'>two</a></body></html>")
    site.routes["/news/2?ref=home"] = site.routes["/news/2"]  # whichever listing is read first wins
    latest = Source(name="wire-latest", kind=SourceKind.LISTING, url=f"{site.base}/latest/", link_pattern=r"/news/\d+")
    front = Source(name="wire-front", kind=SourceKind.LISTING, url=f"{site.base}/front/", link_pattern=r"/news/\d+")
    result = run_crawl([latest, front], {}, {}, FAST)
    assert [a.canonical_url for a in result.articles] == [f"{site.base}/news/2"]
    assert site.paths().count("/news/2") + site.paths().count("/news/2?ref=home") == 1
    stats = sorted(
        (s.found, s.new, s.fetched, s.skipped_reasons.get("duplicate_link", 0)) for s in result.stats.values()
    )
    assert stats == [(1, 0, 0, 1), (1, 1, 1, 0)]


def test_each_source_records_its_own_duration(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    site.routes["/slow-section/"] = Route(b"<html><body><a href='/news/slow-ok'>s</a></body></html>")
    site.routes["/news/slow-ok"] = Route(
        article_page("Slow but in time", [p + " Slow." for p in PARAGRAPHS]), delay_s=1.2
    )
    site.routes["/quick-section/"] = Route(b"<html><body><a href='/news/2'>two</a></body></html>")
    slow = Source(
        name="slow-section", kind=SourceKind.LISTING, url=f"{site.base}/slow-section/", link_pattern=r"/news/"
    )
    quick = Source(
        name="quick-section", kind=SourceKind.LISTING, url=f"{site.base}/quick-section/", link_pattern=r"/news/"
    )
    result = run_crawl([slow, quick], {}, {}, FAST)
    assert result.stats["slow-section"].fetched == result.stats["quick-section"].fetched == 1
    assert result.stats["slow-section"].duration_s >= 1.2
    assert 0 < result.stats["quick-section"].duration_s < result.stats["slow-section"].duration_s - 0.5


def test_sitemap_index_with_a_gzipped_child_and_an_off_host_one(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, elsewhere = sites

    def urlset(paths: list[str]) -> bytes:
        urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        return (
            f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>".encode()
        )

    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    children = [f"{site.base}/sitemap-1.xml", f"{site.base}/sitemap-2.xml.gz", f"{elsewhere.base}/sitemap-3.xml"]
    index = "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    site.routes["/sitemap-index.xml"] = Route(
        f"<?xml version='1.0'?><sitemapindex xmlns='{ns}'>{index}</sitemapindex>".encode(),
        content_type="application/xml",
    )
    site.routes["/sitemap-1.xml"] = Route(urlset(["/news/1"]), content_type="application/xml")
    # Served as a .gz file (application/gzip, no Content-Encoding), as many sites do.
    site.routes["/sitemap-2.xml.gz"] = Route(gzip.compress(urlset(["/news/2"])), content_type="application/gzip")
    elsewhere.routes["/sitemap-3.xml"] = Route(urlset(["/news/9"]), content_type="application/xml")
    source = Source(
        name="wire-index", kind=SourceKind.SITEMAP, url=f"{site.base}/sitemap-index.xml", link_pattern=r"/news/\d+"
    )
    result = run_crawl([source], {}, {}, FAST)
    assert sorted(a.canonical_url for a in result.articles) == [f"{site.base}/news/1", f"{site.base}/news/2"]
    stats = result.stats["wire-index"]
    assert stats.found == 2 and stats.fetched == 2 and stats.error is None
    assert stats.skipped_reasons == {"off_host": 1}
    assert elsewhere.requests == []


def test_a_source_sets_its_own_politeness(sites: tuple[FixtureServer, FixtureServer]) -> None:
    site, _ = sites
    paths = ["/news/p1", "/news/p2", "/news/p3"]
    for n, path in enumerate(paths):
        site.routes[path] = Route(article_page(f"Polite story {n}"))
    site.routes["/news/lag"] = Route(article_page("A slow story"), delay_s=1.2)
    site.routes["/polite.xml"] = Route(rss(site.base, paths), content_type="application/rss+xml")
    site.routes["/impatient.xml"] = Route(rss(site.base, ["/news/lag"]), content_type="application/rss+xml")
    polite = Source(name="polite", kind=SourceKind.FEED, url=f"{site.base}/polite.xml", delay_s=1.0)
    impatient = Source(name="impatient", kind=SourceKind.FEED, url=f"{site.base}/impatient.xml", timeout_s=0.5)
    # The global settings have no delay and a 2 s timeout: each source's own values win for it.
    result = run_crawl([polite, impatient], {}, {}, FAST)
    times = sorted(t for path, t in site.arrivals if path in paths)
    assert len(times) == 3
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.45  # Scrapy randomises 0.5-1.5 x 1 s
    assert result.stats["polite"].fetched == 3
    assert result.stats["impatient"].failed_reasons == {"timeout": 1}


def test_politeness_values_are_validated() -> None:
    with pytest.raises(ValueError, match="delay_s"):
        Source(name="x", kind=SourceKind.FEED, url="https://example.pk/feed", delay_s=-1)
    with pytest.raises(ValueError, match="timeout_s"):
        Source(name="x", kind=SourceKind.FEED, url="https://example.pk/feed", timeout_s=0)


def test_articles_come_in_batches_while_a_source_crawls(sites: tuple[FixtureServer, FixtureServer]) -> None:
    from dataclasses import replace

    from crawlers.crawl import stream_crawl

    site, _ = sites
    paths = [f"/news/b{n}" for n in range(5)]
    for n, path in enumerate(paths):
        site.routes[path] = Route(article_page(f"Batched story {n}", [f"Story {n}. {p}" for p in PARAGRAPHS]))
    site.routes["/batch.xml"] = Route(rss(site.base, paths), content_type="application/rss+xml")
    source = Source(name="batched", kind=SourceKind.FEED, url=f"{site.base}/batch.xml")
    results = list(stream_crawl([source], {}, {}, replace(FAST, batch_articles=2)))
    partial, final = results[:-1], results[-1]
    assert partial and all(r.partial and len(r.articles) == 2 for r in partial)
    assert not final.partial and final.stats.fetched == 5
    urls = [a.url for r in results for a in r.articles]
    assert sorted(urls) == sorted(f"{site.base}{p}" for p in paths)  # every article once, batch or final


def test_held_articles_go_out_after_the_wait_while_a_page_of_their_source_lags(
    sites: tuple[FixtureServer, FixtureServer],
) -> None:
    from dataclasses import replace

    from crawlers.crawl import stream_crawl

    site, _ = sites
    quick = [f"/news/q{n}" for n in range(2)]
    for n, path in enumerate(quick):
        site.routes[path] = Route(article_page(f"Quick story {n}", [f"Story {n}. {p}" for p in PARAGRAPHS]))
    site.routes["/news/lagging"] = Route(article_page("A lagging story", PARAGRAPHS), delay_s=3.0)
    site.routes["/lag.xml"] = Route(rss(site.base, ["/news/lagging", *quick]), content_type="application/rss+xml")
    source = Source(name="lagging", kind=SourceKind.FEED, url=f"{site.base}/lag.xml")
    ticks: list[float] = []
    arrivals: list[tuple[float, bool, int]] = []
    settings = replace(FAST, timeout_s=10.0, batch_articles=25, batch_wait_s=0.5)
    for result in stream_crawl([source], {}, {}, settings, on_tick=lambda: ticks.append(time.monotonic())):
        arrivals.append((time.monotonic(), result.partial, len(result.articles)))
    (partial_at, partial, held), (final_at, final_partial, rest) = arrivals
    # The two quick articles came out as a partial result well before the lagging page answered (3 s).
    assert partial and held == 2 and not final_partial and rest == 1
    assert final_at - partial_at >= 1.5
    assert len(ticks) >= 2  # the caller was called back while the source crawled on
