"""A database outage mid-run against a real, throwaway PostgreSQL server that each test stops and starts.

The promise: the user gets one clear `khabar: error:` line (exit 2), never a traceback, and the warehouse
neither loses nor duplicates rows — the run after the outage stores every article once, labels and merges
them once and records each alert once.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from childenv import passthrough
from httpfixture import FixtureServer, Route, news_page

from crawlers.crawl import CrawlSettings
from crawlers.sources import load_sources
from domain.settings import Settings
from khabar.alerts import deliver_pending, webhook_sender
from khabar.pipeline import classify_pending, crawl, resolve_pending, send_alerts, upgrade_db
from khabar.webhook_sink import WebhookSink
from warehouse import schema
from warehouse.db import WarehouseError, make_engine

pytestmark = pytest.mark.postgres

PG_BIN = Path("/usr/lib/postgresql/15/bin")
FAST = CrawlSettings(download_delay=0.0, autothrottle=False, timeout_s=5.0, retries=0, allow_networks=("127.0.0.0/8",))

SLOW = "/news/203/kohat-toll"  # the page that is still downloading when the database goes away
STORIES = {
    "/news/201/kohat-checkpoint": (
        "Three policemen martyred in attack on Kohat checkpoint",
        "KOHAT: Three policemen were martyred and two others injured when militants attacked a police checkpoint "
        "in the Lachi area of Kohat district late on Sunday night, officials said. The attackers used heavy "
        "weapons and fled after an exchange of fire lasting an hour. A police spokesman said the injured were "
        "shifted to the district headquarters hospital. No group has claimed responsibility for the attack so "
        "far. Police have cordoned off the area and launched a search operation.",
        "2026-10-04T23:10:00+05:00",
    ),
    "/news/202/court": (
        "High court adjourns hearing on provincial budget petition",
        "PESHAWAR: The high court on Monday adjourned the hearing of a petition challenging the provincial "
        "budget after the counsel for the petitioners sought more time. The bench directed the advocate general "
        "to submit a written reply at the next hearing, scheduled for next month.",
        "2026-10-05T10:00:00+05:00",
    ),
    SLOW: (
        "Kohat checkpoint attack: death toll rises to five",
        "KOHAT: The death toll in the militant attack on a police checkpoint in Kohat district rose to five on "
        "Monday after two injured policemen succumbed to their wounds at the district hospital. Three policemen "
        "were martyred on the spot when militants stormed the checkpoint with heavy weapons on Sunday night. "
        "Officials said the search operation in the area was continuing.",
        "2026-10-05T11:40:00+05:00",
    ),
}
COPY = "/news/204/syndicated-copy"  # the first story again under another URL: stored once, not twice


# --- a throwaway PostgreSQL server -------------------------------------------------------------------


def _unavailable(reason: str) -> None:
    """Skip — or fail under CI=true, the convention of the `postgres_available` fixture in conftest.py."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _let_others_traverse(path: Path, top: Path) -> None:
    """Add the x (search) bit for others to `path` and its parents up to `top` (pytest makes them 0700)."""
    for directory in [path, *path.parents]:
        if not directory.is_relative_to(top):
            break
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


