"""Per-publisher parsers: registry lookup and golden files (saved page + expected JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.extract import ExtractedArticle, extract_article
from crawlers.publishers import PUBLISHERS, parser_for

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "publishers"
GOLDEN = sorted(FIXTURES.glob("*/*.json"))


def _as_json(article: ExtractedArticle) -> dict[str, object]:
    return {
        "title": article.title,
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "language": article.language,
    }


def test_every_registered_publisher_has_a_golden_file() -> None:
    assert {path.parent.name for path in GOLDEN} >= set(PUBLISHERS.values())


@pytest.mark.parametrize("expected_path", GOLDEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_file(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    html = expected_path.with_suffix(".html").read_text(encoding="utf-8")
    parser = parser_for(expected["url"])
    assert parser is not None
    article = parser(html, expected["url"])
    assert article is not None
    assert _as_json(article) == {k: v for k, v in expected.items() if k != "url"}
    # extract_article consults the registry first, so the pipeline gets the same result
    assert extract_article(html.encode("utf-8"), expected["url"]) == article


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://frontiergazette.example/a", True),
        ("https://www.frontiergazette.example/khyber/1", True),
        ("http://m.frontiergazette.example:8080/x", True),
        ("https://notfrontiergazette.example/a", False),
        ("https://frontiergazette.example.evil.test/a", False),
        ("https://ledger.example/news/1", False),
        ("not a url", False),
        ("", False),
    ],
)
def test_parser_for_matches_host_and_subdomains(url: str, found: bool) -> None:
    assert (parser_for(url) is not None) is found


def test_unknown_layout_falls_back_to_generic_extraction() -> None:
    page = (Path(__file__).resolve().parent.parent / "fixtures" / "extract" / "news_page.html").read_bytes()
    url = "https://frontiergazette.example/redesigned/1"
    parser = parser_for(url)
    assert parser is not None
    assert parser(page.decode("utf-8"), url) is None
    article = extract_article(page, url)
    assert article is not None
    assert article.text.startswith("PARACHINAR: Six people")
