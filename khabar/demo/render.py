"""Render the demo publishers' pages: article HTML, RSS and Atom feeds, news sitemap, listing, robots.txt."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape
from string import Template

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


def make_page(text: str, content_type: str, last_modified: datetime) -> Page:
    body = text.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    return Page(body=body, content_type=content_type, last_modified=last_modified, etag=etag)


def render_publisher(publisher: str, base_url: str, stories: Sequence[DemoStory]) -> dict[str, Page]:
    """Every page one publisher serves, keyed by path; stories of other publishers are ignored."""
    base = base_url.rstrip("/")
    own = sorted(
        (s.served_at(base) for s in stories if s.publisher == publisher),
        key=lambda s: (s.published, s.id),
        reverse=True,
    )
    if not own:
        raise ValueError(f"publisher {publisher!r} has no stories")
    renderers: dict[str, Callable[[str, list[DemoStory]], dict[str, Page]]] = {
        "frontier-herald": _render_frontier_herald,
        "quetta-times": _render_quetta_times,
        "indus-wire": _render_indus_wire,
    }
    if publisher not in renderers:
        raise ValueError(f"unknown publisher {publisher!r}")
    return renderers[publisher](base, own)


# --- helpers shared by the three templates -------------------------------------------------------


def _e(value: str) -> str:
    return escape(value, quote=True)


def _latest(stories: Sequence[DemoStory]) -> datetime:
    return max(s.published for s in stories)


def _related(story: DemoStory, stories: Sequence[DemoStory], count: int = 3) -> list[DemoStory]:
    """The stories published closest in time: what a CMS's 'related' box usually shows."""
    others = [s for s in stories if s.id != story.id]
    return sorted(others, key=lambda s: (abs((s.published - story.published).total_seconds()), s.id))[:count]


def _most_read(stories: Sequence[DemoStory], count: int = 5) -> list[DemoStory]:
    """A fixed, arbitrary-looking pick, the same on every page of the site."""
    return sorted(stories, key=lambda s: hashlib.sha1(s.id.encode()).hexdigest())[:count]


def _links(stories: Sequence[DemoStory], item: Template) -> str:
    return "\n".join(item.substitute(href=_e(s.path), title=_e(s.title)) for s in stories)


def _paragraphs(story: DemoStory, indent: str) -> list[str]:
    return [f"{indent}<p>{_e(p)}</p>" for p in story.paragraphs]


def _section(story: DemoStory) -> str:
    return story.section or _DEFAULT_SECTIONS[story.publisher]


def _summary(story: DemoStory, limit: int = 200) -> str:
    first = story.paragraphs[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _json_ld(story: DemoStory, publisher: str, base: str) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published.isoformat(),
        "dateModified": story.published.isoformat(),
        "mainEntityOfPage": story.url,
        "articleSection": _section(story),
        "publisher": {"@type": "Organization", "name": DISPLAY_NAMES[publisher], "url": base + "/"},
    }
    if story.author:
        data["author"] = {"@type": "Person", "name": story.author}
    # "</" inside a script element would end it early.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _twelve_hour(dt: datetime) -> str:
    return f"{dt.hour % 12 or 12}:{dt:%M}{'am' if dt.hour < 12 else 'pm'}"


def _long_date(dt: datetime) -> str:
    return f"{dt:%A, %B} {dt.day}, {dt:%Y}"


# --- The Frontier Herald: Peshawar daily, RSS 2.0, /news/<number>/<slug>, JSON-LD -----------------

_FH_CHROME_TOP = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$page_title</title>
<meta name="description" content="$description">
<link rel="canonical" href="$canonical">
<link rel="alternate" type="application/rss+xml" title="The Frontier Herald - Latest" href="$feed_url">
$head_extra
<link rel="stylesheet" href="/static/css/herald.min.css">
</head>
<body class="$body_class">
<div id="cookie-consent" class="cookie-consent" role="dialog" aria-live="polite">
  <p>We use cookies to personalise content and ads and to analyse our traffic. By continuing to browse
  you accept our <a href="/privacy-policy">privacy policy</a>.</p>
  <button type="button" class="cookie-consent__accept">Got it</button>
