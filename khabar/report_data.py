"""What the HTML report shows, gathered from the warehouse: totals, trend charts, map points, data quality."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from markupsafe import Markup
from sqlalchemy.orm import Session

from khabar.palette import colours_for, top_keys
from khabar.report_charts import series, stacked_bars
from warehouse import schema
from warehouse.filters import IncidentFilter
from warehouse.health import source_health
from warehouse.queries import IncidentRow, list_incidents
from warehouse.trends import Period, TrendKey, TrendTable, trend_table

MAX_KEYS = 8  # colours per chart row; the rest are summed as "other"
DIMENSIONS: tuple[tuple[TrendKey, str], ...] = (
    ("province", "province"),
    ("group", "group"),
    ("attack_type", "attack type"),
)
ATTACK_MEASURES = (("attacks", "attacks"), ("killed", "killed"), ("injured", "injured"))
OPERATION_MEASURES = (("operations", "security operations"), ("militants_killed", "militants killed"))
LOW_CONFIDENCE = 0.5
CRAWL_WINDOW = timedelta(days=7)


@dataclass(slots=True)
class ChartRow:
    """One row of charts (a dimension): its legend and a chart per measure."""

    title: str
    legend: list[tuple[str, str]]
    charts: list[tuple[str, Markup]]


@dataclass(slots=True)
class Quality:
    attacks: int = 0
    unknown_group: int = 0
    killed_unknown: int = 0
    injured_unknown: int = 0
    no_district: int = 0
    low_confidence: int = 0
    sources: list[dict[str, Any]] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)
    crawl_failures: list[tuple[str, int]] = field(default_factory=list)
    runs_with_errors: int = 0

    @staticmethod
    def share(part: int, whole: int) -> str:
        return f"{part / whole:.0%}" if whole else "–"


def choose_period(first: date, last: date) -> Period:
    """Months for long ranges, weeks for a few months, days for a few weeks."""
    span = (last - first).days
    if span > 180:
        return "month"
    if span > 42:
        return "week"
    return "day"


def _row(table: TrendTable, title: str, weigh: str, measures: Sequence[tuple[str, str]], label: str) -> ChartRow | None:
    """A row of charts, one per (measure, title), coloured by the keys with the most `weigh`."""
    weights: Counter[str] = Counter()
    for p in table.points:
        weights[p.key] += getattr(p, weigh)
    keys = top_keys({k: w for k, w in weights.items() if w}, MAX_KEYS)
    if not keys:
        return None
    colours = colours_for(keys)
    charts = []
    for measure, name in measures:
        chart = series(measure, f"{name} by {label} per {table.period}", table.points, table.buckets, keys)
        charts.append((name, stacked_bars(chart, colours)))
    return ChartRow(title, [(k, colours[k]) for k in keys], charts)


def chart_rows(session: Session, filters: IncidentFilter, period: Period, today: date) -> list[ChartRow]:
    """Attacks, killed and injured per period for each dimension, then operations and militants killed."""
    rows = []
    for by, label in DIMENSIONS:
        table = trend_table(session, by, period, filters, today)
        rows.append(_row(table, f"Attacks by {label}", "attacks", ATTACK_MEASURES, label))
    table = trend_table(session, "province", period, filters, today)
    rows.append(_row(table, "Security operations by province", "operations", OPERATION_MEASURES, "province"))
    return [row for row in rows if row is not None]


def quality(session: Session, incidents: Sequence[IncidentRow], now: datetime) -> Quality:
    """Unknown groups, missing tolls, unplaced or doubtful incidents, and sources that fail."""
    attacks = [i for i in incidents if i.event_type == "attack"]
    q = Quality(
        attacks=len(attacks),
        unknown_group=sum(i.group == "unknown" for i in attacks),
        killed_unknown=sum(i.killed is None for i in attacks),
        injured_unknown=sum(i.injured is None for i in attacks),
        no_district=sum(i.district is None for i in incidents),
        low_confidence=sum(i.confidence < LOW_CONFIDENCE for i in incidents),
    )
    q.sources = [h.as_dict() for h in source_health(session, now=now)]
    q.failing = [s["source"] for s in q.sources if s["status"] not in ("ok", "never crawled")]
    runs = session.scalars(sa.select(schema.CrawlRun).where(schema.CrawlRun.finished_at >= now - CRAWL_WINDOW))
    reasons: Counter[str] = Counter()
    for run in runs:
        q.runs_with_errors += bool(run.error)
        for reason, count in (run.failure_reasons or {}).items():
            reasons[f"{run.source}: {reason}"] += int(count)
    q.crawl_failures = reasons.most_common(12)
    return q


def outlets(session: Session, urls: Sequence[str]) -> dict[str, str]:
    """Each article URL's source (outlet) name, for link texts."""
    found: dict[str, str] = {}
    unique = sorted(set(urls))
    for start in range(0, len(unique), 500):
        rows = session.execute(
            sa.select(schema.Article.canonical_url, schema.Article.source).where(
                schema.Article.canonical_url.in_(unique[start : start + 500])
            )
        )
        found.update({url: source for url, source in rows})
    return found


def gather(session: Session, filters: IncidentFilter, period: Period | None, now: datetime) -> dict[str, Any]:
    """Everything the template needs except the map (drawn from `incidents`)."""
    today = (now + timedelta(hours=5)).date()  # Pakistan's calendar day, as incidents' occurred_on
    everything = replace(filters, limit=None)
    incidents = list_incidents(session, filters=everything)
    first = filters.since or (min(i.occurred_on for i in incidents) if incidents else today)
    last = filters.until or today
    period = period or choose_period(first, last)
    attacks = [i for i in incidents if i.event_type == "attack"]
    latest = incidents[: filters.limit or 50]
    return {
        "generated_at": now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "range": (first, last),
        "to_date": filters.until is None or filters.until >= today,
        "period": period,
        "filters": filters.describe(),
        "incidents": incidents,
        "latest": latest,
        "outlets": outlets(session, [url for i in latest for url in i.sources]),
        "totals": {
            "attacks": len(attacks),
            "killed": sum(i.killed or 0 for i in attacks),
            "injured": sum(i.injured or 0 for i in attacks),
            "operations": len(incidents) - len(attacks),
            "militants_killed": sum(i.militants_killed or 0 for i in incidents),
        },
        "chart_rows": chart_rows(session, everything, period, today) if incidents else [],
        "quality": quality(session, incidents, now),
    }
