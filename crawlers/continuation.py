"""Continuation paragraphs: the rest of a story that the page splits into several like-classed blocks."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawlers.textnorm import norm_words

__all__ = ["continuation_paragraphs"]

# Containers that hold page furniture rather than the story, by class/id or by tag.
_NOISE_ATTR = re.compile(
    r"author|byline|\bbio|caption|credit|related|share|social|newsletter|promo|advert|\bads?\b|"
    r"sponsor|comment|footer|sidebar|recirc|subscribe",
    re.IGNORECASE,
)
_NOISE_TAGS = {"figure", "figcaption", "aside", "footer", "nav", "form", "script", "style"}
# A paragraph this long is distinctive enough to find again in the page, and to be worth recovering.
_ANCHOR_MIN_WORDS = 10
# How far up from the anchor paragraph to look for the repeated block.
_SIBLING_LEVELS = 4


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
    paragraph in the page (`tree`, unpruned) and reading its like-classed later siblings
    recovers the rest. `body` is the extracted body; it is not changed.
    """
    seen: set[str] = set()
    first = None
    for element in body.iter("p"):
        text = norm_words("".join(element.itertext()))
        seen.add(text)
        if first is None and len(text.split()) >= _ANCHOR_MIN_WORDS:
            first = text
    if first is None:
        return []
    anchor = next((p for p in tree.iter("p") if norm_words(p.text_content()) == first), None)
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
            if len(text.split()) >= _ANCHOR_MIN_WORDS and norm_words(text) not in seen and not _is_noise(p, container):
                found.append(text)
                seen.add(norm_words(text))
    return found
