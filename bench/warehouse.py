"""The warehouse at scale: a synthetic history of 1,000,000 articles and 100,000 incidents, then the queries a run
and an analyst make against it, timed.

History: 50 sources, articles over three years with short texts and one label row each (the current model
version, except the newest 1,000, which are pending), 100,000 incidents with three reports each, one alert per
attack, 400 crawl runs per source. It is loaded with COPY on PostgreSQL and executemany on SQLite, straight
into tables made by the migrations. Then, with the project's own code:

- the classify stage finding pending work (`load.unlabelled_articles`, a batch of 256),
- the stored-link lookup a crawl makes per index page (`load.known_urls` over the page's 100 links, half of
  them stored), and for one index page of each of the 50 sources,
- a new model relabelling the whole history: finding its next batch mid-way,
- `khabar sources`, `khabar incidents` (table with --limit 50, a filter, all as JSON and CSV, with peak RSS),
  every `khabar trends` variant — as a user runs them (start-up included),
- `khabar run` and its immediate rerun (bench/pipeline.py's site, 200 stories) into this history against the
  same into an empty warehouse.

Targets at 1M articles on PostgreSQL: each warehouse query under 200 ms, each CLI command under 1.5 s, the
rerun within 2 s of the rerun on an empty warehouse.

Usage: python bench/warehouse.py [--articles 1000000] [--incidents 100000] [--db postgres,sqlite] [--write]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import pipeline  # noqa: E402
from bench.benchmd import update_section  # noqa: E402
from bench.pipeline import scratch_warehouse  # noqa: E402
from khabar.pipeline import current_model_version  # noqa: E402
from warehouse import load, schema  # noqa: E402
from warehouse.db import make_engine, session_scope, upgrade  # noqa: E402

SECTION = "## Warehouse at scale"
WORK = REPO_ROOT / "var" / "bench" / "warehouse"
PG_URL = os.environ.get("KHABAR_TEST_DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
MODEL_VERSION = "bench-model"  # main() sets the shipped model's, so that a run finds only the pending articles
SOURCES = 50
PENDING = 1_000
PROVINCES = ["Khyber Pakhtunkhwa", "Balochistan", "Sindh", "Punjab", "Islamabad"]
DISTRICTS = ["Peshawar", "Bannu", "Quetta", "Kech", "Karachi South", "Lahore", "Khyber", "Islamabad", "Gwadar"]
GROUPS = ["TTP", "BLA", "ISKP", "unknown", "unknown", "unknown"]
ATTACK_TYPES = ["bombing", "armed_assault", "suicide_bombing", "targeted_killing", "kidnapping"]
WORDS = ["police", "attack", "district", "security", "killed", "injured", "officials", "said", "militants", "blast"]
START = datetime(2024, 1, 1, tzinfo=UTC)


def host(source: int) -> str:
    return f"site{source:03d}.example.pk"


# --- the synthetic history ------------------------------------------------------------------------


def _complete(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    """The row with every other column at its default (so the loader follows the migrations' schema)."""
    for column in table.columns:
        if column.name in row or column.primary_key:
            continue
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            row[column.name] = default.arg
        elif default is not None and callable(getattr(default, "arg", None)):
            row[column.name] = default.arg.__wrapped__() if hasattr(default.arg, "__wrapped__") else _call(default.arg)
        elif isinstance(column.type, sa.JSON):
            row[column.name] = {}
        else:
            row[column.name] = None
    return row


def _call(fn: Callable[..., Any]) -> Any:
    try:
        return fn()
    except TypeError:
        return fn(None)


def _rows(n_articles: int, n_incidents: int, seed: int) -> dict[str, Iterator[dict[str, Any]]]:
    """Each table's rows, generated as they are loaded."""
    return {
        "articles": _articles(n_articles, random.Random(seed)),
        "article_labels": _labels(n_articles, n_incidents),
        "incidents": _incidents(n_incidents),
        "incident_articles": _links(n_articles, n_incidents),
        "alerts": _alerts(n_incidents),
        "crawl_runs": _crawl_runs(),
    }


def _articles(n_articles: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    """Articles spread evenly over three years, round-robin over the sources."""
    span_s = int(timedelta(days=3 * 365).total_seconds())
    for i in range(1, n_articles + 1):
        source = i % SOURCES
        fetched = START + timedelta(seconds=span_s * i // n_articles)
        url = f"https://{host(source)}/news/{i}"
        yield {
            "id": i, "url": url, "canonical_url": url, "source": f"site-{source:03d}", "title": f"Story {i}",
            "text": " ".join(rng.choices(WORDS, k=40)), "published_at": fetched, "fetched_at": fetched,
            "language": "en", "author": None, "content_hash": f"{i:064x}", "http_status": 200,
            "labelled_by": MODEL_VERSION if i <= n_articles - PENDING else None,
        }  # fmt: skip


def _labels(n_articles: int, n_incidents: int) -> Iterator[dict[str, Any]]:
    """Labels by the shipped model for all but the last PENDING articles: each incident's three reports
    labelled as the incident is, every other article `other`."""
    stride = n_articles // n_incidents
    for i in range(1, n_articles - PENDING + 1):
        k, slot = divmod(i - 1, stride)
        k += 1
        report = slot < 3 and k <= n_incidents
        event = ("attack" if k % 4 else "security_operation") if report else "other"
        yield {
            "id": i, "article_id": i, "model_version": MODEL_VERSION, "event_type": event,
            "attack_type": ATTACK_TYPES[k % 5] if event == "attack" else None,
            "group_code": GROUPS[k % 6] if report else "unknown", "claimed": False,
            "province": PROVINCES[k % 5] if report else None, "district": DISTRICTS[k % 9] if report else None,
            "killed": k % 13 if report else None, "injured": k % 17 if report else None,
            "militants_killed": None, "confidence": {"event_type": 0.9}, "overall_confidence": 0.9,
            "p_attack": 0.9 if event == "attack" else 0.05, "labelled_at": START,
        }  # fmt: skip


def _incidents(n_incidents: int) -> Iterator[dict[str, Any]]:
    """Incidents spread evenly over the three years, three in four attacks."""
    for k in range(1, n_incidents + 1):
        day = (START + timedelta(days=(3 * 365) * k // n_incidents)).date()
        event = "attack" if k % 4 else "security_operation"
        yield {
            "id": k, "occurred_on": day, "event_type": event,
            "attack_type": ATTACK_TYPES[k % 5] if event == "attack" else None, "group_code": GROUPS[k % 6],
            "claimed": k % 9 == 0, "province": PROVINCES[k % 5], "district": DISTRICTS[k % 9],
            "killed": k % 13, "injured": k % 17 if k % 3 else None, "militants_killed": k % 5 or None,
            "confidence": 0.9, "revision": 1, "first_seen_at": START, "updated_at": START,
        }  # fmt: skip


def _links(n_articles: int, n_incidents: int) -> Iterator[dict[str, Any]]:
    """Three reports per incident, published about when it happened."""
    stride = n_articles // n_incidents
    for k in range(1, n_incidents + 1):
        for j in range(3):
            yield {"incident_id": k, "article_id": stride * (k - 1) + j + 1, "similarity": 0.5, "attached_at": START}


def _alerts(n_incidents: int) -> Iterator[dict[str, Any]]:
    """A sent webhook alert for three incidents in four."""
    for k in range(1, n_incidents + 1):
        if k % 4:
            yield {
                "id": k, "incident_id": k, "channel": "webhook", "kind": "new", "revision": 1, "status": "sent",
                "attempts": 1, "error": None, "sent_at": START, "updated_at": START,
            }  # fmt: skip


def _crawl_runs() -> Iterator[dict[str, Any]]:
    """Every source crawled every 15 minutes over the last 400 runs, one run in ten with a failure."""
    for r in range(400):
        finished = datetime.now(UTC) - timedelta(minutes=15 * r)
        for s in range(SOURCES):
            yield {
                "id": r * SOURCES + s + 1, "run_id": f"run-{r}", "source": f"site-{s:03d}",
                "started_at": finished - timedelta(seconds=30), "finished_at": finished, "duration_s": 30.0,
                "found": 20, "new": 1, "fetched": 1, "failed": int(r % 10 == 0), "skipped": 0, "bytes": 50_000,
                "failure_reasons": {}, "skip_reasons": {}, "error": None,
            }  # fmt: skip


def load_history(url: str, n_articles: int, n_incidents: int, seed: int = 11) -> float:
    """Fill a migrated, empty warehouse; returns seconds."""
    started = time.monotonic()
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        now = datetime.now(UTC)
        for s in range(SOURCES):
            feed = f"https://{host(s)}/feed"
            session.add(schema.Source(name=f"site-{s:03d}", kind="feed", url=feed, enabled=True, last_success_at=now))
    tables = schema.metadata.tables
    for name, rows in _rows(n_articles, n_incidents, seed).items():
        table = tables[name]
        if engine.dialect.name == "postgresql":
            _copy(engine, table, rows)
        else:
            _executemany(url, table, rows)
        print(f"  loaded {name} ({time.monotonic() - started:.0f} s)", flush=True)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for name in ("articles", "article_labels", "incidents", "alerts", "crawl_runs"):
                conn.execute(
                    sa.text(f"select setval(pg_get_serial_sequence('{name}', 'id'), (select max(id) from {name}))")
                )
            conn.execute(sa.text("analyze"))
        else:
            conn.execute(sa.text("analyze"))
    engine.dispose()
    return time.monotonic() - started


def _copy(engine: sa.Engine, table: sa.Table, rows: Iterator[dict[str, Any]], chunk: int = 100_000) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        columns: list[str] | None = None
        buffer = io.StringIO()
        for count, raw_row in enumerate(rows, start=1):
            row = _complete(table, raw_row)
            if columns is None:
                columns = list(row)
            buffer.write("\t".join(_pg(row[c]) for c in columns) + "\n")
            if count % chunk == 0:
                _flush(cursor, table.name, columns, buffer)
                buffer = io.StringIO()
        if columns is not None:
            _flush(cursor, table.name, columns, buffer)
        raw.commit()
    finally:
        raw.close()


def _flush(cursor: Any, name: str, columns: list[str], buffer: io.StringIO) -> None:
    buffer.seek(0)
    cursor.copy_expert(f"copy {name} ({', '.join(columns)}) from stdin", buffer)


def _pg(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _executemany(url: str, table: sa.Table, rows: Iterator[dict[str, Any]], chunk: int = 50_000) -> None:
    path = sa.make_url(url).database
    conn = sqlite3.connect(str(path))
    try:
        batch: list[tuple[Any, ...]] = []
        columns: list[str] | None = None
        for row in rows:
            row = _complete(table, row)
            if columns is None:
                columns = list(row)
            batch.append(tuple(_sqlite(row[c]) for c in columns))
            if len(batch) >= chunk:
                _insert(conn, table.name, columns, batch)
                batch = []
        if columns is not None and batch:
            _insert(conn, table.name, columns, batch)
        conn.commit()
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, name: str, columns: list[str], batch: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" for _ in columns)
    conn.executemany(f"insert into {name} ({', '.join(columns)}) values ({marks})", batch)


def _sqlite(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- the measurements -----------------------------------------------------------------------------


@dataclass(slots=True)
class Timing:
    what: str
    seconds: float
    target_s: float
    note: str = ""

    @property
    def met(self) -> bool:
        return self.seconds <= self.target_s


def _timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def _cli(url: str, *args: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, output bytes) of one CLI command, as a user runs it (output to a file)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(WORK), "KHABAR_DATA_DIR": str(WORK / "data")}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    with tempfile.TemporaryDirectory() as tmp:
        peak, out, err = Path(tmp, "peak"), Path(tmp, "out"), Path(tmp, "err")
        command = [sys.executable, "-m", "khabar.cli", *args, "--db", url]
        with out.open("wb") as stdout, err.open("wb") as stderr:
            started = time.perf_counter()
            code = subprocess.call(
                pipeline.with_peak_rss(command, peak),
                stdout=stdout,
                stderr=stderr,
                env=env | {"COLUMNS": "200"},
            )
            seconds = time.perf_counter() - started
        if code != 0:
            raise SystemExit(f"khabar {' '.join(args)} failed: {err.read_text()[-500:]}")
        return seconds, pipeline.peak_rss_mb(peak), out.stat().st_size


def index_page(source: int, total: int) -> list[str]:
    """The links of one index page of a source: its 50 newest stored stories and 50 it has not published yet."""
    stored = [i for i in range(total, 0, -1) if i % SOURCES == source][:50]
    fresh = [total + source + SOURCES * k for k in range(50)]
    return [f"https://{host(source)}/news/{i}" for i in (*stored, *fresh)]


def measure(url: str, total: int) -> list[Timing]:
    timings: list[Timing] = []
    engine = make_engine(url)
    pages = [index_page(s, total) for s in range(SOURCES)]  # made before the clock starts
    try:
        with session_scope(engine) as session:
            seconds, pending = _timed(lambda: load.unlabelled_articles(session, MODEL_VERSION, limit=256))
            timings.append(
                Timing("classify: find pending work (256 of 1,000 unlabelled)", seconds, 0.2, f"{len(pending)} found")
            )
            seconds, batch = _timed(lambda: load.unlabelled_articles(session, "new-model", limit=256, after=total // 2))
            timings.append(
                Timing(
                    "classify: next batch when a new model relabels the whole history (mid-way)",
                    seconds,
                    0.2,
                    f"{len(batch)} found; the classifier takes ~5 s for 256 at 50/s",
                )
            )
        with session_scope(engine) as session:
            seconds, known = _timed(lambda: load.known_urls(session, pages[7]))
            timings.append(
                Timing("crawl: stored links of one index page (100 links)", seconds, 0.2, f"{len(known)} stored")
            )
            seconds, _ = _timed(lambda: [load.known_urls(session, page) for page in pages], repeat=1)
            timings.append(Timing(f"crawl: one index page of each of the {SOURCES} sources", seconds, 2.0))
    finally:
        engine.dispose()
    commands: list[tuple[str, list[str]]] = [
        ("khabar sources", ["sources"]),
        ("khabar incidents --limit 50", ["incidents", "--limit", "50"]),
        ("khabar incidents --province Balochistan --since 2026-01 --limit 50", [
            "incidents", "--province", "Balochistan", "--since", "2026-01", "--limit", "50"]),
        ("khabar incidents --format json (all)", ["incidents", "--format", "json"]),
        ("khabar incidents --format csv (all)", ["incidents", "--format", "csv"]),
    ]  # fmt: skip
    for by in ("province", "district", "group", "attack_type"):
        for period in ("day", "week", "month"):
            commands.append((f"khabar trends --by {by} --period {period}", ["trends", "--by", by, "--period", period]))
    for label, args in commands:
        seconds, rss, size = _cli(url, *args)
        timings.append(Timing(label, seconds, 1.5, f"{rss:.0f} MB peak, {size / 1e6:.1f} MB out"))
    return timings


def rerun_on_history(db: str, url: str) -> Timing:
    """`khabar run` and its immediate rerun (bench/pipeline.py's site, 200 stories of 10 sources), once into an
    empty warehouse and once into this history: what the history adds to the rerun."""
    empty = pipeline.measure(200, 10, db)
    history = pipeline.measure(200, 10, db, warehouse_url=url)
    return Timing(
        "khabar run: immediate rerun on the history, beyond the same rerun on an empty warehouse",
        history.rerun_s - empty.rerun_s,
        2.0,
        f"rerun {history.rerun_s:.1f} s against {empty.rerun_s:.1f} s (first run {history.wall_s:.1f} s, which also"
        f" labels the history's {PENDING:,} pending articles, against {empty.wall_s:.1f} s)",
    )


def table(db: str, n_articles: int, load_s: float, timings: Sequence[Timing]) -> str:
    lines = [
        f"**{db}**, {n_articles:,} articles (loaded in {load_s:.0f} s):",
        "",
        "| what | time | target | met | note |",
        "|---|---|---|---|---|",
    ]
    for t in timings:
        met = "yes" if t.met else "**no**"
        lines.append(f"| {t.what} | {t.seconds * 1000:,.0f} ms | {t.target_s * 1000:,.0f} ms | {met} | {t.note} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--db", default="postgres,sqlite")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    global MODEL_VERSION
    MODEL_VERSION = current_model_version()
    WORK.mkdir(parents=True, exist_ok=True)
    sections = []
    for db in args.db.split(","):
        work = WORK / f"{db}-{uuid.uuid4().hex[:6]}"
        work.mkdir(parents=True)
        url, drop = scratch_warehouse(db, work)
        try:
            print(f"{db}: loading {args.articles:,} articles, {args.incidents:,} incidents", flush=True)
            load_s = load_history(url, args.articles, args.incidents)
            timings = measure(url, args.articles)
            timings.append(rerun_on_history(db, url))
        finally:
            drop()
        sections.append(table(db, args.articles, load_s, timings))
        print(sections[-1], flush=True)
    if args.write:
        command = (
            f"python bench/warehouse.py --articles {args.articles} --incidents {args.incidents} --db {args.db} --write"
        )
        text = "\n".join(
            [
                SECTION,
                "",
                "A synthetic history (50 sources, three years, one label per article, three reports per incident,",
                "an alert per attack, 400 crawl runs per source) loaded into a migrated warehouse; the project's own",
                "queries timed (best of 3), and the CLI as a user runs it (start-up included, one run each).",
                "",
                f"- command: `{command}`",
                f"- date: {date.today().isoformat()}, machine: 2 CPU cores, PostgreSQL 15 with default settings",
                "",
                *[s + "\n" for s in sections],
            ]
        )
        update_section(REPO_ROOT / "BENCHMARKS.md", SECTION, text)
        print("updated BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
