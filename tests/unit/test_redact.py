"""Secrets never reach output: URL passwords, credential parameters and configured values are masked."""

from __future__ import annotations

import logging

import pytest

from domain.redact import RedactingFilter, redact, url_password


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("postgresql+psycopg2://u:s3cret@db:5432/khabar", "s3cret"),
        ("postgresql://u:pa/ss@db/khabar", "pa/ss"),  # a '/' in the password
        ("cannot connect to postgresql://u:p%40ss@db/x: refused", "p%40ss"),
        ("https://hooks.example/x?token=abc123&channel=a", "abc123"),
        ("db?sslmode=require&password=hunter22", "hunter22"),
        ("https://api.example/v1?api_key=K3Y9", "K3Y9"),
    ],
)
def test_secrets_in_urls_are_masked(text: str, secret: str) -> None:
    masked = redact(text)
    assert secret not in masked
    assert "***" in masked


def test_plain_text_and_urls_without_secrets_are_left_alone() -> None:
    for text in ("sqlite:///var/khabar.sqlite", "postgresql://postgres@127.0.0.1/test", "see https://a/b?x=a:b@c"):
        assert redact(text) == text


def test_configured_values_are_masked_wherever_they_appear() -> None:
    hook = "https://hooks.example/services/T1/B2/XYZSECRET"
    assert redact(f"POST {hook} failed", [hook]) == "POST *** failed"
    assert redact("a b c", ["a"]) == "a b c"  # too short to mask by value


def test_url_password() -> None:
    assert url_password("postgresql://u:pa/ss@h/db") == "pa/ss"
    assert url_password("postgresql://u@h/db") is None


def test_the_logging_filter_masks_arguments_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("khabar.test.redact")
    logger.addFilter(RedactingFilter(["Smtp-pa55"]))
    try:
        with caplog.at_level(logging.INFO, logger="khabar.test.redact"):
            logger.info("connecting to %s with %s", "postgresql://u:s3cret@h/db", "Smtp-pa55")
            try:
                raise RuntimeError("login failed for Smtp-pa55")
            except RuntimeError:
                logger.exception("smtp")
    finally:
        logger.filters.clear()
    text = caplog.text
    assert "s3cret" not in text and "Smtp-pa55" not in text
    assert "postgresql://u:***@h/db" in text
