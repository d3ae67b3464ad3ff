"""Airflow DAG `khabar_ingest`: every 15 minutes, crawl each enabled source, then classify, resolve, alert.

Thin on purpose: every task imports `khabar.pipeline` inside its body, so parsing this file costs
only the Airflow SDK import (no torch, transformers, Scrapy or database connection at parse time).
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from airflow.sdk import CronTriggerTimetable, TriggerRule, dag, get_current_context, task

log = logging.getLogger("khabar.dags.ingest")

# The repository root (this file lives in <root>/dags); the Docker image keeps the same layout.
DEFAULT_SOURCES_FILE = Path(__file__).resolve().parent.parent / "sources.yaml"


def sources_file() -> str:
    """KHABAR_SOURCES_FILE, else sources.yaml at the repository root. Read at run time, on the worker."""
    return os.environ.get("KHABAR_SOURCES_FILE") or str(DEFAULT_SOURCES_FILE)


def database_url() -> str | None:
    """KHABAR_DATABASE_URL; None lets khabar fall back to its embedded SQLite default."""
    return os.environ.get("KHABAR_DATABASE_URL") or None


default_args = {
    "owner": "khabar",
    "retries": 3,
    # 30 s, then 60 s, then 120 s (capped at 5 min): a flaky host gets time to recover without holding
    # up the next run for long (max_active_runs=1 makes it wait for this one).
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=5),
    "execution_timeout": timedelta(minutes=5),
}


@dag(
    dag_id="khabar_ingest",
    description="Crawl enabled news sources, classify, resolve incidents, alert.",
    schedule=CronTriggerTimetable("*/15 * * * *", timezone="UTC", interval=timedelta(minutes=15)),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    # A run stuck past this would otherwise block every later run (max_active_runs=1).
    dagrun_timeout=timedelta(hours=1),
    default_args=default_args,
    tags=["khabar"],
    doc_md=__doc__,
)
def khabar_ingest() -> None:
    @task(execution_timeout=timedelta(minutes=5))
    def upgrade_db() -> None:
        """Bring the warehouse schema to head (Alembic); a no-op when it is already there."""
        from khabar.pipeline import upgrade_db as upgrade

        upgrade(database_url())
        log.info("warehouse schema up to date")

    @task(execution_timeout=timedelta(minutes=1))
    def list_sources() -> list[str]:
        """Names of the enabled sources; operators enable/disable sources by editing the YAML file."""
        from khabar.pipeline import enabled_sources

        path = sources_file()
        names = enabled_sources(path)
        log.info("%d enabled sources in %s: %s", len(names), path, ", ".join(names))
        return names

    # One mapped task instance per source, labelled with the source name in the UI. A source that
    # still fails after its retries fails only its own instance. Each crawl runs Scrapy in its own
    # process, so the number at once is capped to keep a small worker responsive.
    @task(
        execution_timeout=timedelta(minutes=8),
        map_index_template="{{ task.op_kwargs['source_name'] }}",
        max_active_tis_per_dagrun=4,
    )
    def crawl(source_name: str) -> dict:
        """Discover, fetch, extract and store one source's new articles."""
        from khabar.pipeline import crawl_source

        # The Airflow run id is stable across retries of this run, so a retried source records into
        # the same crawl run instead of a new one stamped with now().
        run_id = get_current_context()["run_id"]
        stats = crawl_source(source_name, sources_file(), database_url(), run_id)
        log.info(
            "crawl %s: %s",
            source_name,
            " ".join(f"{key}={value}" for key, value in stats.items() if isinstance(value, int | float)),
        )
        return stats

    # ALL_DONE, not NONE_FAILED_MIN_ONE_SUCCESS: with the latter a single failed source would skip
    # classification (and everything after it) for all the others, which defeats per-source isolation.
    # ALL_DONE also runs when every source failed or none is enabled: classify/resolve/alert are
    # idempotent and work on whatever is pending in the warehouse, so earlier backlog still moves on.
    @task(trigger_rule=TriggerRule.ALL_DONE, execution_timeout=timedelta(minutes=10))
    def classify() -> dict:
        """Label every stored article that has no labels from the current model yet."""
        from khabar.pipeline import classify_pending

        result = classify_pending(database_url())
        log.info("classify: labelled=%s", result.get("labelled"))
        return result

    @task(execution_timeout=timedelta(minutes=5))
    def resolve() -> dict:
        """Merge newly labelled attack reports into incidents (new or updated)."""
        from khabar.pipeline import resolve_pending

        result = resolve_pending(database_url())
        log.info("resolve: new=%d updated=%d", len(result.get("new", [])), len(result.get("updated", [])))
        return result

    @task(execution_timeout=timedelta(minutes=5))
    def alert() -> dict:
        """Send one alert per channel for each new or updated incident; never twice (idempotency key)."""
        from khabar.pipeline import send_alerts

        result = send_alerts(database_url())
        log.info("alert: sent=%s failed=%s", result.get("sent"), result.get("failed"))
        return result

    names = list_sources()
    crawled = crawl.expand(source_name=names)
    upgrade_db() >> names
    crawled >> classify() >> resolve() >> alert()


khabar_ingest()
