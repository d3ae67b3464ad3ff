"""What every source spider shares: conditional index requests, the URL policy, article fetch + extract."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotSupported,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefused
from twisted.python.failure import Failure

from crawlers.dates import first_trusted
from crawlers.discovery import Discovered, Discovery
from crawlers.extract import extract_article
from crawlers.middlewares import BudgetSpent, RefusedRequest
from crawlers.policy import Refusal, UrlPolicy, parse_networks
from crawlers.records import RECORDS_FD_SETTING, LinkOutcome, RecordType, write_record
from crawlers.resolver import blocked_hosts
from crawlers.urls import canonical_url, content_hash

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


# Transport failures by the framework's own exception types (scrapy.exceptions, Twisted), so an upgrade
# that renames a message cannot silently change what is counted.
_FAILURE_TYPES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (DownloadCancelledError, "too_large"),  # the download handler cancels a body over DOWNLOAD_MAXSIZE
    (CannotResolveHostError, "dns"),
    # Nothing listens there: told apart from a dropped connection, because for a source's own feed it means
    # the source is down or misconfigured for this run (khabar.failures), not a blip worth retrying at once.
    ((DownloadConnectionRefusedError, TwistedConnectionRefused), "connection_refused"),
    ((DownloadConnectionRefusedError, ConnectError, ConnectionLost, ConnectionDone, DownloadFailedError), "connection"),
    (ResponseDataLossError, "connection"),
    ((UnsupportedURLSchemeError, NotSupported), Refusal.BAD_SCHEME.value),
)


def failure_reason(failure: Failure) -> tuple[str, str]:
    """Map a download failure to (outcome, reason): outcome is 'skipped' (never requested) or 'failed'."""
    exc = failure.value
    if exc is None:
        return "failed", "error"
    if isinstance(exc, RefusedRequest):
        return "skipped", str(exc.reason)
    if isinstance(exc, BudgetSpent):
        return "failed", "source_timeout"
    request = getattr(failure, "request", None)
    refused_name = request is not None and (urlsplit(request.url).hostname or "") in blocked_hosts()
    if isinstance(exc, CannotResolveHostError) and refused_name:
        return "skipped", Refusal.PRIVATE_ADDRESS.value
    if isinstance(exc, HttpError) and exc.response is not None:
        return "failed", f"http_{exc.response.status}"
    if isinstance(exc, IgnoreRequest):  # after HttpError, which is one
        return _ignored_reason(exc)
    for types, reason in _FAILURE_TYPES:
        if isinstance(exc, types):
            return "failed", reason
    return "failed", type(exc).__name__.lower() or "error"


def _ignored_reason(exc: IgnoreRequest) -> tuple[str, str]:
    """(outcome, reason) of a plain IgnoreRequest, told apart by its message."""
    # RobotsTxtMiddleware and RedirectMiddleware raise plain IgnoreRequest; their messages say which.
    message = str(exc).lower()
    if "robots.txt" in message:
        return "skipped", "robots"
    if "redirect" in message:
        return "failed", "redirect_loop"
    return "skipped", "ignored"


class SourceSpider(scrapy.Spider):
    """One spider per source; subclasses say how to read the source's index.

    Every URL it requests passes `url_policy` (checked here to count what is skipped, and enforced for
    every request, redirect and robots.txt by crawlers.middlewares.UrlPolicyMiddleware). Links that failed
    on earlier runs (`retry`) are fetched again whatever the index answers. When the spider closes it
    writes a `done` record with the close reason and the article links still in flight, so a source cut
    off by its time budget is recorded as such and its unfetched links are retried next run.
    """

    name = "khabar-source"

    def __init__(
        self, source: dict[str, Any], queued: set[str] | None = None, claims: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(name=f"{source['kind']}:{source['name']}", **kwargs)
        self.source = source
        self.url_policy = UrlPolicy(frozenset(source["hosts"]), parse_networks(source.get("allow_networks", [])))
        self.known: set[str] = set(source.get("known", []))
        self.link_pattern = source.get("link_pattern")
        # Shared by every spider of one crawl process: two sources on one host fetch a story once.
        self._queued: set[str] = set() if queued is None else queued
        # Shared with every other crawl of the warehouse (other processes, other tasks): warehouse.claims.
        self._claims = claims
        self._in_flight: set[str] = set()
        self._started = time.monotonic()

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
        for url in self.source.get("retry", []):
            for item in self._article_request(url, Discovered(url), outcome=LinkOutcome.RETRY):
                yield item

    def read_index(self, response: Response) -> Discovery:  # pragma: no cover - subclasses override
        raise NotImplementedError

    def parse_index(self, response: Response) -> Iterator[Any]:
        record: dict[str, Any] = {
            "type": RecordType.INDEX,
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
            refusal = self.url_policy.refusal(child)
            if refusal is None:
                yield scrapy.Request(
                    child, callback=self.parse_index, errback=self.index_failed, meta=dict(_INDEX_META)
                )
            else:
                yield self._rec({"type": RecordType.LINK, "url": child, "outcome": str(refusal)})
        yield from self.follow_links(discovery.links)

    def index_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        outcome, reason = failure_reason(failure)
        url = failure.request.url if hasattr(failure, "request") else self.source["url"]
        logger.warning("%s: index %s %s (%s)", self.source["name"], url, outcome, reason)
        yield self._rec({"type": RecordType.INDEX, "url": url, "status": None, "error": reason, "outcome": outcome})

    # -- links -------------------------------------------------------------------------------------
    def follow_links(self, links: Iterable[Discovered]) -> Iterator[Any]:
        pattern = re.compile(self.link_pattern) if self.link_pattern else None
        candidates: list[tuple[Discovered, str]] = []
        for link in links:
            refusal = self.url_policy.refusal(link.url)
            if refusal is not None:
                yield self._rec({"type": RecordType.LINK, "url": link.url, "outcome": str(refusal)})
                continue
            if pattern is not None and not pattern.search(link.url):
                yield self._rec({"type": RecordType.LINK, "url": link.url, "outcome": LinkOutcome.NOT_ARTICLE})
                continue
            candidates.append((link, canonical_url(link.url)))
        # Stored links are asked of the warehouse, one indexed lookup per index page (the job's `known` list
        # serves a crawl without a warehouse).
        stored = self.known
        if self._claims is not None and candidates:
            stored = stored | self._claims.known([u for link, c in candidates for u in (link.url, c)])
        for link, canonical in candidates:
            if canonical in stored or link.url in stored:
                yield self._rec({"type": RecordType.LINK, "url": link.url, "outcome": LinkOutcome.KNOWN})
                continue
            yield from self._article_request(link.url, link, outcome=LinkOutcome.NEW)

    def _article_request(self, url: str, link: Discovered, *, outcome: LinkOutcome) -> Iterator[Any]:
        canonical = canonical_url(url)
        if canonical in self._queued:
            # The same story linked twice, from this index or another source's.
            yield self._rec({"type": RecordType.LINK, "url": url, "outcome": LinkOutcome.QUEUED})
            return
        if self._claims is not None and not self._claims.claim(canonical, self.source["name"]):
            # Another crawl (another source of the site, in another task or run) is fetching it.
            yield self._rec({"type": RecordType.LINK, "url": url, "outcome": LinkOutcome.CLAIMED})
            return
        self._queued.add(canonical)
        self._in_flight.add(url)
        yield self._rec({"type": RecordType.LINK, "url": url, "outcome": outcome})
        yield scrapy.Request(
            url,
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
        link = _link_of(response.meta, url)
        self._in_flight.discard(link)
        if response.status >= 400:
            yield self._rec(
                {"type": RecordType.ARTICLE_FAILED, "url": url, "link": link, "reason": f"http_{response.status}"}
            )
            return
        refusal = self.url_policy.refusal(response.url)
        if refusal is not None:  # the middleware refuses such redirects; this keeps the check local too
            yield self._rec({"type": RecordType.ARTICLE_SKIPPED, "url": url, "link": link, "reason": str(refusal)})
            return
        try:
            extracted = extract_article(response.body, response.url, header_charset=_charset_from_header(response))
        except Exception:  # a parser bug on one hostile page must not end the crawl; logged in full
            logger.exception("%s: extraction crashed on %s", self.source["name"], response.url)
            yield self._rec({"type": RecordType.ARTICLE_FAILED, "url": url, "link": link, "reason": "extract_error"})
            return
        if extracted is None or not extracted.text.strip():
            record = {"type": RecordType.ARTICLE_SKIPPED, "url": url, "link": link, "reason": "no_text"}
            yield self._rec(record | {"bytes": len(response.body)})
            return
        discovered: Discovered | None = response.meta.get("discovered")
        # Page metadata, then the feed's date, then htmldate's guess; an implausible date is passed over and
        # counted, and with none left the warehouse dates the report by its fetch time.
        published, passed_over = first_trusted(
            [extracted.published, discovered.published if discovered else None, extracted.published_guess]
        )
        yield self._rec(
            {
                "type": RecordType.ARTICLE,
                "url": url,
                "link": link,
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
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        link = _link_of(request.meta, url) if request is not None else url
        self._in_flight.discard(link)
        logger.info("%s: article %s %s (%s)", self.source["name"], url, outcome, reason)
        kind = "article_skipped" if outcome == "skipped" else "article_failed"
        yield self._rec({"type": kind, "url": url, "link": link, "reason": reason})

    def closed(self, reason: str) -> None:
        """Scrapy calls this once the spider is done: say how it ended and what was left unfetched."""
        fd = self.crawler.settings.getint(RECORDS_FD_SETTING, -1)
        if fd < 0:
            return
        record = {
            "type": RecordType.DONE,
            "reason": reason,
            "duration_s": round(time.monotonic() - self._started, 3),
            "unfinished": sorted(self._in_flight),
        }
        write_record(fd, self._rec(record))

    def _rec(self, record: dict[str, Any]) -> dict[str, Any]:
        return {"source": self.source["name"]} | record


def _link_of(meta: dict[str, Any], url: str) -> str:
    """The link a request chain started from (before any redirect)."""
    redirects = meta.get("redirect_urls")
    return str(redirects[0]) if redirects else url


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
