"""Find article links in what a source publishes: RSS/Atom feeds, news sitemaps, listing pages."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html
from scrapy.utils.gz import gunzip


@dataclass(frozen=True, slots=True)
class Discovered:
    """One candidate article link, with what the index page said about it."""

    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Discovery:
    links: list[Discovered]
    malformed: bool = False  # the index parsed only partly (feedparser's bozo, broken XML)
    error: str | None = None  # why nothing could be read at all
    child_sitemaps: tuple[str, ...] = ()


def _from_struct(value: struct_time | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def parse_feed(body: bytes, base_url: str, content_type: str | None = None) -> Discovery:
    """Links of an RSS or Atom feed. Never raises: a broken feed is flagged, and what parsed is kept."""
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or _first_alternate(entry)
        if not href:
            continue
        published = _from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
        links.append(Discovered(urljoin(base_url, href.strip()), entry.get("title"), published))
    bozo = bool(parsed.get("bozo"))
    error = None
    if not links and bozo:
        error = f"unreadable feed: {type(parsed.get('bozo_exception')).__name__}"
    return Discovery(links, malformed=bozo, error=error)


def _first_alternate(entry: feedparser.FeedParserDict) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


# The sitemap protocol's own limit on an uncompressed file; a larger gzip member is a bomb, not a sitemap.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


def _gunzip(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes | None:
    """The decompressed body of a gzip file (`sitemap.xml.gz`), or None when it is broken or too large.

    Scrapy's own gunzip, which stops reading as soon as the output passes the cap.
    """
    try:
        return gunzip(body, max_size=limit)
    except (OSError, EOFError, ValueError, struct.error):  # ValueError: the cap (Scrapy's size error is one)
        return None


def parse_sitemap(body: bytes, base_url: str) -> Discovery:
    """URLs of a (news) sitemap, or the child sitemaps of a sitemap index; gzipped files too."""
    if body[:2] == b"\x1f\x8b":  # served as a .gz file, not with Content-Encoding (which Scrapy undoes)
        inflated = _gunzip(body)
        if inflated is None:
            return Discovery([], malformed=True, error="unreadable sitemap: broken or oversized gzip")
        body = inflated
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        return Discovery([], malformed=True, error=f"unreadable sitemap: {exc}")
    if root is None:
        return Discovery([], malformed=True, error="unreadable sitemap: empty document")
    malformed = len(parser.error_log) > 0
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        children = tuple(urljoin(base_url, loc.text.strip()) for loc in root.iter(f"{_SITEMAP_NS}loc") if loc.text)
        return Discovery([], malformed=malformed, child_sitemaps=children)
    links = []
    for node in root.iter(f"{_SITEMAP_NS}url"):
        loc = node.findtext(f"{_SITEMAP_NS}loc")
        if not loc:
            continue
        title = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title")
        date_text = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") or node.findtext(
            f"{_SITEMAP_NS}lastmod"
        )
        links.append(Discovered(urljoin(base_url, loc.strip()), title, _parse_w3c_date(date_text)))
    return Discovery(links, malformed=malformed)


def _parse_w3c_date(text: str | None) -> datetime | None:
    if not text:
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_SKIP_SCHEMES = re.compile(r"^(mailto|javascript|tel|data):", re.IGNORECASE)


def parse_listing(body: bytes | str, base_url: str) -> Discovery:
    """Every link on a section/listing page (resolved, de-duplicated, in page order)."""
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        return Discovery([], malformed=True, error=f"unreadable listing page: {exc}")
    seen: set[str] = set()
    links = []
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#") or _SKIP_SCHEMES.match(href):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if url in seen:
            continue
        seen.add(url)
        title = anchor.text_content().strip() or None
        links.append(Discovered(url, title))
    return Discovery(links)
