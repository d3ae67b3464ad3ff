"""One writer at a time per warehouse, and alerts claimed before delivery: two runs at once never send an alert
twice or race a fresh schema, and a run killed mid-delivery re-sends at most the alert it had in flight."""

from __future__ import annotations

import signal
import subprocess
import uuid
from collections import Counter
from pathlib import Path

from httpfixture import FixtureServer, Route
from reliability.harness import (
    SlowWebhook,
    cli_env,
    khabar,
    khabar_command,
    processes_with,
    query,
    rss,
    serve_stories,
    wait_for,
    write_sources,
)

from warehouse.lock import writer_lock


def _sources(site: FixtureServer, tmp_path: Path) -> Path:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint", "/news/302/quetta-blast", "/news/303/khyber-ambush"])
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml")
    return write_sources(tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}])


def _attack_incidents(db: str) -> int:
    return len(query(db, "select id from incidents where event_type = 'attack'"))


def test_two_runs_at_once_on_a_fresh_warehouse(site: FixtureServer, db_url: str, tmp_path: Path) -> None:
    sources = _sources(site, tmp_path)
    with SlowWebhook(delay_s=1.0) as hook:
        env = cli_env(tmp_path, KHABAR_ALERT_WEBHOOK_URL=hook.url, KHABAR_LOCK_WAIT_S="90")
        command = khabar_command("run", "--sources", str(sources), "--db", db_url)
        runs = [
            subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=240) for run in runs]

    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err  # the second waited for the first: no migration race, no crash
        assert "Traceback" not in err
    assert len(query(db_url, "select id from articles")) == 3
    assert len(query(db_url, "select article_id from incident_articles")) == len(
        {r.article_id for r in query(db_url, "select article_id from incident_articles")}
    )
    keys = Counter(hook.keys)
    assert keys and all(n == 1 for n in keys.values()), keys  # every alert once, though both runs tried
    assert len(keys) == _attack_incidents(db_url)


def test_a_run_that_cannot_get_the_warehouse_says_so_and_exits_75(
    site: FixtureServer, db_url: str, tmp_path: Path
) -> None:
    sources = _sources(site, tmp_path)
    with writer_lock(db_url):
        proc = khabar(cli_env(tmp_path, KHABAR_LOCK_WAIT_S="0.5"), "run", "--sources", str(sources), "--db", db_url)
    assert proc.returncode == 75
    lines = [line for line in proc.stderr.splitlines() if line.startswith("khabar:")]
    assert len(lines) == 1 and lines[0].startswith("khabar: busy: another khabar process is writing"), proc.stderr
    assert site.paths() == []  # it did nothing


def test_a_run_killed_during_alert_delivery_resends_at_most_the_alert_in_flight(
    site: FixtureServer, db_url: str, tmp_path: Path
) -> None:
    sources = _sources(site, tmp_path)
    with SlowWebhook(hang_at=2) as hook:
        env = cli_env(tmp_path, KHABAR_ALERT_WEBHOOK_URL=hook.url)
        run = subprocess.Popen(
            khabar_command("run", "--sources", str(sources), "--db", db_url),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(hook.hanging.is_set, 120, "the second alert to be in flight")
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
        in_flight = hook.keys[-1]
        hook.release()

        # Right after: the dead run's claim is fresh, so the alert in flight is left alone; the rest go out.
        assert khabar(env, "run", "--sources", str(sources), "--db", db_url).returncode == 0
        assert hook.keys.count(in_flight) == 1
        # Once the claim has timed out, the alert in flight is sent again, under the same key; nothing else is.
        orphaned = env | {"KHABAR_ALERT_CLAIM_TIMEOUT_S": "0"}
        assert khabar(orphaned, "run", "--sources", str(sources), "--db", db_url).returncode == 0
        assert khabar(orphaned, "run", "--sources", str(sources), "--db", db_url).returncode == 0

    keys = Counter(hook.keys)
    assert keys[in_flight] == 2
    assert all(n == 1 for key, n in keys.items() if key != in_flight), keys
    assert len(keys) == _attack_incidents(db_url) >= 2
    sent = query(db_url, "select incident_id, kind, revision from alerts where status = 'sent'")
    assert sorted(f"{r.incident_id}:{r.kind}:{r.revision}" for r in sent) == sorted(keys)


def test_the_crawl_child_dies_with_a_killed_run(site: FixtureServer, elsewhere: FixtureServer, tmp_path: Path) -> None:
    drip = f"{elsewhere.base}/news/1/drip"
    elsewhere.routes["/news/1/drip"] = Route(b"<html>" + b"x" * 120, drip_s=1.0)
    elsewhere.routes["/feed.xml"] = Route(rss([drip]), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "slow", "kind": "feed", "url": f"{elsewhere.base}/feed.xml"}]
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    for how, expected in ((signal.SIGTERM, 143), (signal.SIGKILL, -signal.SIGKILL)):
        marker = uuid.uuid4().hex
        env = cli_env(tmp_path, KHABAR_TEST_MARK=marker, TMPDIR=str(scratch), KHABAR_CRAWL_REQUEST_TIMEOUT_S="60")
        run = subprocess.Popen(
            khabar_command("run", "--sources", str(sources), "--db", f"sqlite:///{tmp_path / 'w.sqlite'}"),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(lambda: "/news/1/drip" in elsewhere.paths(), 60, "the crawl to reach the dripping page")
            assert len(processes_with(marker)) >= 2  # the run and its crawl child
            run.send_signal(how)
            assert run.wait(timeout=10) == expected
        finally:
            if run.poll() is None:
                run.kill()
        wait_for(lambda: processes_with(marker) == [], 5, f"the crawl child to die after {how.name}")  # noqa: B023
        elsewhere.requests.clear()
    assert list(scratch.iterdir()) == []  # nothing left behind
