"""Airflow DAG `khabar_ingest`: every 15 minutes, each enabled source crawled, classified, resolved, alerted.

Per source, a mapped task group `source` runs crawl → classify → resolve → alert, so a healthy source's
incidents and alerts never wait for a sick source's retries. The crawl task itself classifies, resolves and
alerts the batches it stores while it goes on fetching (`khabar.pipeline.crawl_source`), so a page of the
source that hangs holds back none of its articles' alerts; the three stages after it take what is left.
A permanent failure (404/410, DNS, robots.txt, a refused URL, a source no longer in the file, bad
configuration) fails its crawl at once; a transient one (timeout, 5xx, a dropped connection, the warehouse
busy) is retried with backoff. `publish` updates the `khabar_incidents` asset when incidents changed;
`check_run` fails the run when any task failed and tells the operators (webhook and e-mail notifiers, each
configured by an Airflow connection) which sources failed and why.

Configuration: Airflow connections `khabar_warehouse`, `khabar_alert_webhook`, `khabar_alert_smtp`,
`khabar_ops_webhook`, `khabar_ops_smtp` and the Variable `khabar_sources_file`, else the `KHABAR_*`
environment (see khabar/orchestration.py). A manual run may name a subset of sources and re-send the
alerts of a date range (Params).

Thin on purpose: tasks import khabar inside their bodies, so parsing costs only the Airflow SDK and the
notifier classes (no torch, Scrapy, SQLAlchemy or database connection at parse time).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from airflow.sdk import (
    Asset,
    CronTriggerTimetable,
    Param,
    TriggerRule,
    dag,
    get_current_context,
    task,
    task_group,
)

from khabar.notifiers import EmailNotifier, WebhookNotifier

log = logging.getLogger("khabar.dags.ingest")

# The warehouse's incidents; khabar_report is scheduled on it. The same definition is in khabar_report.py.
INCIDENTS = Asset(name="khabar_incidents", uri="khabar://warehouse/incidents", group="khabar")

# Each task instance of the mapped group is labelled with its source's name, rendered before the task runs
# (so also while it waits for a retry), not with a bare map index. In a mapped task group the source name
# is the tasks' first positional argument.
SOURCE_LABEL = "{{ task.op_args[0] }}"

default_args: dict[str, Any] = {
    "owner": "khabar",
    "retries": 3,
    # Transient failures only (permanent ones fail at once): 30 s, 60 s, 120 s, capped at 5 min.
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=5),
    "execution_timeout": timedelta(minutes=5),
}


@task(execution_timeout=timedelta(minutes=5))
def upgrade_db() -> None:
    """Bring the warehouse schema to head (Alembic); a no-op when it is already there."""
    from khabar.orchestration import reporting_failure, settings_from_airflow
    from khabar.pipeline import upgrade_db as upgrade

    context = get_current_context()
    with reporting_failure(context):
        settings = settings_from_airflow()
        upgrade(settings=settings)
        log.info("warehouse schema up to date")


@task(execution_timeout=timedelta(minutes=1))
def list_sources() -> list[str]:
    """The sources this run crawls: every enabled one, or the manual run's `sources` param."""
    from khabar.orchestration import reporting_failure, selected_sources, settings_from_airflow, sources_file

    context = get_current_context()
    with reporting_failure(context):
        settings = settings_from_airflow()
        path = sources_file(settings)
        names = selected_sources(path, context["params"].get("sources") or [])
        log.info("%d source(s) from %s: %s", len(names), path, ", ".join(names))
        return names


@task(execution_timeout=timedelta(minutes=5))
def reopen_alerts() -> int:
    """A manual run's `realert_since`/`realert_until`: mark those incidents' alerts to be sent again."""
    from khabar.orchestration import realert_range, reporting_failure, settings_from_airflow

    context = get_current_context()
    with reporting_failure(context):
        reopened = realert_range(settings_from_airflow(), context["params"])
        log.info("alerts to send again: %d", reopened)
        return reopened


# One crawl process per source; at most 4 at once keeps a small worker responsive.
@task(execution_timeout=timedelta(minutes=8), map_index_template=SOURCE_LABEL, max_active_tis_per_dagrun=4)
def crawl(source_name: str) -> dict[str, Any]:
    """Discover, fetch, extract and store one source's new articles (its URLs claimed first), classifying,
    resolving and alerting each stored batch while the crawl goes on."""
    from khabar.orchestration import reporting_failure, settings_from_airflow, sources_file
    from khabar.pipeline import crawl_source

    context = get_current_context()
    with reporting_failure(context, source_name):
        settings = settings_from_airflow()
        # The Airflow run id is stable across retries, so a retried source records into the same
        # crawl run (and keeps its own URL claims) instead of a new one stamped with now().
        stats = crawl_source(source_name, sources_file(settings), None, context["run_id"], settings=settings)
    if stats.get("disabled"):
        from airflow.sdk.exceptions import AirflowSkipException

        raise AirflowSkipException(f"source {source_name} was disabled since the run started")
    log.info(
        "crawl %s: %s",
        source_name,
        " ".join(f"{k}={v}" for k, v in stats.items() if isinstance(v, int | float) and not isinstance(v, bool)),
    )
    return stats


