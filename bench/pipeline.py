"""Whole-pipeline throughput: `khabar run` against a generated news site of many sources on loopback.

The site is generated here: distinct 150–400-word stories of every kind (attacks of each type, security
operations, other news), one host per source (127.0.0.10, .11, ...), each with an RSS feed of its stories,
served from a separate process. For each size and warehouse the benchmark measures one `khabar run` as a
user starts it: wall time, articles per minute, the time each progress line appeared, CPU use of the run
and its children, peak RSS, the first and last alert received by a local webhook (from the run's start),
and then an immediate rerun (seconds and requests; it should cost only conditional requests).

The politeness delay is set to 0 (KHABAR_CRAWL_DELAY_S): with the default 1 s per host, 40 stories of one
source take 40 s however fast khabar is, and the benchmark measures khabar.

Usage: python bench/pipeline.py [--sizes 200x10,2000x50,10000x50] [--db sqlite,postgres] [--write]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlalchemy as sa  # noqa: E402
import yaml  # noqa: E402

from bench.benchmd import update_section  # noqa: E402

SECTION = "## Pipeline throughput"
WORK = REPO_ROOT / "var" / "bench" / "pipeline"
PG_URL = os.environ.get("KHABAR_TEST_DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
FIRST_HOST = 10  # sources live on 127.0.0.10, 127.0.0.11, ...

# --- the generated site ---------------------------------------------------------------------------

DISTRICTS = [
    ("Peshawar", "Khyber Pakhtunkhwa"), ("Bannu", "Khyber Pakhtunkhwa"), ("Dera Ismail Khan", "Khyber Pakhtunkhwa"),
    ("North Waziristan", "Khyber Pakhtunkhwa"), ("Bajaur", "Khyber Pakhtunkhwa"), ("Khyber", "Khyber Pakhtunkhwa"),
    ("Lakki Marwat", "Khyber Pakhtunkhwa"), ("Kurram", "Khyber Pakhtunkhwa"), ("Quetta", "Balochistan"),
    ("Kech", "Balochistan"), ("Gwadar", "Balochistan"), ("Mastung", "Balochistan"), ("Kachhi", "Balochistan"),
    ("Nushki", "Balochistan"), ("Karachi South", "Sindh"), ("Hyderabad", "Sindh"), ("Lahore", "Punjab"),
    ("Rawalpindi", "Punjab"), ("Islamabad", "Islamabad"), ("Diamer", "Gilgit-Baltistan"),
]  # fmt: skip
TARGETS = [
    "a police checkpoint", "a Frontier Corps convoy", "a passenger van", "a crowded market", "a polio vaccination team",
    "a customs post", "a mosque during Friday prayers", "a bus carrying labourers", "a security forces camp",
    "the vehicle of a local elder", "a gas pipeline", "a railway track", "a mobile phone tower", "a levies post",
]  # fmt: skip
ATTACKS = [
    ("bombing", "a remote-controlled bomb planted on a motorcycle exploded near {target}"),
    ("suicide_bombing", "a suicide bomber blew himself up near {target}"),
    ("armed_assault", "heavily armed militants attacked {target} from several directions"),
    ("targeted_killing", "unidentified gunmen on a motorcycle opened fire on {target} and fled"),
    ("kidnapping", "armed men abducted passengers after stopping {target}"),
    ("infrastructure_attack", "militants blew up {target} with explosives"),
]
GROUPS = ["Tehreek-e-Taliban Pakistan", "the Balochistan Liberation Army", "Islamic State Khorasan", "Jamaat-ul-Ahrar"]
FILLER = [
    "Rescue teams and police reached the site soon afterwards and cordoned off the area.",
    "The injured were shifted to the district headquarters hospital, where an emergency was declared.",
    "Officials said a search operation had been launched in the surrounding villages to trace the attackers.",
    "The chief minister condemned the incident and directed the authorities to submit a report.",
    "Residents said they heard the sound of gunfire for nearly an hour before the area fell silent.",
    "A senior police official told reporters that the investigation was still at an early stage.",
    "The provincial government announced compensation for the families of those who lost their lives.",
    "Security has been tightened at government buildings and important installations across the district.",
    "Traders in the nearby bazaar closed their shops in protest and demanded better protection.",
    "The counter-terrorism department registered a case and began collecting evidence from the scene.",
    "Local elders called for a jirga to discuss the deteriorating law and order situation in the area.",
    "Political leaders across the spectrum expressed grief and called for unity against terrorism.",
]
OTHER = [
    "The provincial cabinet approved a development package for {district} worth several billion rupees.",
    "A court in {district} adjourned the hearing of a land dispute case until next month.",
    "Students in {district} staged a protest against the shortage of teachers in government schools.",
    "The health department launched a week-long vaccination campaign in {district} on Monday.",
    "Heavy rain lashed {district} and adjoining areas, inundating low-lying roads and markets.",
]


@dataclass(frozen=True, slots=True)
class Story:
    path: str
    title: str
    paragraphs: list[str]
    published: datetime
    kind: str


def _story(rng: random.Random, number: int, day: datetime) -> Story:
    district, province = rng.choice(DISTRICTS)
    roll = rng.random()
    published = day + timedelta(minutes=rng.randrange(0, 24 * 60))
    filler = rng.sample(FILLER, rng.randint(5, 9))
    if roll < 0.55:
        attack_type, clause = rng.choice(ATTACKS)
        target = rng.choice(TARGETS)
        killed, injured = rng.randint(0, 25), rng.randint(0, 40)
        lede = (
            f"{district.upper()}: At least {killed} people were killed and {injured} injured when "
            f"{clause.format(target=target)} in {district} district of {province} on {published:%A}, officials said."
        )
        claim = rng.choice(
            [f"{rng.choice(GROUPS)} claimed responsibility for the attack.", "No group has claimed the attack."]
        )
        what = target.removeprefix("a ").removeprefix("the ")
        title = f"{killed} killed as {attack_type.replace('_', ' ')} hits {what} in {district}"
        paragraphs, kind = [lede, claim, *filler], "attack"
    elif roll < 0.75:
        militants = rng.randint(2, 30)
        lede = (
            f"Security forces killed {militants} terrorists in an intelligence-based operation in {district}, the "
            f"military's media wing said on {published:%A}, adding that weapons and explosives were recovered."
        )
        title = f"{militants} terrorists killed in {district} operation"
        paragraphs, kind = [lede, *filler[:4]], "operation"
    else:
        lede = rng.choice(OTHER).format(district=district)
        title = lede.split(" in ")[0][:70]
        paragraphs, kind = [lede, *[f.replace("attackers", "organisers") for f in filler[:5]]], "other"
    paragraphs.insert(1, f"Report {number} of the desk: filed at {published:%H:%M}.")
    return Story(f"/news/{number}", title, paragraphs, published, kind)


def _page(story: Story) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in story.paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{story.title}</title>"
        f"<meta property='article:published_time' content='{story.published.isoformat()}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/pakistan'>Pakistan</a></nav>"
        f"<article><h1>{story.title}</h1>{body}</article>"
        "<aside class='related'><a href='/news/1'>Related story</a></aside>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()


def _feed(base: str, stories: Sequence[Story]) -> bytes:
    items = "".join(
        f"<item><title>{s.title}</title><link>{base}{s.path}</link>"
        f"<pubDate>{format_datetime(s.published)}</pubDate></item>"
        for s in stories
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()


def _serve(n_sources: int, per_source: int, seed: int, ready: Any, requests: Any, stop: Any) -> None:
    """The site's process: one server per source host, pre-rendered pages, ETag on the feeds."""
    rng = random.Random(seed)
    day = datetime(2026, 11, 1, tzinfo=UTC)
    servers = []
    number = 0
    bases = []
    for i in range(n_sources):
        stories = []
        for _ in range(per_source):
            number += 1
            stories.append(_story(rng, number, day + timedelta(days=number % 20)))
        routes = {s.path: _page(s) for s in stories}
        host = f"127.0.0.{FIRST_HOST + i}"
        server = ThreadingHTTPServer((host, 0), _handler(routes, stories, requests))
        server.daemon_threads = True
        base = f"http://{host}:{server.server_address[1]}"
        routes["/feed.xml"] = _feed(base, stories)
        routes["/robots.txt"] = b"User-agent: *\nAllow: /\n"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        bases.append(base)
    ready.send(bases)
    stop.wait()
    for server in servers:
        server.shutdown()


