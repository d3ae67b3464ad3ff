"""`dag.test()` of khabar_ingest end to end against a tiny news site on localhost.

The site has one working feed with two articles; sources.yaml also lists a source whose host refuses
connections and a disabled one. The run must crawl the good source, fail only the bad source's mapped
task instance (after its retry), and still classify, resolve and alert.

When `khabar.pipeline` exists the real pipeline runs (warehouse: an SQLite file in the test's tmp dir).
Until then a small stand-in with the same signatures is put in `sys.modules` for this test only.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import socket
import sys
import threading
import types
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest
import yaml

DAGS_FOLDER = Path(__file__).resolve().parents[2] / "dags"
LOGICAL_DATE = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)

ARTICLES = {
    "news/1001": (
        "Suicide bomber kills 12 at police checkpoint in Bannu",
        "A suicide bomber rammed an explosives-laden vehicle into a police checkpoint in Bannu district "
        "of Khyber Pakhtunkhwa on Monday, killing 12 policemen and injuring 9 others, officials said. "
        "The banned Tehreek-e-Taliban Pakistan claimed responsibility for the attack in a statement. "
        "Rescue teams shifted the injured to the district headquarters hospital, where an emergency "
        "was declared. The provincial government condemned the attack and ordered an inquiry.",
    ),
    "news/1002": (
        "Provincial cabinet approves annual development plan",
        "The Punjab cabinet on Monday approved the annual development plan for the next fiscal year, "
        "allocating funds for schools, hospitals and roads across the province. The chief minister "
        "said the plan focused on rural districts and on completing projects started in earlier years. "
        "Opposition members criticised the allocation for the provincial capital as excessive.",
    ),
}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _write_site(root: Path, base: str) -> None:
    items = []
    for path, (title, _) in ARTICLES.items():
        items.append(
            f"<item><title>{title}</title><link>{base}/{path}</link><pubDate>Mon, 24 Nov 2026 "
            "09:00:00 +0000</pubDate></item>"
        )
    # Off-site: a source may fetch only from its own host, so this one is counted and skipped.
    items.append("<item><title>Elsewhere</title><link>http://elsewhere.invalid/news/9</link></item>")
    (root / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local News</title>'
        f"<link>{base}/</link><description>test feed</description>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    for path, (title, body) in ARTICLES.items():
        page = root / path
        page.parent.mkdir(parents=True, exist_ok=True)
        paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in body.split(". ") if sentence)
        page.write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='2026-11-24T09:00:00+00:00'></head><body>"
            f"<header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>"
            f"<p class='byline'>Staff Reporter</p>{paragraphs}</article><footer>(c) Local News</footer>"
            "</body></html>",
            encoding="utf-8",
        )


@pytest.fixture
def news_site(tmp_path: Path) -> Iterator[str]:
    """Serves a feed and two article pages on 127.0.0.1; yields the base URL."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _write_site(root, base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def sources_file(tmp_path: Path, news_site: str) -> Path:
    path = tmp_path / "sources.yaml"
    sources = [
        {"name": "local-news", "kind": "feed", "url": f"{news_site}/feed.xml", "link_pattern": r"/news/\d+"},
        {"name": "unreachable", "kind": "feed", "url": f"http://127.0.0.1:{_refused_port()}/feed.xml"},
        {"name": "retired", "kind": "feed", "url": f"{news_site}/old.xml", "enabled": False},
    ]
    path.write_text(yaml.safe_dump({"sources": sources}, sort_keys=False), encoding="utf-8")
    return path


