"""What every source spider shares: conditional index requests, link filtering, article fetch + extract."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.dates import first_trusted
from crawlers.discovery import Discovered, Discovery
from crawlers.extract import extract_article
from crawlers.middlewares import OffHostRequest
from crawlers.urls import canonical_url, content_hash, same_site

logger = logging.getLogger(__name__)

# Index pages answer 304 when unchanged. Other non-2xx answers reach the errbacks as HttpError (after
# redirects and retries have had their turn), where they are counted by status.
_INDEX_META: dict[str, Any] = {"handle_httpstatus_list": [304]}
_ARTICLE_META: dict[str, Any] = {}


def _charset_from_header(response: Response) -> str | None:
    value = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    for part in value.split(";")[1:]:
        key, _, charset = part.strip().partition("=")
        if key.lower() == "charset" and charset:
            return charset.strip("\"' ")
    return None


def failure_reason(failure: Failure) -> tuple[str, str]:
    """Map a download failure to (outcome, reason): outcome is 'skipped' or 'failed'."""
    exc = failure.value
    if exc is None:
        return "failed", "error"
    name = type(exc).__name__
    message = str(exc)
    if isinstance(exc, OffHostRequest):
        return "skipped", "off_host"
    if "robots.txt" in message:
        return "skipped", "robots"
    if "max redirections" in message.lower() or "redirect" in message.lower():
        return "failed", "redirect_loop"
    if "maxsize" in message.lower() or "max size" in message.lower() or "larger than" in message.lower():
        return "failed", "too_large"
    if "Timeout" in name or "timed out" in message.lower():
        return "failed", "timeout"
    if "DNS" in name:
        return "failed", "dns"
    if "Connection" in name:
        return "failed", "connection"
    response = getattr(exc, "response", None)
    if name == "HttpError" and response is not None:
        return "failed", f"http_{response.status}"
    return "failed", name.lower() or "error"


class SourceSpider(scrapy.Spider):
    """One spider per source; subclasses say how to read the source's index."""

    name = "khabar-source"
    index_label = "index"

    def __init__(self, source: dict[str, Any], queued: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(name=f"{source['kind']}:{source['name']}", **kwargs)
        self.source = source
        self.allowed_hosts: set[str] = set(source["hosts"])
        self.known: set[str] = set(source.get("known", []))
        self.link_pattern = source.get("link_pattern")
        # Shared by every spider of one crawl process: two sources on one host fetch a story once.
        self._queued: set[str] = set() if queued is None else queued

    # -- index -------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        headers = {}
        if self.source.get("etag"):
            headers["If-None-Match"] = self.source["etag"]
        if self.source.get("last_modified"):
            headers["If-Modified-Since"] = self.source["last_modified"]
        yield scrapy.Request(
            self.source["url"],
            headers=headers,
            callback=self.parse_index,
            errback=self.index_failed,
            meta=dict(_INDEX_META),
            dont_filter=True,
        )

    def read_index(self, response: Response) -> Discovery:  # pragma: no cover - subclasses override
        raise NotImplementedError

    def parse_index(self, response: Response) -> Iterator[Any]:
        record: dict[str, Any] = {
            "type": "index",
            "url": response.url,
            "status": response.status,
            "bytes": len(response.body),
            "primary": response.request.url == self.source["url"] if response.request else True,
        }
        if response.status == 304:
            yield self._rec(record | {"not_modified": True})
            return
        if response.request is not None and response.request.url == self.source["url"]:
            record["etag"] = _header(response, b"ETag")
            record["last_modified"] = _header(response, b"Last-Modified")
        discovery = self.read_index(response)
        record |= {"malformed": discovery.malformed, "error": discovery.error, "links": len(discovery.links)}
        yield self._rec(record)
        for child in discovery.child_sitemaps:
            if same_site(child, self.allowed_hosts):
                yield scrapy.Request(
                    child, callback=self.parse_index, errback=self.index_failed, meta=dict(_INDEX_META)
                )
            else:
                yield self._rec({"type": "link", "url": child, "outcome": "off_host"})
        yield from self.follow_links(discovery.links)

    def index_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        outcome, reason = failure_reason(failure)
        url = failure.request.url if hasattr(failure, "request") else self.source["url"]
        logger.warning("%s: index %s %s (%s)", self.source["name"], url, outcome, reason)
        yield self._rec({"type": "index", "url": url, "status": None, "error": reason, "outcome": outcome})

    # -- links -------------------------------------------------------------------------------------
    def follow_links(self, links: Iterable[Discovered]) -> Iterator[Any]:
        pattern = re.compile(self.link_pattern) if self.link_pattern else None
        for link in links:
            if not same_site(link.url, self.allowed_hosts):
                yield self._rec({"type": "link", "url": link.url, "outcome": "off_host"})
                continue
            if pattern is not None and not pattern.search(link.url):
                yield self._rec({"type": "link", "url": link.url, "outcome": "not_article"})
                continue
            canonical = canonical_url(link.url)
            if canonical in self.known or link.url in self.known:
                yield self._rec({"type": "link", "url": link.url, "outcome": "known"})
                continue
            if canonical in self._queued:
                yield self._rec({"type": "link", "url": link.url, "outcome": "queued"})
                continue  # the same story linked twice, from this index or another source's
            self._queued.add(canonical)
            yield self._rec({"type": "link", "url": link.url, "outcome": "new"})
            yield scrapy.Request(
                link.url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta=dict(_ARTICLE_META) | {"discovered": link},
                # We de-duplicate links ourselves; Scrapy's filter would silently drop a redirect loop's
                # second lap instead of letting the redirect limit count it as a failure.
                dont_filter=True,
            )

    # -- articles ----------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        url = response.request.url if response.request is not None else response.url
        if response.status >= 400:
            yield self._rec({"type": "article_failed", "url": url, "reason": f"http_{response.status}"})
            return
        if not same_site(response.url, self.allowed_hosts):
            yield self._rec({"type": "article_skipped", "url": url, "reason": "off_host"})
            return
        try:
            extracted = extract_article(response.body, response.url, header_charset=_charset_from_header(response))
        except Exception:  # a parser bug on one hostile page must not end the crawl; logged in full
            logger.exception("%s: extraction crashed on %s", self.source["name"], response.url)
            yield self._rec({"type": "article_failed", "url": url, "reason": "extract_error"})
            return
        if extracted is None or not extracted.text.strip():
            yield self._rec({"type": "article_skipped", "url": url, "reason": "no_text", "bytes": len(response.body)})
            return
        discovered: Discovered | None = response.meta.get("discovered")
        # Page metadata, then the feed's date, then htmldate's guess; an implausible date is passed over and
        # counted, and with none left the warehouse dates the report by its fetch time.
        published, passed_over = first_trusted(
            [extracted.published, discovered.published if discovered else None, extracted.published_guess]
        )
        yield self._rec(
            {
                "type": "article",
                "url": url,
                "final_url": response.url,
                "canonical_url": canonical_url(response.url),
                "status": response.status,
                "title": extracted.title or (discovered.title if discovered and discovered.title else ""),
                "text": extracted.text,
                "published": published.isoformat() if published else None,
                "author": extracted.author,
                "language": extracted.language,
                "content_hash": content_hash(extracted.text),
                "fetched_at": datetime.now(UTC).isoformat(),
                "bytes": len(response.body),
                "date_untrusted": passed_over,
            }
        )

    def article_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        outcome, reason = failure_reason(failure)
        url = failure.request.url if hasattr(failure, "request") else "?"
        logger.info("%s: article %s %s (%s)", self.source["name"], url, outcome, reason)
        kind = "article_skipped" if outcome == "skipped" else "article_failed"
        yield self._rec({"type": kind, "url": url, "reason": reason})

    def _rec(self, record: dict[str, Any]) -> dict[str, Any]:
        return {"source": self.source["name"]} | record


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
