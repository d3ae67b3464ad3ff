"""One bad number or record never stops labelling: implausible figures are rejected and counted, a row the
warehouse refuses is quarantined with its error, and the rest of the batch (and every later run) goes on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from httpfixture import FixtureServer, Route, news_page
from reliability.harness import cli_env, khabar, query, rss, serve_stories, write_sources

from classifiers.casualties import MAX_PLAUSIBLE_FIGURE
from domain.records import Article, ArticleLabels
from domain.taxonomy import EventType, Group
from warehouse import load
from warehouse.db import make_engine, session_scope, upgrade

HUGE = "/news/399/huge"


def test_an_absurd_toll_is_rejected_and_labelling_goes_on(site: FixtureServer, db_url: str, tmp_path: Path) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint", "/news/302/quetta-blast"])
    site.routes[HUGE] = Route(
        news_page(
            "Blast at a market in Peshawar",
            "PESHAWAR: At least 99999999999999999999 people were killed and 4294967296 injured when a bomb "
            "exploded in a market in Peshawar on Tuesday, police said. Rescue teams reached the site.",
            "2026-11-03T09:00:00+05:00",
        )
    )
    site.routes["/feed.xml"] = Route(rss([*urls, site.base + HUGE]), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}]
    )

    first = khabar(cli_env(tmp_path), "run", "--sources", str(sources), "--db", db_url)

    assert first.returncode == 0, first.stderr
    assert "rejected 2 implausible casualty figure(s)" in first.stdout, first.stdout
    sql = "select a.url, l.killed, l.injured from articles a join article_labels l on l.article_id = a.id"
    labels = {row.url: row for row in query(db_url, sql)}
    assert len(labels) == 3  # every article labelled, the absurd one included
    assert labels[site.base + HUGE].killed is None and labels[site.base + HUGE].injured is None
    assert labels[urls[1]].killed == 6  # its neighbours keep their figures
    second = khabar(cli_env(tmp_path), "run", "--sources", str(sources), "--db", db_url)
    assert second.returncode == 0, second.stderr  # and later runs are not stuck on it


def _labels(version: str, killed: int | None) -> ArticleLabels:
    return ArticleLabels(
        event_type=EventType.ATTACK,
        attack_type=None,
        group=Group.UNKNOWN,
        claimed=False,
        province=None,
        district=None,
        killed=killed,
        injured=None,
        militants_killed=None,
        model_version=version,
        confidence={"event_type": 0.9},
    )


def test_a_refused_label_row_is_quarantined_and_the_batch_goes_on(db_url: str) -> None:
    # A figure that got past the extractor's bound (another model, a future bug) must still not block a
    # batch: the database refuses it (64-bit overflow on SQLite, int4 on PostgreSQL).
    assert MAX_PLAUSIBLE_FIGURE < 2**40
    engine = make_engine(db_url)
    upgrade(engine)
    now = datetime(2026, 11, 3, tzinfo=UTC)
    with session_scope(engine) as session:
        stored = load.store_articles(
            session,
            [
                Article(f"http://127.0.0.2/n/{i}", f"http://127.0.0.2/n/{i}", "d", f"t{i}", f"text {i}", f"h{i}", now)
                for i in range(3)
            ],
        ).inserted
    too_big = 2**40 if engine.dialect.name == "postgresql" else 10**20
    with session_scope(engine) as session:
        saved = [load.save_labels(session, i, _labels("v1", k)) for i, k in zip(stored, (3, too_big, 5), strict=True)]
    assert saved == [True, False, True]
    with session_scope(engine) as session:
        rows = session.execute(sa.text("select article_id, killed from article_labels order by article_id")).all()
        held = session.execute(sa.text("select stage, article_id, model_version, error from quarantine")).all()
        pending = load.unlabelled_articles(session, "v1")
    assert [tuple(r) for r in rows] == [(stored[0], 3), (stored[2], 5)]
    assert [(h.stage, h.article_id, h.model_version) for h in held] == [("label", stored[1], "v1")]
    assert held[0].error  # the database's own words
    assert pending == []  # not offered to v1 again, so later runs never hit it
    with session_scope(engine) as session:
        assert [a for a, _ in load.unlabelled_articles(session, "v2")] == stored  # a new model tries again
    engine.dispose()
