"""Airflow-facing glue without Airflow: connections → settings, permanent vs transient, the run's failure report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from crawlers.crawl import CrawlStats
from khabar.failures import configuration_failure, failure_reason, is_permanent, source_failure
from khabar.orchestration import (
    ConfigurationError,
    http_url,
    incident_changes,
    report_window,
    run_problems,
    smtp_settings,
    warehouse_url,
)


@dataclass
class Conn:
    conn_type: str | None = None
    host: str | None = None
    schema: str | None = None
    login: str | None = None
    password: str | None = None
    port: int | None = None
    extra: str | None = None


def test_warehouse_url_from_a_postgres_connection_escapes_the_password() -> None:
    conn = Conn("postgres", "db.internal", "khabar", "khabar", "p@ss/w:rd", 5432)
    url = warehouse_url(conn)
    assert url == "postgresql+psycopg2://khabar:p%40ss%2Fw%3Ard@db.internal:5432/khabar"
    import sqlalchemy as sa

    assert sa.make_url(url).password == "p@ss/w:rd"


def test_warehouse_url_from_sqlite_and_override_and_refusal() -> None:
    assert warehouse_url(Conn("sqlite", "/var/lib/khabar/khabar.sqlite")) == "sqlite:////var/lib/khabar/khabar.sqlite"
    override = Conn("postgres", "h", extra=json.dumps({"sqlalchemy_url": "postgresql+psycopg://u@h/db"}))
    assert warehouse_url(override) == "postgresql+psycopg://u@h/db"
    with pytest.raises(ConfigurationError, match="postgres or sqlite"):
        warehouse_url(Conn("mysql", "h"))


@pytest.mark.parametrize(
    ("conn", "url"),
    [
        # A chat webhook whose token is its path: the whole URL in host.
        (Conn("http", "https://hooks.example.com/services/T0/B0/XYZ"), "https://hooks.example.com/services/T0/B0/XYZ"),
        # What Airflow makes of AIRFLOW_CONN_X='http://127.0.0.1:9000/alerts'.
        (Conn("http", "127.0.0.1", "alerts", port=9000), "http://127.0.0.1:9000/alerts"),
        # HttpHook's convention: schema is the scheme, the path an extra.
        (Conn("http", "alerts.example", "https", extra='{"endpoint": "/in"}'), "https://alerts.example/in"),
        (Conn("http", "a.example", "https", "u", "p w"), "https://u:p%20w@a.example/"),
    ],
)
def test_http_url(conn: Conn, url: str) -> None:
    assert http_url(conn) == url


def test_smtp_settings_take_from_and_to_from_extras() -> None:
    conn = Conn(
        "smtp", "mail.example", login="u", password="pw", port=587, extra='{"from_email": "k@x", "to": ["a@x", "b@x"]}'
    )
    assert smtp_settings(conn) == {
        "smtp_host": "mail.example",
        "smtp_user": "u",
        "smtp_password": "pw",
        "smtp_port": 587,
        "alert_email_from": "k@x",
        "alert_email_to": "a@x, b@x",
    }


@pytest.mark.parametrize(
    ("error", "reason", "permanent"),
    [
        ("index: http_404", "http_404", True),
        ("index: http_410", "http_410", True),
        ("index: dns", "dns", True),
        ("index: robots", "robots", True),
        ("index: private_address", "private_address", True),
        ("index: http_503", "http_503", False),
        ("index: http_429", "http_429", False),
        ("index: timeout", "timeout", False),
        ("index: connection", "connection", False),
        ("index: connection_refused", "connection_refused", True),
        ("timeout: the source's time budget ran out with 3 link(s) unfetched", "source_timeout", False),
        ("timeout: the crawl did not finish within 600 s", "timeout", False),
        ("crawl process exited with status 1: boom", "crawl_lost", False),
    ],
)
def test_permanent_or_transient(error: str, reason: str, permanent: bool) -> None:
    stats = CrawlStats(source="s", error=error, failed_reasons={"index_x": 1})
    assert failure_reason(stats) == reason
    failure = source_failure(stats)
    assert failure is not None and failure.permanent is permanent and is_permanent(reason) is permanent
    assert failure.as_dict()["failed_reasons"] == {"index_x": 1}
    assert source_failure(CrawlStats(source="s")) is None


def test_configuration_failures_are_permanent() -> None:
    missing = configuration_failure("gone", "no source named 'gone'", missing=True)
    assert (missing.reason, missing.permanent) == ("not_configured", True)
    assert "source gone: not_configured (permanent)" in str(missing)


def test_run_problems_name_sources_and_reasons_and_leave_out_consequences() -> None:
    states: dict[str, str | None] = {
        "upgrade_db": "success",
        "source.crawl_0": "success",
        "source.crawl_1": "failed",
        "source.crawl_2": "failed",
        "source.alert_0": "failed",
        "source.alert_1": "upstream_failed",
        "publish": "skipped",
    }
    failures: dict[str, dict[str, Any] | None] = {
        "source.crawl_1": {"source": "gone", "reason": "http_404", "detail": "index: http_404", "permanent": True},
        "source.alert_0": {
            "source": "a",
            "reason": "AlertDeliveryFailed",
            "detail": "1 alert(s) could not be delivered",
        },
    }
    report = run_problems("khabar_ingest", "r1", states, ["a", "gone", "dead"], failures)
    assert report.failed_sources == ["gone", "dead"]
    assert report.text.splitlines() == [
        "khabar_ingest run r1 failed: 2 source(s) (gone, dead), 1 other task(s)",
        "- task source.alert [a]: AlertDeliveryFailed: 1 alert(s) could not be delivered",
        "- source gone: http_404 (permanent: not retried): index: http_404",
        "- source dead: unknown: the task failed without recording why (see its log)",
    ]
    assert run_problems("d", "r", {"x": "success"}, [], {}).problems == []


def test_report_window() -> None:
    start, end = datetime(2026, 11, 24, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC)
    assert report_window(start, end, end) == (date(2026, 11, 24), date(2026, 11, 24))
    # Asset-triggered: no data interval, the UTC day so far.
    assert report_window(None, None, datetime(2026, 11, 25, 13, 5, tzinfo=UTC)) == (date(2026, 11, 25),) * 2


def test_incident_changes_count_each_incident_once() -> None:
    resolved = [{"new": [3], "updated": []}, None, {"new": [], "updated": [3, 1]}]
    assert incident_changes(resolved) == {"new": 1, "updated": 1, "incidents": [3, 1]}
    assert incident_changes({"new": [4], "updated": []}) == {"new": 1, "updated": 0, "incidents": [4]}


def test_a_source_removed_from_the_file_mid_run_fails_permanently(tmp_path: Path) -> None:
    from khabar.failures import SourceFailure
    from khabar.pipeline import crawl_source

    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: kept, kind: feed, url: 'https://news.example/feed'}\n")
    with pytest.raises(SourceFailure) as caught:
        crawl_source("removed", sources, None, "run-1")
    assert (caught.value.reason, caught.value.permanent) == ("not_configured", True)
    sources.write_text("sources: [")
    with pytest.raises(SourceFailure) as caught:
        crawl_source("kept", sources, None, "run-1")
    assert (caught.value.reason, caught.value.permanent) == ("bad_configuration", True)
