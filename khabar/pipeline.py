"""One pipeline run — discover → fetch → extract → classify → resolve → load → alert — and its stages.

Each stage is a plain function taking a database URL, so the CLI runs them in sequence and the Airflow
DAG runs them as separate, retryable tasks. Every stage is idempotent: rerunning it does no repeated work.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from crawlers.crawl import CrawlSettings, CrawlStats, FeedState, stream_crawl
from crawlers.policy import parse_networks
from crawlers.sources import Source, SourcesError, load_sources
from crawlers.urls import canonical_url
from domain.settings import Settings, get_settings
from khabar.failures import configuration_failure, source_failure
from warehouse import claims, load, queries
from warehouse.db import display_url, make_engine, session_scope, upgrade
from warehouse.incidents import resolve_incidents
from warehouse.lock import WarehouseBusy, writer_lock

if TYPE_CHECKING:
    from khabar.alerts import Delivered

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(slots=True)
class RunReport:
    """What one run did, for the CLI summary and the task logs."""

    run_id: str
    crawl: dict[str, CrawlStats] = field(default_factory=dict)
    stored: int = 0
    duplicates: int = 0
    labelled: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    quarantined: int = 0
    figures_rejected: int = 0
    duration_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Classified:
    """What the classify stage did: articles labelled, label rows quarantined, implausible figures dropped."""

    labelled: int
    quarantined: int
    figures_rejected: int
    model_version: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What the resolve stage did: incidents opened, revised and merged away, and reports attached."""

    new: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    merged: tuple[int, ...] = ()
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "new": list(self.new),
            "updated": list(self.updated),
            "merged": list(self.merged),
            "articles": self.articles,
        }


def _url(db_url: str | None, settings: Settings | None = None) -> str:
    return db_url or (settings or get_settings()).effective_database_url


@contextmanager
def warehouse(db_url: str) -> Iterator[Engine]:
    """An engine for one stage, disposed of when the stage ends, failures included."""
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def warehouse_session(db_url: str) -> Iterator[Session]:
    """One transaction on a stage's own engine (committed on success, rolled back on error)."""
    with warehouse(db_url) as engine, session_scope(engine) as session:
        yield session


def upgrade_db(db_url: str | None = None, *, settings: Settings | None = None) -> None:
    """Bring the warehouse schema to the newest migration (creates an empty database's tables)."""
    settings = settings or get_settings()
    url = _url(db_url, settings)
    with writer_lock(url, wait_s=settings.lock_wait_s):
        upgrade(url)


def enabled_sources(sources_file: str | Path) -> list[str]:
    return [s.name for s in load_sources(sources_file) if s.enabled]


@dataclass(slots=True)
class CrawlOutcome:
    """What the crawl stage did: per-source stats, and articles stored, duplicate, quarantined."""

    stats: dict[str, CrawlStats] = field(default_factory=dict)
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    retries_queued: int = 0


