"""Parser for The Frontier Gazette (fictional), whose stories are cut into blocks between ad slots."""

# Why a dedicated parser: the story body is split into several <div class="story__text"> blocks
# with "Also read" boxes and ad slots between them, and the publication time exists only as a
# data attribute on the dateline, so generic extraction can stop after the first block and has no
# machine-readable date to find.

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from crawlers.article import ExtractedArticle
from crawlers.language import declared_language, detect_language
from crawlers.metadata import parse_datetime

_HEADLINE = '//h1[contains(concat(" ", normalize-space(@class), " "), " story__headline ")]'
_PARAGRAPHS = '//div[contains(concat(" ", normalize-space(@class), " "), " story__text ")]/p'
_DATELINE = '//*[@data-published][contains(concat(" ", normalize-space(@class), " "), " story__date ")]'
_AUTHOR = '//*[contains(concat(" ", normalize-space(@class), " "), " story__byline ")]//a[@rel="author"]'


def _squash(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def parse(html: str, url: str) -> ExtractedArticle | None:
    """Headline, body blocks in page order, dateline timestamp and bylined authors; None if the layout differs."""
    tree = load_html(html)
    if tree is None:
        return None
    headlines = tree.xpath(_HEADLINE)
    paragraphs = [text for p in tree.xpath(_PARAGRAPHS) if (text := _squash(p))]
    if not headlines or not paragraphs:
        return None
    text = "\n".join(paragraphs)
    datelines = tree.xpath(_DATELINE)
    authors = [name for a in tree.xpath(_AUTHOR) if (name := _squash(a))]
    return ExtractedArticle(
        title=_squash(headlines[0]),
        text=text,
        published=parse_datetime(datelines[0].get("data-published")) if datelines else None,
        author="; ".join(authors) or None,
        language=detect_language(text, declared_language(tree)),
    )
