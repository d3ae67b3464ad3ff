"""Downloader middlewares: keep requests on the source's hosts; retry with exponential backoff."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawlers.urls import same_site


class OffHostRequest(IgnoreRequest):
    """A request (or a redirect) pointed outside the hosts the source may fetch from."""


class HostGuardMiddleware:
    """Drops any request whose host the spider does not allow, before robots.txt or the network see it."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        hosts: set[str] | None = getattr(spider, "allowed_hosts", None)
        if hosts and not same_site(request.url, hosts):
            raise OffHostRequest(f"off-host request to {request.url}")


logger = logging.getLogger(__name__)


def backoff_delay(attempt: int, base_s: float, max_s: float, retry_after: str | None = None) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): base·2^(attempt-1), capped; a numeric
    Retry-After from the server wins when it asks for longer (still capped)."""
    delay = base_s * 2 ** max(0, attempt - 1)
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

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        result = super().process_response(request, response, spider)
        if isinstance(result, Request):
            await self._wait(result, response)
        return result

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        result = super().process_exception(request, exception, spider)
        if isinstance(result, Request):
            await self._wait(result)
        return result
