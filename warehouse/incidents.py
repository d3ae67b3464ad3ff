"""Incident storage: load the reports to resolve and the incidents they may join, run the pure resolver
(`domain.incidents`), write incidents, links and one revision per report that changed an incident."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from domain.incidents import (
    PKT,
    RESOLVED_EVENT_TYPES,
    REVISED_FIELDS,
    Cluster,
    MatchModel,
    MatchPolicy,
    Report,
    Step,
    embedding_from_bytes,
    material_change,
    resolve,
)
from domain.taxonomy import EventType
from warehouse import schema

log = logging.getLogger(__name__)

_CHUNK = 500  # ids per IN (...) list
MERGED = "merged"  # the event_type of an incident merged into another (kept for the record)
_STORED = (*REVISED_FIELDS, "confidence", "p_attack", "aftermath_only")


@dataclass(slots=True)
class ResolveResult:
    """Incidents opened, revised and merged away by one resolve run, and how many articles were attached."""

    new: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    merged: list[int] = field(default_factory=list)
    articles: int = 0


def _report_columns(text_chars: int) -> list[Any]:
    a, lab = schema.Article, schema.ArticleLabel
    return [
        a.id,
        a.published_at,
        a.fetched_at,
        a.title,
        sa.func.substr(a.text, 1, text_chars).label("head"),
        lab.event_type,
        lab.attack_type,
        lab.group_code,
        lab.claimed,
        lab.province,
        lab.district,
        lab.killed,
        lab.injured,
        lab.militants_killed,
        lab.confidence,
        lab.evidence,
        lab.overall_confidence,
        lab.p_attack,
        lab.embedding,
    ]


def _to_report(row: Any) -> Report:
    return Report(
        article_id=row.id,
        at=row.published_at or row.fetched_at,
        text=f"{row.title}\n{row.head or ''}",
        event_type=row.event_type,
        attack_type=row.attack_type,
        group_code=row.group_code,
        claimed=bool(row.claimed),
        province=row.province,
        district=row.district,
        killed=row.killed,
        injured=row.injured,
        militants_killed=row.militants_killed,
        confidence=dict(row.confidence or {}),
        evidence=dict(row.evidence or {}),
        overall=float(row.overall_confidence),
        # Labels written before P(attack) was stored: their overall confidence stood in for it.
        p_attack=float(row.p_attack if row.p_attack is not None else row.overall_confidence),
        embedding=embedding_from_bytes(row.embedding),
    )


def _unattached(model_version: str, policy: MatchPolicy, *where: sa.ColumnElement[bool]) -> sa.Select[Any]:
    """This model's labelled reports that are in no incident, with `where` on top."""
    a, lab, link = schema.Article, schema.ArticleLabel, schema.IncidentArticle
    # NOT EXISTS plans as an anti-join on both databases; NOT IN over a large subquery does not.
    attached = sa.select(link.article_id).where(link.article_id == a.id)
    return (
        sa.select(*_report_columns(policy.text_chars))
        .join(lab, lab.article_id == a.id)
        .where(lab.model_version == model_version, ~attached.exists(), *where)
    )


def _pending_reports(session: Session, model_version: str, policy: MatchPolicy) -> list[Report]:
    stmt = _unattached(model_version, policy, schema.ArticleLabel.event_type.in_(RESOLVED_EVENT_TYPES))
    return [_to_report(row) for row in session.execute(stmt)]


def _stray_reports(
    session: Session, model_version: str, policy: MatchPolicy, pending: Sequence[Report]
) -> list[Report]:
    """Stories read as `other` that still gave an attack `stray_floor` P(attack) and are in no incident: those
    not weighed yet, and those of the pending reports' days (a report of their attack may have come since).
    Two queries, so that each can use its index (`ix_article_labels_stray`; `articles.published_at`)."""
    a, lab = schema.Article, schema.ArticleLabel
    stray = (
        lab.event_type == EventType.OTHER.value,
        lab.p_attack >= policy.stray_floor,
        lab.embedding.is_not(None),
    )
    wheres: list[sa.ColumnElement[bool]] = [lab.stray_checked_at.is_(None)]
    if pending:
        margin = timedelta(days=policy.window_days + 1)
        start = datetime.combine(min(r.day for r in pending) - margin, time(), PKT)
        end = datetime.combine(max(r.day for r in pending) + margin, time(), PKT)
        wheres += [
            a.published_at.between(start, end),
            sa.and_(a.published_at.is_(None), a.fetched_at.between(start, end)),
        ]
    found: dict[int, Report] = {}  # a story can meet two of the conditions
    for where in wheres:
        for row in session.execute(_unattached(model_version, policy, *stray, where)):
            found.setdefault(row.id, _to_report(row))
    return list(found.values())  # `resolve` takes them in publication order


