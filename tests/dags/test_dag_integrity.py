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
# The DAG files import the notifier classes (Airflow's own notifier mechanism): that module imports only
# Airflow, and the khabar package itself is empty.
ALLOWED = ("khabar", "khabar.notifiers")
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
heavy = sorted(
    m for m in set(sys.modules) - before
    if m.split(".")[0] in json.loads(sys.argv[2]) and m not in json.loads(sys.argv[3])
)
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
    from airflow.sdk import AssetOrTimeSchedule, CronTriggerTimetable

    dag = dagbag.dags[dag_id]
    timetable = dag.timetable
    if dag_id == "khabar_report":  # on the incidents asset, and at least daily
        assert isinstance(timetable, AssetOrTimeSchedule)
        timetable = timetable.timetable
    assert isinstance(timetable, CronTriggerTimetable)
    assert timetable.expression == cron
    assert timetable.interval == interval
    assert str(timetable.timezone) == "UTC"
    assert dag.catchup is False
    assert dag.max_active_runs == 1


def test_the_ingest_dag_updates_the_asset_the_report_dag_runs_on(dagbag: Any) -> None:
    ingest, report = dagbag.dags["khabar_ingest"], dagbag.dags["khabar_report"]
    (outlet,) = ingest.get_task("publish").outlets
    assert (outlet.name, outlet.uri) == ("khabar_incidents", "khabar://warehouse/incidents")
    assert [a.name for a in report.timetable.asset_condition.objects] == [outlet.name]
    assert all(not task.outlets for task in ingest.tasks if task.task_id != "publish")


def test_manual_runs_take_params(dagbag: Any) -> None:
    params = dagbag.dags["khabar_ingest"].params
    assert set(params) == {"sources", "realert_since", "realert_until"}
    assert params["sources"] == [] and params["realert_since"] is None


def test_dag_files_read_no_environment() -> None:
    """Settings come from khabar.orchestration (connections, Variables, then the environment), not os.environ."""
    for path in DAG_FILES.values():
        text = path.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text, path.name


@pytest.mark.parametrize("dag_id", sorted(DAG_FILES))
def test_every_task_retries_with_backoff_and_has_a_timeout(dagbag: Any, dag_id: str) -> None:
    for task in dagbag.dags[dag_id].tasks:
        if task.task_id == "check_run":  # it reports the run's failures: nothing to retry, notify once
            assert task.retries == 0 and task.execution_timeout is not None
            continue
        assert task.retries == 3, task.task_id
        assert task.retry_delay > timedelta(0), task.task_id
        assert task.retry_exponential_backoff >= 2, task.task_id
        assert task.max_retry_delay is not None and task.max_retry_delay >= task.retry_delay, task.task_id
        assert task.execution_timeout is not None, task.task_id
        assert task.execution_timeout <= timedelta(minutes=15), task.task_id


def test_ingest_graph(dagbag: Any) -> None:
    from airflow.sdk import TriggerRule

    dag = dagbag.dags["khabar_ingest"]
    per_source = ["source.crawl", "source.classify", "source.resolve", "source.alert"]
    assert set(dag.task_ids) == {"upgrade_db", "reopen_alerts", "list_sources", *per_source, "publish", "check_run"}
    downstream = {task.task_id: set(task.downstream_task_ids) for task in dag.tasks}
    assert downstream == {
        "upgrade_db": {"reopen_alerts"},
        "reopen_alerts": {"list_sources"},
        "list_sources": {"source.crawl", "source.classify", "source.resolve", "source.alert"},
        "source.crawl": {"source.classify"},
        "source.classify": {"source.resolve"},
        "source.resolve": {"source.alert"},
        "source.alert": {"publish"},
        "publish": {"check_run"},
        "check_run": set(),
    }
    # One mapped group per source: a source's classify/resolve/alert wait for its own crawl only, so a
    # healthy source is alerted while a sick one still retries.
    group = dag.task_group_dict["source"]
    assert type(group).__name__ == "MappedTaskGroup"
    for task_id in per_source:
        task = dag.get_task(task_id)
        assert task.map_index_template == "{{ task.op_args[0] }}", task_id
    crawl = dag.get_task("source.crawl")
    # What a failed or cut-off crawl stored is still classified and alerted.
    assert dag.get_task("source.classify").trigger_rule == TriggerRule.ALL_DONE
    for task_id in ("publish", "check_run"):
        assert dag.get_task(task_id).trigger_rule == TriggerRule.ALL_DONE, task_id
    for task_id in ("upgrade_db", "list_sources", "source.crawl", "source.resolve", "source.alert"):
        assert dag.get_task(task_id).trigger_rule == TriggerRule.ALL_SUCCESS, task_id
    assert crawl.max_active_tis_per_dagrun is not None, "parallel crawls must be capped"
    for task_id in ("source.classify", "source.resolve", "source.alert"):
        assert dag.get_task(task_id).max_active_tis_per_dagrun == 1, "warehouse stages take turns"
    # One crawl try must end well inside the 15-minute cadence.
    assert crawl.execution_timeout < timedelta(minutes=15)


def test_failures_are_notified_through_airflow_notifiers(dagbag: Any) -> None:
    from airflow.sdk import BaseNotifier

    check = dagbag.dags["khabar_ingest"].get_task("check_run")
    notifiers = check.on_failure_callback
    assert [type(n).__name__ for n in notifiers] == ["WebhookNotifier", "EmailNotifier"]
    assert all(isinstance(n, BaseNotifier) for n in notifiers)
    assert [n.conn_id for n in notifiers] == ["khabar_ops_webhook", "khabar_ops_smtp"]


def test_report_graph(dagbag: Any) -> None:
    dag = dagbag.dags["khabar_report"]
    assert dag.task_ids == ["report"]


@pytest.mark.parametrize("dag_id", sorted(DAG_FILES))
def test_parse_is_cheap_and_imports_nothing_heavy(dag_id: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PARSE_PROBE, str(DAG_FILES[dag_id]), json.dumps(HEAVY_MODULES), json.dumps(ALLOWED)],
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
