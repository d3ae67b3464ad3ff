"""Secrets never reach output or logs, the warehouse is private to its owner, and every response has a size
and time cap: a page without Content-Length is cut at the cap (too_large), `khabar extract` has a deadline."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

from httpfixture import FixtureServer, Route
from reliability.harness import cli_env, khabar, query, rss, serve_stories, write_sources


def _one_source(site: FixtureServer, tmp_path: Path) -> Path:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    site.routes["/feed.xml"] = Route(rss(urls), content_type="application/rss+xml")
    return write_sources(tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}])


def test_passwords_and_tokens_never_appear(site: FixtureServer, postgres_url: str, tmp_path: Path) -> None:
    sources = _one_source(site, tmp_path)
    # Trust authentication ignores the passwords, so the run goes through with them in its URL.
    user_info = postgres_url.replace("postgres@", "postgres:S3cr3t-pa55@", 1)
    db = f"{user_info}&password=Qu3ry-pa55"
    hook = "http://127.0.0.1:9/hooks/T0k3n-in-path?token=T0k3n-in-query"
    env = cli_env(tmp_path, KHABAR_ALERT_WEBHOOK_URL=hook, KHABAR_SMTP_PASSWORD="Smtp-pa55", KHABAR_LOG_LEVEL="DEBUG")

    run = khabar(env, "run", "--sources", str(sources), "--db", db)
    broken = khabar(env, "db", "upgrade", "--db", "postgresql+psycopg2://user:pa/ss-W0rd@127.0.0.1:9/x")

    # The webhook is unreachable: the run finishes, and says so with exit status 3 (alerts not delivered).
    assert run.returncode == 3, run.stderr
    assert "alerts 0 sent / 1 failed" in run.stdout or "failed" in run.stdout
    assert broken.returncode == 2 and "cannot connect to the warehouse" in broken.stderr
    shown = run.stdout + run.stderr + broken.stdout + broken.stderr
    for secret in ("S3cr3t-pa55", "Qu3ry-pa55", "T0k3n-in-path", "T0k3n-in-query", "Smtp-pa55", "pa/ss-W0rd"):
        assert secret not in shown, secret
    assert "***" in shown  # masked, not silently dropped


def test_the_warehouse_and_data_directory_are_private(site: FixtureServer, tmp_path: Path) -> None:
    sources = _one_source(site, tmp_path)
    env = cli_env(tmp_path)  # no --db: the embedded warehouse in the data directory
    assert khabar(env, "crawl", "--sources", str(sources)).returncode == 0
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "khabar.sqlite").stat().st_mode) == 0o600


def test_a_page_without_length_is_cut_at_the_size_cap(site: FixtureServer, tmp_path: Path) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    site.routes["/news/9/endless"] = Route(stream_bytes=8 * 1024 * 1024)  # no Content-Length
    site.routes["/feed.xml"] = Route(rss([*urls, f"{site.base}/news/9/endless"]), content_type="application/rss+xml")
    sources = write_sources(
        tmp_path / "sources.yaml", [{"name": "daily", "kind": "feed", "url": f"{site.base}/feed.xml"}]
    )
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    proc = khabar(
        cli_env(tmp_path, KHABAR_CRAWL_MAX_BYTES=str(1024 * 1024)), "crawl", "--sources", str(sources), "--db", db
    )
    assert proc.returncode == 0, proc.stderr
    reasons = query(db, "select failure_reasons from crawl_runs")[0][0]
    assert (json.loads(reasons) if isinstance(reasons, str) else reasons) == {"too_large": 1}
    assert [r.url for r in query(db, "select url from articles")] == urls


def test_extract_has_a_deadline_per_input(site: FixtureServer, tmp_path: Path) -> None:
    site.routes["/drip"] = Route(b"<html><body><p>" + b"x" * 300, drip_s=0.5)
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    started = time.monotonic()
    proc = khabar(cli_env(tmp_path, KHABAR_EXTRACT_TIMEOUT_S="3"), "extract", f"{site.base}/drip", urls[0])
    elapsed = time.monotonic() - started
    assert elapsed < 15, elapsed  # 3 s for the dripping page (150 s at its pace), then the next input
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records[0]["error"].startswith("timeout")
    assert "policemen were martyred" in records[1]["text"]
    assert proc.returncode == 2  # one input could not be extracted, and it says so


def test_extract_refuses_other_schemes_and_private_addresses(site: FixtureServer, tmp_path: Path) -> None:
    urls = serve_stories(site, ["/news/301/bannu-checkpoint"])
    proc = khabar(cli_env(tmp_path, KHABAR_CRAWL_ALLOW_NETWORKS=""), "extract", urls[0], "ftp://127.0.0.2/x")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records[0]["error"].startswith("refused: private_address")
    assert "error" in records[1]  # not a URL khabar fetches: read as a (missing) local file
    assert site.paths() == []