</div>
<header class="masthead">
  <div class="masthead__top">
    <span class="masthead__date">$today</span>
    <a href="/epaper/">E-Paper</a> | <a href="/subscribe">Subscribe</a> | <a href="/advertise">Advertise</a>
  </div>
  <a class="masthead__logo" href="/">The Frontier Herald</a>
  <p class="masthead__tagline">Peshawar's independent daily since 1987</p>
  <nav class="main-menu" aria-label="Main menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/section/peshawar">Peshawar</a></li>
      <li><a href="/section/khyber-pakhtunkhwa">Khyber Pakhtunkhwa</a></li>
      <li><a href="/section/pakistan">Pakistan</a></li>
      <li><a href="/section/world">World</a></li>
      <li><a href="/section/business">Business</a></li>
      <li><a href="/section/sport">Sport</a></li>
      <li><a href="/section/opinion">Opinion</a></li>
    </ul>
  </nav>
</header>
""")

_FH_CHROME_BOTTOM = Template("""<aside class="sidebar">
  <div class="ad-slot ad-slot--mpu">Advertisement</div>
  <section class="most-read">
    <h3>Most Read</h3>
    <ol>
$most_read
    </ol>
  </section>
  <div class="newsletter">
    <h3>Morning Briefing</h3>
    <p>The day's top stories from Khyber Pakhtunkhwa, in your inbox at 7am.</p>
    <form action="/newsletter" method="post"><input type="email" name="email" placeholder="Email address">
    <button type="submit">Sign up</button></form>
  </div>
</aside>
<footer class="site-footer">
  <ul>
    <li><a href="/about">About us</a></li>
    <li><a href="/contact">Contact</a></li>
    <li><a href="/privacy-policy">Privacy policy</a></li>
    <li><a href="/terms">Terms of use</a></li>
    <li><a href="$feed_url">RSS</a></li>
  </ul>
  <p>&copy; 2026 The Frontier Herald, Peshawar. All rights reserved.</p>
</footer>
<script>
  document.querySelector('.cookie-consent__accept').addEventListener('click', function () {
    document.getElementById('cookie-consent').hidden = true;
  });
</script>
</body>
</html>
""")

_FH_ARTICLE = Template("""<main class="layout">
  <nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/section/$section_slug">$section</a></nav>
  <article class="story" id="story-$number">
    <header class="story__header">
      <h1 class="story__headline">$title</h1>
      <div class="story__meta">
        $byline<span class="story__date">Published $date_text</span>
      </div>
      <div class="share-bar" aria-label="Share this story">
        <button type="button" data-share="facebook">Facebook</button>
        <button type="button" data-share="x">X</button>
        <button type="button" data-share="whatsapp">WhatsApp</button>
        <button type="button" data-share="email">Email</button>
      </div>
    </header>
    <div class="story__body">
$paragraphs
    </div>
    <div class="story__footer">
      <p class="story__follow">Follow The Frontier Herald on WhatsApp for breaking news from the province.</p>
    </div>
  </article>
  <section class="related-stories">
    <h2>Related Stories</h2>
    <ul>
$related
    </ul>
  </section>
</main>
""")

_FH_HOME = Template("""<main class="layout">
  <h1 class="visually-hidden">Latest news</h1>
  <ul class="story-list">
$items
  </ul>
</main>
""")

_FH_LINK = Template('      <li><a href="$href">$title</a></li>')

_FH_RSS = Template("""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>The Frontier Herald - Latest News</title>
<link>$home</link>
<description>Latest news from Peshawar, Khyber Pakhtunkhwa and Pakistan</description>
<language>en-pk</language>
<copyright>Copyright 2026 The Frontier Herald</copyright>
<lastBuildDate>$build_date</lastBuildDate>
<ttl>15</ttl>
<atom:link href="$feed_url" rel="self" type="application/rss+xml"/>
$items
</channel>
</rss>
""")

_FH_RSS_ITEM = Template("""<item>
<title>$title</title>
<link>$link</link>
<guid isPermaLink="false">$guid</guid>
<pubDate>$pub_date</pubDate>
$creator<category>$section</category>
<description>$description</description>
</item>""")

_FH_ROBOTS = """User-agent: *
Disallow: /search
Disallow: /epaper/
Disallow: /newsletter

