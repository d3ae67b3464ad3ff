"""Retry backoff schedule of the crawler's downloader middleware."""

from crawlers.middlewares import backoff_delay


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n, 1.0, 30.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert backoff_delay(10, 1.0, 30.0) == 30.0
    assert backoff_delay(1, 1.0, 30.0, retry_after="12") == 12.0
    assert backoff_delay(1, 1.0, 30.0, retry_after="3600") == 30.0
    assert backoff_delay(1, 1.0, 30.0, retry_after="Wed, 21 Oct 2026 07:28:00 GMT") == 1.0
