"""Read side of the warehouse: incident listings, trend tables, and which alerts are still to send."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from domain.gazetteer import load_gazetteer
from domain.taxonomy import EventType
from warehouse import schema
from warehouse.filters import INCIDENT_EVENT_TYPES, IncidentFilter
from warehouse.load import insert
from warehouse.trends import Period, TrendKey, trend_table

AlertKind = Literal["new", "update"]
AlertStatus = Literal["sent", "failed"]

_CHUNK = 500


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
    # The highest calibrated P(attack) of its reports (what alerts gate on).
    p_attack: float | None = None
    sources: list[str] = field(default_factory=list)
    # The title of the best report: highest label confidence, the earliest on ties.
    headline: str | None = None
    # Below district level: the place extractor does not store a town today, so this stays None.
    town: str | None = None
    # The district's centroid from the gazetteer (None without a district).
    latitude: float | None = None
    longitude: float | None = None
    first_report_at: datetime | None = None
    last_report_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields (the date as YYYY-MM-DD, report times as ISO 8601 UTC), in INCIDENT_FIELDS order."""
        # Spelled out rather than dataclasses.asdict, whose deep copies cost most of a large export.
        return {
            "id": self.id, "occurred_on": self.occurred_on.isoformat(), "event_type": self.event_type,
            "province": self.province, "district": self.district, "town": self.town, "latitude": self.latitude,
            "longitude": self.longitude, "attack_type": self.attack_type, "group": self.group,
            "claimed": self.claimed, "killed": self.killed, "injured": self.injured,
            "militants_killed": self.militants_killed, "confidence": self.confidence, "p_attack": self.p_attack,
            "revision": self.revision, "headline": self.headline, "first_report_at": _iso(self.first_report_at),
            "last_report_at": _iso(self.last_report_at), "sources": list(self.sources),
        }  # fmt: skip


# The order incidents are shown in (JSON keys, CSV columns).
INCIDENT_FIELDS = (
    "id", "occurred_on", "event_type", "province", "district", "town", "latitude", "longitude", "attack_type",
    "group", "claimed", "killed", "injured", "militants_killed", "confidence", "p_attack", "revision", "headline",
    "first_report_at", "last_report_at", "sources",
)  # fmt: skip


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


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
    p_attack: float
    attempts: int = 0  # failed attempts so far at this (kind, revision)
    opened_at: datetime | None = None  # when the incident was first stored (a 'new' alert may wait on it)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


@dataclass(frozen=True, slots=True)
class _Report:
    article_id: int
    url: str
    title: str
    at: datetime  # published, else fetched
    confidence: float  # overall confidence of the article's newest label


def _reports(session: Session, incident_ids: Sequence[int]) -> dict[int, list[_Report]]:
    """Each incident's reports, in the order they were published (else fetched)."""
    a, link, lab = schema.Article, schema.IncidentArticle, schema.ArticleLabel
    found: dict[int, list[_Report]] = defaultdict(list)
    columns: tuple[Any, ...] = (link.incident_id, a.id, a.canonical_url, a.title, a.published_at, a.fetched_at)
    columns += (lab.labelled_at, lab.id.label("label_id"), lab.overall_confidence)
    for chunk in _chunks(incident_ids):
        rows = session.execute(
            sa.select(*columns)
            .join(a, a.id == link.article_id)
            .outerjoin(lab, lab.article_id == a.id)
            .where(link.incident_id.in_(chunk))
        ).all()
        # An article labelled by several model versions: its newest label's confidence counts.
        newest: dict[tuple[int, int], Any] = {}
        for row in rows:
            key = (row.incident_id, row.id)
            held = newest.get(key)
            if held is None or _label_rank(row) > _label_rank(held):
                newest[key] = row
        for row in newest.values():
            confidence = float(row.overall_confidence) if row.overall_confidence is not None else 0.0
            at = row.published_at or row.fetched_at
            found[row.incident_id].append(_Report(row.id, row.canonical_url, row.title, at, confidence))
    for reports in found.values():
        reports.sort(key=lambda r: (r.at, r.article_id))
    return found


