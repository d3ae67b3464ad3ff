"""Article extraction: title, body text, date, author and language from one news page."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from crawlers.encoding import decode_html

__all__ = [
    "MAX_HTML_BYTES",
    "ExtractedArticle",
    "PublisherParser",
    "declared_language",
    "decode_html",
    "detect_language",
    "extract_article",
    "extract_generic",
    "parse_datetime",
]

log = logging.getLogger(__name__)

# Real article pages are well under 1 MB of HTML; anything five times that is a feed dump, an
# endless comment page or hostile, and parsing it would cost seconds for nothing.
MAX_HTML_BYTES = 5_000_000
# Fewer words than this is a teaser, a paywall stub or an error page, not an article body.
MIN_BODY_WORDS = 5

# Candidate choice (see choose_body): below this many words the precise extraction may have
# latched onto a fragment, so a recall-oriented pass is also tried.
SHORT_BODY_WORDS = 150
# A precise extraction shorter than this share of the recall-oriented one missed the article.
MISSED_BODY_SHARE = 0.2
# When readability/jusText fallbacks return more than this many times what trafilatura's own
# algorithm found, and that was already article-sized, the fallback has grabbed the whole page.
FALLBACK_BLOWUP = 3.0
ARTICLE_SIZED_WORDS = 100

# htmldate: the original publication date, not the last-modified one, searching the whole page.
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": True}

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """What the pipeline keeps of a fetched article page."""

    title: str
    text: str
    published: datetime | None  # from the page's structured metadata; timezone-aware when the page says so
    author: str | None
    language: str | None  # ISO 639-1, e.g. "en", "ur"
    # htmldate's guess from the page's text and URL, for pages without structured metadata. Neither date is
    # checked for plausibility here: the crawler picks the first trusted one (crawlers.dates) and counts the rest.
    published_guess: datetime | None = None


# A per-publisher parser: (decoded HTML, URL) -> article, or None to fall back to the generic path.
PublisherParser = Callable[[str, str], ExtractedArticle | None]


# ------------------------------------------------------------------------------------------ entry points


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

    # Imported here: publisher modules import ExtractedArticle from this module.
    from crawlers.publishers import parser_for

    parser = parser_for(url)
    if parser is not None:
        article = parser(text, url)
        if article is not None:
            return article
        log.info("publisher parser found nothing on %s; trying the generic extractor", url)
    return extract_generic(text, url)


def extract_generic(html: str, url: str) -> ExtractedArticle | None:
    """trafilatura with explicit options, a choice between its candidate extractions, and cleanup."""
    tree = _parse(html)
    if tree is None:
        return None
    precise = _run_trafilatura(tree, url, precision=True, with_metadata=True)
    if precise is None:
        return None
    body = choose_body(tree, url, precise)
    if body is None:
        return None
    body = deepcopy(body)
    for paragraph in continuation_paragraphs(tree, body):
        etree.SubElement(body, "p").text = paragraph
    title = precise.title or _meta_values(tree).get("og:title") or ""
    clean_body(body, title=title, description=precise.description)
    text = xmltotxt(body, include_formatting=False).strip()
    if len(_WORD.findall(text)) < MIN_BODY_WORDS:
        return None
    return ExtractedArticle(
        title=_squash(title),
        text=text,
        published=published_time(tree),
        author=precise.author or json_ld_author(tree),
        language=detect_language(text, declared_language(tree)),
        published_guess=_date_guess(precise.date),
    )


def _parse(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (ValueError, etree.LxmlError) as exc:
        log.info("unparseable HTML: %s", exc)
        return None


def _run_trafilatura(
    tree: HtmlElement, url: str, *, precision: bool, fast: bool = False, with_metadata: bool = False
) -> Document | None:
    """One trafilatura pass on a copy of the tree (it prunes the tree it is given)."""
    try:
        result = bare_extraction(
            deepcopy(tree),
            url=url,
            fast=fast,
            favor_precision=precision,
            favor_recall=not precision,
            include_comments=False,  # reader comments are not the report
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=with_metadata,
            date_extraction_params=DATE_PARAMS if with_metadata else None,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as exc:
        log.warning("trafilatura failed on %s: %s", url, exc)
        return None
    return result if isinstance(result, Document) and result.body is not None else None


def _words(doc: Document | None) -> int:
    return len(_WORD.findall(doc.text or "")) if doc is not None else 0


def choose_body(tree: HtmlElement, url: str, precise: Document) -> etree._Element | None:
    """Pick among trafilatura's precision, recall and no-fallback extractions by their lengths.

    Precision-oriented extraction is the best default on news pages. It fails in two visible ways:
    it keeps only a fragment (then the recall-oriented pass is several times longer), or its
    readability/jusText fallback takes over and returns the whole page (then trafilatura's own
    algorithm alone gives an article-sized text several times shorter).
    """
    chosen = precise
    if _words(precise) < SHORT_BODY_WORDS:
        broad = _run_trafilatura(tree, url, precision=False)
        if _words(precise) < MISSED_BODY_SHARE * _words(broad):
            return broad.body if broad is not None else None
    own = _run_trafilatura(tree, url, precision=True, fast=True)
    if _words(own) >= ARTICLE_SIZED_WORDS and _words(precise) > FALLBACK_BLOWUP * _words(own):
        chosen = own or precise
    return chosen.body


# ------------------------------------------------------------------------------------ split articles

# Containers that hold page furniture rather than the story, by class/id or by tag.
_NOISE_ATTR = re.compile(
    r"author|byline|\bbio|caption|credit|related|share|social|newsletter|promo|advert|\bads?\b|"
    r"sponsor|comment|footer|sidebar|recirc|subscribe",
    re.IGNORECASE,
)
_NOISE_TAGS = {"figure", "figcaption", "aside", "footer", "nav", "form", "script", "style"}
_ANCHOR_MIN_WORDS = 10
_SIBLING_LEVELS = 4


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def _is_noise(element: HtmlElement, stop: HtmlElement) -> bool:
    node: HtmlElement | None = element
    while node is not None and node is not stop:
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in _NOISE_TAGS or _NOISE_ATTR.search(attrs):
            return True
        node = node.getparent()
    return False


def continuation_paragraphs(tree: HtmlElement, body: etree._Element) -> list[str]:
    """Paragraphs of the same story that sit in sibling containers trafilatura did not take.

    Some sites cut one article into several identical blocks (same tag and class) separated by
    ads or embeds; trafilatura keeps the first. Finding the container of the first extracted
    paragraph in the page and reading its like-classed later siblings recovers the rest.
    """
    seen: set[str] = set()
    first = None
    for element in body.iter("p"):
        text = _norm("".join(element.itertext()))
        seen.add(text)
        if first is None and len(text.split()) >= _ANCHOR_MIN_WORDS:
            first = text
    if first is None:
        return []
    anchor = next((p for p in tree.iter("p") if _norm(p.text_content()) == first), None)
    node = anchor
    for _ in range(_SIBLING_LEVELS):
        if node is None or node.getparent() is None:
            return []
        css = node.get("class")
        if css:
            twins = [s for s in node.itersiblings() if s.tag == node.tag and s.get("class") == css]
            if twins:
                return _new_paragraphs(twins, seen)
        node = node.getparent()
    return []


def _new_paragraphs(containers: list[HtmlElement], seen: set[str]) -> list[str]:
    found = []
    for container in containers:
        for p in container.iter("p"):
            text = " ".join(p.text_content().split())
            if len(text.split()) >= _ANCHOR_MIN_WORDS and _norm(text) not in seen and not _is_noise(p, container):
                found.append(text)
                seen.add(_norm(text))
    return found


# ---------------------------------------------------------------------------------------- boilerplate

# Lines that are page furniture on news sites in any template: cross-links, social and newsletter
# prompts, comment widgets. Only short blocks are tested, so a sentence of reporting that happens
# to contain "newsletter" or "follow" is never dropped.
_BOILERPLATE_MAX_WORDS = 40
_BOILERPLATE = [
    re.compile(r"^(read|see|watch|listen|click)\s+(more|also|next|here)\b\s*[:>\-–—|]", re.IGNORECASE),
    re.compile(
        r"^(related|recommended|also on|also read|more from|more on|don'?t miss|must read)\b.{0,3}[:>\-–—|]",
        re.IGNORECASE,
    ),
    re.compile(r"^also on [\w.-]+\.[a-z]{2,}\b", re.IGNORECASE),
    re.compile(
        r"\b(follow|find)\s+(us|me|him|her|them)\s+on\s+(twitter|facebook|instagram|linkedin|youtube|"
        r"telegram|whatsapp|x)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^follow\b.{0,60}\bon (twitter|facebook|instagram|linkedin|youtube|telegram|whatsapp)\b", re.I),
    re.compile(r"\b(like|enjoy(ed)?) this (story|article)\b.{0,20}\bshare\b", re.IGNORECASE),
    re.compile(r"^share (this|on|via)\b", re.IGNORECASE),
    re.compile(
        r"\b(sign up|subscribe|register)\b.{0,60}\b(newsletter|inbox)\b|"
        r"\b(newsletter|inbox)\b.{0,60}\b(sign up|subscribe)\b|\bin your inbox\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bclick here\b", re.IGNORECASE),
    re.compile(r"^(filed under|tagged( with)?|tags|categor(y|ies)|posted in|topics)\s*:", re.IGNORECASE),
    re.compile(
        r"^(advertisement|sponsored|story continues below|continue reading|scroll (down )?to continue|"
        r"tell us what you think|leave a (comment|reply)|comments?)\W*$",
        re.IGNORECASE,
    ),
]
# A heading-like line introducing a block of links to other stories.
_LEAD_IN = re.compile(
    r"^(related( articles?| stories| content| coverage| posts?| news| reading)?|read (more|also|next)|"
    r"see (more|also)|more (from|on|stories|news)\b.*|also (read|see|on\b.*)|"
    r"you (may|might) (also )?(like|be interested in)|recommended( for you)?|most (read|popular|viewed)|"
    r"trending( now)?|don'?t miss|must read|top stories|latest( news)?|tags?|topics?|"
    r"share( this( article| story)?)?|follow us)\s*:?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_COPYRIGHT_MAX_WORDS = 25


def _text_of(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def is_boilerplate(text: str) -> bool:
    """True for a short line that is page furniture (share/follow/newsletter prompts, cross-links)."""
    n = len(_WORD.findall(text))
    return 0 < n <= _BOILERPLATE_MAX_WORDS and any(p.search(text) for p in _BOILERPLATE)


def _is_copyright(text: str) -> bool:
    return len(_WORD.findall(text)) <= _COPYRIGHT_MAX_WORDS and bool(_COPYRIGHT.search(text))


def _headline_blocks(blocks: list[etree._Element], title: str, description: str | None) -> set[int]:
    """The repeated headline and standfirst: news bodies should not start with them."""
    drop: set[int] = set()
    title_norm = _norm(title)
    if title_norm:
        for i, el in enumerate(blocks):
            if el.tag in ("head", "p") and _norm(_text_of(el)) == title_norm:
                drop.add(i)
                break
    desc_norm = _norm(description)
    for i, el in enumerate(blocks[:4]):
        text = _norm(_text_of(el))
        if desc_norm and el.tag == "head" and text and desc_norm.startswith(text):
            drop.add(i)
    # Headings before the first paragraph are the page's headline block, not section titles.
    for i, el in enumerate(blocks):
        if el.tag == "head":
            drop.add(i)
        elif _text_of(el):
            break
    return drop


def _furniture_blocks(blocks: list[etree._Element]) -> set[int]:
    """Boilerplate lines, and link lists introduced by a lead-in like "Related" or "Read more"."""
    drop: set[int] = set()
    for i, el in enumerate(blocks):
        text = _text_of(el)
        if el.tag in ("p", "head", "quote") and is_boilerplate(text):
            drop.add(i)
        elif el.tag == "list":
            for item in list(el):
                if is_boilerplate(_text_of(item)):
                    el.remove(item)
            if not len(el):
                drop.add(i)
        if el.tag in ("p", "head") and text and _LEAD_IN.match(text.strip(" :.")):
            drop.add(i)
            j = i + 1
            while j < len(blocks) and blocks[j].tag == "list":
                drop.add(j)
                j += 1
    return drop


def _trailing_blocks(blocks: list[etree._Element], dropped: set[int]) -> set[int]:
    """Headings with no text after them, and copyright notices, at the end: links to other stories."""
    drop: set[int] = set()
    for i in range(len(blocks) - 1, -1, -1):
        el = blocks[i]
        text = _text_of(el)
        if i in dropped or not text:
            continue
        if el.tag == "head" or _is_copyright(text):
            drop.add(i)
            continue
        break
    return drop


def clean_body(body: etree._Element, *, title: str, description: str | None = None) -> None:
    """Remove headline repeats, furniture lines, related-link lists and trailing notices, in place."""
    blocks = list(body)
    drop = _headline_blocks(blocks, title, description) | _furniture_blocks(blocks)
    drop |= _trailing_blocks(blocks, drop)
    for i in sorted(drop, reverse=True):
        _remove_keeping_tail(body, blocks[i])


def _remove_keeping_tail(parent: etree._Element, element: etree._Element) -> None:
    # Loose text after a removed block belongs to the body, not to the block.
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# ------------------------------------------------------------------------------------------- metadata

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


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """<meta> contents keyed by lower-cased property/name/itemprop/http-equiv; the first one wins."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
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


