"""Decoding, generic extraction, metadata and junk input of crawlers.extract."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from crawlers.extract import (
    ExtractedArticle,
    clean_body,
    decode_html,
    detect_language,
    extract_article,
    is_boilerplate,
    parse_datetime,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extract"
PKT = timezone(timedelta(hours=5))

WESTERN = "Café au lait – naïve “quotes” in Zürich; the smörgåsbord costs 5€."
URDU = "کرم میں چیک پوسٹ پر حملے میں چھ افراد جاں بحق ہو گئے، پولیس نے علاقے کو گھیرے میں لے لیا۔"


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


# ----------------------------------------------------------------------------------------- decoding


def test_windows_1252_bytes_under_a_wrong_utf8_header() -> None:
    raw = _page(f"<p>{WESTERN}</p>").encode("cp1252")
    assert WESTERN in decode_html(raw, header_charset="utf-8")


@pytest.mark.parametrize(("text", "charset"), [(WESTERN, "windows-1252"), ("پاکستان کا بجٹ اور حملہ", "windows-1256")])
def test_meta_charset_is_used_when_there_is_no_header(text: str, charset: str) -> None:
    raw = _page(f"<p>{text}</p>", head=f'<meta charset="{charset}">').encode(charset)
    assert text in decode_html(raw)


def test_meta_http_equiv_beats_a_wrong_header() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    raw = _page(f"<p>{WESTERN.replace('€', 'EUR')}</p>", head=head).encode("cp1252")
    assert "naïve “quotes” in Zürich" in decode_html(raw, header_charset="shift_jis")


def test_valid_utf8_wins_over_a_wrong_meta_charset() -> None:
    raw = _page(f"<p>{URDU}</p>", head='<meta charset="iso-8859-1">').encode("utf-8")
    assert URDU in decode_html(raw, header_charset="iso-8859-1")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_decides(codec: str) -> None:
    text = decode_html(_page(f"<p>{URDU}</p>").encode(codec), header_charset="cp1252")
    assert text.startswith("<html>")
    assert URDU in text


def test_urdu_utf8_round_trips() -> None:
    assert decode_html(URDU.encode("utf-8")) == URDU


def test_decoding_never_raises() -> None:
    garbage = random.Random(7).randbytes(20_000)
    assert isinstance(decode_html(garbage, header_charset="no-such-charset"), str)
    assert decode_html(b"") == ""


# --------------------------------------------------------------------------------------- extraction


@pytest.fixture(scope="module")
def news_article() -> ExtractedArticle:
    raw = (FIXTURES / "news_page.html").read_bytes()
    article = extract_article(raw, "https://ledger.example/news/2202", header_charset="utf-8")
    assert article is not None
    return article


def test_news_page_title_and_metadata(news_article: ExtractedArticle) -> None:
    assert news_article.title == "Six killed as gunmen attack checkpost in Kurram"
    assert news_article.published == datetime(2025, 3, 4, 9, 15, tzinfo=PKT)
    assert news_article.published.utcoffset() == timedelta(hours=5)
    assert news_article.author == "Ayesha Khan"
    assert news_article.language == "en"


def test_news_page_body_is_the_story_only(news_article: ExtractedArticle) -> None:
    text = news_article.text
    assert text.startswith("PARACHINAR: Six people, including four policemen, were killed")
    assert text.endswith("shortages of food and medicine in the district.")
    assert len(text.splitlines()) == 6
    for furniture in (
        "Six killed as gunmen",  # the headline is not part of the body
        "Petrol price",  # ticker
        "Business",  # navigation
        "Share on Facebook",
        "Read more",
        "newsletter",
        "Curfew lifted",  # related stories
        "Rupee gains",  # most read
        "All rights reserved",
        "Privacy policy",
    ):
        assert furniture not in text


def test_urdu_page_is_detected_as_urdu_even_when_declared_english() -> None:
    body = "".join(f"<p>{URDU} {i}</p>" for i in range(12))
    html = f'<html lang="en"><head><title>کرم میں حملہ</title></head><body><article>{body}</article></body></html>'
    article = extract_article(html.encode("utf-8"), "https://urdu.example/news/1")
    assert article is not None
    assert URDU in article.text
    assert article.language == "ur"


def test_publication_date_prefers_json_ld_over_visible_dates() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        '"datePublished": "2024-12-30T22:05:00+05:00", "author": [{"@type": "Person", "name": "Sana Gul"}]}'
        "</script>"
    )
    paragraphs = "".join(
        f"<p>Paragraph {i} of a report filed on 2 January 2025 about a blast in Quetta that wounded "
        f"several people near the provincial assembly building.</p>"
        for i in range(6)
    )
    article = extract_article(_page(f"<article>{paragraphs}</article>", head=ld), "https://x.example/a")
    assert article is not None
    assert article.published == datetime(2024, 12, 30, 22, 5, tzinfo=PKT)
    assert article.author is not None and "Sana Gul" in article.author


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-04T09:15:00Z", datetime(2025, 3, 4, 9, 15, tzinfo=UTC)),
        ("2025-03-04T09:15:00+0500", datetime(2025, 3, 4, 9, 15, tzinfo=PKT)),
        ("Tue, 04 Mar 2025 09:15:00 +0500", datetime(2025, 3, 4, 9, 15, tzinfo=PKT)),
        ("2025-03-04", datetime(2025, 3, 4)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_datetime(value: str | None, expected: datetime | None) -> None:
    assert parse_datetime(value) == expected


def test_language_heuristic() -> None:
    assert detect_language(URDU) == "ur"
    assert detect_language("The police said that the attack was carried out by two men on a motorcycle.") == "en"
    assert detect_language("A polícia disse que o ataque foi feito por dois homens.") is None
    assert detect_language("A polícia disse que o ataque foi feito por dois homens.", "pt") == "pt"
    assert detect_language("12345 ---", "en") == "en"


# ---------------------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Security tightened on the motorway",
        "Follow us on Twitter for the latest updates.",
        "Like this story? Share it with a friend!",
        "Sign up for our morning newsletter.",
        "Get the latest headlines in your inbox.",
        "Filed under: Pakistan",
        "Advertisement",
        "Also on example.com Ten things to know about the budget",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The spokesman said the group would follow the court's orders on Twitter and elsewhere.",
        "Read the statement in full below, he told reporters.",
        "",
    ],
)
def test_reporting_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_clean_body_drops_headline_related_links_and_trailing_notices() -> None:
    body = etree.fromstring(
        "<body><head rend='h1'>Blast in Quetta</head><p>First paragraph of the report.</p>"
        "<p>Related</p><list><item>Another story</item><item>Yet another</item></list>"
        "<p>Second paragraph of the report.</p><p>Second paragraph of the report.</p>"
        "<head rend='h3'>Other headline one</head><head rend='h3'>Other headline two</head>"
        "<p>© 2025 Example Media. All rights reserved.</p></body>"
    )
    clean_body(body, title="Blast in Quetta")
    texts = [" ".join(el.itertext()) for el in body]
    # Repeated paragraphs stay: interviews and recipes legitimately repeat lines.
    assert texts == [
        "First paragraph of the report.",
        "Second paragraph of the report.",
        "Second paragraph of the report.",
    ]


# ------------------------------------------------------------------------------------------ junk


@pytest.mark.parametrize(
    "junk",
    [b"", "", b"   ", b"\x00\x01\x02" * 1000, "<html></html>", "<<<>>>", "not html at all", b"%PDF-1.4\n%\xe2\xe3"],
)
def test_junk_input_gives_none(junk: str | bytes) -> None:
    assert extract_article(junk, "https://x.example/junk") is None


def test_binary_garbage_gives_none() -> None:
    garbage = random.Random(11).randbytes(200_000)
    assert extract_article(garbage, "https://x.example/bin", header_charset="utf-8") is None


def test_oversized_page_is_refused_quickly() -> None:
    paragraph = "<p>" + "The attack took place near the border crossing late at night. " * 20 + "</p>\n"
    huge = _page(paragraph * (6_000_000 // len(paragraph) + 1)).encode("utf-8")
    assert len(huge) > 6_000_000
    started = time.perf_counter()
    assert extract_article(huge, "https://x.example/huge") is None
    assert time.perf_counter() - started < 0.5


def test_size_cap_is_a_parameter() -> None:
    raw = (FIXTURES / "news_page.html").read_bytes()
    assert extract_article(raw, "https://ledger.example/news/2202", max_bytes=1000) is None
