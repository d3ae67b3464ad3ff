"""The DAG files import cleanly, declare the intended schedules and retries, and stay cheap to parse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

DAGS_FOLDER = Path(__file__).resolve().parents[2] / "dags"
DAG_FILES = {dag_id: DAGS_FOLDER / f"{dag_id}.py" for dag_id in ("khabar_ingest", "khabar_report")}

HEAVY_MODULES = ("khabar", "crawlers", "classifiers", "warehouse", "torch", "transformers", "scrapy")
PARSE_BUDGET_S = 2.0

# Runs in a fresh interpreter: the SDK is imported first (the dag-processor has it loaded already), then
# the DAG file is executed and timed on its own, and the heavy modules it dragged in are reported.
PARSE_PROBE = """
import importlib.util, json, sys, time
import airflow.sdk
before = set(sys.modules)
start = time.perf_counter()
spec = importlib.util.spec_from_file_location("probe_dag", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
elapsed = time.perf_counter() - start
heavy = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in json.loads(sys.argv[2]))
print(json.dumps({"seconds": elapsed, "heavy": heavy}))
"""


@pytest.fixture(scope="module")
def dagbag() -> Any:
    from airflow.models import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER))


def test_dags_import_without_errors(dagbag: Any) -> None:
    assert dagbag.import_errors == {}
    assert set(DAG_FILES) <= set(dagbag.dag_ids)


def test_no_example_dags_loaded(dagbag: Any) -> None:
    assert all(dag_id.startswith("khabar_") for dag_id in dagbag.dag_ids), dagbag.dag_ids


@pytest.mark.parametrize(
    ("dag_id", "cron", "interval"),
    [
        ("khabar_ingest", "*/15 * * * *", timedelta(minutes=15)),
        ("khabar_report", "0 0 * * *", timedelta(days=1)),
    ],
)
def test_schedule_is_an_explicit_timetable(dagbag: Any, dag_id: str, cron: str, interval: timedelta) -> None:
    from airflow.sdk import CronTriggerTimetable

    dag = dagbag.dags[dag_id]
    assert isinstance(dag.timetable, CronTriggerTimetable)
    assert dag.timetable.expression == cron
    assert dag.timetable.interval == interval
    assert str(dag.timetable.timezone) == "UTC"
    assert dag.catchup is False
    assert dag.max_active_runs == 1


@pytest.mark.parametrize("dag_id", sorted(DAG_FILES))
def test_every_task_retries_with_backoff_and_has_a_timeout(dagbag: Any, dag_id: str) -> None:
    for task in dagbag.dags[dag_id].tasks:
        assert task.retries == 3, task.task_id
        assert task.retry_delay > timedelta(0), task.task_id
        assert task.retry_exponential_backoff >= 2, task.task_id
        assert task.max_retry_delay is not None and task.max_retry_delay >= task.retry_delay, task.task_id
        assert task.execution_timeout is not None, task.task_id
        assert task.execution_timeout <= timedelta(minutes=15), task.task_id


def test_ingest_graph(dagbag: Any) -> None:
    from airflow.sdk import TriggerRule

    dag = dagbag.dags["khabar_ingest"]
    assert set(dag.task_ids) == {"upgrade_db", "list_sources", "crawl", "classify", "resolve", "alert"}
    downstream = {task.task_id: set(task.downstream_task_ids) for task in dag.tasks}
    assert downstream == {
        "upgrade_db": {"list_sources"},
        "list_sources": {"crawl"},
        "crawl": {"classify"},
        "classify": {"resolve"},
        "resolve": {"alert"},
        "alert": set(),
    }
    crawl = dag.get_task("crawl")
    assert crawl.is_mapped, "crawl must be one mapped task instance per source"
    # A failed source must not stop classification of the others (see the DAG file for why ALL_DONE).
    assert dag.get_task("classify").trigger_rule == TriggerRule.ALL_DONE
    for task_id in ("upgrade_db", "list_sources", "resolve", "alert"):
        assert dag.get_task(task_id).trigger_rule == TriggerRule.ALL_SUCCESS, task_id
    assert crawl.max_active_tis_per_dagrun is not None, "parallel crawls must be capped"
    # One crawl try must end well inside the 15-minute cadence.
    assert crawl.execution_timeout < timedelta(minutes=15)


def test_report_graph(dagbag: Any) -> None:
    dag = dagbag.dags["khabar_report"]
    assert dag.task_ids == ["snapshot"]


@pytest.mark.parametrize("dag_id", sorted(DAG_FILES))
def test_parse_is_cheap_and_imports_nothing_heavy(dag_id: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PARSE_PROBE, str(DAG_FILES[dag_id]), json.dumps(HEAVY_MODULES)],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=DAGS_FOLDER.parent,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["heavy"] == [], f"{dag_id} imports at parse time: {probe['heavy']}"
    assert probe["seconds"] < PARSE_BUDGET_S, f"{dag_id} took {probe['seconds']:.2f} s to parse"
