"""When incident resolution weighed a story read as `other` (but with some P(attack)) for an attack incident
and found none: such a story is weighed once when it arrives, and again only when a report of its days does.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("article_labels", sa.Column("stray_checked_at", sa.DateTime(timezone=True), nullable=True))
    # Labels already resolved count as weighed: the incidents they might have joined are stored and alerted,
    # and weighing years of them in the next run would hold up its alerts.
    op.execute("UPDATE article_labels SET stray_checked_at = labelled_at WHERE event_type = 'other'")
    # Each run looks for the stories not weighed yet.
    op.create_index("ix_article_labels_stray", "article_labels", ["model_version", "event_type", "stray_checked_at"])


def downgrade() -> None:
    op.drop_index("ix_article_labels_stray", table_name="article_labels")
    with op.batch_alter_table("article_labels") as batch:
        batch.drop_column("stray_checked_at")
