"""The crawler's one URL policy: which URLs a source may fetch, applied to every request, redirect and robots.txt.

A URL passes when its scheme is http or https, its host is the source's own or one it lists under
`allow_hosts`, and the address it names is public. Private, loopback, link-local, multicast, reserved and
unspecified addresses are refused unless a setting lists their network (`KHABAR_CRAWL_ALLOW_NETWORKS`; the
tests and the demo allow 127.0.0.0/8, production allows none). IP literals are checked here; names are
checked after resolution by `crawlers.resolver`, at the moment the crawler connects.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from crawlers.urls import same_site

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})


class Refusal(StrEnum):
    """Why a URL is not fetched; also the reason counted as skipped in crawl_runs."""

    BAD_SCHEME = "bad_scheme"
    BAD_URL = "bad_url"
    OFF_HOST = "off_host"
    PRIVATE_ADDRESS = "private_address"


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDR strings ("127.0.0.0/8", "10.1.2.3") as networks; raises ValueError naming a bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"not an IP network: {value!r} (expected e.g. 127.0.0.0/8)") from None
    return tuple(networks)


def ip_literal(host: str) -> IPAddress | None:
    """The address when `host` is an IP literal (IPv6 without brackets), else None."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback, whatever its spelling
    return address


def address_allowed(address: IPAddress, allowed_networks: Iterable[IPNetwork] = ()) -> bool:
    """Public unicast addresses pass; any other only when one of `allowed_networks` contains it."""
    if any(address in network for network in allowed_networks):
        return True
    return address.is_global and not address.is_multicast and not address.is_reserved


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    """What one source may fetch: its hosts (with subdomains) and the non-public networks a setting allows."""

    hosts: frozenset[str]
    allowed_networks: tuple[IPNetwork, ...] = ()

    def refusal(self, url: str) -> Refusal | None:
        """Why `url` may not be fetched, or None when it may."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError on a malformed port
        except ValueError:
            return Refusal.BAD_URL
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return Refusal.BAD_SCHEME
        if not host:
            return Refusal.BAD_URL
        if not same_site(url, self.hosts):
            return Refusal.OFF_HOST
        address = ip_literal(host)
        if address is not None and not address_allowed(address, self.allowed_networks):
            return Refusal.PRIVATE_ADDRESS
        return None