def _label_rank(row: Any) -> tuple[bool, datetime, int]:
    if row.label_id is None:
        return (False, datetime.min, 0)
    return (True, row.labelled_at, row.label_id)


def _headline(reports: Sequence[_Report]) -> str | None:
    """The best report's title: highest confidence, the earliest on ties."""
    if not reports:
        return None
    best = min(reports, key=lambda r: (-r.confidence, r.at, r.article_id))
    return best.title or None


@functools.lru_cache(maxsize=4096)
def _centroid(district: str | None) -> tuple[float | None, float | None]:
    found = load_gazetteer().by_name(district) if district else None
    return (found.lat, found.lon) if found is not None else (None, None)


def _rows(session: Session, incidents: Sequence[Any]) -> list[IncidentRow]:
    """`incidents`: ORM incidents or rows of the incidents table's columns."""
    reports = _reports(session, [i.id for i in incidents])
    rows = []
    for i in incidents:
        mine = reports.get(i.id, [])
        latitude, longitude = _centroid(i.district)
        rows.append(
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
                p_attack=float(i.p_attack) if i.p_attack is not None else None,
                sources=[r.url for r in mine],
                headline=_headline(mine),
                latitude=latitude,
                longitude=longitude,
                first_report_at=mine[0].at if mine else None,
                last_report_at=max(r.at for r in mine) if mine else None,
            )
        )
    return rows


def list_incidents(
    session: Session,
    since: date | None = None,
    event_types: Iterable[str] = INCIDENT_EVENT_TYPES,
    *,
    filters: IncidentFilter | None = None,
) -> list[IncidentRow]:
    """Incidents matching `filters` (or of `event_types` on or after `since`), newest first.

    With a filter, its `limit` keeps only the newest incidents.
    """
    if filters is None:
        filters = IncidentFilter(since=since, event_types=tuple(str(e) for e in event_types))
    stmt = sa.select(schema.Incident).where(*filters.conditions())
    stmt = stmt.order_by(schema.Incident.occurred_on.desc(), schema.Incident.id.desc())
    if filters.limit is not None:
        stmt = stmt.limit(filters.limit)
    return _rows(session, session.scalars(stmt).all())


def iter_incidents(session: Session, filters: IncidentFilter, chunk: int = 2000) -> Iterator[IncidentRow]:
    """Incidents matching `filters`, newest first, read a chunk at a time (keyset pages on (occurred_on, id)),
    so writing every incident of a large warehouse takes constant memory."""
    inc = schema.Incident
    order = (inc.occurred_on.desc(), inc.id.desc())
    remaining = filters.limit
    after: tuple[date, int] | None = None
    while remaining is None or remaining > 0:
        # Plain rows, not ORM objects: a large export reads each incident once and never changes it.
        stmt = sa.select(*inc.__table__.columns).where(*filters.conditions()).order_by(*order)
        if after is not None:
            day, last_id = after
            # `occurred_on <= day` on its own lets the index start the page there instead of at the newest.
            after_last = sa.or_(inc.occurred_on < day, sa.and_(inc.occurred_on == day, inc.id < last_id))
            stmt = stmt.where(inc.occurred_on <= day, after_last)
        page = session.execute(stmt.limit(chunk if remaining is None else min(chunk, remaining))).all()
        if not page:
            return
        yield from _rows(session, page)
        after = (page[-1].occurred_on, page[-1].id)
        if remaining is not None:
            remaining -= len(page)


def incidents_by_id(session: Session, ids: Iterable[int]) -> list[IncidentRow]:
    """The incidents with these ids (unknown ids are left out), in id order."""
    wanted = sorted(set(ids))
    incidents: list[schema.Incident] = []
    for chunk in _chunks(wanted):
        incidents.extend(session.scalars(sa.select(schema.Incident).where(schema.Incident.id.in_(chunk))))
    incidents.sort(key=lambda i: i.id)
    return _rows(session, incidents)


