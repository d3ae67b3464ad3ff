"""The demo publishers' pages: which paths each serves, from which template (templates/<publisher>/), with what data."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_eval_context, select_autoescape
from jinja2.nodes import EvalContext
from markupsafe import Markup

from khabar.demo.stories import DemoStory

HTML_TYPE = "text/html; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

FEED_PATH = "/feeds/latest.xml"
ATOM_PATH = "/atom.xml"
SITEMAP_PATH = "/sitemap-news.xml"
LISTING_PATH = "/latest/"
PRIVATE_PATH = "/private/desk-roster.html"
# The wire's listing carries an advert on another host, so a crawler's host filter has work to do.
OFFSITE_AD_URL = "http://example.invalid/ad?campaign=wire-latest"
RSS_TRACKING = "utm_source=rss&utm_medium=feed"

DISPLAY_NAMES = {
    "frontier-herald": "The Frontier Herald",
    "quetta-times": "Quetta Times",
    "indus-wire": "Indus Wire",
}
_DEFAULT_SECTIONS = {"frontier-herald": "Pakistan", "quetta-times": "Balochistan", "indus-wire": "National"}


@dataclass(frozen=True, slots=True)
class Page:
    """One servable resource, rendered once, with the validators conditional GET needs."""

    body: bytes
    content_type: str
    last_modified: datetime
    etag: str


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page a publisher serves: its path, the template (under templates/<publisher>/) and the data it gets."""

    path: str
    template: str
    content_type: str
    last_modified: datetime
    context: dict[str, Any]


def make_page(text: str, content_type: str, last_modified: datetime) -> Page:
    body = text.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    return Page(body=body, content_type=content_type, last_modified=last_modified, etag=etag)


def render_publisher(publisher: str, base_url: str, stories: Sequence[DemoStory]) -> dict[str, Page]:
    """Every page one publisher serves, keyed by path; stories of other publishers are ignored."""
    env = environment()
    return {
        spec.path: make_page(
            env.get_template(f"{publisher}/{spec.template}").render(spec.context),
            spec.content_type,
            spec.last_modified,
        )
        for spec in page_specs(publisher, base_url, stories)
    }


def page_specs(publisher: str, base_url: str, stories: Sequence[DemoStory]) -> list[PageSpec]:
    """The pages of one publisher, unrendered: what render_publisher turns into bytes."""
    if publisher not in _PAGE_LISTS:
        raise ValueError(f"unknown publisher {publisher!r}")
    base = base_url.rstrip("/")
    own = sorted(
        (s.served_at(base) for s in stories if s.publisher == publisher),
        key=lambda s: (s.published, s.id),
        reverse=True,
    )
    if not own:
        raise ValueError(f"publisher {publisher!r} has no stories")
    return _PAGE_LISTS[publisher](base, own)


# --- the template environment ---------------------------------------------------------------------


@pass_eval_context
def _entities_as_served(eval_ctx: EvalContext, value: object) -> object:
    """Escape like html.escape: the sites have always served &quot; and &#x27;, where markupsafe writes &#34; and &#39;.

    Autoescape still decides (HTML and XML templates escape, robots.txt does not) and Markup passes
    through; only the spelling of the two quote entities differs from markupsafe's, so served bytes
    and ETags did not change when the pages moved into templates.
    """
    if eval_ctx.autoescape and not hasattr(value, "__html__"):
        return Markup(html.escape(str(value), quote=True))
    return value


