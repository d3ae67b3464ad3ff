"""One incident in full (every report, the figures each gave, its revisions) and the feed of incident changes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from warehouse import schema
from warehouse.queries import IncidentRow, incidents_by_id

# The warehouse does not record which report caused a revision. Revisions and report links written by
# one resolution pass carry timestamps within moments of each other (passes run minutes apart), so a
# report attached this close to a revision is taken as its cause.
SAME_PASS = timedelta(seconds=60)


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


@dataclass(slots=True)
class SourceReport:
    """One report of an incident: where it came from and what its labels said."""

    article_id: int
    url: str
    source: str
    title: str
    published_at: datetime | None
    fetched_at: datetime
    attached_at: datetime
    similarity: float | None  # the text similarity that attached it (None for the report that opened it)
    labels: list[dict[str, Any]] = field(default_factory=list)  # newest label first

    def as_dict(self) -> dict[str, Any]:
        newest = self.labels[0] if self.labels else {}
        return {
            "article_id": self.article_id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published_at": iso(self.published_at),
            "fetched_at": iso(self.fetched_at),
            "attached_at": iso(self.attached_at),
            "similarity": self.similarity,
            "killed": newest.get("killed"),
            "injured": newest.get("injured"),
            "militants_killed": newest.get("militants_killed"),
            "labels": self.labels,
        }


@dataclass(slots=True)
class IncidentDetail:
    incident: IncidentRow
    reports: list[SourceReport]
    revisions: list[dict[str, Any]]
    # Set when a later report showed this incident to be one event with another, which now holds its reports.
    merged_into: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return self.incident.as_dict() | {
            "merged_into": self.merged_into,
            "reports": [r.as_dict() for r in self.reports],
            "revisions": self.revisions,
        }


def _label(row: schema.ArticleLabel) -> dict[str, Any]:
    return {
        "model_version": row.model_version,
        "labelled_at": iso(row.labelled_at),
        "event_type": row.event_type,
        "attack_type": row.attack_type,
        "group": row.group_code,
        "claimed": bool(row.claimed),
        "province": row.province,
        "district": row.district,
        "killed": row.killed,
        "injured": row.injured,
        "militants_killed": row.militants_killed,
        "confidence": round(float(row.overall_confidence), 4),
        "field_confidence": row.confidence,
    }


def incident_detail(session: Session, incident_id: int) -> IncidentDetail | None:
    """The incident with its reports (oldest first) and its revision history; None when there is none."""
    found = incidents_by_id(session, [incident_id])
    if not found:
        return None
    a, link, lab = schema.Article, schema.IncidentArticle, schema.ArticleLabel
    rows = session.execute(
        sa.select(a, link.attached_at, link.similarity)
        .join(link, link.article_id == a.id)
        .where(link.incident_id == incident_id)
        .order_by(sa.func.coalesce(a.published_at, a.fetched_at), a.id)
    ).all()
    labels: dict[int, list[dict[str, Any]]] = defaultdict(list)
    label_rows = session.scalars(
        sa.select(lab)
        .where(lab.article_id.in_([row[0].id for row in rows] or [-1]))
        .order_by(lab.labelled_at.desc(), lab.id.desc())
    )
    for label in label_rows:
        labels[label.article_id].append(_label(label))
    reports = [
        SourceReport(
            article_id=article.id,
            url=article.canonical_url,
            source=article.source,
            title=article.title,
            published_at=article.published_at,
            fetched_at=article.fetched_at,
            attached_at=attached_at,
            similarity=similarity,
            labels=labels.get(article.id, []),
        )
        for article, attached_at, similarity in rows
    ]
    rev = schema.IncidentRevision
    revisions = [
        {
            "revision": r.revision,
            "at": iso(r.created_at),
            "article_id": r.article_id,  # the report that caused it
            "merged_incident_id": r.merged_incident_id,
            "changes": r.changes,
        }
        for r in session.scalars(sa.select(rev).where(rev.incident_id == incident_id).order_by(rev.revision))
    ]
    merged_into = session.scalar(sa.select(schema.Incident.merged_into).where(schema.Incident.id == incident_id))
    return IncidentDetail(found[0], reports, revisions, merged_into)


# ------------------------------------------------------------------ the change feed


@dataclass(frozen=True, slots=True)
class _Link:
    incident_id: int
    attached_at: datetime
    report: dict[str, Any]


@dataclass(slots=True)
class Change:
    """One line of `khabar changes`: an incident created, revised, or joined by a further report."""

    incident_id: int
    revision: int
    kind: str  # created | revised | merged
    at: datetime
    changes: dict[str, Any]
    reports: list[dict[str, Any]]
    basis: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "revision": self.revision,
            "kind": self.kind,
            "at": iso(self.at),
            "changes": self.changes,
            "why": {"reports": self.reports, "basis": self.basis},
        }


_BASIS = {
    "created": "opened by the report(s) listed, attached in the same resolution pass",
    "revised": "report(s) attached in the same resolution pass as this revision",
    "merged": "a further report joined the incident without changing any of its fields",
}
_UNKNOWN = "not recorded: no report was attached to the incident in the same resolution pass"


def _links(session: Session, since: datetime) -> list[_Link]:
    a, link = schema.Article, schema.IncidentArticle
    rows = session.execute(
        sa.select(link.incident_id, link.attached_at, a.id, a.canonical_url, a.source, a.title, a.published_at)
        .join(a, a.id == link.article_id)
        .where(link.attached_at >= since - SAME_PASS)
        .order_by(link.attached_at, a.id)
    )
    return [
        _Link(
            incident_id,
            attached_at,
            {"article_id": article_id, "url": url, "source": source, "title": title, "published_at": iso(published)},
        )
        for incident_id, attached_at, article_id, url, source, title, published in rows
    ]


def changes_since(session: Session, since: datetime) -> list[Change]:
    """Every revision written at or after `since`, and every report that joined an incident without a revision.

    Oldest first. Each names the report(s) that caused it: those attached to the incident in the same
    resolution pass (within SAME_PASS of the revision), since the warehouse keeps no direct link.
    """
    rev = schema.IncidentRevision
    revisions = session.scalars(sa.select(rev).where(rev.created_at >= since).order_by(rev.created_at, rev.id)).all()
    links = _links(session, since)
    by_incident: dict[int, list[_Link]] = defaultdict(list)
    for link in links:
        by_incident[link.incident_id].append(link)
    used: set[int] = set()
    out: list[Change] = []
    for r in revisions:
        mine = [x for x in by_incident.get(r.incident_id, []) if abs(x.attached_at - r.created_at) <= SAME_PASS]
        used.update(id(x) for x in mine)
        kind = "created" if r.revision == 1 else "revised"
        basis = _BASIS[kind] if mine else _UNKNOWN
        out.append(Change(r.incident_id, r.revision, kind, r.created_at, r.changes, [x.report for x in mine], basis))
    leftovers = [x for x in links if id(x) not in used and x.attached_at >= since]
    out.extend(_merges(session, leftovers))
    out.sort(key=lambda c: (c.at, c.incident_id, c.revision, c.kind))
    return out


def _merges(session: Session, links: list[_Link]) -> list[Change]:
    """Reports that joined an incident without changing it, one line per incident and resolution pass."""
    if not links:
        return []
    rev = schema.IncidentRevision
    history: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    ids = sorted({x.incident_id for x in links})
    for incident_id, created_at, revision in session.execute(
        sa.select(rev.incident_id, rev.created_at, rev.revision).where(rev.incident_id.in_(ids))
    ):
        history[incident_id].append((created_at, revision))
    groups: list[list[_Link]] = []
    for link in sorted(links, key=lambda x: (x.incident_id, x.attached_at)):
        last = groups[-1] if groups else None
        if last and last[0].incident_id == link.incident_id and link.attached_at - last[-1].attached_at <= SAME_PASS:
            last.append(link)
        else:
            groups.append([link])
    out = []
    for group in groups:
        first = group[0]
        earlier = [revision for created_at, revision in history[first.incident_id] if created_at <= first.attached_at]
        out.append(
            Change(
                first.incident_id,
                max(earlier, default=1),
                "merged",
                first.attached_at,
                {},
                [x.report for x in group],
                _BASIS["merged"],
            )
        )
    return out
