"""Incident resolution: attach each labelled attack report to the incident it describes, or open one."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from enum import IntEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from domain.taxonomy import AttackType, EventType, Group
from warehouse import schema

log = logging.getLogger(__name__)

Similarity = Callable[[str, str], float]

# Pakistan Standard Time (no DST since 2009): the calendar day an attack "occurred" is a local day.
PKT = timezone(timedelta(hours=5), "PKT")
_CHUNK = 500  # ids per IN (...) list
RESOLVED_EVENT_TYPES = (EventType.ATTACK.value, EventType.SECURITY_OPERATION.value)

# Fields whose change makes a new revision (and may trigger an 'update' alert). Confidence is merged
# too but a wobble in it is not news.
REVISED_FIELDS = (
    "occurred_on",
    "attack_type",
    "group_code",
    "claimed",
    "province",
    "district",
    "killed",
    "injured",
    "militants_killed",
)

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Function words and reporting verbs: shared by every news report, they say nothing about which attack.
_STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as into after before during over under
    about against between near is are was were be been being has have had this that these those it its
    he she they them their his her we our you your i who whom which what when where while than then
    there here also not no more most other some such only own same so very can will would could should
    may might must said says say told according reported report reports added further including
    today yesterday monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)


def tokens(text: str) -> frozenset[str]:
    """Lower-case word tokens of two or more characters, without stop words."""
    return frozenset(t for t in _TOKEN.findall(text.lower()) if len(t) > 1 and t not in _STOPWORDS)


def token_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' token sets (0 when either has no tokens)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


class Location(IntEnum):
    """How strongly the places of a report and an incident agree (higher is stronger)."""

    UNKNOWN = 1  # a province is missing: the place proves nothing
    SAME_PROVINCE = 2  # a district is missing, the provinces agree
    SAME_DISTRICT = 3


@dataclass(frozen=True, slots=True)
class MatchPolicy:
    """When a report joins an incident: the date window and the text similarity needed per location tier.

    Thresholds suit `token_jaccard` over title + first 400 characters (tuned on the examples in
    tests/unit/test_warehouse_matching.py: reports of one attack by two outlets score about 0.2-0.35,
    a short claim follow-up about 0.07, different attacks in one province 0.08-0.13); another
    similarity function needs its own. A same-district, same-type, same-day match needs little text evidence; a report
    with no known place needs a lot.
    """

    window_days: int = 1
    min_similarity: dict[Location, float] = field(
        default_factory=lambda: {
            Location.SAME_DISTRICT: 0.05,
            Location.SAME_PROVINCE: 0.15,
            Location.UNKNOWN: 0.25,
        }
    )
    text_chars: int = 400
    # A casualty figure whose own confidence is lower is used only if no credible report has one.
    min_casualty_confidence: float = 0.3
    # A district guessed this weakly (the place extractor's fallback to a wire dateline's city, 0.3) is
    # not evidence of where the event was: such a report matches at the province tier, and an incident
    # takes its district from a firmer report when one has it.
    min_district_confidence: float = 0.5


@dataclass(slots=True)
class ResolveResult:
    """Incidents opened and incidents revised by one resolve run, and how many articles were attached."""

    new: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    articles: int = 0


@dataclass(slots=True)
class Report:
    """One labelled article, as resolution sees it."""

    article_id: int
    at: datetime
    text: str
    event_type: str
    attack_type: str | None
    group_code: str
    claimed: bool
    province: str | None
    district: str | None
    killed: int | None
    injured: int | None
    militants_killed: int | None
    confidence: dict[str, float]
    overall: float

    @property
    def day(self) -> date:
        return self.at.astimezone(PKT).date()

    def firm_district(self, min_confidence: float) -> str | None:
        """The district, unless its own confidence says it is only a guess."""
        return self.district if self.confidence.get("district", 1.0) >= min_confidence else None


@dataclass(slots=True, eq=False)  # identity, not value, equality: the index removes by it
class _Cluster:
    """An incident being resolved: its reports, merged fields and what the warehouse holds for it."""

    event_type: str
    reports: list[Report]
    fields: dict[str, Any]
    incident_id: int | None = None
    revision: int = 0
    stored: dict[str, Any] | None = None
    new_links: list[tuple[int, float | None]] = field(default_factory=list)


def _norm(place: str | None) -> str | None:
    return " ".join(place.lower().split()) if place else None


def location_tier(
    province_a: str | None, district_a: str | None, province_b: str | None, district_b: str | None
) -> Location | None:
    """How well two places agree, or None when they are different places."""
    if district_a and district_b:
        return Location.SAME_DISTRICT if _norm(district_a) == _norm(district_b) else None
    if province_a and province_b:
        return Location.SAME_PROVINCE if _norm(province_a) == _norm(province_b) else None
    return Location.UNKNOWN


_BOMBINGS = {AttackType.BOMBING.value, AttackType.SUICIDE_BOMBING.value}


def attack_types_compatible(a: str | None, b: str | None) -> bool:
    """Equal, or either unknown, or bombing vs suicide bombing (early reports often cannot tell)."""
    return a is None or b is None or a == b or {a, b} <= _BOMBINGS


def _is_partial(value: int, current: int) -> bool:
    """A figure far below the toll already reported counts part of the victims (the funeral of some of
    the dead, the wounded taken to one hospital); it is not a revision. Real tolls rarely halve."""
    return value * 2 <= current and current - value >= 3


def _latest(reports: Sequence[Report], attr: str, min_confidence: float) -> Any:
    """The figure of the latest credible report that has one (else of the latest report that has one),
    passing over figures that only count part of the victims."""
    with_value = [r for r in reports if getattr(r, attr) is not None]
    credible = [r for r in with_value if r.confidence.get(attr, 1.0) >= min_confidence]
    current: int | None = None
    for r in credible or with_value:
        value = getattr(r, attr)
        if current is None or not _is_partial(value, current):
            current = value
    return current


def merge_reports(reports: Iterable[Report], policy: MatchPolicy) -> dict[str, Any]:
    """The incident's fields from all its reports (a pure function, so re-resolving is idempotent)."""
    ordered = sorted(reports, key=lambda r: (r.at, r.article_id))
    types = [r.attack_type for r in ordered if r.attack_type]
    # A bombing later revealed as a suicide bombing stays one; otherwise the latest report's type wins.
    attack_type = AttackType.SUICIDE_BOMBING.value if AttackType.SUICIDE_BOMBING.value in types else None
    if attack_type is None and types:
        attack_type = types[-1]
    named = [r for r in ordered if r.group_code != Group.UNKNOWN.value]
    claimed_by = [r for r in named if r.claimed]
    group = (claimed_by or named)[-1].group_code if named else Group.UNKNOWN.value
    firm = policy.min_district_confidence
    placed = next((r for r in ordered if r.firm_district(firm)), None) or next((r for r in ordered if r.district), None)
    province = placed.province if placed and placed.province else None
    if province is None:
        province = next((r.province for r in ordered if r.province), None)
    return {
        "occurred_on": min(r.day for r in ordered),
        "attack_type": attack_type,
        "group_code": group,
        "claimed": any(r.claimed for r in ordered),
        "province": province,
        "district": placed.district if placed else None,
        "killed": _latest(ordered, "killed", policy.min_casualty_confidence),
        "injured": _latest(ordered, "injured", policy.min_casualty_confidence),
        "militants_killed": _latest(ordered, "militants_killed", policy.min_casualty_confidence),
        "confidence": max(r.overall for r in ordered),
    }


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
        lab.overall_confidence,
    ]


