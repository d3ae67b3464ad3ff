"""Operator-requested replays: the alerts of a date range's incidents sent again."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from warehouse import schema


def reopen_alerts(session: Session, since: date, until: date) -> int:
    """Mark the sent alerts of incidents that occurred from `since` to `until` (inclusive) as failed.

    The next delivery then offers them again (kind `new` at the incident's current revision, with the same
    Idempotency-Key as before, so receivers that already have one can drop it). Returns how many reopened.
    """
    incidents = sa.select(schema.Incident.id).where(schema.Incident.occurred_on.between(since, until))
    result = session.execute(
        sa.update(schema.Alert)
        .where(schema.Alert.status == "sent", schema.Alert.incident_id.in_(incidents))
        .values(status="failed", error=f"re-alert requested for {since}..{until}", updated_at=schema.utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)