def _fake_pipeline() -> types.ModuleType:
    """A stand-in for khabar.pipeline with the agreed signatures; crawls for real with urllib, stores nothing."""
    module = types.ModuleType("khabar.pipeline")
    seen: set[str] = set()
    pending: list[str] = []
    labelled: list[str] = []

    def _sources(sources_file: str) -> list[dict[str, Any]]:
        with open(sources_file, encoding="utf-8") as handle:
            return list(yaml.safe_load(handle)["sources"])

    def enabled_sources(sources_file: str) -> list[str]:
        return [s["name"] for s in _sources(sources_file) if s.get("enabled", True)]

    def upgrade_db(db_url: str | None) -> None:
        return None

    def crawl_source(source_name: str, sources_file: str, db_url: str | None, run_id: str) -> dict:
        source = next(s for s in _sources(sources_file) if s["name"] == source_name)
        try:
            with urllib.request.urlopen(source["url"], timeout=5) as response:
                feed = ET.fromstring(response.read())
        except (urllib.error.URLError, OSError) as exc:
            raise RuntimeError(f"source {source_name}: feed unreachable: {exc}") from exc
        stats = {"found": 0, "new": 0, "fetched": 0, "failed": 0, "skipped": 0}
        host = urlsplit(source["url"]).hostname
        for link in (item.findtext("link") or "" for item in feed.iter("item")):
            stats["found"] += 1
            pattern = source.get("link_pattern")
            if urlsplit(link).hostname != host or (pattern and not re.search(pattern, link)):
                stats["skipped"] += 1
                continue
            if link in seen:
                continue
            stats["new"] += 1
            try:
                with urllib.request.urlopen(link, timeout=5) as response:
                    response.read()
            except (urllib.error.URLError, OSError):
                stats["failed"] += 1
                continue
            stats["fetched"] += 1
            seen.add(link)
            pending.append(link)
        return stats

    def classify_pending(db_url: str | None) -> dict:
        count = len(pending)
        labelled.extend(pending)
        pending.clear()
        return {"labelled": count}

    def resolve_pending(db_url: str | None) -> dict:
        new = [f"incident-{i}" for i, url in enumerate(labelled) if "1001" in url]
        labelled.clear()
        return {"new": new, "updated": []}

    def send_alerts(db_url: str | None) -> dict:
        return {"sent": 0, "failed": 0}  # no channel configured in this test

    def trend_snapshot(db_url: str | None, day: str, out_dir: str | None) -> dict:
        return {"path": None, "rows": 0}

    for function in (
        enabled_sources,
        upgrade_db,
        crawl_source,
        classify_pending,
        resolve_pending,
        send_alerts,
        trend_snapshot,
    ):
        setattr(module, function.__name__, function)
    return module


@pytest.fixture
def pipeline(monkeypatch: pytest.MonkeyPatch) -> tuple[types.ModuleType, bool]:
    """The real khabar.pipeline when it exists, else the stand-in (registered for this test only)."""
    if importlib.util.find_spec("khabar.pipeline") is not None:
        return importlib.import_module("khabar.pipeline"), True
    fake = _fake_pipeline()
    monkeypatch.setitem(sys.modules, "khabar.pipeline", fake)
    return fake, False