def _is_article(obj: dict[str, Any]) -> bool:
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


def _date_guess(value: str | None) -> datetime | None:
    """htmldate's date, unless it is only a year: its last resort is the copyright line, given as 1 January."""
    parsed = parse_datetime(value)
    if parsed is None or (parsed.month, parsed.day) == (1, 1):
        return None
    return parsed


def published_time(tree: HtmlElement) -> datetime | None:
    """Publication time from article:published_time-style meta tags or JSON-LD datePublished."""
    meta = _meta_values(tree)
    for key in _PUBLISHED_META[:2]:
        if parsed := parse_datetime(meta.get(key)):
            return parsed
    objects = list(_json_ld_objects(tree))
    for obj in sorted(objects, key=lambda o: not _is_article(o)):
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
    for obj in _json_ld_objects(tree):
        if _is_article(obj):
            names = [n.strip() for n in _person_names(obj.get("author")) if n.strip() and "://" not in n]
            if names:
                return "; ".join(dict.fromkeys(names))
    return None


# ------------------------------------------------------------------------------------------- language

_LANG_TAG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d3]")  # ٹ ڈ ڑ ں ھ ہ ے ۓ
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_SCRIPT_LANGS = {"ur", "ar", "fa", "ps", "sd", "ks", "ug"}
# The commonest English function words: a quarter of running English text, rare in other languages.
_ENGLISH_WORDS = frozenset(
    {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at"}
    | {"from", "it", "he", "said", "his", "are", "be", "has", "have", "were", "an"}
)
_ENGLISH_SHARE = 0.15
_SCRIPT_SAMPLE = 5000


def declared_language(tree: HtmlElement) -> str | None:
    """The two-letter language the page declares (html lang, Content-Language, og:locale)."""
    meta = _meta_values(tree)
    for value in (tree.get("lang"), tree.get("xml:lang"), meta.get("content-language"), meta.get("og:locale")):
        match = _LANG_TAG.match((value or "").strip().split(",")[0])
        if match:
            return match.group(1).lower()
    return None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code from the text's script, checked against what the page declares.

    Cheap on purpose: the sources are English and Urdu, and templates often declare "en" on
    Urdu pages, so the script decides and the declaration only refines it.
    """
    sample = text[:_SCRIPT_SAMPLE]
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    devanagari = len(_DEVANAGARI.findall(sample))
    letters = arabic + latin + devanagari
    if not letters:
        return declared
    if arabic / letters > 0.5:
        if declared in _ARABIC_SCRIPT_LANGS:
            return declared
        return "ur" if _URDU_LETTERS.search(sample) else "ar"
    if devanagari / letters > 0.5:
        return declared if declared in {"hi", "mr", "ne"} else "hi"
    if latin / letters > 0.5:
        if declared and declared not in _ARABIC_SCRIPT_LANGS:
            return declared
        words = [w.lower() for w in _WORD.findall(sample)]
        if words and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= _ENGLISH_SHARE:
            return "en"
        return None
    return declared


def _squash(text: str) -> str:
    return " ".join(text.split())
