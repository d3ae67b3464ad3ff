"""Generic extraction: trafilatura with explicit options, and the choice between its candidate extractions."""

from __future__ import annotations

import logging

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
from crawlers.metadata import guess_published, page_author, read_metadata
from crawlers.textnorm import squash, word_count

__all__ = ["choose_body", "extract_generic"]

log = logging.getLogger(__name__)

# Fewer words than this is a teaser, a paywall stub or an error page, not an article body.
MIN_BODY_WORDS = 5

# Candidate choice (see choose_body). trafilatura's own algorithm alone, with this many words or more,
# has found an article; below it the result may be a fragment, so its readability/jusText comparison
# and a recall-oriented pass are run as well.
SHORT_BODY_WORDS = 150
# A precise extraction shorter than this share of the recall-oriented one missed the article.
MISSED_BODY_SHARE = 0.2
# When readability/jusText fallbacks return more than this many times what trafilatura's own
# algorithm found, and that was already article-sized, the fallback has grabbed the whole page.
FALLBACK_BLOWUP = 3.0
ARTICLE_SIZED_WORDS = 100


def extract_generic(html: str, url: str) -> ExtractedArticle | None:
    """trafilatura with explicit options, a choice between its candidate extractions, and cleanup."""
    tree = _parse(html)
    if tree is None:
        return None
    body = choose_body(tree, url)
    if body is None:
        return None
    for paragraph in continuation_paragraphs(tree, body):
        etree.SubElement(body, "p").text = paragraph
    metadata = read_metadata(tree, url)
    clean_body(body, title=metadata.title, description=metadata.description)
    text = xmltotxt(body, include_formatting=False).strip()
    if word_count(text) < MIN_BODY_WORDS:
        return None
    # The costly metadata searches run last, and only for pages that are articles and need them.
    return ExtractedArticle(
        title=squash(metadata.title),
        text=text,
        published=metadata.published,
        author=page_author(tree, metadata),
        language=detect_language(text, declared_language(tree, metadata.meta)),
        published_guess=guess_published(tree, metadata),
    )


def _parse(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (ValueError, etree.LxmlError) as exc:
        log.info("unparseable HTML: %s", exc)
        return None


def _run_trafilatura(tree: HtmlElement, url: str, *, precision: bool, fast: bool = False) -> Document | None:
    """One trafilatura pass, body only; `tree` is left as it is (bare_extraction prunes a copy of it)."""
    try:
        result = bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_precision=precision,
            favor_recall=not precision,
            include_comments=False,  # reader comments are not the report
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,  # crawlers.metadata reads what we keep, more cheaply
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as exc:
        log.warning("trafilatura failed on %s: %s", url, exc)
        return None
    return result if isinstance(result, Document) and result.body is not None else None


def _words(doc: Document | None) -> int:
    return word_count(doc.text) if doc is not None else 0


def choose_body(tree: HtmlElement, url: str) -> etree._Element | None:
    """The article body among trafilatura's candidate extractions, running the costly ones only when needed.

    trafilatura's own algorithm, precision-oriented and without its readability/jusText fallbacks,
    runs first: when it finds an article-sized text, that is the body (the fallbacks could only
    replace it with something at least twice as long, which on news pages is the whole page).
    When it finds less, it may have latched onto a fragment: then the precise extraction with
    fallbacks and a recall-oriented one are run too, and the recall one wins when the precise one is a
    small part of it. A fallback result several times longer than an article-sized text of the
    algorithm's own has grabbed the whole page, and the algorithm's text is kept.
    """
    own = _run_trafilatura(tree, url, precision=True, fast=True)
    if _words(own) >= SHORT_BODY_WORDS:
        return own.body if own is not None else None
    precise = _run_trafilatura(tree, url, precision=True)
    if precise is None:
        return None
    broad = _run_trafilatura(tree, url, precision=False)
    if _words(precise) < MISSED_BODY_SHARE * _words(broad):
        return broad.body if broad is not None else None
    if own is not None and _words(own) >= ARTICLE_SIZED_WORDS and _words(precise) > FALLBACK_BLOWUP * _words(own):
        return own.body
    return precise.body