def crawl(
    sources: list[Source],
    db_url: str | None = None,
    run_id: str | None = None,
    crawl_settings: CrawlSettings | None = None,
    *,
    settings: Settings | None = None,
    on_source: Callable[[str, int], None] | None = None,
    on_tick: Callable[[], None] | None = None,
) -> CrawlOutcome:
    """Crawl the sources and store each source's new articles as soon as that source is done.

    Per source, in one transaction: its articles (once each; a record the warehouse refuses is
    quarantined), its feed state, its retry queue (failed links back off; stored ones leave) and its
    crawl_runs row. A slow source therefore delays no other source's articles, and a source cut off by
    its time budget keeps what it fetched. `on_source(name, stored)` runs after each source's transaction
    (the run classifies, resolves and alerts there, while the other sources are still being fetched);
    `on_tick()` about once a second while the crawl runs.
    """
    settings = settings or get_settings()
    url = _url(db_url, settings)
    run_id = run_id or new_run_id()
    crawl_settings = crawl_settings or default_crawl_settings(settings)
    # Article URLs are claimed in the warehouse before they are fetched (warehouse.claims); a claim lasts
    # longer than any crawl may.
    claim_ttl = timedelta(seconds=crawl_settings.crawl_timeout_s + 300)
    crawl_settings = replace(
        crawl_settings,
        claims_db_url=url,
        claims_run_id=run_id,
        claim_ttl_s=claim_ttl.total_seconds(),
        child_module="khabar.crawl_child",
    )
    outcome = CrawlOutcome()
    started_at = datetime.now(UTC)
    with warehouse(url) as engine:
        with session_scope(engine) as session:
            claims.expire(session, claim_ttl)
            load.sync_sources(session, sources)
            # Stored links are looked up by the crawl itself, per index page (warehouse.claims.ClaimStore.known).
            known: dict[str, set[str]] = {}
            states = {s.name: FeedState(*load.get_feed_state(session, s.name)) for s in sources}
            retries = {s.name: load.due_retries(session, s.name, started_at) for s in sources}
        held: Counter[str] = Counter()  # records refused in a source's partial batches
        for result in stream_crawl(sources, known, states, crawl_settings, retries, on_tick=on_tick):
            if result.partial:
                # A batch of a source still crawling: its articles now, its bookkeeping with its final result.
                with session_scope(engine) as session:
                    batch = load.store_articles(session, result.articles)
                outcome.stored += len(batch.inserted)
                outcome.duplicates += batch.duplicates
                outcome.quarantined += batch.quarantined
                held[result.name] += batch.quarantined
                if on_source is not None and batch.inserted:
                    on_source(result.name, len(batch.inserted))
                continue
            finished_at = datetime.now(UTC)
            with session_scope(engine) as session:
                stored = load.store_articles(session, result.articles)
                if result.feed_state is not None:
                    load.set_feed_state(session, result.name, result.feed_state.etag, result.feed_state.last_modified)
                queue = load.update_retries(
                    session,
                    result.name,
                    result.failed_links,
                    result.settled_links,
                    finished_at,
                    base_delay=timedelta(seconds=settings.fetch_retry_base_s),
                )
                # Links it could not fetch are free for another crawl (or this source's next run) to try.
                claims.release(session, {canonical_url(link) for link in result.failed_links}, run_id, result.name)
                stats = result.stats
                if queue["gave_up"]:
                    stats.notes["retry_gave_up"] = queue["gave_up"]
                if stored.quarantined + held[result.name]:
                    stats.notes["quarantined"] = stored.quarantined + held[result.name]
                row = stats.as_dict() | {"started_at": started_at, "finished_at": finished_at}
                load.record_crawl_run(session, run_id, result.name, row)
                if stats.error is None:
                    load.mark_source_success(session, result.name, finished_at)
            outcome.stats[result.name] = stats
            outcome.stored += len(stored.inserted)
            outcome.duplicates += stored.duplicates
            outcome.quarantined += stored.quarantined
            outcome.retries_queued += queue["queued"]
            if on_source is not None:
                on_source(result.name, len(stored.inserted))
    return outcome


def crawl_source(
    source_name: str,
    sources_file: str | Path,
    db_url: str | None,
    run_id: str,
    *,
    settings: Settings | None = None,
    process: bool = True,
) -> dict[str, Any]:
    """One scheduled source's crawl (Airflow's mapped task): its stats, or a SourceFailure saying why not.

    The failure says whether it is permanent (a missing feed, a refused URL, a source no longer in the file,
    bad configuration: retrying within the run cannot help) or transient (a timeout, a 5xx, the warehouse
    down). A source disabled since the run started is not crawled: its stats say `disabled`.

    With `process`, the articles it stores are classified, resolved and alerted while it goes on fetching
    (`_Passes`, as `khabar run` does), so a page of this source that hangs holds back none of its articles'
    alerts; a pass that finds the warehouse busy with another source's is put off, and the task group's
    classify → resolve → alert tasks take whatever is still pending.
    """
    settings = settings or get_settings()
    try:
        sources = {s.name: s for s in load_sources(sources_file)}
        parse_networks(settings.crawl_allow_network_list)
    except (SourcesError, ValueError) as exc:
        raise configuration_failure(source_name, str(exc)) from None
    source = sources.get(source_name)
    if source is None:
        detail = f"no source named {source_name!r} in {sources_file} (removed since the run started?)"
        raise configuration_failure(source_name, detail, missing=True)
    if not source.enabled:
        return {"source": source_name, "disabled": True}
    passes = None
    if process:
        passes = _Passes(_url(db_url, settings), settings, lambda message: logger.info(message), wait_s=0.0)
    outcome = crawl(
        [source],
        db_url,
        run_id,
        settings=settings,
        on_source=passes.stored if passes else None,
        on_tick=passes.due if passes else None,
    )
    if passes is not None and passes.waiting:
        passes.run()
    stats = outcome.stats[source_name]
    failure = source_failure(stats)
    if failure is not None:
        raise failure
    done = {"passes": asdict(passes.done)} if passes else {}
    return stats.as_dict() | {"stored": outcome.stored, "duplicates": outcome.duplicates} | done