User-agent: GPTBot
Disallow: /
"""


def _render_frontier_herald(base: str, stories: list[DemoStory]) -> dict[str, Page]:
    feed_url = base + FEED_PATH
    most_read = _links(_most_read(stories), _FH_LINK)
    latest = _latest(stories)
    pages: dict[str, Page] = {}

    def chrome(story: DemoStory | None, main: str) -> str:
        top = _FH_CHROME_TOP.substitute(
            page_title=_e(f"{story.title} | The Frontier Herald" if story else "The Frontier Herald"),
            description=_e(_summary(story) if story else "Latest news from Khyber Pakhtunkhwa"),
            canonical=_e(story.url if story else base + "/"),
            feed_url=_e(feed_url),
            head_extra=(
                '<meta property="og:type" content="article">\n'
                f'<meta property="og:title" content="{_e(story.title)}">\n'
                f'<meta property="og:url" content="{_e(story.url)}">\n'
                '<meta property="og:site_name" content="The Frontier Herald">\n'
                f'<script type="application/ld+json">\n{_json_ld(story, "frontier-herald", base)}\n</script>'
                if story
                else ""
            ),
            body_class="page-article" if story else "page-home",
            today=_e(_long_date(story.published if story else latest)),
        )
        return top + main + _FH_CHROME_BOTTOM.substitute(most_read=most_read, feed_url=_e(feed_url))

    for story in stories:
        number = story.path.split("/")[2]
        byline = f'<span class="story__byline">By {_e(story.author)}</span> ' if story.author else ""
        dt = story.published
        main = _FH_ARTICLE.substitute(
            section_slug=_e(_section(story).lower()),
            section=_e(_section(story)),
            number=number,
            title=_e(story.title),
            byline=byline,
            date_text=_e(f"{dt:%B} {dt.day}, {dt:%Y %I:%M %p}"),
            paragraphs="\n".join(_paragraphs(story, "      ")),
            related=_links(_related(story, stories), _FH_LINK),
        )
        pages[story.path] = make_page(chrome(story, main), HTML_TYPE, story.published)

    pages["/"] = make_page(chrome(None, _FH_HOME.substitute(items=_links(stories, _FH_LINK))), HTML_TYPE, latest)
    items = []
    for story in stories:
        creator = f"<dc:creator>{_e(story.author)}</dc:creator>\n" if story.author else ""
        items.append(
            _FH_RSS_ITEM.substitute(
                title=_e(story.title),
                link=_e(f"{story.url}?{RSS_TRACKING}"),
                guid=_e(f"frontier-herald-{story.path.split('/')[2]}"),
                pub_date=format_datetime(story.published),
                creator=creator,
                section=_e(_section(story)),
                description=_e(_summary(story)),
            )
        )
    rss = _FH_RSS.substitute(
        home=_e(base + "/"), build_date=format_datetime(latest), feed_url=_e(feed_url), items="\n".join(items)
    )
    pages[FEED_PATH] = make_page(rss, RSS_TYPE, latest)
    pages["/robots.txt"] = make_page(_FH_ROBOTS, TEXT_TYPE, latest)
    return pages


# --- Quetta Times: Balochistan outlet, Atom, /story/<slug>.html, article:published_time meta -------

_QT_PAGE = Template("""<!doctype html>
<html lang="en-PK">
<head>
  <meta charset="utf-8">
  <title>$page_title</title>
  <meta name="viewport" content="width=device-width">
  <link rel="canonical" href="$canonical">
  <link rel="alternate" type="application/atom+xml" href="$atom_url" title="Quetta Times">
$head_extra
  <link rel="stylesheet" href="/assets/qt.css?v=31">
</head>
<body>
<div class="gdpr-bar" id="gdpr-bar">
  This website uses cookies. <a href="/cookies">Learn more</a>
  <a href="#" class="gdpr-bar__ok" onclick="document.getElementById('gdpr-bar').remove(); return false;">OK</a>
