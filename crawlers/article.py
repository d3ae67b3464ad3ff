"""The extracted-article record and the per-publisher parser type that every extraction path returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

__all__ = ["ExtractedArticle", "PublisherParser"]


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """What the pipeline keeps of a fetched article page."""

    title: str
    text: str
    published: datetime | None  # from the page's structured metadata; timezone-aware when the page says so
    author: str | None
    language: str | None  # ISO 639-1, e.g. "en", "ur"
    # htmldate's guess from the page's text and URL, for pages whose structured date is missing or untrusted
    # (None when it is trusted, since it then always wins, and when htmldate finds only a year). The crawler
    # picks the first trusted date (crawlers.dates) and counts the rest.
    published_guess: datetime | None = None


# A per-publisher parser: (decoded HTML, URL) -> article, or None to fall back to the generic path.
PublisherParser = Callable[[str, str], ExtractedArticle | None]
