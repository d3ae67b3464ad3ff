"""The model version that last labelled each article, indexed: the classify stage finds its pending work in
a warehouse of millions of labelled articles by an index range instead of an anti-join over every label.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("labelled_by", sa.String(64), nullable=True))
    op.execute(
        """
        UPDATE articles SET labelled_by = (
            SELECT l.model_version FROM article_labels l
            WHERE l.article_id = articles.id
            ORDER BY l.labelled_at DESC, l.id DESC
            LIMIT 1
        )
        """
    )
    op.create_index("ix_articles_labelled_by", "articles", ["labelled_by"])
    op.execute("ANALYZE articles")  # so that the planner knows at once how few articles are pending


def downgrade() -> None:
    op.drop_index("ix_articles_labelled_by", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("labelled_by")