</div>
<div id="wrapper">
  <div id="header">
    <div class="logo"><a href="/">Quetta<span>Times</span></a></div>
    <div class="header-links"><a href="/about">About</a> <a href="/contact">Contact</a></div>
  </div>
  <ul id="menu">
    <li><a href="/">Home</a></li>
    <li><a href="/category/quetta">Quetta</a></li>
    <li><a href="/category/balochistan">Balochistan</a></li>
    <li><a href="/category/makran">Makran</a></li>
    <li><a href="/category/national">National</a></li>
    <li><a href="/category/editorial">Editorial</a></li>
    <li><a href="/category/sports">Sports</a></li>
  </ul>
  <div id="content">
$content
  </div>
  <div id="sidebar">
    <div class="widget trending">
      <h4>Trending</h4>
      <ul>
$trending
      </ul>
    </div>
    <div class="widget ad">Advertisement</div>
    <div class="widget follow"><h4>Follow us</h4><span>Facebook</span> <span>X</span> <span>YouTube</span></div>
  </div>
  <div id="footer">
    <p>Quetta Times &middot; Jinnah Road, Quetta &middot; <a href="/contact">Contact the newsroom</a></p>
    <p>Copyright &copy; 2026 Quetta Times. Reproduction without permission is prohibited.</p>
  </div>
</div>
</body>
</html>
""")

_QT_STORY = Template("""    <div class="post">
      <div class="post-category"><a href="/category/$section_slug">$section</a></div>
      <h1 class="post-title">$title</h1>
      <div class="post-info">
        $byline<time datetime="$iso">$date_text</time>
      </div>
      <div class="post-share">Share: <span>Facebook</span> <span>X</span> <span>WhatsApp</span></div>
      <div class="post-content" id="story-body">
$body
      </div>
      <div class="post-tags">Tags: <span>$section</span> <span>Security</span></div>
      <div class="post-related">
        <h3>You may also like</h3>
        <ul>
$related
        </ul>
      </div>
    </div>""")

_QT_ALSO_READ = Template('        <div class="also-read"><strong>Also read:</strong> <a href="$href">$title</a></div>')
_QT_LINK = Template('        <li><a href="$href">$title</a></li>')

_QT_ATOM = Template("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Quetta Times</title>
  <subtitle>News from Quetta and across Balochistan</subtitle>
  <link rel="self" type="application/atom+xml" href="$atom_url"/>
  <link rel="alternate" type="text/html" href="$home"/>
  <id>$feed_id</id>
  <updated>$updated</updated>
  <generator>QT Publisher 4.2</generator>
$entries
</feed>
""")

_QT_ATOM_ENTRY = Template("""  <entry>
    <title>$title</title>
    <link rel="alternate" type="text/html" href="$url"/>
    <id>$entry_id</id>
    <published>$iso</published>
    <updated>$iso</updated>
$author    <category term="$section"/>
    <summary>$summary</summary>
  </entry>""")

_QT_ROBOTS = """# Quetta Times
User-agent: *
Disallow: /admin/
Disallow: /wp-login.php
Allow: /
"""


