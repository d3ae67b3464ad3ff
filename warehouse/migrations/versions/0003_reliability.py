"""Reliability: retry queue for failed article fetches, quarantine for refused records, alert claims, run notes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fetch_retries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=64), nullable=False),
        sa.Column("first_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gave_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetch_retries")),
        sa.UniqueConstraint("url", name=op.f("uq_fetch_retries_url")),
    )
    op.create_index(op.f("ix_fetch_retries_source"), "fetch_retries", ["source"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_quarantine_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
    )
    op.create_index(op.f("ix_quarantine_article_id"), "quarantine", ["article_id"])
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch.drop_constraint(op.f("ck_alerts_status"), type_="check")
        batch.create_check_constraint(op.f("ck_alerts_status"), "status in ('sending', 'sent', 'failed')")
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("notes", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_column("notes")
    op.execute("delete from alerts where status = 'sending'")
    with op.batch_alter_table("alerts") as batch:
        batch.drop_constraint(op.f("ck_alerts_status"), type_="check")
        batch.create_check_constraint(op.f("ck_alerts_status"), "status in ('sent', 'failed')")
        batch.drop_column("claimed_at")
    op.drop_index(op.f("ix_quarantine_article_id"), table_name="quarantine")
    op.drop_table("quarantine")
    op.drop_index(op.f("ix_fetch_retries_source"), table_name="fetch_retries")
    op.drop_table("fetch_retries")