def trends(session: Session, by: TrendKey, period: Period, since: date | None = None) -> list[TrendRow]:
    """Attacks, killed and injured per period bucket and key, oldest bucket first; only buckets with attacks.

    The compact form of `warehouse.trends.trend_table` kept for the daily snapshot. Unknown keys (no
    district, say) are counted under 'unknown'; missing casualty figures count as 0.
    """
    table = trend_table(session, by, period, IncidentFilter(since=since, event_types=(EventType.ATTACK.value,)))
    return [TrendRow(p.bucket, p.key, p.attacks, p.killed, p.injured) for p in table.points if p.attacks]


def pending_alerts(
    session: Session,
    min_p_attack: float,
    channel: str,
    *,
    since: date | None = None,
    max_attempts: int | None = None,
) -> list[AlertCandidate]:
    """Alerts still to send on `channel`, oldest incident first.

    An attack incident with P(attack) ≥ `min_p_attack` and no 'new' alert sent on the channel (for it or for
    an incident merged into it) gets kind 'new' at its current revision, unless it is told only by reports
    of the case against its attackers (`aftermath_only`: arrests, an FIR, an inquiry), which are no news
    of a new attack. One already announced gets kind 'update' at its newest material revision (toll moved
    materially, a group claimed, incidents merged) when nothing was sent for that revision or a later one.
    Failed sends stay pending (and are retried) until `max_attempts`. `since` skips incidents that occurred
    earlier (a first run over a backlog).
    """
    inc = schema.Incident
    stmt = (
        sa.select(
            inc.id,
            inc.revision,
            inc.material_revision,
            inc.occurred_on,
            inc.p_attack,
            inc.aftermath_only,
            inc.first_seen_at,
        )
        .where(inc.event_type == EventType.ATTACK.value, inc.p_attack >= min_p_attack)
        .order_by(inc.id)
    )
    if since is not None:
        stmt = stmt.where(inc.occurred_on >= since)
    incidents = session.execute(stmt).all()
    if not incidents:
        return []
    sent, failed = _alert_history(session, [row.id for row in incidents], channel)
    candidates = []
    for row in incidents:
        done = sent.get(row.id, [])
        kind: AlertKind
        if not any(k == "new" for k, _ in done):
            if row.aftermath_only:
                continue
            kind, revision = "new", row.revision
        elif row.material_revision > max(rev for _, rev in done):
            kind, revision = "update", row.material_revision
        else:
            continue
        attempts = failed.get((row.id, kind, revision), 0)
        if max_attempts is not None and attempts >= max_attempts:
            continue
        candidates.append(
            AlertCandidate(
                row.id, kind, revision, row.occurred_on, float(row.p_attack), attempts, opened_at=row.first_seen_at
            )
        )
    return candidates


def _alert_history(
    session: Session, ids: Sequence[int], channel: str
) -> tuple[dict[int, list[tuple[str, int]]], dict[tuple[int, str, int], int]]:
    """Per incident, the (kind, revision) of every alert sent on the channel — counting those of incidents
    merged into it, as announcements (revision 0) — and the attempts of failed sends of its own."""
    inc, alert = schema.Incident, schema.Alert
    survivor_of = {row_id: row_id for row_id in ids}
    for chunk in _chunks(ids):
        merged = session.execute(sa.select(inc.id, inc.merged_into).where(inc.merged_into.in_(chunk)))
        survivor_of.update({merged_id: survivor for merged_id, survivor in merged if survivor is not None})
    sent: dict[int, list[tuple[str, int]]] = defaultdict(list)
    failed: dict[tuple[int, str, int], int] = {}
    for chunk in _chunks(list(survivor_of)):
        alerts = session.execute(
            sa.select(alert.incident_id, alert.kind, alert.revision, alert.status, alert.attempts).where(
                alert.channel == channel, alert.incident_id.in_(chunk)
            )
        )
        for incident_id, alert_kind, revision, status, attempts in alerts:
            own = incident_id == survivor_of[incident_id]
            if status == "sent":
                sent[survivor_of[incident_id]].append((alert_kind, revision if own else 0))
            elif own:
                failed[(incident_id, alert_kind, revision)] = attempts
    return sent, failed


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
