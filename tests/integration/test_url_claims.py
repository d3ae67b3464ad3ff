"""URL claims: two crawls of one host, in two processes, fetch each article once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from httpfixture import FixtureServer, Route, news_page

from warehouse import claims, schema
from warehouse.db import make_engine, session_scope, upgrade

ROOT = Path(__file__).resolve().parents[2]
TTL = timedelta(minutes=15)


def test_claim_is_exclusive_kept_by_its_holder_released_and_expired(db_url: str) -> None:
    upgrade(db_url)
    engine = make_engine(db_url)
    now = schema.utcnow()
    url = "https://news.example/a/1"
    with session_scope(engine) as session:
        assert claims.claim(session, url, "run-1", "dawn", ttl=TTL, now=now)
    with session_scope(engine) as session:
        assert not claims.claim(session, url, "run-1", "dawn-sitemap", ttl=TTL, now=now), "another source"
        assert claims.claim(session, url, "run-1", "dawn", ttl=TTL, now=now), "a retry of the holder keeps it"
        # The same source's next run (after a killed one, say) takes its own claim back.
        assert claims.claim(session, url, "run-2", "dawn", ttl=TTL, now=now)
        assert not claims.claim(session, url, "run-2", "dawn-sitemap", ttl=TTL, now=now)
    with session_scope(engine) as session:  # a dead crawl's claim is taken over once it is stale
        assert claims.claim(session, url, "run-3", "other", ttl=TTL, now=now + TTL)
    with session_scope(engine) as session:
        assert claims.release(session, [url], "run-2", "dawn") == 0, "only the holder releases"
        assert claims.release(session, [url], "run-3", "other") == 1
        assert claims.claim(session, url, "run-4", "dawn", ttl=TTL, now=now)
    with session_scope(engine) as session:
        assert claims.expire(session, TTL, now=now + TTL) == 1
        assert session.scalar(sa.select(sa.func.count()).select_from(schema.UrlClaim)) == 0
    engine.dispose()


# One worker's share of a run, as the ingest DAG's mapped task group runs it for one source: crawl, classify,
# resolve, alert (each stage against the shared warehouse, as separate Celery tasks would).
CRAWL = """
import json, sys
from khabar.failures import SourceFailure
from khabar.pipeline import classify_pending, crawl_source, resolve_pending, send_alerts
try:
    stats = crawl_source(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
except SourceFailure as failure:
    stats = {"error": str(failure)}
classified = classify_pending(sys.argv[3])
resolve_pending(sys.argv[3], model_version=classified.model_version)
stats["alerts"] = send_alerts(sys.argv[3]).as_dict()
print(json.dumps(stats))
"""

STORIES = [
    ("Suicide bomber kills 9 at Quetta police station",
     "QUETTA: A suicide bomber blew himself up at the gate of the Saryab Road police station in Quetta on Monday, "
     "killing nine people including four policemen and injuring 21, officials said."),
    ("Four policemen martyred in Bannu checkpost attack",
     "BANNU: Four policemen were martyred when militants attacked the Domel police checkpost in Bannu district "
     "with heavy weapons late on Monday night, police said. The attackers fled."),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.postgres
def test_two_workers_running_one_site_store_label_resolve_and_alert_each_thing_once(
    postgres_url: str, tmp_path: Path
) -> None:
    """Two sources of one site (its feed and its sitemap) list the same articles; two worker processes (as
    two Celery workers would run the ingest DAG's mapped task groups) crawl, classify, resolve and alert at
    the same time under one run id, against one PostgreSQL. Every article is requested and stored once,
    labelled once, in one incident, and each incident alerted once.

    On PostgreSQL, the production warehouse under Airflow (the claim statement itself is tested on both).
    """
    from khabar.webhook_sink import WebhookSink

    db_url = postgres_url
    upgrade(db_url)
    paths = [f"/news/{n}" for n in range(1, 7)]
    with FixtureServer() as site, WebhookSink() as sink:
        links = [f"{site.base}{p}" for p in paths]
        feed = (
            "<rss version='2.0'><channel><title>t</title>"
            + "".join(f"<item><title>story {i}</title><link>{u}</link></item>" for i, u in enumerate(links))
            + "</channel></rss>"
        ).encode()
        sitemap = (
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "".join(f"<url><loc>{u}</loc></url>" for u in reversed(links))
            + "</urlset>"
        ).encode()
        # The two crawls must overlap: no article is served until both listings have been, and a second
        # after, so both processes hold their claims while the articles are fetched. On a loaded machine the
        # second process can otherwise start after the first has stored every article.
        listed = {"/feed.xml": threading.Event(), "/sitemap.xml": threading.Event()}

        def listing(path: str, body: bytes, content_type: str) -> Callable[[], Route]:
            def route() -> Route:
                listed[path].set()
                return Route(body, content_type=content_type)

            return route

        def after_both_listings(page: Route) -> Callable[[], Route]:
            def route() -> Route:
                if all(event.wait(60) for event in listed.values()):
                    time.sleep(1.0)
                return page

            return route

        site.routes["/feed.xml"] = listing("/feed.xml", feed, "application/rss+xml")
        site.routes["/sitemap.xml"] = listing("/sitemap.xml", sitemap, "application/xml")
        for n, path in enumerate(paths, start=1):
            # Two attacks, three outlets' words each; slow pages keep both crawls busy at the same time.
            title, text = STORIES[n % 2]
            site.routes[path] = after_both_listings(
                Route(
                    news_page(f"{title} ({n})", f"{text} Report {n} of the desk.", "2026-11-02T10:00:00+05:00"),
                    delay_s=0.3,
                )
            )
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "sources:\n"
            f"  - {{name: site-feed, kind: feed, url: '{site.base}/feed.xml'}}\n"
            f"  - {{name: site-sitemap, kind: sitemap, url: '{site.base}/sitemap.xml'}}\n",
            encoding="utf-8",
        )
        env = os.environ | {
            "PYTHONPATH": str(ROOT),
            "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",
            "KHABAR_CRAWL_DELAY_S": "0",
            "KHABAR_DATA_DIR": str(tmp_path / "data"),
            "KHABAR_ALERT_WEBHOOK_URL": sink.url,
        }
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", CRAWL, name, str(sources), db_url, "manual__run-1"],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            for name in ("site-feed", "site-sitemap")
        ]
        results = [json.loads(proc.communicate(timeout=180)[0].strip().splitlines()[-1]) for proc in procs]
        requested = Counter(path for method, path, _ in site.requests if method == "GET" and path in paths)

    assert all("error" not in r or r["error"] is None for r in results), results
    assert requested == dict.fromkeys(paths, 1), "each article fetched once, by one of the two processes"
    assert [r["found"] for r in results] == [len(paths)] * 2, "a claimed link is found, and skipped"
    assert sum(r["fetched"] for r in results) == len(paths)
    assert sum(r["skipped_reasons"].get("claimed", 0) for r in results) == len(paths)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.scalar(sa.text("select count(*) from articles")) == len(paths)
        holders = conn.execute(sa.text("select run_id, count(*) from url_claims group by run_id")).all()
        assert holders == [("manual__run-1", len(paths))]
        assert conn.scalar(sa.text("select count(*) from article_labels")) == len(paths), "each labelled once"
        assert conn.scalar(sa.text("select count(*) from incident_articles")) == len(paths)
        attacks = conn.scalar(sa.text("select count(*) from incidents where event_type = 'attack'"))
        assert attacks == 2, "three reports of each attack: one incident each, whichever worker resolved them"
    engine.dispose()
    keys = [key for key, _ in sink.received]
    assert len(keys) == len(set(keys)), keys
    assert sorted(body["kind"] for _, body in sink.received).count("new") == 2
