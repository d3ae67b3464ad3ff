"""Read side of the warehouse: incident listings, trend tables, and which alerts are still to send."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from domain.taxonomy import EventType
from warehouse import schema
from warehouse.load import insert

TrendKey = Literal["province", "district", "group", "attack_type"]
Period = Literal["day", "week", "month"]
AlertKind = Literal["new", "update"]
AlertStatus = Literal["sent", "failed"]

_CHUNK = 500
_TREND_COLUMNS = {
    "province": schema.Incident.province,
    "district": schema.Incident.district,
    "group": schema.Incident.group_code,
    "attack_type": schema.Incident.attack_type,
}


@dataclass(slots=True)
class IncidentRow:
    """One incident as `khabar incidents` and the alert payload show it."""

    id: int
    occurred_on: date
    event_type: str
    province: str | None
    district: str | None
    attack_type: str | None
    group: str
    claimed: bool
    killed: int | None
    injured: int | None
    militants_killed: int | None
    revision: int
    confidence: float
    sources: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields (the date as YYYY-MM-DD)."""
        return asdict(self) | {"occurred_on": self.occurred_on.isoformat(), "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class TrendRow:
    """Attacks, killed and injured in one period bucket for one key (a province, group, ...)."""

    bucket: str
    key: str
    incidents: int
    killed: int
    injured: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AlertCandidate:
    """An alert still to send on a channel: the incident, 'new' or 'update', and the revision it reports."""

    incident_id: int
    kind: AlertKind
    revision: int
    occurred_on: date
    confidence: float
    attempts: int = 0  # failed attempts so far at this (kind, revision)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _sources(session: Session, incident_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each incident's article URLs (canonical), in the order the reports were published."""
    a, link = schema.Article, schema.IncidentArticle
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(incident_ids):
        rows = session.execute(
            sa.select(link.incident_id, a.canonical_url)
            .join(a, a.id == link.article_id)
            .where(link.incident_id.in_(chunk))
            .order_by(link.incident_id, sa.func.coalesce(a.published_at, a.fetched_at), a.id)
        )
        for incident_id, url in rows:
            found[incident_id].append(url)
    return found


def _rows(session: Session, incidents: Sequence[schema.Incident]) -> list[IncidentRow]:
    sources = _sources(session, [i.id for i in incidents])
    return [
        IncidentRow(
            id=i.id,
            occurred_on=i.occurred_on,
            event_type=i.event_type,
            province=i.province,
            district=i.district,
            attack_type=i.attack_type,
            group=i.group_code,
            claimed=bool(i.claimed),
            killed=i.killed,
            injured=i.injured,
            militants_killed=i.militants_killed,
            revision=i.revision,
            confidence=float(i.confidence),
            sources=sources.get(i.id, []),
        )
        for i in incidents
    ]


def list_incidents(
    session: Session,
    since: date | None = None,
    event_types: Iterable[str] = (EventType.ATTACK.value, EventType.SECURITY_OPERATION.value),
) -> list[IncidentRow]:
    """Incidents of the given event types that occurred on or after `since`, newest first."""
    stmt = sa.select(schema.Incident).where(schema.Incident.event_type.in_([str(e) for e in event_types]))
    if since is not None:
        stmt = stmt.where(schema.Incident.occurred_on >= since)
    stmt = stmt.order_by(schema.Incident.occurred_on.desc(), schema.Incident.id.desc())
    return _rows(session, session.scalars(stmt).all())


def incidents_by_id(session: Session, ids: Iterable[int]) -> list[IncidentRow]:
    """The incidents with these ids (unknown ids are left out), in id order."""
    wanted = sorted(set(ids))
    incidents: list[schema.Incident] = []
    for chunk in _chunks(wanted):
        incidents.extend(session.scalars(sa.select(schema.Incident).where(schema.Incident.id.in_(chunk))))
    incidents.sort(key=lambda i: i.id)
    return _rows(session, incidents)


def bucket_of(day: date, period: Period) -> str:
    """The period label of a day: '2026-03-05', ISO week '2026-W10', or '2026-03'."""
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"period must be day, week or month, not {period!r}")


def trends(session: Session, by: TrendKey, period: Period, since: date | None = None) -> list[TrendRow]:
    """Attacks, killed and injured per period bucket and key, oldest bucket first.

    Bucketed in Python after a plain select, so SQLite and PostgreSQL give identical rows. Unknown
    keys (no district, say) are counted under 'unknown'; missing casualty figures count as 0.
    """
    if by not in _TREND_COLUMNS:
        raise ValueError(f"by must be one of {', '.join(_TREND_COLUMNS)}, not {by!r}")
    bucket_of(date(2000, 1, 1), period)  # validates `period` before touching the database
    inc = schema.Incident
    stmt = sa.select(inc.occurred_on, _TREND_COLUMNS[by], inc.killed, inc.injured).where(
        inc.event_type == EventType.ATTACK.value
    )
    if since is not None:
        stmt = stmt.where(inc.occurred_on >= since)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for occurred_on, key, killed, injured in session.execute(stmt):
        total = totals[(bucket_of(occurred_on, period), key or "unknown")]
        total[0] += 1
        total[1] += killed or 0
        total[2] += injured or 0
    return [TrendRow(bucket, key, *counts) for (bucket, key), counts in sorted(totals.items())]


