"""Generic extraction: trafilatura with explicit options, and the choice between its candidate extractions."""

from __future__ import annotations

import logging
from copy import deepcopy
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from crawlers.article import ExtractedArticle
from crawlers.boilerplate import clean_body
from crawlers.continuation import continuation_paragraphs
from crawlers.language import declared_language, detect_language
from crawlers.metadata import date_guess, json_ld_author, meta_values, published_time
from crawlers.textnorm import squash, word_count

__all__ = ["choose_body", "extract_generic"]

log = logging.getLogger(__name__)

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
    title = precise.title or meta_values(tree).get("og:title") or ""
    clean_body(body, title=title, description=precise.description)
    text = xmltotxt(body, include_formatting=False).strip()
    if word_count(text) < MIN_BODY_WORDS:
        return None
    return ExtractedArticle(
        title=squash(title),
        text=text,
        published=published_time(tree),
        author=precise.author or json_ld_author(tree),
        language=detect_language(text, declared_language(tree)),
        published_guess=date_guess(precise.date),
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
    return word_count(doc.text) if doc is not None else 0


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
