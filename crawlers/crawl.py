"""Run one crawl (all given sources) in a fresh Scrapy process and turn its records into per-source stats.

The parent never imports Twisted: each crawl is a subprocess (`python -m crawlers.crawl JOB OUT`), so the
reactor is started exactly once per process and a crashing crawl cannot take the caller down.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crawlers.sources import Source
from domain.records import Article
from domain.taxonomy import SourceKind

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class CrawlSettings:
    """Politeness and safety limits; the defaults are for real sites, tests and the demo shorten them."""

    user_agent: str = "khabar/0.1 (+news monitoring for conflict research)"
    download_delay: float = 1.0
    per_host_concurrency: int = 2
    autothrottle: bool = True
    timeout_s: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    retry_backoff_s: float = 2.0
    max_redirects: int = 5
    obey_robots: bool = True
    crawl_timeout_s: float = 600.0


@dataclass(slots=True)
class CrawlStats:
    """What one crawl did for one source: the row that lands in crawl_runs."""

    source: str
    found: int = 0
    new: int = 0
    fetched: int = 0
    failed: int = 0
    skipped: int = 0
    bytes: int = 0
    duration_s: float = 0.0
    not_modified: bool = False
    index_error: str | None = None
    failed_reasons: dict[str, int] = field(default_factory=dict)
    skipped_reasons: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class FeedState:
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class CrawlResult:
    articles: list[Article]
    stats: dict[str, CrawlStats]
    feed_states: dict[str, FeedState]


class CrawlError(RuntimeError):
    """The crawl process itself could not run (not one failing page or source)."""


def run_crawl(
    sources: list[Source],
    known_urls: dict[str, set[str]],
    feed_states: dict[str, FeedState],
    settings: CrawlSettings | None = None,
    workdir: Path | None = None,
) -> CrawlResult:
    """Crawl the sources in a subprocess; return new articles, per-source stats and new feed states."""
    settings = settings or CrawlSettings()
    started = time.monotonic()
    job = {
        "settings": asdict(settings),
        "sources": [
            {
                "name": s.name,
                "kind": s.kind.value,
                "url": s.url,
                "link_pattern": s.link_pattern,
                "hosts": sorted(s.hosts),
                "etag": feed_states.get(s.name, FeedState(None, None)).etag,
                "last_modified": feed_states.get(s.name, FeedState(None, None)).last_modified,
                "known": sorted(known_urls.get(s.name, set())),
            }
            for s in sources
        ],
    }
    with tempfile.TemporaryDirectory(prefix="khabar-crawl-", dir=workdir) as tmp:
        job_path, out_path, log_path = Path(tmp, "job.json"), Path(tmp, "out.jsonl"), Path(tmp, "crawl.log")
        job_path.write_text(json.dumps(job), encoding="utf-8")
        with log_path.open("wb") as log:
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "crawlers.crawl", str(job_path), str(out_path)],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    timeout=settings.crawl_timeout_s,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise CrawlError(f"crawl did not finish within {settings.crawl_timeout_s:.0f} s") from None
        if proc.returncode != 0:
            tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise CrawlError(f"crawl process exited with status {proc.returncode}: {' | '.join(tail)}")
        records = _read_records(out_path)
    result = summarise(records, [s.name for s in sources])
    elapsed = time.monotonic() - started
    for stats in result.stats.values():
        # Each source's own crawl time when its spider reported it, else the whole crawl's.
        stats.duration_s = stats.duration_s or round(elapsed, 3)
    return result


def _read_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    return records


def summarise(records: list[dict[str, Any]], source_names: list[str]) -> CrawlResult:
    """Fold the crawl process's records into articles, per-source stats and feed states."""
    stats = {name: CrawlStats(source=name) for name in source_names}
    failed: dict[str, Counter[str]] = {name: Counter() for name in source_names}
    skipped: dict[str, Counter[str]] = {name: Counter() for name in source_names}
    states: dict[str, FeedState] = {}
    articles: list[Article] = []
    for rec in records:
        name = rec["source"]
        st = stats[name]
        st.bytes += int(rec.get("bytes") or 0)
        kind = rec["type"]
        if kind == "index":
            if rec.get("not_modified"):
                st.not_modified = True
            if rec.get("error"):
                outcome = rec.get("outcome", "failed")
                (skipped if outcome == "skipped" else failed)[name][f"index_{rec['error']}"] += 1
                if rec.get("links", 0) == 0:
                    st.index_error = rec["error"]
            if rec.get("malformed"):
                skipped[name]["index_malformed"] += 1
            if rec.get("etag") or rec.get("last_modified"):
                states[name] = FeedState(rec.get("etag"), rec.get("last_modified"))
        elif kind == "link":
            outcome = rec["outcome"]
            if outcome in ("new", "known", "queued"):
                st.found += 1
                st.new += outcome == "new"
                if outcome == "queued":
                    # Already queued in this run by this index or another source of the same site: say so,
                    # or a sitemap that lists what the listing page already gave looks dead (new 0).
                    skipped[name]["duplicate_link"] += 1
            else:
                skipped[name][outcome] += 1
        elif kind == "article":
            st.fetched += 1
            articles.append(
                Article(
                    url=rec["url"],
                    canonical_url=rec["canonical_url"],
                    source=name,
                    title=rec["title"],
                    text=rec["text"],
                    content_hash=rec["content_hash"],
                    fetched_at=datetime.fromisoformat(rec["fetched_at"]),
                    published_at=datetime.fromisoformat(rec["published"]) if rec.get("published") else None,
                    language=rec.get("language"),
                    author=rec.get("author"),
                    http_status=rec.get("status"),
                )
            )
        elif kind == "article_failed":
            failed[name][rec["reason"]] += 1
        elif kind == "article_skipped":
            skipped[name][rec["reason"]] += 1
        elif kind == "done":
            st.duration_s = round(float(rec["duration_s"]), 3)
    for name, st in stats.items():
        st.failed_reasons = dict(failed[name])
        st.skipped_reasons = dict(skipped[name])
        st.failed = sum(failed[name].values())
        st.skipped = sum(skipped[name].values())
    return CrawlResult(articles, stats, states)


