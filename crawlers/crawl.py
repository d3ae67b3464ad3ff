"""Run one crawl of several sources in a child Scrapy process and hand back each source's result as it finishes.

The parent never imports Twisted: the child (`python -m crawlers.crawl`) reads its job on stdin and writes
one JSON record a line on a pipe, which the parent folds per source. A source is finished when its spider
closes (done, or cut off by its own time budget), so one slow source never holds back the others' results,
and a crawl that overruns the whole-crawl deadline loses only what was still in flight. The child dies with
its parent (PR_SET_PDEATHSIG on Linux, and a kill when the parent stops reading) and leaves no files behind.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import IO, Any, Protocol

from crawlers.records import RECORDS_FD_SETTING, LinkOutcome, RecordType, write_record
from crawlers.sources import Source
from domain.errors import KhabarError
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
    # Each source's own budget: past it the source's spider is closed and what it had not fetched yet is
    # recorded (and retried next run); the other sources go on.
    source_timeout_s: float = 300.0
    # The whole crawl's deadline, a backstop for a child that stops answering.
    crawl_timeout_s: float = 600.0
    # Non-public networks the crawler may connect to (CIDR). Empty in production; tests and the demo
    # allow 127.0.0.0/8 for their local sites.
    allow_networks: tuple[str, ...] = ()
    # URL claims (warehouse.claims): with a warehouse and a run id, each article URL is claimed there before
    # it is fetched, so crawls in other processes (other sources of the host, other tasks) skip it.
    claims_db_url: str | None = None
    claims_run_id: str | None = None
    claim_ttl_s: float = 900.0
    # The module the crawl child runs (`python -m`): this one, or an application's entry point that hands
    # `child_main` a claim store (khabar.crawl_child, which knows the warehouse; the crawler does not).
    child_module: str = "crawlers.crawl"
    # A source's fetched articles are handed over in batches of this many while it is still crawling (a
    # partial result), so the caller can store, classify and alert them before the source is done; 0: only
    # when the source is done.
    batch_articles: int = 0
    # ... and after at most this many seconds, however few they are, so articles fetched before a page that
    # hangs are not held until it answers; 0: only by count.
    batch_wait_s: float = 0.0


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
    # Set when the source as a whole failed: its index unreadable, its time budget spent, the crawl lost.
    error: str | None = None
    failed_reasons: dict[str, int] = field(default_factory=dict)
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    # Kept but worth counting: dates passed over as implausible, links retried from earlier runs.
    notes: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class FeedState:
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class SourceCrawl:
    """One source's finished crawl: its new articles, its stats, its feed's validators and each link's fate."""

    name: str
    articles: list[Article] = field(default_factory=list)
    stats: CrawlStats = field(init=False)
    feed_state: FeedState | None = None
    # Article links that could not be fetched this time, with the reason (failures and unfinished links).
    failed_links: dict[str, str] = field(default_factory=dict)
    # Article links that reached a final answer: stored, or skipped for good (no text, refused, ...).
    settled_links: set[str] = field(default_factory=set)
    finished: bool = False
    # A batch of a source still crawling: only `articles` are set (stats, feed state and links come with the
    # source's final result).
    partial: bool = False

    def __post_init__(self) -> None:
        self.stats = CrawlStats(source=self.name)


@dataclass(slots=True)
class CrawlResult:
    """Every source's result of one crawl, collected (for callers that do not stream)."""

    articles: list[Article]
    stats: dict[str, CrawlStats]
    feed_states: dict[str, FeedState]


class CrawlError(KhabarError):
    """The crawl process itself could not run (not one failing page or source)."""


# Reasons counted as skipped (never requested, or nothing to keep) rather than failed.
_SOURCE_TIMEOUT = "source_timeout"
_CRAWL_LOST = "crawl_lost"


def run_crawl(
    sources: list[Source],
    known_urls: dict[str, set[str]],
    feed_states: dict[str, FeedState],
    settings: CrawlSettings | None = None,
    retry_urls: dict[str, list[str]] | None = None,
) -> CrawlResult:
    """Crawl the sources and collect every source's result (see `stream_crawl`)."""
    result = CrawlResult([], {}, {})
    for crawled in stream_crawl(sources, known_urls, feed_states, settings, retry_urls):
        result.articles.extend(crawled.articles)
        if crawled.partial:
            continue
        result.stats[crawled.name] = crawled.stats
        if crawled.feed_state is not None:
            result.feed_states[crawled.name] = crawled.feed_state
    return result