def _mark_weighed(session: Session, model_version: str, strays: Sequence[Report]) -> None:
    lab = schema.ArticleLabel
    ids = [r.article_id for r in strays]
    now = schema.utcnow()
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            sa.update(lab)
            .where(lab.model_version == model_version, lab.article_id.in_(ids[start : start + _CHUNK]))
            .values(stray_checked_at=now)
        )


def _member_rows(session: Session, incident_ids: Sequence[int], model_version: str, text_chars: int) -> list[Any]:
    """Each member article's label, judged by this model's labels; one labelled only by an older model keeps
    its newest label."""
    a, lab, link = schema.Article, schema.ArticleLabel, schema.IncidentArticle
    rows: list[Any] = []
    for start in range(0, len(incident_ids), _CHUNK):
        rows.extend(
            session.execute(
                sa.select(link.incident_id, lab.model_version, lab.labelled_at, *_report_columns(text_chars))
                .join(a, a.id == link.article_id)
                .join(lab, lab.article_id == a.id)
                .where(link.incident_id.in_(incident_ids[start : start + _CHUNK]))
            )
        )
    best: dict[int, Any] = {}
    for row in rows:
        current = best.get(row.id)
        rank = (row.model_version == model_version, row.labelled_at)
        if current is None or rank > (current.model_version == model_version, current.labelled_at):
            best[row.id] = row
    return list(best.values())


