"""Helpers the reliability tests share: the CLI as a user runs it, sources files, feeds, stories, raw queries."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from childenv import passthrough
from httpfixture import FixtureServer, Route, news_page

# Attack reports in three districts and one story that is no incident; each becomes its own page.
STORIES = {
    "/news/301/bannu-checkpoint": (
        "Four policemen martyred in attack on Bannu checkpoint",
        "BANNU: Four policemen were martyred and three others injured when militants attacked a police "
        "checkpoint in the Domel area of Bannu district late on Monday night, police said. The attackers "
        "fled after an exchange of fire that lasted an hour. No group has claimed responsibility so far. "
        "A search operation was launched in the surrounding villages.",
        "2026-11-02T23:10:00+05:00",
    ),
    "/news/302/quetta-blast": (
        "Six killed in Quetta market bomb blast",
        "QUETTA: Six people were killed and 14 injured when a bomb planted on a motorcycle went off in a busy "
        "market on Jinnah Road in Quetta on Tuesday, officials said. The injured were shifted to the Civil "
        "Hospital. The bomb disposal squad said about three kilograms of explosives were used in the device.",
        "2026-11-03T11:40:00+05:00",
    ),
    "/news/303/khyber-ambush": (
        "Two soldiers martyred in Khyber ambush",
        "KHYBER: Two soldiers were martyred when terrorists ambushed a security forces convoy in the Tirah "
        "valley of Khyber district on Wednesday, the military's media wing said. Troops responded and the "
        "area was cordoned off. The attackers fled towards the border.",
        "2026-11-04T09:15:00+05:00",
    ),
    "/news/304/court": (
        "High court adjourns hearing on budget petition",
        "PESHAWAR: The high court on Thursday adjourned the hearing of a petition challenging the provincial "
        "budget until next month after the government's counsel sought more time to file a reply. The bench "
        "directed the finance department to submit its comments before the next date of hearing.",
        "2026-11-05T10:00:00+05:00",
    ),
}


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The CLI's environment: own HOME and data dir, no delays or retries, loopback allowed, every alert sent.

    Pass KHABAR_CRAWL_ALLOW_NETWORKS="" to get production's refusal of private addresses.
    """
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "KHABAR_DATA_DIR": str(home / "data"),
        "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",
        "KHABAR_CRAWL_DELAY_S": "0",
        "KHABAR_CRAWL_REQUEST_TIMEOUT_S": "5",
        "KHABAR_CRAWL_RETRIES": "0",
        "KHABAR_ALERT_MIN_CONFIDENCE": "0.0",
    }
    return env | passthrough() | extra


def khabar_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "khabar.cli", *args]


def khabar(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion; stdout and stderr as text."""
    return subprocess.run(khabar_command(*args), capture_output=True, text=True, timeout=timeout, env=env)


def write_sources(path: Path, entries: list[dict[str, object]]) -> Path:
    path.write_text(yaml.safe_dump({"sources": entries}), encoding="utf-8")
    return path


def rss(links: list[str], pub_dates: list[str] | None = None) -> bytes:
    """An RSS feed listing `links` (absolute, or anything a hostile feed might hold)."""
    items = []
    for i, link in enumerate(links):
        date = (pub_dates or [])[i] if pub_dates and i < len(pub_dates) else "Tue, 03 Nov 2026 08:00:00 +0500"
        items.append(f"<item><title>story {i}</title><link>{link}</link><pubDate>{date}</pubDate></item>")
    head = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
    return f"{head}{''.join(items)}</channel></rss>".encode()


def serve_stories(site: FixtureServer, paths: list[str] | None = None) -> list[str]:
    """Put the stories (all, or those of `paths`) on the site; returns their absolute URLs."""
    urls = []
    for path in paths or list(STORIES):
        title, text, published = STORIES[path]
        site.routes[path] = Route(news_page(title, text, published))
        urls.append(site.base + path)
    return urls


def query(url: str, sql: str, **params: object) -> list[sa.Row[*tuple[Any, ...]]]:
    """Rows straight from the warehouse, outside khabar's code."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql), params))
    finally:
        engine.dispose()


class SlowWebhook:
    """A webhook receiver on 127.0.0.1 that records every Idempotency-Key it is sent.

    It answers after `delay_s`; with `hang_at` set, the request of that number (1-based) gets no answer
    until `release()` — an alert in flight when its sender is killed.
    """

    def __init__(self, delay_s: float = 0.0, hang_at: int | None = None) -> None:
        self.keys: list[str] = []
        self.delay_s = delay_s
        self.hang_at = hang_at
        self.hanging = threading.Event()
        self._release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.keys.append(str(self.headers.get("Idempotency-Key")))
                if receiver.hang_at is not None and len(receiver.keys) == receiver.hang_at:
                    receiver.hanging.set()
                    receiver._release.wait(60)
                time.sleep(receiver.delay_s)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/alerts"

    def release(self) -> None:
        self._release.set()

    def __enter__(self) -> SlowWebhook:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()


def processes_with(marker: str) -> list[int]:
    """Pids of live processes whose environment carries `marker` (KHABAR_TEST_MARK=...)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if f"KHABAR_TEST_MARK={marker}".encode() in environ.split(b"\0") and "State:\tZ" not in status:
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
