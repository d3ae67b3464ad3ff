"""Indexes for a warehouse of millions of rows: recent articles and runs per source (source health).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_articles_source_fetched_at", "articles", ["source", "fetched_at"])
    op.create_index("ix_crawl_runs_source_finished_at", "crawl_runs", ["source", "finished_at"])


def downgrade() -> None:
    op.drop_index("ix_crawl_runs_source_finished_at", table_name="crawl_runs")
    op.drop_index("ix_articles_source_fetched_at", table_name="articles")