def _json_ld(data: dict[str, object]) -> Markup:
    """Schema.org JSON for a <script> element; "</" inside it would end the element early."""
    return Markup(json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/"))


@functools.cache
def environment() -> Environment:
    """The demo sites' templates, loaded from the package; HTML and XML templates autoescape."""
    env = Environment(
        loader=PackageLoader("khabar.demo", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "xml.j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_entities_as_served,
    )
    env.filters["json_ld"] = _json_ld
    return env


# --- the data each page gets ----------------------------------------------------------------------


def _latest(stories: Sequence[DemoStory]) -> datetime:
    return max(s.published for s in stories)


def _related(story: DemoStory, stories: Sequence[DemoStory], count: int = 3) -> list[DemoStory]:
    """The stories published closest in time: what a CMS's 'related' box usually shows."""
    others = [s for s in stories if s.id != story.id]
    return sorted(others, key=lambda s: (abs((s.published - story.published).total_seconds()), s.id))[:count]


def _most_read(stories: Sequence[DemoStory], count: int = 5) -> list[DemoStory]:
    """A fixed, arbitrary-looking pick, the same on every page of the site."""
    return sorted(stories, key=lambda s: hashlib.sha1(s.id.encode()).hexdigest())[:count]


def _links(stories: Sequence[DemoStory]) -> list[dict[str, str]]:
    return [{"path": s.path, "title": s.title} for s in stories]


def _summary(story: DemoStory, limit: int = 200) -> str:
    first = story.paragraphs[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _json_ld_data(story: DemoStory, section: str, base: str) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published.isoformat(),
        "dateModified": story.published.isoformat(),
        "mainEntityOfPage": story.url,
        "articleSection": section,
        "publisher": {"@type": "Organization", "name": DISPLAY_NAMES[story.publisher], "url": base + "/"},
    }
    if story.author:
        data["author"] = {"@type": "Person", "name": story.author}
    return data


# Each outlet writes dates its own way.
def _long_date(dt: datetime) -> str:
    """The Frontier Herald's masthead date."""
    return f"{dt:%A, %B} {dt.day}, {dt:%Y}"


def _herald_date(dt: datetime) -> str:
    return f"{dt:%B} {dt.day}, {dt:%Y %I:%M %p}"


def _quetta_date(dt: datetime) -> str:
    return f"{dt.day} {dt:%b %Y}, {dt.hour % 12 or 12}:{dt:%M}{'am' if dt.hour < 12 else 'pm'}"


def _wire_date(dt: datetime) -> str:
    return f"{dt:%Y-%m-%d %H:%M} PKT"


_DATE_TEXT: dict[str, Callable[[datetime], str]] = {
    "frontier-herald": _herald_date,
    "quetta-times": _quetta_date,
    "indus-wire": _wire_date,
}


def _story_data(story: DemoStory, base: str) -> dict[str, Any]:
    """Everything a template may show of one story, as plain strings (the templates escape them)."""
    section = story.section or _DEFAULT_SECTIONS[story.publisher]
    return {
        "id": story.id,
        "title": story.title,
        "author": story.author,
        "section": section,
        "paragraphs": list(story.paragraphs),
        "summary": _summary(story),
        "path": story.path,
        "url": story.url,
        "iso": story.published.isoformat(),
        "rfc822": format_datetime(story.published),
        "date_text": _DATE_TEXT[story.publisher](story.published),
        "json_ld": _json_ld_data(story, section, base),
    }


# --- The Frontier Herald: Peshawar daily, RSS 2.0, /news/<number>/<slug>, JSON-LD -----------------


def _frontier_herald(base: str, stories: list[DemoStory]) -> list[PageSpec]:
    latest = _latest(stories)
    site = {"canonical": base + "/", "feed_url": base + FEED_PATH, "most_read": _links(_most_read(stories))}

    def story_data(story: DemoStory) -> dict[str, Any]:
        return {**_story_data(story, base), "number": story.path.split("/")[2]}

    pages = [
        PageSpec(
            story.path,
            "article.html.j2",
            HTML_TYPE,
            story.published,
            {
                **site,
                "canonical": story.url,
                "today": _long_date(story.published),
                "story": story_data(story),
                "related": _links(_related(story, stories)),
            },
        )
        for story in stories
    ]
    home = {**site, "today": _long_date(latest), "stories": _links(stories)}
    return [
        *pages,
        PageSpec("/", "home.html.j2", HTML_TYPE, latest, home),
        PageSpec(
            FEED_PATH,
            "feed.xml.j2",
            RSS_TYPE,
            latest,
            {
                "home": base + "/",
                "feed_url": base + FEED_PATH,
                "build_date": format_datetime(latest),
                "tracking": RSS_TRACKING,
                "stories": [story_data(s) for s in stories],
            },
        ),
        PageSpec("/robots.txt", "robots.txt.j2", TEXT_TYPE, latest, {}),
    ]


# --- Quetta Times: Balochistan outlet, Atom, /story/<slug>.html, article:published_time meta -------


def _quetta_times(base: str, stories: list[DemoStory]) -> list[PageSpec]:
    latest = _latest(stories)
    site = {"canonical": base + "/", "atom_url": base + ATOM_PATH, "trending": _links(_most_read(stories))}
    pages = [
        PageSpec(
            story.path,
            "article.html.j2",
            HTML_TYPE,
            story.published,
            {
                **site,
                "canonical": story.url,
                "story": _story_data(story, base),
                "related": _links(_related(story, stories)),
            },
        )
        for story in stories
    ]
    entries = [
        # Entry ids must not change when the demo starts on another port.
        {**_story_data(s, base), "entry_id": uuid.uuid5(uuid.NAMESPACE_URL, f"quetta-times:{s.id}").urn}
        for s in stories
    ]
    return [
        *pages,
        PageSpec("/", "home.html.j2", HTML_TYPE, latest, {**site, "stories": _links(stories)}),
        PageSpec(
            ATOM_PATH,
            "atom.xml.j2",
            ATOM_TYPE,
            latest,
            {
                "atom_url": base + ATOM_PATH,
                "home": base + "/",
                "feed_id": uuid.uuid5(uuid.NAMESPACE_URL, "quetta-times:feed").urn,
                "updated": latest.isoformat(),
                "stories": entries,
            },
        ),
        PageSpec("/robots.txt", "robots.txt.j2", TEXT_TYPE, latest, {}),
    ]


# --- Indus Wire: wire service, news sitemap and /latest/ listing, /wire/<yyyy>/<mm>/<slug> ----------


def _indus_wire(base: str, stories: list[DemoStory]) -> list[PageSpec]:
    latest = _latest(stories)
    listing = {
        "stories": [_story_data(s, base) for s in stories],
        "ad_url": OFFSITE_AD_URL,
        "private_path": PRIVATE_PATH,
    }
    pages = [
        PageSpec(
            story.path,
            "article.html.j2",
            HTML_TYPE,
            story.published,
            {
                "canonical": story.url,
                "story": _story_data(story, base),
                "top_stories": _links(_most_read(stories)),
                "related": _links(_related(story, stories)),
            },
        )
        for story in stories
    ]
    return [
        *pages,
        PageSpec(LISTING_PATH, "listing.html.j2", HTML_TYPE, latest, {**listing, "canonical": base + LISTING_PATH}),
        PageSpec("/", "home.html.j2", HTML_TYPE, latest, {**listing, "canonical": base + "/"}),
        PageSpec(PRIVATE_PATH, "private.html.j2", HTML_TYPE, latest, {"canonical": base + PRIVATE_PATH}),
        PageSpec(SITEMAP_PATH, "sitemap-news.xml.j2", XML_TYPE, latest, {"stories": listing["stories"]}),
        PageSpec("/robots.txt", "robots.txt.j2", TEXT_TYPE, latest, {"sitemap_url": base + SITEMAP_PATH}),
    ]


_PAGE_LISTS: dict[str, Callable[[str, list[DemoStory]], list[PageSpec]]] = {
    "frontier-herald": _frontier_herald,
    "quetta-times": _quetta_times,
    "indus-wire": _indus_wire,
}
