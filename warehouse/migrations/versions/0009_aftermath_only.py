"""Incidents told only by reports of the case against the attackers (arrests, an FIR, an inquiry) are marked,
so that they raise no 'new' alert until a report of the attack itself joins them. Existing incidents keep
false: the alerts they were due have gone out.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("aftermath_only", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # A plain ALTER (SQLite 3.35+ has DROP COLUMN): batch mode would copy the table, which the monthly trend
    # view over it forbids.
    op.execute("ALTER TABLE incidents DROP COLUMN aftermath_only")
