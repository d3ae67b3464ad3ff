"""One slow or failing source never sinks a run; what failed is retried on later runs whatever the feed says;
dates outside 2000 … tomorrow are not trusted."""

from __future__ import annotations

import itertools
import json
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from httpfixture import FixtureServer, Route, news_page
from reliability.harness import SlowWebhook, cli_env, khabar, query, rss, serve_stories, write_sources


def _json(value: object) -> dict[str, int]:
    """A JSON column as read back: text from SQLite, already decoded from PostgreSQL."""
    decoded = json.loads(value) if isinstance(value, str) else value
    assert isinstance(decoded, dict), decoded
    return decoded


def test_a_dripping_source_times_out_alone(
    site: FixtureServer, elsewhere: FixtureServer, db_url: str, tmp_path: Path
) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint", "/news/302/quetta-blast", "/news/303/khyber-ambush"])
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml")
    drips = [f"{elsewhere.base}/news/{i}/drip" for i in range(6)]
    for url in drips:
        elsewhere.routes[url.removeprefix(elsewhere.base)] = Route(b"<html><body>" + b"x" * 200, drip_s=1.0)
    elsewhere.routes["/feed.xml"] = Route(rss(drips), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "healthy", "kind": "feed", "url": f"{site.base}/feed.xml"},
            {"name": "dripping", "kind": "feed", "url": f"{elsewhere.base}/feed.xml"},
        ],
    )
    with SlowWebhook() as hook:
        env = cli_env(
            tmp_path,
            KHABAR_CRAWL_SOURCE_TIMEOUT_S="4",
            KHABAR_CRAWL_REQUEST_TIMEOUT_S="60",
            KHABAR_CRAWL_TIMEOUT_S="120",
            KHABAR_ALERT_WEBHOOK_URL=hook.url,
        )
        started = time.monotonic()
        proc = khabar(env, "run", "--sources", str(sources), "--db", db_url)
        elapsed = time.monotonic() - started

    assert proc.returncode == 0, proc.stderr
    assert elapsed < 40, elapsed  # the source's 4 s budget, not the pages' 200 s of dripping
    assert sorted(row.url for row in query(db_url, "select url from articles")) == sorted(urls)
    assert len(query(db_url, "select id from article_labels")) == 3
    # The healthy source's reports were classified, merged and alerted in the same run.
    attacks = query(db_url, "select id from incidents where event_type = 'attack'")
    assert len(attacks) >= 2 and len(hook.keys) == len(attacks)
    runs = {row.source: row for row in query(db_url, "select source, error, failure_reasons, fetched from crawl_runs")}
    assert runs["healthy"].error is None and runs["healthy"].fetched == 3
    assert runs["dripping"].error.startswith("timeout: the source's time budget ran out")
    # Cut off in flight (timeout) or never started (source_timeout): all of them, and all queued for later.
    reasons = _json(runs["dripping"].failure_reasons)
    assert set(reasons) <= {"timeout", "source_timeout"} and sum(reasons.values()) == len(drips), reasons
    retries = query(db_url, "select url from fetch_retries where gave_up_at is null")
    assert sorted(r.url for r in retries) == sorted(drips)
    assert "timeout: the source's time budget ran out" in proc.stdout  # the summary says why


def test_a_failed_article_is_retried_while_its_feed_answers_304(
    site: FixtureServer, db_url: str, tmp_path: Path
) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint", "/news/302/quetta-blast"])
    flaky_path = "/news/302/quetta-blast"
    healthy = site.routes[flaky_path]
    assert isinstance(healthy, Route)
    answers = iter([Route(b"busy", status=503, content_type="text/plain")])
    site.routes[flaky_path] = lambda: next(answers, healthy)
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml", etag='"v1"')
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}]
    )
    env = cli_env(tmp_path, KHABAR_FETCH_RETRY_BASE_S="0")

    first = khabar(env, "crawl", "--sources", str(sources), "--db", db_url)
    assert first.returncode == 0, first.stderr
    assert [r.url for r in query(db_url, "select url from articles")] == urls[:1]
    assert [
        (r.url, r.attempts, r.last_error) for r in query(db_url, "select url, attempts, last_error from fetch_retries")
    ] == [(urls[1], 1, "http_503")]

    second = khabar(env, "crawl", "--sources", str(sources), "--db", db_url)
    assert second.returncode == 0, second.stderr
    assert "not modified" in second.stdout  # the feed lists nothing new ...
    assert sorted(r.url for r in query(db_url, "select url from articles")) == sorted(urls)  # ... yet it came
    assert query(db_url, "select url from fetch_retries") == []
    notes = query(db_url, "select notes from crawl_runs order by id desc limit 1")[0][0]
    assert _json(notes).get("retried") == 1


