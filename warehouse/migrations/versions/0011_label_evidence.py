"""The extractors' evidence per field before calibration, beside the calibrated confidence: incident resolution
tells a guessed district (a wire's dateline city) or a weakly read toll from a stated one by it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Null on the labels already stored: resolution takes their fields as firm, as it did before.
    op.add_column("article_labels", sa.Column("evidence", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article_labels") as batch:
        batch.drop_column("evidence")
