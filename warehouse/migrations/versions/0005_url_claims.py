"""URL claims: an article URL is claimed in the warehouse before it is fetched, so no two crawls fetch it.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "url_claims",
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("run_id", sa.String(length=128), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("canonical_url", name=op.f("pk_url_claims")),
    )
    op.create_index(op.f("ix_url_claims_claimed_at"), "url_claims", ["claimed_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_url_claims_claimed_at"), table_name="url_claims")
    op.drop_table("url_claims")