def _to_report(row: Any, text_chars: int) -> Report:
    at = row.published_at or row.fetched_at
    return Report(
        article_id=row.id,
        at=at,
        text=f"{row.title}\n{(row.head or '')[:text_chars]}",
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
        overall=float(row.overall_confidence),
    )


def _pending_reports(session: Session, model_version: str, policy: MatchPolicy) -> list[Report]:
    a, lab = schema.Article, schema.ArticleLabel
    attached = sa.select(schema.IncidentArticle.article_id)
    stmt = (
        sa.select(*_report_columns(policy.text_chars))
        .join(lab, lab.article_id == a.id)
        .where(
            lab.model_version == model_version,
            lab.event_type.in_(RESOLVED_EVENT_TYPES),
            a.id.not_in(attached),
        )
    )
    reports = [_to_report(row, policy.text_chars) for row in session.execute(stmt)]
    # Published order, so a follow-up meets the incident its original report opened.
    reports.sort(key=lambda r: (r.at, r.article_id))
    return reports


def _existing_clusters(
    session: Session, model_version: str, first: date, last: date, policy: MatchPolicy
) -> list[_Cluster]:
    """Incidents a report dated first..last could join, with their member reports."""
    window = timedelta(days=policy.window_days)
    incidents = session.scalars(
        sa.select(schema.Incident).where(
            schema.Incident.occurred_on.between(first - window, last + window),
            schema.Incident.event_type.in_(RESOLVED_EVENT_TYPES),
        )
    ).all()
    if not incidents:
        return []
    by_id = {inc.id: inc for inc in incidents}
    a, lab, link = schema.Article, schema.ArticleLabel, schema.IncidentArticle
    ids = sorted(by_id)
    rows: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        rows.extend(
            session.execute(
                sa.select(link.incident_id, lab.model_version, lab.labelled_at, *_report_columns(policy.text_chars))
                .join(a, a.id == link.article_id)
                .join(lab, lab.article_id == a.id)
                .where(link.incident_id.in_(ids[start : start + _CHUNK]))
            )
        )
    # Members are judged by this model's labels; one labelled only by an older model keeps its newest label.
    best: dict[int, Any] = {}
    for row in rows:
        current = best.get(row.id)
        rank = (row.model_version == model_version, row.labelled_at)
        if current is None or rank > (current.model_version == model_version, current.labelled_at):
            best[row.id] = row
    members: dict[int, list[Report]] = defaultdict(list)
    for row in best.values():
        members[row.incident_id].append(_to_report(row, policy.text_chars))
    clusters = []
    for inc in incidents:
        stored = {name: getattr(inc, name) for name in (*REVISED_FIELDS, "confidence")}
        clusters.append(
            _Cluster(
                event_type=inc.event_type,
                reports=members.get(inc.id, []),
                fields=dict(stored),
                incident_id=inc.id,
                revision=inc.revision,
                stored=stored,
            )
        )
    return clusters


