"""Downloader middleware that keeps every request (redirects included) on the source's own hosts."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest

from crawlers.urls import same_site


class OffHostRequest(IgnoreRequest):
    """A request (or a redirect) pointed outside the hosts the source may fetch from."""


class HostGuardMiddleware:
    """Drops any request whose host the spider does not allow, before robots.txt or the network see it."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        hosts: set[str] | None = getattr(spider, "allowed_hosts", None)
        if hosts and not same_site(request.url, hosts):
            raise OffHostRequest(f"off-host request to {request.url}")