class ThrowawayPostgres:
    """A PostgreSQL 15 cluster of its own on a free 127.0.0.1 port, run as the `postgres` OS user."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data, self.sockets, self.logs = root / "data", root / "s", root / "log"
        self.port = _free_port()
        self.pid: int | None = None  # the postmaster's, while it runs

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/khabar"

    @property
    def running(self) -> bool:
        if self.pid is None:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def _as_postgres(self, *argv: str) -> None:
        proc = subprocess.run(
            ["runuser", "-u", "postgres", "--", *argv], capture_output=True, text=True, timeout=60, check=False
        )
        if proc.returncode != 0:
            log = self.logs / "postgres.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr}{proc.stdout}\n{tail}")

    def init(self) -> None:
        for directory in (self.data, self.sockets, self.logs):
            directory.mkdir(parents=True)
            shutil.chown(directory, "postgres", "postgres")
        initdb = [str(PG_BIN / "initdb"), "-D", str(self.data), "--auth=trust", "-U", "postgres"]
        self._as_postgres(*initdb, "-E", "UTF8", "--no-sync")
        self.start()
        engine = sa.create_engine(self.url.replace("/khabar", "/postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("create database khabar"))
        engine.dispose()

    def start(self) -> None:
        options = f"-p {self.port} -k {shlex.quote(str(self.sockets))} -c listen_addresses=127.0.0.1"
        log = str(self.logs / "postgres.log")
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        """The outage: an immediate shutdown, as when the server crashes or its host goes away."""
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self.pid = None

    def shutdown(self) -> None:
        """Teardown: stop the server if it runs; by its pid when its data dir is gone (a concurrent pytest
        session with the same --basetemp wipes it)."""
        pidfile = self.data / "postmaster.pid"
        if self.pid is None and pidfile.exists():  # a start that failed half-way
            self.pid = int(pidfile.read_text().split()[0])
        if not self.running:
            return
        with contextlib.suppress(RuntimeError):
            self.stop()
        if self.running and self.pid is not None:
            os.kill(self.pid, signal.SIGQUIT)  # what `pg_ctl -m immediate stop` sends the postmaster
            deadline = time.monotonic() + 10
            while self.running and time.monotonic() < deadline:
                time.sleep(0.05)
        self.pid = None


@pytest.fixture
def pg(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThrowawayPostgres]:
    """A fresh, running server; stopped at teardown whatever the test did to it."""
    missing = [name for name in ("initdb", "pg_ctl") if not os.access(PG_BIN / name, os.X_OK)]
    if missing:
        _unavailable(f"PostgreSQL server binaries {', '.join(missing)} not found in {PG_BIN}")
    if os.geteuid() != 0:
        _unavailable("starting a throwaway PostgreSQL server needs root (pg_ctl runs as the postgres user)")
    if shutil.which("runuser") is None:
        _unavailable("runuser not found: cannot run pg_ctl as the postgres user")
    root = tmp_path / "pg"
    root.mkdir(mode=0o755)
    _let_others_traverse(root, tmp_path_factory.getbasetemp())
    fallback: Path | None = None
    if not _postgres_can_enter(root):
        # A checkout under a private directory (e.g. a home dir of mode 0700): the postgres user cannot
        # reach pytest's basetemp, so the cluster lives in the system temp directory instead.
        fallback = Path(tempfile.mkdtemp(prefix="khabar-pg-"))
        fallback.chmod(0o755)
        root = fallback
    server = ThrowawayPostgres(root)
    try:
        server.init()
        yield server
    finally:
        server.shutdown()
        if fallback is not None:
            shutil.rmtree(fallback, ignore_errors=True)


def _postgres_can_enter(directory: Path) -> bool:
    probe = ["runuser", "-u", "postgres", "--", "test", "-x", str(directory)]
    return subprocess.run(probe, capture_output=True, timeout=30, check=False).returncode == 0


# --- the news site, the CLI and the database as the user sees them -----------------------------------


def slow_once(route: Route, delay_s: float) -> Callable[[], Route]:
    """The route, `delay_s` late on its first request only (so reruns after the outage are quick)."""
    calls = 0

    def serve() -> Route:
        nonlocal calls
        calls += 1
        return Route(route.body, delay_s=delay_s if calls == 1 else 0.0)

    return serve


@pytest.fixture
def news_site(tmp_path: Path) -> Iterator[tuple[FixtureServer, Path]]:
    with FixtureServer() as site:
        links = [*STORIES, COPY]
        items = "".join(f"<item><title>t</title><link>{site.base}{path}</link></item>" for path in links)
        site.routes["/feed.xml"] = Route(
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(),
            content_type="application/rss+xml",
            etag='"feed-1"',
        )
        for path, (title, text, published) in STORIES.items():
            site.routes[path] = Route(news_page(title, text, published))
        title, text, published = STORIES["/news/201/kohat-checkpoint"]
        site.routes[COPY] = Route(news_page(title, text, published))
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            f"sources:\n  - {{name: frontier, kind: feed, url: '{site.base}/feed.xml', link_pattern: '/news/\\d+'}}\n",
            encoding="utf-8",
        )
        yield site, sources


def cli_env(home: Path, webhook_url: str | None = None) -> dict[str, str]:
    """The CLI's environment as a user's: own HOME and data dir, no database URL but the --db given."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "KHABAR_DATA_DIR": str(home / "data"),
        "KHABAR_ALERT_MIN_CONFIDENCE": "0.0",
        "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",  # the news site runs on loopback
    }
    if webhook_url:
        env["KHABAR_ALERT_WEBHOOK_URL"] = webhook_url
    return env | passthrough()


def khabar(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khabar.cli", *args], capture_output=True, text=True, timeout=120, env=env
    )


def assert_one_line_error(returncode: int, stderr: str, fragment: str) -> str:
    assert returncode == 2, stderr
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("khabar:")]
    assert len(errors) == 1, stderr
    assert errors[0].startswith("khabar: error: "), stderr
    assert fragment in errors[0], errors[0]
    return errors[0]


def delivered(sink: WebhookSink) -> list[str]:
    """The Idempotency-Key of every alert the webhook received, in order."""
    return [str(key) for key, _ in sink.received]


