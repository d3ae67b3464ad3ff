"""Link discovery in feeds, news sitemaps and listing pages, including broken ones."""

import gzip

from crawlers.discovery import MAX_SITEMAP_BYTES, parse_feed, parse_listing, parse_sitemap

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Herald</title>
<item><title>Blast in Bajaur</title><link>https://herald.pk/news/1/blast?utm_source=rss</link>
<pubDate>Tue, 03 Nov 2026 08:00:00 +0500</pubDate></item>
<item><title>Court news</title><link>/news/2/court</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>QT</title>
<entry><title>Attack in Kech</title><link rel="alternate" href="https://qt.pk/story/a.html"/>
<updated>2026-11-02T10:00:00+05:00</updated><id>a</id></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://wire.pk/wire/2026/11/x</loc><news:news><news:publication_date>2026-11-01T09:30:00+05:00</news:publication_date>
<news:title>IED blast</news:title></news:news></url>
<url><loc>https://wire.pk/wire/2026/11/y</loc></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://wire.pk/sitemap-1.xml</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""


def test_rss_links_titles_and_dates() -> None:
    found = parse_feed(RSS, "https://herald.pk/feeds/latest.xml")
    assert [d.url for d in found.links] == [
        "https://herald.pk/news/1/blast?utm_source=rss",
        "https://herald.pk/news/2/court",
    ]
    assert found.links[0].title == "Blast in Bajaur"
    assert found.links[0].published is not None and found.links[0].published.hour == 3  # 08:00 +05:00 in UTC
    assert not found.malformed


def test_atom_alternate_link() -> None:
    found = parse_feed(ATOM, "https://qt.pk/atom.xml")
    assert [d.url for d in found.links] == ["https://qt.pk/story/a.html"]


def test_truncated_feed_keeps_what_parsed_and_is_flagged() -> None:
    found = parse_feed(RSS[: RSS.index(b"<item><title>Court")] + b"<item><title>Cou", "https://herald.pk/f")
    assert found.malformed
    assert [d.url for d in found.links] == ["https://herald.pk/news/1/blast?utm_source=rss"]


def test_garbage_feed_is_an_error_not_an_exception() -> None:
    found = parse_feed(b"\x00\xff not a feed at all <<<", "https://herald.pk/f")
    assert found.links == [] and found.error is not None


def test_news_sitemap() -> None:
    found = parse_sitemap(NEWS_SITEMAP, "https://wire.pk/sitemap-news.xml")
    assert [d.url for d in found.links] == [
        "https://wire.pk/wire/2026/11/x",
        "https://wire.pk/wire/2026/11/y",
    ]
    assert found.links[0].title == "IED blast"
    assert found.links[0].published is not None and found.links[0].published.utcoffset() is not None


def test_sitemap_index_lists_children() -> None:
    found = parse_sitemap(SITEMAP_INDEX, "https://wire.pk/sitemap.xml")
    assert found.child_sitemaps == ("https://wire.pk/sitemap-1.xml", "https://wire.pk/sitemap-2.xml")


def test_gzipped_sitemap_is_read() -> None:
    found = parse_sitemap(gzip.compress(NEWS_SITEMAP), "https://wire.pk/sitemap-news.xml.gz")
    assert [d.url for d in found.links] == ["https://wire.pk/wire/2026/11/x", "https://wire.pk/wire/2026/11/y"]
    assert not found.malformed


def test_gzip_bomb_and_broken_gzip_are_errors() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (MAX_SITEMAP_BYTES + 1024))
    assert len(bomb) < 200_000  # a small download that would expand past the protocol's 50 MB limit
    for body in (bomb, b"\x1f\x8b not really gzip"):
        found = parse_sitemap(body, "https://wire.pk/s.xml.gz")
        assert found.links == [] and found.malformed and found.error is not None


def test_broken_sitemap_is_flagged() -> None:
    found = parse_sitemap(b"<urlset><url><loc>https://w.pk/a</loc></url><url><loc>", "https://w.pk/s.xml")
    assert found.malformed


def test_sitemap_does_not_expand_entities() -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://w.pk/&e;</loc></url></urlset>"""
    found = parse_sitemap(evil, "https://w.pk/s.xml")
    assert all("root:" not in d.url for d in found.links)


def test_listing_resolves_dedupes_and_skips_non_http() -> None:
    page = b"""<html><body><a href="/wire/2026/11/a">A</a><a href="/wire/2026/11/a#top">A again</a>
    <a href="mailto:x@y.pk">mail</a><a href="javascript:void(0)">js</a><a href="https://other.example/ad">ad</a>
    </body></html>"""
    found = parse_listing(page, "https://wire.pk/latest/")
    assert [d.url for d in found.links] == ["https://wire.pk/wire/2026/11/a", "https://other.example/ad"]
