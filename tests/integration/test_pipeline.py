"""A whole pipeline run against a local news site into SQLite and PostgreSQL: stored once, alerted once."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from httpfixture import FixtureServer, Route, news_page

from crawlers.crawl import CrawlSettings
from domain.settings import Settings
from khabar.pipeline import incidents_since, run_once
from khabar.webhook_sink import WebhookSink

FAST = CrawlSettings(download_delay=0.0, autothrottle=False, timeout_s=3.0, retries=0, allow_networks=("127.0.0.0/8",))

STORIES = {
    "/news/101/bannu-checkpoint": (
        "Four policemen martyred in attack on Bannu checkpoint",
        "BANNU: Four policemen were martyred and three others injured when militants attacked a police checkpoint "
        "in the Domel area of Bannu district late on Monday night, officials said. The attackers used heavy "
        "weapons and fled after an exchange of fire lasting an hour. A police spokesman said the injured were "
        "shifted to the district headquarters hospital. No group has claimed responsibility for the attack so "
        "far. Police have cordoned off the area and launched a search operation.",
    ),
    "/news/102/bannu-toll": (
        "Bannu checkpoint attack: death toll rises to six",
        "BANNU: The death toll in the militant attack on a police checkpoint in Bannu district rose to six on "
        "Tuesday after two injured policemen succumbed to their wounds at the district hospital. Four policemen "
        "were martyred on the spot when militants stormed the checkpoint with heavy weapons on Monday night. "
        "Officials said one more policeman remains under treatment.",
    ),
    "/news/103/court": (
        "Anti-terrorism court adjourns hearing in 2014 school attack case",
        "PESHAWAR: An anti-terrorism court on Tuesday adjourned the hearing of a case relating to an attack "
        "carried out years ago, after the defence counsel sought more time. The judge directed the prosecution "
        "to produce its remaining witnesses at the next hearing scheduled for next month.",
    ),
}


PUBLISHED = {
    "/news/101/bannu-checkpoint": "2026-11-02T23:10:00+05:00",
    "/news/102/bannu-toll": "2026-11-03T11:40:00+05:00",
    "/news/103/court": "2026-11-03T12:00:00+05:00",
}


@pytest.fixture
def news_site(tmp_path: Path) -> Iterator[tuple[FixtureServer, Path]]:
    with FixtureServer() as site:
        items = "".join(
            f"<item><title>{title}</title><link>{site.base}{path}</link></item>" for path, (title, _) in STORIES.items()
        )
        # The same story again under another URL (a syndicated copy): fetched, but stored once.
        items += f"<item><title>copy</title><link>{site.base}/news/104/syndicated-copy</link></item>"
        site.routes["/feed.xml"] = Route(
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(),
            content_type="application/rss+xml",
            etag='"feed-1"',
        )
        site.routes["/broken.xml"] = Route(b"<rss><chan", content_type="application/rss+xml")
        for path, (title, text) in STORIES.items():
            site.routes[path] = Route(news_page(title, text, PUBLISHED[path]))
        title, text = STORIES["/news/101/bannu-checkpoint"]
        site.routes["/news/104/syndicated-copy"] = Route(
            news_page(title, text, PUBLISHED["/news/101/bannu-checkpoint"])
        )
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "sources:\n"
            f"  - {{name: herald, kind: feed, url: '{site.base}/feed.xml', link_pattern: '/news/\\d+'}}\n"
            f"  - {{name: broken, kind: feed, url: '{site.base}/broken.xml'}}\n"
            f"  - {{name: disabled, kind: feed, url: '{site.base}/nothing.xml', enabled: false}}\n",
            encoding="utf-8",
        )
        yield site, sources


def test_run_twice_stores_and_alerts_once(db_url: str, news_site: tuple[FixtureServer, Path]) -> None:
    site, sources = news_site
    with WebhookSink() as sink:
        settings = Settings(alert_webhook_url=sink.url, alert_min_p_attack=0.0)
        first = run_once(sources, db_url, crawl_settings=FAST, alert_settings=settings)
        assert first.stored == 3 and first.duplicates == 1
        assert first.crawl["broken"].error is not None  # counted, and the run went on
        assert "disabled" not in first.crawl
        incidents = incidents_since(db_url, None)
        attacks = [i for i in incidents if i.event_type == "attack"]
        assert len(attacks) == 1, incidents  # the follow-up merged into the first report
        assert attacks[0].killed == 6  # the latest toll, not 4 + 6
        assert len(attacks[0].sources) == 2
        alerts_after_first = len(sink.received)
        assert alerts_after_first >= 1
        key, body = sink.received[0]
        assert key == f"{body['incident_id']}:{body['kind']}:{body['revision']}"
        assert body["kind"] == "new" and body["text"]

        # The feed changes its ETag but lists the same links: every one, the copy too, is known.
        feed = site.routes["/feed.xml"]
        assert isinstance(feed, Route)
        feed.etag = '"feed-2"'
        site.requests.clear()
        second = run_once(sources, db_url, crawl_settings=FAST, alert_settings=settings)
        assert second.stored == 0 and second.labelled == 0
        assert second.incidents_new == 0 and second.incidents_updated == 0
        assert len(sink.received) == alerts_after_first
        assert not [p for p in site.paths() if p.startswith("/news/")]
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        assert conn.scalar(sa.text("select count(*) from articles")) == 3
        assert conn.scalar(sa.text("select count(*) from crawl_runs")) == 4  # 2 runs x 2 enabled sources
    engine.dispose()


def test_failed_alert_is_retried_next_run_and_sent_once(db_url: str, news_site: tuple[FixtureServer, Path]) -> None:
    _, sources = news_site
    with WebhookSink(status=503) as sink:
        settings = Settings(alert_webhook_url=sink.url, alert_min_p_attack=0.0)
        first = run_once(sources, db_url, crawl_settings=FAST, alert_settings=settings)
        assert first.alerts_sent == 0 and first.alerts_failed >= 1
        sink.status = 200
        second = run_once(sources, db_url, crawl_settings=FAST, alert_settings=settings)
        assert second.alerts_sent == first.alerts_failed
        third = run_once(sources, db_url, crawl_settings=FAST, alert_settings=settings)
        assert third.alerts_sent == 0 and third.alerts_failed == 0
        keys = [key for key, _ in sink.received]
        assert len(keys) == len(set(keys)) == second.alerts_sent


def test_source_health_lists_failing_and_healthy_sources(db_url: str, news_site: tuple[FixtureServer, Path]) -> None:
    from khabar.pipeline import source_health

    _, sources = news_site
    run_once(sources, db_url, crawl_settings=FAST, alert_settings=Settings())
    rows = {row["source"]: row for row in source_health(db_url, sources)}
    assert rows["herald"]["status"] == "ok" and rows["herald"]["last_success"] is not None
    assert rows["herald"]["articles_per_day"] > 0
    assert rows["broken"]["status"].startswith("failing")
    assert rows["disabled"]["enabled"] is False and rows["disabled"]["status"] == "never crawled"


class _Mailbox:
    """aiosmtpd handler that keeps every message it accepts (or refuses them all while `refuse` is set)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        if self.refuse:
            return "451 4.3.0 mailbox busy, try later"
        message = BytesParser(policy=email_policy.default).parsebytes(envelope.original_content)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"


