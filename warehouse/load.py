"""Idempotent writes into the warehouse: sources, feed state, articles, labels and crawl runs."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.incidents import embedding_to_bytes
from domain.records import Article, ArticleLabels
from warehouse import schema
from warehouse.db import WarehouseError

log = logging.getLogger(__name__)

# Keeps IN (...) lists well under SQLite's bound-parameter limit.
_CHUNK = 500
# sha256("") — bodies that failed extraction all share it, so it must not make them duplicates.
_EMPTY_BODY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

_CRAWL_COUNTS = ("found", "new", "fetched", "failed", "skipped", "bytes")
# Accepted spellings of the other stats keys (crawlers' CrawlStats.as_dict() uses the right-hand ones).
_CRAWL_ALIASES = {
    "failure_reasons": ("failure_reasons", "failed_reasons"),
    "skip_reasons": ("skip_reasons", "skipped_reasons"),
    "error": ("error", "index_error"),
}
_CRAWL_FIELDS = frozenset(
    (
        *_CRAWL_COUNTS,
        *(k for keys in _CRAWL_ALIASES.values() for k in keys),
        "started_at",
        "finished_at",
        "duration_s",
        "not_modified",
        "notes",
        "source",
    )
)


class SourceLike(Protocol):
    """Anything with a source's identity and configuration (crawlers' Source, a test double)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def enabled(self) -> bool: ...


@dataclass(slots=True)
class StoreResult:
    """Ids of the articles stored now, and how many were already known (by URL or body)."""

    inserted: list[int] = field(default_factory=list)
    duplicates: int = 0
    quarantined: int = 0


def insert(session: Session, model: type[schema.Base]) -> Any:
    """The dialect's INSERT, which has on_conflict_do_update/do_nothing on PostgreSQL and SQLite."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(model)
    if name == "sqlite":
        return sqlite.insert(model)
    raise WarehouseError(f"the warehouse supports PostgreSQL and SQLite, not {name}")


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _ensure_sources(session: Session, names: Iterable[str]) -> None:
    """Register sources seen on articles but never synced, so the foreign key holds; sync fills them in."""
    rows = [{"name": n, "enabled": False} for n in sorted(set(names))]
    if rows:
        stmt = insert(session, schema.Source).on_conflict_do_nothing(index_elements=["name"])
        session.execute(stmt, rows)


def sync_sources(session: Session, sources: Iterable[SourceLike], *, disable_missing: bool = False) -> None:
    """Upsert the configured sources by name; with `disable_missing`, sources not listed are disabled.

    Leave `disable_missing` off when syncing a subset (one Airflow mapped task syncs one source).

    Feed state (etag, last_modified) and last_success_at are kept: they belong to the crawl, not the config.
    """
    rows = [{"name": s.name, "kind": str(s.kind), "url": s.url, "enabled": bool(s.enabled)} for s in sources]
    now = schema.utcnow()
    if rows:
        stmt = insert(session, schema.Source)
        stmt = stmt.on_conflict_do_update(
            index_elements=["name"],
            set_={
                "kind": stmt.excluded.kind,
                "url": stmt.excluded.url,
                "enabled": stmt.excluded.enabled,
                "updated_at": now,
            },
        )
        session.execute(stmt, [{**r, "created_at": now, "updated_at": now} for r in rows])
    if disable_missing:
        listed = [r["name"] for r in rows]
        session.execute(
            sa.update(schema.Source)
            .where(schema.Source.name.not_in(listed), schema.Source.enabled.is_(True))
            .values(enabled=False, updated_at=now)
        )


def get_feed_state(session: Session, source: str) -> tuple[str | None, str | None]:
    """The (etag, last_modified) to send on the next conditional GET of the source's feed."""
    row = session.execute(
        sa.select(schema.Source.etag, schema.Source.last_modified).where(schema.Source.name == source)
    ).first()
    return (row.etag, row.last_modified) if row else (None, None)


def set_feed_state(session: Session, source: str, etag: str | None, last_modified: str | None) -> None:
    """Remember the feed's validators after a successful fetch (a source not synced yet is registered)."""
    now = schema.utcnow()
    stmt = insert(session, schema.Source).values(
        name=source, enabled=False, etag=etag, last_modified=last_modified, created_at=now, updated_at=now
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["name"], set_={"etag": etag, "last_modified": last_modified, "updated_at": now}
    )
    session.execute(stmt)


def _url_tables() -> tuple[tuple[Any, Any], ...]:
    """(url, canonical_url) column pairs of every table that records a link to a stored story."""
    return (
        (schema.Article.url, schema.Article.canonical_url),
        (schema.ArticleUrl.url, schema.ArticleUrl.canonical_url),
    )