def stream_crawl(
    sources: list[Source],
    known_urls: dict[str, set[str]],
    feed_states: dict[str, FeedState],
    settings: CrawlSettings | None = None,
    retry_urls: dict[str, list[str]] | None = None,
    on_tick: Callable[[], None] | None = None,
) -> Iterator[SourceCrawl]:
    """Crawl the sources in a child process; yield each source's result as soon as that source is done.

    Every source's final result is yielded exactly once. With `batch_articles`, a source's articles may come
    earlier in partial results (`partial=True`, articles only) while it crawls on: when that many are held,
    or (`batch_wait_s`) when the oldest has been held that long; each article is yielded once, in a partial
    or in the final result. One the child never finished (the whole-crawl deadline passed, or the child
    died) comes last, with what it had fetched and its error set. `on_tick` is called about once a second
    while the crawl runs, records or not (the caller's chance to act on earlier batches). Closing the
    generator early kills the child.
    """
    settings = settings or CrawlSettings()
    job = _job(sources, known_urls, feed_states, settings, retry_urls or {})
    folds = {s.name: _SourceFold(s.name) for s in sources}
    deadline = time.monotonic() + settings.crawl_timeout_s
    ticked = time.monotonic()
    with _CrawlChild(job, settings.child_module) as child:
        for record in child.records(deadline):
            if record is not None:
                fold = folds.get(str(record.get("source")))
                if fold is not None and fold.add(record):
                    yield fold.finish()
            if on_tick is not None and time.monotonic() - ticked >= 1.0:
                ticked = time.monotonic()
                on_tick()
            for fold in folds.values():
                if fold.batch_due(settings, time.monotonic()):
                    yield fold.batch()
        error = child.failure(settings.crawl_timeout_s)
    for fold in folds.values():
        if not fold.result.finished:
            yield fold.finish(error or "the crawl process ended before this source finished")


def _job(
    sources: list[Source],
    known_urls: dict[str, set[str]],
    feed_states: dict[str, FeedState],
    settings: CrawlSettings,
    retry_urls: dict[str, list[str]],
) -> dict[str, Any]:
    no_state = FeedState(None, None)
    return {
        "settings": asdict(settings),
        "sources": [
            {
                "name": s.name,
                "kind": s.kind.value,
                "url": s.url,
                "link_pattern": s.link_pattern,
                "delay_s": s.delay_s,
                "timeout_s": s.timeout_s,
                "hosts": sorted(s.hosts),
                "allow_networks": list(settings.allow_networks),
                "etag": feed_states.get(s.name, no_state).etag,
                "last_modified": feed_states.get(s.name, no_state).last_modified,
                "known": sorted(known_urls.get(s.name, set())),
                "retry": list(retry_urls.get(s.name, [])),
            }
            for s in sources
        ],
    }