def _alert_json(message: EmailMessage) -> dict[str, Any]:
    """The JSON payload after the one-line summary in an alert e-mail's body."""
    text = str(message.get_content())
    return dict(json.loads(text[text.index("{") :]))


@pytest.fixture
def smtp_server() -> Iterator[tuple[_Mailbox, int]]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # the controller checks it is up by connecting, so it needs a real port
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    mailbox = _Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def test_email_alerts_go_through_a_real_smtp_server_once(
    sqlite_url: str, news_site: tuple[FixtureServer, Path], smtp_server: tuple[_Mailbox, int]
) -> None:
    _, sources = news_site
    mailbox, port = smtp_server
    settings = Settings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        alert_email_from="alerts@khabar.example",
        alert_email_to="desk@khabar.example",
        alert_min_p_attack=0.0,
    )
    mailbox.refuse = True  # the mail server is busy: nothing is lost, the alert waits for the next run
    first = run_once(sources, sqlite_url, crawl_settings=FAST, alert_settings=settings)
    assert first.alerts_sent == 0 and first.alerts_failed >= 1 and mailbox.messages == []
    mailbox.refuse = False
    second = run_once(sources, sqlite_url, crawl_settings=FAST, alert_settings=settings)
    assert second.alerts_sent == first.alerts_failed == len(mailbox.messages)
    third = run_once(sources, sqlite_url, crawl_settings=FAST, alert_settings=settings)
    assert third.alerts_sent == 0 and len(mailbox.messages) == second.alerts_sent

    attack = next(i for i in incidents_since(sqlite_url, None) if i.event_type == "attack")
    mail = next(m for m in mailbox.messages if _alert_json(m)["id"] == attack.id)
    body = _alert_json(mail)
    assert mail["To"] == "desk@khabar.example" and mail["From"] == "alerts@khabar.example"
    assert mail["X-Idempotency-Key"] == f"{attack.id}:new:{body['revision']}"
    assert mail["Message-ID"] == f"<alert.{attack.id}.new.{body['revision']}@khabar.example>"
    assert mail["Subject"] == f"[khabar] {body['text']}" and "Bannu" in mail["Subject"]
    assert body["kind"] == "new" and body["killed"] == 6 and len(body["sources"]) == 2