def _page(title: str, meta_date: str | None, footer: str = "") -> bytes:
    meta = f"<meta property='article:published_time' content='{meta_date}'>" if meta_date else ""
    text = (
        "QUETTA: Five people were killed and nine injured when a bomb exploded near a passenger van in the "
        f"Sariab area of Quetta, police said. The attack on the van was the second in the city this week ({title})."
    )
    body = "".join(f"<p>{s}.</p>" for s in text.split(". "))
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"{body}</article><footer>{footer}</footer></body></html>"
    ).encode()


def test_dates_outside_2000_to_tomorrow_are_not_trusted(site: FixtureServer, db_url: str, tmp_path: Path) -> None:
    site.routes["/news/1/future"] = Route(_page("Page dated 2099", "2099-12-31T10:00:00+05:00"))
    site.routes["/news/2/past"] = Route(
        _page("Page dated 1900", "1900-01-01T00:00:00+00:00", "Copyright 2026. All rights reserved.")
    )
    site.routes["/news/3/feed-dates"] = Route(_page("No page date", None))
    links = [f"{site.base}/news/1/future", f"{site.base}/news/2/past", f"{site.base}/news/3/feed-dates"]
    feed_dates = [
        "Tue, 03 Nov 2026 08:00:00 +0500",
        "Sat, 01 Jan 1900 00:00:00 +0000",
        "Thu, 31 Dec 2099 00:00:00 +0000",
    ]
    site.routes["/feed.xml"] = Route(rss(links, feed_dates), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}]
    )

    proc = khabar(cli_env(tmp_path), "run", "--sources", str(sources), "--db", db_url)

    assert proc.returncode == 0, proc.stderr
    published = {
        r.url.rsplit("/", 1)[1]: r.published_at for r in query(db_url, "select url, published_at from articles")
    }
    assert str(published["future"]).startswith("2026-11-03")  # the page's 2099 passed over for the feed's date
    assert published["past"] is None  # 1900 on the page and in the feed; the copyright year is no date
    assert published["feed-dates"] is None  # 2099 in the feed, nothing on the page: the fetch time dates it
    notes = _json(query(db_url, "select notes from crawl_runs")[0][0])
    assert notes.get("date_untrusted") == 3
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    days = [r.occurred_on for r in query(db_url, "select occurred_on from incidents")]
    assert days and all(
        date(2000, 1, 1) <= (d if isinstance(d, date) else date.fromisoformat(str(d))) <= tomorrow for d in days
    )
    assert not any(str(d) == "2026-01-01" for d in days)


def test_a_backlog_longer_than_the_budget_is_fetched_over_later_runs(
    site: FixtureServer, db_url: str, tmp_path: Path
) -> None:
    """A source listing more new links than its time budget can fetch stores what it fetched and takes the
    rest on later runs, with nothing fetched or stored twice."""
    urls = []
    for i in range(30):
        path = f"/news/{500 + i}/backlog-story"
        text = (
            f"PESHAWAR: Officials of the district administration met traders of market number {i} on Monday to "
            f"discuss parking, encroachments and the repair of {i + 3} drains before the monsoon, a statement said. "
            "The meeting agreed on a schedule for the work and a committee to follow it up."
        )
        site.routes[path] = Route(news_page(f"Traders meet officials, round {i}", text, "2026-11-02T10:00:00+05:00"))
        urls.append(site.base + path)
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "backlog", "kind": "feed", "url": f"{site.base}/feed.xml", "delay_s": 0.3}]
    )
    env = cli_env(tmp_path, KHABAR_CRAWL_SOURCE_TIMEOUT_S="2.5", KHABAR_CRAWL_REQUEST_TIMEOUT_S="30")
    stored = []
    for _ in range(8):
        proc = khabar(env, "run", "--sources", str(sources), "--db", db_url)
        assert proc.returncode == 0, proc.stderr
        stored.append(len(query(db_url, "select id from articles")))
        if stored[-1] == len(urls):
            break
    assert 0 < stored[0] < len(urls), stored  # the first run kept what it fetched before its budget ran out
    assert all(later > earlier for earlier, later in itertools.pairwise(stored)), stored  # every run progressed
    assert stored[-1] == len(urls), stored
    assert sorted(r.url for r in query(db_url, "select url from articles")) == sorted(urls)
    fetches = [path for method, path, _ in site.requests if method == "GET" and path.startswith("/news/5")]
    stored_paths = {u.removeprefix(site.base) for u in urls}
    assert set(fetches) == stored_paths
    assert len(query(db_url, "select id from article_labels")) == len(urls)
    assert len(query(db_url, "select id from crawl_runs where source = 'backlog'")) == len(stored)
