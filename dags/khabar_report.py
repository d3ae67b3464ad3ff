"""Airflow DAG `khabar_report`: once a day, write a trend snapshot (CSV/JSON) of the warehouse.

Thin on purpose: the task imports `khabar.pipeline` inside its body, so parsing stays cheap.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta

from airflow.sdk import CronTriggerTimetable, dag, get_current_context, task

log = logging.getLogger("khabar.dags.report")

default_args = {
    "owner": "khabar",
    "retries": 3,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=15),
    "execution_timeout": timedelta(minutes=15),
}


@dag(
    dag_id="khabar_report",
    description="Daily trend snapshot of the khabar warehouse.",
    # Fires at 00:00 UTC; the one-day interval makes the run's data interval the day that just ended.
    schedule=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=timedelta(days=1)),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["khabar"],
    doc_md=__doc__,
)
def khabar_report() -> None:
    @task
    def snapshot() -> dict:
        """Snapshot the trends as of the end of this run's data interval (re-running a day rewrites it)."""
        from khabar.pipeline import trend_snapshot

        context = get_current_context()
        # A manual run triggered without a logical date has no data interval: use when it was due.
        end = context.get("data_interval_end") or context["dag_run"].run_after
        day = end.date().isoformat()
        result = trend_snapshot(
            os.environ.get("KHABAR_DATABASE_URL") or None,
            day=day,
            out_dir=os.environ.get("KHABAR_REPORT_DIR") or None,
        )
        log.info("snapshot %s: rows=%s path=%s", day, result.get("rows"), result.get("path"))
        return result

    snapshot()


khabar_report()
