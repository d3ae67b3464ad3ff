"""Article extraction entry point: a registered per-publisher parser first, then the generic extractor."""

from __future__ import annotations

import logging

from crawlers.article import ExtractedArticle, PublisherParser
from crawlers.boilerplate import clean_body, is_boilerplate
from crawlers.continuation import continuation_paragraphs
from crawlers.encoding import decode_html
from crawlers.generic import choose_body, extract_generic
from crawlers.language import declared_language, detect_language
from crawlers.metadata import json_ld_author, parse_datetime, published_time
from crawlers.publishers import parser_for

# The extraction concerns live in their own modules (article, generic, continuation, boilerplate,
# metadata, language, encoding); their public names are re-exported so callers need one import.
__all__ = [
    "MAX_HTML_BYTES",
    "ExtractedArticle",
    "PublisherParser",
    "choose_body",
    "clean_body",
    "continuation_paragraphs",
    "declared_language",
    "decode_html",
    "detect_language",
    "extract_article",
    "extract_generic",
    "is_boilerplate",
    "json_ld_author",
    "parse_datetime",
    "published_time",
]

log = logging.getLogger(__name__)

# Real article pages are well under 1 MB of HTML; anything five times that is a feed dump, an
# endless comment page or hostile, and parsing it would cost seconds for nothing.
MAX_HTML_BYTES = 5_000_000


def extract_article(
    html: str | bytes,
    url: str,
    *,
    header_charset: str | None = None,
    max_bytes: int = MAX_HTML_BYTES,
) -> ExtractedArticle | None:
    """Extract one article: a registered per-publisher parser first, then the generic extractor.

    Returns None when no article body can be found, and for input larger than `max_bytes` (bytes,
    or characters for already-decoded text). Never raises on malformed or binary input.
    """
    if not html:
        return None
    if len(html) > max_bytes:
        log.info("skipping %s: %d bytes of HTML exceeds the %d cap", url, len(html), max_bytes)
        return None
    text = decode_html(html, header_charset) if isinstance(html, bytes) else html

    parser = parser_for(url)
    if parser is not None:
        article = parser(text, url)
        if article is not None:
            return article
        log.info("publisher parser found nothing on %s; trying the generic extractor", url)
    return extract_generic(text, url)
