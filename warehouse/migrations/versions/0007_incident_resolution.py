"""Incident resolution on real reporting: P(attack) and embeddings per label, merged incidents, material
revisions for update alerts, and the report behind each revision.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite alters a table by copying it, which a view over it forbids: the monthly trend view is dropped and
# created again, as 0001 defined it (a migration is a snapshot, so its text is repeated here, not imported).
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


def _without_trends_view() -> None:
    op.execute("DROP VIEW IF EXISTS incident_trends_monthly")


def _with_trends_view() -> None:
    op.execute(_TRENDS_VIEW.format(month=_MONTH[op.get_bind().dialect.name]))


def upgrade() -> None:
    _without_trends_view()
    with op.batch_alter_table("article_labels") as batch:
        batch.add_column(sa.Column("p_attack", sa.Float(), nullable=True))
        batch.add_column(sa.Column("embedding", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("p_attack", sa.Float(), nullable=True))
        batch.add_column(sa.Column("material_revision", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_incidents_merged_into_incidents"), "incidents", ["merged_into"], ["id"], ondelete="SET NULL"
        )
        batch.create_index(op.f("ix_incidents_merged_into"), ["merged_into"])
    with op.batch_alter_table("incident_revisions") as batch:
        batch.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("merged_incident_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_incident_revisions_article_id_articles"), "articles", ["article_id"], ["id"], ondelete="SET NULL"
        )
    # Incidents stored before this revision: their alert gate was the overall confidence; keep it as P(attack).
    op.execute("UPDATE incidents SET p_attack = confidence WHERE p_attack IS NULL")
    op.execute("UPDATE incidents SET material_revision = revision")
    _with_trends_view()


def downgrade() -> None:
    _without_trends_view()
    with op.batch_alter_table("incident_revisions") as batch:
        batch.drop_constraint(op.f("fk_incident_revisions_article_id_articles"), type_="foreignkey")
        batch.drop_column("merged_incident_id")
        batch.drop_column("article_id")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index(op.f("ix_incidents_merged_into"))
        batch.drop_constraint(op.f("fk_incidents_merged_into_incidents"), type_="foreignkey")
        batch.drop_column("merged_into")
        batch.drop_column("material_revision")
        batch.drop_column("p_attack")
    with op.batch_alter_table("article_labels") as batch:
        batch.drop_column("embedding")
        batch.drop_column("p_attack")
    _with_trends_view()
