"""Airflow DAG `khabar_report`: the analysts' HTML report and CSV/JSON snapshots of the warehouse's incidents.

Runs when `khabar_ingest` updates the `khabar_incidents` asset (incidents created or revised) and at least
once a day (00:00 UTC). The files cover the run's data interval: a daily run the day that just ended; an
asset-triggered run (which has no data interval) the current UTC day so far; a manual run the day before it
was triggered. Re-running an interval rewrites the same files: `incidents-<interval>.csv/.json` (that
interval's incidents, the JSON also its daily trends) and `report-<interval>.html` (everything up to the
interval's last day), in `KHABAR_REPORT_DIR` (default `<data dir>/reports`).

Thin on purpose: the task imports khabar inside its body, so parsing stays cheap.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from airflow.sdk import Asset, AssetOrTimeSchedule, CronTriggerTimetable, dag, get_current_context, task

log = logging.getLogger("khabar.dags.report")

# Updated by khabar_ingest's `publish` task; the same definition is in khabar_ingest.py.
INCIDENTS = Asset(name="khabar_incidents", uri="khabar://warehouse/incidents", group="khabar")

default_args: dict[str, Any] = {
    "owner": "khabar",
    "retries": 3,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=15),
    "execution_timeout": timedelta(minutes=15),
}


@dag(
    dag_id="khabar_report",
    description="The analysts' HTML report and CSV/JSON incident snapshots, on new incidents and daily.",
    # Daily at 00:00 UTC, the data interval being the day that just ended; or whenever incidents change.
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=timedelta(days=1)),
        assets=[INCIDENTS],
    ),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["khabar"],
    doc_md=__doc__,
)
def khabar_report() -> None:
    @task
    def report() -> dict[str, Any]:
        """Write the report and snapshots of this run's data interval."""
        from khabar.orchestration import report_window, settings_from_airflow
        from khabar.pipeline import write_snapshots

        context = get_current_context()
        since, until = report_window(
            context.get("data_interval_start"), context.get("data_interval_end"), context["dag_run"].run_after
        )
        result = write_snapshots(since, until, settings=settings_from_airflow())
        log.info("report %s..%s: %s incident(s), %s", since, until, result["incidents"], result["html"])
        return result

    report()


khabar_report()