class _Index:
    """Clusters by occurred day, for the ±window candidate lookup."""

    def __init__(self, window_days: int) -> None:
        self._window = window_days
        self._by_day: dict[date, list[_Cluster]] = defaultdict(list)

    def add(self, cluster: _Cluster) -> None:
        self._by_day[cluster.fields["occurred_on"]].append(cluster)

    def move(self, cluster: _Cluster, old_day: date) -> None:
        if cluster.fields["occurred_on"] != old_day:
            self._by_day[old_day].remove(cluster)
            self.add(cluster)

    def near(self, day: date) -> Iterable[_Cluster]:
        for offset in range(-self._window, self._window + 1):
            yield from self._by_day.get(day + timedelta(days=offset), ())


def _best_match(
    report: Report, candidates: Iterable[_Cluster], similarity: Similarity, policy: MatchPolicy
) -> tuple[_Cluster, float] | None:
    """The incident the report belongs to: the strongest place match, then the most similar text."""
    best: tuple[Location, float, _Cluster] | None = None
    for cluster in candidates:
        f = cluster.fields
        if cluster.event_type != report.event_type:
            continue
        if not attack_types_compatible(f["attack_type"], report.attack_type):
            continue
        tier = location_tier(
            f["province"], f["district"], report.province, report.firm_district(policy.min_district_confidence)
        )
        if tier is None:
            continue
        # Against each member, not a concatenation: a short follow-up resembles one report, not all.
        score = max((similarity(report.text, m.text) for m in cluster.reports), default=0.0)
        if score < policy.min_similarity[tier]:
            continue
        if best is None or (tier, score) > (best[0], best[1]):
            best = (tier, score, cluster)
    return (best[2], best[1]) if best else None


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _write(session: Session, cluster: _Cluster, result: ResolveResult) -> None:
    now = schema.utcnow()
    fields = cluster.fields
    if cluster.incident_id is None:
        incident = schema.Incident(
            event_type=cluster.event_type, revision=1, first_seen_at=now, updated_at=now, **fields
        )
        session.add(incident)
        session.flush()
        cluster.incident_id = incident.id
        changes = {name: {"old": None, "new": _json_value(fields[name])} for name in REVISED_FIELDS}
        session.add(schema.IncidentRevision(incident_id=incident.id, revision=1, changes=changes))
        result.new.append(incident.id)
    else:
        stored = cluster.stored or {}
        changes = {
            name: {"old": _json_value(stored.get(name)), "new": _json_value(fields[name])}
            for name in REVISED_FIELDS
            if stored.get(name) != fields[name]
        }
        values: dict[str, Any] = {}
        if changes:
            values = {**{name: fields[name] for name in changes}, "revision": cluster.revision + 1}
            session.add(
                schema.IncidentRevision(incident_id=cluster.incident_id, revision=cluster.revision + 1, changes=changes)
            )
            result.updated.append(cluster.incident_id)
        if abs(float(stored.get("confidence") or 0.0) - fields["confidence"]) > 1e-9:
            values["confidence"] = fields["confidence"]
        if values:
            session.execute(
                sa.update(schema.Incident)
                .where(schema.Incident.id == cluster.incident_id)
                .values(updated_at=now, **values)
            )
    session.add_all(
        schema.IncidentArticle(incident_id=cluster.incident_id, article_id=article_id, similarity=sim)
        for article_id, sim in cluster.new_links
    )
    result.articles += len(cluster.new_links)