def classify_pending(
    db_url: str | None = None,
    *,
    model_dir: Path | None = None,
    batch_size: int = 256,
    settings: Settings | None = None,
) -> Classified:
    """Label every stored article that has no labels from the current model version.

    A label row the warehouse refuses is quarantined (counted) and the rest of its batch is kept.
    """
    from classifiers.classify import Classifier  # the model is loaded only by stages that need it

    settings = settings or get_settings()
    url = _url(db_url, settings)
    classifier = Classifier.load(model_dir or settings.model_dir)
    labelled = quarantined = rejected = last_id = 0
    with writer_lock(url, wait_s=settings.lock_wait_s), warehouse(url) as engine:
        while True:
            with session_scope(engine) as session:
                batch = load.unlabelled_articles(session, classifier.version, limit=batch_size, after=last_id)
                if not batch:
                    break
                last_id = batch[-1][0]
                labels = classifier.classify([(a.title, a.text) for _, a in batch])
                for (article_id, article), label in zip(batch, labels, strict=True):
                    if label.rejected_figures:
                        rejected += len(label.rejected_figures)
                        logger.warning(
                            "implausible %s figure not kept: %s", "/".join(label.rejected_figures), article.url
                        )
                    if load.save_labels(session, article_id, label):
                        labelled += 1
                    else:
                        quarantined += 1
    return Classified(labelled, quarantined, rejected, classifier.version)


def current_model_version(model_dir: Path | None = None) -> str:
    from classifiers.classify import Classifier

    return Classifier.load(model_dir or get_settings().model_dir).version


def resolve_pending(
    db_url: str | None = None, *, model_version: str | None = None, settings: Settings | None = None
) -> Resolved:
    """Merge newly labelled attack and operation reports into incidents."""
    settings = settings or get_settings()
    version = model_version or current_model_version(settings.model_dir)
    url = _url(db_url, settings)
    with writer_lock(url, wait_s=settings.lock_wait_s), warehouse_session(url) as session:
        result = resolve_incidents(session, version)
    return Resolved(tuple(result.new), tuple(result.updated), tuple(result.merged), result.articles)


def send_alerts(db_url: str | None = None, settings: Settings | None = None, *, settle_s: float = 0.0) -> Delivered:
    """Send one alert per channel for each new (or revised) attack incident; never the same one twice.

    With `settle_s`, 'new' alerts of incidents opened less than that long ago are held (`deliver_pending`).
    """
    from khabar.alerts import deliver_pending

    settings = settings or get_settings()
    url = _url(db_url, settings)
    with writer_lock(url, wait_s=settings.lock_wait_s), warehouse(url) as engine:
        return deliver_pending(engine, settings, settle_s=settle_s)


