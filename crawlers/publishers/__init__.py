"""Per-publisher article parsers for outlets where generic extraction goes wrong."""

# The pattern (after Fundus): one small module per publisher, named after it, exposing
# `parse(html: str, url: str) -> ExtractedArticle | None` and a golden-file test in
# tests/fixtures/publishers/<module>/ (a saved page plus the expected JSON). A parser returns None
# when the page does not have the layout it knows, and extract_article then falls back to the
# generic extractor, so a redesign degrades to generic quality instead of losing articles.
# Register a module by adding its hosts below; modules are imported only when a URL needs them.

from __future__ import annotations

import importlib
from functools import cache
from urllib.parse import urlsplit

from crawlers.article import PublisherParser

# Registered host (no "www.") -> module in this package. Subdomains of a host use its parser.
PUBLISHERS: dict[str, str] = {
    "frontiergazette.example": "frontier_gazette",
}


def _host_chain(url: str) -> list[str]:
    """The URL's host and each parent domain, most specific first: a.b.example -> b.example -> example."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    labels = host.split(".") if host else []
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


@cache
def _load(module_name: str) -> PublisherParser:
    module = importlib.import_module(f"{__name__}.{module_name}")
    parser: PublisherParser = module.parse
    return parser


def parser_for(url: str) -> PublisherParser | None:
    """The registered parser for the URL's publisher, or None when the generic extractor should run."""
    for host in _host_chain(url):
        if host in PUBLISHERS:
            return _load(PUBLISHERS[host])
    return None
