"""`dag.test()` of khabar_ingest and khabar_report end to end, with the real pipeline, on loopback only.

A news site serves one working feed (an attack report and a cabinet story) and answers 404 for a second
source's feed. Everything is configured the way an operator configures Airflow: the warehouse, the alert
webhook and both notifiers through connections (`AIRFLOW_CONN_*`), the sources file through a Variable
(`AIRFLOW_VAR_*`); khabar's own KHABAR_DATABASE_URL is unset. The run must fail (a source failed) only
after the healthy source's incident was alerted, never retry the 404, and tell the operators once by
webhook and once by e-mail (a real aiosmtpd server) which source failed and why.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import sqlalchemy as sa
import yaml
from httpfixture import FixtureServer, Route, news_page

from khabar.webhook_sink import WebhookSink

DAGS_FOLDER = Path(__file__).resolve().parents[2] / "dags"
LOGICAL_DATE = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)

ATTACK = (
    "Suicide bomber kills 12 at police checkpoint in Bannu",
    "A suicide bomber rammed an explosives-laden vehicle into a police checkpoint in Bannu district "
    "of Khyber Pakhtunkhwa on Monday, killing 12 policemen and injuring 9 others, officials said. "
    "The banned Tehreek-e-Taliban Pakistan claimed responsibility for the attack in a statement. "
    "Rescue teams shifted the injured to the district headquarters hospital, where an emergency "
    "was declared. The provincial government condemned the attack and ordered an inquiry.",
)
CABINET = (
    "Provincial cabinet approves annual development plan",
    "The Punjab cabinet on Monday approved the annual development plan for the next fiscal year, "
    "allocating funds for schools, hospitals and roads across the province. The chief minister "
    "said the plan focused on rural districts and on completing projects started in earlier years. "
    "Opposition members criticised the allocation for the provincial capital as excessive.",
)
PUBLISHED = "2026-11-24T09:00:00+00:00"


@pytest.fixture
def news_site() -> Iterator[FixtureServer]:
    with FixtureServer() as site:
        items = "".join(
            f"<item><title>{title}</title><link>{site.base}{path}</link></item>"
            for path, (title, _) in (("/news/1001", ATTACK), ("/news/1002", CABINET))
        )
        # Off-site: a source may fetch only from its own host, so this one is counted and skipped.
        items += "<item><title>Elsewhere</title><link>http://elsewhere.invalid/news/9</link></item>"
        site.routes["/feed.xml"] = Route(
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(),
            content_type="application/rss+xml",
        )
        site.routes["/news/1001"] = Route(news_page(*ATTACK, PUBLISHED))
        site.routes["/news/1002"] = Route(news_page(*CABINET, PUBLISHED))
        yield site  # /gone.xml has no route: 404


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Mailbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        message = BytesParser(policy=email_policy.default).parsebytes(envelope.original_content)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"


@pytest.fixture
def mailbox() -> Iterator[tuple[_Mailbox, int]]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    box = _Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


class Receivers(NamedTuple):
    alerts: WebhookSink
    ops: WebhookSink
    mail: _Mailbox
    warehouse: Path
    reports: Path


@pytest.fixture
def operator_setup(
    tmp_path: Path, news_site: FixtureServer, mailbox: tuple[_Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Receivers]:
    """Configure khabar through Airflow connections and a Variable, as docs/README tell an operator to."""
    sources = tmp_path / "sources.yaml"
    entries = [
        {"name": "local-news", "kind": "feed", "url": f"{news_site.base}/feed.xml", "link_pattern": r"/news/\d+"},
        {"name": "gone", "kind": "feed", "url": f"{news_site.base}/gone.xml"},
        {"name": "dead", "kind": "feed", "url": f"http://127.0.0.1:{_refused_port()}/feed.xml"},
        {"name": "retired", "kind": "feed", "url": f"{news_site.base}/old.xml", "enabled": False},
    ]
    sources.write_text(yaml.safe_dump({"sources": entries}, sort_keys=False), encoding="utf-8")
    warehouse = tmp_path / "warehouse.sqlite"
    box, smtp_port = mailbox
    with WebhookSink() as alerts, WebhookSink() as ops:
        connections = {
            "KHABAR_WAREHOUSE": {"conn_type": "sqlite", "host": str(warehouse)},
            "KHABAR_ALERT_WEBHOOK": {"conn_type": "http", "host": alerts.url},
            "KHABAR_OPS_WEBHOOK": {"conn_type": "http", "host": ops.url},
            "KHABAR_OPS_SMTP": {
                "conn_type": "smtp",
                "host": "127.0.0.1",
                "port": smtp_port,
                "extra": {
                    "from_email": "airflow@khabar.test",
                    "to": "ops@khabar.test",
                    "disable_ssl": True,
                    "disable_tls": True,
                    "retry_limit": 0,
                    "timeout": 5,
                },
            },
        }
        for name, conn in connections.items():
            monkeypatch.setenv(f"AIRFLOW_CONN_{name}", json.dumps(conn))
        monkeypatch.setenv("AIRFLOW_VAR_KHABAR_SOURCES_FILE", str(sources))
        env = {
            "KHABAR_DATA_DIR": str(tmp_path / "data"),
            "KHABAR_REPORT_DIR": str(tmp_path / "reports"),
            "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",
            "KHABAR_CRAWL_DELAY_S": "0",
            "KHABAR_CRAWL_RETRIES": "0",
            "KHABAR_ALERT_MIN_CONFIDENCE": "0.0",
            "TORCHINDUCTOR_CACHE_DIR": str(tmp_path / "torchinductor"),
            "HF_HUB_OFFLINE": "1",
        }
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        for unset in ("KHABAR_DATABASE_URL", "KHABAR_SOURCES_FILE", "KHABAR_ALERT_WEBHOOK_URL", "KHABAR_SMTP_HOST"):
            monkeypatch.delenv(unset, raising=False)
        yield Receivers(alerts, ops, box, warehouse, tmp_path / "reports")


class TaskOutcome(NamedTuple):
    state: str | None
    try_number: int
    label: str | None


def _load_dag(dag_id: str) -> Any:
    from airflow.models import DagBag

    dag = DagBag(dag_folder=str(DAGS_FOLDER)).dags[dag_id]
    # Retries stay as configured; only their waits go, so a wrongly retried permanent failure shows up as
    # extra tries instead of minutes of sleeping.
    for task in dag.tasks:
        task.retry_delay = timedelta(0)
    return dag


def _outcome(dag: Any, run: Any) -> tuple[dict[tuple[str, int], TaskOutcome], dict[tuple[str, int], Any]]:
    """Task instance outcomes and return values of one run, both keyed by (task_id, map_index)."""
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    with create_session() as session:
        tis = {
            (ti.task_id, ti.map_index): TaskOutcome(ti.state, ti.try_number, ti.rendered_map_index)
            for ti in run.get_task_instances(session=session)
        }
        query = XComModel.get_many(run_id=run.run_id, dag_ids=dag.dag_id, key="return_value")
        rows: list[Any] = list(session.scalars(query))  # get_many's annotation says rows are tuples; they are not
        xcoms = {(x.task_id, x.map_index): XComModel.deserialize_value(x) for x in rows}
    return tis, xcoms


def _asset_events(name: str) -> list[Any]:
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        return list(
            session.scalars(
                sa.select(AssetEvent)
                .join(AssetModel, AssetEvent.asset_id == AssetModel.id)
                .where(AssetModel.name == name)
            )
        )


@pytest.mark.slow
def test_a_failing_source_fails_the_run_after_the_healthy_one_is_alerted_and_notifies_once(
    migrated_metadata_db: Path, operator_setup: Receivers
) -> None:
    from airflow.utils.state import DagRunState, TaskInstanceState

    dag = _load_dag("khabar_ingest")
    run = dag.test(logical_date=LOGICAL_DATE)
    tis, xcoms = _outcome(dag, run)
    states = {key: ti.state for key, ti in tis.items()}

    assert run.state == DagRunState.FAILED
    assert xcoms[("list_sources", -1)] == ["local-news", "gone", "dead"], "disabled sources are not crawled"
    assert states == {
        ("upgrade_db", -1): TaskInstanceState.SUCCESS,
        ("reopen_alerts", -1): TaskInstanceState.SUCCESS,
        ("list_sources", -1): TaskInstanceState.SUCCESS,
        ("source.crawl", 0): TaskInstanceState.SUCCESS,
        ("source.crawl", 1): TaskInstanceState.FAILED,
        ("source.crawl", 2): TaskInstanceState.FAILED,
        # The stages run for every map index: classify is ALL_DONE, and the warehouse stages are global.
        **{
            (f"source.{stage}", i): TaskInstanceState.SUCCESS
            for stage in ("classify", "resolve", "alert")
            for i in range(3)
        },
        ("publish", -1): TaskInstanceState.SUCCESS,
        ("check_run", -1): TaskInstanceState.FAILED,
    }
    assert tis[("source.crawl", 1)].try_number == 1, "a 404 feed is permanent: no retry"
    assert tis[("source.crawl", 2)].try_number == 1, "nothing listening is permanent for the run: no retry"
    assert tis[("check_run", -1)].try_number == 1
    labels = {index: tis[("source.crawl", index)].label for index in range(3)}
    assert labels == {0: "local-news", 1: "gone", 2: "dead"}
    assert tis[("source.alert", 0)].label == "local-news"

    stats = xcoms[("source.crawl", 0)]
    assert (stats["new"], stats["fetched"], stats["failed"]) == (2, 2, 0), stats
    assert stats["skipped_reasons"].get("off_host") == 1, "the off-site link is skipped and counted"
    # The crawl task classified, resolved and alerted what it stored (its `passes`); the stages after it found
    # what was left: nothing, the articles once each.
    passes = stats["passes"]
    assert passes["labelled"] + sum(xcoms[("source.classify", i)]["labelled"] for i in range(3)) == 2
    assert len(passes["new"]) + sum(len(xcoms[("source.resolve", i)]["new"]) for i in range(3)) == 1

    # The healthy source's attack reached the subscribers' webhook (configured by a connection), once.
    assert len(operator_setup.alerts.received) == 1
    key, alert = operator_setup.alerts.received[0]
    assert alert["kind"] == "new" and alert["district"] == "Bannu" and key == f"{alert['incident_id']}:new:1"
    # The warehouse is the one the connection names, and says why the source failed.
    engine = sa.create_engine(f"sqlite:///{operator_setup.warehouse}")
    with engine.connect() as conn:
        error = conn.scalar(sa.text("select error from crawl_runs where source = 'gone'"))
        assert error == "index: http_404"
        assert conn.scalar(sa.text("select count(*) from incidents")) == 1
    engine.dispose()

    # The asset the report DAG runs on was updated once, with what changed.
    events = _asset_events("khabar_incidents")
    assert len(events) == 1 and events[0].extra == {"new": 1, "updated": 0, "incidents": [alert["incident_id"]]}

    # The operators were told once per channel, with the failing source and its reason.
    assert len(operator_setup.ops.received) == 1
    _, note = operator_setup.ops.received[0]
    assert note["text"].splitlines()[0].endswith("failed: 2 source(s) (gone, dead), 0 other task(s)")
    assert "- source gone: http_404 (permanent: not retried): index: http_404" in note["text"]
    problems = note["khabar"]["problems"]
    assert [(p["task"], p["source"], p["reason"]) for p in problems] == [
        ("source.crawl", "gone", "http_404"),
        ("source.crawl", "dead", "connection_refused"),
    ]
    assert len(operator_setup.mail.messages) == 1
    mail = operator_setup.mail.messages[0]
    assert mail["To"] == "ops@khabar.test" and "gone" in str(mail["Subject"])
    assert "http_404" in mail.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]

    # The daily report of the day the attack happened: bounded by the run's data interval.
    report_dag = _load_dag("khabar_report")
    report_run = report_dag.test(logical_date=datetime(2026, 11, 25, 0, 0, tzinfo=UTC))
    report_tis, report_xcoms = _outcome(report_dag, report_run)
    assert report_run.state == DagRunState.SUCCESS, {k: t.state for k, t in report_tis.items()}
    written = report_xcoms[("report", -1)]
    assert (written["since"], written["until"], written["incidents"]) == ("2026-11-24", "2026-11-24", 1)
    reports = operator_setup.reports
    assert sorted(p.name for p in reports.iterdir()) == [
        "incidents-2026-11-24.csv",
        "incidents-2026-11-24.json",
        "report-2026-11-24.html",
    ]
    snapshot = json.loads((reports / "incidents-2026-11-24.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in snapshot["incidents"]] == [alert["incident_id"]]
    assert "Bannu" in (reports / "incidents-2026-11-24.csv").read_text(encoding="utf-8")
    assert "Bannu" in (reports / "report-2026-11-24.html").read_text(encoding="utf-8")
