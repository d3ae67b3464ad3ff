"""Page metadata: title, description, author and dates from meta tags and JSON-LD, with one timestamp parser."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title, extract_url
from trafilatura.utils import line_processing

from crawlers.dates import first_trusted

__all__ = [
    "DATE_PARAMS",
    "PageMetadata",
    "byline_author",
    "date_guess",
    "guess_published",
    "is_article",
    "json_ld_author",
    "json_ld_objects",
    "meta_values",
    "page_author",
    "parse_datetime",
    "published_time",
    "read_metadata",
]

log = logging.getLogger(__name__)

# htmldate: the original publication date, not the last-modified one, searching the whole page.
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": True}

_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "report"}
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "date",
)


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """<meta> contents keyed by lower-cased property/name/itemprop/http-equiv; the first one wins."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, flattening lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def is_article(obj: dict[str, Any]) -> bool:
    """True for a JSON-LD object whose @type is an article kind (NewsArticle, BlogPosting, ...)."""
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in names)


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 or RFC 2822 timestamp (as found in meta tags and JSON-LD), or None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed


def date_guess(value: str | None) -> datetime | None:
    """htmldate's date, unless it is only a year: its last resort is the copyright line, given as 1 January."""
    parsed = parse_datetime(value)
    if parsed is None or (parsed.month, parsed.day) == (1, 1):
        return None
    return parsed


def published_time(
    tree: HtmlElement, meta: dict[str, str] | None = None, objects: list[dict[str, Any]] | None = None
) -> datetime | None:
    """Publication time from article:published_time-style meta tags or JSON-LD datePublished.

    `meta` and `objects` are the page's meta_values() and JSON-LD objects, when the caller has them.
    """
    meta = meta_values(tree) if meta is None else meta
    for key in _PUBLISHED_META[:2]:
        if parsed := parse_datetime(meta.get(key)):
            return parsed
    objects = list(json_ld_objects(tree)) if objects is None else objects
    for obj in sorted(objects, key=lambda o: not is_article(o)):
        if parsed := parse_datetime(obj.get("datePublished")):
            return parsed
    for key in _PUBLISHED_META[2:]:
        if parsed := parse_datetime(meta.get(key)):
            return parsed
    for time_el in tree.iter("time"):
        if (time_el.get("itemprop") or "").lower() == "datepublished":
            return parse_datetime(time_el.get("datetime"))
    return None


def _person_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    return []


def json_ld_author(tree: HtmlElement, objects: list[dict[str, Any]] | None = None) -> str | None:
    """The article's author names from JSON-LD, joined with "; "."""
    for obj in json_ld_objects(tree) if objects is None else objects:
        if is_article(obj):
            names = [n.strip() for n in _person_names(obj.get("author")) if n.strip() and "://" not in n]
            if names:
                return "; ".join(dict.fromkeys(names))
    return None


def _clean(value: str | None) -> str | None:
    # As trafilatura cleans its metadata fields: entities left in attribute values, control characters, spaces.
    return line_processing(unescape(value)) if value else None


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page says about itself in its markup, read without touching the body."""

    title: str
    description: str | None
    author: str | None  # from meta tags or JSON-LD as trafilatura reads them: see page_author for the rest
    json_ld_author: str | None  # every name under the article's JSON-LD "author", organisations included
    published: datetime | None
    url: str  # og:url or the canonical link when valid, else the URL the page was fetched from
    meta: dict[str, str]  # meta_values() of the page


def read_metadata(tree: HtmlElement, url: str) -> PageMetadata:
    """Title, description, structured author and publication time: meta tags and JSON-LD, no page search.

    Title, description and author follow trafilatura's own metadata reader (OpenGraph, then other
    meta tags, then JSON-LD; the title from the headline when none of them has one); the slow parts of
    its reader (the byline search and htmldate) are left to page_author and guess_published.
    """
    document = examine_meta(tree)
    # A single word in an author meta tag is a site or desk name, not a person (trafilatura's rule).
    if document.author and " " not in document.author:
        document.author = None
    try:
        document = extract_meta_json(tree, document)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        log.info("unreadable JSON-LD metadata on %s: %s", url, exc)
    meta = meta_values(tree)
    objects = list(json_ld_objects(tree))
    title = _clean(document.title) or _clean(extract_title(tree)) or meta.get("og:title") or ""
    return PageMetadata(
        title=title,
        description=_clean(document.description),
        author=_clean(document.author),
        json_ld_author=json_ld_author(tree, objects),
        published=published_time(tree, meta, objects),
        url=document.url or extract_url(tree, url) or url,
        meta=meta,
    )


def byline_author(tree: HtmlElement) -> str | None:
    """The author from a visible byline (trafilatura's search of the page)."""
    try:
        return _clean(extract_author(tree))
    except (ValueError, TypeError, etree.LxmlError) as exc:
        log.info("byline search failed: %s", exc)
        return None


def page_author(tree: HtmlElement, metadata: PageMetadata) -> str | None:
    """The author: meta tags and JSON-LD as trafilatura reads them, then a visible byline, then any JSON-LD name.

    The byline search costs a copy of the page and several XPath searches, so it runs only for pages
    whose markup names no person; it comes before the last resort because JSON-LD "author" is often
    the publisher's name.
    """
    return metadata.author or byline_author(tree) or metadata.json_ld_author


def guess_published(tree: HtmlElement, metadata: PageMetadata) -> datetime | None:
    """htmldate's guess at the publication date, when the page has no trusted structured date.

    A trusted structured date always wins over the guess (crawlers.dates.first_trusted), so the
    whole-page search, the costliest part of metadata, is skipped then and the guess is None.
    """
    if first_trusted([metadata.published])[0] is not None:
        return None
    try:
        found = find_date(tree, url=metadata.url, **DATE_PARAMS)
    except (ValueError, TypeError, OverflowError, etree.LxmlError) as exc:
        log.info("htmldate failed on %s: %s", metadata.url, exc)
        return None
    return date_guess(found)
