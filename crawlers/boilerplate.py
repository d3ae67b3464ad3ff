"""Boilerplate cleanup of an extracted body: repeated headline, furniture lines, related-link lists, notices."""

from __future__ import annotations

from lxml import etree

from crawlers.boilerplate_patterns import load_boilerplate_patterns
from crawlers.textnorm import norm_words, word_count

__all__ = ["clean_body", "is_boilerplate"]

# The patterns (furniture lines, lead-ins to link lists, copyright notices) are data: data/boilerplate.yaml.


def _text_of(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def is_boilerplate(text: str) -> bool:
    """True for a short line that is page furniture (share/follow/newsletter prompts, cross-links)."""
    patterns = load_boilerplate_patterns()
    n = word_count(text)
    return 0 < n <= patterns.furniture_max_words and any(p.search(text) for p in patterns.furniture)


def _is_copyright(text: str) -> bool:
    patterns = load_boilerplate_patterns()
    return word_count(text) <= patterns.copyright_max_words and any(p.search(text) for p in patterns.copyright)


def _headline_blocks(blocks: list[etree._Element], title: str, description: str | None) -> set[int]:
    """The repeated headline and standfirst: news bodies should not start with them."""
    drop: set[int] = set()
    title_norm = norm_words(title)
    if title_norm:
        for i, el in enumerate(blocks):
            if el.tag in ("head", "p") and norm_words(_text_of(el)) == title_norm:
                drop.add(i)
                break
    desc_norm = norm_words(description)
    for i, el in enumerate(blocks[:4]):
        text = norm_words(_text_of(el))
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
        if el.tag in ("p", "head") and text and load_boilerplate_patterns().lead_in.match(text.strip(" :.")):
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