class _CrawlChild:
    """The child process: job in on stdin, records out on stdout, its log kept as a short tail."""

    def __init__(self, job: dict[str, Any], module: str) -> None:
        self._module = module
        self._job = json.dumps(job).encode("utf-8")
        self._records: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._log_tail: deque[str] = deque(maxlen=8)
        self._timed_out = False
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _CrawlChild:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", self._module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=os.environ | {_PARENT_PID: str(os.getpid())},
        )
        assert self._proc.stdin and self._proc.stdout and self._proc.stderr
        threading.Thread(target=self._send_job, args=(self._proc.stdin,), daemon=True).start()
        threading.Thread(target=self._read_records, args=(self._proc.stdout,), daemon=True).start()
        threading.Thread(target=self._read_log, args=(self._proc.stderr,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
        if proc is not None:
            proc.wait()

    def records(self, deadline: float) -> Iterator[dict[str, Any] | None]:
        """Records as the child writes them, until it closes its output or the deadline passes; None for
        each second without one."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._timed_out = True
                return
            try:
                record = self._records.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                yield None
                continue
            if record is None:
                return
            yield record

    def failure(self, crawl_timeout_s: float) -> str | None:
        """Why the child ended early, or None when it finished normally."""
        proc = self._proc
        assert proc is not None
        if self._timed_out:
            proc.kill()
            proc.wait()
            return f"timeout: the crawl did not finish within {crawl_timeout_s:.0f} s"
        try:
            status = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return "the crawl process closed its output but did not exit"
        if status != 0:
            return f"crawl process exited with status {status}: {' | '.join(self._log_tail)}"
        return None

    def _send_job(self, stdin: IO[bytes]) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            stdin.write(self._job)
            stdin.close()

    def _read_records(self, stdout: IO[bytes]) -> None:
        try:
            for line in stdout:
                if not line.strip():
                    continue
                try:
                    self._records.put(json.loads(line))
                except ValueError:
                    logger.warning("crawl child wrote a line that is not a record: %.200r", line)
        finally:
            self._records.put(None)

    def _read_log(self, stderr: IO[bytes]) -> None:
        for raw in stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self._log_tail.append(line)
                logger.debug("crawl: %s", line)


# The parent's pid, handed to the child so it can tell whether its parent is already gone.
_PARENT_PID = "KHABAR_CRAWL_PARENT_PID"


def _die_with_parent() -> None:
    """In the child, first thing: get SIGKILL when the parent dies, however it dies (Linux).

    Done by the child itself rather than in a preexec_fn, which is unsafe in a parent with threads; a
    parent that died before this ran is caught by comparing the parent pid with the one it handed over.
    """
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    expected = os.environ.get(_PARENT_PID)
    if expected and os.getppid() != int(expected):
        os._exit(1)  # orphaned before the death signal was armed


class _SourceFold:
    """Folds one source's records into a SourceCrawl."""

    def __init__(self, name: str) -> None:
        self.result = SourceCrawl(name)
        self._held_since = 0.0  # when the oldest article not yet handed over arrived (monotonic)
        self._failed: Counter[str] = Counter()
        self._skipped: Counter[str] = Counter()
        self._notes: Counter[str] = Counter()

    def batch_due(self, settings: CrawlSettings, now: float) -> bool:
        """Whether the articles held should go out now as a partial result (never once finished)."""
        held = len(self.result.articles)
        if self.result.finished or not held or not settings.batch_articles:
            return False
        waited = settings.batch_wait_s > 0 and now - self._held_since >= settings.batch_wait_s
        return held >= settings.batch_articles or waited

    def batch(self) -> SourceCrawl:
        """The articles fetched so far, handed over (and no longer held) while the source crawls on."""
        part = SourceCrawl(self.result.name, articles=self.result.articles, partial=True)
        self.result.articles = []
        return part

    def add(self, rec: dict[str, Any]) -> bool:
        """Take one record; True when it was the source's last (its spider closed)."""
        st = self.result.stats
        st.bytes += int(rec.get("bytes") or 0)
        kind = rec.get("type")
        if kind == RecordType.INDEX:
            self._index(rec)
        elif kind == RecordType.LINK:
            self._link(rec)
        elif kind == RecordType.ARTICLE:
            st.fetched += 1
            if not self.result.articles:
                self._held_since = time.monotonic()
            self._notes["date_untrusted"] += bool(rec.get("date_untrusted"))
            self.result.articles.append(_article(self.result.name, rec))
            self.result.settled_links.add(rec.get("link") or rec["url"])
        elif kind == RecordType.ARTICLE_FAILED:
            self._failed[rec["reason"]] += 1
            self.result.failed_links[rec.get("link") or rec["url"]] = rec["reason"]
        elif kind == RecordType.ARTICLE_SKIPPED:
            self._skipped[rec["reason"]] += 1
            self.result.settled_links.add(rec.get("link") or rec["url"])
        elif kind == RecordType.DONE:
            self._done(rec)
            return True
        return False

    def _index(self, rec: dict[str, Any]) -> None:
        st = self.result.stats
        if rec.get("not_modified"):
            st.not_modified = True
        if rec.get("error"):
            counter = self._skipped if rec.get("outcome") == "skipped" else self._failed
            counter[f"index_{rec['error']}"] += 1
            if rec.get("links", 0) == 0:
                st.error = st.error or f"index: {rec['error']}"
        if rec.get("malformed"):
            self._skipped["index_malformed"] += 1
        if rec.get("etag") or rec.get("last_modified"):
            self.result.feed_state = FeedState(rec.get("etag"), rec.get("last_modified"))

    def _link(self, rec: dict[str, Any]) -> None:
        st = self.result.stats
        outcome = rec["outcome"]
        if outcome == LinkOutcome.RETRY:
            self._notes["retried"] += 1
        elif outcome in (LinkOutcome.NEW, LinkOutcome.KNOWN, LinkOutcome.QUEUED, LinkOutcome.CLAIMED):
            st.found += 1
            st.new += outcome == LinkOutcome.NEW
            if outcome == LinkOutcome.QUEUED:
                # Already queued in this run by this index or another source of the same site: say so,
                # or a sitemap that lists what the listing page already gave looks dead (new 0).
                self._skipped["duplicate_link"] += 1
            elif outcome == LinkOutcome.CLAIMED:
                # Claimed in the warehouse by another source's crawl (another task, process or run).
                self._skipped["claimed"] += 1
        else:
            self._skipped[outcome] += 1

    def _done(self, rec: dict[str, Any]) -> None:
        st = self.result.stats
        st.duration_s = round(float(rec.get("duration_s") or 0.0), 3)
        unfinished = [str(u) for u in rec.get("unfinished") or []]
        for url in unfinished:
            self.result.failed_links[url] = _SOURCE_TIMEOUT
        if unfinished:
            self._failed[_SOURCE_TIMEOUT] += len(unfinished)
        if rec.get("reason") == "closespider_timeout":
            st.error = f"timeout: the source's time budget ran out with {len(unfinished)} link(s) unfetched"

    def finish(self, error: str | None = None) -> SourceCrawl:
        """The source's result; `error` when the crawl ended before the source's spider closed."""
        st = self.result.stats
        if error is not None:
            st.error = error
            self._failed[_CRAWL_LOST] += 1
        st.failed_reasons = dict(self._failed)
        st.skipped_reasons = dict(self._skipped)
        st.notes = {k: v for k, v in self._notes.items() if v}
        st.failed = sum(self._failed.values())
        st.skipped = sum(self._skipped.values())
        self.result.finished = True
        return self.result


def _article(source: str, rec: dict[str, Any]) -> Article:
    return Article(
        url=rec["url"],
        canonical_url=rec["canonical_url"],
        source=source,
        title=rec["title"],
        text=rec["text"],
        content_hash=rec["content_hash"],
        fetched_at=datetime.fromisoformat(rec["fetched_at"]),
        published_at=datetime.fromisoformat(rec["published"]) if rec.get("published") else None,
        language=rec.get("language"),
        author=rec.get("author"),
        http_status=rec.get("status"),
    )


# ----------------------------------------------------------------------------------------- the child


def _scrapy_settings(settings: dict[str, Any], records_fd: int) -> dict[str, Any]:
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
        # Each source is its own crawler, so this is each source's own time budget.
        "CLOSESPIDER_TIMEOUT": settings["source_timeout_s"],
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening sockets in a crawler process
        "LOG_LEVEL": "INFO",
        # Only http(s): no handler at all for file:, ftp:, s3: or data: URLs, whatever a feed links to.
        "DOWNLOAD_HANDLERS": {"file": None, "ftp": None, "s3": None, "data": None},
        "TWISTED_DNS_RESOLVER": "crawlers.resolver.GuardedResolver",
        "KHABAR_ALLOW_NETWORKS": list(settings["allow_networks"]),
        "KHABAR_RETRY_BACKOFF_S": settings["retry_backoff_s"],
        RECORDS_FD_SETTING: records_fd,
        "DOWNLOADER_MIDDLEWARES": {
            "crawlers.middlewares.UrlPolicyMiddleware": 50,
            "crawlers.middlewares.SourceBudgetMiddleware": 60,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawlers.middlewares.BackoffRetryMiddleware": 550,
        },
        "ITEM_PIPELINES": {"crawlers.crawl.RecordPipeline": 100},
    }


class RecordPipeline:
    """Writes every record the spiders yield to the parent, one JSON object a line."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordPipeline:
        return cls(crawler.settings.getint(RECORDS_FD_SETTING))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        write_record(self._fd, item)
        return item


class ClaimStore(Protocol):
    """Where the crawl child claims an article URL before fetching it (the application supplies it)."""

    def claim(self, url: str, source: str) -> bool: ...

    def known(self, urls: Sequence[str]) -> set[str]:
        """Those of `urls` already stored (so never fetched again)."""
        ...

    def close(self) -> None: ...


def with_politeness(spider: type[Any], source: dict[str, Any]) -> type[Any]:
    """The spider class with the source's own delay and request timeout (sources.yaml) as its crawler's settings,
    over the global ones; the spider itself when the source sets neither."""
    overrides: dict[str, float] = {}
    if source.get("delay_s") is not None:
        overrides["DOWNLOAD_DELAY"] = float(source["delay_s"])
    if source.get("timeout_s") is not None:
        overrides["DOWNLOAD_TIMEOUT"] = float(source["timeout_s"])
    if not overrides:
        return spider
    settings = {**(getattr(spider, "custom_settings", None) or {}), **overrides}
    return type(spider.__name__, (spider,), {"custom_settings": settings})


def child_main(claim_store: Callable[[dict[str, Any]], ClaimStore | None] | None = None) -> int:
    """The crawl child: read the job on stdin, crawl every source, write records; claims from `claim_store`."""
    _die_with_parent()
    from scrapy.crawler import CrawlerProcess

    from crawlers.spiders.feed import FeedSpider
    from crawlers.spiders.listing import ListingSpider
    from crawlers.spiders.sitemap import SitemapSpider

    spider_for = {
        SourceKind.FEED: FeedSpider,
        SourceKind.SITEMAP: SitemapSpider,
        SourceKind.LISTING: ListingSpider,
    }
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    # Records go to the original stdout; anything else printed there goes to stderr with the log.
    records_fd = os.dup(1)
    os.dup2(2, 1)
    process = CrawlerProcess(settings=_scrapy_settings(job["settings"], records_fd))
    queued: set[str] = set()
    claims = claim_store(job["settings"]) if claim_store is not None else None
    for source in job["sources"]:
        spider = with_politeness(spider_for[SourceKind(source["kind"])], source)
        process.crawl(spider, source=source, queued=queued, claims=claims)
    try:
        process.start()
    finally:
        if claims is not None:
            claims.close()
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