def _scrapy_settings(settings: dict[str, Any]) -> dict[str, Any]:
    return {
        "USER_AGENT": settings["user_agent"],
        "ROBOTSTXT_OBEY": settings["obey_robots"],
        "DOWNLOAD_DELAY": settings["download_delay"],
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings["per_host_concurrency"],
        "AUTOTHROTTLE_ENABLED": settings["autothrottle"],
        "AUTOTHROTTLE_START_DELAY": max(settings["download_delay"], 0.1),
        "DOWNLOAD_TIMEOUT": settings["timeout_s"],
        "DOWNLOAD_MAXSIZE": settings["max_bytes"],
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": settings["retries"],
        "REDIRECT_MAX_TIMES": settings["max_redirects"],
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening sockets in a crawler process
        "LOG_LEVEL": "INFO",
        "KHABAR_RETRY_BACKOFF_S": settings["retry_backoff_s"],
        "DOWNLOADER_MIDDLEWARES": {
            "crawlers.middlewares.HostGuardMiddleware": 50,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawlers.middlewares.BackoffRetryMiddleware": 550,
        },
        "ITEM_PIPELINES": {"crawlers.crawl.JsonLinesPipeline": 100},
    }


class JsonLinesPipeline:
    """Writes every record the spiders yield to the job's output file, one JSON object a line."""

    def __init__(self, path: str, spider: Any = None) -> None:
        self._fh = Path(path).open("a", encoding="utf-8")  # noqa: SIM115 - closed in close_spider
        self._spider = spider
        self._started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> JsonLinesPipeline:
        # One crawler (and so one pipeline) per source: its lifetime is that source's crawl time.
        return cls(crawler.settings.get("KHABAR_OUTPUT"), crawler.spider)

    def open_spider(self, spider: Any = None) -> None:
        self._started = time.monotonic()

    def close_spider(self, spider: Any = None) -> None:
        spider = spider or self._spider
        source = getattr(spider, "source", None)
        if isinstance(source, dict) and "name" in source:
            duration = round(time.monotonic() - self._started, 3)
            self._fh.write(json.dumps({"source": source["name"], "type": "done", "duration_s": duration}) + "\n")
        self._fh.close()

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        self._fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        self._fh.flush()
        return item


def _main(job_path: str, out_path: str) -> int:
    from scrapy.crawler import CrawlerProcess

    from crawlers.spiders.feed import FeedSpider
    from crawlers.spiders.listing import ListingSpider
    from crawlers.spiders.sitemap import SitemapSpider

    spider_for = {
        SourceKind.FEED: FeedSpider,
        SourceKind.SITEMAP: SitemapSpider,
        SourceKind.LISTING: ListingSpider,
    }
    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    process = CrawlerProcess(settings=_scrapy_settings(job["settings"]) | {"KHABAR_OUTPUT": out_path})
    queued: set[str] = set()
    for source in job["sources"]:
        process.crawl(spider_for[SourceKind(source["kind"])], source=source, queued=queued)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1], sys.argv[2]))