def write_snapshots(
    since: date,
    until: date,
    out_dir: str | Path | None = None,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The report DAG's files for the incidents that occurred from `since` to `until` (inclusive days).

    `incidents-<interval>.csv` and `.json` hold that interval's incidents (the JSON also its daily trends by
    province, group and attack type); `report-<interval>.html` is the analysts' report of everything up to
    `until`. Re-running an interval rewrites the same files (each written whole, then renamed into place).
    """
    from khabar.output import OutputFormat
    from khabar.report import write_report
    from khabar.views import render_incidents
    from warehouse.filters import IncidentFilter
    from warehouse.trends import trend_table

    settings = settings or get_settings()
    url = _url(None, settings)
    target = Path(out_dir) if out_dir else settings.report_dir or settings.data_dir / "reports"
    target.mkdir(parents=True, exist_ok=True)
    label = since.isoformat() if since == until else f"{since.isoformat()}_{until.isoformat()}"
    interval = IncidentFilter(since=since, until=until)
    attacks = IncidentFilter(since=since, until=until, event_types=("attack",))
    with warehouse_session(url) as session:
        rows = [row.as_dict() for row in queries.list_incidents(session, filters=interval)]
        trends = {
            by: [p.as_dict() for p in trend_table(session, by, "day", attacks).points]
            for by in ("province", "group", "attack_type")
        }
    snapshot = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "generated_at": (now or datetime.now(UTC)).isoformat(),
        "incidents": rows,
        "trends": trends,
    }
    csv_path = _write_atomically(target / f"incidents-{label}.csv", render_incidents(rows, OutputFormat.CSV, title=""))
    json_path = _write_atomically(
        target / f"incidents-{label}.json", json.dumps(snapshot, indent=2, default=str, ensure_ascii=False)
    )
    html_path = write_report(url, target / f"report-{label}.html", until=until)
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "incidents": len(rows),
        "csv": str(csv_path),
        "json": str(json_path),
        "html": str(html_path),
    }


def _write_atomically(path: Path, text: str) -> Path:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def default_crawl_settings(settings: Settings | None = None) -> CrawlSettings:
    """Crawl limits from the settings (environment): politeness, size and time caps, allowed networks."""
    settings = settings or get_settings()
    return CrawlSettings(
        user_agent=settings.user_agent,
        download_delay=settings.crawl_delay_s,
        autothrottle=settings.crawl_delay_s > 0,
        timeout_s=settings.crawl_request_timeout_s,
        retries=settings.crawl_retries,
        max_bytes=settings.crawl_max_bytes,
        source_timeout_s=settings.crawl_source_timeout_s,
        crawl_timeout_s=settings.crawl_timeout_s,
        allow_networks=settings.crawl_allow_network_list,
        batch_articles=settings.crawl_batch_articles,
        batch_wait_s=settings.crawl_batch_wait_s,
    )


@dataclass(slots=True)
class PassTotals:
    """What the passes over a crawl's stored articles did (`_Passes`)."""

    labelled: int = 0
    quarantined: int = 0
    figures_rejected: int = 0
    new: list[int] = field(default_factory=list)  # incidents opened
    updated: list[int] = field(default_factory=list)  # ... and revised (an incident may be both)
    alerts_sent: int = 0
    alerts_failed: int = 0


class _Passes:
    """Classify, resolve and alert what a crawl has stored so far, while it goes on fetching, so a slow page or
    source delays nobody's alerts.

    The crawl calls `stored(source, count)` after each batch it stores and `due()` about once a second. The
    first batch is taken at once, later ones at most every KHABAR_PROCESS_INTERVAL_S: each pass costs a
    resolution over the incidents of the days at hand, so passes per article must stay few. A batch that came
    sooner waits for the interval, not for the next batch (there may be none for long).

    A new attack incident's alert waits until the incident has stood KHABAR_ALERT_SETTLE_S (a report that ties
    it to another incident of the same attack may come a pass later); `due()` sends it then, even when no
    batch comes. `run(settle=False)`, the end of `khabar run`, sends everything pending.

    `khabar run` holds the writer lock for the whole run, so its passes always run. A scheduled source's crawl
    task (`crawl_source`) shares the warehouse with the other sources' tasks: with `wait_s` 0 a pass that finds
    the lock taken is put off to the next tick rather than waited for — whoever holds it is doing the same work.
    """

    def __init__(
        self,
        url: str,
        settings: Settings,
        say: Progress,
        *,
        model_dir: Path | None = None,
        alert_settings: Settings | None = None,
        wait_s: float | None = None,
    ) -> None:
        self.url, self.settings, self.say = url, settings, say
        self.model_dir, self.alert_settings = model_dir, alert_settings
        self.wait_s = settings.lock_wait_s if wait_s is None else wait_s
        self.done = PassTotals()
        self.waiting: list[str] = []  # sources whose stored articles no pass has taken yet
        self.last = -float("inf")
        self.release_at: float | None = None  # when the first held 'new' alert is due (monotonic seconds)

    def stored(self, name: str, count: int) -> None:
        if count:
            self.waiting.append(name)
        self.due()

    def due(self) -> None:
        now = time.monotonic()
        if self.waiting and now - self.last >= self.settings.process_interval_s:
            self.run(", ".join(dict.fromkeys(self.waiting)))
        elif self.release_at is not None and now >= self.release_at:
            self._locked(self._release, "the held alerts")

    def run(self, sources: str | None = None, *, settle: bool = True) -> bool:
        """One pass over everything stored and not yet labelled, resolved or alerted; False when put off.

        Without `settle` every pending alert is sent, however recent its incident."""
        if not self._locked(lambda: self._pass(sources, settle), sources or "earlier articles"):
            return False
        self.waiting.clear()
        self.last = time.monotonic()
        return True

    def _locked(self, work: Callable[[], None], what: str) -> bool:
        try:
            with writer_lock(self.url, wait_s=self.wait_s):
                work()
        except WarehouseBusy:
            logger.info("warehouse busy: the pass over %s waits for the next tick", what)
            return False
        return True

    def _alert(self, settle: bool = True) -> Delivered:
        settings = self.alert_settings or self.settings
        alerts = send_alerts(self.url, settings, settle_s=settings.alert_settle_s if settle else 0.0)
        done = self.done
        done.alerts_sent += alerts.sent
        # Every delivery retries all alerts still pending, so the last one's failures are the run's.
        done.alerts_failed = alerts.failed
        self.release_at = None if alerts.release_in_s is None else time.monotonic() + alerts.release_in_s
        return alerts

    def _release(self) -> None:
        alerts = self._alert()
        if alerts.sent or alerts.failed:
            self.say(f"held alerts: {alerts.sent} sent, {alerts.failed} failed, {alerts.held} still held")

    def _pass(self, sources: str | None, settle: bool = True) -> None:
        url, done = self.url, self.done
        classified = classify_pending(url, model_dir=self.model_dir, settings=self.settings)
        done.labelled += classified.labelled
        done.quarantined += classified.quarantined
        done.figures_rejected += classified.figures_rejected
        resolved = resolve_pending(url, model_version=classified.model_version, settings=self.settings)
        done.new.extend(resolved.new)
        done.updated.extend(resolved.updated)
        alerts = self._alert(settle)
        if classified.labelled or alerts.sent or alerts.failed:
            held = f", {alerts.held} held" if alerts.held else ""
            self.say(
                f"{sources or 'earlier articles'}: {classified.labelled} labelled, {len(resolved.new)} new and "
                f"{len(resolved.updated)} updated incident(s), {alerts.sent} alert(s) sent{held}"
            )


