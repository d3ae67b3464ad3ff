"""Page metadata: <meta> tags, JSON-LD, publication time and author, with the one timestamp parser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

__all__ = [
    "date_guess",
    "is_article",
    "json_ld_author",
    "json_ld_objects",
    "meta_values",
    "parse_datetime",
    "published_time",
]

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


def published_time(tree: HtmlElement) -> datetime | None:
    """Publication time from article:published_time-style meta tags or JSON-LD datePublished."""
    meta = meta_values(tree)
    for key in _PUBLISHED_META[:2]:
        if parsed := parse_datetime(meta.get(key)):
            return parsed
    objects = list(json_ld_objects(tree))
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


def json_ld_author(tree: HtmlElement) -> str | None:
    """The article's author names from JSON-LD, joined with "; "."""
    for obj in json_ld_objects(tree):
        if is_article(obj):
            names = [n.strip() for n in _person_names(obj.get("author")) if n.strip() and "://" not in n]
            if names:
                return "; ".join(dict.fromkeys(names))
    return None
