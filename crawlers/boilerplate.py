"""Boilerplate cleanup of an extracted body: repeated headline, furniture lines, related-link lists, notices."""

from __future__ import annotations

import re

from lxml import etree

from crawlers.textnorm import WORD, norm_words

__all__ = ["clean_body", "is_boilerplate"]

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
    n = len(WORD.findall(text))
    return 0 < n <= _BOILERPLATE_MAX_WORDS and any(p.search(text) for p in _BOILERPLATE)


def _is_copyright(text: str) -> bool:
    return len(WORD.findall(text)) <= _COPYRIGHT_MAX_WORDS and bool(_COPYRIGHT.search(text))


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