def _render_quetta_times(base: str, stories: list[DemoStory]) -> dict[str, Page]:
    atom_url = base + ATOM_PATH
    trending = _links(_most_read(stories), _QT_LINK)
    latest = _latest(stories)
    pages: dict[str, Page] = {}

    for story in stories:
        related = _related(story, stories)
        body = _paragraphs(story, "        ")
        # An inline "Also read" box, as the outlet's CMS puts after the second paragraph.
        body.insert(2, _QT_ALSO_READ.substitute(href=_e(related[0].path), title=_e(related[0].title)))
        dt = story.published
        content = _QT_STORY.substitute(
            section_slug=_e(_section(story).lower()),
            section=_e(_section(story)),
            title=_e(story.title),
            byline=f'<span class="author">{_e(story.author)}</span> | ' if story.author else "",
            iso=dt.isoformat(),
            date_text=_e(f"{dt.day} {dt:%b %Y}, {_twelve_hour(dt)}"),
            body="\n".join(body),
            related=_links(related, _QT_LINK),
        )
        head_extra = "\n".join(
            [
                '  <meta property="og:type" content="article">',
                f'  <meta property="og:title" content="{_e(story.title)}">',
                f'  <meta property="og:description" content="{_e(_summary(story))}">',
                f'  <meta property="article:published_time" content="{dt.isoformat()}">',
                f'  <meta property="article:section" content="{_e(_section(story))}">',
                f'  <meta name="author" content="{_e(story.author)}">' if story.author else "",
            ]
        ).rstrip()
        html = _QT_PAGE.substitute(
            page_title=_e(f"{story.title} - Quetta Times"),
            canonical=_e(story.url),
            atom_url=_e(atom_url),
            head_extra=head_extra,
            content=content,
            trending=trending,
        )
        pages[story.path] = make_page(html, HTML_TYPE, dt)

    home_items = _links(stories, _QT_LINK)
    home = _QT_PAGE.substitute(
        page_title="Quetta Times - News from Balochistan",
        canonical=_e(base + "/"),
        atom_url=_e(atom_url),
        head_extra="",
        content=f'    <div class="post-list">\n      <ul>\n{home_items}\n      </ul>\n    </div>',
        trending=trending,
    )
    pages["/"] = make_page(home, HTML_TYPE, latest)
    entries = []
    for story in stories:
        author = f"    <author><name>{_e(story.author)}</name></author>\n" if story.author else ""
        entries.append(
            _QT_ATOM_ENTRY.substitute(
                title=_e(story.title),
                url=_e(story.url),
                # Entry ids must not change when the demo starts on another port.
                entry_id=uuid.uuid5(uuid.NAMESPACE_URL, f"quetta-times:{story.id}").urn,
                iso=story.published.isoformat(),
                author=author,
                section=_e(_section(story)),
                summary=_e(_summary(story)),
            )
        )
    atom = _QT_ATOM.substitute(
        atom_url=_e(atom_url),
        home=_e(base + "/"),
        feed_id=uuid.uuid5(uuid.NAMESPACE_URL, "quetta-times:feed").urn,
        updated=latest.isoformat(),
        entries="\n".join(entries),
    )
    pages[ATOM_PATH] = make_page(atom, ATOM_TYPE, latest)
    pages["/robots.txt"] = make_page(_QT_ROBOTS, TEXT_TYPE, latest)
    return pages


# --- Indus Wire: wire service, news sitemap and /latest/ listing, /wire/<yyyy>/<mm>/<slug> ----------

_IW_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>$page_title</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="$canonical">
$head_extra
<link rel="stylesheet" href="/css/wire.css">
</head>
<body>
<div class="consent" id="consent">
  <span>Indus Wire uses essential cookies only. Read our <a href="/legal/cookies">cookie notice</a>.</span>
  <button type="button" onclick="document.getElementById('consent').style.display='none'">Dismiss</button>
</div>
<header class="wire-header">
  <a class="wire-logo" href="/">INDUS WIRE</a>
  <span class="wire-tag">News agency &middot; Islamabad</span>
  <nav class="wire-nav">
    <a href="/latest/">Latest</a>
    <a href="/desk/national">National</a>
    <a href="/desk/provinces">Provinces</a>
    <a href="/desk/business">Business</a>
    <a href="/desk/world">World</a>
    <a href="/desk/sport">Sport</a>
    <a href="/subscribers">For subscribers</a>
  </nav>
</header>
<div class="wire-main">
$content
</div>
<footer class="wire-footer">
  <p>Indus Wire stories may be used by subscribing newspapers and broadcasters only.</p>
  <p><a href="/about">About</a> &middot; <a href="/legal/terms">Terms</a> &middot;
    <a href="/contact">Contact the desk</a></p>
  <p>&copy; 2026 Indus Wire. All rights reserved.</p>
</footer>
</body>
</html>
""")

_IW_STORY = Template("""<article class="wire-story">
  <div class="wire-slug">$section</div>
  <h1>$title</h1>
  <p class="wire-meta">$byline<time datetime="$iso">$date_text</time> | <span>Indus Wire</span></p>
  <div class="wire-share"><button type="button">Copy link</button> <button type="button">Print</button></div>
  <div class="wire-body">
$body
  </div>
  <p class="wire-end">-- IW --</p>
</article>
<aside class="wire-aside">
  <h2>Top stories</h2>
  <ul>
$top
  </ul>
  <h2>More from the wire</h2>
  <ul>
$related
  </ul>
</aside>""")

_IW_LISTING = Template("""<section class="wire-latest">
  <h1>Latest from the wire</h1>
  <ol class="wire-list">
