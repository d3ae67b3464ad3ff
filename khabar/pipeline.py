"""One pipeline run — discover → fetch → extract → classify → resolve → load → alert — and its stages.

Each stage is a plain function taking a database URL, so the CLI runs them in sequence and the Airflow
DAG runs them as separate, retryable tasks. Every stage is idempotent: rerunning it does no repeated work.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from crawlers.crawl import CrawlSettings, CrawlStats, FeedState, run_crawl
from crawlers.sources import Source, load_sources
from domain.settings import Settings, get_settings
from warehouse import load, queries
from warehouse.db import make_engine, session_scope, upgrade
from warehouse.incidents import resolve_incidents

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(slots=True)
class RunReport:
    """What one run did, for the CLI summary and the task logs."""

    run_id: str
    crawl: dict[str, CrawlStats] = field(default_factory=dict)
    stored: int = 0
    duplicates: int = 0
    labelled: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    duration_s: float = 0.0


def _url(db_url: str | None, settings: Settings | None = None) -> str:
    return db_url or (settings or get_settings()).effective_database_url


@contextmanager
def warehouse(db_url: str) -> Iterator[Engine]:
    """An engine for one stage, disposed of when the stage ends, failures included."""
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def warehouse_session(db_url: str) -> Iterator[Session]:
    """One transaction on a stage's own engine (committed on success, rolled back on error)."""
    with warehouse(db_url) as engine, session_scope(engine) as session:
        yield session


def upgrade_db(db_url: str | None = None) -> None:
    """Bring the warehouse schema to the newest migration (creates an empty database's tables)."""
    upgrade(_url(db_url))


def enabled_sources(sources_file: str | Path) -> list[str]:
    return [s.name for s in load_sources(sources_file) if s.enabled]


def crawl(
    sources: list[Source],
    db_url: str | None = None,
    run_id: str | None = None,
    crawl_settings: CrawlSettings | None = None,
) -> tuple[dict[str, CrawlStats], int, int]:
    """Crawl the sources, store new articles once, remember feed state, record crawl_runs rows.

    Returns (stats per source, articles stored, duplicates skipped).
    """
    url = _url(db_url)
    run_id = run_id or new_run_id()
    with warehouse_session(url) as session:
        load.sync_sources(session, sources)
        known = {s.name: load.urls_on_hosts(session, s.hosts) for s in sources}
        states = {s.name: FeedState(*load.get_feed_state(session, s.name)) for s in sources}
    started_at = datetime.now(UTC)
    result = run_crawl(sources, known, states, crawl_settings or default_crawl_settings())
    finished_at = datetime.now(UTC)
    with warehouse_session(url) as session:
        stored = load.store_articles(session, result.articles)
        for name, state in result.feed_states.items():
            load.set_feed_state(session, name, state.etag, state.last_modified)
        for name, stats in result.stats.items():
            row = stats.as_dict() | {"started_at": started_at, "finished_at": finished_at}
            load.record_crawl_run(session, run_id, name, row)
            if stats.index_error is None:
                load.mark_source_success(session, name, finished_at)
    return result.stats, len(stored.inserted), stored.duplicates


def crawl_source(source_name: str, sources_file: str, db_url: str | None, run_id: str) -> dict[str, Any]:
    """Airflow's mapped task: crawl one source; raise when its index could not be read at all."""
    sources = {s.name: s for s in load_sources(sources_file)}
    if source_name not in sources:
        raise KeyError(f"no source named {source_name!r} in {sources_file}")
    stats, stored, duplicates = crawl([sources[source_name]], db_url, run_id)
    result = stats[source_name]
    summary = result.as_dict() | {"stored": stored, "duplicates": duplicates}
    if result.index_error:
        raise RuntimeError(f"source {source_name}: index unreadable ({result.index_error})")
    return summary


def classify_pending(
    db_url: str | None = None, *, model_dir: Path | None = None, batch_size: int = 256
) -> dict[str, Any]:
    """Label every stored article that has no labels from the current model version."""
    from classifiers.classify import Classifier  # the model is loaded only by stages that need it

    settings = get_settings()
    classifier = Classifier.load(model_dir or settings.model_dir)
    labelled = 0
    with warehouse(_url(db_url, settings)) as engine:
        while True:
            with session_scope(engine) as session:
                batch = load.unlabelled_articles(session, classifier.version, limit=batch_size)
                if not batch:
                    break
                labels = classifier.classify([(a.title, a.text) for _, a in batch])
                for (article_id, _), label in zip(batch, labels, strict=True):
                    load.save_labels(session, article_id, label)
                labelled += len(batch)
    return {"labelled": labelled, "model_version": classifier.version}


