"""The warehouse tables as SQLAlchemy 2 declarative models (the shape analysts query with SQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic migrations can refer to (and drop) them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

ALERT_KINDS = ("new", "update")
# 'sending': claimed by a run in its own transaction just before delivery, so no other run sends it too.
ALERT_STATUSES = ("sending", "sent", "failed")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no offset and PostgreSQL answers in the session time zone; normalising here means
    callers compare and subtract datetimes the same way on both. Naive input is taken as UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        # SQLite would silently drop the offset; strip it ourselves after converting to UTC.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Source(Base):
    """A configured news source and its feed's conditional-GET state."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # Null when the source was only seen on stored articles and never synced from sources.yaml.
    kind: Mapped[str | None] = mapped_column(sa.String(16))
    url: Mapped[str | None] = mapped_column(sa.Text)
    enabled: Mapped[bool] = mapped_column(sa.Boolean, default=True, server_default=sa.true())
    etag: Mapped[str | None] = mapped_column(sa.Text)
    last_modified: Mapped[str | None] = mapped_column(sa.Text)
    last_success_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Article(Base):
    """One stored news report; a story reached by several links is stored once."""

    __tablename__ = "articles"
    # Source health reads each source's recent articles; the crawl's known-URL lookup goes by host.
    __table_args__ = (sa.Index("ix_articles_source_fetched_at", "source", "fetched_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.Text, unique=True)
    canonical_url: Mapped[str] = mapped_column(sa.Text, unique=True)
    source: Mapped[str] = mapped_column(sa.String(64), sa.ForeignKey("sources.name", onupdate="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.Text)
    text: Mapped[str] = mapped_column(sa.Text)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    fetched_at: Mapped[datetime]
    language: Mapped[str | None] = mapped_column(sa.String(16))
    author: Mapped[str | None] = mapped_column(sa.Text)
    content_hash: Mapped[str] = mapped_column(sa.String(128), index=True)
    http_status: Mapped[int | None]
    # The model version of the article's newest label (None: never labelled), kept by `load.save_labels`: the
    # classify stage finds its pending work by this index, not by an anti-join over every label.
    labelled_by: Mapped[str | None] = mapped_column(sa.String(64), index=True)


class ArticleUrl(Base):
    """Another link under which an already stored story was fetched (a syndicated copy, a moved page).

    Remembered so that discovery treats the link as known and never fetches it again.
    """

    __tablename__ = "article_urls"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.Text, unique=True)
    canonical_url: Mapped[str] = mapped_column(sa.Text, index=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(sa.String(64))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class ArticleLabel(Base):
    """What one model version said about one article."""

    __tablename__ = "article_labels"
    __table_args__ = (
        sa.UniqueConstraint("article_id", "model_version"),
        sa.Index("ix_article_labels_stray", "model_version", "event_type", "stray_checked_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"))
    model_version: Mapped[str] = mapped_column(sa.String(64))
    event_type: Mapped[str] = mapped_column(sa.String(32), index=True)
    attack_type: Mapped[str | None] = mapped_column(sa.String(32))
    group_code: Mapped[str] = mapped_column(sa.String(16))
    claimed: Mapped[bool] = mapped_column(sa.Boolean)
    province: Mapped[str | None] = mapped_column(sa.String(32))
    district: Mapped[str | None] = mapped_column(sa.String(64))
    killed: Mapped[int | None]
    injured: Mapped[int | None]
    militants_killed: Mapped[int | None]
    confidence: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # The extractors' evidence per field before calibration (`ArticleLabels.evidence`); null on labels stored
    # before it was kept, which incident resolution takes as firm.
    evidence: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    overall_confidence: Mapped[float] = mapped_column(sa.Float)
    # Calibrated probability that the report tells of an attack (any type); alerts gate on it.
    p_attack: Mapped[float | None] = mapped_column(sa.Float)
    # The encoder's embedding (float16 bytes), which incident resolution compares reports by.
    embedding: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    labelled_at: Mapped[datetime] = mapped_column(default=utcnow)
    # For a story read as `other`: when incident resolution last weighed it for an attack incident and linked
    # it to none (domain.incidents.Resolver.attach). Null: not weighed yet.
    stray_checked_at: Mapped[datetime | None]


class Incident(Base):
    """One real-world attack or security operation merged from every report about it."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(sa.Date, index=True)
    event_type: Mapped[str] = mapped_column(sa.String(32), index=True)
    attack_type: Mapped[str | None] = mapped_column(sa.String(32))
    group_code: Mapped[str] = mapped_column(sa.String(16))
    claimed: Mapped[bool] = mapped_column(sa.Boolean)
    province: Mapped[str | None] = mapped_column(sa.String(32))
    district: Mapped[str | None] = mapped_column(sa.String(64))
    killed: Mapped[int | None]
    injured: Mapped[int | None]
    militants_killed: Mapped[int | None]
    confidence: Mapped[float] = mapped_column(sa.Float)
    # The highest calibrated P(attack) of its reports; an attack incident is alerted when it reaches the
    # alert threshold.
    p_attack: Mapped[float | None] = mapped_column(sa.Float)
    # Every report is of the case against the attackers (arrests, an FIR, an inquiry): the attack itself
    # was not reported here, so the incident raises no 'new' alert until such a report joins it.
    aftermath_only: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
    revision: Mapped[int] = mapped_column(default=1)
    # The newest revision that is news for subscribers (the toll moved materially, a group claimed, two
    # incidents merged); an 'update' alert goes out for it.
    material_revision: Mapped[int] = mapped_column(default=1)
    # Set when a later report showed this incident to be one event with another: the other survives with
    # every report, this row stays for the record with event_type 'merged'.
    merged_into: Mapped[int | None] = mapped_column(sa.ForeignKey("incidents.id", ondelete="SET NULL"), index=True)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class IncidentArticle(Base):
    """Which reports an incident was merged from; an article belongs to at most one incident."""

    __tablename__ = "incident_articles"

    incident_id: Mapped[int] = mapped_column(sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, unique=True
    )
    # The text similarity that attached the article (null for the report that opened the incident).
    similarity: Mapped[float | None] = mapped_column(sa.Float)
    attached_at: Mapped[datetime] = mapped_column(default=utcnow)


class IncidentRevision(Base):
    """An audit row per incident revision: the merged fields and which of them changed."""

    __tablename__ = "incident_revisions"
    __table_args__ = (sa.UniqueConstraint("incident_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(sa.ForeignKey("incidents.id", ondelete="CASCADE"))
    revision: Mapped[int]
    # {field: {"old": ..., "new": ...}} for every merged field that changed (all of them at revision 1).
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    # The report that caused it (joined, or bridged two incidents), and the incident merged in, if any.
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id", ondelete="SET NULL"))
    merged_incident_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Alert(Base):
    """One alert per incident, channel, kind and revision; the unique key is what prevents repeats."""

    __tablename__ = "alerts"
    __table_args__ = (
        sa.UniqueConstraint("incident_id", "channel", "kind", "revision"),
        sa.CheckConstraint("kind in ('new', 'update')", name="kind"),
        sa.CheckConstraint("status in ('sending', 'sent', 'failed')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(sa.ForeignKey("incidents.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(sa.String(32))
    kind: Mapped[str] = mapped_column(sa.String(8))
    revision: Mapped[int]
    status: Mapped[str] = mapped_column(sa.String(8))
    attempts: Mapped[int] = mapped_column(default=1)
    error: Mapped[str | None] = mapped_column(sa.Text)
    sent_at: Mapped[datetime | None]
    # When a run claimed the alert for delivery; a claim older than the claim timeout is an orphan of a
    # killed run and may be taken over (the Idempotency-Key lets receivers drop that one repeat).
    claimed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CrawlRun(Base):
    """Per run and source: what discovery and fetching found, and why things were skipped or failed."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        sa.UniqueConstraint("run_id", "source"),
        sa.Index("ix_crawl_runs_source_finished_at", "source", "finished_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(sa.String(128))
    # Deliberately no foreign key: a run's record must be writable even for a misconfigured source.
    source: Mapped[str] = mapped_column(sa.String(64), index=True)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    duration_s: Mapped[float | None] = mapped_column(sa.Float)
    # The feed answered 304 Not Modified: nothing to do, at the cost of one conditional request.
    not_modified: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    found: Mapped[int] = mapped_column(default=0)
    new: Mapped[int] = mapped_column(default=0)
    fetched: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[int] = mapped_column(default=0)
    bytes: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    failure_reasons: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    skip_reasons: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # Things fetched and kept but worth counting, e.g. {"date_untrusted": 2, "retried": 3}.
    notes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # Set when the source as a whole failed (feed unreachable, unparseable); its counts may then be 0.
    error: Mapped[str | None] = mapped_column(sa.Text)


class UrlClaim(Base):
    """An article URL a crawl has claimed before fetching it, so sources sharing a host fetch it once.

    Keyed by canonical URL; the holder is one source's crawl in one run (`run_id`, `source`). A claim older
    than the claim timeout belongs to a crawl that died and may be taken over; old claims are deleted.
    """

    __tablename__ = "url_claims"

    canonical_url: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    run_id: Mapped[str] = mapped_column(sa.String(128))
    source: Mapped[str] = mapped_column(sa.String(64))
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class FetchRetry(Base):
    """An article link whose fetch failed for a reason that may pass; retried on later runs with backoff.

    Retried whatever the source's feed answers (a 304 lists nothing new), until it is stored or
    `attempts` reaches the limit, when `gave_up_at` is set and the row stays as a record.
    """

    __tablename__ = "fetch_retries"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.Text, unique=True)
    source: Mapped[str] = mapped_column(sa.String(64), index=True)
    attempts: Mapped[int] = mapped_column(default=1)
    last_error: Mapped[str] = mapped_column(sa.String(64))
    first_failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime]
    gave_up_at: Mapped[datetime | None]


class Quarantine(Base):
    """A record the warehouse refused (a value out of range, a constraint), kept with its error.

    Its batch goes on without it; a quarantined article is not offered to the same stage and model
    version again, so one bad record can never block later runs.
    """

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage: Mapped[str] = mapped_column(sa.String(16))  # 'store' or 'label'
    source: Mapped[str | None] = mapped_column(sa.String(64))
    url: Mapped[str | None] = mapped_column(sa.Text)
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    model_version: Mapped[str | None] = mapped_column(sa.String(64))
    error: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
