"""The crawler's URL policy as a table: scheme, host, address. (The crawl itself is tested in tests/reliability.)"""

from __future__ import annotations

import pytest

from crawlers.policy import Refusal, UrlPolicy, address_allowed, ip_literal, parse_networks

POLICY = UrlPolicy(frozenset({"dawn.com", "cdn.dawn.com", "127.0.0.2:8080"}))
LOOPBACK_ALLOWED = UrlPolicy(POLICY.hosts, parse_networks(["127.0.0.0/8"]))


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("https://www.dawn.com/news/1", None),
        ("http://cdn.dawn.com/x.jpg", None),
        ("file://dawn.com/etc/passwd", Refusal.BAD_SCHEME),
        ("ftp://dawn.com/x", Refusal.BAD_SCHEME),
        ("data:text/html,hi", Refusal.BAD_SCHEME),
        ("javascript:alert(1)", Refusal.BAD_SCHEME),
        ("https://evildawn.com/x", Refusal.OFF_HOST),
        ("https://dawn.com.evil.net/x", Refusal.OFF_HOST),
        ("https:///nohost", Refusal.BAD_URL),
        ("http://dawn.com:99999/x", Refusal.BAD_URL),
        ("http://127.0.0.2:8080/feed", Refusal.PRIVATE_ADDRESS),
        ("http://127.0.0.2:8081/feed", Refusal.OFF_HOST),
    ],
)
def test_refusals(url: str, refusal: Refusal | None) -> None:
    assert POLICY.refusal(url) == refusal


def test_an_allowed_network_lets_its_addresses_through() -> None:
    assert LOOPBACK_ALLOWED.refusal("http://127.0.0.2:8080/feed") is None
    assert LOOPBACK_ALLOWED.refusal("http://127.0.0.3:8080/feed") is Refusal.OFF_HOST  # hosts still apply


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),  # multicast
        ("240.0.0.1", False),  # reserved
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),  # loopback in IPv6 clothing
    ],
)
def test_only_public_unicast_addresses_pass_by_default(address: str, allowed: bool) -> None:
    parsed = ip_literal(address)
    assert parsed is not None
    assert address_allowed(parsed) is allowed


def test_names_are_not_ip_literals_and_bad_networks_are_named() -> None:
    assert ip_literal("localhost") is None
    assert ip_literal("dawn.com") is None
    with pytest.raises(ValueError, match="not an IP network: 'loopback'"):
        parse_networks(["127.0.0.0/8", "loopback"])