@pytest.fixture
def khabar_env(tmp_path: Path, sources_file: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """khabar's settings for the tasks (they run in this process): everything inside tmp_path, no alerts."""
    env = {
        "KHABAR_SOURCES_FILE": str(sources_file),
        "KHABAR_DATABASE_URL": f"sqlite:///{tmp_path / 'warehouse.sqlite'}",
        "KHABAR_DATA_DIR": str(tmp_path / "data"),
        "KHABAR_REPORT_DIR": str(tmp_path / "reports"),
        "TORCHINDUCTOR_CACHE_DIR": str(tmp_path / "torchinductor"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for channel in ("KHABAR_ALERT_WEBHOOK_URL", "KHABAR_SMTP_HOST", "KHABAR_ALERT_EMAIL_TO"):
        monkeypatch.delenv(channel, raising=False)
    return env


class TaskOutcome(NamedTuple):
    state: str | None
    try_number: int
    label: str | None


def _load_dag(dag_id: str) -> Any:
    from airflow.models import DagBag

    dag = DagBag(dag_folder=str(DAGS_FOLDER)).dags[dag_id]
    # One immediate retry instead of three backed-off ones keeps the test fast and still shows that a
    # failing task is retried before it fails.
    for task in dag.tasks:
        task.retries = 1
        task.retry_delay = timedelta(0)
        task.retry_exponential_backoff = 0
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


@pytest.mark.slow
def test_ingest_dag_run_isolates_a_failing_source(
    migrated_metadata_db: Path,
    pipeline: tuple[types.ModuleType, bool],
    sources_file: Path,
    khabar_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module, is_real = pipeline

    # Tasks run in this process under dag.test(), so a spy on the module sees every crawl call.
    crawl_calls: list[tuple[str, str, str | None, str]] = []
    real_crawl = module.crawl_source

    def spy(source_name: str, sources_file: str, db_url: str | None, run_id: str) -> dict:
        crawl_calls.append((source_name, sources_file, db_url, run_id))
        return dict(real_crawl(source_name, sources_file, db_url, run_id))

    monkeypatch.setattr(module, "crawl_source", spy)

    from airflow.utils.state import DagRunState, TaskInstanceState

    dag = _load_dag("khabar_ingest")
    run = dag.test(logical_date=LOGICAL_DATE)
    tis, xcoms = _outcome(dag, run)
    states = {key: ti.state for key, ti in tis.items()}
    labels = {key[1]: ti.label for key, ti in tis.items() if key[0] == "crawl"}
    tries = {key: ti.try_number for key, ti in tis.items()}

    assert states == {
        ("upgrade_db", -1): TaskInstanceState.SUCCESS,
        ("list_sources", -1): TaskInstanceState.SUCCESS,
        ("crawl", 0): TaskInstanceState.SUCCESS,
        ("crawl", 1): TaskInstanceState.FAILED,
        ("classify", -1): TaskInstanceState.SUCCESS,
        ("resolve", -1): TaskInstanceState.SUCCESS,
        ("alert", -1): TaskInstanceState.SUCCESS,
    }, f"real pipeline: {is_real}"
    # The leaf (alert) succeeded, so the run is green; the failed source shows as its own red instance.
    assert run.state == DagRunState.SUCCESS
    assert labels == {0: "local-news", 1: "unreachable"}
    assert tries[("crawl", 1)] == 2, "the failing source is retried once before it fails"
    assert tries[("crawl", 0)] == 1

    assert xcoms[("list_sources", -1)] == ["local-news", "unreachable"], "disabled sources are not crawled"
    # Every crawl call (retries included) carries the Airflow run id, not a wall-clock stamp.
    assert {call[3] for call in crawl_calls} == {run.run_id}
    assert {call[1] for call in crawl_calls} == {str(sources_file)}
    assert sorted(call[0] for call in crawl_calls) == ["local-news", "unreachable", "unreachable"]

    stats = xcoms[("crawl", 0)]
    assert stats["new"] == 2 and stats["fetched"] == 2 and stats["failed"] == 0, stats
    assert stats["skipped"] >= 1, "the off-site link is skipped and counted"
    assert xcoms[("classify", -1)]["labelled"] == 2
    resolved = xcoms[("resolve", -1)]
    assert len(resolved["new"]) == 1 and resolved["updated"] == [], resolved
    sent = xcoms[("alert", -1)]
    assert (sent["sent"], sent["failed"]) == (0, 0), "no alert channel is configured in this test"


@pytest.mark.slow
def test_report_dag_snapshots_the_day_its_interval_ends(
    migrated_metadata_db: Path,
    pipeline: tuple[types.ModuleType, bool],
    khabar_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module, _ = pipeline
    module.upgrade_db(khabar_env["KHABAR_DATABASE_URL"])
    calls: list[tuple[str | None, str, str | None]] = []
    real_snapshot = module.trend_snapshot

    def spy(db_url: str | None, day: str, out_dir: str | None = None) -> dict:
        calls.append((db_url, day, out_dir))
        return dict(real_snapshot(db_url, day=day, out_dir=out_dir))

    monkeypatch.setattr(module, "trend_snapshot", spy)
    from airflow.utils.state import DagRunState

    dag = _load_dag("khabar_report")
    run = dag.test(logical_date=datetime(2026, 11, 25, 0, 0, tzinfo=UTC))
    tis, xcoms = _outcome(dag, run)

    assert run.state == DagRunState.SUCCESS, {key: ti.state for key, ti in tis.items()}
    # The daily run at 2026-11-25T00:00Z covers 2026-11-24; the snapshot is taken as of its end.
    assert calls == [(khabar_env["KHABAR_DATABASE_URL"], "2026-11-25", khabar_env["KHABAR_REPORT_DIR"])]
    result = xcoms[("snapshot", -1)]
    assert "rows" in result and "path" in result
