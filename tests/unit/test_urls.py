"""Canonical URLs, same-site checks and body hashes."""

import pytest

from crawlers.urls import canonical_url, content_hash, host_of, same_site


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.dawn.com/news/123/slug?utm_source=rss&utm_medium=feed",
            "https://dawn.com/news/123/slug",
        ),
        ("HTTPS://Dawn.COM/news/123/slug/#comments", "https://dawn.com/news/123/slug"),
        ("https://dawn.com/news/123/slug/amp/", "https://dawn.com/news/123/slug"),
        ("https://amp.dawn.com/news/123/slug", "https://dawn.com/news/123/slug"),
        ("https://tribune.com.pk/story/9/x?id=5&fbclid=abc", "https://tribune.com.pk/story/9/x?id=5"),
        ("http://127.0.0.1:8080/a?b=2&a=1", "http://127.0.0.1:8080/a?a=1&b=2"),
        ("https://example.pk:443/x", "https://example.pk/x"),
        ("https://example.pk/story.amp.html", "https://example.pk/story.html"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_keeps_meaningful_query() -> None:
    assert canonical_url("https://x.pk/news?id=1") != canonical_url("https://x.pk/news?id=2")


def test_host_of_keeps_non_default_port() -> None:
    assert host_of("http://127.0.0.1:8001/x") == "127.0.0.1:8001"
    assert host_of("https://www.dawn.com/") == "www.dawn.com"


def test_same_site_allows_subdomains_not_lookalikes() -> None:
    hosts = {"dawn.com"}
    assert same_site("https://www.dawn.com/news/1", hosts)
    assert same_site("https://dawn.com/news/1", hosts)
    assert not same_site("https://evildawn.com/news/1", hosts)
    assert not same_site("https://dawn.com.evil.net/x", hosts)
    assert not same_site("http://127.0.0.1:9/x", {"127.0.0.1:8"})
    assert not same_site("mailto:someone@dawn.com", hosts)


def test_content_hash_ignores_whitespace_and_case() -> None:
    assert content_hash("Five  soldiers\nmartyred") == content_hash("five soldiers martyred ")
    assert content_hash("five soldiers martyred") != content_hash("six soldiers martyred")