def current_model_version(model_dir: Path | None = None) -> str:
    from classifiers.classify import Classifier

    return Classifier.load(model_dir or get_settings().model_dir).version


def resolve_pending(db_url: str | None = None, *, model_version: str | None = None) -> dict[str, Any]:
    """Merge newly labelled attack and operation reports into incidents."""
    version = model_version or current_model_version()
    with warehouse_session(_url(db_url)) as session:
        result = resolve_incidents(session, version)
    return {"new": list(result.new), "updated": list(result.updated), "articles": result.articles}


def send_alerts(db_url: str | None = None, settings: Settings | None = None) -> dict[str, int]:
    """Send one alert per channel for each new (or revised) attack incident; never the same one twice."""
    from khabar.alerts import deliver_pending

    settings = settings or get_settings()
    with warehouse(_url(db_url, settings)) as engine:
        return deliver_pending(engine, settings)


def trend_snapshot(db_url: str | None, day: str, out_dir: str | None = None) -> dict[str, Any]:
    """Write the monthly trends by province and by group as of `day` to a JSON file (the daily report)."""
    import json

    settings = get_settings()
    target = Path(out_dir) if out_dir else settings.data_dir / "reports"
    target.mkdir(parents=True, exist_ok=True)
    snapshot: dict[str, Any] = {"day": day, "generated_at": datetime.now(UTC).isoformat()}
    rows = 0
    with warehouse_session(_url(db_url, settings)) as session:
        for by in ("province", "group", "attack_type"):
            trend = queries.trends(session, by=by, period="month", since=None)
            snapshot[by] = [t.as_dict() for t in trend]
            rows += len(trend)
    path = target / f"trends-{day}.json"
    path.write_text(json.dumps(snapshot, indent=2, default=str), encoding="utf-8")
    return {"path": str(path), "rows": rows}


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def default_crawl_settings() -> CrawlSettings:
    settings = get_settings()
    return CrawlSettings(user_agent=settings.user_agent)


def run_once(
    sources_file: str | Path,
    db_url: str | None = None,
    *,
    crawl_settings: CrawlSettings | None = None,
    model_dir: Path | None = None,
    alert_settings: Settings | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """The whole pipeline once, as the ingest DAG does it every 15 minutes."""
    say = progress or (lambda message: logger.info(message))
    started = time.monotonic()
    sources = [s for s in load_sources(sources_file) if s.enabled]
    url = _url(db_url)
    report = RunReport(run_id=new_run_id())
    say(f"warehouse: {url.split('@')[-1]}")
    upgrade(url)
    say(f"crawling {len(sources)} source(s)")
    report.crawl, report.stored, report.duplicates = crawl(sources, url, report.run_id, crawl_settings)
    say(f"classifying: {report.stored} new article(s)")
    classified = classify_pending(url, model_dir=model_dir)
    report.labelled = int(classified["labelled"])
    resolved = resolve_pending(url, model_version=str(classified["model_version"]))
    report.incidents_new, report.incidents_updated = len(resolved["new"]), len(resolved["updated"])
    say(f"incidents: {report.incidents_new} new, {report.incidents_updated} updated")
    alerts = send_alerts(url, alert_settings)
    report.alerts_sent, report.alerts_failed = alerts.get("sent", 0), alerts.get("failed", 0)
    report.duration_s = round(time.monotonic() - started, 2)
    return report


def incidents_since(db_url: str | None, since: date | None) -> list[Any]:
    with warehouse_session(_url(db_url)) as session:
        return queries.list_incidents(session, since=since)


def trend_rows(db_url: str | None, by: str, period: str, since: date | None) -> list[dict[str, Any]]:
    with warehouse_session(_url(db_url)) as session:
        return [t.as_dict() for t in queries.trends(session, by=by, period=period, since=since)]  # type: ignore[arg-type]


def source_health(db_url: str | None, sources_file: Path | None = None) -> list[dict[str, Any]]:
    from warehouse.health import source_health as health

    declared = {s.name: s.enabled for s in load_sources(sources_file)} if sources_file else None
    with warehouse(_url(db_url)) as engine:
        upgrade(engine)
        with session_scope(engine) as session:
            return [h.as_dict() for h in health(session, extra=declared)]