def resolve_incidents(
    session: Session,
    model_version: str,
    similarity: Similarity = token_jaccard,
    policy: MatchPolicy | None = None,
) -> ResolveResult:
    """Attach every labelled attack/operation report not yet in an incident to its incident, or open one.

    A report joins an incident of the same event type whose day is within ±window of its own
    (published date, else fetch date, in Pakistan time), at a compatible place and attack type, and
    whose reports are textually similar enough for the strength of the place match. Merged fields are
    recomputed from all reports; a change makes a new revision with an incident_revisions row. Articles
    already attached are never looked at again, so a second run with nothing new changes nothing.
    """
    policy = policy or MatchPolicy()
    result = ResolveResult()
    reports = _pending_reports(session, model_version, policy)
    if not reports:
        return result
    days = [r.day for r in reports]
    index = _Index(policy.window_days)
    touched: list[_Cluster] = []
    for cluster in _existing_clusters(session, model_version, min(days), max(days), policy):
        index.add(cluster)
    for report in reports:
        match = _best_match(report, index.near(report.day), similarity, policy)
        if match is None:
            cluster = _Cluster(event_type=report.event_type, reports=[report], fields=merge_reports([report], policy))
            cluster.new_links.append((report.article_id, None))
            index.add(cluster)
            touched.append(cluster)
            continue
        cluster, score = match
        old_day = cluster.fields["occurred_on"]
        cluster.reports.append(report)
        cluster.fields = merge_reports(cluster.reports, policy)
        index.move(cluster, old_day)
        if not cluster.new_links:
            touched.append(cluster)
        cluster.new_links.append((report.article_id, round(score, 4)))
        log.debug("article %s joins incident %s (similarity %.3f)", report.article_id, cluster.incident_id, score)
    for cluster in touched:
        _write(session, cluster, result)
    session.flush()
    log.info(
        "resolved %d articles: %d new incidents, %d revised",
        result.articles,
        len(result.new),
        len(result.updated),
    )
    return result