def run_once(
    sources_file: str | Path,
    db_url: str | None = None,
    *,
    crawl_settings: CrawlSettings | None = None,
    model_dir: Path | None = None,
    alert_settings: Settings | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """The whole pipeline once, as the ingest DAG does it every 15 minutes."""
    say = progress or (lambda message: logger.info(message))
    started = time.monotonic()
    sources = [s for s in load_sources(sources_file) if s.enabled]
    settings = get_settings()
    url = _url(db_url, settings)
    report = RunReport(run_id=new_run_id())
    say(f"warehouse: {display_url(url)}")
    with writer_lock(url, wait_s=settings.lock_wait_s):
        upgrade(url)

        passes = _Passes(url, settings, say, model_dir=model_dir, alert_settings=alert_settings)
        say(f"crawling {len(sources)} source(s)")
        crawled = crawl(sources, url, report.run_id, crawl_settings, on_source=passes.stored, on_tick=passes.due)
        report.crawl, report.stored, report.duplicates = crawled.stats, crawled.stored, crawled.duplicates
        report.quarantined += crawled.quarantined
        # Anything an earlier run stored but did not label (a crash, a new model); then every alert still held:
        # nothing more of this run can tie its incident to another.
        passes.run(settle=False)
        done = passes.done
        report.labelled, report.figures_rejected = done.labelled, done.figures_rejected
        report.quarantined += done.quarantined
        report.incidents_new, report.incidents_updated = len(done.new), len(done.updated)
        report.alerts_sent, report.alerts_failed = done.alerts_sent, done.alerts_failed
        say(f"incidents: {report.incidents_new} new, {report.incidents_updated} updated")
    report.duration_s = round(time.monotonic() - started, 2)
    return report


def incidents_since(db_url: str | None, since: date | None) -> list[Any]:
    with warehouse_session(_url(db_url)) as session:
        return queries.list_incidents(session, since=since)


def trend_rows(db_url: str | None, by: str, period: str, since: date | None) -> list[dict[str, Any]]:
    with warehouse_session(_url(db_url)) as session:
        return [t.as_dict() for t in queries.trends(session, by=by, period=period, since=since)]  # type: ignore[arg-type]


def source_health(db_url: str | None, sources_file: Path | None = None) -> list[dict[str, Any]]:
    from warehouse.health import source_health as health

    declared = {s.name: s.enabled for s in load_sources(sources_file)} if sources_file else None
    url = _url(db_url)
    upgrade_db(url)
    with warehouse(url) as engine, session_scope(engine) as session:
        return [h.as_dict() for h in health(session, extra=declared)]
