"""Downloader middlewares: every request (redirects and robots.txt included) passes the URL policy; retries back off."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawlers.policy import Refusal, UrlPolicy
from crawlers.resolver import blocked_hosts


class RefusedRequest(IgnoreRequest):
    """A request (or a redirect) the URL policy refuses; never sent."""

    def __init__(self, reason: Refusal, url: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.reason = reason


class UrlPolicyMiddleware:
    """Refuses any request the crawling spider's URL policy refuses, before robots.txt or the network see it.

    Runs first among the downloader middlewares, so it also sees the requests that RedirectMiddleware and
    RobotsTxtMiddleware make. It fails closed: a spider without a policy gets nothing fetched.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> UrlPolicyMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        policy: UrlPolicy | None = getattr(self.crawler.spider, "url_policy", None)
        if policy is None:
            raise RefusedRequest(Refusal.OFF_HOST, request.url)
        reason = policy.refusal(request.url)
        if reason is not None:
            raise RefusedRequest(reason, request.url)


class BudgetSpent(IgnoreRequest):
    """The source's time budget ran out before this request could start."""


class SourceBudgetMiddleware:
    """Keeps every download inside its source's time budget (CLOSESPIDER_TIMEOUT, one crawler per source).

    Closing a spider does not cancel downloads in flight: Scrapy waits for them, and a server dripping one
    byte a second would hold the source (and the run) for the full download timeout. So each request's
    download_timeout is capped at what remains of the budget, and a request that would start after the
    budget ran out (a retry, a redirect) is not sent.
    """

    def __init__(self, crawler: Any) -> None:
        self.budget_s = crawler.settings.getfloat("CLOSESPIDER_TIMEOUT")
        self.default_timeout_s = crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        self.started: float | None = None
        crawler.signals.connect(self._opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Any) -> SourceBudgetMiddleware:
        return cls(crawler)

    def _opened(self) -> None:
        self.started = time.monotonic()

    def process_request(self, request: Request) -> None:
        if not self.budget_s or self.started is None:
            return
        remaining = self.started + self.budget_s - time.monotonic()
        if remaining <= 0:
            raise BudgetSpent(f"source time budget spent before {request.url}")
        current = float(request.meta.get("download_timeout") or self.default_timeout_s)
        request.meta["download_timeout"] = max(0.5, min(current, remaining))


logger = logging.getLogger(__name__)


def backoff_delay(attempt: int, base_s: float, max_s: float, retry_after: str | None = None) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): base·2^(attempt-1), capped; a numeric
    Retry-After from the server wins when it asks for longer (still capped)."""
    delay: float = base_s * 2 ** max(0, attempt - 1)
    if retry_after and retry_after.strip().isdigit():
        delay = max(delay, float(retry_after.strip()))
    return min(delay, max_s)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry (5xx, 429, timeouts, dropped connections) with exponential backoff between tries.

    The wait is an asyncio sleep in this request's own chain, so other requests keep flowing meanwhile.
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base_s = settings.getfloat("KHABAR_RETRY_BACKOFF_S", 1.0)
        self.max_s = settings.getfloat("KHABAR_RETRY_BACKOFF_MAX_S", 30.0)

    async def _wait(self, retry: Request, response: Response | None = None) -> None:
        attempt = int(retry.meta.get("retry_times", 1))
        header = response.headers.get(b"Retry-After") if response is not None else None
        delay = backoff_delay(attempt, self.base_s, self.max_s, header.decode("latin-1") if header else None)
        logger.debug("retry %d of %s in %.2f s", attempt, retry.url, delay)
        await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, response)
        return result

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if (urlsplit(request.url).hostname or "") in blocked_hosts():
            return None  # the resolver refused the address: asking again cannot help
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result)
        return result