def known_urls(session: Session, urls: Iterable[str]) -> set[str]:
    """Those of `urls` already stored, as an article's URL or canonical URL or as an alias of one."""
    wanted = sorted(set(urls))
    found: set[str] = set()
    for url_col, canonical_col in _url_tables():
        for chunk in _chunks(wanted):
            rows = session.execute(
                sa.select(url_col, canonical_col).where(sa.or_(url_col.in_(chunk), canonical_col.in_(chunk)))
            )
            for url, canonical in rows:
                found.update({url, canonical})
    return found & set(wanted)


def _existing_keys(session: Session, batch: Sequence[Article]) -> tuple[set[str], dict[str, int]]:
    """URLs (any kind) of `batch` that are already stored, and the stored article id of each known body hash."""
    urls = known_urls(session, [u for a in batch for u in (a.url, a.canonical_url)])
    hashes = sorted({a.content_hash for a in batch})
    known_hashes: dict[str, int] = {}
    for chunk in _chunks(hashes):
        rows = session.execute(
            sa.select(schema.Article.content_hash, schema.Article.id).where(schema.Article.content_hash.in_(chunk))
        )
        known_hashes.update({h: i for h, i in rows})
    return urls, known_hashes


def _article_id_for(session: Session, article: Article) -> int | None:
    """The stored story an incoming duplicate is a copy of (by URL or canonical URL)."""
    return session.scalar(
        sa.select(schema.Article.id)
        .where(sa.or_(schema.Article.url == article.url, schema.Article.canonical_url == article.canonical_url))
        .limit(1)
    )


def _remember_alias(session: Session, article: Article, article_id: int | None) -> None:
    """Record a duplicate's link (ON CONFLICT DO NOTHING) so discovery will skip it next time."""
    if article_id is None:
        return
    session.execute(
        insert(session, schema.ArticleUrl)
        .values(url=article.url, canonical_url=article.canonical_url, article_id=article_id, source=article.source)
        .on_conflict_do_nothing()
    )


def _hash_counts(article: Article) -> bool:
    return bool(article.text.strip()) and article.content_hash != _EMPTY_BODY_HASH


def store_articles(session: Session, articles: Iterable[Article]) -> StoreResult:
    """Store articles not seen before; one with a known URL, canonical URL or body hash is a duplicate.

    Duplicates are detected against the warehouse and within the batch. An empty body's hash is not
    used for matching, so pages whose extraction failed do not swallow one another.
    """
    batch = list(articles)
    result = StoreResult()
    if not batch:
        return result
    seen_urls, seen_hashes = _existing_keys(session, batch)
    _ensure_sources(session, (a.source for a in batch))
    for article in batch:
        by_hash = _hash_counts(article) and article.content_hash in seen_hashes
        if article.url in seen_urls or article.canonical_url in seen_urls or by_hash:
            result.duplicates += 1
            if article.url not in seen_urls:
                same = seen_hashes.get(article.content_hash) if by_hash else None
                _remember_alias(session, article, same or _article_id_for(session, article))
                seen_urls.add(article.url)
            continue
        try:
            with session.begin_nested():
                new_id = _insert_article(session, article)
        except (sa.exc.StatementError, OverflowError) as exc:
            if _is_outage(exc):
                raise
            quarantine(session, "store", exc, source=article.source, url=article.url)
            result.quarantined += 1
            continue
        seen_urls.update({article.url, article.canonical_url})
        if _hash_counts(article) and new_id is not None:
            seen_hashes[article.content_hash] = new_id
        if new_id is None:
            result.duplicates += 1
        else:
            result.inserted.append(new_id)
    return result


def _insert_article(session: Session, article: Article) -> int | None:
    """Insert one article; None when a concurrent writer stored the same URL since we looked."""
    stmt = (
        insert(session, schema.Article)
        .values(
            url=article.url,
            canonical_url=article.canonical_url,
            source=article.source,
            title=_no_nul(article.title),
            text=_no_nul(article.text),
            published_at=article.published_at,
            fetched_at=article.fetched_at,
            language=article.language,
            author=_no_nul(article.author) if article.author else None,
            content_hash=article.content_hash,
            http_status=article.http_status,
        )
        .on_conflict_do_nothing()
        .returning(schema.Article.id)
    )
    return session.execute(stmt).scalar_one_or_none()


def _no_nul(text: str) -> str:
    # PostgreSQL text cannot hold NUL characters; a page that carries them loses only those.
    return text.replace("\x00", "")


def _is_outage(exc: Exception) -> bool:
    """A lost, unreachable or locked database (to be raised), as opposed to one record the database refuses."""
    if not isinstance(exc, sa.exc.DBAPIError):
        return False  # e.g. a value the driver cannot bind (an integer beyond 64 bits on SQLite)
    return exc.connection_invalidated or isinstance(exc, sa.exc.OperationalError)