# The warehouse stages work on whatever is pending, whoever stored it; one instance of each at a time.
# ALL_DONE: what a failed or cut-off source did store is still classified and alerted.
@task(
    trigger_rule=TriggerRule.ALL_DONE,
    execution_timeout=timedelta(minutes=10),
    map_index_template=SOURCE_LABEL,
    max_active_tis_per_dagrun=1,
)
def classify(source_name: str) -> dict[str, Any]:
    """Label every stored article that has no labels from the current model yet."""
    from khabar.orchestration import reporting_failure, settings_from_airflow
    from khabar.pipeline import classify_pending

    context = get_current_context()
    with reporting_failure(context, source_name):
        result = classify_pending(settings=settings_from_airflow())
    log.info("classify: labelled=%d", result.labelled)
    return result.as_dict()


@task(map_index_template=SOURCE_LABEL, max_active_tis_per_dagrun=1)
def resolve(source_name: str) -> dict[str, Any]:
    """Merge newly labelled attack reports into incidents (new or updated)."""
    from khabar.orchestration import reporting_failure, settings_from_airflow
    from khabar.pipeline import resolve_pending

    context = get_current_context()
    with reporting_failure(context, source_name):
        result = resolve_pending(settings=settings_from_airflow())
    log.info("resolve: new=%d updated=%d merged=%d", len(result.new), len(result.updated), len(result.merged))
    return result.as_dict()


@task(map_index_template=SOURCE_LABEL, max_active_tis_per_dagrun=1)
def alert(source_name: str) -> dict[str, Any]:
    """One alert per channel for each new or updated incident; fails when any could not be delivered."""
    from khabar.orchestration import deliver_alerts, reporting_failure, settings_from_airflow

    context = get_current_context()
    with reporting_failure(context, source_name):
        result = deliver_alerts(settings_from_airflow())
    log.info("alert: sent=%d failed=%d", result.sent, result.failed)
    return result.as_dict()


# One source's crawl → classify → resolve → alert, mapped over the run's sources.
@task_group(group_id="source")
def per_source(source_name: str) -> None:
    crawl(source_name) >> classify(source_name) >> resolve(source_name) >> alert(source_name)


@task(trigger_rule=TriggerRule.ALL_DONE, outlets=[INCIDENTS], execution_timeout=timedelta(minutes=1))
def publish() -> dict[str, int]:
    """Update the `khabar_incidents` asset when this run created or revised incidents (else skip)."""
    from airflow.sdk.exceptions import AirflowSkipException

    from khabar.orchestration import incident_changes

    context = get_current_context()
    # A list of task ids always pulls a list (one task id pulls a bare value when one source ran).
    # The crawl tasks resolve what they store while they crawl; the resolve tasks what is left.
    changes = incident_changes(context["ti"].xcom_pull(task_ids=["source.crawl", "source.resolve"]) or [])
    if not changes["new"] and not changes["updated"]:
        raise AirflowSkipException("no incident created or revised in this run")
    context["outlet_events"][INCIDENTS].extra = changes
    return changes


# Fails (without retrying) when anything in the run failed, after everything else is done; its failure
# callbacks are the operators' notifications.
@task(
    trigger_rule=TriggerRule.ALL_DONE,
    retries=0,
    execution_timeout=timedelta(minutes=2),
    on_failure_callback=[WebhookNotifier(), EmailNotifier()],
)
def check_run() -> dict[str, Any]:
    """Fail the run, naming every failed source and task with its reason, if anything failed."""
    from khabar.orchestration import check_run_problems

    return check_run_problems(get_current_context())


@dag(
    dag_id="khabar_ingest",
    description="Crawl enabled news sources, classify, resolve incidents, alert; notify operators of failures.",
    schedule=CronTriggerTimetable("*/15 * * * *", timezone="UTC", interval=timedelta(minutes=15)),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    # A run stuck past this would otherwise block every later run (max_active_runs=1).
    dagrun_timeout=timedelta(hours=1),
    default_args=default_args,
    tags=["khabar"],
    doc_md=__doc__,
    params={
        "sources": Param(
            [],
            type="array",
            items={"type": "string"},
            title="Sources",
            description="Crawl only these sources (names from the sources file); empty: every enabled source.",
        ),
        "realert_since": Param(
            None,
            type=["null", "string"],
            format="date",
            title="Re-alert from",
            description="Send the alerts of incidents that occurred from this day again (with realert_until).",
        ),
        "realert_until": Param(
            None,
            type=["null", "string"],
            format="date",
            title="Re-alert until",
            description="Last day (inclusive) of the incidents whose alerts are sent again.",
        ),
    },
)
def khabar_ingest() -> None:
    names = list_sources()
    upgrade_db() >> reopen_alerts() >> names
    per_source.expand(source_name=names) >> publish() >> check_run()


khabar_ingest()
