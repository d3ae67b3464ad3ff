"""Trend tables: attacks, tolls and security operations per period and key, every period of the range present.

Bucketed in Python after one plain select, so SQLite and PostgreSQL give identical rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from domain.taxonomy import EventType
from warehouse import schema
from warehouse.filters import IncidentFilter

TrendKey = Literal["province", "district", "group", "attack_type"]
Period = Literal["day", "week", "month"]
TREND_KEYS: tuple[TrendKey, ...] = ("province", "district", "group", "attack_type")
PERIODS: tuple[Period, ...] = ("day", "week", "month")

# Pakistan Standard Time (no DST): incidents' `occurred_on` are PKT calendar days, so "today" is too.
PKT = timezone(timedelta(hours=5), "PKT")
UNKNOWN_KEY = "unknown"
# A security operation has no attack type; grouped by attack type it falls under this key.
NO_ATTACK_TYPE_KEY = "none"

_KEY_COLUMNS = {
    "province": schema.Incident.province,
    "district": schema.Incident.district,
    "group": schema.Incident.group_code,
    "attack_type": schema.Incident.attack_type,
}


def today_pkt() -> date:
    return datetime.now(PKT).date()


def bucket_of(day: date, period: Period | str) -> str:
    """The period label of a day: '2026-03-05', ISO week '2026-W10', or '2026-03'."""
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"period must be day, week or month, not {period!r}")


def bucket_start(day: date, period: Period | str) -> date:
    """The first day of the period that contains `day` (weeks start on Monday, as ISO weeks do)."""
    bucket_of(day, period)  # validates the period
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def _next_start(start: date, period: Period | str) -> date:
    if period == "day":
        return start + timedelta(days=1)
    if period == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True, slots=True)
class Bucket:
    """One period of a trend: its label, first and last day, and whether the range covers it only in part."""

    label: str
    start: date
    end: date
    partial: bool


def buckets(period: Period | str, first: date, last: date, *, observed_from: date, observed_to: date) -> list[Bucket]:
    """Every period from the one holding `first` to the one holding `last`, oldest first.

    A period is partial when the observed days (`observed_from`..`observed_to`: the filter's range,
    up to yesterday) do not cover all of it — the current month, or a month cut by --since/--until.
    """
    out = []
    start = bucket_start(first, period)
    while start <= last:
        following = _next_start(start, period)
        end = following - timedelta(days=1)
        partial = observed_from > start or observed_to < end
        out.append(Bucket(bucket_of(start, period), start, end, partial))
        start = following
    return out


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One period and key: attacks and their victims, how many tolls were unknown, operations, militants killed.

    `killed`/`injured` are victims of attacks (attackers excluded); `killed_unknown`/`injured_unknown`
    count attacks whose reports gave no figure (they add 0 to the sums). `militants_killed` adds up
    every selected incident's figure: militants killed in operations and attackers killed in attacks.
    """

    bucket: str
    key: str
    attacks: int = 0
    killed: int = 0
    injured: int = 0
    killed_unknown: int = 0
    injured_unknown: int = 0
    operations: int = 0
    militants_killed: int = 0
    partial: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TrendTable:
    """The rows of a trend and the range they cover (empty rows when no incident matched)."""

    by: TrendKey
    period: Period
    points: list[TrendPoint]
    buckets: list[Bucket]
    keys: list[str]

    @property
    def attacks(self) -> int:
        return sum(p.attacks for p in self.points)

    @property
    def operations(self) -> int:
        return sum(p.operations for p in self.points)

    @property
    def killed_unknown(self) -> int:
        return sum(p.killed_unknown for p in self.points)

    @property
    def injured_unknown(self) -> int:
        return sum(p.injured_unknown for p in self.points)


def _key(by: str, event_type: str, value: str | None) -> str:
    if value:
        return value
    if by == "attack_type" and event_type != EventType.ATTACK.value:
        return NO_ATTACK_TYPE_KEY
    return UNKNOWN_KEY


def trend_table(
    session: Session, by: TrendKey, period: Period, filters: IncidentFilter | None = None, today: date | None = None
) -> TrendTable:
    """Per period and key, for the incidents `filters` selects; every period of the range, zero-filled.

    The range runs from `filters.since` (else the first matching incident) to `filters.until` (else
    today in Pakistan, or the last incident if later). Each key that has any matching incident gets a
    row in every period. A period is partial when the range covers only part of it or it holds today
    (not over yet). `filters.limit` keeps the keys with the most attacks (then operations).
    """
    if by not in _KEY_COLUMNS:
        raise ValueError(f"by must be one of {', '.join(_KEY_COLUMNS)}, not {by!r}")
    bucket_of(date(2000, 1, 1), period)  # validates `period` before touching the database
    filters = filters or IncidentFilter()
    today = today or today_pkt()
    inc = schema.Incident
    key_column = _KEY_COLUMNS[by]
    # Summed per day in the database (a day lies in one bucket of every period), bucketed here.
    stmt = (
        sa.select(
            inc.occurred_on,
            inc.event_type,
            key_column,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(inc.killed), 0),
            sa.func.coalesce(sa.func.sum(inc.injured), 0),
            sa.func.count() - sa.func.count(inc.killed),
            sa.func.count() - sa.func.count(inc.injured),
            sa.func.coalesce(sa.func.sum(inc.militants_killed), 0),
        )
        .where(*filters.conditions())
        .group_by(inc.occurred_on, inc.event_type, key_column)
    )
    rows = session.execute(stmt).all()
    if not rows:
        return TrendTable(by, period, [], [], [])
    days = [row.occurred_on for row in rows]
    first = filters.since or min(days)
    last = filters.until or max(today, max(days))
    observed_to = min(last, today - timedelta(days=1))  # today is still under way
    ranged = buckets(period, first, last, observed_from=first if filters.since else date.min, observed_to=observed_to)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 7)
    for row in rows:
        occurred_on, event_type, value = row[0], row[1], row[2]
        count, killed, injured, killed_unknown, injured_unknown, militants = (int(v or 0) for v in row[3:])
        t = totals[(bucket_of(occurred_on, period), _key(by, event_type, value))]
        if event_type == EventType.ATTACK.value:
            t[0] += count
            t[1] += killed
            t[2] += injured
            t[3] += killed_unknown
            t[4] += injured_unknown
        else:
            t[5] += count
        t[6] += militants
    weight: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for (_, key), t in totals.items():
        attacks, operations = weight[key]
        weight[key] = (attacks + t[0], operations + t[5])
    keys = sorted(weight)
    if filters.limit is not None:
        top = sorted(keys, key=lambda k: (-weight[k][0], -weight[k][1], k))[: filters.limit]
        keys = sorted(top)
    points = []
    for b in ranged:
        for key in keys:
            t = totals.get((b.label, key)) or [0] * 7
            points.append(TrendPoint(b.label, key, t[0], t[1], t[2], t[3], t[4], t[5], t[6], partial=b.partial))
    return TrendTable(by, period, points, ranged, keys)
