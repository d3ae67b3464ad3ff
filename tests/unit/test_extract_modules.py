"""The extraction modules one by one: import direction, metadata, continuation paragraphs, language."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from crawlers import generic
from crawlers.continuation import continuation_paragraphs
from crawlers.extract import extract_article
from crawlers.language import declared_language
from crawlers.metadata import date_guess, page_author, read_metadata
from crawlers.textnorm import word_count

REPO = Path(__file__).resolve().parents[2]
PKT = timezone(timedelta(hours=5))


def _modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(m for m in sys.modules if m.startswith('crawlers')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def test_publisher_parsers_do_not_import_the_extractor_that_calls_them() -> None:
    # The record lives in crawlers.article, so a publisher module loads without the generic extractor:
    # no import cycle between crawlers.extract and crawlers.publishers.
    loaded = _modules_loaded_by("import crawlers.publishers.frontier_gazette")
    assert "crawlers.publishers.frontier_gazette" in loaded
    assert not loaded & {"crawlers.extract", "crawlers.generic"}


def test_the_record_module_imports_nothing_of_ours() -> None:
    assert _modules_loaded_by("import crawlers.article") == {"crawlers", "crawlers.article"}


# ------------------------------------------------------------------------------------------ metadata

STORY = " ".join(
    f"Sentence {i} of the report says the attack on the checkpost near Parachinar killed several people."
    for i in range(30)
)


def _page(body: str, head: str = "", lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def _tree(html: str) -> HtmlElement:
    tree = load_html(html)
    assert tree is not None
    return tree


def test_read_metadata_takes_title_description_and_author_from_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Blast in Quetta">'
        '<meta name="description" content="A bomb exploded near the assembly.">'
        '<meta name="author" content="Sana Gul">'
        '<meta property="article:published_time" content="2025-03-04T09:15:00+05:00">'
        '<link rel="canonical" href="https://x.example/news/1">'
    )
    metadata = read_metadata(
        _tree(_page(f"<h1>Other headline</h1><p>{STORY}</p>", head)), "https://x.example/news/1?ref=rss"
    )
    assert metadata.title == "Blast in Quetta"
    assert metadata.description == "A bomb exploded near the assembly."
    assert metadata.author == "Sana Gul"
    assert metadata.published == datetime(2025, 3, 4, 9, 15, tzinfo=PKT)
    assert metadata.url == "https://x.example/news/1"


def test_read_metadata_falls_back_to_the_headline_and_drops_one_word_authors() -> None:
    metadata = read_metadata(
        _tree(_page(f"<h1>Blast in Quetta</h1><p>{STORY}</p>", '<meta name="author" content="Desk">')), ""
    )
    assert metadata.title == "Blast in Quetta"
    assert metadata.author is None
    assert metadata.published is None


def test_page_author_prefers_a_byline_to_a_json_ld_organisation() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Ledger"}}</script>'
    )
    byline = '<p class="byline">By <a rel="author" href="/a/ayesha">Ayesha Khan</a></p>'
    with_byline = _tree(_page(f"<h1>Blast</h1>{byline}<p>{STORY}</p>", ld))
    assert page_author(with_byline, read_metadata(with_byline, "")) == "Ayesha Khan"
    without = _tree(_page(f"<h1>Blast</h1><p>{STORY}</p>", ld))
    assert page_author(without, read_metadata(without, "")) == "Ledger"


@pytest.mark.parametrize(
    ("structured", "expected_guess"),
    [
        ("2025-03-04T09:15:00+05:00", None),  # trusted page date: it wins, no whole-page search
        ("1970-01-01T00:00:00Z", datetime(2025, 3, 12)),  # implausible page date: the guess is needed
        (None, datetime(2025, 3, 12)),
    ],
)
def test_htmldate_guesses_only_without_a_trusted_structured_date(
    structured: str | None, expected_guess: datetime | None
) -> None:
    head = f'<meta property="article:published_time" content="{structured}">' if structured else ""
    html = _page(f'<h1>Blast</h1><p class="date">Published: 12 March 2025</p><p>{STORY}</p>', head)
    article = extract_article(html, "https://x.example/news/story")
    assert article is not None
    assert article.published_guess == expected_guess


def test_a_bare_year_is_no_guess() -> None:
    assert date_guess("2019-01-01") is None
    assert date_guess("2019-11-18") == datetime(2019, 11, 18)
    assert date_guess(None) is None


def test_declared_language() -> None:
    assert declared_language(_tree(_page("<p>x</p><p>y</p>", lang="en-PK"))) == "en"
    urdu_locale = _page("<p>x</p><p>y</p>", '<meta property="og:locale" content="ur_PK">', lang="")
    assert declared_language(_tree(urdu_locale)) == "ur"
    assert declared_language(_tree(_page("<p>x</p><p>y</p>", lang="")), meta={}) is None


# ------------------------------------------------------------------------------------- continuation

PARAGRAPHS = [
    f"Paragraph {i} of the story describes the attack on the convoy and what officials said afterwards."
    for i in range(6)
]


def test_continuation_paragraphs_come_from_like_classed_sibling_blocks() -> None:
    blocks = (
        f'<div class="story__text"><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div>'
        '<div class="ad-slot"><p>Buy the new phone today, the best offer of the season for every reader.</p></div>'
        f'<div class="story__text"><p>{PARAGRAPHS[2]}</p>'
        '<div class="share-box"><p>Share this story with your friends and family on every network today.</p>'
        "</div></div>"
        f'<div class="story__text"><p>{PARAGRAPHS[3]}</p><p>Too short.</p></div>'
    )
    tree = _tree(_page(f"<article>{blocks}</article>"))
    body = etree.fromstring(f"<body><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></body>")
    assert continuation_paragraphs(tree, body) == [PARAGRAPHS[2], PARAGRAPHS[3]]
    assert len(body) == 2  # the extracted body is read, not changed


def test_no_continuation_without_like_classed_siblings() -> None:
    tree = _tree(_page(f'<div class="a"><p>{PARAGRAPHS[0]}</p></div><div class="b"><p>{PARAGRAPHS[1]}</p></div>'))
    body = etree.fromstring(f"<body><p>{PARAGRAPHS[0]}</p></body>")
    assert continuation_paragraphs(tree, body) == []


# ---------------------------------------------------------------------------------- generic extraction


@pytest.fixture
def trafilatura_passes(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """The options of every trafilatura pass that crawlers.generic runs."""
    passes: list[dict[str, object]] = []

    def recording(*args: Any, **kwargs: Any) -> object:
        passes.append(kwargs)
        return bare_extraction(*args, **kwargs)

    monkeypatch.setattr(generic, "bare_extraction", recording)
    return passes


def test_an_article_sized_first_pass_is_the_only_pass(trafilatura_passes: list[dict[str, object]]) -> None:
    article = extract_article(
        _page(f"<article><h1>Blast</h1><p>{STORY}</p><p>{STORY}</p></article>"), "https://x.example/1"
    )
    assert article is not None
    assert word_count(article.text) >= generic.SHORT_BODY_WORDS
    assert [(p["fast"], p["favor_precision"]) for p in trafilatura_passes] == [(True, True)]
    assert all(p["with_metadata"] is False for p in trafilatura_passes)


def test_a_short_first_pass_brings_in_the_fallbacks_and_the_recall_pass(
    trafilatura_passes: list[dict[str, object]],
) -> None:
    article = extract_article(_page(f"<article><h1>Blast</h1><p>{STORY[:400]}</p></article>"), "https://x.example/2")
    assert article is not None
    assert word_count(article.text) < generic.SHORT_BODY_WORDS
    modes = [(p["fast"], p["favor_precision"], p["favor_recall"]) for p in trafilatura_passes]
    assert modes == [(True, True, False), (False, True, False), (False, False, True)]