def _handler(routes: dict[str, bytes], stories: Sequence[Story], requests: Any) -> type[BaseHTTPRequestHandler]:
    etag = f'"{uuid.uuid4().hex[:12]}"'

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with requests.get_lock():
                requests.value += 1
            body = routes.get(self.path.split("?")[0])
            if body is None:
                self._send(404, b"not found", "text/plain")
            elif self.path == "/feed.xml" and self.headers.get("If-None-Match") == etag:
                self._send(304, b"", "application/rss+xml")
            else:
                kind = "application/rss+xml" if self.path == "/feed.xml" else "text/html; charset=utf-8"
                self._send(200, body, kind)

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if self.path == "/feed.xml":
                self.send_header("ETag", etag)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


# --- the measured run -----------------------------------------------------------------------------


class AlertClock:
    """A webhook receiver that notes when each alert arrives, with its JSON body."""

    def __init__(self) -> None:
        self.alerts: list[tuple[float, dict[str, Any]]] = []
        clock = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                clock.alerts.append((time.monotonic(), body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/alerts"

    @property
    def arrivals(self) -> list[float]:
        return [at for at, _ in self.alerts]


@dataclass(slots=True)
class RunFigures:
    articles: int
    sources: int
    db: str
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0
    stored: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    first_alert_s: float | None = None
    last_alert_s: float | None = None
    alerts: int = 0
    rerun_s: float = 0.0
    rerun_requests: int = 0

    @property
    def per_minute(self) -> float:
        return self.stored / self.wall_s * 60 if self.wall_s else 0.0


def scratch_warehouse(db: str, work: Path) -> tuple[str, Callable[[], None]]:
    """A fresh warehouse for one benchmark: a SQLite file in `work`, or a new schema in the PostgreSQL
    database (KHABAR_TEST_DATABASE_URL); the URL and a function that removes it."""
    if db == "sqlite":
        return f"sqlite:///{work / 'warehouse.sqlite'}", lambda: None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'create schema "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'drop schema "{schema}" cascade'))
        admin.dispose()

    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", drop


def run_env(work: Path, webhook_url: str, **extra: str) -> dict[str, str]:
    """The environment `khabar run` gets in a benchmark: its own home and data directory, loopback sites
    allowed, no politeness delay, alerts to the benchmark's receiver."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "HF_HUB_OFFLINE": "1",
        "KHABAR_DATA_DIR": str(work / "data"),
        "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",
        "KHABAR_CRAWL_DELAY_S": "0",
        "KHABAR_ALERT_WEBHOOK_URL": webhook_url,
        **extra,
    }
    # The caller's PYTHONPATH, and its alert threshold, to run the benchmark at another one than the default.
    for name in ("PYTHONPATH", "KHABAR_ALERT_MIN_P_ATTACK"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


# Runs a command and writes its children's peak RSS (KiB) to a file. Neither of the benchmark's own views tells
# one command's peak: a child's peak counts what it shared with the benchmark before exec, and the benchmark's
# RUSAGE_CHILDREN keeps the largest of every child it has waited for (an earlier, larger run).
_PEAK_RSS = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)"
)


def with_peak_rss(command: Sequence[str], peak_file: Path) -> list[str]:
    """`command` run through the launcher that writes its peak RSS to `peak_file` (read by `peak_rss_mb`)."""
    return [sys.executable, "-c", _PEAK_RSS, str(peak_file), *command]


def peak_rss_mb(peak_file: Path) -> float:
    return int(peak_file.read_text()) / 1024


def _run(command: list[str], env: dict[str, str]) -> tuple[float, dict[str, float], str]:
    """Run the CLI; (wall seconds, seconds from start to each progress line's first word, stdout)."""
    started = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stages: dict[str, float] = {}

    def watch() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            key = line.split(":")[0].split(" ")[0].strip()
            if key and not key[0].isdigit() and key not in stages:
                stages[key] = round(time.monotonic() - started, 2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout = proc.stdout.read() if proc.stdout else ""
    proc.wait()
    watcher.join(5)
    if proc.returncode != 0:
        raise SystemExit(f"khabar run failed ({proc.returncode}): {stdout[-2000:]}")
    return time.monotonic() - started, stages, stdout


_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def _package(path: str) -> str:
    """Where a sampled frame's code lives: its top-level package (py-spy names files from there), or the
    standard library."""
    top = path.split("/", 1)[0].removesuffix(".py")
    if top.startswith("<") or top in sys.stdlib_module_names:
        return "python (stdlib)"
    return top


def profile_summary(raw: Path, top: int = 10) -> str:
    """py-spy's raw samples of a run as a table per process: the packages most samples were in (inclusive:
    anywhere on the stack) and where the samples ended (self)."""
    inclusive: dict[str, Counter[str]] = defaultdict(Counter)
    own: dict[str, Counter[str]] = defaultdict(Counter)
    leaves: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        processes = [f for f in frames if f.startswith("process ")]
        code = [m for f in frames if not f.startswith("process ") and (m := _FRAME.match(f))]
        packages = [_package(m.group("file")) for m in code]
        name = processes[-1].split(":", 1)[-1].strip('"') if processes else "?"
        name = "crawl process" if "crawl_child" in name else "khabar run" if "khabar.cli" in name or not name else name
        totals[name] += count
        for package in set(packages):
            inclusive[name][package] += count
        if packages:
            own[name][packages[-1]] += count
            leaves[name][f"{code[-1].group('func')} ({code[-1].group('file')})"] += count
    lines = []
    for name, total in totals.most_common():
        lines += [f"**{name}**: {total:,} samples", "", "| package | inclusive | self |", "|---|---|---|"]
        for package, count in inclusive[name].most_common(top):
            lines.append(f"| {package} | {count / total:.0%} | {own[name][package] / total:.0%} |")
        lines += ["", "where the samples ended: " + "; ".join(
            f"{leaf} {count / total:.0%}" for leaf, count in leaves[name].most_common(6)
        ), ""]  # fmt: skip
    return "\n".join(lines)


def measure(
    n_articles: int,
    n_sources: int,
    db: str,
    seed: int = 7,
    warehouse_url: str | None = None,
    profile: Path | None = None,
) -> RunFigures:
    """One run and its immediate rerun, into a fresh warehouse (or into `warehouse_url`, left in place); with
    `profile`, the first run is sampled by py-spy (every process, 100 Hz) into that file."""
    work = WORK / f"{n_articles}x{n_sources}-{db}-{uuid.uuid4().hex[:6]}"
    work.mkdir(parents=True)
    figures = RunFigures(n_articles, n_sources, db)
    parent, child = mp.Pipe()
    requests, stop = mp.Value("i", 0), mp.Event()
    server = mp.Process(target=_serve, args=(n_sources, n_articles // n_sources, seed, child, requests, stop))
    server.start()
    bases = parent.recv()
    url, drop = (warehouse_url, lambda: None) if warehouse_url else scratch_warehouse(db, work)
    try:
        sources = work / "sources.yaml"
        entries = [{"name": f"site-{i:03d}", "kind": "feed", "url": f"{b}/feed.xml"} for i, b in enumerate(bases)]
        sources.write_text(yaml.safe_dump({"sources": entries}), encoding="utf-8")
        alerts = AlertClock()
        env = run_env(work, alerts.url)
        command = [sys.executable, "-m", "khabar.cli", "run", "--sources", str(sources), "--db", url]
        sampled = command
        if profile is not None:
            spy = ["py-spy", "record", "--subprocesses", "--rate", "100", "--format", "raw", "-o", str(profile)]
            sampled = [*spy, "--", *command]
        peak = work / "peak-rss"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        figures.wall_s, figures.stages, stdout = _run(with_peak_rss(sampled, peak), env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures.cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        figures.peak_rss_mb = peak_rss_mb(peak)
        figures.stored = _stored(stdout)
        if alerts.arrivals:
            figures.first_alert_s = round(alerts.arrivals[0] - started, 1)
            figures.last_alert_s = round(alerts.arrivals[-1] - started, 1)
        figures.alerts = len(alerts.arrivals)
        with requests.get_lock():
            requests.value = 0
        figures.rerun_s, _, _ = _run(command, env)
        figures.rerun_requests = requests.value
        alerts.server.shutdown()
    finally:
        stop.set()
        server.join(10)
        drop()
    return figures


def _stored(stdout: str) -> int:
    for line in stdout.splitlines():
        if line.startswith("stored "):
            return int(line.split()[1])
    return 0


def table(results: Sequence[RunFigures]) -> str:
    lines = [
        "| articles / sources | warehouse | wall | articles/min | CPU (of 200%) | peak RSS | stages (s from start) "
        "| first / last alert | alerts | rerun (requests) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        stages = ", ".join(f"{k} {v}" for k, v in r.stages.items())
        alert = f"{r.first_alert_s} / {r.last_alert_s} s" if r.first_alert_s is not None else "—"
        lines.append(
            f"| {r.stored:,} / {r.sources} | {r.db} | {r.wall_s:.1f} s | {r.per_minute:,.0f} | "
            f"{r.cpu_s / r.wall_s * 100:.0f}% | {r.peak_rss_mb:.0f} MB | {stages} | {alert} | {r.alerts} | "
            f"{r.rerun_s:.1f} s ({r.rerun_requests}) |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200x10,2000x50,10000x50", help="ARTICLESxSOURCES,...")
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument(
        "--profile", action="store_true", help="sample each first run with py-spy and print where the time went"
    )
    args = parser.parse_args(argv)
    if args.profile:
        return _profile(args.sizes, args.db)
    results = []
    for size in args.sizes.split(","):
        n_articles, n_sources = (int(x) for x in size.split("x"))
        for db in args.db.split(","):
            figures = measure(n_articles, n_sources, db)
            print(json.dumps({k: getattr(figures, k) for k in figures.__slots__}, default=str), flush=True)  # type: ignore[attr-defined]
            results.append(figures)
    print(table(results))
    if args.write:
        command = f"python bench/pipeline.py --sizes {args.sizes} --db {args.db} --write"
        text = "\n".join(
            [
                SECTION,
                "",
                "`khabar run` against a generated site (distinct 150–400-word stories of every kind, one host per",
                "source on 127.0.0.x, RSS feeds, served by a separate process), politeness delay 0. Stages are the",
                "seconds from the run's start to each progress line; alerts are timed at a local webhook. The rerun",
                "right after should cost only conditional requests (one per feed).",
                "",
                f"- command: `{command}`",
                f"- date: {date.today().isoformat()}, machine: 2 CPU cores",
                "",
                table(results),
                "",
            ]
        )
        update_section(REPO_ROOT / "BENCHMARKS.md", SECTION, text)
        print("updated BENCHMARKS.md")
    return 0


def _profile(sizes: str, dbs: str) -> int:
    for size in sizes.split(","):
        n_articles, n_sources = (int(x) for x in size.split("x"))
        for db in dbs.split(","):
            raw = WORK / f"profile-{size}-{db}.txt"
            WORK.mkdir(parents=True, exist_ok=True)
            figures = measure(n_articles, n_sources, db, profile=raw)
            print(f"### {size} on {db}: {figures.wall_s:.1f} s under py-spy, {figures.stored:,} stored ({raw})")
            print()
            print(profile_summary(raw))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