def pending_alerts(
    session: Session,
    min_confidence: float,
    channel: str,
    *,
    since: date | None = None,
    max_attempts: int | None = None,
) -> list[AlertCandidate]:
    """Alerts still to send on `channel`, oldest incident first.

    An attack incident with confidence ≥ `min_confidence` and no 'new' alert sent on the channel gets
    kind 'new' at its current revision. One whose 'new' alert went out at an older revision, with nothing
    sent yet for the current revision, gets kind 'update'. Failed sends stay pending (and are retried)
    until `max_attempts`. `since` skips incidents that occurred earlier (a first run over a backlog).
    """
    inc = schema.Incident
    stmt = (
        sa.select(inc.id, inc.revision, inc.occurred_on, inc.confidence)
        .where(inc.event_type == EventType.ATTACK.value, inc.confidence >= min_confidence)
        .order_by(inc.id)
    )
    if since is not None:
        stmt = stmt.where(inc.occurred_on >= since)
    incidents = session.execute(stmt).all()
    if not incidents:
        return []
    alert = schema.Alert
    # One pass over the channel's alerts for these incidents; few rows per incident.
    sent: dict[int, list[tuple[str, int]]] = defaultdict(list)
    failed: dict[tuple[int, str, int], int] = {}
    for chunk in _chunks([row.id for row in incidents]):
        rows = session.execute(
            sa.select(alert.incident_id, alert.kind, alert.revision, alert.status, alert.attempts).where(
                alert.channel == channel, alert.incident_id.in_(chunk)
            )
        )
        for incident_id, alert_kind, revision, status, attempts in rows:
            if status == "sent":
                sent[incident_id].append((alert_kind, revision))
            else:
                failed[(incident_id, alert_kind, revision)] = attempts
    candidates = []
    for row in incidents:
        done = sent.get(row.id, [])
        new_revisions = [rev for kind, rev in done if kind == "new"]
        kind: AlertKind
        if not new_revisions:
            kind = "new"
        elif max(new_revisions) < row.revision and all(rev != row.revision for _, rev in done):
            kind = "update"
        else:
            continue
        attempts = failed.get((row.id, kind, row.revision), 0)
        if max_attempts is not None and attempts >= max_attempts:
            continue
        candidates.append(AlertCandidate(row.id, kind, row.revision, row.occurred_on, float(row.confidence), attempts))
    return candidates


def claim_alert(
    session: Session,
    incident_id: int,
    channel: str,
    kind: AlertKind | str,
    revision: int,
    *,
    stale_after: timedelta,
) -> bool:
    """Claim an alert for delivery (status 'sending'); False when it was sent or another run holds it.

    Commit the claim before sending: then two runs can never both deliver one alert. A claim older than
    `stale_after` belongs to a run that died between sending and recording, and may be taken over; that
    re-sends at most the one alert the dead run had in flight, under the same Idempotency-Key.
    """
    now = schema.utcnow()
    table = schema.Alert.__table__
    stmt = insert(session, schema.Alert).values(
        incident_id=incident_id,
        channel=channel,
        kind=kind,
        revision=revision,
        status="sending",
        attempts=0,
        claimed_at=now,
        updated_at=now,
    )
    orphaned = sa.and_(table.c.status == "sending", table.c.claimed_at <= now - stale_after)
    stmt = stmt.on_conflict_do_update(
        index_elements=["incident_id", "channel", "kind", "revision"],
        set_={"status": "sending", "claimed_at": now, "updated_at": now},
        where=sa.or_(table.c.status == "failed", orphaned),
    ).returning(table.c.id)
    return session.execute(stmt).first() is not None


def record_alert(
    session: Session,
    incident_id: int,
    channel: str,
    kind: AlertKind | str,
    revision: int,
    status: AlertStatus | str,
    error: str | None = None,
) -> None:
    """Record an attempt to send an alert; the row is unique per (incident, channel, kind, revision).

    Each call adds an attempt. Once 'sent', a row stays sent (a late 'failed' cannot undo it), which is
    what keeps pending_alerts from offering it again.
    """
    if kind not in ("new", "update"):
        raise ValueError(f"alert kind must be 'new' or 'update', not {kind!r}")
    if status not in ("sent", "failed"):
        raise ValueError(f"alert status must be 'sent' or 'failed', not {status!r}")
    now = schema.utcnow()
    table = schema.Alert.__table__
    stmt = insert(session, schema.Alert).values(
        incident_id=incident_id,
        channel=channel,
        kind=kind,
        revision=revision,
        status=status,
        attempts=1,
        error=error,
        sent_at=now if status == "sent" else None,
        updated_at=now,
    )
    already_sent = table.c.status == "sent"
    stmt = stmt.on_conflict_do_update(
        index_elements=["incident_id", "channel", "kind", "revision"],
        set_={
            "attempts": table.c.attempts + 1,
            "status": sa.case((already_sent, table.c.status), else_=stmt.excluded.status),
            "error": sa.case((already_sent, table.c.error), else_=stmt.excluded.error),
            "sent_at": sa.func.coalesce(table.c.sent_at, stmt.excluded.sent_at),
            "claimed_at": None,
            "updated_at": now,
        },
    )
    session.execute(stmt)