def _existing_clusters(
    session: Session, model_version: str, pending: Sequence[Report], policy: MatchPolicy
) -> list[Cluster]:
    """Incidents the pending reports could join, with their member reports: those of their days, those up to
    `follow_up_days` older when a report is a follow-up, and those up to as long after them (a follow-up
    already stored before its attack)."""
    days = [r.day for r in pending]
    window = timedelta(days=policy.window_days + 1)
    reach = max(window, timedelta(days=policy.follow_up_days))
    back = reach if any(r.follow_up for r in pending) else window
    incidents = session.scalars(
        sa.select(schema.Incident)
        .where(
            schema.Incident.occurred_on.between(min(days) - back, max(days) + reach),
            schema.Incident.event_type.in_(RESOLVED_EVENT_TYPES),
        )
        .order_by(schema.Incident.id)
    ).all()
    if not incidents:
        return []
    members: dict[int, list[Report]] = defaultdict(list)
    for row in _member_rows(session, [inc.id for inc in incidents], model_version, policy.text_chars):
        members[row.incident_id].append(_to_report(row))
    clusters = []
    for inc in incidents:
        stored = {name: getattr(inc, name) for name in _STORED}
        clusters.append(
            Cluster(
                reports=sorted(members.get(inc.id, []), key=lambda r: (r.at, r.article_id)),
                fields=dict(stored),
                incident_id=inc.id,
                revision=inc.revision,
                stored=stored,
            )
        )
    return clusters


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _changes(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    return {
        name: {"old": _json_value((old or {}).get(name)), "new": _json_value(new[name])}
        for name in REVISED_FIELDS
        if old is None or old.get(name) != new[name]
    }


class _Writer:
    """Writes the resolver's steps: per cluster, in step order, one revision per step that changed it."""

    def __init__(self, session: Session, result: ResolveResult) -> None:
        self.session = session
        self.result = result
        self.now = schema.utcnow()

    def incident_id(self, cluster: Cluster) -> int:
        if cluster.incident_id is None:
            first = cluster.steps[0].fields
            incident = schema.Incident(
                revision=0, material_revision=1, first_seen_at=self.now, updated_at=self.now, **first
            )
            self.session.add(incident)
            self.session.flush()
            cluster.incident_id = incident.id
            cluster.stored = None
            self.result.new.append(incident.id)
        return cluster.incident_id

    def write(self, cluster: Cluster) -> None:
        if cluster.merged_into is not None:
            return  # written by its survivor: its reports are linked there, its row marked merged
        incident_id = self.incident_id(cluster)
        fields = cluster.stored
        revision = cluster.revision
        material = None
        for step in cluster.steps:
            merged_id = step.merged.incident_id if step.merged is not None else None
            changes = _changes(fields, step.fields)
            if merged_id is not None:
                changes["merged"] = {"old": merged_id, "new": incident_id}
            if not changes:
                continue
            revision += 1
            if fields is None or merged_id is not None or material_change(fields, step.fields):
                material = revision
            self._revision(incident_id, revision, changes, step, merged_id)
            if merged_id is not None:
                self._absorb(merged_id, incident_id)
            fields = step.fields
        values: dict[str, Any] = {name: cluster.fields[name] for name in _STORED}
        if revision != cluster.revision:
            values["revision"] = revision
            values["updated_at"] = self.now
            if material is not None:
                values["material_revision"] = material
            if incident_id not in self.result.new:
                self.result.updated.append(incident_id)
        self.session.execute(sa.update(schema.Incident).where(schema.Incident.id == incident_id).values(**values))
        links = [
            schema.IncidentArticle(incident_id=incident_id, article_id=article_id, similarity=similarity)
            for article_id, similarity in _new_links(cluster)
        ]
        self.session.add_all(links)
        self.result.articles += len(links)

    def _revision(
        self, incident_id: int, revision: int, changes: dict[str, Any], step: Step, merged_id: int | None
    ) -> None:
        self.session.add(
            schema.IncidentRevision(
                incident_id=incident_id,
                revision=revision,
                changes=changes,
                article_id=step.article_id,
                merged_incident_id=merged_id,
                created_at=self.now,
            )
        )

    def _absorb(self, merged_id: int, survivor_id: int) -> None:
        """The merged incident's reports move to the survivor; its row stays, marked, for the record."""
        inc, link = schema.Incident, schema.IncidentArticle
        self.session.execute(sa.update(link).where(link.incident_id == merged_id).values(incident_id=survivor_id))
        self.session.execute(
            sa.update(inc).where(inc.merged_into == merged_id).values(merged_into=survivor_id)
        )  # incidents merged into it earlier now point at the survivor
        self.session.execute(
            sa.update(inc)
            .where(inc.id == merged_id)
            .values(event_type=MERGED, merged_into=survivor_id, updated_at=self.now)
        )
        self.result.merged.append(merged_id)
        self.session.flush()


def _new_links(cluster: Cluster) -> list[tuple[int, float | None]]:
    """The reports this batch attached to the cluster, including those of batch clusters merged into it."""
    links: list[tuple[int, float | None]] = []
    for step in cluster.steps:
        if step.merged is None:
            links.append((step.article_id, step.similarity))
        else:
            links.extend(_new_links(step.merged))
    return links


def resolve_incidents(
    session: Session,
    model_version: str,
    policy: MatchPolicy | None = None,
    *,
    model: MatchModel | None = None,
) -> ResolveResult:
    """Attach every labelled attack/operation report not yet in an incident to its incident, or open one.

    Reports are taken in publication order; each one that changes an incident makes its own revision
    (with the report's id), so a batch that brings the first report (3 killed) and a later one (12 killed)
    leaves revisions 1 and 2. A report that ties two incidents together merges them (see
    `domain.incidents`). Articles already attached are never looked at again, so a second run with nothing
    new changes nothing. A story read as `other` but with some P(attack) is weighed for an attack incident of
    its days when it arrives, and again when a report of its days does (`Resolver.attach`).
    """
    policy = policy or MatchPolicy()
    result = ResolveResult()
    pending = _pending_reports(session, model_version, policy)
    strays = _stray_reports(session, model_version, policy, pending)
    if not pending and not strays:
        return result
    existing = _existing_clusters(session, model_version, [*pending, *strays], policy)
    resolver = resolve(pending, existing, policy, model, strays)
    writer = _Writer(session, result)
    touched = resolver.touched()
    # Survivors first (a merge relinks the absorbed incident's reports), then the rest in id order.
    for cluster in sorted(touched, key=lambda c: c.merged_into is not None):
        writer.write(cluster)
    _mark_weighed(session, model_version, strays)
    session.flush()
    log.info(
        "resolved %d articles: %d new incidents, %d revised, %d merged into others",
        result.articles,
        len(result.new),
        len(result.updated),
        len(result.merged),
    )
    return result
