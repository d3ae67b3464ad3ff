"""Initial warehouse: sources, articles, labels, incidents, alerts, crawl runs and the monthly trend view.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The view is written per dialect because month truncation is not portable SQL.
# Both give the first day of the month: a DATE on PostgreSQL, the text 'YYYY-MM-01' on SQLite.
_MONTH = {
    "postgresql": "CAST(date_trunc('month', occurred_on) AS DATE)",
    "sqlite": "strftime('%Y-%m-01', occurred_on)",
}
_TRENDS_VIEW = """
CREATE VIEW incident_trends_monthly AS
SELECT {month} AS month,
       province,
       district,
       group_code,
       attack_type,
       COUNT(*) AS incidents,
       COALESCE(SUM(killed), 0) AS killed,
       COALESCE(SUM(injured), 0) AS injured
FROM incidents
WHERE event_type = 'attack'
GROUP BY {month}, province, district, group_code, attack_type
"""


def _ts(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        _ts("last_success_at", nullable=True),
        _ts("created_at"),
        _ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _ts("published_at", nullable=True),
        _ts("fetched_at"),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=128), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source"], ["sources.name"], name=op.f("fk_articles_source_sources"), onupdate="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_articles_canonical_url")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    op.create_index(op.f("ix_articles_content_hash"), "articles", ["content_hash"])
    op.create_index(op.f("ix_articles_published_at"), "articles", ["published_at"])
    op.create_index(op.f("ix_articles_source"), "articles", ["source"])

    op.create_table(
        "article_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("model_version", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("attack_type", sa.String(length=32), nullable=True),
        sa.Column("group_code", sa.String(length=16), nullable=False),
        sa.Column("claimed", sa.Boolean(), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=True),
        sa.Column("district", sa.String(length=64), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("militants_killed", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.JSON(), nullable=False),
        sa.Column("overall_confidence", sa.Float(), nullable=False),
        _ts("labelled_at"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_labels_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_labels")),
        sa.UniqueConstraint("article_id", "model_version", name=op.f("uq_article_labels_article_id_model_version")),
    )
    op.create_index(op.f("ix_article_labels_event_type"), "article_labels", ["event_type"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("attack_type", sa.String(length=32), nullable=True),
        sa.Column("group_code", sa.String(length=16), nullable=False),
        sa.Column("claimed", sa.Boolean(), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=True),
        sa.Column("district", sa.String(length=64), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("militants_killed", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        _ts("first_seen_at"),
        _ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_event_type"), "incidents", ["event_type"])
    op.create_index(op.f("ix_incidents_occurred_on"), "incidents", ["occurred_on"])

    op.create_table(
        "incident_articles",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        _ts("attached_at"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_incident_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_articles_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "article_id", name=op.f("pk_incident_articles")),
        sa.UniqueConstraint("article_id", name=op.f("uq_incident_articles_article_id")),
    )
    op.create_table(
        "incident_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_revisions_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_revisions")),
        sa.UniqueConstraint("incident_id", "revision", name=op.f("uq_incident_revisions_incident_id_revision")),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        _ts("sent_at", nullable=True),
        _ts("updated_at"),
        sa.CheckConstraint("kind in ('new', 'update')", name=op.f("ck_alerts_kind")),
        sa.CheckConstraint("status in ('sent', 'failed')", name=op.f("ck_alerts_status")),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_alerts_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint(
            "incident_id",
            "channel",
            "kind",
            "revision",
            name=op.f("uq_alerts_incident_id_channel_kind_revision"),
        ),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.String(length=128), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        _ts("started_at", nullable=True),
        _ts("finished_at", nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("not_modified", sa.Boolean(), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("failure_reasons", sa.JSON(), nullable=False),
        sa.Column("skip_reasons", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
        sa.UniqueConstraint("run_id", "source", name=op.f("uq_crawl_runs_run_id_source")),
    )
    op.create_index(op.f("ix_crawl_runs_source"), "crawl_runs", ["source"])

    month = _MONTH.get(op.get_bind().dialect.name)
    if month is None:
        raise NotImplementedError(f"no incident_trends_monthly view for {op.get_bind().dialect.name}")
    op.execute(_TRENDS_VIEW.format(month=month))


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS incident_trends_monthly")
    op.drop_index(op.f("ix_crawl_runs_source"), table_name="crawl_runs")
    op.drop_table("crawl_runs")
    op.drop_table("alerts")
    op.drop_table("incident_revisions")
    op.drop_table("incident_articles")
    op.drop_index(op.f("ix_incidents_occurred_on"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_event_type"), table_name="incidents")
    op.drop_table("incidents")
    op.drop_index(op.f("ix_article_labels_event_type"), table_name="article_labels")
    op.drop_table("article_labels")
    op.drop_index(op.f("ix_articles_source"), table_name="articles")
    op.drop_index(op.f("ix_articles_published_at"), table_name="articles")
    op.drop_index(op.f("ix_articles_content_hash"), table_name="articles")
    op.drop_table("articles")
    op.drop_table("sources")
