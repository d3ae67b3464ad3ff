"""Alerts as subscribers receive them: `khabar run` with the trained model, real crawls of two local sites, a
real webhook receiver. One 'new' alert per attack, none for an operation, a hoax or another story, an
'update' when the toll rises and a group claims, nothing on a rerun, and a source hanging on one page
delays no other source's alert."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from httpfixture import FixtureServer, Route, news_page

from crawlers.crawl import CrawlSettings
from domain.settings import Settings
from khabar.pipeline import crawl_source, run_once, upgrade_db
from khabar.webhook_sink import WebhookSink
from warehouse import schema

CRAWL = CrawlSettings(
    download_delay=0.0, autothrottle=False, timeout_s=90.0, retries=0, allow_networks=("127.0.0.0/8",)
)
HANG_LIMIT_S = 60.0

ATTACK = "/news/201/lakki-post"
REPORTS = {
    ATTACK: (
        "Four policemen martyred in attack on Lakki Marwat police post",
        "LAKKI MARWAT: Four policemen were martyred and two injured when militants attacked the Shadi Khel police "
        "post in Lakki Marwat district with heavy weapons late on Sunday night, police said. The attackers fled "
        "after an exchange of fire. No group has claimed responsibility so far.",
        "2026-11-08T23:30:00+05:00",
    ),
    "/news/202/ispr-ibo": (
        "Security forces kill eight terrorists in North Waziristan operation",
        "RAWALPINDI: Security forces killed eight terrorists in an intelligence-based operation in the Mir Ali "
        "area of North Waziristan on Monday, the ISPR said. Weapons and ammunition were recovered from the "
        "hideout, it added.",
        "2026-11-09T09:00:00+05:00",
    ),
    "/news/203/school-hoax": (
        "Bomb scare at Bannu school turns out to be a hoax",
        "BANNU: Students were evacuated from a school after an anonymous caller warned of a bomb on Monday, but "
        "the bomb disposal squad searched the building, found nothing and declared the call a hoax, police said.",
        "2026-11-09T10:00:00+05:00",
    ),
    "/news/204/budget": (
        "Provincial cabinet approves development budget",
        "PESHAWAR: The Khyber Pakhtunkhwa cabinet on Monday approved the annual development programme, with new "
        "funds for roads, schools and hospitals in the southern districts, the information minister said.",
        "2026-11-09T11:00:00+05:00",
    ),
}
FOLLOW_UPS = {
    "/news/205/lakki-toll": (
        "Lakki Marwat police post attack: death toll rises to nine",
        "LAKKI MARWAT: The death toll in the militant attack on the Shadi Khel police post in Lakki Marwat rose to "
        "nine on Monday after five injured policemen succumbed to their wounds at the district hospital, "
        "officials said.",
        "2026-11-09T14:00:00+05:00",
    ),
    "/news/206/lakki-claim": (
        "TTP claims Lakki Marwat police post attack",
        "LAKKI MARWAT: The banned Tehreek-i-Taliban Pakistan claimed responsibility for the attack on the Shadi "
        "Khel police post in Lakki Marwat in which nine policemen were martyred, in a statement on Monday.",
        "2026-11-09T15:00:00+05:00",
    ),
}
SECOND_OUTLET = (
    "Militants storm Shadi Khel police post in Lakki Marwat, four martyred",
    "LAKKI MARWAT: Militants stormed the Shadi Khel police post in Lakki Marwat district late on Sunday, "
    "martyring four policemen and injuring two, the district police officer said.",
    "2026-11-09T00:10:00+05:00",
)
HANGING = ("Cricket board names new selectors", "LAHORE: The cricket board named three new selectors on Monday.")


def _feed(site: FixtureServer, paths: list[str], etag: str) -> Route:
    items = "".join(f"<item><title>t</title><link>{site.base}{p}</link></item>" for p in paths)
    body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
    return Route(body.encode(), content_type="application/rss+xml", etag=etag)


class HangingPage:
    """A page that answers only when an alert has reached the receiver (or after HANG_LIMIT_S)."""

    def __init__(self, sink: WebhookSink) -> None:
        self.sink = sink
        self.released_by_alert: bool | None = None
        self.alert_seen_at: datetime | None = None  # when the first alert was seen at the receiver

    def __call__(self) -> Route:
        released = threading.Event()

        def watch() -> None:
            while not released.is_set():
                if self.sink.received:
                    self.alert_seen_at = datetime.now(UTC)
                    released.set()
                    return
                released.wait(0.1)

        threading.Thread(target=watch, daemon=True).start()
        self.released_by_alert = released.wait(HANG_LIMIT_S)
        released.set()
        return Route(news_page(*HANGING, "2026-11-09T08:00:00+05:00"))


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[tuple[FixtureServer, FixtureServer, Path]]:
    with FixtureServer("127.0.0.31") as fast, FixtureServer("127.0.0.32") as slow:
        for path, (title, text, published) in {**REPORTS, **FOLLOW_UPS}.items():
            fast.routes[path] = Route(news_page(title, text, published))
        fast.routes["/feed.xml"] = _feed(fast, list(REPORTS), '"1"')
        slow.routes["/news/301/lakki-second"] = Route(news_page(*SECOND_OUTLET))
        slow.routes["/feed.xml"] = _feed(slow, ["/news/300/hanging", "/news/301/lakki-second"], '"1"')
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "sources:\n"
            f"  - {{name: frontier-post, kind: feed, url: '{fast.base}/feed.xml'}}\n"
            f"  - {{name: southern-times, kind: feed, url: '{slow.base}/feed.xml'}}\n",
            encoding="utf-8",
        )
        yield fast, slow, sources


def _kinds(received: list[tuple[str | None, dict[str, Any]]]) -> list[str]:
    return [body["kind"] for _, body in received]


def test_one_alert_per_attack_an_update_on_toll_and_claim_none_on_rerun(
    db_url: str, sites: tuple[FixtureServer, FixtureServer, Path]
) -> None:
    fast, slow, sources = sites
    with WebhookSink() as sink:
        settings = Settings(alert_webhook_url=sink.url)  # the shipped P(attack) threshold
        hanging = HangingPage(sink)
        slow.routes["/news/300/hanging"] = hanging
        first = run_once(sources, db_url, crawl_settings=CRAWL, alert_settings=settings)
        assert first.stored == 6, first
        # The attack was alerted while the other source still hung on its page.
        assert hanging.released_by_alert is True
        assert _kinds(sink.received) == ["new"], sink.received
        [(_, alert)] = sink.received
        assert fast.base + ATTACK in alert["sources"]
        assert len(alert["sources"]) >= 1 and all("/news/2" in u or "/news/301" in u for u in alert["sources"])
        assert alert["p_attack"] >= settings.alert_min_p_attack
        # The second outlet's report joined the same incident (before or after the alert): no second 'new'.

        # Fresh news: the toll rises and the TTP claims the attack.
        fast.routes["/feed.xml"] = _feed(fast, [*REPORTS, *FOLLOW_UPS], '"2"')
        second = run_once(sources, db_url, crawl_settings=replace(CRAWL, timeout_s=5.0), alert_settings=settings)
        assert second.stored == 2, second
        assert _kinds(sink.received) == ["new", "update"], sink.received
        update = sink.received[1][1]
        assert update["incident_id"] == alert["incident_id"]
        assert (update["killed"], update["group"], update["claimed"]) == (9, "TTP", True)
        assert update["text"].startswith("UPDATE: ")

        # Nothing new: nothing sent.
        third = run_once(sources, db_url, crawl_settings=replace(CRAWL, timeout_s=5.0), alert_settings=settings)
        assert third.stored == 0 and third.alerts_sent == 0
        assert len(sink.received) == 2


@contextmanager
def _attack_beside_a_hanging_page(address: str, tmp_path: Path) -> Iterator[tuple[WebhookSink, HangingPage, Path]]:
    """One source (`one-site`) whose feed lists a page that hangs until an alert arrives, then the attack."""
    with FixtureServer(address) as site, WebhookSink() as sink:
        title, text, published = REPORTS[ATTACK]
        site.routes[ATTACK] = Route(news_page(title, text, published))
        hanging = HangingPage(sink)
        site.routes["/news/300/hanging"] = hanging
        site.routes["/feed.xml"] = _feed(site, ["/news/300/hanging", ATTACK], '"1"')
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"sources:\n  - {{name: one-site, kind: feed, url: '{site.base}/feed.xml'}}\n", "utf-8")
        yield sink, hanging, sources


def test_a_page_hanging_in_the_attacks_own_source_does_not_hold_its_alert(db_url: str, tmp_path: Path) -> None:
    # One source lists the attack and a page that hangs: the attack's article is handed over after
    # KHABAR_CRAWL_BATCH_WAIT_S (well before the source's crawl ends) and alerted while the page still hangs —
    # once its incident has stood KHABAR_ALERT_SETTLE_S, by the crawl's own tick (no further batch comes).
    with _attack_beside_a_hanging_page("127.0.0.33", tmp_path) as (sink, hanging, sources):
        settings = Settings(alert_webhook_url=sink.url, crawl_batch_wait_s=2.0, alert_settle_s=4.0)
        report = run_once(sources, db_url, crawl_settings=replace(CRAWL, batch_articles=25, batch_wait_s=2.0),
                          alert_settings=settings)  # fmt: skip
        assert hanging.released_by_alert is True
        assert report.stored == 2 and _kinds(sink.received) == ["new"], (report, sink.received)
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        opened = connection.execute(sa.select(schema.Incident.first_seen_at)).scalar_one()
    engine.dispose()
    assert hanging.alert_seen_at is not None
    assert (hanging.alert_seen_at - opened).total_seconds() >= 4.0 - 0.2, (opened, hanging.alert_seen_at)


def test_the_scheduled_crawl_task_alerts_its_source_s_attack_while_a_page_of_it_hangs(
    db_url: str, tmp_path: Path
) -> None:
    # The ingest DAG's crawl task for one source (`crawl_source`) classifies, resolves and alerts the batches it
    # stores while the crawl goes on: the attack is alerted while a page of the same source still hangs, before
    # the task group's classify/resolve/alert tasks could run.
    with _attack_beside_a_hanging_page("127.0.0.34", tmp_path) as (sink, hanging, sources):
        settings = Settings(
            database_url=db_url,
            alert_webhook_url=sink.url,
            crawl_allow_networks="127.0.0.0/8",
            crawl_delay_s=0.0,
            crawl_retries=0,
            crawl_request_timeout_s=90.0,
            crawl_batch_wait_s=2.0,
        )
        upgrade_db(db_url)  # the DAG's first task
        stats = crawl_source("one-site", sources, db_url, "scheduled__2026-11-09T09:00:00+00:00", settings=settings)
        assert hanging.released_by_alert is True
        assert _kinds(sink.received) == ["new"], sink.received
        done = stats["passes"]
        assert stats["stored"] == 2 and done["labelled"] == 2 and done["alerts_sent"] == 1, stats
        assert len(done["new"]) == 1, stats
