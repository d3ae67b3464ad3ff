"""Scrapy's caching DNS resolver, refusing names that resolve to an address the URL policy does not allow.

Checking the resolved address here, where the crawler connects, rather than resolving once more in a
middleware, leaves no gap for a name that answers differently the second time (DNS rebinding).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred

from crawlers.policy import IPNetwork, address_allowed, ip_literal, parse_networks


class BlockedAddressError(Exception):
    """A host name resolved to an address the URL policy refuses."""


class GuardedResolver(CachingThreadedResolver):
    """Resolves like Scrapy's default resolver; a name that resolves to a refused address fails instead.

    `blocked` remembers those names, so the spiders can count the refusal as `private_address` rather than
    as a DNS failure (Twisted reports any failed resolution as a lookup error).
    """

    def __init__(self, reactor: Any, cache_size: int, timeout: float, allowed_networks: Sequence[IPNetwork]):
        super().__init__(reactor, cache_size, timeout)
        self.allowed_networks = tuple(allowed_networks)
        self.blocked: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        networks = parse_networks(settings.getlist("KHABAR_ALLOW_NETWORKS"))
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), networks)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        resolved: Deferred[str] = super().getHostByName(name, timeout)
        resolved.addCallback(self._check, name)
        return resolved

    def _check(self, address: str, name: str) -> str:
        parsed = ip_literal(address)
        if parsed is None or not address_allowed(parsed, self.allowed_networks):
            self.blocked[name.lower()] = address
            raise BlockedAddressError(f"{name} resolves to {address}, a non-public address")
        return address


def blocked_hosts() -> dict[str, str]:
    """Names refused by the installed resolver in this process (empty when another resolver is installed)."""
    from twisted.internet import reactor

    resolver = getattr(reactor, "resolver", None)
    return resolver.blocked if isinstance(resolver, GuardedResolver) else {}