$items
  </ol>
  <div class="sponsored">
    <span>Sponsored</span> <a href="$ad_url" rel="sponsored nofollow">Open a savings account in five minutes</a>
  </div>
  <p class="desk-only"><a href="$private_path">Desk roster (staff only)</a></p>
</section>""")

_IW_LIST_ITEM = Template(
    '    <li><a href="$href">$title</a> <time datetime="$iso">$date_text</time> <span>$section</span></li>'
)
_IW_LINK = Template('    <li><a href="$href">$title</a></li>')

_IW_PRIVATE = """<section class="wire-private">
  <h1>Desk roster</h1>
  <p>Internal page for Indus Wire staff. Not for publication.</p>
</section>"""

_IW_SITEMAP = Template("""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
$urls
</urlset>
""")

_IW_SITEMAP_URL = Template("""  <url>
    <loc>$url</loc>
    <lastmod>$iso</lastmod>
    <news:news>
      <news:publication>
        <news:name>Indus Wire</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>$iso</news:publication_date>
      <news:title>$title</news:title>
    </news:news>
  </url>""")

_IW_ROBOTS = Template("""User-agent: *
Disallow: /private/
Disallow: /subscribers

Sitemap: $sitemap_url
""")


def _iw_date(dt: datetime) -> str:
    return f"{dt:%Y-%m-%d %H:%M} PKT"


def _render_indus_wire(base: str, stories: list[DemoStory]) -> dict[str, Page]:
    latest = _latest(stories)
    top = _links(_most_read(stories), _IW_LINK)
    pages: dict[str, Page] = {}

    def page(title: str, canonical: str, content: str, head_extra: str = "") -> str:
        return _IW_PAGE.substitute(
            page_title=_e(title), canonical=_e(canonical), head_extra=head_extra, content=content
        )

    for story in stories:
        dt = story.published
        content = _IW_STORY.substitute(
            section=_e(_section(story).upper()),
            title=_e(story.title),
            byline=f'By <span class="wire-author">{_e(story.author)}</span> | ' if story.author else "",
            iso=dt.isoformat(),
            date_text=_e(_iw_date(dt)),
            body="\n".join(_paragraphs(story, "    ")),
            top=top,
            related=_links(_related(story, stories), _IW_LINK),
        )
        head_extra = "\n".join(
            [
                f'<meta name="description" content="{_e(_summary(story))}">',
                f'<meta property="article:published_time" content="{dt.isoformat()}">',
                f'<meta property="article:modified_time" content="{dt.isoformat()}">',
                f'<script type="application/ld+json">\n{_json_ld(story, "indus-wire", base)}\n</script>',
            ]
        )
        pages[story.path] = make_page(
            page(f"{story.title} | Indus Wire", story.url, content, head_extra), HTML_TYPE, dt
        )

    items = "\n".join(
        _IW_LIST_ITEM.substitute(
            href=_e(s.path),
            title=_e(s.title),
            iso=s.published.isoformat(),
            date_text=_e(_iw_date(s.published)),
            section=_e(_section(s)),
        )
        for s in stories
    )
    listing = _IW_LISTING.substitute(items=items, ad_url=_e(OFFSITE_AD_URL), private_path=_e(PRIVATE_PATH))
    pages[LISTING_PATH] = make_page(page("Latest | Indus Wire", base + LISTING_PATH, listing), HTML_TYPE, latest)
    home = _IW_LISTING.substitute(items=items, ad_url=_e(OFFSITE_AD_URL), private_path=_e(PRIVATE_PATH))
    pages["/"] = make_page(page("Indus Wire", base + "/", home), HTML_TYPE, latest)
    pages[PRIVATE_PATH] = make_page(
        page("Desk roster | Indus Wire", base + PRIVATE_PATH, _IW_PRIVATE), HTML_TYPE, latest
    )
    urls = "\n".join(
        _IW_SITEMAP_URL.substitute(url=_e(s.url), iso=s.published.isoformat(), title=_e(s.title)) for s in stories
    )
    pages[SITEMAP_PATH] = make_page(_IW_SITEMAP.substitute(urls=urls), XML_TYPE, latest)
    pages["/robots.txt"] = make_page(_IW_ROBOTS.substitute(sitemap_url=base + SITEMAP_PATH), TEXT_TYPE, latest)
    return pages