def wait_until(condition: Callable[[], bool], proc: subprocess.Popen[str], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert proc.poll() is None, f"khabar exited ({proc.returncode}) before the outage"
        assert time.monotonic() < deadline, "timed out waiting for the crawl to reach the slow page"
        time.sleep(0.05)


def counts(url: str) -> dict[str, Any]:
    """Row counts straight from the warehouse, plus every unique key that would show a duplicate."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:

        def one(sql: str) -> Any:
            return conn.scalar(sa.text(sql))

        # Every table the pipeline writes to (all but the configured sources), so a new one is covered too.
        result = {table: one(f"select count(*) from {table}") for table in schema.metadata.tables if table != "sources"}
        result["distinct_urls"] = one("select count(distinct url) from articles")
        result["distinct_hashes"] = one("select count(distinct content_hash) from articles")
        result["attacks"] = one("select count(*) from incidents where event_type = 'attack'")
        result["labels_per_article"] = one(
            "select coalesce(max(n), 0) from (select count(*) as n from article_labels "
            "group by article_id, model_version) x"
        )
        result["alert_keys"] = sorted(
            f"{row.incident_id}:{row.kind}:{row.revision}"
            for row in conn.execute(sa.text("select incident_id, kind, revision from alerts where status = 'sent'"))
        )
    engine.dispose()
    return result


# --- the scenarios -----------------------------------------------------------------------------------


def test_outage_during_crawl_is_one_clear_line_and_the_rerun_stores_everything_once(
    pg: ThrowawayPostgres, news_site: tuple[FixtureServer, Path], tmp_path: Path
) -> None:
    site, sources = news_site
    route = site.routes[SLOW]
    assert isinstance(route, Route)
    site.routes[SLOW] = slow_once(route, delay_s=2.0)
    with WebhookSink() as sink:
        env = cli_env(tmp_path, sink.url)
        out, err = tmp_path / "run1.out", tmp_path / "run1.err"
        with out.open("w") as stdout, err.open("w") as stderr:
            proc = subprocess.Popen(
                [sys.executable, "-m", "khabar.cli", "run", "--sources", str(sources), "--db", pg.url],
                stdout=stdout,
                stderr=stderr,
                text=True,
                env=env,
            )
            try:
                wait_until(lambda: SLOW in site.paths(), proc)
                pg.stop()  # the page is still downloading: the outage falls inside the crawl
                assert proc.poll() is None, "the run ended before the outage"
                proc.wait(timeout=120)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        stderr_text = err.read_text()
        line = assert_one_line_error(proc.returncode, stderr_text, "cannot connect to the warehouse at ")
        assert line == f"khabar: error: cannot connect to the warehouse at {pg.url}: connection refused"
        assert "stored" not in out.read_text()  # no summary pretending the run went through

        pg.start()
        lost = counts(pg.url)
        # Nothing half-stored: a source's articles go in one transaction when it finishes, and it never did.
        assert lost["articles"] == lost["crawl_runs"] == lost["article_labels"] == lost["incidents"] == 0

        second = khabar(env, "run", "--sources", str(sources), "--db", pg.url)
        assert second.returncode == 0, second.stderr
        assert "Traceback" not in second.stderr
        assert "stored 3 article(s) (1 duplicate(s) skipped)" in second.stdout, second.stdout
        after = counts(pg.url)
        assert after["articles"] == after["distinct_urls"] == after["distinct_hashes"] == len(STORIES)
        assert after["article_urls"] == 1  # the syndicated copy, remembered, not stored
        assert after["article_labels"] == len(STORIES) and after["labels_per_article"] == 1
        assert after["attacks"] == 1  # both Kohat reports merged into one incident
        assert after["incident_articles"] == 2
        assert after["crawl_runs"] == 1  # only the run that got through recorded itself
        keys = delivered(sink)
        assert keys and len(keys) == len(set(keys))
        assert sorted(keys) == after["alert_keys"] and after["alerts"] == len(keys)

        third = khabar(env, "run", "--sources", str(sources), "--db", pg.url)
        assert third.returncode == 0, third.stderr
        assert "stored 0 article(s)" in third.stdout, third.stdout
        final = counts(pg.url)
        assert final == after | {"crawl_runs": 2}  # the same rows, plus this run's crawl_runs row
        assert delivered(sink) == keys  # no alert sent twice


def test_server_down_from_the_start_is_one_clear_line(
    pg: ThrowawayPostgres, news_site: tuple[FixtureServer, Path], tmp_path: Path
) -> None:
    site, sources = news_site
    pg.stop()
    url = pg.url.replace("postgres@", "postgres:s3cret@")  # trust auth: the password only tests masking
    shown = pg.url.replace("postgres@", "postgres:***@")
    env = cli_env(tmp_path)
    for args in (["run", "--sources", str(sources)], ["incidents"], ["crawl", "--sources", str(sources)]):
        proc = khabar(env, *args, "--db", url)
        line = assert_one_line_error(proc.returncode, proc.stderr, "cannot connect to the warehouse")
        assert line == f"khabar: error: cannot connect to the warehouse at {shown}: connection refused", args
        assert "s3cret" not in proc.stderr + proc.stdout
    assert site.paths() == []  # the dead warehouse is found before any site is crawled


def test_outage_between_stages_raises_warehouse_error_and_resumes_without_duplicates(
    pg: ThrowawayPostgres, news_site: tuple[FixtureServer, Path]
) -> None:
    _, sources_file = news_site
    sources = load_sources(sources_file)
    refused = f"^{re.escape(f'cannot connect to the warehouse at {pg.url}: connection refused')}$"
    with WebhookSink() as sink:
        settings = Settings(alert_webhook_url=sink.url, alert_min_p_attack=0.0)
        upgrade_db(pg.url)
        outcome = crawl(sources, pg.url, crawl_settings=FAST)
        stored, duplicates = outcome.stored, outcome.duplicates
        assert (stored, duplicates) == (len(STORIES), 1)

        pg.stop()
        with pytest.raises(WarehouseError, match=refused):
            classify_pending(pg.url)
        pg.start()
        classified = classify_pending(pg.url)
        assert classified.labelled == len(STORIES)

        pg.stop()
        with pytest.raises(WarehouseError, match=refused):
            resolve_pending(pg.url, model_version=classified.model_version)
        pg.start()
        resolved = resolve_pending(pg.url, model_version=classified.model_version)
        assert len(resolved.new) >= 1

        pg.stop()
        with pytest.raises(WarehouseError, match=refused):
            send_alerts(pg.url, settings)
        assert sink.received == []  # nothing is sent while the warehouse cannot record it
        pg.start()
        assert send_alerts(pg.url, settings).sent >= 1

        # Every stage once more: nothing left to do, nothing done twice.
        assert crawl(sources, pg.url, crawl_settings=FAST).stored == 0
        assert classify_pending(pg.url).labelled == 0
        again = resolve_pending(pg.url, model_version=classified.model_version)
        assert again.new == () and again.updated == ()
        assert send_alerts(pg.url, settings).sent == 0

    rows = counts(pg.url)
    assert rows["articles"] == rows["distinct_urls"] == len(STORIES)
    assert rows["article_labels"] == len(STORIES) and rows["labels_per_article"] == 1
    assert rows["attacks"] == 1 and rows["incident_articles"] == 2
    keys = delivered(sink)
    assert len(keys) == len(set(keys)) == rows["alerts"]
    assert sorted(keys) == rows["alert_keys"]


def test_outage_while_an_alert_is_delivered_records_it_once(
    pg: ThrowawayPostgres, news_site: tuple[FixtureServer, Path]
) -> None:
    _, sources_file = news_site
    url = pg.url
    refused = f"^{re.escape(f'cannot connect to the warehouse at {url}: connection refused')}$"
    upgrade_db(url)
    crawl(load_sources(sources_file), url, crawl_settings=FAST)
    version = classify_pending(url).model_version
    resolve_pending(url, model_version=version)
    with WebhookSink() as sink:
        settings = Settings(alert_webhook_url=sink.url, alert_min_p_attack=0.0)
        webhook = webhook_sender(sink.url)

        def deliver_then_lose_the_database(payload: dict[str, Any], key: str) -> None:
            webhook(payload, key)  # the receiver has it ...
            if pg.running:
                pg.stop()  # ... and the warehouse goes away before the delivery is recorded

        engine = make_engine(url)
        try:
            with pytest.raises(WarehouseError, match=refused):
                deliver_pending(engine, settings, {"webhook": deliver_then_lose_the_database})
        finally:
            engine.dispose()
        in_flight = delivered(sink)
        assert len(in_flight) == 1
        pg.start()
        claimed = counts(url)
        assert claimed["alerts"] == 1 and claimed["alert_keys"] == []  # claimed before sending, never confirmed
        assert send_alerts(url, settings).sent == 0  # a fresh claim may be a live run's: left alone ...
        orphan = settings.model_copy(update={"alert_claim_timeout_s": 0.0})
        send_alerts(url, orphan)  # ... until the claim times out; then it goes out again, under the same key
        assert send_alerts(url, orphan).sent == 0
    rows = counts(url)
    keys = Counter(delivered(sink))
    # At least once: the alert in flight at the outage arrives twice, under the same Idempotency-Key for
    # the receiver to drop (alerts are recorded after sending); the warehouse records it exactly once.
    assert keys[in_flight[0]] == 2
    assert all(n == 1 for key, n in keys.items() if key not in in_flight)
    assert sorted(keys) == rows["alert_keys"] and rows["alerts"] == len(keys)