def quarantine(
    session: Session,
    stage: str,
    error: BaseException | str,
    *,
    source: str | None = None,
    url: str | None = None,
    article_id: int | None = None,
    model_version: str | None = None,
) -> None:
    """Keep a record the warehouse refused, with the first line of its error; the batch goes on without it."""
    message = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:500]
    log.warning("quarantined a record at %s (%s): %s", stage, url or article_id, message)
    session.add(
        schema.Quarantine(
            stage=stage, source=source, url=url, article_id=article_id, model_version=model_version, error=message
        )
    )
    session.flush()


def to_article(row: schema.Article) -> Article:
    """The pipeline record of a stored article."""
    return Article(
        url=row.url,
        canonical_url=row.canonical_url,
        source=row.source,
        title=row.title,
        text=row.text,
        content_hash=row.content_hash,
        fetched_at=row.fetched_at,
        published_at=row.published_at,
        language=row.language,
        author=row.author,
        http_status=row.http_status,
    )


def unlabelled_articles(
    session: Session, model_version: str, limit: int | None = None, after: int = 0
) -> list[tuple[int, Article]]:
    """Stored articles after id `after` that `model_version` has not labelled yet, oldest first, as (id, Article).

    Candidates come from the index on `articles.labelled_by` (the version of each article's newest label): a
    range scan over the few articles this version has not labelled last, not an anti-join over every label.
    The label and quarantine checks then decide, so a stale `labelled_by` costs time, never a wrong answer.
    """
    art, label, held = schema.Article, schema.ArticleLabel, schema.Quarantine
    # `<` or `>` rather than `!=`, so each arm of the OR can be an index range (PostgreSQL takes them; SQLite's
    # planner walks the primary key in id order instead: BENCHMARKS.md, "Warehouse at scale: the gaps").
    candidate = sa.or_(art.labelled_by.is_(None), art.labelled_by < model_version, art.labelled_by > model_version)
    labelled = sa.select(label.id).where(label.article_id == art.id, label.model_version == model_version)
    refused = sa.select(held.id).where(
        held.article_id == art.id, held.stage == "label", held.model_version == model_version
    )
    stmt = sa.select(art).where(candidate, art.id > after, ~labelled.exists(), ~refused.exists()).order_by(art.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [(row.id, to_article(row)) for row in session.scalars(stmt)]


def save_labels(session: Session, article_id: int, labels: ArticleLabels) -> bool:
    """Store (or replace) what `labels.model_version` says about the article.

    A label row the warehouse refuses is quarantined instead (False), so the rest of the batch is kept and
    the article is not offered to this model version again.
    """
    values: dict[str, Any] = {
        "event_type": str(labels.event_type),
        "attack_type": str(labels.attack_type) if labels.attack_type else None,
        "group_code": str(labels.group),
        "claimed": bool(labels.claimed),
        "province": str(labels.province) if labels.province else None,
        "district": labels.district,
        "killed": labels.killed,
        "injured": labels.injured,
        "militants_killed": labels.militants_killed,
        "confidence": {k: float(v) for k, v in labels.confidence.items()},
        "evidence": {k: float(v) for k, v in labels.evidence.items()},
        "overall_confidence": float(labels.overall_confidence),
        "p_attack": float(labels.p_attack),
        "embedding": embedding_to_bytes(labels.embedding),
        "labelled_at": schema.utcnow(),
        "stray_checked_at": None,  # a new label is weighed afresh
    }
    stmt = insert(session, schema.ArticleLabel).values(
        article_id=article_id, model_version=labels.model_version, **values
    )
    stmt = stmt.on_conflict_do_update(index_elements=["article_id", "model_version"], set_=values)
    try:
        with session.begin_nested():
            session.execute(stmt)
            session.execute(
                sa.update(schema.Article)
                .where(schema.Article.id == article_id)
                .values(labelled_by=labels.model_version)
            )
    except (sa.exc.StatementError, OverflowError) as exc:  # sqlite3 raises a bare OverflowError
        if _is_outage(exc):
            raise
        quarantine(session, "label", exc, article_id=article_id, model_version=labels.model_version)
        return False
    return True


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _first(stats: Mapping[str, Any], field: str) -> Any:
    return next((stats[k] for k in _CRAWL_ALIASES[field] if stats.get(k) is not None), None)


def record_crawl_run(session: Session, run_id: str, source: str, stats: Mapping[str, Any]) -> None:
    """Store (or replace, on a retried task) one source's counts for one run.

    `stats` keys (CrawlStats.as_dict() fits): found, new, fetched, failed, skipped, bytes; started_at,
    finished_at (datetimes or ISO strings), duration_s, not_modified; failure_reasons / failed_reasons
    and skip_reasons / skipped_reasons (reason → count); error / index_error (the whole source failed).
    """
    unknown = set(stats) - _CRAWL_FIELDS
    if unknown:
        log.warning("record_crawl_run ignores unknown stats keys: %s", ", ".join(sorted(unknown)))
    started = _as_datetime(stats.get("started_at"))
    finished = _as_datetime(stats.get("finished_at"))
    duration = stats.get("duration_s")
    if not duration and started and finished:
        duration = (finished - started).total_seconds()
    error = _first(stats, "error")
    values: dict[str, Any] = {
        "started_at": started,
        "finished_at": finished,
        "duration_s": float(duration) if duration is not None else None,
        "not_modified": bool(stats.get("not_modified")),
        "failure_reasons": {str(k): int(v) for k, v in (_first(stats, "failure_reasons") or {}).items()},
        "skip_reasons": {str(k): int(v) for k, v in (_first(stats, "skip_reasons") or {}).items()},
        "error": str(error) if error else None,
        "notes": {str(k): int(v) for k, v in (stats.get("notes") or {}).items()},
        **{k: int(stats.get(k) or 0) for k in _CRAWL_COUNTS},
    }
    stmt = insert(session, schema.CrawlRun).values(run_id=run_id, source=source, **values)
    stmt = stmt.on_conflict_do_update(index_elements=["run_id", "source"], set_=values)
    session.execute(stmt)


def mark_source_success(session: Session, source: str, at: datetime | None = None) -> None:
    """Record that the source's index was read successfully (sources.last_success_at)."""
    _ensure_sources(session, [source])
    session.execute(
        sa.update(schema.Source).where(schema.Source.name == source).values(last_success_at=at or schema.utcnow())
    )


# ------------------------------------------------------------------------------------------ retry queue

# Failures that may pass (a server error, a timeout, a dropped connection, a source cut off by its time
# budget). A 404, a page too large, no text or a refused URL will not change by asking again.
_TRANSIENT = re.compile(
    r"^(timeout|connection(_refused)?|dns|crawl_lost|source_timeout|error|http_(5\d\d|408|425|429))$"
)
RETRY_BASE_DELAY = timedelta(minutes=10)
RETRY_MAX_DELAY = timedelta(hours=12)
RETRY_MAX_ATTEMPTS = 6


def is_transient(reason: str) -> bool:
    """True when a fetch that failed for `reason` is worth trying again on a later run."""
    return bool(_TRANSIENT.match(reason))


def due_retries(session: Session, source: str, now: datetime, limit: int = 200) -> list[str]:
    """The source's article links due for another try (oldest failure first)."""
    retry = schema.FetchRetry
    rows = session.scalars(
        sa.select(retry.url)
        .where(retry.source == source, retry.gave_up_at.is_(None), retry.next_attempt_at <= now)
        .order_by(retry.first_failed_at, retry.id)
        .limit(limit)
    )
    return list(rows)


def update_retries(
    session: Session,
    source: str,
    failed: Mapping[str, str],
    settled: Iterable[str],
    now: datetime,
    *,
    base_delay: timedelta = RETRY_BASE_DELAY,
) -> dict[str, int]:
    """Queue transient failures with exponential backoff, drop links that succeeded or failed for good.

    Returns counts: queued (new or again), gave_up (hit the attempt limit), cleared.
    """
    retry = schema.FetchRetry
    counts = {"queued": 0, "gave_up": 0, "cleared": 0}
    done = set(settled) | {url for url, reason in failed.items() if not is_transient(reason)}
    for chunk in _chunks(sorted(done)):
        deleted = session.execute(sa.delete(retry).where(retry.url.in_(chunk), retry.gave_up_at.is_(None)))
        counts["cleared"] += cast("sa.CursorResult[Any]", deleted).rowcount
    for url, reason in sorted(failed.items()):
        if not is_transient(reason):
            continue
        attempts = (session.scalar(sa.select(retry.attempts).where(retry.url == url)) or 0) + 1
        delay = min(base_delay * 2 ** (attempts - 1), RETRY_MAX_DELAY)
        gave_up = now if attempts >= RETRY_MAX_ATTEMPTS else None
        values = {"attempts": attempts, "last_error": reason[:64], "next_attempt_at": now + delay}
        values["gave_up_at"] = gave_up
        stmt = insert(session, retry).values(url=url, source=source, first_failed_at=now, **values)
        session.execute(stmt.on_conflict_do_update(index_elements=["url"], set_=values))
        counts["gave_up" if gave_up else "queued"] += 1
    return counts
