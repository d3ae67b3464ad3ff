"""Warehouse schema, migrations, connection errors and idempotent loading, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Engine

from domain.records import Article, ArticleLabels
from domain.taxonomy import AttackType, EventType, Group, Province
from warehouse import load, schema
from warehouse.db import WarehouseError, display_url, downgrade, make_engine, session_scope, upgrade

TABLES = {
    "sources",
    "articles",
    "article_urls",
    "article_labels",
    "incidents",
    "incident_articles",
    "incident_revisions",
    "alerts",
    "crawl_runs",
}


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def article(n: int, **changes: object) -> Article:
    base = Article(
        url=f"https://www.dawn.com/news/{n}?utm_source=rss",
        canonical_url=f"https://dawn.com/news/{n}",
        source="dawn",
        title=f"Story {n}",
        text=f"Body of story number {n}.",
        content_hash=f"hash-{n}",
        fetched_at=datetime(2026, 3, 5, 12, 0, tzinfo=UTC),
        published_at=datetime(2026, 3, 5, 9, 30, tzinfo=UTC),
        language="en",
        http_status=200,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def labels(version: str = "m1", **changes: object) -> ArticleLabels:
    base = ArticleLabels(
        event_type=EventType.ATTACK,
        attack_type=AttackType.BOMBING,
        group=Group.UNKNOWN,
        claimed=False,
        province=Province.KHYBER_PAKHTUNKHWA,
        district="Bannu",
        killed=3,
        injured=7,
        militants_killed=None,
        model_version=version,
        confidence={"event_type": 0.97, "attack_type": 0.9, "killed": 0.8},
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(f"select count(*) from {table}")).scalar_one())


# --- migrations ---------------------------------------------------------------------------------


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), schema.metadata))


def test_migrations_up_down_up_match_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    assert set(sa.inspect(engine).get_table_names()) >= TABLES
    assert "incident_trends_monthly" in sa.inspect(engine).get_view_names()

    downgrade(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    assert sa.inspect(engine).get_view_names() == []

    upgrade(engine)
    upgrade(engine)  # already at head: a no-op
    assert _diff(engine) == []
    with engine.connect() as conn:
        assert conn.execute(sa.text("select version_num from alembic_version")).scalar_one() == "0011"
    engine.dispose()


def test_each_migration_steps_down_and_up(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    assert "article_urls" not in sa.inspect(engine).get_table_names()
    upgrade(engine)
    assert "article_urls" in sa.inspect(engine).get_table_names()
    downgrade(engine, "0001")
    assert "article_urls" not in sa.inspect(engine).get_table_names()
    assert "articles" in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_0008_records_each_articles_newest_label_version(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0007")
    with session_scope(engine) as session:
        ids = load.store_articles(session, [article(1), article(2), article(3)]).inserted
        session.execute(
            sa.insert(schema.ArticleLabel),
            [
                _label_row(ids[0], "m1", datetime(2026, 3, 1, tzinfo=UTC)),
                _label_row(ids[0], "m2", datetime(2026, 3, 2, tzinfo=UTC)),
                _label_row(ids[1], "m1", datetime(2026, 3, 1, tzinfo=UTC)),
            ],
        )
    upgrade(engine)
    with session_scope(engine) as session:
        by = {i: v for i, v in session.execute(sa.select(schema.Article.id, schema.Article.labelled_by))}
        assert by == {ids[0]: "m2", ids[1]: "m1", ids[2]: None}
        assert [i for i, _ in load.unlabelled_articles(session, "m1")] == [ids[2]]
        assert [i for i, _ in load.unlabelled_articles(session, "m2")] == ids[1:]
    engine.dispose()


def _label_row(article_id: int, version: str, at: datetime) -> dict[str, object]:
    return {
        "article_id": article_id, "model_version": version, "event_type": "other", "group_code": "unknown",
        "claimed": False, "confidence": {}, "overall_confidence": 0.9, "labelled_at": at,
    }  # fmt: skip


def test_upgrade_accepts_a_url(db_url: str) -> None:
    upgrade(db_url)
    engine = make_engine(db_url)
    assert set(sa.inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_monthly_trend_view(engine: Engine) -> None:
    def incident(day: date, killed: int | None, event_type: str = "attack") -> schema.Incident:
        return schema.Incident(
            occurred_on=day,
            event_type=event_type,
            attack_type="bombing",
            group_code="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Bannu",
            killed=killed,
            injured=1,
            militants_killed=None,
            confidence=0.9,
        )

    with session_scope(engine) as session:
        session.add_all(
            [
                incident(date(2026, 3, 1), 5),
                incident(date(2026, 3, 31), None),
                incident(date(2026, 4, 2), 2),
                incident(date(2026, 3, 10), 9, event_type="security_operation"),
            ]
        )
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("select month, incidents, killed, injured from incident_trends_monthly order by month")
        ).all()
    # PostgreSQL gives a DATE, SQLite the text 'YYYY-MM-01': compare them as text.
    assert [(str(m), i, k, j) for m, i, k, j in rows] == [
        ("2026-03-01", 2, 5, 2),
        ("2026-04-01", 1, 2, 1),
    ]


# --- engines and errors -------------------------------------------------------------------------


def test_sqlite_engine_creates_directory_and_enforces_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'khabar.sqlite'}"
    engine = make_engine(url)
    assert (tmp_path / "deep" / "er" / "khabar.sqlite").exists()
    with engine.connect() as conn:
        assert conn.execute(sa.text("pragma foreign_keys")).scalar_one() == 1
        assert conn.execute(sa.text("pragma busy_timeout")).scalar_one() >= 1000
    engine.dispose()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(sa.exc.IntegrityError), session_scope(engine) as session:
        session.add(schema.IncidentArticle(incident_id=999, article_id=999))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "invalid warehouse URL 'not a url'"),
        ("postgresql://bob:s3cret@host:notaport/db", "invalid warehouse URL 'postgresql://bob:***@host:notaport/db'"),
        ("nosuchdb+nodriver://user@host/db", "unknown database driver 'nosuchdb+nodriver'"),
        (
            "postgresql+psycopg2://postgres:s3cret@127.0.0.1:1/x",
            "cannot connect to the warehouse at postgresql+psycopg2://postgres:***@127.0.0.1:1/x: connection refused",
        ),
    ],
)
def test_warehouse_errors_are_one_clear_line(url: str, expected: str) -> None:
    with pytest.raises(WarehouseError) as info:
        make_engine(url)
    message = str(info.value)
    assert message.startswith(expected)
    assert "\n" not in message
    assert "s3cret" not in message


@pytest.mark.postgres
def test_missing_database_is_named(postgres_available: str) -> None:
    url = sa.make_url(postgres_available).set(database="no_such_db")
    with pytest.raises(WarehouseError) as info:
        make_engine(url)
    assert str(info.value) == (
        f'cannot connect to the warehouse at {display_url(url)}: database "no_such_db" does not exist'
    )


def test_unreachable_server_fails_in_upgrade_too() -> None:
    with pytest.raises(WarehouseError, match=r"^cannot connect to the warehouse at .*127\.0\.0\.1:1/x"):
        upgrade("postgresql+psycopg2://postgres@127.0.0.1:1/x")


def test_missing_schema_is_reported_clearly(db_url: str) -> None:
    engine = make_engine(db_url)
    with (
        pytest.raises(WarehouseError, match=r"has no schema yet .*khabar db upgrade"),
        session_scope(engine) as session,
    ):
        load.known_urls(session, ["https://dawn.com/news/1"])
    engine.dispose()


def test_database_lost_mid_run_is_one_clear_error(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    upgrade(engine)
    admin = make_engine(postgres_url)
    lost = r"^lost the connection to the warehouse at postgresql\S+: "
    with pytest.raises(WarehouseError, match=lost), session_scope(engine) as session:
        pid = session.execute(sa.text("select pg_backend_pid()")).scalar_one()
        with admin.begin() as conn:
            conn.execute(sa.text("select pg_terminate_backend(:pid)"), {"pid": pid})
        load.known_urls(session, ["https://dawn.com/news/1"])
    # The pool drops the dead connection: the next unit of work just runs.
    with session_scope(engine) as session:
        assert load.known_urls(session, ["https://dawn.com/news/1"]) == set()
    admin.dispose()
    engine.dispose()


# --- sources and feed state ---------------------------------------------------------------------


@dataclass
class Src:
    name: str
    kind: str = "feed"
    url: str = "https://www.dawn.com/feeds/home"
    enabled: bool = True


def test_sync_sources_and_feed_state(engine: Engine) -> None:
    with session_scope(engine) as session:
        load.sync_sources(session, [Src("dawn"), Src("tribune", url="https://tribune.com.pk/feed")])
        load.set_feed_state(session, "dawn", '"abc"', "Thu, 05 Mar 2026 10:00:00 GMT")
    with session_scope(engine) as session:
        # Re-syncing (a config edit) keeps the crawl state; sources left out are only disabled on request.
        load.sync_sources(session, [Src("dawn", url="https://www.dawn.com/feeds/latest")])
        assert load.get_feed_state(session, "dawn") == ('"abc"', "Thu, 05 Mar 2026 10:00:00 GMT")
        assert load.get_feed_state(session, "nowhere") == (None, None)
        load.sync_sources(session, [Src("dawn", url="https://www.dawn.com/feeds/latest")], disable_missing=True)
        rows = {s.name: (s.url, s.enabled) for s in session.scalars(sa.select(schema.Source))}
    assert rows == {
        "dawn": ("https://www.dawn.com/feeds/latest", True),
        "tribune": ("https://tribune.com.pk/feed", False),
    }


# --- articles -------------------------------------------------------------------------------------


def test_store_articles_is_idempotent(engine: Engine) -> None:
    batch = [article(1), article(2), article(3)]
    with session_scope(engine) as session:
        first = load.store_articles(session, batch)
    with session_scope(engine) as session:
        second = load.store_articles(session, batch)
    assert len(first.inserted) == 3 and first.duplicates == 0
    assert second.inserted == [] and second.duplicates == 3
    assert count(engine, "articles") == 3
    # An article seen only on an article is registered as a (disabled, unconfigured) source.
    with session_scope(engine) as session:
        source = session.scalars(sa.select(schema.Source)).one()
        assert (source.name, source.enabled, source.kind) == ("dawn", False, None)


def test_same_story_under_two_urls_is_stored_once(engine: Engine) -> None:
    same_body = article(1, url="https://dawn.com/news/1/amp", canonical_url="https://dawn.com/news/1-amp")
    other_url_same_canonical = article(5, canonical_url="https://dawn.com/news/1", content_hash="h5")
    with session_scope(engine) as session:
        # Within one batch: same content hash, and same canonical URL as an earlier member.
        result = load.store_articles(session, [article(1), same_body, other_url_same_canonical])
    assert len(result.inserted) == 1 and result.duplicates == 2
    with session_scope(engine) as session:
        # Against the warehouse: a later crawl reaching the story by another link.
        later = load.store_articles(session, [article(9, content_hash="hash-1")])
    assert later.inserted == [] and later.duplicates == 1
    assert count(engine, "articles") == 1


def test_empty_bodies_do_not_count_as_the_same_story(engine: Engine) -> None:
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    with session_scope(engine) as session:
        result = load.store_articles(
            session, [article(1, text="", content_hash=empty), article(2, text="", content_hash=empty)]
        )
    assert len(result.inserted) == 2


def test_known_urls_match_url_or_canonical_url(engine: Engine) -> None:
    with session_scope(engine) as session:
        load.store_articles(session, [article(1)])
        found = load.known_urls(
            session,
            [
                "https://www.dawn.com/news/1?utm_source=rss",
                "https://dawn.com/news/1",
                "https://dawn.com/news/2",
            ],
        )
        assert found == {"https://www.dawn.com/news/1?utm_source=rss", "https://dawn.com/news/1"}


def test_a_copy_under_another_url_is_remembered_not_stored(engine: Engine) -> None:
    copy = article(
        1, url="https://www.dawn.com/news/77/copy", canonical_url="https://dawn.com/news/77/copy", source="dawn"
    )
    with session_scope(engine) as session:
        first = load.store_articles(session, [article(1), copy])  # the copy arrives in the same batch
        again = load.store_articles(session, [copy])
        assert len(first.inserted) == 1 and first.duplicates == 1 and again.duplicates == 1
        assert load.known_urls(session, [copy.url, copy.canonical_url]) == {copy.url, copy.canonical_url}
    assert count(engine, "articles") == 1
    assert count(engine, "article_urls") == 1


def test_articles_round_trip_with_utc_timestamps(engine: Engine) -> None:
    pkt = datetime.fromisoformat("2026-03-05T14:30:00+05:00")
    with session_scope(engine) as session:
        load.store_articles(session, [article(1, published_at=pkt, author="Staff Reporter")])
    with session_scope(engine) as session:
        [(article_id, stored)] = load.unlabelled_articles(session, "m1")
    assert stored.published_at == pkt and stored.published_at.tzinfo is not None
    assert stored.fetched_at == datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
    assert (stored.url, stored.author, stored.http_status) == (article(1).url, "Staff Reporter", 200)
    assert article_id > 0


# --- labels ---------------------------------------------------------------------------------------


def test_pending_work_follows_the_newest_label_of_each_article(engine: Engine) -> None:
    with session_scope(engine) as session:
        ids = load.store_articles(session, [article(n) for n in range(1, 6)]).inserted
        for i in ids[:3]:
            load.save_labels(session, i, labels("m1"))
        load.save_labels(session, ids[0], labels("m2"))
    with session_scope(engine) as session:
        assert [i for i, _ in load.unlabelled_articles(session, "m1")] == ids[3:]
        # ids[0] was labelled by m1 before m2: its newest label is m2's, yet m1 does not label it again
        assert [i for i, _ in load.unlabelled_articles(session, "m2")] == ids[1:]
        assert [i for i, _ in load.unlabelled_articles(session, "m2", after=ids[2])] == ids[3:]
        assert [i for i, _ in load.unlabelled_articles(session, "m0")] == ids  # an older model: all of them
        by = {i: v for i, v in session.execute(sa.select(schema.Article.id, schema.Article.labelled_by))}
    assert [by[i] for i in ids] == ["m2", "m1", "m1", None, None]


def test_labels_upsert_per_model_version(engine: Engine) -> None:
    with session_scope(engine) as session:
        ids = load.store_articles(session, [article(1), article(2), article(3)]).inserted
    with session_scope(engine) as session:
        assert [i for i, _ in load.unlabelled_articles(session, "m1")] == ids
        assert [i for i, _ in load.unlabelled_articles(session, "m1", limit=2)] == ids[:2]
        load.save_labels(session, ids[0], labels(killed=3))
        load.save_labels(session, ids[0], labels(killed=4, group=Group.TTP, claimed=True))
        load.save_labels(session, ids[1], labels(event_type=EventType.OTHER, attack_type=None))
    with session_scope(engine) as session:
        assert [i for i, _ in load.unlabelled_articles(session, "m1")] == [ids[2]]
        assert len(load.unlabelled_articles(session, "m2")) == 3
        row = session.scalars(sa.select(schema.ArticleLabel).where(schema.ArticleLabel.article_id == ids[0])).one()
    assert (row.killed, row.group_code, row.claimed, row.model_version) == (4, "TTP", True, "m1")
    assert row.confidence == {"event_type": 0.97, "attack_type": 0.9, "killed": 0.8}
    assert row.overall_confidence == pytest.approx(0.9)
    assert count(engine, "article_labels") == 2


# --- crawl runs -----------------------------------------------------------------------------------


def test_record_crawl_run_upserts_and_reads_crawl_stats(engine: Engine) -> None:
    started = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
    stats = {
        "source": "dawn",
        "found": 40,
        "new": 5,
        "fetched": 4,
        "failed": 1,
        "skipped": 2,
        "bytes": 123456,
        "duration_s": 0.0,
        "not_modified": False,
        "index_error": None,
        "failed_reasons": {"timeout": 1},
        "skipped_reasons": {"offsite": 2},
        "started_at": started,
        "finished_at": started.replace(minute=1),
    }
    with session_scope(engine) as session:
        load.record_crawl_run(session, "run-1", "dawn", stats)
        load.mark_source_success(session, "dawn", started.replace(minute=1))
    with session_scope(engine) as session:
        # A retried task writes the same run again: one row, the latest counts.
        load.record_crawl_run(session, "run-1", "dawn", stats | {"fetched": 5, "failed": 0})
        load.record_crawl_run(session, "run-1", "tribune", {"index_error": "HTTP 503"})
    with session_scope(engine) as session:
        runs = {r.source: r for r in session.scalars(sa.select(schema.CrawlRun))}
        source = session.scalars(sa.select(schema.Source).where(schema.Source.name == "dawn")).one()
    assert set(runs) == {"dawn", "tribune"}
    dawn = runs["dawn"]
    assert (dawn.found, dawn.new, dawn.fetched, dawn.failed, dawn.skipped, dawn.bytes) == (
        40,
        5,
        5,
        0,
        2,
        123456,
    )
    assert dawn.duration_s == 60.0
    assert dawn.failure_reasons == {"timeout": 1} and dawn.skip_reasons == {"offsite": 2}
    assert dawn.error is None and runs["tribune"].error == "HTTP 503"
    assert source.last_success_at == started.replace(minute=1)
